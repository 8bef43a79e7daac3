"""Smoke test of the integration harness itself (no milter).

Run from the repository root as root:
    python3 -m unittest tests.integration.test_harness_smoke -v
or: python3 -m unittest discover -s tests/integration -v
"""

import os
import shutil
import sys
import tempfile
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mailenv  # noqa: E402


MESSAGE = (
    b"From: Sender <sender@example.org>\r\n"
    b"To: One <one@example.com>, Two <two@example.net>\r\n"
    b"Subject: harness smoke test\r\n"
    b"Message-ID: <smoke-1@example.org>\r\n"
    b"\r\n"
    b"Hello from the harness smoke test.\r\n"
    b".A line that needs dot-stuffing.\r\n"
    b"marker-7f3a9c\r\n"
)


@unittest.skipUnless(os.geteuid() == 0, "needs root (private Postfix instance)")
@unittest.skipUnless(shutil.which("postfix") and shutil.which("smtp-sink"), "postfix not installed")
class HarnessSmokeTest(unittest.TestCase):
    def test_two_recipients_reach_sink(self):
        t0 = time.monotonic()
        tmp = tempfile.mkdtemp(prefix="ordinance-smoke-")
        self.addCleanup(shutil.rmtree, tmp, True)
        pf = mailenv.PostfixInstance(tmp)
        pf.start()
        self.addCleanup(pf.stop)          # runs before rmtree (LIFO), even on failure
        self.assertTrue(pf.running())
        pids = pf.pids()
        self.assertTrue(mailenv.pid_alive(pids["master"]), pids)
        self.assertTrue(mailenv.pid_alive(pids["sink"]), pids)

        rcpts = ["one@example.com", "two@example.net"]
        res = pf.send("sender@example.org", rcpts, MESSAGE)
        self.assertTrue(res.ok, res)
        self.assertEqual(res.refused, {})
        self.assertIsNotNone(res.queue_id, res)

        # Postfix may use one or several transactions; collect until both arrive.
        deadline = time.monotonic() + 20
        got = {}
        while time.monotonic() < deadline:
            got = {r: d for d in pf.delivered() for r in d.recipients}
            if set(rcpts) <= set(got):
                break
            time.sleep(0.1)
        self.assertEqual(sorted(got), sorted(rcpts), pf.log_tail())
        for r in rcpts:
            d = got[r]
            self.assertEqual(d.sender, "sender@example.org")
            self.assertEqual(d.message["Subject"], "harness smoke test")
            self.assertIn(b"marker-7f3a9c\n", d.body)
            self.assertIn(b"\n.A line that needs dot-stuffing.\n", d.raw)
            self.assertIn(res.queue_id, d.message.get_all("Received")[0])

        pf.wait_queue_empty(timeout=10)
        self.assertEqual([e for e in pf.queue() if e.queue_name == "hold"], [])

        instance = pf.instance_pids()
        self.assertIn(pids["master"], instance)
        pf.stop()
        for name, pid in pids.items():
            self.assertFalse(mailenv.pid_alive(pid), f"{name} pid {pid} still running")
        for pid in instance:
            self.assertFalse(mailenv.pid_alive(pid), f"postfix daemon pid {pid} still running")
        self.assertEqual(pf.instance_pids(), [])
        self.assertFalse(pf.running())
        self.assertLess(time.monotonic() - t0, 45)


if __name__ == "__main__":
    unittest.main()
