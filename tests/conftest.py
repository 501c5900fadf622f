"""Fixtures shared by every test. No test reads the developer's environment or `.env`."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "knowledge" / "documents"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _no_developer_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Settings must come from the test, never from the machine running it."""
    import os

    for name in list(os.environ):
        if name.startswith(("POLICYBOT_", "SLACK_", "DISCORD_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # so no stray .env is picked up
    # the re-ranker's clause vectors go to the test's own folder, never the project's data folder
    monkeypatch.setenv("POLICYBOT_SEMANTIC_STORE", str(tmp_path / "clause-vectors.npz"))
