"""`ordinance journal` against what a real Postfix and the real ordinance-milter journaled,
with hostile input (issue 15, items 7-9). One gateway for the whole module.

- a decoded subject with a newline and an escape sequence is one line of `search` text,
  with no control byte, while `search --json` gives the subject exactly.
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


if __name__ == "__main__":
    unittest.main()
