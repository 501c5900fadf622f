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
from collections.abc import Iterable
from dataclasses import dataclass, replace

from assistant.amounts import question_sentences
from assistant.contacts import gives_contact_details

_ASKS_WHOSE_JOB = re.compile(
    r"^(?:who|who'?s|who is|who are|whose)\b(?: \w+){0,3}? "
    r"(?:runs?|running|looks? after|looking after|in charge|manages?|managing|responsible|admins?|administers?|"
    r"moderates?|updates?|job|doing|does|sorting|sorts|organising|organizing|organises|organizes|arranging|arranges)\b",
    re.IGNORECASE,
)
# (not everyone's own part: "you are personally responsible for what you post"; nor a thing said to be kept up by
# nobody named: "websites hosted and maintained on behalf of the organisation")
_NAMES_WHOSE_JOB = re.compile(
    r"(?<!personally )\b(?:responsib\w+|in charge|manage[sd]?|managing|run by|runs|administer\w*|administrators?|"
    r"admins?|oversee\w*|overseen|monitor(?:s|ing)?|monitored by|maintains?|maintaining|maintained by|moderat\w+|"
    r"looks? after|looked after|sets? the|leads? on|led by)\b",
    re.IGNORECASE,
)


_LOWER_CASE_WORD = re.compile(r"\b[a-z]+\b")
_NICKNAME = r"[\"“‘']([A-Z][\w-]+)[\"”’']"  # a name in quotes
# a word of a role's title, not of a name ("Safeguarding Lead (DSL)" names no one)
_TITLE_WORD = r"(?:Designated|Safeguarding|Lead|Officer|Welfare|Child|Protection|Deputy|Club|Person|Team|Trustee)\b"


@dataclass(frozen=True)
class SafeguardingRole:
    """The safeguarding lead's role, read by the titles the concern lexicon gives it (`fragments.lead` in
    `knowledge/concerns.toml`, the same titles a worry is told to): whether a question asks who holds it, and which
    clauses name the person or say how to reach them."""

    asks_who: re.Pattern[str]
    named: re.Pattern[str]
    holder: re.Pattern[str]
    # the first names and nicknames of the people a policy names in the role (see `held_in`)
    first_names: re.Pattern[str] | None = None

    @classmethod
    def titled(cls, titles: str) -> SafeguardingRole:
        """The role by its titles, a pattern ("dsl|designated safeguarding lead|..."); none: a role never named."""
        role = f"(?:{titles})" if titles else "(?!)"
        return cls(
            asks_who=re.compile(
                rf"^(?:who|who'?s|whos)\b(?: (?:is|are))?(?: (?:actually|exactly|currently|now))?(?: (?:is|are))? "
                rf"(?:(?:our|the|my|your|this) )?(?:\w+ ){{0,2}}?{role}\b"
                rf"|\bname of (?:our|the) (?:\w+ ){{0,2}}?{role}\b",
                re.IGNORECASE,
            ),
            named=re.compile(rf"(?<!deputy )\b(?!deputy\b){role}\b", re.IGNORECASE),  # the lead, not their deputy
            # the role, then (after a colon, "is", a dash or a table's bar, and any bold marks) a person's name:
            # "Welfare Officer (CWO) Sarah Okafor", "**Safeguarding Co-ordinator:** Lianna Smith"
            holder=re.compile(
                rf"(?i:\b{role}\b)[^.\n]{{0,60}}?(?:\bis\b|:|–|-|\||\))[\s*_]*(?:(?:Mr|Mrs|Ms|Miss|Dr|Rev)\.?\s+)?"
                r"(?P<named>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+))"
                # or the name first: "Lianna Smith (hereafter the \"Safeguarding Co-ordinator\")", "Sam Reid, our DSL"
                rf"|\b(?P<naming>(?!{_TITLE_WORD})[A-Z][a-z]+\s+(?!{_TITLE_WORD})[A-Z][a-z'’-]+)\s*[(,]\s*"
                rf"(?i:(?:hereafter |our |the |known as )*[\"“]?{role}\b)"
            ),
        )

    def asks_who_holds_role(self, question: str) -> bool:
        """Whether a sentence of the question asks who holds the safeguarding role ("whos our dsl?")."""
        if "deputy" in question.lower():
            return False  # their deputy: found as any other question is
        return any(self.asks_who.search(sentence) for sentence in question_sentences(question))

    def names_role_holder(self, clause_text: str) -> bool:
        """Whether a clause names who holds the safeguarding role ("Safeguarding Co-ordinator: Lianna Smith")."""
        return self.named.search(clause_text) is not None and self.holder.search(clause_text) is not None

    def role_holders(self, clause_text: str) -> set[str]:
        """The people a clause names as holding a safeguarding role, the lead's deputy among them ("Priya Nandra")."""
        return {found["named"] or found["naming"] for found in self.holder.finditer(clause_text)}

    def gives_role_contact(self, clause_text: str) -> bool:
        """Whether a clause names the safeguarding role and gives contact details: how to reach them, if not who."""
        return self.named.search(clause_text) is not None and gives_contact_details(clause_text)

    def held_in(self, texts: Iterable[str]) -> SafeguardingRole:
        """This role, knowing the first names of the people the texts name in it, and the nicknames given with them
        ('Thomas Scarsbrook ("Scarzy")'): those never written lower-case in the texts, so that a title read as a name
        ("Centre Manager", "Youth Worker") is left out."""
        texts = tuple(texts)
        names: set[str] = set()
        for text in texts:
            for holder in self.role_holders(text):
                names.add(holder.split()[0])
                names.update(re.findall(rf"{re.escape(holder)}\s*\(\s*{_NICKNAME}\s*\)", text))
        lower_case = {word for text in texts for word in _LOWER_CASE_WORD.findall(text)}
        kept = sorted(name.lower() for name in names if len(name) > 2 and name.lower() not in lower_case)
        if not kept:
            return self
        return replace(self, first_names=re.compile(rf"\b(?:{'|'.join(map(re.escape, kept))})\b", re.IGNORECASE))

    def by_title(self, message: str) -> str:
        """The message with the first names of the people in the role read as the lead's title ("what if the problem
        is with scarzy?" -> "what if the problem is with dsl?")."""
        return self.first_names.sub("dsl", message) if self.first_names is not None else message


def asks_whose_job(question: str) -> bool:
    """Whether a sentence of the question opens by asking who is responsible for something."""
    return any(_ASKS_WHOSE_JOB.search(sentence) for sentence in question_sentences(question))


def names_whose_job(clause_text: str) -> bool:
    """Whether a clause says someone runs, manages, monitors or is responsible for something."""
    return _NAMES_WHOSE_JOB.search(clause_text) is not None
