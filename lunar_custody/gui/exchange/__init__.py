"""Between installations: importing and exporting exchange files, and the partners."""

from .exporting import ExportDialog, export_to_partner
from .importing import ImportPreviewDialog, RefusedDialog, import_file
from .partners import AddPartnerDialog, PartnersWindow, show_partners

__all__ = [
    "AddPartnerDialog",
    "ExportDialog",
    "ImportPreviewDialog",
    "PartnersWindow",
    "RefusedDialog",
    "export_to_partner",
    "import_file",
    "show_partners",
]
