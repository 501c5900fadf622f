"""Does an answer hold when its question is typed another way (run by hand)?

    .venv/bin/python benchmarks/typing_variants.py                      # every way, every set
    .venv/bin/python benchmarks/typing_variants.py curly thanks --list  # some ways; list the development sets' changes

Each question of every set `every_set.py` reads (held-out sets too, counted only) is asked as written and as a
phone or a paste might type it: apostrophes curly, a sign-off or a greeting around it, invisible characters pasted
in, capitals, no question mark, text speak. Counted: the questions whose outcome (passed or not, as `policybot
eval` judges) changes, each way, development and held-out sets apart. A good answerer changes few either way.
Lexical unless POLICYBOT_SEMANTIC_RANKING says otherwise.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Callable

from every_set import documents_for, question_sets

from adapters.evaluation import PolicyAdvisors
from assistant.answers import configured_reranker
from assistant.evaluation import Outcome, parse_questions
from assistant.settings import CoreSettings

WAYS: dict[str, Callable[[str], str]] = {
    "curly": lambda q: q.replace("'", "\u2019"),  # a phone's apostrophe
    "thanks": lambda q: f"{q} thanks!!",
    "greeting": lambda q: f"hi all. {q}",
    "invisible": lambda q: q.replace("a", "a\u200b", 1).replace("o", "o\u00ad", 1),  # zero-width space, soft hyphen
    "upper": str.upper,
    "no_question_mark": lambda q: q.replace("?", ""),
    "text_speak": lambda q: re.sub(r"\byou\b", "u", re.sub(r"\byour\b", "ur", re.sub(r"\bare\b", "r", q))),
    "emoji": lambda q: f"{q} \U0001f64f",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ways", nargs="*", choices=[[], *WAYS], help="the ways to type (default: all)")
    parser.add_argument("--list", action="store_true", help="list the development sets' questions that change")
    args = parser.parse_args()
    ways = args.ways or list(WAYS)
    settings = CoreSettings(_env_file=None)
    reranker = configured_reranker(settings)
    changed: Counter[tuple[str, str, str]] = Counter()
    asked: Counter[str] = Counter()
    for name, path, documents in question_sets(heldout=True):
        questions = parse_questions(path.read_text(encoding="utf-8").splitlines(), str(path))
        folder = documents or documents_for({q.knowledge for q in questions})
        advisors = PolicyAdvisors(folder, contact=settings.safeguarding_contact, reranker=reranker)
        held = "held out" if "heldout" in name else "development"
        for question in questions:
            advisor = advisors[question.knowledge]
            typed = Outcome(question, advisor.answer_now(question.question))
            asked[held] += 1
            for way in ways:
                other = Outcome(question, advisor.answer_now(WAYS[way](question.question)))
                if other.passed != typed.passed:
                    moved = "gained" if other.passed else "lost"
                    changed[(way, held, moved)] += 1
                    if args.list and held == "development":
                        print(f"{way}: {name}/{question.id} {moved}: {question.question}")
    print(f"questions: {asked['development']} development, {asked['held out']} held out")
    for way in ways:
        figures = "  ".join(
            f"{held} -{changed[(way, held, 'lost')]} +{changed[(way, held, 'gained')]}"
            for held in ("development", "held out")
        )
        print(f"{way:18s} {figures}")


if __name__ == "__main__":
    main()
