"""Clause ranking: BM25 over stems and vocabulary concepts, with typo repair. Pure functions, no I/O.

Questions and policies use different words for the same things ("kids" / "attendees", "pics" /
"images", "FB" / "Facebook"). Every text is analysed into features: word stems (Snowball English),
pairs of adjacent stems, and *concepts*: the synonym groups of `knowledge/vocabulary.toml` whose
words or phrases occur in it. A clause matches a question's word through its concept, and the
clause that uses the very word gets the stem's weight on top, so saying what was asked still wins.
Words of the question that no clause uses are repaired against the index's own words with
rapidfuzz ("freind" -> "friend").

Scoring is BM25 (Robertson/Sparck Jones idf; k1 and b below) summed over the question's weighted
features, with the words of the sentence that actually asks weighted up and the words that kinds of
question are answered with ("who do I tell?") added. It runs on numpy over an inverted index whose
per-posting BM25 term weights are precomputed at build time, so a query costs one vector add per
feature. The top candidates are then re-ordered by how much of the question they cover, and by a
prior that prefers clauses that direct ("must", "should not") over introductions and furniture.

The index is built from batches of clauses: each distinct word is stemmed and looked up once, the texts
become arrays of word and stem numbers, and numpy finds and counts their features.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from spellchecker import SpellChecker

from assistant.models import Clause, Vocabulary

# Words the Snowball stemmer cuts down to a different word common in policies: a "publication" is not
# "public", nor a "reference" "refer"; these keep a stem of their own. ("personal" -> "person" stays:
# splitting them was measured, and lost on three question sets for one gain.)
OVERSTEMMED = {
    "publication": "publish",
    "publications": "publish",
    "reference": "referenc",
    "references": "referenc",
    "experiment": "experiment",  # not "experience"
    "experiments": "experiment",
    "relative": "relative",  # a family member, not "in relation to"
    "relatives": "relative",
    "critical": "critical",  # "critically aware", "a critical incident": not criticism
    "critically": "critical",
    "acceptable": "acceptabl",  # "acceptable use" is not accepting a friend request
    "unacceptable": "unacceptabl",
    "active": "active",  # "actively engage" is not an activity
    "actively": "active",
    "confident": "confident",  # not "confided"
    "confidently": "confident",
    "confidence": "confident",
    "friendly": "friendly",  # "a friendly manner" is not a friend
    "likely": "likely",  # "likely to cause harm" is not liking a post
    "unlikely": "unlikely",
    "range": "range",  # "a range of" is not a phone call ("rang")
    "ranges": "range",
    "practical": "practical",  # not a sports practice
    "practicable": "practical",
    "response": "response",  # not "responsible for"
    "responses": "response",
    "responsive": "response",
    "keys": "keys",  # the keys to a building, not a "key person" or "key points"
    "extremely": "extremely",  # not extremism
    "guide": "guide",  # "a guide for parents" is not a Girl Guide
    "guided": "guide",
    "allowance": "allowance",  # money, not "allowing for"
    "allowances": "allowance",
    "leggings": "leggings",  # clothes, not a child's legs
    "prevention": "prevention",  # "the prevention of bullying" is not the Prevent duty
    "catering": "catering",  # food, not "cater for different levels"
}

# contracted negations, as tokenize leaves them (apostrophe dropped), already stems
NEGATIONS = ("isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "hasnt", "havent", "cant", "wont", "never")

K1 = 1.2
B = 0.4
WORD_WEIGHT = 0.6  # the question's own word, stemmed
CONCEPT_WEIGHT = 1.3  # a synonym group the question mentions
INTENT_WEIGHT = 0.8  # words the answers to this kind of question tend to use
BIGRAM_WEIGHT = 0.5  # two of the question's words side by side, as in the clause
FOCUS_WEIGHT = 1.5  # words of the sentence that asks, over the words that set the scene
CONTEXT_WEIGHT = 0.3  # the intro line of a list item
HEADING_WEIGHT = 0.2  # the headings a clause sits under
MIN_CORPUS = 50  # clauses; see inverse_document_frequency
CANDIDATES = 50  # BM25 candidates re-ordered by coverage
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
# likelier answer than introductions, definitions and document furniture.
DIRECTIVE_WORDS = frozenset(
    "must should shouldnt never wont cannot only avoid prohibited required forbidden dont".split()
)
DIRECTIVE_PAIRS = frozenset(
    {("will", "not"), ("not", "permitted"), ("not", "allowed"), ("may", "not"), ("do", "not"), ("does", "not")}
)
DIRECTIVE_PRIOR = 1.5
FURNITURE_PRIOR = 0.7  # very short lines and table rows: titles, signatures, dates
# a clause that is only a link ("[Working Together to Safeguard Children](https://...)") points elsewhere
REFERENCE_PRIOR = 0.5
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
OPENING = 60  # characters of a clause read for a title its extraction ran into the text
# "Who is our DSL? how do I contact them?" is answered by the clause that names them with an email
# address or a phone number, not by the clauses that mention the role most often.
ASKS_FOR_CONTACT = re.compile(
    r"\bwho(?:'?s| is| are)\b(?! (?:responsible|allowed|meant|supposed|in charge))|\bcontact details\b"
    r"|\bhow (?:do|can|should) (?:i|we) (?:contact|reach|get hold of|get in touch with)\b"
    r"|\b(?:phone|mobile|contact|telephone) (?:number|no)\b|\bemail address\b|\bname (?:and|\+|&) number\b"
    r"|\bwhat(?:'?s| is) (?:the|their|his|her) (?:number|email|mobile)\b|\bnumber for\b"
)
CONTACT_BOOST = 2.0
NAMING_CLAUSES = 8  # clauses of one document using a word no other document uses: its name, its own terms
NAMED_DOCUMENT_BOOST = 1.3  # a question naming one of several loaded documents' organisations
_EMAIL_DOMAIN = re.compile(r"@[\w-]+\.\w")
_UK_PHONE_START = re.compile(r"\b0\d{3}")  # "07700 900123", "0113 496 0000"


def gives_contact_details(text: str) -> bool:
    """An email address or a UK phone number. Every clause is checked at build time: the plain
    substring tests skip the regular expressions for the clauses with no "@" or "0" in them."""
    return (
        ("@" in text and _EMAIL_DOMAIN.search(text) is not None)
        or ("0" in text and _UK_PHONE_START.search(text) is not None)
        or "+44" in text
    )


STEM_CACHE = 100_000  # words
BATCH = 20_000  # clauses indexed together: enough for numpy to pay, few enough to keep its arrays small
MIN_REPAIR_LENGTH = 5  # shorter words are too often real words ("sent", "many") to repair

STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren arent as at be because been before
    being below between both but by can cant could couldnt did didnt do does doesnt doing dont down during
    each few for from further get gets getting got had hadnt has hasnt have havent having he hed hes her
    here heres hers herself him himself his how hows i id ill im ive if in into is isnt it its itself
    just lets me more most mustnt my myself no nor not of off on once only or other ought our ours
    ourselves out over own same shant she shed shes should shouldnt so some such than that thats the
    their theirs them themselves then there theres these they theyd theyll theyre theyve this those
    through to too under until up very was wasnt we wed well were weve werent what whats when whens
    where wheres which while who whos whom why whys will with wont would wouldnt you youd youll youre
    youve your yours yourself yourselves also ok okay yeah yes tbh lol pls please thanks thank hi hey
    really actually basically literally anyway anyone anything someone something thing things stuff bit
    quick quickly still even though re atm rn btw tho im i'm i've i'd it's that's what's don't can't won't isn't
    wondering wonder wanted want wants know think need needs like sure fine mean meant ment meaning
    one ones u ur r im ya gonna wanna gotta us ask asks asked asking keep keeps kept give gives gave
    go goes going gone went come comes came say says said saying let make makes made put puts whole
    last next now today yesterday tomorrow already always ago back around lot lots loads few couple
    many much bit kind sort whether anybody everyone everything nothing done doing via etc might may
    maybe probably guess right wrong good bad best better new old big little great amazing""".split()
)

