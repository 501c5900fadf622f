"""Ages: the ages a question tells ("Ellie (15)", "just turned 18", "a year 11") and the age ranges a clause
states ("swimmers under 16", "members aged 18 or over", "16 and 17 year olds", "who turn 18").

Policies for young people often give one rule for under-16s and another for 16 and 17 year olds, or for
members who turn 18; a question's words match both alike, and its age tells which one applies.
"""

from __future__ import annotations

import re

YOUNGEST, OLDEST = 4, 25  # the ages these policies speak of; other numbers are times, sizes and counts
SCHOOL_YEAR_AGE = 5  # a pupil in year 9 is 14 for most of it: year + 5
NO_LIMIT = 200

AgeRange = tuple[int, int]  # youngest and oldest, both included

_N = r"(\d{1,2})"
# a word, as the tokenizer gives it, that may be an age: "16", "u15", "18s", "18plus" (for "18+")
_AGE_WORD = re.compile(r"u?(?:[4-9]|1\d|2[0-5])(?:s|plus)?")
_TOLD = re.compile(
    rf"\({_N}(?=[,)])"  # "Ellie (15)", "(17, at college now)"
    # "15yo", "a 15 yr old", "15-year-old" (not "for 5 years")
    rf"|\b{_N}\s*-?\s*(?:yo|y/o)\b|\b{_N}\s*-?\s*(?:yrs?|years?)\s*-?\s*olds?\b"
    rf"|\b(?:aged?|turned|turning) {_N}\b"  # "turned 18"
    # "shes 16 and", "Tyler's 14.", "my son is 15 now" (not "he's 5 mins late")
    rf"|(?:\b(?:s?he|they)(?:s|re)|['’](?:s|re)|\b(?:is|are)) {_N}"
    r"(?=\s*(?:[,.!?)]|$|(?:and|but|so|now|too|next|in)\b))",
    re.IGNORECASE,
)
_SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s?(\d{1,2})s?\b", re.IGNORECASE)  # "year 11", "my yr5s"
_BETWEEN = re.compile(
    rf"\b(?:aged\s+|between\s+(?:the\s+ages?\s+of\s+)?){_N}\s*(?:-|–|to|and)\s*{_N}\b"  # "aged 16 to 17"
    rf"|\b{_N}\s*(?:-|–|to|and)\s*{_N}[\s-]*years?[\s-]*olds?\b",  # "16 and 17 year olds"
    re.IGNORECASE,
)
_UNDER = re.compile(
    rf"\b(?:under|below|younger than|less than)(?: the age of)?[\s-]{_N}s?\b|\bu-?{_N}s?\b",  # "under-18s", "U15"
    re.IGNORECASE,
)
_AT_LEAST = re.compile(
    rf"\b{_N}\s*(?:years?\s+)?(?:or|and)\s+(?:over|above|older)\b|\b{_N}\+"  # "18 or over", "18+"
    rf"|\b(?:over|older than)(?: the age of)?[\s-]{_N}s?\b"  # "over-18s"
    rf"|\b(?:at least|minimum age(?: of| is)?) {_N}\b",  # "at least 14 years old"
    re.IGNORECASE,
)
_EXACT = re.compile(
    rf"\b{_N}[\s-]*years?[\s-]*olds?\b|\b(?:turns?|turning|reach(?:es)?) {_N}\b"  # "a 16-year-old", "who turn 18"
    rf"|\baged\s+{_N}\b(?!\s*(?:-|–|to|and|or)\s*\d)",
    re.IGNORECASE,
)


def _age(found: re.Match[str], group: int = 0) -> int | None:
    numbers = [int(number) for number in found.groups() if number]
    value = numbers[group] if group < len(numbers) else None
    return value if value is not None and YOUNGEST <= value <= OLDEST else None


def _range(pattern: re.Pattern[str], found: re.Match[str]) -> tuple[int | None, int | None]:
    age = _age(found)
    if pattern is _BETWEEN:
        return age, _age(found, 1)
    if pattern is _UNDER:
        return (0, age - 1) if age else (None, None)
    if pattern is _AT_LEAST:
        return age, NO_LIMIT
    return age, age


def may_be_age(word: str) -> bool:
    """Whether a tokenized word may be an age: a clause with none states no age (and is not read for one)."""
    return _AGE_WORD.fullmatch(word) is not None


def told_ages(question: str) -> frozenset[int]:
    """The ages of the people a question is about."""
    ages = {_age(found) for found in _TOLD.finditer(question)}
    ages |= {int(found.group(1)) + SCHOOL_YEAR_AGE for found in _SCHOOL_YEAR.finditer(question)}
    return frozenset(age for age in ages if age is not None and YOUNGEST <= age <= OLDEST)


def age_bounds(clause: str) -> tuple[AgeRange, ...]:
    """The age ranges a clause states its rules for; none when it names no age. Each stretch of text is read
    once, the widest reading first ("aged 16 and 17" is one range, not "aged 16" and a stray 17)."""
    bounds: list[AgeRange] = []
    read = bytearray(len(clause))  # characters already read as part of an age
    for pattern in (_BETWEEN, _UNDER, _AT_LEAST, _EXACT):
        for found in pattern.finditer(clause):
            low, high = _range(pattern, found)
            start, end = found.span()
            if low is None or high is None or low > high or any(read[start:end]):
                continue
            read[start:end] = b"\x01" * (end - start)
            bounds.append((low, high))
    return tuple(bounds)


# a question asking for an age limit: "what age can they have tiktok?", "how old do you have to be to join?", "is
# there a minimum age for...", "whats the youngest you can be to go on the tour?"
_ASKS_AGE_LIMIT = re.compile(
    r"\b(?:what age|at what age|how old (?:do|does|must|should|have|has|is|are|r|can|would)|minimum age|min age|"
    r"maximum age|max age|age limits?|age restrictions?|lower age|upper age|old enough|too young|too old|"
    r"youngest (?:you|they|he|she|a child|kids?|children|someone|anyone) (?:can|could|should|is allowed to)|"
    r"oldest (?:you|they|he|she|someone|anyone) (?:can|could|should|is allowed to))\b",
    re.IGNORECASE,
)


def asks_age_limit(question: str) -> bool:
    """Whether the question asks how old someone must be for something."""
    return _ASKS_AGE_LIMIT.search(question) is not None


def states_age_limit(clause: str) -> bool:
    """Whether a clause states an age its rule is for ("members aged 13 to 18", "18 or over", "under-16s")."""
    return bool(age_bounds(clause))
