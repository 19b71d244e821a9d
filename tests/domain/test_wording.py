"""Counted nouns: the number and the noun in the number it needs."""

from lunar_custody.domain.wording import counted, plural


def test_counted_nouns_read_as_written() -> None:
    assert counted(1, "aliquot") == "1 aliquot"
    assert counted(2, "aliquot") == "2 aliquots"
    assert counted(0, "item") == "0 items"
    assert counted(12_500, "custody event") == "12,500 custody events"
    assert counted(3, "discrepancy") == "3 discrepancies"
    assert counted(2, "box") == "2 boxes"
    assert counted(2, "person") == "2 people"
    assert counted(2, "loan item", "loan items") == "2 loan items"
    assert plural("entry") == "entries"