_POSSESSIVE = re.compile(r"['’]s\b")
_APOSTROPHE = re.compile(r"['’]")
# an age written "14yo" or "15yrs" is the age and its unit, two words; few texts have one
_AGE = re.compile(r"\d(?:yo|yr)")
_AGE_WORD = re.compile(r"\b\d{1,2}(?=(?:yo|yos|yrs|yr)\b)|[a-z0-9]+")
# for bytes.translate: a-z and 0-9 stay, any other byte becomes a space
_WORD_BYTES = bytes(byte if chr(byte) in string.ascii_lowercase + string.digits else ord(" ") for byte in range(256))


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens; possessive 's dropped, other apostrophes removed (dont, im)."""
    text = text.lower()
    if "'" in text or "’" in text:  # most clauses have none: skip the substitutions
        text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    if "18+" in text:
        text = text.replace("18+", "18plus")
    if ("yo" in text or "yr" in text) and _AGE.search(text):  # the substrings first: cheaper than the search
        return _AGE_WORD.findall(text)
    # the runs of a-z0-9, as re.findall("[a-z0-9]+") finds them but several times faster: every other
    # character (a non-ASCII one encoded as one "?") becomes a space, and the spaces split
    return text.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii").split()


@dataclass(frozen=True)
class Tokens:
    """Many texts' tokens as numbers: each distinct word once, and every text as its words' numbers."""

    words: list[str]  # a word's number is its place here
    ids: np.ndarray  # the texts' word numbers, one text after another
    starts: np.ndarray  # text i is ids[starts[i]:starts[i + 1]]

    def text_of(self) -> np.ndarray:
        """Per token, the number of the text it is in."""
        return np.repeat(np.arange(len(self.starts) - 1, dtype=np.int32), np.diff(self.starts))


