"""Policy answers: the right clause quoted, honest "the policy doesn't say", concerns pointed to reporting."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from assistant.answers import PolicyAdvisor, build_advisor
from assistant.errors import EmptyQuestion
from assistant.knowledge import load_knowledge
from assistant.models import Answer, AnswerStatus
from assistant.settings import CoreSettings
from tests.conftest import CORPUS, REPO, SEEDS

CONTACT = "Sam Jones, our Designated Safeguarding Lead"


def advisor_for(path: Path, today: date = date(2026, 11, 22)) -> PolicyAdvisor:
    return PolicyAdvisor(load_knowledge(path), contact=CONTACT, today=lambda: today)


def advisor_with(tmp_path: Path, policy: str) -> PolicyAdvisor:
    """An advisor on one Markdown policy written for the test."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "policy.md").write_text(policy)
    return advisor_for(tmp_path)


async def assert_answered_first_by(advisor: PolicyAdvisor, cases: list[tuple[str, str]]) -> None:
    """Each question is answered, its first quote the clause with that ref."""
    for question, ref in cases:
        answer = await advisor.answer(question)
        assert answer.status is AnswerStatus.ANSWERED, question
        assert answer.hits[0].clause.ref == ref, question


@pytest.fixture(scope="module")
def leaps() -> PolicyAdvisor:
    return advisor_for(SEEDS / "001_2ee1f2c645ae7313.txt")


async def test_the_readme_question_is_answered_with_the_clause_that_answers_it() -> None:
    """As the README's Quick start installs it (lexical ranking)."""
    advisor = build_advisor(CoreSettings(_env_file=None, semantic_ranking=False))  # type: ignore[call-arg]
    answer = await advisor.answer("can I accept a parent's friend request?")
    assert answer.status is AnswerStatus.ANSWERED
    best = answer.hits[0].clause
    assert best.document == "LEAPS Suffolk - Social Media Policy"
    assert best.ref == "6.9"
    assert "accepting parents of attendees as friends on Facebook" in best.text


async def test_with_the_re_ranker_the_readme_question_quotes_both_policies_rules_on_parents_friend_requests() -> None:
    """Of the five bundled policies, two answer it: LEAPS 6.9 (be cautious accepting parents as friends on
    Facebook) and Northwood 3.8 (use common sense being 'friends' with parents, the clause the development
    set expects for a parent's friend request on Northwood's policy). The re-ranker may put either first."""
    advisor = build_advisor(CoreSettings(_env_file=None))  # type: ignore[call-arg]
    if advisor.reranker is None:  # CI installs it with the README's test command
        (pytest.fail if os.environ.get("CI") else pytest.skip)("the semantic re-ranker is not installed")
    answer = await advisor.answer("can I accept a parent's friend request?")
    assert answer.status is AnswerStatus.ANSWERED
    first_two = {(hit.clause.document, hit.clause.ref) for hit in answer.hits[:2]}
    assert first_two == {
        ("LEAPS Suffolk - Social Media Policy", "6.9"),
        ("Northwood Primary School Academy Trust - Social Media Policy", "3.8"),
    }


async def test_chat_words_find_policy_words(leaps: PolicyAdvisor) -> None:
    # "mum" / "fb" / "freind" (a typo) -> "parents", "Facebook", "friends"
    answer = await leaps.answer("mum of one of the kids added me as a freind on fb, ok to accept?")
    assert answer.hits[0].clause.ref == "6.9"
    # "kids" / "insta" / "pics" -> "attendees", "social media", "images"
    answer = await leaps.answer("can i put pics of the kids from the trip on my insta?")
    assert answer.hits[0].clause.ref == "6.14"


@pytest.mark.parametrize(
    ("question", "unasked"),
    [
        ("a guide's dad sent me a friend request on facebook, can i accept?", "The meeting link is sent to parents"),
        ("one of the brownie mums sent me a friend request. ok to accept?", "The meeting link is sent to parents"),
        ("a parent sent me a request on fb, is that allowed?", "The meeting link is sent to parents"),
        ("noticed a mum follows me on insta, should i block her?", "You might notice that a girl"),
    ],
)
async def test_how_the_news_came_is_not_what_is_asked(question: str, unasked: str) -> None:
    """A parent who "sent me a friend request" asks about the request: the rule on being friends with parents
    answers it, not the rule on online meetings whose "link is sent to parents"."""
    docs = REPO / "benchmarks" / "new_policies_2026_12_04" / "M" / "docs"
    policy = docs / "larkfield-brownies-guides-safe-space-policy.txt"
    answer = await advisor_for(policy).answer(question)
    quoted = [hit.clause.text for hit in answer.hits]
    assert any("Leaders can be friends with parents and carers" in text for text in quoted[:2])
    assert not any(unasked in text for text in quoted)


async def test_the_boss_and_the_dsl_are_found_by_their_titles(leaps: PolicyAdvisor) -> None:
    answer = await leaps.answer("who do I tell if a colleague is being trolled online?")
    assert any("Managing Director" in hit.clause.text for hit in answer.hits)


async def test_a_question_the_policy_does_not_answer_says_so_and_names_who_to_ask(leaps: PolicyAdvisor) -> None:
    answer = await leaps.answer("how many days of annual leave do I get at Easter?")
    assert answer.status is AnswerStatus.NO_MATCH
    assert answer.hits == ()  # no weak match is quoted as if it answered
    assert answer.contact == CONTACT


async def test_a_described_worry_points_to_reporting_first(leaps: PolicyAdvisor) -> None:
    answer = await leaps.answer(
        "one of our attendees (he's 14) just sent me a nude on snapchat. I didn't ask for it. what do I do"
    )
    assert answer.status is AnswerStatus.CONCERN
    assert any("informed immediately" in h.clause.text or "immediately" in h.clause.text for h in answer.hits)
    assert not answer.immediate_danger


SAFEGUARDING_PROCEDURE = """# Safeguarding procedure

## Reporting a concern

Report any concern about a child to the Designated Safeguarding Lead as soon as possible, the same day.

Record what you saw or were told, in the person's own words, and pass the record to the Designated
Safeguarding Lead.

If the Designated Safeguarding Lead is not available, report the concern to the Chair of Trustees.

## Allegations against staff or volunteers

Any allegation that a member of staff or volunteer has harmed a child is referred by the Designated
Safeguarding Lead to the LADO within one working day.

## Confidentiality

Never promise to keep a secret: tell the young person that you will have to inform others to keep them safe.
"""


@pytest.mark.parametrize(
    ("worry", "procedure"),
    [
        ("one of the girls told me another leader touched her on the residential, what happens now?", "LADO"),
        ("the teacher smacked a boy in front of the class today for talking. who do i tell?", "LADO"),
        ("a lad in yr 9 told me his uncle hits him and made me promise not to tell anyone", "Never promise"),
    ],
)
async def test_a_worry_with_a_procedure_of_its_own_quotes_that_procedure(
    tmp_path: Path, worry: str, procedure: str
) -> None:
    advisor = advisor_with(tmp_path, SAFEGUARDING_PROCEDURE)
    answer = await advisor.answer(worry)
    assert answer.status is AnswerStatus.CONCERN
    assert procedure in answer.hits[0].clause.text


async def test_a_worry_about_a_teacher_quotes_the_route_for_concerns_about_staff_however_it_is_headed(
    tmp_path: Path,
) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Safeguarding\n\n"
        "## Reporting\n\n"
        "Any concern about a learner's welfare, however small, must be recorded and reported to the DSL the same "
        "day.\n\n"
        "## Adults\n\n"
        "Any concern that a member of staff or a teacher may have harmed a learner, or behaved in a way that "
        "suggests they are unsuitable, must be reported to the Principal immediately.\n",
    )
    answer = await advisor.answer(
        "one of the maths teachers gives the same girl in yr 11 a lift home most days and snaps her at night"
    )
    assert answer.status is AnswerStatus.CONCERN
    assert "reported to the Principal immediately" in answer.hits[0].clause.text


async def test_a_policy_saying_a_topic_in_words_no_list_has_still_covers_it(tmp_path: Path) -> None:
    # "drop the girl home" is no phrase of the vocabulary, but the topic's own question pattern finds it in the
    # policy as it finds "drop her home" in the question: the policy covers lifts home, so it doesn't "not say"
    advisor = advisor_with(
        tmp_path,
        "# Collection\n\n"
        "1. Parents and carers sign girls in and out of each meeting.\n"
        "2. Waiting for the last girl: two adults stay until she has been collected. Never drop the girl home "
        "alone or take her back to your house.\n",
    )
    answer = await advisor.answer("amelia's mum still isn't here and she lives round the corner, can i drop her home?")
    assert answer.status is AnswerStatus.ANSWERED
    assert "Never drop the girl home" in answer.hits[0].clause.text


async def test_driving_other_young_people_is_the_topic_of_lifts_in_the_question_and_in_the_policy(
    tmp_path: Path,
) -> None:
    question = "maya in 12B just got her own car and says she'll drive 3 of the netball girls to the fixture. allowed?"
    rules = "1. Learners who drive to school park in the lower car park and register with the office.\n"
    silent = advisor_with(tmp_path / "silent", "# Sixth form\n\n" + rules)
    assert (await silent.answer(question)).status is AnswerStatus.NO_MATCH
    covers = advisor_with(
        tmp_path / "covers", "# Sixth form\n\n" + rules + "2. They must not drive other learners to school fixtures.\n"
    )
    await assert_answered_first_by(covers, [(question, "2")])


async def test_a_bottle_of_wine_among_gifts_says_nothing_of_staff_having_a_drink(tmp_path: Path) -> None:
    gifts = (
        "# Gifts\n\n"
        "1. Coaches may accept small end-of-season gifts, such as a card or a bottle of wine.\n"
        "2. Coaches must not give juniors gifts or money.\n"
    )
    question = "is it ok for a coach to have a pint at the bar before taking the juniors session?"
    assert (await advisor_with(tmp_path / "gifts", gifts).answer(question)).status is AnswerStatus.NO_MATCH
    rule = gifts + "3. Coaches must not drink alcohol before or during sessions with juniors.\n"
    await assert_answered_first_by(advisor_with(tmp_path / "rule", rule), [(question, "3")])


async def test_a_rule_on_alcohol_does_not_answer_a_question_about_vaping(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Conduct\n\n"
        "1. Staff must not drink alcohol while responsible for young people, including on trips.\n"
        "2. Photos of young people are taken only on the club's tablet.\n",
    )
    await assert_answered_first_by(advisor, [("are staff allowed a drink on the trip once the kids are in bed?", "1")])
    for question in ["can the kids vape on the minibus?", "are staff allowed to smoke on the trip?"]:
        assert (await advisor.answer(question)).status is AnswerStatus.NO_MATCH, question


async def test_asking_about_a_topic_is_not_a_concern(leaps: PolicyAdvisor) -> None:
    answer = await leaps.answer("what does the policy say about radicalisation online?")
    assert answer.status is AnswerStatus.ANSWERED
    assert any("radicalis" in h.clause.text for h in answer.hits)


async def test_asking_what_counts_as_bullying_is_not_a_concern(leaps: PolicyAdvisor) -> None:
    answer = await leaps.answer(
        "would it count as bullying if a few of them ignored a lad at training? nobody is hitting him"
    )
    assert answer.status is not AnswerStatus.CONCERN


async def test_asking_whether_what_keeps_happening_to_a_real_lad_is_bullying_is_a_concern(leaps: PolicyAdvisor) -> None:
    # the same words about a lad it keeps happening to: whether it is bullying is the lead's call, so report first
    answer = await leaps.answer(
        "would it count as bullying if a few of them keep ignoring one lad at training? nobody is hitting him"
    )
    assert answer.status is AnswerStatus.CONCERN
    assert "report" in answer.hits[0].clause.text.lower()


async def test_a_worry_is_told_to_the_role_the_policy_names_by_its_short_name(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Spark youth group\n\n"
        "Parish Safeguarding Officer (PSO): Mr Graham Oduya.\n\n"
        "Messages to young people are sent from the parish youth mobile, never from a personal phone.\n\n"
        "The diocese's Designated Safeguarding Lead can be contacted through the diocesan office.\n\n"
        "All concerns about a young person, including anything seen online, should be passed to the PSO on the same "
        "day.\n",
    )
    answer = await advisor.answer(
        "one of the spark girls told me a man from church keeps sending her messages late at night"
    )
    assert answer.status is AnswerStatus.CONCERN
    assert answer.hits[0].clause.text.startswith("All concerns about a young person")


UNREACHABLE_TONIGHT = (
    "# Reporting a concern\n\n"
    "If the DSL and Deputy DSL cannot be reached that evening and you believe the young person is at risk of "
    "significant harm, contact Children's Social Care on 01632 960000.\n\n"
    "Tell the DSL about any concern for a young person the same evening, by phone, and write it up on the "
    "concern form.\n\n"
    "Leaders must not give young people lifts home alone.\n"
)
NAMED_LEAD = (
    "# Who to tell\n\n"
    "Designated Safeguarding Lead: Farida Osei, Centre Manager. Deputy DSL: Glen Ward, Youth Worker.\n\n"
    "# Reporting a concern\n\n"
    "Tell the DSL about any worry for a young person before you go home, and write it on the yellow "
    "concern form.\n\n"
    "Concern forms go to the DSL the same day. If the DSL is not available, tell the Deputy DSL about the "
    "worry and give the form to them.\n\n"
    "# Trips\n\n"
    "Leaders must not give young people lifts home alone.\n"
)
JAYDEN = "jayden (13) told me tonight his mums new bf threw him against the wardrobe"
UNCLE = "one of the year 9s told me her uncle has been messaging her asking for pics"


# (policy, worry, the clause quoted first for it, what the message adds about the lead, the clause first then)
@pytest.mark.parametrize(
    ("policy", "worry", "usual", "away", "around"),
    [
        pytest.param(
            UNREACHABLE_TONIGHT,
            JAYDEN,
            "Tell the DSL about any concern",
            "dsl isnt answering her phone",
            "If the DSL and Deputy DSL cannot be reached",
            id="the lead not answering",
        ),
        pytest.param(
            NAMED_LEAD.replace("If the DSL is not available", "If you can't find the DSL"),
            UNCLE,
            "Tell the DSL about any worry",
            "farida's already gone home",
            "Concern forms go to the DSL",
            id="the lead gone home, and the way round for when you can't find them",
        ),
        pytest.param(
            NAMED_LEAD.replace("If the DSL is not available", "If you can't find the DSL"),
            UNCLE,
            "Tell the DSL about any worry",
            "i dont know who else to go to",
            "Concern forms go to the DSL",
            id="no one else to go to",
        ),
        pytest.param(
            NAMED_LEAD,
            UNCLE,
            "Tell the DSL about any worry",
            "farida's off this week",
            "Concern forms go to the DSL",  # its second sentence is the way round the lead
            id="the lead away by first name",
        ),
        pytest.param(
            NAMED_LEAD,
            UNCLE,
            "Tell the DSL about any worry",
            "the youth club is off this week",
            "Tell the DSL about any worry",
            id="a role's title is no one's name",  # "Youth Worker" after Glen Ward's name
        ),
    ],
)
async def test_the_way_round_an_unreachable_lead_comes_after_the_usual_route_unless_the_lead_is_away(
    tmp_path: Path, policy: str, worry: str, usual: str, away: str, around: str
) -> None:
    advisor = advisor_with(tmp_path, policy)
    answer = await advisor.answer(worry)
    assert answer.status is AnswerStatus.CONCERN
    assert answer.hits[0].clause.text.startswith(usual)
    answer = await advisor.answer(f"{worry}. {away}")
    assert answer.hits[0].clause.text.startswith(around)


async def test_a_colleague_posting_nasty_comments_about_a_family_is_a_worry_that_quotes_the_route_to_hr() -> None:
    """A member of staff's abusive comments about a family are reported; the policy's route for them (only) is HR."""
    advisor = advisor_for(SEEDS / "003_8e02432411714b95.txt")
    for worry in (
        "a teaching assistant keeps posting horrible comments about one of the families on the school facebook, "
        "who do i tell?",
        "mrs p from year 2 keeps leaving nasty comments about one of the families under the school fb posts, what now",
    ):
        answer = await advisor.answer(worry)
        assert answer.status is AnswerStatus.CONCERN
        assert any("reported to the HR department" in hit.clause.text for hit in answer.hits), worry
    # ...a route for staff conduct only: a stranger grooming a child is no matter for HR
    grooming = await advisor.answer(
        "a year 4 girl told me an older boy from roblox keeps asking her to video call him and says its their secret, "
        "what do i do"
    )
    assert grooming.status is AnswerStatus.CONCERN
    assert not any("HR department" in hit.clause.text for hit in grooming.hits)


async def test_someone_in_danger_now_gets_call_999_first() -> None:
    advisor = advisor_for(SEEDS / "000_93b0e619727f1d44.txt")
    answer = await advisor.answer("a girl from group just messaged me saying she doesnt want to be here anymore")
    assert answer.status is AnswerStatus.CONCERN
    assert answer.immediate_danger
    assert any("report" in h.clause.text.lower() for h in answer.hits)  # what to do with it comes first


async def test_a_quoted_policy_past_its_review_date_is_flagged(leaps: PolicyAdvisor) -> None:
    answer = await leaps.answer("can I add a parent on facebook?")
    assert [n.review_text for n in answer.stale] == ["Review date: April 2024"]
    fresh = advisor_for(SEEDS / "001_2ee1f2c645ae7313.txt", today=date(2024, 1, 1))
    assert (await fresh.answer("can I add a parent on facebook?")).stale == ()


@pytest.mark.parametrize("junk", ["", "   ", "\x00\x01\x02", "?!?!", "\u200b\u200b"])
async def test_empty_or_junk_questions_ask_for_a_question(leaps: PolicyAdvisor, junk: str) -> None:
    with pytest.raises(EmptyQuestion, match="Please type a question"):
        await leaps.answer(junk)


async def test_a_huge_question_is_still_answered_from_its_start(leaps: PolicyAdvisor) -> None:
    question = "can I accept a parent's friend request on facebook? " + "blah " * 20_000
    answer = await leaps.answer(question)
    assert answer.status is AnswerStatus.ANSWERED
    assert len(answer.question) <= 2000
    assert answer.hits[0].clause.ref == "6.9"


@pytest.fixture(scope="module")
def seeds() -> PolicyAdvisor:
    return advisor_for(SEEDS)


FOLLOWED = "do i have to tell anyone if a parent follows me on tiktok?"
TEXTING = "can i text a young person from my own phone?"
PHOTOS = "can i put photos of the kids on my own instagram?"


@pytest.mark.parametrize(
    ("plain", "typed"),
    [
        (FOLLOWED, f"{FOLLOWED} thanks!!"),  # a sign-off
        (FOLLOWED, f"hi all. {FOLLOWED}"),  # a greeting
        (TEXTING, "can i te\u200bxt a young pe\u200brson from my own phone\u200b?"),  # zero-width spaces, pasted
        (
            PHOTOS,
            "\ufeffcan i put pho\u00adto\u00ads of the kids on my own instagram?",
        ),  # soft hyphens, a byte order mark
    ],
)
async def test_a_sign_off_a_greeting_or_invisible_characters_leave_the_answer_as_it_is(
    seeds: PolicyAdvisor, plain: str, typed: str
) -> None:
    expected = await seeds.answer(plain)
    answer = await seeds.answer(typed)
    assert answer.status is AnswerStatus.ANSWERED
    assert [hit.clause.text for hit in answer.hits] == [hit.clause.text for hit in expected.hits]


@pytest.mark.parametrize("told", ["{}", "hi all. {}", "morning all, {} thanks x"])
async def test_a_greeting_or_a_sign_off_leaves_a_worry_a_worry(seeds: PolicyAdvisor, told: str) -> None:
    # the learned check reads every word; "hi all" leads many an everyday question, and is no part of the worry
    worry = (
        "our deputy lost his temper with a year 2 today and screamed at him until he wet himself. "
        "who do i tell when the deputy is the dsl?"
    )
    answer = await seeds.answer(told.format(worry))
    assert answer.status is AnswerStatus.CONCERN
    assert answer.question == told.format(worry)  # shown back as it was typed


async def test_top_k_limits_the_clauses_quoted(leaps: PolicyAdvisor) -> None:
    answer = await leaps.answer("can I post photos of attendees on social media?", top_k=1)
    assert len(answer.hits) == 1
    scores = [h.score for h in (await leaps.answer("photos of attendees on social media", top_k=5)).hits]
    assert len(scores) == 5


async def test_answers_work_on_a_policy_it_was_not_built_around() -> None:
    robotics = advisor_for(CORPUS / "student-robotics-safeguarding.txt")
    answer = await robotics.answer("is it ok to DM one of the competitors on instagram?")
    assert answer.status is AnswerStatus.ANSWERED
    assert any("1-to-1" in h.clause.text or "on-line" in h.clause.text.lower() for h in answer.hits)
    fostering = advisor_for(CORPUS / "wholistic-fostering-social-media.txt")
    answer = await fostering.answer("should I put parental controls on the xbox for the kids in my care?")
    assert any("parental controls" in h.clause.text for h in answer.hits)


async def test_the_lead_asked_about_by_name_or_nickname_is_the_lead() -> None:
    # 'The current Safeguarding Lead is: Thomas Scarsbrook ("Scarzy").'
    robotics = advisor_for(CORPUS / "student-robotics-safeguarding.txt")
    answer = await robotics.answer("is scarzy the one i report things to?")
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.hits[0].clause.text.startswith("All safeguarding incidents and concerns must be reported")
    answer = await robotics.answer("what if the problem is with scarzy")  # a problem with someone is a concern
    assert any("If the concern relates to the Safeguarding Lead" in h.clause.text for h in answer.hits)


async def test_a_definition_of_abuse_answers_a_question_about_that_abuse_not_one_about_photos() -> None:
    # the definitions name "photographs" and "the internet" in passing; neither policy says anything on
    # posting photos of the children
    mosaik = advisor_for(CORPUS / "mosaik-safeguarding.txt")
    answer = await mosaik.answer("can I take photos of the kids at english club for our instagram?")
    assert answer.status is AnswerStatus.NO_MATCH
    answer = await mosaik.answer("what counts as sexual abuse?")
    assert answer.hits[0].clause.text.startswith("Sexual Abuse. Sexual abuse is when")
    church = advisor_for(CORPUS / "city-evangelical-church-leeds-safeguarding.txt")
    answer = await church.answer("holiday club pics - can we put them on the church website?")
    assert answer.status is AnswerStatus.NO_MATCH
    answer = await church.answer("what is emotional abuse?")
    assert "EMOTIONAL ABUSE:** Is the persistent" in answer.hits[0].clause.text


async def test_a_staff_question_prefers_the_rule_for_staff_over_its_twin_for_parents(tmp_path: Path) -> None:
    rules = (
        "- Accept friend requests on social networking sites from any young person at the club, whatever their age.\n"
        "- Send personal messages to young people that have nothing to do with training, matches or club events.\n"
    )
    advisor = advisor_with(
        tmp_path,
        f"# Club social media policy\n\n## Parents must not:\n\n{rules}\n"
        f"## Coaches and volunteers must not:\n\n{rules}",
    )
    answer = await advisor.answer("one of the u15s sent me a friend request on insta, ok to accept?")
    best = answer.hits[0].clause
    assert best.text.startswith("Accept friend requests on social networking sites from any young person")
    assert best.context == "Coaches and volunteers must not:"  # the staff twin, quoted with the heading


@pytest.mark.parametrize(
    "worry",
    [
        "girl in yr 5 says someone she games with keeps asking her to video chat and told her not to tell her mum",
        "a 14 yo showed me messages from a friend's dad asking her to meet up just the two of them",
        "one of our members is getting horrible messages from girls in her group chat every night",
    ],
)
async def test_signs_of_grooming_and_bullying_are_concerns(leaps: PolicyAdvisor, worry: str) -> None:
    answer = await leaps.answer(worry)
    assert answer.status is AnswerStatus.CONCERN


async def test_nasty_messages_to_a_member_of_staff_are_a_policy_question(leaps: PolicyAdvisor) -> None:
    answer = await leaps.answer("an ex-volunteer keeps sending me nasty DMs on insta, should I delete them?")
    assert answer.status is AnswerStatus.ANSWERED


async def test_our_team_is_not_microsoft_teams(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Conduct\n\nAny misuse of social media, including bullying of a colleague online, should be reported "
        "to the Managing Director.\n",
    )
    question = "someone on our team posted nasty stuff about a colleague on fb, who do i tell?"
    answer = await advisor.answer(question)
    assert answer.status is AnswerStatus.ANSWERED  # "team" names no video-call topic the policy lacks
    assert "Managing Director" in answer.hits[0].clause.text


async def test_school_and_workplace_words_find_policy_words(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Staff conduct online\n\n"
        "1. All new staff should receive online safety training as part of their induction programme.\n"
        "2. Employees should never provide references for other individuals on professional networking sites.\n"
        "3. Do not use our logos, brand names, slogans or other trademarks without written permission.\n"
        "4. Volunteers must not share their passwords with anyone, including other members of staff.\n"
        "5. Staff must only ever use physical intervention as a last resort, to prevent injury.\n"
        "6. Work with individual children should be conducted in view of other adults.\n"
        "7. Where a pupil may be in a private fostering arrangement, the DSL will notify the local authority.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("new TA starts monday, does she need to do an e-safety course first?", "1"),  # TA, course
            ("old colleague wants a linkedin recommendation from me, ok?", "2"),
            ("can i use the club badge in a meme im making?", "3"),
            ("yr2 lad was about to launch a chair at another kid. am i allowed to grab him?", "5"),
            ("doing 1:1 reading with a boy, ok to take him in the office and shut the door?", "6"),
            ("one of my yr4s is living with her auntie while mum works away, does the DSL need to know?", "7"),
        ],
    )


async def test_chat_shorthand_finds_policy_words(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Contact with young people\n\n"
        "1. Volunteers must not send private messages to young people on any platform.\n"
        "2. Any child aged under 16 must be collected by a parent or carer at the end of each activity.\n"
        "3. Adults must not take a child home in their car without a parent's written consent.\n"
        "4. On trips, staff must carry the club mobile phone and never use a personal one.\n"
        "5. Staff must not use their own car on trips unless it is insured for business use.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("is it ok dming one of the kids about the rota?", "1"),
            ("a 14yo wants to walk home on her own after the sesh, fine?", "2"),
            ("her stepdad asked me to drop her home, ok?", "3"),
            ("can i just use my own mob on the trip?", "4"),  # a mobile, not a crowd
        ],
    )


async def test_money_in_an_envelope_and_a_lift_to_an_away_game_find_the_rules_on_gifts_and_lifts(
    tmp_path: Path,
) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Conduct\n\n"
        "1. Staff must not give individual gifts or money to a young person, other than team awards.\n\n"
        "2. Staff may accept small gifts such as cards or chocolates from families. Cash and gift vouchers must not "
        "be accepted; any money given is passed to the treasurer as a donation.\n\n"
        "3. Parents may take photos of their own child at matches for family use.\n\n"
        "4. Staff may give a young person a lift to a match only when the parent has agreed in advance and the "
        "welfare officer knows.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("a mum gave me an envelope with £50 in after the presentation night, can i keep it?", "2"),
            ("jaden's mum cant make the away game on sunday, asked if i can take him with me as im going anyway", "4"),
        ],
    )


