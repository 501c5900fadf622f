"""Questions that ask whose job something is, and the clauses that say.

"who runs the school facebook page?", "who's in charge of the petty cash?": a clause about the page that names
no one responsible for it ("staff must not post photos of pupils") doesn't answer them, however many of their
words it shares. One that does says someone runs, manages, monitors or is responsible for something ("must be
monitored by senior members of staff"). Asking whom to tell ("who do i report it to?") is not asking whose job.

"who's our designated safeguarding lead?" asks for the person: a clause naming them ("Designated Safeguarding
Lead (DSL): Marcus Bell") answers it, or else one giving the role's contact details; a policy that names no one
doesn't.
"""

from __future__ import annotations

import re

from assistant.amounts import question_sentences
from assistant.contacts import gives_contact_details

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


_ROLE = (
    r"(?:designated safeguarding (?:lead|officer|person)|safeguarding (?:adults? )?(?:lead|officer|co-?ordinator|"
    r"person|contact|champion|trustee|rep|representative|adviser|advisor)|welfare officer|child protection "
    r"(?:officer|lead|co-?ordinator)|dsl|dso|dsp|cwo|cso|pso)"
)
_ASKS_WHO_HOLDS_ROLE = re.compile(
    rf"^(?:who|who'?s|whos)\b(?: (?:is|are))?(?: (?:actually|exactly|currently|now))?(?: (?:is|are))? "
    rf"(?:(?:our|the|my|your|this) )?(?:\w+ ){{0,2}}?{_ROLE}\b|\bname of (?:our|the) (?:\w+ ){{0,2}}?{_ROLE}\b",
    re.IGNORECASE,
)
# a word of a role's title, not of a name ("Safeguarding Lead (DSL)" names no one)
_TITLE_WORD = r"(?:Designated|Safeguarding|Lead|Officer|Welfare|Child|Protection|Deputy|Club|Person|Team|Trustee)\b"
_ROLE_NAMED = re.compile(rf"(?<!deputy )\b{_ROLE}\b", re.IGNORECASE)  # the lead, not their deputy
# the role, then (after a colon, "is", a dash or a table's bar, and any bold marks) a person's name: "Welfare Officer
# (CWO) Sarah Okafor", "**Safeguarding Co-ordinator:** Lianna Smith"
_ROLE_HOLDER = re.compile(
    rf"(?i:\b{_ROLE}\b)[^.\n]{{0,60}}?(?:\bis\b|:|–|-|\||\))[\s*_]*(?:(?:Mr|Mrs|Ms|Miss|Dr|Rev)\.?\s+)?"
    r"(?P<named>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+))"
    # or the name first: "Lianna Smith (hereafter the \"Safeguarding Co-ordinator\")", "Sam Reid, our DSL"
    rf"|\b(?P<naming>(?!{_TITLE_WORD})[A-Z][a-z]+\s+(?!{_TITLE_WORD})[A-Z][a-z'’-]+)\s*[(,]\s*"
    rf"(?i:(?:hereafter |our |the |known as )*[\"“]?{_ROLE}\b)"
)


def asks_who_holds_role(question: str) -> bool:
    """Whether a sentence of the question asks who holds the safeguarding role ("whos our dsl?")."""
    if "deputy" in question.lower():
        return False  # their deputy: found as any other question is
    return any(_ASKS_WHO_HOLDS_ROLE.search(sentence) for sentence in question_sentences(question))


def names_role_holder(clause_text: str) -> bool:
    """Whether a clause names who holds the safeguarding role ("Safeguarding Co-ordinator: Lianna Smith")."""
    return _ROLE_NAMED.search(clause_text) is not None and _ROLE_HOLDER.search(clause_text) is not None


def role_holders(clause_text: str) -> set[str]:
    """The people a clause names as holding a safeguarding role, the lead's deputy among them ("Priya Nandra")."""
    return {found["named"] or found["naming"] for found in _ROLE_HOLDER.finditer(clause_text)}


def gives_role_contact(clause_text: str) -> bool:
    """Whether a clause names the safeguarding role and gives contact details: how to reach them, if not who."""
    return _ROLE_NAMED.search(clause_text) is not None and gives_contact_details(clause_text)


def asks_whose_job(question: str) -> bool:
    """Whether a sentence of the question opens by asking who is responsible for something."""
    return any(_ASKS_WHOSE_JOB.search(sentence) for sentence in question_sentences(question))


def names_whose_job(clause_text: str) -> bool:
    """Whether a clause says someone runs, manages, monitors or is responsible for something."""
    return _NAMES_WHOSE_JOB.search(clause_text) is not None
