"""Browser fixtures shared by every browser test module: the seed edition built once per session,
opened hosted and from file://, axe-core, and watched pages (registered in conftest.py)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.browser_support import MODES, SEEDS, Browse, Built, Site, build_edition, open_site


@pytest.fixture(scope="session")
def axe() -> Axe:
    """axe-core, loaded once."""
    return Axe()


@pytest.fixture(scope="session")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real edition from seeds/, built into a temporary folder."""
    return build_edition(SEEDS, tmp_path_factory.mktemp("edition"))


@pytest.fixture(scope="session", params=MODES)
def site(request: pytest.FixtureRequest, edition: Built) -> Iterator[Site]:
    """The real edition, hosted and offline."""
    with open_site(edition, request.param) as opened:
        yield opened


@pytest.fixture
def browse(browser: Browser) -> Iterator[Browse]:
    """Opens watched pages; after the test, no request may have left the site and nothing may have logged an error."""
    opened = Browse(browser)
    yield opened
    problems = opened.close()
    assert not problems, "the pages misbehaved:\n" + "\n".join(problems)
