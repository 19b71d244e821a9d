"""The dashboard: what needs attention today."""

from .view import DashboardView
from .widgets import Card, RecordTable, age_text, days_text

__all__ = ["Card", "DashboardView", "RecordTable", "age_text", "days_text"]
