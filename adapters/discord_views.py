"""Discord renderers: our models in, embeds and modals out. No core calls, no network.

Tests assert on `Embed.to_dict()` and `Modal.to_dict()`. Wording comes from `assistant.messages`;
this module adds only Discord formatting and Discord's limits:

- 2,000 characters of message content; 10 embeds and 6,000 embed characters per message;
- 4,096 characters per embed description, 256 per title, 25 fields of 1,024 characters;
- a modal has at most 5 top-level components, its title 45 characters, a label 45, a description 100.

A clause is shown without its policy's own formatting marks (`Clause.reading`). Text that came from a
person or a document is then escaped for markdown (so it shows as typed) and is
only ever sent with `NO_PINGS`: `@everyone` or `<@123>` in a question or report never pings anyone.
Long clauses and long report text are split into several embeds, never cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import discord

from assistant import messages
from assistant.models import (
    SHORT_FIELD_MAX,
    WHAT_HAPPENED_MAX,
    Answer,
    AnswerStatus,
    DeliveryProblem,
    Hit,
    Receipt,
    Report,
    ReportCategory,
    ReportSummary,
)

CONTENT_MAX = 2000
EMBEDS_PER_MESSAGE = 10
EMBED_TOTAL_MAX = 6000
DESCRIPTION_MAX = 4096
TITLE_MAX = 256
FIELDS_MAX = 25
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
# Escaping markdown at most doubles a piece, so a piece of this size always fits a description.
DESCRIPTION_PIECE = DESCRIPTION_MAX // 2 - 16
FIELD_PIECE = FIELD_VALUE_MAX // 2 - 8

NO_PINGS = discord.AllowedMentions.none()

QUOTE_COLOUR = discord.Colour(0x2B6CB0)
CONCERN_COLOUR = discord.Colour(0xC53030)
REPORT_COLOUR = discord.Colour(0x9B2C2C)

# custom_ids: the contract between these renderers and the handlers in discord_bot.py. The report
# ones carry their state (a reference, a lead's id) so they keep working after a restart.
REFERENCE_PATTERN = r"[A-Z]{1,8}-\d{4}-\d{1,9}"
ANSWER_PREFIX = "pb:answer:"  # + answer key + ":" + button number; the answer itself is held in memory
REPORT_FORM_ID = "pb:report:form"  # + ":" + user id of a lead/deputy the report is about, if any
OPEN_REPORT_ID = "pb:report:open"
ACK_TEMPLATE = rf"pb:report:ack:(?P<reference>{REFERENCE_PATTERN})"
CLOSE_TEMPLATE = rf"pb:report:close:(?P<reference>{REFERENCE_PATTERN})"
CLOSE_FORM_PREFIX = "pb:report:close-form:"
FIELD_WHAT, FIELD_WHO, FIELD_WHEN, FIELD_CATEGORY, FIELD_DANGER = (
    "what",
    "who",
    "when",
    "category",
    "danger",
)
FIELD_OUTCOME = "outcome"
REPORT_COMMAND = "/report"


# --- text ---------------------------------------------------------------------------------------


def split_text(text: str, limit: int) -> list[str]:
    """Split at paragraph, line, sentence or word boundaries into pieces of at most `limit` characters."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(mark)
            if cut > limit // 3:
                cut += len(mark)
                break
        if cut <= limit // 3:
            cut = limit  # one very long word: cut it, nothing is lost
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def escape(text: str) -> str:
    """Markdown shown as typed. Mentions need no escaping: nothing we send may ping (`NO_PINGS`)."""
    return discord.utils.escape_markdown(text)


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_content(text: str) -> list[str]:
    """Message content within 2,000 characters per message."""
    return split_text(text, CONTENT_MAX) or [""]


def embed_size(embed: discord.Embed) -> int:
    return len(embed)


def pack_embeds(embeds: list[discord.Embed]) -> list[list[discord.Embed]]:
    """Group embeds into messages: at most 10 per message and 6,000 characters between them."""
    batches: list[list[discord.Embed]] = []
    current: list[discord.Embed] = []
    size = 0
    for embed in embeds:
        length = embed_size(embed)
        if current and (len(current) == EMBEDS_PER_MESSAGE or size + length > EMBED_TOTAL_MAX):
            batches.append(current)
            current, size = [], 0
        current.append(embed)
        size += length
    if current:
        batches.append(current)
    return batches


