"""The HTML report in headless Chromium: it renders (a screenshot is taken), hostile input
stays text (no script runs, no element is injected), and the file needs no network.

usage: check_html_report.py ELECTSEC_BINARY WORK_DIR
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

HOSTILE_NAME = '<script>document.title="PWNED"</script> & "Quote" \'Apostrophe\' Ünïcödé ' + "y" * 400
HOSTILE_NOTE = '"><img src=x onerror="document.title=\'PWNED\'"> | *stars* & more'
office = work / "hostile.json"
office.unlink(missing_ok=True)


def cli(*args):
    subprocess.run([exe, *args], check=True, capture_output=True, text=True)


cli("assess", "init", str(office), "--id", 'x" onmouseover="alert(1)', "--name", HOSTILE_NAME, "--state", "<b>XX</b>",
    "--kind", "county", "--maturity", "1")
cli("assess", "set", str(office), "asset_management.l1.2", "in_progress", "--note", HOSTILE_NOTE)
html = work / "report.html"
cli("report", "--assessment", str(office), "--format", "html", "-o", str(html))
source = html.read_text(encoding="utf-8")
assert "<script" not in source.lower(), "a <script> tag reached the HTML"
assert "<img" not in source.lower(), "an <img> tag reached the HTML"
assert 'onmouseover="' not in source, "an attribute was injected"
offline = source.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a namespace name, not a fetch
# Links to the guide's references are for the reader to follow; nothing else may name the
# network (no image, style or script is fetched).
links = re.findall(r'<a href="(https?://[^"]*)">', offline)
assert links, "the report links none of the guide's references"
offline = re.sub(r'<a href="https?://[^"]*">', "<a>", offline)
assert "http://" not in offline and "https://" not in offline, "the report refers to the network"
assert "&lt;script&gt;" in source and "&quot;" in source and "&#39;" in source and "Ünïcödé" in source

flags = FLAGS
with tempfile.TemporaryDirectory() as profile:
    dom = subprocess.run([chromium, *flags, f"--user-data-dir={profile}", "--dump-dom", html.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
with tempfile.TemporaryDirectory() as profile:
    shot = work / "report.png"
    shot.unlink(missing_ok=True)
    subprocess.run([chromium, *flags, f"--user-data-dir={profile}", "--window-size=900,1600",
                    f"--screenshot={shot}", html.as_uri()], capture_output=True, timeout=120)
assert "PWNED" not in dom.split("<title>")[1].split("</title>")[0].replace("&quot;PWNED&quot;", "").replace('"PWNED"', ""), \
    "a script changed the title"
assert "<script" not in dom.lower() and "<img" not in dom.lower(), "the browser built injected elements"
assert dom.count("<svg") >= 1 and "Completion by practice" in dom
assert shot.exists() and shot.stat().st_size > 10_000, "no screenshot"
print(f"rendered {html} ({len(source)} bytes), screenshot {shot} ({shot.stat().st_size} bytes), no script ran")
