"""Questions that ask whose job something is, and the clauses that say.

"who runs the school facebook page?", "who's in charge of the petty cash?": a clause about the page that names
no one responsible for it ("staff must not post photos of pupils") doesn't answer them, however many of their
words it shares. One that does says someone runs, manages, monitors or is responsible for something ("must be
monitored by senior members of staff"). Asking whom to tell ("who do i report it to?") is not asking whose job.
"""

from __future__ import annotations

import re

from assistant.amounts import question_sentences

_ASKS_WHOSE_JOB = re.compile(
    r"^(?:who|who'?s|who is|who are|whose)\b(?: \w+){0,3}? "
    r"(?:runs?|running|looks? after|looking after|in charge|manages?|managing|responsible|admins?|administers?|"
    r"moderates?|updates?|job)\b",
    re.IGNORECASE,
)
_NAMES_WHOSE_JOB = re.compile(
    r"\b(?:responsib\w+|in charge|manage[sd]?|managing|run by|runs|administer\w*|administrators?|admins?|oversee\w*|"
    r"overseen|monitor(?:s|ed|ing)?|maintain\w*|moderat\w+|looks? after|looked after|sets? the|leads? on|led by)\b",
    re.IGNORECASE,
)


def asks_whose_job(question: str) -> bool:
    """Whether a sentence of the question opens by asking who is responsible for something."""
    return any(_ASKS_WHOSE_JOB.search(sentence) for sentence in question_sentences(question))


def names_whose_job(clause_text: str) -> bool:
    """Whether a clause says someone runs, manages, monitors or is responsible for something."""
    return _NAMES_WHOSE_JOB.search(clause_text) is not None