async def test_being_paid_to_teach_a_child_is_asking_about_private_tuition(tmp_path: Path) -> None:
    policy = (
        "# Conduct\n\n"
        "1. Tutors should reply to learners' messages only between 8am and 8pm.\n\n"
        "2. Physical punishment of any kind is never allowed.\n\n"
        "3. Staff must not give a learner a lift in their own car except in an emergency agreed with the DSL.\n"
    )
    question = "one of the mums asked if i'd tutor her son on weekday evenings, she'd pay me. he's in my english class"
    assert (await advisor_with(tmp_path / "silent", policy).answer(question)).status is AnswerStatus.NO_MATCH
    tuition = "4. Staff must not offer or give paid private tuition to any learner attending the school.\n"
    await assert_answered_first_by(advisor_with(tmp_path / "covers", f"{policy}\n{tuition}"), [(question, "4")])
    # ...and a policy that words it "private paid tutoring" covers it too
    tutoring = "4. Staff must not offer or provide private paid tutoring, online or in person, to pupils on roll.\n"
    await assert_answered_first_by(advisor_with(tmp_path / "words", f"{policy}\n{tutoring}"), [(question, "4")])


async def test_staff_words_for_checks_toilets_visitors_and_suspension_find_policy_words(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Working in schools\n\n"
        "1. Criminal record checks are renewed every five years.\n"
        "2. Use designated staff restrooms only and do not enter student restrooms.\n"
        "3. Information about a child protection case is shared only with those who need to know.\n"
        "4. A volunteer facing an allegation is suspended on full pay while it is investigated.\n"
        "5. Visitors use the school's front entrance and sign in at the office.\n"
        "6. Staff on school visits keep their phones in their bags.\n"
        "7. No adult is ever left alone with a single child.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("my police clearance is from 2019, do i have to redo it?", "1"),
            ("can i use the toilets at the school?", "2"),
            ("is a CP thing confidential?", "3"),
            ("if im off under investigation am i sent home, and do i still get paid?", "4"),
            ("a kid got dropped off early and im the only one in, ok to hang out with her?", "7"),
        ],
    )


async def test_nipping_out_is_leaving_the_venue_and_not_coming_back_is_a_ban(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Events\n\n"
        "1. Participants under 18 need written parental consent to leave the venue.\n"
        "2. As a last resort, a participant who keeps disrupting sessions may be banned for a week.\n"
        "3. The tuck shop sells snacks at every session and the kids can go there in the break.\n"
        "4. Kids who kick off are given a quiet space until they calm down.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("can i let the kids nip out to the shop?", "1"),
            ("one lad keeps kicking off every week, can we tell him not to come back?", "2"),
        ],
    )


def test_a_tradesman_turning_up_is_a_visitor(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Premises\n\n"
        "1. Keys to the hall are held by the chair of the committee.\n"
        "2. We record the details of visitors to the setting in a visitors book.\n"
        "3. The fire exits are checked before every session.\n",
    )
    for question in ("a plumber is here to fix the boiler, anything i need to do?", "electrician coming in at 3, ok?"):
        assert advisor.index.search(question)[0].index == 1, question


async def test_a_train_fare_is_an_expenses_question(leaps: PolicyAdvisor) -> None:
    answer = await leaps.answer("do volunteers get their train fare paid for getting to the venue?")
    assert answer.status is AnswerStatus.NO_MATCH  # not "training"


@pytest.mark.parametrize(
    "question",
    [
        "can I post about our funding getting cut on my facebook?",
        "want to rant on twitter about the fundraising target, ok?",
        "can i post about the club and our funding on my insta?",
        "theres a big argument on the village fb page about the club and our funding, can i jump in and defend us?",
        "the local paper is running a story about the council cutting our funding, can i comment on their post?",
        # where or when a post is made sets the scene too
        "if i post on my day off its nothing to do with the club is it?",
    ],
)
async def test_what_a_post_is_about_is_not_the_subject_asked_about(leaps: PolicyAdvisor, question: str) -> None:
    # funding and fundraising are subjects of their own, but here the question is whether to post
    assert (await leaps.answer(question)).status is AnswerStatus.ANSWERED


async def test_drop_off_at_the_setting_is_not_giving_a_lift(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Phones and cameras\n\n"
        "1. I request that you do not use your mobile phone whilst dropping off and collecting your child.\n"
        "2. Photographs are only taken with your permission.\n",
    )
    answer = await advisor.answer("are parents meant to use phones at drop off?")
    assert answer.status is AnswerStatus.ANSWERED  # a policy silent on lifts home still answers it
    assert answer.hits[0].clause.ref == "1"
    lift = await advisor.answer("can i drop one of the kids off at home after club?")
    assert lift.status is AnswerStatus.NO_MATCH  # dropping someone off is a lift, which it never mentions


async def test_how_news_came_is_not_what_is_asked(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Collection\n\n"
        "1. Children will only be released to the parent or to someone named and authorised by the parent.\n"
        "2. Anyone collecting who I have not met must give the password agreed with the parent.\n",
    )
    answer = await advisor.answer(
        "mum just text to say her brother's collecting today, never met him. how do i know its ok to hand her over?"
    )
    assert answer.status is AnswerStatus.ANSWERED  # the text is how the news came, not a subject it must cover
    asked = await advisor.answer("can i text the parents to say the bus is running late?")
    assert asked.status is AnswerStatus.NO_MATCH  # here texting is what is asked, and the policy never says


async def test_a_time_of_the_session_is_not_what_is_asked(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Recording concerns\n\n"
        "1. Where a child makes comments that give cause for concern, the member of staff makes a written record "
        "of what was said, in the child's words.\n"
        "2. The record is signed and dated and given to the designated person.\n",
    )
    answer = await advisor.answer("a kid said something odd at snack time today, what goes in the written record?")
    assert answer.status is AnswerStatus.ANSWERED  # snacks are a subject of their own, but not here
    assert answer.hits[0].clause.ref == "1"


async def test_a_mealtime_named_alone_is_when_it_happened_not_what_is_asked(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Intimate care\n\n"
        "1. Only members of staff help a child to change after a toileting accident; parent helpers must not take "
        "a child to the toilet.\n"
        "2. Spare clothes are kept in the changing area.\n",
    )
    # snacks are a subject of their own, but here only when
    await assert_answered_first_by(
        advisor, [("a little one had an accident at snack, can the parent helper take her to change?", "1")]
    )


async def test_what_pictures_show_is_not_what_is_asked(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Personal use\n\n"
        "1. Staff should never be friends or linked on social media with children who attend the school.\n"
        "2. Staff should keep their personal accounts private.\n"
        "3. Photos of children are only taken on school devices.\n",
    )
    # pets are a subject of their own, but here what the pictures show
    await assert_answered_first_by(
        advisor, [("a yr 5 asked to follow me on insta, can i accept, my account is all cat pics", "1")]
    )
    pets = await advisor.answer("can i bring my cat in to meet the class?")
    assert pets.status is AnswerStatus.NO_MATCH  # asked about, the policy never says


async def test_what_someone_used_to_do_is_no_use_of_anything(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Contact\n\n"
        "1. Staff should be aware of the risks of communicating with ex-members in ways which may be seen as "
        "inappropriate.\n\n"
        "2. Have informal conversations with young people about safe use of apps and online messages.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("girl who used to come here is messaging me on insta, fine to chat?", "1"),
            ("someone who used to come to club keeps messaging me on instagram, can i chat back", "1"),
        ],
    )


async def test_a_farms_animals_find_the_rule_on_animals_but_are_no_topic_a_photo_shows(tmp_path: Path) -> None:
    farm = advisor_with(
        tmp_path / "farm",
        "# Phones\n\n"
        "1. Staff keep their personal phones in the staff room and must not use them to photograph young people or "
        "to contact families.\n\n"
        "2. Young people may use their own phones at break times and may take photographs of the animals, but must "
        "not photograph each other.\n",
    )
    await assert_answered_first_by(
        farm,
        [
            ("one of the girls wants to take a pic of the goats on her phone to show her nan, ok?", "2"),
            ("can the kids take photos of the lambs on their phones for their grandparents?", "2"),
        ],
    )
    photos = advisor_with(
        tmp_path / "photos",
        "# Photographs\n\n"
        "1. Parents may take photographs of their own child at events for personal use only.\n\n"
        "2. Staff must not use personal phones to photograph children.\n",
    )
    await assert_answered_first_by(photos, [("a mum wants to take pics of her daughter feeding the goats, ok?", "1")])
    # the animals' health is a vet's matter, which the farm's policy never names
    vet = await farm.answer("have the lambs been wormed yet? the year 3s are bottle feeding them tomorrow")
    assert vet.status is AnswerStatus.NO_MATCH


async def test_what_everyone_else_is_busy_with_is_not_what_is_asked(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Toileting\n\n"
        "1. A child who needs help in the toilet is helped by a member of staff, with the door left ajar.\n"
        "2. Any accident is recorded and the parent told at collection.\n",
    )
    answer = await advisor.answer("the others are busy with snacks and a little one needs help in the loo. can i go?")
    assert answer.status is AnswerStatus.ANSWERED  # snacks are what the others are doing, not what is asked
    assert answer.hits[0].clause.ref == "1"


async def test_the_day_something_happens_on_is_not_what_is_asked(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Live lessons\n\n"
        "1. Live lessons are given through the school's Teams account, never a personal one.\n"
        "2. Pupils may keep their cameras off; staff must not insist that cameras are turned on.\n",
    )
    answer = await advisor.answer("a live lesson on teams on the snow day, can i make the kids turn cameras on?")
    assert answer.status is AnswerStatus.ANSWERED  # bad weather is a subject of its own, but here it is when
    assert "2" in [hit.clause.ref for hit in answer.hits]
    asked = await advisor.answer("do we still open on a snow day?")
    assert asked.status is AnswerStatus.NO_MATCH  # here the snow day is what is asked, and the policy never says


@pytest.mark.parametrize("apostrophe", ["'", "’", "‘", "ʼ"])
async def test_a_phones_curly_apostrophes_read_as_straight_ones(tmp_path: Path, apostrophe: str) -> None:
    # phones type "can’t" and "who’s": the worry still goes to its own route, and who holds the lead's role is
    # still asked (and answered by the policy's contacts, not by a rule naming the role)
    advisor = advisor_with(
        tmp_path,
        "# Reporting a concern\n\n"
        "1. Tell the Designated Safeguarding Lead about any concern about a child's welfare before the end of the "
        "session.\n"
        "2. If a child is missing, tell the session leader at once and search the building and grounds.\n\n"
        "# Contacts\n\n"
        "Designated Safeguarding Lead: Ruth Bell\n",
    )
    worry = await advisor.answer(
        f"we{apostrophe}re at the park and i can{apostrophe}t find her anywhere, she was here 10 mins ago"
    )
    assert worry.status is AnswerStatus.CONCERN
    assert worry.hits[0].clause.ref == "2"
    asked = await advisor.answer(f"who{apostrophe}s our designated safeguarding lead?")
    assert asked.status is AnswerStatus.ANSWERED
    assert "Ruth Bell" in asked.hits[0].clause.text


async def test_a_phone_gone_missing_is_lost_property_not_a_missing_child(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Phones\n\n"
        "1. Young people's phones are their own responsibility: the club does not pay for phones that are lost or "
        "broken at sessions.\n"
        "2. Staff use the club phone to contact parents.\n",
    )
    lost = "his phone went missing at drop in and now his mum wants us to pay for a new one?"
    taken = "her iphone went missing from the bag pile during rounders, are we liable?"
    await assert_answered_first_by(advisor, [(lost, "1"), (taken, "1")])
    asked = await advisor.answer("what do we do if a kid goes missing at drop in?")
    assert asked.status is AnswerStatus.NO_MATCH  # a missing child, which this policy never covers


async def test_an_asking_sentence_pointing_back_asks_about_the_scene_before_it(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Club rules\n\n"
        "1. Juniors must not be served alcohol at the club bar.\n"
        "2. Juniors play in adult sides from the age of 11 with a parent's consent.\n",
    )
    question = "caught one of the u17s vaping by the pavilion. is there a club rule on that or do i just have a word"
    assert (await advisor.answer(question)).status is AnswerStatus.NO_MATCH  # the rule asked about is on vaping
    await assert_answered_first_by(
        advisor, [("one of the u17s asked for a pint at the bar. is there a club rule on that?", "1")]
    )


async def test_asking_what_to_tell_someone_asks_about_the_scene_before_it(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Photographs\n\n"
        "1. Photos and video of members are taken only on the club camera, with a parent's written consent.\n"
        "2. Parents may ask to see the photos held of their own child.\n",
    )
    # "what do i tell her" names nothing: what is asked about is the CCTV, which this policy never covers
    cctv = "a mum is asking if we have cctv and whether she can see the footage of her son. what do i tell her"
    assert (await advisor.answer(cctv)).status is AnswerStatus.NO_MATCH
    photos = "a mum is asking if she can see the photos we took of her son. what do i tell her"
    await assert_answered_first_by(advisor, [(photos, "2")])


async def test_how_long_something_lasts_is_not_what_is_asked(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Money\n\n"
        "1. Staff must not lend money to, or borrow money from, residents.\n"
        "2. Residents' savings are kept in the office safe.\n",
    )
    # pay is a subject of its own, but here it is until when
    short = "a resident is short til payday and wants to borrow a tenner, can i lend it her"
    waiting = "one of the residents wants to borrow a tenner till his wages come in, can i lend it?"
    await assert_answered_first_by(advisor, [(short, "1"), (waiting, "1")])
    asked = await advisor.answer("when is payday this month?")
    assert asked.status is AnswerStatus.NO_MATCH  # here pay is what is asked, and the policy never says


async def test_a_one_word_asking_sentence_names_what_the_policy_must_cover(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Outings\n\n"
        "1. Staff must not take children to the park on their own without a second adult or the parent's consent.\n"
        "2. Outings are recorded in the diary.\n",
    )
    answer = await advisor.answer("how many under 5s am i allowed to take to the park on my own? whats the ratio")
    assert answer.status is AnswerStatus.NO_MATCH  # it never gives a ratio


async def test_the_phone_a_video_is_filmed_on_is_not_the_subject_asked_about(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Festival rules\n\n"
        "1. Photography or video recording is not allowed, but an authorised photographer may be available.\n"
        "2. Performers wait in the changing areas until they are called.\n",
    )
    answer = await advisor.answer("parent asking if they can video their daughters piano piece on their phone?")
    assert answer.status is AnswerStatus.ANSWERED  # the policy says nothing on phones, and needn't
    assert answer.hits[0].clause.ref == "1"


@pytest.mark.parametrize(
    "question",
    [
        "after a head knock how long does a u14 have to sit out before they can play again?",
        "what's the max number of kids one leader can have at a session, is it 1:6 or 1:8?",
        "how much can I claim per mile for driving to away fixtures?",
        "how many coaches do we need per kids at the junior sessions?",
        "can i give one of the kids a lift home after the session? its on my way",
        "are the teenagers allowed to share a room at the sleepover?",
        "how long are we meant to keep the kids photos on the work laptop before deleting them?",
        "how long is the cctv footage from the camera by the gate kept for?",
        "are we insured if one of the kids breaks the club camera?",
        "is there a dress code for leaders at the presentation evening?",
        "how long does a kid with chickenpox have to stay off before they can come back?",
        "what's the hourly rate for the holiday club shifts and when do we get paid?",
        "what do we charge if a parent is late collecting after 6?",
        "can i wear my gym leggings and a crop top on sports day instead of the usual?",
        "the printer's jammed again, who do i ask to sort it?",
        "if there's a snow day do we still get paid?",
        "can i bring my dog into the office on fridays?",
        "is there a travel allowance for leaders on the residential weekend?",
        "do volunteers get petrol money for driving the kit to away games?",
        "how often do we need to redo our safeguarding training?",
        "opening up the centre at 7am on my own on saturday, is there a lone working procedure I should follow?",
        "can I swap my tuesday shift with another leader? who sorts the rota?",
        "one of our members has epilepsy, whats the procedure if he has a seizure at a session?",
        "how many kids can one instructor have on the climbing wall at the same time?",
        "whats the maximum number of toddlers each member of staff can look after?",
        "we have 20 attendees coming to the social, is there a set number of staff we need?",
        "if it snows on friday who decides whether club is on and who tells the parents?",
        "do volunteers get lunch money when we take the kids out?",
        "i ring parents from my own mobile all the time, can i claim part of my bill back?",
    ],
)
async def test_everyday_questions_outside_a_social_media_policy_say_so(leaps: PolicyAdvisor, question: str) -> None:
    assert (await leaps.answer(question)).status is AnswerStatus.NO_MATCH


YOUTH_CENTRE = (
    "# Youth centre online safety\n\n"
    "1. Young people may use their own phones at the centre, but phones must not be used in the toilets or the sports "
    "hall changing area.\n\n"
    "2. The club's Instagram, Facebook and website are run by the Communications Officer. At least two committee "
    "members hold the log-in details.\n\n"
    "3. This policy applies to all coaches, committee members, helpers and members who help at a session.\n\n"
    "4. Do not post about sessions, trips or members on your personal accounts, even without faces or names.\n\n"
    "5. The committee reviews this policy every year.\n"
)


@pytest.mark.parametrize(
    "question",
    [
        "how do i book the sports hall for my sons 9th birthday party",
        "when's the agm this year and can ordinary members vote or just committee",
        "a few of the young people want to make a podcast and put it on spotify. just voices, no names. ok?",
        # someone to interpret, tickets for an event, who owns what is made
        "one of our members wants her aunt to come to sessions and translate for her, is that ok with the club?",
        "do parents need to buy tickets for the members' presentation night?",
        "who owns the copyright on the posts on the club instagram?",
        # keeping a place when someone misses sessions
        "if a member misses a few sessions in a row do they keep their spot?",
    ],
)
async def test_booking_a_room_the_agm_and_podcasts_are_topics_a_policy_covers_or_not(
    tmp_path: Path, question: str
) -> None:
    # each question shares words with a clause ("sports hall", "committee", "members"), not its subject
    assert (await advisor_with(tmp_path, YOUTH_CENTRE).answer(question)).status is AnswerStatus.NO_MATCH


async def test_a_policy_on_podcasts_answers_a_question_about_one(tmp_path: Path) -> None:
    podcasts = "6. Podcasts made by young people are checked by a youth worker before they go on Spotify.\n"
    policy = f"{YOUTH_CENTRE}\n{podcasts}"
    await assert_answered_first_by(
        advisor_with(tmp_path, policy),
        [("a few of the young people want to make a podcast and put it on spotify. just voices, no names. ok?", "6")],
    )


async def test_a_policy_on_interpreters_answers_a_question_about_one(tmp_path: Path) -> None:
    interpreters = (
        "6. Where a member or parent needs an interpreter, the youth worker arranges one through the council.\n"
    )
    answer = await advisor_with(tmp_path, f"{YOUTH_CENTRE}\n{interpreters}").answer(
        "a mum at drop-in only speaks polish, can we get someone to translate for her?"
    )
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.hits[0].clause.ref == "6"


async def test_a_publication_is_not_public_nor_a_reference_a_referral(tmp_path: Path) -> None:
    # the stemmer cuts "publications" to "public" and "references" to "refer"; they are kept apart
    advisor = advisor_with(
        tmp_path,
        "# Conduct\n\n"
        "1. The person in charge of a session must be the person who signs the register for it.\n\n"
        "2. Adult material which breaches the Obscene Publications Act must be reported to the police.\n\n"
        "4. It is not for staff to investigate a suspicion of abuse, only to refer it.\n\n"
        "5. New volunteers must give two written references before they start.\n\n"
        "3. Staff must keep their own use of social media private and should check their privacy settings.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("can my profile be public?", "3"),
            ("do i need to refer anything i'm worried about?", "4"),
            ("want to help at sunday club, will they want references from me?", "5"),
        ],
    )


@pytest.mark.parametrize(
    "question",
    [
        "can i share the club's podcast on my personal insta?",
        "can i post a link to my podcast on the work facebook page?",
        "can we post the lunch menu on our facebook page?",
        "can i mention the agm on the club instagram?",
    ],
)
async def test_what_is_put_on_a_page_is_what_the_post_shows_not_a_topic_the_policy_must_cover(
    leaps: PolicyAdvisor, question: str
) -> None:
    assert (await leaps.answer(question)).status is AnswerStatus.ANSWERED


@pytest.mark.parametrize(
    "question",
    [
        "what constitutes a breach of the social media policy?",
        "does name calling constitute bullying?",
        "can i share my views on the general election on my personal fb?",
    ],
)
async def test_a_question_in_the_words_of_governance_is_not_about_the_organisations_agm(
    leaps: PolicyAdvisor, question: str
) -> None:
    assert (await leaps.answer(question)).status is AnswerStatus.ANSWERED


async def test_words_the_stemmer_would_join_keep_their_own_sense(tmp_path: Path) -> None:
    # Snowball cuts "tripped" to "trip" (an outing) and "sexuality" to "sexual" (harm)
    advisor = advisor_with(
        tmp_path,
        "# Conduct\n\n"
        "1. Trips away from the hall need a risk assessment and written consent from parents.\n\n"
        "2. Staff record any accident, such as a fall or a bumped head, in the accident book the same day.\n\n"
        "3. Staff must not discuss a young person's sexuality with anyone without the young person's agreement.\n\n"
        "4. Sexual abuse, or a suspicion of it, is reported to the safeguarding lead at once.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("one of the kids tripped over a bag in the hall and grazed her knee, do i need to write it down?", "2"),
            ("one of my year 10s told me about her sexuality in confidence, can i mention it to her mum?", "3"),
        ],
    )


@pytest.mark.parametrize(
    ("policy", "question"),
    [
        (
            "# Safeguarding\n\nThe person in receipt of allegations or suspicions of abuse should report them as "
            "soon as possible to the Safeguarding Co-ordinator, and follow them up in writing on a cause for concern "
            "form.\n",
            "bought craft stuff for holiday club out of my own pocket, how do i claim it back?",
        ),
        (
            "# Communications\n\nUsers must immediately report to the nominated person the receipt of any "
            "communication that makes them feel uncomfortable or is offensive. Staff attend online safety training "
            "every year.\n",
            "can i claim mileage for driving to the online safety training day?",
        ),
        (
            "# Trips\n\nLeaders plan routes that allow for rest stops, and share them with parents before the trip. "
            "Leaders carry a first aid kit and a list of emergency contacts.\n",
            "how much is the weekly allowance for a young person on the trip?",
        ),
        (
            "# Anti-bullying\n\nWe are committed to the prevention of bullying, and every report of bullying is "
            "recorded by the session lead and shared with parents.\n",
            "what does the prevent duty mean for us?",
        ),
        (
            "# Worries\n\nIf you are worried but nothing has been said, for example about weight loss, new expensive "
            "items or older friends picking a child up, tell the DSL the same day.\n\nAll volunteers complete a "
            "booking form before their first session.\n",
            "wheres the form to claim back the pizza money from saturday",
        ),
        (
            "# Climbing wall\n\nChildren's legs and arms must be covered on the climbing wall, and leaders check "
            "every harness before a climb.\n",
            "can staff wear leggings to work?",
        ),
        (
            "# Online contact\n\nStaff keep communication open to parents, and messages to young people go through "
            "the club's group chat only.\n",
            "can i wear open-toed sandals at the summer fete?",
        ),
        (
            "# Consent\n\nConsent for photographs must be granted by a parent, and the club manager may grant "
            "permission for a trip only when every form is returned.\n",
            "who writes the funding bids and grant applications for the club?",
        ),
        (
            "# Physical contact\n\nAny touching must be outside of clothing, in view of others, and only when an "
            "activity needs it.\n",
            "is there a dress code for staff at the summer fete?",
        ),
        (
            "# Adults at risk\n\nFinancial abuse includes someone collecting another person's pensions or benefits. "
            "Our sessions cater for different levels of ability.\n",
            "when does the catering team need the food hygiene forms, and how do i join the pension scheme?",
        ),
        (
            "# Trips\n\nParents complete a consent form with their child's medical details and emergency contacts "
            "before any trip, and the trip leader carries the forms.\n",
            "a mum asked me to give her son his inhaler medicine at lunch on the trip. am i allowed to?",
        ),
    ],
)
async def test_words_that_stem_alike_do_not_make_a_topic_the_policy_covers(
    tmp_path: Path, policy: str, question: str
) -> None:
    advisor = advisor_with(tmp_path, policy)
    answer = await advisor.answer(question)
    assert answer.status is AnswerStatus.NO_MATCH


async def test_who_is_the_lead_finds_the_clause_with_their_contact_details(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Safeguarding\n\n"
        "All concerns about a young person must be reported to the Designated Safeguarding Lead without delay.\n\n"
        "The Designated Safeguarding Lead keeps records of concerns and refers them to children's services.\n\n"
        "The Designated Safeguarding Lead is Jo Bloggs: jo.bloggs@example.org.uk, 07700 900123.\n\n"
        "If the Designated Safeguarding Lead is away, the Deputy Designated Safeguarding Lead takes the lead.\n",
    )
    for question in ("who's our dsl and how do i contact them?", "whats the number for the dsl?"):
        answer = await advisor.answer(question)
        assert "jo.bloggs@example.org.uk" in answer.hits[0].clause.text, question


@pytest.mark.parametrize(
    "question",
    [
        "can I accept a parent's friend request?",
        "is it ok to have a quick scroll on fb when its quiet on shift?",
        "how many days of annual leave do I get at Easter?",
    ],
)
async def test_asking_for_fewer_clauses_never_changes_the_verdict(leaps: PolicyAdvisor, question: str) -> None:
    one, three = await leaps.answer(question, top_k=1), await leaps.answer(question, top_k=3)
    assert one.status is three.status
    assert one.hits == three.hits[:1]


async def test_a_games_session_is_an_activity_not_screen_time() -> None:
    advisor = advisor_for(SEEDS / "000_93b0e619727f1d44.txt")
    answer = await advisor.answer("a girl's phone got smashed during the games session, do we have to replace it?")
    assert answer.hits[0].clause.text.startswith("Service users are responsible for their own personal belongings")


async def test_with_several_policies_loaded_naming_the_organisation_finds_its_policy() -> None:
    advisor = advisor_for(SEEDS)
    question = "I volunteer with LEAPS, who do I go to if a colleague posts something worrying online?"
    answer = await advisor.answer(question)
    assert answer.hits[0].clause.source == "001_2ee1f2c645ae7313.txt"


