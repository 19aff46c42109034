"""A forked child (hcc_kg.execute.forked): fed after it starts, its result or its error comes back,
and it never outlives the block that started it."""

from __future__ import annotations

import gc
import os
import threading
import weakref
import time

import pytest

from hcc_kg.errors import ExportError
from hcc_kg.execute import forked
from hcc_kg.execute.forked import ChildLost, ForkedTask


@pytest.fixture()
def may_fork(monkeypatch):
    """Fork here even if an earlier test left threads in this process (RocksDB's pool stays for
    the life of a process once a store was opened on disk); these children touch none of them."""
    monkeypatch.setattr(forked, "start_method", lambda: "fork")


def _pid_and_sum(base, receive):
    return os.getpid(), base + receive()


def _raises_export_error(receive):
    raise ExportError(f"invented failure after receiving {receive()}")


class _Unpicklable(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.hook = lambda: None  # a lambda does not pickle: the error cannot travel as it is


def _raises_unpicklable(receive):
    raise _Unpicklable("invented failure that cannot be pickled")


def _dies(receive):
    os._exit(3)


def _waits(receive):
    return receive()


def _started(*args) -> ForkedTask:
    task = ForkedTask.start(*args)
    assert task is not None, "the may_fork fixture lets this process fork"
    return task


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_child_gets_what_is_sent_after_it_started_and_returns_its_result(may_fork):
    with _started(_pid_and_sum, 40) as task:
        task.send(2)
        pid, total = task.result()
    assert total == 42 and pid == task.pid != os.getpid()


class _Big:
    """Stands for the ABox a build hands the child: the parent must not keep it alive."""

    size = 7


def _size_of(big, receive):
    return big.size + receive()


def test_the_parent_lets_go_of_the_arguments_once_the_child_has_them(may_fork):
    big = _Big()
    alive = weakref.ref(big)
    with _started(_size_of, big) as task:
        del big
        gc.collect()
        assert alive() is None  # only the child's (forked) copy remains
        task.send(1)
        assert task.result() == 8


def test_an_error_in_the_child_is_raised_in_the_parent_as_the_same_class(may_fork):
    with _started(_raises_export_error) as task:
        task.send("the value")
        with pytest.raises(ExportError, match="invented failure after receiving the value") as caught:
            task.result()
    assert any("raised in forked child" in note for note in caught.value.__notes__)


def test_an_error_that_cannot_travel_arrives_as_child_lost_naming_it(may_fork):
    with _started(_raises_unpicklable) as task:
        with pytest.raises(ChildLost, match="_Unpicklable: invented failure"):
            task.result()


def test_a_child_that_dies_without_an_answer_is_child_lost(may_fork):
    with _started(_dies) as task:
        with pytest.raises(ChildLost, match="exit code 3"):
            task.result()


def test_leaving_the_block_without_the_result_kills_the_child(may_fork):
    with pytest.raises(RuntimeError):
        with _started(_waits) as task:
            pid = task.pid
            raise RuntimeError("the parent fails before sending anything")
    assert _gone(pid)


def test_a_child_whose_parent_goes_away_sees_the_end_of_its_pipe_and_exits(may_fork):
    task = _started(_waits)
    task._inbox.close()  # what the parent's death does to the child's end of the pipe
    deadline = time.monotonic() + 10
    while not _gone(task.pid) and time.monotonic() < deadline:
        task._process.join(0.05)
    assert task._process.exitcode == 0
    task.cancel()


def test_no_fork_while_this_process_has_another_thread():
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert ForkedTask.start(_waits) is None
    finally:
        release.set()
        other.join()


def test_a_task_registered_before_its_fork_is_killed_when_the_stop_comes_right_after_it(may_fork, monkeypatch):
    import contextlib
    import multiprocessing.process

    real_start, forked_pids = multiprocessing.process.BaseProcess.start, []

    def start_then_stop(process):  # a SIGTERM handled just after the fork, before start() returns
        real_start(process)
        forked_pids.append(process.pid)
        raise SystemExit(143)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", start_then_stop)
    with pytest.raises(SystemExit), contextlib.ExitStack() as stack:
        ForkedTask.start(_waits, register=stack.push)
    assert forked_pids and _gone(forked_pids[0])  # killed and reaped by the exit stack


def test_a_registered_task_that_never_forked_leaves_quietly(may_fork, monkeypatch):
    import contextlib
    import multiprocessing.process

    def refuse(process):
        raise OSError("invented: no more processes")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    with pytest.raises(OSError, match="invented"), contextlib.ExitStack() as stack:
        ForkedTask.start(_waits, register=stack.push)
