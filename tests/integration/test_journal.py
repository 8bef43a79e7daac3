"""The journal end to end: a real Postfix, the real ordinance-milter writing its journal,
and the `ordinance journal` command reading it back.

- what Postfix accepted is journaled whole, Bcc recipients included, and exports byte for byte;
- rejected mail is journaled as metadata;
- SIGKILL of the milter under load loses nothing Postfix delivered, and `verify` passes;
- a full journal disk turns into 4xx answers, and mail flows again when space returns.
"""
import io
import os
import signal
import subprocess
import time
import unittest
import zipfile
from pathlib import Path

from gateway import GatewayTestCase
from milterproc import BUILD, EXAMPLE_CONFIG


def message(n: int, subject: str = "Bridge schedule", body: bytes = b"The inspections move to Thursday.") -> bytes:
    return (b"From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: " + subject.encode() + b"\r\n"
            b"Message-ID: <journal-" + str(n).encode() + b"@test>\r\n\r\n" + body + b"\r\n")


class JournalTest(GatewayTestCase):
    tmp_prefix = "ordinance-journal-"

    def journal(self, *args, check=True) -> subprocess.CompletedProcess:
        p = subprocess.run([str(BUILD / "ordinance"), "--config", str(self.milter.config),
                            "--set", f"data_dir={EXAMPLE_CONFIG.parent}", "--set", f"journal.dir={self.milter.journal}",
                            "journal", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        if check and p.returncode != 0:
            self.fail(f"journal {args} exited {p.returncode}:\n{p.stdout.decode()}\n{p.stderr.decode()}" + self.debug())
        return p


class JournalContentTests(JournalTest):
    milter_sets = ["size.max_message_bytes=20000"]

    def test_accepted_message_is_journaled_and_exports_byte_identical(self):
        sent = message(1, body=b"From the depot: the inspections move to Thursday.\r\n>From here on.")
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov", "secret.bcc@modot.mo.gov"], sent)
        self.assertTrue(r.ok, r)
        [d] = self.pf.wait_delivered(1, timeout=20)
        # Bcc recipients are in the journal: who received it, for the forwarding check.
        who = self.journal("recipients", "<journal-1@test>").stdout.decode().split()
        self.assertEqual(who, ["bob@modot.mo.gov", "secret.bcc@modot.mo.gov"])
        found = self.journal("search", "--to", "secret.bcc@modot.mo.gov", "--text", "inspections", "--json")
        self.assertIn(b'"queue_id":"' + r.queue_id.encode(), found.stdout)
        out = self.tmp / "export.zip"
        self.journal("export", "--participant", "alice@modot.mo.gov", "--format", "eml-zip", "--out", str(out))
        with zipfile.ZipFile(out) as z:
            self.assertIsNone(z.testzip())
            [name] = z.namelist()
            exported = z.read(name)
        # What the milter saw: our header and body byte for byte (Postfix adds Date: for us).
        head, body = sent.split(b"\r\n\r\n", 1)
        self.assertTrue(exported.startswith(head + b"\r\n"), exported)
        self.assertTrue(exported.endswith(b"\r\n\r\n" + body), exported)
        # ... and what was delivered, but for Postfix's Received: (smtp-sink writes LF line ends).
        delivered = d.raw
        while delivered.startswith(b"Received: "):
            nl = delivered.index(b"\n")
            while delivered[nl + 1:nl + 2] in (b" ", b"\t"):
                nl = delivered.index(b"\n", nl + 1)
            delivered = delivered[nl + 1:]
        self.assertEqual(exported.replace(b"\r\n", b"\n"), delivered)
        manifest = Path(str(out) + ".manifest").read_text()
        self.assertIn(__import__("hashlib").sha256(exported).hexdigest(), manifest)
        self.assertIn(__import__("hashlib").sha256(out.read_bytes()).hexdigest(), manifest)
        # mbox too, and the journal verifies; the Postfix log reconciles.
        mbox = self.tmp / "export.mbox"
        self.journal("export", "--queue-id", r.queue_id, "--format", "mbox", "--out", str(mbox))
        self.assertIn(b"\n>From the depot", mbox.read_bytes())
        self.assertIn(b"\n>>From here on.", mbox.read_bytes())
        self.journal("verify")
        self.pf.wait_log(r"status=sent")
        rec = self.journal("reconcile", "--maillog", str(self.pf.log_path))
        self.assertIn(b"0 missing", rec.stdout)

    def test_rejected_message_is_journaled_as_metadata(self):
        big = message(2, "too big", b"x" * 30000)
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], big)
        self.assertEqual(r.code, 550, r)
        rows = self.journal("search", "--subject", "too big", "--json").stdout.decode()
        self.assertIn('"verdict":"reject"', rows)
        self.assertIn('"body":false', rows)
        shown = self.journal("search", "--message-id", "<journal-2@test>").stdout
        self.assertIn(b"reject", shown)

    def test_holds_block_purge_from_the_command_line(self):
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], message(3, "hold me"))
        self.assertTrue(r.ok, r)
        dry = self.journal("purge", "--dry-run", "--as-of", "2040-01-01").stdout.decode()
        self.assertIn("1 would be disposed, 0 held", dry)
        self.assertIn("retention default 5y6m ended", dry)
        self.assertIn("within retention", self.journal("purge", "--dry-run").stdout.decode())
        refused = self.journal("purge", "--as-of", "2040-01-01", check=False)
        self.assertEqual(refused.returncode, 2)   # a clock argument never deletes
        self.journal("hold", "add", "suit-17", "--custodian", "bob@modot.mo.gov", "--since", "2020-01-01")
        self.assertIn("suit-17", self.journal("hold", "list").stdout.decode())
        dry = self.journal("purge", "--dry-run", "--as-of", "2040-01-01").stdout.decode()
        self.assertIn("0 would be disposed, 1 held", dry)
        self.journal("hold", "release", "suit-17")
        self.assertIn("no active holds", self.journal("hold", "list").stdout.decode())
        log = (self.milter.journal / "holds.log").read_text()
        self.assertIn("event=hold_add name=suit-17", log)
        self.assertIn("event=hold_release name=suit-17", log)
        self.journal("verify")

    def test_export_redacts_personal_data_in_the_copy_only(self):
        import base64
        plain = message(4, "payroll", b"Her SSN is 536-22-8714 and the visa card 4111 1111 1111 1111 exp 09/29.")
        self.assertTrue(self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], plain).ok)
        hidden = (b"From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: encoded\r\n"
                  b"Message-ID: <journal-5@test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n"
                  b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(b"ssn 536-22-8714\n") + b"\r\n")
        self.assertTrue(self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], hidden).ok)
        out = self.tmp / "redacted.zip"
        p = self.journal("export", "--from", "alice@modot.mo.gov", "--format", "eml-zip", "--out", str(out),
                         "--redact", "personal_data", check=False)
        self.assertEqual(p.returncode, 1, p)   # one message withheld
        with zipfile.ZipFile(out) as z:
            [name] = z.namelist()
            exported = z.read(name)
        self.assertIn(b"SSN is [REDACTED-SSN]", exported)
        self.assertIn(b"card [REDACTED-CARD] exp", exported)
        self.assertNotIn(b"8714", exported)
        manifest = Path(str(out) + ".manifest").read_text()
        self.assertIn("***-**-8714", manifest)
        self.assertIn("WITHHELD", manifest)
        self.assertIn("<journal-5@test>", manifest)
        # The journal keeps the original.
        orig = self.tmp / "orig.zip"
        self.journal("export", "--message-id", "<journal-4@test>", "--format", "eml-zip", "--out", str(orig))
        with zipfile.ZipFile(orig) as z:
            self.assertIn(b"536-22-8714", z.read(z.namelist()[0]))

    def test_reconcile_names_a_delivered_queue_id_the_journal_lacks(self):
        log = self.tmp / "maillog"
        log.write_text("Nov 25 10:00:00 host postfix/smtp[1]: 4ABCDEF123: to=<bob@modot.mo.gov>, relay=x, "
                       "delay=0.1, dsn=2.0.0, status=sent (250 ok)\n")
        p = self.journal("reconcile", "--maillog", str(log), check=False)
        self.assertEqual(p.returncode, 1, p)
        self.assertIn(b"MISSING 4ABCDEF123", p.stdout)


