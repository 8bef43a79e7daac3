"""The sender of held mail is told why: real Postfix, real ordinance-milter, real libclamav.

Outbound mail carrying a virus is held (quarantined). The milter spools a notice and submits
it by SMTP, with the null sender, to the same Postfix, which delivers it to the sender.
"""
import socket
import threading
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
        self.assertEqual(len(self.milter.wait_quarantined(1)), 1, self.debug())
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


class TinySmtp:
    """A minimal SMTP server on loopback that records what it is given (one message per
    connection): the MTA that comes back after an outage."""

    def __init__(self, port: int, refuse=()):
        self.messages = []
        self.refuse = {b"<" + a.encode() + b">" for a in refuse}   # RCPT TO answered 550
        self.sock = socket.create_server(("127.0.0.1", port))
        self.sock.settimeout(0.5)
        self.stop_flag = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while not self.stop_flag.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn, conn.makefile("rb") as r:
                conn.sendall(b"220 tiny\r\n")
                env, data = {"rcpt": []}, None
                for line in r:
                    if data is not None:
                        if line == b".\r\n":
                            self.messages.append((env, b"".join(data)))
                            data = None
                            conn.sendall(b"250 ok\r\n")
                        else:
                            data.append(line)
                        continue
                    cmd = line.upper()
                    if cmd.startswith(b"MAIL FROM:"):
                        env["from"] = line[10:].strip()
                    elif cmd.startswith(b"RCPT TO:"):
                        if line[8:].strip() in self.refuse:
                            conn.sendall(b"550 5.1.1 no such user\r\n")
                            continue
                        env["rcpt"].append(line[8:].strip())
                    if cmd.startswith(b"DATA"):
                        data = []
                        conn.sendall(b"354 go\r\n")
                    elif cmd.startswith(b"QUIT"):
                        conn.sendall(b"221 bye\r\n")
                        break
                    else:
                        conn.sendall(b"250 ok\r\n")

    def close(self):
        self.stop_flag.set()
        self.thread.join(timeout=5)
        self.sock.close()


class NoticeSurvivesAnOutage(GatewayTestCase):
    tmp_prefix = "ordinance-notify-outage-"

    def prepare(self):
        self.notice_port = free_port()   # nothing listens there yet
        self.gateway.milter_sets += ["notify.enabled=true", f"notify.smtp=127.0.0.1:{self.notice_port}",
                                     "notify.retry_seconds=1"]

    def test_a_notice_the_mta_cannot_take_is_kept_and_sent_when_it_can(self):
        r = self.pf.send("alice@modot.mo.gov", ["partner@example.com"],
                         message("budget", MARKER, sender="alice@modot.mo.gov", rcpt="partner@example.com"))
        self.assertTrue(r.ok, str(r) + self.debug())
        self.assertTrue(self.milter.wait_log("event=notice_deferred"), self.debug())
        spooled = list((self.milter.workdir / "notices").rglob("*.msg"))
        self.assertEqual(len(spooled), 1, "the notice waits in the spool")
        server = TinySmtp(self.notice_port)
        self.addCleanup(server.close)
        deadline = time.time() + 20
        while time.time() < deadline and not server.messages:
            time.sleep(0.2)
        self.assertEqual(len(server.messages), 1, self.debug())
        env, data = server.messages[0]
        self.assertEqual(env["from"], b"<>")
        self.assertEqual(env["rcpt"], [b"<alice@modot.mo.gov>"])
        self.assertIn(b"Subject: Your message was held: budget", data)
        time.sleep(0.5)
        self.assertEqual(list((self.milter.workdir / "notices").rglob("*.msg")), [], "sent: gone from the spool")


class UndeliverableNoticeIsMovedAside(GatewayTestCase):
    """A notice the MTA refuses for good (550) goes to the spool's failed/ and never blocks
    the notices after it."""
    tmp_prefix = "ordinance-notify-550-"

    def prepare(self):
        self.notice_port = free_port()
        self.server = TinySmtp(self.notice_port, refuse=["gone@modot.mo.gov"])
        self.addCleanup(self.server.close)
        self.gateway.milter_sets += ["notify.enabled=true", f"notify.smtp=127.0.0.1:{self.notice_port}",
                                     "notify.retry_seconds=1"]

    def test_a_refused_notice_is_moved_aside_and_the_next_one_is_sent(self):
        for sender, subject in (("gone@modot.mo.gov", "first"), ("alice@modot.mo.gov", "second")):
            r = self.pf.send(sender, ["partner@example.com"],
                             message(subject, MARKER, sender=sender, rcpt="partner@example.com"))
            self.assertTrue(r.ok, str(r) + self.debug())
        deadline = time.time() + 30
        while time.time() < deadline and not self.server.messages:
            time.sleep(0.2)
        self.assertEqual([m[0]["rcpt"] for m in self.server.messages], [[b"<alice@modot.mo.gov>"]], self.debug())
        self.assertTrue(self.milter.wait_log("event=notice_failed to=gone@modot.mo.gov"), self.debug())
        notices = self.milter.workdir / "notices"
        self.assertEqual(len(list((notices / "failed").rglob("*.msg"))), 1, "kept aside")
        # The sink has the message once the notifier sent its end of data; the notifier then
        # removes its spool file: give it a moment (this failed once on a loaded machine).
        deadline = time.time() + 10
        while time.time() < deadline and list((notices / "pending").rglob("*.msg")):
            time.sleep(0.1)
        self.assertEqual(list((notices / "pending").rglob("*.msg")), [], "nothing left to block the spool")


if __name__ == "__main__":
    unittest.main()