# --- policy answers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """One or more messages: the first carries `content` and the buttons, the rest only embeds."""

    content: str
    embeds: list[list[discord.Embed]] = field(default_factory=list)

    @property
    def first_embeds(self) -> list[discord.Embed]:
        return self.embeds[0] if self.embeds else []

    @property
    def more_embeds(self) -> list[list[discord.Embed]]:
        return self.embeds[1:]


def citation(hit: Hit) -> str:
    return messages.citation(hit.clause.document, hit.clause.ref)


def render_clause(hit: Hit, *, colour: discord.Colour = QUOTE_COLOUR) -> list[discord.Embed]:
    """A quoted clause as one embed, or several when it is long: title = document, footer = clause ref."""
    clause = hit.clause
    pieces = split_text(clause.reading, DESCRIPTION_PIECE) or [""]
    footer = shorten(messages.discord_clause_footer(clause.ref, clause.heading, clause.source), FOOTER_MAX)
    embeds = []
    for index, piece in enumerate(pieces):
        title = clause.document if index == 0 else messages.discord_continued(clause.document)
        embed = discord.Embed(title=shorten(title, TITLE_MAX), description=escape(piece), colour=colour)
        embed.set_footer(text=footer)
        embeds.append(embed)
    return embeds


def render_stale(answer: Answer) -> list[str]:
    return [messages.stale_policy(notice.document, notice.review_text) for notice in answer.stale]


def render_answer(answer: Answer, *, include_other_matches: bool = False) -> Reply:
    """What the asker sees: the best clause (or all of them), never a weak match for no_match."""
    lines: list[str] = []
    if answer.immediate_danger:
        lines.append(f"**{messages.DANGER_FIRST}**")
    hits: tuple[Hit, ...] = ()
    colour = QUOTE_COLOUR
    match answer.status:
        case AnswerStatus.NO_MATCH:
            lines.append(messages.no_match(answer.contact))
        case AnswerStatus.CONCERN:
            lines.append(messages.concern(answer.contact, REPORT_COMMAND))
            hits, colour = answer.hits, CONCERN_COLOUR
        case _:
            lines.append(messages.ANSWER_INTRO)
            hits = answer.hits if include_other_matches else answer.hits[:1]
    lines += render_stale(answer) if hits else []
    if answer.status is not AnswerStatus.CONCERN:
        lines.append(f"-# {messages.report_reminder(answer.contact, REPORT_COMMAND)}")
    embeds = [embed for hit in hits for embed in render_clause(hit, colour=colour)]
    content = "\n".join(lines)
    return Reply(content=shorten(content, CONTENT_MAX), embeds=pack_embeds(embeds))


def render_other_matches(answer: Answer) -> Reply:
    others = answer.hits[1:]
    if not others:
        return Reply(content=messages.DISCORD_NO_OTHER_MATCHES)
    embeds = [embed for hit in others for embed in render_clause(hit)]
    return Reply(content=messages.DISCORD_OTHER_MATCHES, embeds=pack_embeds(embeds))


def render_shared_quote(hit: Hit, sharer_id: int) -> Reply:
    """For the channel: the clause and its citation, never the question that found it."""
    return Reply(
        content=messages.discord_shared_by(f"<@{sharer_id}>", citation(hit)),
        embeds=pack_embeds(render_clause(hit)),
    )


# --- the report form ----------------------------------------------------------------------------


def report_form_id(concerns_recipient: str | None) -> str:
    return f"{REPORT_FORM_ID}:{concerns_recipient}" if concerns_recipient else REPORT_FORM_ID


@dataclass(frozen=True)
class ReportFields:
    """What came back from the form (or what to put back in it to try again)."""

    what_happened: str = ""
    who: str = ""
    when_where: str = ""
    category: ReportCategory | None = None
    immediate_danger: bool = False


