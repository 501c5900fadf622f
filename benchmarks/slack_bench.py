"""Slack HTTP mode under load (run by hand, not in CI).

    .venv/bin/python benchmarks/slack_bench.py [--seconds 10] [--rate 100] [--concurrency 32]

Starts, as separate processes on this machine: `policybot slack --port 0` (the real app, one
process, bundled knowledge, SQLite) pointed at a local fake Slack Web API, and a bare aiohttp
handler that answers every POST with a fixed JSON body (the floor: what aiohttp itself costs).
Then, against each, from this process:

- throughput: `--concurrency` clients sending signed `/policy` requests back to back for
  `--seconds`: requests per second;
- ack latency at a fixed load: requests sent open-loop at `--rate` per second for `--seconds`
  (a request is sent on schedule whether or not earlier ones have been answered, as Slack does):
  p50 / p99 / max from send to the HTTP response (the ack, which carries the answer).

Target (issue 4): p99 ack < 300 ms at 100 requests/s on one process.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.encryption import generate_key  # noqa: E402
from tests.adapters.slack.conftest import sign  # noqa: E402
from tests.fakes.slack_api import SlackApiFake  # noqa: E402

SECRET = "benchmark-signing-secret"
EVAL = REPO.parent / "shared" / "eval" / "questions.jsonl"
FALLBACK_QUESTIONS = [
    "can I accept a parent's friend request?",
    "can I post trip photos on my own instagram?",
    "can I text a young person on whatsapp?",
    "what should I do if a child messages me on snapchat?",
    "am I allowed to use my personal phone to take pictures of the kids?",
]


def questions() -> list[str]:
    if EVAL.exists():
        return [json.loads(line)["question"] for line in EVAL.read_text().splitlines() if line.strip()]
    return FALLBACK_QUESTIONS


def command_body(text: str, n: int) -> str:
    return urlencode(
        {
            "team_id": "T0000001",
            "channel_id": "CBENCH001",
            "user_id": "UBENCH001",
            "command": "/policy",
            "text": text,
            "response_url": f"http://127.0.0.1:9/respond/{n}",
            "trigger_id": f"trigger-{n}",
        }
    )


# --- the two servers ------------------------------------------------------------------------------


def serve_bare() -> None:
    """The floor: aiohttp answering every POST with fixed JSON, no Slack, no Bolt, no core."""

    async def handle(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"response_type": "ephemeral", "text": "ok"})

    async def main() -> None:
        app = web.Application()
        app.router.add_post("/slack/events", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        print(f"listening on http://127.0.0.1:{port}/slack/events", file=sys.stderr, flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


@contextlib.asynccontextmanager
async def server(args: list[str], env: dict[str, str]) -> AsyncIterator[str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, *args, cwd=REPO, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
    )
    assert process.stderr is not None
    try:
        async with asyncio.timeout(30):
            while True:
                line = (await process.stderr.readline()).decode()
                if not line:
                    raise RuntimeError("server exited before it was ready")
                if found := re.search(r"listening on (http://127\.0\.0\.1:\d+/slack/events)", line):
                    break
        drain = asyncio.create_task(process.stderr.read())  # keep its log pipe from filling
        yield found.group(1)
        drain.cancel()
    finally:
        process.terminate()
        await process.wait()


# --- load ---------------------------------------------------------------------------------------------


async def send(session: aiohttp.ClientSession, url: str, text: str, n: int) -> float:
    body = command_body(text, n)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body, secret=SECRET)}
    started = time.perf_counter()
    async with session.post(url, data=body.encode(), headers=headers) as resp:
        await resp.read()
        if resp.status != 200:
            raise RuntimeError(f"HTTP {resp.status}")
    return time.perf_counter() - started


async def throughput(url: str, texts: list[str], seconds: float, concurrency: int) -> float:
    done = 0
    deadline = time.perf_counter() + seconds

    async def client(session: aiohttp.ClientSession, offset: int) -> None:
        nonlocal done
        n = offset
        while time.perf_counter() < deadline:
            await send(session, url, texts[n % len(texts)], n)
            done += 1
            n += concurrency

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(*(client(session, i) for i in range(concurrency)))
        return done / (time.perf_counter() - started)


async def latency_at(url: str, texts: list[str], seconds: float, rate: float) -> list[float]:
    total = int(seconds * rate)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        for n in range(20):  # warm up connections and caches
            await send(session, url, texts[n % len(texts)], n)
        started = time.perf_counter()
        tasks = []
        for n in range(total):
            delay = started + n / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(send(session, url, texts[n % len(texts)], n)))
        return list(await asyncio.gather(*tasks))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def measure(name: str, url: str, texts: list[str], opts: argparse.Namespace) -> dict[str, object]:
    rps = await throughput(url, texts, opts.seconds, opts.concurrency)
    latencies = await latency_at(url, texts, opts.seconds, opts.rate)
    ms = [x * 1000 for x in latencies]
    return {
        "server": name,
        "req/s (max)": round(rps),
        f"p50 ms @ {opts.rate:g}/s": round(statistics.median(ms), 1),
        f"p99 ms @ {opts.rate:g}/s": round(percentile(ms, 99), 1),
        f"max ms @ {opts.rate:g}/s": round(max(ms), 1),
    }


async def run(opts: argparse.Namespace) -> None:
    texts = questions()
    api = await SlackApiFake().start()
    with tempfile.TemporaryDirectory() as data:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("POLICYBOT_", "SLACK_"))},
            "PYTHONPATH": str(REPO),
            "SLACK_BOT_TOKEN": "xoxb-benchmark",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api.api_url,
            "SLACK_SAFEGUARDING_LEADS": "ULEAD0001",
            "POLICYBOT_DATABASE_URL": f"sqlite:///{Path(data) / 'bench.db'}",
            "POLICYBOT_REPORT_KEY": generate_key(),
        }
        rows = []
        async with server([__file__, "--bare-server"], env) as url:
            rows.append(await measure("bare aiohttp handler", url, texts, opts))
        async with server(["-m", "adapters.cli", "slack", "--port", "0", "--host", "127.0.0.1"], env) as url:
            rows.append(await measure("policybot slack (Bolt + core)", url, texts, opts))
    await api.stop()
    print(
        f"\n{len(texts)} distinct questions; {opts.seconds:g} s per phase; {os.cpu_count()} CPUs; "
        f"Python {sys.version.split()[0]}\n"
    )
    header = list(rows[0])
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(row[h]) for h in header) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--bare-server", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.bare_server:
        serve_bare()
    else:
        asyncio.run(run(opts))


if __name__ == "__main__":
    main()
