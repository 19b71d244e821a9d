"""Samples and aliquots: where one is and its history, registering, importing, splitting,
consuming, reporting lost, correcting an event."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain import queries, registry
from ..domain.importer import import_samples
from ..domain.masses import format_mass, parse_mass
from ..domain.models import Aliquot
from ..domain.wording import counted
from .common import Commands, Session, command, parse_aliquot_masses
from .output import cell, mass


def cmd_status(args: argparse.Namespace, s: Session) -> int:
    status = queries.aliquot_status(s.db, args.number)
    s.data(status, lambda: _print_status(s, status))
    return 0


def _print_status(s: Session, a: queries.AliquotStatus) -> None:
    holder = a.courier if a.status == "in_transit" else a.custodian_person
    rows: list[tuple[str, object]] = [
        ("Aliquot", a.number),
        ("Sample", a.sample_number),
        ("Parent", a.parent_number),
        ("Children", ", ".join(a.children) or None),
        ("Status", a.status_label),
        ("Held by", f"{a.custodian_institution or '-'} / {holder or '-'}"),
        ("Loan", a.loan_number),
        ("Transfer", a.transfer_number),
        ("Form", a.form or None),
        ("Container", a.container or None),
        ("Seal", a.seal_number or None),
        ("Current mass", mass(a.current_mass_ug)),
        ("Initial mass", mass(a.initial_mass_ug)),
        ("In children", mass(a.children_mass_ug)),
        ("Consumed", mass(a.consumed_mass_ug)),
        ("Lost", mass(a.lost_mass_ug)),
        ("Last event", f"#{a.last_event_id}" if a.last_event_id else None),
    ]
    for label, value in rows:
        s.say(f"{label + ':':<14}{cell(value)}")


def cmd_history(args: argparse.Namespace, s: Session) -> int:
    rows = queries.history(s.db, args.number, with_ancestors=args.ancestors)
    # where each event was recorded, once a partner recorded one or one was typed from paper
    imported = any(r.origin or r.transcribed for r in rows)
    s.data(
        rows,
        lambda: s.table(
            ["#", "when", "event", "aliquot", "mass", "by", "custodian", "courier", "note"]
            + (["recorded at"] if imported else []),
            [
                (
                    r.id,
                    r.occurred_at,
                    r.label,
                    r.aliquot_number,
                    mass(r.mass_ug),
                    r.actor,
                    r.custodian,
                    r.courier,
                    r.note,
                    *([_recorded_at(r)] if imported else []),
                )
                for r in rows
            ],
        ),
    )
    return 0


def _recorded_at(row: queries.EventRow) -> str:
    where = f"{row.origin} #{row.origin_seq}" if row.origin else "here"
    return where + (" (transcribed)" if row.transcribed else "")


def cmd_import(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    result = import_samples(s.db, actor, Path(args.file))
    s.data(
        result,
        lambda: s.say(
            f"Imported {counted(result.samples, 'sample')} and "
            f"{counted(result.aliquots, 'aliquot')} "
            f"({format_mass(result.total_mass_ug)}) from {args.file}; "
            f"{counted(result.without_mass, 'sample')} without mass catalogued without an "
            "aliquot, "
            f"{result.skipped_blank} blank rows skipped."
        ),
    )
    return 0


def cmd_register(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    aliquots = [
        registry.NewAliquot(number, mass_ug, form=args.form, container=args.container)
        for number, mass_ug in parse_aliquot_masses(args.aliquot, "aliquot")
    ]
    sample = registry.register_sample(
        s.db,
        actor,
        registry.NewSample(
            number=args.sample,
            original_mass_ug=parse_mass(args.mass) if args.mass else None,
            mission=args.mission,
            description=args.description,
            aliquots=aliquots,
        ),
    )
    s.done(
        f"Sample {sample.number} registered with {counted(len(aliquots), 'aliquot')}.",
        number=sample.number,
        aliquots=[a.number for a in aliquots],
    )
    return 0


def cmd_split(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    children = registry.split_aliquot(
        s.db,
        actor,
        args.number,
        [parse_mass(m) for m in args.masses],
        container=args.container or (),
        seal_number=args.seal or (),
        note=args.note,
    )
    s.data(
        [c.number for c in children],
        lambda: s.say("Split into " + ", ".join(_child(c) for c in children)),
    )
    return 0


def _child(child: Aliquot) -> str:
    """'70017,126 (20.000 mg, vial B2, seal S-7)': a new child as the split made it."""
    where = [
        text
        for text in (child.container, child.seal_number and f"seal {child.seal_number}")
        if text
    ]
    return f"{child.number} ({', '.join([mass(child.initial_mass_ug), *where])})"


def cmd_consume(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    row = registry.consume(s.db, actor, args.number, parse_mass(args.mass), note=args.note)
    s.done(
        f"{row.number}: {mass(row.current_mass_ug)} left.",
        number=row.number,
        current_mass_ug=row.current_mass_ug,
    )
    return 0


def cmd_report_lost(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    row = registry.report_lost(s.db, actor, args.number, note=args.note)
    s.done(
        f"{row.number} reported lost ({mass(row.lost_mass_ug)}).",
        number=row.number,
        lost_mass_ug=row.lost_mass_ug,
    )
    return 0


def cmd_correct(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    delta = args.delta.strip()
    sign = -1 if delta.startswith("-") else 1
    event = registry.correct_event(
        s.db,
        actor,
        args.event,
        note=args.note,
        mass_delta_ug=sign * parse_mass(delta.lstrip("+-")),
    )
    s.done(f"Event #{event.id} corrects event #{args.event}.", event=event.id, corrects=args.event)
    return 0


def register(commands: Commands) -> None:
    p = command(commands, "status", cmd_status, "where an aliquot is, who holds it, its masses")
    p.add_argument("number")

    p = command(commands, "history", cmd_history, "an aliquot's chain of custody")
    p.add_argument("number")
    p.add_argument(
        "--ancestors", action="store_true", help="include the events of its parent aliquots"
    )

    p = command(
        commands,
        "import",
        cmd_import,
        "import samples and aliquots from CSV (all or nothing)",
        signs=True,
    )
    p.add_argument("file")

    p = command(
        commands, "register", cmd_register, "register a sample with its aliquots", signs=True
    )
    p.add_argument("sample", help="e.g. CE5C0400 or 70017")
    p.add_argument("--mass", help="the sample's original mass, e.g. 1.5g")
    p.add_argument(
        "--aliquot",
        action="append",
        default=[],
        metavar="NUMBER=MASS",
        help="an aliquot and its mass, e.g. 70017,125=250mg (repeat for each)",
    )
    p.add_argument("--form", default="", help="the aliquots' form, e.g. chips or powder")
    p.add_argument("--container", default="", help="the aliquots' container")
    p.add_argument("--mission", default="", help="the mission that returned it, e.g. Apollo 17")
    p.add_argument("--description", default="", help="what the sample is")

    p = command(commands, "split", cmd_split, "split an aliquot into children", signs=True)
    p.add_argument("number")
    p.add_argument("masses", nargs="+", metavar="MASS", help="each child's mass, e.g. 20mg")
    p.add_argument(
        "--container",
        action="append",
        metavar="TEXT",
        help="the vessel the children go into: once for all of them, or repeated once per "
        "child in the order of the masses",
    )
    p.add_argument(
        "--seal",
        action="append",
        metavar="SEAL",
        help="the seal number on a child's vessel: once for all, or repeated once per child "
        "in the order of the masses",
    )
    p.add_argument("--note", default="", help="why, kept with the split events")

    p = command(commands, "consume", cmd_consume, "record destructive analysis", signs=True)
    p.add_argument("number")
    p.add_argument("mass")
    p.add_argument("--note", default="", help="what it was used for")

    p = command(commands, "report-lost", cmd_report_lost, "report an aliquot lost", signs=True)
    p.add_argument("number")
    p.add_argument("--note", required=True, help="how it was lost")

    p = command(
        commands, "correct", cmd_correct, "correct an event's mass with a new event", signs=True
    )
    p.add_argument("event", type=int)
    p.add_argument(
        "--delta", required=True, help="mass change, e.g. --delta=-2.5mg or --delta=+100ug"
    )
    p.add_argument("--note", required=True, help="why the correction")
