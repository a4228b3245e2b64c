"""Background threads for long work when no broker is configured (the default ``make run`` setup).

The request that starts a bulk print returns at once; the job runs in a daemon thread of the web
process, started after commit. A thread lost with the process (a restart) leaves the job without
progress: the page then shows it as stalled and *Coba lagi* picks up what is missing.
"""
import logging
import threading

from django.db import connections

logger = logging.getLogger(__name__)
_threads: list[threading.Thread] = []
_lock = threading.Lock()


def start(fungsi, /, **kwargs) -> threading.Thread:
    def run():
        try:
            fungsi(**kwargs)
        except Exception:  # nobody awaits this thread; the stalled job is retried
            logger.exception("Tugas latar %s gagal", fungsi.__name__)
        finally:
            connections.close_all()  # this thread's own connections only

    t = threading.Thread(target=run, name=f"kinerja-{fungsi.__name__}", daemon=True)
    with _lock:
        _threads[:] = [x for x in _threads if x.is_alive()]
        _threads.append(t)
    t.start()
    return t


def join_all(timeout: float = 60) -> bool:
    """Join every thread started here (tests: none may outlive the test's database). True if all ended."""
    with _lock:
        threads, _threads[:] = list(_threads), []
    for t in threads:
        t.join(timeout)
    return not any(t.is_alive() for t in threads)
