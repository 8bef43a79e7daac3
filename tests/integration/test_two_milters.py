"""Two ordinance-milter processes on one journal directory: a second instance started by
mistake, or a restart whose new process starts while the old one still drains (up to 30 s).
Each appends to the one hash chain under the journal's lock (journal.lock), reading the head
the other left, so the chain stays one line of links and `ordinance journal verify` passes.

One Postfix for the module, with both milters in smtpd_milters: every message passes through
both and is journaled by each, side by side.
"""
import re
import shutil
import subprocess
import tempfile
import os
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mailenv import PostfixInstance
from milterproc import BUILD, EXAMPLE_CONFIG, Milter


def message(n: int) -> bytes:
    return (b"From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: Bridge schedule " + str(n).encode() +
            b"\r\nMessage-ID: <two-" + str(n).encode() + b"@test>\r\n\r\nThe inspections move to Thursday.\r\n")


class TwoMiltersOneJournal(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="ordinance-two-"))
        os.chmod(cls.tmp, 0o755)
        cls.journal = cls.tmp / "journal"
        cls.milters = []
        cls.pf = None
        try:
            for name in ("a", "b"):
                (cls.tmp / name).mkdir()
                m = Milter(cls.tmp / name, sets=[f"journal.dir={cls.journal}"])
                cls.milters.append(m)
                m.start()
            cls.pf = PostfixInstance(cls.tmp / "pf", milter=", ".join(m.socket for m in cls.milters))
            cls.pf.start()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            if cls.pf is not None:
                cls.pf.stop()
        finally:
            for m in cls.milters:
                m.stop()
            shutil.rmtree(cls.tmp, ignore_errors=True)

    def journal_cmd(self, *args) -> subprocess.CompletedProcess:
        return subprocess.run([str(BUILD / "ordinance"), "--config", str(EXAMPLE_CONFIG),
                               "--set", f"data_dir={EXAMPLE_CONFIG.parent}", "--set", f"journal.dir={self.journal}",
                               "journal", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)

    def debug(self) -> str:
        return "".join(f"\n--- milter {i} ---\n" + m.log_text()[-2000:] for i, m in enumerate(self.milters)) + \
            "\n--- postfix ---\n" + self.pf.log()[-2000:]

    def test_messages_through_both_milters_keep_one_chain(self):
        n = 60
        with ThreadPoolExecutor(max_workers=6) as pool:
            results = list(pool.map(lambda i: self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], message(i)),
                                    range(n)))
        for r in results:
            self.assertTrue(r.ok, str(r) + self.debug())
        self.pf.wait_delivered(n, timeout=120)
        for m in self.milters:   # each journaled its own copy of every message
            self.assertGreaterEqual(m.log_text().count("event=journaled"), n, self.debug())
        # A hold added from the command line meanwhile takes the same lock.
        self.assertEqual(self.journal_cmd("hold", "add", "case-1", "--custodian", "alice@modot.mo.gov").returncode, 0)
        v = self.journal_cmd("verify")
        out = v.stdout.decode()
        self.assertEqual(v.returncode, 0, out + v.stderr.decode() + self.debug())
        self.assertRegex(out, rf"^ok: {2 * n} chain links, {2 * n} entries intact", out)
        self.assertFalse(re.search(r"PROBLEM", out), out)


if __name__ == "__main__":
    unittest.main()
