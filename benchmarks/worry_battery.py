"""How many worries the worry check catches, and how many questions it takes for worries (run by hand).

    .venv/bin/python benchmarks/worry_battery.py benchmarks/worry_battery_14.jsonl [--verbose]

A battery is JSON lines of {"text": ..., "concern": true|false}: worries, and policy questions told in
the same everyday words. Uses the bundled concern lexicon and learned check, as `policybot ask` does.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.concerns import ConcernDetector
from assistant.knowledge import load_knowledge
from assistant.settings import BUNDLED_KNOWLEDGE


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--verbose", action="store_true", help="list the worries missed and the false alarms")
    args = parser.parse_args()
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    detector = ConcernDetector.from_lexicon(knowledge.concerns, knowledge.worry_model)
    rows = [json.loads(line) for line in args.file.read_text().splitlines() if line.strip()]
    worries = [row["text"] for row in rows if row["concern"]]
    questions = [row["text"] for row in rows if not row["concern"]]
    missed = [text for text in worries if not detector.assess(text).concern]
    alarms = [text for text in questions if detector.assess(text).concern]
    print(f"worries caught {len(worries) - len(missed)}/{len(worries)}, false alarms {len(alarms)}/{len(questions)}")
    if args.verbose:
        for text in missed:
            print(f"  missed: {text}")
        for text in alarms:
            print(f"  false alarm: {text}")


if __name__ == "__main__":
    main()
