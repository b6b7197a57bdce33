"""Entry point of the frozen program (PyInstaller needs a script, not a console_scripts entry)."""

import sys

from protokol_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
