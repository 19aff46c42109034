"""A function run on the second core, in a forked child: started early, fed later, collected last.

Some of a build's work needs a value that comes late (the reasoner's inferences) but also slow
preparation that does not (imports, a copy of the graph); on the 2-core machine the build's
parent process leaves the second core idle while the reasoner's JVM starts, and while it
writes the RDF exports.  :meth:`ForkedTask.start` forks a child that calls
``func(*args, receive)``; ``func`` prepares, then calls ``receive()`` for the value the parent
passes with :meth:`ForkedTask.send`, and returns its result, which the parent collects with
:meth:`ForkedTask.result`.

The child is forked, not spawned: it inherits the parent's objects (the ABox) copy-on-write
and starts with nothing to import or unpickle.  Forking is safe only while the parent has a
single thread (:func:`hcc_kg.execute.local.start_method`); otherwise :meth:`ForkedTask.start`
gives None and the caller does the work itself.  The child writes no file: what it makes comes
back through a pipe, so killing it (:meth:`ForkedTask.cancel`, on every way out of the parent)
leaves nothing half-written.  An exception in the child is raised again in the parent, the
same class with the child's traceback as a note; a child that dies without an answer raises
:class:`ChildLost`.  A child whose parent died sees the end of its pipe and exits.
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
import traceback
from multiprocessing.connection import Connection
from typing import Any, Callable

from .local import start_method

#: Seconds a killed child may take to be reaped.
REAP_SECONDS = 10


class ChildLost(Exception):
    """The child process ended without sending its result (killed, or crashed in native code)."""


class ForkedTask:
    """One forked child running one function; use as a context manager (it is killed on exit
    unless its result was collected)."""

    def __init__(self, process: multiprocessing.process.BaseProcess, inbox: Connection, outbox: Connection) -> None:
        self._process, self._inbox, self._outbox = process, inbox, outbox
        self._done = False

    @classmethod
    def start(cls, func: Callable[..., Any], *args: Any,
              register: Callable[["ForkedTask"], Any] | None = None) -> "ForkedTask | None":
        """Fork a child calling ``func(*args, receive)``; None when this process may not fork
        (it has threads, or the platform has no ``fork``).  ``register`` (an ``ExitStack``'s
        ``push``) gets the task before the fork, so a signal arriving just after it still kills
        the child on the way out."""
        if start_method() != "fork":
            return None
        context = multiprocessing.get_context("fork")
        child_in, parent_out = context.Pipe(duplex=False)
        parent_in, child_out = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(func, args, child_in, child_out, (parent_out, parent_in)),
                                  name="hcc-kg-forked", daemon=True)
        task = cls(process, parent_out, parent_in)
        if register is not None:
            register(task)
        process.start()
        child_in.close()
        child_out.close()
        return task

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def send(self, value: Any) -> None:
        """Give the child what its ``receive()`` returns (ignored if the child is gone: :meth:`result` says why)."""
        try:
            self._inbox.send(value)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def result(self) -> Any:
        """Wait for the child's result; raise its exception, or :class:`ChildLost`."""
        try:
            status, payload, trace = self._outbox.recv()
        except (EOFError, OSError):
            self._process.join(REAP_SECONDS)
            raise ChildLost(f"forked child {self._process.pid} ended without a result "
                            f"(exit code {self._process.exitcode})") from None
        except Exception as exc:  # an answer that does not unpickle here
            self.cancel()
            raise ChildLost(f"forked child {self._process.pid} sent an unreadable result: {exc!r}") from exc
        finally:
            self._done = True
            self._close()
        self._process.join(REAP_SECONDS)
        if status == "error":
            payload.add_note(f"raised in forked child {self._process.pid}:\n{trace}")
            raise payload
        return payload

    def cancel(self) -> None:
        """Kill the child if it still runs (it holds nothing on disk) and reap it."""
        if self._process.pid is not None:  # forked (a task registered before its fork may not be)
            if self._process.is_alive():
                self._process.kill()
            self._process.join(REAP_SECONDS)
        self._close()

    def _close(self) -> None:
        self._inbox.close()
        self._outbox.close()

    def __enter__(self) -> "ForkedTask":
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._done:
            self.cancel()


def _child(func: Callable[..., Any], args: tuple, inbox: Connection, outbox: Connection,
           parent_ends: tuple[Connection, ...]) -> None:
    """The child's side: its own pipe ends only (so the parent's death reads as end of input)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which kills this child
    for end in parent_ends:
        end.close()
    try:
        answer: tuple = ("ok", func(*args, inbox.recv), "")
    except EOFError:  # the parent went away before sending: nobody wants the result
        return
    except Exception as exc:  # noqa: BLE001 - every failure goes back to the parent, raised there
        answer = ("error", exc, traceback.format_exc())
    try:
        outbox.send(answer)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:  # an exception that cannot travel
        error = answer[1] if answer[0] == "error" else exc
        outbox.send(("error", ChildLost(f"{type(error).__name__}: {error}"), answer[2] or traceback.format_exc()))
    except (BrokenPipeError, ConnectionResetError):
        pass
