"""Loading a knowledge folder: the manifest, review dates, the vocabulary, and clear errors."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from assistant.errors import KnowledgeError
from assistant.knowledge import (
    FRAGMENT_NAME,
    PATTERN_FIELDS,
    PATTERN_LIST_FIELDS,
    find_review_date,
    load_knowledge,
    parse_review_date,
)
from assistant.settings import BUNDLED_KNOWLEDGE


def test_bundled_knowledge_names_each_document_from_its_manifest() -> None:
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    titles = {d.source: d.title for d in knowledge.documents}
    assert titles["001_2ee1f2c645ae7313.txt"] == "LEAPS Suffolk - Social Media Policy"
    assert len(titles) == 5
    assert knowledge.problems == ()
    leaps = next(d for d in knowledge.documents if d.source.startswith("001"))
    assert leaps.review_date == date(2024, 4, 30)
    assert leaps.organisation == "LEAPS Suffolk"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("10th July 2021", date(2021, 7, 10)),
        ("April 2024", date(2024, 4, 30)),
        ("Spring 2020", date(2020, 5, 31)),
        ("19/01/2021", date(2021, 1, 19)),
        ("2014-11-25", date(2014, 11, 25)),
        ("sometime soon", None),
    ],
)
def test_review_dates_are_read_the_way_policies_write_them(phrase: str, expected: date | None) -> None:
    assert parse_review_date(phrase) == expected


def test_a_document_without_a_manifest_entry_states_its_own_review_date(tmp_path: Path) -> None:
    (tmp_path / "policy.md").write_text(
        "# Harbour Scouts Online Safety Policy\n\nLeaders must not message scouts privately.\n\n"
        "Date policy to be reviewed: 3rd March 2022\n"
    )
    doc = load_knowledge(tmp_path).documents[0]
    assert doc.title == "Harbour Scouts Online Safety Policy"
    assert doc.review_date == date(2022, 3, 3)
    assert doc.review_text == "Date policy to be reviewed: 3rd March 2022"
    assert find_review_date("Review date\tApril 2024") == (date(2024, 4, 30), "Review date April 2024")
    # a Markdown policy's bold labels are not shown in the notice
    assert find_review_date("**Approved by:** Trustees | **Next review:** January 2026") == (
        date(2026, 1, 31),
        "Next review: January 2026",
    )
    # nor what a footer or a table's row goes on to after the date
    may_2021 = date(2021, 5, 31)
    assert find_review_date("Review date: May 2021 | Page 3 of 7") == (may_2021, "Review date: May 2021")
    assert find_review_date("Review date | May 2021 | Owner: DSL") == (may_2021, "Review date May 2021")


def test_a_web_pages_front_matter_gives_its_title_and_review_date(tmp_path: Path) -> None:
    # a policy kept as a page of the organisation's website: the page starts at its first section
    (tmp_path / "safeguarding.md").write_text(
        "---\ntitle: Safeguarding children and child protection\nadopted_date: 2013-11-25\n"
        "review_date: 2014-11-25\n---\n# Policy statement #\n\nOur setting keeps children safe.\n"
    )
    # a site's short page title over the document's own fuller one
    (tmp_path / "child-protection.md").write_text(
        "---\nlayout: default\ntitle: Child Protection\n---\n\n# Child Protection and Safeguarding\n\n"
        "Volunteers are never alone with a child.\n"
    )
    documents = {doc.source: doc for doc in load_knowledge(tmp_path).documents}
    page = documents["safeguarding.md"]
    assert page.title == "Safeguarding children and child protection"
    assert (page.review_date, page.review_text) == (date(2014, 11, 25), "review date: 2014-11-25")
    assert documents["child-protection.md"].title == "Child Protection and Safeguarding"


def test_a_hugo_pages_toml_front_matter_gives_its_title_and_is_never_quoted(tmp_path: Path) -> None:
    (tmp_path / "child-protection.md").write_text(
        '+++\ntitle = "Child Protection Policy"\ndate = 2019-02-06T14:04:48Z\naliases = [\n  "/policy/cp"\n]\n+++\n\n'
        "**Phill Sparks** acknowledges the duty of care to safeguard children.\n"
    )
    knowledge = load_knowledge(tmp_path)
    assert knowledge.documents[0].title == "Child Protection Policy"
    assert [clause.text for clause in knowledge.clauses] == [
        "**Phill Sparks** acknowledges the duty of care to safeguard children."
    ]


def test_a_document_whose_top_headings_are_its_sections_is_titled_by_its_file(tmp_path: Path) -> None:
    (tmp_path / "riverside-reading-club.md").write_text(
        "# Scope and purpose\n\nThis policy covers every reading session we run.\n\n"
        "# Reporting\n\nReport any concern to the safeguarding lead the same day.\n"
    )
    knowledge = load_knowledge(tmp_path)
    assert knowledge.documents[0].title == "Riverside reading club"
    # the first section is a section like the others, not the title: its paragraph is cited by it
    assert [(c.ref, c.heading) for c in knowledge.clauses] == [
        ("Scope and purpose", "Scope and purpose"),
        ("Reporting", "Reporting"),
    ]


def test_titles_as_sites_and_people_write_them(tmp_path: Path) -> None:
    # a Jekyll page whose front matter has a setting in several indented lines
    (tmp_path / "childminder.md").write_text(
        "---\nlayout: policy\ntitle:  Safeguarding Policy\nimage:\n   src: /assets/img/boys.jpg\n"
        "categories: policies\n---\n\nAs a childminder, I am the lead safeguarding practitioner.\n"
    )
    # a web page with front matter over its markup
    (tmp_path / "statement.html").write_text(
        "---\ntitle: Safeguarding statement\n---\n\n<div><p>We keep young people safe.</p>"
        + "".join(f"<p>Rule {n} of the statement applies at every event.</p>" for n in range(8))
        + "</div>\n"
    )
    # headings typed without a space, and a title set as the first line's second-level heading
    (tmp_path / "church.md").write_text(
        "#Sparrowpit Church Safeguarding Policy\n\n##Principles\n\nWe value everyone.\n"
    )
    (tmp_path / "rugby.md").write_text(
        "## Norwich Rugby Club Safeguarding Policy\n\nWe help children enjoy rugby safely.\n"
    )
    # a first heading naming the policy and its subject, over top-level sections beside it; "Policy
    # statement" names no subject, so it is a section and the file names the document
    (tmp_path / "nkc-safeguarding.md").write_text(
        "# Northstowe Karate Club Safeguarding Policy\n\n# Policy\n\nThis document is reviewed every year.\n\n"
        "# Reporting\n\nReport any concern to the welfare officer the same day.\n"
    )
    (tmp_path / "club-rules.md").write_text(
        "# Policy statement\n\nWe keep members safe.\n\n# Reporting\n\nReport any concern the same day.\n"
    )
    # plain text whose first line names it, under where it came from; a field list is no title line
    (tmp_path / "002_d52f.txt").write_text(
        "\n\nSOCIAL MEDIA POLICY\n\nStaff never accept friend requests from members.\n"
    )
    (tmp_path / "lone-working.md").write_text(
        "Source: https://example.org/policies/lone-working.md\n\nLone working policy\n"
        "The organisation avoids the need for employees to work alone.\n"
    )
    (tmp_path / "key-policies.md").write_text(
        ":Chapter: 2\n:Title: KEY POLICIES\n\nDevelopment Policy\n------------------\nScouting is open to all.\n"
    )
    knowledge = load_knowledge(tmp_path)
    titles = {doc.source: doc.title for doc in knowledge.documents}
    assert titles == {
        "childminder.md": "Safeguarding Policy",
        "statement.html": "Safeguarding statement",
        "church.md": "Sparrowpit Church Safeguarding Policy",
        "rugby.md": "Norwich Rugby Club Safeguarding Policy",
        "nkc-safeguarding.md": "Northstowe Karate Club Safeguarding Policy",
        "club-rules.md": "Club rules",
        "002_d52f.txt": "SOCIAL MEDIA POLICY",
        "lone-working.md": "Lone working policy",
        "key-policies.md": "Key policies",
    }
    church = [c for c in knowledge.clauses if c.source == "church.md"]
    assert [(c.heading, c.text) for c in church] == [("Principles", "We value everyone.")]
    assert not any("src:" in c.text or "layout" in c.text for c in knowledge.clauses)


def test_a_heading_closed_with_hashes_is_titled_without_them(tmp_path: Path) -> None:
    (tmp_path / "policy.md").write_text("# Riverside Club Photography Policy #\n\nPhotos need consent.\n")
    assert load_knowledge(tmp_path).documents[0].title == "Riverside Club Photography Policy"


def test_an_organisations_own_folder_uses_its_manifest(tmp_path: Path) -> None:
    (tmp_path / "policy.txt").write_text("1. Staff must not share pupils' photos on personal accounts.\n")
    (tmp_path / "manifest.toml").write_text(
        '[[document]]\nfile = "policy.txt"\ntitle = "Oak School - Social Media"\nreview_date = 2030-01-01\n'
    )
    knowledge = load_knowledge(tmp_path)
    assert knowledge.documents[0].title == "Oak School - Social Media"
    assert knowledge.clauses[0].document == "Oak School - Social Media"


def test_a_malformed_manifest_stops_startup_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "policy.txt").write_text("Staff must not share photos.\n")
    (tmp_path / "manifest.toml").write_text('[[document]]\nfile = "policy.txt"\ntitle = 42\n')
    with pytest.raises(KnowledgeError, match=r"manifest\.toml: document\.0\.title"):
        load_knowledge(tmp_path)
    (tmp_path / "manifest.toml").write_text("[[document]\n")
    with pytest.raises(KnowledgeError, match=r"manifest\.toml: cannot be read as TOML"):
        load_knowledge(tmp_path)


def test_a_bad_vocabulary_pattern_stops_startup_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "policy.txt").write_text("Staff must not share photos.\n")
    (tmp_path / "vocabulary.toml").write_text("[[intent]]\nwhen = '(unclosed'\nadd = 'x'\n")
    with pytest.raises(KnowledgeError, match=r"vocabulary\.toml: intent\.0\.when"):
        load_knowledge(tmp_path)


def test_a_bad_topic_question_pattern_stops_startup_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "policy.txt").write_text("Staff must not share photos.\n")
    (tmp_path / "vocabulary.toml").write_text("[[group]]\nterms = ['a', 'b']\ntopic = true\nasked = '(unclosed'\n")
    with pytest.raises(KnowledgeError, match=r"vocabulary\.toml: group\.0\.asked"):
        load_knowledge(tmp_path)


def test_a_vocabulary_group_includes_the_terms_of_a_named_group(tmp_path: Path) -> None:
    (tmp_path / "policy.txt").write_text("If the lead is unavailable, contact her deputy.\n")
    (tmp_path / "vocabulary.toml").write_text(
        '[[group]]\nterms = ["deputy", "stand-in"]\ninclude = ["away"]\n\n'
        '[[group]]\nname = "away"\nterms = ["unavailable", "off sick"]\n'
    )
    deputy, away = load_knowledge(tmp_path).vocabulary.group
    assert deputy.terms == ("deputy", "stand-in", "unavailable", "off sick")
    assert away.terms == ("unavailable", "off sick")


def test_a_vocabulary_group_including_a_name_no_group_has_stops_startup_naming_it(tmp_path: Path) -> None:
    (tmp_path / "policy.txt").write_text("Staff must not share photos.\n")
    (tmp_path / "vocabulary.toml").write_text('[[group]]\nterms = ["deputy", "stand-in"]\ninclude = ["awya"]\n')
    with pytest.raises(KnowledgeError, match=r"vocabulary\.toml: include = \['awya'\]: no group has the name 'awya'"):
        load_knowledge(tmp_path)


def test_a_vocabulary_group_may_take_a_named_groups_terms_as_phrases_its_words_mean_something_else_in(
    tmp_path: Path,
) -> None:
    (tmp_path / "policy.txt").write_text("Any breach of this policy is a disciplinary matter.\n")
    (tmp_path / "vocabulary.toml").write_text(
        '[[group]]\nname = "time off"\nterms = ["lunch break", "day off"]\n\n'
        '[[group]]\nterms = ["breach", "break"]\nnot_in = ["break dancing"]\nnot_in_groups = ["time off"]\n'
    )
    _, breaking = load_knowledge(tmp_path).vocabulary.group
    assert breaking.not_in == ("break dancing", "lunch break", "day off")


def test_a_vocabulary_group_naming_an_unknown_group_for_its_exceptions_stops_startup(tmp_path: Path) -> None:
    (tmp_path / "policy.txt").write_text("Staff must not share photos.\n")
    (tmp_path / "vocabulary.toml").write_text('[[group]]\nterms = ["breach", "break"]\nnot_in_groups = ["tiem off"]\n')
    with pytest.raises(KnowledgeError, match=r"not_in_groups = \['tiem off'\]: no group has the name 'tiem off'"):
        load_knowledge(tmp_path)


def test_a_missing_path_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="no such file or folder"):
        load_knowledge(tmp_path / "nowhere")


def test_a_pattern_mangled_by_toml_escapes_is_refused(tmp_path: Path) -> None:
    (tmp_path / "policy.txt").write_text("Staff must not share photos.\n")
    (tmp_path / "vocabulary.toml").write_text('[[intent]]\nwhen = "\\bwho\\b"\nadd = "lead"\n')
    with pytest.raises(KnowledgeError, match="contains a control character"):
        load_knowledge(tmp_path)


@pytest.mark.parametrize(
    ("field", "value"),
    [(field, "['(unclosed']") for field in PATTERN_LIST_FIELDS] + [(field, "'(unclosed'") for field in PATTERN_FIELDS],
)
def test_a_bad_worry_pattern_stops_startup_naming_the_file_and_the_field(
    tmp_path: Path, field: str, value: str
) -> None:
    # an organisation editing its own concerns.toml learns which entry is wrong, not a traceback at the first question
    (tmp_path / "policy.txt").write_text("Staff must not share photos.\n")
    entries = {"harm": "['\\bhits\\b']", "incident": "['\\bshe\\b']", "reporting_terms": "'report'", field: value}
    (tmp_path / "concerns.toml").write_text("".join(f"{name} = {entry}\n" for name, entry in entries.items()))
    with pytest.raises(KnowledgeError, match=rf"concerns\.toml: {field}"):
        load_knowledge(tmp_path)


def _concerns_folder(tmp_path: Path, concerns: str) -> Path:
    (tmp_path / "policy.txt").write_text("Staff must not share photos.\n")
    (tmp_path / "concerns.toml").write_text(concerns)
    return tmp_path


def test_a_fragment_written_once_reads_whole_in_every_pattern_naming_it(tmp_path: Path) -> None:
    # an organisation's own lexicon names its weapons once and uses them in two lists
    folder = _concerns_folder(
        tmp_path,
        "fragments.weapon = '''knife|blade|machete'''\n"
        "fragments.carried = '''\\b(with|carrying) an? {weapon}\\b'''\n"
        "harm = ['{carried}']\nincident = ['\\bhe\\b']\ndanger = ['{carried}', '\\bright now\\b']\n"
        "reporting_terms = 'report'\n",
    )
    concerns = load_knowledge(folder).concerns
    for pattern in (concerns.harm[0], concerns.danger[0]):
        assert re.search(pattern, "he turned up carrying a machete")
        assert not re.search(pattern, "a blade of grass")  # the alternation stays one group: "with a" first
    assert "{" not in concerns.harm[0]


@pytest.mark.parametrize(
    ("concerns", "message"),
    [
        ("harm = ['\\b{weapn}\\b']\n", r"concerns\.toml: harm\[0\]: no fragment named \{weapn\}"),
        ("fragments.weapon = '''{blade}'''\nharm = ['{weapon}']\n", r"fragments\.weapon: no fragment named \{blade\}"),
        (
            "fragments.unused = '''(unclosed'''\nharm = ['\\bhits\\b']\n",
            r"concerns\.toml: fragments\.unused: bad pattern",
        ),
        (
            "fragments.a = '''x{b}'''\nfragments.b = '''y{a}'''\nharm = ['{a}']\n",
            r"concerns\.toml: fragments\.a: names itself \(a -> b -> a\)",
        ),
    ],
)
def test_a_fragment_named_or_written_wrongly_stops_startup_naming_the_file_and_the_pattern(
    tmp_path: Path, concerns: str, message: str
) -> None:
    folder = _concerns_folder(tmp_path, concerns + "incident = ['\\bshe\\b']\nreporting_terms = 'report'\n")
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(folder)


def test_the_bundled_lexicon_names_only_fragments_it_has() -> None:
    # every "{name}" in knowledge/concerns.toml was expanded: none reaches a regular expression as literal text
    concerns = load_knowledge(BUNDLED_KNOWLEDGE).concerns
    patterns = [*concerns.harm, *concerns.danger, *concerns.incident, concerns.fallback_route]
    patterns += [text for situation in concerns.situation for text in (situation.when, situation.prefer)]
    assert concerns.fragments and not any(FRAGMENT_NAME.search(pattern) for pattern in patterns)
