"""Private Postfix + smtp-sink environment for integration tests and benchmarks.

Python 3 standard library only. Wraps ``deploy/postfix-instance.sh`` (must run
as root): a Postfix on 127.0.0.1:<smtp_port> that relays every recipient to an
``smtp-sink`` on 127.0.0.1:<sink_port>, which dumps each received message to a
file under ``DIR/delivered/``.

Typical use::

    with PostfixInstance(tmpdir, milter="inet:127.0.0.1:7358") as pf:
        r = pf.send("a@example.org", ["b@example.com"], msg_bytes)
        assert r.ok, r
        [d] = pf.wait_delivered(1, timeout=20)
        assert d.recipients == ["b@example.com"]
        assert d.message["X-Ordinance-Verdict"] == "..."

smtp-sink dump format (``smtp-sink -d DIR/delivered/%Y%m%d%H%M%S.``; file name
``YYYYmmddHHMMSS.<hex>`` where <hex> is the sink's random id). One file per
completed transaction (an aborted/RSET transaction leaves no file). Text lines
end in LF (the CRLF of the wire is not kept) and the data is dot-unstuffed::

    X-Client-Addr: 127.0.0.1                           always
    X-Client-Proto: ESMTP                              always
    X-Helo-Args: ordinance-test.localdomain            if HELO/EHLO was sent
    X-Mail-Args: <sender@x> [SIZE=.. BODY=..]          exactly once ("<>" = null sender)
    X-Rcpt-Args: <rcpt@y> [ORCPT=rfc822;rcpt@y]        one per RCPT, in order
    Received: from HELO ([127.0.0.1])                  3-line header that ends
    \tby smtp-sink (smtp-sink) with ESMTP id <hex>;    the sink's own records
    \t<RFC 2822 date>
    <message header and body exactly as Postfix sent it>
    <one extra empty line>

``Delivered.raw`` is the message part (LF line ends, the extra final empty line
removed); ``Delivered.message`` is it parsed with ``email.policy.default``.
While a transaction is in progress the sink keeps its dump file open;
``delivered()`` skips files the sink still has open (checked via
``/proc/<sink pid>/fd``), so every returned dump is complete.

Note: this machine's PID 1 does not reap orphans, so stopped daemons may linger
as zombies; ``pid_alive()`` treats a zombie as gone.
"""

from __future__ import annotations

import email
import email.message
import email.policy
import json
import os
import re
import smtplib
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

REPO_ROOT = Path(__file__).resolve().parents[2]
INSTANCE_SCRIPT = REPO_ROOT / "deploy" / "postfix-instance.sh"

Reply = Tuple[int, str]


# --------------------------------------------------------------------- helpers

def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pid_alive(pid: Optional[int]) -> bool:
    """True if PID exists and is not a zombie."""
    if not pid:
        return False
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except (FileNotFoundError, ProcessLookupError):
        return False
    # "pid (comm) S ..." -- comm may contain spaces/parens; state follows the last ')'.
    state = stat[stat.rfind(b")") + 2:stat.rfind(b")") + 3]
    return state not in (b"Z", b"X")


def _read_pid(path: Path) -> Optional[int]:
    try:
        txt = path.read_text().strip()
    except OSError:
        return None
    return int(txt) if txt.isdigit() else None


def _text(b: Union[bytes, str]) -> str:
    return b.decode("utf-8", "replace") if isinstance(b, bytes) else b


def _crlf(msg: bytes) -> bytes:
    """Normalise line ends to CRLF (bare LF or CR become CRLF)."""
    return re.sub(rb"\r\n|\r|\n", b"\r\n", msg)


def _angle(addr: str) -> str:
    """'<a@b> SIZE=1' -> 'a@b'; '<>' -> ''."""
    m = re.match(r"\s*<([^>]*)>", addr)
    return m.group(1) if m else addr.split()[0] if addr.split() else ""


# ----------------------------------------------------------------- data types