def tokenize_all(texts: Iterable[str]) -> Tokens:
    """`tokenize` each text, numbering the words: a library of policies has few distinct words, so what is
    worked out per word (its stem, whether it is a stopword) is worked out once."""
    numbers: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # a new word gets the next number
    ids = array("i")
    lengths = [0]
    for text in texts:
        tokens = tokenize(text)
        ids.extend(map(numbers.__getitem__, tokens))
        lengths.append(len(tokens))
    return Tokens(list(numbers), np.frombuffer(ids, dtype=np.int32), np.cumsum(lengths))


_SENTENCE = re.compile(r"[^.?!\n]+[.?!\n]*")
_ASKING = re.compile(
    r"^\s*(can|could|may|am|is|are|do|does|did|should|shall|would|will|what|whats|what's|who|whos|"
    r"who's|how|when|where|which|why|any|ok|okay)\b",
    re.IGNORECASE,
)


def focused_tokens(question: str) -> tuple[list[str], set[int]]:
    """The question's tokens, and the positions of those in the sentence that actually asks.

    Chat questions often set a scene first ("had an amazing day at the farm!!") and ask after
    ("can I post the group pics on my own insta?"); the asking sentence says what the answer is about.
    """
    tokens: list[str] = []
    focus: set[int] = set()
    sentences = _SENTENCE.findall(question) or [question]
    for sentence in sentences:
        words = tokenize(sentence)
        content = [w for w in words if w not in STOPWORDS]
        asking = sentence.rstrip().endswith("?") or _ASKING.match(sentence)
        if len(sentences) > 1 and len(content) >= 2 and asking:
            focus.update(range(len(tokens), len(tokens) + len(words)))
        tokens.extend(words)
    if len(focus) == len(tokens):
        focus = set()
    return tokens, focus


