"""The project's prose in data/ must be its own words.

Runs the shared own-words check (shared/tools/own_words.py) over data/, with one
refinement: runs made only of numbers (Handbook numbers, Safeguard ids) or lying inside
URLs are facts that must stay exactly as the sources give them, so they are not counted.
Any other run of 10 words shared with the sources fails this test.

usage: check_own_words.py OWN_WORDS_PY DATA_DIR
"""
import importlib.util
import os
import re
import sys

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

URL = re.compile(r"(?:https?://|mailto:|/_static/)[^\s\"]*")
failures = 0
checked = 0
for root, _, files in os.walk(data_dir):
    for name in sorted(files):
        if not name.endswith(".json"):
            continue
        path = os.path.join(root, name)
        checked += 1
        words = ow.words(URL.sub(" ", open(path, encoding="utf-8").read()))
        for i in range(len(words) - N + 1):
            run = words[i:i + N]
            if all(w.isdigit() for w in run):
                continue
            if " ".join(run) in reference:
                failures += 1
                print(f"{os.path.relpath(path, data_dir)}: repeats the sources: \"{' '.join(run)}\"")
print(f"{checked} data files checked, {failures} runs of {N} words from the sources")
sys.exit(1 if failures or checked == 0 else 0)
