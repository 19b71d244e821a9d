"""Fixtures shared by the whole suite: fresh databases on SQLite and on PostgreSQL.

- ``database_url``: the URL of a fresh database already at the head schema, once for SQLite
  (id ``sqlite``) and once for PostgreSQL (id ``postgresql``, marked ``postgres``). SQLite
  databases are copies of a template file migrated once per session; PostgreSQL ones are
  ``CREATE DATABASE ... TEMPLATE lc_template``, also migrated once per session.
- ``db``: ``Database.open(database_url)``, disposed afterwards.
- ``empty_database_url``: like ``database_url`` but with no tables at all (never migrated).
- ``sqlite_db``: a fresh migrated SQLite ``Database`` only, for tests that need raw sqlite3.
- ``pg_db``: a fresh migrated PostgreSQL ``Database`` only.
- ``pg_server``: the base URL (``postgresql+psycopg://postgres@127.0.0.1:PORT/``) of a
  throwaway PostgreSQL server started for the session. Missing server programs fail the
  tests that need it: run ``.ci/run``, which installs them.

Run ``pytest -m "not postgres"`` to stay on SQLite (the server is then never started).

The suite runs in two pytest-xdist worker processes (``-n 2`` in pyproject.toml; ``-n 0``
runs it in this process alone). Each worker is a test session of its own, so every
session-scoped fixture here exists once per worker: its own PostgreSQL server (data folder,
port and socket folder), its own scratch folder of SQLite databases and its own user data
and keys folders (under the worker's ``tmp_path_factory`` base, ``.../popen-gw0``). The
folders are named after the worker. ``slow`` tests are run first, so that the two workers
finish together instead of one waiting for the other's last long test.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import pwd
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine

from lunar_custody.storage import Database, resolve_database_url
from tests.pg_cluster import ClusterError, PostgresCluster, postgres_bindir

PG_TEMPLATE = "lc_template"
# A test that waits on a lock (the stateful test once stalled ~5 minutes on PostgreSQL)
# leaves the waiter, the holder and the query in the server log, which the session prints
# at its end; a transaction left open and idle is ended rather than waited for.
STALL_SETTINGS = {
    "log_lock_waits": "on",
    "deadlock_timeout": "'1s'",
    "idle_in_transaction_session_timeout": "'120s'",
}

SCRATCH_MIN_FREE = 2 << 30

DIALECTS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]

_database_numbers = itertools.count(1)
# "gw0", "gw1" in a pytest-xdist worker; "main" when the suite runs in one process (-n 0)
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")

# ---------------------------------------------------------------------- the user's folders

# Every folder platformdirs (and Qt's settings) derive from the environment on Linux; HOME too,
# for ~/Library and the like elsewhere and for whatever expands "~".
USER_FOLDER_VARIABLES = ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")
BYTECODE_VARIABLES = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
# Our folders in each, under the names the package and its windows use.
OUR_FOLDER_NAMES = ("lunar-custody", "LunarCustody")


def real_user_folders() -> list[Path]:
    """Where this program keeps files for the real user (read before the session moves them)."""
    home = Path(os.environ.get("HOME") or pwd.getpwuid(os.getuid()).pw_dir)
    defaults = {
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_STATE_HOME": home / ".local" / "state",
    }
    bases = {Path(os.environ.get(name) or default) for name, default in defaults.items()}
    return sorted(base / name for base in bases for name in OUR_FOLDER_NAMES)


def listing(folders: list[Path]) -> set[str]:
    """Every file and folder under ``folders``, with its size and modification time."""
    found: set[str] = set()
    for folder in folders:
        if folder.exists():
            found.add(str(folder))  # made by a test, even if left empty
        for root, dirs, files in os.walk(folder):
            for name in (*dirs, *files):
                path = Path(root) / name
                try:
                    info = path.lstat()
                except OSError:
                    continue
                found.add(f"{path} {info.st_size} {info.st_mtime_ns}")
    return found


@dataclasses.dataclass(frozen=True)
class UserFolders:
    real: list[Path]  # our folders in the real user's data, cache, config and state
    listed: set[str]  # what they held when the session began
    fake_home: Path  # the session's HOME and XDG folders
    saved: dict[str, str | None]  # the environment before


USER_FOLDERS = pytest.StashKey[UserFolders]()


def pytest_configure(config: pytest.Config) -> None:
    """Before anything is imported or collected, in the process that starts the xdist
    workers (they inherit its environment): every user folder is a temporary one, and the
    real ones are listed, so that ``pytest_sessionfinish`` can tell if a test wrote there.
    Windows open offscreen: a test never needs the real display (and the window's display
    check, lunar_custody/gui/display.py, refuses to start without one)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "PYTEST_XDIST_WORKER" in os.environ:
        return  # moved already by the process that started this worker
    real = real_user_folders()
    folders = UserFolders(
        real=real,
        listed=listing(real),
        fake_home=Path(tempfile.mkdtemp(prefix="lunar-custody-home-")),
        saved={
            name: os.environ.get(name)
            for name in ("HOME", *USER_FOLDER_VARIABLES, *BYTECODE_VARIABLES)
        },
    )
    config.stash[USER_FOLDERS] = folders
    os.environ["HOME"] = str(folders.fake_home)
    for name in USER_FOLDER_VARIABLES:
        os.environ[name] = str(folders.fake_home / name.lower())
    if os.environ.get("PYTHONDONTWRITEBYTECODE") and not os.environ.get("PYTHONPYCACHEPREFIX"):
        # The workers and the ~150 programs the tests start (README's commands, killed
        # writers, the CLI) would each compile the package from source again (~0.2 s of
        # CPU a start): they share compiled files in the session's temporary HOME instead,
        # never beside the sources.
        del os.environ["PYTHONDONTWRITEBYTECODE"]
        os.environ["PYTHONPYCACHEPREFIX"] = str(folders.fake_home / "pycache")


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Fail the run if anything appeared or changed in the real user folders (checked once,
    by the process that started the workers, after all of them have finished)."""
    folders = session.config.stash.get(USER_FOLDERS, None)
    if folders is None:
        return
    written = sorted(listing(folders.real) - folders.listed)
    if written:
        message = "Tests wrote outside their temporary folders:\n  " + "\n  ".join(written)
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line(message, red=True)
        else:
            print(message, file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_unconfigure(config: pytest.Config) -> None:
    folders = config.stash.get(USER_FOLDERS, None)
    if folders is None:
        return
    for name, value in folders.saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    shutil.rmtree(folders.fake_home, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _user_folders_in_a_temporary_place(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """The user's data folder (default database, backups, logs, crash log) is this
    worker's own temporary one for the whole run (``pytest_configure`` has already moved
    HOME and every other XDG folder out of the real ones)."""
    home = tmp_path_factory.mktemp(f"user-data-{WORKER}")
    names = ("XDG_DATA_HOME", "LUNAR_CUSTODY_LOG", "LUNAR_CUSTODY_KEYS")
    saved = {name: os.environ.get(name) for name in names}
    os.environ["XDG_DATA_HOME"] = str(home)
    os.environ["LUNAR_CUSTODY_LOG"] = str(home / "lunar-custody" / "logs" / "lunar-custody.log")
    # named outright: a test that moves the data folder keeps the keys its world was made with
    os.environ["LUNAR_CUSTODY_KEYS"] = str(home / "lunar-custody" / "keys")
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


# Screenshots tests save for people to look at (never committed): $LUNAR_CUSTODY_SHOTS to
# keep them, else this worker's temporary folder.
SHOTS_VARIABLE = "LUNAR_CUSTODY_SHOTS"
_shots_folder: list[Path] = []


@pytest.fixture(autouse=True, scope="session")
def _screenshots_in_a_temporary_place(tmp_path_factory: pytest.TempPathFactory) -> None:
    _shots_folder[:] = [tmp_path_factory.mktemp(f"shots-{WORKER}")]


def screenshot_path(name: str) -> Path:
    """The file a test saves the screenshot ``name`` to."""
    chosen = os.environ.get(SHOTS_VARIABLE)
    folder = Path(chosen) if chosen else _shots_folder[0]
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


@pytest.fixture
def time_zone() -> Iterator[Any]:
    """``time_zone("Europe/Paris")`` makes this process's local time Paris time for the
    rest of the test (TZ and tzset); the machine's own zone is back afterwards."""
    before = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(autouse=True)
