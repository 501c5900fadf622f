"""Every sentence a user can see, in one place, so wording is reviewed (and translated) here.

Sections: policy answers; reports (reporter's side); reports (lead's side); Slack; Discord.
Functions take what they need and return plain text; adapters add platform formatting.
"""

from __future__ import annotations

# --- general ----------------------------------------------------------------------------------

SORRY = "Sorry, something went wrong on our side and nothing was posted. Please try again in a minute."

# --- policy answers ---------------------------------------------------------------------------

EMPTY_QUESTION = "Please type a question, e.g. \"can I accept a parent's friend request?\""
