"""Every sentence a user can see, in one place, so wording is reviewed (and translated) here.

Sections: policy answers; reports (reporter's side); reports (lead's side); Slack; Discord.
Functions take what they need and return plain text; adapters add platform formatting.
"""

from __future__ import annotations

# --- general ----------------------------------------------------------------------------------

SORRY = "Sorry, something went wrong on our side and nothing was posted. Please try again in a minute."

# --- policy answers ---------------------------------------------------------------------------

EMPTY_QUESTION = 'Please type a question, e.g. "can I accept a parent\'s friend request?"'
ANSWER_INTRO = "Here is what your organisation's policy says:"
DANGER_FIRST = "If anyone is in immediate danger, call 999 (or the police) now, before anything else."


def no_match(contact: str) -> str:
    """The policy doesn't answer it: say so, and who to ask. Never a guess."""
    return f"Your policy doesn't say anything I can quote about that. Please ask {contact}."


def concern(contact: str, report_command: str) -> str:
    """A message describing a safeguarding worry: reporting comes first."""
    return (
        f"This sounds like a safeguarding concern. Tell {contact} straight away: use {report_command} to "
        "send them a confidential report, and keep any screenshots or messages (do not delete them). "
        "Here is what your policy says about reporting it, and what it says closest to what you describe:"
    )


def report_reminder(contact: str, report_command: str) -> str:
    """Under every answer that is not a concern: a worry the bot didn't recognise still has a way in."""
    return (
        f"Worried about a child or an adult at risk? Tell {contact}, or use {report_command} to report it "
        "confidentially."
    )


def stale_policy(document: str, review_text: str) -> str:
    return (
        f'Note: "{document}" was due for review ({review_text}). It may be out of date: check with '
        "whoever looks after your policies."
    )


def clause_label(ref: str) -> str:
    """`6.14` -> "clause 6.14"; a heading-based reference ("Photographs ¶2") stands as it is."""
    return f"clause {ref}" if ref[:1].isdigit() else ref


def citation(document: str, ref: str) -> str:
    return f"{document}, {clause_label(ref)}"


# --- reports (reporter's side) ----------------------------------------------------------------

CATEGORY_LABELS = {
    "online_contact": "Online contact with a child or young person",
    "images": "Images or photos",
    "cyberbullying": "Cyberbullying or trolling",
    "inappropriate_content": "Inappropriate content",
    "radicalisation": "Radicalisation (Prevent)",
    "colleague_conduct": "A colleague's conduct",
    "other": "Something else",
}


def category_label(category: str) -> str:
    """How a report category reads on a form or in a lead's copy (a ReportCategory is a str)."""
    return CATEGORY_LABELS.get(category, category)


CALL_999 = (
    "If someone is in immediate danger, call 999 (or the police) now, before anything else. Then send this report."
)
REPORT_FORM_INTRO = (
    "This report is confidential to the safeguarding lead(s): it goes privately to them and nowhere else. "
    "It is not anonymous: they will see that it came from you. Write the facts (what you saw, when, where), "
    "a child's own words where there are any, and keep your opinion apart. Keep screenshots; do not "
    "delete messages."
)
CALL_999_NOW = "If someone is in immediate danger, call 999 (or the police) now if you have not already."
EMPTY_REPORT = "Please describe what happened: that box can't be empty. Nothing has been sent yet."


def report_received(reference: str, *, immediate_danger: bool) -> str:
    """The reporter's private confirmation: the reference, never the report's text."""
    text = (
        f"Thank you. Your report {reference} has been received and is confidential to the safeguarding "
        "lead(s), who will see that it came from you. You will get a private note when a lead "
        "acknowledges it. Quote the reference if you need to add anything."
    )
    if immediate_danger:
        return f"{CALL_999_NOW} {text}"
    return text


def field_too_long(label: str, length: int, limit: int) -> str:
    return (
        f"The '{label}' box is {length:,} characters long; the limit is {limit:,}. Please shorten it. "
        "Nothing has been sent yet."
    )