async def test_a_worry_quotes_the_steps_to_take_and_not_the_rule_it_is_about(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Safeguarding\n\n"
        "1. Report any concern about a child to the Designated Safeguarding Lead immediately, in person or by phone.\n"
        "2. Record what you saw or were told, in the words used, and give the record to the Designated "
        "Safeguarding Lead the same day.\n"
        "3. If a child is in immediate danger, call 999 and then tell the Designated Safeguarding Lead.\n"
        "4. Concerns about a member of staff are reported to the Designated Safeguarding Lead, or to the chair "
        "if they involve the lead.\n\n"
        "# Online conduct\n\n"
        "5. Staff must not message young people from personal social media accounts such as Snapchat.\n\n"
        "# Lost children\n\n"
        "6. If a parent tells you their child is lost, search the site with another adult and ask the office to "
        "make an announcement.\n",
    )
    worry = "i've seen one of the leaders messaging a 12 year old boy on snapchat late at night, she says its banter"
    answer = await advisor.answer(worry)
    assert answer.status is AnswerStatus.CONCERN
    refs = [hit.clause.ref for hit in answer.hits]
    assert refs[0] == "4"  # the procedure for a worry about a member of staff
    # the rule the leader broke says nothing of what to do now: each clause quoted says whom to tell
    assert "5" not in refs
    assert all("Designated Safeguarding Lead" in hit.clause.text for hit in answer.hits)
    one = await advisor.answer(worry, top_k=1)
    assert [hit.clause.ref for hit in one.hits] == ["4"]  # asked for one clause: the procedure
    # steps of their own for what the message tells, in its words, are quoted with the route to the lead
    lost = await advisor.answer(
        "a mum is at the gate in a panic, her little boy isnt with her and she thinks he wandered off"
    )
    assert lost.status is AnswerStatus.CONCERN
    assert "6" in [hit.clause.ref for hit in lost.hits]


@dataclass(frozen=True)
class FirstClause:
    """A policy written for the test, a question, and the clause that must answer it: by its ref (first, or
    among the first `within`), or by how its text starts (first)."""

    policy: str
    question: str
    ref: str = ""
    within: int = 1
    starts: str = ""
    exact: bool = False  # the clause is `starts`, whole

    def __post_init__(self) -> None:
        if bool(self.ref) == bool(self.starts):
            raise ValueError("a case names its clause by ref or by how its text starts, one of the two")


