"""`ordinance quarantine review` driven through a pseudo-terminal, on a real store filled by the
real ordinance-milter behind a real Postfix (with its milter-less re-injection smtpd).

A chain letter from alice to bob and carol (carol only in the envelope) is held; review shows
its summary (recipients with states, rule and category, evidence, policy paragraph) and its
text with the escape sequences from the mail neutralised; a release through review delivers
it once, to both, and is audited like `release`; a second release finds nothing held; an item
whose category is never released is refused in review as `release` refuses it; review without
a terminal is a clear error.
"""
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
import unittest

from gateway import GatewayTestCase
from mailenv import REPO_ROOT, free_port
from milterproc import BUILD

CHAIN = (REPO_ROOT / "tests" / "corpus" / "policy" / "000_chain_00.eml").read_bytes()
# A line a hostile sender adds: set the terminal's title, then clear the screen.
HOSTILE = b"\x1b]0;pwned\x07\x1b[2Jsee the title\r\n"
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


class Pty:
    """A command on a pseudo-terminal: keys in, screen text out (ANSI sequences of the
    program's own drawing replaced by line ends for matching; raw bytes kept as well)."""

    def __init__(self, argv):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(argv[0], argv)
        # A screen big enough for a whole item: 50 rows, 200 columns.
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        self.raw = b""
        self.mark = 0
        self.status = None

    def _read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        self.raw += chunk
        return True

    def screen(self) -> str:
        return ANSI.sub(b"\n", self.raw[self.mark:]).decode("utf-8", "replace")

    def expect(self, pattern: str, timeout: float = 30) -> str:
        """Waits until `pattern` shows in what came since the last key; its text."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if re.search(pattern, self.screen()):
                return self.screen()
            if not self._read(0.2):
                break
        raise AssertionError(f"{pattern!r} not shown; the screen:\n{self.screen()[-3000:]}")

    def key(self, data: bytes):
        self.mark = len(self.raw)
        os.write(self.fd, data)

    def wait(self, timeout: float = 60) -> int:
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                while self._read(0.05):
                    pass
                os.close(self.fd)
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            self._read(0.1)
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        raise AssertionError("review did not end")

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except OSError:
                pass


class QuarantineReview(GatewayTestCase):
    tmp_prefix = "ordinance-qrev-"

    def prepare(self):
        self.gateway.reinject_port = free_port()
        self.gateway.milter_sets.append(f"quarantine.reinject=127.0.0.1:{self.gateway.reinject_port}")

    def argv(self, *args):
        m = self.milter
        cmd = [str(BUILD / "ordinance"), "--config", str(m.config), "--set", f"data_dir={REPO_ROOT / 'config' / 'examples'}",
               "--set", f"quarantine.dir={m.quarantine}"]
        for s in m.sets:
            cmd += ["--set", s]
        return cmd + list(args)

    def review(self, *args) -> Pty:
        p = Pty(self.argv(*args))
        self.addCleanup(p.close)
        return p

    def hold_chain_letter(self, extra: bytes = b""):
        body = CHAIN.replace(b"\r\n\r\n", b"\r\n\r\n" + extra, 1) if extra else CHAIN
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov", "carol@modot.mo.gov"], body)
        self.assertTrue(r.ok, str(r) + self.debug())
        items = self.milter.wait_quarantined(1)
        self.assertEqual(len(items), 1, self.debug())
        self.pf.wait_queue_empty()
        return items[0].name

    def test_review_shows_the_item_and_releases_it_once(self):
        item = self.hold_chain_letter(HOSTILE)
        t = self.review("quarantine", "review")
        s = t.expect(r"you may: +release yes, delete yes")
        self.assertIn("item 1 of 1", s)
        self.assertIn(f"id:         {item}", s)
        self.assertRegex(s, r"age: +\d+s")
        self.assertIn("sender:     alice@modot.mo.gov", s)
        self.assertIn("bob@modot.mo.gov  held", s)
        self.assertIn("carol@modot.mo.gov  held", s)
        self.assertIn("chain_letter [chain_letter] action=quarantine", s)
        self.assertIn("evidence: ", s)
        self.assertIn("policy: 2503 section 7 N", s)

        t.key(b"t")
        s = t.expect(r"see the title")
        self.assertIn("[text]", s)
        self.assertIn("Forward this to 10 people", s)
        # The sender's escape sequences are shown, not obeyed.
        self.assertNotIn(b"\x1b]0;pwned", t.raw)
        self.assertIn(b"\\x1b]0;pwned\\x07\\x1b[2Jsee the title", t.raw)
        t.key(b"t")
        t.expect(r"\[summary\]")

        # Escape cancels; nothing is sent.
        t.key(b"r")
        t.expect(r"Reason to release")
        t.key(b"\x1b")
        t.expect(r"release cancelled")

        t.key(b"r")
        t.expect(r"Reason to release")
        t.key(b"reviewed in the TUI\r")
        s = t.expect(r"released to bob@modot.mo.gov, carol@modot.mo.gov \(release R[0-9a-f-]+\)")
        self.assertIn("bob@modot.mo.gov  released", t.expect(r"carol@modot.mo.gov  released"))
        rid = re.search(r"\(release (R[0-9a-f-]+)\)", s).group(1)
        # Once: a second release through review finds nothing held.
        t.key(b"r")
        t.expect(r"Reason to release")
        t.key(b"again\r")
        t.expect(r"no recipient left to release")
        t.key(b"q")
        self.assertEqual(t.wait(), 0)
        self.assertIn(b"review: 1 item(s), 1 released, 0 deleted", t.raw)

        [d] = self.pf.wait_delivered(1, timeout=30)
        self.assertEqual(d.sender, "alice@modot.mo.gov")
        self.assertEqual(sorted(d.recipients), ["bob@modot.mo.gov", "carol@modot.mo.gov"])
        self.assertEqual(d.message["X-Ordinance-Release"], rid)
        time.sleep(2)
        self.assertEqual(self.pf.delivered_count(), 1, "delivered twice")
        audit = (self.milter.quarantine / "audit.log").read_text()
        self.assertIn(f"action=release id={item} rcpts=bob@modot.mo.gov,carol@modot.mo.gov release={rid} "
                      "reason=reviewed%20in%20the%20TUI", audit)
        self.assertNotIn("reason=again", audit.split(f"release={rid}")[0])

    def test_review_deletes_with_a_reason(self):
        item = self.hold_chain_letter()
        t = self.review("quarantine", "review", "--category", "chain_letter")
        t.expect(r"you may: +release yes")
        t.key(b"d")
        t.expect(r"Reason to delete")
        t.key(b"confirmed chain letter\r")
        t.expect(rf"{item}: deleted")
        t.expect(r"bob@modot.mo.gov  deleted")
        t.key(b"q")
        self.assertEqual(t.wait(), 0)
        audit = (self.milter.quarantine / "audit.log").read_text()
        self.assertIn(f"action=delete id={item} rcpts=bob@modot.mo.gov,carol@modot.mo.gov reason=confirmed%20chain%20letter",
                      audit)

    def test_review_refuses_what_release_refuses(self):
        item = self.hold_chain_letter()
        t = self.review("--set", 'quarantine.never_release=["chain_letter"]', "quarantine", "review")
        s = t.expect(r"you may: .*delete yes")
        self.assertIn("release no (", s)
        self.assertIn("never released", s)
        t.key(b"r")
        t.expect(r"Reason to release")
        t.key(b"try anyway\r")
        t.expect(rf"{item}: not released: .*never released")
        t.key(b"q")
        self.assertEqual(t.wait(), 0)
        time.sleep(1)
        self.assertEqual(self.pf.delivered_count(), 0)
        self.assertIn(f"action=release_refused id={item}", (self.milter.quarantine / "audit.log").read_text())

    def test_review_filters_and_needs_a_terminal(self):
        self.hold_chain_letter()
        p = subprocess.run(self.argv("quarantine", "review"), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(p.returncode, 2, p)
        self.assertIn(b"review needs a terminal", p.stderr)
        t = self.review("quarantine", "review", "--category", "virus")
        self.assertEqual(t.wait(), 1)
        self.assertIn(b"no items match", t.raw)


if __name__ == "__main__":
    unittest.main()
