"""Questions that ask for an amount, a time, a date, a duration or a limit, and the clauses that give one.

"whats the mileage rate?", "what time does the mobile library come?", "how many girls can go in each
tent?": a clause that states no number, time or frequency doesn't answer them, however many of their words
it shares ("mileage" in a rule against giving young people money). A safeguarding policy seldom states such
things, so these are most often questions about the organisation's running that its policy doesn't cover.
The kind of amount counts: "what time" wants a time of day, "how long" a stretch of time, "how much is" or "45
quid?" a price, "when's the next" a date, "how often" a frequency; other questions any number.
"""

from __future__ import annotations

import re
from enum import Enum

from assistant.text_analysis import message_sentences

# chat's openers before the question itself: "quick q - what time...", "anyone know when's the next...", and the
# scene or the condition it is asked of: "for the zoom sessions whats the max length?", "if they stop a family coming,
# how long is that for?"
_OPENER = re.compile(
    r"^\W*(?:(?:so|and|but|also|quick q|quick question|sorry|hi|hey|anyone know|does anyone know|do you know)\W+)*"
    r"(?:(?:(?:for|on|about|re|with|at|in) (?:the|our|a|an|those|these|this|that) (?:[\w']+ ){0,3}?[\w']+\W+"
    r"|(?:if|when|once|after) [^,?.!]{3,100},\s*)"
    r"(?=(?:what|whats|what's|how|when|is there)\b))?",
    re.IGNORECASE,
)
# the kinds of amount a question's opening names are its named groups: "what time" and "how late" want a time of
# day; "how long", "how soon", "how many hours" and "is there a time limit" a stretch of time ("how long do we keep the
# cctv?", "how quick do we have to take it down?");
# "is there a minimum age" any number
_ASKS_AT_START = re.compile(
    r"^(?:(?P<TIME_OF_DAY>what time\b|how (?:late|early)\b|is there (?:a|an|any) limit (?:on|to) how (?:late|early)\b)"
    r"|(?P<DURATION>how long\b|how (?:quick|quickly|soon|fast)\b|"
    r"how many (?:\w+ )?(?:seconds|minutes|mins|hours|hrs|days|nights|weeks|months|years)\b"
    r"|is there (?:a|an|any) time limit\b)"
    # "how many kids can we have in a group?" wants a count of people, not their ages
    r"|(?P<HEADCOUNT>how many (?:\w+ ){0,2}?(?:kids|children|young people|yp|members|players|people|pupils|students|"
    r"girls|boys|lads|campers|participants|attendees|adults|staff|leaders|volunteers|helpers|coaches)\b)"
    # "when's the next fun run?", "whens the last class before summer?" want a date, not "within 24 hours"
    r"|(?P<DATE>when(?:'?s| is| are| r) (?:the |our )?(?:next|last|first|final)\b)"
    # "how often do we change the password?" wants a frequency, not "at least 2 members of staff"
    r"|(?P<FREQUENCY>how often\b)"
    r"|how many\b|is there (?:a|an|any) (?:\w+ )?(?:limit|max|maximum|minimum|cap)\b"
    # not "how much am i supposed to ask"; "r", text speak's "are"
    r"|how much (?:is|are|r|does|do|will|would|should|can|money|we|they|it)\b"
    r"|(?:what'?s|whats|what is|what are|what r) (?:the|our) (?:\w+ ){0,2}"
    r"(?:rates?|deadline|dates?|prices?|cost|fees?|charge|max|maximum|minimum|limit)\b"
    r"|when(?:'?s| is| are| r| does| do| will)\b)",
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


# ...a count of people: a number that is no age ("aged 8 to 18", "under 16s", "11-14 year olds")
_AGE_NUMBER = r"(?:(?<=aged )|(?<=ages )|(?<=age )|(?<=under )|(?<=over )|(?<=to )|(?<=-))\d+|\d+(?=\s*(?:-|to)\s*\d)"
# (nor "one-to-one" work, nor "one of" them)
_HEADCOUNT = re.compile(
    rf"(?!{_AGE_NUMBER})\b\d+\b(?!\+| ?(?:years?|yrs?|yos?|s\b))"
    r"|(?<!to-)(?<!to )\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred)\b(?! ?(?:years?|yrs?)\b|[- ]to[- ]one\b| of\b)"
    r"|\b(?:ratio|maximum|minimum|at least|at most|no more than|up to|capacity|per adult|for every)\b",
    re.IGNORECASE,
)

# ...said most plainly: so many people ("no more than 12 children", "two adults", "1:8"), not an age ("12 year old
# children", "aged 11 children")
_PEOPLE_COUNT = re.compile(
    rf"(?!{_AGE_NUMBER})\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+"
    r"(?:(?!years?\b|yrs?\b|year-old)[a-z-]+\s+)?(?:children|kids|young people|members|pupils|students|participants|"
    r"attendees|campers|players|adults|staff|leaders|volunteers|helpers|coaches|chaperones|instructors)\b"
    r"|\b1\s?:\s?(?:[2-9]|1\d|20)\b(?![.:]\d|\s?(?:am|pm|a\.m|p\.m))",  # a ratio ("1:8"), not a time ("1:30pm")
    re.IGNORECASE,
)

# "what time does it start?" is answered by a time of day or so many minutes or hours, not by "chapter 11"
_TIME = re.compile(
    r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}[.:]\d{2}\b|\b(?:o'?clock|noon|midday|midnight|"
    r"morning|afternoon|evening|minutes?|mins|hours?|hrs)\b",
    re.IGNORECASE,
)
# "how much is it?", "is it still 45 quid?": a price, a fee or money given
_ASKS_MONEY = re.compile(
    r"\b(?:cost|costs|price|prices|fee|fees|charge|charged|quid|pay|paid|money|subs|discount)\b|£"
    r"|\bhow much (?:is|are|r)\b",
    re.IGNORECASE,
)
# (not a word of a double-barrelled name: "Gareth Lloyd-Price")
_MONEY = re.compile(
    r"£|\b\d+p\b|(?<!-)\b(?:pence|pounds?|free|no charge|costs?|prices?|fees?|charges?|paid|pay|subs)\b", re.IGNORECASE
)


# a stretch of time, or until when
_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|few|several)"
_DURATION = re.compile(
    rf"\b{_NUMBER}[\s-]+(?:seconds?|minutes?|mins|hours?|hrs|days?|nights?|weeks?|months?|years?|terms?)\b"
    r"|\b(?:until|till|as long as|indefinitely|permanently|within|immediately|no longer than|at least|maximum|"
    r"a maximum of|up to)\b"
    # or until a time that comes round: "deleted at the end of each season"
    r"|\b(?:at|by) the end of (?:each|every|the) (?:season|term|year|month|week|day|course|programme|placement)\b",
    re.IGNORECASE,
)


