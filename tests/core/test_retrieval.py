"""The index is built from many texts analysed at once; each must be read as a question's words are read."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.knowledge import load_knowledge
from assistant.models import Clause
from assistant.reading import readable
from assistant.retrieval import ClauseIndex, build_index, focused_tokens, indexed_text, is_blank_form
from assistant.text_analysis import STOPWORDS, Analyzer, tokenize, tokenize_all
from tests.conftest import CORPUS, REPO

# phrases of the vocabulary, nested and negated, across the ends of texts, and texts with no words at all
AWKWARD = [
    "",
    "the of and",
    "can I use my work mobile phone to phone them up?",
    "a child on their own, on my own, by herself",
    "staff isn't handling it; they wont. Not handling it",
    "a 15yrs old's 18+ account: don’t, can’t",
    "Publication of references",
    "I was left on my",  # a phrase ("on my own") split between two texts is in neither
    "own with a work",
    "mobile phone",
    "on my lunch break I never break the rules; at break time they broke them",  # a word a phrase excepts
    "my",  # an exception split between two texts is in neither
    "break",
]


def clauses_of(*paths: Path) -> list[Clause]:
    return [clause for path in paths for clause in load_knowledge(path).clauses]


def index_of(texts: list[str], headings: list[str] | None = None) -> ClauseIndex:
    """An index, with the bundled vocabulary, of one policy whose clauses are these texts (under these headings)."""
    clauses = [
        Clause(
            document="Policy",
            source="p.txt",
            ref=str(n),
            heading=headings[n] if headings else "",
            text=text,
            position=n,
        )
        for n, text in enumerate(texts)
    ]
    return build_index(clauses, load_knowledge(REPO / "knowledge").vocabulary)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    vocabulary = load_knowledge(REPO / "knowledge").vocabulary
    return Analyzer.from_vocabulary(vocabulary)


@functools.cache
def _bundled_intents() -> tuple[tuple[re.Pattern[str], str], ...]:
    clause = Clause(document="Policy", source="p.txt", ref="1", heading="", text="Report it.", position=0)
    return build_index([clause], load_knowledge(REPO / "knowledge").vocabulary).intents


def words_added_for(question: str) -> list[str]:
    """The words the bundled vocabulary's kinds of question add to this question (its intents' `add`)."""
    return [words for pattern, words in _bundled_intents() if pattern.search(question)]


def concepts_of(analyzer: Analyzer, text: str) -> set[str]:
    """The vocabulary's concepts a text names."""
    return analyzer.concepts(analyzer.stem_all(tokenize(text)))


def features_of(analyzer: Analyzer, text: str) -> Counter[str]:
    """A text's features by their definition: the stems of its words that are not stopwords, the pairs of
    those side by side, and the concepts found among all its stems (as a question's are), each once."""
    tokens = tokenize(text)
    stems = analyzer.stem_all(tokens)
    content = [stem for token, stem in zip(tokens, stems, strict=True) if token not in STOPWORDS]
    features = Counter(content)
    features.update(map("_".join, itertools.pairwise(content)))
    features.update(analyzer.concepts(stems))
    return features


def test_texts_analysed_together_have_the_features_each_has_alone(analyzer: Analyzer) -> None:
    clauses = clauses_of(REPO / "knowledge", CORPUS)
    texts = [*AWKWARD, *{text for c in clauses for text in (c.text, c.heading, c.context)}, *AWKWARD]
    analysed = analyzer.analyse_all(tokenize_all(texts))
    for number, text in enumerate(texts):
        assert analysed.counts(number) == features_of(analyzer, text), text


