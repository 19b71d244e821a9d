"""Which installation recorded each custody event, in the words the chain of custody shows.

An event recorded here is shown with this installation's institution code; one imported
from a partner's exchange file with the partner's code and the partner's own number for it
("BROWN #14"); one typed in from a paper custody form says so. The aliquot's history
(``EventRow.origin``...) and the ledger's list of every event (``events_listing``) use the
same words.
"""

from __future__ import annotations

from sqlalchemy import String, and_, case, cast, func, literal
from sqlalchemy.orm import aliased

from ..installation import home_institution
from ..listings import EVENTS, Column, Listing
from ..models import CustodyEvent, EventOrigin, Institution
from ..store import Store

TRANSCRIBED = "transcribed from paper"
HERE = "here"  # an installation with no institution yet (never shown in practice)


def home_code(store: Store) -> str:
    """This installation's institution code (``HERE`` before ``init`` made one)."""
    with store.read() as session:
        home = home_institution(session)
        return home.code if home is not None else HERE


def recorded_at(home: str, origin: str | None, origin_seq: int | None, transcribed: bool) -> str:
    """Where an event of an aliquot's history (``EventRow``) was first recorded."""
    place = home if origin is None else (f"{origin} #{origin_seq}" if origin_seq else origin)
    return f"{place} · {TRANSCRIBED}" if transcribed else place


_origin = aliased(EventOrigin, name="event_origin")
_origin_institution = aliased(Institution, name="origin_institution")


def events_listing(home: str) -> Listing:
    """The ledger's list of custody events with a "Recorded at" column after "By" (as in an
    aliquot's chain of custody), in ``recorded_at``'s words (``home``: this installation's
    code)."""
    here = literal(home, String)
    imported = and_(_origin_institution.code.is_not(None), _origin_institution.code != here)
    place = case(
        (imported, _origin_institution.code + " #" + cast(_origin.origin_seq, String)),
        else_=here,
    )
    recorded = case(
        (func.coalesce(_origin.transcribed, False).is_(True), place + f" · {TRANSCRIBED}"),
        else_=place,
    )
    columns = list(EVENTS.columns)
    after = EVENTS.keys.index("actor") + 1
    columns.insert(after, Column("recorded_at", "Recorded at", recorded))
    return Listing(
        name=EVENTS.name,
        columns=tuple(columns),
        # event_origins.event_id is unique: still one row per custody event (counts stay
        # the ledger's own count)
        source=lambda: (
            EVENTS.source()
            .outerjoin(_origin, _origin.event_id == CustodyEvent.id)
            .outerjoin(_origin_institution, _origin_institution.id == _origin.institution_id)
        ),
        search=EVENTS.search,
        default_sort=EVENTS.default_sort,
        default_descending=EVENTS.default_descending,
        tiebreak=EVENTS.tiebreak,
        filters=EVENTS.filters,
    )
