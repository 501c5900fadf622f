"""How text becomes features: words, their Snowball stems, and the vocabulary's concepts. Pure functions.

A text (a clause, an intro line, a heading, a question) is read as lower-cased word tokens, each cut to
its stem (PyStemmer; a few words keep a stem of their own, see OVERSTEMMED). Its features are the stems
of its words that are not stopwords, each pair of those side by side, and the concepts: the synonym
groups of `knowledge/vocabulary.toml` whose words or phrases occur among all its stems. A question is
analysed one text at a time; the index analyses its clauses in batches (`tokenize_all`, `analyse_all`),
each distinct word stemmed once and the features counted with numpy, with the same result.
"""

from __future__ import annotations

import itertools
import re
import string
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import Stemmer

if TYPE_CHECKING:
    from assistant.models import Vocabulary

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
    "liked": "liked",  # liking a post, apart from the "like" of "i'd like to" and "things like photos"
    "likes": "liked",
    "liking": "liked",
    "lettings": "lettings",  # hiring out a hall, not "let him go home"
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
    "medical": "medical",  # "medical details" are not giving medication (both "medic" in Snowball)
    "medically": "medical",
    "tripped": "tripped",  # a fall, not an outing
    "tripping": "tripped",
    "sexuality": "sexuality",  # who someone is, not sexual harm
    "expensive": "expensive",  # costly, not expenses
    "initial": "initial",  # "initial concerns", a name's initials: not an initiation
    "initials": "initial",
    "initially": "initial",
    "polite": "polite",  # not political
    "politely": "polite",
    "quite": "quite",  # not quitting
    "rowing": "rowing",  # the sport, not a row
    "collective": "collective",  # not collecting a child
    "collectively": "collective",
    "valuable": "valuable",  # worth a lot, not someone's valuables
    "hospitality": "hospitality",  # gifts and meals, not a hospital
    "doctored": "doctored",  # an altered image, not a doctor
    "lifting": "lifting",  # lifting a child, not a lift home
    "lifted": "lifting",
    "spotted": "spotted",  # noticed, not a gymnast's spotting
    "equally": "equally",  # not equality
    "mobility": "mobility",  # not a mobile phone
    "production": "production",  # a show, not a product
    "productions": "production",
    "publicity": "publicity",  # promotion, not who can see a post
    "definitely": "definite",  # "is it definitely ok?" asks for no definition
    "definite": "definite",
    "conversion": "conversion",  # not a conversation
    "kidding": "kidding",  # not a kid
    "lately": "lately",  # recently, not late
    "animated": "animated",  # not animals
    "animation": "animated",
    "constitute": "constitute",  # "what constitutes abuse" is not the organisation's constitution
    "constitutes": "constitute",
    "constituted": "constitute",
    "exclusive": "exclusive",  # not an exclusion
    "exclusively": "exclusive",
    "evident": "evident",  # not evidence
    "evidently": "evident",
    "identical": "identical",  # not an identity
    "minority": "minority",  # not a minor
    "minorities": "minority",
    "practically": "practically",  # nearly, not a practice
    "relatively": "relatively",  # not relating
    "remarkable": "remarkable",  # not a remark made
    "remarkably": "remarkable",
    "reporter": "reporter",  # the press, not reporting a concern
    "reporters": "reporter",
    "savings": "savings",  # money, not saving an image
    "boarding": "boarding",  # a boarding school, not a board
    "spots": "spots",  # not a gymnast's spotting
    "snapped": "snapped",  # lost their temper, not Snapchat
    "grams": "grams",  # a weight, not Instagram
    "racing": "racing",  # a sport, not race
    "raced": "racing",
}


