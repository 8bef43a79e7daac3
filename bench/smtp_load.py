#!/usr/bin/env python3
"""SMTP load client for bench/mta.sh and bench/mta_av.sh (Python 3 stdlib only).

    smtp_load.py run --port P --messages N [--sessions 20] --delivered-dir DIR
                     [--sink-pidfile FILE] [--wait 600]
    smtp_load.py latency --port P [--count 150]
    smtp_load.py gen --out DIR [--count 3]      write sample messages (.eml)

`run` builds a mixed corpus in memory (equal thirds: ~2 KB plain text,
~20 KB HTML (multipart/alternative), ~200 KB with a base64 PDF attachment),
then opens --sessions concurrent SMTP sessions to 127.0.0.1:PORT. Each session
sends many messages over its one connection (RSET between messages) until N
messages have been sent in total. It then waits until the smtp-sink dump
directory holds one complete file per accepted message (files the sink still
has open, per /proc/<sink pid>/fd, are not counted) and prints one line:

    load: sent=N accepted=A refused=R tempfail=T errors=E delivered=D
          submit_seconds=U seconds=S rate=X msg/s client_cpu=C
    (rate = D / (last delivery - first send); C = this client's own CPU seconds)

Exit status 0 when every message was accepted and delivered, else 1.

The corpus holds 8 variants of each kind, so an attachment repeats every 24 messages
(the Message-ID, added per message, always differs). With --unique (run, latency) every
message's PDF attachment differs in one base64 line, so that a scanner's cache of clean
results by file hash (clamd's) never answers for it.

`latency` sends --count messages of the same corpus one at a time over one session
(MAIL, RCPT, then DATA timed from the DATA command to the 250 reply, RSET between
messages) and prints, in ms, overall and per kind:

    latency: all n=N median=X p99=Y max=Z
    latency: plain n=... median=... p99=... max=...     (and html, attach)

Exit status 0 when every message got 250, else 1.
"""

import argparse
import base64
import os
import statistics
import random
import smtplib
import sys
import threading
import time
from pathlib import Path

SENDERS = ["news@example.org", "billing@vendor.example.com", "friend@example.net"]
RECIPIENTS = ["alice@modot.mo.gov", "bob@modot.mo.gov", "carol@modot.mo.gov"]

WORDS = ("the of and to in is for on that with as by from at this be are project "
         "road bridge county district report budget meeting schedule traffic permit "
         "contract review safety lane highway maintenance inspection design plan "
         "update request approval quarter annual funding winter season crew").split()


def _text(rng: random.Random, size: int, width: int = 72) -> str:
    out, line, n = [], [], 0
    while n < size:
        w = rng.choice(WORDS)
        line.append(w)
        n += len(w) + 1
        if sum(len(x) + 1 for x in line) > width:
            out.append(" ".join(line))
            line = []
            if rng.random() < 0.15:
                out.append("")
    if line:
        out.append(" ".join(line))
    return "\r\n".join(out) + "\r\n"


def _headers(kind: str, i: int, sender: str, rcpt: str, extra: str) -> str:
    return (f"From: Bench Sender <{sender}>\r\n"
            f"To: <{rcpt}>\r\n"
            f"Subject: bench {kind} message {i}\r\n"
            f"Date: Mon, 06 Jan 2025 10:00:00 +0000\r\n"
            f"MIME-Version: 1.0\r\n{extra}")


def make_plain(rng, i, sender, rcpt) -> bytes:
    h = _headers("plain", i, sender, rcpt,
                 "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n")
    return (h + "\r\n" + _text(rng, 2048 - len(h) - 60)).encode()


def make_html(rng, i, sender, rcpt) -> bytes:
    b = f"=_alt_{i}_{rng.getrandbits(32):08x}"
    h = _headers("html", i, sender, rcpt, f'Content-Type: multipart/alternative; boundary="{b}"\r\n')
    plain = _text(rng, 3000)
    paras = []
    while sum(len(p) for p in paras) < 16000:
        paras.append(f"<p style=\"margin:0 0 8px 0\">{_text(rng, 300, 200).strip()}</p>\r\n")
        if rng.random() < 0.2:
            paras.append('<table border="1"><tr><td>Item</td><td>Amount</td></tr>'
                         f"<tr><td>{rng.choice(WORDS)}</td><td>{rng.randint(1, 99999)}</td></tr></table>\r\n")
    html = ("<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\"><title>Newsletter</title></head>"
            "<body>\r\n<h1>District update</h1>\r\n" + "".join(paras) +
            '<p><a href="https://www.example.org/news">Read more</a></p>\r\n</body></html>\r\n')
    body = (f"--{b}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n{plain}"
            f"--{b}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n{html}"
            f"--{b}--\r\n")
    return (h + "\r\n" + body).encode()


# The attachment's last 57 payload bytes before its trailer are a slot of exactly one base64
# line: with --unique each message sent writes its own number there, so no two attachments are
# the same file and a scanner's result cache (clamd caches clean results by hash) never hits.
SLOT_BYTES = 57