# What a question's words mean in a policy's words: each case names the behaviour it pins.
FIRST_CLAUSE = {
    "parents videoing the panto are the audience filming": FirstClause(
        "# Photos and filming\n\n"
        "1. Staff must not take photos or video of children on their personal phones.\n"
        "2. Filming and photography by the audience is not permitted during performances.\n"
        "3. The official photographer's photos are shared with families through a private link.\n",
        "mums and dads keep asking if they can video the panto on their phones for the grandparents, is that ok?",
        ref="2",
    ),
    "the lead named comes before a clause giving only their number": FirstClause(
        "# Reporting\n\n"
        "1. If the Safeguarding Co-ordinator is away, ring the church office on 01632 960100.\n\n"
        "# Named people\n\n"
        "Safeguarding Co-ordinator: Grace Holt\n",
        "who is our safeguarding co-ordinator?",
        ref="Named people",
    ),
    "on a children's ward the kids are its patients": FirstClause(
        "# Ward rules\n\n"
        "1. Play workers must never film the ward garden for social media.\n"
        "2. Play workers must never film patients for social media, on the ward, in the playroom or in the school "
        "room.\n"
        "3. Visitors must wash their hands when they arrive on the ward.\n",
        "can i film the kids for tiktok?",
        ref="2",
    ),
    "a phone on my contract is a phone contract, not my employment contract": FirstClause(
        "# Money\n\n"
        "1. Hosts keep a record of pocket money given to the young person.\n"
        "2. Hosts must not take out a mobile phone contract or any credit in their own name for a young person, "
        "even if the young person offers to pay it back.\n",
        "can i put a phone on my contract for one of the young people?",
        ref="2",
    ),
    "a present is a gift": FirstClause(
        "# Leaders\n\n"
        "1. Leaders may give small gifts to the whole group, never to one young person alone.\n"
        "2. Young people present their projects to parents at the end of term.\n"
        "3. Leaders do not give lifts to young people.\n",
        "i was going to get each of the cubs a little keyring as a present. is that allowed?",
        ref="1",
    ),
    "asking to borrow money is lending": FirstClause(
        "# Boundaries\n\n"
        "1. Alcohol is never bought for a young person on trips.\n"
        "2. Leaders must never lend young people money.\n"
        "3. Young people are collected by a parent at the end of each trip.\n",
        "a young person asked to borrow some cash off me for the bus, can i?",
        ref="2",
    ),
    "a child who wet himself needs intimate care": FirstClause(
        "# Care\n\n"
        "1. Reception children are collected from their classroom by a member of staff at 3.15pm.\n"
        "2. Intimate care is given only by staff named in the child's care plan, never by students or volunteers.\n"
        "3. Spare clothes are kept in the cupboard by the sink.\n",
        "one of the reception boys has just wet himself and everyone is busy, can i take him and help?",
        ref="2",
    ),
    "the window in a door is its vision panel": FirstClause(
        "# One-to-one lessons\n\n"
        "1. Lessons take place in rooms with a vision panel in the door, which must never be covered.\n"
        "2. Lessons end on time so that the next learner is not kept waiting in the corridor.\n",
        "a parent put a poster over the little window in my door so no one stares in during lessons, is that ok?",
        ref="1",
    ),
    "someone who added me sent a friend request": FirstClause(
        "# Contact with families\n\n"
        "1. Staff must not give their personal phone number or social media details to parents.\n"
        "2. If a parent sends you a friend request, you may decline it politely.\n"
        "3. If a child has not been collected, the key person will phone the parent.\n",
        "one of the mums added me on fb last night, do i have to say no?? feels rude",
        ref="2",
    ),
    "a phone that died is out of charge": FirstClause(
        "# Work phones\n\n"
        "1. The team uses WhatsApp Business on work phones to tell young people about sessions and trips.\n"
        "2. Never contact a young person from a personal device, even if your work phone is out of charge.\n",
        "work phone died mid session and one of the girls needs to msg me about the trip, can i give her mine?",
        ref="2",
    ),
    "a kiss in the show is one in a production": FirstClause(
        "# Rehearsals and performances\n\n"
        "1. Rehearsals for under-16s finish by 9pm and a chaperone signs each child out.\n"
        "2. Stage kisses involving under-18s are staged, not performed; actual kissing is never required in a "
        "production.\n",
        "in the spring show the two leads (14 and 15) have a kiss at the end of act 2. they're both cringing about "
        "it. do they actually have to kiss?",
        ref="2",
    ),
    "money slipped into a christmas card is a gift of cash": FirstClause(
        "# Money\n\n"
        "1. Staff must never use their own bank cards when buying things for the people they support.\n"
        "2. Staff must not accept cash, vouchers or gift cards of any value.\n",
        "one of the ladies i support put £20 in my xmas card and said im her favourite, can i keep it?",
        ref="2",
    ),
    "lying in bed is joining from a bedroom": FirstClause(
        "# Online classes\n\n"
        "1. Two adults must be in every online class involving under-18s.\n"
        "2. Students join with cameras on from a shared family space, such as a living room, not a bedroom.\n",
        "one of the girls always logs on lying in bed under the duvet, is that a problem?",
        ref="2",
    ),
    "a YL is a young leader": FirstClause(
        "# Photos\n\n"
        "1. Leaders must not post photos of young people on their personal accounts.\n"
        "2. Young Leaders must not post photos of their section on their own social media.\n",
        "our YL keeps putting pics from beavers on her insta story, is she allowed?",
        ref="2",
    ),
    "a day off is when, not leave asked for": FirstClause(
        "# Work phones\n\n"
        "1. Work phones are switched off outside working hours, and staff do not answer them on days they are "
        "not working.\n"
        "2. Group chats for projects must have at least two members of staff in them.\n",
        "do i actually have to answer my work phone on my day off? one of the girls keeps messaging me",
        ref="1",
    ),
    "an apple watch is a smartwatch": FirstClause(
        "# Phones and devices\n\n"
        "1. Personal phones are kept in the staff room and never used to take photos of the children.\n"
        "2. Smartwatches that can send messages must not be worn while working with children.\n",
        "can i wear my apple watch on shift? i mostly use it for steps",
        ref="2",
    ),
    "leaving phones in the office is handing them in": FirstClause(
        "# Phones on club days\n\n"
        "1. The office phone is used for all contact with parents on club days.\n"
        "2. Children hand in their phones at sign-in and collect them when they leave.\n",
        "do the kids really have to leave their phones in the office all day? parents say they cant reach them",
        ref="2",
    ),
    "airpods are headphones": FirstClause(
        "# On the yard\n\n"
        "1. Headphones and earbuds must not be worn by anyone leading or riding a horse.\n"
        "2. Staff leading a horse keep both hands on the lead rope.\n",
        "can i wear my airpods when im leading the little ones round?",
        ref="1",
    ),
    "borrowing a tenner is lending money": FirstClause(
        "# Money\n\n"
        "1. Do not lend or give money to young people, however much you want to help.\n"
        "2. Young people may borrow books and games from the club library until the following week.\n",
        "one of my lads asked to borrow a tenner till friday, is that alright?",
        ref="1",
    ),
    "weigh-ins are about weight": FirstClause(
        "# Coaching\n\n"
        "1. Coaches must not comment on a gymnast's weight or body shape.\n"
        "2. Coaches plan each session with a warm up and a cool down.\n",
        "are we allowed to do weigh ins with the squad every week?",
        ref="1",
    ),
    # PDF extractions often run an agreement's title into its first paragraph
    "a staff question prefers the staff agreement to the pupils' one": FirstClause(
        "# Online safety policy\n\n"
        "Pupil Acceptable Use Agreement. I will keep my password secret and not tell it to anyone.\n\n"
        "Acceptable Use Agreement, signed each September. I will keep my password secret and not tell it to anyone.\n",
        "can i tell someone my password?",
        starts="Acceptable Use Agreement, signed each September",
    ),
    "a contracted negation finds vocabulary written with 'not'": FirstClause(
        "# Safeguarding\n\n"
        "1. Record the details of any concern, and report the concern to the safeguarding team in 24 hours.\n\n"
        "2. If you believe the organisation is not responding appropriately to a concern, you can follow the "
        "whistleblowing procedure.\n",
        "what if they aren't handling my concern properly?",
        ref="2",
    ),
    "a 'do not' rule beats a description in the same words": FirstClause(
        "# Photographs\n\n"
        "Volunteers share photographs of club events on their own social media pages.\n\n"
        "Do not share photographs of club events on your own social media pages.\n",
        "can volunteers share photographs of club events on social media?",
        starts="Do not share",
    ),
    "one sentence saying it beats the words scattered over a paragraph": FirstClause(
        "# Technology\n\n"
        "Young people may bring phones to the club. Staff must take photographs at club events. Personal details "
        "of young people stay private.\n\n"
        "Nobody should take photographs of young people at club events on a personal phone. The club camera is "
        "kept in the office and signed out by the session lead. Images are stored on the club computer and "
        "deleted at the end of each term. Parents are asked every September which images may be used.\n",
        "can I take photographs of the young people on my personal phone?",
        starts="Nobody should take photographs",
    ),
    # the stemmer cuts 'critically' and 'criticism' alike to 'critic'
    "being critically aware is not criticism": FirstClause(
        "# Social media\n\n"
        "1. Pupils should be taught to be critically aware of the content they see online.\n"
        "2. Staff must not criticise the club or its members on their own pages.\n",
        "is posting criticism of the club online ok?",
        "2",
    ),
    # 'keys' of a building is a topic a policy covers or not
    "a key child is not the building's keys": FirstClause(
        "# Social media\n\n"
        "1. Staff must not accept friend requests from parents of children at the setting.\n"
        "2. Staff must keep their own social media profiles private.\n",
        "my key child's mum sent me a friend request, can i accept it?",
        "1",
    ),
    "a child on his own is a child left unattended": FirstClause(
        "# Visitors\n\n"
        "1. Members may use the workshop tools after their induction.\n"
        "2. Children must never be left unattended in the building.\n",
        "my nephew is 9, is it ok if he stays on his own for an hour?",
        "2",
    ),
    "a policy looked at again is a policy reviewed": FirstClause(
        "# Child protection policy\n\n"
        "1. Look at the child directly and do not promise to keep secrets.\n"
        "2. This policy will be reviewed a year after adoption and then every three years.\n",
        "how often does the child protection policy get looked at again?",
        "2",
    ),
    # the index reads a clause as its reader does: "**M**eeting" is the word "Meeting"
    "a word Markdown bolds in part is still that word": FirstClause(
        "# Keeping safe online\n\n"
        "Carers should make sure young people know the SMART tips: **M**eeting - people you have contacted "
        "online can be dangerous.\n\n"
        "Carers should talk to young people about the people they play games with online.\n",
        "what should i tell the kids about meeting people?",
        starts="Carers should make sure",
    ),
    "a phone question finds the rule on personal devices": FirstClause(
        "# Devices\n\n"
        "1. Staff must keep personal devices in the staff room during sessions with young people.\n"
        "2. Staff must keep their personal social media profiles private.\n",
        "are staff allowed to be on their phones during sessions with the kids?",
        "1",
    ),
    # "phone them up" is calling: not a device a policy without phones lacks (which would be "no match")
    "phoning someone is calling, not a question about phones": FirstClause(
        "# Referrals\n\n"
        "1. Volunteers must not make referrals to external agencies; any referral is made by the safeguarding "
        "lead.\n"
        "2. Staff must keep their personal social media profiles private.\n",
        "she needs social care involved. can i just phone them up and refer her myself?",
        "1",
    ),
    # the policy never says "ratio": it asks for enough staff for the number of participants
    "a ratio question finds the rule on sufficient supervision": FirstClause(
        "# Venue and supervision\n\n"
        "1. There must be sufficient staff supervision relative to the number and age of participants. Our "
        "recommendation is 1 member of staff to 15 participants.\n"
        "2. Participants must not roam unsupervised in restricted areas.\n",
        "we're expecting 60 kids at the hackathon. how many adults do we need?",
        "1",
    ),
    "someone at the door is a visitor": FirstClause(
        "# Keeping the building safe\n\n"
        "1. Staff must not let young people leave the building at the end of a session without a known adult.\n"
        "2. Every visitor must sign the visitors book at reception and wear a badge while in the building.\n"
        "3. Fire exits must be kept clear at all times.\n",
        "a man at the door says he's here to read the meter, do I let him in?",
        "2",
    ),
    # 'parking' stems to 'park': the vocabulary names parking in phrases
    "a trip to the park is not a car park question": FirstClause(
        "# Photographs\n\n"
        "1. Parents may take photographs of their own children at club events, and must not post images of other "
        "children online.\n"
        "2. Staff must not use personal phones to photograph young people.\n",
        "we're taking the kids to the park on friday, can parents take photos?",
        "1",
    ),
    "a rule comes before a link to further reading": FirstClause(
        "# Safeguarding\n\n## Training\n\n"
        "Every new volunteer completes the safeguarding course in their first month with us.\n\n"
        "## Further information\n\n"
        "- [Safeguarding training for staff and volunteers](http://example.org/safeguarding/training/new-staff)\n"
        "- [Working Together to Safeguard Children](http://example.org/working-together)\n",
        "is there safeguarding training for new staff?",
        "Training",
    ),
    "who can help me finds whom to contact": FirstClause(
        "# Photos\n\n"
        "1. Photos of young people must be stored on the club drive, never on personal phones.\n"
        "2. Delete photos when a parent asks, and tell the leader who took them.\n"
        "3. If you need support on a difficult case, contact the data protection team.\n",
        "a parent wants every photo of her kid deleted and i'm out of my depth. who can help me?",
        "3",
        within=3,
    ),
    "a usb stick is data taken off site": FirstClause(
        "# Equipment\n\n"
        "1. Laptops must be switched off and locked away at the end of each day.\n"
        "2. Any faults should be reported to the office manager.\n"
        "3. Personal data taken off site must be encrypted and password protected.\n",
        "can i put the reports on my usb stick to finish at home?",
        "3",
    ),
    # zoom is a subject this policy never names
    "whether the policy applies is its scope's to say": FirstClause(
        "# Safeguarding\n\n"
        "1. This policy applies to all staff and volunteers, and covers all our activities with young people.\n"
        "2. Concerns about a young person are reported to the safeguarding lead the same day.\n",
        "we're running some sessions on zoom now, does the safeguarding policy still apply?",
        "1",
    ),
    "the ref is a match official": FirstClause(
        "# Social media\n\n## Coaches must not:\n\n"
        "1. Post personal comments about the club, match officials or opposition teams.\n"
        "2. Share their personal numbers with young players.\n",
        "the ref was shocking on sunday, can i have a rant about him on my own facebook?",
        "1",
    ),
    "what I believe is faith": FirstClause(
        "# Conduct\n\n"
        "1. Staff must not share condemning views on contentious theological topics with young people.\n"
        "2. Staff must wear their lanyard at all times when working with young people.\n"
        "3. Young people must be collected by a parent at the end of each session.\n",
        "a 15yo asked me what I think about gay relationships, can I tell her what I believe?",
        "1",
    ),
    "my own phone is personal equipment": FirstClause(
        "# Images\n\n"
        "1. Those images should only be taken on school equipment; the personal equipment of staff should not be "
        "used for such purposes.\n"
        "2. The data must be securely deleted from the device, in line with school policy, once it has been "
        "transferred or its use is complete.\n"
        "3. Pupils' full names will not be used anywhere on a website or blog, particularly in association with "
        "photographs.\n",
        "the tablet's flat, ok to take pictures of the art display on my own phone for the blog and delete them later?",
        "1",
    ),
    "getting sacked is what a breach leads to": FirstClause(
        "# Social media\n\n"
        "1. Staff must keep their personal social media accounts private.\n"
        "2. Staff must not post anything about young people on their own accounts.\n"
        "3. A breach of this policy may lead to disciplinary action, including dismissal.\n",
        "could i actually get sacked over something i post on my own fb??",
        "3",
    ),
    # a clause stating what follows a breach is a rule of its own, though it has no "must"
    "breaking the rules asks what follows, not where a breach is reported": FirstClause(
        "# Conduct\n\n"
        "1. Staff must keep personal phones in the staff room and use them only on their lunch break.\n"
        "2. Staff must not post about service users online; any breach of this rule must be reported to the "
        "manager.\n"
        "3. Failure to follow this policy will be treated as misconduct and may result in disciplinary action.\n",
        "what happens to me if i break the rules?",
        "3",
    ),
    # a break from work is time off, not breaking a rule
    "checking my phone on my break is about the lunch break": FirstClause(
        "# Conduct\n\n"
        "1. Staff must keep personal phones in the staff room and use them only on their lunch break.\n"
        "2. Staff must not post about service users online; any breach of this rule must be reported to the "
        "manager.\n"
        "3. Failure to follow this policy will be treated as misconduct and may result in disciplinary action.\n",
        "ok to scroll insta on my break?",
        "1",
    ),
    # tech is technology, and being hopeless with it is finding it difficult
    "hopeless with tech asks where support with technology is": FirstClause(
        "# Online safety\n\n"
        "1. Children must not be left alone on the club's tablets.\n"
        "2. Volunteers finding digital technology difficult should ask the club's online safety lead for support.\n"
        "3. Children's own phones stay in their bags during sessions.\n",
        "im hopeless with tech tbh and the kids know way more than me, who can help?",
        "2",
    ),
    # someone staying with a child is supervising her
    "someone staying with a child on a device is supervision": FirstClause(
        "# Devices\n\n"
        "1. Children may use the club laptop for homework.\n"
        "2. Children using club devices must be supervised by a leader at all times.\n"
        "3. Staff must not let children use their personal phones.\n",
        "one of the girls wants to play a game on the club laptop, does someone have to stay with her?",
        "2",
    ),
    # about to start is commencing employment
    "about to start asks what to do when commencing": FirstClause(
        "# Social media\n\n"
        "1. Staff must review the privacy settings of their social media accounts when they commence employment.\n"
        "2. Staff must not accept friend requests from young people on their social media accounts.\n"
        "3. Staff sign in at reception.\n",
        "about to start as a volunteer, anything i should sort on my insta account?",
        "1",
    ),
    # whether someone counts as an adult is what the policy classes them as
    "counting as an adult asks what members are classed as": FirstClause(
        "# Safeguarding\n\n"
        "1. For consistency, all members of the youth band are classed as children, whatever their age.\n"
        "2. Adults who help at band practice must have a DBS check.\n"
        "3. Safeguarding concerns about an adult are reported to the welfare officer.\n",
        "one of our drummers turned 18, does she count as an adult now for the safeguarding stuff?",
        "1",
    ),
    # a worry to do with the lead is one that relates to the lead
    "a worry to do with the lead finds where one relating to the lead goes": FirstClause(
        "# Reporting\n\n"
        "1. All safeguarding concerns must be reported to the Safeguarding Lead without delay.\n"
        "2. If the concern relates to the Safeguarding Lead, report it to the chair of trustees.\n"
        "3. Records of concerns are kept by the Safeguarding Lead.\n",
        "what if the thing im worried about is to do with the safeguarding lead herself?",
        "2",
    ),
    # "such sites", after a sentence on social networking sites, are those sites
    "postings on such sites are social media posts": FirstClause(
        "# Social media\n\n"
        "1. Staff must not share confidential information about colleagues on social media.\n"
        "2. Staff are reminded to report any offensive comments they come across in postings on such sites.\n"
        "3. Staff must not use social media during working hours.\n",
        "someone on the team shared a sexist joke on their twitter, do i have to report it?",
        "2",
    ),
    # jumping in to stick up for the club is taking part in a public argument, not posting something of one's own
    "jumping in to stick up for the club is public debate": FirstClause(
        "# Social media\n\n"
        "1. Derogatory posts about the club must not be made on social media; raise complaints with the chair.\n"
        "2. Staff must not engage in public debate on Facebook or Twitter about any issue relating to the club.\n"
        "3. Staff must not post photos of members on personal accounts.\n",
        "people are slagging off the club on the local fb group, can i jump in and stick up for us?",
        "2",
    ),
    # what to do with photos already taken is answered by where they go and when they are deleted
    "what to do with photos taken is where they are uploaded": FirstClause(
        "# Photographs\n\n"
        "1. Photographs of members should be taken on the club camera wherever possible.\n"
        "2. Photos taken on a personal phone must be uploaded to the club's shared drive within seven days and "
        "then deleted from the phone.\n"
        "3. At camp, staff must not be on their own phones during activities.\n",
        "took loads of pics at camp on my own phone, what am i meant to do with them now?",
        "2",
    ),
    # whether someone "counts as" something is answered by who is "considered to be" it
    "counting as an adult at risk is being considered one": FirstClause(
        "# Who this policy covers\n\n"
        "1. We believe all children and vulnerable adults, regardless of age or ability, should be kept safe.\n"
        "2. People who are homeless or misuse substances are also considered to be adults at risk.\n"
        "3. Staff must report any concern about a vulnerable adult to the safeguarding lead.\n",
        "a man who comes to our drop-in is homeless. does he count as a vulnerable adult?",
        "2",
    ),
    # "he's 19, do the rules still apply?" asks where the policy draws its age line
    "a competitor of 19 asks where the age line is drawn": FirstClause(
        "# Safeguarding at events\n\n"
        "1. Safeguarding training covers situations such as a fire alarm during a match.\n"
        "2. Most competitors are under 18. Competitors over the age of 18 are still categorised as children for "
        "safeguarding.\n"
        "3. Report any concern to the Safeguarding Officer on the day.\n",
        "one of our competitors is 19. do the rules still apply to him?",
        "2",
    ),
    # a policy that speaks of location sharing answers a question on a tracking app (location is its subject)
    "a tracking app is location sharing": FirstClause(
        "# Phones\n\n"
        "1. Foster carers should agree phone rules with the young person's social worker.\n"
        "2. Location sharing on a young person's phone is agreed with their social worker first.\n",
        "can i put a tracking app on her phone so i know where she is when shes out",
        "2",
    ),
    # a DM is what a policy calls a private message; "contact online" is any contact
    "a DM is a private message": FirstClause(
        "# Online contact\n\n"
        "1. Leaders must avoid one-to-one situations with members, including contact online by email or social "
        "media.\n"
        "2. All online communication with members happens in the troop's group chat, with parents included. "
        "Private messages to members are not allowed.\n",
        "one of the scouts is stuck on his badge work, can i just DM him on insta to help?",
        ref="2",
    ),
    "can't make it asks how much notice": FirstClause(
        "# Junior coaches\n\n"
        "1. Junior coaches must be age 13 and up.\n"
        "2. Let the head coach know at least two hours in advance if unable to attend.\n"
        "3. Junior coaches wear club kit at every class.\n",
        "can't make it in to help tomorrow, how much notice do i need to give?",
        "2",
    ),
    "the backup for the lead is the deputy": FirstClause(
        "# Key contacts\n\n"
        "1. Designated Safeguarding Lead: Sam Jones, 07700 900123.\n"
        "2. Deputy Designated Safeguarding Lead: Ali Khan, 07700 900456.\n"
        "3. Safeguarding concerns are recorded on the concern form.\n",
        "if Sam's away who's the backup for safeguarding stuff?",
        "2",
    ),
    "waiting with a child after everyone has gone is being alone with her": FirstClause(
        "# Good practice\n\n"
        "1. Never be alone with a child or young person.\n"
        "2. Staff sign in at reception when they arrive for a session.\n"
        "3. Keep records of attendance at every session.\n",
        "her mum's always late for collection so i hang about in the hall with her after everyone's gone, thats fine?",
        "1",
    ),
    "paramedics are the emergency services": FirstClause(
        "# Emergencies\n\n"
        "1. Ask any attending emergency services to take precautions against infection.\n"
        "2. Keep the first aid box stocked and checked monthly.\n"
        "3. Hand the register to the session lead at the end of each event.\n",
        "if we ever ring 999 at an event, is there anything we ask the paramedics to do when they arrive?",
        "1",
    ),
    "a kid nearly hurt is a near miss": FirstClause(
        "# Safety\n\n"
        "1. Keep thorough records of any injuries or near misses, with details of any treatment given.\n"
        "2. Keep physical contact to the minimum the activity needs.\n"
        "3. Make sure the hall is clear of hazards before each session.\n",
        "a lad nearly banged his head on the wall but he's fine, do i write that down anywhere?",
        "1",
    ),
    "a dodgy email asking to verify an account is phishing": FirstClause(
        "# Data and security\n\n"
        "1. Staff check their school email account every working day and tell the office if it is locked.\n"
        "2. Staff must be vigilant against phishing emails and cyber threats, and report them to the ICT lead.\n"
        "3. Data breaches must be reported to the headteacher.\n",
        "had an email saying my microsoft account is locked and to click a link to verify it, who do i tell?",
        "2",
    ),
    "gmail is a personal email address": FirstClause(
        "# Communication\n\n"
        "1. Communication with parents takes place on official school systems only.\n"
        "2. Personal email addresses must not be used for contact with parents or pupils.\n"
        "3. Emails containing personal data are sent securely.\n",
        "outlook's down, can i answer a parent from my gmail?",
        "2",
    ),
    "sandals and heels are a dress code question": FirstClause(
        "# Conduct\n\n"
        "1. Staff dress in a way that is appropriate to their role.\n"
        "2. Footwear should be safe and suitable for a busy school, with no open-toed shoes or high heels.\n"
        "3. Staff keep personal phones out of sight during teaching hours.\n",
        "can i wear sandals in the summer?",
        "2",
    ),
    "a young person nobody can find has gone missing": FirstClause(
        "# Trips\n\n"
        "1. Leaders phone the duty manager when the young people set off and when they get back.\n"
        "2. If a young person goes missing, immediately notify the police and then the duty manager.\n"
        "3. Keep the group's phone charged and switched on throughout the trip.\n",
        "cant find one of our young people at the lake, been looking everywhere for 20 mins. what do we do?",
        "2",
    ),
    "a child's full name and village are personal information": FirstClause(
        "# Publicity\n\n"
        "1. Personal information about the children we work with is never used in our publicity.\n"
        "2. The donor newsletter goes out every month with news of our work.\n"
        "3. Staff must agree any publicity material with the director first.\n",
        "can i put a kid's full name and which village she's from in the donor newsletter?",
        "1",
    ),
    "a child left to mooch round is a child left unattended": FirstClause(
        "# Members' guests\n\n"
        "1. Members may bring their children to the space as guests.\n"
        "2. Under no circumstances should a child be left unattended at any time.\n"
        "3. Guests sign the visitors book at the front desk.\n",
        "can i bring my 10 yr old in on a sat and let him mooch round while i work?",
        "2",
    ),
    "running late in one sentence and coming back in the next is no lift home": FirstClause(
        "# Visits\n\n"
        "1. Staff must not give a client a lift in their own car unless the office has agreed it.\n"
        "2. If there is no answer at the door when you arrive for a call, phone the office and do not leave.\n",
        "no answer at the door and im already running late. can i go and come back after?",
        "2",
    ),
    "a wa group is a whatsapp group": FirstClause(
        "# Events\n\n"
        "1. Participants sign in at the front desk on arrival each morning.\n"
        "2. Updates to participants go through the club's email list, never through WhatsApp.\n"
        "3. The weekend timetable is printed and handed out on the first day.\n",
        "can i set up a wa group for the weekend?",
        "2",
    ),
    "a mum who hasn't turned up means a child not collected": FirstClause(
        "# Chaperones\n\n"
        "1. Chaperones sign each child in at the stage door with their parent when the child arrives.\n"
        "2. If a parent has not collected the child, the chaperone stays with the child until they are collected.\n"
        "3. Chaperones tell the parent of any medicines a child took at the theatre before the child leaves.\n",
        "10.15pm and one little lad's mum still hasn't turned up, can i leave him at front of house and head off?",
        "2",
    ),
    "digs at a colleague online are bullying": FirstClause(
        "# Staff conduct online\n\n"
        "1. Staff must not use social media to bully another member of staff.\n"
        "2. Staff share news of the club's events on their own social media if they wish.\n"
        "3. Staff must not name young people in any social media post.\n",
        "a coworker keeps having digs at me on her insta story, is that ok?",
        "1",
    ),
    "a policy due to be looked at again is asked about its review date": FirstClause(
        "# Social media policy\n\n"
        "1. Staff must not post photographs of young people on their own social media.\n"
        "2. The social media policy applies to all staff and volunteers.\n"
        "3. Date policy to be reviewed: 1st March 2030\n",
        "when is the social media policy due to be looked at again?",
        "3",
        within=2,  # clause 2 has every word of the question but what it asks
    ),
    "'where do I find the form' is answered by where it is kept": FirstClause(
        "# Reporting\n\n"
        "1. Fill in the incident form as soon as you can after any incident.\n"
        "2. The form is available on the shared drive and in the office.\n"
        "3. Incident forms go to the safeguarding lead the same day.\n",
        "where can i find the incident form?",
        "2",
    ),
    "the lead being away is the lead's absence": FirstClause(
        "# Who to tell\n\n"
        "1. Report any concern to the safeguarding lead, Sam Jones, on the day.\n"
        "2. In the absence of the safeguarding lead, report to the chair of trustees.\n"
        "3. The safeguarding lead keeps the records of every concern.\n",
        "sam is away next week, who do i report safeguarding stuff to?",
        "2",
    ),
    "a group renting the hall is a third party": FirstClause(
        "# Scope\n\n"
        "1. This safeguarding policy covers every group for children that the church runs.\n"
        "2. It does not apply to activities organised by third parties on church premises.\n"
        "3. Everyone working with children at church activities is safely recruited.\n",
        "the toddler group that rents our hall on tuesdays, is it covered?",
        "2",
    ),
    "asking someone out is a relationship": FirstClause(
        "# Code of conduct\n\n"
        "1. Mentors must not engage in any sexual relationships with participants of any age.\n"
        "2. Mentors must get on well with participants and make every one of them welcome.\n"
        "3. Mentors must wear their lanyard at every event.\n",
        "one of the participants is 20 and we get on really well, can i ask her out?",
        "1",
    ),
    "'who else can I go to' finds the other way to report": FirstClause(
        "# Reporting\n\n"
        "1. Report a concern to the volunteer on duty at the event.\n"
        "2. If you do not feel comfortable reporting to that volunteer, email the trustees directly.\n"
        "3. Volunteers on duty wear a yellow lanyard.\n",
        "the person i am meant to report to is part of the problem. who else can i go to?",
        "2",
    ),
    "a teacher leaving the class with you leaves you alone with them": FirstClause(
        "# School visits\n\n"
        "1. Visiting teachers bring their class to the gallery for a two hour workshop.\n"
        "2. No member of our staff should be left alone with the children at any time.\n"
        "3. The class teacher signs the visitors book on arrival.\n",
        "the visiting teacher wants to go out for a bit and leave the class with me, ok?",
        "2",
    ),
    "a cut to fill in a form for is an injury to record": FirstClause(
        "# Accidents\n\n"
        "1. A child who arrives at the workshop with an injury is recorded on an incident form.\n"
        "2. Workshop tools are put away at the end of every session.\n"
        "3. Children arrive at the workshop with a parent.\n",
        "a boy arrived at the workshop with a nasty cut on his hand, do i need to fill anything in?",
        "1",
    ),
    "a car park where something happens is the scene, not a parking question": FirstClause(
        "# Meeting points\n\n"
        "1. Arrange meeting points where you will not be on your own with the first young person to arrive.\n"
        "2. Climbing walls are booked a week ahead.\n",
        "one kid always turns up early at the car park and its just me and him, ok?",
        "1",
    ),
    "a number to ring is a clause with a phone number": FirstClause(
        "# Reporting\n\n"
        "1. Report every urgent concern to our safeguarding team straight away.\n"
        "2. Our support line for urgent concerns is open all day: 0800 000 0000.\n"
        "3. Urgent concerns about a volunteer go to the chair of trustees.\n",
        "got an urgent concern, is there a number i can ring?",
        "2",
    ),
    "a joke about a group of people is discrimination": FirstClause(
        "# Social media\n\n"
        "1. Staff must not post anything that could be considered discriminatory.\n"
        "2. Staff may share the club's posts about events on their own pages.\n"
        "3. Staff must not post photos of young people on their own pages.\n",
        "is a joke about trans people ok to post?",
        "1",
    ),
    "hearing nothing back asks when a report is acknowledged": FirstClause(
        "# Reporting\n\n"
        "1. Send the safeguarding team your form within 24 hours of the concern.\n"
        "2. The safeguarding team must acknowledge receipt of a concern within 72 hours.\n"
        "3. The team keeps every form in a locked cabinet.\n",
        "sent the team a form last week and heard nothing back, when should they have got back to me?",
        "2",
    ),
    "a concern not dealt with properly is for whistleblowing": FirstClause(
        "# Whistleblowing\n\n"
        "1. Report any concern about a young person to the safeguarding lead.\n"
        "2. If the organisation is not responding appropriately to a concern, follow the whistleblowing procedure.\n"
        "3. The safeguarding lead records every concern reported.\n",
        "reported a concern ages ago and i dont think theyre dealing with it properly, what now?",
        "2",
    ),
    "following a procedure is not following someone online": FirstClause(
        "# Online\n\n"
        "1. Any adult with a concern about a young person online must follow the organisation's normal safeguarding "
        "procedures.\n"
        "2. Adults must not be friends with young people on any social networking site.\n"
        "3. Adults must keep their own profiles private.\n",
        "one of the teens at club keeps asking me to follow her back on tiktok, can i?",
        "2",
    ),
    "cpd is continuing professional development": FirstClause(
        "# Social media\n\n"
        "1. Staff must not use social media during lessons.\n"
        "2. Staff may use social media for continuing professional development, checking the source of what they "
        "read.\n"
        "3. Staff must not post about pupils on TikTok.\n",
        "i watch teacher tips on tiktok for my cpd, is that ok?",
        "2",
    ),
    "a library the club meets in is a venue": FirstClause(
        "# Events\n\n"
        "1. Every club session follows this safeguarding policy, whoever runs it.\n"
        "2. Events may be held at venues that have their own safeguarding policy; this policy is then a supplement "
        "to it.\n"
        "3. Club leaders run every session.\n",
        "our club runs in the library and they have their own safeguarding policy, which one do we follow?",
        "2",
    ),
    "'who do I complain to' finds where complaints go": FirstClause(
        "# Complaints\n\n"
        "1. Any concern about how a steward treats a child must be reported to the safeguarding officer.\n"
        "2. A complaint should be addressed to the minister.\n"
        "3. Stewards welcome everyone at the door.\n",
        "not happy with how a steward spoke to me, who do i complain to?",
        "2",
    ),
    "taking a phone off a child for being rude is a sanction": FirstClause(
        "# Household rules\n\n"
        "1. Foster carers should agree a family agreement about phones and the internet.\n"
        "2. Care should be taken if the internet or technology is used as a sanction.\n"
        "3. Consoles are kept in shared rooms.\n",
        "can i take his phone off him for a week for being rude?",
        "2",
    ),
    "how much to ask after a disclosure is about asking questions": FirstClause(
        "# Disclosure\n\n"
        "1. Tell the safeguarding lead the same day about anything a learner tells you.\n"
        "2. Only ask questions to get enough information to understand the concern.\n"
        "3. Write down what the learner said in their own words.\n",
        "a learner started telling me something upsetting, how much should i ask?",
        "2",
    ),
    "being sued is the law on libel": FirstClause(
        "# Social media\n\n"
        "1. Staff are personally responsible for what they post on their own accounts.\n"
        "2. Adults should be aware of other laws relating to libel, defamation and harassment.\n"
        "3. Staff must not post about young people.\n",
        "can you actually get sued for stuff you post?",
        "2",
    ),
    # a data question names phone numbers as data: not "the policy doesn't say" for want of a phone rule
    "parents' numbers in a spreadsheet are personal information kept securely": FirstClause(
        "# Data\n\n"
        "1. Staff must not post about young people on social media.\n"
        "2. We save any personal information securely on electronic devices, and these are password protected.\n"
        "3. Staff must not use their personal phones to take photos.\n",
        "i put the kids names, addresses and parents numbers in a spreadsheet on my laptop, is that ok?",
        "2",
    ),
    "being asked out is a relationship": FirstClause(
        "# Conduct\n\n"
        "1. Coaches, officials, volunteers and players will refrain from smoking while they are involved in club "
        "activities.\n"
        "2. We discourage intimate relationships between coaches and the adult athletes they coach, because of the "
        "power a coach holds.\n"
        "3. Coaches must not be alone with a junior player in the changing rooms.\n",
        "one of the players in my squad asked me out. are coaches allowed to date players?",
        "2",
    ),
    "holding a child back is restraint": FirstClause(
        "# Behaviour\n\n"
        "1. Sufficient adults must be present at every session for one adult to deal with an incident while "
        "another supervises the group.\n"
        "2. Adults must never use any form of corporal punishment. If physical restraint is absolutely necessary "
        "to prevent injury, the minimum necessary restraint may be used.\n"
        "3. Children who break the club rules are spoken to by the session lead, and their parents told at "
        "collection.\n",
        "if a kid is about to lash out and hurt another kid, am I allowed to physically hold them back?",
        "2",
    ),
    "a newcomers' drinking tradition is hazing": FirstClause(
        "# Conduct\n\n"
        "1. Bullying is behaviour that hurts someone on purpose, repeated over time.\n"
        "2. Hazing is prohibited: any humiliating or dangerous activity required as a condition for joining a "
        "team.\n"
        "3. On trips away, leaders check every room at lights out and share the plan with parents.\n",
        "the older lads have a tradition where rookies have to chug drinks on the first night of the trip. harmless "
        "fun or a problem?",
        "2",
    ),
    "the words that ask a kind of question are covered by its answer's words": FirstClause(
        "# Safe ministry\n\n"
        "1. Toileting: it is best to ask parents to take their children to the toilet before the session starts.\n"
        "2. Appropriate transportation: if you ever need to transport people, get permission from parents or "
        "guardians first, and take direct routes.\n"
        "3. Friday night activities end at nine, and leaders tidy the hall before going home.\n",
        "I'm dropping a few of the youth group kids home after friday night. anything I need to sort first?",
        "2",
    ),
    "a topic asked in words its group can't list is asked": FirstClause(
        "# Records\n\n"
        "1. Registers and consent forms are retained for six years, then shredded.\n"
        "2. The signing in sheets stay on the front desk during sessions so parents can sign their children out.\n"
        "3. Children are signed in at the door by a parent or carer.\n",
        "how long are we allowed to keep the old signing in sheets?",
        "1",
    ),
    "what was set up long ago is to be checked again": FirstClause(
        "# Personal use\n\n"
        "1. Practitioners should ensure they have the correct privacy or security settings on their social media "
        "accounts.\n"
        "2. Having set these privacy settings, they should be checked regularly, as updates to the sites can reset "
        "them.\n"
        "3. Practitioners should never be friends on social media with children who attend our school.\n",
        "I set my insta to private ages ago so I'm fine right?",
        "2",
    ),
    "setting up a video call is answered by how one is run safely": FirstClause(
        "# Online sessions\n\n"
        "1. A carer should be present or available during any zoom session with members of the youth group.\n"
        "2. Video conferencing sessions will operate waiting rooms in order to maintain members' privacy, and a "
        "password is shared only with members.\n"
        "3. Staff should avoid communicating with members outside of agreed hours.\n",
        "hosting a zoom with the youth group tonight, anything i need to switch on?",
        "2",
    ),
    "taking a comment down is removing it": FirstClause(
        "# Managing our online presence\n\n"
        "1. Designated staff will remove inappropriate posts by members, volunteers or staff, explaining why.\n"
        "2. Staff should make sure any content posted about members on the club's page is accurate and "
        "appropriate.\n"
        "3. Volunteers should keep their personal accounts private.\n",
        "one of the volunteers left a really nasty comment under our post about another member, can i just take "
        "it down?",
        "1",
    ),
    "a private account is not assumed to stay private": FirstClause(
        "# Your responsibilities\n\n"
        "1. You must not put comments about the children you work with on Facebook.\n"
        "2. You should not assume that your entries on any website will remain private, whatever your settings.\n"
        "3. Friends of staff may not follow the project's account.\n",
        "my fb is friends only so what i put on there is my own business isn't it?",
        "2",
    ),
    "the cook in a story is not a question about cooking": FirstClause(
        "# Social media\n\n"
        "1. If a post is liked, this could be seen as agreement with everything in it.\n"
        "2. Staff must not post photos of children.\n",
        "someone posted about the new lunch menu and i liked it, now the thread has turned nasty about the cook. "
        "does my like count?",
        "1",
    ),
    "a virtual event is a video call": FirstClause(
        "# Safeguarding officers\n\n"
        "1. For virtual events the Safeguarding Officer must be available to give support, but does not need to be "
        "physically present.\n"
        "2. Volunteers must avoid being in 1-to-1 situations with young people, including contact online.\n"
        "3. The Safeguarding Officer is appointed by the Safeguarding Lead.\n",
        "for the kickoff on zoom does the safeguarding officer have to be in the room with us?",
        "1",
    ),
    "how long children spend on their phones is screen time": FirstClause(
        "# Staff commitments\n\n"
        "1. Talk to young people about protecting themselves and their identity online, on phones and computers.\n"
        "2. Staff will engage in conversations with young people around screen time on phones, and using "
        "technology in moderation.\n"
        "3. Members and volunteers should be aware of this online safety policy.\n",
        "are we meant to be talking to the young people about how long they spend on their phones?",
        "2",
    ),
    "what checks a role needs is its vetting": FirstClause(
        "# Helping at the church\n\n"
        "1. Everyone who helps on the coffee rota signs the volunteers' book.\n"
        "2. Before working with children, every helper has an enhanced DBS disclosure and two references.\n"
        "3. The Sunday team meets on the first Monday of the month.\n",
        "been on the coffee rota for ages and want to help with the sunday kids team, what checks will they do on me?",
        "2",
    ),
    "a child who hasn't turned up fails to attend": FirstClause(
        "# Attendance\n\n"
        "1. Parents phone the setting by 9am if their child is unwell.\n"
        "2. Where a child fails to attend unexpectedly, staff try to contact the parents; if they cannot be "
        "reached within an hour, the lead is told.\n"
        "3. Children are signed in at the door every morning.\n",
        "amir hasnt turned up this morning and theres no word from home, what do we do?",
        "2",
    ),
    "setting up a child's own console is its parental controls": FirstClause(
        "# E-safety at home\n\n"
        "1. Foster carers should know who is using the internet in their home, and when.\n"
        "2. Install parental controls appropriate to the age of the child on TVs, gaming machines and computers.\n"
        "3. Children who come into care may have been exposed to fake identities on social networking sites.\n",
        "our new placement (9) brought his own playstation with him, do i need to set anything up on it?",
        "2",
    ),
    "what goes in a write-up is what must be recorded": FirstClause(
        "# Recording a concern\n\n"
        "1. Report your concerns to the child protection officer, or the coach in charge of the session.\n"
        "2. What needs to be recorded: the nature of the information, who gave it, the date and time, and a "
        "description of any injury.\n"
        "3. Records are kept by the child protection officer.\n",
        "wrote up a worry about one of the gymnasts last night, what exactly is supposed to go in the write up?",
        "2",
    ),
    "whether parents are told first is when they are informed": FirstClause(
        "# Informing parents\n\n"
        "1. If you are worried about a child, record it in the child's file and speak to the lead the same day.\n"
        "2. Parents are normally the first point of contact: we discuss concerns with them, unless this may put "
        "the child at risk.\n"
        "3. If you are worried a child is in danger, go straight to social services.\n",
        "if we're a bit worried about a child do we speak to mum and dad first or go straight to social services?",
        "2",
    ),
    "whose policy applies in another setting is that setting's": FirstClause(
        "# Working in other settings\n\n"
        "1. Our safeguarding policy is reviewed every year by the trustees.\n"
        "2. Where work takes place in a school or other setting, their safeguarding policies are read and "
        "understood by our workers before any work takes place.\n"
        "3. Workers follow our safeguarding policy at all our own sessions.\n",
        "doing a session in a school next week - whose safeguarding policy do i follow, theirs or ours?",
        "2",
    ),
    "stopping strangers joining a video call is a waiting room": FirstClause(
        "# Online sessions\n\n"
        "1. A carer should be present during video calls with members at home.\n"
        "2. Sessions will operate waiting rooms to keep out anyone who was not invited.\n"
        "3. Delivery of activities to members by video call should be supported by a second member of staff.\n",
        "doing a zoom craft session with members next wk, how do we stop randoms joining?",
        "2",
    ),
    "a concern raised without a name on it is anonymous": FirstClause(
        "# Raising a concern\n\n"
        "1. Within 72 hours of receiving a complaint, the team must acknowledge it.\n"
        "2. Families can raise a concern by email, by phone, or by completing an anonymous form.\n"
        "3. Only ask questions to understand the complaint.\n",
        "one of the mums isnt happy about a session but doesnt want her name on it, what can she do?",
        "2",
    ),
    "telling a child not to come is a ban": FirstClause(
        "# Behaviour\n\n"
        "1. Be honest and tell the child that you will need to let someone else know.\n"
        "2. Warn a child that you will speak to their parents. As a last resort ban them for a week.\n"
        "3. Club runs every Friday in term time, and the hall is booked until nine.\n",
        "one kid kicks off every week at club and ruins it for everyone, can we tell him not to come?",
        "2",
    ),
    "a hand 'nicked' on a tool is a small injury, not a theft": FirstClause(
        "# Accidents and injuries\n\n"
        "1. A trained first aider should assess the situation and give first aid if required.\n"
        "2. Complete an incident form for every injury, however small, and give it to the session lead.\n"
        "3. Members keep their tools in the locked cupboard at the end of each session.\n",
        "kid nicked their hand on the saw, first aider sorted it. what paperwork do i need to do after",
        "2",
        within=3,
    ),
    # the FAQ's question (a parent filming for the coach) shares the staff question's words; the rule states the
    # point for every case
    "a rule is quoted before an FAQ entry on a neighbouring case": FirstClause(
        "# Filming\n\n"
        "1. Coaches film swimmers for stroke feedback only on the club tablet, never on a personal phone.\n\n"
        "# Questions we are often asked\n\n"
        "Q: Can I ask a parent to film the swimmers' strokes on their phone from the balcony, so I can show them "
        "after? A: No. Parents may film only their own child, at galas.\n",
        "can i film the swimmers strokes on my phone so i can show them after",
        ref="1",
    ),
    "a lift home is answered by a rule against taking the child home": FirstClause(
        "# Late collection\n\n"
        "1. If a parent is late, two adults wait with the child; do not take the child home yourself.\n"
        "2. Record late collections in the register.\n",
        "mum's not answering and it's nearly 8, can i just drop him home?",
        ref="1",
    ),
    # "deleted from the coaching drive at the end of each season" says how long: the policy covers keeping it
    "a rule deleting footage at a time answers how long it may be kept": FirstClause(
        "# Video analysis\n\n"
        "1. Every coach must hold a current DBS check.\n"
        "2. All technique footage is deleted from the coaching drive at the end of each season.\n",
        "how long are we allowed to hang on to the technique vids?",
        ref="2",
    ),
    # "give lifts to gymnasts" is how policies put it: the policy covers lifts, so it doesn't "not say"
    "lifts asked about are answered by a rule on giving lifts": FirstClause(
        "# Travel, competitions and lifts\n\n"
        "1. Parents are responsible for getting their children to and from training and competitions.\n"
        "2. Coaches and volunteers should not give lifts to gymnasts unless a parent has arranged it in advance "
        "with the Welfare Officer.\n",
        "a gymnast's dad asked if i can give her lifts to tues training as i drive past their house. ok?",
        ref="2",
    ),
    # a policy with nothing on video calls still answers a question about someone filming with a zoom lens
    "a zoom lens is a camera not a video call": FirstClause(
        "# Photographs and filming\n\n"
        "1. Anyone using a camera with a long lens or filming in a way that causes concern should be approached "
        "politely by a club official and asked who they are.\n"
        "2. Every coach must hold a current DBS check.\n",
        "bloke with a massive zoom lens was filming the u12s from behind the dugout. what do we do",
        ref="1",
    ),
    "a club's players are the young people a question calls the girls": FirstClause(
        "# Social media\n\n"
        "1. The Club does not livestream junior matches, festivals or training sessions, and Club officials must not "
        "livestream them from a personal account.\n\n"
        "2. Club officials must not contact any player under the age of 16 directly by text, phone call, WhatsApp or "
        "email. All communication about training and fixtures must go through the player's parent or carer.\n\n"
        "3. Each age group may have one official WhatsApp group, set up by the team manager. Group members should be "
        "parents, carers and Club officials only.\n",
        "new u13s coach here, can i text the girls when training gets moved or does it all go thru the parents?",
        ref="2",
    ),
    "how often a check is renewed is answered where the policy says": FirstClause(
        "# Safer recruitment\n\n1. Every volunteer has an enhanced DBS check before they start, renewed every "
        "three years.\n\n2. Volunteers complete safeguarding training in their first month.\n",
        "my dbs was done in 2017, how often does it have to be renewed?",
        ref="1",
    ),
    "a passcode and multi factor sign in are what a password question asks about": FirstClause(
        "# Devices\n\n"
        "1. Staff may read work e-mail on a personal phone only through the approved app, with a passcode and "
        "multi-factor authentication. A lost or stolen phone is reported to the IT helpdesk the same day.\n"
        "2. Live lessons with pupils use the school's video call accounts, which only staff can access.\n"
        "3. Staff must not post photos of pupils on personal accounts.\n",
        "left my phone on the bus with my work email on it, do i just change my password?",
        ref="1",
    ),
    "a late message finds the hours messages may be sent in": FirstClause(
        "# Contact with young people\n\n"
        "1. Leaders text parents, not young people, about kit lists and changes to meetings.\n"
        "2. Messages to young people should be sent between 8am and 9pm, except on a camp or expedition.\n"
        "3. Any group chat with young people must include at least two adult leaders.\n"
        "4. Leaders must keep a copy of every text message sent to a young person.\n",
        "ok to text the explorers at 10.30pm about tomorrow's hike?",
        ref="2",
    ),
    "a lead out of reach finds the rule for that case": FirstClause(
        "# Concerns\n\nConcerns about a coach must go to the CSO or the Deputy CSO the same day.\n\n"
        "# Photos\n\nAnyone filming without consent must be asked to stop and the CSO or the Deputy CSO told.\n\n"
        "# Key contacts\n\nIf the CSO cannot be reached, contact the Deputy CSO, whose number is on the "
        "noticeboard in the clubhouse and in the coaches' handbook.\n",
        "the CSO isnt picking up. who next?",
        ref="Key contacts",
    ),
    "images a law forbids are not the pictures of an event": FirstClause(
        "# Social media\n\n"
        "1. Staff must never break the law on social media, for example by posting racist comments or sharing "
        "illegal images.\n"
        "2. Photographs of pupils should not be published without a parent's written consent.\n",
        "can we put the sports day pics up on the club fb page?",
        ref="2",
    ),
    "a video call is no recording": FirstClause(
        "# Online and photos\n\n"
        "1. Meetings with members by video call must always have two members of staff present.\n"
        "2. Photos of members may only be posted with their consent.\n",
        "got some lovely pics of the members from tonight, ok to put them on the club page?",
        ref="2",
    ),
    "an event named for its night is no hour of the night": FirstClause(
        "# Staff conduct\n\n"
        "1. Staff must not message members on the group page late at night.\n"
        "2. Members must agree before photos of them are posted.\n",
        "got a great pic from quiz night, can i stick it on the group page? a few members are in it",
        ref="2",
    ),
    "a rule opening with No and what it forbids is a rule": FirstClause(
        "# Spectators\n\n"
        "1. Flash photography at matches is popular.\n"
        "2. **Cameras:** No flash photography at matches, whether by parents, spectators or visiting teams.\n",
        "are we ok with flash photography at matches?",
        ref="2",
    ),
    "'will i get in trouble' asks whether it is allowed": FirstClause(
        "# Conduct\n\n"
        "1. Now and then a parent may post abuse about a member of staff online; staff who answer it in kind will "
        "face the disciplinary procedure.\n"
        "2. Staff must not offer to babysit, nanny, tutor or provide any other private childcare or paid work for the "
        "families of children who attend the club, whether during term time or in the holidays.\n",
        "a mum asked me to babysit friday night, she would pay me. is that ok or will i get in trouble",
        ref="2",
    ),
    "bunking in with the young people is sharing their room": FirstClause(
        "# Residentials\n\n"
        "1. Room checks at lights out are done by two adults.\n"
        "2. Adults must never share a room with a young person.\n",
        "hotel's a room short on the away trip, could i bunk in with two of the lads just for one night?",
        ref="2",
    ),
    "toddlers in their nappies at water play are not fully clothed": FirstClause(
        "# Photographs\n\n"
        "1. Photos taken on the room tablet are uploaded to the parents' app and deleted from the tablet.\n"
        "2. Never photograph a child who is not fully clothed, including at water play.\n",
        "the toddlers are in the paddling pool in just their nappies, ok to get a few pics on the tablet?",
        ref="2",
    ),
    "a gift given to the asker is answered by the rule on accepting one": FirstClause(
        "# Gifts\n\n"
        "1. Staff must not give personal gifts, money or vouchers to young people or their families.\n"
        "2. Staff may accept small token gifts from families, such as chocolates or a card, worth less than £10.\n"
        "3. Staff must not do private favours for families.\n",
        "a dad gave me a bottle of wine and a £20 voucher at christmas to say thanks. ok to keep?",
        ref="2",
    ),
    "a gopro worn on a helmet is a helmet camera": FirstClause(
        "# Filming\n\n"
        "1. Coaching video is recorded only on the club camera, a GoPro kept in the coaches kit bag.\n"
        "2. Players must not wear helmet cameras or body cameras at any junior session.\n",
        "my lad wants to wear his gopro on his lid at the session to film his goals, can he?",
        ref="2",
    ),
    "what follows when it happens again answers 'what if they carry on'": FirstClause(
        "# Parents and social media\n\n"
        "1. Parents are asked not to use social media to raise complaints about the group.\n"
        "2. If this is repeated, the trustees will write to the parent.\n",
        "one mum keeps slagging us off on fb, 3rd time now. what happens if she carries on?",
        ref="2",
    ),
    "a child who isn't back yet has been gone a while": FirstClause(
        "# The building\n\n"
        "1. If a child is taken ill or injured, a first aider deals with it and the coordinator rings the parent.\n"
        "2. Children use the public toilets on the ground floor. Volunteers notice if a child has been gone for more "
        "than ten minutes and ask another volunteer to check.\n"
        "3. Children sign in and out at every session.\n",
        "yr 6 boy went 15 mins ago and still isnt back, do i go and look?",
        ref="2",
    ),
    "one's own friends and family are no parents of the children": FirstClause(
        "# Social media\n\n"
        "1. Work social media accounts should be kept apart from personal accounts where staff connect to friends "
        "and family members.\n"
        "2. Staff should use their common sense when being friends with parents of children at the club.\n",
        "a mum from the under 9s sent me a friend request on fb, we're kinda mates from the gym. is that allowed?",
        ref="2",
    ),
    "'at training' is when, not a course for staff": FirstClause(
        "# Phones and filming\n\n"
        "1. Players must not use their phones in the changing rooms.\n"
        "2. Parents may film their own child from the spectator area.\n",
        "can i film my daughter from the side at training?",
        ref="2",
    ),
}


