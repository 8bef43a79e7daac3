"""One gateway for the end-to-end tests: the real ordinance-milter and a private Postfix that
uses it, under one fresh directory, both stopped by PID when the test ends, also when it fails.

Plain use (any script)::

    with Gateway(milter_sets=["rules.malformed.action=quarantine"]) as gw:
        r = gw.pf.send("carol@modot.mo.gov", ["bob@modot.mo.gov"], msg)
        held = gw.pf.wait_held(1)

In a unittest.TestCase, derive from GatewayTestCase: each test gets its own gateway as
self.gateway, with self.tmp, self.milter and self.pf; set the class attributes
milter_sets, postfix_extra and tmp_prefix, and override prepare() for what has to exist in
self.tmp before the milter starts (a signature directory, a tmpfs, a sasldb).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
import unittest
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from mailenv import PostfixInstance
from milterproc import Milter


class Gateway:
    """ordinance-milter (example configuration plus --set overrides) behind a private Postfix.

    Layout under dir: milter/ (the milter's configuration copy, spool, journal, milter.log)
    and pf/ (the PostfixInstance: its queue, log and the smtp-sink's delivered/).
    """

    def __init__(self, milter_sets: Sequence[str] = (), postfix_extra: Optional[Dict[str, str]] = None,
                 default_action: str = "tempfail", prefix: str = "ordinance-it-",
                 dir: Optional[Path] = None, smtp_port: Optional[int] = None, unix_socket: bool = False,
                 reinject_port: Optional[int] = None):
        self.unix_socket = unix_socket
        # A milter-less smtpd on this port as well (quarantine releases); set before the
        # milter starts so its quarantine.reinject can name it.
        self.reinject_port = reinject_port
        self.dir = Path(dir) if dir else Path(tempfile.mkdtemp(prefix=prefix))
        self.dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.dir, 0o755)  # the postfix and ordinance users must reach their directories
        (self.dir / "milter").mkdir(exist_ok=True)
        self.milter_sets: List[str] = list(milter_sets)
        self.postfix_extra: Dict[str, str] = dict(postfix_extra or {})
        self.default_action = default_action
        # Postfix's smtpd port; None picks a free one when Postfix starts. Set it before the
        # milter starts when the milter must know it (it submits notices to this Postfix).
        self.smtp_port = smtp_port
        self.milter: Optional[Milter] = None
        self.pf: Optional[PostfixInstance] = None
        self._milters: List[Milter] = []   # every milter started, the replaced ones too

    def start_milter(self, port: Optional[int] = None) -> Milter:
        """Start a milter (again: on `port`, the socket Postfix already knows) and make it self.milter."""
        m = Milter(self.dir / "milter", sets=self.milter_sets, unix_socket=self.unix_socket)
        if port:
            m.port, m.socket = port, f"inet:127.0.0.1:{port}"
        self._milters.append(m)
        m.start()
        self.milter = m
        return m

    def start_postfix(self) -> PostfixInstance:
        assert self.milter is not None, "start the milter first: Postfix is told its socket"
        self.pf = PostfixInstance(self.dir / "pf", smtp_port=self.smtp_port, milter=self.milter.socket,
                                  default_action=self.default_action, extra=self.postfix_extra,
                                  reinject_port=self.reinject_port)
        self.pf.start()
        return self.pf

    def start(self) -> "Gateway":
        self.start_milter()
        self.start_postfix()
        return self

    def stop(self) -> None:
        """Stop what was started: Postfix and its sink by their PID files, each milter by its PID."""
        try:
            if self.pf is not None:   # also after a failed start: 'stop' is safe when nothing runs
                self.pf.stop()
        finally:
            for m in reversed(self._milters):
                m.stop()

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def debug(self, chars: int = 3000) -> str:
        """The ends of the milter's and Postfix's logs, to append to an assertion message."""
        out = "\n--- milter log ---\n" + (self.milter.log_text()[-chars:] if self.milter else "")
        if self.pf is not None:
            out += "\n--- postfix log ---\n" + self.pf.log()[-chars:]
        return out

    def __enter__(self) -> "Gateway":
        try:
            return self.start()
        except BaseException:
            self.stop()
            self.remove()
            raise

    def __exit__(self, *exc) -> None:
        try:
            self.stop()
        finally:
            self.remove()


class MailLoad:
    """Threads that send one message after another through a Postfix until stopped, recording
    each final SMTP answer: mail that flows while a test kills, reloads or restarts the milter.

    make(thread, i) returns (tag, mail_from, rcpts, message) for the i-th message of a thread.
    results holds (tag, code): the decisive reply code (SendResult.code), -1 when the
    connection failed.
    """

    def __init__(self, pf: PostfixInstance, make: Callable[[int, int], Tuple[str, str, List[str], bytes]],
                 threads: int = 4, timeout: float = 60):
        self.pf = pf
        self.make = make
        self.timeout = timeout
        self.results: List[Tuple[str, int]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._send, args=(n,), daemon=True) for n in range(threads)]

    def _send(self, n: int) -> None:
        i = 0
        while not self._stop.is_set():
            tag, mail_from, rcpts, msg = self.make(n, i)
            try:
                code = self.pf.send(mail_from, rcpts, msg, timeout=self.timeout).code
            except OSError:
                code = -1
            with self._lock:
                self.results.append((tag, code))
            i += 1

    def start(self) -> "MailLoad":
        for t in self._threads:
            t.start()
        return self

    def count(self) -> int:
        with self._lock:
            return len(self.results)

    def stop(self, join_timeout: float = 120) -> List[Tuple[str, int]]:
        """Let each thread finish the message it is sending; return every result."""
        self._stop.set()
        for t in self._threads:
            t.join(timeout=join_timeout)
        with self._lock:
            return list(self.results)


class GatewayTestCase(unittest.TestCase):
    """A fresh Gateway for every test. Cleanups run last-in first-out: the gateway stops first,
    then whatever prepare() registered, then the directory goes."""

    milter_sets: Sequence[str] = ()
    postfix_extra: Dict[str, str] = {}
    default_action = "tempfail"
    tmp_prefix = "ordinance-it-"
    unix_socket = False   # True: the milter listens on a unix socket instead of 127.0.0.1

    def setUp(self):
        self.gateway = Gateway(milter_sets=self.milter_sets, postfix_extra=self.postfix_extra,
                               default_action=self.default_action, prefix=self.tmp_prefix,
                               unix_socket=self.unix_socket)
        self.addCleanup(self.gateway.remove)
        self.tmp = self.gateway.dir
        self.prepare()
        self.addCleanup(self.gateway.stop)
        self.gateway.start()

    def prepare(self) -> None:
        """Runs before anything starts; may add to self.gateway.milter_sets and .postfix_extra."""

    @property
    def milter(self) -> Milter:
        return self.gateway.milter

    @property
    def pf(self) -> PostfixInstance:
        return self.gateway.pf

    def debug(self) -> str:
        return self.gateway.debug()

    def mail_load(self, make: Callable[[int, int], Tuple[str, str, List[str], bytes]], threads: int = 4,
                  timeout: float = 60) -> MailLoad:
        """Start a MailLoad through this gateway; it stops at the latest when the test ends."""
        load = MailLoad(self.pf, make, threads=threads, timeout=timeout).start()
        self.addCleanup(load.stop)
        return load
