"""Answer a policy question: quote the clauses that answer it, or say the policy doesn't.

The decisions live here: whether a message is a safeguarding concern (point to reporting first),
whether the best clause is good enough to quote (else `no_match` and who to ask; a question asking for an
amount, or whose job something is, needs a clause that says), and whether a quoted document is past its
stated review date.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial

from assistant import messages
from assistant.ages import asks_age_limit, states_age_limit
from assistant.amounts import Amount, asked_amount, gives_amount
from assistant.concerns import ConcernDetector
from assistant.duties import SafeguardingRole, asks_whose_job, names_whose_job
from assistant.errors import EmptyQuestion
from assistant.knowledge import KnowledgeBase, load_knowledge
from assistant.models import Answer, AnswerStatus, DocumentInfo, Hit, StaleNotice
from assistant.retrieval import ClauseIndex, Ranked, build_index
from assistant.semantic import REACH, SemanticReranker, load_reranker
from assistant.settings import CoreSettings
from assistant.text_analysis import straight_apostrophes

QUESTION_MAX = 2000  # characters considered; a longer message is still answered, from its start
DEFAULT_TOP_K = 3

# How sure retrieval must be before a clause is quoted. A clause is quoted when it covers enough
# of the question's informative words (idf-weighted), and its score is a real match.
MIN_COVERAGE = 0.1
# (5.5 until the held-out question sets showed every one of them losing answerable questions to it)
MIN_SCORE = 5.25
# ...or, when a clause covers this share of the question, a lower score: in a policy about one subject
# ("bullying" in every clause) its words weigh little, so a full match still scores low
WIDE_COVERAGE = 0.5
MIN_SCORE_WIDE = 2.5
# ...or, with a score this strong, a smaller share: a question told with a long scene ("bouncy castle, face
# painting, the sack race") whose asking words the clause matches closely
STRONG_SCORE = 25.0
STRONG_MIN_COVERAGE = 0.05
REPORTING_BOOST = 1.5  # weight of the reporting vocabulary when finding clauses for a concern
SITUATION_BOOST = 3.0  # weight of the words of a kind of worry's own procedure (allegations, secrets)
CONCERN_CANDIDATES = 50  # clauses considered for what to do with a worry
ROLE_HOLDER_REACH = 10  # clauses read for the one naming who holds a safeguarding role
HEADCOUNT_REACH = 5  # ...and for the one counting people: a limit is stated once, below clauses sharing its scene
ANSWER_AFTER_PROCEDURE = 3  # with this many clauses quoted for a worry, the last is the best plain match
_A_WORD = re.compile(r"[^\W\d_]{2}")  # a question has at least one word of two letters
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# characters that show as nothing, pasted in with text from web pages and other apps: a soft hyphen, zero-width
# spaces and joiners, direction marks, a byte order mark. Inside a word ("fri\u200bend") they would split it in two
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


# a greeting before a message and a sign-off after it are no part of what it asks or tells, and the learned worry
# check reads every word: "hi all." leads many an everyday question
_GREETING = re.compile(
    r"^(?:(?:hi|hey|hiya|hello)(?: (?:all|everyone|team|guys|folks|there))?\b[\s,.!:;-]*"
    r"|(?:good )?(?:morning|afternoon|evening)(?: (?:all|everyone|team|guys|folks))?[,.!:;-]+\s*)+",
    re.IGNORECASE,
)
# ...after the message's last sentence: "...who do i tell?? thanks!!", "...ok?, cheers x" (not "can i say thanks")
_SIGN_OFF = re.compile(
    r"(?:(?<=[,.!?])\s*(?:thanks|thank you|many thanks|thx|ty|cheers|tia)\b[\s,.!x]*)+$", re.IGNORECASE
)


def without_pleasantries(question: str) -> str:
    """The question without a greeting before it or a sign-off after it; as it is when that would leave no words."""
    trimmed = _SIGN_OFF.sub("", _GREETING.sub("", question)).strip()
    return trimmed if _A_WORD.search(trimmed) else question


def clean_question(raw: str) -> str:
    """Whitespace collapsed, control and invisible characters dropped, apostrophes straight, at most QUESTION_MAX
    characters."""
    visible = _INVISIBLE.sub("", _CONTROL.sub(" ", raw[: QUESTION_MAX * 4]))
    return straight_apostrophes(" ".join(visible.split())[:QUESTION_MAX])


# a way a clause may give the fact a question asks for, and how many of the first matches to read for it
Giving = tuple[Callable[[str], bool], int]


class PolicyAdvisor:
    """The core's policy-answering API. Build once at startup; `answer` is cheap."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        *,
        contact: str,
        today: Callable[[], date] = lambda: datetime.now(UTC).date(),
        reranker: SemanticReranker | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.reranker = reranker
        self._lock = threading.Lock()
        self.contact = contact
        self._today = today
        self.index: ClauseIndex = build_index(knowledge.clauses, knowledge.vocabulary)
        texts = [clause.text for clause in knowledge.clauses]
        self._role = SafeguardingRole.titled(knowledge.concerns.lead_titles).held_in(texts)
        self._detector = ConcernDetector.from_lexicon(knowledge.concerns, knowledge.worry_model).with_roles_named_in(
            texts, self._role
        )
        self._by_title = {doc.title: doc for doc in knowledge.documents}

    @property
    def documents(self) -> tuple[DocumentInfo, ...]:
        return self.knowledge.documents

    async def answer(self, question: str, *, top_k: int = DEFAULT_TOP_K) -> Answer:
        # in a worker thread: with the semantic re-ranker a question new to it takes a few tenths of a
        # second, long enough to stall a bot's heartbeat and its other users' replies
        return await asyncio.to_thread(self.answer_now, question, top_k=top_k)

    def answer_now(self, question: str, *, top_k: int = DEFAULT_TOP_K) -> Answer:
        """The same as `answer`, for callers outside an event loop (benchmarks, the eval)."""
        with self._lock:  # one at a time: the index and the re-ranker keep caches
            return self._answer_now(question, top_k)

    def _answer_now(self, question: str, top_k: int) -> Answer:
        shown = clean_question(question)
        if not _A_WORD.search(shown):
            raise EmptyQuestion(messages.EMPTY_QUESTION)
        text = without_pleasantries(shown)  # what is asked or told, read without "hi all." or "thanks!!"
        top_k = max(1, min(top_k, 20))
        assessment = self._detector.assess(text)
        if assessment.concern:
            route = self._detector.route(text)
            reporting = [(self.knowledge.concerns.reporting_terms, REPORTING_BOOST)]
            reporting += [(words, SITUATION_BOOST) for words, _ in route.situations]
            ranked = self.index.search(text, limit=CONCERN_CANDIDATES, extra=reporting)
            # what to do with the worry comes first: ordered by match and by how much it reads as a
            # procedure, this kind of worry's own procedure (allegations against staff, secrets) most
            clauses = self.knowledge.clauses
            weight = self._detector.procedure_weigher(
                route.situations, urgent=assessment.immediate_danger, lead_away=route.lead_away
            )
            ranked.sort(key=lambda r: (-r.score * weight(clauses[r.index].text, clauses[r.index].heading), r.index))
            hits = ranked[:top_k]
            # ...and, last, the clause that best matches the message itself, when it too says what to do: this
            # kind of worry's own steps told in the message's words ("If a parent tells you their child is lost")
            # found by a search of its own, without the reporting words; only when there is room to quote it. A
            # plain rule the worry is about ("staff must not message pupils") gives way to the next step.
            asked = self.index.search(text, limit=1, worry=True) if top_k >= ANSWER_AFTER_PROCEDURE else []
            plain = clauses[asked[0].index] if asked else None
            if (
                plain is not None
                and self.confident(asked[0])
                and asked[0].index not in {r.index for r in hits}
                and weight(plain.text, plain.heading) > 1.0  # above a plain rule's: whom to tell, how soon, its route
            ):
                hits = [*hits[: top_k - 1], asked[0]]
            return self._answer(shown, AnswerStatus.CONCERN, hits, assessment.immediate_danger)
        judged = max(top_k, DEFAULT_TOP_K)
        sought = self._role.by_title(text)  # "what if the problem is with scarzy?", their DSL
        gives = _what_answers(sought, self._role)
        looked = max([judged, *(reach for _, reach in gives)])
        ranked = self.index.search(sought, limit=max(looked, REACH if self.reranker else 0))
        # judged on the strongest of the first few matches, which need not be the one ordered first,
        # and the same however many clauses are asked for
        strongest = max(ranked[:judged], key=lambda r: r.strength, default=None)
        if strongest is None or not self.confident(strongest) or self.index.missing_topics(sought, ranked[0].index):
            return self._answer(shown, AnswerStatus.NO_MATCH, [], False)
        # "what's the mileage rate?" is answered by a clause stating one, "who runs the facebook page?" by one
        # saying whose job it is; or not at all
        if gives:
            ranked = self._first_giving(ranked, judged, gives)
            if not ranked:
                return self._answer(shown, AnswerStatus.NO_MATCH, [], False)
        if self.reranker is not None:  # only the order of an answer already decided on
            ranked = self.reranker.rerank(sought, ranked, self.knowledge.clauses)
        return self._answer(shown, AnswerStatus.ANSWERED, ranked[:top_k], False)

    def _first_giving(self, ranked: list[Ranked], judged: int, gives: tuple[Giving, ...]) -> list[Ranked]:
        """For a question needing a clause that gives a particular fact: the first of the clauses read for it (the
        judged ones, or as many as the way of giving it reaches) that gives it (a time of day for "what time", a
        price for "how much is"; of several ways of giving it, the first that some clause does), put first if it is
        a confident match itself (a review date below the rule on who the policy applies to); else none."""
        for giving, reach in gives:
            for place, candidate in enumerate(ranked[: reach or judged]):
                if giving(self.knowledge.clauses[candidate.index].text) and (place == 0 or self.confident(candidate)):
                    return [candidate, *ranked[:place], *ranked[place + 1 :]]
        return []

    @staticmethod
    def confident(best: Ranked) -> bool:
        if best.coverage >= WIDE_COVERAGE:
            return best.score >= MIN_SCORE_WIDE
        if best.score >= STRONG_SCORE:
            return best.coverage >= STRONG_MIN_COVERAGE
        return best.coverage >= MIN_COVERAGE and best.score >= MIN_SCORE

    def _answer(self, text: str, status: AnswerStatus, ranked: list[Ranked], danger: bool) -> Answer:
        clauses = self.knowledge.clauses
        hits = tuple(Hit(clause=clauses[r.index], score=round(r.score, 4)) for r in ranked)
        return Answer(
            question=text,
            status=status,
            hits=hits,
            stale=self._stale(hits),
            contact=self.contact,
            immediate_danger=danger,
        )

    def _stale(self, hits: tuple[Hit, ...]) -> tuple[StaleNotice, ...]:
        today = self._today()
        notices: dict[str, StaleNotice] = {}
        for hit in hits:
            doc = self._by_title.get(hit.clause.document)
            if doc and doc.review_date and doc.review_date < today and doc.title not in notices:
                notices[doc.title] = StaleNotice(
                    document=doc.title, review_text=doc.review_text, review_date=doc.review_date
                )
        return tuple(notices.values())


