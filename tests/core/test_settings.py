"""Settings: one clear line per missing or malformed variable, named as the admin sets it."""

from __future__ import annotations

import pytest

from assistant.errors import ConfigurationError
from assistant.settings import CoreSettings, SlackSettings, load


def test_every_problem_is_named_by_its_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "eighty")
    with pytest.raises(ConfigurationError) as caught:
        load(SlackSettings, _env_file=None)
    problems = str(caught.value).split("; ")
    assert "SLACK_BOT_TOKEN is missing" in problems
    assert "SLACK_SIGNING_SECRET is missing" in problems
    assert "SLACK_SAFEGUARDING_LEADS is missing" in problems
    assert any(p.startswith("PORT is not valid") for p in problems)  # Heroku's $PORT, not SLACK_PORT


def test_comma_separated_ids_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYBOT_SLACK_SAFEGUARDING_ALTERNATES", "U0CHAIR01, U0CHAIR02")
    settings = load(CoreSettings, _env_file=None)
    assert settings.slack_safeguarding_alternates == ["U0CHAIR01", "U0CHAIR02"]


def test_the_contact_named_when_the_policy_does_not_say_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYBOT_SAFEGUARDING_CONTACT", "Priya, our DSL, on 07000 000000")
    assert load(CoreSettings, _env_file=None).safeguarding_contact == "Priya, our DSL, on 07000 000000"
