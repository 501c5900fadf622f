"""A question asking whose job something is is answered only by a clause that says whose it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.duties import asks_whose_job, names_whose_job
from assistant.models import AnswerStatus
from tests.core.test_answers import advisor_with, assert_answered_first_by

CLUB_PAGE_POLICY = (
    "# Our social media\n\n"
    "1. Staff must not post photos of young people on the club's Facebook page without written consent.\n"
    "2. Comments on the club's Facebook page must be polite and must not name young people.\n\n"
    "# Contact\n\n"
    "3. Staff must not be friends with young people on personal social media accounts.\n"
)


@pytest.mark.parametrize(
    "question",
    [
        "who runs the club facebook page?",
        "quick q - who's in charge of the petty cash tin?",
        "Got some lovely pics. Who looks after the official insta account?",
        "whose job is it to update the website?",
        "who is responsible for the first aid kits on trips?",
    ],
)
def test_asking_who_runs_looks_after_or_is_responsible_asks_whose_job(question: str) -> None:
    assert asks_whose_job(question)


@pytest.mark.parametrize(
    "question",
    [
        "who do i tell if a child says something worrying?",
        "whos the dsl this term?",
        "can i run the club facebook page from my own phone?",
        "a lad who runs the group chat added me, can i stay in it?",
    ],
)
def test_asking_whom_to_tell_or_mentioning_who_runs_something_does_not(question: str) -> None:
    assert not asks_whose_job(question)


@pytest.mark.parametrize(
    "clause",
    [
        "The club's Facebook page is managed by the Communications Officer.",
        "Social media accounts must be monitored by senior members of staff.",
        "The Head of Safeguarding is responsible for training.",
        "CEO: sets the organisational culture of safeguarding.",
    ],
)
def test_a_clause_saying_who_runs_manages_or_is_responsible_names_whose_job(clause: str) -> None:
    assert names_whose_job(clause)


@pytest.mark.parametrize(
    "clause",
    [
        CLUB_PAGE_POLICY.splitlines()[2],
        "Tell the Safeguarding Lead about any worry on the same day.",  # whom to tell, not whose job
        "Leads must be kept short on the club's dog walks.",
    ],
)
def test_a_rule_on_what_to_do_names_no_ones_job(clause: str) -> None:
    assert not names_whose_job(clause)


async def test_whose_job_the_policy_never_says_is_not_answered_by_a_clause_naming_the_thing(tmp_path: Path) -> None:
    advisor = advisor_with(tmp_path, CLUB_PAGE_POLICY)
    answer = await advisor.answer("who actually runs the club facebook page? whose job is it to post on there?")
    assert answer.status is AnswerStatus.NO_MATCH
    assert answer.hits == ()
    # asked what the policy does say about the page, it quotes the clause
    await assert_answered_first_by(advisor, [("can i put photos of the kids on the club facebook page?", "1")])


async def test_whose_job_the_policy_says_is_quoted(tmp_path: Path) -> None:
    running = "\n# Running the page\n\n4. The club's Facebook page is run by the Club Secretary.\n"
    advisor = advisor_with(tmp_path, CLUB_PAGE_POLICY + running)
    await assert_answered_first_by(advisor, [("who runs the club facebook page?", "4")])
