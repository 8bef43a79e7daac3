"""A small milter-protocol (v6) client: plays the MTA's side against ordinance-milter over TCP.

It offers a chosen action mask and protocol flags, walks one SMTP transaction through the
milter, and returns every reply, modification actions included, so a test can see exactly what
the milter asked of the MTA::

    with MilterClient(port, actions=ALL_ACTIONS & ~SMFIF_QUARANTINE) as c:
        c.connect(client_addr="127.0.0.1")
        replies = c.message("alice@modot.mo.gov", ["bob@modot.mo.gov"], raw_message)
        final = replies[-1]            # Reply(cmd='y', ...) for a 4xx/5xx with text, 'c' continue, ...
        [r.cmd for r in replies]       # e.g. ['h', 'h', '+', '-', 'c'] at end of message

Each step returns the list of Reply packets it got, the last being the step's answer
(continue, accept, reject, tempfail, replycode, discard); at end of message the
modifications (ADDRCPT '+', DELRCPT '-', ADDHEADER 'h', CHGHEADER 'm', REPLBODY 'b',
QUARANTINE 'q', ...) come before it, in the order the milter sent them.
"""
from __future__ import annotations

import socket
import struct
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

# Actions (SMFIF_*), offered by the MTA and granted to the milter.
SMFIF_ADDHDRS, SMFIF_CHGBODY, SMFIF_ADDRCPT, SMFIF_DELRCPT = 0x01, 0x02, 0x04, 0x08
SMFIF_CHGHDRS, SMFIF_QUARANTINE, SMFIF_CHGFROM, SMFIF_ADDRCPT_PAR = 0x10, 0x20, 0x40, 0x80
SMFIF_SETSYMLIST = 0x100
ALL_ACTIONS = 0x1FF

# Replies (SMFIR_*) that end a step.
FINAL = {"a": "accept", "c": "continue", "d": "discard", "r": "reject", "t": "tempfail", "y": "replycode",
         "s": "skip", "f": "conn_fail", "4": "shutdown"}
MODIFICATIONS = {"+": "addrcpt", "-": "delrcpt", "2": "addrcpt_par", "b": "replbody", "e": "chgfrom",
                 "h": "addheader", "i": "insheader", "m": "chgheader", "q": "quarantine"}


@dataclass
class Reply:
    cmd: str        # the SMFIR_* letter
    data: bytes     # its payload

    @property
    def name(self) -> str:
        return FINAL.get(self.cmd) or MODIFICATIONS.get(self.cmd) or ("progress" if self.cmd == "p" else self.cmd)

    @property
    def args(self) -> List[str]:
        """The NUL-separated strings of the payload (for CHGHEADER/INSHEADER after the 4-byte index)."""
        d = self.data[4:] if self.cmd in ("m", "i") else self.data
        return [x.decode("utf-8", "replace") for x in d.split(b"\0")[:-1]] if d.endswith(b"\0") else [d.decode("utf-8", "replace")]

    @property
    def text(self) -> str:
        return " ".join(self.args)


