"""`ordinance journal` against what a real Postfix and the real ordinance-milter journaled,
with hostile input (issue 15, items 7-9). One gateway for the whole module.

- a decoded subject with a newline and an escape sequence is one line of `search` text,
  with no control byte, while `search --json` gives the subject exactly;
- mbox export round-trips long and odd envelope senders and "From " lines: read back with
  Python's mailbox module and mboxrd unquoting, each message is the journaled one (LF form)
  byte for byte, and the manifest's SHA-256 matches it;
- `hold add` refuses a query FTS5 cannot compile and a custodian carrying `until=`, and
  purge keeps working afterwards.
"""
import base64
import hashlib
import json
import mailbox
import re
import subprocess
import unittest
import zipfile
from pathlib import Path

from gateway import Gateway
from milterproc import BUILD, EXAMPLE_CONFIG

FORGED = "x\nchief.counsel@modot.mo.gov  Settlement terms\x1b[2J"


def encoded_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def message(mid: str, subject: str, body: bytes = b"Routine.") -> bytes:
    return (b"From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: " + subject.encode() + b"\r\n"
            b"Message-ID: <" + mid.encode() + b">\r\n\r\n" + body + b"\r\n")


def mboxrd_unquote(data: bytes) -> bytes:
    return b"".join(line[1:] if re.match(rb">+From ", line) else line for line in data.splitlines(keepends=True))


