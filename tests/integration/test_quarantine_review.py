"""`ordinance quarantine review` driven through a pseudo-terminal, on a real store filled by the
real ordinance-milter behind a real Postfix (with its milter-less re-injection smtpd).

A chain letter from alice to bob and carol (carol only in the envelope) is held; review shows
its summary (recipients with states, rule and category, evidence, policy paragraph) and its
text with the escape sequences from the mail neutralised; a release through review delivers
it once, to both, and is audited like `release`; a second release finds nothing held; an item
whose category is never released is refused in review as `release` refuses it; review without
a terminal is a clear error.

QuarantineViewRights: with quarantine.view_groups naming a category, a reviewer who can read
the store but is in none of its groups does not see the item in list, stats or review (one line
on stderr says how many were left out) and is refused by show; one in the group sees it; the
store's owner refused by show leaves a show_refused record in the audit log.
"""
import fcntl
import grp
import os
import pty
import pwd
import re
import select
import struct
import subprocess
import termios
import time
import unittest

from gateway import GatewayTestCase
from mailenv import REPO_ROOT, free_port
from milterproc import BUILD, ensure_user

CHAIN = (REPO_ROOT / "tests" / "corpus" / "policy" / "000_chain_00.eml").read_bytes()
# A line a hostile sender adds: set the terminal's title, then clear the screen.
HOSTILE = b"\x1b]0;pwned\x07\x1b[2Jsee the title\r\n"
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


class Pty:
    """A command on a pseudo-terminal: keys in, screen text out (ANSI sequences of the
    program's own drawing replaced by line ends for matching; raw bytes kept as well)."""

    def __init__(self, argv, as_user=None):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            if as_user:
                as_user()
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


def ensure_reviewer(name, groups):
    """A system user `name` in the Unix groups `groups` (made when missing; left for the next run)."""
    for g in groups:
        try:
            grp.getgrnam(g)
        except KeyError:
            subprocess.run(["groupadd", "--system", g], check=True)
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "-G", ",".join(groups),
                        name], check=True)


def become(name):
    """A preexec function: the process becomes user `name` with its groups from the user database."""
    pw = pwd.getpwnam(name)

    def drop():
        os.setgroups(os.getgrouplist(name, pw.pw_gid))
        os.setgid(pw.pw_gid)
        os.setuid(pw.pw_uid)
    return drop


class QuarantineViewRights(GatewayTestCase):
    tmp_prefix = "ordinance-qview-"
    argv = QuarantineReview.argv
    hold_chain_letter = QuarantineReview.hold_chain_letter

    def prepare(self):
        if os.geteuid() != 0:
            self.skipTest("needs root (makes reviewer users and runs the command as them)")
        ensure_reviewer("ordinance-clerk", ["ordinance-reviewers"])
        ensure_reviewer("ordinance-auditor", ["ordinance-reviewers", "ordinance-auditors"])
        # milter.user gives the store's files to reviewers_group: it must be a member (README.md).
        ensure_user()
        if "ordinance" not in grp.getgrnam("ordinance-reviewers").gr_mem:
            subprocess.run(["usermod", "-a", "-G", "ordinance-reviewers", "ordinance"], check=True)
        self.gateway.reinject_port = free_port()
        self.gateway.milter_sets += [f"quarantine.reinject=127.0.0.1:{self.gateway.reinject_port}",
                                     "quarantine.reviewers_group=ordinance-reviewers",
                                     'quarantine.view_groups.chain_letter=["ordinance-auditors"]']

    def cli(self, user, *args):
        return subprocess.run(self.argv("quarantine", *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=120, preexec_fn=become(user) if user else None)

    def test_a_reviewer_without_the_view_right_neither_lists_nor_shows_the_item(self):
        item = self.hold_chain_letter()
        # Root, and a member of the category's view group, see it.
        for user in (None, "ordinance-auditor"):
            p = self.cli(user, "list")
            self.assertEqual(p.returncode, 0, p)
            self.assertIn(item.encode(), p.stdout)
            self.assertEqual(p.stderr, b"")
            p = self.cli(user, "show", item)
            self.assertEqual(p.returncode, 0, p)
            self.assertIn(b"sender:     alice@modot.mo.gov", p.stdout)

        # A reviewer who can read the store, but is not in ordinance-auditors, does not.
        p = self.cli("ordinance-clerk", "list")
        self.assertEqual(p.returncode, 1, p)
        self.assertNotIn(item.encode(), p.stdout)
        self.assertEqual(p.stdout, b"no items match\n")
        self.assertEqual(p.stderr, b"ordinance quarantine: list: 1 item(s) not shown: held for categories "
                                   b"ordinance-clerk may not view (quarantine.view_groups)\n")
        p = self.cli("ordinance-clerk", "list", "--json")
        self.assertNotIn(item.encode(), p.stdout)
        p = self.cli("ordinance-clerk", "stats")
        self.assertEqual(p.returncode, 0, p)
        self.assertIn(b"items: 0 ", p.stdout)
        self.assertNotIn(b"chain_letter", p.stdout)
        self.assertIn(b"1 item(s) not shown", p.stderr)
        for mode in ([], ["--headers"], ["--text"], ["--raw"]):
            p = self.cli("ordinance-clerk", "show", item, *mode)
            self.assertEqual(p.returncode, 1, p)
            self.assertEqual(p.stdout, b"")
            self.assertEqual(p.stderr.count(b"\n"), 1, p.stderr)
            self.assertIn(f"{item}: not shown: ordinance-clerk may not view items held for chain_letter".encode(), p.stderr)
        t = Pty(self.argv("quarantine", "review"), as_user=become("ordinance-clerk"))
        self.addCleanup(t.close)
        self.assertEqual(t.wait(), 1)
        self.assertIn(b"no items match", t.raw)
        # Release and delete need the view as well.
        p = self.cli("ordinance-clerk", "release", item, "--reason", "blind")
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"may not view items held for chain_letter", p.stdout)

        # The store's owner (milter.user, not in the group) may write the audit log: its refusal is recorded.
        p = self.cli("ordinance", "show", item)
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"ordinance may not view items held for chain_letter", p.stderr)
        audit = (self.milter.quarantine / "audit.log").read_text()
        self.assertRegex(audit, rf"who=ordinance action=show_refused id={item} ")
        self.assertEqual(self.cli(None, "verify").returncode, 0)
        time.sleep(1)
        self.assertEqual(self.pf.delivered_count(), 0)


if __name__ == "__main__":
    unittest.main()
