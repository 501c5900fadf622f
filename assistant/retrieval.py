"""Clause ranking: BM25 over stems and vocabulary concepts, with typo repair. Pure functions, no I/O.

Questions and policies use different words for the same things ("kids" / "attendees", "pics" /
"images", "FB" / "Facebook"). Every text is analysed into two kinds of features: word stems
(Snowball English) and *concepts*: the synonym groups of `knowledge/vocabulary.toml` whose words or
phrases occur in it. A clause matches a question on either; concepts count for less than the
exact word, so the clause that says what was asked wins. Words in the question that no clause
uses are repaired against the index's own words with rapidfuzz ("freind" -> "friend").

Scores are plain BM25 (Robertson/Sparck Jones idf, k1 and b below) summed over the question's
weighted features, computed with numpy over an inverted index whose per-posting BM25 term weights
are precomputed at build time, so a query costs one vector add per question feature.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import Stemmer
from rapidfuzz import fuzz, process

from assistant.models import Clause

K1 = 1.2
B = 0.6
CONCEPT_WEIGHT = 0.55  # a synonym counts for about half of the exact word
CONTEXT_WEIGHT = 0.5  # the intro line of a list item
HEADING_WEIGHT = 0.35  # the headings a clause sits under
FUZZY_CUTOFF = 84.0  # rapidfuzz ratio needed to repair a word the index doesn't know

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
    quick quickly still even though im i'm i've i'd it's that's what's don't can't won't isn't
    wondering wonder wanted want wants know think need needs like sure fine mean meant ment meaning
    one ones u ur r im ya gonna wanna gotta""".split()
)

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|\+")


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens; possessive 's dropped, other apostrophes removed (dont, im)."""
    tokens = []
    for raw in _TOKEN.findall(text.lower().replace("18+", "18plus")):
        if raw == "+":
            continue
        word = re.sub(r"['’]s$", "", raw)
        tokens.append(re.sub(r"['’]", "", word))
    return tokens


@dataclass
class Analyzer:
    """Turns text into weighted features: stems, and concept ids from the vocabulary."""

    stemmer: Stemmer.Stemmer = field(default_factory=lambda: Stemmer.Stemmer("english"))
    # stemmed phrase (tuple of stems) -> concept ids it belongs to
    phrases: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    longest_phrase: int = 1

    @classmethod
    def from_groups(cls, groups: Iterable[Sequence[str]]) -> Analyzer:
        analyzer = cls()
        table: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for number, terms in enumerate(groups):
            for term in terms:
                stems = tuple(analyzer.stem_all(tokenize(term)))
                if stems:
                    table[stems].add(f"~{number}")
        analyzer.phrases = {key: tuple(sorted(ids)) for key, ids in table.items()}
        analyzer.longest_phrase = max((len(key) for key in table), default=1)
        return analyzer

    def stem_all(self, tokens: list[str]) -> list[str]:
        return list(self.stemmer.stemWords(tokens))

    def concepts(self, stems: list[str]) -> list[str]:
        """Concept ids of every vocabulary phrase found in the stem sequence (longest first)."""
        found: list[str] = []
        for start in range(len(stems)):
            for length in range(min(self.longest_phrase, len(stems) - start), 0, -1):
                ids = self.phrases.get(tuple(stems[start : start + length]))
                if ids:
                    found.extend(ids)
        return found

    def features(self, text: str) -> Counter[str]:
        stems = self.stem_all(tokenize(text))
        counts: Counter[str] = Counter(s for s in stems if s not in STOPWORDS)
        for concept in set(self.concepts(stems)):
            counts[concept] += 1  # a concept counts once per text: it is one idea however phrased
        return counts


@dataclass(frozen=True)
class QueryTerm:
    feature: str
    weight: float
    slot: int  # which word of the question it came from (-1: a concept spanning words)


@dataclass(frozen=True)
class Ranked:
    index: int  # position in the clause list the index was built from
    score: float
    coverage: float  # share of the question's informative words this clause matches (0..1)


