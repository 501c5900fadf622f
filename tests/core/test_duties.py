"""A question asking whose job something is is answered only by a clause that says whose it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.duties import SafeguardingRole, asks_whose_job, names_whose_job
from assistant.knowledge import load_knowledge
from assistant.models import AnswerStatus
from assistant.settings import BUNDLED_KNOWLEDGE
from tests.core.test_answers import advisor_with, assert_answered_first_by


@pytest.fixture(scope="module")
def role() -> SafeguardingRole:
    """The lead's role by the titles of the bundled concern lexicon, as an answerer reads it."""
    return SafeguardingRole.titled(load_knowledge(BUNDLED_KNOWLEDGE).concerns.lead_titles)


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
        # who does it, sorts it, organises it
        "who's doing the rota for the xmas sessions? i cant do the 18th",
        "who sorts the minibus bookings now dave's left?",
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
        "The club website is maintained by our volunteer webmaster.",
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
        # everyone's own part, not whose job the thing is
        "Remember the web is public: you are personally responsible for anything you write there.",
        # something kept up, by nobody named
        "This policy covers websites hosted and maintained on behalf of the club.",
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


@pytest.mark.parametrize(
    "question",
    [
        "whos the dsl this term?",
        "who's actually our designated safeguarding lead? nobody told me at induction",
        "who is the club welfare officer?",
        "what's the name of our safeguarding officer?",
    ],
)
def test_asking_who_the_lead_is_asks_for_the_person(role: SafeguardingRole, question: str) -> None:
    assert role.asks_who_holds_role(question)


@pytest.mark.parametrize(
    "question", ["who do i tell if a child says something worrying?", "who is the deputy dsl?", "is the dsl in today?"]
)
def test_asking_whom_to_tell_or_about_the_deputy_does_not(role: SafeguardingRole, question: str) -> None:
    assert not role.asks_who_holds_role(question)


@pytest.mark.parametrize(
    "clause",
    [
        "Designated Safeguarding Lead (DSL): Priya Shah, Centre Manager",
        "Our Safeguarding Officer is Mrs Ann Lowe.",
        "| Club Welfare Officer | Dan Reid | 07700 900555 |",
        "Welfare officer (CWO) Sam Tully",
        "Safeguarding Adults Lead (Deputy Manager): Marcus Webb",
        "**Safeguarding Co-ordinator:** Ann Lowe",
        'Report worries the same day to Ann Lowe (hereafter the "Safeguarding Co-ordinator").',
        "Tell Sam Reid, our DSL, before you go home.",
    ],
)
def test_a_clause_naming_the_lead_names_the_person(role: SafeguardingRole, clause: str) -> None:
    assert role.names_role_holder(clause)


def test_the_people_named_in_safeguarding_roles_are_read_by_name(role: SafeguardingRole) -> None:
    assert role.role_holders("Designated Safeguarding Lead (DSL): Priya Shah. Deputy DSL: Tom Rees.") == {
        "Priya Shah",
        "Tom Rees",
    }
    assert role.role_holders("Tell Sam Reid, our DSL, before you go home.") == {"Sam Reid"}
    assert role.role_holders("Tell the Designated Safeguarding Lead (DSL) at once.") == set()


def test_a_clause_giving_the_leads_number_tells_how_to_reach_them_not_who_they_are(role: SafeguardingRole) -> None:
    reach = "Contact the DSL on 01632 960000 or dsl@club.example.org."
    assert role.gives_role_contact(reach)
    assert not role.names_role_holder(reach)


@pytest.mark.parametrize(
    "clause",
    [
        "Tell the Designated Safeguarding Lead about any worry on the same day.",
        "Deputy Welfare Officer: Jo Kerr, 07700 900556",  # the deputy, not the lead asked about
        "Our Club Secretary is Mark Holt.",
        "Tell the Designated Safeguarding Lead (DSL) at once.",  # a title in capitals is no one's name
    ],
)
def test_a_clause_naming_the_role_only_or_someone_else_does_not(role: SafeguardingRole, clause: str) -> None:
    assert not role.names_role_holder(clause)


async def test_who_the_lead_is_comes_from_the_contacts_or_the_policy_does_not_say(tmp_path: Path) -> None:
    contacts = (
        "# Reporting a concern\n\n"
        "1. Tell the Designated Safeguarding Lead the same day about any concern for a young person.\n"
        "2. The Designated Safeguarding Lead decides whether to refer the concern to children's services.\n"
        "3. The Designated Safeguarding Lead keeps concern records locked away.\n"
    )
    silent = advisor_with(tmp_path / "silent", contacts)
    answer = await silent.answer("who's our designated safeguarding lead? im new")
    assert answer.status is AnswerStatus.NO_MATCH  # the policy names no one: whom to ask comes instead
    named = advisor_with(tmp_path / "named", contacts + "\n# Contacts\n\nDesignated Safeguarding Lead: Ruth Bell\n")
    answer = await named.answer("who's our designated safeguarding lead? im new")
    assert answer.status is AnswerStatus.ANSWERED
    assert "Ruth Bell" in answer.hits[0].clause.text


async def test_asking_who_the_lead_is_quotes_as_many_clauses_as_asked_for(tmp_path: Path) -> None:
    rules = "".join(f"{n}. Tell the Designated Safeguarding Lead about worry number {n}.\n" for n in range(1, 16))
    advisor = advisor_with(tmp_path, f"# Reporting\n\n{rules}\n# Contacts\n\nDesignated Safeguarding Lead: Ruth Bell\n")
    answer = await advisor.answer("who's our designated safeguarding lead?", top_k=12)
    assert "Ruth Bell" in answer.hits[0].clause.text
    assert len(answer.hits) == 12  # the search reads at least as far as the answer quotes


async def test_a_title_an_organisation_gives_its_lead_in_its_own_lexicon_is_read_everywhere(tmp_path: Path) -> None:
    # the lead's titles are written once, in the concern lexicon: a folder whose lexicon adds "youth protection
    # officer" has it asked who holds that role, reads the officer's first name as the lead, and the way round them
    lexicon = (BUNDLED_KNOWLEDGE / "concerns.toml").read_text(encoding="utf-8")
    lexicon = lexicon.replace("fragments.lead = '''(", "fragments.lead = '''(youth protection officer|", 1)
    (tmp_path / "concerns.toml").write_text(lexicon, encoding="utf-8")
    advisor = advisor_with(
        tmp_path,
        "# Reporting\n\n"
        "1. Tell the Youth Protection Officer about any worry for a young person on the same day.\n"
        "2. If the Youth Protection Officer is not available, tell the club chair.\n\n"
        "# Contacts\n\n"
        "Youth Protection Officer: Dana Reid, 07700 900123\n",
    )
    answer = await advisor.answer("who is our youth protection officer?")
    assert answer.status is AnswerStatus.ANSWERED
    assert "Dana Reid" in answer.hits[0].clause.text
    worry = await advisor.answer("a 14 year old just told me her stepdad hits her and dana is off sick, who do i tell?")
    assert worry.status is AnswerStatus.CONCERN
    assert worry.hits[0].clause.ref == "2"  # the way round the officer, who is away
