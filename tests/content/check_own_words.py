"""The project's prose in data/ must be its own words.

Uses the shared own-words check (shared/tools/own_words.py: its reference texts, its
tokenizer, its allowance for known titles) on every prose field of every data file:
summaries, goal and action texts, tool descriptions, glossary definitions, maturity
descriptions and statements, guidance titles, texts and reasons. Facts (ids, names, titles
of documents, URLs, numbers, acronym expansions) are not prose and are not checked; each
prose field is checked on its own, so a run never spans two fields. Any run of 10 words
shared with the sources fails this test.

usage: check_own_words.py OWN_WORDS_PY DATA_DIR
"""
import importlib.util
import json
import os
import sys

PROSE_KEYS = {"summary", "text", "description", "definition", "reason"}

tool, data_dir = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("own_words", tool)
ow = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ow)

N = 10
reference = set()
for path in ow.reference_files():
    reference |= ow.shingles(ow.words(open(path, encoding="utf-8", errors="replace").read()), N)
allowed = set()
for title in ow.known_titles():
    allowed |= ow.shingles(title, N)
reference -= allowed


def prose(node, where):
    """Yield (where, text) for every prose string under node."""
    if isinstance(node, dict):
        is_recommendation = "source" in node and "audience" in node
        for key, value in node.items():
            here = f"{where}/{key}"
            if isinstance(value, str) and (key in PROSE_KEYS or (key == "title" and is_recommendation)):
                yield here, value
            else:
                yield from prose(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from prose(value, f"{where}/{i}")


failures = fields = files = 0
for root, _, names in os.walk(data_dir):
    for name in sorted(names):
        if not name.endswith(".json"):
            continue
        path = os.path.join(root, name)
        files += 1
        for where, text in prose(json.load(open(path, encoding="utf-8")), ""):
            fields += 1
            words = ow.words(text)
            for i in range(len(words) - N + 1):
                run = " ".join(words[i:i + N])
                if run in reference:
                    failures += 1
                    print(f"{os.path.relpath(path, data_dir)}{where}: repeats the sources: \"{run}\"")
print(f"{files} data files, {fields} prose fields checked, {failures} runs of {N} words from the sources")
sys.exit(1 if failures or fields == 0 else 0)