@dataclass
class ClauseIndex:
    analyzer: Analyzer
    size: int
    postings: dict[str, tuple[np.ndarray, np.ndarray]]  # feature -> (clause ids, BM25 term weights)
    idf: dict[str, float]
    features_of: list[frozenset[str]]
    known_words: dict[str, list[str]]  # first letter -> words the index knows, for typo repair
    vocabulary_words: frozenset[str]

    def query_terms(self, question: str) -> tuple[list[QueryTerm], dict[int, float]]:
        """Weighted features of a question, and each informative word's weight (its slot)."""
        tokens = [self.repair(token) for token in tokenize(question)]
        stems = self.analyzer.stem_all(tokens)
        terms: dict[str, QueryTerm] = {}
        slots: dict[int, float] = {}
        for position, stem in enumerate(stems):
            if stem in STOPWORDS or tokens[position] in STOPWORDS:
                continue
            slots[position] = self.idf.get(stem, self.max_idf)
            if stem in self.idf and stem not in terms:
                terms[stem] = QueryTerm(stem, 1.0, position)
        for start in range(len(stems)):
            for length in range(min(self.analyzer.longest_phrase, len(stems) - start), 0, -1):
                for concept in self.analyzer.phrases.get(tuple(stems[start : start + length]), ()):
                    if concept in self.idf and concept not in terms:
                        terms[concept] = QueryTerm(concept, CONCEPT_WEIGHT, start)
        return list(terms.values()), slots

    @property
    def max_idf(self) -> float:
        return math.log(1 + (self.size + 0.5) / 0.5)

    def repair(self, token: str) -> str:
        """A word no clause uses, replaced by the closest word the index knows, if one is close."""
        if (
            len(token) < 4
            or token in STOPWORDS
            or token.isdigit()
            or self.analyzer.stemmer.stemWord(token) in self.vocabulary_words
            or self.analyzer.stemmer.stemWord(token) in self.idf
        ):
            return token
        choices = self.known_words.get(token[0], [])
        match = process.extractOne(token, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return match[0] if match else token

    def search(self, question: str, limit: int = 10, boost: str = "", boost_weight: float = 0.0) -> list[Ranked]:
        """Clauses best first. `boost` adds a second, weighted query (e.g. reporting words)."""
        terms, slots = self.query_terms(question)
        scores = np.zeros(self.size, dtype=np.float64)
        for term in terms:
            ids, weights = self.postings[term.feature]
            scores[ids] += term.weight * self.idf[term.feature] * weights
        if boost and boost_weight:
            extra, _ = self.query_terms(boost)
            for term in extra:
                ids, weights = self.postings[term.feature]
                scores[ids] += boost_weight * term.weight * self.idf[term.feature] * weights
        if not terms or limit <= 0:
            return []
        count = min(limit, self.size)
        top = np.argpartition(-scores, count - 1)[:count] if count < self.size else np.arange(self.size)
        top = top[np.argsort(-scores[top], kind="stable")]
        return [
            Ranked(int(i), float(scores[i]), self.coverage(terms, slots, int(i)))
            for i in top
            if scores[i] > 0
        ]

    def coverage(self, terms: list[QueryTerm], slots: dict[int, float], clause: int) -> float:
        """Share of the question's informative words (idf-weighted) found in a clause, as word or concept."""
        total = sum(slots.values())
        if total <= 0:
            return 0.0
        features = self.features_of[clause]
        matched: set[int] = set()
        for term in terms:
            if term.feature in features:
                matched.add(term.slot)
        return sum(weight for slot, weight in slots.items() if slot in matched) / total


def build_index(clauses: Sequence[Clause], groups: Iterable[Sequence[str]]) -> ClauseIndex:
    """Index clauses once, at startup."""
    analyzer = Analyzer.from_groups(groups)
    per_clause: list[Counter[str]] = []
    lengths = np.zeros(len(clauses), dtype=np.float64)
    words: set[str] = set()
    for number, clause in enumerate(clauses):
        text = analyzer.features(clause.text)
        weighted: Counter[str] = Counter({k: float(v) for k, v in text.items()})  # type: ignore[misc]
        for extra, weight in ((clause.context, CONTEXT_WEIGHT), (clause.heading, HEADING_WEIGHT)):
            if extra:
                for feature, count in analyzer.features(extra).items():
                    weighted[feature] = weighted.get(feature, 0) + weight * count  # type: ignore[assignment]
        per_clause.append(weighted)
        lengths[number] = max(1, sum(text.values()))
        words.update(tokenize(clause.text))
    average = float(lengths.mean()) if len(clauses) else 1.0
    norms = K1 * (1 - B + B * lengths / average)

    ids_of: dict[str, list[int]] = defaultdict(list)
    tfs_of: dict[str, list[float]] = defaultdict(list)
    for number, weighted in enumerate(per_clause):
        for feature, tf in weighted.items():
            ids_of[feature].append(number)
            tfs_of[feature].append(float(tf))
    size = len(clauses)
    postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    idf: dict[str, float] = {}
    for feature, id_list in ids_of.items():
        ids = np.asarray(id_list, dtype=np.int64)
        tfs = np.asarray(tfs_of[feature], dtype=np.float64)
        postings[feature] = (ids, tfs * (K1 + 1) / (tfs + norms[ids]))
        df = len(id_list)
        idf[feature] = math.log(1 + (size - df + 0.5) / (df + 0.5))

    known: dict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        if len(word) >= 3 and not word.isdigit():
            known[word[0]].append(word)
    vocabulary_words = frozenset(
        token for key in analyzer.phrases for token in key
    )
    return ClauseIndex(
        analyzer=analyzer,
        size=size,
        postings=postings,
        idf=idf,
        features_of=[frozenset(c) for c in per_clause],
        known_words=dict(known),
        vocabulary_words=vocabulary_words,
    )
