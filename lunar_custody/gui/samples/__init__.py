"""Samples and aliquots: the lineage tree, an aliquot's chain of custody and mass balance,
and the registry's operations on them."""

from .view import SamplesView

__all__ = ["SamplesView"]
