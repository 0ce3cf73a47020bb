"""The model's own helpers: anchors and file names in any script."""
from __future__ import annotations

from tools.model import slugify


def test_slugs_in_any_script_are_unique_stable_and_readable() -> None:
    assert [slugify(v) for v in ("ABM Treaty", "Émigré", "Договор по ПРО", "λόγος", "导弹防御", "हिन्दी", "§")] == [
        "abm-treaty", "emigre", "договор-по-про", "λόγος", "导弹防御", "हिन्दी", "u-a7",
    ]
    assert len({slugify(v) for v in ("ПРО", "ДРСМД", "λόγος", "导弹防御", "条约")}) == 5
