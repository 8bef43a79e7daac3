"""Antivirus and attachment types end to end: real Postfix, real ordinance-milter, real libclamav.

The signatures are the demo set shipped in config/examples/clamav (one benign marker) or a
copy of it in the test's own directory, to which a test adds a signature while mail flows.
"""
import base64
import os
import shutil
import signal
import time
import unittest

from gateway import GatewayTestCase
from mailenv import REPO_ROOT

MARKER = b"CLAMAV-TEST-STRING-NOT-EICAR"
SECOND = b"ORDINANCE-SECOND-TEST-MARKER-7f3a"


def message(subject: str, payload: bytes, name: str = "notes.txt", ctype: str = "text/plain",
            sender: str = "mallory@example.com", rcpt: str = "bob@modot.mo.gov") -> bytes:
    blob = base64.encodebytes(payload)
    return (f"From: {sender}\r\nTo: {rcpt}\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
            f"See attached.\r\n--b\r\nContent-Type: {ctype}; name=\"{name}\"\r\n"
            f"Content-Disposition: attachment; filename=\"{name}\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n").encode() + blob + b"\r\n--b--\r\n"


class AntivirusGateway(GatewayTestCase):
    tmp_prefix = "ordinance-av-"
    own_database = False

    def prepare(self):
        if self.own_database:
            self.db = self.tmp / "clamav"
            shutil.copytree(REPO_ROOT / "config" / "examples" / "clamav", self.db)
            os.chmod(self.db, 0o755)
            self.gateway.milter_sets.append(f"antivirus.database={self.db}")


class VirusAnswers(AntivirusGateway):
    def test_infected_inbound_mail_is_refused_at_end_of_data_naming_the_virus(self):
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], message("infected", b"x " + MARKER + b" x"))
        self.assertEqual(r.code, 550, str(r) + self.debug())
        self.assertIn("5.7.1", r.data[1])
        self.assertIn("Ordinance.Test.NotEicar", r.data[1])
        self.assertIn("notes.txt", r.data[1])
        self.assertIn("rule virus", r.data[1])
        self.assertTrue(self.milter.wait_log("rules=virus"), self.debug())
        time.sleep(1)
        self.assertEqual(self.pf.delivered_count(), 0)
        self.assertEqual(self.pf.queue(), [], "no bounce, nothing queued")

    def test_clean_mail_with_a_document_is_delivered(self):
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"],
                         message("clean", b"%PDF-1.4\n% nothing here\n", "report.pdf", "application/pdf"))
        self.assertTrue(r.ok, str(r) + self.debug())
        [d] = self.pf.wait_delivered(1, timeout=20)
        self.assertEqual(d.message["Subject"], "clean")

    def test_infected_outbound_mail_is_held(self):
        r = self.pf.send("alice@modot.mo.gov", ["partner@example.com"],
                         message("outbound", MARKER, sender="alice@modot.mo.gov", rcpt="partner@example.com"))
        self.assertTrue(r.ok, str(r) + self.debug())
        self.assertEqual(len(self.milter.wait_quarantined(1)), 1, str(self.pf.queue()) + self.debug())
        self.pf.wait_queue_empty()   # discarded at the MTA: the store has the only copy
        self.assertEqual(self.pf.delivered_count(), 0)

    def test_banned_attachment_is_refused_with_its_rule(self):
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"],
                         message("exe", b"MZ\x90\x00" + b"\x00" * 100, "invoice.pdf.exe", "application/pdf"))
        self.assertEqual(r.code, 550, str(r) + self.debug())
        self.assertIn("rule banned_attachment", r.data[1])
        self.assertIn("invoice.pdf.exe", r.data[1])


class SignatureReload(AntivirusGateway):
    own_database = True
    milter_sets = ["antivirus.reload_check_seconds=1"]

    def test_new_signatures_while_mail_flows_lose_nothing(self):
        def make(n, i):
            infected = i % 3 == 2
            tag = f"s{n}-{i}-{'bad' if infected else 'ok'}"
            body = message(tag, (MARKER if infected else b"quarterly figures attached") + b"\n")
            return tag, "mallory@example.com", ["bob@modot.mo.gov"], body

        load = self.mail_load(make, threads=3, timeout=60)
        time.sleep(1.5)
        # A new signature file: picked up by the directory check, and again by SIGHUP.
        (self.db / "second.ndb").write_text("Ordinance.Test.Second:0:*:" + SECOND.hex() + "\n")
        self.assertTrue(self.milter.wait_log("event=reloaded", timeout=15), self.debug())
        for _ in range(2):
            self.milter.signal(signal.SIGHUP)
            time.sleep(0.7)
        results = load.stop(join_timeout=120)
        self.assertGreater(len(results), 10, "too little mail flowed")
        wrong = [(tag, code) for tag, code in results if code != (550 if tag.endswith("-bad") else 250)]
        self.assertEqual(wrong, [], self.debug())
        clean = {tag for tag, code in results if tag.endswith("-ok")}
        delivered = self.pf.wait_delivered(len(clean), timeout=60)
        self.assertEqual({d.message["Subject"] for d in delivered}, clean)
        # The new signature is live.
        r = self.pf.send("mallory@example.com", ["bob@modot.mo.gov"], message("second", SECOND))
        self.assertEqual(r.code, 550, str(r) + self.debug())
        self.assertIn("Ordinance.Test.Second", r.data[1])


if __name__ == "__main__":
    unittest.main()
