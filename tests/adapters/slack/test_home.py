"""The App Home tab: what the bot is, the loaded policies, how to ask and report; leads see open reports."""

from __future__ import annotations

from adapters import slack_views as views
from assistant import messages
from tests.adapters.slack.conftest import ALICE, LEAD, Slack, displayed, report_values


async def open_home(slack: Slack, user: str) -> str:
    await slack.event({"type": "app_home_opened", "user": user, "channel": "D" + user, "tab": "home"})
    published = await slack.api.wait_for(lambda c: c.method == "views.publish" and c.body["user_id"] == user)
    assert published.body["view"]["type"] == "home"
    return displayed(published.body["view"])


async def test_everyone_sees_what_the_bot_is_the_policies_and_how_to_ask_and_report(slack: Slack) -> None:
    home = await open_home(slack, ALICE)
    assert messages.SLACK_HOME_ABOUT in home
    assert "LEAPS Suffolk - Social Media Policy" in home
    assert messages.slack_review_date("2024-04-30") in home  # the date the document states
    assert "/policy" in home and "/report" in home
    assert messages.SLACK_NO_OPEN_REPORTS not in home  # reports are for leads only


async def test_a_lead_also_sees_the_open_reports(slack: Slack) -> None:
    await slack.submit(views.render_report_modal(), report_values("Something worrying happened"))
    await slack.api.wait_for_call("chat.postMessage", channel=LEAD)
    home = await open_home(slack, LEAD)
    assert "SG-" in home and "Something worrying" not in home


async def test_the_messages_tab_does_not_republish_home(slack: Slack) -> None:
    await slack.event({"type": "app_home_opened", "user": ALICE, "channel": "DALICE001", "tab": "messages"})
    await open_home(slack, LEAD)  # handled after the first one
    assert [c.body["user_id"] for c in slack.api.calls_to("views.publish")] == [LEAD]