def test_each_clause_is_indexed_with_its_features_and_those_of_its_intro_and_headings(analyzer: Analyzer) -> None:
    clauses = clauses_of(REPO / "knowledge", CORPUS)
    index = build_index(clauses, load_knowledge(REPO / "knowledge").vocabulary)
    names = {number: feature for feature, number in index.feature_ids.items()}
    for number, clause in enumerate(clauses):
        start, end = index.clause_start[number], index.clause_start[number + 1]
        # read as its reader reads it: "**M**eeting" is "Meeting", a link's text and address its words (an email
        # address is where to write, not words of the clause)
        texts = (indexed_text(clause.text), readable(clause.context), readable(clause.heading))
        expected = set().union(*(features_of(analyzer, text) for text in texts))
        assert {names[int(f)] for f in index.clause_features[start:end]} == expected, clause.ref


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("they must follow the organisation's normal safeguarding procedures", "comply"),
        ("volunteers should follow the steps below", "comply"),
        ("challenge negative use of social media, following disciplinary procedures if necessary", "comply"),
        ("staff follow complaints procedures when a parent complains", "comply"),
        ("adults must never follow young people on social media", "follow"),
        ("a pupil asked me to follow her on tiktok", "follow"),
        # contacting the lead is reporting to them; contact with a young person is contact
        ("they must immediately contact the Safeguard Lead", "notify"),
        ("if in doubt, contact your line manager", "notify"),
        ("adults must not have any contact with an attendee on social media", "contact"),
        ("staff should not contact young people through their personal accounts", "contact"),
    ],
)
def test_following_a_procedure_or_contacting_the_lead_is_not_following_or_contacting_someone(
    text: str, word: str
) -> None:
    assert word in tokenize(text)


@pytest.mark.parametrize(
    ("text", "liking"),
    [
        ("if i just like a mates post that's a bit political, is that a problem?", True),
        ("can we like parents' photos on the club page?", True),
        ("a mum posted a rant about the head and i hit like without thinking", True),
        ("things like photos of the kids must not be shared", False),
        ("social media like facebook and instagram", False),
    ],
)
def test_liking_a_post_is_told_from_the_like_of_a_comparison(text: str, liking: bool) -> None:
    assert ("liked" in tokenize(text)) is liking


@pytest.mark.parametrize(
    ("everyday", "concept_word"),
    [
        ("i'd like to help", "liked"),
        ("he kicks off every week", "inappropriate"),
        ("can i let him go home", "hirers"),
        ("he took a kick to the head in sparring", "headteacher"),
        ("two coaches are off sick, can i still run the session?", "monitoring"),
        ("can i accept a box of chocolates at christmas?", "friends"),
        # words Snowball cuts to the stem of a word with another sense
        ("she turned up with new expensive trainers", "expenses"),
        ("initial concerns are written down the same day", "initiation"),
        ("staff speak politely to parents", "political"),
        ("he messages her quite late at night", "quit"),
        ("can i post the rowing results?", "row"),
        ("it was a collective decision of the committee", "collect"),
        ("the group chat is a valuable way to keep in touch", "valuables"),
        ("can i accept gifts or hospitality from a parent?", "hospital"),
        ("do we need a doctor's note?", "doctored"),
        ("can i help by lifting her onto the horse?", "lift"),
        ("i spotted a typo in the newsletter", "spotting"),
        ("every child is treated equally", "equality"),
        ("one of our members uses mobility aids", "mobile"),
        ("can we sell the club's products at the fete?", "production"),
        ("who does the publicity for the fete?", "set to public"),
        ("is it definitely ok to reply?", "definitions"),
        ("are you kidding me", "kids"),
        ("she's been really quiet lately", "late"),
        ("a reporter from the local paper rang", "reporting"),
        ("can a volunteer look after her savings?", "saved"),
        ("he snapped at her in front of everyone", "snapchat"),
        ("our boarding house has a different phone rule", "board"),
        ("a minority of parents complained", "minors"),
        ("he messaged me, can i reply?", "comments"),  # answering a message is no comment on a post
        ("sue from the office invited me to her party", "legal action"),  # a name, not a lawsuit
        ("can i put the photos on our public fb page?", "privacy settings"),  # a page for the public
        ("a man on the touchline had a camera with a huge lens", "camera off"),  # not a video call's camera
        ("what background checks do new volunteers need?", "virtual background"),
        ("photos go on the club's secure drive", "driving"),  # where files are kept, not a car
        ("saved in the shared Google Drive folder", "drive them home"),
        ("can i check my phone on my lunch break?", "breach"),  # a break from work breaks no rule
        ("the staff break room", "breach"),
        ("are we meant to be talking to the kids about screen time?", "hide an identity"),  # talking isn't hiding
        ("i reported it ages ago and heard nothing", "how old"),  # a long time, not anyone's age
        ("we waited for ages at the hall", "age limit"),
        ("their personal account, where they may connect to friends and family members", "young people"),
        ("members of the public watching the match", "young people"),
        ("does extra tutoring have to go through the office?", "search"),  # asked by way of it, not searched
    ],
)
def test_a_common_little_word_does_not_stand_for_a_concept(
    analyzer: Analyzer, everyday: str, concept_word: str
) -> None:
    assert concepts_of(analyzer, concept_word)  # the word names the concept...
    assert not concepts_of(analyzer, concept_word) & concepts_of(analyzer, everyday)  # ...the everyday word doesn't


