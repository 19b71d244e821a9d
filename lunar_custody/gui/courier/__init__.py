"""Courier mode: a full-screen, touch-friendly window for handoffs at the loading dock."""

from .window import CourierWindow, run_courier

__all__ = ["CourierWindow", "run_courier"]
