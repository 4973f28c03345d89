"""Imported first by the fork servers worker processes start from (extract.pages.page_workers,
defs.runner): when the server ends, it skips the interpreter's teardown.

A fork server lives until the command that started it exits, then frees every module it imported
(pdfplumber's, Dagster's, pandas'): 0.3-0.8 s during which it still holds the command's stdout and
stderr, so whatever reads them (`itdrift run | tee log`, CI, a benchmark) waits for it. The server has
nothing to finalise: its workers have ended, it writes nothing. Imported anywhere else this does nothing:
it acts only in the process multiprocessing started as a fork server.

It also starts `itdrift run`'s fork server (start_run_worker_server), from a module light enough for the
command to import before its own Dagster imports.
"""

import atexit
import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os
import sys

# How multiprocessing starts a fork server: python -c 'from multiprocessing.forkserver import main; ...'.
_FORK_SERVER_COMMAND = "from multiprocessing.forkserver import main"


def is_fork_server() -> bool:
    """True in a process multiprocessing started as its fork server."""
    return any(_FORK_SERVER_COMMAND in argument for argument in getattr(sys, "orig_argv", ()))


if is_fork_server():
    atexit.register(os._exit, 0)


# What the server `itdrift run`'s document workers fork from imports once, instead of each worker on its own
# (seconds each, on the cores the documents need): Dagster and the assets (the runner), the validator.
RUN_WORKER_MODULES = [
    "itdrift_pipeline.fork_server", "itdrift_pipeline.defs.runner", "itdrift_pipeline.validate"
]


def run_worker_context() -> multiprocessing.context.ForkServerContext:
    """The multiprocessing context `itdrift run` starts its document workers in."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(RUN_WORKER_MODULES)
    return context


def start_run_worker_server() -> None:
    """Start the fork server of `itdrift run`'s workers now, so that its imports (Dagster, ~1.5 s) run on
    the other core while this process imports the same for itself, instead of after."""
    run_worker_context()
    multiprocessing.forkserver.ensure_running()
