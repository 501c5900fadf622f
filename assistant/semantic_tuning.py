"""Fitting the semantic re-ranker's question map to questions staff ask and the clauses that answer them.

The published model was trained on web text: it puts "can I go on facebook on the classroom pc?" nearer a
clause about Facebook than one about "equipment provided by the school". The question map (`QuestionMap`)
is a 384 x 384 matrix applied to the question's vector; fitted here to answerable questions (in the eval
format), it learns where staff's words and policies' words meet. It is fitted to the re-ranker's own
choice: for each question, the clauses the lexical ranking offers it (the first REACH of an answer it
gives), scored as the re-ranker scores them (similarity, less a step a place), and the clauses that answer
it made likelier. A pull towards the identity keeps it near the model it starts from, so a handful of
questions cannot carry it far.

What it learns is the policies it was fitted with questions about: fitted to our development sets, held-out
questions about those same policies were answered first far more often, and questions about other policies
not at all more often (README, "The question map"). So none is shipped: it is a tool for an organisation to
fit to questions about its own policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.answers import PolicyAdvisor, clean_question
from assistant.evaluation import EvalQuestion, hit_matches
from assistant.models import AnswerStatus
from assistant.semantic import PLACE_STEP, REACH, SIMILARITY_WEIGHT, SemanticReranker, reorder

# A first choice, then swept across policies on the development sets (fitted on two groups of them, measured on
# the third): every value tried was within noise of these (docs/measurements.md, eighth session of 2026-12-04).
ROUNDS = 100  # steps of gradient descent over every question at once (deterministic)
STEP = 1.0
SHARPNESS = 5.0  # how much the fitting trusts a difference in score: the softmax's inverse temperature
PULL = 0.01  # weight of the squared distance from the identity


@dataclass(frozen=True)
class TuningExample:
    """One answerable question: its vector, the vectors and lexical strengths of the clauses the lexical
    ranking offers it (in its order), and which of them answer it (at least one)."""

    question: np.ndarray
    clauses: np.ndarray
    strengths: tuple[float, ...]
    answers: np.ndarray


def tuning_examples(
    advisor: PolicyAdvisor, questions: Sequence[EvalQuestion], reranker: SemanticReranker
) -> list[TuningExample]:
    """The examples of the `answer` questions the advisor (lexical: it must have no re-ranker) answers with
    an answering clause among the first REACH. Questions it would not answer teach nothing about the order."""
    if advisor.reranker is not None:
        raise ValueError("tuning examples come from the lexical order: give an advisor without a re-ranker")
    examples = []
    for question in questions:
        if question.kind != "answer":
            continue
        if advisor.answer_now(question.question).status is not AnswerStatus.ANSWERED:
            continue
        asked = clean_question(question.question)
        ranked = advisor.index.search(asked, limit=REACH)  # what the re-ranker would be given to reorder
        clauses = [advisor.knowledge.clauses[r.index] for r in ranked]
        answers = np.array([hit_matches(clause.quote, question.expect) for clause in clauses], dtype=bool)
        if not answers.any():
            continue
        examples.append(
            TuningExample(
                question=reranker.encoder.encode([asked])[0],
                clauses=reranker.clause_vectors([clause.text for clause in clauses]),
                strengths=tuple(r.strength for r in ranked),
                answers=answers,
            )
        )
    return examples


def fit_question_map(
    examples: Sequence[TuningExample],
    *,
    rounds: int = ROUNDS,
    step: float = STEP,
    sharpness: float = SHARPNESS,
    pull: float = PULL,
) -> np.ndarray:
    """The matrix M minimising, over the examples, the cross-entropy of the answering clauses under a softmax
    of sharpness x (SIMILARITY_WEIGHT x similarity(M q, clause) - PLACE_STEP x place), plus pull x |M - I|^2."""
    if not examples:
        raise ValueError("no examples to fit: no question was answered with its answering clause offered")
    size = examples[0].question.shape[0]
    identity = np.eye(size)
    matrix = identity.copy()
    for _ in range(rounds):
        gradient = np.zeros((size, size))
        for example in examples:
            places = np.arange(len(example.answers))
            scores = sharpness * (
                SIMILARITY_WEIGHT * (example.clauses @ (matrix @ example.question)) - PLACE_STEP * places
            )
            chance = np.exp(scores - scores.max())
            chance /= chance.sum()
            # the same softmax over the answering clauses alone (from their own best: nothing underflows)
            wanted = np.zeros(len(scores))
            wanted[example.answers] = np.exp(scores[example.answers] - scores[example.answers].max())
            wanted /= wanted.sum()
            # d(loss)/d(score) is chance - wanted; the score is linear in M through (M q) . clause
            pushed = (sharpness * SIMILARITY_WEIGHT * (chance - wanted)) @ example.clauses
            gradient += np.outer(pushed, example.question)
        gradient = gradient / len(examples) + 2 * pull * (matrix - identity)
        matrix -= step * gradient
    return matrix.astype(np.float32)


def answered_first(examples: Sequence[TuningExample], matrix: np.ndarray | None = None) -> int:
    """How many of the examples the re-ranker would answer first with an answering clause, with this
    question map (None: the model alone)."""
    count = 0
    for example in examples:
        asked = example.question if matrix is None else matrix @ example.question
        order = reorder(example.clauses[:REACH] @ asked, example.strengths)
        count += bool(example.answers[order[0]])
    return count
