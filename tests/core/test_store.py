"""The store: encrypted at rest, upgraded in place, opened only with the right key, on both backends."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.bootstrap import open_report_desk
from assistant.encryption import ReportCipher, cipher_from_settings, generate_key, parse_key
from assistant.errors import (
    ConfigurationError,
    InvalidReportKey,
    MissingReportKey,
    StoreError,
    WrongReportKey,
)
from assistant.models import WHAT_HAPPENED_MAX, ChronologyEntry, ReportDraft
from assistant.settings import CoreSettings
from assistant.store import open_store, sqlite_path
from assistant.store.postgres import split_schema
from tests.core.reports_support import (
    BACKENDS,
    KEY,
    LEAD,
    RECIPIENTS,
    REPORTER,
    FakeClock,
    RecordingNotifier,
    backend,
    postgres_connection,
    postgres_schema,
    settings_for,
)

SECRET = "Zebedee-7 sent Maisie (age 13) a photo on 4 March at the skate park"
WHO = "Maisie Q-Unique-Name"
EVIDENCE = "Screenshots-Kept-In-Locked-Drawer"
NOTE = "Phoned-Children's-Services-Duty-Desk"
NAME = "Reporter Rosalind Unusualname"
SECRETS = (SECRET, WHO, EVIDENCE, NOTE, NAME)


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with backend(request.param, tmp_path) as url:
        yield url


async def file_a_report_with_a_note(database_url: str) -> str:
    reporter = REPORTER.model_copy(update={"display_name": NAME})
    async with open_report_desk(settings_for(database_url), RECIPIENTS, RecordingNotifier()) as desk:
        receipt = await desk.submit(
            ReportDraft(reporter=reporter, submission_id="s-1", what_happened=SECRET, who=WHO, evidence=EVIDENCE)
        )
        await desk.add_note(receipt.reference, LEAD, NOTE)
        await desk.feedback.record("console", "policy.docx", "1.1", True, SECRET)
        report = await desk.show(receipt.reference, LEAD)
    assert (report.what_happened, report.who, report.evidence, report.reporter.display_name) == (
        SECRET,
        WHO,
        EVIDENCE,
        NAME,
    )
    return receipt.reference


def variants(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text[:12].encode("utf-8")]


def read_database_files(folder: Path) -> bytes:
    """The database file, its write-ahead log and shared memory: everything SQLite wrote."""
    return b"".join(path.read_bytes() for path in sorted(folder.glob("raw.db*")))


async def test_report_text_is_not_in_the_raw_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'raw.db'}"
    await file_a_report_with_a_note(url)
    raw = read_database_files(tmp_path)
    assert b"SG-" in raw  # the rows are there...
    for secret in SECRETS:
        for needle in variants(secret):
            assert needle not in raw  # ...but none of the text


async def test_report_text_is_not_in_the_raw_postgresql_rows() -> None:
    async with postgres_schema() as url:
        await file_a_report_with_a_note(url)
        _, schema = split_schema(url)
        conn = await postgres_connection()
        try:
            dumped = []
            for table in ("reports", "chronology", "deliveries", "feedback", "key_check"):
                rows = await conn.fetch(f'SELECT t::text AS row FROM "{schema}".{table} t')
                dumped += [row["row"] for row in rows]
        finally:
            await conn.close()
    everything = "\n".join(dumped)
    assert "SG-" in everything
    for secret in SECRETS:
        assert secret not in everything and secret[:12] not in everything
        assert secret.encode().hex() not in everything  # bytea is shown as hex


async def test_a_version_1_database_is_upgraded_in_place(database_url: str) -> None:
    cipher = ReportCipher.from_text(KEY)
    old = await open_store(database_url, cipher, schema_version=1)
    clock = FakeClock()
    reference, _ = await old.create_report(
        ReportDraft(reporter=REPORTER, submission_id="before-upgrade", what_happened=SECRET),
        created_at=clock.now(),
        recipients=[LEAD],
        entry=ChronologyEntry(at=clock.now(), actor=REPORTER.key, action="submitted"),
    )
    assert await old.schema_version() == 1
    await old.close()

    notifier = RecordingNotifier()
    async with open_report_desk(settings_for(database_url), RECIPIENTS, notifier, clock, run_worker=False) as desk:
        await desk.outbox.deliver_due()
        report = await desk.show(reference, LEAD)
        await desk.feedback.record("slack", "policy.docx", "3.2", False)  # the table version 2 added
        assert [(c.clause_ref, c.not_helpful) for c in await desk.feedback.counts()] == [("3.2", 1)]
    assert report.what_happened == SECRET
    assert notifier.reports == [("console:lead-a", reference, False)]  # its outbox survived the upgrade
    upgraded = await open_store(database_url, cipher)
    assert await upgraded.schema_version() == 2
    await upgraded.close()


async def test_opening_twice_does_not_migrate_twice(database_url: str) -> None:
    cipher = ReportCipher.from_text(KEY)
    stores = await asyncio.gather(*(open_store(database_url, cipher) for _ in range(3)))
    assert [await store.schema_version() for store in stores] == [2, 2, 2]
    for store in stores:
        await store.close()


async def test_a_different_key_is_refused_at_startup_with_how_to_fix_it(database_url: str) -> None:
    await file_a_report_with_a_note(database_url)
    other = settings_for(database_url, report_key=generate_key())
    with pytest.raises(WrongReportKey, match="encrypted with a different key"):
        async with open_report_desk(other, RECIPIENTS, RecordingNotifier()):
            pass


@pytest.mark.parametrize(
    ("key", "error", "advice"),
    [
        (None, MissingReportKey, "policybot keygen"),
        ("   ", MissingReportKey, "policybot keygen"),
        ("not-a-key", InvalidReportKey, "policybot keygen"),
        ("c2hvcnQ=", InvalidReportKey, "32 random bytes"),
    ],
)
async def test_reporting_refuses_to_start_without_a_valid_key(
    tmp_path: Path, key: str | None, error: type[ConfigurationError], advice: str
) -> None:
    settings = CoreSettings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'k.db'}", report_key=key)
    with pytest.raises(error, match=advice):
        async with open_report_desk(settings, RECIPIENTS, RecordingNotifier()):
            pass
    assert not (tmp_path / "k.db").exists()  # nothing was created without a key


def test_keygen_keys_are_valid_and_different() -> None:
    first, second = generate_key(), generate_key()
    assert first != second and len(parse_key(first)) == 32
    assert cipher_from_settings(CoreSettings(_env_file=None, report_key=first))


def test_sealed_text_is_bound_to_its_place() -> None:
    cipher = ReportCipher.from_text(KEY)
    sealed = cipher.seal(SECRET, "report:SG-2026-0001")
    assert cipher.open(sealed, "report:SG-2026-0001") == SECRET
    with pytest.raises(WrongReportKey):  # copied onto another report's row, it does not open
        cipher.open(sealed, "report:SG-2026-0002")


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///data/policybot.db", "data/policybot.db"),
        ("sqlite:////srv/policybot.db", "/srv/policybot.db"),
        ("postgresql://x@h/db", None),
    ],
)
def test_sqlite_urls_name_relative_and_absolute_files(url: str, path: str | None) -> None:
    assert sqlite_path(url) == path


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        ("mysql://root@localhost/db", "unsupported database 'mysql'"),
        ("sqlite:///", "needs a file"),
        ("postgresql://u@127.0.0.1:1/db?schema=Robert'); DROP", "schema must be"),
    ],
)
async def test_a_malformed_database_url_says_what_to_use(url: str, complaint: str) -> None:
    with pytest.raises(StoreError, match=complaint.replace("(", r"\(").replace(")", r"\)")):
        await open_store(url, ReportCipher.from_text(KEY))


async def test_sqlite_runs_in_wal_mode_in_a_data_folder_it_creates(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'folder' / 'policybot.db'}"
    store = await open_store(url, ReportCipher.from_text(KEY))
    await store.close()
    with sqlite3.connect(tmp_path / "new" / "folder" / "policybot.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [1, 2]


# --- property: any text a person can type survives storage unchanged --------------------------

typed_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\t"),
    min_size=1,
    max_size=WHAT_HAPPENED_MAX,
).filter(lambda text: text.strip() != "")


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_any_unicode_report_text_is_stored_encrypted_and_read_back_identical(backend_name: str) -> None:
    with tempfile.TemporaryDirectory() as folder, asyncio.Runner() as runner:
        entered = backend(backend_name, Path(folder))
        url = runner.run(entered.__aenter__())
        store = runner.run(open_store(url, ReportCipher.from_text(KEY)))
        clock, counter = FakeClock(), iter(range(10**6))

        async def round_trip(text: str, who: str) -> None:
            reference, _ = await store.create_report(
                ReportDraft(reporter=REPORTER, submission_id=f"p-{next(counter)}", what_happened=text, who=who),
                created_at=clock.now(),
                recipients=[LEAD],
                entry=ChronologyEntry(at=clock.now(), actor="system", action="note", detail=text),
            )
            report = await store.load_report(reference)
            assert report is not None
            assert (report.what_happened, report.who, report.chronology[0].detail) == (text, who, text)

        @settings(
            max_examples=60,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
        )
        @given(text=typed_text, who=st.text(max_size=50))
        def check(text: str, who: str) -> None:
            runner.run(round_trip(text, who))

        try:
            check()
        finally:
            runner.run(store.close())
            runner.run(entered.__aexit__(None, None, None))


@pytest.mark.parametrize(("ci", "outcome"), [("1", pytest.fail.Exception), (None, pytest.skip.Exception)])
async def test_an_unreachable_postgresql_fails_in_ci_and_skips_elsewhere(
    monkeypatch: pytest.MonkeyPatch, ci: str | None, outcome: type[BaseException]
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    nowhere = "postgresql://nobody@127.0.0.1:1/none"
    with pytest.raises(outcome, match=re.escape(f"PostgreSQL is not reachable at {nowhere}")):
        await postgres_connection(nowhere)
