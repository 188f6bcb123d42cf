"""The reports as people see them: a sample county's report and its state's report, made by
the command line from a history store, rendered by headless Chromium at a desktop width and
at a phone's, and printed to PDF. Checks that each picture and PDF is made and that the
pages hold what a reader looks for first; the user guide's pictures are these
(scripts/update-screenshots copies them into docs/guide/images/).

usage: render_reports.py ELECTSEC_BINARY WORK_DIR
"""
import pathlib
import re
import subprocess
import sys
import tempfile

from browser import FLAGS, chromium as find_chromium

exe, work = sys.argv[1], pathlib.Path(sys.argv[2])
work.mkdir(parents=True, exist_ok=True)
chromium = find_chromium()


def cli(*args):
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


# A small state over 2026, every date fixed, so the pictures are the same on every run.
store = work / "sample-state.db"
for suffix in ("", "-wal", "-shm"):
    pathlib.Path(str(store) + suffix).unlink(missing_ok=True)
cli("store", "init", str(store))
COUNTIES = [("adams", "Adams", 1, 9), ("berks", "Berks", 2, 5), ("centre", "Centre", 1, 2), ("erie", "Erie", 2, 7),
            ("lehigh", "Lehigh", 3, 4), ("perry", "Perry", 1, 0)]
level1 = [a.split(",")[0] for a in cli("actions", "--maturity", "1", "--format", "csv").splitlines()[1:]]
for key, name, level, pace in COUNTIES:
    office = work / f"{key}.json"
    office.unlink(missing_ok=True)
    cli("assess", "init", str(office), "--id", f"us-pa-{key}", "--name", f"{name} County", "--state", "PA", "--kind",
        "county", "--maturity", str(level))
    cli("store", "import", str(store), str(office), "--date", "2025-12-01", "--author", "state office")
    for month in range(1, 11):
        for n in range(pace):
            action = level1[(month * pace + n) % len(level1)]
            status = "in_progress" if n == pace - 1 and month == 10 else "done"
            cli("store", "set", str(store), f"us-pa-{key}", action, status, "--date", f"2026-{month:02}-{10 + n:02}",
                "--author", f"{name} clerk")
cli("store", "set", str(store), "us-pa-adams", level1[0], "in_progress", "--note", "laptops done; servers next",
    "--date", "2026-10-28", "--author", "Adams clerk")

reports = {
    "office": ["--office", "us-pa-adams", "--title", "Adams County: election security for the board"],
    "state": ["--title", "Pennsylvania counties: election security", "--max-offices", "6", "--stalled-days", "60"],
}
htmls = []
flags = FLAGS + ["--hide-scrollbars"]
for kind, extra in reports.items():
    html = work / f"{kind}-report.html"
    cli("report", "--store", str(store), *extra, "--since", "2026-01-01", "--as-of", "2026-10-31", "--report-date",
        "2026-11-02", "--format", "html", "-o", str(html))
    text = html.read_text(encoding="utf-8")
    assert "Report date: 2026-11-02." in text, kind
    assert "<svg" in text and "Progress from 2026-01-01 to 2026-10-31" in text, kind
    if kind == "office":
        assert "laptops done; servers next" in text and "Start here: worksheet" in text
    else:
        assert "Perry County" in text and "No status change for 60 days or more" in text
    for width, height in ((1280, 1800), (390, 1800)):
        shot = work / f"{kind}-report-{width}.png"
        shot.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([chromium, *flags, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                            f"--screenshot={shot}", html.as_uri()], capture_output=True, timeout=120)
        assert shot.exists() and shot.stat().st_size > 20_000, f"no picture of the {kind} report at {width} px"
    pdf = work / f"{kind}-report.pdf"
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, *flags, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", html.as_uri()], capture_output=True, timeout=120)
    data = pdf.read_bytes() if pdf.exists() else b""
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert data.startswith(b"%PDF") and pages >= 1, f"no PDF of the {kind} report"
    print(f"{kind} report: {html.name}, pictures at 1280 and 390 px, {pdf.name} ({pages} pages)")
    htmls.append(html)

# At a phone's width the page itself never scrolls sideways (a wide table scrolls in place).
from selenium import webdriver  # noqa: E402 (python3-selenium; scripts/install-deps installs it)

options = webdriver.ChromeOptions()
for flag in ("--headless", "--no-sandbox", "--disable-gpu"):
    options.add_argument(flag)
driver = webdriver.Chrome(options=options)
try:
    driver.set_window_size(390, 900)
    for html in htmls:
        driver.get(html.as_uri())
        inner, page = driver.execute_script(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        assert page <= inner, f"{html.name} is {page} px wide in a {inner} px phone screen"
        print(f"{html.name} at a phone's width: {page} px in {inner} px")
finally:
    driver.quit()
