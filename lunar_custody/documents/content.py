"""The canonical content of a document: what its QR code's SHA-256 covers.

Exactly what the document prints: the read model it was drawn from (domain/queries/
documents.py), plus what documents/ adds itself (an agreement's terms of loan).
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime
from typing import Any


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):  # a drawn signature: its digest stands for the image
        return "sha256:" + hashlib.sha256(value).hexdigest()
    return value


def content_dict(
    kind: str, number: str, data: Any, printed: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The content of document ``number``: the read model ``data``, with ``printed`` (what
    the document adds, as the agreement's terms) beside the read model's own fields."""
    content = _plain(data)
    if printed:
        if not isinstance(content, dict):  # labels: a list of read models
            content = {"items": content}
        content |= _plain(printed)
    return {"kind": kind, "number": number, "content": content}