class JournalCrashTests(JournalTest):
    def test_sigkill_under_load_loses_nothing_postfix_delivered(self):
        def make(n, i):
            k = n * 100_000 + i
            return str(k), "alice@modot.mo.gov", ["bob@modot.mo.gov"], message(k)

        load = self.mail_load(make, threads=6, timeout=20)
        time.sleep(3)
        os.kill(self.milter.proc.pid, signal.SIGKILL)
        self.milter.proc.wait(timeout=10)
        time.sleep(1)
        self.gateway.start_milter(port=self.milter.port)   # same socket Postfix knows
        time.sleep(2)
        accepted = [tag for tag, code in load.stop(join_timeout=60) if 200 <= code < 300]
        self.assertGreater(len(accepted), 10)
        self.pf.flush()
        delivered = self.pf.wait_delivered(len(accepted), timeout=60)
        delivered_ids = {d.message["Message-ID"] for d in delivered}
        journaled = self.journal("search", "--from", "alice@modot.mo.gov", "--json").stdout.decode()
        missing = [m for m in delivered_ids if f'"message_id":"{m}"' not in journaled]
        self.assertEqual(missing, [], self.debug())
        v = self.journal("verify", check=False)
        self.assertEqual(v.returncode, 0, v.stdout.decode() + v.stderr.decode())
        self.pf.wait_queue_empty(timeout=30)
        rec = self.journal("reconcile", "--maillog", str(self.pf.log_path))
        self.assertIn(b" 0 missing", rec.stdout)


class JournalFullDiskTests(JournalTest):
    def prepare(self):
        journal = self.tmp / "milter" / "journal"
        journal.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(journal)], check=True)
        self.addCleanup(lambda: subprocess.run(["umount", "-l", str(journal)], check=False))

    def test_full_disk_answers_4xx_and_recovers(self):
        self.assertTrue(self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], message(1)).ok)
        filler = self.milter.journal / "filler"
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], message(2, body=os.urandom(3000).hex().encode()))
        self.assertEqual(r.code // 100, 4, str(r) + self.debug())
        self.assertIn("4.3.0", r.data[1])
        self.assertIn("event=journal_error", self.milter.log_text())
        filler.unlink()
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], message(3))
        self.assertTrue(r.ok, str(r) + self.debug())
        self.pf.wait_delivered(2, timeout=20)
        self.journal("verify")
        found = self.journal("search", "--message-id", "<journal-3@test>").stdout
        self.assertIn(b"accept", found)


if __name__ == "__main__":
    unittest.main()
