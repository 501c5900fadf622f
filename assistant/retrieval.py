"""Clause ranking: BM25 over stems and vocabulary concepts, with typo repair. Pure functions, no I/O.

Questions and policies use different words for the same things ("kids" / "attendees", "pics" /
"images", "FB" / "Facebook"). Every text is analysed into features (`assistant/text_analysis.py`):
word stems (Snowball English), pairs of adjacent stems, and *concepts*: the synonym groups of
`knowledge/vocabulary.toml` whose words or phrases occur in it. A clause matches a question's word
through its concept, and the clause that uses the very word gets the stem's weight on top, so saying
what was asked still wins.
Words of the question that no clause uses are repaired against the index's own words with
rapidfuzz ("freind" -> "friend").

Scoring is BM25 (Robertson/Sparck Jones idf; k1 and b below) summed over the question's weighted
features, with the words of the sentence that actually asks weighted up and the words that kinds of
question are answered with ("who do I tell?") added. It runs on numpy over an inverted index whose
per-posting BM25 term weights are precomputed at build time, so a query costs one vector add per
feature. The top candidates are then re-ordered by how much of the question they cover, and by a
prior that prefers clauses that direct ("must", "should not") over introductions and furniture. A question
that tells a child's age prefers the clauses stated for that age (`assistant/ages.py`).

The index is built from batches of clauses, analysed together so that each distinct word is stemmed
once and numpy counts the features.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from spellchecker import SpellChecker

from assistant.ages import age_bounds, may_be_age, told_ages
from assistant.contacts import gives_contact_details, without_email_addresses
from assistant.models import Clause, Vocabulary
from assistant.reading import readable
from assistant.segmentation import FILL_IN, HEADING_PATH
from assistant.text_analysis import (
    STOPWORDS,
    Analyzer,
    TextFeatures,
    Tokens,
    expand,
    message_sentences,
    tokenize,
    tokenize_all,
)

K1 = 1.2
B = 0.4
WORD_WEIGHT = 0.6  # the question's own word, stemmed
CONCEPT_WEIGHT = 1.3  # a synonym group the question mentions
INTENT_WEIGHT = 0.8  # words the answers to this kind of question tend to use
BIGRAM_WEIGHT = 0.5  # two of the question's words side by side, as in the clause
FOCUS_WEIGHT = 1.5  # words of the sentence that asks, over the words that set the scene
SENSE_CHECKED_CLAUSES = 20  # clauses read to tell whether a word is used in its vocabulary sense
CONTEXT_WEIGHT = 0.3  # the intro line of a list item
HEADING_WEIGHT = 0.2  # the headings a clause sits under
MIN_CORPUS = 50  # clauses; see inverse_document_frequency
CANDIDATES = 50  # BM25 candidates re-ordered by coverage
SUBJECT_WORDS = 6  # a clause's first words: a topic named there is what the clause is about
PASSING_MENTION_WORDS = 30  # a clause this short is about what it names, not naming it in passing
COVERAGE_POWER = 0.25  # how strongly covering more of the question outranks repeating one word
# A vocabulary phrase of this many common words ("on my own", "just me and her", "after everyone's gone") is
# still something asked about, which the answer must cover. (Two-word ones, "my own", are too often filler.)
COMMON_WORDS_PHRASE = 3
# An answer is usually one sentence: a clause whose single sentence covers the question outranks one
# that matches the same words scattered over a long paragraph.
SENTENCE_WEIGHT = 3.0
SENTENCE_CANDIDATES = 20  # the strongest matches whose sentences are read again
SENTENCE_CACHE = 4096  # clauses whose analysed sentences are kept between questions
_CLAUSE_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
# Policies answer "can I...?" in their rules; clauses that direct ("must", "should not") are the
# likelier answer than introductions, definitions and document furniture. What follows a breach ("will be
# treated as misconduct") is a rule too, though it has no "must".
DIRECTIVE_WORDS = frozenset(
    "must should shouldnt never wont cannot only avoid prohibited required forbidden dont applies "
    "disciplinary dismissal dismissed misconduct sanction sanctions".split()
)
DIRECTIVE_PAIRS = frozenset(
    {("will", "not"), ("not", "permitted"), ("not", "allowed"), ("may", "not"), ("do", "not"), ("does", "not")}
)
# "staff have a responsibility to report..." directs; "we all have a responsibility to help prevent abuse" and
# "we accept the responsibility to" are what the organisation believes
_GIVES_A_DUTY = re.compile(
    r"(?<!\bwe )(?<!\bwe all )(?<!\bwe each )\b(?:have|has) (?:a|the) (?:responsibility|duty) to\b", re.IGNORECASE
)
# ...and so does a sentence opening with "No" and what it forbids ("**No flash photography** during games"), not
# "No one", "No later than", "No, ..."
_OPENS_WITH_NO = re.compile(
    r"(?:^|[.!?:]\s+|\*\*\s*)No (?!one\b|longer\b|later\b|sooner\b|matter\b|doubt\b|need\b|problem\b)[a-z]"
)
DIRECTIVE_PRIOR = 1.5
FURNITURE_PRIOR = 0.7  # very short lines and table rows: titles, signatures, dates
# a clause that is only a link ("[Working Together to Safeguard Children](https://...)") points elsewhere
REFERENCE_PRIOR = 0.5
_FORM_SEPARATOR = re.compile(r":[\s_.…]*(?:[-*•]\s+)?")  # a label's colon, the blank after it, the next bullet
MIN_FORM_FIELDS = 3
MAX_LABEL_WORDS = 8
FORM_PRIOR = 0.3  # a form's fields ("Age:") share a question's words and answer nothing
# an FAQ's entry ("Q: Can I ask a parent to film...? A: No...") answers one case in a question's own words, which
# match a staff question's better than the rule stating the point does: it weighs less than a rule, whatever it directs
_FAQ_ENTRY = re.compile(r"^\W*Q\s*[:.]")
FAQ_PRIOR = 0.85
# a list of other documents' titles under "should be read alongside the documents listed below:" points elsewhere
_READ_ALONGSIDE = re.compile(
    r"\b(?:read (?:alongside|in conjunction with|together with)|related (?:documents|policies)|"
    r"(?:documents|policies|procedures) (?:as )?listed below)\b",
    re.IGNORECASE,
)
MIN_LISTED_TITLES = 3
MAX_TITLE_WORDS = 12
# A clause defining a harm ("Sexual abuse is when...", "NEGLECT: Is the persistent failure...") names photos,
# the internet, ages and homes in passing: it answers a question about that harm, not one that shares them
_HARM = (
    r"(?:(?:physical|sexual|emotional|psychological|financial|material|domestic|discriminatory|organisational|"
    r"institutional|criminal|child sexual|online|peer[- ]on[- ]peer|child[- ]on[- ]child)\s+)?"
    r"(?:abuse|neglect|self[- ]neglect|exploitation|modern slavery|grooming|radicalisation|bullying|"
    r"cyber[- ]?bullying|harassment|trafficking|extremism)"
)
_DEFINES_HARM = re.compile(
    rf"^\W*({_HARM})\W*?(?:\s*[.:]\s*(?:{_HARM}\s+)?|\s+)"
    r"(?:is|are|involves|includes|may|can|means|refers|happens|occurs|anyone|when)\b"
    rf"|^\W*({_HARM})\W*\s+[–—-]\s+[a-z]",  # a harm and its signs: "Criminal exploitation – county lines, ..."
    re.IGNORECASE,
)
UNASKED_DEFINITION_PRIOR = 0.3
# ...and so does a section on one narrow harm ("9. The Prevent Duty"): its clauses on reporting ("has a concern
# that a group of attendees is at risk of radicalisation... must contact the Safeguard Lead") share the words of
# any question on raising something, yet answer only one about that harm
_NARROW_HARM = re.compile(
    r"\b(?:radicali[sz]\w*|extremis\w*|terroris\w*|prevent(?: duty| strategy| guidance|\s*$)|fgm|"
    r"female genital \w+|forced marriages?|honou?r[- ]based \w+|county lines|trafficking|modern slavery)",
    re.IGNORECASE,
)
# A question that tells a child's age ("Ellie (15)", "just turned 18") is asked of the clauses whose stated ages
# take it in ("swimmers under 16", "members aged 18 or over") over those stated for other ages
AGE_AGREES = 1.2
AGE_DISAGREES = 0.8
_LINK_ONLY = re.compile(r"\[[^\]]*\]\([^)]*\)[\s.,;:–-]*(?:\([^)]*\)|\[[^\]]*\]\([^)]*\)|[\s.,;:–-])*$")
# The people asking are staff and volunteers: a section addressed to parents or to the young people
# themselves ("Parent Guidance", "Students must not:") answers them less often than its twin for staff.
OTHERS_AUDIENCE = re.compile(
    r"\b(?:(?:guidance|advice|information|expectations?|rules|responsibilities|code of conduct|tips) for "
    r"(?:parents|carers|students|pupils|young people|children|members|players|participants|families)"
    r"|(?:parents?|carers?|students?|pupils?|young people|children|members|players|participants)(?:'|’)?s? "
    r"(?:guidance|must|should|code|responsibilities|rules|guide)"
    r"|what we expect of (?:parents|carers|members|young people|children|students|players))\b"
)
# A school policy's agreements for pupils and parents sit beside the staff one, their titles often run
# into their first paragraph by the extraction.
OTHERS_AGREEMENT = re.compile(
    r"\b(?:(?:pupil|student|learner|parent|carer)s?(?:'|’)?s? (?:acceptable use|aup|agreement)|class charter)\b"
)
STAFF_AUDIENCE = re.compile(
    r"\b(?:staff|volunteers?|employees?|coach(?:es)?|leaders?|instructors?|adults|workers?|practitioners?|"
    r"officers?|trustees?|committee)\b"
)
AUDIENCE_PRIOR = 0.85
# A policy's introduction says why it exists and what it covers; the rules that answer come after it. (Its
# title starts so, after any number: "1 INTRODUCTION AND PURPOSE", not "Photos for a purpose")
_INTRODUCTION_HEADING = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:introduction|purpose|aims?|background|policy statement|overview|who we are|"
    r"about us|"
    r"why (?:we have|this (?:policy|procedure|code|guidance|document))|"
    r"about this (?:policy|procedure|code|guidance|document))\b",
    re.IGNORECASE,
)
INTRODUCTION_PRIOR = 0.8
OPENING = 60  # characters of a clause read for a title its extraction ran into the text
# "Who is our DSL? how do I contact them?" is answered by the clause that names them with an email
# address or a phone number, not by the clauses that mention the role most often.
ASKS_FOR_CONTACT = re.compile(
    r"\bwho(?:'?s| is| are)\b(?! (?:responsible|allowed|meant|supposed|in charge))|\bcontact details\b"
    r"|\bhow (?:do|can|should) (?:i|we) (?:contact|reach|get hold of|get in touch with)\b"
    r"|\b(?:phone|mobile|contact|telephone) (?:number|no)\b|\bemail address\b|\bname (?:and|\+|&) number\b"
    r"|\bwhat(?:'?s| is) (?:the|their|his|her) (?:[\w-]+(?:'s|s'?) )?(?:number|email|mobile)\b|\bnumber for\b"
    r"|\bnumber (?:i|we|to) (?:can |could |should )?(?:actually |just )?(?:ring|call|phone)\b|\bwhat number\b"
)
CONTACT_BOOST = 2.0
OTHER_PARTY_PRIOR = 0.7  # see ClauseIndex._weigh_parties
# "can i give a parent my number?" asks about staff's own details: a rule on them, which a contacts list is not
_OWN_DETAILS = re.compile(
    r"\b(?:my|your|his|her|their|personal|own|private|home)"
    r"(?: (?:personal|own|private|mobile|phone|telephone|work))* (?:number|no|email|e-mail|contact details)\b"
)
NAMING_CLAUSES = 8  # clauses of one document using a word no other document uses: its name, its own terms
NAMED_DOCUMENT_BOOST = 1.3  # a question naming one of several loaded documents' organisations
BATCH = 20_000  # clauses indexed together: enough for numpy to pay, few enough to keep its arrays small
MIN_REPAIR_LENGTH = 5  # shorter words are too often real words ("sent", "many") to repair
_NONE = np.zeros(0, dtype=np.int64)  # no clauses


_ASKING = re.compile(
    r"^\s*(can|could|may|am|is|are|do|does|did|should|shall|would|will|what(?!\s+an?\b)|whats|what's|who|whos|"
    r"who's|how|when|where|which|why|any|ok|okay)\b",
    re.IGNORECASE,
)


def _token_span(text: str, found: re.Match[str]) -> range:
    """The positions, among `tokenize(text)`'s tokens, of the words a pattern found in the text."""
    return range(len(tokenize(text[: found.start()])), len(tokenize(text[: found.end()])))


