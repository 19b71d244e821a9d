"""Canonical JSON: the fast writer gives exactly the bytes of the rfc8785 package."""

from __future__ import annotations

from typing import Any

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from lunar_custody.trust.statements import canonical

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.text()
    | st.sampled_from(["\u2028", "\x7f", "\x1f", '"\\', "é中🌕", "\ud800"])
)
_json: st.SearchStrategy[Any] = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(["é", "a", "B", "\u00e9a"]), inner, max_size=4
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(statement=st.dictionaries(st.text(max_size=8), _json, max_size=6))
def test_the_fast_writer_writes_what_rfc8785_writes(statement: dict[str, Any]) -> None:
    try:
        expected = rfc8785.dumps(statement)
    except rfc8785.CanonicalizationError:
        return  # what JCS cannot write (a lone surrogate): canonical refuses it as well
    assert canonical(statement) == expected


def test_floats_and_large_integers_go_to_rfc8785() -> None:
    assert canonical({"a": 1.5, "b": [1e21]}) == rfc8785.dumps({"a": 1.5, "b": [1e21]})
