"""`python -m electsec ...` runs the same command line as the electsec binary."""

import sys

from ._core import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