# a day or date: "Saturday 14 June", "the 3rd", "14/06", "every spring", "next term"
_DATE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|spring|summer|"
    r"autumn|winter|christmas|easter|half[- ]term)\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}/\d{1,2}\b"
    r"|\b(?:next|each|every|this) (?:week|month|term|year|season)\b|\b(?:annual|annually|yearly|termly)\b"
    r"|\b(?-i:May)\b",  # the month, not "staff may"
    re.IGNORECASE,
)


# how often: "every three years", "annually", "once a term", "at each session", "regularly"
_FREQUENCY = re.compile(
    r"\b(?:(?:every|each|per|once an?|twice an?) (?:\w+ )?(?:days?|weeks?|fortnight|months?|terms?|years?|seasons?|"
    r"sessions?|meetings?|visits?|shifts?|nights?|half[- ]terms?|quarters?)"
    # "two sessions a week", not "a training session"
    r"|an? (?:day|week|fortnight|month|term|year|season|half[- ]term|quarter)"
    r"|daily|weekly|fortnightly|monthly|quarterly|"
    r"termly|annually|annual|yearly|biannually|regularly|regular|periodically|periodic|frequently|routinely|twice|"
    r"frequency|intervals?|"  # said of it: "each leader will determine the frequency of supervision"
    r"(?:\d+|three|four|several) times)\b",
    re.IGNORECASE,
)


class Amount(Enum):
    """What kind of amount a question asks for."""

    ANY = _AMOUNT
    HEADCOUNT = _HEADCOUNT
    PEOPLE_COUNT = _PEOPLE_COUNT
    TIME_OF_DAY = _TIME
    MONEY = _MONEY
    DURATION = _DURATION
    DATE = _DATE
    FREQUENCY = _FREQUENCY


def asked_amount(question: str) -> Amount | None:
    """The kind of amount a sentence of the question asks for (how many, how much, what time, when, by what
    deadline), or None.

    Only the question's own asking sentences count: "she asked what time club starts. do i just reply?" asks
    whether to reply."""
    for sentence in question_sentences(question):
        opening = _ASKS_AT_START.search(sentence)
        if opening or (sentence.endswith("?") and _DEADLINE.search(sentence)):
            if opening and opening.lastgroup:
                return Amount[opening.lastgroup]
            return Amount.MONEY if _ASKS_MONEY.search(sentence) else Amount.ANY
    return None


def question_sentences(question: str) -> list[str]:
    """Each sentence of a question, without the chat's opener ("quick q - ", "anyone know"); the callers judge which
    of them ask (not only the "asking sentences" of ranking, which end in "?" or open with a question word)."""
    return [_OPENER.sub("", sentence.strip()) for sentence in message_sentences(question)]


def gives_amount(clause_text: str, kind: Amount = Amount.ANY) -> bool:
    """The clause states an amount of the kind: for any, a number, a price, a frequency or a time limit ("within 24
    hours", "at least two")."""
    return kind.value.search(clause_text) is not None
