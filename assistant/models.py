"""Boundary models: everything that crosses between knowledge, core, store and adapters.

All models are frozen and reject unknown fields, so a typo at a boundary fails loudly.
Platform user ids travel as plain strings with a platform tag (`UserRef`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.reading import readable

QUOTE_MAX = 1400  # characters: a quote longer than this drops its intro line


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Platform = Literal["slack", "discord", "console"]


class UserRef(Frozen):
    """A person on one chat platform. `display_name` is for humans only, never for decisions."""

    platform: Platform
    user_id: str = Field(min_length=1, max_length=64)
    display_name: str = Field(default="", max_length=200)

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.user_id}"


# --- policy knowledge and answers -------------------------------------------------------------


class DocumentInfo(Frozen):
    """One policy document as the organisation names it (from `knowledge/manifest.json`)."""

    title: str
    source: str  # the file name, as a user would recognise it
    organisation: str = ""
    review_date: date | None = None  # when the document says it must be reviewed by
    review_text: str = ""  # the document's own wording of that date, quoted back to users


class Clause(Frozen):
    """A passage of a policy as a reader sees it, quoted verbatim."""

    document: str  # document title
    source: str  # file name
    ref: str  # clause number ("6.14") or heading path when it has none
    heading: str  # the section heading(s) it sits under, for context
    text: str  # verbatim apart from whitespace
    position: int  # order within its document
    context: str = ""  # the intro line of the list this item belongs to, quoted with it
    label: str = ""  # the clause's number as the document prints it before its text ("11.3.1", "3.1:")

    @property
    def quote(self) -> str:
        """What a reader is shown: the list's intro line, then the clause with its printed number, verbatim."""
        clause = f"{self.label} {self.text}" if self.label else self.text
        if self.context and len(self.context) + len(clause) < QUOTE_MAX:
            return f"{self.context}\n{clause}"
        return clause

    @property
    def reading(self) -> str:
        """The quote as the policy reads once formatted: the same words, without Markdown or HTML marks."""
        return readable(self.quote)


class Hit(Frozen):
    clause: Clause
    score: float


class AnswerStatus(StrEnum):
    ANSWERED = "answered"
    NO_MATCH = "no_match"
    CONCERN = "concern"


class StaleNotice(Frozen):
    """A quoted document whose stated review date has passed."""

    document: str
    review_text: str
    review_date: date


class Answer(Frozen):
    question: str
    status: AnswerStatus
    hits: tuple[Hit, ...]
    stale: tuple[StaleNotice, ...] = ()
    contact: str  # who to ask when the policy doesn't say, e.g. "your Designated Safeguarding Lead"
    immediate_danger: bool = False  # the message suggests someone is in danger now: call 999 first


# --- confidential reports ---------------------------------------------------------------------

WHAT_HAPPENED_MAX = 3000  # fits one Slack plain_text_input and one Discord text input
SHORT_FIELD_MAX = 500
EVIDENCE_MAX = 1000
NOTE_MAX = 2000


class ReportCategory(StrEnum):
    ONLINE_CONTACT = "online_contact"
    IMAGES = "images"
    CYBERBULLYING = "cyberbullying"
    INAPPROPRIATE_CONTENT = "inappropriate_content"
    RADICALISATION = "radicalisation"
    COLLEAGUE_CONDUCT = "colleague_conduct"
    OTHER = "other"


