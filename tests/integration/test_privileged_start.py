"""The privileged start: ordinance-milter starts as root and hands its state directories to
milter.user, the user that parses hostile mail. That user owns the journal directory (and may own
the spool, notice and stripped-original directories), so it can plant symbolic links there
before a restart: journal/chain -> /etc would have root chown /etc to it.

Each case seeds one link to a root-owned target outside the state directory, starts the real
milter as root (tests/integration/milterproc.py, milter.user=ordinance), and checks that nothing
outside changed owner, mode or content, and that the milter either refused with a message
naming the link or started without following it. `ordinance journal search` run as root over
a journal with planted index links is checked the same way.
"""
import hashlib
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from milterproc import BUILD, EXAMPLE_CONFIG, Milter, ensure_user


def snapshot(root: Path) -> dict:
    """Owner, mode and content hash of everything under root (links not followed)."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [""] + dirnames + filenames:
            p = Path(dirpath) / name if name else Path(dirpath)
            st = os.lstat(p)
            digest = hashlib.sha256(p.read_bytes()).hexdigest() if stat.S_ISREG(st.st_mode) else ""
            out[str(p)] = (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode), digest)
    return out


def run_until_settled(m: Milter):
    """Starts the milter and returns its exit code once it has refused, or None once it runs
    (logged event=start). Its socket listens before the state directories are prepared, so a
    listening socket alone says nothing. Stops it either way."""
    try:
        try:
            m.start()
        except RuntimeError:
            pass
        deadline = time.time() + 30
        while time.time() < deadline:
            if m.proc.poll() is not None:
                return m.proc.returncode
            if "event=start" in m.log_text():
                return None
            time.sleep(0.05)
        raise AssertionError("the milter neither refused nor started within 30 s:\n" + m.log_text())
    finally:
        m.stop()


# (name, what is planted, the milter's expected outcome: "refuse" or "start")
MILTER_CASES = [
    ("journal/chain", "dir", "refuse"),
    ("journal/entries", "dir", "refuse"),
    ("journal/index.sqlite", "file", "refuse"),
    ("journal/index.sqlite-wal", "file", "refuse"),
    ("journal/index.sqlite-shm", "file", "refuse"),
    ("journal/journal.lock", "file", "refuse"),
    ("journal", "dir", "refuse"),
    ("notices", "dir", "refuse"),
    ("stripped", "dir", "refuse"),
    ("spool", "dir", "start"),        # the spool is best effort: a warning, and the milter runs
]


class PrivilegedStart(unittest.TestCase):
    def setUp(self):
        if os.geteuid() != 0:
            self.skipTest("needs root (the milter starts as root and drops to milter.user)")
        ensure_user()
        self.pw = pwd.getpwnam("ordinance")
        self.tmp = Path(tempfile.mkdtemp(prefix="ordinance-priv-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)
        os.chmod(self.tmp, 0o755)

    def seed(self, case: str, planted: str, kind: str) -> Path:
        """A fresh state directory (everything the milter user's) with `planted` a link to a
        root-owned target under case/outside; returns the state directory."""
        base = self.tmp / case.replace("/", "_")
        outside = base / "outside"
        outside.mkdir(parents=True)
        os.chmod(outside, 0o700)
        (outside / "file").write_bytes(b"root's file\n")
        os.chmod(outside / "file", 0o600)
        (outside / "dir").mkdir()
        os.chmod(outside / "dir", 0o700)
        (outside / "dir" / "inner").write_bytes(b"root's inner file\n")
        os.chmod(outside / "dir" / "inner", 0o600)
        state = base / "state"
        state.mkdir()
        os.chmod(state, 0o755)
        for d in ("journal", "spool", "notices", "stripped"):
            (state / d).mkdir()
            os.chmod(state / d, 0o700)
            os.chown(state / d, self.pw.pw_uid, self.pw.pw_gid)
        target = state / planted
        if target.is_dir():
            shutil.rmtree(target)
        os.symlink(outside / kind, target)
        (base / "m").mkdir()
        return state

    def test_the_milter_never_follows_a_planted_link(self):
        for planted, kind, expect in MILTER_CASES:
            with self.subTest(planted=planted):
                state = self.seed("milter-" + planted, planted, kind)
                outside = state.parent / "outside"
                before = snapshot(outside)
                m = Milter(state.parent / "m", sets=[
                    f"journal.dir={state / 'journal'}", f"milter.spool_dir={state / 'spool'}",
                    "notify.enabled=true", f"notify.spool_dir={state / 'notices'}", "notify.smtp=127.0.0.1:9",
                    'attachments.strip=["script"]', f"attachments.stripped_dir={state / 'stripped'}"])
                rc = run_until_settled(m)
                log = m.log_text()
                self.assertEqual(snapshot(outside), before, f"{planted}: something outside changed\n{log}")
                self.assertIn(str(state / planted) + " is a symbolic link", log)
                self.assertEqual(rc, 1 if expect == "refuse" else None, f"{planted}: expected to {expect}\n{log}")

    def test_journal_commands_as_root_never_follow_a_planted_link(self):
        for planted in ("journal/index.sqlite", "journal/index.sqlite-wal", "journal/index.sqlite-shm"):
            with self.subTest(planted=planted):
                state = self.seed("cli-" + planted, planted, "file")
                outside = state.parent / "outside"
                before = snapshot(outside)
                p = subprocess.run([str(BUILD / "ordinance"), "--config", str(EXAMPLE_CONFIG),
                                    "--set", f"data_dir={EXAMPLE_CONFIG.parent}",
                                    "--set", f"journal.dir={state / 'journal'}",
                                    "journal", "search", "--participant", "alice@modot.mo.gov"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
                err = p.stderr.decode()
                self.assertEqual(snapshot(outside), before, f"{planted}: something outside changed\n{err}")
                self.assertEqual(p.returncode, 2, err)
                self.assertIn(str(state / planted) + " is a symbolic link", err)


class StateModes(unittest.TestCase):
    """Under the umask a service manager or a shell hands over (022), what the milter and the
    command make is still private: the journal's index holds subjects and body text. The pid
    file is 0644 by design, and a pid file that cannot be written refuses the start."""

    def setUp(self):
        if os.geteuid() != 0:
            self.skipTest("needs root")
        ensure_user()
        self.pw = pwd.getpwnam("ordinance")
        self.tmp = Path(tempfile.mkdtemp(prefix="ordinance-modes-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)
        os.chmod(self.tmp, 0o755)
        old = os.umask(0o022)
        self.addCleanup(os.umask, old)

    def mode(self, p: Path) -> int:
        return stat.S_IMODE(os.lstat(p).st_mode)

    def test_the_index_is_private_and_the_pid_file_is_0644(self):
        run = self.tmp / "run"
        run.mkdir()
        os.chown(run, self.pw.pw_uid, self.pw.pw_gid)
        m = Milter(self.tmp, sets=[f"milter.pid_file={run / 'milter.pid'}"])
        self.assertIsNone(run_until_settled(m), m.log_text())
        self.assertEqual(self.mode(m.journal), 0o700)
        names = sorted(p.name for p in m.journal.glob("index.sqlite*"))
        self.assertIn("index.sqlite", names)
        for name in names:
            self.assertEqual(self.mode(m.journal / name), 0o600, name)
        self.assertEqual(self.mode(run / "milter.pid"), 0o644)
        self.assertEqual((run / "milter.pid").read_text(), f"{m.proc.pid}\n")
        # The journal's parents stay reachable for milter.user though the umask is 077.
        deep = self.tmp / "var" / "lib" / "journal"
        m2 = Milter(self.tmp, sets=[f"journal.dir={deep}"])
        self.assertIsNone(run_until_settled(m2), m2.log_text())
        self.assertEqual(self.mode(deep.parent), 0o755)
        self.assertEqual(self.mode(deep.parent.parent), 0o755)

    def test_a_pid_file_that_cannot_be_written_refuses_the_start(self):
        m = Milter(self.tmp, sets=[f"milter.pid_file={self.tmp / 'missing' / 'milter.pid'}"])
        self.assertEqual(run_until_settled(m), 1, m.log_text())
        self.assertIn("cannot write milter.pid_file " + str(self.tmp / "missing" / "milter.pid"), m.log_text())

    def test_an_index_the_command_makes_is_private(self):
        for who in ("root", "ordinance"):
            with self.subTest(who=who):
                journal = self.tmp / ("journal-" + who)
                journal.mkdir(mode=0o700)
                os.chown(journal, self.pw.pw_uid, self.pw.pw_gid)
                as_user = None
                if who == "ordinance":
                    def as_user():
                        os.setgid(self.pw.pw_gid)
                        os.setuid(self.pw.pw_uid)
                p = subprocess.run([str(BUILD / "ordinance"), "--config", str(EXAMPLE_CONFIG),
                                    "--set", f"data_dir={EXAMPLE_CONFIG.parent}", "--set", f"journal.dir={journal}",
                                    "journal", "search", "--participant", "alice@modot.mo.gov"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120, preexec_fn=as_user)
                names = sorted(p.name for p in journal.glob("index.sqlite*"))
                self.assertIn("index.sqlite", names, p.stderr.decode())
                for name in names:
                    st = os.lstat(journal / name)
                    self.assertEqual(stat.S_IMODE(st.st_mode), 0o600, name)
                    self.assertEqual(st.st_uid, self.pw.pw_uid, name)   # the journal owner's

    def test_the_lock_a_root_command_makes_is_the_journal_owners(self):
        journal = self.tmp / "journal"
        journal.mkdir(mode=0o700)
        os.chown(journal, self.pw.pw_uid, self.pw.pw_gid)
        p = subprocess.run([str(BUILD / "ordinance"), "--config", str(EXAMPLE_CONFIG),
                            "--set", f"data_dir={EXAMPLE_CONFIG.parent}", "--set", f"journal.dir={journal}",
                            "journal", "hold", "add", "case-1", "--custodian", "alice@modot.mo.gov"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        st = os.lstat(journal / "journal.lock")   # the milter (as its user) must still take it
        self.assertEqual((st.st_uid, stat.S_IMODE(st.st_mode)), (self.pw.pw_uid, 0o600))


if __name__ == "__main__":
    unittest.main()
