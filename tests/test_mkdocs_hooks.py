"""The hooks applied to every built page: the whitespace trim and the edition's page language."""
from __future__ import annotations

from tools.site.hooks import on_post_page, on_post_template, trim_whitespace


def test_runs_with_a_line_break_become_one_line_break() -> None:
    assert trim_whitespace("<li>\n      <a>x</a>   \n\n    </li>") == "<li>\n<a>x</a>\n</li>"


def test_spaces_without_a_line_break_stay() -> None:
    assert trim_whitespace("<b>a</b>   <i>b</i>") == "<b>a</b>   <i>b</i>"


def test_preformatted_code_textarea_and_script_stay_as_written() -> None:
    kept = '<pre class="x"><code>@article{a,\n    title = {T},\n}</code></pre><code>a\n  b</code><textarea>\n  x</textarea><script>\n  var a;\n</script>'
    assert trim_whitespace("<p>\n  one</p>" + kept + "\n\n<p>two</p>") == "<p>\none</p>" + kept + "\n<p>two</p>"


def test_pages_keep_the_editions_language_where_material_has_none() -> None:
    """An edition in Swiss German gets Material's English interface (it has no gsw), but its pages stay gsw."""
    html = '<!doctype html>\n<html lang="en" class="no-js">\n<head></head><body lang="en"></body></html>'
    assert on_post_page(html, config={"extra": {"edition_language": "gsw"}}).startswith('<!doctype html>\n<html lang="gsw" class="no-js">')
    assert '<body lang="en">' in on_post_page(html, config={"extra": {"edition_language": "gsw"}})
    assert on_post_template(html, "404.html", {"extra": {"edition_language": "gsw"}}).count('lang="gsw"') == 1