@pytest.mark.parametrize(
    ("text", "concept_word"),
    [
        ("what happens if i break the rules?", "breach"),
        ("during my break I broke the policy", "breach"),
        ("breaks of the code", "breach"),
        ("what age can they join?", "how old"),
        ("can i go through his phone?", "search"),
    ],
)
def test_a_word_keeps_its_sense_outside_the_phrases_that_except_it(
    analyzer: Analyzer, text: str, concept_word: str
) -> None:
    assert concepts_of(analyzer, concept_word) <= concepts_of(analyzer, text)


def test_the_days_a_scene_happens_on_are_not_what_is_asked() -> None:
    index = index_of(
        ["Staff must not post photos of young people on their personal social media.", "Sign in at reception."]
    )
    plain = index.search("we've got matches, can i post the pics?")[0]
    dated = index.search("we've got matches saturday, sunday and tues, can i post the pics?")[0]
    assert (dated.index, dated.coverage) == (plain.index, plain.coverage)


def test_what_a_message_is_to_say_does_not_thin_the_match_for_sending_it() -> None:
    index = index_of(["Leaders never message a Cub directly: messages go through their parent or carer.", "Sign in."])
    plain = index.search("can i text one of the cubs to remind him?")[0]
    saying = index.search("can i text one of the cubs to remind him to bring wellies and a torch?")[0]
    assert (saying.index, saying.coverage) == (plain.index, plain.coverage)


def test_the_words_of_an_email_address_are_not_what_a_clause_is_about() -> None:
    index = index_of(
        [
            "Email the regulator at whistleblowing@regulator.example.",
            "Whistleblowing: if you think a concern was not handled properly, you can raise it with the Chair of "
            "Trustees or with the regulator.",
        ]
    )
    assert [r.index for r in index.search("who do i go to about whistleblowing?")] == [1]
    assert [r.index for r in index.search("can i whistleblow?")][:1] == [1]
    assert [r.index for r in index.search("whats the regulator's email?")][:1] == [0]


def test_a_section_on_one_narrow_harm_answers_questions_about_that_harm() -> None:
    index = index_of(
        [
            "Any member of staff with a concern that a child is at risk of radicalisation through social media must "
            "contact the Safeguarding Lead at once.",
            "Staff who see a colleague breach this policy should tell their line manager.",
        ],
        ["The Prevent Duty", "Staff conduct online"],
    )
    plain = "a colleague put something iffy on social media, who do i contact?"
    assert [r.index for r in index.search(plain)][:1] == [1]
    assert [r.index for r in index.search("a colleague posted extremist stuff online, who do i contact?")][:1] == [0]
    # a worry may be about that harm without naming it: its search leaves the section as it is
    worried = index.search(plain, worry=True)
    assert [r.index for r in worried][:1] == [0]