def field_has_control_characters(label: str) -> str:
    return (
        f"The '{label}' box contains invisible control characters (other than new lines and tabs). "
        "Please retype it or paste it as plain text. Nothing has been sent yet."
    )


def unknown_recipient(user_id: str) -> str:
    return (
        f"{user_id!r} is not one of the safeguarding leads or deputies set up here, so the report can't "
        "be kept from them. Choose one from the list, or leave that question blank. "
        "Nothing has been sent yet."
    )


NO_ONE_TO_RECEIVE = (
    "Nobody else is set up to receive a report about that person, so nothing has been sent. Please contact "
    "your chair of trustees or governors, or your Local Authority Designated Officer (LADO), directly."
)


def reporter_notice(kind: str, reference: str) -> str:
    """A private note to the reporter about their report (delivered through the outbox)."""
    if kind == "acknowledged":
        return f"Your report {reference} has been acknowledged by a safeguarding lead. Thank you for raising it."
    return f"There is an update on your report {reference}."


# --- reports (lead's side) --------------------------------------------------------------------

# Same words for "you are not a lead" and "no such reference": reveals nothing.
NOT_ALLOWED = "Sorry, that isn't available to you. If you meant to make a report, use the report form."
REPORT_CLOSED = "That report is closed; reopen it in your records system if it needs more work."
EMPTY_NOTE = "Please write the note: it can't be empty."
EMPTY_REASON = "Please give the reason for the decision: safeguarding records need it."
EMPTY_OUTCOME = "Please give the outcome when closing a report."


def report_for_lead_heading(reference: str, *, escalation: bool) -> str:
    if escalation:
        return f"Confidential safeguarding report {reference}: NOT YET ACKNOWLEDGED, re-sent to all recipients"
    return f"Confidential safeguarding report {reference}"


def delivery_problem(reference: str, recipient: str, *, permanent: bool) -> str:
    if permanent:
        return (
            f"Report {reference} could not be delivered to {recipient}; the platform refused it, so it is "
            "retried hourly. Please make sure they see it."
        )
    return f"Report {reference} has not reached {recipient} yet; still retrying."


# --- reports: operator setup ------------------------------------------------------------------

MISSING_REPORT_KEY = (
    "POLICYBOT_REPORT_KEY is not set, so confidential reports can't be stored encrypted and reporting "
    "won't start. Run `policybot keygen`, put the printed line in your environment (or .env), and keep a "
    "copy somewhere safe: without it stored reports can't be read."
)
INVALID_REPORT_KEY = (
    "POLICYBOT_REPORT_KEY is not a valid key (it must be 32 random bytes, URL-safe base64, as printed by "
    "`policybot keygen`). Run `policybot keygen` to make one."
)
WRONG_REPORT_KEY = (
    "Stored report data can't be opened with the configured POLICYBOT_REPORT_KEY: it was encrypted with a "
    "different key (or the stored data is damaged). Restore the key that was used (a new key can't read "
    "old reports)."
)

# --- reports: the local console flow (`policybot report`, `policybot reports`) ------------------

CONSOLE_NO_LEADS = (
    "No console safeguarding leads are set, so there is nobody to receive a local report. Set "
    "POLICYBOT_CONSOLE_SAFEGUARDING_LEADS to one or more ids (comma-separated), e.g. "
    "POLICYBOT_CONSOLE_SAFEGUARDING_LEADS=dsl, and use that id with `policybot reports --as dsl`."
)
CONSOLE_NO_OPEN_REPORTS = "There are no open reports."
CONSOLE_CANCELLED = "Cancelled: nothing was sent."
CONSOLE_NO_DELIVERY_PROBLEMS = "Every report has reached everyone it was sent to."
CONSOLE_NOT_A_TERMINAL = (
    'Nothing to report: give --what "..." (and the other options), or run `policybot report` in a terminal '
    "to be asked each question."
)


def console_delivered(reference: str, lead_id: str) -> str:
    """What the local "private delivery" to a console lead prints: a pointer, never the text."""
    return f"[to {lead_id}] New confidential report {reference}: `policybot reports show {reference} --as {lead_id}`"


