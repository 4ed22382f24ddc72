"""Run a function over items in worker processes, each item with a deadline.

A hung item (a regex that backtracks for hours, a C extension in a loop) cannot be
stopped from inside its process: a signal alarm waits for the C call to return, and a
thread cannot be killed at all. So each item runs in a worker process; one that is past
its deadline is killed and replaced, and the others go on. Results come back in the
items' order, whatever order the workers finish in.

Workers are forked: they start in milliseconds with everything the parent has loaded,
and an item is sent as its index. Each may grow MEMORY bytes past what it started with:
a decompression bomb (a Word file's XML, a PDF stream) fails its item with MemoryError
instead of taking the machine's memory.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MAX_WORKERS = 4
MEMORY = 3 * 1024**3


@dataclass(frozen=True)
class TimedOut:
    """The item was still running at its deadline; its worker was killed."""


@dataclass(frozen=True)
class Died:
    """The worker stopped without an answer (killed by the system, out of memory)."""

    exitcode: int | None


class _Worker(Generic[T, R]):
    def __init__(self, func: Callable[[T], R], items: Sequence[T]) -> None:
        self.conn, child = multiprocessing.get_context("fork").Pipe()
        process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(func, items, child), daemon=True
        )
        process.start()
        child.close()
        self.process: BaseProcess = process
        self.index = -1
        self.deadline = 0.0

    def start(self, index: int, budget: float) -> None:
        self.index, self.deadline = index, time.monotonic() + budget
        self.conn.send(index)

    def receive(self) -> R:
        result: R = self.conn.recv()
        return result

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            self.conn.send(None)
        self.process.join()
        self.conn.close()


def _serve(func: Callable[[T], R], items: Sequence[T], conn: Connection) -> None:
    cap_memory(MEMORY)
    while (index := conn.recv()) is not None:
        conn.send(func(items[index]))


def cap_memory(extra: int) -> None:
    """Let this process map at most `extra` bytes more than it has now (Linux; elsewhere
    nothing happens)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as stats:
            mapped = int(stats.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = mapped + extra if hard == resource.RLIM_INFINITY else min(hard, mapped + extra)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError):
        pass


def run_all(
    func: Callable[[T], R], items: Sequence[T], budget: float, workers: int = 0
) -> list[R | TimedOut | Died]:
    """func(item) for every item, in order; an item past `budget` seconds gives TimedOut.

    `func` must not raise: an exception in a worker ends that worker (reported as Died).
    """
    results: dict[int, R | TimedOut | Died] = {}
    todo = list(range(len(items)))[::-1]
    count = min(workers or os.cpu_count() or 1, MAX_WORKERS, len(items))
    idle = [_Worker(func, items) for _ in range(count)]
    busy: dict[Connection, _Worker[T, R]] = {}
    try:
        while todo or busy:
            while todo and idle:
                worker = idle.pop()
                worker.start(todo.pop(), budget)
                busy[worker.conn] = worker
            nearest = min(w.deadline for w in busy.values())
            ready = wait(list(busy), timeout=max(0.0, nearest - time.monotonic()))
            for worker in [w for w in busy.values() if w.conn in ready]:
                del busy[worker.conn]
                try:
                    results[worker.index] = worker.receive()
                    idle.append(worker)
                except EOFError:
                    results[worker.index] = Died(worker.process.exitcode)
                    worker.stop(kill=True)
                    idle.append(_Worker(func, items))
            for conn, worker in list(busy.items()):
                if time.monotonic() >= worker.deadline:
                    del busy[conn]
                    worker.stop(kill=True)
                    results[worker.index] = TimedOut()
                    if todo:
                        idle.append(_Worker(func, items))
    finally:
        for worker in [*idle, *busy.values()]:
            worker.stop(kill=worker in busy.values())
    return [results[index] for index in range(len(items))]
