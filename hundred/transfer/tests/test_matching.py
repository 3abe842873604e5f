"""Matching keys, the matcher and the merge policy (near duplicates: test_similar.py)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from hundred.transfer.formats.identity import name_org_key, normalise_email, normalise_linkedin_url
from hundred.transfer.formats.records import PersonKey, PersonRecord
from hundred.transfer.matching import Existing, Matcher, merge_into

JANE = "https://www.linkedin.com/in/jane-doe"
SAM = "linkedin.com/in/sam-lee"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("https://www.linkedin.com/in/jane-doe", JANE),
        ("https://www.linkedin.com/in/jane-doe/", JANE),
        ("http://linkedin.com/in/Jane-Doe?trk=people-guest", JANE),
        ("linkedin.com/in/jane-doe", JANE),
        ("www.linkedin.com/in/jane-doe/details/experience/", JANE),
        ("https://uk.linkedin.com/in/jane-doe/en", JANE),
        ("https://m.linkedin.com/in/jane-doe#top", JANE),
        ("  HTTPS://WWW.LINKEDIN.COM/IN/JANE-DOE  ", JANE),
        ("http\\://www.linkedin.com/in/jane-doe", JANE),  # vCard-escaped colon
        ("https://www.linkedin.com/in/élodie", "https://www.linkedin.com/in/%C3%A9lodie"),
        ("https://fr.linkedin.com/in/%C3%A9lodie/", "https://www.linkedin.com/in/%C3%A9lodie"),
        ("https://www.linkedin.com/company/contoso", ""),
        ("https://www.linkedin.com/pub/jane-doe/1/2/3", ""),
        ("https://www.linkedin.com/in/", ""),
        ("https://notlinkedin.com/in/jane-doe", ""),
        ("https://evil.example/linkedin.com/in/jane-doe", ""),
        ("https://lnkd.in/abc123", ""),
        ("", ""),
    ],
)
def test_normalise_linkedin_url(raw, expected):
    assert normalise_linkedin_url(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Jane.Doe@Example.COM", "jane.doe@example.com"),
        ("  jane@example.com ", "jane@example.com"),
        ("mailto:Jane@example.com", "jane@example.com"),
    ],
)
def test_normalise_email(raw, expected):
    assert normalise_email(raw) == expected


@pytest.mark.parametrize(
    "a, b",
    [
        (("Jane", "Doe", "Northwind Analytics, Inc."), ("jane", "DOE", "Northwind Analytics")),
        (("José", "García", ""), ("Jose", "Garcia", "")),
        (("Mary-Ann", "O'Neil", "Acme Ltd"), ("Mary Ann", "ONeil", "ACME")),
        (("🌟 Chiara", "Bellini 🚀", "Contoso"), ("Chiara", "Bellini", "Contoso Ltd.")),
        (("  Mei ", " Chen", "Woodgrove Bank, N.A."), ("Mei", "Chen", "Woodgrove Bank N.A.")),
        (("Ann", "Bell", "Inc"), ("ann", "bell", "inc.")),  # a company named only "Inc" stays
    ],
)
def test_name_org_keys_that_match(a, b):
    assert name_org_key(*a) == name_org_key(*b) != ""


@pytest.mark.parametrize(
    "a, b",
    [
        (("Jane", "Doe", "Northwind"), ("Jane", "Doe", "Fabrikam")),
        (("Jane", "Doe", "Northwind"), ("Jane", "Doe", "")),
        (("Jane", "Doe", ""), ("John", "Doe", "")),
    ],
)
def test_name_org_keys_that_differ(a, b):
    assert name_org_key(*a) != name_org_key(*b)


def test_no_name_no_key():
    assert name_org_key("", " ", "Acme") == ""
    assert name_org_key("🚀", "", "Acme") == ""


def _rec(**fields) -> PersonRecord:
    return PersonRecord(line=fields.pop("line", 2), **fields)


def _matcher() -> Matcher:
    return Matcher(
        [
            Existing(id=1, emails=["Jane.Doe@example.com"], first_name="Jane", last_name="Doe"),
            Existing(id=2, linkedin_url="http://uk.linkedin.com/in/sam-lee/", first_name="Sam"),
            Existing(id=3, first_name="Mei", last_name="Chen", company="Woodgrove Bank, Inc."),
            Existing(id=4, first_name="Ann", last_name="Bell", company="Acme"),
            Existing(id=5, first_name="Ann", last_name="Bell", company="Contoso"),
        ]
    )


@pytest.mark.parametrize(
    "rec, expected",
    [
        (_rec(emails=["JANE.DOE@EXAMPLE.COM"]), 1),
        (_rec(emails=["other@example.com", "jane.doe@example.com"]), 1),
        (_rec(linkedin_url="https://www.linkedin.com/in/sam-lee"), 2),
        (_rec(first_name="MEI", last_name="chen", company="Woodgrove Bank"), 3),
        (_rec(first_name="Mei", last_name="Chen", company="Fabrikam"), None),
        (_rec(first_name="Mei", last_name="Chen"), None),
        # The profile wins over an e-mail address that points at someone else.
        (_rec(emails=["jane.doe@example.com"], linkedin_url="linkedin.com/in/sam-lee"), 2),
        # An e-mail finds someone with no profile, and someone with the same profile.
        (_rec(emails=["jane.doe@example.com"], linkedin_url="linkedin.com/in/jane-doe"), 1),
        # Two Ann Bells at Acme would be ambiguous; one is not.
        (_rec(first_name="Ann", last_name="Bell", company="Acme Inc."), 4),
        # The profile wins over a name + organisation that fits someone else.
        (_rec(first_name="Mei", last_name="Chen", company="Woodgrove Bank", linkedin_url=SAM), 2),
        (_rec(first_name="Nobody", emails=["nobody@example.com"]), None),
        (_rec(), None),
    ],
)
def test_matcher_match(rec, expected):
    assert _matcher().match(rec) == expected


def test_matcher_collapses_duplicates_within_one_file_onto_the_first():
    matcher = Matcher([])
    first = _rec(first_name="Kim", last_name="Park", company="Northwind", linkedin_url=JANE)
    assert matcher.match(first) is None
    matcher.add(10, first)
    assert matcher.match(_rec(first_name="kim", last_name="park", company="Northwind Inc")) == 10
    assert matcher.match(_rec(linkedin_url=JANE + "/")) == 10
    # A second person with the same key: a record with only the name could be either.
    matcher.add(11, _rec(first_name="Kim", last_name="Park", company="Northwind"))
    assert matcher.match(_rec(first_name="Kim", last_name="Park", company="Northwind")) is None
    assert matcher.match(_rec(linkedin_url=JANE)) == 10


def test_different_profiles_are_never_one_person_however_alike_the_rest():
    matcher = Matcher(
        [
            Existing(
                id=1,
                first_name="Daniel",
                last_name="Kim",
                company="Contoso",
                linkedin_url=JANE,
                emails=["dk@example.com"],
            )
        ]
    )
    other = "https://www.linkedin.com/in/daniel-kim-2"
    assert (
        matcher.match(
            _rec(first_name="Daniel", last_name="Kim", company="Contoso", linkedin_url=other)
        )
        is None
    )
    # Not even through a shared e-mail address.
    assert matcher.match(_rec(emails=["dk@example.com"], linkedin_url=other)) is None
    # Without a profile the name and organisation still find him, and so does the e-mail.
    assert matcher.match(_rec(first_name="Daniel", last_name="Kim", company="Contoso")) == 1
    assert matcher.match(_rec(emails=["DK@example.com"])) == 1


def test_someone_without_a_profile_takes_the_first_and_only_the_first():
    matcher = Matcher([Existing(id=1, first_name="Daniel", last_name="Kim", company="Contoso")])
    rows = [
        _rec(
            first_name="Daniel",
            last_name="Kim",
            company="Contoso",
            linkedin_url=f"linkedin.com/in/daniel-kim-{i}",
        )
        for i in range(3)
    ]
    assert matcher.match(rows[0]) == 1
    matcher.add(1, rows[0])  # the merge gave them this profile
    assert matcher.match(rows[1]) is None
    matcher.add(2, rows[1])
    assert matcher.match(rows[2]) is None
    assert matcher.match(_rec(linkedin_url="https://www.linkedin.com/in/daniel-kim-1/")) == 2
    # Two Daniel Kims at Contoso now: a row with neither profile nor e-mail fits both.
    assert matcher.match(_rec(first_name="Daniel", last_name="Kim", company="Contoso")) is None


def test_thirty_thousand_rows_sharing_names_and_companies_are_thirty_thousand_people():
    rng = random.Random(14)
    matcher = Matcher([])
    firsts, lasts, companies = ["Daniel", "Mei", "Ann"], ["Kim", "Chen", "Bell"], ["Contoso", ""]
    created = 0
    for i in range(30_000):
        rec = _rec(
            first_name=rng.choice(firsts),
            last_name=rng.choice(lasts),
            company=rng.choice(companies),
            linkedin_url=f"linkedin.com/in/p-{i}",
        )
        if matcher.match(rec) is None:
            created += 1
            matcher.add(i, rec)
    assert created == 30_000


@pytest.mark.parametrize("name", ["\t=1", "\r=1", "\n=1", " =1", "'=1", "\uff1d1", "''=1"])
def test_names_that_only_look_alike_have_different_keys(name):
    assert name_org_key(name, "", "") != name_org_key("=1", "", "") != ""
    assert name_org_key("\u200bAnn", "Lee", "") != name_org_key("Ann", "Lee", "")


def test_matcher_match_key_for_invitations():
    matcher = _matcher()
    assert matcher.match_key(PersonKey("Whoever", "https://www.linkedin.com/in/sam-lee")) == 2
    assert matcher.match_key(PersonKey("jane  DOE")) == 1
    # Two people are called Ann Bell: an invitation from "Ann Bell" belongs to neither.
    assert matcher.match_key(PersonKey("Ann Bell")) is None
    assert matcher.match_key(PersonKey("Unknown Person")) is None


EXISTING = {
    "first_name": "Jane",
    "last_name": "",
    "emails": ["jane@example.com"],
    "phones": ["+442079460000"],
    "linkedin_url": "",
    "company": "Northwind",
    "title": "Analyst",
    "location": "",
    "notes": "Typed by the user.",
    "tags": ["Job Search"],
    "connected_on": None,
    "how_known": "colleague",
    "closeness": 2,
    "stage": "met",
}


def test_merge_fills_empty_fields_and_appends_but_never_overwrites():
    rec = _rec(
        first_name="Janet",
        last_name="Doe",
        emails=["JANE@example.com", "jane.doe@work.example"],
        phones=["+44 20 7946 0000", "+16175550142"],
        linkedin_url=JANE,
        company="Fabrikam",
        title="Director",
        location="London",
        notes="From the import.",
        tags=["job search", "Alumni"],
        connected_on=date(2026, 2, 8),
        how_known="friend",
        closeness=3,
        stage="listed",
    )
    assert merge_into(EXISTING, rec) == {
        "last_name": "Doe",
        "linkedin_url": JANE,
        "location": "London",
        "connected_on": date(2026, 2, 8),
        "emails": ["jane@example.com", "jane.doe@work.example"],
        "phones": ["+442079460000", "+16175550142"],
        "tags": ["Job Search", "Alumni"],
    }


def test_merging_the_same_record_twice_changes_nothing_the_second_time():
    rec = _rec(first_name="Jane", last_name="Doe", emails=["j2@example.com"], tags=["New"])
    person = {**EXISTING, **merge_into(EXISTING, rec)}
    assert merge_into(person, rec) == {}


def test_merge_into_a_sparse_dict():
    rec = _rec(first_name="Jane", emails=["jane@example.com"], closeness=1)
    assert merge_into({}, rec) == {
        "first_name": "Jane",
        "closeness": 1,
        "emails": ["jane@example.com"],
    }
