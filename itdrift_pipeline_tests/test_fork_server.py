"""itdrift_pipeline.fork_server: the fork servers skip their teardown; every other process is untouched."""

import multiprocessing
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

from itdrift_pipeline import fork_server


def test_an_ordinary_process_that_imports_it_keeps_its_exit_code() -> None:
    # Were the teardown skipped here, os._exit(0) would turn this failure into success.
    completed = subprocess.run(
        [sys.executable, "-c", "import itdrift_pipeline.fork_server, sys; sys.exit(3)"], timeout=60
    )
    assert completed.returncode == 3
    assert not fork_server.is_fork_server()


def test_the_fork_server_knows_itself() -> None:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["itdrift_pipeline.fork_server"])
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        # A worker is forked from the server and still carries its command line.
        assert pool.submit(fork_server.is_fork_server).result(timeout=60)