def _what_answers(question: str, role: SafeguardingRole) -> tuple[Giving, ...]:
    """What a clause must give to answer the question, when it asks for a particular kind of fact: the ways a clause
    may give it, the most telling first (the lead named, before only their number given), each with how many of the
    first matches to read for one (0: the judged few)."""
    if asks_age_limit(question):
        return ((states_age_limit, 0),)
    if (amount := asked_amount(question)) is Amount.HEADCOUNT:
        # so many people said plainly, read deeper than any number that may count them ("at least six weeks")
        return (partial(gives_amount, kind=Amount.PEOPLE_COUNT), HEADCOUNT_REACH), (
            partial(gives_amount, kind=amount),
            0,
        )
    if amount:
        return ((partial(gives_amount, kind=amount), 0),)
    if role.asks_who_holds_role(question):
        # who holds the role is often told in a contacts table, below the clauses that only name the role
        return (role.names_role_holder, ROLE_HOLDER_REACH), (role.gives_role_contact, ROLE_HOLDER_REACH)
    if asks_whose_job(question):
        return ((names_whose_job, 0),)
    return ()


def configured_reranker(settings: CoreSettings) -> SemanticReranker | None:
    """The semantic re-ranker the settings ask for, or None. Raises ConfigurationError when a semantic model,
    question map or adapter that is set can't be read."""
    return load_reranker(
        settings.semantic_ranking,
        settings.semantic_model,
        settings.semantic_store,
        settings.semantic_tuning,
        settings.semantic_adapter,
    )


def build_advisor(settings: CoreSettings, knowledge: KnowledgeBase | None = None) -> PolicyAdvisor:
    """Load the knowledge once (unless given) and index it. Raises KnowledgeError naming any unreadable
    file, and ConfigurationError when a semantic model or question map that is set can't be read."""
    reranker = configured_reranker(settings)
    if knowledge is None:
        knowledge = load_knowledge(settings.knowledge)
    return PolicyAdvisor(knowledge, contact=settings.safeguarding_contact, reranker=reranker)
