"""A question asking for an amount, a time or a date is answered only by a clause that states one."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.amounts import Amount, asked_amount, gives_amount
from assistant.models import AnswerStatus
from tests.conftest import REPO
from tests.core.test_answers import advisor_for, advisor_with, assert_answered_first_by

EXPENSES_POLICY = (
    "# Money and gifts\n\n"
    "1. Staff must not lend or give money to young people, or pay their bus fares and expenses from their own "
    "pocket.\n"
    "2. Staff must not accept gifts of money from parents.\n\n"
    "# Photos\n\n"
    "3. Photos of young people are taken only on the club's tablet.\n"
)


@pytest.mark.parametrize(
    "question",
    [
        "whats the mileage rate we claim now, still 45p?",
        "what time does the minibus leave on saturday?",
        "how many girls can we put in each tent at camp?",
        "how much is the junior membership this year?",
        "quick q - when's the next training evening?",
        "spring term subs deadline??",
        "Sorry to bother you. What are the fees for the summer camp?",
        # how long, how often, the most or fewest allowed
        "how long do we have to keep the old sign-in sheets?",
        "how often are we meant to redo the first aid course?",
        "whats the max number of kids on the bouncy castle at once",
        # asked of a scene named first
        "for the zoom sessions whats the max length? one of ours gets tired after half an hour",
        "on the residential, how late can the lights stay on?",
    ],
)
def test_asking_how_many_how_much_what_time_or_by_when_asks_for_an_amount(question: str) -> None:
    assert asked_amount(question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "one of the young ppl dm'd me on insta asking what time club starts. do i just reply?",
        "if a learner starts opening up to me, how much am i supposed to ask?",
        "can I post about how many medals we won on my own facebook?",
        "can i accept a parent's friend request?",
        "the deadline for the grant is friday. can I put the kids' photos in the bid?",
        "a mum asked how long the session runs. can i message her back on whatsapp?",
    ],
)
def test_a_question_that_only_mentions_an_amount_does_not_ask_for_one(question: str) -> None:
    assert asked_amount(question) is None


@pytest.mark.parametrize(
    "clause",
    [
        "Report it to the DSL within 24 hours.",
        "At least two adults must have the login.",
        "Mileage is paid at 45p a mile.",
        "Supervision takes place every half term.",
        "Tell the safeguarding lead immediately.",
        "Staff receive regular supervision from their line manager.",  # how often, in words
        "Your manager decides the frequency of supervision.",
    ],
)
def test_a_clause_stating_a_number_a_price_or_a_time_limit_gives_an_amount(clause: str) -> None:
    assert gives_amount(clause)


def test_a_rule_without_a_number_gives_no_amount() -> None:
    assert not gives_amount("Staff must not lend or give money to young people.")


async def test_a_rate_the_policy_never_states_is_not_answered_by_a_clause_sharing_its_words(tmp_path: Path) -> None:
    advisor = advisor_with(tmp_path, EXPENSES_POLICY)
    answer = await advisor.answer("whats the expenses rate for bus fares now?")
    assert answer.status is AnswerStatus.NO_MATCH
    assert answer.hits == ()
    # asked what the policy does say about the same words, it quotes the clause
    await assert_answered_first_by(advisor, [("can I pay a young person's bus fare from my own pocket?", "1")])


@pytest.mark.parametrize(
    "question",
    [
        "whats the max number of young people on the minibus?",
        "how long can a volunteer drive the minibus for?",
        "for the minibus trips whats the max a volunteer can drive in one go?",
    ],
)
async def test_a_limit_the_policy_never_states_is_not_answered_by_a_clause_naming_the_thing(
    tmp_path: Path, question: str
) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Transport\n\n"
        "1. Volunteers who drive the minibus must hold a full licence and pass the club's minibus driving "
        "assessment.\n"
        "2. Young people must wear seatbelts in the minibus.\n",
    )
    answer = await advisor.answer(question)
    assert answer.status is AnswerStatus.NO_MATCH


async def test_a_rate_the_policy_states_is_quoted(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path, EXPENSES_POLICY + "\n# Expenses\n\n4. Staff claim bus fares and mileage at 45p a mile on the form.\n"
    )
    await assert_answered_first_by(advisor, [("whats the mileage rate now?", "4")])


async def test_the_clause_stating_the_date_asked_for_is_quoted_before_one_sharing_more_words(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Social media policy\n\n"
        "1. Staff must not post photographs of young people on their own social media.\n"
        "2. The social media policy applies to all staff and volunteers.\n"
        "3. Date policy to be reviewed: 1st March 2030\n",
    )
    answer = await advisor.answer("when is the social media policy due to be looked at again?")
    assert answer.status is AnswerStatus.ANSWERED
    assert [hit.clause.ref for hit in answer.hits[:2]] == ["3", "2"]


async def test_how_many_children_one_adult_may_have_is_answered_by_the_clause_counting_them(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Chaperones\n\n"
        "1. Phones are handed to the chaperone before the show and given back after it.\n"
        "2. After evening shows, children are collected by a named adult from the stage door.\n"
        "3. Young assistants help the chaperones with the children at evening shows but are never counted in adult "
        "ratios.\n"
        "4. First-night cards between cast members are fine; chaperones check them at the show.\n"
        "5. Chaperones sign the children in and out at every show.\n"
        "6. A licensed chaperone may look after no more than 12 children at any one time.\n",
    )
    await assert_answered_first_by(advisor, [("how many kids can one chaperone have on show nights", "6")])


async def test_a_headcount_never_stated_is_not_answered_by_any_number_further_down(tmp_path: Path) -> None:
    """Read deeper for a count of people, a clause's "at least six weeks" is still no headcount."""
    advisor = advisor_with(
        tmp_path,
        "# Camps\n\n"
        "1. Leaders sleep in a separate tent from the girls, close enough to hear if they are needed.\n"
        "2. Male helpers must not enter the girls' tents or washing areas at camp.\n"
        "3. Photos at camp show girls taking part in activities, properly dressed.\n"
        "4. Every camp is led by a leader with a camp permit, and the plan is approved at least six weeks before.\n"
        "5. Health forms for camp are carried by the leader in charge.\n",
    )
    answer = await advisor.answer("how many girls can we put in each tent at camp? we've got 5 tents and 19 guides")
    assert answer.status is AnswerStatus.NO_MATCH


