"""Run the command line: python -m bilateral check|export|schema."""

import sys

from .cli import main

sys.exit(main())
