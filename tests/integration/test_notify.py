"""The sender of held mail is told why: real Postfix, real ordinance-milter, real libclamav.

Outbound mail carrying a virus is held (quarantined). The milter spools a notice and submits
it by SMTP, with the null sender, to the same Postfix, which delivers it to the sender.
"""
import time
import unittest

from gateway import GatewayTestCase
from mailenv import free_port
from test_antivirus import MARKER, message


class HeldSenderIsTold(GatewayTestCase):
    tmp_prefix = "ordinance-notify-"

    def prepare(self):
        self.gateway.smtp_port = free_port()
        self.gateway.milter_sets += ["notify.enabled=true", f"notify.smtp=127.0.0.1:{self.gateway.smtp_port}",
                                     "notify.retry_seconds=1"]

    def test_outbound_virus_is_held_and_the_sender_gets_a_notice(self):
        r = self.pf.send("alice@modot.mo.gov", ["partner@example.com"],
                         message("quarterly report", b"x " + MARKER + b" x", sender="alice@modot.mo.gov",
                                 rcpt="partner@example.com"))
        self.assertTrue(r.ok, str(r) + self.debug())
        self.assertEqual(len(self.pf.wait_held(1)), 1, self.debug())
        [d] = self.pf.wait_delivered(1, timeout=30)
        self.assertEqual(d.recipients, ["alice@modot.mo.gov"])
        m = d.message
        self.assertIn("held", m["Subject"])
        self.assertIn("quarterly report", m["Subject"])
        self.assertEqual(m["Auto-Submitted"], "auto-generated")
        body = m.get_content()
        self.assertIn("Ordinance.Test.NotEicar", body)
        self.assertIn("notes.txt", body)
        self.assertIn("partner@example.com", body)
        self.assertEqual(d.sender, "")  # the null sender: a notice is never bounced or answered
        self.assertTrue(self.milter.wait_log("event=notice_sent"), self.debug())

    def test_inbound_virus_is_refused_and_nobody_is_notified(self):
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], message("x", MARKER))
        self.assertEqual(r.code, 550, str(r) + self.debug())
        time.sleep(2)
        self.assertEqual(self.pf.delivered_count(), 0)
        self.assertNotIn("notice_queued", self.milter.log_text())


if __name__ == "__main__":
    unittest.main()
