"""A small fake of Slack's Web API (and Socket Mode), over real HTTP and websockets on loopback.

It records every call's method and body so tests assert on what the bot actually sent. Point
`SLACK_API_URL` (or an `AsyncWebClient`'s `base_url`) at `fake.api_url`. It can be told to answer
429 with `Retry-After`, to answer an error, or to hold requests for given methods/channels.

`response_url`s handed to the bot in test payloads point here too (`fake.response_url(name)`), and
are recorded as calls with method `response_url:<name>`.

Socket Mode: `apps.connections.open` answers a `ws://` URL on this server; `send_envelope` pushes
an envelope to the connected bot and `wait_for_socket_reply` returns the bot's acknowledgement.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

BOT_USER_ID = "UBOT0001"
TEAM_ID = "T0000001"
WAIT_SECONDS = 15.0  # how long a test waits for something the bot should do


@dataclass(frozen=True)
class Call:
    method: str  # "chat.postMessage", or "response_url:<name>"
    body: dict[str, Any]
    token: str = ""

    @property
    def channel(self) -> str:
        return str(self.body.get("channel", ""))

    def text_dump(self) -> str:
        """Everything the bot sent in this call, as one string (for "never contains" assertions)."""
        return json.dumps(self.body, ensure_ascii=False)


@dataclass
class Failure:
    method: str
    channel: str | None
    times: int
    status: int
    error: str
    retry_after: int | None


@dataclass
class Hold:
    method: str
    channel: str | None
    released: asyncio.Event = field(default_factory=asyncio.Event)


class SlackApiFake:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.socket_replies: list[dict[str, Any]] = []
        self._failures: list[Failure] = []
        self._holds: list[Hold] = []
        self._changed = asyncio.Condition()
        self._ts = itertools.count(1)
        self._views = itertools.count(1)
        self._sockets: list[web.WebSocketResponse] = []
        self._socket_connected = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.url = ""

    # --- lifecycle ----------------------------------------------------------------------------

    async def start(self) -> SlackApiFake:
        app = web.Application()
        app.router.add_post("/api/{method}", self._on_api)
        app.router.add_post("/respond/{name}", self._on_response_url)
        app.router.add_get("/socket", self._on_socket)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        for hold in self._holds:
            hold.released.set()
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/respond/{name}"

    # --- telling it how to behave ---------------------------------------------------------------

    def fail(
        self,
        method: str,
        *,
        channel: str | None = None,
        times: int = 1,
        status: int = 429,
        error: str = "ratelimited",
        retry_after: int | None = 0,
    ) -> None:
        """The next `times` calls of `method` (to `channel`, if given) fail this way."""
        self._failures.append(Failure(method, channel, times, status, error, retry_after))

    def hold(self, method: str, *, channel: str | None = None) -> Hold:
        """Calls of `method` (to `channel`) wait, unanswered, until `hold.released` is set."""
        hold = Hold(method, channel)
        self._holds.append(hold)
        return hold

    def release_all(self) -> None:
        for hold in self._holds:
            hold.released.set()
        self._holds.clear()

    # --- what happened ------------------------------------------------------------------------

    def calls_to(self, method: str, *, channel: str | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (channel is None or c.channel == channel)]

    async def wait_for(self, predicate: Callable[[Call], bool]) -> Call:
        """The first recorded call matching `predicate`, waiting for it if needed."""

        def found() -> Call | None:
            return next((c for c in self.calls if predicate(c)), None)

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: found() is not None), WAIT_SECONDS)
        call = found()
        assert call is not None
        return call

    async def wait_for_call(self, method: str, *, channel: str | None = None) -> Call:
        return await self.wait_for(lambda c: c.method == method and (channel is None or c.channel == channel))

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # --- Web API --------------------------------------------------------------------------------

    async def _on_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        body = await read_body(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        call = Call(method, body, token)
        await self._record(call)
        for hold in self._holds:
            if hold.method == method and (hold.channel is None or hold.channel == call.channel):
                await hold.released.wait()
        for failure in self._failures:
            if failure.times > 0 and failure.method == method and failure.channel in (None, call.channel):
                failure.times -= 1
                headers = {} if failure.retry_after is None else {"Retry-After": str(failure.retry_after)}
                return web.json_response({"ok": False, "error": failure.error}, status=failure.status, headers=headers)
        return web.json_response(self._answer(method, body))

    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        ts = f"1700000000.{next(self._ts):06d}"
        match method:
            case "auth.test":
                return {
                    "ok": True,
                    "url": "https://example.slack.com/",
                    "team": "Example",
                    "team_id": TEAM_ID,
                    "user": "policybot",
                    "user_id": BOT_USER_ID,
                    "bot_id": "B0000001",
                }
            case "chat.postMessage":
                channel = str(body.get("channel", ""))
                if channel.startswith(("U", "W")):
                    channel = "D" + channel  # Slack opens the app's DM with that user
                return {
                    "ok": True,
                    "channel": channel,
                    "ts": ts,
                    "message": {"ts": ts, "text": body.get("text")},
                }
            case "chat.postEphemeral":
                return {"ok": True, "message_ts": ts}
            case "chat.update":
                return {"ok": True, "channel": body.get("channel"), "ts": body.get("ts")}
            case "conversations.open":
                users = str(body.get("users", ""))
                return {"ok": True, "channel": {"id": "D" + users.split(",")[0]}}
            case "views.open" | "views.publish" | "views.update" | "views.push":
                view = body.get("view")
                view = json.loads(view) if isinstance(view, str) else (view or {})
                return {"ok": True, "view": {**view, "id": f"V{next(self._views):08d}"}}
            case "apps.connections.open":
                return {"ok": True, "url": self.url.replace("http://", "ws://") + "/socket"}
            case _:
                return {"ok": True}

    # --- response_url ---------------------------------------------------------------------------

    async def _on_response_url(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        body = await read_body(request)
        method = f"response_url:{name}"
        await self._record(Call(method, body))
        for failure in self._failures:
            if failure.times > 0 and failure.method == method:
                failure.times -= 1
                headers = {} if failure.retry_after is None else {"Retry-After": str(failure.retry_after)}
                return web.Response(status=failure.status, text=failure.error, headers=headers)
        return web.Response(text="ok")

    # --- Socket Mode ----------------------------------------------------------------------------

    async def _on_socket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1})
        self._socket_connected.set()
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    async with self._changed:
                        self.socket_replies.append(json.loads(message.data))
                        self._changed.notify_all()
        finally:
            self._sockets.remove(ws)
        return ws

    async def wait_for_socket(self) -> None:
        await asyncio.wait_for(self._socket_connected.wait(), WAIT_SECONDS)

    async def send_envelope(self, envelope: dict[str, Any]) -> None:
        await self.wait_for_socket()
        await self._sockets[-1].send_json(envelope)

    async def wait_for_socket_reply(self, envelope_id: str) -> dict[str, Any]:
        def found() -> dict[str, Any] | None:
            return next((r for r in self.socket_replies if r.get("envelope_id") == envelope_id), None)

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: found() is not None), WAIT_SECONDS)
        reply = found()
        assert reply is not None
        return reply


async def read_body(request: web.Request) -> dict[str, Any]:
    """A Web API request's arguments, however the client sent them (JSON, form or query)."""
    body: dict[str, Any] = dict(request.query)
    raw = await request.text()
    if request.content_type == "application/json" and raw:
        body.update(json.loads(raw))
    elif raw:
        body.update(dict(parse_qsl(raw, keep_blank_values=True)))
    for key in ("blocks", "view", "attachments"):
        value = body.get(key)
        if isinstance(value, str) and value[:1] in "[{":
            body[key] = json.loads(value)
    return body
