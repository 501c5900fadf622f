"""Discord renderers, tested as data (`to_dict`): Discord's limits, nothing cut, nothing pinged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.discord_views import (
    CONTENT_MAX,
    DESCRIPTION_MAX,
    EMBED_TOTAL_MAX,
    EMBEDS_PER_MESSAGE,
    FIELD_VALUE_MAX,
    FIELDS_MAX,
    ReportFields,
    pack_embeds,
    render_answer,
    render_open_reports,
    render_other_matches,
    render_receipt,
    render_report_for_lead,
    render_report_form,
    render_shared_quote,
    split_text,
    to_report_fields,
)
from assistant.models import (
    WHAT_HAPPENED_MAX,
    Answer,
    AnswerStatus,
    Clause,
    DeliveryKind,
    DeliveryProblem,
    Hit,
    Receipt,
    Report,
    ReportCategory,
    ReportStatus,
    ReportSummary,
    UserRef,
)

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def hit(text: str, ref: str = "6.14", document: str = "LEAPS Suffolk - Social Media Policy") -> Hit:
    clause = Clause(document=document, source="001_leaps.txt", ref=ref, heading="Staff conduct", text=text, position=1)
    return Hit(clause=clause, score=9.0)


def answer(*hits: Hit, status: AnswerStatus = AnswerStatus.ANSWERED, danger: bool = False) -> Answer:
    return Answer(
        question="can I add a parent on facebook?",
        status=status,
        hits=hits,
        contact="your Designated Safeguarding Lead (DSL)",
        immediate_danger=danger,
    )


def report(what: str = "He messaged her on Snapchat.", **changes: object) -> Report:
    values: dict[str, object] = {
        "reference": "SG-2026-0042",
        "created_at": NOW,
        "status": ReportStatus.NEW,
        "reporter": UserRef(platform="discord", user_id="700000000000000001", display_name="Vol"),
        "what_happened": what,
        "who": "J.S.",
        "when_where": "Tuesday, youth club",
        "category": ReportCategory.ONLINE_CONTACT,
        "immediate_danger": False,
        "evidence": "",
        "concerns_recipient": None,
    }
    values.update(changes)
    return Report.model_validate(values)


@given(st.text(min_size=0, max_size=12000), st.integers(min_value=40, max_value=4096))
def test_split_text_keeps_every_word_and_respects_the_limit(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(len(piece) <= limit for piece in pieces)
    assert "".join("".join(piece.split()) for piece in pieces) == "".join(text.split())  # only spacing changes


def test_an_answer_quotes_the_best_clause_with_its_document_and_clause_ref() -> None:
    reply = render_answer(answer(hit("Staff must not accept friend requests from parents."), hit("Other.", "7.1")))
    [[embed]] = reply.embeds
    data = embed.to_dict()
    assert data["title"] == "LEAPS Suffolk - Social Media Policy"
    assert data["description"] == "Staff must not accept friend requests from parents."
    assert data["footer"]["text"].startswith("Clause 6.14 · Staff conduct · 001_leaps.txt")
    assert reply.content.startswith("Here is what your organisation's policy says")


def test_a_very_long_clause_is_split_across_embeds_and_messages_within_discords_limits() -> None:
    sentence = "Staff must keep all communication with young people transparent and on approved channels. "
    long = hit(sentence * 400)  # about 36,000 characters
    reply = render_answer(answer(long))
    embeds = [embed for batch in reply.embeds for embed in batch]
    assert len(embeds) > 1 and len(reply.embeds) > 1
    for batch in reply.embeds:
        assert len(batch) <= EMBEDS_PER_MESSAGE
        assert sum(len(embed) for embed in batch) <= EMBED_TOTAL_MAX
    assert all(len(embed.description or "") <= DESCRIPTION_MAX for embed in embeds)
    rejoined = " ".join((embed.description or "").replace("\\", "") for embed in embeds)
    assert rejoined.split() == long.clause.text.split()  # nothing cut
    assert embeds[1].title == "LEAPS Suffolk - Social Media Policy (continued)"
    assert len(reply.content) <= CONTENT_MAX


def test_a_clause_shows_its_words_without_its_formatting_marks_and_nothing_else_is_interpreted() -> None:
    [[embed]] = render_answer(answer(hit("Use **approved** accounts_only, see [the list](https://x.org/a)"))).embeds
    # the policy's own bold is taken out; what remains is escaped, so Discord shows it as written
    assert embed.description == r"Use approved accounts\_only, see the list (https://x.org/a)"


def test_no_match_quotes_nothing_and_says_who_to_ask() -> None:
    reply = render_answer(answer(status=AnswerStatus.NO_MATCH))
    assert reply.embeds == []
    assert "Please ask your Designated Safeguarding Lead (DSL)" in reply.content


def test_a_concern_points_to_the_report_command_and_999_comes_first() -> None:
    reply = render_answer(answer(hit("Report concerns to the DSL."), status=AnswerStatus.CONCERN, danger=True))
    first_line, *rest = reply.content.splitlines()
    assert "call 999" in first_line
    assert "/report" in "\n".join(rest)
    assert reply.embeds  # the reporting clauses


def test_other_matches_and_shared_quotes() -> None:
    both = answer(hit("First."), hit("Second.", "7.1"))
    [[other]] = render_other_matches(both).embeds
    assert other.description == "Second."
    assert render_other_matches(answer(hit("Only."))).embeds == []
    shared = render_shared_quote(both.hits[0], 123)
    assert "can I add a parent" not in shared.content  # never the question
    assert shared.content.startswith("<@123> shared a quote from LEAPS Suffolk - Social Media Policy, clause 6.14")


def test_the_report_form_has_five_labelled_components_and_can_be_prefilled() -> None:
    data = render_report_form().to_dict()
    assert data["custom_id"] == "pb:report:form"
    assert len(data["title"]) <= 45
    assert [row["type"] for row in data["components"]] == [18, 18, 18, 18, 18]
    what, who, when, category, danger = (row["component"] for row in data["components"])
    assert (what["type"], what["style"], what["required"], what["max_length"]) == (4, 2, True, WHAT_HAPPENED_MAX)
    assert who["required"] is False and when["required"] is False
    assert category["type"] == 21 and [o["value"] for o in category["options"]] == [c.value for c in ReportCategory]
    assert danger["type"] == 23
    assert all(len(row["label"]) <= 45 and len(row.get("description", "")) <= 100 for row in data["components"])
    prefilled = render_report_form(
        "800000000000000001",
        ReportFields(what_happened="kept text", category=ReportCategory.IMAGES, immediate_danger=True),
    ).to_dict()
    assert prefilled["custom_id"] == "pb:report:form:800000000000000001"
    what, _who, _when, category, danger = (row["component"] for row in prefilled["components"])
    assert what["value"] == "kept text"
    assert [o["value"] for o in category["options"] if o.get("default")] == ["images"]
    assert danger["default"] is True


def test_a_submitted_form_is_read_whatever_wraps_its_inputs() -> None:
    components = [
        {"type": 18, "component": {"type": 4, "custom_id": "what", "value": "It happened."}},
        {"type": 1, "components": [{"type": 4, "custom_id": "who", "value": "A.B."}]},
        {"type": 18, "component": {"type": 21, "custom_id": "category", "value": "images"}},
        {"type": 18, "component": {"type": 23, "custom_id": "danger", "value": True}},
    ]
    fields = to_report_fields(components)
    assert fields == ReportFields(
        what_happened="It happened.", who="A.B.", category=ReportCategory.IMAGES, immediate_danger=True
    )
    assert to_report_fields([{"type": 18, "component": {"type": 21, "custom_id": "category", "value": "bogus"}}]) == (
        ReportFields()
    )


def test_the_leads_copy_holds_the_whole_report_within_embed_limits() -> None:
    what = "Long account of what was seen. " * 96  # the 3,000-character maximum
    embeds = render_report_for_lead(
        report(what[:WHAT_HAPPENED_MAX], who="W" * 500, when_where="X" * 500, evidence="E" * 1000),
        escalation=True,
    )
    first = embeds[0].to_dict()
    assert first["title"].startswith("Confidential safeguarding report SG-2026-0042: NOT YET ACKNOWLEDGED")
    for batch in pack_embeds(embeds):
        assert sum(len(embed) for embed in batch) <= EMBED_TOTAL_MAX
    for embed in embeds:
        assert len(embed.fields) <= FIELDS_MAX
        assert all(len(field.value or "") <= FIELD_VALUE_MAX for field in embed.fields)
    fields = {field["name"]: field["value"] for field in first["fields"]}
    assert fields["Reported by"] == "<@700000000000000001>"
    assert fields["What kind of concern"] == "Online contact with a child or young person"
    assert "Evidence notes" in fields


def test_a_report_with_many_long_fields_moves_extra_fields_to_more_embeds() -> None:
    embeds = render_report_for_lead(report(who="y " * 6000))  # 12,000 characters of names
    assert len(embeds) > 1
    for embed in embeds:
        assert len(embed.fields) <= FIELDS_MAX and len(embed) <= EMBED_TOTAL_MAX


@pytest.mark.parametrize("danger", [False, True])
def test_the_receipt_carries_the_reference_and_999_first_for_danger(danger: bool) -> None:
    text = render_receipt(Receipt(reference="SG-2026-0042", immediate_danger=danger))
    assert "SG-2026-0042" in text
    assert text.startswith("**If someone is in immediate danger") is danger


def test_the_open_reports_list_has_no_free_text_and_shows_failed_deliveries() -> None:
    summary = ReportSummary(
        reference="SG-2026-0042",
        created_at=NOW,
        status=ReportStatus.NEW,
        category=ReportCategory.IMAGES,
        immediate_danger=True,
    )
    problem = DeliveryProblem(
        reference="SG-2026-0042",
        recipient="discord:800000000000000001",
        kind=DeliveryKind.REPORT,
        attempts=3,
        permanent=True,
        last_error="closed DMs",
        next_attempt_at=NOW,
    )
    [[embed]] = render_open_reports([summary], [problem]).embeds
    assert "**SG-2026-0042** · new · Images or photos · 2026-03-01 09:30 UTC · IMMEDIATE DANGER" in (
        embed.description or ""
    )
    assert "<@800000000000000001>" in (embed.description or "")
    [[empty]] = render_open_reports([]).embeds
    assert empty.description == "There are no open reports."


@pytest.mark.parametrize("status", [AnswerStatus.ANSWERED, AnswerStatus.NO_MATCH])
def test_every_answer_that_is_not_a_concern_says_how_to_report_a_worry(status: AnswerStatus) -> None:
    reply = render_answer(answer(hit("Staff must not accept friend requests."), status=status))
    assert reply.content.splitlines()[-1].endswith("or use /report to report it confidentially.")