def _slot(n: int) -> bytes:
    return f"\n% bench message {n:020d}\n".encode().ljust(SLOT_BYTES, b" ")


def _b64_lines(data: bytes) -> str:
    return base64.encodebytes(data).decode().replace("\n", "\r\n")


def make_attach(rng, i, sender, rcpt):
    """(bytes, (start, end)): the message and the byte span of its slot line."""
    b = f"=_mix_{i}_{rng.getrandbits(32):08x}"
    h = _headers("attachment", i, sender, rcpt, f'Content-Type: multipart/mixed; boundary="{b}"\r\n')
    # ~146 KB of PDF-shaped bytes -> ~198 KB of base64 lines; head is whole base64 lines.
    head = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nstream\n"
    head += rng.randbytes(146 * 1024 - (len(head) + 146 * 1024) % SLOT_BYTES)
    pre = (h + "\r\n" + f"--{b}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n{_text(rng, 800)}"
           f"--{b}\r\nContent-Type: application/pdf; name=\"report-{i}.pdf\"\r\n"
           f"Content-Disposition: attachment; filename=\"report-{i}.pdf\"\r\n"
           f"Content-Transfer-Encoding: base64\r\n\r\n" + _b64_lines(head)).encode()
    slot = _b64_lines(_slot(i)).encode()
    post = (_b64_lines(b"\nendstream\n%%EOF\n") + f"--{b}--\r\n").encode()
    return pre + slot + post, (len(pre), len(pre) + len(slot))


KINDS = [("plain", make_plain), ("html", make_html), ("attach", make_attach)]


def build_corpus(variants: int = 8, seed: int = 2503):
    """variants distinct messages per kind; entries are (kind, sender, rcpt, bytes, slot), slot
    the (start, end) span that message_body rewrites for --unique, or None."""
    rng = random.Random(seed)
    corpus = []
    for v in range(variants):
        for kind, fn in KINDS:
            sender, rcpt = SENDERS[v % len(SENDERS)], RECIPIENTS[v % len(RECIPIENTS)]
            made = fn(rng, v, sender, rcpt)
            body, slot = made if isinstance(made, tuple) else (made, None)
            corpus.append((kind, sender, rcpt, body, slot))
    return corpus


def message_body(entry, n: int, unique: bool) -> bytes:
    """The bytes to send as message number n: the entry's, with its slot numbered n if unique."""
    body, slot = entry[3], entry[4]
    if not unique or slot is None:
        return body
    return body[:slot[0]] + _b64_lines(_slot(n)).encode() + body[slot[1]:]


# ------------------------------------------------------------------ delivery

def _read_pid(path):
    try:
        t = Path(path).read_text().strip()
        return int(t) if t.isdigit() else None
    except OSError:
        return None


def complete_dumps(ddir: Path, sink_pidfile):
    """Dump files the sink has finished writing."""
    try:
        files = [ddir / n for n in os.listdir(ddir)]
    except FileNotFoundError:
        return []
    pid = _read_pid(sink_pidfile) if sink_pidfile else None
    if pid:
        try:
            open_files = set()
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    open_files.add(os.readlink(f"/proc/{pid}/fd/{fd}"))
                except OSError:
                    pass
            return [f for f in files if str(f) not in open_files and f.is_file()]
        except OSError:
            pass
    now = time.time()  # fallback: settled for a second
    return [f for f in files if f.is_file() and now - f.stat().st_mtime > 1.0]


# ------------------------------------------------------------------ load

class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.next = 0
        self.accepted = self.refused = self.tempfail = self.errors = 0
        self.samples = []

    def take(self, n):
        with self.lock:
            if self.next >= n:
                return None
            i = self.next
            self.next += 1
            return i

    def add(self, what, detail=None):
        with self.lock:
            setattr(self, what, getattr(self, what) + 1)
            if detail and len(self.samples) < 5:
                self.samples.append(detail)


def session(port, n, corpus, stats, timeout, unique):
    s = None
    first = True
    while True:
        i = stats.take(n)
        if i is None:
            break
        entry = corpus[i % len(corpus)]
        kind, sender, rcpt = entry[:3]
        msg = f"Message-ID: <bench-{i}-{time.time_ns()}@example.org>\r\n".encode() + message_body(entry, i, unique)
        try:
            if s is None:
                s = smtplib.SMTP("127.0.0.1", port, local_hostname="loadgen.example.org", timeout=timeout)
                s.ehlo("loadgen.example.org")
                first = True
            if not first:
                s.rset()
            first = False
            s.sendmail(sender, [rcpt], msg)
            stats.add("accepted")
        except smtplib.SMTPRecipientsRefused as e:
            code, text = next(iter(e.recipients.values()))
            stats.add("tempfail" if 400 <= code < 500 else "refused", f"RCPT {code} {text!r}")
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as e:
            stats.add("tempfail" if 400 <= e.smtp_code < 500 else "refused",
                      f"{type(e).__name__} {e.smtp_code} {e.smtp_error!r}")
        except (smtplib.SMTPException, OSError) as e:
            stats.add("errors", f"{type(e).__name__}: {e}")
            try:
                s.close()
            except Exception:
                pass
            s = None
    if s is not None:
        try:
            s.quit()
        except (smtplib.SMTPException, OSError):
            s.close()


