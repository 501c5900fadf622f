"""Encryption at rest for report text: AES-256-GCM with a key from POLICYBOT_REPORT_KEY.

Each sealed value is `version byte | 12-byte random nonce | ciphertext+tag`, and is bound to where it
lives through GCM's associated data (e.g. `report:SG-2026-0042`), so a value copied onto another row
fails to open instead of showing the wrong report's text.
"""

from __future__ import annotations

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from assistant import messages
from assistant.errors import InvalidReportKey, MissingReportKey, WrongReportKey
from assistant.settings import CoreSettings

_VERSION = b"\x01"
_NONCE_BYTES = 12
_KEY_BYTES = 32


def generate_key() -> str:
    """A new random key, as the text POLICYBOT_REPORT_KEY expects."""
    return base64.urlsafe_b64encode(os.urandom(_KEY_BYTES)).decode("ascii")


def parse_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise InvalidReportKey(messages.INVALID_REPORT_KEY) from None
    if len(key) != _KEY_BYTES:
        raise InvalidReportKey(messages.INVALID_REPORT_KEY)
    return key


class ReportCipher:
    """Seals and opens the free-text fields of reports (and opted-in question text)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != _KEY_BYTES:
            raise InvalidReportKey(messages.INVALID_REPORT_KEY)
        self._aead = AESGCM(key)

    @classmethod
    def from_text(cls, text: str) -> ReportCipher:
        return cls(parse_key(text))

    def seal(self, plaintext: str, context: str) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext.encode("utf-8"), context.encode("utf-8"))
        return _VERSION + nonce + sealed

    def open(self, blob: bytes, context: str) -> str:
        if blob[:1] != _VERSION or len(blob) < 1 + _NONCE_BYTES + 16:  # 16: the GCM tag
            raise WrongReportKey(messages.WRONG_REPORT_KEY)
        nonce, sealed = blob[1 : 1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, sealed, context.encode("utf-8")).decode("utf-8")
        except InvalidTag:
            raise WrongReportKey(messages.WRONG_REPORT_KEY) from None


def cipher_from_settings(settings: CoreSettings) -> ReportCipher:
    """The cipher for reporting, or a ConfigurationError saying how to make a key."""
    if settings.report_key is None or not settings.report_key.get_secret_value().strip():
        raise MissingReportKey(messages.MISSING_REPORT_KEY)
    return ReportCipher.from_text(settings.report_key.get_secret_value())
