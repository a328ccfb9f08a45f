"""``python -m stemcpd`` runs the command-line interface."""

import sys

from stemcpd.cli import main

sys.exit(main())