def focused_tokens(question: str, min_content: int = 2) -> tuple[list[str], set[int]]:
    """The question's tokens, and the positions of those in the sentence that actually asks.

    Chat questions often set a scene first ("had an amazing day at the farm!!") and ask after
    ("can I post the group pics on my own insta?"); the asking sentence says what the answer is about.
    An asking sentence counts with `min_content` words that aren't stopwords: for ranking, two ("any
    tips?" adds little to the scene); for what a policy must cover, one will do ("whats the ratio").
    """
    tokens: list[str] = []
    focus: set[int] = set()
    sentences = message_sentences(question) or [question]
    for sentence in sentences:
        words = tokenize(sentence)
        content = [w for w in words if w not in STOPWORDS]
        asking = sentence.rstrip().endswith("?") or _ASKING.match(sentence)
        if len(sentences) > 1 and len(content) >= min_content and asking:
            focus.update(range(len(tokens), len(tokens) + len(words)))
        tokens.extend(words)
    # a question whose other sentences say nothing ("thanks!!", "hi all") is all asking, as if it were one sentence
    if all(i in focus or token in STOPWORDS for i, token in enumerate(tokens)):
        focus = set()
    return tokens, focus


def _stable_order(values: np.ndarray) -> np.ndarray:
    """np.argsort(values, kind="stable") of non-negative integers (below 2**63 / len(values)), faster: numpy
    sorts numbers (here each value with its position packed in) with vector instructions, not an argsort."""
    size = max(len(values), 1)
    packed = values.astype(np.int64)
    packed *= size
    packed += np.arange(len(values))
    packed.sort()
    packed %= size
    return packed


@dataclass(frozen=True)
class QueryTerm:
    feature: str
    weight: float
    slots: tuple[int, ...]  # which words of the question it stands for


@dataclass(frozen=True)
class Ranked:
    index: int  # position in the clause list the index was built from
    score: float
    coverage: float  # share of the question's informative words this clause matches (0..1)

    @property
    def strength(self) -> float:
        """How strongly the clause matches the question, however its words are spread over it."""
        return float(self.score * self.coverage**COVERAGE_POWER)