async def test_how_many_a_chaperone_may_have_is_the_ratio_a_limit_on_whom_one_looks_after_states() -> None:
    """A limit of "no more than 12 children at any one time" is the theatre's ratio, though it never says so."""
    docs = REPO / "benchmarks" / "new_policies_2026_12_04" / "Z60" / "docs"
    advisor = advisor_for(docs / "lantern-street-youth-theatre-safeguarding.txt")
    answer = await advisor.answer("how many members can a chaperone have?")
    assert answer.status is AnswerStatus.ANSWERED
    assert "no more than 12 children at any one time" in answer.hits[0].clause.text


async def test_how_often_is_answered_by_the_clause_saying_who_sets_the_frequency(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Supporting volunteers\n\n"
        "1. Volunteers must attend the induction evening before their first session.\n"
        "2. Supervision frequency is agreed between each volunteer and their ministry leader.\n"
        "3. Volunteers must wear their lanyard at all times.\n",
    )
    await assert_answered_first_by(advisor, [("how often are we meant to get supervision", "2")])


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what time does the meeting start on saturday?", Amount.TIME_OF_DAY),
        ("quick q - what time do we need to be there?", Amount.TIME_OF_DAY),
        ("when do memberships need renewing and is it still 45 quid", Amount.MONEY),
        ("how much is the junior membership this year?", Amount.MONEY),
        ("spring term subs deadline??", Amount.MONEY),
        ("how many girls can we put in each tent at camp?", Amount.HEADCOUNT),
        ("how many kids can we have in the 8-11s group max?", Amount.HEADCOUNT),
        ("how long do we have to keep the old sign-in sheets?", Amount.DURATION),
        ("how many volunteering hours does a cadet need for the award?", Amount.DURATION),
        # text speak's "r" for "are"
        ("how much r the tickets for the panto", Amount.MONEY),
        ("what r the fees for holiday club", Amount.MONEY),
        ("when r the taster sessions", Amount.ANY),
        # how late, a limit on it, a time limit, a minimum
        ("the show finishes after 10. is there a limit on how late the kids can perform?", Amount.TIME_OF_DAY),
        ("how late can the juniors stay at the disco", Amount.TIME_OF_DAY),
        ("is there a time limit on how long they can go on the ipad?", Amount.DURATION),
        ("is there a minimum age for our volunteers?", Amount.ANY),
        # the next one of something: a date
        ("when's the next family fun day? can my sister come", Amount.DATE),
        ("whens the last session before the summer hols? parents keep asking", Amount.DATE),
        # asked after the condition it is asked of
        ("if a family is banned for what they post, how long is that for?", Amount.DURATION),
        # how often: a frequency
        ("how often r we meant to have supervision?", Amount.FREQUENCY),
        # how soon: a stretch of time ("within 14 days")
        ("she wants the video taken down. how quick do we have to do it?", Amount.DURATION),
    ],
)
def test_a_question_asks_for_a_time_of_day_a_price_or_any_amount(question: str, kind: Amount) -> None:
    assert asked_amount(question) is kind