def assert_first_clause(answer: Answer, case: FirstClause) -> None:
    if case.ref:
        assert case.ref in [hit.clause.ref for hit in answer.hits[: case.within]]
    if case.starts:
        assert answer.hits[0].clause.text.startswith(case.starts)
    if case.exact:
        assert answer.hits[0].clause.text == case.starts


@pytest.mark.parametrize("case", FIRST_CLAUSE.values(), ids=FIRST_CLAUSE.keys())
async def test_the_clause_that_answers_comes_first(tmp_path: Path, case: FirstClause) -> None:
    answer = await advisor_with(tmp_path, case.policy).answer(case.question)
    assert answer.status is AnswerStatus.ANSWERED
    assert_first_clause(answer, case)


OTHER_HARMS_ROUTES = """# Safeguarding

## Reporting concerns

All concerns about a child's welfare must be raised with the Designated Safeguarding Lead.

## The Prevent duty

Anyone who has a concern that a young person is at risk of radicalisation must immediately contact the
Designated Safeguarding Lead and report the concern through the normal safeguarding procedures.

## Indecent images

Where indecent images of children are found, the Designated Safeguarding Lead must be informed immediately
and the police contacted.
"""
GENERAL_ROUTE = (
    "# Safeguarding\n\n## Reporting\n\nAll concerns about a child must be reported to the Welfare Officer.\n\n"
)
VOLUNTEER_ROUTE = (
    "If at any point you have a concern about the behaviour of one of our volunteers, contact the Welfare Officer."
)
WHISTLE_BLOWING = (
    "Any adult or young person with concerns about a colleague can whistle blow by contacting the Welfare Officer."
)
COACH_MESSAGING = "one of the coaches keeps messaging a 14 year old girl on snap late at night"

# Which clause a worry's answer quotes first: what the person telling should do, for this kind of worry.
WORRY_ROUTE = {
    "another kind of harm's route comes after the general one": FirstClause(
        OTHER_HARMS_ROUTES,
        "a girl in my group told me her stepdad hits her and she's scared to go home",
        starts="All concerns",
    ),
    "a worry of that kind still quotes its own route": FirstClause(
        OTHER_HARMS_ROUTES,
        "one of the lads keeps sharing far right videos and says violence against muslims is justified",
        starts="Anyone",
    ),
    "a concern about the behaviour of one of our volunteers is the allegations route": FirstClause(
        f"{GENERAL_ROUTE}## Our people\n\n{VOLUNTEER_ROUTE}\n", COACH_MESSAGING, starts=VOLUNTEER_ROUTE, exact=True
    ),
    "a coach pulling a girl by her hair is the allegations route": FirstClause(
        f"{GENERAL_ROUTE}## Our people\n\n{VOLUNTEER_ROUTE}\n",
        "the coach pulled a girl off the bench by her hair at training, she was in tears. what do i do?",
        starts=VOLUNTEER_ROUTE,
        exact=True,
    ),
    "a leader alone with a child at his flat is the allegations route": FirstClause(
        f"{GENERAL_ROUTE}## Our people\n\n{VOLUNTEER_ROUTE}\n",
        "is it normal that one of the leaders has a 15yo girl round his flat on her own for 'bible study'?",
        starts=VOLUNTEER_ROUTE,
        exact=True,
    ),
    "a classroom assistant adding pupils on snap is the allegations route": FirstClause(
        f"{GENERAL_ROUTE}## Our people\n\n{VOLUNTEER_ROUTE}\n",
        "one of the classroom assistants has been adding year 9s on snap after school, saw it on her phone",
        starts=VOLUNTEER_ROUTE,
        exact=True,
    ),
    "whistle blowing about a colleague is the allegations route": FirstClause(
        f"{GENERAL_ROUTE}## Our people\n\n{WHISTLE_BLOWING}\n", COACH_MESSAGING, starts=WHISTLE_BLOWING, exact=True
    ),
    "the steps under an allegations heading are the allegations route": FirstClause(
        "# Safeguarding procedure\n\n## Reporting a concern\n\n"
        "Report any concern about a child to the Designated Safeguarding Lead as soon as possible.\n\n"
        "## Allegations against staff or volunteers\n\n"
        "The volunteer involved will be asked to leave the session, and the Designated Safeguarding Lead "
        "informed as soon as possible.\n",
        "one of our coaches keeps messaging a 14 year old girl on snap late at night",
        starts="The volunteer involved will be asked to leave",
    ),
    "in a policy without steps, the lead with a phone number says whom to tell": FirstClause(
        "# Safeguarding\n\n## Our commitment\n\n"
        "Young people who are struggling may hide cuts on their arms, and some may ask you not to tell: we want "
        "every young person to feel safe to talk to us.\n\n"
        "## Contacts\n\n"
        "- **Designated Safeguarding Lead:** Sam Jones, 07700 900123, sam@example.org\n"
        "- **Deputy:** Alex Smith, 07700 900456\n",
        "a lad showed me cuts on his arm tonight, some look fresh. he begged me not to tell",
        starts="**Designated Safeguarding Lead:** Sam Jones",
    ),
    "a list of other documents to read is not what to do with a worry": FirstClause(
        "# Safeguarding policy\n\n## Supporting documents\n\n"
        "This policy should be read alongside the related documents listed below:\n"
        "- Dealing with Disclosures and Concerns about a Child or Young Person\n"
        "- Managing Allegations Against Staff and Volunteers\n"
        "- Recording Concerns and Information Sharing\n"
        "- Online Safety\n\n"
        "## Reporting\n\n"
        "All concerns are passed to the Designated Safeguarding Lead.\n",
        "a girl in my group told me her stepdad hits her and she's scared to go home",
        starts="All concerns are passed to the Designated Safeguarding Lead.",
        exact=True,
    ),
    # adults at risk are who is harmed, not a kind of harm: their route is not weighed down as another harm's
    # is, when the message doesn't say "older" or "vulnerable"
    "the adults' route stays for a worry not seen as about an adult": FirstClause(
        "# Safeguarding\n\n## Reporting\n\n"
        "Record what you were told and pass it to the Designated Safeguarding Lead.\n\n"
        "## Contacts\n\n"
        "Adult Social Care: report a concern about an adult at risk on 01629 533190.\n",
        "one of our young adults (20) says his new mates take his benefits money every week and he's scared of them",
        starts="Adult Social Care",
    ),
    "what the person telling does comes before the lead's own steps": FirstClause(
        "# If you suspect abuse of a child\n\n"
        "1. The child protection officer should contact social services immediately to seek their advice and "
        "decide how to contact the parents.\n"
        "2. You should report your concerns to the designated child protection officer.\n",
        "theres a wee lad in the class always starving, same filthy kit every week, no one collects him til late",
        ref="2",
    ),
    "a worry about the lead goes round them": FirstClause(
        "# Reporting a concern\n\n"
        "5.2 Tell the DSL about any concern the same day.\n\n"
        "# Concerns about adults\n\n"
        "7.1 Any concern about how an adult behaves towards a child must be reported to the DSL.\n\n"
        "7.2 If the concern is about the DSL, report it to the Chair of Trustees.\n",
        "the dsl keeps giving one of the yr9 girls lifts home on her own. who do i tell when its the dsl herself?",
        ref="7.2",
    ),
    "a worry about a representative named among others goes round them": FirstClause(
        "# Raising a concern\n\n"
        "4.1 If a child is in immediate danger, phone 999 straight away, then tell the PSR.\n\n"
        "4.2 Anyone can make a referral. If you cannot get hold of the PSR, contact children's social care.\n\n"
        "4.3 If your concern is about the Parish Priest, or about either Parish Safeguarding Representative, "
        "contact the Diocesan Safeguarding Coordinator directly.\n",
        "is there anyone above the PSR? not comfortable with how one of the helpers talks to the girls, always on "
        "about what they're wearing",
        ref="4.3",
    ),
    "a carer drunk at collection finds what to do at collection, not a child found drinking": FirstClause(
        "# Concerns on expeditions\n\n"
        "6.7 Alcohol and drugs. A participant who is intoxicated must be supervised by an adult until they are "
        "collected, and the Duty Manager told.\n\n"
        "# Responding to a disclosure\n\n"
        "5.5 If the disclosure suggests the participant may be at risk when they go home, speak to the DSL before "
        "the participant is collected. Do not let them leave with the adult collecting them until you have done so.\n",
        "a girl (14) told me her stepdad hit her when he was drunk and she doesnt want to go home. he's picking "
        "her up at 4",
        ref="5.5",
    ),
    "a knife at a session finds the weapons procedure": FirstClause(
        "# Reporting a concern\n\n"
        "Tell the DSO about any concern the same day.\n\n"
        "# Weapons at sessions\n\n"
        "Do not search the young person or their bag, and do not try to take the weapon from them.\n",
        "a lad just showed his mates a massive knife in his bag, do i take it off him?",
        starts="Do not search the young person",
    ),
    "the lead's responsibilities come after what the person telling does": FirstClause(
        "# Roles and responsibilities\n\n"
        "3.1 The CWO is responsible for receiving concerns, deciding on the next steps and reporting them to "
        "children's social care as soon as possible.\n\n"
        "# Reporting a concern\n\n"
        "5.2 Tell the CWO about any concern.\n",
        "noticed a load of fresh cuts on a girl's arm when she was getting changed",
        ref="5.2",
    ),
    "the lead's steps come after the teller's, whatever the policy calls the lead": FirstClause(
        "# Reporting a concern\n\n"
        "1. The Head of Safeguarding will decide whether to refer a concern about a girl or boy to children's "
        "social care.\n"
        "2. If a child tells you something worrying, tell the Head of Safeguarding immediately and record what "
        "the child said.\n",
        "one of my girls said her older cousin keeps making her send him pictures of herself",
        ref="2",
    ),
    "what the lead or their deputy will do comes after the teller's steps": FirstClause(
        "# Reporting a concern\n\n"
        "1. The DSL or Deputy DSL will decide whether to refer a child at risk of exploitation to children's "
        "social care or the police.\n"
        "2. Tell the DSL about any worry.\n",
        "a boy in year 9 told me his brother's mates make him carry packages across town for them",
        ref="2",
    ),
    "a worry about the lead, named by first name, is the route around them": FirstClause(
        "# Who to tell\n\n"
        "1. Our Designated Safeguarding Lead is Farida Osei (07700 900123).\n\n"
        "# Reporting a concern\n\n"
        "2. Tell the Designated Safeguarding Lead about any worry for a young person on the same day.\n"
        "3. If the concern is about the Designated Safeguarding Lead, tell the Chair of Trustees instead.\n",
        "it's about farida herself - she keeps messaging one of the year 10s late at night",
        ref="3",
    ),
    "an adult keeping a child back behind a shut door is the route for concerns about those who work with them": (
        FirstClause(
            "# Reporting a concern\n\n"
            "1. Tell the Designated Safeguarding Lead about any worry for a pupil on the same day.\n"
            "2. Concerns about anyone who works with our pupils must be reported to the Trust Safeguarding Lead, not "
            "to the headteacher.\n"
            "3. The Trust Safeguarding Lead will refer allegations to the LADO within one working day.\n",
            "the caretaker keeps the same year 3 boy back after school in the store with the door shut. probably "
            "nothing but it's bugging me",
            ref="2",
        )
    ),
    "a child's basic needs not met finds the steps for a hungry child": FirstClause(
        "# Reporting a concern\n\n"
        "1. Report any concern about a member of the club to the Welfare Officer on the same day.\n"
        "2. If a member tells you they are being abused, listen and report it to the Welfare Officer at once.\n\n"
        "# Members on their own\n\n"
        "3. If a member who comes on their own seems hungry, unwashed or afraid to go home, tell the Welfare "
        "Officer before they leave and do not take them home yourself.\n",
        "the same 10yo has been in every day this week in the same clothes, no coat, and asked for "
        "the leftover crisps. no one's come for him again",
        ref="3",
    ),
    "an adult with a learning disability is an adult at risk": FirstClause(
        "# Reporting a concern\n\n"
        "1. Report any concern about a member of the group to the Group Leader on the same day.\n\n"
        "# Adults at risk\n\n"
        "2. If you are worried that an adult at risk is being abused or exploited, tell the Adult Safeguarding "
        "Lead on the same day.\n",
        "sam, 20 with a learning disability, comes to our gardening group. a couple of his new 'friends' keep "
        "making him hand over his wages on a friday",
        ref="2",
    ),
    "an adult's disability told a few words after their age still makes them an adult at risk": FirstClause(
        "# Reporting a concern\n\n"
        "1. Report any concern about a member of the group to the Group Leader on the same day.\n\n"
        "# Adults at risk\n\n"
        "2. If you are worried that an adult at risk is being abused or exploited, tell the Adult Safeguarding "
        "Lead on the same day.\n",
        "jamie on the allotment team, 24, has autism. the lads he lives with keep taking his benefits money, "
        "he's got nothing left by tuesday",
        ref="2",
    ),
    "the lead's duty after an opening condition comes after the teller's steps": FirstClause(
        "# Reporting a concern\n\n"
        "1. Where a child already has a social worker, the Site DSL should also let the social worker know.\n"
        "2. Tell the Site DSL about any concern straight away.\n",
        "one of the girls told me her mum's boyfriend hits her when mum is at work",
        ref="2",
    ),
    "a national team's steps come after telling the unit's safeguarding contact": FirstClause(
        "# Reporting a concern\n\n"
        "1. The National Safeguarding Team will decide whether to refer the matter to the LADO.\n"
        "2. Tell the Unit Safeguarding Contact about any worry.\n",
        "one of our leaders keeps messaging a 14 year old girl late at night and told her to keep it secret",
        ref="2",
    ),
    "what the team does on receiving a concern comes after how to raise it": FirstClause(
        "# Raising a concern\n\n"
        "Within 72 hours of receiving a concern, the Safeguarding Team must acknowledge it and refer suspected "
        "abuse of a learner to the local authority.\n\n"
        "Report any concern about a learner to the Safeguarding Team.\n",
        "one of the women in my english group said her husband takes her phone and wont let her go out alone",
        starts="Report any concern about a learner",
    ),
    "the usual route comes before the one for when it fails": FirstClause(
        "# Reporting a concern\n\n"
        "1. If you do not feel able to raise a concern internally, or it has not been dealt with, contact the "
        "County FA Designated Safeguarding Officer immediately.\n"
        "2. Report every concern to the Club Welfare Officer (CWO) on the same day.\n",
        "one of the u12s told me her uncle hits her when her mum is at work",
        ref="2",
    ),
    "a worry happening now quotes the emergency steps first": FirstClause(
        "# Reporting a concern\n\n"
        "1. Tell the Designated Safeguarding Lead about any concern.\n"
        "2. In an emergency, call 999 and then tell the Designated Safeguarding Lead.\n",
        "a girl in my group just told me she took a load of tablets an hour ago and feels sleepy",
        ref="2",
    ),
    "a worry not happening now keeps the usual route first": FirstClause(
        "# Reporting a concern\n\n"
        "1. Tell the Designated Safeguarding Lead about any concern.\n"
        "2. In an emergency, call 999 and then tell the Designated Safeguarding Lead.\n",
        "a girl in my group told me her stepdad hits her, she showed me a bruise on her arm",
        ref="1",
    ),
    "a worry someone will harm themselves is the self-harm route": FirstClause(
        "# Reporting a concern\n\n"
        "1. Any concern about a swimmer's welfare must be reported to the Welfare Officer on the same day.\n"
        "2. If a swimmer posts something suggesting they may harm themselves, tell the Welfare Officer on the "
        "same day.\n",
        "tom (16) posted 'cant do this anymore, sorry everyone' in the squad chat and left the group",
        ref="2",
    ),
    "goodbye in other words is the suicide route": FirstClause(
        "# Reporting a concern\n\n"
        "1. Tell the shift leader about anything that worries you about a resident, and write it in the log.\n"
        "2. If a resident talks about suicide or ending their life, stay with them and ask a colleague to fetch "
        "the shift leader.\n",
        "resident on the top floor shook my hand and said 'thats the last time youll see me mate' then went upstairs",
        ref="2",
    ),
    "a child who didn't come back is the missing child procedure": FirstClause(
        "# Reporting a concern\n\n"
        "1. Tell the session leader about any concern about a child's welfare before the end of the session.\n"
        "2. If a child is missing, tell the session leader at once and search the building and grounds.\n",
        "one of the cubs went to the toilets 15 mins ago and hasnt come back from them, his mate says he isnt in there",
        ref="2",
    ),
    "tablets swallowed is the self-harm route": FirstClause(
        "# Reporting a concern\n\n"
        "1. Tell the Designated Safeguarding Lead about any concern the same day.\n"
        "2. If a young person has self-harmed or talks about suicide, stay with them and tell the Designated "
        "Safeguarding Lead at once.\n",
        "a girl in my group said she swallowed a handful of paracetamol at lunch",
        ref="2",
    ),
    "signs of county lines are the exploitation procedure": FirstClause(
        "# Reporting a concern\n\n"
        "1. If a young person's behaviour changes or they seem to be in trouble, tell the Designated Safeguarding "
        "Lead before you go home.\n\n"
        "# Criminal exploitation and county lines\n\n"
        "2. Tell the Designated Safeguarding Lead the same day and note any car registrations.\n",
        "one of our 15 yr olds has started getting dropped off by older lads in a white van, and he has two phones now",
        ref="2",
    ),
    "someone barred from contact turning up is the procedure for them": FirstClause(
        "# Reporting a concern\n\n"
        "1. Tell the Centre Manager about any concern about a child before the end of the session.\n\n"
        "# Visitors\n\n"
        "2. Some children must not have contact with a parent or relative. If that person arrives, keep the "
        "child with staff and ask the person to leave; if they refuse to leave, call 999.\n",
        "the boys' uncle just turned up at reception, he's not meant to have any contact with them and he's shouting",
        ref="2",
    ),
    "a stranger's interest in the children is the procedure for members of the public": FirstClause(
        "# Reporting a concern\n\n"
        "1. If a child's behaviour or appearance worries you, tell the Club Welfare Officer the same day.\n\n"
        "# Visitors and spectators\n\n"
        "2. If a member of the public behaves in a way that worries you, note what you saw and tell the Club "
        "Welfare Officer. Do not challenge the person on your own.\n",
        "a man none of us know keeps hanging around outside the hall chatting to the younger boys and offered one "
        "a lift home",
        ref="2",
    ),
    "someone missing is the missing person procedure": FirstClause(
        "# Reporting a concern\n\n"
        "1. Report any concern about a resident's welfare to the Registered Manager on the same day.\n"
        "2. If a resident is missing, tell the senior carer immediately and search the building.\n",
        "bill isn't in his room and we've checked the lounge and the garden",
        ref="2",
    ),
    "a worry of another kind is not sent to the missing person procedure": FirstClause(
        "# Reporting a concern\n\n"
        "1. If a resident is missing, tell the senior carer immediately and search the building.\n"
        "2. Report any concern about a resident's welfare to the Registered Manager on the same day.\n",
        "one of the residents has a big bruise on her arm and says her son pushed her when he visited",
        ref="2",
    ),
    "ringing the safeguarding line is whom to tell": FirstClause(
        "# If a learner tells you something worrying\n\n"
        "1. Stay calm and let the learner tell you what happened in their own words.\n"
        "2. Phone the safeguarding line as soon as the lesson ends.\n",
        "my 12 yo student told me what happened: a man on his game keeps asking him for pics",
        ref="2",
    ),
    "a child pressed for a picture in his pants is the sexual images route": FirstClause(
        "# Reporting a concern\n\n"
        "1. If a young person tells you a secret, or something online worries you, tell the Group Safeguarding "
        "Lead immediately.\n"
        "2. Where a young person has been asked for a sexual image, do not ask to see it, and tell the Group "
        "Safeguarding Lead on the same day.\n",
        "a cub told me an older boy online says he'll tell everyone his secret unless he sends a pic of himself "
        "in his pants",
        ref="2",
    ),
    # "allegations" alone is any report of abuse; the allegations route is about what an adult did
    "allegations of abuse in general are not the allegations route": FirstClause(
        "# Safeguarding\n\n## Becoming aware of a safeguarding issue\n\n"
        "If a young person tells you about abuse, the person in receipt of allegations or suspicions of abuse "
        "should report concerns as soon as possible to the Safeguarding Co-ordinator.\n\n"
        "## Allegations against staff\n\n"
        "If an allegation is made against a worker, the person receiving it must make sure the child is safe and "
        "away from that worker, and tell the Safeguarding Co-ordinator.\n",
        "one of the teens told me a youth leader touched her leg in the minibus",
        starts="If an allegation is made against",
    ),
    "sharing a worry with the unit leader within 24 hours is whom to tell": FirstClause(
        "# Worries about a girl\n\n"
        "1. Not every worry comes as a disclosure. You might notice that a girl often seems hungry, or wears the "
        "same clothes every week.\n"
        "2. Low-level worries still count. Jot down what you noticed and share it with the Unit Leader within 24 "
        "hours.\n",
        "bit worried about one of my brownies, she's always starving and wears the same clothes every week",
        ref="2",
    ),
    "worries about an adult are the allegations route": FirstClause(
        "# Worries\n\n## Telling someone\n\nTell the Unit Leader immediately about any worry you have about a girl.\n\n"
        "## Worries about an adult\n\n"
        "If you are worried about how a leader or helper behaves towards girls, tell the County Safeguarding Lead.\n",
        "one of the helpers keeps messaging a 14 year old girl on whatsapp late at night",
        starts="If you are worried about how a leader",
    ),
    "a video of a lad getting changed takes the route under 'Images of a sexual nature'": FirstClause(
        "# Safeguarding\n\n## Reporting\n\nReport every concern about a player to the Club Welfare Officer "
        "immediately.\n\n## Images of a sexual nature\n\nIf an image is on a device, switch the device off and "
        "keep it secure until the Club Welfare Officer has given advice.\n",
        "found out one of the u15s took a video in the changing room of another lad getting changed and its going "
        "round the squad. ive got his phone",
        starts="If an image is on a device",
    ),
    "an instructor snapchatting a girl is the allegations route": FirstClause(
        "# Worries\n\n## Telling someone\n\nTell the Lead Instructor immediately about any worry you have about a "
        "climber.\n\n## Concerns about an adult\n\n"
        "Any allegation against an instructor or volunteer goes straight to the Trustee for Safeguarding.\n",
        "pretty sure one of the instructors has been snapchatting a 14 year old climber every night",
        starts="Any allegation against an instructor",
    ),
    "the head keeping a pupil alone in his office is the allegations route": FirstClause(
        "# Safeguarding\n\n## Reporting\n\nTell the DSL the same day about any worry you have about a pupil.\n\n"
        "## Concerns about adults\n\n"
        "Where there are concerns about staff, including the Headteacher, speak to the Chair of Governors.\n",
        "really uneasy about this. the headteacher keeps having a year 5 boy in his office alone over lunch "
        "with the blinds shut",
        starts="Where there are concerns about staff",
    ),
    "asking whether to have a word with the adult first finds the line on not confronting them": FirstClause(
        "# Reporting a concern\n\n"
        "1. Report any worry about a player to the Welfare Officer within 24 hours.\n"
        "2. Keep a note of what you saw, with the date and time.\n"
        "3. Do not approach the adult the worry is about, and do not investigate it yourself.\n",
        "one of the coaches keeps giving a 13 year old lifts home on his own, should i have a word with him first?",
        ref="3",
    ),
    "a worry that nothing was done still takes the way out": FirstClause(
        "# Reporting a concern\n\n"
        "1. Report every concern to the Club Welfare Officer (CWO) on the same day.\n"
        "2. If you do not feel able to raise a concern internally, or it has not been dealt with, contact the "
        "County FA Designated Safeguarding Officer immediately.\n",
        "i reported a coach for messaging one of the u14 girls on snap a month ago and nothing has been done, "
        "he's still coaching her",
        ref="2",
    ),
    "a child who comes in hungry and without a coat takes the route for neglect": FirstClause(
        "# Safeguarding at the holiday scheme\n\n## Reporting\n\n"
        "Tell the scheme lead at the site about any worry you have about a child at the scheme, the same day.\n\n"
        "## Neglect\n\n"
        "Children whose basic needs are not met, who arrive hungry or in unsuitable clothing day after day, are "
        "recorded each time so the lead can see a pattern; do not try to fix it yourself.\n",
        "little lad at the scheme keeps turning up in the same clothes with no coat and says he's had no breakfast, "
        "should i bring him one of my boys old coats?",
        starts="Children whose basic needs are not met",
    ),
    "a partner keeping hold of an adult's bank card is the domestic abuse route": FirstClause(
        f"{GENERAL_ROUTE}## Children at the centre\n\n"
        "If a child tells you they are being hurt, listen, do not promise secrecy and tell the Welfare Officer.\n\n"
        "## Domestic abuse\n\n"
        "Where you suspect domestic abuse, speak to the person only when they are alone, and report it to the "
        "Welfare Officer. Never contact them at home about it.\n",
        "lady who comes to the cafe has a bruised wrist, says she caught it in a door. her husband waits outside "
        "every week and she said he keeps her bank card. do i ask her?",
        starts="Where you suspect domestic abuse",
    ),
    "a young person not back by the time agreed is the missing route": FirstClause(
        f"{GENERAL_ROUTE}## Phones\n\n"
        "Young people may keep their phones with them, and hosts should not read their messages.\n\n"
        "## Missing from home\n\n"
        "If a young person is not home by the agreed time and you cannot reach them, call the on-call manager, who "
        "decides whether to report them missing to the police.\n",
        "the 16yo we host was due to be back in by ten, it's now half twelve and his mobile is off. what do i do?",
        starts="If a young person is not home by the agreed time",
    ),
    "men collected before dawn by a van, their passports kept, is the modern slavery route": FirstClause(
        f"{GENERAL_ROUTE}## Visitors\n\n"
        "Visitors sign in at the front desk and wear a badge while they are on site.\n\n"
        "## Modern slavery\n\n"
        "If you think someone is being made to work against their will, do not challenge the person in charge of "
        "them; note any vehicle you see and tell the Welfare Officer.\n",
        "two of the men who sleep at the hostel get collected at 4am every day in a minibus and come back "
        "exhausted, one said his gaffer has his passport. should i say anything?",
        starts="If you think someone is being made to work",
    ),
    "an adult telling of abuse in their childhood is the route for non-recent abuse": FirstClause(
        f"{GENERAL_ROUTE}## Adults\n\n"
        "Adults who may be at risk because of illness or disability are supported to make their own decisions.\n\n"
        "## Non-recent abuse\n\n"
        "If an adult tells you they were abused as a child, listen, thank them for telling you and pass it to the "
        "Welfare Officer, who will consider whether anyone may still be at risk.\n",
        "an older gent at the lunch club told me he was interfered with by his choir master when he was a boy, "
        "decades ago. he's never told a soul",
        starts="If an adult tells you they were abused as a child",
    ),
    "a video of a child with his shorts down passed round is the images route": FirstClause(
        f"{GENERAL_ROUTE}## If a child tells you something\n\n"
        "Listen calmly, do not ask leading questions and write down what was said.\n\n"
        "## Images\n\n"
        "If you see or are sent an indecent image of a young person, do not forward it; tell the Welfare Officer.\n",
        "a few of the u14s are sharing a clip round their group chat of jake falling over in the changing room with "
        "his shorts down. he's mortified",
        starts="If you see or are sent an indecent image",
    ),
    "an adult giving a young person cash and driving off with them is the exploitation route": FirstClause(
        f"{GENERAL_ROUTE}## Emergencies\n\n"
        "If a young person is in immediate danger, call 999 first, then tell the Welfare Officer.\n\n"
        "## Exploitation\n\n"
        "If you think a young person is being groomed or exploited, tell the Welfare Officer the same day.\n",
        "bit worried - one of the older volunteers keeps giving mia (14) money for 'helping out' and i saw them "
        "drive off together after the session",
        starts="If you think a young person is being groomed or exploited",
    ),
}


