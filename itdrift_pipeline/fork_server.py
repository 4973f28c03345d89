"""Imported first by the fork servers worker processes start from (extract.pages.page_workers,
defs.runner): when the server ends, it skips the interpreter's teardown.

A fork server lives until the command that started it exits, then frees every module it imported
(pdfplumber's, Dagster's, pandas'): 0.3-0.8 s during which it still holds the command's stdout and
stderr, so whatever reads them (`itdrift run | tee log`, CI, a benchmark) waits for it. The server has
nothing to finalise: its workers have ended, it writes nothing. Imported anywhere else this does nothing:
it acts only in the process multiprocessing started as a fork server.
"""

import atexit
import os
import sys

# How multiprocessing starts a fork server: python -c 'from multiprocessing.forkserver import main; ...'.
_FORK_SERVER_COMMAND = "from multiprocessing.forkserver import main"


def is_fork_server() -> bool:
    """True in a process multiprocessing started as its fork server."""
    return any(_FORK_SERVER_COMMAND in argument for argument in getattr(sys, "orig_argv", ()))


if is_fork_server():
    atexit.register(os._exit, 0)