def render_report_form(concerns_recipient: str | None = None, prefill: ReportFields | None = None) -> discord.ui.Modal:
    """The confidential report form: five components, Discord's maximum.

    What happened, who, when/where as text; the category as a radio group; immediate danger as a
    checkbox. Evidence is not asked for here (no room): the confirmation tells the reporter to keep
    it, and the lead can add notes. Who the report is about, if it is a lead or deputy, is chosen in
    `/report`'s optional `about_lead` option and travels in the form's custom_id.
    """
    prefill = prefill or ReportFields()
    modal = discord.ui.Modal(
        title=shorten(messages.DISCORD_REPORT_TITLE, 45),
        custom_id=report_form_id(concerns_recipient),
        timeout=None,
    )
    modal.add_item(
        discord.ui.Label(
            text=messages.DISCORD_FIELD_WHAT,
            description=shorten(messages.DISCORD_FIELD_WHAT_HINT, 100),
            component=discord.ui.TextInput(
                custom_id=FIELD_WHAT,
                style=discord.TextStyle.paragraph,
                max_length=WHAT_HAPPENED_MAX,
                required=True,
                default=prefill.what_happened or None,
            ),
        )
    )
    modal.add_item(
        discord.ui.Label(
            text=messages.DISCORD_FIELD_WHO,
            description=shorten(messages.DISCORD_FIELD_WHO_HINT, 100),
            component=discord.ui.TextInput(
                custom_id=FIELD_WHO, max_length=SHORT_FIELD_MAX, required=False, default=prefill.who or None
            ),
        )
    )
    modal.add_item(
        discord.ui.Label(
            text=messages.DISCORD_FIELD_WHEN,
            component=discord.ui.TextInput(
                custom_id=FIELD_WHEN,
                max_length=SHORT_FIELD_MAX,
                required=False,
                default=prefill.when_where or None,
            ),
        )
    )
    modal.add_item(
        discord.ui.Label(
            text=messages.DISCORD_FIELD_CATEGORY,
            component=discord.ui.RadioGroup(
                custom_id=FIELD_CATEGORY,
                required=True,
                options=[
                    discord.RadioGroupOption(
                        label=shorten(messages.category_label(category), 100),
                        value=category.value,
                        default=category == prefill.category,
                    )
                    for category in ReportCategory
                ],
            ),
        )
    )
    modal.add_item(
        discord.ui.Label(
            text=messages.DISCORD_FIELD_DANGER,
            description=shorten(messages.DISCORD_FIELD_DANGER_HINT, 100),
            component=discord.ui.Checkbox(custom_id=FIELD_DANGER, default=prefill.immediate_danger),
        )
    )
    return modal


def to_form_values(components: list[dict[str, Any]]) -> dict[str, Any]:
    """A submitted modal's raw components -> {custom_id: value}, whatever rows or labels wrap them."""
    values: dict[str, Any] = {}
    for component in components:
        if "components" in component:
            values.update(to_form_values(component["components"]))
        elif "component" in component:
            values.update(to_form_values([component["component"]]))
        elif "custom_id" in component:
            if "values" in component:
                values[component["custom_id"]] = component["values"]
            else:
                values[component["custom_id"]] = component.get("value")
    return values


def to_report_fields(components: list[dict[str, Any]]) -> ReportFields:
    values = to_form_values(components)

    def text(key: str) -> str:
        value = values.get(key)
        return value if isinstance(value, str) else ""

    category_value = values.get(FIELD_CATEGORY)
    if isinstance(category_value, list):
        category_value = category_value[0] if category_value else None
    try:
        category = ReportCategory(category_value) if category_value else None
    except ValueError:
        category = None
    return ReportFields(
        what_happened=text(FIELD_WHAT),
        who=text(FIELD_WHO),
        when_where=text(FIELD_WHEN),
        category=category,
        immediate_danger=values.get(FIELD_DANGER) is True,
    )


def render_close_form(reference: str) -> discord.ui.Modal:
    modal = discord.ui.Modal(
        title=shorten(messages.discord_close_title(reference), 45), custom_id=CLOSE_FORM_PREFIX + reference
    )
    modal.add_item(
        discord.ui.Label(
            text=messages.DISCORD_FIELD_OUTCOME,
            component=discord.ui.TextInput(custom_id=FIELD_OUTCOME, style=discord.TextStyle.paragraph, required=True),
        )
    )
    return modal


def render_receipt(receipt: Receipt) -> str:
    text = messages.report_received(receipt.reference, immediate_danger=False)
    if receipt.immediate_danger:
        text = f"**{messages.CALL_999_NOW}**\n{text}"
    return shorten(f"{text}\n{messages.DISCORD_KEEP_EVIDENCE}", CONTENT_MAX)