@dataclass
class Analyzer:
    """Turns text into weighted features: stems, and concept ids from the vocabulary."""

    # a large word cache: a policy library's distinct words fit, and stemming is most of a build
    stemmer: Stemmer.Stemmer = field(default_factory=lambda: Stemmer.Stemmer("english", STEM_CACHE))
    # stemmed phrase (tuple of stems) -> concept ids it belongs to
    phrases: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    single_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # one-word terms -> concepts
    # phrases keyed by their first two stems, longest first: most phrase starts ("the", "of", "on") end nowhere
    phrase_pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...]]]] = field(default_factory=dict)

    @classmethod
    def from_groups(cls, groups: Iterable[Sequence[str]]) -> Analyzer:
        analyzer = cls()
        table: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for number, terms in enumerate(groups):
            for term in terms:
                stems = tuple(analyzer.stem_all(tokenize(term)))
                # "not handling" is also how "isn't handling" and "wasn't handling" are written
                variants = [(negation, *stems[1:]) for negation in NEGATIONS] if stems[:1] == ("not",) else []
                for phrase in [stems, *variants] if stems else []:
                    table[phrase].add(f"~{number}")
        analyzer.phrases = {key: tuple(sorted(ids)) for key, ids in table.items()}
        for key, ids in sorted(analyzer.phrases.items(), key=lambda item: -len(item[0])):
            if len(key) == 1:
                analyzer.single_words[key[0]] = ids
            else:
                analyzer.phrase_pairs.setdefault((key[0], key[1]), []).append((key, ids))
        return analyzer

    def stem_all(self, tokens: list[str]) -> list[str]:
        stems = list(self.stemmer.stemWords(tokens))
        if not OVERSTEMMED.keys().isdisjoint(tokens):
            stems = [OVERSTEMMED.get(token, stem) for token, stem in zip(tokens, stems, strict=True)]
        return stems

    def matches(self, stems: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Vocabulary words and phrases in a stem sequence, as (start, length, concept ids).

        Every match counts, nested ones too: a "work mobile" is also a mobile phone. (Letting the
        longest phrase hide the words inside it was measured, and lost more than it won.)
        """
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for start, phrases in enumerate(map(self.phrase_pairs.get, itertools.pairwise(stems))):
            for phrase, ids in phrases or ():
                if len(phrase) == 2 or tuple(stems[start : start + len(phrase)]) == phrase:
                    found.append((start, len(phrase), ids))
        single = self.single_words
        found += [(i, 1, single[stem]) for i, stem in enumerate(stems) if stem in single]
        return found

    def concepts(self, stems: list[str]) -> set[str]:
        """Concept ids of the vocabulary words and phrases found in the stem sequence.

        The same as collecting `matches` without the positions. It runs for every clause at build time,
        so single words are looked up in one pass and phrases only where their first two stems meet.
        """
        found: set[str] = set().union(*filter(None, map(self.single_words.get, stems)))
        for position, phrases in enumerate(map(self.phrase_pairs.get, itertools.pairwise(stems))):
            for phrase, ids in phrases or ():
                if len(phrase) == 2 or tuple(stems[position : position + len(phrase)]) == phrase:
                    found.update(ids)
        return found

    def features(self, text: str) -> Counter[str]:
        return self.analyse(text)[1]

    def analyse(self, text: str) -> tuple[list[str], Counter[str]]:
        """A text's tokens, and its features: stems, adjacent stem pairs, and concepts."""
        tokens = tokenize_all([text])
        return [tokens.words[i] for i in tokens.ids], self.analyse_all(tokens).counts(0)

    def analyse_all(self, tokens: Tokens) -> TextFeatures:
        """Every text's features: the stems of its words that are not stopwords, each pair of those stems
        side by side (the stopwords between skipped: "accepting parents" as a phrase), and the concepts of
        the vocabulary words and phrases among all its stems, each once (one idea however phrased)."""
        stems = self.stem_all(tokens.words)
        stem_names = list(dict.fromkeys(stems))
        stem_number = {stem: number for number, stem in enumerate(stem_names)}
        sequence = np.array([stem_number[stem] for stem in stems], dtype=np.int32)[tokens.ids]  # per token
        text_of = tokens.text_of()
        content = ~np.array([word in STOPWORDS for word in tokens.words], dtype=bool)[tokens.ids]
        content_text, content_stems = text_of[content], sequence[content]
        return _counted(
            len(tokens.starts) - 1,
            [
                (stem_names, content_text, content_stems),
                self._concepts_all(stem_number, sequence, text_of, tokens.starts[1:]),
                _side_by_side(stem_names, content_text, content_stems),
            ],
        )

    def _concepts_all(
        self, stem_number: dict[str, int], sequence: np.ndarray, text_of: np.ndarray, ends: np.ndarray
    ) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The concepts in texts of stem numbers, as `concepts` finds them: their ids, and rows (text, concept
        number), each once."""
        names = sorted({concept for ids in self.phrases.values() for concept in ids})
        number = {concept: i for i, concept in enumerate(names)}
        phrases = [
            (tuple(stem_number[stem] for stem in phrase), [number[concept] for concept in ids])
            for phrase, ids in self.phrases.items()
            if all(stem in stem_number for stem in phrase)  # one with a stem no text has occurs nowhere
        ]
        stems = [phrase for phrase, _ in phrases]
        positions, matched = _phrase_matches(stems, len(stem_number), sequence, text_of, ends)
        match, item = _expand(matched, np.cumsum([0] + [len(ids) for _, ids in phrases]))  # a match per concept
        concepts = np.array([concept for _, ids in phrases for concept in ids], dtype=np.int64)[item]
        rows, _ = _distinct(text_of[positions[match]].astype(np.int64) * len(names) + concepts)
        return names, rows // len(names), rows % len(names)


@dataclass(frozen=True)
class TextFeatures:
    """Many texts' features, as rows of (feature, count) ordered by text, then feature."""

    names: list[str]  # a feature's number -> the feature: a stem, two stems joined by "_", or a concept id
    starts: np.ndarray  # text i's rows are starts[i]:starts[i + 1]
    feature: np.ndarray
    count: np.ndarray

    def counts(self, text: int) -> Counter[str]:
        """One text's features and how often it has each."""
        rows = slice(self.starts[text], self.starts[text + 1])
        return Counter(dict(zip([self.names[f] for f in self.feature[rows]], self.count[rows].tolist(), strict=True)))


def _counted(texts: int, kinds: Sequence[tuple[list[str], np.ndarray, np.ndarray]]) -> TextFeatures:
    """Features of several kinds, each (names, rows (text, number)), numbered one kind after another and
    counted per text. Only the features some text has keep a number (a stopword's stem has none)."""
    names = [name for kind, _, _ in kinds for name in kind]
    offsets = np.cumsum([0] + [len(kind) for kind, _, _ in kinds[:-1]])
    rows = [
        text.astype(np.int64) * len(names) + offset + number
        for (_, text, number), offset in zip(kinds, offsets, strict=True)
    ]
    keys, counts = _distinct(np.concatenate(rows))
    text, feature = np.divmod(keys, len(names))
    present = np.zeros(len(names), dtype=bool)
    present[feature] = True
    return TextFeatures(
        [name for name, has in zip(names, present.tolist(), strict=True) if has],
        np.searchsorted(text, np.arange(texts + 1)),
        np.cumsum(present)[feature] - 1,
        counts,
    )


def _side_by_side(names: list[str], text: np.ndarray, stems: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The pairs of stems side by side in a text, each a feature named "first_second": their names, and rows
    (text, pair number)."""
    same = text[1:] == text[:-1]
    pairs = stems[:-1][same].astype(np.int64) * len(names) + stems[1:][same]
    distinct, _ = _distinct(pairs)
    named = np.array(names, dtype=object)
    pair_names = named[distinct // len(names)] + "_" + named[distinct % len(names)]
    return pair_names.tolist(), text[1:][same], np.searchsorted(distinct, pairs)


def _phrase_matches(
    phrases: list[tuple[int, ...]], stems: int, sequence: np.ndarray, text_of: np.ndarray, ends: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Where phrases of stem numbers (below `stems`) occur in texts of stem numbers laid one after another
    in `sequence` (position i in text text_of[i], which ends at ends[text_of[i]]): (positions, phrase
    numbers), nested ones too."""
    single = np.full(stems, -1, dtype=np.int64)  # stem -> the one-word phrase it is
    for number, phrase in enumerate(phrases):
        if len(phrase) == 1:
            single[phrase[0]] = number
    at = np.flatnonzero(single[sequence] >= 0)
    found = [(at, single[sequence[at]]), *_longer_matches(phrases, stems, sequence, text_of, ends)]
    return np.concatenate([where for where, _ in found]), np.concatenate([numbers for _, numbers in found])


def _longer_matches(
    phrases: list[tuple[int, ...]], stems: int, sequence: np.ndarray, text_of: np.ndarray, ends: np.ndarray
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """`_phrase_matches` of the phrases of two stems or more, looked for only where their first two stems
    meet: most first stems ("on", "the") start nothing."""
    starting: defaultdict[int, list[int]] = defaultdict(list)  # first two stems, as one number -> phrases
    for number, phrase in enumerate(phrases):
        if len(phrase) > 1:
            starting[phrase[0] * stems + phrase[1]].append(number)
    keys = np.array(sorted(starting), dtype=np.int64)
    opening = np.zeros(stems, dtype=bool)  # stem -> whether a longer phrase starts with it
    opening[keys // stems] = True
    at = np.flatnonzero(opening[sequence])
    room = ends[text_of[at]] - at  # stems from there to the end of the text
    at, room = at[room >= 2], room[room >= 2]
    pairs = sequence[at].astype(np.int64) * stems + sequence[at + 1]
    key = np.searchsorted(keys, pairs)
    met = key < len(keys)
    met[met] = keys[key[met]] == pairs[met]
    order = np.argsort(key[met])
    at, room, key = at[met][order], room[met][order], key[met][order]  # grouped by their first two stems
    bounds = np.searchsorted(key, np.arange(len(keys) + 1))
    for index, first_two in enumerate(keys.tolist()):
        for number in starting[first_two]:
            phrase = phrases[number]
            group = slice(bounds[index], bounds[index + 1])
            where = at[group][room[group] >= len(phrase)]
            for offset in range(2, len(phrase)):
                where = where[sequence[where + offset] == phrase[offset]]
            yield where, np.full(len(where), number)


def _expand(owners: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each owner o's items, numbered starts[o] to starts[o + 1] - 1: per item, its owner's place in `owners`,
    and its number."""
    sizes = starts[owners + 1] - starts[owners]
    owner = np.repeat(np.arange(len(owners)), sizes)
    first = np.repeat(starts[owners] - (np.cumsum(sizes) - sizes), sizes)  # item = first + place in the list
    return owner, first + np.arange(len(owner))


def _distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, and how often each occurs: np.unique(values, return_counts=True), which
    numpy 2 does several times slower on millions of values."""
    values = np.sort(values)
    new = np.ones(len(values), dtype=bool)
    new[1:] = values[1:] != values[:-1]
    first = np.flatnonzero(new)
    return values[first], np.diff(first, append=len(values))


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
    about_the_policy: tuple[re.Pattern[str], ...] = ()  # questions about the policy's own scope
    sentence_cache: dict[int, list[tuple[set[str], set[str]]]] = field(default_factory=dict)

    def query_terms(self, question: str) -> tuple[list[QueryTerm], dict[int, float]]:
        """Weighted features of a question, and each informative word's weight (its slot)."""
        tokens, focus = focused_tokens(question)
        tokens = [self.repair(token) for token in tokens]
        stems = self.analyzer.stem_all(tokens)
        terms: dict[str, QueryTerm] = {}
        slots: dict[int, float] = {}
        previous: tuple[int, str] | None = None
        seen: set[str] = set()
        for position, stem in enumerate(stems):
            if tokens[position] in STOPWORDS:
                continue
            if stem not in seen:  # a word repeated is still one thing asked about
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
            for concept in concepts:
                if concept not in self.feature_ids:
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

    def missing_topics(self, question: str) -> list[str]:
        """Words of the question's asking sentence that name a topic this policy never mentions.

        A word counts when the vocabulary knows what it is about (it belongs to synonym groups) and
        neither the word nor any of its groups occurs anywhere in the loaded policy: "zoom" asked of a
        policy with nothing on video calls, "annual leave" of a social media policy. Words the
        vocabulary doesn't know ("farm", "mural") set a scene and decide nothing.
        """
        lowered = question.lower()
        if any(pattern.search(lowered) for pattern in self.about_the_policy):
            return []  # "does the policy still apply on zoom?" is answered by its scope
        tokens, focus = focused_tokens(question)
        stems = self.analyzer.stem_all(tokens)
        matches = self.analyzer.matches(stems)
        # a word that starts a longer phrase of another sense is that phrase: "phone" in "phone them up"
        other_sense = {start for start, length, concepts in matches if length > 1 and not self.topics & set(concepts)}
        missing: list[str] = []
        for start, length, concepts in matches:
            if focus and start not in focus:
                continue
            if not self.topics.intersection(concepts):
                continue  # ordinary wording ("delete", "pick up") is never a missing topic
            if length == 1 and start in other_sense:
                continue
            present = any(c in self.feature_ids for c in concepts) or (
                length == 1 and stems[start] in self.feature_ids
            )
            if not present:
                missing.append(" ".join(tokens[start : start + length]))
        return missing

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

    def search(self, question: str, limit: int = 10, extra: Sequence[tuple[str, float]] = ()) -> list[Ranked]:
        """Clauses best first. `extra` adds weighted queries of their own (e.g. reporting words)."""
        terms, slots = self.query_terms(question)
        scores = np.zeros(self.size, dtype=np.float64)
        for term in terms:
            self._add(scores, term, 1.0)
        lowered = question.lower()
        extras = [(words, INTENT_WEIGHT) for pattern, words in self.intents if pattern.search(lowered)]
        extras += [(words, weight) for words, weight in extra if words and weight]
        matched = bool(terms)
        for words, weight in extras:
            added, _ = self.query_terms(words)
            for term in added:
                self._add(scores, term, weight)
            matched = matched or bool(added)
        # a worry told in words the policy never uses still finds its reporting clauses (the extras)
        if not matched or limit <= 0:
            return []
        scores *= self.priors
        if ASKS_FOR_CONTACT.search(lowered):
            scores[self.with_contact_details] *= CONTACT_BOOST
        for document in {self.named_documents[t.feature] for t in terms if t.feature in self.named_documents}:
            scores[self.document_clauses[document]] *= NAMED_DOCUMENT_BOOST
        # BM25 finds candidates; the share of the question they cover orders them
        count = min(max(limit, CANDIDATES), self.size)
        top = np.argpartition(-scores, count - 1)[:count] if count < self.size else np.arange(self.size)
        ranked = [Ranked(int(i), float(scores[i]), self.coverage(terms, slots, int(i))) for i in top if scores[i] > 0]
        ranked.sort(key=lambda r: (-r.strength, r.index))
        head, tail = ranked[:SENTENCE_CANDIDATES], ranked[SENTENCE_CANDIDATES:]
        in_one_sentence = self._sentence_coverage(terms, slots, [r.index for r in head])
        head.sort(key=lambda r: (-r.strength * (1 + SENTENCE_WEIGHT * in_one_sentence[r.index]), r.index))
        ranked = head + tail
        return ranked[:limit]

    def _sentence_coverage(
        self, terms: list[QueryTerm], slots: dict[int, float], clauses: list[int]
    ) -> dict[int, float]:
        """Per clause, the largest share of the question's informative words found in one of its sentences."""
        total = sum(slots.values())
        by_stem: dict[str, set[int]] = defaultdict(set)
        by_concept: dict[str, set[int]] = {}
        for term in terms:
            if term.feature.startswith("~"):
                by_concept[term.feature] = set(term.slots)
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
    read on into its intro line's, have a directive word or pair of words)."""
    if text.startswith("[") and _LINK_ONLY.match(text):
        return REFERENCE_PRIOR
    if len(text) < 40 or "\t" in text:
        return FURNITURE_PRIOR
    return DIRECTIVE_PRIOR if directs else 1.0


def _directing(tokens: Tokens, runs: Sequence[Sequence[int]]) -> np.ndarray:
    """Per run of texts (their numbers), their words read one after another: is there a directive word in
    it, or a directive pair of words side by side (the last of one text and the first of the next, too)?"""
    texts = np.array([text for run in runs for text in run], dtype=np.int64)
    owner, position = _expand(texts, tokens.starts)
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
        owner, row = _expand(texts, features.starts)
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
    each clause's length and whether it directs, and the words of their own texts."""

    clause: np.ndarray
    feature: np.ndarray
    tf: np.ndarray
    lengths: np.ndarray
    directs: np.ndarray
    words: set[str]


def _analyse_clauses(
    analyzer: Analyzer, clauses: Sequence[Clause], first: int, feature_ids: defaultdict[str, int]
) -> _Batch:
    """Clauses (numbered from `first`) analysed in one go, their features numbered by `feature_ids`."""
    size = len(clauses)
    # headings and intros repeat: each distinct one is a text of its own, numbered after the clauses'
    extras = dict.fromkeys(extra for clause in clauses for extra in (clause.context, clause.heading) if extra)
    text_of = {extra: size + number for number, extra in enumerate(extras)}
    tokens = tokenize_all(itertools.chain((clause.text for clause in clauses), extras))
    analysed = analyzer.analyse_all(tokens)
    row_clause, row_feature, row_tf = _weighted_rows(
        analysed,
        [
            (1.0, [(number, number) for number in range(size)]),
            (CONTEXT_WEIGHT, [(n, text_of[clause.context]) for n, clause in enumerate(clauses) if clause.context]),
            (HEADING_WEIGHT, [(n, text_of[clause.heading]) for n, clause in enumerate(clauses) if clause.heading]),
        ],
    )
    # a clause's length is the count of its own text's features, not its intro's or headings'
    own = np.diff(np.concatenate(([0], np.cumsum(analysed.count)))[analysed.starts[: size + 1]])
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
        words=set().union(*(batch.words for batch in batches)),
    )


def build_index(clauses: Sequence[Clause], vocabulary: Vocabulary) -> ClauseIndex:
    """Index clauses once, at startup: batches of clauses analysed together, then numpy for the arithmetic."""
    analyzer = Analyzer.from_groups(group.terms for group in vocabulary.group)
    size = len(clauses)
    feature_ids: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # a new feature gets the next id
    analysed = _joined(
        [
            _analyse_clauses(analyzer, clauses[start : start + BATCH], start, feature_ids)
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
        priors[number] = clause_prior(clause.text, bool(analysed.directs[number])) * audience

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
        with_contact_details=np.array(with_contact, dtype=np.int64),
        named_documents=named_documents,
        document_clauses=document_clauses,
        known_words=dict(known),
        texts=[clause.text for clause in clauses],
        vocabulary_words=frozenset(token for key in analyzer.phrases for token in key),
        intents=tuple((re.compile(intent.when), intent.add) for intent in vocabulary.intent),
        topics=frozenset(f"~{number}" for number, group in enumerate(vocabulary.group) if group.topic),
        about_the_policy=tuple(re.compile(i.when) for i in vocabulary.intent if i.about_the_policy),
    )
