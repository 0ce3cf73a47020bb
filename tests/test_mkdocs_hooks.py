"""The whitespace trim applied to every built page."""
from __future__ import annotations

from tools.site.hooks import trim_whitespace


def test_runs_with_a_line_break_become_one_line_break() -> None:
    assert trim_whitespace("<li>\n      <a>x</a>   \n\n    </li>") == "<li>\n<a>x</a>\n</li>"


def test_spaces_without_a_line_break_stay() -> None:
    assert trim_whitespace("<b>a</b>   <i>b</i>") == "<b>a</b>   <i>b</i>"


def test_preformatted_code_textarea_and_script_stay_as_written() -> None:
    kept = '<pre class="x"><code>@article{a,\n    title = {T},\n}</code></pre><code>a\n  b</code><textarea>\n  x</textarea><script>\n  var a;\n</script>'
    assert trim_whitespace("<p>\n  one</p>" + kept + "\n\n<p>two</p>") == "<p>\none</p>" + kept + "\n<p>two</p>"
