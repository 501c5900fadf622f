"""The Discord bot under load (run by hand, not in CI).

    .venv/bin/python benchmarks/discord_bench.py [--questions 500] [--rate 50] [--reports 100]

Runs the real bot (`running_bot`: discord.py 2.7.1, bundled knowledge, SQLite) against the local
fake Discord from the tests, over real HTTP and websocket, all in this one process, and measures:

- /policy at a fixed load: INTERACTION_CREATE events sent open-loop at `--rate` per second (on
  schedule, whether or not earlier ones were answered, as Discord does); from sending the event to
  the deferral reaching the fake (Discord's 3-second rule) and to the answer follow-up;
- reports: `--reports` modal submissions at once; from submit to the reporter's receipt, and to
  the last lead DM delivered by the outbox.

The fake shares the process (and event loop) with the bot, so the figures are an upper bound.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from adapters.discord_bot import running_bot  # noqa: E402
from assistant.encryption import generate_key  # noqa: E402
from assistant.settings import BUNDLED_KNOWLEDGE, CoreSettings, DiscordSettings  # noqa: E402
from tests.fakes.discord_api import APP_ID, FakeDiscord  # noqa: E402

LEADS = ("800000000000000001", "800000000000000002")
REPORTER = "700000000000000001"
QUESTIONS = [
    "can I accept a parent's friend request on facebook?",
    "can I post photos of young people on social media?",
    "is it ok to text a young person on whatsapp?",
    "what should I do if a kid messages me on insta at night?",
    "what time does the minibus leave on saturday?",
]
FORM = [
    {"type": 18, "component": {"type": 4, "custom_id": "what", "value": "Benchmark report: seen on Snapchat."}},
    {"type": 18, "component": {"type": 21, "custom_id": "category", "value": "online_contact"}},
    {"type": 18, "component": {"type": 23, "custom_id": "danger", "value": False}},
]


async def until(condition: Callable[[], bool], limit: float) -> None:
    """Poll (not on every request, which would cost the bot's event loop more than the bot does)."""
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the bot did not keep up")
        await asyncio.sleep(0.05)


def summary(label: str, seconds: list[float]) -> str:
    ms = sorted(value * 1000 for value in seconds)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return f"{label:<34} n={len(ms):<5} p50 {statistics.median(ms):7.1f} ms   p99 {p99:7.1f} ms   max {ms[-1]:7.1f} ms"


async def main(questions: int, rate: float, reports: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeDiscord() as fake:
            fake.add_user(REPORTER, "Volunteer")
            core = CoreSettings(
                _env_file=None,
                knowledge=BUNDLED_KNOWLEDGE,
                database_url=f"sqlite:///{Path(tmp) / 'bench.db'}",
                report_key=generate_key(),
            )
            settings = DiscordSettings(
                _env_file=None,
                token="OTAwMDAwMDAwMDAwMDAwMDAx.bench.token",
                safeguarding_leads=",".join(LEADS),
                api_url=fake.api_url,
            )
            async with running_bot(core, settings) as (_bot, _connection):
                await asyncio.wait_for(fake.identified.wait(), 30)
                await bench_questions(fake, questions, rate)
                await bench_reports(fake, reports)


async def bench_questions(fake: FakeDiscord, count: int, rate: float) -> None:
    user = fake.users[REPORTER]
    sent: list[tuple[float, dict[str, object]]] = []
    start = time.perf_counter()
    for index in range(count):
        await asyncio.sleep(max(0.0, start + index / rate - time.perf_counter()))
        payload = await fake.slash_command("policy", user, {"question": QUESTIONS[index % len(QUESTIONS)]})
        sent.append((time.perf_counter(), payload))
    await until(lambda: sum(call.path.startswith("/webhooks/") for call in fake.calls) >= count, 120)
    arrival = {id(call): at for call, at in fake.arrivals}
    deferrals, answers = [], []
    for at, payload in sent:
        [deferral] = fake.calls_to("POST", f"/interactions/{payload['id']}/{payload['token']}/callback")
        [answer] = fake.calls_to("POST", f"/webhooks/{APP_ID}/{payload['token']}")
        deferrals.append(arrival[id(deferral)] - at)
        answers.append(arrival[id(answer)] - at)
    print(f"/policy, {count} questions sent at {rate:g}/s")
    print(summary("  event -> deferral (3 s rule)", deferrals))
    print(summary("  event -> answer follow-up", answers))


async def bench_reports(fake: FakeDiscord, count: int) -> None:
    user = fake.users[REPORTER]
    before = len(fake.calls_to("POST", r"/channels/\d+/messages"))
    start = time.perf_counter()
    payloads = [await fake.submit_modal("pb:report:form", user, FORM) for _ in range(count)]
    await until(lambda: len(fake.calls_to("POST", r"/channels/\d+/messages")) >= before + count * len(LEADS), 300)
    arrival = {id(call): at for call, at in fake.arrivals}
    receipts = [
        arrival[id(fake.calls_to("POST", f"/webhooks/{APP_ID}/{payload['token']}")[0])] - start for payload in payloads
    ]
    dms = [arrival[id(call)] - start for call in fake.calls_to("POST", r"/channels/\d+/messages")[before:]]
    print(f"reports, {count} submitted at once, {len(LEADS)} leads each")
    print(summary("  submit -> reporter's receipt", receipts))
    print(summary("  submit -> lead DM delivered", dms))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=500)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--reports", type=int, default=100)
    args = parser.parse_args()
    asyncio.run(main(args.questions, args.rate, args.reports))
