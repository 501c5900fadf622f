"""Block Kit renderers: our models in, Slack message blocks and views out (plain dicts).

Every function here is pure, so tests assert on the data it returns. User-visible wording comes
from `assistant.messages`; this module only adds Slack formatting. Any text that came from a person
or a document is escaped (`&`, `<`, `>`) before it goes into mrkdwn, so `<!channel>` or `<@U…>`
typed into a question or a report can never ping anyone.

Slack's limits (docs.slack.dev/reference/block-kit): 3,000 characters per section text, 50 blocks
per message or view, 2,000 characters per button value, 75 characters per button label, 24 per
modal title. Long clauses are split into several quote sections and trimmed past a few of them,
with a pointer to the rest of the clause in its document.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from assistant import messages
from assistant.models import (
    EVIDENCE_MAX,
    NOTE_MAX,
    SHORT_FIELD_MAX,
    WHAT_HAPPENED_MAX,
    Answer,
    AnswerStatus,
    DocumentInfo,
    Frozen,
    Hit,
    Receipt,
    Report,
    ReportCategory,
    ReportStatus,
    ReportSummary,
)

Block = dict[str, Any]

SECTION_TEXT_MAX = 3000
BLOCKS_MAX = 50
BUTTON_VALUE_MAX = 2000
PLAIN_TEXT_MAX = 150  # option texts, placeholders
CHUNKS_PER_CLAUSE = 3  # a clause longer than this many full sections is trimmed
CHRONOLOGY_SHOWN = 8
REPORT_COMMAND = "/report"

# action and callback ids: the contract between these views and the listeners in slack_bot.py
SHARE = "policy_share"
SHOW_OTHERS = "policy_show_others"
HELPFUL = "policy_helpful"
NOT_HELPFUL = "policy_not_helpful"
OPEN_REPORT = "report_open"
REPORT_FORM = "report_form"
LEAD_ACK = "lead_acknowledge"
LEAD_NOTE = "lead_note"
LEAD_CLOSE = "lead_close"
LEAD_SHOW = "lead_show"
NOTE_FORM = "lead_note_form"
CLOSE_FORM = "lead_close_form"


# --- text ---------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Slack's three control characters, escaped so user text is shown, never interpreted."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_text(text: str, limit: int) -> list[str]:
    """Split at paragraph, line or word boundaries into pieces of at most `limit` characters."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        if cut < limit // 2:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def quote(text: str) -> str:
    """Escaped text as a Slack block quote, line by line."""
    return "\n".join(f">{line}" if line.strip() else ">" for line in escape(text).splitlines())