@pytest.mark.parametrize("case", WORRY_ROUTE.values(), ids=WORRY_ROUTE.keys())
async def test_a_worry_quotes_its_route_first(tmp_path: Path, case: FirstClause) -> None:
    answer = await advisor_with(tmp_path, case.policy).answer(case.question)
    assert answer.status is AnswerStatus.CONCERN
    assert_first_clause(answer, case)


async def test_the_fields_of_a_blank_form_answer_nothing(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Reading sessions\n\n"
        "1. Volunteers read with children in the school library, never in an empty classroom.\n"
        "2. Every volunteer completes safeguarding training before their first session.\n\n"
        "# Appendix: incident form\n\n"
        "Use this form when recording an incident:\n"
        "Your name:\nAge:\nYour role:\nDate and time of the incident:\nWhat you saw or were told:\n",
    )
    for question in ("is there an age limit for helpers?", "what age do you have to be to volunteer?"):
        answer = await advisor.answer(question)
        # the form asks an age and sets none: it is never the answer (the policy sets no age: "it doesn't say" is right)
        assert not answer.hits or answer.hits[0].clause.heading != "Appendix: incident form", question


async def test_picking_on_others_finds_the_policy_on_bullying_and_its_consequences(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Bullying\n\n"
        "1. All incidents are recorded by the head coach in the incident book after every session.\n"
        "2. Repeated incidents of serious bullying could result in the removal of the bully from class.\n"
        "3. Parents are informed of significant or repeated incidents.\n",
    )
    answer = await advisor.answer("what happens to someone who keeps picking on the others, can they get banned?")
    assert "2" in [hit.clause.ref for hit in answer.hits]


async def test_a_worry_in_words_the_policy_never_uses_still_quotes_its_reporting_clause(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Safeguarding\n\n"
        "1. Report any concern about a child to the Designated Safeguarding Lead immediately.\n"
        "2. Staff must not share their personal phone numbers with young people.\n",
    )
    answer = await advisor.answer("someone keeps threatening to batter him after training and hes terrified")
    assert answer.status is AnswerStatus.CONCERN
    assert answer.hits[0].clause.ref == "1"


async def test_online_lesson_words_find_the_remote_teaching_rules(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Remote teaching\n\n"
        "1. Live sessions must not be recorded without the written consent of a parent or carer.\n"
        "2. Tutors must keep their webcam on and sit in a shared space, never in a bedroom, during live sessions.\n"
        "3. Concerns about a pupil must be reported to the Designated Safeguarding Lead the same day.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("can i screen record the online lesson so the learner can rewatch it?", "1"),
            ("is it ok to turn my camera off and teach from my bedroom?", "2"),
        ],
    )


async def test_the_same_question_asked_again_gets_the_same_answer(leaps: PolicyAdvisor) -> None:
    # the second time round, the candidates' sentences come from the index's cache
    first = await leaps.answer("can i put pics of the kids from the trip on my insta?")
    again = await leaps.answer("can i put pics of the kids from the trip on my insta?")
    assert first == again
    assert leaps.index.sentence_cache  # the cache is in use, so this compared a cached ranking


async def test_a_worry_is_answered_first_with_whom_to_tell_and_how_soon(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Safeguarding\n\n"
        "Physical abuse may involve hitting, shaking, throwing, burning or otherwise causing physical harm "
        "to a child.\n\n"
        "Repeated bruises on the arms of a boy or girl, or injuries a child says a parent caused by hitting "
        "them, can be signs of physical abuse at home.\n\n"
        "Whatever you notice or are told, report it to the Designated Safeguarding Lead immediately.\n",
    )
    worry = "one of the boys has bruises on his arms again and says his dad hit him"
    answer = await advisor.answer(worry)
    assert answer.status is AnswerStatus.CONCERN
    assert answer.hits[0].clause.text.startswith("Whatever you notice or are told")


async def test_a_worry_finds_the_clause_that_says_to_whom_in_any_words(tmp_path: Path) -> None:
    # "raised with the Managing Director", "informed": whom to tell is not always the DSL, in those words
    advisor = advisor_with(
        tmp_path,
        "# Social media\n\n"
        "1. Adults must ensure young people are not exposed to inappropriate messages, images or web links on "
        "club equipment, and any issues with a young person's messages must be reported to the session lead.\n"
        "2. All concerns about communications between adults and young people must be raised with the Managing "
        "Director immediately.\n"
        "3. Adults must not give young people their personal phone numbers or social media details.\n",
    )
    answer = await advisor.answer(
        "a volunteer keeps messaging a 14 yr old late at night and told her to keep it secret"
    )
    assert answer.status is AnswerStatus.CONCERN
    assert answer.hits[0].clause.ref == "2"


async def test_a_policy_about_one_subject_still_answers_a_question_it_covers_well(tmp_path: Path) -> None:
    # "bullying", "child" and "parents" in most clauses of a long policy weigh little, so even a clause
    # that answers every word of the question scores low
    kinds = ["name calling", "teasing", "threats", "spreading rumours", "hitting", "taking belongings", "ignoring"]
    rules = [
        f"Bullying of a child by {kind} is not accepted at the rink, and "
        + ("the parents of the child are told the same day." if n % 3 == 0 else "the coach talks to the child.")
        for n, kind in enumerate(kinds * 6)
    ]
    rules.insert(20, "If the bully is a child, inform the bully's parents.")
    policy = "# Anti-bullying policy\n\n" + "\n".join(f"{n}. {rule}" for n, rule in enumerate(rules, start=1))
    advisor = advisor_with(tmp_path, policy + "\n")
    answer = await advisor.answer("if the one doing the bullying is a kid, do we tell his mum and dad?")
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.hits[0].clause.ref == "21"


def test_id_means_identification_only_where_it_is_not_i_would(tmp_path: Path) -> None:
    # "I'd" loses its apostrophe in tokenizing; the vocabulary names identification in phrases
    advisor = advisor_with(
        tmp_path,
        "# Conduct\n\n1. Volunteers must show their photo ID when they arrive at a session.\n"
        "2. Staff must not share pictures of young people on their own accounts.\n",
    )
    groups = advisor.knowledge.vocabulary.group
    identification = next(f"~{n}" for n, group in enumerate(groups) if "identification" in group.terms)
    asked = {term.feature for term in advisor.index.query_terms("I'd like to share the pics on my insta")[0]}
    assert identification not in asked
    asked = {term.feature for term in advisor.index.query_terms("do volunteers need photo id to get in?")[0]}
    assert identification in asked


def test_typos_are_repaired_but_real_words_are_left_alone(leaps: PolicyAdvisor) -> None:
    index = leaps.index
    assert index.repair("freind") == "friend"  # a typo, one letter swap from a word the policy uses
    for word in ["scared", "rules", "project", "heard", "bought"]:  # English words, one edit from a policy word
        assert index.repair(word) == word


# a volunteer handbook's rules, none on photos: a long policy, in which a subject it covers is named more than once
HANDBOOK_RULES = "".join(
    f"{number}. {rule}\n\n"
    for number, rule in enumerate(
        [
            "Leaders must never be alone with a child in a closed room; keep doors open and stay in sight.",
            "Report any worry about a child to the safeguarding lead the same day, in writing.",
            "Leaders at holiday club wear their lanyard at all times and sign in at the front desk.",
            "Children are collected only by an adult named on their registration form.",
            "Sessions have at least two adults present, one of them a trained leader.",
            "Leaders do not give children lifts home unless a parent has agreed in writing.",
            "Physical contact is kept to what an activity needs, and explained to the child first.",
            "Any accident is written in the accident book and a parent told at collection.",
            "Leaders do not smoke or vape on the premises or in sight of children.",
            "Medicines are given only with a parent's written consent and recorded each time.",
            "Fire exits are kept clear and the register is taken to the assembly point in a drill.",
            "Leaders speak to children respectfully and never use sarcasm or put-downs.",
            "Bullying between children is stopped at once and the session lead told.",
            "Gifts to or from children and families are recorded with the session lead.",
            "Volunteers have an enhanced DBS check before they start and renew it every three years.",
            "A child who arrives unwell is kept comfortable and a parent called to collect them.",
            "Leaders do not meet children outside club activities.",
            "Complaints from parents go to the club manager, who replies within ten working days.",
            "Personal information about children is kept in the locked cabinet in the office.",
            "Leaders follow the trip plan and carry the emergency contact list on every outing.",
        ],
        start=2,
    )
)


async def test_a_subject_named_once_in_passing_is_not_one_the_policy_covers(tmp_path: Path) -> None:
    question = "can we post photos of the kids from holiday club on the club facebook page?"
    in_passing = advisor_with(
        tmp_path / "course",
        "# Volunteer handbook\n\n1. Welcome to the volunteer course. We want our club to be a safe place for "
        "everyone, children and adults alike, and this course explains how we keep it so: each part has its own "
        "short video and a quiz at the end, and your answers are kept with your volunteer record.\n\n" + HANDBOOK_RULES,
    )
    assert (await in_passing.answer(question)).status is AnswerStatus.NO_MATCH
    # named once, in a short clause about it: quoted
    answering = advisor_with(
        tmp_path / "photos",
        "# Volunteer handbook\n\n1. Photos of children are only put on the club's page with a parent's written "
        "consent.\n\n" + HANDBOOK_RULES,
    )
    await assert_answered_first_by(answering, [(question, "1")])


KEY_CONTACTS = """# Safeguarding policy

## Key contacts

Designated Safeguarding Lead (DSL): Jade Smith

Deputy Designated Safeguarding Lead (DDSL): Chloe Brown

## Non-emergency concerns

1. Record the incident on the reporting form as soon as possible, using factual language.

2. All incidents will be discussed with the DSL/DDSL. If you feel unable to raise it with the DSL/DDSL, you can
directly contact the council's adult safeguarding team.

3. We will not ask volunteers to make decisions about referrals to external agencies.
"""


async def test_someone_outside_to_go_to_is_answered_by_the_route_around_the_lead(tmp_path: Path) -> None:
    advisor = advisor_with(tmp_path, KEY_CONTACTS)
    answer = await advisor.answer(
        "honestly not comfy going to jade or chloe with this one. is there anyone outside the group i can go to?"
    )
    assert answer.status is AnswerStatus.ANSWERED
    assert any("If you feel unable to raise it" in hit.clause.text for hit in answer.hits)


async def test_a_short_policy_does_not_cover_a_subject_it_names_once_in_passing(tmp_path: Path) -> None:
    """A small club's policy runs to a few clauses; "chat" among its steps for recruiting volunteers does not
    make it a policy on coaches messaging players."""
    advisor = advisor_with(
        tmp_path,
        "# Child protection policy\n\n1. We follow the national guidance for recruiting volunteers and will: "
        "develop a role profile, request identification documents, meet and chat with the applicant, take up "
        "two references and ask for an enhanced DBS check before they start.\n\n"
        "6. Codes of conduct for players, parents and coaches are on the club website.\n\n"
        + "\n\n".join(HANDBOOK_RULES.split("\n\n")[:4]),
    )
    assert len(advisor.knowledge.clauses) < 10
    answer = await advisor.answer("are coaches allowed to message players directly on whatsapp?")
    assert answer.status is AnswerStatus.NO_MATCH


async def test_a_subject_named_once_in_a_long_clauses_first_words_is_what_that_clause_is_about(
    tmp_path: Path,
) -> None:
    """Not a mention in passing, though another clause matches the question's other words better."""
    advisor = advisor_with(
        tmp_path,
        "# Volunteer handbook\n\n1. When transporting children, a volunteer never drives a lone child: another "
        "adult knows the route, the times and the car, the journey goes straight to the agreed place, and a "
        "parent's written consent for it is kept on file with the club's insurance details.\n\n"
        "2. At football a mum or dad of each child stays for the session and takes them back at the end.\n\n"
        + "\n\n".join(rule for rule in HANDBOOK_RULES.split("\n\n") if "lifts" not in rule),  # named only in 1
    )
    answer = await advisor.answer(
        "one of the kids from football needs a lift back and his mum asked if I could take him"
    )
    assert answer.status is AnswerStatus.ANSWERED
    assert "1" in [hit.clause.ref for hit in answer.hits]


async def test_a_subject_named_once_in_a_short_clause_is_covered_though_another_clause_comes_first(
    tmp_path: Path,
) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Volunteer handbook\n\nChildren at holiday club may, with their parents' agreement:\n\n"
        "1. Be photographed or filmed only with a parent's consent.\n\n" + HANDBOOK_RULES,
    )
    answer = await advisor.answer("can we post photos of the kids from holiday club on the club facebook page?")
    assert answer.status is AnswerStatus.ANSWERED
    assert "Be photographed or filmed" in answer.hits[1].clause.text  # quoted, second


async def test_a_premises_question_is_no_match_even_when_the_policy_mentions_first_aid(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Safety\n\nA first aider is on site at every session and the first aid kit is kept in the office.\n\n"
        "Staff must keep their passwords private and must not share them with young people.\n",
    )
    answer = await advisor.answer("whats the wifi password?")
    assert answer.status is AnswerStatus.NO_MATCH  # wifi is its own subject, which this policy never mentions


@pytest.mark.parametrize(
    "question",
    [
        "its chucking it down, can i drive one of the young people home after group?",
        "her mum says its fine if i drop her off on my way, am i allowed?",
        "can i offer the lads a lift to the match?",
        "how many mentors do we need per table at the weekend?",
        "how long are we supposed to keep a young person's details before we delete them?",
        "the young people want to do a sponsored walk for the group, can they?",
        "can i have a quick vape outside with the young people at the end of the session?",
        "when is my appraisal due now my probation period is up?",
        "one of the lads has a nut allergy, are we allowed anything with nuts in the room?",
        "whats the procedure if a young person goes missing on a trip?",
        "one of the new young people needs help in the toilet, who is allowed to do personal care?",
        "a family gave me a £20 voucher to say thanks, can i keep it?",
        "when do we move up a point on the pay scale?",
        "its 26 degrees on friday, can we put sun cream on them?",
        "my laptop wont connect to the vpn, who do i contact for it support?",
        "is there a set number of staff we need per young person?",
        "how long are we allowed to keep the photos from last years outings?",
        "a young person grazed his knee, do we have an accident book to fill in?",
        "just started as a session worker, am i automatically put in the pension?",
        "how many of us need to be on at the friday session? we had 40 young people last week",
        "ive been using my own phone data to message the young people's parents, can i claim any of it back?",
        "where do the volunteers park when we take the young people to the leisure centre?",
        "whats the subs for the young people this term, weekly or per session?",
        "one of the young people asked if id write her a reference for her college application, am i allowed?",
        "a young person's grandad died and the family have asked me to the funeral, am i allowed to go?",
    ],
)
async def test_work_matters_a_policy_never_covers_are_no_match_however_they_are_asked(
    tmp_path: Path, question: str
) -> None:
    # a policy sharing the questions' everyday words (young people, photos, forms, trips, staff), and
    # saying nothing on their subjects
    advisor = advisor_with(
        tmp_path,
        "# Safeguarding at our youth club\n\n"
        "1. Staff and volunteers must report any concern about a young person to the safeguarding lead the same "
        "day.\n"
        "2. Records of concerns are kept on the incident form and stored securely in the office.\n"
        "3. Photos of young people are only taken on club cameras, with a parent's written consent.\n"
        "4. Staff must not give young people their personal phone number or message them on social media.\n"
        "5. On trips, leaders carry the young people's emergency contact details and a register.\n"
        "6. Parents are asked to tell us about anything that affects their child's wellbeing.\n"
        "7. Staff must not accept friend requests from young people or their parents.\n",
    )
    assert (await advisor.answer(question)).status is AnswerStatus.NO_MATCH


TUTORING_POLICY = (
    "# Online lessons\n\n"
    "1. All lessons take place in the online classroom, never on another platform.\n"
    "2. If the platform fails, end the session and tell the office, who will arrange a refund for the family.\n"
    "3. Tutors must not give learners their personal phone number or email address.\n"
)
CLUB_POLICY = (
    "# Our club\n\n"
    "1. All staff complete safeguarding training every year.\n"
    "2. Parents pay through the club app, which also sends their invoices.\n"
    "3. Children and residents are only photographed on the club's own camera.\n"
    "4. Snacks are prepared following our food hygiene rules.\n"
    "5. Staff must not give families their personal phone number.\n"
)
RUGBY_POLICY = (
    "# Club safeguarding\n\n"
    "1. Concerns about a coach or any adult in the club must be reported to the club safeguarding officer; "
    "talk to them first.\n"
    "2. Staff must not scroll social media while supporting someone, including during sleep-in shifts.\n"
    "3. Adult members and parents are welcome in the clubhouse and may watch any session.\n"
    "4. Coaches must not give players lifts on their own.\n"
)
GAMING_POLICY = (
    "# Gaming club\n\n"
    "1. The gaming club runs on the council's Discord server, with two members of staff in every channel.\n"
    "2. Staff use service accounts only, never their personal ones.\n"
)
# A subject beside one the policy covers, or sharing its words, is still one it never mentions.
NEXT_TO_A_COVERED_SUBJECT = {
    "a game's age rating is no rule on running the club": (
        GAMING_POLICY,
        "what age rating games are we allowed to put on at gaming club? some of the 12 yr olds want COD",
    ),
    "invoicing is no refund": (TUTORING_POLICY, "how do i invoice for the half term sessions, same form as normal?"),
    "booking leave is no email": (TUTORING_POLICY, "how do i book leave for half term, do i email the office?"),
    "inset days are no training": (CLUB_POLICY, "when's the next inset day? trying to book a dentist appointment"),
    "a late fee is no invoice": (
        CLUB_POLICY,
        "we've got a family who are late every single day, can we start charging them a late fee?",
    ),
    "a family's alexa is not the club's camera": (
        CLUB_POLICY,
        "her daughter wants to put an alexa with a camera in her mum's room, is that allowed?",
    ),
    "food past its date is no snack": (CLUB_POLICY, "do we give out tins that are past their best before date?"),
    "hiring the clubhouse is no visit": (
        RUGBY_POLICY,
        "who do i talk to about hiring the clubhouse for my wife's 40th?",
    ),
    "a price is no membership": (
        RUGBY_POLICY,
        "how much is adult tap per term? someone asked me at the door and i had no idea",
    ),
    "a tracking app is no rule on phones": (
        CLUB_POLICY,
        "can i put a tracking app on my foster son's phone so i know where he is when hes out?",
    ),
    "a jab is no rule on food hygiene": (CLUB_POLICY, "do the kids need a tetanus jab before the farm visit?"),
    "an allowance is no payment through the app": (
        CLUB_POLICY,
        "do foster carers get an allowance towards the extra sessions, or do they pay through the app like everyone?",
    ),
    "a licensed bar is no rule on snacks": (
        CLUB_POLICY,
        "can the kids help at the summer fete if there's a licensed bar?",
    ),
    "a tablet from my bag is a medicine, which this policy never names": (
        "# Conduct\n\n"
        "1. Do not accept or send friend requests to any child who attends our clubs.\n"
        "2. Staff must not give children gifts or their personal phone number.\n",
        "one of the girls has bad hayfever, can i give her a piriton from my bag?",
    ),
    "booking the pavilion is no worry to talk over": (
        "# Reporting\n\n"
        "1. If you are worried about the behaviour of a coach or volunteer towards a child, talk to the Welfare "
        "Officer.\n"
        "2. Coaches must not give juniors lifts home.\n",
        "who do i talk to about booking the pavilion for my cousins engagement party?",
    ),
    "pay for sleep-ins is no rule on them": (
        RUGBY_POLICY,
        "does anyone know if sleep ins are paid flat rate or hourly now? my payslip looks wrong",
    ),
    "the bank holidays a service runs on are no leave": (
        "# Contacts\n\n"
        "1. Out of hours team (evenings, weekends and bank holidays): 01632 000 999\n"
        "2. All concerns must be discussed with the DSL on the same day.\n"
        "3. Staff must use the work phone for all contact with young people.\n",
        "when's the cut off for booking leave over christmas",
    ),
    "using sharp knives is no rule on who may join": (
        "# Sessions and supervision\n\n"
        "1. Every session has a named session leader, a register and at least two DBS-checked adults present.\n"
        "2. Young people aged 13 to 19 may join the programme with a parent's consent.\n"
        "3. Staff must not be alone with a young person out of sight of others.\n",
        "doing a cooking session with the harvest next week, are the 13 yr olds allowed to use the sharp knives?",
    ),
}


@pytest.mark.parametrize(
    ("policy", "question"), NEXT_TO_A_COVERED_SUBJECT.values(), ids=NEXT_TO_A_COVERED_SUBJECT.keys()
)
async def test_a_subject_next_to_one_the_policy_covers_is_still_no_match(
    tmp_path: Path, policy: str, question: str
) -> None:
    assert (await advisor_with(tmp_path, policy).answer(question)).status is AnswerStatus.NO_MATCH


async def test_the_minibus_running_late_only_sets_the_scene(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Contact with families\n\n"
        "1. Staff must only text or ring parents and carers from the work mobile.\n"
        "2. Staff should keep their personal accounts private.\n",
    )
    late = await advisor.answer("the minibus is running late, can i text a parent from my own phone?")
    assert late.status is AnswerStatus.ANSWERED
    assert late.hits[0].clause.ref == "1"


async def test_no_sign_of_mum_at_the_end_of_the_day_is_a_child_not_collected() -> None:
    """ "No sign of her mum" is a late collection, not anyone signing anything."""
    docs = REPO / "benchmarks" / "new_policies_2026_12_04" / "Z62" / "docs"
    club = advisor_for(docs / "st-aidans-wraparound-care-safeguarding-policy.txt")
    answer = await club.answer("its gone 6.15 and no sign of her mum yet, what do we do?")
    assert answer.status is AnswerStatus.ANSWERED
    assert all(hit.clause.heading.startswith("Late collection") for hit in answer.hits)


async def test_swimming_is_answered_only_by_a_policy_that_speaks_of_it(tmp_path: Path) -> None:
    """A theatre's policy on evenings and rooms on tour says nothing of the hotel pool; one on photos in swimwear
    speaks of the swimming gala."""
    docs = REPO / "benchmarks" / "new_policies_2026_12_04" / "Z60" / "docs"
    theatre = advisor_for(docs / "lantern-street-youth-theatre-safeguarding.txt")
    pool = await theatre.answer("can the cast use the hotel pool in the evenings on tour? do we need a lifeguard")
    assert pool.status is AnswerStatus.NO_MATCH
    club = advisor_with(
        tmp_path,
        "# Photos\n\n1. No photos are taken of children in swimwear.\n2. Photos are stored on the club laptop only.\n",
    )
    gala = await club.answer("can i take photos at the swimming gala on saturday?")
    assert gala.status is AnswerStatus.ANSWERED
    assert gala.hits[0].clause.ref == "1"


