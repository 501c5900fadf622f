"""Questions that ask for an amount, a time, a date, a duration or a limit, and the clauses that give one.

"whats the mileage rate?", "what time does the mobile library come?", "how many girls can go in each
tent?": a clause that states no number, time or frequency doesn't answer them, however many of their words
it shares ("mileage" in a rule against giving young people money). A safeguarding policy seldom states such
things, so these are most often questions about the organisation's running that its policy doesn't cover.
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"[^.?!\n]+[.?!\n]*")
# chat's openers before the question itself: "quick q - what time...", "anyone know when's the next..."
_OPENER = r"(?:(?:so|and|but|also|quick q|quick question|sorry|hi|hey|anyone know|does anyone know|do you know)\W+)*"
_ASKS_AT_START = re.compile(
    rf"^\W*{_OPENER}(?:what time\b|how many\b|how long\b|how often\b"
    r"|how much (?:is|are|does|do|will|would|should|can|money|we|they|it)\b"  # not "how much am i supposed to ask"
    r"|(?:what'?s|whats|what is|what are) (?:the|our) (?:\w+ ){0,2}"
    r"(?:rates?|deadline|dates?|prices?|cost|fees?|charge|max|maximum|minimum|limit)\b"
    r"|when(?:'?s| is| are| does| do| will)\b)",
    re.IGNORECASE,
)
_DEADLINE = re.compile(r"\bdeadline\b", re.IGNORECASE)
# a number in digits or words, money, a share, a frequency or a time limit
_AMOUNT = re.compile(
    r"\d|£|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|hundred|half|once|twice|single|pair|ratio|maximum|minimum|at least|at most|no more than|up to|within|"
    r"daily|weekly|monthly|annually|annual|yearly|termly|fortnightly|every|each|immediately|same day|as soon as|"
    r"frequency|regularly|regular|recurring|periodically|"  # how often, said in words: "regular supervision"
    r"free|no charge|costs?|prices?|fees?|rates?)\b",
    re.IGNORECASE,
)


def asks_for_amount(question: str) -> bool:
    """A sentence of the question asks how many, how much, what time, when, or by what deadline.

    Only the question's own asking sentences count: "she asked what time club starts. do i just reply?" asks
    whether to reply."""
    for sentence in _SENTENCE.findall(question):
        sentence = sentence.strip()
        if _ASKS_AT_START.search(sentence) or (sentence.endswith("?") and _DEADLINE.search(sentence)):
            return True
    return False


def gives_amount(clause_text: str) -> bool:
    """The clause states a number, a price, a frequency or a time limit ("within 24 hours", "at least two")."""
    return _AMOUNT.search(clause_text) is not None