def quote_sections(text: str, *, trimmed_note: str) -> list[Block]:
    """A long text as quote sections within Slack's limits; past CHUNKS_PER_CLAUSE, a pointer to the rest."""
    # escaping and the quote marks lengthen the text: split with room to spare, then check
    pieces = split_text(text, SECTION_TEXT_MAX // 2)
    blocks = [section(shorten(quote(piece), SECTION_TEXT_MAX)) for piece in pieces[:CHUNKS_PER_CLAUSE]]
    if len(pieces) > CHUNKS_PER_CLAUSE:
        blocks.append(context(trimmed_note))
    return blocks


# --- blocks ---------------------------------------------------------------------------------------


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": shorten(mrkdwn, SECTION_TEXT_MAX)}}


def context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": shorten(mrkdwn, SECTION_TEXT_MAX)}]}


def plain(text: str, limit: int = PLAIN_TEXT_MAX) -> dict[str, Any]:
    return {"type": "plain_text", "text": shorten(text, limit), "emoji": True}


def button(label: str, action_id: str, value: str, *, style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(label, 75),
        "action_id": action_id,
        "value": value[:BUTTON_VALUE_MAX],
    }
    if style:
        element["style"] = style
    return element


def actions(*elements: dict[str, Any], block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


def fit(blocks: list[Block], *, keep_last: int = 0) -> list[Block]:
    """At most BLOCKS_MAX blocks: drop from the middle, keep the last `keep_last` (the buttons)."""
    if len(blocks) <= BLOCKS_MAX:
        return blocks
    tail = blocks[len(blocks) - keep_last :] if keep_last else []
    head = blocks[: BLOCKS_MAX - keep_last - 1]
    return [*head, context(messages.SLACK_SHORTENED), *tail]


# --- policy answers -------------------------------------------------------------------------------


class AnswerRef(Frozen):
    """What a button on an answer carries: the question (so the answer can be rebuilt by any
    process, after a restart too) and which hit the button is about."""

    q: str
    i: int = 0


def render_answer_ref(question: str, index: int = 0) -> str:
    """The button value: JSON, trimmed to fit Slack's 2,000 characters."""
    limit = BUTTON_VALUE_MAX - 40
    text = question
    while True:
        value = AnswerRef(q=text, i=index).model_dump_json()
        if len(value) <= BUTTON_VALUE_MAX:
            return value
        text = text[: max(0, min(len(text), limit) - (len(value) - BUTTON_VALUE_MAX) - 1)]


def to_answer_ref(value: str) -> AnswerRef | None:
    try:
        return AnswerRef.model_validate_json(value)
    except ValidationError:
        return None


def citation(hit: Hit) -> str:
    """`*Document title*, clause 6.14` (escaped)."""
    return messages.slack_citation(escape(hit.clause.document), escape(hit.clause.ref))


def render_hit(hit: Hit, index: int, question: str, *, shareable: bool) -> list[Block]:
    clause = hit.clause
    heading = f"\n_{escape(shorten(clause.heading, 300))}_" if clause.heading else ""
    blocks: list[Block] = [section(citation(hit) + heading)]
    blocks += quote_sections(
        clause.reading, trimmed_note=messages.slack_clause_trimmed(escape(clause.document), escape(clause.ref))
    )
    if shareable:
        blocks.append(
            actions(
                button(messages.SLACK_SHARE, SHARE, render_answer_ref(question, index)),
                block_id=f"hit_{index}",
            )
        )
    return blocks


def render_stale(answer: Answer) -> list[Block]:
    return [
        context(":warning: " + escape(messages.stale_policy(notice.document, notice.review_text)))
        for notice in answer.stale
    ]


def render_answer(
    answer: Answer, *, shareable: bool = True, expanded: bool = False, feedback_given: bool = False
) -> list[Block]:
    """An answer for the asker alone: quotes with their sources, then the buttons.

    `shareable`: offer "share in channel" (not in a DM). `expanded`: show every hit, not just the
    best. `feedback_given`: the helpful / not helpful buttons are replaced by a thank-you.
    """
    question = answer.question
    asked = context(messages.slack_you_asked(escape(shorten(" ".join(question.split()), 300))))
    blocks: list[Block] = [asked]
    buttons: list[dict[str, Any]] = []
    if answer.immediate_danger:
        blocks.append(section(f":rotating_light: *{escape(messages.DANGER_FIRST)}*"))
    match answer.status:
        case AnswerStatus.NO_MATCH:
            blocks.append(section(escape(messages.no_match(answer.contact))))
            blocks.append(context(escape(messages.report_reminder(answer.contact, REPORT_COMMAND))))
            return blocks
        case AnswerStatus.CONCERN:
            blocks.append(section(escape(messages.concern(answer.contact, REPORT_COMMAND))))
            hits = answer.hits
            buttons.append(button(messages.SLACK_OPEN_REPORT, OPEN_REPORT, render_answer_ref(question), style="danger"))
        case _:
            blocks.append(section(escape(messages.ANSWER_INTRO)))
            hits = answer.hits if expanded else answer.hits[:1]
            if len(answer.hits) > 1 and not expanded:
                label = messages.slack_show_others(len(answer.hits) - 1)
                buttons.append(button(label, SHOW_OTHERS, render_answer_ref(question)))
            if not feedback_given:
                buttons.append(button(messages.SLACK_HELPFUL, HELPFUL, render_answer_ref(question)))
                buttons.append(button(messages.SLACK_NOT_HELPFUL, NOT_HELPFUL, render_answer_ref(question)))
    for index, hit in enumerate(hits):
        if index:
            blocks.append({"type": "divider"})
        blocks += render_hit(hit, index, question, shareable=shareable)
    blocks += render_stale(answer)
    if answer.status is AnswerStatus.ANSWERED:
        blocks.append(context(escape(messages.report_reminder(answer.contact, REPORT_COMMAND))))
    if feedback_given:
        blocks.append(context(escape(messages.SLACK_FEEDBACK_THANKS)))
    if buttons:
        blocks.append(actions(*buttons, block_id="answer_actions"))
    return fit(blocks, keep_last=1 if buttons else 0)


def render_answer_text(answer: Answer) -> str:
    """The notification text that goes with the blocks (shown in notifications and by screen readers)."""
    if answer.status is AnswerStatus.NO_MATCH:
        return escape(messages.no_match(answer.contact))
    if answer.status is AnswerStatus.CONCERN:
        return escape(messages.concern(answer.contact, REPORT_COMMAND))
    if answer.hits:
        return messages.slack_answer_from(escape(answer.hits[0].clause.document))
    return escape(messages.no_match(answer.contact))


def render_shared(hit: Hit, sharer_id: str) -> list[Block]:
    """A quote shared in the channel: the clause and its citation, never the question."""
    clause = hit.clause
    return [
        section(citation(hit)),
        *quote_sections(
            clause.reading,
            trimmed_note=messages.slack_clause_trimmed(escape(clause.document), escape(clause.ref)),
        ),
        context(messages.slack_shared_by(sharer_id)),
    ]


def render_usage() -> list[Block]:
    return [section(messages.SLACK_USAGE)]


def render_notice(text: str) -> list[Block]:
    """One private line for the user (already safe wording from `messages`)."""
    return [section(escape(text))]


# --- reports: the form ----------------------------------------------------------------------------


def category_label(category: ReportCategory) -> str:
    return messages.category_label(category.value)


def status_label(status: ReportStatus) -> str:
    return messages.SLACK_STATUS_LABELS.get(status.value, status.value)


def text_input(
    block_id: str,
    label: str,
    *,
    max_length: int,
    multiline: bool,
    optional: bool,
    hint: str = "",
    initial: str = "",
) -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": plain(label, 2000),
        "element": {
            "type": "plain_text_input",
            "action_id": "value",
            "multiline": multiline,
            "max_length": max_length,
        },
    }
    if hint:
        block["hint"] = plain(hint, 2000)
    if initial:
        block["element"]["initial_value"] = initial
    return block


def option(text: str, value: str) -> dict[str, Any]:
    return {"text": plain(text, 75), "value": value}


def render_report_modal(*, what_happened: str = "") -> dict[str, Any]:
    """The confidential report form. Field limits are the core's (models.py). `what_happened`
    pre-fills the first box (e.g. with the question that raised a concern)."""
    categories = [option(category_label(c), c.value) for c in ReportCategory]
    return {
        "type": "modal",
        "callback_id": REPORT_FORM,
        "title": plain(messages.SLACK_REPORT_TITLE, 24),
        "submit": plain(messages.SLACK_REPORT_SUBMIT, 24),
        "close": plain(messages.SLACK_CANCEL, 24),
        "blocks": [
            section(f":rotating_light: *{escape(messages.CALL_999)}*"),
            context(escape(messages.REPORT_FORM_INTRO)),
            text_input(
                "what_happened",
                messages.SLACK_FIELD_WHAT_HAPPENED,
                max_length=WHAT_HAPPENED_MAX,
                multiline=True,
                optional=False,
                hint=messages.SLACK_FIELD_WHAT_HAPPENED_HINT,
                initial=what_happened[:WHAT_HAPPENED_MAX],
            ),
            text_input("who", messages.SLACK_FIELD_WHO, max_length=SHORT_FIELD_MAX, multiline=False, optional=True),
            text_input(
                "when_where",
                messages.SLACK_FIELD_WHEN_WHERE,
                max_length=SHORT_FIELD_MAX,
                multiline=False,
                optional=True,
            ),
            {
                "type": "input",
                "block_id": "category",
                "label": plain(messages.SLACK_FIELD_CATEGORY, 2000),
                "element": {
                    "type": "static_select",
                    "action_id": "value",
                    "options": categories,
                    "initial_option": categories[-1],
                },
            },
            {
                "type": "input",
                "block_id": "immediate_danger",
                "optional": True,
                "label": plain(messages.SLACK_FIELD_IMMEDIATE_DANGER, 2000),
                "element": {
                    "type": "checkboxes",
                    "action_id": "value",
                    "options": [option(messages.SLACK_YES_DANGER, "yes")],
                },
            },
            text_input(
                "evidence",
                messages.SLACK_FIELD_EVIDENCE,
                max_length=EVIDENCE_MAX,
                multiline=True,
                optional=True,
                hint=messages.SLACK_FIELD_EVIDENCE_HINT,
            ),
            {
                "type": "input",
                "block_id": "concerns_recipient",
                "optional": True,
                "label": plain(messages.SLACK_FIELD_CONCERNS_RECIPIENT, 2000),
                "hint": plain(messages.SLACK_FIELD_CONCERNS_RECIPIENT_HINT, 2000),
                "element": {"type": "users_select", "action_id": "value"},
            },
        ],
    }


def render_receipt_view(receipt: Receipt) -> dict[str, Any]:
    """The form, replaced by the reporter's confirmation."""
    blocks: list[Block] = []
    if receipt.immediate_danger:
        blocks.append(section(f":rotating_light: *{escape(messages.CALL_999_NOW)}*"))
    blocks.append(section(escape(receipt_text(receipt))))
    return {
        "type": "modal",
        "title": plain(messages.SLACK_REPORT_TITLE, 24),
        "close": plain(messages.SLACK_DONE, 24),
        "blocks": blocks,
    }


def receipt_text(receipt: Receipt) -> str:
    return messages.report_received(receipt.reference, immediate_danger=receipt.immediate_danger)


def render_receipt(receipt: Receipt) -> list[Block]:
    """The reporter's private confirmation in their DM: the reference, never the report's text."""
    blocks: list[Block] = []
    if receipt.immediate_danger:
        blocks.append(section(f":rotating_light: *{escape(messages.CALL_999_NOW)}*"))
    blocks.append(section(escape(receipt_text(receipt))))
    return blocks


def render_notice_view(text: str) -> dict[str, Any]:
    """A modal replaced by one message (an error the person can act on, or the apology)."""
    return {
        "type": "modal",
        "title": plain(messages.SLACK_REPORT_TITLE, 24),
        "close": plain(messages.SLACK_DONE, 24),
        "blocks": render_notice(text),
    }


def render_pending_view() -> dict[str, Any]:
    return {
        "type": "modal",
        "title": plain(messages.SLACK_REPORT_TITLE, 24),
        "close": plain(messages.SLACK_DONE, 24),
        "blocks": [section(escape(messages.SLACK_REPORT_PENDING))],
    }


# --- reports: the lead's side ------------------------------------------------------------------------


def render_report_for_lead(report: Report, *, escalation: bool = False) -> list[Block]:
    """The whole report, for a lead's DM, with the buttons for what they can do next."""
    ref = report.reference
    blocks: list[Block] = [
        {"type": "header", "text": plain(messages.report_for_lead_heading(ref, escalation=escalation), 150)}
    ]
    if report.immediate_danger:
        blocks.append(section(f":rotating_light: *{escape(messages.SLACK_LEAD_IMMEDIATE_DANGER)}*"))
    facts = [
        (
            messages.SLACK_FIELD_REPORTED_BY,
            f"<@{report.reporter.user_id}>"
            if report.reporter.platform == "slack"
            else escape(report.reporter.display_name or report.reporter.user_id),
        ),
        (messages.SLACK_FIELD_CATEGORY, escape(category_label(report.category))),
        (messages.SLACK_FIELD_STATUS, escape(status_label(report.status))),
        (messages.SLACK_FIELD_RECEIVED, report.created_at.strftime("%Y-%m-%d %H:%M UTC")),
    ]
    if report.when_where:
        facts.append((messages.SLACK_FIELD_WHEN_WHERE, escape(shorten(report.when_where, 900))))
    if report.who:
        facts.append((messages.SLACK_FIELD_WHO, escape(shorten(report.who, 900))))
    blocks.append(section("\n".join(f"*{escape(label)}:* {value}" for label, value in facts)))
    blocks.append(section(f"*{escape(messages.SLACK_FIELD_WHAT_HAPPENED)}*"))
    blocks += quote_sections(report.what_happened, trimmed_note=messages.slack_report_trimmed(ref))
    if report.evidence:
        blocks.append(section(f"*{escape(messages.SLACK_FIELD_EVIDENCE)}*"))
        blocks += quote_sections(report.evidence, trimmed_note=messages.slack_report_trimmed(ref))
    blocks += render_chronology(report)
    buttons = lead_buttons(report)
    if buttons:
        blocks.append(actions(*buttons, block_id="lead_actions"))
    return fit(blocks, keep_last=1 if buttons else 0)


def lead_buttons(report: Report) -> list[dict[str, Any]]:
    ref = report.reference
    if report.status is ReportStatus.CLOSED:
        return []
    buttons = []
    if report.status is ReportStatus.NEW:
        buttons.append(button(messages.SLACK_ACKNOWLEDGE, LEAD_ACK, ref, style="primary"))
    buttons.append(button(messages.SLACK_ADD_NOTE, LEAD_NOTE, ref))
    buttons.append(button(messages.SLACK_CLOSE, LEAD_CLOSE, ref, style="danger"))
    return buttons


def render_chronology(report: Report) -> list[Block]:
    if not report.chronology:
        return []
    entries = report.chronology[-CHRONOLOGY_SHOWN:]
    lines = [
        f"{entry.at.strftime('%Y-%m-%d %H:%M')} · {escape(actor_label(entry.actor))} · {escape(entry.action)}"
        + (f": {escape(shorten(entry.detail, 200))}" if entry.detail else "")
        for entry in entries
    ]
    return [context(f"*{escape(messages.SLACK_FIELD_CHRONOLOGY)}*\n" + "\n".join(lines))]


def actor_label(actor: str) -> str:
    """`slack:U123` -> a mention-free label; the chronology is plain record, not a ping."""
    platform, _, user_id = actor.partition(":")
    return user_id if platform == "slack" and user_id else actor


def render_report_text(report: Report, *, escalation: bool = False) -> str:
    """Notification text for a lead's DM: the reference only, no report text on lock screens."""
    return escape(messages.report_for_lead_heading(report.reference, escalation=escalation))


def render_open_reports(summaries: list[ReportSummary]) -> list[Block]:
    if not summaries:
        return [section(escape(messages.SLACK_NO_OPEN_REPORTS))]
    blocks: list[Block] = [section(f"*{escape(messages.slack_open_reports(len(summaries)))}*")]
    for summary in summaries:
        line = (
            f"*{escape(summary.reference)}* · {escape(category_label(summary.category))} · "
            f"{escape(status_label(summary.status))} · {summary.created_at.strftime('%Y-%m-%d %H:%M')}"
        )
        if summary.immediate_danger:
            line = ":rotating_light: " + line
        if summary.undelivered_to:
            line += "\n" + escape(messages.slack_undelivered(len(summary.undelivered_to)))
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": shorten(line, SECTION_TEXT_MAX)},
                "accessory": button(messages.SLACK_SHOW, LEAD_SHOW, summary.reference),
            }
        )
    return fit(blocks)