# contracted negations, as tokenize leaves them (apostrophe dropped), already stems
NEGATIONS = ("isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "hasnt", "havent", "cant", "wont", "never")

STEM_CACHE = 100_000  # words

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
    maybe probably guess right wrong good bad best better new old big little great amazing
    nah nope yep yup innit anymore everyones someones anyones""".split()
    # how a scene's news came ("a mum sent me a friend request", "he found my insta", "saw a post") is not what
    # is asked, and "the link is sent to parents" no answer to it; a question about sending names what is sent
    + "sent send sends sending found saw noticed".split()
    # the day a scene happened ("at bowling on sat") is not what is asked
    + "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays "
    "saturdays sundays mon tues weds thurs fri sat tmrw tmr".split()
)


# (a point inside a number, "10.30pm", "£2.50", ends no sentence)
_MESSAGE_SENTENCE = re.compile(r"(?:[^.?!\n]|\.(?=\d))+[.?!\n]*")
# phones type a curly apostrophe ("she’s", "don’t"), some keyboards an accent; what reads messages is written with
# the straight one
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ´", "'"))
_POSSESSIVE = re.compile(r"['’]s\b")
_APOSTROPHE = re.compile(r"['’]")
# an age written "14yo" or "15yrs" is the age and its unit, two words; few texts have one
_AGE = re.compile(r"\d(?:yo|yr)")
_AGE_WORD = re.compile(r"\b\d{1,2}(?=(?:yo|yos|yrs|yr)\b)|[a-z0-9]+")
# for bytes.translate: a-z and 0-9 stay, any other byte becomes a space
_WORD_BYTES = bytes(byte if chr(byte) in string.ascii_lowercase + string.digits else ord(" ") for byte in range(256))


# "follow the organisation's procedures" is complying with them, not following someone online
_PROCEDURAL_FOLLOW = re.compile(
    r"\bfollow(?:s|ed|ing)?(?=\s+(?:the|our|their|its|this|these|all|any|normal|relevant|correct|appropriate|"
    r"agreed|same|local|usual|safeguarding|child protection|disciplinary|complaints?|reporting|whistleblowing|"
    r"grievance)\b[^.;:]{0,50}?\b(?:procedures?|polic(?:y|ies)|"
    r"guidance|process(?:es)?|steps|advice|instructions|rules|code|protocols?|plans?|principles|guidelines)\b)"
)


# "contact the Safeguard Lead" is reporting to them, not contact with a young person online
_CONTACTING_A_ROLE = re.compile(
    r"\bcontact(?:s|ed|ing)?(?=\s+(?:the|your|our|their|a|an|one of the)\s+(?:[\w-]+\s+){0,3}?(?:leads?|officers?|"
    r"managers?|police|dsl|dsls|team|co-?ordinators?|directors?|supervisors?|designated|trustees?|chair|lado)\b)"
)


# "the club's secure drive", "saved on the shared Google Drive": where files are kept, not driving a car
_STORAGE_DRIVE = re.compile(
    r"\b(shared|secure|google|staff|school|network|team|project|cloud|hard|usb|pen|flash|external|coaching|"
    r"office|the|into|onto|our|club)\s+drive(?=s?\b(?!\s+(?:home|back|them|him|her|there|to|round|"
    r"over|past|off|in|up|down|from|for|a|an|the|my|his|their|it|safely|carefully)\b))"
)


# a time of day, written one way: "9 pm", "9pm" and the "9" of "9-11pm" alike "9pm", "10.30pm" and "10:30 pm" alike
# "1030pm", so a question's "the 9-11pm slot" meets the policy's "after 9pm" (the vocabulary groups the times)
_TIME_OF_DAY_HINT = re.compile(r"\d\s*[ap]m\b")
_TIME_RANGE = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–|to|till|until)\s*(?=\d{1,2}(?:[.:]\d{2})?\s*([ap]m)\b)")
_TIME_OF_DAY = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap]m)\b")  # "9pm" itself is left as it is


def _times_as_one_word(text: str) -> str:
    text = _TIME_RANGE.sub(lambda m: f"{m.group(1)}{m.group(2) or ''}{m.group(3)} ", text)
    return _TIME_OF_DAY.sub(lambda m: "".join(part for part in m.groups() if part), text)


# "if i just like a mates post": liking a post, not the "like" of "things like photos"
_LIKING = re.compile(
    r"\b(i|we|you|they|he|she|just|to|not|never|also|ever|only|accidentally|cant|can|should|could|dont|didnt|and|or)"
    r"\s+like\b(?=\s+(?:(?:a|an|the|my|your|his|her|their|our|this|that|some|any|someones?|somebodys?|peoples?|"
    r"others?|mates?|friends?|colleagues?|parents?|work|old|political)\s+){0,2}(?:posts?|comments?|photos?|pics?|"
    r"pictures?|status(?:es)?|tweets?|videos?|reels?|stories)\b)"
    # ...or the button: "i just hit like without thinking"
    r"|\b(hit|hitting|pressed|pressing|clicked|clicking|click|press|tapped|tap)\s+like\b"
)


def message_sentences(message: str) -> list[str]:
    """A chat message's sentences, each with the marks or line break ending it ("can i post it?" keeps its "?")."""
    return _MESSAGE_SENTENCE.findall(message)


def straight_apostrophes(text: str) -> str:
    """The text with its apostrophes, however typed, as "'"."""
    return text.translate(_APOSTROPHES)


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens; possessive 's dropped, other apostrophes removed (dont, im); "follow" read
    as "comply" before a procedure, policy or guidance, and "contact" as "notify" before a role ("contact
    the Safeguard Lead"), "drive" as "storage" where files are kept ("the shared drive"), "like" as "liked"
    before a post or after a button's verb ("if i like a mates post", "i hit like"), and a time of day as one word
    ("10.30 pm" as "1030pm")."""
    text = text.lower()
    if "follow" in text:
        text = _PROCEDURAL_FOLLOW.sub("comply", text)
    if "contact" in text:
        text = _CONTACTING_A_ROLE.sub("notify", text)
    if "'" in text or "’" in text:  # most clauses have none: skip the substitutions
        text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    if "drive" in text:
        text = _STORAGE_DRIVE.sub(r"\1 storage", text)
    if "like" in text:
        text = _LIKING.sub(lambda m: f"{m.group(1) or m.group(2)} liked", text)
    if "18+" in text:
        text = text.replace("18+", "18plus")
    if ("pm" in text or "am" in text) and _TIME_OF_DAY_HINT.search(text):  # most texts give no time of day
        text = _times_as_one_word(text)
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
    # stemmed phrase -> concepts its words don't stand for there: a "lunch break" is no breach of the rules
    exceptions: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    exception_starts: frozenset[str] = frozenset()  # their first stems: most texts have none of them

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> Analyzer:
        """The analyzer of a vocabulary's groups, each with the phrases its words mean something else in."""
        groups = vocabulary.group
        return cls.from_groups([group.terms for group in groups], [group.not_in for group in groups])

    @classmethod
    def from_groups(cls, groups: Iterable[Sequence[str]], not_in: Sequence[Sequence[str]] = ()) -> Analyzer:
        """`not_in[n]`: phrases in which group n's words mean something else (optional, per group)."""
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
        excepted: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for number, exceptions in enumerate(not_in):
            for exception in exceptions:
                if stems := tuple(analyzer.stem_all(tokenize(exception))):
                    excepted[stems].add(f"~{number}")
        analyzer.exceptions = {key: tuple(sorted(ids)) for key, ids in excepted.items()}
        analyzer.exception_starts = frozenset(key[0] for key in excepted)
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
        longest phrase hide the words inside it was measured, and lost more than it won.) Only a group's
        exception phrases take its sense away ("lunch break" is no breach).
        """
        return self._matches(stems, self._excepted(stems))

    def _matches(self, stems: list[str], excepted: set[tuple[int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
        """`matches`, given the stems' `_excepted` words."""
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for start, phrases in enumerate(map(self.phrase_pairs.get, itertools.pairwise(stems))):
            for phrase, ids in phrases or ():
                if len(phrase) == 2 or tuple(stems[start : start + len(phrase)]) == phrase:
                    found.append((start, len(phrase), ids))
        single = self.single_words
        found += [(i, 1, single[stem]) for i, stem in enumerate(stems) if stem in single]
        if excepted:
            found = [
                (start, length, kept)
                for start, length, ids in found
                if (kept := tuple(c for c in ids if not {(start, c), (start + length - 1, c)} <= excepted))
            ]
        return found

    def uses_in_its_sense(self, stems: list[str], stem: str, concepts: Sequence[str]) -> bool:
        """The word `stem` occurs in the stems outside every exception phrase of `concepts` ("pets", not the "pet"
        of "no pet names")."""
        excepted = self._excepted(stems)
        return any(s == stem and not {(i, c) for c in concepts} <= excepted for i, s in enumerate(stems))

    def _excepted(self, stems: list[str]) -> set[tuple[int, str]]:
        """(position, concept) for each word inside an exception phrase, which doesn't stand for the concept. A
        match of the concept whose first and last words are both such words is dropped."""
        excepted: set[tuple[int, str]] = set()
        if self.exception_starts.isdisjoint(stems):
            return excepted
        for phrase, ids in self.exceptions.items():
            for start in range(len(stems) - len(phrase) + 1):
                if stems[start] == phrase[0] and tuple(stems[start : start + len(phrase)]) == phrase:
                    excepted.update((start + offset, c) for offset in range(len(phrase)) for c in ids)
        return excepted

    def concepts(self, stems: list[str]) -> set[str]:
        """Concept ids of the vocabulary words and phrases found in the stem sequence.

        The same as collecting `matches` without the positions. It runs for every clause at build time,
        so single words are looked up in one pass and phrases only where their first two stems meet.
        """
        if excepted := self._excepted(stems):  # rare: the slower way, word by word
            return {concept for _, _, ids in self._matches(stems, excepted) for concept in ids}
        found: set[str] = set().union(*filter(None, map(self.single_words.get, stems)))
        for position, phrases in enumerate(map(self.phrase_pairs.get, itertools.pairwise(stems))):
            for phrase, ids in phrases or ():
                if len(phrase) == 2 or tuple(stems[position : position + len(phrase)]) == phrase:
                    found.update(ids)
        return found

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
        match, item = expand(matched, np.cumsum([0] + [len(ids) for _, ids in phrases]))  # a match per concept
        concepts = np.array([concept for _, ids in phrases for concept in ids], dtype=np.int64)[item]
        starts = positions[match]
        if self.exceptions:
            lengths = np.array([len(phrase) for phrase in stems], dtype=np.int64)[matched[match]]
            excepted = self._excepted_all(stem_number, number, sequence, text_of, ends)
            first = np.isin(starts.astype(np.int64) * len(names) + concepts, excepted)
            last = np.isin((starts + lengths - 1).astype(np.int64) * len(names) + concepts, excepted)
            starts, concepts = starts[~(first & last)], concepts[~(first & last)]
        rows, _ = _distinct(text_of[starts].astype(np.int64) * len(names) + concepts)
        return names, rows // len(names), rows % len(names)

    def _excepted_all(
        self,
        stem_number: dict[str, int],
        number: dict[str, int],
        sequence: np.ndarray,
        text_of: np.ndarray,
        ends: np.ndarray,
    ) -> np.ndarray:
        """`_excepted` over texts laid one after another: position * len(number) + concept number, per word
        inside an exception phrase and concept it doesn't stand for there."""
        exceptions = [
            (tuple(stem_number[stem] for stem in phrase), [number[c] for c in ids if c in number])
            for phrase, ids in self.exceptions.items()
            if all(stem in stem_number for stem in phrase)
        ]
        if not exceptions:
            return np.zeros(0, dtype=np.int64)
        phrases = [phrase for phrase, _ in exceptions]
        positions, found = _phrase_matches(phrases, len(stem_number), sequence, text_of, ends)
        keys = [
            (positions[found == n].astype(np.int64) + offset) * len(number) + concept
            for n, (phrase, ids) in enumerate(exceptions)
            for offset in range(len(phrase))
            for concept in ids
        ]
        return np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)


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


def expand(owners: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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