def console_reporter_notice(reporter_id: str, notice: str) -> str:
    return f"[to {reporter_id}] {notice}"


def console_purged(count: int, retention_days: int) -> str:
    noun = "report" if count == 1 else "reports"
    return f"Purged {count} closed {noun} older than {retention_days} days."


CONSOLE_NO_VOTED_QUESTIONS = (
    "No vote was kept with its question, so nothing was written. Set POLICYBOT_STORE_QUESTION_TEXT=true to keep "
    "each voted question (encrypted) from now on."
)


def console_voted_questions(count: int, path: str, not_helpful: int, clause_gone: int) -> str:
    noun = "question" if count == 1 else "questions"
    left_out = []
    if not_helpful:
        left_out.append(f"{not_helpful} 'not helpful' vote{'s' if not_helpful != 1 else ''} (not which clause would)")
    if clause_gone:
        left_out.append(f"{clause_gone} vote{'s' if clause_gone != 1 else ''} on clauses no longer in the policy")
    return (
        f"Wrote {count} {noun} staff marked answered to {path} (readable only by you: keep it as securely as the "
        "reports, a question can name a child)."
        + (f" Left out: {'; '.join(left_out)}." if left_out else "")
        + f" Measure answers with `policybot eval {path} --documents FOLDER`, or fit the re-ranker to them with "
        f"`policybot train-reranker {path} --documents FOLDER --out map.npz`."
    )


def console_exported(count: int, path: str) -> str:
    noun = "report" if count == 1 else "reports"
    return f"Exported {count} {noun} to {path} (readable only by you). Keep it as securely as the reports."


# --- Slack ------------------------------------------------------------------------------------
# mrkdwn where noted; the adapter escapes anything a person or a document wrote before inserting it.

