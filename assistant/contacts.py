"""Whether a text gives contact details: an e-mail address or a UK phone number.

Read by ranking (a question asking whom to call is answered by a clause with a number; an address's words are
not indexed), by the worry check (a clause naming the lead with a number says whom to tell) and by reading a
document's page footers (only their contact lines are quoted). Plain text checks, so loading policies needs
nothing of ranking.
"""

from __future__ import annotations

import re

_EMAIL_DOMAIN = re.compile(r"@[\w-]+\.\w")
_EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_UK_PHONE_START = re.compile(r"\b0\d{3}")  # "07700 900123", "0113 496 0000"


def gives_contact_details(text: str) -> bool:
    """An email address or a UK phone number. Every clause is checked at build time: the plain
    substring tests skip the regular expressions for the clauses with no "@" or "0" in them."""
    return (
        ("@" in text and _EMAIL_DOMAIN.search(text) is not None)
        or ("0" in text and _UK_PHONE_START.search(text) is not None)
        or "+44" in text
    )


def without_email_addresses(text: str) -> str:
    """The text with its email addresses blanked: an address is where to write, not what a clause is about
    ("whistleblowing@charitycommission.gov.uk"), so the index leaves its words out."""
    return _EMAIL_ADDRESS.sub(" ", text) if "@" in text else text