@dataclass
class ClauseIndex:
    analyzer: Analyzer
    size: int
    feature_ids: dict[str, int]
    idf: np.ndarray  # per feature id
    # postings, feature-major: clauses of feature f are posting_clause[posting_start[f]:posting_start[f + 1]],
    # with their precomputed BM25 term weights beside them
    posting_start: np.ndarray
    posting_clause: np.ndarray
    posting_weight: np.ndarray
    # the same rows clause-major, for checking which of a question's features a clause has
    clause_start: np.ndarray
    clause_features: np.ndarray
    priors: np.ndarray  # per clause: how likely a clause of its kind is an answer at all
    # every age range a clause states: its clause, youngest and oldest age
    age_clause: np.ndarray
    age_low: np.ndarray
    age_high: np.ndarray
    with_contact_details: np.ndarray  # clause numbers of the clauses giving an email address or phone number
    # with several documents loaded: a word only one of them uses, and often ("LEAPS", "attendees"), -> that
    # document, by its number in document_clauses (the clause numbers of each document)
    named_documents: dict[str, int]
    document_clauses: list[np.ndarray]
    known_words: dict[str, list[str]]  # first letter -> words the index knows, for typo repair
    texts: Sequence[str]  # each clause's own text, read again for the few candidates a question finds
    intents: tuple[tuple[re.Pattern[str], str], ...]  # kind of question -> words its answers use
    vocabulary_words: frozenset[str]
    topics: frozenset[str]  # concept ids of groups that name a subject a policy covers or not
    titled: frozenset[str] = frozenset()  # concept ids a document's title names: a "Social Media Policy" covers it
    about_the_policy: tuple[re.Pattern[str], ...] = ()  # questions about the policy's own scope
    asked_topics: tuple[tuple[re.Pattern[str], str], ...] = ()  # a topic's question pattern -> its concept id
    unranked: frozenset[str] = frozenset()  # concept ids of groups that only tell a topic is covered
    parties: frozenset[str] = frozenset()  # concept ids of the people a rule on reaching someone is about
    reaching: frozenset[str] = frozenset()  # concept ids of the ways of reaching someone
    # the features naming a harm -> the clauses defining it; they answer only a question naming it too
    definitions: tuple[tuple[frozenset[str], np.ndarray], ...] = ()
    # the features naming one narrow harm -> the clauses under a heading naming it; likewise, for plain questions
    narrow_sections: tuple[tuple[frozenset[str], np.ndarray], ...] = ()
    sentence_cache: dict[int, list[tuple[set[str], set[str]]]] = field(default_factory=dict)
    asked_cache: dict[str, frozenset[int]] = field(default_factory=dict)  # see `_asked_in`
    possessed_cache: dict[str, np.ndarray] = field(default_factory=dict)  # see `_naming_whose`

    def query_terms(
        self, question: str, focused: tuple[list[str], set[int]] | None = None
    ) -> tuple[list[QueryTerm], dict[int, float]]:
        """Weighted features of a question, and each informative word's weight (its slot). `focused`: the
        question's `focused_tokens`, when the caller has them already."""
        tokens, focus = focused or focused_tokens(question)
        tokens = [self.repair(token) for token in tokens]
        stems = self.analyzer.stem_all(tokens)
        terms: dict[str, QueryTerm] = {}
        slots: dict[int, float] = {}
        previous: tuple[int, str] | None = None
        seen: set[str] = set()
        framing = _asking_frame(tokens) | _habitual(tokens)
        content = _message_content(tokens)
        for position, stem in enumerate(stems):
            if tokens[position] in STOPWORDS or position in framing:
                continue
            if stem not in seen and position not in content:  # a word repeated is still one thing asked about
                seen.add(stem)
                slots[position] = self.idf_of(stem)
            if stem in self.feature_ids and stem not in terms:
                terms[stem] = QueryTerm(stem, WORD_WEIGHT, (position,))
            if previous is not None:
                pair = f"{previous[1]}_{stem}"
                if pair in self.feature_ids and pair not in terms:
                    terms[pair] = QueryTerm(pair, BIGRAM_WEIGHT, (previous[0], position))
            previous = (position, stem)
        for start, length, concepts in self.analyzer.matches(stems):
            if framing.issuperset(range(start, start + length)):
                continue  # "will i get in trouble" asks whether, as "am i allowed" does
            for concept in concepts:
                if concept not in self.feature_ids or concept in self.unranked:
                    continue
                span = tuple(range(start, start + length))
                if concept in terms:
                    span = tuple(sorted(set(terms[concept].slots) | set(span)))
                if length >= COMMON_WORDS_PHRASE and not slots.keys() & set(span):
                    slots[start] = self.idf_of(concept)  # once per concept: its span now covers this one
                terms[concept] = QueryTerm(concept, CONCEPT_WEIGHT, span)
        if focus:
            terms = {
                key: replace(term, weight=term.weight * FOCUS_WEIGHT) if focus.intersection(term.slots) else term
                for key, term in terms.items()
            }
        return list(terms.values()), slots

    def missing_topics(self, question: str, first: int | None = None) -> list[str]:
        """Words of the question's asking sentence that name a topic this policy never mentions.

        A word counts when the vocabulary knows what it is about (it belongs to synonym groups) and
        neither the word nor any of its groups occurs in the loaded policy, its titles included: "zoom" asked
        of a policy with nothing on video calls, "annual leave" of a social media policy. A group named in one
        clause only counts when that clause is `first`, the one the answer would quote first (see `_mentions`).
        Words the vocabulary doesn't know ("farm", "mural") set a scene and decide nothing. A topic's `asked`
        pattern finds the questions its words can't list ("can i drive one of the young people home"), and the
        policies ("never drop the girl home alone"). Only the asking sentence's words count, unless it points
        back to the scene ("is there a rule on that?").
        """
        lowered = question.lower()
        if any(pattern.search(lowered) for pattern in self.about_the_policy):
            return []  # "does the policy still apply on zoom?" is answered by its scope
        tokens, focus = focused_tokens(question, min_content=1)
        stems = self.analyzer.stem_all(tokens)
        matches = self.analyzer.matches(stems)
        # a word that starts a longer phrase is that phrase: "phone" in "phone them up" is calling, "online" in
        # "online lesson" a video call; and a phrase inside a longer one is the longer one ("get paid" in "get
        # paid back" is expenses, not pay)
        other_sense = {start for start, length, _ in matches if length > 1}
        longer = [(start, start + length) for start, length, _ in matches if length > 2]
        if focus and not any(start in focus for start, _, _ in matches):
            focus = set()  # "does leaps need me to do a fresh one?" names its subject in the scene before it
        if focus and _POINTS_BACK.search(" ".join(tokens[i] for i in sorted(focus))):
            focus = set()  # "is there a club rule on that?": what is asked about is in the scene
        # "what's the LADO's phone number?" of a policy giving the numbers in a table headed "Phone": the words
        # asking for the contact details are covered by the clauses giving them
        contact = (
            ASKS_FOR_CONTACT.search(lowered)
            if len(self.with_contact_details) and not _OWN_DETAILS.search(lowered)
            else None
        )
        asking_contact = _token_span(lowered, contact) if contact else range(0)
        missing: list[str] = []
        for start, length, concepts in matches:
            if focus and start not in focus:
                continue
            if start in asking_contact:
                continue
            if not self.topics.intersection(concepts):
                continue  # ordinary wording ("delete", "pick up") is never a missing topic
            if length == 1 and start in other_sense:
                continue
            if length > 1 and any(a <= start and start + length <= b and b - a > length for a, b in longer):
                continue
            if (
                _posted_about(tokens, start)
                or _posted_from(tokens, start)
                or _gone_for(tokens, start)
                or _put_online(tokens, start, start + length)
            ):
                continue  # "can I post about our funding?" asks about posting, whatever the post is about
            if _money_given_for(tokens, start):
                continue  # "tried to give me a £20 note for petrol": what a gift of money is for sets the scene
            if _a_thing_gone_missing(tokens, start):
                continue  # "his phone went missing at drop in": lost property, not a missing child
            if _how_news_came(tokens, start, start + length) or _when(tokens, start, start + length):
                continue  # "mum just text to say her brother's collecting", "at snack time": they set the scene
            if _pictured(tokens, start + length):
                continue  # "my account's mostly dog pics": what pictures show is no subject asked about
            # a topic-only group speaks for its words alone: "text" is covered by messages, not by "contact"
            deciding = [c for c in concepts if c in self.unranked] or concepts
            present = any(self._mentions(c, first) for c in deciding) or (
                length == 1 and self._uses_word(stems[start], deciding)
            )
            if not present:
                missing.append(" ".join(tokens[start : start + length]))
        asking = " ".join(tokens[i] for i in sorted(focus)) if focus else " ".join(tokens)
        for pattern, concept in self.asked_topics:
            if (found := pattern.search(asking)) and not self._mentions(concept, first):
                missing.append(found.group(0))
        return missing

    def _names_a_title(self, tokens: list[str]) -> bool:
        """The words name what a loaded document's title names ("anti-bullying" of an Anti-bullying Policy)."""
        return not self.titled.isdisjoint(self.analyzer.concepts(self.analyzer.stem_all(tokens)))

    def _mentions(self, concept: str, first: int | None) -> bool:
        """The loaded policy names the concept: in a document's title, in two clauses or more, in a short
        clause ("Be photographed or filmed if under 16"), as a clause's subject, or in the clause `first`.
        Named once in passing in a long clause (the "images" in a definition of sexual abuse, "chat" in a
        small club's steps for recruiting volunteers), it is not a subject the policy covers, however short
        the policy."""
        if concept in self.titled:
            return True
        having = self._clauses_with(concept)
        if len(having) > 1:
            return True  # most topics a question names: decided without reading the asked pattern's clauses
        named = {int(clause) for clause in having} | self._asked_in(concept)
        if len(named) != 1:
            return bool(named)
        clause = named.pop()
        return (
            clause == first or len(self.texts[clause].split()) <= PASSING_MENTION_WORDS or self._opens(clause, concept)
        )

    def _uses_word(self, stem: str, concepts: Sequence[str]) -> bool:
        """The loaded policy has the word, in the sense of its concepts: the "pet" of "no kisses or pet names" is
        no word on pets."""
        having = self._clauses_with(stem)
        if not len(having) or not self.analyzer.exception_starts:
            return bool(len(having))
        read = having[:SENSE_CHECKED_CLAUSES]  # a few tell: a library's thousand "pet names" are all one sense
        in_texts = [s for s in (self.analyzer.stem_all(tokenize(self.texts[int(c)])) for c in read) if stem in s]
        # (a word only in a clause's heading or context is read as it always was)
        return not in_texts or any(self.analyzer.uses_in_its_sense(s, stem, concepts) for s in in_texts)

    def _clauses_with(self, feature: str) -> np.ndarray:
        """The clause numbers having the feature (none for a feature the index never saw)."""
        fid = self.feature_ids.get(feature)
        return self.posting_clause[self.posting_start[fid] : self.posting_start[fid + 1]] if fid is not None else _NONE

    def _asked_in(self, concept: str) -> frozenset[int]:
        """Clauses that say the topic as its `asked` pattern finds it in a question, in words its group can't
        list ("never drop the girl home alone"). Read once per topic, when first needed."""
        if (cached := self.asked_cache.get(concept)) is not None:
            return cached
        patterns = [pattern for pattern, asked in self.asked_topics if asked == concept]
        found = frozenset(
            number
            for number, text in enumerate(self.texts if patterns else ())
            if any(p.search(" ".join(tokenize(text))) for p in patterns)
        )
        self.asked_cache[concept] = found
        return found

    def _opens(self, clause: int, concept: str) -> bool:
        """The concept is named in the clause's first words, as its subject ("When transporting children")."""
        opening = self.texts[clause].split()[:SUBJECT_WORDS]
        stems = self.analyzer.stem_all(tokenize(" ".join(opening)))
        return concept in self.analyzer.concepts(stems) or concept in stems

    def idf_of(self, feature: str) -> float:
        """How telling a feature is; one no clause has is as telling as can be."""
        fid = self.feature_ids.get(feature)
        if fid is None:
            return float(inverse_document_frequency(np.zeros(1), self.size)[0])
        return float(self.idf[fid])

    def _add(self, scores: np.ndarray, term: QueryTerm, weight: float) -> None:
        fid = self.feature_ids[term.feature]
        start, end = self.posting_start[fid], self.posting_start[fid + 1]
        scores[self.posting_clause[start:end]] += (weight * term.weight * self.idf[fid]) * self.posting_weight[
            start:end
        ]

    def repair(self, token: str) -> str:
        """A word no clause uses, replaced by the closest word the index knows, if one is close."""
        if len(token) < MIN_REPAIR_LENGTH or token in STOPWORDS or token.isdigit():
            return token
        stem = self.analyzer.stemmer.stemWord(token)
        if stem in self.vocabulary_words or stem in self.feature_ids or is_english_word(token):
            return token  # "scared" is not a misspelt "shared", nor "rules" of "roles"
        choices = self.known_words.get(token[0], [])
        allowed = 1 if len(token) < 8 else 2  # edits, a swap of two letters counting as one
        match = process.extractOne(token, choices, scorer=DamerauLevenshtein.distance, score_cutoff=allowed)
        return match[0] if match else token

    def search(
        self, question: str, limit: int = 10, extra: Sequence[tuple[str, float]] = (), *, worry: bool = False
    ) -> list[Ranked]:
        """Clauses best first. `extra` adds weighted queries of their own (e.g. reporting words). A `worry` (as any
        search with `extra`) may be about a narrow harm it never names ("he says migrants are invading")."""
        focused = focused_tokens(question)
        terms, slots = self.query_terms(question, focused)
        scores = np.zeros(self.size, dtype=np.float64)
        for term in terms:
            self._add(scores, term, 1.0)
        lowered = question.lower()
        matched = bool(terms)
        # a kind of question stands for the words of the question that ask it: a clause in the words its
        # answers use ("transport") covers them ("dropping a few of the kids home"); but alone it finds nothing
        # when neither the policy's clauses nor its title use the question's own words ("what's the deadline for
        # ucas?"; not "who checks the anti-bullying stuff is working?" of an Anti-bullying Policy)
        covering = list(terms)
        for pattern, words in self.intents:
            if found := pattern.search(lowered):
                asked = tuple(_token_span(lowered, found))
                added, _ = self.query_terms(words)
                for term in added:
                    self._add(scores, term, INTENT_WEIGHT)
                covering += [replace(term, slots=asked) for term in added]
                matched = matched or (bool(added) and self._names_a_title(focused[0]))
        # a topic asked in words its group can't list ("can i drive one of the young people home") is asked
        joined = " ".join(focused[0])
        for pattern, concept in self.asked_topics:
            if concept in self.feature_ids and (found := pattern.search(joined)):
                start = joined[: found.start()].count(" ")
                term = QueryTerm(concept, CONCEPT_WEIGHT, tuple(range(start, start + found.group(0).count(" ") + 1)))
                self._add(scores, term, INTENT_WEIGHT)
                covering.append(term)
                matched = True
        for words, weight in extra:
            added, _ = self.query_terms(words) if words and weight else ([], {})
            for term in added:
                self._add(scores, term, weight)
            matched = matched or bool(added)
        # a worry told in words the policy never uses still finds its reporting clauses (the extras)
        if not matched or limit <= 0:
            return []
        scores *= self.priors
        named = {term.feature for term in terms}
        narrow = self.narrow_sections if not (worry or extra) else ()
        for harm, unasked in (*self.definitions, *narrow):
            if named.isdisjoint(harm):
                scores[unasked] *= UNASKED_DEFINITION_PRIOR
        if not extra and (told := told_ages(question)):  # a worry's reporting route is for any age
            self._weigh_ages(scores, told)
        if ASKS_FOR_CONTACT.search(lowered):
            scores[self.with_contact_details] *= CONTACT_BOOST
        if not named.isdisjoint(self.reaching):
            self._weigh_parties(scores, named)
        for document in {self.named_documents[t.feature] for t in terms if t.feature in self.named_documents}:
            scores[self.document_clauses[document]] *= NAMED_DOCUMENT_BOOST
        # BM25 finds candidates; the share of the question they cover orders them
        count = min(max(limit, CANDIDATES), self.size)
        top = np.argpartition(-scores, count - 1)[:count] if count < self.size else np.arange(self.size)
        if len(party := self.parties & named) == 1:  # "friends with the young people": not "parents of attendees"
            self._weigh_possessed(scores, top, next(iter(party)))
        ranked = [
            Ranked(int(i), float(scores[i]), self.coverage(covering, slots, int(i))) for i in top if scores[i] > 0
        ]
        ranked.sort(key=lambda r: (-r.strength, r.index))
        head, tail = ranked[:SENTENCE_CANDIDATES], ranked[SENTENCE_CANDIDATES:]
        in_one_sentence = self._sentence_coverage(covering, slots, [r.index for r in head])
        head.sort(key=lambda r: (-r.strength * (1 + SENTENCE_WEIGHT * in_one_sentence[r.index]), r.index))
        # the same words twice in a policy (a contact repeated under two headings) are quoted once
        first_of_its_words = {self.texts[r.index]: r for r in reversed(head + tail)}
        ranked = [r for r in head + tail if first_of_its_words[self.texts[r.index]] is r]
        return ranked[:limit]

    def _weigh_parties(self, scores: np.ndarray, named: set[str]) -> None:
        """A question on reaching one party ("can i text the parents from my own phone?") is seldom answered by a
        rule on reaching only another ("a work phone for communicating with attendees")."""
        asked = self.parties & named
        if len(asked) != 1:
            return  # neither named, or both ("a mum asking about another child")
        elsewhere = np.zeros(self.size, dtype=bool)
        for party in self.parties - asked:
            elsewhere[self._clauses_with(party)] = True
        elsewhere[self._clauses_with(next(iter(asked)))] = False
        scores[elsewhere] *= OTHER_PARTY_PRIOR

    def _weigh_possessed(self, scores: np.ndarray, candidates: np.ndarray, asked: str) -> None:
        """A question about one party alone ("can i be friends with the young people on fb?") is seldom answered by
        a clause naming that party only as another's ("accepting parents of attendees as friends"): among the
        candidates, such a clause is weighed as a rule on the other party."""
        others = self.parties - {asked}
        # only a clause with a word of another party beside one of this party's can be one; reading each is slower
        for clause in np.intersect1d(candidates, self._naming_whose(asked, others)).tolist():
            if self._only_possessed(clause, asked, others):
                scores[clause] *= OTHER_PARTY_PRIOR

    def _naming_whose(self, asked: str, others: frozenset[str]) -> np.ndarray:
        """Clauses with a word of another party side by side with one of the asked party's, stopwords between them
        skipped ("parents of attendees" is indexed as the pair "parent_attende"). Found once per party."""
        if (cached := self.possessed_cache.get(asked)) is not None:
            return cached

        def stems(concepts: frozenset[str]) -> set[str]:
            phrases = self.analyzer.phrases.items()
            return {stem for phrase, ids in phrases if concepts.intersection(ids) for stem in phrase}

        pairs = [f"{other}_{own}" for other in stems(others) for own in stems(frozenset({asked}))]
        found = [self._clauses_with(pair) for pair in pairs if pair in self.feature_ids]
        self.possessed_cache[asked] = np.unique(np.concatenate(found)) if found else _NONE
        return self.possessed_cache[asked]

    def _only_possessed(self, clause: int, party: str, others: frozenset[str]) -> bool:
        """Every mention of `party` in the clause only says whose someone of another party is: "parents/carers of
        attendees"."""
        tokens = tokenize(self.texts[clause])
        matches = self.analyzer.matches(self.analyzer.stem_all(tokens))
        mentions = [start for start, _, ids in matches if party in ids]
        if not mentions:
            return False
        other_ends = {start + length for start, length, ids in matches if not others.isdisjoint(ids)}

        def possessed(start: int) -> bool:
            before = start - 1
            while before >= 0 and tokens[before] in _POSSESSIVE_DETERMINERS:
                before -= 1
            return before >= 1 and tokens[before] == "of" and before in other_ends  # "parents of attendees"

        return all(possessed(start) for start in mentions)

    def _weigh_ages(self, scores: np.ndarray, told: frozenset[int]) -> None:
        ages = np.fromiter(told, dtype=np.int64)
        takes_in = ((self.age_low[:, None] <= ages) & (ages <= self.age_high[:, None])).any(axis=1)
        stated = np.unique(self.age_clause)
        agreeing = np.unique(self.age_clause[takes_in])
        scores[stated] *= AGE_DISAGREES
        scores[agreeing] *= AGE_AGREES / AGE_DISAGREES

    def _sentence_coverage(
        self, terms: list[QueryTerm], slots: dict[int, float], clauses: list[int]
    ) -> dict[int, float]:
        """Per clause, the largest share of the question's informative words found in one of its sentences."""
        total = sum(slots.values())
        by_stem: dict[str, set[int]] = defaultdict(set)
        by_concept: dict[str, set[int]] = defaultdict(set)
        for term in terms:
            if term.feature.startswith("~"):
                by_concept[term.feature].update(term.slots)
            elif "_" not in term.feature:  # pairs add nothing a sentence's single words don't
                by_stem[term.feature].update(term.slots)
        result: dict[int, float] = {}
        for clause in clauses:
            best = 0.0
            for stems, concepts in self._sentences(clause) if total > 0 else ():
                found = set().union(*(by_stem.get(stem, ()) for stem in stems))
                found = found.union(*(by_concept.get(concept, ()) for concept in concepts))
                best = max(best, sum(slots.get(slot, 0.0) for slot in found) / total)
            result[clause] = best
        return result

    def _sentences(self, clause: int) -> list[tuple[set[str], set[str]]]:
        """A clause's sentences as (stems, concepts), kept for the clauses asked about most."""
        if (cached := self.sentence_cache.get(clause)) is not None:
            return cached
        analysed = []
        for sentence in _CLAUSE_SENTENCE.findall(self.texts[clause]):
            stems = self.analyzer.stem_all(tokenize(sentence))
            analysed.append((set(stems), self.analyzer.concepts(stems)))
        if len(self.sentence_cache) >= SENTENCE_CACHE:
            del self.sentence_cache[next(iter(self.sentence_cache))]  # the oldest entry
        self.sentence_cache[clause] = analysed
        return analysed

    def coverage(self, terms: list[QueryTerm], slots: dict[int, float], clause: int) -> float:
        """Share of the question's informative words (idf-weighted) found in a clause, as word or concept."""
        total = sum(slots.values())
        if total <= 0:
            return 0.0
        start, end = self.clause_start[clause], self.clause_start[clause + 1]
        features = set(self.clause_features[start:end].tolist())
        matched: set[int] = set()
        for term in terms:
            if self.feature_ids[term.feature] in features:
                matched.update(term.slots)
        return sum(weight for slot, weight in slots.items() if slot in matched) / total


