"""What the report tests share: the headless Chromium they render with, and its flags."""
import shutil
import sys

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium():
    """The chromium binary; exits the test with a message when it is not installed."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        print("chromium is not installed (scripts/install-deps installs it)")
        sys.exit(1)
    return found
