"""``python -m hcc_kg.cli``: the ``hcc-kg`` command, for environments without the console script."""

import sys

from . import main

sys.exit(main())
