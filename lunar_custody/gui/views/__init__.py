"""The workstation's views, one per sidebar entry."""
