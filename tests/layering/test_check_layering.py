"""check_layering.py on small trees: it fails naming file:line on an include the folder table
forbids, passes on allowed ones, own-folder and third-party headers, honours its allow-list,
and passes on this checkout."""
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "check_layering.py"
REPO = Path(__file__).resolve().parents[2]


def run(root):
    return subprocess.run([sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True)


class LayeringTest(unittest.TestCase):
    def tree(self, files):
        tmp = tempfile.TemporaryDirectory(prefix="ordinance-layering-")
        self.addCleanup(tmp.cleanup)
        root = Path(tmp.name)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        return root

    def test_forbidden_includes_fail_with_file_and_line(self):
        cases = [
            ("config/config.h", '#include "mime/parse.h"\n', "config/config.h:2:"),
            ("mime/parse.cpp", '#include "config/reader.h"\n', "mime/parse.cpp:2:"),
            ("base/log.h", '#include "mime/message.h"\n', "base/log.h:2:"),
            ("journal/settings.h", '#include "policy/config.h"\n', "journal/settings.h:2:"),
            ("policy/direction.h", '#include "checks/scan.h"\n', "policy/direction.h:2:"),
            ("checks/scan.h", '#include "disposition/strip.h"\n', "checks/scan.h:2:"),
            ("cli/main.cpp", '#include "milter/session.h"\n', "cli/main.cpp:2:"),
            ("cache/x.cpp", '#  include "journal/store.h"\n', "cache/x.cpp:2:"),
        ]
        for name, include, where in cases:
            with self.subTest(name=name, include=include):
                root = self.tree({name: "// x\n" + include})
                r = run(root)
                self.assertEqual(r.returncode, 1, r.stdout)
                self.assertTrue(r.stdout.startswith(where), r.stdout)

    def test_allowed_includes_pass(self):
        root = self.tree({
            "config/reader.h": '#include "base/result.h"\n#include "config/toml_file.h"\n#include "toml++/toml.h"\n',
            "journal/settings.h": '#include "config/reader.h"\n#include "mime/message.h"\n#include "local.h"\n',
            "policy/config.h": '#include "journal/settings.h"\n#include "cache/policy_settings.h"\n',
            "checks/scan.h": '#include "policy/engine.h"\n',
            "disposition/strip.h": '#include "checks/scan.h"\n',
            "milter/main.cpp": '#include "disposition/strip.h"\n#include "cli/json.h"\n',
            "cli/main.cpp": '#include "disposition/strip.h"\n#include <milter/not_ours.h>\n',
        })
        r = run(root)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertEqual(r.stdout, "")

    def test_policy_may_not_include_checks(self):
        # The allow-list is empty: the engine no longer reaches up for the check table.
        for target in ("checks/registry.h", "checks/clamav_engine.h"):
            root = self.tree({"policy/engine.cpp": f'#include "{target}"\n'})
            r = run(root)
            self.assertEqual(r.returncode, 1, target)
            self.assertIn("policy/engine.cpp:1", r.stdout)

    def test_this_checkout_passes(self):
        r = run(REPO)
        self.assertEqual(r.returncode, 0, r.stdout)


if __name__ == "__main__":
    unittest.main()