@dataclass
class SendResult:
    """Outcome of one SMTP transaction.

    mail:       reply to MAIL FROM
    recipients: every recipient -> reply to its RCPT TO
    refused:    the refused recipients only -> (code, message)
    data:       final reply after the message (or to DATA itself); None if
                DATA was not reached (MAIL refused or every RCPT refused)
    queue_id:   Postfix queue id from "250 ... queued as ID", if any
    """

    mail: Reply = (0, "")
    recipients: Dict[str, Reply] = field(default_factory=dict)
    data: Optional[Reply] = None
    queue_id: Optional[str] = None

    @property
    def refused(self) -> Dict[str, Reply]:
        return {r: c for r, c in self.recipients.items() if not 200 <= c[0] < 300}

    @property
    def accepted(self) -> List[str]:
        return [r for r, c in self.recipients.items() if 200 <= c[0] < 300]

    @property
    def code(self) -> int:
        """The decisive code: DATA's final reply, else MAIL's or the first RCPT refusal."""
        if self.data is not None:
            return self.data[0]
        if not 200 <= self.mail[0] < 300:
            return self.mail[0]
        refused = list(self.refused.values())
        return refused[0][0] if refused else 0

    @property
    def ok(self) -> bool:
        """Message accepted for every recipient."""
        return self.data is not None and 200 <= self.data[0] < 300 and not self.refused


@dataclass
class Delivered:
    """One message as received by smtp-sink."""

    path: Path
    sender: str                      # envelope sender ('' for <>)
    recipients: List[str]            # envelope recipients, in RCPT order
    raw: bytes                       # message header + body (LF line ends)
    sink_headers: List[Tuple[str, str]]  # the X-Client-Addr/X-Mail-Args/... records
    sink_id: str                     # the sink's random id (file name suffix)

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.raw, policy=email.policy.default)

    @property
    def headers(self) -> email.message.EmailMessage:
        """Alias of ``message``: ``d.headers['Subject']``, ``d.headers.get_all('Received')``."""
        return self.message

    @property
    def header_bytes(self) -> bytes:
        end = self.raw.find(b"\n\n")
        return self.raw if end < 0 else self.raw[:end + 1]

    @property
    def body(self) -> bytes:
        end = self.raw.find(b"\n\n")
        return b"" if end < 0 else self.raw[end + 2:]

    def sink_header(self, name: str) -> List[str]:
        return [v for k, v in self.sink_headers if k.lower() == name.lower()]