@pytest.mark.parametrize(
    ("clause", "kind", "gives"),
    [
        ("Sessions start at 6.30pm in the hall.", Amount.TIME_OF_DAY, True),
        ("Arrive fifteen minutes before the session.", Amount.TIME_OF_DAY, True),
        ("Read it with chapter 11 of the handbook.", Amount.TIME_OF_DAY, False),  # a number, but no time of day
        ("Membership is £45 a year.", Amount.MONEY, True),
        ("The trip is free for young carers.", Amount.MONEY, True),
        ("At least two adults must be present.", Amount.MONEY, False),
        ("Club secretary: Ann Hughes-Price, 07700 900000", Amount.MONEY, False),  # a name, not a price
        ("Read it with chapter 11 of the handbook.", Amount.ANY, True),
        ("Registers are kept for six years, then shredded.", Amount.DURATION, True),
        ("Footage is kept until the investigation ends.", Amount.DURATION, True),
        ("Technique footage is deleted at the end of each season.", Amount.DURATION, True),
        ("Two members of staff sign the register at each session.", Amount.DURATION, False),
        ("The sponsored walk is on Saturday 14 June.", Amount.DATE, True),
        ("Staff may claim travel within 30 days.", Amount.DATE, False),  # "may" is no month
        # a count of people, and ages, which are none
        ("No more than 12 children in each group, with at least two adults.", Amount.HEADCOUNT, True),
        ("Sessions are for young people aged 13 to 19.", Amount.HEADCOUNT, False),
        ("The juniors' group is for 8-11 year olds; under 8s come with a parent.", Amount.HEADCOUNT, False),
        ("Young carers get one-to-one support and group sessions.", Amount.HEADCOUNT, False),
        # so many people said plainly, or a ratio; not a word that may count them, an age or a time
        ("A chaperone may look after no more than 12 children at a time.", Amount.PEOPLE_COUNT, True),
        ("Under-fives are supervised at a ratio of 1:4.", Amount.PEOPLE_COUNT, True),
        ("Young assistants are never counted in adult ratios.", Amount.PEOPLE_COUNT, False),
        ("Young assistants have a DBS check once they turn 18.", Amount.PEOPLE_COUNT, False),
        ("The group is for 12 year old children and their siblings.", Amount.PEOPLE_COUNT, False),
        ("Parents collect their children at 1:15pm.", Amount.PEOPLE_COUNT, False),
        # how often, said in numbers or words; not a count ("at least 2") or "each" of people
        ("The policy is reviewed every two years by the trustees.", Amount.FREQUENCY, True),
        ("Leaders meet their supervisor once a term.", Amount.FREQUENCY, True),
        ("Each leader will decide the frequency of supervision.", Amount.FREQUENCY, True),
        ("At least 2 members of staff have each account's password.", Amount.FREQUENCY, False),
        ("Each child needs a signed consent form.", Amount.FREQUENCY, False),
        ("Two sessions a week are run by the coaches.", Amount.FREQUENCY, True),
        ("New volunteers attend a training session before they start.", Amount.FREQUENCY, False),
    ],
)
def test_a_clause_gives_the_kind_of_amount_asked_for(clause: str, kind: Amount, gives: bool) -> None:
    assert gives_amount(clause, kind) is gives


@pytest.mark.parametrize(
    ("policy", "question", "stating"),
    [
        (  # a number, but no time of day
            "# About this policy\n\n"
            "1. This policy should be read with chapter 11 of the Area Meeting's handbook.\n"
            "2. Information about the Area Meeting is shared only with those who need to know.\n",
            "what time does area meeting start on saturday?",
            "3. Area Meeting starts at 10.30am on the second Saturday of each month.\n",
        ),
        (  # nights, but no time of day
            "# Performances\n\n"
            "1. Child performers go home each night and are not taken on overnight stays.\n"
            "2. A chaperone stays with the children throughout every performance.\n",
            "the evening show ends after 10. is there a limit on how late the kids can perform?",
            "3. Children under 13 must have left the theatre by 10pm.\n",
        ),
        (  # a count, but no stretch of time
            "# Registers\n\n"
            "1. Two members of staff sign the sign-in sheets at each session.\n"
            "2. Two copies of the sign-in sheets are retained in the locked cabinet in the office.\n",
            "how long do we keep the old sign-in sheets?",
            "3. Old sign-in sheets are kept for three years and then shredded.\n",
        ),
        (  # a time limit and a price, but no date
            "# Fundraising\n\n"
            "1. Volunteers who run in the sponsored fun run pay their own £10 entry and hand in sponsorship within "
            "two weeks.\n"
            "2. Young people may take part in the fun run only with a parent's consent.\n",
            "when's the next fun run?",
            "3. The next fun run is on Sunday 21 September at the county showground.\n",
        ),
        (  # ages, but no count of children
            "# Our groups\n\n"
            "1. The young carers' groups are for children aged 8 to 11 and young people aged 12 to 18.\n"
            "2. Every group has a named lead worker.\n",
            "how many kids can we have in the 8-11 group max? getting loads of referrals",
            "3. No group has more than 14 children, and there are always at least two workers.\n",
        ),
    ],
)
async def test_an_amount_of_another_kind_does_not_answer_the_one_asked_for(
    tmp_path: Path, policy: str, question: str, stating: str
) -> None:
    answer = await advisor_with(tmp_path / "without", policy).answer(question)
    assert answer.status is AnswerStatus.NO_MATCH
    # the same policy with a clause stating the kind of amount asked for quotes it
    await assert_answered_first_by(advisor_with(tmp_path / "with", policy + stating), [(question, "3")])
