"""Tell a safeguarding worry from a policy question. Pure functions over the concern lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.knowledge import ConcernLexicon


@dataclass(frozen=True)
class Assessment:
    concern: bool
    immediate_danger: bool


@dataclass(frozen=True)
class ConcernDetector:
    harm: tuple[re.Pattern[str], ...]
    incident: tuple[re.Pattern[str], ...]
    topic_question: tuple[re.Pattern[str], ...]
    danger: tuple[re.Pattern[str], ...]

    @classmethod
    def from_lexicon(cls, lexicon: ConcernLexicon) -> ConcernDetector:
        def compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
            return tuple(re.compile(p) for p in patterns)

        return cls(
            harm=compiled(lexicon.harm),
            incident=compiled(lexicon.incident),
            topic_question=compiled(lexicon.topic_question),
            danger=compiled(lexicon.danger),
        )

    def assess(self, message: str) -> Assessment:
        """A concern describes harm happening to someone; asking what the policy says about harm is not one."""
        text = " ".join(message.lower().replace("’", "'").split())
        harmful = any(p.search(text) for p in self.harm)
        about_someone = any(p.search(text) for p in self.incident)
        topic = any(p.search(text) for p in self.topic_question)
        concern = harmful and about_someone and not topic
        return Assessment(concern=concern, immediate_danger=concern and any(p.search(text) for p in self.danger))
