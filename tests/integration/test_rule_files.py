"""A content category defined only in a rule file, from the command line, with no daemon and no
Postfix: `ordinance --set rules.<its id>.action=reject check-config` accepts it (exit 0), `scan`
refuses a message matching it, and an unknown id in [rules.X] fails naming file:line (exit 1).
"""
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

from milterproc import BUILD

RULE_FILE = """[category]
id = "harassment"
policy = "2503 section 7 F (harassment)"
reason = "Harassing message"
action_inbound = "tag"
action_outbound = "tag"
action_internal = "tag"

[[rule]]
id = "threat"
phrases = ["you will regret this"]
"""

CONFIG = """[organisation]
internal_domains = ["modot.mo.gov"]
[antivirus]
enabled = false
[content]
rules = ["harassment.toml"]
"""


class RuleFileCategoryTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="ordinance-rulefile-")
        self.dir = Path(self.tmp.name)
        (self.dir / "harassment.toml").write_text(RULE_FILE)
        self.config = self.dir / "ordinance.toml"
        self.config.write_text(CONFIG)

    def tearDown(self):
        self.tmp.cleanup()

    def ordinance(self, *args, stdin=None):
        return subprocess.run([str(BUILD / "ordinance"), "--config", str(self.config), *args], input=stdin,
                              capture_output=True, text=True, timeout=60)

    def test_set_action_of_a_rule_file_category(self):
        r = self.ordinance("--set", "rules.harassment.action=reject", "check-config")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(": ok", r.stdout)
        msg = self.dir / "threat.eml"
        msg.write_text("From: someone@example.org\r\nTo: alice@modot.mo.gov\r\nSubject: hi\r\n\r\n"
                       "Send it or you will regret this.\r\n")
        r = self.ordinance("--set", "rules.harassment.action=reject", "scan", "--mail-from", "someone@example.org",
                           "--rcpt", "alice@modot.mo.gov", "--client-ip", "192.0.2.7", str(msg))
        self.assertIn("reject", r.stdout)
        self.assertIn("rule harassment, policy 2503 section 7 F (harassment)", r.stdout)

    def test_unknown_rule_id_names_file_and_line(self):
        with open(self.config, "a") as f:
            f.write("[rules.harasment]\naction = \"reject\"\n")
        r = self.ordinance("check-config")
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn(f"{self.config}:7: unknown rule 'harasment' in [rules.harasment]", r.stderr)


if __name__ == "__main__":
    unittest.main()
