"""The real glossary glosses the forms writers commonly use, not only those of the three texts: a text
added next month on the same subject should find its jargon glossed."""
from __future__ import annotations

import pytest
from conftest import ROOT

from tools.annotate.matcher import TermMatcher
from tools.source.load import load_edition

EDITION, _ = load_edition(ROOT / "seeds")
MATCHER = TermMatcher(EDITION.terms)
NAMES = {t.id: t.term for t in EDITION.terms}

# Each phrase, written as other English writers write it, and the entry it must find.
VARIANTS = [
    ("Moscow's antimissile systems", "ABM"),
    ("an antiballistic missile interceptor", "ABM"),
    ("the Antiballistic Missile Treaty", "ABM Treaty"),
    ("the doctrine of mutually assured destruction", "MAD"),
    ("the North Atlantic Treaty Organisation", "NATO"),
    ("the Atlantic Alliance's members", "NATO"),
    ("the Warsaw Treaty Organization", "Warsaw Pact"),
    ("after German unification", "German reunification"),
    ("the Two-Plus-Four Treaty", "Two Plus Four Treaty"),
    ("NATO would move not one inch to the east", "Not one inch eastward"),
    ("a secure retaliatory capability", "second strike"),
    ("US ballistic missile defense", "missile defence"),
    ("Europe's anti-missile shield", "missile defence"),
    ("Russia's nuclear deterrent", "deterrence"),
    ("a Tass dispatch", "TASS"),
    ("the Duma Defense Committee", "State Duma Defence Committee"),
    ("the State Duma Committee on Defence", "State Duma Defence Committee"),
    ("Sergey Lavrov's remarks", "Sergei Lavrov"),
    ("Dmitri Rogozin", "Dmitry Rogozin"),
    ("Aleksandr Fomin", "Alexander Fomin"),
    ("the Defense Department", "US Department of Defense"),
    ("the Pentagon's view", "US Department of Defense"),
    ("Russia’s Foreign Ministry", "Russian Foreign Ministry"),
    ("interceptors at Ft. Greely", "Alaska"),
    ("Vandenberg Space Force Base", "California"),
    ("the North Korean threat", "North Korea"),
    ("the DPRK's missiles", "North Korea"),
    ("the Pacific Fleet", "Atlantic and Pacific Fleets"),
    ("Aegis Ballistic Missile Defence ships", "Aegis BMD"),
    ("SM3 interceptors", "SM-3"),
    ("the Standard Missile 3", "SM-3"),
    ("Ground-Based Midcourse Defence", "GMD"),
    ("space-based missile defense", "space segment"),
    ("the A135 system", "A-135"),
    ("the Qabala radar station", "Gabala radar"),
    ("the 2019 Missile Defence Review", "Missile Defense Review"),
    ("the 2010 Ballistic Missile Defence Review", "Ballistic Missile Defense Review"),
    ("the Missile Defence Agency", "Missile Defense Agency"),
    ("a first-strike capability", "first strike"),
]


@pytest.mark.parametrize(("phrase", "entry"), VARIANTS)
def test_variant_is_glossed(phrase: str, entry: str) -> None:
    found = [NAMES[term_id] for _, _, term_id in MATCHER.find(phrase)]
    assert entry in found, f"{phrase!r} should gloss {entry!r}, found {found}"
