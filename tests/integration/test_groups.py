"""Protected groups, deactivated accounts and sender identity through the real Postfix
(policy 2503 sections 3, 5, 7 L), with SMTP AUTH done for real by Postfix's Cyrus SASL
against an sasldb2 the test creates, so {auth_authen} reaches the milter as in production.
"""
import os
import shutil
import subprocess
import unittest

from gateway import GatewayTestCase


def msg(sender, to, subject):
    return (f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\n"
            f"Message-ID: <{subject.replace(' ', '.')}@test>\r\n\r\nHello all.\r\n").encode()


PASSWORDS = {"alice": "alice-pw", "comms": "comms-pw", "former.employee": "former-pw"}


class GroupGateway(GatewayTestCase):
    """A milter whose trusted network excludes 127.0.0.1, so that loopback clients are 'outside'
    unless they authenticate; Postfix with SASL AUTH on."""

    tmp_prefix = "ordinance-groups-"
    milter_sets = ['organisation.trusted_networks=["10.0.0.0/8"]']

    def prepare(self):
        sasl = self.tmp / "sasl"
        sasl.mkdir()
        db = sasl / "sasldb2"
        realm = "ordinance-test.localdomain"
        for user, pw in PASSWORDS.items():
            subprocess.run(["saslpasswd2", "-p", "-c", "-f", str(db), "-u", realm, user],
                           input=pw.encode(), check=True)
        os.chmod(db, 0o644)
        (sasl / "smtpd.conf").write_text(
            f"pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\nsasldb_path: {db}\n")
        os.chmod(sasl, 0o755)
        self.gateway.postfix_extra.update({
            "smtpd_sasl_auth_enable": "yes",
            "smtpd_sasl_type": "cyrus",
            "smtpd_sasl_path": "smtpd",
            "cyrus_sasl_config_path": str(sasl),
            "smtpd_sasl_local_domain": realm,
            "smtpd_sasl_security_options": "noanonymous",
            "broken_sasl_auth_clients": "no",
        })

    def setUp(self):
        super().setUp()
        # Debian's Postfix reads Cyrus' smtpd.conf from <config_directory>/sasl/ whatever
        # cyrus_sasl_config_path says; smtpd reads it when it first starts, after this.
        (self.pf.etc / "sasl").mkdir(exist_ok=True)
        shutil.copy(self.tmp / "sasl" / "smtpd.conf", self.pf.etc / "sasl" / "smtpd.conf")

    def wait_for(self, subject, timeout=20):
        try:
            return self.pf.wait_subject(subject, timeout)
        except TimeoutError as e:
            self.fail(f"{e}{self.debug()}")


class ProtectedGroupTests(GroupGateway):
    def test_authenticated_authorized_sender_reaches_users(self):
        r = self.pf.send("comms@modot.mo.gov", ["users@modot.mo.gov"], msg("comms@modot.mo.gov", "users@modot.mo.gov",
                         "All staff memo"), auth=("comms", PASSWORDS["comms"]))
        self.assertTrue(r.ok, str(r) + self.debug())
        d = self.wait_for("All staff memo")
        self.assertEqual(d.recipients, ["users@modot.mo.gov"])
        self.assertIn("auth=comms", self.milter.log_text())  # {auth_authen} reached the milter

    def test_unauthorized_sender_refused_for_users_only(self):
        r = self.pf.send("alice@modot.mo.gov", ["users@modot.mo.gov", "bob@modot.mo.gov"],
                         msg("alice@modot.mo.gov", "users@modot.mo.gov, bob@modot.mo.gov", "Lunch today"),
                         auth=("alice", PASSWORDS["alice"]))
        code, text = r.recipients["users@modot.mo.gov"]
        self.assertEqual(code, 550, r)
        self.assertIn("5.7.1", text)
        self.assertIn("users@modot.mo.gov", text)
        self.assertIn("2503 section 3", text)
        self.assertEqual(r.recipients["bob@modot.mo.gov"][0], 250)
        self.assertTrue(200 <= r.data[0] < 300, r)
        d = self.wait_for("Lunch today")
        self.assertEqual(d.recipients, ["bob@modot.mo.gov"])

    def test_authenticated_user_cannot_borrow_an_authorized_address(self):
        # Logged in as alice, claiming comms@ in MAIL FROM: the login decides (section 7 L).
        r = self.pf.send("comms@modot.mo.gov", ["users@modot.mo.gov"],
                         msg("comms@modot.mo.gov", "users@modot.mo.gov", "Borrowed"), auth=("alice", PASSWORDS["alice"]))
        self.assertEqual(r.recipients["users@modot.mo.gov"][0], 550, r)
        self.assertIn("alice@modot.mo.gov is not authorized", r.recipients["users@modot.mo.gov"][1])

    def test_unauthenticated_claim_from_outside_is_refused(self):
        r = self.pf.send("comms@modot.mo.gov", ["users@modot.mo.gov"],
                         msg("comms@modot.mo.gov", "users@modot.mo.gov", "Forged"))
        code, text = r.recipients["users@modot.mo.gov"]
        self.assertEqual(code, 550, r)
        self.assertIn("Unverified sender", text)
        self.assertIn("rule sender_identity_protected", text)

    def test_moderated_group_holds_for_the_moderator(self):
        r = self.pf.send("alice@modot.mo.gov", ["announce@modot.mo.gov"],
                         msg("alice@modot.mo.gov", "announce@modot.mo.gov", "Bake sale"), auth=("alice", PASSWORDS["alice"]))
        self.assertTrue(r.ok, r)
        held = self.milter.wait_quarantined(1, timeout=20)
        self.assertEqual(len(held), 1, self.debug())
        self.assertIn("protected_group_moderated", (held[0] / "meta").read_text())
        self.assertEqual(self.pf.delivered_count(), 0)


class DeactivatedAccountTests(GroupGateway):
    def test_deactivated_sender_is_refused_even_with_a_valid_login(self):
        r = self.pf.send("former.employee@modot.mo.gov", ["bob@modot.mo.gov"],
                         msg("former.employee@modot.mo.gov", "bob@modot.mo.gov", "Still here"),
                         auth=("former.employee", PASSWORDS["former.employee"]))
        self.assertEqual(r.mail[0], 550, r)
        self.assertIn("5.7.1", r.mail[1])
        self.assertIn("deactivated", r.mail[1])

    def test_mail_to_a_deactivated_account(self):
        r = self.pf.send("alice@modot.mo.gov", ["retired.engineer@modot.mo.gov", "former.employee@modot.mo.gov"],
                         msg("alice@modot.mo.gov", "former.employee@modot.mo.gov", "Your files"),
                         auth=("alice", PASSWORDS["alice"]))
        code, text = r.recipients["retired.engineer@modot.mo.gov"]
        self.assertEqual(code, 550, r)
        self.assertIn("5.1.1", text)
        self.assertEqual(r.recipients["former.employee@modot.mo.gov"][0], 250)
        d = self.wait_for("Your files")
        self.assertEqual(d.recipients, ["carol@modot.mo.gov"])  # the supervisor, per deactivated.csv
        self.assertIn("former.employee@modot.mo.gov -> carol@modot.mo.gov", d.message["X-Ordinance-Redirected"])


if __name__ == "__main__":
    unittest.main()
