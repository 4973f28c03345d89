"""itdrift_pipeline.fork_server: the fork servers skip their teardown; every other process is untouched."""

import multiprocessing
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

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


def loaded(module: str) -> bool:
    """In a worker: whether `module` is imported (a worker forked from a server that preloaded it)."""
    return module in sys.modules


def test_a_server_started_early_is_the_one_workers_fork_from_with_its_modules() -> None:
    """start_worker_server starts the server there and then, preloading the page workers' modules; a pool
    made later forks from it (a later preload list cannot replace it), so its workers have the modules
    this process never imported."""
    script = (
        "import sys\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from itdrift_pipeline.fork_server import PAGE_WORKER_MODULES, start_worker_server, worker_context\n"
        "from itdrift_pipeline_tests.test_fork_server import loaded\n"
        "start_worker_server(PAGE_WORKER_MODULES)\n"
        "assert 'itdrift_pipeline.extract.pages' not in sys.modules\n"
        "with ProcessPoolExecutor(1, mp_context=worker_context(['json'])) as pool:\n"
        "    print(pool.submit(loaded, 'itdrift_pipeline.extract.pages').result(timeout=60))\n"
    )
    root = Path(__file__).resolve().parents[1]
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "True"
