"""Report intake and delivery speed, by hand: `.venv/bin/python benchmarks/reports_bench.py`.

For SQLite (a temporary file) and PostgreSQL (a temporary schema on --postgres), it measures:
- floor: a bare aiosqlite / asyncpg loop inserting one row (with a same-size encrypted blob) per
  transaction, the least any durable store must do per report;
- burst: policybot's `ReportDesk.submit` as fast as it goes (N reports, `--concurrency` at a time),
  each stored with its 2 delivery jobs in one transaction, delivered by the outbox worker;
- sustained: reports submitted at a steady `--rate` per second for `--seconds`, with the time from
  submit to each lead's delivery (p50 / p99), through a no-op notifier.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiosqlite
import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.bootstrap import open_report_desk
from assistant.encryption import ReportCipher, generate_key
from assistant.models import Report, ReportDraft, UserRef
from assistant.reports import recipients_from_ids
from assistant.settings import CoreSettings

TEXT = (
    "Volunteer messaged a 14-year-old on Snapchat late at night asking to meet after training. "
    "She showed me the messages and said 'he keeps asking'. Screenshots kept. " * 3
)
RECIPIENTS = recipients_from_ids("console", ["lead-a", "lead-b"])
REPORTER = UserRef(platform="console", user_id="bench", display_name="Bench Reporter")


class TimingNotifier:
    """No-op delivery that notes when each report reached each lead."""

    def __init__(self, expected: int) -> None:
        self.delivered: dict[str, list[float]] = {}
        self.count, self.expected = 0, expected
        self.all_delivered = asyncio.Event()

    async def send_report(self, recipient: UserRef, report: Report, *, escalation: bool) -> None:
        self.delivered.setdefault(report.reference, []).append(time.perf_counter())
        self.count += 1
        if self.count >= self.expected:
            self.all_delivered.set()

    async def send_reporter_notice(self, reporter: UserRef, reference: str, notice: str) -> None:
        return None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def floor_sqlite(path: str, n: int) -> float:
    sealed = ReportCipher.from_text(generate_key()).seal(TEXT, "bench")
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        await conn.execute("PRAGMA journal_mode=WAL")
        await conn.execute("PRAGMA synchronous=FULL")
        await conn.execute("CREATE TABLE bare (id INTEGER PRIMARY KEY, ref TEXT, sealed BLOB)")
        start = time.perf_counter()
        for i in range(n):
            await conn.execute("BEGIN IMMEDIATE")
            await conn.execute("INSERT INTO bare (ref, sealed) VALUES (?, ?)", (f"SG-{i}", sealed))
            await conn.execute("COMMIT")
        return n / (time.perf_counter() - start)


async def floor_postgres(url: str, n: int, concurrency: int) -> float:
    sealed = ReportCipher.from_text(generate_key()).seal(TEXT, "bench")
    table = f"bench_{uuid.uuid4().hex[:8]}"
    pool = await asyncpg.create_pool(url, min_size=concurrency, max_size=concurrency)
    try:
        await pool.execute(f"CREATE TABLE {table} (id BIGSERIAL PRIMARY KEY, ref TEXT, sealed BYTEA)")
        queue = iter(range(n))

        async def writer() -> None:
            for i in queue:
                async with pool.acquire() as conn, conn.transaction():
                    await conn.execute(f"INSERT INTO {table} (ref, sealed) VALUES ($1, $2)", f"SG-{i}", sealed)

        start = time.perf_counter()
        await asyncio.gather(*(writer() for _ in range(concurrency)))
        return n / (time.perf_counter() - start)
    finally:
        await pool.execute(f"DROP TABLE IF EXISTS {table}")
        await pool.close()


async def desk_burst(url: str, n: int, concurrency: int) -> tuple[float, float, float]:
    """(reports/s submitted, p50, p99 delivery latency in s) submitting as fast as possible."""
    settings = CoreSettings(_env_file=None, database_url=url, report_key=generate_key())
    notifier = TimingNotifier(expected=2 * n)
    started: dict[str, float] = {}
    async with open_report_desk(settings, RECIPIENTS, notifier) as desk:
        queue = iter(range(n))

        async def submitter() -> None:
            for i in queue:
                t0 = time.perf_counter()
                receipt = await desk.submit(
                    ReportDraft(reporter=REPORTER, submission_id=f"burst-{i}", what_happened=TEXT)
                )
                started[receipt.reference] = t0

        start = time.perf_counter()
        await asyncio.gather(*(submitter() for _ in range(concurrency)))
        rate = n / (time.perf_counter() - start)
        await notifier.all_delivered.wait()
    latencies = [t - started[ref] for ref, times in notifier.delivered.items() for t in times]
    return rate, percentile(latencies, 0.5), percentile(latencies, 0.99)


async def desk_sustained(url: str, rate: float, seconds: float) -> tuple[float, float, float]:
    """(achieved reports/s, p50, p99 delivery latency in s) at a steady offered rate."""
    settings = CoreSettings(_env_file=None, database_url=url, report_key=generate_key())
    n = int(rate * seconds)
    notifier = TimingNotifier(expected=2 * n)
    started: dict[str, float] = {}
    async with open_report_desk(settings, RECIPIENTS, notifier) as desk:

        async def one(i: int, at: float) -> None:
            await asyncio.sleep(max(0.0, at - time.perf_counter()))
            t0 = time.perf_counter()
            receipt = await desk.submit(ReportDraft(reporter=REPORTER, submission_id=f"steady-{i}", what_happened=TEXT))
            started[receipt.reference] = t0

        start = time.perf_counter()
        await asyncio.gather(*(one(i, start + i / rate) for i in range(n)))
        achieved = n / (time.perf_counter() - start)
        await notifier.all_delivered.wait()
    latencies = [t - started[ref] for ref, times in notifier.delivered.items() for t in times]
    return achieved, percentile(latencies, 0.5), percentile(latencies, 0.99)


async def in_postgres_schema(server: str, body: Callable[[str], Awaitable[object]]) -> object:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    try:
        return await body(f"{server}?schema={schema}")
    finally:
        conn = await asyncpg.connect(server)
        await conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        await conn.close()


def row(backend: str, what: str, rate: float, p50: float | None = None, p99: float | None = None) -> str:
    latency = f"{p50 * 1000:8.1f} ms {p99 * 1000:8.1f} ms" if p50 is not None and p99 is not None else " " * 22
    return f"| {backend:<10} | {what:<44} | {rate:9.0f} | {latency} |"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument(
        "--postgres", default=os.environ.get("BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()

    print(
        f"{args.reports} reports per burst, concurrency {args.concurrency}; sustained {args.rate:g}/s "
        f"for {args.seconds:g}s; 2 leads, no-op notifier; python {sys.version.split()[0]}"
    )
    print("| backend    | what                                         | reports/s | deliver p50  p99     |")
    print("| ---------- | -------------------------------------------- | --------: | -------------------- |")
    with tempfile.TemporaryDirectory() as folder:
        floor = await floor_sqlite(str(Path(folder) / "bare.db"), args.reports)
        print(row("sqlite", "floor: bare aiosqlite INSERT+COMMIT loop", floor))
        burst = await desk_burst(f"sqlite:///{folder}/burst.db", args.reports, args.concurrency)
        print(row("sqlite", "policybot submit, burst", *burst))
        steady = await desk_sustained(f"sqlite:///{folder}/steady.db", args.rate, args.seconds)
        print(row("sqlite", f"policybot submit, sustained {args.rate:g}/s offered", *steady))
    if args.skip_postgres:
        return
    floor = await floor_postgres(args.postgres, args.reports, args.concurrency)
    print(row("postgresql", f"floor: bare asyncpg INSERT loop ({args.concurrency} conns)", floor))
    burst = await in_postgres_schema(  # type: ignore[assignment]
        args.postgres, lambda url: desk_burst(url, args.reports, args.concurrency)
    )
    print(row("postgresql", "policybot submit, burst", *burst))  # type: ignore[arg-type]
    steady = await in_postgres_schema(  # type: ignore[assignment]
        args.postgres, lambda url: desk_sustained(url, args.rate, args.seconds)
    )
    print(row("postgresql", f"policybot submit, sustained {args.rate:g}/s offered", *steady))  # type: ignore[arg-type]


if __name__ == "__main__":
    asyncio.run(main())
