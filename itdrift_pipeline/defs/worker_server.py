"""The process server `itdrift run`'s document workers are forked from.

Each worker would otherwise import Dagster, the assets and the validator on its own (seconds each, on the
cores the documents need); the forkserver imports them once, and the workers start from there.
"""

import multiprocessing
import multiprocessing.context

# What every document run imports (the runner imports Dagster and the assets).
RUN_MODULES = ["itdrift_pipeline.fork_server", "itdrift_pipeline.defs.runner", "itdrift_pipeline.validate"]


def worker_context() -> multiprocessing.context.ForkServerContext:
    """The context for document workers: forkserver, with the run's modules imported in the server."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(RUN_MODULES)
    return context