# --- the lead's side ----------------------------------------------------------------------------


def add_text_fields(embed: discord.Embed, name: str, text: str) -> None:
    """A field for each piece of a long text; nothing is cut."""
    for index, piece in enumerate(split_text(text, FIELD_PIECE) or [messages.DISCORD_NOT_GIVEN]):
        embed.add_field(
            name=name if index == 0 else messages.discord_continued(name), value=escape(piece), inline=False
        )


def render_report_for_lead(report: Report, *, escalation: bool = False, note: str = "") -> list[discord.Embed]:
    """The whole report for one lead's DM: details as fields, what happened as the description."""
    heading = messages.report_for_lead_heading(report.reference, escalation=escalation)
    pieces = split_text(report.what_happened, DESCRIPTION_PIECE) or [""]
    first = discord.Embed(title=shorten(heading, TITLE_MAX), description=escape(pieces[0]), colour=REPORT_COLOUR)
    if note:
        first.add_field(name=messages.DISCORD_DELIVERY_NOTE, value=shorten(note, FIELD_VALUE_MAX), inline=False)
    if report.immediate_danger:
        first.add_field(name=messages.DISCORD_FIELD_DANGER, value=messages.DISCORD_DANGER_YES, inline=False)
    first.add_field(name=messages.DISCORD_FIELD_CATEGORY, value=messages.category_label(report.category))
    first.add_field(name=messages.DISCORD_FIELD_REPORTER, value=f"<@{report.reporter.user_id}>")
    first.add_field(name=messages.DISCORD_FIELD_STATUS, value=report.status.value)
    add_text_fields(first, messages.DISCORD_FIELD_WHO, report.who)
    add_text_fields(first, messages.DISCORD_FIELD_WHEN, report.when_where)
    if report.evidence:
        add_text_fields(first, messages.DISCORD_FIELD_EVIDENCE, report.evidence)
    first.set_footer(text=messages.discord_report_footer(report.reference))
    first.timestamp = report.created_at
    embeds = [first]
    for piece in pieces[1:]:
        title = messages.discord_continued(report.reference)
        embeds.append(discord.Embed(title=title, description=escape(piece), colour=REPORT_COLOUR))
    return split_overfull(embeds)


def split_overfull(embeds: list[discord.Embed]) -> list[discord.Embed]:
    """Move fields past 25 (or past the 6,000-character budget) into follow-on embeds."""
    result: list[discord.Embed] = []
    for embed in embeds:
        fields = list(embed.fields)
        if len(fields) <= FIELDS_MAX and embed_size(embed) <= EMBED_TOTAL_MAX:
            result.append(embed)
            continue
        embed.clear_fields()
        current = embed
        for item in fields:
            item_size = len(item.name or "") + len(item.value or "")
            if len(current.fields) == FIELDS_MAX or embed_size(current) + item_size > EMBED_TOTAL_MAX:
                result.append(current)
                current = discord.Embed(title=embed.title, colour=embed.colour)
            current.add_field(name=item.name, value=item.value, inline=item.inline)
        result.append(current)
    return result


def render_open_reports(summaries: Sequence[ReportSummary], problems: Sequence[DeliveryProblem] = ()) -> Reply:
    """The lead's list: references and categories (no free text), then deliveries still failing."""
    lines = [
        messages.discord_open_report_line(
            summary.reference,
            summary.status.value,
            messages.category_label(summary.category),
            summary.created_at,
            immediate_danger=summary.immediate_danger,
        )
        for summary in summaries
    ] or [messages.DISCORD_NO_OPEN_REPORTS]
    lines += [
        messages.delivery_problem(problem.reference, mention(problem.recipient), permanent=problem.permanent)
        for problem in problems
    ]
    embeds = [
        discord.Embed(title=messages.DISCORD_OPEN_REPORTS_TITLE, description=piece, colour=REPORT_COLOUR)
        for piece in split_text("\n".join(lines), DESCRIPTION_MAX - 96)
    ]
    return Reply(content="", embeds=pack_embeds(embeds))


def mention(user_key: str) -> str:
    """`discord:123` -> `<@123>` (shown as a name; `NO_PINGS` keeps it from pinging)."""
    platform, _, user_id = user_key.partition(":")
    return f"<@{user_id}>" if platform == "discord" and user_id.isdigit() else user_key
