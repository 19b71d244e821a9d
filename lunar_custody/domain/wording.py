"""Counted nouns as people write them: "1 aliquot", "2 aliquots", "12,500 items"."""

from __future__ import annotations

# the few plurals that are not the noun and an s
_IRREGULAR = {"entry": "entries", "discrepancy": "discrepancies", "person": "people"}


def plural(noun: str) -> str:
    """The plural of ``noun`` (its last word)."""
    head, _, last = noun.rpartition(" ")
    many = _IRREGULAR.get(last) or (last + "es" if last.endswith(("s", "x")) else last + "s")
    return f"{head} {many}" if head else many


def counted(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and the noun in the number it needs, with thousands grouped."""
    return f"{count:,} {noun if count == 1 else nouns or plural(noun)}"