def _message_boxes_never_wait(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A message box no test asked to read (the ``messages`` fixture) is answered at once
    (No to a question, else OK) instead of waiting for a click nobody makes offscreen, which
    would hang the run; and a crash dialog, a bug, fails the test."""
    errors = sys.modules.get("lunar_custody.gui.errors")
    if errors is None:  # a test that never imported the windows
        yield
        return
    crashes: list[str] = []

    def answer(box: Any) -> Any:
        if box.objectName() == "crashDialog":
            crashes.append(box.text())
        buttons = box.standardButtons()
        return box.StandardButton.No if buttons & box.StandardButton.No else box.StandardButton.Ok

    monkeypatch.setattr(errors, "present", answer)
    yield
    assert not crashes, f"a bug reached the crash dialog (see the log): {crashes}"


def pytest_itemcollected(item: pytest.Item) -> None:
    """Tests that use the PostgreSQL server directly are ``postgres`` tests too (marked as
    they are collected, before ``-m`` deselects by marker)."""
    if {"pg_server", "pg_db"} & set(getattr(item, "fixturenames", ())):
        item.add_marker(pytest.mark.postgres)


@pytest.hookimpl(trylast=True)  # after pytest has grouped the tests by their fixtures
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """``slow`` tests first, otherwise in the order collected: a long test started last
    would keep one worker busy while the other has nothing left to do."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# ---------------------------------------------------------------------- PostgreSQL server


def _scratch_dir() -> str | None:
    """Memory-backed /dev/shm when it is roomy, else the system's temporary folder.

    Test databases are thrown away, and on a disk every commit waits for fsync (SQLite's
    synchronous=FULL, PostgreSQL's CREATE DATABASE): in memory the suite runs much faster.
    Docker's default /dev/shm (64 MB) is too small, hence the free-space check.
    """
    shm = Path("/dev/shm")
    if (
        shm.is_dir()
        and os.access(shm, os.W_OK | os.X_OK)
        and shutil.disk_usage(shm).free >= SCRATCH_MIN_FREE
    ):
        return str(shm)
    return None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The base URL of a throwaway PostgreSQL server (trust auth, no fsync)."""
    bindir = postgres_bindir()
    if bindir is None:
        pytest.fail(
            "The PostgreSQL server programs (initdb, pg_ctl) are not installed, so the "
            "PostgreSQL half of the suite cannot run. Run .ci/run, which installs them "
            '(or deselect them with -m "not postgres").',
            pytrace=False,
        )
    try:
        cluster = PostgresCluster(bindir, prefix=f"lc-pg-{WORKER}-", parent=_scratch_dir())
        try:
            cluster.init(STALL_SETTINGS)
            cluster.start()
            yield cluster.url
        finally:
            cluster.stop()
            waits = cluster.lock_waits()
            if waits:
                print(f"\nPostgreSQL ({WORKER}) lock waits:", *waits, sep="\n", file=sys.__stderr__)
            cluster.remove()
    except ClusterError as error:
        pytest.fail(f"The test {error}", pytrace=False)


@pytest.fixture(scope="session")
def _pg_admin(pg_server: str) -> Iterator[Engine]:
    """An autocommit engine on the server's maintenance database, with lc_template made."""
    engine = create_engine(f"{pg_server}postgres", isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {PG_TEMPLATE}")
        Database.open(f"{pg_server}{PG_TEMPLATE}").dispose()
        yield engine
    finally:
        engine.dispose()


def _new_pg_database(
    admin: Engine, base_url: str, *, migrated: bool, template: str | None = None
) -> Iterator[str]:
    """A new database copied from ``template`` (default: lc_template, or template0 when
    not ``migrated``), dropped afterwards."""
    name = f"t_{next(_database_numbers)}"
    template = template or (PG_TEMPLATE if migrated else "template0")
    with admin.connect() as connection:
        # PostgreSQL 15's default WAL_LOG strategy logs every page: ~0.3 s a database here;
        # copying the files is ~0.03 s (its checkpoints are cheap with fsync off).
        newer = (connection.dialect.server_version_info or (0,)) >= (15,)
        strategy = " STRATEGY FILE_COPY" if newer else ""
        connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {template}{strategy}")
    try:
        yield f"{base_url}{name}"
    finally:
        with admin.connect() as connection:
            # FORCE: a test that leaked a connection must not leave the database behind.
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# ---------------------------------------------------------------------- SQLite


@pytest.fixture(scope="session")
def _scratch() -> Iterator[Path]:
    """The session's folder for SQLite databases (see _scratch_dir)."""
    folder = Path(tempfile.mkdtemp(prefix=f"lc-test-{WORKER}-", dir=_scratch_dir()))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def _sqlite_template(_scratch: Path) -> Path:
    """A SQLite database at the head schema, migrated once and copied for every test."""
    path = _scratch / "template" / "template.db"
    Database.open(str(path)).dispose()
    # The last connection to close checkpoints the WAL, so the file alone is complete.
    assert not path.with_name(path.name + "-wal").exists()
    return path


def _new_sqlite_database(scratch: Path, template: Path | None) -> Iterator[str]:
    """A database file alone in its own folder (backups appear beside it), removed after."""
    folder = scratch / f"db_{next(_database_numbers)}"
    folder.mkdir()
    path = folder / "custody.db"
    if template is not None:
        shutil.copyfile(template, path)
    try:
        yield resolve_database_url(str(path))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------- fresh databases


# ---------------------------------------------------------------------- the world, prebuilt


@dataclasses.dataclass(frozen=True)
class WorldTemplate:
    """The shared test world (tests/worlds.py ``build_world``), built once per worker, day
    and dialect into a database that tests' databases are copied from (a SQLite file, or
    a PostgreSQL database named as a TEMPLATE), with the key files it made."""

    database: str  # the SQLite file's path, or the PostgreSQL database's name
    keys: Path  # the folder of the institution key file its bootstrap wrote
    actors: dict[str, Any]  # username -> Actor, identical in every copy
    day: tuple[Any, ...]  # the local and UTC dates it was built on


_world_templates: dict[str, WorldTemplate] = {}
# database_url -> the template it was copied from: the ``world`` fixture takes it from there
PREBUILT_WORLDS: dict[str, WorldTemplate] = {}


def _world_template(request: pytest.FixtureRequest, dialect: str) -> WorldTemplate:
    """This worker's prebuilt world for ``dialect``, built now if there is none of today's
    (a world built before midnight would date its records yesterday)."""
    from tests.worlds import build_world, building_patches, today_stamp

    made = _world_templates.get(dialect)
    if made is not None and made.day == today_stamp():
        return made
    scratch: Path = request.getfixturevalue("_scratch")
    folder = scratch / f"world_{next(_database_numbers)}"
    keys = folder / "keys"
    keys.mkdir(parents=True)
    if dialect == "sqlite":
        path = folder / "custody.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        url, database = resolve_database_url(str(path)), str(path)
    else:
        admin: Engine = request.getfixturevalue("_pg_admin")
        database = f"lc_world_{next(_database_numbers)}"
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {database} TEMPLATE {PG_TEMPLATE}")
        url = f"{request.getfixturevalue('pg_server')}{database}"
    with building_patches() as patch:
        patch.setenv("LUNAR_CUSTODY_KEYS", str(keys))
        db = Database.open(url)
        try:
            world = build_world(db)
        finally:
            db.dispose()  # no connection may stay on a PostgreSQL template
    if dialect == "sqlite":  # the last connection to close checkpoints the WAL
        assert not Path(database + "-wal").exists()
    # The worker's keyring holds it too, as when each world was built there: a test that
    # undoes its monkeypatch mid-way (LUNAR_CUSTODY_KEYS back to the worker's) still has it.
    shutil.copytree(keys, os.environ["LUNAR_CUSTODY_KEYS"], dirs_exist_ok=True)
    made = WorldTemplate(database, keys, dict(world.actors), today_stamp())
    _world_templates[dialect] = made
    return made


@pytest.fixture(params=DIALECTS)
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a fresh database at the head schema (SQLite and PostgreSQL).

    For a test that uses the ``world`` fixture the database holds the world already: a copy
    of this worker's prebuilt one (building it anew costs ~0.1 s of SQL per test, a copy a
    few milliseconds); ``world`` then only names its people."""
    world = _world_template(request, request.param) if "world" in request.fixturenames else None
    if request.param == "sqlite":
        template = Path(world.database) if world else request.getfixturevalue("_sqlite_template")
        urls = _new_sqlite_database(request.getfixturevalue("_scratch"), template)
    else:
        admin = request.getfixturevalue("_pg_admin")
        urls = _new_pg_database(
            admin,
            request.getfixturevalue("pg_server"),
            migrated=True,
            template=world.database if world else None,
        )
    for url in urls:
        if world is not None:
            PREBUILT_WORLDS[url] = world
        try:
            yield url
        finally:
            PREBUILT_WORLDS.pop(url, None)


@pytest.fixture(params=DIALECTS)
def empty_database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a database with no tables (a new SQLite file path, or an empty PG db)."""
    if request.param == "sqlite":
        yield from _new_sqlite_database(request.getfixturevalue("_scratch"), None)
    else:
        admin = request.getfixturevalue("_pg_admin")
        yield from _new_pg_database(admin, request.getfixturevalue("pg_server"), migrated=False)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """The database of ``database_url``, opened; disposed after the test."""
    database = Database.open(database_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def pg_db(_pg_admin: Engine, pg_server: str) -> Iterator[Database]:
    """A fresh PostgreSQL database at the head schema (the test is marked ``postgres``)."""
    for url in _new_pg_database(_pg_admin, pg_server, migrated=True):
        database = Database.open(url)
        try:
            yield database
        finally:
            database.dispose()


@pytest.fixture
def sqlite_db(_scratch: Path, _sqlite_template: Path) -> Iterator[Database]:
    """A fresh SQLite database at the head schema (for tests that need raw sqlite3)."""
    for url in _new_sqlite_database(_scratch, _sqlite_template):
        database = Database.open(url)
        try:
            yield database
        finally:
            database.dispose()


@pytest.fixture(scope="session")
def qapp(qapp: Any) -> Any:
    """pytest-qt's application in English with its plural forms ("1 sample", "2 samples"),
    as the program starts it (gui/startup.application installs the same)."""
    from lunar_custody.gui.translation import remove_translations

    remove_translations(qapp)
    return qapp