def test_wanting_to_do_something_is_not_liking_a_post() -> None:
    index = index_of(["Workers must not comment on, like or share posts.", "Workers may run an errand for a family."])
    assert [r.index for r in index.search("i'd like to help, is that ok?")] == []
    assert [r.index for r in index.search("can i like a mum's post?")][:1] == [0]


@pytest.mark.parametrize(
    ("question", "lift"),
    [
        ("can i run her back after the session?", True),
        ("can i drop him home, his mum is stuck at work", True),
        ("one of the grans gave me a £40 voucher, do i have to give it back?", False),
        ("a parent lent us a gazebo, can i take it back to her house?", False),
    ],
)
def test_giving_something_back_is_no_lift_home(question: str, lift: bool) -> None:
    assert any("transport" in words for words in words_added_for(question)) is lift


def test_saying_whom_a_rule_applies_to_weighs_as_a_rule() -> None:
    texts = [
        "The restriction in 7.2 also applies to former members until they are 18.",
        "Former members are welcome at our summer reunion.",
        "Youth workers must not accept follows from members.",
    ]
    priors = index_of(texts).priors
    assert priors[0] == priors[2] > priors[1]


def test_a_responsibility_given_to_staff_weighs_as_a_rule() -> None:
    texts = [
        "Staff are reminded that they have a responsibility to report any discriminatory comments they see online.",
        "We accept the responsibility to take reasonable steps to ensure the welfare of every child we work with.",
        "We all have a responsibility to help prevent the abuse of children and to report any abuse we suspect.",
        "Staff must report any discriminatory comments they see online.",
    ]
    priors = index_of(texts).priors
    assert priors[0] == priors[3] > priors[1] == priors[2]


def test_a_sentence_opening_with_no_and_what_it_forbids_weighs_as_a_rule() -> None:
    texts = [
        "**No flash photography** during games or training.",
        "Flash photography is popular with parents at games.",
        "Parents must not use flash during games.",
        "Cameras: No filming from the balcony during home games.",
        "No one knows the club better than its volunteers.",
    ]
    priors = index_of(texts).priors
    assert priors[0] == priors[2] == priors[3] > priors[1] == priors[4]


def test_the_registers_a_question_is_about_are_records_not_a_topic_of_their_own() -> None:
    # attendance is a topic a policy covers or not, but "register" is not its word: "the registers" are often
    # the records a question on data is about, in a policy that never says "register"
    leaps = clauses_of(REPO / "knowledge" / "documents" / "001_2ee1f2c645ae7313.txt")
    index = build_index(leaps, load_knowledge(REPO / "knowledge").vocabulary)
    assert not any("register" in " ".join(c.text.lower().split()) for c in leaps)
    assert index.missing_topics("i do the registers on my own laptop at home, names and addresses, is that ok?") == []


def test_a_policys_introduction_weighs_less_than_its_rules() -> None:
    # an introduction names the subjects its rules answer, in passing ("physical contact is part of teaching")
    headed = [
        (
            "Why We Have This Policy",
            "Coaches spend a lot of time with gymnasts, and physical contact is part of teaching.",
        ),
        ("1 INTRODUCTION AND PURPOSE", "This policy applies to every coach and volunteer at the club."),
        ("WHY THIS PROCEDURE EXISTS", "Coaches and volunteers build trust with families over many seasons."),
        ("Coaching Practice › Physical support", "Coaches must explain where they will put their hands and why."),
        ("Photos for a purpose", "Coaches may film skills on club iPads only."),
        # who the organisation is, told before its rules, weighs less than the same words under a rule's heading
        ("WHO WE ARE AND WHY THIS POLICY MATTERS", "Our pupils perform at shows, where they are filmed."),
        ("Shows", "Our pupils perform at shows, where they are filmed."),
    ]
    priors = index_of([text for _, text in headed], [heading for heading, _ in headed]).priors
    assert priors[0] == priors[2] < priors[4] and priors[1] < priors[3]  # "Photos for a purpose" is no introduction
    assert priors[5] < priors[6]