# words for putting something online or saying it in public, or arguing there: what such a post is "about" is
# its content
_POSTING = frozenset(
    "post posts posted posting share shares shared sharing tweet tweeted tweeting comment commented commenting "
    "rant ranted ranting moan moaned moaning write wrote writing blog blogged blogging vent vented venting "
    "argument arguments arguing argue argued debate debating discussion discussing thread threads slagging "
    "complaining gossip gossiping story stories article articles".split()
)
_ABOUT_WINDOW = 8  # words between the posting word and "about"
_ABOUT_REACH = 5  # words between "about" and the subject of the post


_POSSESSIVE_DETERMINERS = frozenset({"the", "our", "their", "your", "its", "these", "those", "all"})
_PERMISSION = frozenset({"allowed", "permitted"})
_HEDGES = frozenset({"even", "actually", "still", "really", "ever"})
_ASKER = frozenset({"i", "we", "it"})
_TO_BE = frozenset({"am", "are", "is", "was", "were"})
_BEING = _TO_BE | {"be", "been", "being", "get", "gets", "got", "getting"}
_INTO = frozenset({"in", "into"})


def _asking_frame(tokens: list[str]) -> set[int]:
    """Positions of "allowed" framing the asker's own question ("am i allowed to...", "are we even allowed"): it asks
    whether, and is no word of what is asked about (as it is in "are parents allowed to film?"); and of "in trouble"
    asked of themselves ("is that allowed or will i get in trouble?"), which asks the same."""
    framing = set()
    for position, token in enumerate(tokens):
        if token in _PERMISSION:
            before = [word for word in tokens[max(0, position - 4) : position] if word not in _HEDGES]
            if len(before) >= 2 and before[-1] in _ASKER and before[-2] in _TO_BE:
                framing.add(position)
        elif token == "trouble" and position >= 3 and tokens[position - 1] in _INTO:
            before = tokens[max(0, position - 5) : position - 1]
            if _ASKER.intersection(before) and _BEING.intersection(before):
                framing.update((position - 1, position))
    return framing


