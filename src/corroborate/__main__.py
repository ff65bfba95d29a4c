"""``python -m corroborate``: the same command as the ``corroborate`` console script."""

import sys

from corroborate.cli import main

sys.exit(main())