def cmd_run(a):
    corpus = build_corpus()
    ddir = Path(a.delivered_dir)
    stats = Stats()
    threads = [threading.Thread(target=session, args=(a.port, a.messages, corpus, stats, a.timeout, a.unique), daemon=True)
               for _ in range(a.sessions)]
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    t_sent = time.time()
    expect = stats.accepted
    deadline = time.monotonic() + a.wait
    dumps = complete_dumps(ddir, a.sink_pidfile)
    while len(dumps) < expect and time.monotonic() < deadline:
        time.sleep(0.05)
        dumps = complete_dumps(ddir, a.sink_pidfile)
    t_last = max((f.stat().st_mtime for f in dumps), default=time.time())
    seconds = max(t_last - t0, 1e-6)
    rate = len(dumps) / seconds
    print(f"load: sent={a.messages} accepted={stats.accepted} refused={stats.refused} "
          f"tempfail={stats.tempfail} errors={stats.errors} delivered={len(dumps)} "
          f"submit_seconds={t_sent - t0:.2f} seconds={seconds:.2f} rate={rate:.1f} msg/s "
          f"client_cpu={sum(os.times()[:2]):.2f}", flush=True)
    for s in stats.samples:
        print(f"load: sample failure: {s}", file=sys.stderr)
    if len(dumps) < expect:
        print(f"load: only {len(dumps)} of {expect} accepted messages delivered within {a.wait}s",
              file=sys.stderr)
    ok = stats.accepted == a.messages and len(dumps) >= expect
    return 0 if ok else 1


def _pct(sorted_ms, q):
    return sorted_ms[min(len(sorted_ms) - 1, int(len(sorted_ms) * q))]


def cmd_latency(a):
    corpus = build_corpus()
    s = smtplib.SMTP("127.0.0.1", a.port, local_hostname="loadgen.example.org", timeout=a.timeout)
    s.ehlo("loadgen.example.org")
    times = {"all": []}
    failures = 0
    for i in range(a.count):
        entry = corpus[i % len(corpus)]
        kind, sender, rcpt = entry[:3]
        msg = f"Message-ID: <lat-{i}-{time.time_ns()}@example.org>\r\n".encode() + message_body(entry, i, a.unique)
        s.mail(sender)
        s.rcpt(rcpt)
        t = time.perf_counter()
        code, text = s.data(msg)
        ms = (time.perf_counter() - t) * 1000
        if code != 250:
            failures += 1
            print(f"latency: message {i} ({kind}): {code} {text!r}", file=sys.stderr)
        times["all"].append(ms)
        times.setdefault(kind, []).append(ms)
        s.rset()
    s.quit()
    for kind, t in times.items():
        t.sort()
        print(f"latency: {kind} n={len(t)} median={statistics.median(t):.2f} p99={_pct(t, 0.99):.2f} "
              f"max={t[-1]:.2f}")
    return 0 if failures == 0 else 1


def cmd_gen(a):
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for j, entry in enumerate(build_corpus(variants=a.count)):
        kind, body = entry[0], message_body(entry, j, a.unique)
        (out / f"{j:03d}-{kind}.eml").write_bytes(body)
        print(f"{out}/{j:03d}-{kind}.eml {len(body)} bytes")
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="send load and wait for delivery")
    r.add_argument("--port", type=int, required=True)
    r.add_argument("--messages", type=int, default=2000)
    r.add_argument("--sessions", type=int, default=20)
    r.add_argument("--delivered-dir", required=True)
    r.add_argument("--sink-pidfile")
    r.add_argument("--timeout", type=float, default=180, help="per SMTP command (s)")
    r.add_argument("--wait", type=float, default=600, help="max wait for deliveries (s)")
    r.add_argument("--unique", action="store_true", help="a different attachment in every message")
    lt = sub.add_parser("latency", help="time DATA -> 250, one message at a time")
    lt.add_argument("--port", type=int, required=True)
    lt.add_argument("--count", type=int, default=150)
    lt.add_argument("--timeout", type=float, default=180, help="per SMTP command (s)")
    lt.add_argument("--unique", action="store_true", help="a different attachment in every message")
    g = sub.add_parser("gen", help="write sample corpus files")
    g.add_argument("--out", required=True)
    g.add_argument("--count", type=int, default=1, help="variants per kind")
    g.add_argument("--unique", action="store_true", help="number each file's attachment (as run --unique)")
    a = p.parse_args(argv)
    return {"run": cmd_run, "latency": cmd_latency, "gen": cmd_gen}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
