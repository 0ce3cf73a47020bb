"""The second edition (tests/editions/ru-poems): an edition unlike this one builds from its seeds alone,
in its own language, kinds and words. The generic checks (texts intact, glosses, links, nothing from
another host, hosted and offline) run on it in tests/test_build.py; these check what makes it different."""
from __future__ import annotations

import zipfile

import pytest
from conftest import squash
from test_build import Built, build_once, content, page

from tools.site.build import material_language

RU = "ru-poems"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_once(RU, tmp_path_factory)


def text(built: Built, slug: str):
    found = built.edition.text(slug)
    assert found is not None
    return found


def glosses(built: Built, slug: str, paragraph: int) -> list[tuple[str, str]]:
    body = content(built.text_page(text(built, slug)))
    para = body.by_id(f"p{paragraph}")
    assert para is not None
    return [(squash(a.text()), a.attrs["href"].split("#")[1]) for a in para.find_all("a", "gloss")]


def test_cyrillic_and_german_terms_are_glossed_with_readable_anchors(built: Built) -> None:
    assert glosses(built, "я-вас-любил", 1) == [("любовь", "любовь"), ("душе", "душа")]
    assert glosses(built, "ein-gleiches", 1) == [("Wipfeln", "wipfel")]
    assert glosses(built, "ein-gleiches", 2) == [("Vögelein", "vogelein")]


def test_the_interface_speaks_the_editions_language(built: Built) -> None:
    pushkin = content(built.text_page(text(built, "я-вас-любил")))
    headings = [squash(h.text()).rstrip("¶").strip() for h in pushkin.find_all("h2")]
    assert headings[:4] == ["Текст", "Примечания", "Термины в этом тексте", "Как цитировать"]
    assert "Контекст: примечание 1" in {a.attrs.get("aria-label") for a in pushkin.find_all("a", "note-ref")}
    assert "50 слов, 1 мин чтения" in squash(pushkin.text())
    nav = {squash(a.text()) for a in page(built.site / "index.html").find_all("a") if "md-nav__link" in a.attrs.get("class", "")}
    assert {"Главная", "Глоссарий", "Хронология", "Литература"} <= nav
    glossary = content(built.glossary_page())
    assert "Понятия (2)" in squash(glossary.text()) and "Слова (2)" in squash(glossary.text())
    script = (built.site / "assets" / "edition.js").read_text(encoding="utf-8").split("\n", 1)[0]
    assert '"script.copy": "Копировать"' in script


def test_material_speaks_the_editions_language(built: Built) -> None:
    index = page(built.site / "index.html")
    assert index.find_all("html")[0].attrs["lang"] == "ru"
    skip = next(a for a in index.find_all("a") if "md-skip" in a.attrs.get("class", ""))
    assert squash(skip.text()) == "Перейти к содержанию"  # Material's own Russian
    assert (built.site / "search" / "index.js").is_file()


def test_a_text_in_another_language_is_marked_so(built: Built) -> None:
    goethe = content(built.text_page(text(built, "ein-gleiches")))
    assert goethe.find_all("h1")[0].attrs["lang"] == "de"
    assert {goethe.by_id(f"p{n}").attrs["lang"] for n in (1, 2)} == {"de"}  # type: ignore[union-attr]


def test_file_names_keep_their_script(built: Built) -> None:
    assert (built.site / "texts" / "я-вас-любил" / "index.html").is_file()
    assert built.zip_path is not None and built.zip_path.name == "два-стихотворения-offline.zip"
    with zipfile.ZipFile(built.zip_path) as archive:
        assert "два-стихотворения/texts/я-вас-любил.html" in archive.namelist()


def test_material_falls_back_to_english_for_a_language_it_lacks() -> None:
    assert [material_language(code) for code in ("ru", "de-AT", "pt-BR", "gsw", "en-GB")] == ["ru", "de", "pt-BR", "en", "en"]
