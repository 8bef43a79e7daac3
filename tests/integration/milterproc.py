"""Starts and stops a real ordinance-milter for integration tests, by PID."""
from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import List, Optional

from mailenv import REPO_ROOT, free_port, pid_alive

BUILD = Path(os.environ.get("ORDINANCE_BUILD", REPO_ROOT / "build"))
EXAMPLE_CONFIG = REPO_ROOT / "config" / "examples" / "ordinance.toml"


def ensure_user(name: str = "ordinance") -> None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)


class Milter:
    """ordinance-milter on a free loopback port (or, with unix_socket, on WORKDIR/run/milter.sock,
    a directory the milter makes itself) with the example configuration plus --set overrides."""

    def __init__(self, workdir: Path, sets: Optional[List[str]] = None, config: Optional[Path] = None,
                 unix_socket: bool = False):
        self.workdir = Path(workdir)
        self.port = free_port()
        self.socket = f"inet:127.0.0.1:{self.port}"
        self.socket_path: Optional[Path] = None
        if unix_socket:
            self.socket_path = self.workdir / "run" / "milter.sock"
            self.socket = f"unix:{self.socket_path}"
        self.spool = self.workdir / "spool"
        self.log_path = self.workdir / "milter.log"
        self.journal = self.workdir / "journal"   # made and chowned by the milter itself
        self.quarantine = self.workdir / "quarantine"   # the quarantine store, likewise
        self.config = config or self.workdir / "ordinance.toml"
        if config is None:
            shutil.copy(EXAMPLE_CONFIG, self.config)
        self.sets = list(sets or [])
        self.proc: Optional[subprocess.Popen] = None

    def start(self) -> "Milter":
        ensure_user()
        os.chmod(self.workdir, 0o755)
        self.spool.mkdir(exist_ok=True)
        pw = pwd.getpwnam("ordinance")
        os.chown(self.spool, pw.pw_uid, pw.pw_gid)
        args = [str(BUILD / "ordinance-milter"), "--config", str(self.config),
                "--set", f"data_dir={EXAMPLE_CONFIG.parent}",
                "--set", f"milter.socket={self.socket}", "--set", f"milter.spool_dir={self.spool}",
                "--set", f"journal.dir={self.journal}", "--set", f"quarantine.dir={self.quarantine}",
                # Notices go nowhere unless a test points notify.smtp at its own Postfix.
                "--set", "notify.enabled=false", "--set", f"notify.spool_dir={self.workdir / 'notices'}",
                "--set", f"attachments.stripped_dir={self.workdir / 'stripped'}"]
        for s in self.sets:
            args += ["--set", s]
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log)
        deadline = time.time() + 15
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"ordinance-milter exited {self.proc.returncode}:\n{self.log_text()}")
            try:
                if self.socket_path:
                    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
                        c.settimeout(0.5)
                        c.connect(str(self.socket_path))
                else:
                    socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("ordinance-milter did not listen within 15 s:\n" + self.log_text())

    def signal(self, sig: int) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, sig)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if self.proc:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if getattr(self, "log", None):
            self.log.close()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None and pid_alive(self.proc.pid)

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def quarantined(self) -> List[Path]:
        """The item directories in the quarantine store (quarantine.mode = "store"), oldest first."""
        items = self.quarantine / "items"
        return sorted(items.iterdir()) if items.is_dir() else []

    def wait_quarantined(self, n: int = 1, timeout: float = 20) -> List[Path]:
        deadline = time.time() + timeout
        while time.time() < deadline and len(self.quarantined()) < n:
            time.sleep(0.1)
        return self.quarantined()

    def wait_log(self, needle: str, timeout: float = 10) -> bool:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if needle in self.log_text():
                return True
            time.sleep(0.05)
        return False