def _habitual(tokens: list[str]) -> set[int]:
    """Positions of "used" saying what someone did once ("a lad who used to come"): no use of anything, as it is in
    "can phones be used to film?"."""
    return {
        position
        for position, token in enumerate(tokens[:-1])
        if token == "used" and tokens[position + 1] == "to" and (position == 0 or tokens[position - 1] not in _BEING)
    }


# getting in touch to say something: what the message says is no subject the policy must share ("can i text the
# badgers to remind them to bring their triangular bandage?" asks about texting them)
_REACHING = frozenset(
    "text texts texting message messages messaging msg email emails emailing whatsapp ring phone call dm".split()
)
_PURPOSE = frozenset("remind tell let ask say check invite confirm update warn chase arrange".split())
_REACH_TO_PURPOSE = 5  # words between the reaching word and "to" ("text the parents of the u12s to")
_CONTENT_WORDS = 8  # words of the message's content read after its purpose


def _message_content(tokens: list[str]) -> set[int]:
    """Positions of what a message is to say, after the word for sending it and its purpose ("text them to
    remind them to bring their kit": "them to bring their kit")."""
    content: set[int] = set()
    for position, token in enumerate(tokens):
        if token not in _REACHING:
            continue
        window = tokens[position + 1 : position + 2 + _REACH_TO_PURPOSE]
        for offset, word in enumerate(window[:-1]):
            if word == "to" and window[offset + 1] in _PURPOSE:
                start = position + offset + 3
                content.update(range(start, min(start + _CONTENT_WORDS, len(tokens))))
                break
    return content


def _any_before(tokens: list[str], end: int, words: frozenset[str], window: int) -> bool:
    """One of `words` among the `window` words before position `end`."""
    return any(token in words for token in tokens[max(0, end - window) : end])


def _posting_before(tokens: list[str], end: int) -> bool:
    """A posting word among the few words before position `end`."""
    return _any_before(tokens, end, _POSTING, _ABOUT_WINDOW)