async def test_naming_ones_employer_online_is_answered_only_by_a_policy_that_speaks_of_it(tmp_path: Path) -> None:
    profiles = (
        "# Online conduct\n\n"
        "1. A member's address, school or phone number must never be posted on a profile or page.\n"
        "2. Staff must not criticise colleagues or managers on social media, even without naming them.\n"
    )
    silent = advisor_with(tmp_path / "silent", profiles)
    asked = "can i put on my linkedin profile that i work for the trust?"
    assert (await silent.answer(asked)).status is AnswerStatus.NO_MATCH
    # not saying where one works is the condition of another question, which the policy answers
    for condition in ("if i dont say where i work", "if i dont say her name or where i work"):
        moan = await silent.answer(f"can i have a moan about my manager on fb {condition}?")
        assert moan.status is AnswerStatus.ANSWERED, condition
        assert moan.hits[0].clause.ref == "2"
    speaking = advisor_with(
        tmp_path / "speaking",
        profiles + "3. If you tell others that you work for the trust, stay within this policy.\n",
    )
    answer = await speaking.answer(asked)
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.hits[0].clause.ref == "3"


# a subject some policies cover and others never name: (a policy without it, its clause 3 covering it, questions)
COVERED_ONLY_WHERE_SAID = {
    "passports (a policy on trips away may still say nothing of who keeps them)": (
        "# Trips\n\n"
        "1. Every residential trip or tour needs two adults and a consent form signed by parents.\n"
        "2. Leaders carry a first aid kit and the emergency contact list on every trip.\n",
        "3. The trip leader keeps all passports in the hotel safe.\n",
        ("on the tour to france who looks after the kids passports?",),
    ),
    "first aid (a policy recording injuries in the accident book says nothing on who gives first aid)": (
        "# Health and safety\n\n"
        "1. Any injury is recorded in the accident book and parents are told at collection.\n"
        "2. Young people must wear helmets on the bikes and the climbing wall.\n",
        "3. Every session has a qualified first aider, named on the noticeboard.\n",
        ("does one of us have to be a first aider on the bike ride?",),
    ),
    "how often (a clause with a number but no frequency doesn't say how often)": (
        "# Our accounts\n\n"
        "1. All the club's social media accounts are password-protected, and at least 2 coaches have each login.\n"
        "2. Passwords must never be shared with players or parents.\n",
        "3. Account passwords are changed every term and whenever a coach leaves.\n",
        ("how often are we supposed to change the password on the club insta?",),
    ),
    "an age limit (a clause on the same thing that states no age doesn't answer how old one must be)": (
        "# Social media\n\n"
        "1. Staff must not follow or friend members on TikTok, Snapchat or Instagram from personal accounts.\n"
        "2. Members may post on the club's TikTok only with a parent's consent.\n",
        "3. Members must be 13 or over to appear on the club's TikTok.\n",
        ("what age do members have to be to go on the club tiktok?",),
    ),
    "young people's own phones (a rule on staff's phones says nothing of theirs)": (
        "# Phones\n\n"
        "1. Staff must not use their personal phones to photograph young people.\n"
        "2. Staff keep their own phones switched off and out of sight during activities.\n",
        "3. Young people may bring a mobile phone; it is handed to a leader at the start of camp.\n",
        (
            "are the scouts allowed to bring their mobiles on camp or do we take them off them?",
            "can the year 8s keep phones in their blazer pockets at youth club?",
        ),
    ),
    "who may take a child home, or let them walk home alone": (
        "# Sessions\n\n"
        "1. Children are supervised by two adults at all times.\n"
        "2. Staff must not give young people lifts in their own cars.\n",
        "3. Children are only released to a parent or an adult named on the registration form; Year 6 may walk home "
        "alone with written consent.\n",
        ("can the 11 year olds walk home by themselves after cubs?", "can his older brother collect him from footy?"),
    ),
    "films' certificates (a film night's rules say nothing of which films)": (
        "# Film club\n\n"
        "1. Film club runs on Fridays in the hall, with two adults present.\n"
        "2. Children who do not want to watch can play board games in the library.\n",
        "3. Films shown at the club are rated U or PG.\n",
        (
            "a couple of the year 6s brought in a 12A for film club on friday, can we put it on?",
            "is it ok to show a PG-13 film at film club if the parents dont mind?",
        ),
    ),
    "fees and discounts (a policy on the sessions says nothing of their price)": (
        "# Sessions\n\n"
        "1. Saturday sessions run from 10am to 12pm in the main hall.\n"
        "2. Children are signed in and out by a parent or named adult.\n",
        "3. A second child from the same family pays half price.\n",
        ("a dad wants to know if there's a sibling discount for saturdays, is there?",),
    ),
    "kit orders (a deadline for reporting says nothing of one for ordering)": (
        "# Coaches\n\n"
        "1. Report any concern about a junior to the welfare officer within 24 hours.\n"
        "2. Coaches must not be alone with a junior in the changing rooms after training.\n",
        "3. Training tops are ordered through the club shop by 30 September.\n",
        ("whens the deadline for ordering the new junior training tops?",),
    ),
    "leftover food (a rule on taking a child home says nothing of taking food home)": (
        "# End of the day\n\n"
        "1. If a child is not collected after 30 minutes, staff must never take the child home themselves.\n"
        "2. Children are signed out by a parent or a named adult.\n",
        "3. Packed lunches left over may be taken home by families at the end of the day.\n",
        ("loads of packed lunches left over every day, can we let the kids take them home at the end?",),
    ),
    "recording an online session (rules on running one say nothing of recording it)": (
        "# Online sessions\n\n"
        "1. Online sessions run on the club's Zoom account with two leaders present.\n"
        "2. Concerns raised in a session are recorded on the concern form the same day.\n",
        "3. Online sessions and calls with young people are never recorded.\n",
        ("can i record tonight's zoom session for the ones who can't make it?",),
    ),
    "drones (a rule on photographs says nothing of flying one)": (
        "# Photographs\n\n"
        "1. Photographs of young people are taken on club cameras only, with their parents' consent.\n"
        "2. Images posted on the club's pages never give a child's full name.\n",
        "3. Drones may not be flown over club events, whoever owns them.\n",
        (
            "my brother has a quadcopter, can he bring it to the regatta and get some footage?",
            "is it ok if i fly my drone over the tournament for some aerial shots?",
        ),
    ),
}


@pytest.mark.parametrize(
    ("policy", "saying", "questions"), COVERED_ONLY_WHERE_SAID.values(), ids=COVERED_ONLY_WHERE_SAID.keys()
)
async def test_a_subject_is_answered_only_by_a_policy_that_speaks_of_it(
    tmp_path: Path, policy: str, saying: str, questions: tuple[str, ...]
) -> None:
    silent = advisor_with(tmp_path / "silent", policy)
    for question in questions:
        assert (await silent.answer(question)).status is AnswerStatus.NO_MATCH, question
    speaking = advisor_with(tmp_path / "speaking", policy + saying)
    await assert_answered_first_by(speaking, [(question, "3") for question in questions])


async def test_texting_a_parent_is_answered_by_the_rule_on_contacting_parents_not_young_people(
    leaps: PolicyAdvisor,
) -> None:
    # LEAPS 6.6 is on a work phone for communicating with attendees who live independently; 6.2 on contacting parents
    await assert_answered_first_by(
        leaps,
        [
            ("the trip is running late, can i text the parents from my own mobile?", "6.2"),
            ("can i text the young people from my own phone about the next trip?", "6.6"),
        ],
    )


@pytest.mark.parametrize(
    "question",
    [
        "am i allowed to put that i work for independence project on my linkedin?",
        "am i allowed to say where i work on my insta bio?",
    ],
)
async def test_am_i_allowed_frames_the_question_and_matches_no_rule_that_allows(question: str) -> None:
    # Independence Project's "You must not allow your interaction on these websites to damage working
    # relationships" shares "allow" with the frame only; its rule on telling others you work for it answers
    advisor = advisor_for(SEEDS / "004_1b448daf2f5f7c51.txt")
    answer = await advisor.answer(question)
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.hits[0].clause.text.startswith("If you tell others that you work for Independence Project")


async def test_a_lift_asked_in_other_words_finds_the_policy_on_transport(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Youth groups\n\n"
        "1. Young people under 18 need consent from a parent to join the group.\n"
        "2. Staff must avoid transporting a lone young person; where it is unavoidable, tell the lead first.\n",
    )
    answer = await advisor.answer("its chucking it down, can i drive one of the young people home after group?")
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.hits[0].clause.ref == "2"


async def test_a_contacts_table_gives_a_number_asked_for_but_no_rule_on_staffs_own_numbers(tmp_path: Path) -> None:
    # the table's header says "Phone" and its rows only the numbers: no clause says "phone number", yet the
    # policy gives the LADO's; it still says nothing of staff giving out their own
    advisor = advisor_with(
        tmp_path,
        "# Photographs\n\n"
        "1. Photos of young people are taken only on the club camera.\n\n"
        "# Key contacts\n\n"
        "Role | Name | Phone\n"
        "Welfare Officer | Natalie Pearce | 07700 900820\n"
        "Deputy Welfare Officer | Owen Griffiths | 07700 900821\n"
        "LADO | | 01632 960870\n",
    )
    for question, row in (
        ("what's the LADO's phone number?", "LADO | | 01632 960870"),
        ("whats the deputy's number", "Deputy Welfare Officer | Owen Griffiths | 07700 900821"),
    ):
        answer = await advisor.answer(question)
        assert answer.status is AnswerStatus.ANSWERED, question
        assert answer.hits[0].clause.text == row, question
    for question in ("can i give a parent my phone number?", "is it ok to give the kids my personal mobile number"):
        assert (await advisor.answer(question)).status is AnswerStatus.NO_MATCH, question


async def test_where_to_park_is_asked_however_it_is_put(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Sessions\n\n"
        "1. If it happens again after a warning, a session may be cancelled and a letter sent.\n"
        "2. Staff must not post about a session on social media until every young person has gone home.\n",
    )
    answer = await advisor.answer("where are we supposed to park on session days? the car park was rammed")
    assert answer.status is AnswerStatus.NO_MATCH


@pytest.mark.parametrize(
    "question",
    [
        "are staff allowed to be on their phones during sessions with the kids?",
        "can i text a young person's mum from my personal phone to sort out pick up times?",
        "can i give one of the young people my mobile number so they can text me?",
    ],
)
async def test_a_phone_question_is_no_match_when_the_policy_never_mentions_phones(
    tmp_path: Path, question: str
) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Social media\n\n"
        "1. Staff must not allow their interaction on social media to damage working relationships with young "
        "people and their families.\n"
        "2. Staff must keep their personal social media profiles private.\n",
    )
    assert (await advisor.answer(question)).status is AnswerStatus.NO_MATCH


@pytest.mark.parametrize(
    ("rule", "question"),
    [
        (
            "Staff join the weekly gaming club on the Council's Discord server only in the shared voice channel.",
            "can i jump in a private voice channel with one of the lads to help with his minecraft build?",
        ),
        (
            "When staff phone parents from home during a school closure, they must withhold their number.",
            "probably a snow day tomorrow, we have to ring round our class from home. do i use my own mobile?",
        ),
    ],
)
async def test_a_game_or_a_snow_day_is_a_subject_the_policy_covers_in_its_own_words(
    tmp_path: Path, rule: str, question: str
) -> None:
    advisor = advisor_with(
        tmp_path,
        f"# Staff conduct\n\n1. {rule}\n2. Staff must not post photos of young people on personal accounts.\n"
        "3. Staff must report any concern about a young person to the DSL the same day.\n",
    )
    await assert_answered_first_by(advisor, [(question, "1")])


@pytest.mark.parametrize(
    "question", ["whats the deadline for ucas applications?", "how soon do the predicted grades go off"]
)
async def test_a_kind_of_question_alone_finds_nothing_when_the_policy_uses_none_of_its_words(
    tmp_path: Path, question: str
) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Reporting\n\n"
        "1. Concerns must be reported to the DSL within 24 hours, or immediately if a child is at risk.\n"
        "2. Staff must not post photos of young people on personal accounts.\n",
    )
    answer = await advisor.answer(question)
    assert answer.status is AnswerStatus.NO_MATCH
    assert answer.hits == ()


async def test_belongings_stolen_are_no_match_where_the_policy_never_covers_them(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Mobile phones\n\n"
        "1. Members and volunteers only use their mobile phones during sessions to confirm transport.\n"
        "2. We ask for consent before photographs are taken of members during a session.\n"
        "3. Staff explain to members how phones during activities affect their awareness.\n",
    )
    answer = await advisor.answer("a girl's phone got stolen from the changing room at club, is the club liable?")
    assert answer.status is AnswerStatus.NO_MATCH


async def test_a_subject_named_before_a_question_that_only_points_back_to_it_is_still_asked(
    leaps: PolicyAdvisor,
) -> None:
    # the social media policy says nothing on vetting; "a fresh one" is the DBS of the sentence before
    answer = await leaps.answer("my dbs is from my last job in 2021. do i need to do a fresh one for leaps suffolk?")
    assert answer.status is AnswerStatus.NO_MATCH


async def test_a_question_told_with_a_long_scene_is_answered_when_its_asking_words_match_closely() -> None:
    insight = advisor_for(SEEDS / "000_93b0e619727f1d44.txt")
    answer = await insight.answer(
        "amazing day at the beach yesterday - ice creams, sandcastles, donkey rides, crabbing in the rock pools, "
        "seagulls pinching chips and tom from the thursday group digging a massive moat with a bucket and spade. "
        "i took some videos of the kids on my own phone to share with the team, is that ok?"
    )
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.hits[0].clause.text.startswith("Members of staff must not use their personal mobile phones")


INSIGHT = "000_93b0e619727f1d44.txt"  # a social media policy: nothing on training, babysitting or safety kit
INTEREST_LINK = "002_d52f203a56efd9d8.txt"  # phones at sessions and online safety, but not lessons or errands


@pytest.mark.parametrize(
    ("seed", "question"),
    [
        (INSIGHT, "just started volunteering, is there an online safety course i have to do first?"),
        (INSIGHT, "one of the mums asked if i could babysit for her kids on saturday night, are staff allowed to?"),
        (INSIGHT, "do the young people have to wear helmets for the activities or is it up to them?"),
        (INTEREST_LINK, "can i do my online banking on the work laptop at lunch?"),
        (INTEREST_LINK, "are staff allowed to have their phones on them in the classroom during lessons?"),
    ],
)
async def test_a_subject_a_seed_policy_never_covers_is_no_match(seed: str, question: str) -> None:
    assert (await advisor_for(SEEDS / seed).answer(question)).status is AnswerStatus.NO_MATCH


async def test_a_comment_left_on_the_page_is_answered_by_the_rule_on_removing_posts() -> None:
    answer = await advisor_for(SEEDS / INTEREST_LINK).answer(
        "one of the members left a nasty comment on our fb page about another member, do i just delete it?"
    )
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.hits[0].clause.text.startswith("Designated staff will remove inappropriate posts")


async def assert_covered_only_where_said(tmp_path: Path, question: str, silent: list[str], covering: str) -> None:
    """Each policy in `silent` says "the policy doesn't say"; `covering` answers with its clause 2."""
    for number, policy in enumerate(silent):
        advisor = advisor_with(tmp_path / f"silent{number}", policy)
        assert (await advisor.answer(question)).status is AnswerStatus.NO_MATCH, policy
    await assert_answered_first_by(advisor_with(tmp_path / "covering", covering), [(question, "2")])


CLUB_PAGES = "# Social media\n\n1. Photos of members go on the club's pages only with a parent's consent.\n\n"


@pytest.mark.parametrize(
    ("opening", "question", "silent_clause", "covering_clause"),
    [
        pytest.param(
            CLUB_PAGES,
            "are we allowed to livestream the tournament on the club facebook page?",
            "Members must not post hurtful or offensive comments about others on the pages.",
            "Matches are never live streamed on the club's pages without every parent's written consent.",
            id="live streaming",
        ),
        pytest.param(
            CLUB_PAGES,
            "who is supposed to have the login for the club instagram?",
            "Members must not post hurtful or offensive comments about others on the pages.",
            "Two committee members hold the passwords for the club's social media accounts.",
            id="logins",
        ),
        pytest.param(
            "# Activities\n\n1. Helmets must be worn for climbing and for every activity on the water.\n\n",
            "does the uniform policy let beavers wear the group hoodie instead of the jumper?",
            "Beavers wear a life jacket over their jumper for any group activity on the water.",
            "Beavers wear full uniform at parades; the group hoodie may be worn at weekly meetings.",
            id="uniform",
        ),
        pytest.param(
            "# Pastoral visiting\n\n1. Pastoral visitors are trained in safeguarding when they are appointed.\n\n",
            "do our pastoral visitors have to carry an id badge when they go to peoples houses?",
            "Pastoral visitors go to people's houses in pairs and tell the minister when they go.",
            "Pastoral visitors carry their church ID badge on every visit to someone's house.",
            id="proof of identity",
        ),
        pytest.param(
            "# Arrival\n\n1. New students are met at the airport by a member of staff.\n\n",
            "what time do the new students sit the placement test on their first day?",
            "On the first day new students start with lunch at 12.30pm, then a tour of the town with their leader.",
            "New students sit a placement test at 9am on their first day so that they join the right class.",
            id="a placement test",
        ),
    ],
)
async def test_a_subject_a_policy_covers_or_not_is_answered_only_where_it_says(
    tmp_path: Path, opening: str, question: str, silent_clause: str, covering_clause: str
) -> None:
    await assert_covered_only_where_said(
        tmp_path, question, silent=[f"{opening}2. {silent_clause}\n"], covering=f"{opening}2. {covering_clause}\n"
    )


async def test_messaging_a_child_is_a_subject_a_policy_covers_or_not(tmp_path: Path) -> None:
    """Nearly every policy says "contact" ("the first point of contact"): that does not cover texting a child,
    nor does an email address among the personal details a photo caption leaves out."""
    await assert_covered_only_where_said(
        tmp_path,
        "is it ok to text the teenagers in the group directly to sort out session times?",
        silent=[
            "# Child protection\n\n1. The session lead is the first point of contact for child protection issues.\n\n"
            "2. Sessions start on time and the group stays together throughout.\n",
            "# Photos\n\n1. Personal details such as email addresses of the teenagers in a photo are never "
            "published.\n\n2. Sessions start on time and the group stays together throughout.\n",
        ],
        covering="# Child protection\n\n1. The session lead is the first point of contact for child protection "
        "issues.\n\n2. All communications between volunteers and young people go through the group's official "
        "channels, never directly.\n",
    )


async def test_private_tuition_for_a_family_is_a_subject_a_policy_covers_or_not(tmp_path: Path) -> None:
    await assert_covered_only_where_said(
        tmp_path,
        "a mum asked if I can tutor her son privately at weekends, am I allowed?",
        silent=[
            "# Conduct\n\n1. Staff may be asked by a parent to give feedback on their son's progress at term's "
            "end.\n\n2. Staff are allowed to run weekend sessions only with the manager's agreement.\n"
        ],
        covering="# Conduct\n\n1. Staff may be asked by a parent to give feedback on their son's progress at "
        "term's end.\n\n2. Staff do not offer private tuition to the children they teach or to their families.\n",
    )


async def test_what_someone_goes_out_for_is_the_errand_not_the_subject_asked(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Events\n\n1. Participants only leave the venue unescorted if a parent has consented to it.\n\n"
        "2. The venue is open from nine until six on both days.\n",
    )
    await assert_answered_first_by(
        advisor, [("can the kids nip out to tesco for snacks or do they have to stay in?", "1")]
    )
    # asked about for itself, food is still a subject this policy never covers
    assert (await advisor.answer("what snacks are we allowed to give the kids?")).status is AnswerStatus.NO_MATCH


async def test_how_long_records_stay_before_deletion_is_a_retention_question(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Bullying\n\n1. Keep a record of every bullying incident in the head teacher's office.\n\n"
        "2. Parents are told of the outcome within a week.\n",
    )
    answer = await advisor.answer("how long do bullying records stay on the system before they get deleted?")
    assert answer.status is AnswerStatus.NO_MATCH


@pytest.mark.parametrize(
    ("question", "answering_clause"),
    [
        (
            "can volunteers claim petrol for getting to the sessions?",
            "Motor mileage to and from sessions is not covered for volunteers.",
        ),
        (
            "I bought fuses for the cafe, how do I get paid back?",
            "Purchases volunteers make for the cafe are reimbursed within a week.",
        ),
        (
            "im sick and cant make my session tomorrow, what should i do",
            "Please call your supervisor in advance if you are not able to attend a session.",
        ),
        ("someone just turned up at reception with their dog, is that allowed?", "Pets are not allowed on site."),
        (
            "if someone gets hurt on the walk, who can say yes to treatment at A&E?",
            "The walk leader gives consent to treatment when no next of kin can be contacted.",
        ),
        (
            "a supplier offered me a case of wine to say thanks, can I take it?",
            "Volunteers do not accept personal gifts of significant value from suppliers.",
        ),
    ],
)
async def test_volunteers_everyday_words_find_the_policys_own(
    tmp_path: Path, question: str, answering_clause: str
) -> None:
    advisor = advisor_with(
        tmp_path,
        f"# Volunteers\n\n1. Volunteers sign in at reception when they arrive for sessions.\n\n2. {answering_clause}\n",
    )
    await assert_answered_first_by(advisor, [(question, "2")])


async def test_still_counting_as_a_young_person_is_not_a_question_of_renewal(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Definitions\n\n1. A child or young person is anyone under the age of 18.\n\n"
        "2. A young adult is anyone between the age of 18 and 25 years.\n",
    )
    answer = await advisor.answer(
        "one of the lads just turned 19. does he still count as a young person or an adult now?"
    )
    assert answer.status is AnswerStatus.ANSWERED