class ReportStatus(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"


class ReportDraft(Frozen):
    """What a reporter submitted through a form, before the core validates and stores it.

    `submission_id` is the platform's id for this one form submission (a Slack view id,
    a Discord interaction id): the same id twice means a platform retry, and makes one report.
    """

    reporter: UserRef
    submission_id: str = Field(min_length=1, max_length=200)
    what_happened: str
    who: str = ""
    when_where: str = ""
    category: ReportCategory = ReportCategory.OTHER
    immediate_danger: bool = False
    evidence: str = ""
    # user id (same platform as the reporter) of a lead or deputy the report is about, if any
    concerns_recipient: str | None = None


class ChronologyEntry(Frozen):
    at: datetime
    actor: str  # "platform:user_id" or "system"
    action: str  # submitted, delivered, delivery_failed, viewed, acknowledged, note, decision, closed, escalated
    detail: str = ""


class Report(Frozen):
    reference: str  # e.g. SG-2026-0042
    created_at: datetime
    status: ReportStatus
    reporter: UserRef
    what_happened: str
    who: str
    when_where: str
    category: ReportCategory
    immediate_danger: bool
    evidence: str
    concerns_recipient: str | None
    chronology: tuple[ChronologyEntry, ...] = ()


class ReportSummary(Frozen):
    """What a list of open reports shows: no free text."""

    reference: str
    created_at: datetime
    status: ReportStatus
    category: ReportCategory
    immediate_danger: bool
    # recipients ("platform:user_id") a delivery has failed for permanently (still retried slowly)
    undelivered_to: tuple[str, ...] = ()


class Receipt(Frozen):
    """What the reporter is told: the reference, never the report's text."""

    reference: str
    immediate_danger: bool
    duplicate: bool = False  # this submission had already been received


class Recipients(Frozen):
    """Who receives reports on one platform. Built from settings at startup."""

    leads: tuple[UserRef, ...] = Field(min_length=1)
    deputies: tuple[UserRef, ...] = ()
    # e.g. the chair of trustees/governors: only for a report that concerns a lead or deputy
    alternates: tuple[UserRef, ...] = ()


# --- reports: the lead's side, delivery and feedback (reports helper) -------------------------


class Decision(StrEnum):
    """The record safeguarding guidance asks for: was it referred, and to whom."""

    REFERRED_SOCIAL_CARE = "referred_social_care"  # children's social care / MASH
    REFERRED_POLICE = "referred_police"
    REFERRED_LADO = "referred_lado"  # Local Authority Designated Officer (allegations about adults)
    NOT_REFERRED = "not_referred"  # the reason says why


class DeliveryKind(StrEnum):
    REPORT = "report"  # the whole report, privately, to one recipient
    ESCALATION = "escalation"  # re-sent because nobody acknowledged it in time
    NOTICE = "notice"  # a private note to the reporter (e.g. acknowledged)


class DeliveryJob(Frozen):
    """One private delivery waiting in the outbox (claimed by a worker under a lease)."""

    id: int
    reference: str
    kind: DeliveryKind
    round: int  # 0 for the first delivery, n for the nth escalation
    recipient: UserRef
    notice: str = ""  # for NOTICE: what happened (e.g. "acknowledged")
    attempts: int  # including the one this claim is for


class DeliveryProblem(Frozen):
    """A delivery that has not happened yet, shown to the other recipients so nothing is silently lost."""

    reference: str
    recipient: str  # "platform:user_id"
    kind: DeliveryKind
    attempts: int
    permanent: bool  # the platform said it can never work as configured (still retried, slowly)
    last_error: str  # from the notifier; never report text
    next_attempt_at: datetime


class FeedbackCount(Frozen):
    """Helpful / not helpful votes for one quoted clause."""

    source: str
    clause_ref: str
    helpful: int
    not_helpful: int


class Vote(Frozen):
    """One helpful / not helpful vote on a quoted clause, with the question asked (kept only when the
    organisation opted in to keeping question text)."""

    question: str
    source: str
    clause_ref: str
    helpful: bool


def check_pattern(pattern: str) -> str:
    """A regular expression from a data file: it compiles, and no TOML escape turned into a control
    character (in a double-quoted TOML string "\b" is a backspace, not a word boundary)."""
    if any(ord(ch) < 32 for ch in pattern):
        raise ValueError(f"pattern {pattern!r} contains a control character; write patterns in 'single quotes'")
    try:
        re.compile(pattern)
    except re.error as err:
        raise ValueError(f"bad pattern {pattern!r}: {err}") from None
    return pattern


class SynonymGroup(Frozen):
    """Words and phrases that mean the same thing in questions and in policies."""

    terms: tuple[str, ...] = Field(min_length=2)
    name: str = ""  # for other groups to `include` its terms, written once
    topic: bool = False  # a subject a policy covers or not (video calls, annual leave), not just wording
    # False: the group only tells whether a policy covers its subject (a topic whose words already rank
    # through other groups); its words match clauses as those groups say
    ranks: bool = True
    # a topic's questions its terms can't list: a regular expression on the lower-cased question
    # ("can i drive one of the young people home" asks about transport); a clause it matches names the
    # topic too ("never drop the girl home alone")
    asked: str = ""
    # phrases in which its words mean something else: a "lunch break" breaks no rule
    not_in: tuple[str, ...] = ()
    # one of the parties a rule on reaching someone is about (the young people, their parents): a question on
    # texting a parent is not answered by a rule on messaging the young people only
    party: bool = False
    # a way of reaching someone (messages, texts, calls): what makes a question one about reaching a party
    reaching: bool = False

    @field_validator("asked")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        return check_pattern(pattern) if pattern else pattern


class Intent(Frozen):
    """A kind of question and the words its answers tend to use ("who do I tell?" -> roles, reporting)."""

    when: str  # regular expression on the lower-cased question
    add: str  # words added to the question, at a lower weight
    # a question about the policy itself ("does it apply online?"): its scope answers it, whatever the
    # subject, so a subject the policy never names doesn't make it "the policy doesn't say"
    about_the_policy: bool = False

    @field_validator("when")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        return check_pattern(pattern)


class Vocabulary(Frozen):
    """`vocabulary.toml`: the words staff use for the words policies use, and kinds of question."""

    group: tuple[SynonymGroup, ...] = ()
    intent: tuple[Intent, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _named_groups_resolved(cls, data: Any) -> Any:
        """A group's `include = ["name"]` gives it the terms of the groups of those names as well (their own
        terms, not theirs included): "a lead who is away" is in the deputy's group too, written once. Its
        `not_in_groups = ["name"]` adds their terms to its `not_in`: the breaking-the-rules group's "break" means
        something else in each of the working-time group's phrases ("lunch break")."""
        if not isinstance(data, dict) or not isinstance(groups := data.get("group"), list):
            return data
        named = {group["name"]: group for group in groups if isinstance(group, dict) and group.get("name")}
        resolved = []
        for group in groups:
            for key, field in (("include", "terms"), ("not_in_groups", "not_in")):
                if isinstance(group, dict) and key in group:
                    group = dict(group)
                    names = group.pop(key)
                    if not isinstance(names, list) or (unknown := [n for n in names if n not in named]):
                        raise ValueError(f"{key} = {names!r}: no group has the name {(unknown or names)[0]!r}")
                    group[field] = [*group.get(field, []), *(t for n in names for t in named[n].get("terms", []))]
            resolved.append(group)
        return {**data, "group": resolved}
