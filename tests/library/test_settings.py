"""Every setting is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.settings import SETTINGS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("item", SETTINGS, ids=lambda s: s.name)
def test_setting_is_documented_in_the_readme(item) -> None:
    assert f"`{item.name}`" in README
    assert str(item.default) in README
