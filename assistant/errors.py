"""Error classes, named for what happened.

`UserFacingError` carries a safe message (from `assistant.messages`) that an adapter may show
the user privately. Anything else is a fault: logged once at the adapter's error boundary, and
the user sees a fixed apology. No error message ever contains question or report text.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An expected outcome the user can act on. `str(err)` is safe to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EmptyQuestion(UserFacingError):
    pass


class KnowledgeError(Exception):
    """The policy documents could not be loaded. The message names the file and why."""


class UnreadableDocument(KnowledgeError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = path
        self.why = why


class ConfigurationError(Exception):
    """Settings are missing or malformed. The message says which and how to fix it."""


class InvalidReport(UserFacingError):
    pass


class ReportTooLong(InvalidReport):
    pass


class UnknownRecipient(InvalidReport):
    pass


class EmptyReport(InvalidReport):
    pass


class ControlCharacters(InvalidReport):
    """A field holds invisible control codes (other than new line and tab)."""


class NoOneToReceive(InvalidReport):
    """Routing left nobody to send the report to (e.g. it concerns the only lead). Nothing was stored."""


class ReportClosed(UserFacingError):
    """A lead tried to change a report that is already closed."""


class NotAllowed(UserFacingError):
    """A non-lead asked for a lead-only action. Reveals nothing, not even whether a reference exists."""


class ReportNotFound(UserFacingError):
    pass


class DeliveryFailed(Exception):
    """A private delivery did not happen. Never carries report text."""

    def __init__(self, why: str, *, retry_after: float | None = None, permanent: bool = False) -> None:
        super().__init__(why)
        self.retry_after = retry_after
        self.permanent = permanent


class MissingReportKey(ConfigurationError):
    pass


class InvalidReportKey(ConfigurationError):
    """POLICYBOT_REPORT_KEY is set but is not a key `policybot keygen` could have made."""


class WrongReportKey(ConfigurationError):
    """The store was written with a different key: its reports can't be read with this one."""


class StoreError(ConfigurationError):
    """The database URL is malformed or names an unsupported backend."""
