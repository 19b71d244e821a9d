"""Hostile exchange files (issue 14, point 2): each is refused with a clear error, writes
nothing, and the next good file still imports.

The forgeries are made the way an attacker would: from a real file, changed, and signed
again where the attacker holds a key (a partner's own key, for a partner that claims
authority it does not have; a key of its own, for a stranger).
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lunar_custody.domain import loans
from lunar_custody.domain.errors import CustodyError
from lunar_custody.domain.keys import institution_key
from lunar_custody.exchange import format as exchange_format
from lunar_custody.exchange.export import export_exchange
from lunar_custody.exchange.format import ExchangeFileError, pack, unpack
from lunar_custody.exchange.importer import ExchangeRefused, import_exchange
from lunar_custody.exchange.journey import LENT, _password
from lunar_custody.exchange.partners import revoke_partner
from lunar_custody.storage import Database
from lunar_custody.trust.keys import certificate_pem
from lunar_custody.trust.statements import sign_statement

from .conftest import Installations, received, snapshot


def _refused(
    installations: Installations, data: bytes, *words: str, error: type[Exception] = ExchangeRefused
) -> str:
    """Import ``data`` at Brown: refused with ``error`` naming ``words``, nothing written;
    then the good offer still imports."""
    brown = installations.brown
    before = snapshot(brown)
    with pytest.raises(error) as info:
        import_exchange(brown, installations["carla.pieters"], data)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert "nothing" in message.lower() or error is not ExchangeRefused, message
    assert snapshot(brown) == before
    return message


def _good_file_still_imports(installations: Installations) -> None:
    report = import_exchange(
        installations.brown, installations["carla.pieters"], installations.offer
    )
    assert report.written and report.events_added == 2


def _forge(
    data: bytes,
    signer: Database,
    change: Callable[[dict[str, Any]], None],
    *,
    sign_events: bool = False,
) -> bytes:
    """A real file changed by ``change`` and signed again with ``signer``'s institution key."""
    content = copy.deepcopy(unpack(data).content)
    change(content)
    with signer.read() as session:
        key = institution_key(session)
    if sign_events:
        for entry in content["events"]:
            entry["signature"] = sign_statement(key.private_key, entry["statement"])
    return pack(content, key.private_key, key.pem)


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# ---------------------------------------------------------------------- the good path


def test_a_good_file_imports_once_and_again_changes_nothing(installations: Installations) -> None:
    brown = installations.brown
    first = import_exchange(brown, installations["carla.pieters"], installations.offer)
    assert first.written and first.events_added == 2 and first.added["loans"] == 1
    after = snapshot(brown)
    second = import_exchange(brown, installations["carla.pieters"], installations.offer)
    assert second.already_imported and not second.changed
    assert "nothing changed" in second.summary()
    assert snapshot(brown) == after and received(brown) == 1


# ---------------------------------------------------------------------- the file itself


def test_a_tampered_file_is_refused(installations: Installations) -> None:
    members = _members(installations.offer)
    members["exchange.json"] = members["exchange.json"].replace(
        b'"mass_ug":200000', b'"mass_ug":900000'
    )
    _refused(installations, _zip(members), "signature does not hold", error=ExchangeFileError)
    _good_file_still_imports(installations)


