"""The ages a question tells and the ages a clause's rules are for."""

from __future__ import annotations

import pytest

from assistant.ages import NO_LIMIT, age_bounds, asks_age_limit, told_ages


@pytest.mark.parametrize(
    ("question", "ages"),
    [
        ("can I text Ellie (15) directly to say tmrw is off?", {15}),
        ("a year 11 from last year (17, at college now) added me on insta", {16, 17}),
        ("one of my squad just turned 18 and followed me", {18}),
        ("a 15 yr old asked for my snap", {15}),
        ("my 14yo nephew is in the group", {14}),
        ("shes 16 and wants to help run the session", {16}),
        ("Tyler's 14 and wants me to take a pic of him", {14}),
        ("my son is 15 now, can he volunteer?", {15}),
        ("one of my yr5s found my insta", {10}),
        ("he's 5 mins late every week, can I ring his mum?", set()),  # a time, not an age
        ("i've volunteered here for 5 years, can i still do the minibus run?", set()),
        ("we've got 19 guides and 5 tents", set()),  # counts
        ("there's 12 of them on the trip", set()),
        ("the trip is on the 12th, 40 of them going", set()),
        ("can I accept a parent's friend request?", set()),
    ],
)
def test_the_ages_a_question_tells(question: str, ages: set[int]) -> None:
    assert told_ages(question) == ages


@pytest.mark.parametrize(
    ("clause", "bounds"),
    [
        ("The club communicates with swimmers under 16 through their parents or carers.", [(0, 15)]),
        (
            "Where a coach still coaches a swimmer who is 18 or over, the coach should think carefully.",
            [(18, NO_LIMIT)],
        ),
        ("Students aged 16 and 17 may be added to a company WhatsApp group.", [(16, 17)]),
        ("Young adult carers aged 18 to 25 have a group of their own.", [(18, 25)]),
        ("No under-18s may be added; over-18s may join with consent.", [(0, 17), (18, NO_LIMIT)]),
        (
            "Players who turn 18 while in an Under 18 squad are treated as under-18 players.",
            [(0, 17), (18, 18), (0, 17)],
        ),
        ("Leaders must not message a young person under the age of 14 directly.", [(0, 13)]),
        ("A 16-year-old may volunteer as a Young Leader.", [(16, 16)]),
        ("Young volunteers must be at least 14 years old.", [(14, NO_LIMIT)]),
        ("At least 2 adults must be present.", []),
        ("Sessions run from 7pm to 8.30pm; up to 30 members attend.", []),  # times and counts state no age
        ("Staff must not accept friend requests from pupils.", []),
    ],
)
def test_the_ages_a_clause_is_for(clause: str, bounds: list[tuple[int, int]]) -> None:
    assert sorted(age_bounds(clause)) == sorted(bounds)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("what age can they have tiktok? my 12yo keeps asking", True),
        ("how old do u have to be to join the members whatsapp group?", True),
        ("is there a minimum age for young leaders?", True),
        ("whats the youngest you can be to go on the tour?", True),
        ("is a 15 year old old enough to help at the tuck shop?", True),
        # an age told, not asked for
        ("one of my 14 year olds sent me a friend request, can i accept?", False),
        ("how long do we keep the registers for?", False),
    ],
)
def test_asking_how_old_someone_must_be_asks_for_an_age_limit(question: str, asks: bool) -> None:
    assert asks_age_limit(question) is asks
