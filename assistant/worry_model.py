"""A small learned check for a safeguarding worry told in everyday words.

The concern lexicon (`knowledge/concerns.toml`) names harm in the words people most often use; the
ways staff actually describe a worry ("her dad's new boyfriend keeps turning up and she goes really
quiet") are too many to list. This is a logistic regression over the message's words and pairs of
adjacent words, trained on labelled examples (`knowledge/concern_examples.jsonl`: worries, and policy
questions that use alarming words), with its weights kept as data (`knowledge/concern_model.json`).
Pure numpy, deterministic, trained by `policybot train-concerns`; at answer time it is a dictionary
lookup per word.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
from pydantic import Field

from assistant.models import Frozen
from assistant.text_analysis import tokenize

THRESHOLD = 0.65  # probability above which a message reads as a worry
L2 = 1.0  # weight decay: many words are seen once, and must not decide alone
STEPS = 800
RATE = 1.0
MIN_WEIGHT = 1e-3  # smaller weights are dropped from the saved model


def message_features(text: str) -> set[str]:
    """The words of a message and its pairs of adjacent words ("goes_quiet")."""
    words = tokenize(text)
    return set(words) | {f"{a}_{b}" for a, b in itertools.pairwise(words)}


class WorryModel(Frozen):
    weights: dict[str, float]
    bias: float
    threshold: float = Field(default=THRESHOLD, gt=0, lt=1)

    def probability(self, text: str) -> float:
        """How likely the message describes a worry about someone, by its words."""
        score = self.bias + sum(self.weights.get(feature, 0.0) for feature in message_features(text))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))

    def describes_worry(self, text: str) -> bool:
        return self.probability(text) >= self.threshold


def train(examples: Sequence[tuple[str, bool]], *, threshold: float = THRESHOLD) -> WorryModel:
    """Fit the weights by gradient descent from zero: the same examples always give the same model."""
    if not any(label for _, label in examples) or all(label for _, label in examples):
        raise ValueError("training needs examples of both worries and questions")
    rows = [message_features(text) for text, _ in examples]
    vocabulary = sorted(set().union(*rows))
    column = {feature: number for number, feature in enumerate(vocabulary)}
    x = np.zeros((len(rows), len(vocabulary)))
    for number, features in enumerate(rows):
        x[number, [column[feature] for feature in features]] = 1.0
    y = np.array([1.0 if label else 0.0 for _, label in examples])
    weights, bias = np.zeros(len(vocabulary)), 0.0
    for _ in range(STEPS):
        predicted = 1 / (1 + np.exp(-(x @ weights + bias)))
        error = predicted - y
        weights -= RATE * (x.T @ error + L2 * weights) / len(y)
        bias -= RATE * float(error.mean())
    kept = {feature: round(float(w), 5) for feature, w in zip(vocabulary, weights, strict=True) if abs(w) >= MIN_WEIGHT}
    return WorryModel(weights=kept, bias=round(bias, 5), threshold=threshold)
