"""deploy/quickstart.sh as a newcomer runs it, on a busy machine (issue 15, item 13).

A milter that is slow to exec or to listen must not be reported as failed while it runs on,
and a quickstart that fails must stop what it started. The slowness is made with
QUICKSTART_MILTER, a wrapper that waits before it execs the real milter (or never listens),
in a state directory and on ports of the test's own (QUICKSTART_DIR, QUICKSTART_*_PORT), so a
quickstart of the user's in .quickstart/ is left alone.

    python3 -m unittest discover -s tests/integration -p test_quickstart.py -v
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mailenv  # noqa: E402
from milterproc import BUILD, ensure_user  # noqa: E402

QUICKSTART = mailenv.REPO_ROOT / "deploy" / "quickstart.sh"


@unittest.skipUnless(os.geteuid() == 0, "needs root (private Postfix instance)")
@unittest.skipUnless(shutil.which("postfix") and shutil.which("smtp-sink"), "postfix not installed")
class QuickstartStart(unittest.TestCase):
    def setUp(self):
        ensure_user()
        self.tmp = Path(tempfile.mkdtemp(prefix="qs-test-"))
        self.tmp.chmod(0o755)  # the milter runs as its own user and must reach its state
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.state = self.tmp / "state"
        self.env = dict(os.environ,
                        QUICKSTART_DIR=str(self.state),
                        QUICKSTART_SMTP_PORT=str(mailenv.free_port()),
                        QUICKSTART_SINK_PORT=str(mailenv.free_port()),
                        QUICKSTART_MILTER_PORT=str(mailenv.free_port()),
                        QUICKSTART_REINJECT_PORT=str(mailenv.free_port()))
        self.addCleanup(self.stop)

    def stop(self):
        subprocess.run([str(QUICKSTART), "stop"], env=self.env, capture_output=True, timeout=120)

    def wrapper(self, body: str) -> Path:
        # Named so that its own command line does not contain "ordinance-milter".
        w = self.tmp / "slow-start"
        w.write_text("#!/bin/sh\necho $$ >" + str(self.tmp / "wrapper.pid") + "\n" + body)
        w.chmod(0o755)
        return w

    def wrapper_pid(self) -> int:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                return int((self.tmp / "wrapper.pid").read_text())
            except (OSError, ValueError):
                time.sleep(0.05)
        self.fail("the wrapper never ran")

    def run_quickstart(self, **extra) -> subprocess.CompletedProcess:
        env = dict(self.env, **extra)
        return subprocess.run([str(QUICKSTART)], env=env, capture_output=True, text=True, timeout=600)

    def test_a_milter_slow_to_exec_is_waited_for_not_reported_failed(self):
        w = self.wrapper(f"sleep 2\nexec {BUILD / 'ordinance-milter'} \"$@\"\n")
        r = self.run_quickstart(QUICKSTART_MILTER=str(w))
        self.assertEqual(r.returncode, 0, r.stdout[-2000:] + r.stderr[-2000:])
        self.assertNotIn("failed to start", r.stderr)
        self.assertIn("The gateway is running", r.stdout)
        pid = self.wrapper_pid()
        self.assertTrue(mailenv.pid_alive(pid))
        st = subprocess.run([str(QUICKSTART), "status"], env=self.env, capture_output=True, text=True)
        self.assertEqual(st.returncode, 0, st.stdout + st.stderr)
        self.stop()
        self.assertFalse(mailenv.pid_alive(pid), "the milter outlived quickstart.sh stop")

    def test_a_milter_that_never_listens_fails_the_quickstart_and_is_stopped(self):
        w = self.wrapper("exec sleep 300\n")
        r = self.run_quickstart(QUICKSTART_MILTER=str(w), QUICKSTART_START_SECONDS="3")
        self.assertNotEqual(r.returncode, 0, r.stdout[-2000:])
        self.assertIn("did not listen", r.stderr)
        pid = self.wrapper_pid()
        deadline = time.monotonic() + 5
        while mailenv.pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertFalse(mailenv.pid_alive(pid), "a failed quickstart left its milter running")
        self.assertFalse((self.state / "milter.pid").exists())

    def test_a_milter_that_exits_fails_the_quickstart_at_once(self):
        w = self.wrapper("echo 'no such thing' >&2\nexit 1\n")
        r = self.run_quickstart(QUICKSTART_MILTER=str(w), QUICKSTART_START_SECONDS="600")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("exited before it listened", r.stderr)
        self.assertFalse((self.state / "milter.pid").exists())


if __name__ == "__main__":
    unittest.main()