SLACK_USAGE = (  # mrkdwn
    "*Ask about your policy:* `/policy can I accept a parent's friend request?`\n"
    "I quote the clause of your organisation's policy that answers it, with where it comes from. "
    "Only you see the answer.\n"
    "*Report a safeguarding concern confidentially:* `/report`"
)
SLACK_CLI_ABOUT = "Run the Slack app: HTTP mode (--port, the Procfile's web process) or Socket Mode (--socket)."
SLACK_APP_TOKEN_MISSING = (
    "SLACK_APP_TOKEN is missing: Socket Mode needs an app-level token (xapp-...) with the "
    "connections:write scope (Slack app > Basic Information > App-Level Tokens)."
)
SLACK_PORT_MISSING = "No port for HTTP mode: pass --port PORT or set PORT (or use --socket for Socket Mode)."
SLACK_SHARE = "Share in channel"
SLACK_HELPFUL = "Helpful"
SLACK_NOT_HELPFUL = "Not helpful"
SLACK_FEEDBACK_THANKS = "Thank you: your feedback has been counted."
SLACK_OPEN_REPORT = "Make a confidential report"
SLACK_ANSWER_CHANGED = "The policy has changed since that answer. Please ask again."
SLACK_SHORTENED = "Some of this was shortened to fit in Slack."
SLACK_REPORT_TITLE = "Confidential report"
SLACK_REPORT_SUBMIT = "Send privately"
SLACK_CANCEL = "Cancel"
SLACK_DONE = "Done"
SLACK_SAVE = "Save"
SLACK_YES_DANGER = "Yes, someone is in immediate danger"
SLACK_REPORT_PENDING = (
    "Your report has been received. Your reference will arrive in a direct message from me in a moment."
)
SLACK_FIELD_WHAT_HAPPENED = "What happened"
SLACK_FIELD_WHAT_HAPPENED_HINT = (
    "Facts: what you saw or were told, when, where; a child's own words where there are any. Keep your opinion apart."
)
SLACK_FIELD_WHO = "Who it concerns (names or initials)"
SLACK_FIELD_WHEN_WHERE = "When and where"
SLACK_FIELD_CATEGORY = "What kind of concern"
SLACK_FIELD_IMMEDIATE_DANGER = "Immediate danger"
SLACK_FIELD_EVIDENCE = "Evidence notes"
SLACK_FIELD_EVIDENCE_HINT = "Where screenshots or messages are kept. Do not delete messages."
SLACK_FIELD_CONCERNS_RECIPIENT = "Is this about a safeguarding lead or deputy?"
SLACK_FIELD_CONCERNS_RECIPIENT_HINT = (
    "Only if so: choose them, and the report goes to the other recipients instead, never to them."
)
SLACK_FIELD_REPORTED_BY = "Reported by"
SLACK_FIELD_STATUS = "Status"
SLACK_FIELD_RECEIVED = "Received"
SLACK_FIELD_CHRONOLOGY = "History"
SLACK_FIELD_NOTE = "Note for the record"
SLACK_FIELD_OUTCOME = "Outcome (what was decided and done)"
SLACK_LEAD_IMMEDIATE_DANGER = "The reporter says someone is in immediate danger."
SLACK_STATUS_LABELS = {"new": "New", "acknowledged": "Acknowledged", "closed": "Closed"}
SLACK_ACKNOWLEDGE = "Acknowledge"
SLACK_ADD_NOTE = "Add note"
SLACK_CLOSE = "Close"
SLACK_SHOW = "Show"
SLACK_NOTE_TITLE = "Add a note"
SLACK_CLOSE_TITLE = "Close report"
SLACK_NO_OPEN_REPORTS = "There are no open reports."
SLACK_SENT_TO_DM = "I've sent it to you in a direct message."
SLACK_HOME_TITLE = "Policy assistant"
SLACK_HOME_ABOUT = (  # mrkdwn
    "I answer questions about your organisation's own safeguarding and social media policies by quoting "
    "the clause that answers them, word for word, with where it comes from. I never make up advice: "
    "when the policy doesn't say, I tell you who to ask."
)
SLACK_HOME_POLICIES = "Policies I know"
SLACK_HOME_NO_POLICIES = "No policies are loaded."
SLACK_HOME_HOW_TO_ASK = (  # mrkdwn
    "*Ask:* type `/policy` and your question in any channel (only you see the answer), send me a direct "
    "message, or mention me in a thread."
)
SLACK_HOME_HOW_TO_REPORT = (  # mrkdwn
    "*Report a concern:* type `/report`. The form goes privately to the safeguarding lead(s) only, never to "
    "a channel. It is confidential, not anonymous: they will see it came from you. If someone is in immediate "
    "danger, call 999 (or the police) first."
)


def slack_you_asked(question: str) -> str:
    return f"You asked: {question}"


def slack_citation(document: str, ref: str) -> str:  # mrkdwn
    return f"*{document}*, {clause_label(ref)}"


def slack_answer_from(document: str) -> str:
    return f"From {document}"


def slack_show_others(count: int) -> str:
    return "Show the other match" if count == 1 else f"Show the other {count} matches"


def slack_clause_trimmed(document: str, ref: str) -> str:
    return f"This clause is too long to show in full here: read the rest in {document}, {clause_label(ref)}."


def slack_report_trimmed(reference: str) -> str:
    return f"Shortened to fit in Slack: `policybot reports show {reference}` prints it in full."


def slack_shared_by(user_id: str) -> str:  # mrkdwn; user_id is a Slack id, never free text
    return f"Shared from our policy by <@{user_id}>"


def slack_open_reports(count: int) -> str:
    return "1 open report" if count == 1 else f"{count} open reports"


def slack_undelivered(count: int) -> str:
    who = "1 recipient" if count == 1 else f"{count} recipients"
    return f"Not yet delivered to {who}: still retrying. Please make sure they see it."


def slack_review_date(when: str) -> str:
    return f"review due {when}"


# --- Discord ----------------------------------------------------------------------------------

