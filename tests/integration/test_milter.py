"""End to end: a real Postfix on loopback, the real ordinance-milter, smtp-sink as next hop.

Each test starts its own processes and stops them by PID, also when an assertion fails.
"""
import os
import signal
import time
import unittest

from gateway import GatewayTestCase

CLEAN = (b"From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: Bridge schedule\r\n"
         b"Message-ID: <clean@test>\r\n\r\nThe inspections move to Thursday.\r\n")


def malformed(tag: str) -> bytes:
    return (b"From: carol@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: " + tag.encode() + b"\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
            b"Content-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/pdf; name=x.pdf\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n!!!! not base64 !!!!\r\n--b--\r\n")


def with_attachment(size: int, subject: str = "big") -> bytes:
    import base64
    blob = base64.encodebytes(os.urandom(size))
    return (b"From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: " + subject.encode() + b"\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
            b"Content-Type: text/plain\r\n\r\nattached\r\n--b\r\nContent-Type: application/octet-stream; name=d.bin\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + blob + b"\r\n--b--\r\n")


class VerdictTests(GatewayTestCase):
    milter_sets = ["size.max_message_bytes=100000", "size.max_attachment_bytes=40000",
                   "milter.memory_body_limit=8192"]

    def test_clean_message_is_delivered_untouched(self):
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], CLEAN)
        self.assertTrue(r.ok, r)
        [d] = self.pf.wait_delivered(1, timeout=20)
        self.assertEqual(d.recipients, ["bob@modot.mo.gov"])
        self.assertIsNone(d.message["X-Ordinance-Verdict"])
        self.assertIn("event=verdict", self.milter.log_text())
        self.assertIn("action=accept", self.milter.log_text())

    def test_malformed_message_is_delivered_tagged(self):
        r = self.pf.send("carol@modot.mo.gov", ["bob@modot.mo.gov"], malformed("tagged"))
        self.assertTrue(r.ok, r)
        [d] = self.pf.wait_delivered(1, timeout=20)
        self.assertEqual(d.message["X-Ordinance-Verdict"], "tag")
        self.assertIn("malformed", d.message["X-Ordinance-Findings"])

    def test_oversize_attachment_is_rejected_with_rule_and_policy(self):
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], with_attachment(45000))
        self.assertEqual(r.code, 550, r)
        self.assertIn("5.7.1", r.data[1])
        self.assertIn("rule oversize", r.data[1])
        self.assertIn("9 D", r.data[1])
        time.sleep(1)
        self.assertEqual(self.pf.delivered_count(), 0)

    def test_large_body_spills_to_disk_and_leaves_nothing_behind(self):
        # 30 KB attachment: under the attachment limit, over memory_body_limit (8 KB).
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], with_attachment(30000, "spilled"))
        self.assertTrue(r.ok, str(r) + self.debug())
        [d] = self.pf.wait_delivered(1, timeout=20)
        self.assertEqual(d.message["Subject"], "spilled")
        self.assertEqual(list(self.milter.spool.iterdir()), [])


class QuarantineTests(GatewayTestCase):
    milter_sets = ["rules.malformed.action=quarantine"]

    def test_quarantined_message_is_held_not_delivered(self):
        r = self.pf.send("carol@modot.mo.gov", ["bob@modot.mo.gov"], malformed("held"))
        self.assertTrue(r.ok, r)
        held = self.milter.wait_quarantined(1, timeout=20)
        self.assertEqual(len(held), 1, self.debug())
        self.pf.wait_queue_empty()   # the MTA was told discard
        self.assertEqual(self.pf.held(), [])
        self.assertEqual(self.pf.delivered_count(), 0)
        self.assertIn("event=quarantined", self.milter.log_text())


class MtaHoldTests(GatewayTestCase):
    milter_sets = ["rules.malformed.action=quarantine", "quarantine.mode=mta_hold"]

    def test_mta_hold_mode_puts_the_message_in_postfixs_hold_queue(self):
        r = self.pf.send("carol@modot.mo.gov", ["bob@modot.mo.gov"], malformed("held"))
        self.assertTrue(r.ok, r)
        held = self.pf.wait_held(1, timeout=20)
        self.assertEqual(len(held), 1, self.pf.queue())
        self.assertEqual(self.pf.delivered_count(), 0)
        self.assertEqual(self.milter.quarantined(), [])


class ReloadTests(GatewayTestCase):
    def test_sighup_reloads_and_a_broken_config_keeps_the_old_one(self):
        msg = with_attachment(30000, "reload")
        self.assertTrue(self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], msg).ok)
        # Tighten the limit in the file and reload.
        cfg = self.milter.config
        text = cfg.read_text().replace("max_attachment_bytes = 10485760", "max_attachment_bytes = 20000")
        self.assertIn("max_attachment_bytes = 20000", text)
        cfg.write_text(text)
        self.milter.signal(signal.SIGHUP)
        self.assertTrue(self.milter.wait_log("event=reloaded"), self.debug())
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], msg)
        self.assertEqual(r.code, 550, r)
        # A broken file: the reload fails with file:line, the milter keeps running the last good one.
        cfg.write_text(text + "\n[size]\nmax_message_bytes = \"lots\"\n")
        self.milter.signal(signal.SIGHUP)
        self.assertTrue(self.milter.wait_log("event=reload_failed"), self.debug())
        self.assertRegex(self.milter.log_text(), r"ordinance\.toml:\d+:")
        self.assertTrue(self.milter.alive())
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], msg)
        self.assertEqual(r.code, 550, r)


class CrashTests(GatewayTestCase):
    def test_sigkill_while_mail_flows_tempfails_and_loses_nothing(self):
        """Every message tagged (malformed) so a delivered one proves it passed the milter."""
        def make(n, i):
            tag = f"m{n}-{i}"
            return tag, "carol@modot.mo.gov", ["bob@modot.mo.gov"], malformed(tag)

        load = self.mail_load(make, threads=4, timeout=60)
        time.sleep(2)
        self.milter.signal(signal.SIGKILL)
        killed_at = load.count()
        time.sleep(3)
        results = load.stop(join_timeout=120)
        accepted = {tag for tag, code in results if 200 <= code < 300}
        tempfailed = [tag for tag, code in results if 400 <= code < 500]
        other = [(tag, code) for tag, code in results if not (200 <= code < 300 or 400 <= code < 500)]
        self.assertGreater(killed_at, 0, "no mail flowed before the kill")
        self.assertTrue(accepted, "nothing was accepted before the kill")
        self.assertTrue(tempfailed, "nothing was tempfailed after the kill")
        self.assertEqual(other, [], "answers other than 2xx/4xx")
        delivered = self.pf.wait_delivered(len(accepted), timeout=60)
        subjects = {d.message["Subject"] for d in delivered}
        self.assertEqual(subjects, accepted, "accepted and delivered differ")
        for d in delivered:
            self.assertEqual(d.message["X-Ordinance-Verdict"], "tag", "delivered without the milter")
        held = [q for q in self.pf.queue()]
        self.assertEqual(held, [], "messages left in the queue")


if __name__ == "__main__":
    unittest.main()