def _posted_about(tokens: list[str], start: int) -> bool:
    """The words at `start` are what a post is about: "post about our funding", "a rant about the pay"."""
    # "about", "about our", "about the new", "about the project and our"
    for about in range(start - 1, max(-1, start - _ABOUT_REACH - 1), -1):
        if tokens[about] == "about":
            return _posting_before(tokens, about)
    return False


# putting something on a page: what is put there is what the post shows ("post the lunch menu on our facebook page")
_PUTTING = frozenset("post posts posted posting share shares shared sharing upload uploaded uploading mention".split())
_PAGES = frozenset(
    "insta instagram ig facebook fb twitter tiktok snapchat snap whatsapp youtube linkedin online page website "
    "story stories feed account".split()
)
_PUT_BEFORE = 5  # words between the putting word and the thing put ("post a link to my podcast")
_PUT_AFTER = 6  # words between the thing put and the page it goes on


def _put_online(tokens: list[str], start: int, end: int) -> bool:
    """The words from `start` to `end` are what is put on a page: "share the club's podcast on my insta"."""
    return _any_before(tokens, start, _PUTTING, _PUT_BEFORE) and any(
        token in _PAGES for token in tokens[end : end + _PUT_AFTER]
    )


# pictures and posts, named by what they show ("dog pics", "holiday photos", "football memes")
_PICTURES = frozenset(
    "pic pics photo photos picture pictures video videos vids meme memes reel reels selfie selfies".split()
)


def _pictured(tokens: list[str], end: int) -> bool:
    """The words ending before `end` say what pictures show: "dog pics", "my holiday photos"."""
    return end < len(tokens) and tokens[end] in _PICTURES


# filming or photographing: the phone it is done "on" is the camera, not the subject asked about
_RECORDING = frozenset(
    "video videos videoing videoed film films filming filmed record records recording recorded photograph "
    "photographs photographing photographed photo photos pic pics picture pictures".split()
)
_WHERE_OR_WHEN = frozenset({"from", "on", "in", "during"})
_WHOSE = frozenset({"my", "his", "her", "their", "our", "your"})


def _posted_from(tokens: list[str], start: int) -> bool:
    """The words at `start` are where or when a post was made, or what it was filmed on: "post from my own
    phone on my day off", "can they video her piece on their phone?"."""
    at = start - 1
    if at >= 0 and tokens[at] == "own":
        at -= 1
    if at < 1 or tokens[at] not in _WHOSE or tokens[at - 1] not in _WHERE_OR_WHEN:
        return False
    return _posting_before(tokens, at - 1) or _any_before(tokens, at - 1, _RECORDING, _ABOUT_WINDOW)


# going somewhere: what it is "for" is the errand, not the subject asked ("nip out to tesco for snacks")
_GOING = frozenset(
    "go goes going went nip nips nipping nipped pop pops popping popped head heads heading headed run runs "
    "running ran walk walks walking walked leave leaves leaving".split()
)
_ERRAND_REACH = 5  # words between the going word and "for"
_MONEY = frozenset("money cash note notes tenner tenners fiver fivers quid pounds coins".split())
_GIVING = frozenset("give gives gave given giving offer offers offered offering hand hands handed slip slipped".split())
_FOR_REACH = 3  # words from "for" to what the money is for ("for the bus fare")
_MONEY_REACH = 3  # words between the money and "for" ("a £20 note for")
_GIFT_REACH = 8  # words between the giving word and "for" ("tried to give me a £20 note for")


# what follows a word for getting in touch when it tells how news came: "text to say", "rang saying"
_REPORTED = (("to", "say"), ("to", "tell"), ("to", "let"), ("saying",), ("to", "ask"), ("asking",))
# ...unless the writer asks whether to do it: "can I text to say the bus is late?"
_ASKING_TO_DO = frozenset("i we can could should may to".split())


def _how_news_came(tokens: list[str], start: int, end: int) -> bool:
    """The words from `start` to `end` say how someone else got in touch, not what is asked: "mum just text to
    say her brother's collecting today", "a parent emailed asking..."."""
    if _any_before(tokens, start, _ASKING_TO_DO, 2):
        return False
    return any(tuple(tokens[end : end + len(words)]) == words for words in _REPORTED)


_UNTIL = frozenset({"til", "till", "until", "untill"})
_MEALS_AND_BREAKS = frozenset("snack snacks lunch lunchtime dinner tea breakfast break playtime registration".split())
# a club's own practice, when it is named as the time ("at training"): no course for staff
_PRACTICE = frozenset("training practice rehearsal rehearsals".split())
# an asking sentence whose subject is a word pointing back to the scene before it
_POINTS_BACK = re.compile(
    r"\b(?:on|about|for|with|allow|allowed) (?:that|this)\b"
    r"|\bwhat (?:do|should|can|would) (?:i|we) (?:tell|say|do)\b"
)


def _when(tokens: list[str], start: int, end: int) -> bool:
    """The words from `start` to `end` name a time of the day or session: "at snack time", "during break time", "at
    snack", "after training", "on the snow day", what everyone else is busy with: "busy with snack", or how long
    something lasts: "short til payday", "until the residential", "till her wages come in"."""
    if start > 0 and tokens[start - 1] in ("at", "during") and tokens[end : end + 1] == ["time"]:
        return True
    if (
        start > 0
        and tokens[start - 1] in ("at", "during", "after", "before")
        and (tokens[start] in _MEALS_AND_BREAKS or (end - start == 1 and tokens[start] in _PRACTICE))
    ):
        return True  # "had an accident at snack", "wear his gopro at training"
    if tokens[max(start - 2, 0) : start] == ["busy", "with"]:
        return True
    until = start - 2 if start > 0 and (tokens[start - 1] == "the" or tokens[start - 1] in _WHOSE) else start - 1
    if until >= 0 and tokens[until] in _UNTIL:
        return True
    return start > 1 and tokens[start - 2 : start] in (["on", "the"], ["on", "a"]) and tokens[end - 1] == "day"


# belongings that go missing: a missing phone is lost property, not a missing child
_BELONGINGS = frozenset(
    "phone phones iphone iphones mobile bag bags coat coats jacket wallet purse keys money cash trainers shoes tablet "
    "ipad laptop headphones airpods watch bike scooter kit".split()
)


_GOING_MISSING = frozenset({"went", "gone", "goes", "has", "go"})


def _a_thing_gone_missing(tokens: list[str], start: int) -> bool:
    """The words at `start` ("went missing") say a belonging went missing: "his phone went missing at drop in"."""
    return tokens[start] in _GOING_MISSING and _any_before(tokens, start, _BELONGINGS, 2)


def _gone_for(tokens: list[str], start: int) -> bool:
    """The words at `start` are what someone goes out for: "can the kids nip out to tesco for snacks?"."""
    if start < 1 or tokens[start - 1] != "for":
        return False
    return _any_before(tokens, start - 1, _GOING, _ERRAND_REACH)


def _money_given_for(tokens: list[str], start: int) -> bool:
    """The words at `start` are what money someone gives is for: "gave me a £20 note for petrol", "gave her a tenner
    for the bus" (not "can i claim £20 for petrol?", which asks about expenses)."""
    at = next((i for i in range(start - 1, max(-1, start - _FOR_REACH - 1), -1) if tokens[i] == "for"), None)
    if at is None:
        return False
    money = tokens[max(0, at - _MONEY_REACH) : at]
    return any(t in _MONEY or t.isdigit() for t in money) and _any_before(tokens, at, _GIVING, _GIFT_REACH)


@functools.cache
def _english() -> SpellChecker:
    return SpellChecker(language="en", distance=1)  # loaded on the first word that needs it


def is_english_word(word: str) -> bool:
    """A word of the English dictionary (pyspellchecker's), so not a typo to repair."""
    return bool(_english().known([word]))


def inverse_document_frequency(df: np.ndarray, size: int) -> np.ndarray:
    """BM25's idf of each document frequency, as if the policy had at least MIN_CORPUS clauses.

    A one-page policy would otherwise make every word look common, so that no clause could ever
    score as a confident answer.
    """
    size = max(size, MIN_CORPUS)
    return np.log(1 + (size - df + 0.5) / (df + 0.5))


def audience_prior(framing: str, opening: str = "") -> float:
    """Less for a clause framed (by its headings or intro, or a title opening it) as addressed to
    parents or young people."""
    framing = framing.lower()
    others = OTHERS_AUDIENCE.search(framing) or OTHERS_AGREEMENT.search(f"{framing}\n{opening.lower()}")
    if others and not STAFF_AUDIENCE.search(framing):
        return AUDIENCE_PRIOR
    return 1.0


