"""The loan agreement's annex of authorised receivers, read back from the PDF in both
languages; and the custody form names who actually received, in its To block and its
delivery."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunar_custody.documents import service
from lunar_custody.domain import queries, receivers
from tests.documents.conftest import text_of
from tests.worlds import A1, A2, World


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_annex_lists_the_receivers_and_the_form_the_one_who_received(
    world: World, tmp_path: Path
) -> None:
    loan = world.active_loan([A1, A2])
    receivers.add_receiver(world.db, world["brown_lm"], loan, "brown_pi", "co-official")
    pdf = tmp_path / "agreement.pdf"
    service.write_agreement(world.db, None, loan, pdf, languages=("en", "zh"))
    text = text_of(pdf)
    annex = text[text.index("Annex: authorised receivers") :]
    assert "附件：授权接收人" in annex
    assert "Carla Pieters principal investigator / 项目负责人 Brown University" in annex
    assert "James Head co-official Brown University" in annex

    number = world.release([A1], loan=loan)  # addressed to Carla, received by James
    world.receive(number, receiver="brown_pi")
    delivery = queries.transfer_form_data(world.db, number).handoffs[-1]
    assert (delivery.received.name, delivery.received.mark is not None) == ("James Head", True)
    form = tmp_path / "form.pdf"
    service.write_custody_form(world.db, None, form, transfer=number, languages=("en", "zh"))
    pdf_copy = tmp_path / "form-copy.pdf"
    pdf_copy.write_bytes(form.read_bytes())
    # the To block: addressed to Carla, received by James as the loan's co-official
    text = text_of(form)
    assert (
        "Brown University Attention / 收件人: Carla Pieters "
        "Received by / 接收人: James Head (co-official) Every person who takes"
    ) in text
    # received by the addressee: the To block names the addressee alone
    own = world.release([A2], loan=loan)
    world.receive(own)
    service.write_custody_form(world.db, None, form, transfer=own)
    assert "Received by: James" not in text_of(form)
