"""Tell a safeguarding worry from a policy question. Pure functions over the concern lexicon."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from assistant.contacts import gives_contact_details
from assistant.duties import SafeguardingRole
from assistant.knowledge import ConcernLexicon
from assistant.text_analysis import straight_apostrophes
from assistant.worry_model import WorryModel

# A worry's answer quotes what to do with it: clauses that say whom to tell come first, sooner still
# the ones that say when ("immediately").
PROCEDURE_WEIGHT = 2.0
URGENCY_WEIGHT = 1.4
# A worry with a procedure of its own (an allegation against staff) puts that procedure first.
SITUATION_WEIGHT = 3.0
# ...and another kind of harm's route ("...at risk of radicalisation must contact the Safeguard Lead") after the
# routes for any worry: the clause opening in its wording, under its heading or in its first words.
OTHER_HARM_WEIGHT = 0.5
OPENING_WORDS = 12
# ...and the lead's own steps after a report ("If the DSL finds evidence of abuse, ...") after the steps of the
# person telling, who is the one asking.
LEAD_DUTY_WEIGHT = 0.5
# ...and the route for when the usual one fails ("If you feel the Club has not acted on a concern, contact the County
# FA") after the usual one, unless the worry is that kind's own ("nothing was done about what I reported").
FALLBACK_WEIGHT = 0.5
AWAY_WEIGHT = 2.0  # the way round an unreachable lead, for a message saying the lead can't be reached
# An urgent worry (someone in danger now) puts the emergency steps ("call 999", "in an emergency") first.
EMERGENCY_WEIGHT = 1.5
# A policy's own short name for a role, given once in brackets ("Parish Safeguarding Officer (PSO)"): up to five
# capitalised words, then two to six capitals
_NAMED_ROLE = re.compile(r"((?:\b[A-Z][\w'’-]*\s+){1,5})\(([A-Z]{2,6})\)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+")


@dataclass(frozen=True)
class Assessment:
    concern: bool
    immediate_danger: bool


@dataclass(frozen=True)
class Route:
    """What a worry's message says about where it goes: its kinds of worry with a procedure of their own, as (the
    words that procedure's clauses use, how such a clause reads), and whether the lead can't be reached."""

    situations: list[tuple[str, re.Pattern[str]]]
    lead_away: bool


@dataclass(frozen=True)
class ConcernDetector:
    harm: tuple[re.Pattern[str], ...]
    incident: tuple[re.Pattern[str], ...]
    topic_question: tuple[re.Pattern[str], ...]
    danger: tuple[re.Pattern[str], ...]
    signs: dict[str, float]
    sign_words: re.Pattern[str] | None
    signs_needed: float
    worry: tuple[re.Pattern[str], ...]
    procedure: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]  # action, role, urgency
    situations: tuple[tuple[re.Pattern[str], str, re.Pattern[str]], ...] = ()  # (when, add, prefer)
    harm_routes: tuple[re.Pattern[str], ...] = ()  # the `prefer` of the situations that are kinds of harm
    lead_duty: re.Pattern[str] | None = None  # a clause whose subject is the lead: their steps after a report
    fallback_route: re.Pattern[str] | None = None  # a clause for when the usual route fails
    unreachable_route: re.Pattern[str] | None = None  # a clause for when the usual person is out of reach
    lead_away: re.Pattern[str] | None = None  # a message saying that person is out of reach
    role: SafeguardingRole | None = None  # the lead's role, knowing the names of the policy's people in it
    emergency_route: re.Pattern[str] | None = None  # a clause on what to do in an emergency (999)
    model: WorryModel | None = None  # a learned check for what the patterns and signs don't name
    own_conduct: tuple[re.Pattern[str], ...] = ()  # the writer asks about their own action
    own_conduct_probability: float = 0.8  # how sure the model alone must then be
    # told with pride or relief, as handled, or criticism of the organisation ("slagging us off on fb"): never a worry
    # on the model alone (the lexicon's `good_news` and `criticism_of_us`)
    not_on_the_model: tuple[re.Pattern[str], ...] = ()
    disclosure: tuple[re.Pattern[str], ...] = ()  # someone told the writer ("just told me", "showed me")
    hypothetical: tuple[re.Pattern[str], ...] = ()  # "what if a child told me..."
    ongoing: tuple[re.Pattern[str], ...] = ()  # what is described keeps happening ("keeps messaging her")
    conditional: tuple[re.Pattern[str], ...] = ()  # "if a child...": hypothetical unless ongoing
    purpose: tuple[re.Pattern[str], ...] = ()  # asked for no real case ("for the training quiz")
    asks_whether_harm: tuple[re.Pattern[str], ...] = ()  # "does it count as abuse?", "is it a safeguarding thing?"
    asks_whether_to_report: tuple[re.Pattern[str], ...] = ()  # "is that reportable?", "should i report it?"
    adult_conduct: tuple[re.Pattern[str], ...] = ()  # an adult does it ("the coach keeps", "normal for the coach")
    everyday_conduct: tuple[re.Pattern[str], ...] = ()  # work gone wrong, not harm ("keeps forgetting the registers")
    at_risk: tuple[re.Pattern[str], ...] = ()  # someone who may be at risk: a child, a resident
    adult_red_flags: tuple[re.Pattern[str], ...] = ()  # alone with them overnight, photos where they change
    adult_named: re.Pattern[str] | None = None  # any of the lexicon's words for adults
    injury_signs: frozenset[str] = frozenset()  # the signs that are injuries
    accidental: re.Pattern[str] | None = None  # a message telling of an accident, and casting no doubt on it
    activity_subject: tuple[re.Pattern[str], ...] = ()  # what an activity is about: "a play about county lines"

    @classmethod
    def from_lexicon(cls, lexicon: ConcernLexicon, model: WorryModel | None = None) -> ConcernDetector:
        def compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
            return tuple(re.compile(p) for p in patterns)

        return cls(
            harm=compiled(lexicon.harm),
            incident=compiled(lexicon.incident),
            topic_question=compiled(lexicon.topic_question),
            danger=compiled(lexicon.danger),
            signs={_unapostrophed(sign): weight for sign, weight in lexicon.signs.items()},
            sign_words=_alternation(lexicon.signs),
            signs_needed=lexicon.signs_needed,
            injury_signs=frozenset(lexicon.injury_signs),
            accidental=re.compile(lexicon.accidental) if lexicon.accidental else None,
            activity_subject=compiled(lexicon.activity_subject),
            worry=compiled(lexicon.worry),
            procedure=(
                re.compile(lexicon.procedure_action, re.IGNORECASE),
                re.compile(lexicon.procedure_role, re.IGNORECASE),
                re.compile(lexicon.procedure_urgency, re.IGNORECASE),
            ),
            situations=tuple((re.compile(s.when), s.add, re.compile(s.prefer)) for s in lexicon.situation),
            harm_routes=tuple(re.compile(s.prefer) for s in lexicon.situation if s.kind_of_harm),
            lead_duty=re.compile(lexicon.lead_duty) if lexicon.lead_duty else None,
            fallback_route=re.compile(lexicon.fallback_route) if lexicon.fallback_route else None,
            unreachable_route=re.compile(lexicon.unreachable_route) if lexicon.unreachable_route else None,
            lead_away=re.compile(lexicon.lead_away) if lexicon.lead_away else None,
            emergency_route=re.compile(lexicon.emergency_route) if lexicon.emergency_route else None,
            model=model,
            own_conduct=compiled(lexicon.own_conduct),
            own_conduct_probability=lexicon.own_conduct_probability,
            not_on_the_model=compiled(lexicon.good_news + lexicon.criticism_of_us),
            disclosure=compiled(lexicon.disclosure),
            hypothetical=compiled(lexicon.hypothetical),
            ongoing=compiled(lexicon.ongoing),
            conditional=compiled(lexicon.conditional),
            purpose=compiled(lexicon.purpose),
            asks_whether_harm=compiled(lexicon.asks_whether_harm),
            asks_whether_to_report=compiled(lexicon.asks_whether_to_report),
            adult_conduct=_adult_conduct(lexicon.adults, lexicon.other_adults),
            everyday_conduct=compiled(lexicon.everyday_conduct),
            at_risk=compiled(lexicon.at_risk),
            adult_red_flags=compiled(lexicon.adult_red_flags),
            adult_named=_any_of(lexicon.adults + lexicon.other_adults),
        )

    def with_roles_named_in(self, texts: Iterable[str], role: SafeguardingRole) -> ConcernDetector:
        """This detector, reading a role's short name, where a policy gives one, as whom to tell: the policy that
        names its "Parish Safeguarding Officer (PSO)" says "tell the PSO" after that; and the first names of the
        people the `role` knows to hold it (`SafeguardingRole.held_in`) as the lead's, so that "priya's on leave" says
        the lead is away."""
        action, whom, urgency = self.procedure
        short = {
            abbreviation.lower()
            for text in texts
            for long, abbreviation in _NAMED_ROLE.findall(text)
            if whom.search(long)
        }
        detector = replace(self, role=role)
        if not short:
            return detector
        named = _one_of(tuple(short))
        return replace(detector, procedure=(action, re.compile(rf"{whom.pattern}|\b{named}\b", re.IGNORECASE), urgency))

    def procedure_weight(self, clause_text: str) -> float:
        """How much a clause reads as what to do with a worry: whom to tell (an action and a role, or a role
        and how to reach them: "Designated Safeguarding Lead: Cheryl Cross, 07700 900123"), and how soon."""
        action, role, urgency = self.procedure
        tells = role.search(clause_text) and (action.search(clause_text) or gives_contact_details(clause_text))
        weight = PROCEDURE_WEIGHT if tells else 1.0
        return weight * (URGENCY_WEIGHT if urgency.search(clause_text) else 1.0)

    def route(self, message: str) -> Route:
        """Where this worry goes: its kinds with a procedure of their own (an allegation against staff), and whether
        it says the person worries go to can't be reached ("dsl's off sick", "no answer", "priya's on leave" where
        the policy names Priya Nandra its DSL)."""
        told = _lowered(message)
        if self.role is not None:  # "what if it's about priya?": about the lead, by the title her first name stands for
            told = self.role.by_title(told)
        return Route(
            situations=[(add, prefer) for when, add, prefer in self.situations if when.search(told)],
            lead_away=self.lead_away is not None and self.lead_away.search(told) is not None,
        )

    def procedure_weigher(
        self, situations: list[tuple[str, re.Pattern[str]]], urgent: bool = False, lead_away: bool = False
    ) -> Callable[[str, str], float]:
        """`procedure_weight` for a worry of these kinds: the clauses giving their own procedure, in its
        words or under a heading in them ("Allegations against staff"), weigh most; the route of another
        kind of harm ("9 The Prevent Duty" for a child hit at home) least; the lead's own steps after a report,
        and the route for when the usual one fails or its person can't be reached count half; the latter
        counts double when `lead_away` (the message says they can't be reached)."""

        def weight(clause_text: str, heading: str) -> float:
            lowered, heading = clause_text.lower(), heading.lower()
            opening = f"{heading}\n{' '.join(lowered.split()[:OPENING_WORDS])}"  # read once, for every route
            if any(prefer.search(f"{heading}\n{lowered}") for _, prefer in situations):
                kind = SITUATION_WEIGHT
            elif any(route.search(opening) for route in self.harm_routes):
                kind = OTHER_HARM_WEIGHT
            else:
                kind = 1.0
            lead = self.lead_duty is not None and self.lead_duty.search(lowered) is not None
            unreachable = bool(self.unreachable_route and self.unreachable_route.search(lowered))
            # the way round the lead in a later sentence ("Tell the DSL... If the DSL is not available, tell the
            # Deputy DSL") serves a message saying they are away, and is no fallback otherwise
            around = lead_away and (unreachable or self._says_route_around_lead(lowered))
            fails = bool(self.fallback_route and self.fallback_route.search(lowered))
            fallback = kind != SITUATION_WEIGHT and (fails or (unreachable and not lead_away))
            emergency = urgent and bool(self.emergency_route and self.emergency_route.search(f"{heading}\n{lowered}"))
            return (
                self.procedure_weight(clause_text)
                * kind
                * (EMERGENCY_WEIGHT if emergency else 1.0)
                * (LEAD_DUTY_WEIGHT if lead else 1.0)
                * (FALLBACK_WEIGHT if fallback else 1.0)
                * (AWAY_WEIGHT if around else 1.0)
            )

        return weight

    def _says_route_around_lead(self, lowered: str) -> bool:
        route = self.unreachable_route
        return route is not None and any(route.search(sentence) for sentence in _SENTENCE_BREAK.split(lowered)[1:])

    def signs_of_harm(self, text: str) -> float:
        """The weight of the distinct signs of harm a message mentions."""
        if self.sign_words is None:
            return 0.0
        found = {_unapostrophed(sign) for sign in self.sign_words.findall(text)}
        if self.accidental is not None and self.accidental.search(text):
            found -= self.injury_signs  # "a black eye at cricket, the ball came off his pad"
        return sum(self.signs[sign] for sign in found)

    def assess(self, message: str) -> Assessment:
        """A concern describes harm happening to someone; asking what the policy says about harm is not one."""
        text = _lowered(message)
        for pattern in self.activity_subject:  # "a play about county lines" tells of a play
            text = pattern.sub(_subject_as_it, text)
        about_someone = any(p.search(text) for p in self.incident)
        real = self._real_case(text)
        topic = not real and any(p.search(text) for p in (*self.topic_question, *self.purpose))
        concern = about_someone and not topic and self._describes_harm(text, real)
        return Assessment(concern=concern, immediate_danger=concern and any(p.search(text) for p in self.danger))

    def _real_case(self, text: str) -> bool:
        """The message tells of something that happened to someone real, and is no hypothetical ("what if a child
        told me..."): someone told or showed the writer, without a condition ("if a lad..."), or it is going on to
        someone who may be at risk, and is not asked for a training session or a quiz."""
        if any(p.search(text) for p in self.hypothetical):
            return False
        if any(p.search(text) for p in self.disclosure) and not any(p.search(text) for p in self.conditional):
            return True
        return (
            any(p.search(text) for p in self.ongoing)
            and any(p.search(text) for p in self.at_risk)
            and not any(p.search(text) for p in self.purpose)
        )

    def _asks_whether_harm(self, text: str) -> bool:
        """The writer asks whether what happens to someone at risk is harm ("does it count as neglect?"), or
        whether to report what an adult keeps doing to them ("the coach keeps..., is that reportable?")."""
        if not any(p.search(text) for p in self.at_risk):
            return False  # (checked here too: a disclosure is a real case about anyone, "a colleague told me")
        if any(p.search(text) for p in self.asks_whether_harm):
            return True
        return (
            any(p.search(text) for p in self.asks_whether_to_report)
            and any(p.search(text) for p in self.adult_conduct)
            and not any(p.search(text) for p in self.everyday_conduct)
        )

    def _adult_red_flag(self, text: str) -> bool:
        """An adult does, or means to do, what a worry is made of with someone at risk: being alone with them
        overnight, at home or away from the others, photographing them where they change, making it a secret. A
        worry in a real case ("can a coach take one of the girls away for a comp on his own? he's already booked
        the hotel") or about a particular adult ("is it normal that one of the leaders has a 15yo round his flat on
        her own?"); asked in general ("can a coach take a child away on his own?"), a question."""
        return (
            self.adult_named is not None
            and self.adult_named.search(text) is not None
            and any(p.search(text) for p in self.at_risk)
            and any(p.search(text) for p in self.adult_red_flags)
        )

    def _describes_harm(self, text: str, real: bool) -> bool:
        """A harm pattern, a real case about someone at risk that the writer asks is harm ("is that reportable?"),
        an adult's red flag in a real case or about a particular adult, enough signs of harm (half as many with
        the writer's unease; when the writer asks about their own step, only in a real case), or the model: surer
        when the writer asks about their own action ("was that a bad idea?"), which is most often a question, and
        not at all for news told with pride or relief or as already handled, or for criticism of the organisation."""
        if any(p.search(text) for p in self.harm):
            return True
        if real and self._asks_whether_harm(text):
            return True
        if (real or any(p.search(text) for p in self.adult_conduct)) and self._adult_red_flag(text):
            return True
        own = any(p.search(text) for p in self.own_conduct)
        # the writer asking about their own action ("ok if i meet her for a coffee?") names the signs of the conduct
        # they ask about; told with what happened ("he hid under his bed... was that wrong?"), signs they saw
        signs = 0.0 if own and not real else self.signs_of_harm(text)
        if signs >= self.signs_needed or (signs >= self.signs_needed / 2 and any(p.search(text) for p in self.worry)):
            return True
        if self.model is None or any(p.search(text) for p in self.not_on_the_model):
            return False
        if own:
            return self.model.probability(text) >= max(self.own_conduct_probability, self.model.threshold)
        return self.model.describes_worry(text)


def _subject_as_it(found: re.Match[str]) -> str:
    """The words found, their group `subject` read as "it": "a play about it", "the it film"."""
    text = found.string
    return f"{text[found.start() : found.start('subject')]}it{text[found.end('subject') : found.end()]}"


def _lowered(message: str) -> str:
    """The message as the patterns read it: lower case, one space between words, straight apostrophes."""
    return " ".join(straight_apostrophes(message.lower()).split())


def _adult_conduct(adults: tuple[str, ...], others: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """An adult keeps doing something ("the coach at our club keeps messaging her"), the writer asks about an adult
    doing it ("is it normal for the swim coach to be in the girls changing room?"), or names a particular adult in
    a role of trust ("one of the leaders", "her coach", "the new assistant leader", "volunteer steve took..."; "her
    dad" alone is nobody in particular). Not what children get from adults ("the kids keep getting told off by the
    dinner staff"): most of it is everyday school life."""
    if not adults and not others:
        return ()
    named, in_a_role = _one_of(adults + others), _one_of(adults)
    doing = r"(?:keeps|keep|has (?:been|started)|is (?:always|constantly)|always|insists on|insisted on)"
    did = r"(?:took|filmed|recorded|touched|sent|gave|asked|told|showed|drove|kissed|added|followed|messaged)"
    does = (
        r"(?:takes|films|records|touches|sends|gives|asks|tells|shows|drives|kisses|follows|adds|likes|messages|texts)"
    )
    return (
        re.compile(rf"\b{named}s?\b(?: [\w']+){{0,4}} {doing}\b"),
        re.compile(rf"\b(?:that|for) (?:a|an|the|our|my|one of (?:our|the)) (?:\w+ ){{0,2}}{named}s?\b"),
        # a particular adult in a role of trust: "one of the leaders", "her coach", "our new leader" (not "her dad",
        # nor "our leaders")
        re.compile(rf"\bone of (?:our|the) (?:\w+ ){{0,2}}{in_a_role}(?:e?s)?\b"),
        re.compile(rf"\b(?:her|his|their|our|new) (?:\w+ ){{0,2}}{in_a_role}\b"),
        # ...or by name, telling what they did or do: "volunteer steve took photos of...", "gary follows..."
        re.compile(rf"\b{in_a_role} [a-z]+ (?:{did}|{does})\b"),
        # ...or what one was seen doing or is doing: "the parent helper on the trip was filming...", "is asking..."
        re.compile(rf"\b{in_a_role}\b(?: [\w']+){{0,4}} (?:was|were|is) (?:\w+ing)\b"),
    )


def _one_of(words: tuple[str, ...]) -> str:
    """A group matching any of the words, longest first (none: a group that never matches)."""
    if not words:
        return "(?!)"
    return "(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")"


def _any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of the words, as whole words, in the singular or the plural."""
    return re.compile(rf"\b{_one_of(words)}s?\b") if words else None


def _alternation(words: dict[str, float]) -> re.Pattern[str] | None:
    """One pattern finding any of the words or phrases, longest first, as whole words, their apostrophes typed or
    not ("won't go home", "wont go home")."""
    return re.compile(rf"\b({_one_of(tuple(words))})\b".replace("'", "'?")) if words else None


def _unapostrophed(words: str) -> str:
    """The words as a sign is known by, however its apostrophes were typed."""
    return words.replace("'", "")
