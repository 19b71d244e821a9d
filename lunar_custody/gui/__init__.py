"""The desktop program (PySide6): the workstation window, its views and dialogs, courier mode."""