DISCORD_POLICY_DESCRIPTION = "Ask what your organisation's policy says; only you see the answer."
DISCORD_QUESTION_DESCRIPTION = "Your question, e.g. can I accept a parent's friend request?"
DISCORD_REPORT_DESCRIPTION = "Confidential report: goes privately to the safeguarding lead(s) only."
DISCORD_ABOUT_LEAD_DESCRIPTION = "Only if it is about a safeguarding lead or deputy: it won't go to them."
DISCORD_REPORTS_DESCRIPTION = "Safeguarding leads: list open reports (only you see the list)."
DISCORD_OTHER_MATCHES = "Other clauses that may answer your question:"
DISCORD_NO_OTHER_MATCHES = "There are no other matching clauses."
DISCORD_ANSWER_EXPIRED = "That answer has expired. Please ask again."
DISCORD_FEEDBACK_THANKS = "Thank you: your feedback helps whoever maintains the policy answers."
DISCORD_BUTTON_OTHERS = "Other matches"
DISCORD_BUTTON_SHARE = "Share quote in channel"
DISCORD_BUTTON_HELPFUL = "Helpful"
DISCORD_BUTTON_NOT_HELPFUL = "Not helpful"
DISCORD_BUTTON_REPORT = "Make a confidential report"
DISCORD_BUTTON_RETRY_REPORT = "Edit and send again"
DISCORD_BUTTON_ACK = "Acknowledge"
DISCORD_BUTTON_CLOSE = "Close"
DISCORD_REPORT_TITLE = "Confidential safeguarding report"
DISCORD_FIELD_WHAT = "What happened"
DISCORD_FIELD_WHAT_HINT = "Facts: what you saw or were told, a child's own words if any. Keep opinion apart."
DISCORD_FIELD_WHO = "Who it concerns"
DISCORD_FIELD_WHO_HINT = "Names or initials (optional)"
DISCORD_FIELD_WHEN = "When and where"
DISCORD_FIELD_CATEGORY = "What kind of concern"
DISCORD_FIELD_DANGER = "Someone is in immediate danger"
DISCORD_FIELD_DANGER_HINT = "If so, call 999 (or the police) now, before anything else."
DISCORD_FIELD_EVIDENCE = "Evidence notes"
DISCORD_FIELD_REPORTER = "Reported by"
DISCORD_FIELD_STATUS = "Status"
DISCORD_FIELD_OUTCOME = "Outcome"
DISCORD_DANGER_YES = "YES: the reporter says someone is in immediate danger."
DISCORD_NOT_GIVEN = "(not given)"
DISCORD_DELIVERY_NOTE = "Delivery"
DISCORD_KEEP_EVIDENCE = "Keep any screenshots or messages as evidence; do not delete them."
DISCORD_REPORT_NOT_SENT = "Your report has not been sent yet. Use the button to fix it: your text is kept."
DISCORD_NO_OPEN_REPORTS = "There are no open reports."
DISCORD_OPEN_REPORTS_TITLE = "Open safeguarding reports"


def discord_clause_footer(ref: str, heading: str, source: str) -> str:
    label = clause_label(ref)
    parts = [label[:1].upper() + label[1:]] + ([heading] if heading else []) + [source]
    return " · ".join(parts)


def discord_continued(title: str) -> str:
    return f"{title} (continued)"


def discord_shared_by(sharer: str, citation: str) -> str:
    return f"{sharer} shared a quote from {citation}:"


def discord_close_title(reference: str) -> str:
    return f"Close {reference}"


def discord_report_footer(reference: str) -> str:
    return f"{reference} · confidential to the safeguarding lead(s)"


def discord_acknowledged(reference: str) -> str:
    return f"You acknowledged {reference}. The reporter has been told privately."


def discord_closed(reference: str) -> str:
    return f"You closed {reference}."


def discord_open_report_line(
    reference: str, status: str, category: str, created_at: object, *, immediate_danger: bool
) -> str:
    danger = " · IMMEDIATE DANGER" if immediate_danger else ""
    when = created_at.strftime("%Y-%m-%d %H:%M UTC") if hasattr(created_at, "strftime") else str(created_at)
    return f"**{reference}** · {status} · {category} · {when}{danger}"


def discord_fallback_note(recipient: str) -> str:
    return (
        f"This report could not be sent to {recipient} by direct message (their DMs are closed to the bot), "
        "so it is posted in this private channel instead. Delivery to them is still retried."
    )
