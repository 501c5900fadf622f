"""A quote as its reader would see the policy: the words kept, the formatting marks taken out."""

from __future__ import annotations

import pytest

from assistant.reading import readable


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("**Do not call 999** - an ambulance crew is on site", "Do not call 999 - an ambulance crew is on site"),
        ("__Never__ share a *login* or _password_", "Never share a login or password"),
        (
            "<strong>Two full shifts</strong> earn a voucher<br>for next year",
            "Two full shifts earn a voucher for next year",
        ),
        (
            "Capacity is a [complex subject](https://nhs.example/mental_capacity/)",
            "Capacity is a complex subject (https://nhs.example/mental_capacity/)",
        ),
        ("Email [dsl@club.example](mailto:dsl@club.example) today", "Email dsl@club.example today"),
        ("See <https://club.example/report> to report", "See https://club.example/report to report"),
        ("Fish &amp; chips at 5\\*", "Fish & chips at 5*"),
        # an image reads as its alt text: often the only place a page says who its lead is
        ('<img src="simon.webp" alt="Simon Apen-Sadler, Safeguarding Lead">', "Simon Apen-Sadler, Safeguarding Lead"),
        ("Our lead is ![Sam Jones, the DSL](sam.png).", "Our lead is Sam Jones, the DSL."),
        # an HTML link in a Markdown file, a telephone link written with spaces, a kramdown attribute
        (
            'Then email <a href="mailto:dsl@club.example">dsl@club.example</a> today',
            "Then email dsl@club.example today",
        ),
        ('Phone <a href="tel:01273290400">01273 290400</a> now', "Phone 01273 290400 now"),
        ('See [the NSPCC](https://nspcc.org.uk){:target="_blank"} site', "See the NSPCC (https://nspcc.org.uk) site"),
        # reStructuredText: a link, a role, a substitution
        ("A behavioural `indicator`_ of :ref:`abuse <abuse>`", "A behavioural indicator of abuse"),
        ("|The Safeguarding Officer| requires a DBS check", "The Safeguarding Officer requires a DBS check"),
        ('<img src="logo.png"> Riverside Club', " Riverside Club"),
    ],
)
def test_formatting_marks_go_and_the_words_stay(written: str, read: str) -> None:
    assert readable(written) == read


@pytest.mark.parametrize(
    "text",
    [
        "file_name_here and snake_case stay as written",
        "5*3*2 is arithmetic, not emphasis",
        "* a star that opens no emphasis",
        "Staff must not post images of children without consent.",
        "<table> structures a page and is left alone",
        "| a Markdown table | cell |",
    ],
)
def test_text_without_formatting_is_left_exactly_as_it_is(text: str) -> None:
    assert readable(text) == text
