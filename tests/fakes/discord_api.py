"""A local fake Discord: the REST routes the bot uses and the gateway websocket, over real HTTP.

The real discord.py client connects to it exactly as it would to Discord: REST calls go to
`api_url` (what `DISCORD_API_URL` points at), `GET /gateway/bot` hands out this server's own
websocket address, and the gateway speaks HELLO / IDENTIFY / READY / GUILD_CREATE / heartbeat
ACKs, zlib-stream compressed when the client asks for it. Tests inject dispatch events
(`INTERACTION_CREATE`, `MESSAGE_CREATE`) and assert on `calls`: every REST request's method, path
and JSON body, in order.

Faults on demand: `rate_limit(...)` answers the next matching request with a 429 and a
`retry_after`; `close_dms_of(user_id)` makes messages to that user's DM channel fail with
403 / code 50007, as Discord does when someone has closed their DMs.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

API_PREFIX = "/api/v10"
BOT_ID = "900000000000000001"
APP_ID = "900000000000000002"
OWNER_ID = "900000000000000003"
GUILD_ID = "910000000000000001"
GENERAL_CHANNEL_ID = "920000000000000001"
LEADS_CHANNEL_ID = "920000000000000002"


@dataclass(frozen=True)
class RestCall:
    method: str
    path: str  # without the /api/v10 prefix, e.g. "/channels/123/messages"
    json: Any
    query: dict[str, str]


@dataclass
class _Fault:
    method: str
    pattern: re.Pattern[str]
    remaining: int
    status: int
    body: dict[str, Any]


@dataclass
class _Gateway:
    ws: web.WebSocketResponse
    compressor: Any | None  # zlib compressobj when the client asked for zlib-stream
    sequence: int = 0
    identify: dict[str, Any] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one frame at a time, in order


def json_response(data: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON exactly as Discord labels it: discord.py only parses `application/json` with no charset."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def user_payload(user_id: str, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": user_id,
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


class FakeDiscord:
    """One fake Discord per test. `async with FakeDiscord() as fake:` starts it on 127.0.0.1, port 0."""

    def __init__(self) -> None:
        self.calls: list[RestCall] = []
        self.arrivals: list[tuple[RestCall, float]] = []  # with time.perf_counter() on arrival
        self.gateway_connections = 0
        self.gateway_query: dict[str, str] = {}
        self.identified = asyncio.Event()
        self._changed = asyncio.Condition()
        self._faults: list[_Fault] = []
        self._closed_dms: set[str] = set()
        self._dm_channels: dict[str, str] = {}  # channel id -> recipient user id
        self._responses: dict[int, Any] = {}  # id(RestCall) -> what we answered
        self._ids = itertools.count(1)
        self._gateways: list[_Gateway] = []
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.users: dict[str, dict[str, Any]] = {BOT_ID: user_payload(BOT_ID, "policybot", bot=True)}

    # --- lifecycle -----------------------------------------------------------------------

    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._on_gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._on_rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        return self

    async def __aexit__(self, *exc: object) -> None:
        for gateway in list(self._gateways):
            await gateway.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # --- what tests set up --------------------------------------------------------------

    def add_user(self, user_id: str, name: str) -> dict[str, Any]:
        self.users[user_id] = user_payload(user_id, name)
        return self.users[user_id]

    def rate_limit(self, method: str, path_regex: str, *, times: int = 1, retry_after: float = 0.05) -> None:
        """Answer the next `times` matching requests with 429 (as Discord does, with `Via`)."""
        body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
        self._faults.append(_Fault(method, re.compile(path_regex), times, 429, body))

    def fail(self, method: str, path_regex: str, *, status: int = 400, body: dict[str, Any], times: int = 1) -> None:
        """Answer the next `times` matching requests with this error."""
        self._faults.append(_Fault(method, re.compile(path_regex), times, status, body))

    def close_dms_of(self, user_id: str) -> None:
        """Messages to this user's DM channel fail with 403, code 50007."""
        self._closed_dms.add(user_id)

    def open_dms_of(self, user_id: str) -> None:
        self._closed_dms.discard(user_id)

    def next_id(self) -> str:
        return str(930000000000000000 + next(self._ids))

    def dm_channel_of(self, user_id: str) -> str | None:
        return next((cid for cid, uid in self._dm_channels.items() if uid == user_id), None)

    # --- what tests look at --------------------------------------------------------------

    def calls_to(self, method: str, path_regex: str) -> list[RestCall]:
        pattern = re.compile(path_regex)
        return [c for c in self.calls if c.method == method and pattern.fullmatch(c.path)]

    def messages_to_user(self, user_id: str) -> list[RestCall]:
        channel = self.dm_channel_of(user_id)
        if channel is None:
            return []
        return self.calls_to("POST", f"/channels/{channel}/messages")

    def sent_message(self, call: RestCall) -> dict[str, Any]:
        """The message a recorded send created, as it comes back inside a later interaction."""
        message: dict[str, Any] = self._responses[id(call)]
        return message

    async def wait_for(self, condition: Callable[[], bool], limit: float = 15.0) -> None:
        """Wait until `condition()` holds (re-checked after every REST call). The timeout is a safety net."""

        async def until() -> None:
            async with self._changed:
                await self._changed.wait_for(condition)

        await asyncio.wait_for(until(), limit)

    async def wait_for_call(self, method: str, path_regex: str, count: int = 1) -> list[RestCall]:
        await self.wait_for(lambda: len(self.calls_to(method, path_regex)) >= count)
        return self.calls_to(method, path_regex)

    # --- gateway -------------------------------------------------------------------------

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH (op 0) event to every connected client."""
        for gateway in self._gateways:
            await self._send(gateway, {"op": 0, "t": event, "d": data})

    async def _send(self, gateway: _Gateway, payload: dict[str, Any]) -> None:
        if payload.get("op") == 0:
            gateway.sequence += 1
            payload["s"] = gateway.sequence
        else:
            payload.setdefault("s", None)
            payload.setdefault("t", None)
        raw = json.dumps(payload)
        async with gateway.lock:
            if gateway.compressor is None:
                await gateway.ws.send_str(raw)
            else:
                compressor = gateway.compressor
                data = compressor.compress(raw.encode()) + compressor.flush(zlib.Z_SYNC_FLUSH)
                await gateway.ws.send_bytes(data)

    async def _on_gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.gateway_query = dict(request.query)
        compress = request.query.get("compress")
        gateway = _Gateway(ws, zlib.compressobj() if compress == "zlib-stream" else None)
        self._gateways.append(gateway)
        self.gateway_connections += 1
        await self._send(gateway, {"op": 10, "d": {"heartbeat_interval": 41250}})
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                op = payload.get("op")
                if op == 1:
                    await self._send(gateway, {"op": 11})
                elif op == 2:
                    gateway.identify = payload["d"]
                    await self._send_ready(gateway)
                    self.identified.set()
        finally:
            self._gateways.remove(gateway)
        return ws

    @property
    def identify_payload(self) -> dict[str, Any]:
        return self._gateways[-1].identify if self._gateways else {}

    async def _send_ready(self, gateway: _Gateway) -> None:
        ready = {
            "v": 10,
            "user": self.users[BOT_ID],
            "guilds": [{"id": GUILD_ID, "unavailable": True}],
            "session_id": "fake-session",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": APP_ID, "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        await self._send(gateway, {"op": 0, "t": "READY", "d": ready})
        await self._send(gateway, {"op": 0, "t": "GUILD_CREATE", "d": self.guild_payload()})

    def guild_payload(self) -> dict[str, Any]:
        def text_channel(channel_id: str, name: str, position: int) -> dict[str, Any]:
            return {
                "id": channel_id,
                "type": 0,
                "name": name,
                "position": position,
                "guild_id": GUILD_ID,
                "permission_overwrites": [],
                "nsfw": False,
            }

        return {
            "id": GUILD_ID,
            "name": "Riverside Youth Club",
            "unavailable": False,
            "owner_id": OWNER_ID,
            "icon": None,
            "features": [],
            "roles": [
                {
                    "id": GUILD_ID,
                    "name": "@everyone",
                    "permissions": "2048",
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
            ],
            "channels": [
                text_channel(GENERAL_CHANNEL_ID, "general", 0),
                text_channel(LEADS_CHANNEL_ID, "safeguarding-leads", 1),
            ],
            "members": [],
            "member_count": 3,
            "emojis": [],
            "stickers": [],
            "threads": [],
            "voice_states": [],
            "presences": [],
            "large": False,
            "joined_at": "2026-01-01T00:00:00+00:00",
        }

    # --- REST ----------------------------------------------------------------------------

    async def _on_rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            text = await request.text()
            body = json.loads(text) if text and request.content_type == "application/json" else text
        call = RestCall(request.method, path, body, dict(request.query))
        async with self._changed:
            self.calls.append(call)
            self.arrivals.append((call, time.perf_counter()))
            self._changed.notify_all()
        fault = self._take_fault(request.method, path)
        response_for = id(call)
        if fault is not None:
            headers = {"Via": "1.1 google"} if fault.status == 429 else {}
            return json_response(fault.body, status=fault.status, headers=headers)
        response = self._answer(call)
        if response.status < 300 and response.body:
            self._responses[response_for] = json.loads(bytes(response.body))  # type: ignore[arg-type]
        return response

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        for fault in self._faults:
            if fault.remaining > 0 and fault.method == method and fault.pattern.fullmatch(path):
                fault.remaining -= 1
                return fault
        return None

    def _answer(self, call: RestCall) -> web.Response:
        method, path, body = call.method, call.path, call.json
        if method == "GET" and path == "/users/@me":
            return json_response(self.users[BOT_ID])
        if method == "GET" and path == "/oauth2/applications/@me":
            return json_response(self._application())
        if method == "GET" and path == "/gateway/bot":
            return json_response(
                {
                    "url": self.gateway_url,
                    "shards": 1,
                    "session_start_limit": {
                        "total": 1000,
                        "remaining": 999,
                        "reset_after": 0,
                        "max_concurrency": 1,
                    },
                }
            )
        if method == "PUT" and re.fullmatch(r"/applications/\d+(/guilds/\d+)?/commands", path):
            return json_response([self._command(c) for c in body or []])
        if method == "POST" and path == "/users/@me/channels":
            return json_response(self._open_dm(str(body["recipient_id"])))
        if match := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", path):
            return json_response({"interaction": {"id": match.group(1), "type": (body or {}).get("type", 4)}})
        if method == "POST" and (match := re.fullmatch(r"/webhooks/(\d+)/([^/]+)", path)):
            return json_response(self._message(body, channel_id=GENERAL_CHANNEL_ID, webhook=True))
        if match := re.fullmatch(r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)", path):
            if method == "DELETE":
                return web.Response(status=204)
            return json_response(self._message(body, channel_id=GENERAL_CHANNEL_ID, webhook=True))
        if method == "POST" and (match := re.fullmatch(r"/channels/(\d+)/messages", path)):
            channel_id = match.group(1)
            recipient = self._dm_channels.get(channel_id)
            if recipient is not None and recipient in self._closed_dms:
                return json_response({"message": "Cannot send messages to this user", "code": 50007}, status=403)
            return json_response(self._message(body, channel_id=channel_id))
        if method == "PATCH" and (match := re.fullmatch(r"/channels/(\d+)/messages/(\d+)", path)):
            return json_response(self._message(body, channel_id=match.group(1)))
        return json_response({"message": "404: Not Found", "code": 0}, status=404)

    def _application(self) -> dict[str, Any]:
        return {
            "id": APP_ID,
            "name": "policybot",
            "icon": None,
            "description": "",
            "bot_public": False,
            "bot_require_code_grant": False,
            "owner": user_payload(OWNER_ID, "owner"),
            "verify_key": "0" * 64,
            "flags": 0,
        }

    def _command(self, command: dict[str, Any]) -> dict[str, Any]:
        return {"id": self.next_id(), "application_id": APP_ID, "version": "1", **command}

    def _open_dm(self, user_id: str) -> dict[str, Any]:
        channel_id = self.dm_channel_of(user_id) or self.next_id()
        self._dm_channels[channel_id] = user_id
        recipient = self.users.get(user_id) or user_payload(user_id, f"user{user_id[-4:]}")
        return {"id": channel_id, "type": 1, "recipients": [recipient], "last_message_id": None}

    def _message(self, body: Any, *, channel_id: str, webhook: bool = False) -> dict[str, Any]:
        body = body if isinstance(body, dict) else {}
        message: dict[str, Any] = {
            "id": self.next_id(),
            "channel_id": channel_id,
            "type": 0,
            "content": body.get("content") or "",
            "author": self.users[BOT_ID],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": "2026-01-01T00:00:00+00:00",
            "edited_timestamp": None,
            "flags": body.get("flags", 0),
        }
        if webhook:
            message["webhook_id"] = APP_ID
            message["application_id"] = APP_ID
        return message

    # --- events a test injects -----------------------------------------------------------

    def _new_interaction(
        self, kind: int, user: dict[str, Any], *, in_guild: bool, data: dict[str, Any]
    ) -> dict[str, Any]:
        interaction_id = self.next_id()
        payload: dict[str, Any] = {
            "id": interaction_id,
            "application_id": APP_ID,
            "type": kind,
            "token": f"token-{interaction_id}",
            "version": 1,
            "data": data,
            "locale": "en-GB",
            "app_permissions": "2248473465835073",
            "entitlements": [],
            "attachment_size_limit": 10485760,
        }
        if in_guild:
            payload.update(
                guild_id=GUILD_ID,
                guild_locale="en-GB",
                channel_id=GENERAL_CHANNEL_ID,
                channel={"id": GENERAL_CHANNEL_ID, "type": 0, "guild_id": GUILD_ID, "name": "general"},
                member={
                    "user": user,
                    "roles": [],
                    "joined_at": "2026-01-01T00:00:00+00:00",
                    "deaf": False,
                    "mute": False,
                    "flags": 0,
                    "permissions": "2248473465835073",
                },
                authorizing_integration_owners={"0": GUILD_ID},
                context=0,
            )
        else:
            dm = self._open_dm(user["id"])
            payload.update(
                channel_id=dm["id"],
                channel={"id": dm["id"], "type": 1, "recipients": [user]},
                user=user,
                authorizing_integration_owners={"0": "0"},
                context=1,
            )
        return payload

    async def slash_command(
        self,
        name: str,
        user: dict[str, Any],
        options: dict[str, Any] | None = None,
        *,
        in_guild: bool = True,
        resolved: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.next_id(), "name": name, "type": 1}
        if options:
            data["options"] = [
                {"name": key, "type": 6 if key.endswith("lead") else 3, "value": value}
                for key, value in options.items()
            ]
        if resolved:
            data["resolved"] = resolved
        payload = self._new_interaction(2, user, in_guild=in_guild, data=data)
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def click(
        self,
        custom_id: str,
        user: dict[str, Any],
        *,
        message: dict[str, Any] | None = None,
        in_guild: bool = True,
    ) -> dict[str, Any]:
        data = {"custom_id": custom_id, "component_type": 2}
        payload = self._new_interaction(3, user, in_guild=in_guild, data=data)
        payload["message"] = message or self._message({"flags": 64}, channel_id=payload["channel_id"])
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def submit_modal(
        self,
        custom_id: str,
        user: dict[str, Any],
        components: list[dict[str, Any]],
        *,
        in_guild: bool = True,
    ) -> dict[str, Any]:
        data = {"custom_id": custom_id, "components": components}
        payload = self._new_interaction(5, user, in_guild=in_guild, data=data)
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def direct_message(self, user: dict[str, Any], content: str) -> dict[str, Any]:
        dm = self._open_dm(user["id"])
        message = self.message_payload(dm["id"], user, content)
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    def message_payload(self, channel_id: str, user: dict[str, Any], content: str) -> dict[str, Any]:
        """A MESSAGE_CREATE payload as the gateway sends it."""
        return {
            "id": self.next_id(),
            "channel_id": channel_id,
            "type": 0,
            "content": content,
            "author": user,
            "embeds": [],
            "components": [],
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": "2026-01-01T00:00:00+00:00",
            "edited_timestamp": None,
            "flags": 0,
        }

    async def guild_message(self, user: dict[str, Any], content: str) -> dict[str, Any]:
        message = self.message_payload(GENERAL_CHANNEL_ID, user, content)
        message["guild_id"] = GUILD_ID
        message["member"] = {"roles": [], "joined_at": "2026-01-01T00:00:00+00:00", "deaf": False, "mute": False}
        await self.dispatch("MESSAGE_CREATE", message)
        return message
