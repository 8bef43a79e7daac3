"""Stopping the milter while mail flows: SIGTERM closes the listener at once, lets a message
already begun finish through the milter, tempfails a new one on a connection that was open,
and exits when the message is done."""
import signal
import smtplib
import unittest

from gateway import GatewayTestCase


class StopWhileMailFlows(GatewayTestCase):
    tmp_prefix = "ordinance-stop-"

    def smtp(self) -> smtplib.SMTP:
        s = smtplib.SMTP("127.0.0.1", self.pf.smtp_port, local_hostname="client.example.org", timeout=60)
        self.addCleanup(s.close)
        s.ehlo("client.example.org")
        return s

    def test_a_begun_message_finishes_a_new_one_is_tempfailed_then_the_milter_exits(self):
        begun = self.smtp()
        self.assertEqual(begun.mail("mallory@example.com")[0], 250)  # the milter has seen MAIL FROM
        self.assertEqual(begun.rcpt("bob@modot.mo.gov")[0], 250)
        idle = self.smtp()   # a second connection, open before the stop, no message yet

        self.milter.signal(signal.SIGTERM)
        self.assertTrue(self.milter.wait_log("event=draining"), self.debug())
        self.assertIn("messages=1", self.milter.log_text())
        self.assertTrue(self.milter.alive(), "it waits for the message begun")

        code, text = idle.mail("mallory@example.com")
        self.assertEqual(code, 451, text + self.debug().encode())
        self.assertIn(b"4.3.2", text, self.debug())

        code, text = begun.data(b"From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\n"
                                b"Subject: begun before the stop\r\n\r\nStill delivered.\r\n")
        self.assertEqual(code, 250, text + self.debug().encode())
        [d] = self.pf.wait_delivered(1, timeout=30)
        self.assertEqual(d.message["Subject"], "begun before the stop")
        log = self.milter.log_text()
        self.assertIn("event=verdict", log[log.index("event=draining"):], "judged by the milter after the stop")

        self.assertEqual(self.milter.proc.wait(timeout=30), 0)
        self.assertIn("event=drained", self.milter.log_text())


if __name__ == "__main__":
    unittest.main()