def test_a_truncated_file_is_refused(installations: Installations) -> None:
    cut = installations.offer[: len(installations.offer) // 2]
    _refused(installations, cut, "truncated", error=ExchangeFileError)
    _good_file_still_imports(installations)


def test_a_zip_with_a_path_traversal_name_is_refused(installations: Installations) -> None:
    members = _members(installations.offer)
    members["../../home/evil.sh"] = b"rm -rf ~"
    message = _refused(installations, _zip(members), "points outside", error=ExchangeFileError)
    assert "../../home/evil.sh" in message
    _good_file_still_imports(installations)


def test_a_decompression_bomb_is_refused_before_it_is_unpacked(
    installations: Installations,
) -> None:
    members = _members(installations.offer)
    members["exchange.json"] = b" " * (40 * 1024 * 1024)
    bomb = _zip(members)
    assert len(bomb) < 100_000
    _refused(installations, bomb, "decompression bomb", error=ExchangeFileError)
    _good_file_still_imports(installations)


def test_a_member_larger_than_its_header_says_is_cut_off(
    installations: Installations, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a bomb that hides its size: the reader stops at the limit whatever the header claims
    monkeypatch.setattr(exchange_format, "MAX_CONTENT_BYTES", 64 * 1024)
    monkeypatch.setattr(exchange_format, "MAX_RATIO", 10**9)
    members = _members(installations.offer)
    members["exchange.json"] = b" " * (2 * 1024 * 1024)
    _refused(installations, _zip(members), "decompression bomb", error=ExchangeFileError)


def test_an_unknown_version_is_refused(installations: Installations) -> None:
    def newer(content: dict[str, Any]) -> None:
        content["version"] = 2

    forged = _forge(installations.offer, installations.cnsa, newer)
    _refused(installations, forged, "version 2", error=ExchangeFileError)
    _good_file_still_imports(installations)


# ---------------------------------------------------------------------- who sent it


def test_a_file_from_an_untrusted_key_is_refused(installations: Installations) -> None:
    # a stranger's own key and certificate, calling itself CNSA
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CNSA")])
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    content = unpack(installations.offer).content
    forged = pack(content, key, certificate_pem(certificate))
    _refused(installations, forged, "not a trusted partner's key")
    _good_file_still_imports(installations)


def test_a_file_from_a_revoked_key_is_refused(installations: Installations) -> None:
    revoke_partner(installations.brown, installations["brown.admin"], "CNSA", reason="key lost")
    _refused(installations, installations.offer, "revoked", "no longer trusted")


def test_a_file_addressed_to_another_installation_is_refused(installations: Installations) -> None:
    sll = installations.sll
    before = snapshot(sll)
    with pytest.raises(ExchangeRefused, match="addressed to Brown University"):
        import_exchange(sll, installations["chen.courier"], installations.offer)
    assert snapshot(sll) == before


# ---------------------------------------------------------------------- order


def test_a_file_out_of_order_is_refused_until_the_one_before_it(
    installations: Installations,
) -> None:
    _refused(installations, installations.again, "file no. 2", "no. 1 must be imported first")
    _good_file_still_imports(installations)
    report = import_exchange(
        installations.brown, installations["carla.pieters"], installations.again
    )
    assert report.written and report.events_known == 2 and report.events_added == 0


def test_another_file_under_a_number_already_imported_is_refused(
    installations: Installations,
) -> None:
    _good_file_still_imports(installations)

    def replayed(content: dict[str, Any]) -> None:
        content["id"] = "00000000-0000-4000-8000-000000000001"
        content["subject"] = "loan, once more"

    forged = _forge(installations.offer, installations.cnsa, replayed)
    _refused(installations, forged, "file no. 1 was imported already")


# ---------------------------------------------------------------------- authority


def _answer_from_brown(installations: Installations) -> bytes:
    """Brown imports the offer and countersigns, and writes its answer for CNSA."""
    _good_file_still_imports(installations)
    loans.countersign_loan(
        installations.brown,
        installations["james.head"],
        installations.loan,
        _password("james.head"),
    )
    return export_exchange(
        installations.brown, installations["james.head"], partner="CNSA", loan=installations.loan
    ).content


def _refused_at_cnsa(installations: Installations, data: bytes, *words: str) -> None:
    cnsa = installations.cnsa
    before = snapshot(cnsa)
    with pytest.raises(ExchangeRefused) as info:
        import_exchange(cnsa, installations["zhang.wei"], data)
    for word in words:
        assert word in str(info.value), str(info.value)
    assert snapshot(cnsa) == before


def test_a_borrower_cannot_change_the_terms_of_a_loan(installations: Installations) -> None:
    answer = _answer_from_brown(installations)

    def longer(content: dict[str, Any]) -> None:
        content["records"]["loans"][0]["due_on"] = "2099-12-31"

    forged = _forge(answer, installations.brown, longer)
    _refused_at_cnsa(installations, forged, "Brown University may not change due on", "2099-12-31")
    report = import_exchange(installations.cnsa, installations["zhang.wei"], answer)
    assert report.updated["loans"] == 1


def test_a_borrower_cannot_record_events_on_what_it_does_not_hold(
    installations: Installations,
) -> None:
    answer = _answer_from_brown(installations)
    statement = unpack(installations.offer).content["events"][0]["statement"]

    def claims(content: dict[str, Any]) -> None:
        # Brown claims CNSA's aliquot lost, and corrects a book mass only the owner may
        lost = dict(statement, kind="lost", seq=90, uuid="11111111-1111-4111-8111-111111111111")
        lost["origin"] = {"uuid": unpack(answer).content["sender"]["uuid"], "code": "BROWN"}
        corrected = dict(
            lost, kind="corrected", seq=91, mass_ug=5, uuid="11111111-1111-4111-8111-111111111112"
        )
        content["events"] = [{"statement": lost}, {"statement": corrected}]

    forged = _forge(answer, installations.brown, claims, sign_events=True)
    _refused_at_cnsa(
        installations,
        forged,
        "Brown University does not hold aliquot",
        "only the sample's owner corrects its book mass",
    )


def test_the_same_origin_event_with_another_hash_is_evidence_of_tampering(
    installations: Installations,
) -> None:
    _good_file_still_imports(installations)

    def rewritten(content: dict[str, Any]) -> None:
        # CNSA's ledger rewritten: the event Brown holds comes again with another mass
        for entry in content["events"]:
            if entry["statement"]["aliquot"]["label"] == LENT:
                entry["statement"]["mass_ug"] = 150_000
                entry["statement"]["hash"] = "ab" * 32

    forged = _forge(installations.again, installations.cnsa, rewritten, sign_events=True)
    error_text = _refused(installations, forged, "evidence of tampering", f"of {LENT}")
    assert "another hash" in error_text


def test_a_refusal_names_every_reason_with_its_record(installations: Installations) -> None:
    answer = _answer_from_brown(installations)

    def several(content: dict[str, Any]) -> None:
        loan = content["records"]["loans"][0]
        loan["due_on"], loan["purpose"] = "2099-12-31", "Anything at all"

    forged = _forge(answer, installations.brown, several)
    with pytest.raises(ExchangeRefused) as info:
        import_exchange(installations.cnsa, installations["zhang.wei"], forged)
    reasons = info.value.reasons
    assert {r.record for r in reasons} == {f"loan {installations.loan}"}
    assert {r.message.split(" (")[0] for r in reasons} == {
        "Brown University may not change due on",
        "Brown University may not change purpose",
    }


# ---------------------------------------------------------------------- any damage at all


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_damage_is_refused_or_changes_nothing_the_sender_did_not_sign(
    installations: Installations, data: st.DataObject
) -> None:
    good = installations.offer
    spot = data.draw(st.integers(0, len(good) - 1), label="where")
    how = data.draw(st.sampled_from(["flip", "cut", "insert"]), label="how")
    if how == "flip":
        bit = data.draw(st.integers(0, 7), label="bit")
        damaged = good[:spot] + bytes([good[spot] ^ (1 << bit)]) + good[spot + 1 :]
    elif how == "cut":
        damaged = good[:spot]
    else:
        damaged = good[:spot] + b"\x00" + good[spot:]
    brown = installations.brown
    before = snapshot(brown)
    try:
        report = import_exchange(brown, installations["carla.pieters"], damaged)
    except CustodyError as error:
        assert str(error)
        assert snapshot(brown) == before
        return
    # a change to the ZIP's own bookkeeping (a date, a comment) leaves the signed content
    assert unpack(damaged).content == unpack(good).content
    assert report.written or report.already_imported
    assert report.already_imported or report.events_added == 2


def test_values_the_program_never_writes_are_refused(installations: Installations) -> None:
    def odd(content: dict[str, Any]) -> None:
        content["records"]["loans"][0]["status"] = "stolen"
        content["records"]["institutions"][0]["name"] = "X" * 5000
        for entry in content["events"]:
            entry["statement"]["mass_ug"] = -5

    forged = _forge(installations.offer, installations.cnsa, odd, sign_events=True)
    message = _refused(installations, forged, "status 'stolen' is none of")
    assert "name is longer than 200 characters" in message
    _good_file_still_imports(installations)


def test_negative_masses_in_events_are_refused(installations: Installations) -> None:
    def negative(content: dict[str, Any]) -> None:
        for entry in content["events"]:
            entry["statement"]["mass_ug"] = -5

    forged = _forge(installations.offer, installations.cnsa, negative, sign_events=True)
    _refused(installations, forged, "mass_ug -5 is out of range")
    _good_file_still_imports(installations)
