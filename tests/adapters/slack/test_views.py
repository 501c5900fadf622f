"""Block Kit renderers, tested as data: what a person would see, within Slack's limits."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from adapters import slack_views as views
from assistant import messages
from assistant.models import (
    Answer,
    AnswerStatus,
    ChronologyEntry,
    Clause,
    DocumentInfo,
    Hit,
    Receipt,
    Report,
    ReportCategory,
    ReportStatus,
    ReportSummary,
    StaleNotice,
    UserRef,
)
from tests.adapters.slack.conftest import displayed

INJECTION = "<!channel> <@U0BOSS01> & <https://evil.example|click>"


def clause(text: str, ref: str = "6.14", document: str = "LEAPS Suffolk - Social Media Policy") -> Clause:
    return Clause(document=document, source="leaps.txt", ref=ref, heading="6 Social media", text=text, position=1)


def answer(status: AnswerStatus, *texts: str, question: str = "can I friend a parent?", danger: bool = False) -> Answer:
    hits = tuple(Hit(clause=clause(t, ref=f"6.{i}"), score=10.0 - i) for i, t in enumerate(texts))
    return Answer(question=question, status=status, hits=hits, contact="your DSL", immediate_danger=danger)


def all_text(blocks: Any) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def within_limits(blocks: list[dict[str, Any]]) -> None:
    assert len(blocks) <= views.BLOCKS_MAX
    for block in blocks:
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= views.SECTION_TEXT_MAX
        for element in block.get("elements", []):
            if element.get("type") == "button":
                assert len(element["value"]) <= views.BUTTON_VALUE_MAX
                assert len(element["text"]["text"]) <= 75


def buttons(blocks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {}
    for block in blocks:
        for element in [*block.get("elements", []), block.get("accessory") or {}]:
            if element.get("type") == "button":
                found[element["action_id"]] = element
    return found


def test_an_answer_quotes_the_best_clause_with_its_document_and_clause_reference() -> None:
    blocks = views.render_answer(answer(AnswerStatus.ANSWERED, "Staff must not accept friend requests.", "Other."))
    text = all_text(blocks)
    assert ">Staff must not accept friend requests." in text
    assert "*LEAPS Suffolk - Social Media Policy*, clause 6.0" in text
    assert ">Other." not in text  # the other match waits behind its button
    assert set(buttons(blocks)) == {views.SHARE, views.SHOW_OTHERS, views.HELPFUL, views.NOT_HELPFUL}
    within_limits(blocks)


def test_the_expanded_answer_shows_every_match_each_with_a_share_button() -> None:
    blocks = views.render_answer(answer(AnswerStatus.ANSWERED, "First.", "Second.", "Third."), expanded=True)
    text = all_text(blocks)
    assert all(f">{t}" in text for t in ("First.", "Second.", "Third."))
    shares = [e for b in blocks for e in b.get("elements", []) if e.get("action_id") == views.SHARE]
    assert [views.to_answer_ref(e["value"]).i for e in shares] == [0, 1, 2]  # type: ignore[union-attr]


def test_an_answer_in_a_dm_has_no_share_button() -> None:
    blocks = views.render_answer(answer(AnswerStatus.ANSWERED, "Text."), shareable=False)
    assert views.SHARE not in buttons(blocks)


def test_after_feedback_the_buttons_give_way_to_a_thank_you() -> None:
    blocks = views.render_answer(answer(AnswerStatus.ANSWERED, "Text."), feedback_given=True)
    assert views.HELPFUL not in buttons(blocks)
    assert messages.SLACK_FEEDBACK_THANKS in all_text(blocks)


def test_no_match_quotes_nothing_and_says_who_to_ask() -> None:
    blocks = views.render_answer(answer(AnswerStatus.NO_MATCH))
    assert views.escape(messages.no_match("your DSL")) in all_text(blocks)
    assert not buttons(blocks)


def test_a_concern_offers_the_report_form_and_999_first_for_immediate_danger() -> None:
    blocks = views.render_answer(answer(AnswerStatus.CONCERN, "Tell the DSL at once.", danger=True))
    text = all_text(blocks)
    assert text.index(views.escape(messages.DANGER_FIRST)) < text.index(">Tell the DSL at once.")
    assert views.escape(messages.concern("your DSL", "/report")) in text
    assert views.OPEN_REPORT in buttons(blocks)


def test_user_text_and_policy_text_are_escaped_so_nobody_can_be_pinged() -> None:
    blocks = views.render_answer(answer(AnswerStatus.ANSWERED, f"Clause {INJECTION}", question=INJECTION))
    text = displayed(blocks)
    assert "<!channel>" not in text and "<@U0BOSS01>" not in text and "<https://" not in text
    assert "&lt;!channel&gt;" in text and "&amp;" in text


def test_a_very_long_clause_is_split_into_sections_and_trimmed_with_a_pointer_to_the_rest() -> None:
    long_text = "\n\n".join(f"Paragraph {n}: " + "word " * 300 for n in range(20))  # ~30,000 characters
    blocks = views.render_answer(answer(AnswerStatus.ANSWERED, long_text, long_text, long_text), expanded=True)
    within_limits(blocks)
    assert "Paragraph 0:" in all_text(blocks)
    assert messages.slack_clause_trimmed("LEAPS Suffolk - Social Media Policy", "6.0") in all_text(blocks)
    assert buttons(blocks)  # the buttons survive the trimming


def test_many_huge_hits_still_fit_in_fifty_blocks_with_the_buttons_last() -> None:
    hits = ["x " * 2000] * 20
    blocks = views.render_answer(answer(AnswerStatus.ANSWERED, *hits), expanded=True)
    within_limits(blocks)
    assert blocks[-1]["type"] == "actions"


def test_button_values_carry_the_question_within_2000_characters() -> None:
    question = '"quoted" \\ ' * 400
    value = views.render_answer_ref(question, 2)
    assert len(value) <= views.BUTTON_VALUE_MAX
    ref = views.to_answer_ref(value)
    assert ref is not None and ref.i == 2 and question.startswith(ref.q)
    assert views.to_answer_ref("not json") is None


def test_a_shared_quote_carries_the_citation_but_never_the_question() -> None:
    ans = answer(AnswerStatus.ANSWERED, "Staff must not accept friend requests.", question="my secret question")
    blocks = views.render_shared(ans.hits[0], "UALICE001")
    text = all_text(blocks)
    assert ">Staff must not accept friend requests." in text and "clause 6.0" in text
    assert "my secret question" not in text


def test_a_stale_policy_is_flagged() -> None:
    ans = answer(AnswerStatus.ANSWERED, "Text.").model_copy(
        update={
            "stale": (
                StaleNotice(document="LEAPS", review_text="Review date: April 2024", review_date=date(2024, 4, 30)),
            )
        }
    )
    assert views.escape(messages.stale_policy("LEAPS", "Review date: April 2024")) in displayed(
        views.render_answer(ans)
    )


def report(**overrides: Any) -> Report:
    values: dict[str, Any] = {
        "reference": "SG-2026-0042",
        "created_at": datetime(2026, 11, 22, 9, 30, tzinfo=UTC),
        "status": ReportStatus.NEW,
        "reporter": UserRef(platform="slack", user_id="UALICE001", display_name="alice"),
        "what_happened": f"He sent {INJECTION} to a 14 year old.",
        "who": "J.B.",
        "when_where": "Tuesday, Snapchat",
        "category": ReportCategory.ONLINE_CONTACT,
        "immediate_danger": True,
        "evidence": "Screenshots kept.",
        "concerns_recipient": None,
        "chronology": (
            ChronologyEntry(at=datetime(2026, 11, 22, 9, 30, tzinfo=UTC), actor="slack:UALICE001", action="submitted"),
        ),
        **overrides,
    }
    return Report(**values)


def test_a_lead_sees_the_whole_report_escaped_with_its_buttons() -> None:
    blocks = views.render_report_for_lead(report())
    text = displayed(blocks)
    assert "SG-2026-0042" in text and "Tuesday, Snapchat" in text and "J.B." in text
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text
    assert views.escape(messages.SLACK_LEAD_IMMEDIATE_DANGER) in text
    assert set(buttons(blocks)) == {views.LEAD_ACK, views.LEAD_NOTE, views.LEAD_CLOSE}
    assert {b["value"] for b in buttons(blocks).values()} == {"SG-2026-0042"}
    within_limits(blocks)


def test_an_acknowledged_report_loses_its_acknowledge_button_and_a_closed_one_all_buttons() -> None:
    assert set(buttons(views.render_report_for_lead(report(status=ReportStatus.ACKNOWLEDGED)))) == {
        views.LEAD_NOTE,
        views.LEAD_CLOSE,
    }
    assert not buttons(views.render_report_for_lead(report(status=ReportStatus.CLOSED)))


def test_the_notification_text_of_a_lead_dm_carries_no_report_text() -> None:
    assert "14 year old" not in views.render_report_text(report())


def test_the_report_form_has_the_cores_fields_and_limits() -> None:
    modal = views.render_report_modal()
    inputs = {b["block_id"]: b for b in modal["blocks"] if b["type"] == "input"}
    assert set(inputs) == {
        "what_happened",
        "who",
        "when_where",
        "category",
        "immediate_danger",
        "evidence",
        "concerns_recipient",
    }
    assert inputs["what_happened"]["element"]["max_length"] == 3000
    assert inputs["what_happened"]["optional"] is False
    assert {o["value"] for o in inputs["category"]["element"]["options"]} == {c.value for c in ReportCategory}
    assert len(modal["title"]["text"]) <= 24 and len(modal["submit"]["text"]) <= 24
    assert views.escape(messages.CALL_999) in all_text(modal)


def test_the_receipt_gives_the_reference_and_999_first_when_someone_is_in_danger() -> None:
    blocks = views.render_receipt(Receipt(reference="SG-2026-0042", immediate_danger=True))
    text = all_text(blocks)
    assert "SG-2026-0042" in text
    assert text.index(views.escape(messages.CALL_999_NOW)) < text.index("SG-2026-0042")


def test_open_reports_list_shows_no_free_text() -> None:
    summary = ReportSummary(
        reference="SG-2026-0042",
        created_at=datetime(2026, 11, 22, 9, 30, tzinfo=UTC),
        status=ReportStatus.NEW,
        category=ReportCategory.IMAGES,
        immediate_danger=False,
    )
    blocks = views.render_open_reports([summary])
    assert "SG-2026-0042" in all_text(blocks) and "Images or photos" in all_text(blocks)
    assert buttons(blocks)[views.LEAD_SHOW]["value"] == "SG-2026-0042"
    assert messages.SLACK_NO_OPEN_REPORTS in all_text(views.render_open_reports([]))


def test_the_home_tab_lists_policies_with_review_dates_and_only_leads_see_reports() -> None:
    docs = (DocumentInfo(title="LEAPS <Suffolk>", source="l.txt", review_date=date(2024, 4, 30)),)
    staff = views.render_home(docs, None)
    assert staff["type"] == "home"
    assert "LEAPS &lt;Suffolk&gt;" in all_text(staff) and "2024-04-30" in all_text(staff)
    assert messages.SLACK_NO_OPEN_REPORTS not in all_text(staff)
    assert messages.SLACK_NO_OPEN_REPORTS in all_text(views.render_home(docs, []))


def test_a_quote_shows_the_policys_words_without_its_markdown_and_html_marks() -> None:
    text = "**Do not call 999** - <strong>first aid</strong> is on site; see [the map](https://map.example/a)."
    shown = displayed(views.render_answer(answer(AnswerStatus.ANSWERED, text)))
    assert "Do not call 999 - first aid is on site; see the map (https://map.example/a)." in shown
    assert "**" not in shown and "strong" not in shown