class JournalCliTest(unittest.TestCase):
    gw: Gateway

    @classmethod
    def setUpClass(cls):
        cls.gw = Gateway(prefix="ordinance-journal-cli-")
        try:
            cls.gw.start()
        except BaseException:
            cls.gw.stop()
            cls.gw.remove()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            cls.gw.stop()
        finally:
            cls.gw.remove()

    def journal(self, *args, check=True) -> subprocess.CompletedProcess:
        m = self.gw.milter
        p = subprocess.run([str(BUILD / "ordinance"), "--config", str(m.config),
                            "--set", f"data_dir={EXAMPLE_CONFIG.parent}", "--set", f"journal.dir={m.journal}",
                            "journal", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        if check and p.returncode != 0:
            self.fail(f"journal {args} exited {p.returncode}:\n{p.stdout.decode()}\n{p.stderr.decode()}"
                      + self.gw.debug())
        return p

    def send(self, sender: str, msg: bytes) -> str:
        r = self.gw.pf.send(sender, ["bob@modot.mo.gov"], msg)
        self.assertTrue(r.ok, str(r) + self.gw.debug())
        return r.queue_id

    # ------------------------------------------------------------------ item 7

    def test_search_text_shows_a_forged_subject_as_one_line_and_json_exactly(self):
        self.send("alice@modot.mo.gov", message("forged-subject@test", encoded_word(FORGED)))
        text = self.journal("search", "--message-id", "<forged-subject@test>")
        out = text.stdout
        self.assertEqual(out.count(b"\n"), 1, out)          # one result, one line
        self.assertNotIn(b"\x1b", out)
        self.assertIn(b"x\\nchief.counsel@modot.mo.gov  Settlement terms\\x1b[2J", out)
        [line] = self.journal("search", "--message-id", "<forged-subject@test>", "--json").stdout.splitlines()
        self.assertEqual(json.loads(line)["subject"], FORGED)
        # show prints the entry's lines and the message, and no control byte either.
        entry_id = json.loads(line)["id"]
        shown = self.journal("show", entry_id).stdout
        self.assertNotIn(b"\x1b", shown)
        self.assertIn(b"Message-ID: <forged-subject@test>", shown)

    # ------------------------------------------------------------------ item 8

    def test_mbox_export_round_trips_long_and_odd_envelopes(self):
        body = (b"From the depot, a line mbox readers mistake for a separator.\r\n>From quoted once\r\n"
                b">>From quoted twice\r\nFrom\r\nFromage\r\n From indented\r\n\r\nFrom after a blank line\r\n")
        senders = [("a" * 149 + "@modot.mo.gov", "From " + "a" * 149 + "@modot.mo.gov"),   # 162 characters
                   ("b" * 400 + "@modot.mo.gov", "From " + "b" * 400 + "@modot.mo.gov"),
                   ("<>", "From MAILER-DAEMON"),
                   ('<"john q. public"@modot.mo.gov>', None)]
        qids = []
        for n, (sender, _) in enumerate(senders):
            qids.append(self.send(sender, message(f"mbox-{n}@test", f"mbox {n}", body)))
        mbox_path = self.gw.dir / "out.mbox"
        zip_path = self.gw.dir / "out.zip"
        self.journal("export", "--subject", "mbox", "--format", "mbox", "--out", str(mbox_path))
        self.journal("export", "--subject", "mbox", "--format", "eml-zip", "--out", str(zip_path))
        with zipfile.ZipFile(zip_path) as z:
            journaled = [z.read(name) for name in sorted(z.namelist())]
        box = mailbox.mbox(str(mbox_path), create=False)
        self.addCleanup(box.close)
        keys = list(box.keys())
        self.assertEqual(len(keys), len(senders))
        self.assertEqual(len(journaled), len(senders))
        manifest = Path(str(mbox_path) + ".manifest").read_text()
        rows = [json.loads(r) for r in self.journal("search", "--subject", "mbox", "--json").stdout.splitlines()]
        self.assertEqual(len(rows), len(senders))
        for key, raw, row in zip(keys, journaled, rows):   # all three in the journal's order
            sender, from_line = senders[int(re.search(rb"Message-ID: <mbox-(\d+)@test>", raw).group(1))]
            with self.subTest(sender=sender[:40]):
                got = mboxrd_unquote(box.get_bytes(key))
                lf = raw.replace(b"\r\n", b"\n")
                self.assertEqual(got, lf)                    # byte for byte, but for CRLF -> LF
                self.assertIn(b"\nFrom the depot", lf)        # the body really held From lines
                self.assertIn("\t" + hashlib.sha256(got).hexdigest() + "\t", manifest)
                first = box.get_message(key).get_from()       # the From_ line without "From "
                self.assertRegex(first, r" [A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$")
                envelope = first[:-25]
                self.assertEqual(envelope, row["from"] or "MAILER-DAEMON")
                if from_line:
                    self.assertEqual("From " + envelope, from_line)
        raw_mbox = mbox_path.read_bytes()
        # Every From_ line has its date and newline, and the next line is the message's own.
        for m in re.finditer(rb"^From .*$", raw_mbox, re.M):
            self.assertRegex(m.group(0), rb" \d\d:\d\d:\d\d \d{4}$")
        self.assertEqual(raw_mbox.count(b"\nFrom: alice@modot.mo.gov\n"), len(senders))

    # ------------------------------------------------------------------ item 9

    def test_hold_add_refuses_what_purge_could_not_run_and_purge_still_works(self):
        self.send("carol@modot.mo.gov", message("hold-1@test", "hold test"))
        refused = [
            (["--custodian", "bob@modot.mo.gov", "--query", '"unbalanced'], "not a valid FTS5 query"),
            (["--custodian", "bob@modot.mo.gov", "--query", "bridge OR"], "not a valid FTS5 query"),
            (["--custodian", "bob@modot.mo.gov until=2000-01-01"], "custodian"),
            (["--custodian", "bob@modot.mo.gov", "--since", "2026-02-30"], "not a date"),
            (["--custodian", "bob@modot.mo.gov", "--since", "2026-03-01", "--until", "2026-01-01"], "not before"),
            (["--custodian", "bob@modot.mo.gov", "--query", ""], "empty"),
        ]
        for extra, why in refused:
            with self.subTest(args=extra):
                p = self.journal("hold", "add", "bad-hold", *extra, check=False)
                self.assertNotEqual(p.returncode, 0, p.stdout.decode())
                self.assertIn(why, p.stderr.decode())
        self.assertIn("no active holds", self.journal("hold", "list").stdout.decode())
        dry = self.journal("purge", "--dry-run", "--as-of", "2040-01-01").stdout.decode()
        self.assertRegex(dry, r"[1-9]\d* would be disposed, 0 held")
        self.assertIn("within retention", self.journal("purge").stdout.decode())
        # A valid query hold is taken and holds what it names.
        self.journal("hold", "add", "good-hold", "--custodian", "carol@modot.mo.gov", "--query", '"hold test"')
        try:
            dry = self.journal("purge", "--dry-run", "--as-of", "2040-01-01").stdout.decode()
            self.assertIn(", 1 held", dry)
        finally:
            self.journal("hold", "release", "good-hold")
        self.journal("verify")


if __name__ == "__main__":
    unittest.main()