def parse_sink_dump(data: bytes, path: Path = Path("-")) -> Delivered:
    """Parse one smtp-sink -d dump file (format in the module docstring)."""
    lines = data.split(b"\n")
    sink_headers: List[Tuple[str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(b"Received: "):   # the sink's 3-line header ends its records
            i += 1
            while i < len(lines) and lines[i][:1] in (b"\t", b" "):
                i += 1
            break
        k, sep, v = line.partition(b": ")
        if not sep or not k.startswith(b"X-"):
            raise ValueError(f"{path}: not an smtp-sink dump (line {i + 1}: {line[:80]!r})")
        sink_headers.append((_text(k), _text(v)))
        i += 1
    rest = b"\n".join(lines[i:])
    if rest.endswith(b"\n"):
        rest = rest[:-1]          # smtp-sink appends one empty line
    mail_args = [v for k, v in sink_headers if k == "X-Mail-Args"]
    rcpts = [_angle(v) for k, v in sink_headers if k == "X-Rcpt-Args"]
    sink_id = path.name.rsplit(".", 1)[-1] if "." in path.name else ""
    return Delivered(path=path, sender=_angle(mail_args[0]) if mail_args else "",
                     recipients=rcpts, raw=rest, sink_headers=sink_headers,
                     sink_id=sink_id)


@dataclass
class QueueEntry:
    queue_name: str                  # active | deferred | hold | incoming | maildrop
    queue_id: str
    sender: str
    recipients: List[str]
    delay_reasons: Dict[str, str]    # recipient -> delay_reason (deferred mail)
    raw: dict                        # the postqueue -j record


# ------------------------------------------------------------------ instance

class PostfixInstance:
    """A private Postfix + smtp-sink under DIR (see deploy/postfix-instance.sh)."""

    def __init__(self, dir: Union[str, Path], smtp_port: Optional[int] = None,
                 sink_port: Optional[int] = None, milter: Optional[str] = None,
                 default_action: str = "tempfail",
                 extra: Optional[Dict[str, str]] = None,
                 script: Union[str, Path] = INSTANCE_SCRIPT, reinject_port: Optional[int] = None):
        self.dir = Path(dir).resolve()
        self.smtp_port = smtp_port or free_port()
        self.sink_port = sink_port or free_port()
        while self.sink_port == self.smtp_port:
            self.sink_port = free_port()
        self.milter = milter
        self.reinject_port = reinject_port   # a milter-less smtpd for released messages
        self.default_action = default_action
        self.extra = dict(extra or {})
        self.script = Path(script)
        self.etc = self.dir / "postfix" / "etc"
        self.queue_dir = self.dir / "postfix" / "queue"
        self.delivered_dir = self.dir / "delivered"
        self.log_path = self.dir / "log" / "postfix.log"
        self.sink_pid_file = self.dir / "pids" / "smtp-sink.pid"
        self.master_pid_file = self.queue_dir / "pid" / "master.pid"
        self.started = False

    # -- lifecycle

    def _run(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        p = subprocess.run([str(self.script), *args], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=timeout)
        if check and p.returncode != 0:
            raise RuntimeError(f"{self.script.name} {' '.join(args)} failed "
                               f"(exit {p.returncode}):\n{p.stdout}{p.stderr}")
        return p

    def start_args(self) -> List[str]:
        args = ["start", str(self.dir), "--smtp-port", str(self.smtp_port),
                "--sink-port", str(self.sink_port)]
        if self.milter:
            args += ["--milter", self.milter, "--milter-default-action", self.default_action]
        if self.reinject_port:
            args += ["--reinject-port", str(self.reinject_port)]
        for k, v in self.extra.items():
            args += ["--set", f"{k}={v}"]
        return args

    def start(self) -> "PostfixInstance":
        self.dir.mkdir(parents=True, exist_ok=True)
        self._run(*self.start_args())
        self.started = True
        return self

    def stop(self) -> None:
        self._run("stop", str(self.dir))
        self.started = False

    def running(self) -> bool:
        return self._run("status", str(self.dir), check=False).returncode == 0

    def __enter__(self) -> "PostfixInstance":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def pids(self) -> Dict[str, Optional[int]]:
        """{'master': pid, 'sink': pid} from the PID files (None if absent)."""
        return {"master": _read_pid(self.master_pid_file), "sink": _read_pid(self.sink_pid_file)}

    def instance_pids(self) -> List[int]:
        """Live processes of this Postfix instance (environment MAIL_CONFIG=etc)."""
        want = f"MAIL_CONFIG={self.etc}".encode()
        out = []
        for p in os.listdir("/proc"):
            if not p.isdigit():
                continue
            try:
                with open(f"/proc/{p}/environ", "rb") as f:
                    env = f.read().split(b"\0")
            except OSError:
                continue
            if want in env and pid_alive(int(p)):
                out.append(int(p))
        return out

    # -- SMTP

    def send(self, mail_from: str, rcpts: Union[str, Sequence[str]], msg_bytes: Union[bytes, str],
             timeout: float = 30, helo: str = "client.example.org",
             auth: Optional[Tuple[str, str]] = None, crlf: bool = True) -> SendResult:
        """Send one message to the instance's smtpd over one SMTP session.

        Never raises for SMTP refusals; inspect the SendResult. Line ends are
        normalised to CRLF unless crlf=False. Connection errors propagate.
        """
        if isinstance(rcpts, str):
            rcpts = [rcpts]
        if isinstance(msg_bytes, str):
            msg_bytes = msg_bytes.encode("utf-8")
        if crlf:
            msg_bytes = _crlf(msg_bytes)
        res = SendResult()
        s = smtplib.SMTP("127.0.0.1", self.smtp_port, local_hostname=helo, timeout=timeout)
        try:
            s.ehlo(helo)
            if auth:
                s.login(*auth)
            code, msg = s.mail(mail_from)
            res.mail = (code, _text(msg))
            if not 200 <= code < 300:
                s.rset()
                return res
            for r in rcpts:
                code, msg = s.rcpt(r)
                res.recipients[r] = (code, _text(msg))
            if not res.accepted:
                s.rset()
                return res
            try:
                code, msg = s.data(msg_bytes)
            except smtplib.SMTPDataError as e:
                code, msg = e.smtp_code, e.smtp_error
            res.data = (code, _text(msg))
            m = re.search(r"queued as ([0-9A-Za-z]+)", res.data[1])
            res.queue_id = m.group(1) if m else None
        except smtplib.SMTPServerDisconnected as e:
            if res.data is None and not res.recipients:
                res.mail = res.mail if res.mail[0] else (421, f"disconnected: {e}")
            elif res.data is None:
                res.data = (421, f"disconnected: {e}")
            return res
        finally:
            try:
                s.quit()
            except (smtplib.SMTPException, OSError):
                s.close()
        return res

    # -- next hop

    def _sink_open_files(self) -> Optional[set]:
        pid = _read_pid(self.sink_pid_file)
        if not pid_alive(pid):
            return set()
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            return None
        out = set()
        for fd in fds:
            try:
                out.add(os.readlink(f"/proc/{pid}/fd/{fd}"))
            except OSError:
                pass
        return out

    def delivered_paths(self) -> List[Path]:
        """Complete dump files, oldest first."""
        if not self.delivered_dir.is_dir():
            return []
        files = [p for p in self.delivered_dir.rglob("*") if p.is_file()]
        open_files = self._sink_open_files()   # snapshot *after* listing
        if open_files is None:                 # no /proc access: fall back to age
            now = time.time()
            files = [p for p in files if now - p.stat().st_mtime > 1.0]
        else:
            files = [p for p in files if str(p) not in open_files]
        return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))

    def delivered(self) -> List[Delivered]:
        return [parse_sink_dump(p.read_bytes(), p) for p in self.delivered_paths()]

    def delivered_count(self) -> int:
        return len(self.delivered_paths())

    def clear_delivered(self) -> None:
        for p in self.delivered_paths():
            p.unlink()

    def wait_delivered(self, n: int, timeout: float = 30) -> List[Delivered]:
        """Wait until at least n complete dumps exist; return them all."""
        deadline = time.monotonic() + timeout
        while True:
            if self.delivered_count() >= n:
                return self.delivered()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.delivered_count()} of {n} messages delivered after "
                                   f"{timeout}s; queue={self.queue()}\nlog tail:\n{self.log_tail()}")
            time.sleep(0.1)

    def wait_subject(self, subject: str, timeout: float = 20) -> Delivered:
        """Wait until a message with this Subject reaches the sink; return it."""
        deadline = time.monotonic() + timeout
        while True:
            for d in self.delivered():
                if d.message["Subject"] == subject:
                    return d
            if time.monotonic() > deadline:
                raise TimeoutError(f"{subject!r} not delivered after {timeout}s; queue={self.queue()}"
                                   f"\nlog tail:\n{self.log_tail()}")
            time.sleep(0.2)

    # -- queue and log

    def queue(self) -> List[QueueEntry]:
        """Entries of `postqueue -c ETC -j` (empty list when the queue is empty)."""
        p = subprocess.run(["postqueue", "-c", str(self.etc), "-j"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=30)
        if p.returncode != 0:
            raise RuntimeError(f"postqueue -j failed: {p.stderr.strip()}")
        out = []
        for line in p.stdout.splitlines():
            if not line.strip():
                continue
            j = json.loads(line)
            rc = j.get("recipients", [])
            out.append(QueueEntry(
                queue_name=j.get("queue_name", ""), queue_id=j.get("queue_id", ""),
                sender=j.get("sender", ""), recipients=[r.get("address", "") for r in rc],
                delay_reasons={r.get("address", ""): r["delay_reason"] for r in rc if "delay_reason" in r},
                raw=j))
        return out

    def wait_queue_empty(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while True:
            q = self.queue()
            if not q:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"queue not empty after {timeout}s: {q}")
            time.sleep(0.2)

    def held(self) -> List[QueueEntry]:
        """Entries in the hold queue (where a milter's quarantine puts a message)."""
        return [q for q in self.queue() if q.queue_name == "hold"]

    def wait_held(self, n: int = 1, timeout: float = 20) -> List[QueueEntry]:
        """Wait until at least n messages are in the hold queue; return the held entries."""
        deadline = time.monotonic() + timeout
        while True:
            held = self.held()
            if len(held) >= n:
                return held
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(held)} of {n} messages held after {timeout}s; queue={self.queue()}"
                                   f"\nlog tail:\n{self.log_tail()}")
            time.sleep(0.2)

    def flush(self) -> None:
        """Ask Postfix to retry deferred mail now (postqueue -f)."""
        subprocess.run(["postqueue", "-c", str(self.etc), "-f"], check=True, timeout=30)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log().splitlines()[-lines:])

    def wait_log(self, pattern: str, timeout: float = 30) -> "re.Match":
        """Wait until the Postfix log matches a regular expression."""
        rx = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        while True:
            m = rx.search(self.log())
            if m:
                return m
            if time.monotonic() > deadline:
                raise TimeoutError(f"log did not match {pattern!r} after {timeout}s:\n{self.log_tail()}")
            time.sleep(0.1)