def clause_prior(text: str, directs: bool) -> float:
    """How likely a clause of its kind answers anything: furniture least, rules most (`directs`: its words,
    read on into its intro line's, have a directive word or pair of words; or it gives someone a duty)."""
    if (text.startswith("[") and _LINK_ONLY.match(text)) or is_document_list(text):
        return REFERENCE_PRIOR
    if is_blank_form(text):
        return FORM_PRIOR
    if len(text) < 40 or "\t" in text:
        return FURNITURE_PRIOR
    if _FAQ_ENTRY.match(text):
        return FAQ_PRIOR
    return DIRECTIVE_PRIOR if directs or _GIVES_A_DUTY.search(text) or _OPENS_WITH_NO.search(text) else 1.0


@functools.lru_cache(maxsize=4096)  # a policy's clauses share a few headings: each is judged once
def section_prior(heading: str) -> float:
    """Less for a clause in a policy's introduction ("Why We Have This Policy", "1 Introduction and purpose"):
    it names the subjects the rules below it answer, in passing."""
    section = heading.rsplit(HEADING_PATH, 1)[-1]  # the one it is in, not the parts of the policy around it
    return INTRODUCTION_PRIOR if _INTRODUCTION_HEADING.search(section) else 1.0


def is_document_list(text: str) -> bool:
    """Titles of other documents under a line saying to read them alongside this one ("Managing Allegations
    Against Staff and Volunteers", "Safer Recruitment"): it names every procedure and gives none."""
    first, newline, rest = text.partition("\n")
    if not newline or _READ_ALONGSIDE.search(first) is None:
        return False  # most clauses: one line, or no such intro (checked for every clause at build time)
    titles = [line.strip(" -*•\t") for line in rest.splitlines() if line.strip()]
    return len(titles) >= MIN_LISTED_TITLES and all(
        len(title.split()) <= MAX_TITLE_WORDS and ". " not in title
        for title in titles  # no sentences
    )


def is_blank_form(text: str) -> bool:
    """A form to fill in ("Your name:", "Date of incident: ____"): labels with nothing after the last one. A
    list of contacts ("DSL: Sam Jones") ends with a value, so it is not one."""
    stripped = text.rstrip()
    dotted = "...." in stripped or "…" in stripped or "____" in stripped  # a cheap look before the regex
    if (
        dotted
        and (leaders := len(FILL_IN.findall(stripped)))
        and len(FILL_IN.sub(" ", stripped).split()) <= 4 * leaders
    ):
        return True  # "Signed ………… Designation …………": spaces to fill in, a few words to label them
    if not stripped.endswith((":", "_", "…")):
        return False
    labels = [part for part in _FORM_SEPARATOR.split(stripped)[1:] if 0 < len(part.split()) <= MAX_LABEL_WORDS]
    return len(labels) >= MIN_FORM_FIELDS


def _directing(tokens: Tokens, runs: Sequence[Sequence[int]]) -> np.ndarray:
    """Per run of texts (their numbers), their words read one after another: is there a directive word in
    it, or a directive pair of words side by side (the last of one text and the first of the next, too)?"""
    texts = np.array([text for run in runs for text in run], dtype=np.int64)
    owner, position = expand(texts, tokens.starts)
    run = np.repeat(np.arange(len(runs), dtype=np.int32), [len(run) for run in runs])[owner]  # per word
    ids = tokens.ids[position].astype(np.int64)
    number = {word: i for i, word in enumerate(tokens.words)}
    pairs = [number[a] * len(number) + number[b] for a, b in DIRECTIVE_PAIRS if a in number and b in number]
    directive_word = np.array([word in DIRECTIVE_WORDS for word in tokens.words], dtype=bool)[ids]
    directive_pair = np.isin(ids[:-1] * len(number) + ids[1:], pairs) & (run[1:] == run[:-1])
    directs = np.zeros(len(runs), dtype=bool)
    directs[run[directive_word]] = True
    directs[run[1:][directive_pair]] = True
    return directs