@given(st.text(alphabet=st.sampled_from(list("abcxzABCXZ0159 _-.,;:!?\n\té€İKßﬁ٣²\x00"))))
def test_tokens_are_the_runs_of_ascii_letters_and_digits(text: str) -> None:
    assert tokenize(text) == re.findall("[a-z0-9]+", text.lower())


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Use this form when recording an incident:\nYour name:\nAge:\nYour role:\nDate of the incident:", True),
        ("Signed ………………………… Designation …………………………", True),
        ("Signed:\t_____________________\nDate:\t_____________________", True),
        ("INTRODUCTION ........................................................ 3", True),
        ("Designated Safeguarding Lead: Sam Jones\nEmail: sam@club.example\nTel: 07700 900123", False),
        ("Staff must not share photos of children on their own accounts...", False),
        ("Staff must: report concerns at once; record what was said; tell the DSL:", False),
    ],
)
def test_a_form_to_fill_in_or_a_contents_line_is_told_from_a_clause(text: str, form: bool) -> None:
    assert is_blank_form(text) is form


@pytest.mark.parametrize(
    ("asked", "policy"),
    [
        # streaming, gifts, late pick-ups and parents in chat words
        ("can he put the match on fb live for the grandparents?", "we do not livestream training or matches"),
        ("can i go live on insta at the gala?", "sessions are never streamed from a personal account"),
        ("can i get her a £20 roblox card as a well done?", "staff must not give gifts to a young person"),
        ("is it ok to send him robux for his birthday?", "no individual gifts to players"),
        ("class finished 20 mins ago and noones come for jayden", "if he has not been collected"),
        ("its nearly 2 and ayaan's dad is still not here", "late collection"),
        ("tom 7 said daddy hurt mummy", "tell parents"),
        ("got a love2shop at christmas", "no gifts"),
        ("can i just give him a tenner?", "no gifts"),
        # a lead who can't be there, asked in the words for deputies
        ("who covers her bit if she's not there?", "a standby Safeguarding Officer will be appointed"),
        ("he's off sick on the day, who do we go to?", "in the absence of the designated lead, contact the deputy"),
        ("she isnt picking up, who next?", "if she cannot be reached"),
        ("could the parents sue me for that?", "legal action"),
        ("her tiktok is on public", "privacy settings"),
        # what children wear at night, where a team stays, where parents watch from
        ("the brownies in their onesies", "nightwear"),
        ("we're at a travelodge for the regional finals", "overnight stays"),
        ("watching from the balcony", "spectators"),
        ("am i allowed my phone on poolside?", "spectators"),
        ("can i keep their pics on the school drive?", "stored securely"),
        ("can you write a letter of support for his appeal?", "references"),
        ("do we have to check who he's talking to online?", "hide an identity"),
        # a DM is a private message; "msgd" is messaged
        ("can i just DM her?", "private channels are not to be used"),
        ("he msgd me", "messaged"),
    ],
)
def test_chat_words_share_a_concept_with_the_policy_words_for_the_same_thing(
    analyzer: Analyzer, asked: str, policy: str
) -> None:
    assert concepts_of(analyzer, asked) & concepts_of(analyzer, policy)


def test_an_exclamation_is_the_scene_not_the_question() -> None:
    tokens, focus = focused_tokens("what a day at the farm. can i post the pics on insta?")
    assert [tokens[i] for i in sorted(focus)] == ["can", "i", "post", "the", "pics", "on", "insta"]


