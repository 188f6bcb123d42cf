"""The user guide's examples are run, so the guide cannot drift from the code.

- docs/guide/cli.md and cli-reference.md: every ```console block is a session. Lines starting with "$ " are
  commands (electsec runs as `python -m electsec`, the same program as the binary; mkdir
  as itself); the lines after one are what it prints, stdout and stderr together, where a
  line "..." stands for any number of lines. A ```json or ```csv block with a file name after
  the language writes that file first. A page's blocks share one empty folder, in page order.
- docs/guide/python.md: the ```pycon blocks are one doctest, run in an empty folder.
- docs/guide/cpp.md: a ```cpp or ```cmake block with a path after the language
  ("```cpp examples/cpp/first_steps.cpp") must equal that file of the repository, which
  ctest builds and runs elsewhere; a ```text first_steps block is what that program
  prints (checked when ctest runs pytest and says where the examples are built).
"""
import doctest
import os
import pathlib
import re
import shlex
import subprocess
import sys

import pytest

import electsec

ROOT = pathlib.Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide"

FENCE = re.compile(r"^```([a-z]+)(?: (\S+))?\n(.*?)^```$", re.S | re.M)


def blocks(page, *languages):
    """(language, name, body, line number) of the fenced blocks of a page, in order."""
    text = (GUIDE / page).read_text(encoding="utf-8")
    for m in FENCE.finditer(text):
        if m.group(1) in languages:
            yield m.group(1), m.group(2), m.group(3), text.count("\n", 0, m.start()) + 1


def expected_pattern(lines):
    parts = []
    for line in lines:
        parts.append(r"(?:[^\n]*\n)*?" if line == "..." else re.escape(line.rstrip()) + r"\n")
    return re.compile("".join(parts))


def matches(expected_lines, actual):
    actual = "".join(line.rstrip() + "\n" for line in actual.splitlines())
    return expected_pattern(expected_lines).fullmatch(actual) is not None


def test_the_matcher_can_fail():
    assert matches(["a", "...", "d"], "a\nb\nc\nd\n")
    assert matches(["a", "..."], "a\n")
    assert not matches(["a", "d"], "a\nb\nd\n")
    assert not matches(["a", "...", "e"], "a\nb\nd\n")
    assert not matches(["a"], "a\nextra\n")


def sessions(page):
    """Steps of a page: ('file', name, body, line) or ('run', command, expected lines, line)."""
    steps = []
    for language, name, body, line in blocks(page, "console", "json", "csv"):
        if language in ("json", "csv"):
            if name:
                steps.append(("file", name, body, line))
            continue
        command = None
        for offset, text in enumerate(body.splitlines(), start=1):
            if text.startswith("$ "):
                if command:
                    steps.append(("run", *command))
                command = (text[2:], [], line + offset)
            else:
                assert command, f"{page}:{line + offset}: output before any command"
                command[1].append(text)
        if command:
            steps.append(("run", *command))
    return steps


