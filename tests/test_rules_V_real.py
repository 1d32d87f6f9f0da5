"""The V rules as tuned on real engineering, vendor and government prose (docs/quality.md, "V rules on real text").

Every sentence here is written for this test. The literal senses are words that engineers use plainly and that the
real labelled passages read as plain; the vague senses are the frames the rules were widened to read.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import spinlint
from spinlint.rules.ruleset import builtin_rules
from rule_codes import vague_codes




LITERAL = [
    "The cluster handles two billion vectors at scale on eight nodes.",
    "Each product owner is empowered to decide what ships in the sprint.",
    "The index leverages SSDs to keep memory use low.",
    "Bindings can leverage the borrow checker to free each buffer once.",
    "The parser reports every unmatched bracket with its line number.",
    "The demo compares two state-of-the-art ranking models on the same queries.",
    "Changes in interest rates could potentially require a new valuation of the bonds.",
    "Users move seamlessly to the new metadata store by editing one setting.",
    "The survey found that transformational leadership predicted lower burnout.",
    "The team ran three rounds of human-centred design research with nurses.",
    "The form must be usable by as many people as we can reach.",
    "We hope the new syntax will be stabilised in the near future.",
    "The agentic workflow calls the search tool twice per question.",
    "The company has committed to buying two more presses next year.",
    "The county places children with foster families within a week.",
    "Generic types are still very powerful without that feature.",
]

VAGUE = {
    "Our mission is to empower every team to do its best work.": "V022",
    "We are deeply committed to delivering an exceptional experience for our residents.": "V022",
    "We will leverage our collective expertise across the business.": "V002",
    "Regular retrospectives foster a culture of continuous improvement.": "V003",
    "Open data is transforming how government serves the public.": "V003",
    "We harness the power of community to shape what comes next.": "V001",
    "The new portal will enhance the customer experience across every channel.": "V026",
    "Brightwell helps public agencies achieve their mission.": "V027",
    "Corvane is a robust, scalable and secure platform for modern teams.": "V028",
    "Corvane isn't just a database; it's the foundation of your AI strategy.": "V029",
    "At Corvane we believe data science is a team sport.": "V030",
    "This partnership lays the foundation for future growth.": "V031",
    "The new release unlocks new possibilities for every team.": "V001",
    "Join us every week to learn how open data is leading the way in public services.": "V016",
    "Kestrel is the world's most trusted scheduling app.": "V017",
    "The release brings breakthrough performance to every cluster.": "V011",
    "We will share more details in the coming weeks.": "V020",
}


@pytest.mark.parametrize("sentence", LITERAL)
def test_literal_engineering_senses_are_not_vague(sentence):
    assert vague_codes(sentence) == set(), sentence


@pytest.mark.parametrize("sentence, code", sorted(VAGUE.items()))
def test_vague_frames_fire_their_rule(sentence, code):
    assert code in vague_codes(sentence), sentence


def test_stacked_hedge_rule_is_retired():
    catalogue = Path(spinlint.__file__).parent / "rules" / "catalogue" / "V012.toml"
    assert tomllib.loads(catalogue.read_text(encoding="utf-8"))["status"] == "removed"  # the code is never reused
    assert "V012" not in {rule.code for rule in builtin_rules()}
    assert vague_codes("The assistant could potentially reduce errors.") == set()
