"""What the MTA grants decides what the milter may do: the real ordinance-milter (example
configuration) driven by milterclient.MilterClient, which offers chosen milter actions.

A plan that needs an action the MTA did not grant (quarantine, add/delete recipient, change the
body) tempfails the message (451 4.3.5) and sends no change; it never pretends the action happened.
"""
import shutil
import tempfile
import unittest
from pathlib import Path

from milterclient import (ALL_ACTIONS, SMFIF_ADDRCPT, SMFIF_CHGBODY, SMFIF_QUARANTINE, MilterClient)
from milterproc import Milter
from mailenv import REPO_ROOT

CHAIN = (REPO_ROOT / "tests" / "corpus" / "policy" / "000_chain_00.eml").read_bytes()
CLEAN = b"From: alice@modot.mo.gov\r\nTo: former.employee@modot.mo.gov\r\nSubject: handover\r\n\r\nThe files.\r\n"
JS = (b"From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: figures\r\nMIME-Version: 1.0\r\n"
      b"Content-Type: multipart/mixed; boundary=\"o\"\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\nSee.\r\n"
      b"--o\r\nContent-Type: application/javascript; name=\"run.js\"\r\n"
      b"Content-Disposition: attachment; filename=\"run.js\"\r\n\r\n"
      b"WScript.Echo('payroll');\r\nvar s = new ActiveXObject('WScript.Shell');\r\n--o--\r\n")


class Capabilities(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = Path(tempfile.mkdtemp(prefix="ordinance-capability-"))
        # quarantine.mode mta_hold: a held message needs the MTA's quarantine action (in the
        # default "store" mode the MTA is only told discard and nothing is asked of it).
        cls.milter = Milter(cls.dir, sets=['attachments.strip=["script"]', 'quarantine.mode=mta_hold']).start()

    @classmethod
    def tearDownClass(cls):
        cls.milter.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def send(self, actions, sender, rcpts, raw, qid):
        with MilterClient(self.milter.port, actions=actions) as c:
            c.connect(client_addr="127.0.0.1")
            c.helo()
            return c.message(sender, rcpts, raw, queue_id=qid)

    def assert_tempfailed(self, replies, qid, missing):
        log = self.milter.log_text()
        final = replies[-1]
        self.assertEqual(final.cmd, "y", f"{[r.name for r in replies]}\n{log[-2000:]}")
        self.assertTrue(final.text.startswith("451 4.3."), final.text)
        self.assertEqual([r.name for r in replies[:-1]], [], "no change is sent for a tempfailed message")
        self.assertTrue(self.milter.wait_log(f"event=action_not_granted qid={qid}"), log[-2000:])
        self.assertIn(missing, log)

    def test_quarantine_not_granted_tempfails(self):
        r = self.send(ALL_ACTIONS & ~SMFIF_QUARANTINE, "alice@modot.mo.gov", ["bob@modot.mo.gov"], CHAIN, "QNOQ1")
        self.assert_tempfailed(r, "QNOQ1", "missing=quarantine")

    def test_redirect_without_addrcpt_tempfails_and_keeps_the_recipient(self):
        r = self.send(ALL_ACTIONS & ~SMFIF_ADDRCPT, "alice@modot.mo.gov", ["former.employee@modot.mo.gov"], CLEAN,
                      "QNOADD1")
        self.assertNotIn("-", [x.cmd for x in r], "the recipient is never removed")
        self.assert_tempfailed(r, "QNOADD1", "missing=addrcpt")

    def test_strip_without_chgbody_tempfails(self):
        r = self.send(ALL_ACTIONS & ~SMFIF_CHGBODY, "mallory@example.com", ["bob@modot.mo.gov"], JS, "QNOBODY1")
        self.assert_tempfailed(r, "QNOBODY1", "missing=chgbody")

    def test_everything_granted_sends_the_changes_in_order(self):
        r = self.send(ALL_ACTIONS, "alice@modot.mo.gov", ["former.employee@modot.mo.gov"], CLEAN, "QALL1")
        names = [x.name for x in r]
        self.assertEqual(r[-1].name, "continue", names)
        self.assertIn("addrcpt", names)
        self.assertLess(names.index("addrcpt"), names.index("delrcpt"), "added before removed")
        self.assertEqual(r[names.index("addrcpt")].args, ["<carol@modot.mo.gov>"])
        self.assertEqual(r[names.index("delrcpt")].args, ["<former.employee@modot.mo.gov>"])
        r = self.send(ALL_ACTIONS, "alice@modot.mo.gov", ["bob@modot.mo.gov"], CHAIN, "QALL2")
        names = [x.name for x in r]
        self.assertEqual(names[-1], "continue", names)
        self.assertIn("quarantine", names)
        self.assertIn("addheader", names)


class StoreModeAsksNothing(unittest.TestCase):
    def test_held_message_is_discarded_without_any_action_granted(self):
        d = Path(tempfile.mkdtemp(prefix="ordinance-capability-"))
        m = Milter(d).start()
        try:
            with MilterClient(m.port, actions=0) as c:
                c.connect(client_addr="127.0.0.1")
                c.helo()
                r = c.message("alice@modot.mo.gov", ["bob@modot.mo.gov"], CHAIN, queue_id="QSTORE1")
            self.assertEqual([x.name for x in r], ["discard"], m.log_text()[-2000:])
            self.assertEqual(len(m.quarantined()), 1)
        finally:
            m.stop()
            shutil.rmtree(d, ignore_errors=True)


# The same script twice under one top-level header with two Content-Type fields: the parser
# finds the script, the cutter reads the other field and cannot find it, so the strip fails
# and the message is refused with the finding's reason, here carrying CR, LF and '%'.
UNCUTTABLE = (b"From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: figures\r\nMIME-Version: 1.0\r\n"
              b"Content-Type: multipart/mixed; boundary=\"o\"\r\nContent-Type: text/plain\r\n\r\n" +
              JS.split(b"\r\n\r\n", 1)[1])


class StripFailureReply(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = Path(tempfile.mkdtemp(prefix="ordinance-capability-reply-"))
        cls.milter = Milter(cls.dir, sets=['attachments.strip=["script"]',
                                           'attachments.replies={ script = "Scripts 100% banned\\r\\nhere" }']).start()

    @classmethod
    def tearDownClass(cls):
        cls.milter.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_the_strip_failure_reply_is_sanitised(self):
        with MilterClient(self.milter.port) as c:
            c.connect(client_addr="127.0.0.1")
            c.helo()
            r = c.message("mallory@example.com", ["bob@modot.mo.gov"], UNCUTTABLE, queue_id="QREPLY1")
        log = self.milter.log_text()
        self.assertTrue(self.milter.wait_log("event=strip_failed"), log[-2000:])
        self.assertEqual(r[-1].cmd, "y", f"{[x.name for x in r]}: the reply text reaches the MTA\n{log[-2000:]}")
        text = r[-1].text
        self.assertTrue(text.startswith("550 5.7.1 "), text)
        self.assertIn("Scripts 100pct banned", text)
        for bad in ("\r", "\n", "%"):
            self.assertNotIn(bad, text)


if __name__ == "__main__":
    unittest.main()