@pytest.mark.parametrize(
    ("heading", "other_clause", "answering_clause", "question"),
    [
        pytest.param(
            "Trips",
            "Staff keep each signed consent form in the trip folder.",
            "A parent or carer signs the consent form before the trip.",
            "can her nan sign the consent form for the trip?",
            id="grandparents are family",
        ),
        pytest.param(
            "Bullying",
            "Tell the bully's parents what has happened and what the club will do.",
            "Keep records of what was said and by whom.",
            "a kid reported something to me, do I need to write anything down?",
            id="writing down is a record",
        ),
        pytest.param(
            "Recruitment",
            "References are taken up before a new member of staff starts.",
            "No unaccompanied access to children is allowed until every check has been completed.",
            "can the new assistant run a group on her own while her checks are still being done?",
            id="unaccompanied is alone",
        ),
        pytest.param(
            "Training",
            "All staff complete safeguarding training in their first month.",
            "Designated person training is refreshed every two years.",
            "how often does the safeguarding lead have to redo their training",
            id="refreshed is renewed",
        ),
        pytest.param(
            "Photography",
            "Photographs of children are taken only with a parent's consent.",
            "All children featured in photographs must be appropriately dressed.",
            "is there any rule about what the kids are wearing in photos?",
            id="wearing is dressed",
        ),
        pytest.param(
            "Anti-bullying",
            "Children talk about friendship and kindness in class.",
            "The governing body monitors incidents and reviews the effectiveness of this policy every year.",
            "who actually checks whether the anti-bullying stuff is working",
            id="who checks it is working",
        ),
        pytest.param(
            "Protection",
            "Record everything the child said as quickly as possible; the first disclosure is the most important, "
            "so write it down in the words used.",
            "Any individual who wishes to volunteer as a junior coach must complete the application form.",
            "I'm 24 and want to help out as a volunteer coach, what checks do I need to do first?",
            id="checks a role needs are vetting",
        ),
        pytest.param(
            "Photography",
            "Ask for consent before taking a photo of anyone at the convention.",
            "In a shared space there may be instances where incidental photography could occur.",
            "im in the background of someone elses selfie at the convention, is that breaking the rules?",
            id="in the background is incidental",
        ),
        pytest.param(
            "Coaching",
            "Players must not go on court until the coach has arrived.",
            "Be aware that physically handling a player can be misconstrued by an observer.",
            "on court, is touching them a no go?",
            id="touching them is physical contact",
        ),
        pytest.param(
            "Helpers",
            "Helpers at the creche on Sunday mornings work under the creche leader.",
            "References and identification are requested as part of safer recruitment.",
            "my friend is desperate to help at the creche on sundays, what will she need to get sorted first?",
            id="wanting to help is being recruited",
        ),
        pytest.param(
            "Events",
            "Volunteers at the summer fair wear their lanyards all day.",
            "When operating alongside other organisations, agree who leads on safeguarding beforehand.",
            "we're running a joint stall with another charity at the fair, anything we should sort with them first?",
            id="another charity is a partner organisation",
        ),
        pytest.param(
            "Changing rooms",
            "Adults must not enter the changing rooms while members are changing.",
            "No one may use a phone in the changing rooms, and this includes playing music from a phone.",
            "the lads want spotify on while they get changed, ok to leave my phone playing it in there?",
            id="spotify is music played, not a podcast published",
        ),
        pytest.param(
            "Coaching",
            "Members' record books and medical cards are kept by the head coach and shown to parents on request.",
            "Coaches may film training to help members improve, but only on the club tablet.",
            "ok to record the girls doing their routine on my phone so i can show them after?",
            id="recording children is filming them",
        ),
        pytest.param(
            "Online",
            "The youth team leaders meet every Tuesday to plan the sessions for the month.",
            "Video calls with young people must use the organisation account and must never be recorded.",
            "can i do a quick catch up with her over teams from home?",
            id="a call over teams is a video call",
        ),
        pytest.param(
            "Our accounts",
            "Staff should learn the basics of the platforms members use, such as Instagram, and remove old posts.",
            "Staff should not delete any messages sent to or from organisation accounts.",
            "can i clear out all the old convos in the club insta inbox?",
            id="convos in an inbox are messages",
        ),
        pytest.param(
            "Posting",
            "Photos from trips and events go on the club's Facebook page within a week.",
            "A parent must give permission before a photo of their child is posted online.",
            "got some great pics from the trip, anyone i need to check with before they go on the page?",
            id="checking with someone first is permission",
        ),
        pytest.param(
            "Social media",
            "This policy applies to all staff, and to the club's phones.",
            "These rules apply even in your own time and when using your own IT equipment.",
            "its my day off and my own phone, so none of this applies does it?",
            id="a day off on your own phone is your own time and equipment",
        ),
        pytest.param(
            "Social media",
            "Posts on the club page are checked by the manager before they go up.",
            "Social media is not the place to raise complaints; follow the correct channels by speaking to a trustee.",
            "not happy with how my boss handled something, can i put a post up or is there a proper way to do it?",
            id="not happy with something is a complaint, a proper way its channels",
        ),
        pytest.param(
            "Phones",
            "Photos are taken only on the club's cameras, never on staff's own phones.",
            "Staff contact parents only from the club's work mobile.",
            "need to ring a parent but the work phone is locked in the office, can i use mine?",
            id="a phone locked in the office is no lock-in",
        ),
        pytest.param(
            "Social media",
            "Social media means any interactive online media that lets people share content publicly, like Instagram.",
            "Adults must review their social networking profiles when they commence a post with the club.",
            "starting on monday!! my insta is public and has loads of old night out stuff, does that matter",
            id="starting on monday is commencing a post",
        ),
        pytest.param(
            "Messages",
            "Members' questions about training times are answered by the office through the club app.",
            "If a member messages you privately, do not continue the conversation; tell the welfare officer.",
            "one of the lads dm'd me last night asking about training times, do i just reply?",
            id="a dm is a member messaging you privately",
        ),
        pytest.param(
            "Social media",
            "Staff must never share young people's personal details on social media.",
            "Having set your privacy settings, you should check them regularly, as app updates can reset them.",
            "my insta's been private for years so i'm fine?",
            id="an account private for years is privacy settings set once",
        ),
        pytest.param(
            "Social media",
            "Staff should make sure their social media accounts have the right privacy settings so that pupils "
            "cannot view them.",
            "Once set, these should be checked regularly, as updates can change how the sites work.",
            "sorted my privacy stuff on insta when i started like 2 yrs ago so im good right",
            id="settings sorted when i started, yrs ago, so im good is privacy settings set once",
        ),
        pytest.param(
            "Prevent",
            "All leaders must read the Prevent information sheet and complete the Prevent e-learning.",
            "The Prevent guidance is available on the shared drive.",
            "wheres the prevent info kept? want to read up on it",
            id="wheres it kept asks where the guidance is",
        ),
        pytest.param(
            "Mentoring",
            "Mentors must not give their mentee presents or money, or buy things for them.",
            "Do not give your mentee sweets or snacks, including on birthdays, because of allergies.",
            "its my mentees bday next wk can i bring her a bag of haribo",
            id="a bag of haribo for a bday is sweets on a birthday",
        ),
        pytest.param(
            "Youth circle",
            "The youth circle meets on Friday evenings in the community room for young people aged 13 to 18.",
            "Every visiting speaker must be approved by the Imam at least two weeks before the session.",
            "want to get a sheikh over to do a talk for the youth circle next friday, who do i need to ask",
            id="someone to do a talk is a visiting speaker, whom to ask their approval",
        ),
        pytest.param(
            "Lessons",
            "Tutors teach in the centre's rooms with the door open and sign in at reception.",
            "Tutors who teach by video link must use the centre's account and keep a parent nearby.",
            "ok to tutor my two from home on zoom next week?",
            id="zoom is teaching by video link",
        ),
        pytest.param(
            "Phones",
            "Staff phones are kept in the locked cupboard in the club office during sessions and must not be used to "
            "take photos.",
            "If you are expecting an urgent personal call, tell the manager at the start of the session.",
            "can i keep my phone on me at breakfast club tomorrow? waiting on a call from the hospital about my mum",
            id="waiting on a call from the hospital is an urgent personal call expected",
        ),
        pytest.param(
            "Social media",
            "Nothing you post on Facebook may damage working relationships between colleagues.",
            "Never assume that what you write online will remain private, whatever your settings.",
            "my fb is friends only so it won't matter what i say on there about work?",
            id="friends only so it won't matter is assuming it stays private",
        ),
        pytest.param(
            "Social media",
            "Examples of social media include TikTok, Instagram, Facebook and YouTube.",
            "If you tell others that you work for the centre, make sure nothing you post breaches this policy.",
            "can i say i'm a youth worker at the centre in my tiktok bio?",
            id="a youth worker at the centre is saying where you work",
        ),
        pytest.param(
            "Filming",
            "Parents must give written consent before their child is photographed.",
            "The hall camera that streams to our website must be switched off while young people are in the hall.",
            "is the webcam that streams the hall meant to be on during youth club?",
            id="a webcam streaming a hall is a camera, not a video call",
        ),
        pytest.param(
            "Podcasts",
            "Staff must never share young people's surnames or schools online.",
            "Young people taking part in a podcast need a consent form signed by a parent first.",
            "the kids want to record an episode about exam stress, what do we need sorting first?",
            id="exam stress is a subject talked about, not a school's exams",
        ),
        pytest.param(
            "Photos",
            "Photos for the club's Instagram are taken by the club photographer.",
            "No photograph may be taken from directly below a climber on the wall.",
            "for the insta can i lie on the mat and shoot up at the kids on the wall? looks amazing from underneath",
            id="shooting up at someone from underneath is a photo from below",
        ),
        pytest.param(
            "Match officials",
            "Young referees must be collected by a parent or carer from the ground after the match.",
            "No young referee may be asked to go to a club official's house or car to collect a fee.",
            "the away manager told my lad to come to his car after the match to get his ref money, normal?",
            id="ref money is a fee",
        ),
        pytest.param(
            "Online safety",
            "Staff must not give young people lifts home.",
            "Staff will talk with young people about screen time and using technology in moderation.",
            "one of the young people is gaming till 3am every night, can i say something to him?",
            id="gaming till 3am is screen time",
        ),
        pytest.param(
            "Social media",
            "Nothing you post on Facebook may damage working relationships between colleagues.",
            "Never assume that what you write online will remain private, whatever your settings.",
            "my insta is locked so i can post what i want about my shifts yeah?",
            id="locked so i can post is assuming it stays private",
        ),
        pytest.param(
            "Holiday club",
            "Young leaders must not be left alone with a child, and an adult leader must be nearby.",
            "Young leaders never take children to the toilet; an adult leader does.",
            "im a young leader, one of the little ones needs a wee and the adults are busy. can i take him on my own?",
            id="needing a wee is the toilet",
        ),
        pytest.param(
            "Residential",
            "Players may use their phones to ring home until 9pm each night.",
            "Under 16s hand their phones to their chaperone at lights out.",
            "do the year 8s phones get taken off them at night on the trip?",
            id="phones taken off them at night are handed in at lights out",
        ),
        pytest.param(
            "Personal use",
            "Staff can leave comments on the policy review each year, and the review is led by the head teacher.",
            "Staff should take care with product and service reviews, e.g. Trip Advisor, in a personal capacity.",
            "can i leave a tripadvisor review after a bad meal out?",
            id="a tripadvisor review is a service review, not the policy's",
        ),
        pytest.param(
            "Privacy",
            "Staff must never share young people's personal details on social media.",
            "Having set your privacy settings, you should check them regularly, as app updates can reset them.",
            "put my insta on private months ago when i started, do i need to do anything else?",
            id="anything else to do, months after setting it private",
        ),
        pytest.param(
            "Privacy",
            "Staff must never share young people's personal details on social media.",
            "Having set your privacy settings, you should check them regularly, as app updates can reset them.",
            "set my fb to private back in march, do i need to do anything else?",
            id="anything else to do, since setting it private back in march",
        ),
        pytest.param(
            "Privacy",
            "Staff must never share young people's personal details on social media.",
            "Having set your privacy settings, you should check them regularly, as app updates can reset them.",
            "went private on insta last summer, is that me done?",
            id="done, since going private last summer",
        ),
        pytest.param(
            "Your accounts",
            "You must not let what you do online damage working relationships between staff and families.",
            "You should not assume that what you post on any website will remain private.",
            "facebook's set to friends only, so it doesnt really matter what i moan about at work?",
            id="friends only, so it doesn't really matter what i say",
        ),
        pytest.param(
            "Privacy",
            "Staff must never share young people's personal details on social media.",
            "Having set your privacy settings, you should check them regularly, as app updates can reset them.",
            "made my insta private ages ago so im all good yeah?",
            id="all good, since going private ages ago",
        ),
        pytest.param(
            "Artwork",
            "Children's artwork may be photographed on a centre device for reports to funders.",
            "Artwork made in groups is never put on public display at the venue, to protect the children's privacy.",
            "can we put the paintings up on the walls of the hall for the open day?",
            id="paintings up on the wall, a public display",
        ),
        pytest.param(
            "Photos",
            "At the end-of-term show, parents may take photos and film their own child for personal use, and staff "
            "remind parents not to post other children.",
            "Trip photos are posted on the school's accounts only after the group has returned, never in real time.",
            "on a day out at the safari park, can i post some pics of the kids to our fb now for the parents?",
            id="a day out at the safari park, a trip",
        ),
        pytest.param(
            "Photographs",
            "The club's Instagram and Facebook accounts are run by the Media Officer; photos of juniors are posted "
            "only with their parent's consent.",
            "Many women at our club do not want photographs of them online. Separate, explicit consent is needed "
            "from each woman before any photo is posted.",
            "took loads of photos of the ladies at the tournament, ok to put them on the club fb?",
            id="the ladies at the tournament, the women at our club",
        ),
        pytest.param(
            "Volunteers",
            "Walking home alone: children aged 10 and over may leave on their own if their parent has agreed.",
            "Young volunteers are not counted in staff ratios and must never be left in charge of children or alone "
            "with a child.",
            "lad on work experience with us (16) wants to run the group on his own for the last half hour, ok?",
            id="a lad on work experience running the group, a young volunteer left in charge",
        ),
        pytest.param(
            "Gaming",
            "Coaches run all online sessions in the academy's own server.",
            "Staff must not play with players in private lobbies or party chat outside organised sessions.",
            "our rocket league group keep asking me to duo with them on sundays, is that ok?",
            id="a duo with the lads, playing with players in a private lobby",
        ),
        pytest.param(
            "Online sessions",
            "Online sessions are run on the charity's Teams account, never on a personal Zoom or Skype.",
            "Any one-to-one video session with a young person at home must be supported by an additional member of "
            "staff.",
            "doing a 1:1 music lesson over zoom with jess at her house tmrw, does anyone else need to be on it?",
            id="anyone else on the call, an additional member of staff",
        ),
        pytest.param(
            "Equipment",
            "Laptops and tablets belonging to the project are booked out from the office.",
            "Project equipment must never be used to access pornography or gambling sites, in or out of working hours.",
            "is it ok to look at adult stuff on the project laptop when nobody's about?",
            id="adult stuff, pornography",
        ),
        pytest.param(
            "Health",
            "Staff must not lend a binder to trans young people without asking the DSL first.",
            "We never supply binders or hormones to young people; we signpost them to their GP.",
            "one of our trans lads asked if i could order him a binder on my amazon, is that ok?",
            id="ordering him something on amazon, supplying it",
        ),
        pytest.param(
            "Visitors",
            "Staff must not add the children as friends on Snapchat or other social media.",
            "Visitors must not photograph or film the children; a leader asks anyone doing so to stop.",
            "a grandad from the allotments keeps snapping pics of the kids planting, is he allowed?",
            id="snapping pics, photographing (not snapchat)",
        ),
        pytest.param(
            "Photos at the centre",
            "Parents may photograph their own child in the cafe and on the climbing walls.",
            "Staff should politely challenge anyone photographing young people they are not with.",
            "a bloke in the cafe keeps photographing the juniors, he's not with any of them. can i say something?",
            id="a bloke not with any of them, anyone photographing young people they are not with",
        ),
        pytest.param(
            "Podcasts",
            "Podcast episodes made by members are checked by a staff producer before they are published.",
            "Members can ask for any episode featuring them to be removed, even after they leave.",
            "a girl who was on one of our podcast episodes now wants it gone, can we do that?",
            id="wants it gone, removed",
        ),
    ],
)
async def test_the_words_staff_use_find_the_clause_in_the_policys_words(
    tmp_path: Path, heading: str, other_clause: str, answering_clause: str, question: str
) -> None:
    """The answering clause says it in other words than the question's; the other clause shares words with it."""
    advisor = advisor_with(tmp_path, f"# {heading}\n\n1. {other_clause}\n\n2. {answering_clause}\n")
    await assert_answered_first_by(advisor, [(question, "2")])


@pytest.mark.parametrize(
    ("possessed", "about_them", "questions"),
    [
        (
            "Staff should think carefully before accepting the parents of children as friends on Facebook.",
            "Staff must not have any contact with children through a social networking site, Facebook included.",
            ["is it ok to be facebook friends with the kids?", "can i add the kids as friends on fb?"],
        ),
        (
            "Volunteers should use their judgement about being friends on social media with parents and carers of "
            "members.",
            "Volunteers must never be linked with a young person on social media.",
            ["can i be friends with the members on social media?", "ok to be friends with our members on insta?"],
        ),
    ],
)
async def test_a_rule_on_the_childrens_parents_is_no_rule_on_the_children(
    tmp_path: Path, possessed: str, about_them: str, questions: list[str]
) -> None:
    """A rule on the "parents of children" names the children only to say whose parents: asked about the children
    alone, the rule on them comes first; asked about their parents, the rule on the parents does."""
    advisor = advisor_with(tmp_path, f"# Social media\n\n1. {possessed}\n\n2. {about_them}\n")
    await assert_answered_first_by(advisor, [(question, "2") for question in questions])
    await assert_answered_first_by(advisor, [("can i be friends with the kids' parents on fb?", "1")])


async def test_a_child_calming_down_is_the_rule_on_decompressing(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Devices\n\n"
        "1. Young people's phones and tablets are kept in the office during activities.\n\n"
        "2. Given the needs of the young people we support, one may use a tablet to decompress, supervised by a "
        "leader.\n\n"
        "3. Leaders must not lend their own phones to young people.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("she gets overwhelmed at discos and her tablet helps, is that allowed?", "2"),
            ("can a kid have a sensory break on the ipad?", "2"),
        ],
    )


async def test_what_money_offered_is_for_is_not_what_is_asked(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Gifts\n\n"
        "1. Staff may accept small tokens of thanks, such as a card or chocolates, but must politely refuse money "
        "from families.\n\n"
        "2. Staff must record any gift worth more than £25 in the gifts register.\n",
    )
    for offered in [
        "a grandad tried to give me a tenner for petrol after the trip, can i take it?",
        "one mum keeps offering me £10 for the bus fare, is that ok to accept?",
    ]:
        answer = await advisor.answer(offered)
        assert answer.status is AnswerStatus.ANSWERED, offered  # a gift of money, whatever it is for
        assert answer.hits[0].clause.ref in {"1", "2"}, offered
    claimed = await advisor.answer("can i claim £20 for petrol?")
    assert claimed.status is AnswerStatus.NO_MATCH  # expenses, which this policy never mentions


async def test_buying_a_player_something_asks_the_rule_on_gifts(tmp_path: Path) -> None:
    """Buying one of the lads a new pair of boots is a gift, whoever pays: paying "out of my own pocket" asks nothing
    about expenses, which this policy never mentions."""
    advisor = advisor_with(
        tmp_path,
        "# Conduct\n\n"
        "1. Coaches must not give presents or money to individual players.\n\n"
        "2. Players who need new boots or kit order them through the club shop, which gives a discount.\n\n"
        "3. Coaches travel to away matches in the club minibus.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("can i buy my top scorer a new pair of boots out of my own pocket?", "1"),
            ("wanted to buy one of the lads some new boots, his are falling apart. ok?", "1"),
            ("can i buy one of the lads a new pair of boots?", "1"),
        ],
    )


async def test_the_age_a_question_tells_picks_the_rule_for_that_age(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Swimming club: contact with swimmers\n\n"
        "1. Coaches contact swimmers under 16 only through their parents, by the club's e-mail or the parents' "
        "WhatsApp group, never by direct message.\n\n"
        "2. Coaches may message swimmers aged 16 and 17 directly about training, with a parent copied in, "
        "never through a personal social media account.\n\n"
        "3. Swimmers who turn 18 while in a junior squad are treated as juniors until the end of the season: "
        "coaches must not follow them or accept a follow request from them.\n\n"
        "4. Poolside, coaches keep their phones in the office.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("can I message Ellie (15) directly to say tomorrow's session is off?", "1"),
            ("can I message Ellie (17) directly to say tomorrow's session is off?", "2"),
            ("one of my juniors just turned 18 and followed me on insta, ok to follow back?", "3"),
        ],
    )


async def test_a_who_that_names_people_does_not_ask_whom_to_tell(tmp_path: Path) -> None:
    """ "the lads who come on friday so I can tell them" asks about a group chat, not who to report to."""
    advisor = advisor_with(
        tmp_path,
        "# Responding to a disclosure\n\n"
        "If a young person tells you that they are being harmed, listen, do not promise to keep it secret and "
        "report it to the DSL the same day.\n\n"
        "# WhatsApp and group messaging\n\n"
        "To let young people know about sessions, use WhatsApp broadcast lists rather than groups, so that "
        "numbers are not shared.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            (
                "thinking of making a whatsapp group for the lads who come to friday footy so i can tell them "
                "when the cage is booked",
                "WhatsApp and group messaging",
            ),
            ("a young person told me something worrying tonight, who do i tell?", "Responding to a disclosure"),
        ],
    )


async def test_collecting_a_child_and_getting_into_someones_account_in_everyday_words(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Keeping children safe\n\n"
        "1. Children are only collected at the end of a session by an adult named on their registration form.\n"
        "2. Photographs of looked after children are never taken without the agreement of their social worker.\n"
        "3. No one's social media account may ever be hacked, even to gather evidence.\n"
        "4. Volunteers must not post about the club's activities on their personal social media.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("his auntie turned up to get him tonight, do i let him go with her?", "1"),
            ("her boyfriend can get into his account so we can see what hes saying about us, ok?", "3"),
        ],
    )


async def test_someone_stirring_up_rows_online_is_trolling(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Online conduct\n\n"
        "1. Staff must never post offensive comments online about the club or the people in it.\n"
        "2. Where trolling happens on the club's pages, keep screenshots and report it to the welfare officer.\n"
        "3. Parents' comments on the club's page are moderated by the media volunteer.\n",
    )
    await assert_answered_first_by(
        advisor, [("someone keeps trying to start rows with parents on our page, what do i do?", "2")]
    )


async def test_a_time_of_day_asked_about_finds_the_rule_on_hours(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Messaging\n\n"
        "1. Leaders must not organise social events with members through personal group chats.\n"
        "2. Messages to members are sent between 8am and 9pm only.\n"
        "3. Every group chat with members has at least two leaders in it.\n",
    )
    await assert_answered_first_by(
        advisor, [("is it ok to msg the group chat around 10.30pm? only time i get after work", "2")]
    )


async def test_a_phone_in_class_is_answered_by_a_rule_on_phones_in_classrooms(tmp_path: Path) -> None:
    await assert_covered_only_where_said(
        tmp_path,
        "my nan's in hospital so they might ring me. can i keep my phone in my pocket in class this week?",
        ["# Phones\n\n1. Staff must never photograph pupils on a personal phone.\n2. Trips take the school mobile.\n"],
        "# Phones\n\n1. Staff must never photograph pupils on a personal phone.\n"
        "2. Personal mobile phones are kept in the staff lockers and must not be carried in classrooms.\n",
    )


async def test_letting_a_child_sit_out_finds_the_rule_on_opting_out(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Activities\n\n"
        "1. Leaders plan each session's games and activities in advance with the group.\n"
        "2. Young people may opt out of any game or exercise that makes them uncomfortable, with no fuss made.\n"
        "3. Adventurous activities such as climbing need a risk assessment.\n",
    )
    await assert_answered_first_by(
        advisor, [("one of mine really doesnt want to do the blindfold game tonight, can i let him sit out?", "2")]
    )


async def test_venting_about_work_online_finds_the_rule_on_complaints(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Social media\n\n"
        "1. Staff should check their privacy settings regularly.\n"
        "2. Social media must not be used to raise complaints about the organisation; speak to your manager.\n"
        "3. Posts on the organisation's page are approved by the communications officer.\n",
    )
    await assert_answered_first_by(
        advisor, [("so fed up with the new shift patterns, ok if i vent about it on my story? no names", "2")]
    )


async def test_a_workplace_on_a_profile_finds_the_rule_on_naming_the_employer(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Personal accounts\n\n"
        "1. Staff must not accept friend requests from young people on their personal social media.\n"
        "2. Staff should not name the charity as their employer on personal social media.\n"
        "3. Photos from sessions go on the charity's own pages only.\n",
    )
    await assert_answered_first_by(advisor, [("am i ok to put the youth club as my workplace on fb", "2")])


async def test_a_family_short_of_money_finds_the_hardship_fund(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Trips and costs\n\n"
        "1. Parents are sent the cost and kit list for the residential a term in advance.\n"
        "2. Where a family cannot afford a trip, speak in confidence to the treasurer about the hardship fund.\n"
        "3. The residential deposit is paid to the club's bank account, never in cash to a leader.\n",
    )
    await assert_answered_first_by(
        advisor, [("one of the families is skint at the minute and the residential is 90 quid, what can we do?", "2")]
    )


async def test_a_word_said_only_in_another_sense_is_no_subject_the_policy_covers(tmp_path: Path) -> None:
    # the "pet" of "pet names" says nothing of animals; "lunch break" nothing of breaking rules
    await assert_covered_only_where_said(
        tmp_path,
        "one of the tenants wants to get a kitten. are residents allowed pets?",
        [
            "# Messages\n\n1. Messages to residents are polite and professional, with no kisses or pet names.\n"
            "2. Residents' visitors sign in at reception.\n"
        ],
        "# Messages\n\n1. Messages to residents are polite and professional, with no kisses or pet names.\n"
        "2. Pets are not allowed in the flats, apart from assistance dogs.\n",
    )


async def test_going_round_to_a_familys_finds_the_rule_on_their_home(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Tutoring\n\n"
        "1. Tutors teach learners in the library's study rooms on weekday evenings.\n"
        "2. Tutors must not teach a learner in the learner's home.\n"
        "3. Tutors sign learners in and out on the register.\n",
    )
    await assert_answered_first_by(
        advisor, [("her dad asked if i can come round theirs on wednesdays instead, is that ok?", "2")]
    )


async def test_grabbing_hold_of_a_child_finds_the_rule_on_physical_constraint(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Behaviour\n\n"
        "1. Leaders separate young people who are being disruptive and give them a chance to calm down.\n"
        "2. Only use physical constraint if a young person is a danger to themselves or others.\n"
        "3. Leaders never shout at a young person in front of the group.\n",
    )
    await assert_answered_first_by(
        advisor, [("one of the lads is kicking off and going for the little ones, can i grab hold of him?", "2")]
    )


async def test_a_young_person_who_moved_out_is_quoted_the_rule_on_former_residents(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Social media\n\n"
        "1. Staff must not accept friend requests from residents on personal accounts.\n"
        "2. The same applies to young people who have moved on from the project, for two years after they leave.\n"
        "3. Staff keep their personal accounts private.\n"
        "4. The project's Facebook page is run by the manager.\n"
        "5. Staff must not add residents to personal WhatsApp groups.\n",
    )
    answer = await advisor.answer("kayla moved out of the flat last year and just added me on fb. ok to accept?")
    assert "2" in [hit.clause.ref for hit in answer.hits]


async def test_asking_the_difference_between_two_harms_is_answered_by_their_definitions(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Online harms\n\n"
        "1. Sexting is defined as the sending of sexual messages or images between phones.\n\n"
        "2. Sextortion means threatening to share a sexual image unless the victim pays or sends more.\n\n"
        "3. Report every case of sexting or sextortion to the safeguarding lead the same day.\n",
    )
    answer = await advisor.answer("whats the difference between sexting and sextortion? a parent asked me at pick up")
    assert answer.status is AnswerStatus.ANSWERED  # a question about words, not a worry about a child
    assert {hit.clause.ref for hit in answer.hits[:2]} == {"1", "2"}


async def test_a_parent_inside_or_locked_up_is_a_parent_in_prison(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Confidentiality\n\n"
        "1. Never tell a child's school or club that a family member is in prison unless the family agrees.\n\n"
        "2. Tell the child's school about a change of address only with the parent's agreement.\n\n"
        "3. Staff must not take a child to their school or club in their own car.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("her teacher asked me why shes struggling, can i let the school know her mum's inside?", "1"),
            ("can i tell his football club his dad got banged up last month", "1"),
        ],
    )


async def test_picking_a_child_up_with_the_child_between_the_words_is_a_lift(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Conduct\n\n"
        "1. Staff must not give lifts to young people in their own cars unless a manager has agreed it in advance.\n\n"
        "2. Staff must not meet young people outside sessions on their own.\n\n"
        "3. Training sessions start at 6pm on the field.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("his mum asked if i can pick him up on my way to training", "1"),
            ("am i ok to pick them up before the session on saturday", "1"),
        ],
    )


async def test_a_kip_is_sleep(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Conduct\n\n"
        "1. Adults must never sleep in the same room as young people.\n\n"
        "2. Leaders must not give young people lifts in their own cars.\n\n"
        "3. Leaders must not smoke or vape in front of young people.\n",
    )
    await assert_answered_first_by(
        advisor,
        [("can i kip in with the cubs at the centre friday?", "1"), ("am i ok to kip in the hall with the kids", "1")],
    )


async def test_a_reference_for_a_young_person_is_answered_where_the_policy_covers_it(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Staff conduct\n\n"
        "1. Every new volunteer must provide two references and have an enhanced DBS check.\n\n"
        "2. Staff may write a reference for a young person only with their manager's agreement, on headed paper.\n",
    )
    await assert_answered_first_by(
        advisor, [("one of my lads asked me to write him a reference for his apprenticeship, can i?", "2")]
    )


async def test_a_parents_custody_of_a_child_is_not_prison(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Families\n\n"
        "1. Never tell a child's school or club that a family member is in prison unless the family agrees.\n\n"
        "2. Children may only be collected by a parent or carer named on the registration form; where a court "
        "order says who may collect a child, staff must follow it.\n",
    )
    await assert_answered_first_by(
        advisor, [("her dad hasnt got custody any more, can he still collect her from club?", "2")]
    )


async def test_the_writers_own_mates_are_friends_to_connect_with_but_a_childs_mates_are_not(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Social media\n\n"
        "1. Staff who are friends with parents on social media should use their judgement about what they share.\n\n"
        "2. Children must be 13 or over to hold an account on most social networks.\n\n"
        "3. Staff must not post photographs of children on their personal accounts.\n\n"
        "4. Parents are told of any change to the club's session times by email from the club.\n",
    )
    await assert_answered_first_by(
        advisor,
        [
            ("loads of the dads at the club were my mates from school. do i really have to unfollow them all?", "1"),
            ("my 11 year old in placement wants tiktok cos all her mates have an account, is she old enough?", "2"),
        ],
    )


async def test_where_a_spreadsheet_should_live_asks_where_personal_information_is_kept(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Records\n\n"
        "1. Personal information about young people is stored only on the password protected shared drive.\n\n"
        "2. Staff must not use their own phones to take photos of young people at home.\n\n"
        "3. Young people's home lives are never discussed with other families.\n",
    )
    await assert_answered_first_by(
        advisor, [("ive got the kids' home numbers in an excel on my laptop, where should that live?", "1")]
    )


async def test_sorting_a_child_out_with_spare_kit_is_giving_a_gift(tmp_path: Path) -> None:
    advisor = advisor_with(
        tmp_path,
        "# Boundaries\n\n"
        "1. Coaches must not give gifts to individual young people.\n\n"
        "2. Spare boots and kit are kept in the club store and checked each term.\n\n"
        "3. Coaches must not use their own phones to photograph young people.\n",
    )
    await assert_answered_first_by(
        advisor, [("kyles boots are falling apart and ive got spare ones, can i sort him out with a pair?", "1")]
    )