def test_a_group_that_only_names_a_topic_leaves_the_ranking_as_it_was() -> None:
    """`ranks = false`: the group decides whether the policy covers its subject, and nothing else."""
    from assistant.models import SynonymGroup

    vocabulary = load_knowledge(REPO / "knowledge").vocabulary
    plain = vocabulary.model_copy(update={"group": tuple(g for g in vocabulary.group if g.ranks)})
    topic_only = plain.model_copy(
        update={"group": (*plain.group, SynonymGroup(terms=("text", "texting", "message"), topic=True, ranks=False))}
    )
    clauses = clauses_of(REPO / "knowledge" / "documents" / "000_93b0e619727f1d44.txt")
    question = "can I text a parent about the trip from my own phone?"
    without, with_it = build_index(clauses, plain), build_index(clauses, topic_only)
    assert with_it.search(question, limit=10) == without.search(question, limit=10)
    silent = [c for c in clauses if not re.search(r"\b(text|texting|message)", c.text + c.heading + c.context, re.I)]
    assert "text" in build_index(silent, topic_only).missing_topics(question)
    assert "text" not in build_index(silent, plain).missing_topics(question)


@pytest.mark.parametrize(
    ("question", "asks_whom"),
    [
        ("who do i tell?", True),
        ("saw something dodgy a colleague posted. who do i flag it to?", True),
        ("i dont know who to tell about this", True),
        ("not sure who i should speak to", True),
        ("making a group chat for the lads who come on friday so i can tell them when it's on", False),
        ("the officer asked which of the kids did it. i know who it was tbh. do i tell him?", False),
        ("who do i ask to get a school laptop for planning at home?", False),  # asking for a thing
        ("can i take my foster kids to spain? who do i need permission from?", False),
        ("my colleague, who i told about it, says i should report it", False),
        ("ok, who do i tell?", True),
    ],
)
def test_only_a_who_that_asks_asks_whom_to_tell(question: str, asks_whom: bool) -> None:
    """A relative "who" ("the lads who come") or a known one ("I know who it was") asks no one to report to."""
    assert any("designated safeguarding lead" in words for words in words_added_for(question)) is asks_whom


@pytest.mark.parametrize(
    ("question", "asks_where"),
    [
        ("where r the incident sheets kept these days? none left in the office", True),
        ("where are the accident report forms stored these days?", True),
        ("where's the guidance kept", True),
        ("the forms we kept from the trip, can i bin them now?", False),
    ],
)
def test_asking_where_something_is_kept_looks_for_where_it_is_available(question: str, asks_where: bool) -> None:
    assert any("available" in words for words in words_added_for(question)) is asks_where


def test_chat_filler_is_no_word_of_what_is_asked() -> None:
    """ "or nah", "anymore", "everyones": said around a question, asking about nothing, so no answer need cover them
    ("kyle doesnt come anymore... ok to chat back or nah" is about chatting to a former member)."""
    leaps = clauses_of(REPO / "knowledge" / "documents" / "001_2ee1f2c645ae7313.txt")
    index = build_index(leaps, load_knowledge(REPO / "knowledge").vocabulary)
    question = "he doesnt come anymore but asks how everyones doing, ok to chat back or nah"
    tokens, _ = focused_tokens(question)
    _, slots = index.query_terms(question)
    asked = {tokens[position] for position in slots}
    assert asked.isdisjoint({"nah", "anymore", "everyones"})
    assert "chat" in asked


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("messages after 9pm", ["messages", "after", "9pm"]),
        ("messages after 9 pm", ["messages", "after", "9pm"]),
        ("the 9-11pm slot", ["the", "9pm", "11pm", "slot"]),
        ("home by 10.30pm", ["home", "by", "1030pm"]),
        ("starts 10:30 am", ["starts", "1030am"]),
        ("from 7.30 to 9.30pm", ["from", "730pm", "930pm"]),
    ],
)
def test_a_time_of_day_is_one_word_however_it_is_written(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


def test_a_point_inside_a_number_ends_no_sentence() -> None:
    """ "around 10.30pm?" is one asking sentence, not "around 10." and "30pm?"."""
    tokens, focus = focused_tokens("is it ok to msg the group chat around 10.30pm? only time i get after work")
    assert [tokens[i] for i in sorted(focus)][-2:] == ["around", "1030pm"]
