"""The learned worry check: trained deterministically, saved as data, and used beside the lexicon."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adapters.train_concerns import run
from assistant.concerns import ConcernDetector
from assistant.errors import KnowledgeError
from assistant.knowledge import load_knowledge
from assistant.settings import BUNDLED_KNOWLEDGE
from assistant.worry_model import WorryModel, train
from tests.conftest import SEEDS

EXAMPLES = [
    ("she said her stepdad hurts her when her mum is out", True),
    ("he has bruises again and says he is scared to go home", True),
    ("a boy in my group told me someone online keeps asking him for photos", True),
    ("can I accept a friend request from a parent?", False),
    ("what does the policy say about photos at events?", False),
    ("is it ok to text a parent about pick up times?", False),
]


def test_the_same_examples_always_train_the_same_model() -> None:
    first, second = train(EXAMPLES), train(EXAMPLES)
    assert first == second
    assert all(first.describes_worry(text) == worry for text, worry in EXAMPLES)


def test_training_needs_both_kinds_of_example() -> None:
    with pytest.raises(ValueError, match="both"):
        train([(text, True) for text, _ in EXAMPLES])


@pytest.mark.parametrize(
    "worry",
    [
        "one of the girls in my group has started wearing long sleeves even in the heat and she jumps whenever "
        "anyone comes near her",
        "a girl at brownies said her uncle comes in her room at night and she has to be quiet",
        # worries asked as questions, heard since the model learned from worry batteries 20, 22 and 24
        "is it a safeguarding issue if one of our dance students (12) has lost loads of weight and her mum tells her "
        "she's fat in front of everyone?",
        "does it matter that one of the year 4s keeps saying her mummy's friend sleeps in her bed",
        # a child named with their age and what they did is someone the message is about
        "kai, 11, went to the shop at break and hasnt come back, phone off",
    ],
)
def test_the_bundled_model_hears_worries_the_lexicon_has_no_words_for(worry: str) -> None:
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    assert not ConcernDetector.from_lexicon(knowledge.concerns).assess(worry).concern
    assert ConcernDetector.from_lexicon(knowledge.concerns, knowledge.worry_model).assess(worry).concern


def test_the_bundled_model_leaves_policy_questions_alone() -> None:
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    detector = ConcernDetector.from_lexicon(knowledge.concerns, knowledge.worry_model)
    for question in [
        "can I accept a friend request from a parent?",
        "a parent asked if her son can bring his new phone on the trip, is that ok?",
        "what does the policy say about grooming?",
        # a child named in a request about photos is still a photo-consent question
        "a mum says she doesn't want her son in any more of our photos, what do i do?",
        "one of the volunteers has kept the trip pics on her phone and won't delete them, what do i say to her?",
        # a child's say-so about going home alone is a question of the policy on collection
        "one of the 10 yr olds says hes allowed to go home on his own after cubs, ok to let him?",
        # the model hears a worry in this story; chat's "whats our rule on" (no apostrophe) makes it a question
        "bowling trip on saturday, meeting at 2 outside the leisure centre. last time one of the members was texting "
        "on his phone through the whole game and the pizza after. whats our rule on members using phones during "
        "sessions?",
        # a practical question told as a story, with its people and their pronouns: the model once read a long
        # story as a worry by its "and"s and "she"s
        "netball finished late and it was pouring, and Amira's mum rang to say she's stuck at work and her dad has "
        "the car. she lives two streets from me and the others had all gone home. can i walk her back or drive her?",
        "our 12 year old came back from her dad's at the weekend with a new tablet he bought her, and she says all "
        "her friends have tiktok so she wants it too. he says it's fine. do we have to say no?",
        "he's been a nightmare at every session this term, throwing the cones and swearing at the coaches, and his "
        "mum just shrugs when we tell her. can we stop him coming for a few weeks?",
    ]:
        assert not detector.assess(question).concern, question


def test_train_concerns_writes_a_model_the_knowledge_folder_then_uses(tmp_path: Path) -> None:
    examples = tmp_path / "examples.jsonl"
    examples.write_text("".join(json.dumps({"text": t, "concern": c}) + "\n" for t, c in EXAMPLES))
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "policy.md").write_text((SEEDS / "000_93b0e619727f1d44.txt").read_text())
    out: list[str] = []
    code = run(["--examples", str(examples), "--out", str(folder / "concern_model.json")], _Lines(out), _Lines(out))
    assert code == 0 and "trained on 6 examples (3 worries)" in out[0]
    assert load_knowledge(folder).worry_model == train(EXAMPLES)


def test_a_bad_example_line_is_named_in_one_line(tmp_path: Path) -> None:
    examples = tmp_path / "examples.jsonl"
    examples.write_text('{"text": "hello", "concern": "yes"}\n')
    errors: list[str] = []
    code = run(["--examples", str(examples), "--out", str(tmp_path / "m.json")], _Lines([]), _Lines(errors))
    assert code == 2
    assert errors == [f"{examples}:1: text must be a string and concern true or false"]
    assert not (tmp_path / "m.json").exists()


def test_a_broken_model_file_stops_startup_naming_it(tmp_path: Path) -> None:
    (tmp_path / "policy.md").write_text((SEEDS / "000_93b0e619727f1d44.txt").read_text())
    (tmp_path / "concern_model.json").write_text('{"weights": "not a table"}')
    with pytest.raises(KnowledgeError, match=r"concern_model\.json"):
        load_knowledge(tmp_path)


class _Lines:
    """A text stream that keeps what is printed to it, a line per print."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def write(self, text: str) -> int:
        if text.strip():
            self.lines.append(text.rstrip("\n"))
        return len(text)

    def flush(self) -> None:
        pass


def test_the_bundled_model_file_is_a_model() -> None:
    model = WorryModel.model_validate_json((BUNDLED_KNOWLEDGE / "concern_model.json").read_bytes())
    assert model.weights and 0 < model.threshold < 1


def test_a_model_that_cannot_be_written_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    examples = tmp_path / "examples.jsonl"
    examples.write_text("".join(json.dumps({"text": t, "concern": c}) + "\n" for t, c in EXAMPLES))
    errors: list[str] = []
    code = run(["--examples", str(examples), "--out", str(tmp_path / "no" / "m.json")], _Lines([]), _Lines(errors))
    assert code == 2
    assert errors == [f"policybot train-concerns: {tmp_path / 'no' / 'm.json'}: No such file or directory"]
