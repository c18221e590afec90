import sys

from cps.cli import main

sys.exit(main())