def render_note_modal(reference: str, private_metadata: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": NOTE_FORM,
        "private_metadata": private_metadata,
        "title": plain(messages.SLACK_NOTE_TITLE, 24),
        "submit": plain(messages.SLACK_SAVE, 24),
        "close": plain(messages.SLACK_CANCEL, 24),
        "blocks": [
            context(escape(reference)),
            text_input("note", messages.SLACK_FIELD_NOTE, max_length=NOTE_MAX, multiline=True, optional=False),
        ],
    }


def render_close_modal(reference: str, private_metadata: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": CLOSE_FORM,
        "private_metadata": private_metadata,
        "title": plain(messages.SLACK_CLOSE_TITLE, 24),
        "submit": plain(messages.SLACK_CLOSE, 24),
        "close": plain(messages.SLACK_CANCEL, 24),
        "blocks": [
            context(escape(reference)),
            text_input("outcome", messages.SLACK_FIELD_OUTCOME, max_length=NOTE_MAX, multiline=True, optional=False),
        ],
    }


# --- App Home ----------------------------------------------------------------------------------------


def render_home(documents: tuple[DocumentInfo, ...], open_reports: list[ReportSummary] | None) -> dict[str, Any]:
    """The App Home tab. `open_reports` is None for people who are not safeguarding leads."""
    blocks: list[Block] = [
        {"type": "header", "text": plain(messages.SLACK_HOME_TITLE, 150)},
        section(messages.SLACK_HOME_ABOUT),
        {"type": "divider"},
        section(f"*{escape(messages.SLACK_HOME_POLICIES)}*"),
    ]
    for doc in documents[:20]:
        line = f"• *{escape(doc.title)}*"
        if doc.organisation:
            line += f" ({escape(doc.organisation)})"
        if doc.review_date:
            line += " · " + escape(messages.slack_review_date(doc.review_date.isoformat()))
        blocks.append(section(line))
    blocks += [
        {"type": "divider"},
        section(messages.SLACK_HOME_HOW_TO_ASK),
        section(messages.SLACK_HOME_HOW_TO_REPORT),
    ]
    if open_reports is not None:
        blocks.append({"type": "divider"})
        blocks += render_open_reports(open_reports)
    return {"type": "home", "blocks": fit(blocks)}


def to_json(blocks: list[Block]) -> str:
    return json.dumps(blocks)
