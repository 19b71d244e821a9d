"""The command line over the services: each command run as a user would, output read back.

Most tests call ``cli.main`` in-process (fast, on SQLite and PostgreSQL); a few run the
installed ``lunar-custody`` program in a subprocess to check the real entry point, exit
codes and the append-only triggers seen from the sqlite3 shell.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from lunar_custody import cli
from lunar_custody.cli.main import FEATURES, build_parser, feature_module, feature_run_by
from lunar_custody.domain import queries
from lunar_custody.domain.models import Aliquot, Discrepancy, Loan, Transfer
from lunar_custody.storage import Database
from tests.worlds import A1, A2, A3, A4, World


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


def run(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def secrets(tmp_path: Path, world: World) -> dict[str, str]:
    """Secret files as a script would keep them (password, each courier's PIN)."""
    files = {"password": world.PASSWORD, **world.PINS}
    paths = {}
    for name, secret in files.items():
        path = tmp_path / f"{name}.secret"
        path.write_text(secret + "\n", encoding="utf-8")
        paths[name] = str(path)
    return paths


def url(world: World) -> str:
    assert isinstance(world.db, Database)
    return world.db.url


def as_user(world: World, secrets: dict[str, str], user: str, *argv: str) -> Run:
    if user.startswith("courier"):
        return run(
            *argv, "--db", url(world), "--user", user, "--pin", "--password-file", secrets[user]
        )
    return run(*argv, "--db", url(world), "--user", user, "--password-file", secrets["password"])


# ---------------------------------------------------------------------- reading


def test_db_is_accepted_before_and_after_the_command(world: World) -> None:
    before = run("--db", url(world), "--json", "status", A1)
    after = run("status", A1, "--db", url(world), "--json")
    assert before.code == after.code == 0, before.err + after.err
    assert before.json() == after.json()
    status = before.json()
    assert isinstance(status, dict)
    assert (status["number"], status["current_mass_ug"]) == (A1, world.MASSES[A1])


def test_status_and_history_for_people(world: World) -> None:
    result = run("--db", url(world), "status", A1)
    assert result.code == 0
    assert "in storage" in result.out and "500.000 mg" in result.out
    history = run("--db", url(world), "history", A1)
    assert history.code == 0 and "registered" in history.out


def test_an_unknown_number_is_an_error_on_stderr(world: World) -> None:
    result = run("--db", url(world), "status", "CE5C0400YJFM09999")
    assert result.code == 1
    assert result.out == ""
    assert result.err == "lunar-custody: There is no aliquot 'CE5C0400YJFM09999'.\n"


def test_a_missing_database_file_is_not_created_by_a_reading_command(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    result = run("--db", str(missing), "verify")
    assert result.code == 3
    assert "There is no database at" in result.err and str(missing) in result.err
    assert not missing.exists()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database\n" * 100)
    result = run("--db", str(junk), "verify")
    assert result.code == 3
    assert "Traceback" not in result.err and "notes.db" in result.err


def test_lists_as_json(world: World, secrets: dict[str, str]) -> None:
    numbers = world.rich_scenario()
    loans = run("--db", url(world), "loans", "--json").json()
    assert isinstance(loans, list)
    assert {loan["number"] for loan in loans} == {numbers["brown_loan"], numbers["koln_loan"]}
    detail = run("--db", url(world), "loan", numbers["brown_loan"], "--json").json()
    assert isinstance(detail, dict)
    assert [s["meaning"] for s in detail["signatures"]][:2] == ["approved", "countersigned"]
    transfers = run("--db", url(world), "transfers", "--status", "received", "--json").json()
    assert isinstance(transfers, list) and len(transfers) == 3
    everything = run("--db", url(world), "discrepancies", "--all", "--json").json()
    assert isinstance(everything, list) and all(d["resolved"] for d in everything)
    assert run("--db", url(world), "discrepancies", "--json").json() == []
    text = run("--db", url(world), "loans")
    assert numbers["koln_loan"] in text.out and "KOLN" in text.out


# ---------------------------------------------------------------------- acting


def test_a_whole_loan_from_the_command_line(world: World, secrets: dict[str, str]) -> None:
    """Draft, sign twice, ship through two couriers, receive a broken seal, resolve, return,
    close: every step a command, every outcome read back from the database."""
    created = as_user(
        world,
        secrets,
        "zhang",
        "loan-create",
        "--borrower",
        "BROWN",
        "--pi",
        "brown_lm",
        "--purpose",
        "Noble gases in Chang'e-5 soil",
        "--starts",
        str(world.today),
        "--due",
        str(world.today + timedelta(days=365)),
        "--destructive",
        "--items",
        A1,
        "--json",
    )
    assert created.code == 0, created.err
    loan = created.json()["number"]  # type: ignore[index]
    assert as_user(world, secrets, "zhang", "loan-add", loan, A2).code == 0
    world.clear(loan)
    assert as_user(world, secrets, "zhang", "loan-approve", loan).code == 0
    other_side = as_user(world, secrets, "koln_lm", "loan-countersign", loan)
    assert other_side.code == 1, other_side.out
    assert as_user(world, secrets, "brown_lm", "loan-countersign", loan).code == 0
    assert world.read(lambda s: s.query(Loan).filter_by(number=loan).one().status) == "active"

    released = run(
        "release",
        A1,
        A2,
        "--loan",
        loan,
        "--receiver",
        "brown_lm",
        "--courier",
        "courier1",
        "--courier-pin",
        "--courier-secret-file",
        secrets["courier1"],
        "--seal",
        "CNSA-77",
        "--db",
        url(world),
        "--user",
        "zhang",
        "--password-file",
        secrets["password"],
        "--json",
    )
    assert released.code == 0, released.err
    package = released.json()["number"]  # type: ignore[index]
    assert world.status(A1).status == "in_transit"
    handed = run(
        "hand-over",
        package,
        "--to-courier",
        "courier2",
        "--to-pin",
        "--to-secret-file",
        secrets["courier2"],
        "--db",
        url(world),
        "--user",
        "courier1",
        "--pin",
        "--password-file",
        secrets["courier1"],
    )
    assert handed.code == 0, handed.err
    assert world.status(A1).courier == "Dana Courier"

    received = as_user(
        world,
        secrets,
        "brown_lm",
        "receive",
        package,
        "--seal-broken",
        "--seal-seen",
        "CNSA-77",
        "--measured",
        f"{A2}=299.9mg",
        "--note",
        "tape lifted",
        "--json",
    )
    assert received.code == 0, received.err
    flagged = received.json()["discrepancies"]  # type: ignore[index]
    assert len(flagged) == 1  # 100 µg off is inside the tolerance; the broken seal is not
    kind = world.read(lambda s: s.get(Discrepancy, flagged[0]).kind)
    assert kind == "seal_broken"
    assert world.status(A1).custodian_institution == "Brown University"
    assert world.read(lambda s: s.query(Transfer).filter_by(number=package).one().status) == (
        "received"
    )
    resolved = as_user(
        world,
        secrets,
        "zhang",
        "resolve",
        str(flagged[0]),
        "--resolution",
        "accept",
        "--note",
        "contents checked on video call",
    )
    assert resolved.code == 0, resolved.err
    assert queries.discrepancies(world.db) == []

    consumed = as_user(world, secrets, "brown_lm", "consume", A2, "50mg", "--note", "Ar-Ar")
    assert consumed.code == 0, consumed.err
    split = as_user(world, secrets, "brown_lm", "split", A1, "100mg", "--json")
    assert split.json() == [f"{A1}-G1"]
    back = run(
        "release",
        A1,
        A2,
        f"{A1}-G1",
        "--receiver",
        "zhang",
        "--courier",
        "courier1",
        "--courier-pin",
        "--courier-secret-file",
        secrets["courier1"],
        "--seal",
        "BRN-1",
        "--db",
        url(world),
        "--user",
        "brown_lm",
        "--password-file",
        secrets["password"],
        "--json",
    )
    assert back.code == 0, back.err
    home = back.json()["number"]  # type: ignore[index]
    assert as_user(world, secrets, "zhang", "receive", home).code == 0
    closed = as_user(world, secrets, "zhang", "loan-close", loan)
    assert closed.code == 0, closed.err
    detail = run("--db", url(world), "loan", loan)
    assert "closed" in detail.out and "50.000 mg" in detail.out
    assert world.status(A2).current_mass_ug == world.MASSES[A2] - 50_000
    assert run("--db", url(world), "verify").code == 0


def test_refusals_change_nothing_and_say_why(world: World, secrets: dict[str, str]) -> None:
    before = world.snapshot(ignore=world.SECRET_COUNTERS)
    viewer = as_user(world, secrets, "auditor", "split", A1, "10mg")
    assert viewer.code == 1 and "split" in viewer.err.lower()
    too_much = as_user(world, secrets, "zhang", "split", A4, "101mg")
    assert too_much.code == 1 and "100.000 mg" in too_much.err
    bad_mass = as_user(world, secrets, "zhang", "consume", A4, "ten grams")
    assert bad_mass.code == 1 and "ten grams" in bad_mass.err
    wrong = run(
        "split",
        A1,
        "10mg",
        "--db",
        url(world),
        "--user",
        "zhang",
        "--password-file",
        secrets["courier1"],
    )
    assert (wrong.code, wrong.err) == (1, "lunar-custody: Wrong user name or password.\n")
    assert world.snapshot(ignore=world.SECRET_COUNTERS) == before


def test_register_and_correct(world: World, secrets: dict[str, str]) -> None:
    registered = as_user(
        world,
        secrets,
        "zhang",
        "register",
        "70017",
        "--mass",
        "2.5g",
        "--aliquot",
        "70017,125=250mg",
        "--aliquot",
        "70017,126=0.1g",
        "--mission",
        "Apollo 17",
    )
    assert registered.code == 0, registered.err
    assert world.status("70017,126").current_mass_ug == 100_000
    first = queries.history(world.db, "70017,125")[0].id
    corrected = as_user(
        world, secrets, "zhang", "correct", str(first), "--delta=-2.5mg", "--note", "tare"
    )
    assert corrected.code == 0, corrected.err
    assert world.status("70017,125").current_mass_ug == 247_500
    lost = as_user(world, secrets, "zhang", "report-lost", A3, "--note", "dropped in glovebox")
    assert lost.code == 0 and world.status(A3).status == "lost"


def test_admin_creates_institution_and_user(
    world: World, secrets: dict[str, str], tmp_path: Path
) -> None:
    made = as_user(
        world,
        secrets,
        "admin",
        "institution-add",
        "OSAKA",
        "Osaka University",
        "--kind",
        "borrower",
        "--local-name",
        "大阪大学",
        "--country",
        "Japan",
    )
    assert made.code == 0, made.err
    pin = tmp_path / "pin"
    pin.write_text("97531\n")
    user = as_user(
        world,
        secrets,
        "admin",
        "user-add",
        "osaka_lm",
        "Tanaka Hana",
        "--institution",
        "OSAKA",
        "--roles",
        "lab_manager,courier",
        "--new-password-file",
        secrets["password"],
        "--new-pin-file",
        str(pin),
    )
    assert user.code == 0, user.err
    assert world.person("osaka_lm").roles == "lab_manager,courier"
    not_admin = as_user(world, secrets, "zhang", "institution-add", "X", "X", "--kind", "borrower")
    assert not_admin.code == 1


# ---------------------------------------------------------------------- init and verify


def test_init_then_refuses_a_second_time(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    password = tmp_path / "pw"
    password.write_text("first-admin-pass\n")
    args = [
        "init",
        "--db",
        str(db),
        "--lender-code",
        "cnsa",
        "--lender-name",
        "Lunar Sample Laboratory",
        "--lender-local-name",
        "月球样品实验室",
        "--admin",
        "root",
        "--admin-name",
        "Wang Fang",
        "--password-file",
        str(password),
    ]
    first = run(*args)
    assert first.code == 0, first.err
    assert run(*args).code == 1
    assert run("verify", "--db", str(db)).code == 0


def _tampered_copy(world: World, tmp_path: Path, statement: str) -> Path:
    assert isinstance(world.db, Database) and world.db.path is not None
    copy = tmp_path / "tampered.db"
    world.db.dispose()
    shutil.copy(world.db.path, copy)
    with sqlite3.connect(copy) as raw:
        for name in ("custody_events_no_update", "custody_events_no_delete"):
            raw.execute(f"DROP TRIGGER {name}")
        raw.execute(statement)
    return copy


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_verify_names_the_edited_event_and_the_missing_guard(world: World, tmp_path: Path) -> None:
    world.rich_scenario()
    assert run("verify", "--db", url(world)).code == 0
    copy = _tampered_copy(world, tmp_path, "UPDATE custody_events SET mass_ug = 1 WHERE id = 7")
    result = run("verify", "--db", str(copy))
    assert result.code == 1
    assert "first bad event is #7" in result.out
    assert "custody_events_no_update has been removed" in result.out
    report = run("verify", "--db", str(copy), "--json").json()
    assert isinstance(report, dict) and report["first_bad_event"] == 7 and not report["ok"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_verify_names_a_deleted_event(world: World, tmp_path: Path) -> None:
    world.rich_scenario()
    copy = _tampered_copy(world, tmp_path, "DELETE FROM custody_events WHERE id = 12")
    result = run("verify", "--db", str(copy))
    assert result.code == 1 and "first bad event is #12" in result.out


# ---------------------------------------------------------------------- the real program


def _program(*argv: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lunar-custody")
    return subprocess.run([str(exe), *argv], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_installed_program_and_the_sqlite_shell(world: World) -> None:
    assert isinstance(world.db, Database) and world.db.path is not None
    world.db.dispose()
    done = _program("verify", "--db", str(world.db.path))
    assert done.returncode == 0, done.stderr
    assert "OK: hash chain intact" in done.stdout
    with (
        sqlite3.connect(world.db.path) as raw,
        pytest.raises(sqlite3.IntegrityError, match="append-only"),
    ):
        raw.execute("DELETE FROM custody_events")
    assert world.count(Aliquot) == 4
    usage = _program("frobnicate")
    assert usage.returncode == 2 and "invalid choice" in usage.stderr


def test_unexpected_errors_are_logged_not_dumped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, world: World
) -> None:
    log = tmp_path / "lc.log"
    monkeypatch.setenv("LUNAR_CUSTODY_LOG", str(log))

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(queries, "aliquot_status", broken)
    result = run("status", A1, "--db", url(world))
    assert result.code == cli.EXIT_BUG
    assert str(log) in result.err and "Traceback" not in result.err
    assert "ZeroDivisionError: a bug" in log.read_text()


def test_help_lists_the_commands() -> None:
    parser = cli.build_parser()
    text = parser.format_help()
    for command in (
        "demo",
        "verify",
        "status",
        "history",
        "export",
        "import",
        "release",
        "receive",
        "loan-approve",
    ):
        assert command in text


COMMANDS = [
    "gui",
    "courier",
    "init",
    "demo",
    "institution-add",
    "user-add",
    "user-pin",
    "keys",
    "partners",
    "exchange",
    "verify",
    "anchor",
    "audit",
    "backup",
    "restore",
    "export",
    "status",
    "history",
    "import",
    "register",
    "split",
    "consume",
    "report-lost",
    "correct",
    "loans",
    "loan",
    "loan-create",
    "loan-add",
    "loan-remove",
    "loan-approve",
    "loan-countersign",
    "loan-extend",
    "loan-close",
    "loan-cancel",
    "clearance",
    "receivers",
    "inventory",
    "deliverables",
    "return-accounting",
    "reminders",
    "transfers",
    "discrepancies",
    "release",
    "return",
    "hand-over",
    "transcribe-handover",
    "receive",
    "resolve",
    "cancel-transfer",
    "agreement",
    "custody-form",
    "manifest",
    "labels",
    "institution-languages",
    "verify-pdf",
]


def test_each_feature_registers_its_commands_beside_their_handlers() -> None:
    registered: list[str] = []
    for feature, names in FEATURES.items():
        module = feature_module(feature)
        commands = argparse.ArgumentParser().add_subparsers()
        module.register(commands)
        # FEATURES names them without importing the module: the same commands, in order
        assert tuple(commands.choices) == names, feature
        for name, sub in commands.choices.items():
            assert sub.get_default("handler").__module__ == module.__name__, name
            registered.append(name)
    assert registered == COMMANDS  # the order of --help


@pytest.mark.parametrize(
    ("argv", "feature"),
    [
        (["--db", "verify", "loans", "--overdue"], "loans"),  # --db's value is no command
        (["--db=x.db", "--json", "receive", "T1", "--user", "a"], "transfers"),
        (["--lang", "zh_CN", "courier"], "windows"),
        (["clearance", "attest", "L1", "insurance", "-h"], "clearance"),
        ([], "windows"),
        (["--self-test"], "windows"),
        (["--help", "verify"], None),
        (["no-such-command"], None),
        (["--db"], None),
    ],
)
def test_a_run_imports_the_feature_of_its_command_only(
    argv: list[str], feature: str | None
) -> None:
    assert feature_run_by(argv) == feature


def test_a_parser_of_one_feature_parses_its_commands_as_the_whole_one_does() -> None:
    argv = ["--db", "d.db", "release", "A1", "A2", "--loan", "L1", "--receiver", "r"]
    argv += ["--courier", "c", "--seal", "S1", "--user", "u", "--password-file", "pw"]
    whole = vars(build_parser().parse_args(argv))
    alone = vars(build_parser(feature_run_by(argv)).parse_args(argv))
    assert alone == whole and whole["handler"].__name__ == "cmd_release"


# ---------------------------------------------------------------------- demo, import, export

APOLLO = Path(__file__).resolve().parents[1] / "fixtures" / "apollo_samples.csv"


def test_import_apollo_exact_to_the_microgram_then_export(
    world: World, secrets: dict[str, str], tmp_path: Path
) -> None:
    imported = as_user(world, secrets, "zhang", "import", str(APOLLO), "--json")
    assert imported.code == 0, imported.err
    result = imported.json()
    assert isinstance(result, dict)
    assert (result["samples"], result["aliquots"], result["skipped_blank"]) == (934, 918, 14)
    assert world.status("10017,0").current_mass_ug == 973_000_000
    assert world.status("66036,0").current_mass_ug == 4_384_000  # 4.3839999999999995 g
    again = as_user(world, secrets, "zhang", "import", str(APOLLO))
    assert again.code == 1 and "line 2: " in again.err and "registered already" in again.err
    out = tmp_path / "inventory.json"
    exported = run("export", "inventory", "--db", url(world), "-o", str(out))
    assert exported.code == 0 and "Wrote 922 rows" in exported.err
    rows = json.loads(out.read_text())
    assert sum(r["current_mass_ug"] for r in rows if "," in r["number"]) == result["total_mass_ug"]
    csv_out = run("export", "custody", "--db", url(world), "--aliquot", A1, "--format", "csv")
    assert csv_out.code == 0
    assert len(csv_out.out.splitlines()) == 2 and ",registered," in csv_out.out
    assert run("verify", "--db", url(world)).code == 0


@pytest.mark.slow
def test_demo_then_verify_with_the_installed_program(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    built = _program("demo", "--db", str(path))
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("DEMO DATA — not real samples")
    assert "lunar-demo-2025" in built.stdout and "Kenji Mori" in built.stdout
    checked = _program("verify", "--db", str(path))
    assert checked.returncode == 0, checked.stderr
    again = _program("demo", "--db", str(path))
    assert again.returncode == 1 and "already has users" in again.stderr
    overdue = json.loads(_program("loans", "--overdue", "--json", "--db", str(path)).stdout)
    assert [loan["borrower_code"] for loan in overdue] == ["STONYBROOK"]


def test_demo_open_builds_once_then_opens_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lunar_custody.gui import app

    opened: list[str] = []
    monkeypatch.setattr(app, "run_workstation", lambda url: opened.append(url) or 0)
    path = tmp_path / "demo.db"
    first = run("demo", "--db", str(path), "--open")
    assert first.code == 0 and first.out.startswith("DEMO DATA")
    second = run("demo", "--db", str(path), "--open")
    assert second.code == 0 and "already holds the demo data" in second.err
    assert len(opened) == 2 and all(url.endswith("demo.db") for url in opened)