@pytest.mark.parametrize("page", ["cli.md", "cli-reference.md"])
def test_the_command_line_pages_run_as_shown(tmp_path, page):
    steps = sessions(page)
    assert sum(kind == "run" for kind, *_ in steps) >= 20
    # The package this test imported, wherever the folder the commands run in is.
    package_dir = str(pathlib.Path(electsec.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_dir, os.environ.get("PYTHONPATH")])))
    failures = []
    for kind, what, body, line in steps:
        if kind == "file":
            (tmp_path / what).write_text(body, encoding="utf-8")
            continue
        args = shlex.split(what)
        if args[0] == "electsec":
            args = [sys.executable, "-m", "electsec", *args[1:]]
        else:
            assert args[0] in {"mkdir"}, f"{page}:{line}: the guide may only run electsec and mkdir"
        run = subprocess.run(args, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
        if not matches(body, run.stdout):
            failures.append(f"{page}:{line}: $ {what}\n--- shown\n" + "\n".join(body) +
                            "\n--- printed\n" + run.stdout)
    assert not failures, "\n\n".join(failures)


def test_the_reference_has_every_command():
    code, out, _ = electsec.run_cli(["--help"])
    listed = re.findall(r"^  ([a-z][a-z-]+)  ", out.split("commands:")[1].split("options")[0], re.M)
    assert code == 0 and len(listed) >= 20
    documented = [what.split()[1] for kind, what, *_ in sessions("cli-reference.md")
                  if kind == "run" and what.endswith(" --help") and len(what.split()) == 3]
    assert documented == listed


def test_the_python_guide_runs_as_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    names = {}  # one namespace for the whole page, block after block
    out = []
    examples = 0
    for _, _, body, line in blocks("python.md", "pycon"):
        test = parser.get_doctest(body, names, "python.md", str(GUIDE / "python.md"), line)
        examples += len(test.examples)
        runner.run(test, out=out.append, clear_globs=False)
        names = test.globs  # DocTest copies the namespace it is given; carry the copy on
    assert examples >= 20
    assert runner.failures == 0, "".join(out)


def embedded_files():
    return [(name, body, line) for _, name, body, line in blocks("cpp.md", "cpp", "cmake") if name]


@pytest.mark.skipif("ELECTSEC_EXAMPLES_DIR" not in os.environ,
                    reason="ctest sets ELECTSEC_EXAMPLES_DIR to where the examples are built")
@pytest.mark.parametrize("program", ["first_steps", "state_history"])
def test_the_cpp_guides_programs_print_what_the_page_shows(tmp_path, program):
    shown = [body for _, name, body, _ in blocks("cpp.md", "text") if name == program]
    assert len(shown) == 1
    binary = pathlib.Path(os.environ["ELECTSEC_EXAMPLES_DIR"]) / program
    run = subprocess.run([str(binary)], cwd=tmp_path, capture_output=True, text=True)
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == shown[0]


def test_the_cpp_guide_shows_files_that_ctest_builds():
    files = embedded_files()
    assert {name for name, _, _ in files} >= {"examples/cpp/first_steps.cpp", "examples/cpp/state_history.cpp",
                                              "tests/package/consumer.cpp",
                                              "tests/package/find_package/CMakeLists.txt",
                                              "tests/package/add_subdirectory/CMakeLists.txt"}
    for path, body, line in files:
        text = (ROOT / path).read_text(encoding="utf-8")
        assert body == text, f"cpp.md:{line}: the block differs from {path}"


LINK = re.compile(r"\]\(([^)\s]+)\)")


def slug(heading):
    """The anchor GitHub gives a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def markdown_pages():
    return sorted([*ROOT.glob("*.md"), *(ROOT / "docs").rglob("*.md")])


def test_relative_links_in_the_docs_resolve():
    broken = []
    for page in markdown_pages():
        text = page.read_text(encoding="utf-8")
        for target in LINK.findall(FENCE.sub("", text)):
            if re.match(r"[a-z]+:", target):
                continue  # http:, https:, mailto:
            path, _, anchor = target.partition("#")
            resolved = (page.parent / path).resolve() if path else page
            if not resolved.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
            elif anchor and resolved.suffix == ".md":
                headings = re.findall(r"^#+ (.+)$", FENCE.sub("", resolved.read_text(encoding="utf-8")), re.M)
                if anchor not in {slug(h) for h in headings}:
                    broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, "\n".join(broken)


def test_the_link_helpers():
    assert slug("The prioritized plan") == "the-prioritized-plan"
    assert slug("Exit codes and errors") == "exit-codes-and-errors"
    assert LINK.findall("see [rules](rules.md#maturity) and [x](https://a.b)") == ["rules.md#maturity", "https://a.b"]


def test_every_file_the_docs_and_headers_name_is_in_the_repository():
    """A public header, README.md, CHANGELOG.md or a page of the docs that points a reader at a
    file (a page of the docs, a data file, an example) names one that ships with electsec, not
    a file of the project's own working notes."""
    named = re.compile(r"(?<![\w/.-])((?:docs|data|examples|scripts|include|tests)/[\w./-]+\.\w+|[A-Z]+\.md)\b")
    missing = []
    pages = sorted((ROOT / "include" / "electsec").glob("*.hpp")) + [ROOT / "README.md", ROOT / "CHANGELOG.md"]
    pages += sorted((ROOT / "docs").glob("*.md")) + sorted(GUIDE.glob("*.md"))
    for page in pages:
        for number, line in enumerate(page.read_text().splitlines(), 1):
            for name in named.findall(line):
                if not (ROOT / name).exists():
                    missing.append(f"{page.relative_to(ROOT)}:{number}: {name}")
    assert not missing, "\n".join(missing)
