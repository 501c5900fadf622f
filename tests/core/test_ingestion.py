"""Ingestion: the bundled seed policies and other real policies split into the clauses a reader sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.knowledge import load_knowledge
from assistant.models import Clause
from assistant.segmentation import segment
from tests.conftest import CORPUS, SEEDS

SEED_CLAUSE_COUNTS = {
    "000_93b0e619727f1d44.txt": 24,  # "Policy written by: ..." and "Date written: ..." are one card
    "001_2ee1f2c645ae7313.txt": 69,
    "002_d52f203a56efd9d8.txt": 49,  # "What we expect of carers": two rules, two clauses
    "003_8e02432411714b95.txt": 40,
    "004_1b448daf2f5f7c51.txt": 22,
}


def clauses_of(name: str) -> list[Clause]:
    return list(load_knowledge(SEEDS / name).clauses)


def by_ref(clauses: list[Clause], ref: str) -> Clause:
    matches = [c for c in clauses if c.ref == ref]
    assert len(matches) == 1, f"expected one clause {ref}, found {len(matches)}"
    return matches[0]


@pytest.mark.parametrize(("name", "count"), SEED_CLAUSE_COUNTS.items())
def test_each_seed_document_splits_into_its_clauses(name: str, count: int) -> None:
    clauses = clauses_of(name)
    assert len(clauses) == count
    assert all(c.text.strip() == c.text and c.text for c in clauses)
    assert all(len(c.text) <= 1500 for c in clauses), "a quoted clause must stay readable"


def test_numbered_clauses_keep_their_numbers_and_exact_words() -> None:
    leaps = clauses_of("001_2ee1f2c645ae7313.txt")
    assert by_ref(leaps, "6.9").text == (
        "Adults must be cautious about following or being followed by parents/carers of attendees, accepting "
        "parents of attendees as friends on Facebook or having contact with parents/carers on any social "
        "networking site. Adults must be mindful at all times of the boundaries between their work and "
        "personal life in accordance with the Key Principles detailed in this policy."
    )
    assert by_ref(leaps, "6.9").heading == "6 Responsibilities when using social media"
    assert by_ref(leaps, "1.1").text.startswith("This policy recognises that in the light of")
    assert by_ref(leaps, "11.3").text.startswith("Adults must be aware that any breach of this policy")
    northwood = clauses_of("003_8e02432411714b95.txt")  # "3.1:" style numbering
    assert by_ref(northwood, "3.7").text == (
        "Practitioners should never be 'friends' or 'linked' on social media with children and young "
        "people that attend our school."
    )
    insight = clauses_of("000_93b0e619727f1d44.txt")  # "1." style numbering under a plain intro line
    assert by_ref(insight, "7").text.startswith("Staff should report any contact via social media from service users")
    assert by_ref(insight, "7").heading == "Staff commitments"


def test_sentences_split_across_a_page_break_are_repaired() -> None:
    leaps = clauses_of("001_2ee1f2c645ae7313.txt")
    assert by_ref(leaps, "6.14").text == (
        "Photographs, videos or any other types of images of attendees and their families or images depicting "
        "staff members or where the organisation can be identified must not be published on social media. "
        "Unless this is agreed in advance and only on the official LEAPS Suffolk page. Permission must also be "
        "sought before any image can be published."
    )
    assert "threat of harm to children." in by_ref(leaps, "7.1").text
    assert "risks of extremism and radicalisation." in by_ref(leaps, "9.1").text


def test_a_word_broken_at_its_hyphen_across_lines_is_whole_again() -> None:
    # as a PDF wraps them: the hyphen of "child-on-child" or "DBS-checked" ends one line, the word goes on
    (clause,) = segment(
        "3.1 All staff should be alert to child-on-\n"
        "child abuse. At least two DBS-\n"
        "checked adults are present for ages 11-\n"
        "16, and a learner may make an audio-\n"
        "only recording. Contact us -\n"
        "we will help.\n"
    )
    assert clause.text == (
        "All staff should be alert to child-on-child abuse. At least two DBS-checked adults are present for ages "
        "11-16, and a learner may make an audio-only recording. Contact us - we will help."
    )


def test_a_sentence_ending_on_a_number_wrapped_onto_its_own_line_is_no_new_clause() -> None:
    # a PDF's text wrapped at 80 characters: "under" fills its line, and "16." then looks like a clause's
    # number. Before any numbered line, "12)" after "(Under 7 to Under" does too, though the line is short.
    lines = [f"Message {n} to a family is kept short, polite and about the club's own events," for n in range(20)]
    lines += [
        "and the Class WhatsApp groups are for parents only where the students are under",
        "16. Each group must have at least two staff admins and is set so only admins post.",
    ]
    text = (
        "Messaging\n\n" + "\n".join(lines) + "\n\n"
        "Players\n\nWe have around 300 mini players (Under 7 to Under\n"
        "12) and junior players training and playing on Sundays.\n"
    )
    clauses = segment(text)
    assert not any(clause.label or clause.text.startswith(("16", "12")) for clause in clauses)
    assert " ".join(clause.text for clause in clauses[:-1]) == " ".join(lines)  # every word, in order
    assert clauses[-1].text == (
        "We have around 300 mini players (Under 7 to Under 12) and junior players training and playing on Sundays."
    )


def test_a_title_after_a_long_item_ending_short_is_no_page_break_to_repair() -> None:
    # wrapped text, then an item whose last line is short and ends no sentence: only a line that filled the
    # page's width and stops mid-sentence before a blank line was cut by a page break
    lines = [f"Message {n} to a family is kept short, polite and about the club's own events and" for n in range(20)]
    text = (
        "Messaging\n\n" + "\n".join(lines) + " its times.\n\n"
        "- If there is immediate danger seek help from the Safeguarding Officer, the Lead or the\n"
        "emergency services\n\n"
        "Reporting incidents\n\n"
        "All safeguarding incidents and concerns must be reported as soon as possible to the Safeguarding Lead.\n"
    )
    clauses = segment(text)
    reporting = next(clause for clause in clauses if clause.text.startswith("All safeguarding incidents"))
    assert reporting.heading == "Reporting incidents"
    assert clauses[-2].text.endswith("or the emergency services")


def test_a_table_of_contents_is_no_clause_but_a_contacts_list_with_dot_leaders_is() -> None:
    text = (
        "Riverside Youth Club Safeguarding Policy\n\nTable of Contents\n"
        "1. Introduction ........................ 2\n2. Who to contact ...................... 2\n"
        "3. Photographs and videos . . . . . . . . 3\n4. Social media and messaging ........ 14\n\n"
        "1. Introduction\n\nThis policy applies to all staff and volunteers.\n\n"
        "2. Who to contact\n\nDesignated Safeguarding Lead ........ 07700 900123\nPolice ........ 999\n"
        "Childline ........ 0800 1111\n\n"
        "3. Photographs and videos\n\nStaff must not take photos of young people on their own phones.\n"
    )
    texts = [clause.text for clause in segment(text)]
    assert not any("Introduction ...." in t or "Contents" in t for t in texts)
    assert "This policy applies to all staff and volunteers." in texts
    assert any("Police ........ 999" in t for t in texts)  # page numbers go up; these numbers do not
    assert "Staff must not take photos of young people on their own phones." in texts


def test_page_furniture_is_dropped_without_losing_text() -> None:
    texts = [c.text for c in clauses_of("004_1b448daf2f5f7c51.txt")]
    assert not any("Page |" in t for t in texts)
    assert all(t.strip() not in {"-", "2"} for t in texts)
    assert any(t.startswith("You must not use your Independence Project email address to register") for t in texts)
    assert any(t == "Reviewed Nov 2019" for t in texts)


def test_list_items_carry_their_intro_line_as_context() -> None:
    insight = clauses_of("000_93b0e619727f1d44.txt")
    screen_time = next(c for c in insight if "screen time" in c.text)
    assert screen_time.text == (
        "Staff will actively engage in conversations with young people around using technology/screen time "
        "and using this in moderation."
    )
    assert screen_time.context == (
        "Staff members must support young people to make safe and positive choices when using social media "
        "and technology. They will do so by;"
    )
    assert not any(c.text == screen_time.context for c in insight), "the intro is not a clause on its own"


def test_markdown_headings_and_nested_lists() -> None:
    link = clauses_of("002_d52f203a56efd9d8.txt")
    steps = next(c for c in link if c.text.startswith("If a member misinterprets"))
    assert "End the conversation or stop replying." in steps.text  # nested steps stay with their item
    assert "Inform Interest Link's lead safeguarding officer" in steps.text
    assert steps.heading.endswith("Using mobile phones or other digital technology to communicate")
    photos = next(c for c in link if c.text.startswith("We will ask for consent in advance"))
    assert photos.ref == "Photographs & videos"  # heading cleaned of ** and stray quotes


def test_a_numbered_clause_is_quoted_with_its_number_as_printed() -> None:
    leaps = clauses_of("001_2ee1f2c645ae7313.txt")
    assert by_ref(leaps, "6.14").quote.startswith("6.14 Photographs, videos or any other types of images")
    assert by_ref(leaps, "6.14").text.startswith("Photographs")  # the text itself, as ranked, has no number
    northwood = clauses_of("003_8e02432411714b95.txt")
    assert by_ref(northwood, "3.8").quote.startswith("3.8: Practitioners should use their common sense")
    clauses = segment(
        "1. Reporting\n\n"
        "1.1 Tell the Designated Safeguarding Lead the same day.\n\n"
        "A second paragraph of the same clause, with no number of its own.\n\n"
        "2. Photos\n\n"
        "Staff must not:\n"
        "a) post photos of children on their own accounts;\n"
        "b) keep photos on their own phones.\n"
    )
    assert [(c.ref, c.label, c.text[:15]) for c in clauses] == [
        ("1.1", "1.1", "Tell the Design"),
        ("1", "", "A second paragr"),  # under the title "1. Reporting", whose number is the title's
        ("2", "", "Staff must not:"),  # a list's letters are no clause numbers
    ]


def test_a_long_lettered_item_is_quoted_with_its_letter_as_printed(tmp_path: Path) -> None:
    # each item long enough to be quoted alone: its letter is part of the policy's words, as a number is
    reason = ", because the young person needs to know from the start what will happen next and who will be told"
    (tmp_path / "policy.txt").write_text(
        "13. Disclosures\n\n"
        "13.2 If a cadet tells you about abuse or something that worries you:\n"
        f"(a) stay calm, listen and let them talk at their own pace{reason};\n"
        f"(b) do not promise to keep it a secret; explain that you will need to tell the USO{reason};\n"
        f"ii. write down what was said, in their words, as soon as you can{reason}.\n"
    )
    items = [c for c in load_knowledge(tmp_path).clauses if c.context]
    assert [(c.ref, c.label) for c in items] == [("13.2 (a)", "(a)"), ("13.2 (b)", "(b)"), ("13.2 (ii)", "ii.")]
    assert items[1].quote.startswith(
        "If a cadet tells you about abuse or something that worries you:\n(b) do not promise to keep it a secret"
    )
    assert items[1].text.startswith("do not promise")  # ranked on its words alone


def test_plain_text_headings_from_word_extractions() -> None:
    independence = clauses_of("004_1b448daf2f5f7c51.txt")
    debate = next(c for c in independence if c.text.startswith("You must not enter into any public debate"))
    assert debate.heading == "Your responsibilities to Independence Project when using social media"
    assert debate.context.startswith("You must comply with the following")


def test_definitions_after_an_introducing_clause_take_its_number() -> None:
    leaps = clauses_of("001_2ee1f2c645ae7313.txt")
    adults = next(c for c in leaps if c.text.startswith("Adults – means any person regardless of age"))
    assert adults.ref.startswith("2.4 ¶")
    assert adults.context == "In this policy, the following definitions apply: -"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_other_real_policies_ingest_into_readable_clauses(path: Path) -> None:
    knowledge = load_knowledge(path)
    clauses = knowledge.clauses
    assert len(clauses) >= 30
    assert all(0 < len(c.text) <= 1500 for c in clauses)
    assert sum(bool(c.heading) for c in clauses) / len(clauses) > 0.8, "markdown headings give context"
    assert knowledge.documents[0].title  # from the document's first heading
    original = " ".join(path.read_text(encoding="utf-8").split())
    for clause in clauses:  # verbatim apart from whitespace and list/quote markers
        for line in clause.text.split("\n"):
            assert " ".join(line.split()) in original


def test_church_policy_names_its_safeguarding_coordinator_under_its_heading() -> None:
    church = load_knowledge(CORPUS / "city-evangelical-church-leeds-safeguarding.txt").clauses
    named = [c for c in church if "Safeguarding Co-ordinator:" in c.text]
    assert named and all("NAMED PERSON" in c.heading for c in named)


def test_long_paragraphs_are_split_at_sentence_ends() -> None:
    sentence = "Staff must keep records of every concern they raise with the lead. "
    clauses = segment("## Records\n\n" + sentence * 40)
    assert len(clauses) > 1
    assert all(c.text.endswith(".") for c in clauses)
    assert all(c.heading == "Records" for c in clauses)


def test_lettered_and_bracketed_items_are_list_items() -> None:
    text = (
        "## Photographs\n\n"
        "Before any photograph of a young person is taken, staff must make sure that:\n\n"
        "a. written consent from a parent or carer is on file and has not been withdrawn since;\n"
        "b. the photograph is taken on an organisation device and never on a personal phone;\n"
        "(3) the young person is happy to be photographed and knows where the image will be used.\n"
    )
    (short_list,) = segment(text)  # a short list is one clause, its intro first
    assert short_list.text.split("\n") == [
        "Before any photograph of a young person is taken, staff must make sure that:",
        "written consent from a parent or carer is on file and has not been withdrawn since;",
        "the photograph is taken on an organisation device and never on a personal phone;",
        "the young person is happy to be photographed and knows where the image will be used.",
    ]
    long_items = segment(text.replace("since;", "since; " + "it is checked before every trip and every session. " * 6))
    assert len(long_items) == 3  # a long list is quoted item by item, the intro as each one's context
    assert all(c.context.startswith("Before any photograph") for c in long_items)


def test_hard_wrapped_clauses_keep_their_wrapped_lines() -> None:
    text = (
        "3. Contact\n"
        "3.1 Staff must never give a young person\n"
        "Their personal phone number or add them on social media.\n"
        "3.2 Staff must report any contact at once.\n"
    )
    clauses = segment(text)
    assert [(c.ref, c.heading, c.text) for c in clauses] == [
        (
            "3.1",
            "3 Contact",
            "Staff must never give a young person Their personal phone number or add them on social media.",
        ),
        ("3.2", "3 Contact", "Staff must report any contact at once."),
    ]
    (item,) = segment("- Leaders keep a record of every message\n  Sent to a young person from a work phone.\n")
    assert item.text == "Leaders keep a record of every message Sent to a young person from a work phone."


def test_markdown_pages_front_matter_and_auto_numbered_lists() -> None:
    text = (
        "---\ntitle: Social Media Policy\nlayout: page\n---\n# Policy\n\n"
        "## Volunteers must not:\n\n"
        "1.\tAccept young members as friends on social networking sites, whatever their age, however well you "
        "know them, and even when their parents say that they do not mind.\n"
        "1.\tSend personal messages to a young person that have nothing to do with the club, its training "
        "sessions, gradings or competitions, on any app or by text.\n"
        "1.\tDelete inappropriate messages sent to you by a young person or a parent, as they may form part "
        "of any investigation that follows later on.\n"
    )
    clauses = segment(text)
    assert not any("title:" in c.text or "layout" in c.text for c in clauses)  # page settings, not policy
    assert [c.ref for c in clauses] == [  # `1.` `1.` `1.` is a list, not three clauses numbered 1
        "Volunteers must not",
        "Volunteers must not ¶2",
        "Volunteers must not ¶3",
    ]
    # each prohibition is quoted with the heading that makes it one
    assert all(c.context == "Volunteers must not:" for c in clauses)


def test_items_of_a_numbered_clause_are_cited_by_their_letter_or_place() -> None:
    long = " and this sentence makes the item long enough to be quoted on its own rather than as part of a list." * 2
    text = (
        f"4. When recruiting volunteers the club will:\n"
        f"a) ask for two references before appointing anyone{long}\n"
        f"b) require an enhanced DBS check for every role with children{long}\n\n"
        f"5. Coaches and volunteers must report every concern:\n"
        f"- to the welfare officer the same day{long}\n"
        f"- in writing on the club's incident form{long}\n"
    )
    assert [c.ref for c in segment(text)] == ["4 (a)", "4 (b)", "5 (item 1)", "5 (item 2)"]


def test_a_title_line_over_a_list_is_its_heading_but_an_unfinished_sentence_is_its_intro() -> None:
    items = "".join(
        f"- {what} before the session starts, and again whenever the group moves to another room.\n"
        for what in ("Check the first aid kit", "Count the children", "Read the register aloud")
    )
    titled = segment(f"Planning\n\n{items}")  # each item a rule of its own, under the title
    assert [c.heading for c in titled] == ["Planning"] * 3
    assert titled[0].text.startswith("Check the first aid kit")
    (introduced,) = segment(f"Volunteers at the club must\n\n{items}")  # a short list, quoted whole
    assert introduced.text.startswith("Volunteers at the club must\nCheck the first aid kit")


def test_bullets_that_are_rules_of_their_own_are_clauses_of_their_own() -> None:
    # under a heading, with no line introducing them: three rules a worry must not be answered with together
    text = (
        "11. Records and personal data\n\n"
        "\u2022\tOSM is the only place where young people's personal details should be kept.\n"
        "\u2022\tNotes about a concern are given to the District Safeguarding Lead and are not kept on phones.\n"
        "\u2022\tIf you lose a phone with Scout contacts on it, tell your Group Lead Volunteer straight away.\n"
    )
    clauses = segment(text)
    assert [c.text[:12] for c in clauses] == ["OSM is the o", "Notes about ", "If you lose "]
    assert {c.heading for c in clauses} == {"11 Records and personal data"}
    # fragments under a heading are one list, quoted whole
    (kinds,) = segment("Examples\n\n- Blogs\n- Wikis and forums\n- Social networking sites such as Facebook\n")
    assert kinds.text.splitlines() == ["Blogs", "Wikis and forums", "Social networking sites such as Facebook"]


def test_a_numbered_list_going_on_its_intro_sentence_is_that_intros_list() -> None:
    text = (
        "### 6.1 Consent\n\n"
        "Consent is collected each season. Parents choose whether images of their child may be used:\n\n"
        "1. for coaching and video analysis only;\n2. in newsletters and on the website; and/or\n"
        "3. on social media accounts.\n\n"
        "Team Managers must check the consent list before any images are taken.\n"
    )
    consent, check = segment(text)
    assert consent.text.endswith(
        "may be used:\nfor coaching and video analysis only;\n"
        "in newsletters and on the website; and/or\non social media accounts."
    )
    assert consent.ref == check.ref.split()[0] == "6.1"
    # numbered steps that are sentences of their own stay clauses of their own
    steps = segment("If this happens:\n\n1. Stay calm and listen.\n2. Tell the DSL the same day.\n")
    assert [c.ref for c in steps][-2:] == ["1", "2"]


def test_a_question_and_its_answer_are_one_clause_under_a_part_of_the_document() -> None:
    text = (
        "5. Images of pupils\n\nPhotographs of pupils are only taken on academy devices.\n\n"
        "PART D: FREQUENTLY ASKED QUESTIONS\n\n"
        "I teach PE. Can I film pupils on my phone to show them their technique?\n\n"
        "No. Use an academy iPad. The same rules about storing and deleting images apply.\n\n"
        "Can I accept a LinkedIn request from a sixth former who is 18?\n\n"
        "No. The rule about not connecting with pupils applies to every platform.\n"
    )
    photos, filming, linkedin = segment(text)
    assert photos.heading == "5 Images of pupils"
    # the part is a heading of its own, not a clause and not a part of section 5
    assert filming.heading == linkedin.heading == "PART D: FREQUENTLY ASKED QUESTIONS"
    assert filming.text == (
        "I teach PE. Can I film pupils on my phone to show them their technique?\n"
        "No. Use an academy iPad. The same rules about storing and deleting images apply."
    )
    assert linkedin.text.endswith("\nNo. The rule about not connecting with pupils applies to every platform.")
    # an answer labelled "A:" under a question labelled "Q:", whether or not the question asks with a "?"
    (labelled,) = segment("Q: A girl of 11 wants to follow me on TikTok. I coach her.\n\nA: Say no kindly.\n")
    assert labelled.text == "Q: A girl of 11 wants to follow me on TikTok. I coach her.\nA: Say no kindly."
    # questions one after another are questions to think about, each its own
    asked = segment(
        "Role of the social worker\n\nWhat does the child use the internet for?\n\n"
        "Who do they talk to online?\n\nHow might it help them stay in touch with their family?\n"
    )
    assert [c.text.count("?") for c in asked] == [1, 1, 1]


def test_a_numbered_title_with_commas_between_numbered_titles_is_a_section() -> None:
    text = (
        "5. Images of pupils\n\nPhotographs of pupils are only taken on academy devices.\n\n"
        "6. Remote learning, video calls and online tutoring\n\n"
        "Live lessons with pupils must use the Trust's Teams accounts.\n\n"
        "Staff must not offer private paid tutoring to pupils on roll.\n\n"
        "7. Staff group chats\n\nPupils' names are never shared in staff group chats.\n"
    )
    refs = [(c.ref, c.heading) for c in segment(text)]
    assert refs == [
        ("5", "5 Images of pupils"),
        ("6", "6 Remote learning, video calls and online tutoring"),
        ("6 ¶2", "6 Remote learning, video calls and online tutoring"),
        ("7", "7 Staff group chats"),
    ]
    # between rules, a numbered line with commas is a rule
    rules = segment("1. Staff must be kind.\n\n2. If in doubt, ask\n\n3. Staff must log every call.\n")
    assert [c.ref for c in rules] == ["1", "2", "3"]


def test_titles_listing_their_subjects_are_headings() -> None:
    text = (
        "Gifts and Favouritism\n\nCoaches may accept small gifts such as a card at the end of term.\n\n"
        "Transport, Competitions and Overnight Stays\n\n"
        "The club does not provide transport to training. Parents are responsible for getting gymnasts there.\n\n"
        "3. MOBILE PHONES AND DEVICES ON POOLSIDE AND IN CHANGING ROOMS\n\n"
        "3.1 No device that can take images may be used in the changing rooms.\n"
    )
    gifts, transport, phones = segment(text)
    assert gifts.heading == "Gifts and Favouritism"
    assert transport.heading == "Transport, Competitions and Overnight Stays"
    assert transport.text.startswith("The club does not provide transport")
    assert phones.heading == "3 MOBILE PHONES AND DEVICES ON POOLSIDE AND IN CHANGING ROOMS"
    # a name and role in title case over a contact line is a contact, not a title
    card = segment("Key contacts\n\nHelen Marsh, Welfare and Safeguarding Lead\n\nTel: 01632 960000\n")
    assert "Helen Marsh, Welfare and Safeguarding Lead" in card[0].text


def test_each_row_of_a_markdown_table_is_a_clause_quoted_under_its_header() -> None:
    text = (
        "## Key contacts\n\n"
        "| Role | Name | Telephone |\n"
        "|---|:---:|---|\n"
        "| Trust Safeguarding Lead | Dr Angela Whitfield | 01632 960210 |\n"
        "| Data Protection Officer | Sunita Varma | 01632 960230 |\n\n"
        "Concerns about the DSL go to the Chair of Trustees.\n"
    )
    lead, data, chair = segment(text)
    assert lead.text == "| Trust Safeguarding Lead | Dr Angela Whitfield | 01632 960210 |"
    assert lead.context == data.context == "| Role | Name | Telephone |"
    assert data.text.startswith("| Data Protection Officer")
    assert chair.text == "Concerns about the DSL go to the Chair of Trustees." and chair.context == ""
    assert {c.heading for c in (lead, data, chair)} == {"Key contacts"}


def test_each_row_of_a_table_laid_out_with_spaces_is_a_clause_quoted_under_its_header() -> None:
    # a contacts table as a PDF's text or a Word paste keeps it: "whats the LADO's number?" quotes its row,
    # not the whole table with every other number in it
    text = (
        "KEY CONTACTS\n\n"
        "Role                              Name               Phone            E-mail\n"
        "Club Welfare Officer (CWO)        Natalie Pearce     07700 900 820    welfare@club.example\n"
        "Deputy Welfare Officer            Owen Griffiths     07700 900 821    deputy@club.example\n"
        "                                  (weekends only)\n"
        "LADO (Stanmoor Council)           -                  01632 960 870    lado@stanmoor.example\n"
        "Out of hours, ring the duty line.\n"
    )
    welfare, deputy, lado, after = segment(text)
    assert welfare.text == "Club Welfare Officer (CWO) Natalie Pearce 07700 900 820 welfare@club.example"
    assert welfare.context == deputy.context == lado.context == "Role Name Phone E-mail"
    assert deputy.text == "Deputy Welfare Officer Owen Griffiths 07700 900 821 deputy@club.example (weekends only)"
    assert lado.text == "LADO (Stanmoor Council) - 01632 960 870 lado@stanmoor.example"
    assert after.text == "Out of hours, ring the duty line." and after.context == ""
    assert {c.heading for c in (welfare, deputy, lado, after)} == {"KEY CONTACTS"}


def test_a_table_with_pipes_between_its_cells_only_is_a_table_too() -> None:
    text = (
        "WHO TO CONTACT\n\n"
        "Role                        | Name            | Contact\n"
        "----------------------------|-----------------|----------------------\n"
        "Registered Manager          | Denise Okafor   | 01625 000 510\n"
        "Police                      |                 | 999 emergency / 101\n"
    )
    manager, police = segment(text)
    assert manager.text == "Registered Manager | Denise Okafor | 01625 000 510"
    assert police.text == "Police | | 999 emergency / 101"
    assert manager.context == police.context == "Role | Name | Contact"
    # a table whose first line is a row has no header: its rows are not quoted under another table's
    numbers = "Childline     -    0800 1111\nNSPCC         -    0808 800 5000\nSamaritans    -    116 123\n"
    childline, nspcc, samaritans = segment(f"{text}\nOther numbers\n\n{numbers}")[2:]
    assert (childline.text, childline.context) == ("Childline - 0800 1111", "")
    assert nspcc.context == samaritans.context == ""


def test_a_contacts_list_in_two_columns_lined_up_with_spaces_is_a_row_a_clause() -> None:
    # "who's the deputy?" quotes the deputy's line, not every contact run into one paragraph
    text = (
        "KEY CONTACTS\n\n"
        "Club Welfare Officer           Natalie Pearce, 07700 900820\n"
        "Deputy Welfare Officer         Owen Griffiths, 07700 900821\n"
        "                               (weekends only)\n"
        "LADO                           01632 960870\n\n"
        "Photos are taken on the club camera.\n"
    )
    assert [clause.text for clause in segment(text)] == [
        "Club Welfare Officer Natalie Pearce, 07700 900820",
        "Deputy Welfare Officer Owen Griffiths, 07700 900821 (weekends only)",
        "LADO 01632 960870",
        "Photos are taken on the club camera.",
    ]


def test_a_table_of_two_columns_with_pipes_between_is_a_table_but_a_wrapped_one_is_its_lines() -> None:
    # as a Word or PDF table's rows are given: a blank line before and after
    roles = "Role | Contact\nWelfare Officer | Natalie Pearce, 07700 900820\nDeputy | Owen Griffiths, 07700 900821\n"
    welfare, deputy = segment(f"Contacts\n\n{roles}\nCall 999 first in an emergency.\n")[:2]
    assert (welfare.context, welfare.text) == ("Role | Contact", "Welfare Officer | Natalie Pearce, 07700 900820")
    assert deputy.text == "Deputy | Owen Griffiths, 07700 900821"
    # a plain-text table printed to PDF, wrapped at the page's edge: a row's end runs on into the next line
    wrapped = (
        "WHO TO CONTACT\n\n"
        "Role | Name | Contact\n"
        "Registered Manager and Safeguarding Lead | Denise Okafor | 01625 000\n"
        "510 / manager@willowmere.example Deputy Manager and Deputy\n"
        "Safeguarding Lead | Gareth Lyle | 01625 000 511\n"
    )
    assert any("01625 000 510 / manager@willowmere.example" in clause.text for clause in segment(wrapped))


def test_lines_with_wide_gaps_that_are_no_table_are_read_as_before() -> None:
    # a numbered clause with a column gap after its number, and its wrapped lines under the text
    numbered = (
        "5.6    Coaches may film swimmers for stroke analysis. This\n"
        "       must be done on the club iPad, not a personal device.\n"
        "5.7    Requests from the press are passed to the Club Secretary.\n"
    )
    assert [c.ref for c in segment(numbered)] == ["5.6", "5.7"]
    # a document's details in two columns, and labelled contact lines between a name's lines
    details = "Policy title\tSocial Media Policy\nIssue date\tApril 2023\nReview date\tApril 2024\n"
    assert "April 2024" in " ".join(c.text for c in segment(details))
    contacts = (
        "Designated Safeguarding Lead (DSL): Diane Okonjo, Food Bank Manager\n"
        "Phone: 07700 900 610   Email: diane@foodbank.example\n"
        "Deputy Safeguarding Lead: Rachel Kimani, Operations Coordinator\n"
        "Phone: 07700 900 611   Email: rachel@foodbank.example\n"
    )
    (card,) = segment(contacts)
    assert card.text.startswith("Designated Safeguarding Lead (DSL): Diane Okonjo") and "rachel@" in card.text


def test_lettered_items_under_a_numbered_title_are_cited_by_its_number_and_their_letter() -> None:
    text = (
        "10. Reporting an online safety concern\n\n"
        "a)\tIf a young person is in immediate danger, call 999 and then tell the District Safeguarding Lead.\n"
        "b)\tIn all other cases, follow the Yellow Card and tell the District Safeguarding Lead the same day.\n"
        "c)\tIf a young person tells you something, listen, stay calm and do not promise to keep it secret.\n"
        "d)\tIf you come across a sexual image of a young person, do not copy, forward or delete it.\n\n"
        "11. Records\n\nOSM is the only place where young people's personal details are kept.\n"
    )
    assert [c.ref for c in segment(text)] == ["10 (a)", "10 (b)", "10 (c)", "10 (d)", "11"]


def test_symbol_font_bullets_from_word_and_pdf_are_list_items() -> None:
    # Word's Symbol and Wingdings bullets survive extraction as private-use characters
    text = (
        "Staff should ensure that:\n"
        "\uf0b7 No reference should be made in social media to pupils, parents / carers or school staff\n"
        "\uf0b7 They do not engage in online discussion on personal matters relating to the school community\n"
        "\uf0a7Security settings on personal social media profiles are regularly checked to minimise risk\n"
    )
    (short_list,) = segment(text)  # a short list is quoted whole, one item a line, glyphs gone
    assert [line[:20] for line in short_list.text.splitlines()] == [
        "Staff should ensure ",
        "No reference should ",
        "They do not engage i",
        "Security settings on",
    ]
    long_items = segment(text.replace("minimise risk", "minimise risk. " + "Check them each term. " * 12))
    assert [c.context for c in long_items] == ["Staff should ensure that:"] * 3


def test_a_short_title_straight_above_its_text_is_a_heading() -> None:
    text = (
        "Indecent images\n"
        "There are no circumstances that will justify adults possessing indecent images of children.\n"
        "\n"
        "Confidentiality\n"
        "All suspicions and investigations are kept confidential and shared only with those who need to know.\n"
        "\n"
        "Staff who take photographs at events must use the setting's camera and\n"
        "store the images on the setting's computer.\n"
    )
    clauses = segment(text)
    assert [(c.heading, c.text[:25]) for c in clauses] == [
        ("Indecent images", "There are no circumstance"),
        ("Confidentiality", "All suspicions and invest"),
        ("Confidentiality", "Staff who take photograph"),  # a wrapped paragraph's first line is no title
    ]


def test_a_title_in_capitals_listing_its_subjects_is_a_heading() -> None:
    text = (
        "PERSONAL SOCIAL MEDIA\n\n"
        "Staff must not send friend requests to residents or to their relatives.\n\n\n"
        "GIFTS, MONEY, WILLS AND FAVOURS\n\n"
        "Staff must not accept gifts of money, vouchers or valuable items from residents.\n\n"
        "Never agree to be named in a resident's will.\n"
    )
    clauses = segment(text)
    assert [(c.heading, c.text[:25]) for c in clauses] == [
        ("PERSONAL SOCIAL MEDIA", "Staff must not send frien"),
        ("GIFTS, MONEY, WILLS AND FAVOURS", "Staff must not accept gif"),
        ("GIFTS, MONEY, WILLS AND FAVOURS", "Never agree to be named i"),
    ]
    # a sentence in capitals is still a sentence
    shouted = segment("Reporting\n\nALWAYS TELL THE DSL, THE SAME DAY.\n\nKeep a written note of what was said.\n")
    assert [c.heading for c in shouted] == ["Reporting", "Reporting"]


def test_a_bold_or_lettered_title_set_as_a_list_item_over_a_paragraph_is_a_heading() -> None:
    text = (
        "## During the festival\n\n"
        "- **DBS Checked Adults**\n\n"
        "Work spaces will be attended by multiple DBS checked adults at all times.\n\n"
        "- **Code of Conduct**\n\n"
        "Everyone taking part must agree to our Code of Conduct.\n\n"
        "## What to bring\n\n"
        "- **A laptop**\n"
        "- **A packed lunch**\n\n"
        "## Who it covers\n\n"
        "a) Staff\n"
        "b) Volunteers\n\n"
        "All of them are given this policy on their first day.\n\n"
        "c) Good practice\n\n"
        "All people are treated with respect and dignity.\n"
    )
    clauses = segment(text)
    assert [(c.heading, c.text) for c in clauses] == [
        (
            "During the festival › DBS Checked Adults",
            "Work spaces will be attended by multiple DBS checked adults at all times.",
        ),
        ("During the festival › Code of Conduct", "Everyone taking part must agree to our Code of Conduct."),
        ("What to bring", "**A laptop**\n**A packed lunch**"),  # bold items one after another are a list
        ("Who it covers", "Staff\nVolunteers"),  # ...and so are lettered ones
        ("Who it covers", "All of them are given this policy on their first day."),
        # a lettered title over a paragraph heads it
        ("Who it covers › Good practice", "All people are treated with respect and dignity."),
    ]


def test_a_list_under_an_item_keeps_its_items_when_the_extraction_lost_their_indent() -> None:
    text = (
        "\uf0a7 Volunteers must:\n"
        "- be aged 17 or over;\n"
        "- receive a robust induction and regular supervisory meetings;\n"
        "\uf0a7 Visitors are never left alone with the children in our care at any time during the session, and they "
        "sign in and out at the office so that we always know who is in the building and why they are here.\n"
        "\uf0a7 Students on placement are supervised by a named member of staff for the whole of their placement, "
        "and they are never counted in the staff to child ratios that the setting must keep by law.\n"
    )
    clauses = segment(text)
    assert clauses[0].text.startswith("Volunteers must:\nbe aged 17 or over;\nreceive a robust induction")
    assert [c.text[:20] for c in clauses[1:]] == ["Visitors are never l", "Students on placemen"]


def test_a_numbered_title_straight_above_its_text_is_a_heading() -> None:
    text = "Key commitment 1\nWe are committed to building a culture of safety in which children are protected.\n"
    (clause,) = segment(text)
    assert clause.heading == "Key commitment 1"
    assert clause.text.startswith("We are committed")


def test_bullets_a_pdf_printed_as_a_column_of_their_own_go_back_on_their_items() -> None:
    text = (
        "Members of staff should be made aware of the school's policy on searching and deletion:\n"
        "•\n"
        "•\n"
        "\n"
        "at induction\n"
        "at regular updating sessions on the school's e-safety policy\n"
        "\n"
        "Staff should receive training that is specific and relevant to this role.\n"
    )
    listed, after = segment(text)
    assert listed.text.splitlines() == [
        "Members of staff should be made aware of the school's policy on searching and deletion:",
        "at induction",
        "at regular updating sessions on the school's e-safety policy",
    ]
    assert after.text == "Staff should receive training that is specific and relevant to this role."
    # an item wrapped over two lines by the extraction is one item: its first line fills the column
    wrapped = (
        "Staff are responsible for ensuring that:\n•\n•\n\n"
        "all digital communications with pupils / parents / carers should be on a professional level and only carried\n"
        "out using official school systems\n"
        "they report any suspected misuse to the Headteacher\n"
    )
    assert segment(wrapped)[0].text.splitlines()[1:] == [
        "all digital communications with pupils / parents / carers should be on a professional level and only carried "
        "out using official school systems",
        "they report any suspected misuse to the Headteacher",
    ]
    # a bullet with no text after it is page furniture, and nothing after it is lost
    assert [c.text for c in segment("Keep logs.\n•\n")] == ["Keep logs."]
    # so is any other bullet glyph left alone on its line, whichever font the extraction kept
    for glyph in "▪■\uf0a7\uf0d8":
        assert [c.text for c in segment(f"Keep logs.\n{glyph}\n")] == ["Keep logs."]


def test_a_long_paragraph_ending_in_a_list_intro_keeps_its_first_sentences_as_a_clause() -> None:
    text = (
        "## Designated Safeguarding Lead\n\n"
        "Sam Jones is the Designated Safeguarding Lead, having completed formal safeguarding lead training this "
        "year. If anyone working for the club has a child safety or safeguarding concern, they should discuss it "
        "directly with her, in person or by phone, the same day. She has the following responsibilities:\n\n"
        "- Ensuring that the policy is being put into practice and reviewed every year by the committee;\n"
        "- Being the primary point of contact for child protection and safeguarding issues at every event;\n"
        "- Keeping confidential, accurate records of any concerns expressed about child protection issues;\n"
        "- Referring child protection concerns to children's social care or the police when appropriate.\n"
    )
    lead, listed = segment(text)  # nothing lost: the paragraph's first sentences are a clause of their own
    assert lead.text.startswith("Sam Jones is the Designated Safeguarding Lead")
    assert lead.text.endswith("the same day.")
    assert listed.text.splitlines()[:2] == [
        "She has the following responsibilities:",
        "Ensuring that the policy is being put into practice and reviewed every year by the committee;",
    ]


def test_a_short_numbered_rule_is_a_clause_not_a_heading() -> None:
    text = (
        "13. When recording an allegation or suspicion, record information including\n"
        "all relevant details\n\n"
        "14. At no time make any comment to the media\n\n"
        "15. Safeguarding training\n\n"
        "All coaches attend a safeguarding course every three years.\n"
    )
    clauses = segment(text)
    assert [(c.ref, c.text) for c in clauses[1:]] == [
        ("14", "At no time make any comment to the media"),
        ("15", "All coaches attend a safeguarding course every three years."),  # under heading 15
    ]


def test_a_numbered_title_listing_its_subjects_over_its_subclauses_is_their_heading() -> None:
    text = (
        "14. Nude and semi-nude images\n"
        "14.1 Staff must never view, copy or save the image.\n"
        "15. Online grooming, exploitation and radicalisation\n"
        "15.1 If a pupil tells you that an adult they met online asked them to keep secrets, tell the DSL.\n"
        "16. If in doubt, ask\n"
        "The DSL would rather hear about a worry than not.\n"
    )
    clauses = segment(text)
    assert [(c.ref, c.heading) for c in clauses[:2]] == [
        ("14.1", "14 Nude and semi-nude images"),
        ("15.1", "15 Online grooming, exploitation and radicalisation"),
    ]
    # a comma with no subclauses under it is a sentence's: a clause, with the lines that go on from it
    (last,) = [c for c in clauses if c.ref == "16"]
    assert last.text == "If in doubt, ask The DSL would rather hear about a worry than not."
    assert not last.heading.startswith("16")


def test_a_short_numbered_title_straight_above_its_text_is_its_heading() -> None:
    text = (
        "9. Phones and messaging\n\n"
        "9.1 Work phones\n"
        "Every keyworker is issued with a work mobile. Never give a resident your personal phone number.\n"
        "9.2 Keep messages about support: appointments, reminders and checking in. Do not message residents late\n"
        "at night unless they are at risk.\n"
    )
    phones, messages = segment(text)
    assert (phones.ref, phones.heading) == ("9.1", "9 Phones and messaging › 9.1 Work phones")
    assert phones.text.startswith("Every keyworker is issued")
    # a numbered clause whose first line is a full sentence's start keeps its wrapped lines
    assert messages.text.endswith("Do not message residents late at night unless they are at risk.")


def test_a_numbered_line_over_a_nested_list_introduces_the_list_not_a_new_section() -> None:
    text = (
        "## 1. Policy statement\n\n"
        "1. This policy applies to all members, staff and volunteers of the club.\n\n"
        "2. We believe that\n\n"
        "   - The welfare of every child is paramount\n"
        "   - Everyone has a responsibility for safeguarding children and adults at risk.\n\n"
        "3. Definitions\n\n"
        "   - Child: a person under the age of 18, whatever their circumstances or where they live\n"
        "   - Staff: anyone employed by the club, or working for it as a volunteer or a contractor\n\n"
        "4. Our role is not to investigate but to report suspected cases of abuse.\n"
    )
    clauses = segment(text)
    # short lists, so each is one clause quoted with its intro
    assert [c.text.splitlines()[0] for c in clauses] == [
        "This policy applies to all members, staff and volunteers of the club.",
        "We believe that",
        "Definitions",
        "Our role is not to investigate but to report suspected cases of abuse.",
    ]
    assert [c.ref for c in clauses] == ["1", "2", "3", "4"]
    # every clause stays in its section: "3. Definitions" opened no section of its own
    assert {c.heading for c in clauses} == {"1 Policy statement"}


def test_a_numbered_line_ending_mid_sentence_is_an_intro_not_a_heading() -> None:
    text = (
        "## 1. Policy statement\n\n2. We believe that\n\n- The welfare of every child is paramount\n"
        "- Everyone has a responsibility for safeguarding.\n\n3. Our role is not to investigate.\n"
    )
    assert [(c.ref, c.heading) for c in segment(text)] == [("2", "1 Policy statement"), ("3", "1 Policy statement")]


def test_a_numbered_title_is_a_part_of_its_markdown_section_until_the_next_number() -> None:
    text = (
        "## 4. Procedures\n\n"
        "3. Concerns\n\n"
        "   We hold the contact details of a responsible adult for every child who attends.\n\n"
        "4. Reporting procedure\n\n"
        "   - If you are worried about a child, tell the Designated Safeguarding Lead the same day, in person.\n"
        "   - Write down what was said or seen, in the words used, and sign and date the note before you leave.\n"
        "   - Never promise a child that you will keep what they tell you a secret from the safeguarding team.\n"
    )
    clauses = segment(text)
    assert (clauses[0].heading, clauses[0].ref) == ("4 Procedures › 3 Concerns", "3")
    # "4." closes the part "3. Concerns" opened; its short list is one clause, quoted with its title
    assert (clauses[1].heading, clauses[1].ref) == ("4 Procedures", "4")
    assert clauses[1].text.startswith("Reporting procedure\nIf you are worried about a child")


def test_what_markdown_nests_under_a_numbered_clause_is_cited_by_its_number() -> None:
    text = (
        "# Safeguarding policy\n\n"
        "4. We follow safer recruitment guidelines for every volunteer who works with children at the club, "
        "including the managers and coaches of every team, and we check their references and their identity "
        "before they start; this applies to new and returning volunteers alike.\n\n"
        "   All current members working in eligible roles with children must hold an enhanced criminal record "
        "check, renewed every three years.\n\n"
        "   If there are concerns about someone who wants to join us, the committee decides with the welfare "
        "officer whether they may.\n\n"
        "9. Reporting a concern about the welfare of a child is everyone's responsibility at the club, whatever "
        "their role, and it is never wrong to ask the welfare officer for advice about something that worries you.\n"
        "   a. If you are worried about a child, report your concerns to the Club Welfare Officer the same day, "
        "in person or by phone, and write down what you saw or were told in the words that were used.\n\n"
        "   b. If a child needs urgent medical treatment, call an ambulance and tell them it is a child "
        "protection concern, then let the Club Welfare Officer know as soon as the child is safe.\n\n"
        "   c. If you cannot reach the Club Welfare Officer, or the matter is clearly serious, contact the county "
        "welfare officer, the police or children's social care directly, and keep a note of whom you told.\n"
    )
    clauses = segment(text)
    starts = {
        "4": "We follow safer recruitment",
        "4 ¶2": "All current members",
        "4 ¶3": "If there are concerns",
        "9": "Reporting a concern",
        "9 (a)": "If you are worried",
        "9 (b)": "If a child needs urgent",
        "9 (c)": "If you cannot reach",
    }
    assert [c.ref for c in clauses] == list(starts)
    assert all(c.text.startswith(starts[c.ref]) for c in clauses)


def test_numbered_rules_under_a_heading_that_introduces_them_are_quoted_with_it() -> None:
    text = (
        "# Social media policy\n\n## Club officials and coaches must not:\n\n"
        "1. Respond to texts from young players other than about club matters.\n"
        "2. Accept young players as friends on social networking sites.\n\n"
        "## Parent guidance\n\n1. Know who the club welfare officer is.\n"
    )
    clauses = segment(text)
    assert [c.context for c in clauses] == ["Club officials and coaches must not:"] * 2 + [""]


def test_lists_numbered_afresh_under_each_heading_cite_their_section() -> None:
    text = (
        "# Social media policy\n\n## Coaches must not:\n\n1. Text young players about anything but club matters.\n"
        "2. Accept young players as friends online.\n\n## Parent guidance\n\n1. Know who the welfare officer is.\n"
    )
    assert [c.ref for c in segment(text)] == ["1 (Coaches must not)", "2 (Coaches must not)", "1 (Parent guidance)"]


def test_a_running_header_and_footer_repeated_on_every_page_are_dropped() -> None:
    header = "Hillside Online Safety Policy"
    footer = "Hillside Trust Ltd, 1 High Street, Exeter EX1 1AA. Tel. 01392 000000"
    pages = [
        f"{header}\n\n{number}.1 Staff must report any online safety incident to the Online Safety Lead.\n\n"
        f"Procedure\n\n{footer}\n{number}\n"
        for number in range(1, 7)
    ]
    clauses = segment("\n".join(pages))
    texts = " ".join(c.text + c.heading + c.context for c in clauses)
    assert header not in texts and "High Street" not in texts
    # a short line repeated on every page ("Procedure") is not dropped: it may be a real heading
    assert sum(c.text == "Procedure" or c.heading.endswith("Procedure") for c in clauses) >= 5
    assert [c.ref for c in clauses if "must report" in c.text] == [f"{n}.1" for n in range(1, 7)]


def test_a_footer_carrying_its_page_number_is_dropped_and_the_sentence_it_cut_goes_on() -> None:
    # clauses as long as the lines the extraction wrapped the page at
    filler = "".join(
        f"{n}.1 Every leader reads this clause, which is as long as the lines the extraction wrapped.\n"
        for n in range(3, 30)
    )
    text = (
        f"{filler}"
        "2.1 All instructors and grooms who teach or supervise children must hold a current enhanced\n"
        "\n"
        "Uncontrolled when printed    Page 1 of 2\n"
        "\f\n"
        "DBS check and complete the BHS Safeguarding course before they teach on their own.\n"
        "2.2 Signed: Graham Lyle, Captain              Signed: Elaine Mercer, Safeguarding Coordinator\n"
        "\n"
        "Uncontrolled when printed    Page 2 of 2\n"
        "\n"
        "APPENDIX A RECORD OF CONCERN (summary of the form's fields)\n"
    )
    clauses = segment(text)
    assert not any("Uncontrolled" in c.text or "Page 1" in c.text for c in clauses)
    (vetting,) = [c for c in clauses if c.ref == "2.1"]
    assert vetting.text == (
        "All instructors and grooms who teach or supervise children must hold a current enhanced DBS check and "
        "complete the BHS Safeguarding course before they teach on their own."
    )
    # two columns side by side are no sentence cut short, and a title in capitals starts afresh
    (signed,) = [c for c in clauses if c.ref == "2.2"]
    assert "APPENDIX" not in signed.text


def test_numbered_subclauses_are_quoted_with_the_numbered_line_that_introduces_them() -> None:
    text = (
        "6. LEADERS' CODE OF CONDUCT\n"
        "6.1 Leaders must:\n"
        "6.1.1 treat all members with respect and avoid favouritism;\n"
        "6.1.2 use appropriate language and never use sarcasm as a form of discipline;\n"
        "6.2 One-to-one. Leaders should avoid being alone with a single member.\n"
    )
    clauses = {c.ref: c for c in segment(text)}
    assert (clauses["6.1.1"].context, clauses["6.1.1"].text) == (
        "Leaders must:",
        "treat all members with respect and avoid favouritism;",
    )
    assert clauses["6.1.2"].context == "Leaders must:"
    assert clauses["6.2"].context == ""  # a sibling, not a subclause


def test_a_number_that_goes_on_a_wrapped_sentence_is_not_a_clause() -> None:
    text = (
        "18.1 Missing cadet: if a cadet cannot be found, the Duty Officer starts a search straight away.\n"
        "18.2 Afloat: in any emergency on the water, the coxswain calls the Coastguard on VHF Channel\n"
        "16 or by dialling 999, and all boats return to the pontoon.\n"
        "18.3 Fire: leave the building by the nearest exit.\n"
    )
    clauses = segment(text)
    assert [c.ref for c in clauses] == ["18.1", "18.2", "18.3"]
    assert clauses[1].text.endswith("on VHF Channel 16 or by dialling 999, and all boats return to the pontoon.")


def test_a_template_policys_number_and_title_heading_every_page_are_dropped() -> None:
    # pre-school template policies head each page "1.2 Safeguarding children, young people and" / "...Duty"
    pages = [
        "1.2 Safeguarding children, young people and\nvulnerable adults including The Prevent Duty\n\n"
        f"Key commitment {number}\n\n"
        "\uf0a7 All staff attend safeguarding training every year.\n"
        "\uf0a7 Visitors sign in at the office and wear a badge.\n"
        for number in range(1, 7)
    ]
    clauses = segment("\n".join(pages))
    assert not any("Prevent Duty" in c.text + c.context or c.ref.startswith("1.2") for c in clauses)
    training = [c for c in clauses if "training" in c.text]
    assert len(training) == 6 and all(c.heading.startswith("Key commitment") for c in training)


def test_short_paragraphs_after_a_line_ending_in_a_colon_are_its_list() -> None:
    steps = [
        "We will book train tickets for participants travelling alone, and group them onto the same journeys.",
        "We will share emergency contact numbers with every participant before the journey begins.",
        "Volunteers will meet participants at the station and walk them to the venue in a group.",
        "We will set aside funds for emergencies while travelling, such as taxis, rebookings and food.",
    ]
    intro = "Parents will have questions about solo travel, and we are taking the following steps:"
    text = (
        f"# Safeguarding\n\n## Travel\n\n{intro}\n\n"
        + "\n\n".join(steps)
        + "\n\n## Photos\n\nPhotos are posted only with consent.\n"
    )
    clauses = segment(text)
    travel = [c for c in clauses if c.heading.endswith("Travel")]
    assert [c.text for c in travel] == steps
    assert {c.context for c in travel} == {intro}  # each step is quoted with the line that introduces it
    assert clauses[-1].text == "Photos are posted only with consent."  # the next section is not a step


def test_a_line_ending_in_a_colon_over_one_short_paragraph_is_quoted_with_it() -> None:
    text = (
        "## Purpose of the Policy\n\nWe are a tutoring company based in Cambridge.\n\n"
        "And can be contacted on:\n\n+44(0) 207 946 0000 info@example.org\n\n"
        "2.2 This policy is intended to protect children and young people who receive any service from us.\n"
    )
    texts = [c.text for c in segment(text)]
    assert "And can be contacted on:\n+44(0) 207 946 0000 info@example.org" in texts
    assert texts[-1].startswith("This policy is intended")


def test_a_short_line_ending_in_a_colon_over_sections_is_quoted_with_each_of_their_lists() -> None:
    text = (
        "# Acceptable use\n\n## 5. Prohibited use\n\nUsers must NOT:\n\n"
        "### 5.1 Youth safety\n\n- Engage in private one-to-one chats with a young person\n"
        "- Move a young person's messages to personal apps\n\n"
        "### 5.2 Data\n\n- Share passwords or keys in messages\n\n"
        "## 6. Reporting\n\nReport any concern to the safeguarding lead the same day.\n"
    )
    clauses = {c.text.split("\n")[0]: c for c in segment(text)}
    # without it, the rule would read as an instruction to do what it forbids
    assert clauses["Engage in private one-to-one chats with a young person"].context == "Users must NOT:"
    assert clauses["Share passwords or keys in messages"].context == "Users must NOT:"
    assert clauses["Report any concern to the safeguarding lead the same day."].context == ""


def test_runs_of_spaces_a_pdf_table_left_in_a_line_are_one_space_in_the_quote() -> None:
    row = "Unauthorised use of social media" + " " * 60 + "x" + " " * 40 + "x"
    clauses = segment(f"# Sanctions\n\nFor pupils:\n\n{row}\n\n{row.replace('social media', 'mobile phones')}\n")
    texts = " ".join(c.text for c in clauses)
    assert "Unauthorised use of social media x x" in texts
    assert "  " not in texts


def test_a_title_over_a_title_over_its_text_are_both_titles_not_text() -> None:
    text = (
        "Staff responsibilities\n"
        "Child safeguarding\n"
        "Our staff and associated personnel must not:\n"
        "• Engage in sexual activity with anyone under the age of 18\n"
        "• Subject a child to physical, emotional or psychological abuse, or neglect\n"
    )
    clauses = segment(text)
    # plain-text titles have no levels: the nearer one is the clause's heading, and neither runs into its text
    assert [c.heading for c in clauses] == ["Child safeguarding"]
    assert clauses[0].text.startswith("Our staff and associated personnel must not:")


def test_short_numbered_lines_one_after_another_are_a_list_not_empty_sections() -> None:
    # a staff handbook's "Acceptable:" over "1. Communication in connection with the business" / "2. ...":
    # read as titles, those lines would be sections with nothing in them, and their words never quoted
    text = (
        "# E-mail\n\n"
        "Acceptable:\n\n"
        "1. Communication in connection with the employers business\n\n"
        "2. Personal email during breaks\n\n"
        "# Internet\n\n"
        "Forbidden:\n\n"
        "1. Using webmail at work\n\n"
        "2. Sending or commenting upon the employers business inappropriately, on any site or forum, at any time\n\n"
        "# Training\n\n"
        "3. Safeguarding training\n\n"
        "All staff attend a safeguarding course every three years.\n"
    )
    clauses = segment(text)
    quoted = {(c.context, c.text) for c in clauses}
    acceptable = "Acceptable:\nCommunication in connection with the employers business\nPersonal email during breaks"
    assert ("", acceptable) in quoted
    forbidden = [c for c in clauses if c.heading == "Internet"]
    assert "Using webmail at work" in forbidden[0].text  # a short first line over a longer second is one list
    assert "Sending or commenting upon" in forbidden[0].text
    training = [c for c in clauses if c.text.startswith("All staff")]
    assert training[0].heading.endswith("Safeguarding training")  # a title with its text under it stays a title


def test_a_short_numbered_line_that_numbers_on_from_a_clause_is_its_peer_not_its_list() -> None:
    # "3. Photographs and videos" after clause 2 is a section title in the document's own numbering;
    # read as a list under clause 2, it took clauses 3 to 5 into clause 2 and they were quoted as "2"
    text = (
        "# Conduct\n\n"
        "1. Staff must not post photographs of children.\n"
        "2. Volunteers must follow the code of conduct.\n"
        "3. Photographs and videos\n"
        "4. Staff must not use their own phones for photographs.\n"
        "5. Date policy to be reviewed: 1st March 2030\n"
        "6. Parents give consent each September.\n"
    )
    clauses = {c.ref: c for c in segment(text)}
    assert clauses["2"].text == "Volunteers must follow the code of conduct."
    assert clauses["4"].text == "Staff must not use their own phones for photographs."
    assert clauses["4"].heading.endswith("Photographs and videos")
    assert clauses["5"].text == "Date policy to be reviewed: 1st March 2030"  # a label and its value, no title
    assert clauses["6"].text == "Parents give consent each September."


def test_a_sentence_pasted_a_phrase_a_paragraph_is_one_sentence_not_headings() -> None:
    # a church policy pasted from Word: each name on a paragraph of its own read as a section title, and
    # every clause after it was filed under "Jo Bloggs Safeguarding Officer (Children)"
    text = (
        "## Church Council\n\n"
        "Legal responsibility for safeguarding rests with the members of the Church Council.\n\n"
        "St Anne's Church appoints\n\n"
        "Jo Bloggs Safeguarding Officer (Adults)\n\n"
        "and\n\n"
        "Sam Smith Safeguarding Officer (Children)\n\n"
        "and supports them in their role, which is to:\n\n"
        "- record all safeguarding issues reported to the church\n\n"
        "- attend training and meetings relating to the role\n"
    )
    clauses = segment(text)
    appointment = (
        "St Anne's Church appoints Jo Bloggs Safeguarding Officer (Adults) and Sam Smith Safeguarding Officer "
        "(Children) and supports them in their role, which is to:"
    )
    assert [c.heading for c in clauses] == ["Church Council"] * 2
    assert clauses[1].text.startswith(appointment + "\nrecord all safeguarding issues")  # with its short list


def test_underlined_titles_are_headings_and_a_rule_after_a_blank_line_is_not() -> None:
    # reStructuredText and Markdown's setext headings: a title over "===" or "---"
    text = (
        "===============\n"
        "Internet access\n"
        "===============\n\n"
        ".. include:: common-metadata.rst\n\n"
        "E-mail\n"
        "------\n\n"
        "Unacceptable:\n\n"
        "1. Using email for personal communication during the working day, outside of break times.\n\n"
        "2. Sending chain emails to large distribution groups across the organisation.\n\n"
        "Internet\n"
        "--------\n\n"
        "Unacceptable:\n\n"
        "1. Spending any periods of the working day looking at non-business internet sites.\n\n"
        "---\n\n"
        "Staff must log off when they leave their desk.\n"
    )
    clauses = segment(text)
    assert not any("include::" in c.text for c in clauses)  # a directive is markup, not policy text
    first = next(c for c in clauses if c.text.startswith("Using email"))
    assert first.heading.endswith("E-mail › Unacceptable")
    # two lists numbered afresh under two "Unacceptable:" are cited apart by their sections
    assert first.ref == "1 (E-mail › Unacceptable)"
    assert next(c for c in clauses if c.text.startswith("Spending")).ref == "1 (Internet › Unacceptable)"
    last = clauses[-1]
    assert last.text == "Staff must log off when they leave their desk."  # "---" after a blank line divides
    assert last.heading.startswith("Internet")


def test_a_clause_number_printed_on_a_line_of_its_own_goes_back_on_its_text() -> None:
    # a PDF with its clause numbers in a column of their own: "2.1" on one line, its text on the next
    long_sentence = "Staff must record every concern on the day it is raised, with the time and who was told. "
    text = (
        "2. Responsibility\n\n"
        "2.1\n"
        "It is the duty of everyone in the setting to safeguard the welfare of the children.\n\n"
        "2.2\n" + long_sentence * 25 + "\n"
    )
    clauses = segment(text)
    assert (clauses[0].ref, clauses[0].text) == (
        "2.1",
        "It is the duty of everyone in the setting to safeguard the welfare of the children.",
    )
    # a long clause split into pieces is still one clause, cited by its own number alone
    assert len(clauses) > 2
    assert {c.ref for c in clauses[1:]} == {"2.2"}


def test_a_title_of_a_few_words_and_a_dash_over_bullets_is_their_heading() -> None:
    # a pre-school PDF's sections: a title line, then its bullets (Wingdings glyphs), no colon anywhere
    text = (
        "Mobile phones \u2013 children\n"
        "\uf0a7 Children do not bring mobile phones with them to the setting.\n"
        " \n"
        "Mobile phones \u2013 staff and visitors\n"
        "\uf0a7 Personal mobile phones are not used by our staff on the premises during working hours.\n"
        "\uf0a7 In an emergency, personal mobile phones may be used where no children are present.\n"
        " \n"
        "Cameras and videos and storage of images\n"
        "\uf0a7 Our staff must not bring their personal cameras into the setting.\n"
    )
    headings = {c.heading for c in segment(text)}
    assert headings == {
        "Mobile phones \u2013 children",
        "Mobile phones \u2013 staff and visitors",
        "Cameras and videos and storage of images",
    }


def test_a_title_with_a_label_and_a_colon_over_bullets_is_their_heading_and_an_intro_ending_in_one_is_not() -> None:
    text = (
        "Exploitation\n\n"
        "Young people can be targeted for criminal exploitation. If you notice any of the signs:\n"
        "\u2022\tReport them to the DSL on the same day.\n\n\n"
        "Youth Hub: messages to young people\n\n"
        "\u2022\tWorkers message young people only from the Youth Hub work phone.\n"
        "\u2022\tMessages are only sent between 8am and 9pm.\n"
    )
    heading_of = {sentence: c.heading for c in segment(text) for sentence in c.text.split("\n")}
    assert heading_of["Workers message young people only from the Youth Hub work phone."] == (
        "Youth Hub: messages to young people"
    )
    assert heading_of["Messages are only sent between 8am and 9pm."] == "Youth Hub: messages to young people"
    clauses = segment(text)
    assert clauses[0].heading == "Exploitation"  # "...any of the signs:" introduces its list, kept with it
    assert "Report them to the DSL" in clauses[0].text


def test_word_titles_over_paragraphs_cite_their_own_section() -> None:
    # as Word saves it as text: one paragraph a line, a title straight under the last sentence of the section
    # before, titles in sentence case that list their subjects, and a contact card that names no section
    text = (
        "Reporting a concern\n"
        "If you are worried about a child, tell the Club Welfare Officer on the same day and write down what you saw.\n"
        "Concerns about a coach, volunteer or another adult in football\n"
        "Any worry about the behaviour of an adult towards a junior must be reported to the Welfare Officer, even "
        "if it seems minor.\n"
        "Photographs, filming and consent\n"
        "Parents are asked on the membership form whether photographs of their child may be taken at sessions.\n"
        "Helen Marsh, Welfare Officer\n"
        "Helen can be reached on 07700 900123 during the week and at every competition the club enters.\n"
    )
    heading_of = {c.text: c.heading for c in segment(text)}
    adults = next(text for text in heading_of if text.startswith("Any worry about the behaviour of an adult"))
    assert heading_of[adults] == "Concerns about a coach, volunteer or another adult in football"
    photographs = next(text for text in heading_of if text.startswith("Parents are asked on the membership form"))
    assert heading_of[photographs] == "Photographs, filming and consent"
    # a person's name over their details is not a title: their details stay in the photographs section
    assert not any(heading.startswith("Helen Marsh") for heading in heading_of.values())


def test_the_steps_of_a_procedure_title_their_text_inside_its_section() -> None:
    text = (
        "Reporting a concern\n\n"
        "Step 1 – Tell the DSL on the same day\n"
        "o\tTelephone the DSL as soon as you can. Do not rely on an email alone.\n\n"
        "Step 2 – Record it within 24 hours\n"
        "o\tComplete a concern form with what was said, in the person's own words.\n\n"
        "Step 3 – The DSL decides\n"
        "The DSL will decide whether to:\n"
        "a)\tmake a referral to children's social care;\n"
        "b)\tcontact the police.\n\n"
        "Emergencies – when to call 999\n\n"
        "Call 999 first, then tell the DSL, if a child is in immediate danger.\n"
    )
    heading_of = {c.text: c.heading for c in segment(text)}
    assert heading_of["Telephone the DSL as soon as you can. Do not rely on an email alone."] == (
        "Reporting a concern › Step 1 – Tell the DSL on the same day"
    )
    assert heading_of["Complete a concern form with what was said, in the person's own words."] == (
        "Reporting a concern › Step 2 – Record it within 24 hours"
    )
    decides = "The DSL will decide whether to:\nmake a referral to children's social care;\ncontact the police."
    assert heading_of[decides] == "Reporting a concern › Step 3 – The DSL decides"
    assert heading_of["Call 999 first, then tell the DSL, if a child is in immediate danger."] == (
        "Emergencies – when to call 999"
    )


def test_word_subheadings_between_lists_title_the_next_list_and_never_end_a_quote() -> None:
    # as extracted from Word: no blank line around a subheading, and a title may name several subjects
    text = (
        "Photographs, filming and live-streaming\n"
        "Consent\n"
        "\u2022 Parents are asked for consent on the registration form for photographs of their child.\n"
        "\u2022 The Head keeps the list of children without consent and gives each teacher a copy.\n"
        "Live-streaming from the hall\n"
        "\u2022 The hall is streamed on our YouTube channel every day.\n"
        "\u2022 Classrooms and the youth room are never live-streamed.\n"
        "Photos in class and at events\n"
        "\u2022 Teachers take photos only on the school tablet.\n"
    )
    clauses = segment(text)
    assert {c.heading for c in clauses} == {"Consent", "Live-streaming from the hall", "Photos in class and at events"}
    assert [c.text.splitlines()[0] for c in clauses if c.heading != "Live-streaming from the hall"] == [
        "Parents are asked for consent on the registration form for photographs of their child.",
        "The Head keeps the list of children without consent and gives each teacher a copy.",
        "Teachers take photos only on the school tablet.",
    ]
    assert not any("Photos in class" in c.text or "Photographs, filming" in c.text for c in clauses)


def test_a_numbered_title_listing_its_subjects_keeps_its_text() -> None:
    text = (
        "6.4 Scams, mate crime and exploitation\n"
        "People with learning disabilities are sometimes targeted by people who pretend to be friends.\n"
    )
    assert any("People with learning disabilities" in c.text for c in segment(text))


def test_a_numbered_sections_own_paragraphs_are_cited_apart_from_its_numbered_list() -> None:
    # "1. Policy statement" over a paragraph, its own list "1.", "2." and another paragraph: three clauses
    # would otherwise all be "1"
    text = (
        "# Riverside Club\n\n## 1. Policy statement\n\nThis policy covers every activity the club runs.\n\n"
        "1. Leaders hold a current DBS check.\n2. Leaders complete safeguarding training every year.\n\n"
        "Our role is not to investigate but to report concerns.\n"
    )
    refs = {clause.text: clause.ref for clause in segment(text)}
    assert refs == {
        "This policy covers every activity the club runs.": "1 ¶1",
        "Leaders hold a current DBS check.": "1",
        "Leaders complete safeguarding training every year.": "2",
        "Our role is not to investigate but to report concerns.": "1 ¶2",
    }


def test_a_persons_contact_lines_are_one_clause_that_names_them() -> None:
    text = (
        "# Riverside Karate Club\n\n## Key contacts\n\n### Sam Jones\n\n"
        '<img src="sam.webp" alt="Sam Jones, Safeguarding Lead">\n\nEmail: sam@club.example\n\nTel: 07700 900123\n\n'
        "If you are not confident raising a concern with us, contact our association instead.\n"
    )
    clauses = segment(text)
    assert [clause.text for clause in clauses] == [
        '<img src="sam.webp" alt="Sam Jones, Safeguarding Lead">\nEmail: sam@club.example\nTel: 07700 900123',
        "If you are not confident raising a concern with us, contact our association instead.",
    ]
    assert [clause.ref for clause in clauses] == ["Sam Jones", "Sam Jones ¶2"]


def test_a_bold_sentence_with_its_paragraph_on_the_next_line_is_not_a_heading() -> None:
    text = (
        "# Reporting\n\nConcerns about a child should be reported to:\n\n"
        "**Dr Sam Jones, Owner and Founder.**\nTelephone 07700 900123 or email sam@club.example.\n\n"
        "Where a concern relates to Dr Jones, contact the local authority.\n\n"
        "**Training**\nEveryone completes safeguarding training every year.\n"
    )
    clauses = segment(text)
    assert any("Owner and Founder.** Telephone 07700 900123" in clause.text for clause in clauses)
    assert not any("Sam Jones" in clause.heading for clause in clauses)  # nothing is filed under the person
    training = next(clause for clause in clauses if clause.text.startswith("Everyone completes"))
    assert training.heading.endswith("Training")  # a bold title without a full stop is still a heading


def test_site_shortcodes_footer_dates_and_lines_to_sign_on_are_not_policy_text() -> None:
    text = (
        "# Riverside Playgroup Social Media Policy\n\nJune 2020\n\n"
        "This policy was adopted at a meeting of:\n\nRiverside Playgroup …………………………………………\n\n"
        "{{< card-column >}}\n\nStaff never post photos of children on their own accounts.\n\n"
        "{% include contacts.html %}\n\nJune 2020\n\n## Staff\n\nStaff phones stay in the office during sessions.\n\n"
        "June 2020\n"
    )
    clauses = segment(text)
    texts = [clause.text for clause in clauses]
    assert "June 2020" not in texts  # the date every page's footer repeats
    assert not any("{{" in t or "{%" in t for t in texts)
    assert "Staff never post photos of children on their own accounts." in texts
    assert all("…" not in clause.heading for clause in clauses)  # the dots to sign on are not a title's


def test_a_contents_list_of_links_to_its_sections_and_kramdown_attributes_are_not_policy_text() -> None:
    text = (
        "# Protection of Minors\n{:.no_toc}\n\n1. [Reporting Abuse](#1)\n2. [Training](#2)\n- [Trips](#trips)\n\n"
        "## 1. Reporting Abuse\n\nAnyone who suspects abuse must tell the police at once.\n\n"
        "## 2. Training\n\nEvery adult completes safeguarding training before working with minors.\n"
    )
    clauses = segment(text)
    assert [c.text for c in clauses] == [
        "Anyone who suspects abuse must tell the police at once.",
        "Every adult completes safeguarding training before working with minors.",
    ]
    assert clauses[1].ref == "2"  # the section's own number, not a contents line's


_LINES = st.sampled_from(
    [
        "",
        "# Safeguarding Policy",
        "## Photos #",
        "##Principles",
        "1.",
        "1. Staff must not post photos.",
        "1.1 Report concerns the same day.",
        "2.1",
        "- a bullet",
        "* Never be alone with a child:",
        "a) lettered",
        "ii)\tRoman numbered item",
        "Page 1 of 3",
        "June 2020",
        "Safeguarding",
        "---",
        "+++",
        "title: Policy",
        'title = "Policy"',
        "<div>",
        "</div>",
        "<table><tr><td>DSL</td><td>Sam</td></tr></table>",
        "<br>",
        "{{< card >}}",
        "{% include x.html %}",
        "!!! note",
        ":::",
        ".. _abuse:",
        "+----+",
        "| a | b |",
        "Signed ……………… Date ………………",
        "**Bold title**",
        "Email: sam@club.example",
        "Tel: 07700 900123",
        '<img src="x.png" alt="Sam Jones, DSL">',
        "Staff must:",
        "Users must NOT:",
        "### 5.1 Youth safety",
        "{:.no_toc}",
        "4. [Training](#4)",
        "And can be contacted on:",
        "    indented under an item",
        "Review date: April 2024",
        "x" * 300,
        "word " * 80,
        "\t",
        "\u00a0",
        "\f",
    ]
)


@given(st.lists(_LINES, max_size=40))
def test_any_mix_of_policy_lines_and_markup_segments_without_failing(lines: list[str]) -> None:
    # whatever an organisation's file holds, reading it never fails; every clause quotes words
    for clause in segment("\n".join(lines)):
        assert clause.text.strip()
        assert clause.ref
