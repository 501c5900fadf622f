"""Votes with their question become a question set of the organisation's own."""

from __future__ import annotations

from assistant.feedback import question_set_from_votes
from assistant.models import Clause, Vote


def clause(source: str, ref: str, text: str) -> Clause:
    return Clause(document=source, source=source, ref=ref, heading="", text=text, position=0)


CLAUSES = [
    clause("policy.md", "1", "Never accept parents as friends."),
    clause("policy.md", "2", "Use the club phone for parents."),
    clause("other.md", "1", "Photos need consent."),
]


def vote(question: str, source: str, ref: str, helpful: bool = True) -> Vote:
    return Vote(question=question, source=source, clause_ref=ref, helpful=helpful)


def test_a_question_voted_helpful_on_two_clauses_expects_either_once() -> None:
    voted = question_set_from_votes(
        [
            vote("can I friend a mum?", "policy.md", "1"),
            vote("can I friend a mum?", "policy.md", "2"),
            vote("can I friend a mum?", "policy.md", "1"),  # asked again, voted again
        ],
        CLAUSES,
    )
    (question,) = voted.questions
    assert question.expect == ("Never accept parents as friends.", "Use the club phone for parents.")
    assert (question.knowledge, question.kind) == ("policy.md", "answer")


def test_the_same_words_asked_of_two_policies_are_two_questions() -> None:
    voted = question_set_from_votes(
        [vote("what about photos?", "policy.md", "2"), vote("what about photos?", "other.md", "1")], CLAUSES
    )
    assert [(q.knowledge, q.expect) for q in voted.questions] == [
        ("policy.md", ("Use the club phone for parents.",)),
        ("other.md", ("Photos need consent.",)),
    ]
    assert [q.id for q in voted.questions] == ["vote-1", "vote-2"]


def test_not_helpful_votes_and_votes_on_clauses_since_removed_are_counted_not_used() -> None:
    voted = question_set_from_votes(
        [
            vote("can I text a parent?", "policy.md", "1", helpful=False),
            vote("can I post pics?", "policy.md", "7"),  # the policy no longer has a clause 7
            vote("can I post pics?", "gone.md", "1"),
        ],
        CLAUSES,
    )
    assert voted.questions == ()
    assert (voted.not_helpful, voted.clause_gone) == (1, 2)
