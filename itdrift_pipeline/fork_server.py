"""Imported first by the fork servers worker processes start from (extract.pages.page_workers,
defs.runner): when the server ends, it skips the interpreter's teardown.

A fork server lives until the command that started it exits, then frees every module it imported
(pdfplumber's, Dagster's, pandas'): 0.3-0.8 s during which it still holds the command's stdout and
stderr, so whatever reads them (`itdrift run | tee log`, CI, a benchmark) waits for it. The server has
nothing to finalise: its workers have ended, it writes nothing. Imported anywhere else this does nothing:
it acts only in the process multiprocessing started as a fork server.

It also names what the page workers' and `itdrift run`'s workers' servers preload and starts a server
early (start_worker_server), from a module light enough for a command to import before its own heavy
imports.
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
# What the server the page workers of one book fork from imports (extract.pages.page_workers).
PAGE_WORKER_MODULES = ["itdrift_pipeline.fork_server", "itdrift_pipeline.extract.pages"]


def worker_context(modules: list[str]) -> multiprocessing.context.ForkServerContext:
    """The multiprocessing context whose fork server preloads `modules` (if this process has not started
    its fork server yet: there is one a process)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(modules)
    return context


def start_worker_server(modules: list[str]) -> None:
    """Start the fork server now, so that its imports run on the other core while this process makes its
    own (the same ones, for itself), instead of after them."""
    worker_context(modules)
    multiprocessing.forkserver.ensure_running()
