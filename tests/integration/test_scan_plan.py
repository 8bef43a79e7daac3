"""`ordinance scan --plan`: the plan the milter would carry out, printed by the command line
(the real binary, the example configuration)."""
import json
import os
import subprocess
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("ORDINANCE_BUILD", ROOT / "build"))
CONFIG = ROOT / "config/examples/ordinance.toml"

EXE = (b"From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: the tool\r\nMIME-Version: 1.0\r\n"
       b"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nRun this.\r\n"
       b"--b1\r\nContent-Type: application/octet-stream; name=\"tool.exe\"\r\n"
       b"Content-Disposition: attachment; filename=\"tool.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
       b"TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n--b1--\r\n")


def scan(*args, stdin=EXE):
    return subprocess.run([str(BUILD / "ordinance"), "--config", str(CONFIG), *args],
                          input=stdin, capture_output=True, timeout=120)


class ScanPlan(unittest.TestCase):
    def test_a_strip_plan_names_the_kept_original_the_new_body_and_the_actions_needed(self):
        r = scan("--set", 'attachments.strip=["executable"]', "scan", "--plan", "--json", "--queue-id", "Q1",
                 "--rcpt", "bob@modot.mo.gov", "-")
        self.assertEqual(r.returncode, 1, r.stderr)  # tagged: not accepted as is
        out = json.loads(r.stdout)
        plan = out["plan"]
        self.assertEqual(plan["answer"]["verdict"], "tag")
        # quarantine.mode "store": the original becomes a quarantine item, named by its id
        self.assertRegex(plan["keep"], r"^\d{8}T\d{6}Z-[0-9a-f]{8}$")
        self.assertTrue(plan["keep_in_quarantine"])
        self.assertEqual(plan["replace_body"]["parts_removed"], 1)
        self.assertEqual(plan["journal"], "whole")
        self.assertEqual(plan["needs"], "addheader,chgbody")
        names = [h["name"] for h in plan["add_headers"]]
        self.assertIn("X-Ordinance-Stripped", names)

    def test_a_refusal_plan_changes_nothing_and_journals_metadata(self):
        r = scan("scan", "--plan", "--rcpt", "bob@modot.mo.gov", "-")
        self.assertEqual(r.returncode, 1, r.stderr)
        text = r.stdout.decode()
        self.assertIn("  plan:\n    answer: reject (550 5.7.1 ", text)
        self.assertIn("    journal: metadata\n", text)
        self.assertNotIn("add header", text)

    def test_a_transaction_refused_before_the_data_has_no_plan(self):
        msg = b"From: x@modot.mo.gov\r\nSubject: hi\r\n\r\nhello\r\n"
        r = scan("scan", "--plan", "--json", "--mail-from", "retired.engineer@modot.mo.gov", "--client-ip",
                 "127.0.0.1", "--rcpt", "bob@modot.mo.gov", "-", stdin=msg)
        out = json.loads(r.stdout)
        self.assertEqual(out["verdict"], "reject")
        self.assertIsNone(out["plan"])
        # The same message from someone else: accepted, and its plan journals it whole.
        r = scan("scan", "--plan", "--json", "--mail-from", "bob@modot.mo.gov", "--client-ip", "127.0.0.1",
                 "--rcpt", "alice@modot.mo.gov", "-", stdin=msg)
        out = json.loads(r.stdout)
        self.assertEqual(out["plan"]["answer"]["verdict"], out["verdict"])
        self.assertEqual(out["plan"]["journal"], "whole")


if __name__ == "__main__":
    unittest.main()