class MilterClient:
    """One milter connection (one SMTP session). `actions` and `protocol` are what the MTA offers."""

    def __init__(self, port: int, host: str = "127.0.0.1", actions: int = ALL_ACTIONS, protocol: int = 0,
                 timeout: float = 30):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.granted_actions: Optional[int] = None
        self.granted_protocol: Optional[int] = None
        self.send(b"O", struct.pack(">III", 6, actions, protocol))
        r = self.read()
        if r.cmd != "O":
            raise RuntimeError(f"negotiation answered {r}")
        _, self.granted_actions, self.granted_protocol = struct.unpack(">III", r.data[:12])

    # -- the wire
    def send(self, cmd: bytes, data: bytes = b"") -> None:
        self.sock.sendall(struct.pack(">I", len(data) + 1) + cmd + data)

    def read(self) -> Reply:
        head = self._exact(4)
        (n,) = struct.unpack(">I", head)
        body = self._exact(n)
        return Reply(body[:1].decode(), body[1:])

    def _exact(self, n: int) -> bytes:
        out = b""
        while len(out) < n:
            b = self.sock.recv(n - len(out))
            if not b:
                raise ConnectionError("milter closed the connection")
            out += b
        return out

    def step(self, cmd: bytes, data: bytes = b"", macros: Optional[Dict[str, str]] = None) -> List[Reply]:
        """Send macros for `cmd` then `cmd`; read replies up to the step's answer."""
        if macros:
            self.send(b"D", cmd + b"".join(k.encode() + b"\0" + v.encode() + b"\0" for k, v in macros.items()))
        self.send(cmd, data)
        out = []
        while True:
            r = self.read()
            out.append(r)
            if r.cmd in FINAL:
                return out

    # -- SMTP steps
    def connect(self, hostname: str = "client.example.org", client_addr: str = "127.0.0.1",
                macros: Optional[Dict[str, str]] = None) -> List[Reply]:
        m = {"{client_addr}": client_addr, "{client_name}": hostname, "{daemon_name}": "test", "j": "mx.test"}
        m.update(macros or {})
        data = hostname.encode() + b"\0" + b"4" + struct.pack(">H", 25) + client_addr.encode() + b"\0"
        return self.step(b"C", data, m)

    def helo(self, name: str = "client.example.org") -> List[Reply]:
        return self.step(b"H", name.encode() + b"\0")

    def mail(self, sender: str, queue_id: str = "TESTQID", macros: Optional[Dict[str, str]] = None) -> List[Reply]:
        m = {"i": queue_id, "{mail_addr}": sender}
        m.update(macros or {})
        return self.step(b"M", f"<{sender}>".encode() + b"\0", m)

    def rcpt(self, rcpt: str) -> List[Reply]:
        return self.step(b"R", f"<{rcpt}>".encode() + b"\0", {"{rcpt_addr}": rcpt})

    def data(self) -> List[Reply]:
        return self.step(b"T")

    def header(self, name: str, value: str) -> List[Reply]:
        return self.step(b"L", name.encode() + b"\0" + value.encode() + b"\0")

    def eoh(self) -> List[Reply]:
        return self.step(b"N")

    def body(self, chunk: bytes) -> List[Reply]:
        return self.step(b"B", chunk)

    def eom(self, queue_id: str = "TESTQID") -> List[Reply]:
        return self.step(b"E", b"", {"i": queue_id})

    def message(self, sender: str, rcpts: Sequence[str], raw: bytes, queue_id: str = "TESTQID") -> List[Reply]:
        """MAIL, RCPT..., DATA, the header fields, EOH, the body, EOM: the end-of-message replies.
        Stops early (returning that step's replies) when a step is not answered continue."""
        for step in [lambda: self.mail(sender, queue_id)] + [lambda r=r: self.rcpt(r) for r in rcpts] + [self.data]:
            rs = step()
            if rs[-1].cmd != "c":
                return rs
        raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        head, _, body = raw.partition(b"\r\n\r\n")
        fields: List[List[str]] = []
        for line in head.decode("utf-8", "replace").split("\r\n"):
            if line[:1] in (" ", "\t") and fields:
                fields[-1][1] += "\r\n" + line
            elif ":" in line:
                k, v = line.split(":", 1)
                fields.append([k, v.lstrip(" ")])
        for k, v in fields:
            rs = self.header(k, v)
            if rs[-1].cmd != "c":
                return rs
        rs = self.eoh()
        if rs[-1].cmd != "c":
            return rs
        for at in range(0, len(body), 65535):
            rs = self.body(body[at:at + 65535])
            if rs[-1].cmd != "c":
                return rs
        return self.eom(queue_id)

    def close(self) -> None:
        try:
            self.send(b"Q")
        except OSError:
            pass
        self.sock.close()

    def __enter__(self) -> "MilterClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
