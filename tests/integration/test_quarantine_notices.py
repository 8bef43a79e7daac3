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


class QuarantineDigest(GatewayTestCase):
    """`ordinance quarantine digest` mails each reviewer what waits, only when something new does."""
    tmp_prefix = "ordinance-qdigest-"

    def prepare(self):
        self.gateway.reinject_port = free_port()
        self.gateway.milter_sets += [f"quarantine.reinject=127.0.0.1:{self.gateway.reinject_port}",
                                     'quarantine.release_groups.chain_letter=["supervisors"]',
                                     "quarantine.digest_to.supervisors=sup@modot.mo.gov"]

    def cli(self, *args):
        m = self.milter
        cmd = [str(BUILD / "ordinance"), "--config", str(m.config), "--set", f"data_dir={REPO_ROOT / 'config' / 'examples'}",
               "--set", f"quarantine.dir={m.quarantine}"]
        for s in m.sets:
            cmd += ["--set", s]
        return subprocess.run(cmd + ["quarantine", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)

    def hold(self, n):
        r = self.pf.send("alice@modot.mo.gov", ["bob@modot.mo.gov"], CHAIN.replace(b"Subject: must read", f"Subject: chain {n}".encode()))
        self.assertTrue(r.ok, str(r) + self.debug())
        items = self.milter.wait_quarantined(n)
        self.assertEqual(len(items), n, self.debug())
        return items[-1].name

    def test_a_digest_only_when_something_new_waits(self):
        self.assertIn(b"nothing waits", self.cli("digest").stdout)
        first = self.hold(1)
        p = self.cli("digest", "--dry-run")
        self.assertEqual(p.returncode, 0, p)
        self.assertIn(b"digest to sup@modot.mo.gov: 1 waiting, 1 new: would be sent", p.stdout)
        time.sleep(1)
        self.assertEqual(self.pf.delivered_count(), 0, "--dry-run sent a digest")

        p = self.cli("digest")
        self.assertEqual(p.returncode, 0, p)
        self.assertIn(b"1 new: sent", p.stdout)
        [d] = self.pf.wait_delivered(1, timeout=30)
        self.assertEqual(d.recipients, ["sup@modot.mo.gov"])
        self.assertEqual(d.sender, "")
        self.assertEqual(d.message["X-Ordinance-Notice"], "digest")
        self.assertIn("1 held message(s) wait", d.message["Subject"])
        body = d.message.get_content()
        self.assertIn(f"* {first}", body)
        self.assertIn("chain_letter", body)
        self.assertIn("chain 1", body)

        # Nothing new: nothing sent.
        p = self.cli("digest")
        self.assertEqual(p.returncode, 0, p)
        self.assertIn(b"nothing new: not sent", p.stdout)
        time.sleep(2)
        self.assertEqual(self.pf.delivered_count(), 1)

        # A new item: a digest with both, only the new one marked.
        second = self.hold(2)
        self.assertIn(b"2 waiting, 1 new: sent", self.cli("digest").stdout)
        got = self.pf.wait_delivered(2, timeout=30)
        body = [g for g in got if "2 held" in g.message["Subject"]][0].message.get_content()
        self.assertIn(f"  {first}", body)
        self.assertNotIn(f"* {first}", body)
        self.assertIn(f"* {second}", body)

        # Released items no longer wait; nothing new, nothing sent.
        self.assertEqual(self.cli("release", first, "--reason", "ok").returncode, 0)
        self.pf.wait_delivered(3, timeout=30)
        self.assertIn(b"1 waiting, nothing new", self.cli("digest").stdout)
        time.sleep(2)
        self.assertEqual(self.pf.delivered_count(), 3)


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
