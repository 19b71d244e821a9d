"""A throwaway PostgreSQL server (initdb and pg_ctl in a temporary folder), for the test
suite's ``pg_server`` fixture and for ``benchmarks/postgres.py``; imports no pytest.

As root the server runs as the ``postgres`` user (initdb and postgres refuse root), through
``runuser``. Durability is off: the server lives as long as the session that started it.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from glob import glob
from pathlib import Path

SUPERUSER = "postgres"
SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "64MB",
    "logging_collector": "off",
    "log_min_messages": "warning",
}


class ClusterError(RuntimeError):
    """The server could not be set up or started; the message says why, with its log."""


def postgres_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's newest version."""
    found = shutil.which("initdb")
    if found:
        folder = Path(found).resolve().parent
        if (folder / "pg_ctl").exists():
            return folder
    candidates = glob("/usr/lib/postgresql/*/bin/initdb")

    def version(path: str) -> tuple[int, ...]:
        match = re.search(r"/postgresql/([\d.]+)/", path)
        return tuple(int(part) for part in match.group(1).split(".")) if match else ()

    for initdb in sorted(candidates, key=version, reverse=True):
        folder = Path(initdb).parent
        if (folder / "pg_ctl").exists():
            return folder
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresCluster:
    """initdb / pg_ctl in a new folder under ``parent`` (None: the system's temporary
    folder), as the ``postgres`` user when we are root."""

    def __init__(self, bindir: Path, *, prefix: str = "lc-pg-", parent: str | None = None) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port: int | None = None
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                self.remove()
                raise ClusterError(
                    "Running as root, but there is no 'postgres' user to run the "
                    "PostgreSQL server; run .ci/run, which installs PostgreSQL."
                ) from None
            os.chown(self.root, account.pw_uid, account.pw_gid)

    @property
    def url(self) -> str:
        """The server's base URL; a database name completes it."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/"

    def run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            env={**os.environ, "LC_ALL": "C"},
            timeout=120,
            check=False,
        )

    def init(self, settings: dict[str, str] | None = None) -> None:
        """initdb, then ``SETTINGS`` (updated by ``settings``) into postgresql.conf."""
        done = self.run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        if done.returncode != 0:
            self.fail("initdb failed", done)
        chosen = {**SETTINGS, **(settings or {}), "unix_socket_directories": f"'{self.root}'"}
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n# lunar custody throwaway server\n")
            conf.writelines(f"{key} = {value}\n" for key, value in chosen.items())

    def start(self) -> int:
        for _attempt in range(3):  # another program may take the free port meanwhile
            port = free_port()
            done = self.run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                "-o", f"-p {port}", "start",
            )  # fmt: skip
            if done.returncode == 0:
                self.port = port
                return port
        self.fail("pg_ctl start failed", done)
        raise AssertionError("unreachable")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def lock_waits(self, limit: int = 200) -> list[str]:
        """The server log's lock waits, deadlocks and ended idle transactions."""
        if not self.log.exists():
            return []
        marks = ("still waiting for", "acquired", "idle-in-transaction", "deadlock")
        lines = self.log.read_text(errors="replace").splitlines()
        return [line for line in lines if any(mark in line for mark in marks)][:limit]

    def fail(self, what: str, done: subprocess.CompletedProcess[str]) -> None:
        log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
        self.stop()
        self.remove()
        raise ClusterError(
            f"The PostgreSQL server could not start ({what}):\n{done.stdout}\n{done.stderr}\n{log}"
        )
