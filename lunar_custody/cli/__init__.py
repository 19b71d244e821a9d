"""The command line: the same service functions as the windows, for scripts and terminals.

``lunar-custody`` with no command opens the workstation window. Every command takes
``--db PATH_OR_URL`` and ``--json`` (before or after the command name): with ``--json``
whatever a command prints is JSON instead of sentences (``Session.data``, ``Session.done``).
Expected failures print one plain sentence on stderr and exit non-zero
(1 refused, 2 usage, 3 database); anything unexpected is logged and exits 70.

main.py parses and runs a command; each feature module (samples.py, loans.py, …) registers
its own commands beside their handlers; common.py, output.py and credentials.py hold what
they share.
"""

# As in unittest, the function shadows its module here: ``lunar_custody.cli.main`` is the
# function (the console script's entry point); reach the module with ``from .main import ...``.
from .common import EXIT_BUG, EXIT_USAGE
from .main import build_parser, main

__all__ = ["EXIT_BUG", "EXIT_USAGE", "build_parser", "main"]
