"""Notices about held mail, through the real Postfix and the real ordinance-milter: the sender
is told from the category's template (which rule, which policy paragraph, whom to ask), the
sender's supervisor (config/examples/policy/supervisors.csv) is told for a policy violation,
both go through the re-injection listener (so they are never held themselves) and arrive at
the sink with the right recipients; a template with an unknown placeholder stops the
configuration from loading, naming its file and line.
"""
import subprocess
import time
import unittest

from gateway import GatewayTestCase
from mailenv import REPO_ROOT, free_port
from milterproc import BUILD, EXAMPLE_CONFIG

CHAIN = (REPO_ROOT / "tests" / "corpus" / "policy" / "000_chain_00.eml").read_bytes()


class HeldNotices(GatewayTestCase):
    tmp_prefix = "ordinance-qnotice-"

    def prepare(self):
        self.gateway.reinject_port = free_port()
        custom = self.tmp / "chain.txt"
        custom.write_text("# a test template\nSubject: Held by rule {{rules}}: {{subject}}\n\n"
                          "Hello {{sender}}, your mail to {{recipients}} waits.\n{{reasons}}\n"
                          "Policy:\n{{policy}}\nAsk {{contact}}.\n")
        # notify.smtp is left unset: the notices go to the re-injection listener.
        self.gateway.milter_sets += [f"quarantine.reinject=127.0.0.1:{self.gateway.reinject_port}",
                                     "notify.enabled=true", "notify.retry_seconds=1",
                                     'notify.categories=["chain_letter"]',
                                     f"notify.templates.chain_letter={custom}",
                                     'notify.contact=the help desk (x4357)']

    def test_sender_and_supervisor_are_told_through_the_listener(self):
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov", "carol@modot.mo.gov"], CHAIN)
        self.assertTrue(r.ok, str(r) + self.debug())
        self.assertEqual(len(self.milter.wait_quarantined(1)), 1, self.debug())
        got = self.pf.wait_delivered(2, timeout=30)
        self.assertEqual(len(got), 2, self.debug())
        by_kind = {d.message["X-Ordinance-Notice"]: d for d in got}
        self.assertEqual(sorted(by_kind), ["held", "supervisor"], [d.header_bytes for d in got])

        held = by_kind["held"]
        self.assertEqual(held.recipients, ["alice@modot.mo.gov"])
        self.assertEqual(held.sender, "")
        self.assertEqual(held.message["Subject"], "Held by rule chain_letter: must read")
        body = held.message.get_content()
        self.assertIn("Hello alice@modot.mo.gov, your mail to bob@modot.mo.gov, carol@modot.mo.gov waits.", body)
        self.assertIn("2503 section 7 N", body)
        self.assertIn("Ask the help desk (x4357).", body)

        sup = by_kind["supervisor"]
        # alice's supervisor in config/examples/policy/supervisors.csv.
        self.assertEqual(sup.recipients, ["carol@modot.mo.gov"])
        self.assertEqual(sup.sender, "")
        self.assertIn("alice@modot.mo.gov", sup.message["Subject"])
        sbody = sup.message.get_content()
        self.assertIn("whose supervisor you are", sbody)   # the shipped notices/supervisor.txt
        self.assertIn("2503 section 7 N", sbody)
        self.assertIn("chain_letter", sbody)
        self.assertNotIn("Forward this to 10 people", sbody, "the held message's text went to the supervisor")

        # Both through the listener with no milters: not judged, not held.
        reinjected = [l for l in self.pf.log().splitlines() if "postfix/reinject/smtpd" in l and "client=" in l]
        self.assertEqual(len(reinjected), 2, self.pf.log_tail(40))
        time.sleep(2)
        self.assertEqual(len(self.milter.quarantined()), 1, "a notice was held")
        self.assertEqual(self.pf.delivered_count(), 2, "the held message was delivered")
        for d in got:
            self.assertIsNone(d.message["X-Ordinance-Verdict"])


class TemplateErrors(unittest.TestCase):
    def test_an_unknown_placeholder_names_file_and_line(self):
        import tempfile
        from pathlib import Path
        with tempfile.TemporaryDirectory() as d:
            bad = Path(d) / "bad.txt"
            bad.write_text("Subject: held\n\nDear {{sendr}},\n")
            p = subprocess.run([str(BUILD / "ordinance"), "--config", str(EXAMPLE_CONFIG), "--set",
                                f"data_dir={EXAMPLE_CONFIG.parent}", "--set", f"notify.templates.default={bad}",
                                "check-config"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            self.assertNotEqual(p.returncode, 0, p)
            self.assertIn(f"{bad}:3: unknown placeholder {{{{sendr}}}}".encode(), p.stdout + p.stderr)
            # The shipped example loads.
            p = subprocess.run([str(BUILD / "ordinance"), "--config", str(EXAMPLE_CONFIG), "--set",
                                f"data_dir={EXAMPLE_CONFIG.parent}", "check-config"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            self.assertEqual(p.returncode, 0, p)


if __name__ == "__main__":
    unittest.main()