def _weighted_rows(
    features: TextFeatures, parts: Sequence[tuple[float, list[tuple[int, int]]]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows (clause, feature, weighted term frequency) ordered by clause, then feature. Each part
    (weight, [(clause, text), ...]) gives those clauses those texts' features at that weight; a clause's
    frequency of a feature adds up its parts in their order."""
    keys, values = [], []
    for weight, pairs in parts:
        clauses, texts = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
        owner, row = expand(texts, features.starts)
        keys.append(clauses[owner] * len(features.names) + features.feature[row])
        values.append(weight * features.count[row])
    order = np.argsort(np.concatenate(keys), kind="stable")  # merges the parts' sorted rows, keeping their order
    key, value = np.concatenate(keys)[order], np.concatenate(values)[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    tfs = np.bincount(np.cumsum(first) - 1, weights=value)  # adds up in order: a clause's own text first
    clause, feature = np.divmod(key[first], len(features.names))
    return clause, feature, tfs


def _named_documents(
    feature_ids: dict[str, int], features: np.ndarray, row_clause: np.ndarray, clauses: Sequence[Clause]
) -> tuple[dict[str, int], list[np.ndarray]]:
    """Stems that name one of several loaded documents, by its number, and each document's clauses.

    A stem names a document when NAMING_CLAUSES or more of its clauses use it and no other document
    does: the organisation's name ("LEAPS"), its own word for the people it serves ("attendees").
    """
    numbers: dict[str, int] = {}
    document_of = np.array([numbers.setdefault(c.source, len(numbers)) for c in clauses], dtype=np.int64)
    if len(numbers) < 2:
        return {}, []
    count = len(numbers)
    # each (feature, document) pair, and how many of the document's clauses have the feature
    pairs, uses = np.unique(features.astype(np.int64) * count + document_of[row_clause], return_counts=True)
    feature_of, document = pairs // count, pairs % count
    alone = np.bincount(feature_of, minlength=len(feature_ids)) == 1
    naming = alone[feature_of] & (uses >= NAMING_CLAUSES)
    stem_of = {fid: feature for feature, fid in feature_ids.items() if "_" not in feature and feature[:1] != "~"}
    named = {
        stem_of[int(fid)]: int(doc)
        for fid, doc in zip(feature_of[naming], document[naming], strict=True)
        if int(fid) in stem_of
    }
    return named, [np.flatnonzero(document_of == number) for number in range(count)]


@dataclass(frozen=True)
class _Batch:
    """Clauses analysed together: rows (clause, feature id, weighted term frequency) ordered by clause,
    each clause's length, whether it directs and whether it may state an age, and the words of their own texts."""

    clause: np.ndarray
    feature: np.ndarray
    tf: np.ndarray
    lengths: np.ndarray
    directs: np.ndarray
    may_state_ages: np.ndarray
    words: set[str]


def _analyse_clauses(
    analyzer: Analyzer,
    clauses: Sequence[Clause],
    texts: Sequence[str],
    first: int,
    feature_ids: defaultdict[str, int],
    unranked: frozenset[str] = frozenset(),
) -> _Batch:
    """Clauses (numbered from `first`, their texts as read) analysed in one go, their features numbered by
    `feature_ids`."""
    size = len(clauses)
    # headings and intros repeat: each distinct one is a text of its own, numbered after the clauses'
    extras = dict.fromkeys(extra for clause in clauses for extra in (clause.context, clause.heading) if extra)
    text_of = {extra: size + number for number, extra in enumerate(extras)}
    tokens = tokenize_all(itertools.chain(texts, map(readable, extras)))
    analysed = analyzer.analyse_all(tokens)
    row_clause, row_feature, row_tf = _weighted_rows(
        analysed,
        [
            (1.0, [(number, number) for number in range(size)]),
            (CONTEXT_WEIGHT, [(n, text_of[clause.context]) for n, clause in enumerate(clauses) if clause.context]),
            (HEADING_WEIGHT, [(n, text_of[clause.heading]) for n, clause in enumerate(clauses) if clause.heading]),
        ],
    )
    # a clause's length is the count of its own text's features, not its intro's or headings', nor the
    # concepts of groups that only tell whether a topic is covered (they leave the ranking as it was)
    own = np.diff(np.concatenate(([0], np.cumsum(analysed.count)))[analysed.starts[: size + 1]])
    unranked_ids = [number for number, name in enumerate(analysed.names) if name in unranked]
    if unranked_ids:  # few rows: found and taken off without a copy of every row
        rows = np.flatnonzero(np.isin(analysed.feature, unranked_ids))
        owner = np.searchsorted(analysed.starts, rows, side="right") - 1
        own = own - np.bincount(owner, weights=analysed.count[rows], minlength=len(analysed.starts))[:size]
    # it directs when its words do, read on into its intro line's
    runs = [[number, text_of[clause.context]] if clause.context else [number] for number, clause in enumerate(clauses)]
    used = np.zeros(len(tokens.words), dtype=bool)
    used[tokens.ids[: tokens.starts[size]]] = True
    return _Batch(
        clause=(first + row_clause).astype(np.int32),
        feature=np.array([feature_ids[name] for name in analysed.names], dtype=np.int32)[row_feature],
        tf=row_tf.astype(np.float32),  # term frequencies are kept to float32 precision
        lengths=np.maximum(1, own).astype(np.float64),
        directs=_directing(tokens, runs),
        may_state_ages=_with_age_words(tokens, size),
        words={tokens.words[number] for number in np.flatnonzero(used)},
    )


def _joined(batches: list[_Batch]) -> _Batch:
    """The batches as one (the parts are let go as soon as they are joined)."""
    return _Batch(
        clause=np.concatenate([batch.clause for batch in batches]),
        feature=np.concatenate([batch.feature for batch in batches]),
        tf=np.concatenate([batch.tf for batch in batches]),
        lengths=np.concatenate([batch.lengths for batch in batches]),
        directs=np.concatenate([batch.directs for batch in batches]),
        may_state_ages=np.concatenate([batch.may_state_ages for batch in batches]),
        words=set().union(*(batch.words for batch in batches)),
    )


def _with_age_words(tokens: Tokens, size: int) -> np.ndarray:
    """Per text of the first `size`, whether a word of it may be an age (numbers from 4 to 25, "u15")."""
    age_words = np.array([may_be_age(word) for word in tokens.words], dtype=bool)
    found = age_words[tokens.ids[: tokens.starts[size]]]
    return np.bincount(tokens.text_of()[: tokens.starts[size]][found], minlength=size)[:size] > 0


def _age_columns(texts: Sequence[str], may_state_ages: np.ndarray) -> np.ndarray:
    """One row per age range a clause states: the clause, the youngest and the oldest age. Only the clauses with
    a word that may be an age are read (the regular expressions would take seconds over 100,000 clauses)."""
    ranges = [
        (number, low, high)
        for number in np.flatnonzero(may_state_ages).tolist()
        for low, high in age_bounds(texts[number])
    ]
    return np.array(ranges, dtype=np.int64).reshape(-1, 3)


def indexed_text(clause_text: str) -> str:
    """A clause as its reader sees it, without Markdown and HTML marks, and without the email addresses it gives:
    indexed, and read again for sentences."""
    return without_email_addresses(readable(clause_text))


def _harm_features(analyzer: Analyzer, words: str) -> frozenset[str]:
    """The stems and concepts of a harm's name ("Sexual abuse", "The Prevent Duty"): a question naming it has one."""
    stems = analyzer.stem_all(tokenize(words))
    return frozenset(stems) | analyzer.concepts(stems)


def _by_harm(clauses: dict[frozenset[str], list[int]]) -> tuple[tuple[frozenset[str], np.ndarray], ...]:
    """Each harm's clause numbers as an array: a question is checked once per harm, not once per clause."""
    return tuple((harm, np.array(numbers, dtype=np.int64)) for harm, numbers in clauses.items())


def build_index(clauses: Sequence[Clause], vocabulary: Vocabulary) -> ClauseIndex:
    """Index clauses once, at startup: batches of clauses analysed together, then numpy for the arithmetic."""
    analyzer = Analyzer.from_vocabulary(vocabulary)
    unranked = frozenset(f"~{number}" for number, group in enumerate(vocabulary.group) if not group.ranks)
    size = len(clauses)
    feature_ids: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # a new feature gets the next id
    texts = [indexed_text(clause.text) for clause in clauses]
    analysed = _joined(
        [
            _analyse_clauses(
                analyzer, clauses[start : start + BATCH], texts[start : start + BATCH], start, feature_ids, unranked
            )
            for start in range(0, max(size, 1), BATCH)  # no clauses: one empty batch
        ]
    )
    features, row_clause, tfs = analysed.feature, analysed.clause, analysed.tf.astype(np.float64)
    counts = np.bincount(row_clause, minlength=size)
    average = float(analysed.lengths.mean()) if size else 1.0
    norms = K1 * (1 - B + B * analysed.lengths / average)
    weights = tfs * (K1 + 1) / (tfs + norms[row_clause])
    order = _stable_order(features)
    df = np.bincount(features, minlength=len(feature_ids))

    priors = np.ones(size, dtype=np.float64)
    audiences: dict[tuple[str, str], float] = {}
    with_contact: list[int] = []
    for number, clause in enumerate(clauses):
        if gives_contact_details(clause.text):
            with_contact.append(number)
        framing = (clause.heading, clause.context)
        if framing not in audiences:  # headings and intros repeat: judge each once
            audiences[framing] = audience_prior(f"{clause.heading}\n{clause.context}")
        audience = audiences[framing]
        opening = clause.text[:OPENING]
        if audience == 1.0 and OTHERS_AGREEMENT.search(opening.lower()):
            # a title the extraction ran into the clause's opening words ("Pupil Acceptable Use Agreement")
            audience = audience_prior(f"{clause.heading}\n{clause.context}", opening)
        priors[number] = (
            clause_prior(clause.text, bool(analysed.directs[number])) * audience * section_prior(clause.heading)
        )

    definitions: defaultdict[frozenset[str], list[int]] = defaultdict(list)
    for number, text in enumerate(texts):
        if found := _DEFINES_HARM.match(text):
            definitions[_harm_features(analyzer, found.group(1) or found.group(2))].append(number)
    section_harms: dict[str, frozenset[str]] = {}  # headings repeat: judge each once
    for heading in {clause.heading for clause in clauses}:
        if named_harms := _NARROW_HARM.findall(heading):
            section_harms[heading] = _harm_features(analyzer, " ".join(named_harms))
    narrow_sections: defaultdict[frozenset[str], list[int]] = defaultdict(list)
    for number, clause in enumerate(clauses):
        if clause.heading in section_harms:
            narrow_sections[section_harms[clause.heading]].append(number)
    ages = _age_columns(texts, analysed.may_state_ages)
    named_documents, document_clauses = _named_documents(feature_ids, features, row_clause, clauses)
    known: dict[str, list[str]] = defaultdict(list)
    for word in sorted(analysed.words):
        if len(word) >= 3 and not word.isdigit():
            known[word[0]].append(word)
    return ClauseIndex(
        analyzer=analyzer,
        size=size,
        feature_ids=dict(feature_ids),  # a plain dict from here: looking up must never add
        idf=inverse_document_frequency(df, size),
        posting_start=np.concatenate(([0], np.cumsum(df))).astype(np.int64),
        posting_clause=row_clause[order],
        posting_weight=weights[order].astype(np.float32),
        clause_start=np.concatenate(([0], np.cumsum(counts))).astype(np.int64),
        clause_features=features,
        priors=priors,
        age_clause=ages[:, 0],
        age_low=ages[:, 1],
        age_high=ages[:, 2],
        with_contact_details=np.array(with_contact, dtype=np.int64),
        named_documents=named_documents,
        document_clauses=document_clauses,
        known_words=dict(known),
        texts=texts,
        vocabulary_words=frozenset(token for key in analyzer.phrases for token in key),
        intents=tuple((re.compile(intent.when), intent.add) for intent in vocabulary.intent),
        topics=frozenset(f"~{number}" for number, group in enumerate(vocabulary.group) if group.topic),
        titled=frozenset().union(
            *(analyzer.concepts(analyzer.stem_all(tokenize(title))) for title in {c.document for c in clauses})
        ),
        about_the_policy=tuple(re.compile(i.when) for i in vocabulary.intent if i.about_the_policy),
        unranked=unranked,
        definitions=_by_harm(definitions),
        parties=frozenset(f"~{number}" for number, group in enumerate(vocabulary.group) if group.party),
        reaching=frozenset(f"~{number}" for number, group in enumerate(vocabulary.group) if group.reaching),
        narrow_sections=_by_harm(narrow_sections),
        asked_topics=tuple(
            (re.compile(group.asked), f"~{number}")
            for number, group in enumerate(vocabulary.group)
            if group.topic and group.asked
        ),
    )
