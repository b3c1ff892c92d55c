"""``python -m factcheck``."""

import sys

from .cli.main import entry

entry()
