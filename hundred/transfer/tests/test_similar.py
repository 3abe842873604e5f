"""Candidate duplicate pairs: blocking, scoring by name and identity, and the reasons given."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from hundred.transfer import similar
from hundred.transfer.similar import candidate_pairs, near_duplicates


@dataclass
class P:
    id: int
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    emails: list[str] = field(default_factory=list)
    linkedin_url: str = ""


def _people(*names: tuple[str, str, str]) -> list[P]:
    return [P(i, first, last, org) for i, (first, last, org) in enumerate(names, 1)]


def test_near_duplicates_finds_typos_swaps_accents_and_case():
    people = _people(
        ("John", "Smith", ""),
        ("Jon", "Smith", ""),
        ("Smith", "John", ""),
        ("José", "García", "Contoso"),
        ("JOSE", "garcia", "Contoso Ltd"),
        ("Priya", "Natarajan", ""),
        ("Mary", "Jones", ""),
    )
    pairs = near_duplicates(people)
    assert [(a, b) for a, b, _ in pairs] == [(1, 3), (4, 5), (1, 2), (2, 3)]
    assert pairs[0][2] == 100.0 and pairs[1][2] == 100.0
    assert 90 <= pairs[2][2] < 100


def test_nicknames_meet_their_long_form():
    people = _people(("Bob", "Lee", ""), ("Robert", "Lee", ""), ("Bill", "Okafor", ""))
    people.append(P(4, "William", "Okafor"))
    assert [(a, b, s) for a, b, s in near_duplicates(people)] == [(1, 2, 100.0), (3, 4, 100.0)]


def test_same_company_lifts_a_near_match_over_the_threshold():
    # "stephen clark" and "steven clark" score 88: a shared employer makes it 93.
    at_one = _people(("Stephen", "Clark", "Relecloud"), ("Steven", "Clark", "Relecloud Inc."))
    apart = _people(("Stephen", "Clark", "Relecloud"), ("Steven", "Clark", "Fabrikam"))
    assert near_duplicates(at_one) == [(1, 2, 93.0)]
    assert near_duplicates(apart) == []


def test_people_without_names_are_not_compared_by_name():
    assert near_duplicates(_people(("", "", "Acme"), ("", "", "Acme"))) == []


def test_two_daniel_kims_with_their_own_profiles_are_not_alike_and_say_why():
    # Issue #14: two different Daniel Kims were "100.0 % alike".
    kims = [
        P(1, "Daniel", "Kim", "Contoso", linkedin_url="https://www.linkedin.com/in/daniel-kim-1"),
        P(2, "Daniel", "Kim", "Fabrikam", linkedin_url="linkedin.com/in/Daniel-Kim-2/"),
    ]
    [pair] = candidate_pairs(kims)
    assert pair.score == 65.0  # 100 for the name, -10 two companies, -25 two profiles
    assert pair.reasons == {
        "agree": ["same name"],
        "differ": [
            "different LinkedIn profiles (/in/daniel-kim-1, /in/daniel-kim-2)",
            "different companies (Contoso, Fabrikam)",
        ],
    }


def test_same_name_and_company_with_two_profiles_scores_below_a_name_typo():
    people = [
        P(1, "Daniel", "Kim", "Contoso", linkedin_url="linkedin.com/in/dk1"),
        P(2, "Daniel", "Kim", "Contoso", linkedin_url="linkedin.com/in/dk2"),
        P(3, "Jonathan", "Smith"),
        P(4, "Jonathon", "Smith"),
    ]
    pairs = candidate_pairs(people)
    assert [(p.a, p.b, p.score) for p in pairs] == [(3, 4, 92.9), (1, 2, 75.0)]
    assert all(p.score < 100 for p in pairs)


def test_the_same_profile_or_e_mail_is_the_highest_score_whatever_the_names():
    people = [
        P(1, "Dan", "Kim", "Contoso", linkedin_url="https://uk.linkedin.com/in/dkim/en"),
        P(2, "D.", "Kim-Park", "Fabrikam", linkedin_url="linkedin.com/in/DKIM"),
        P(3, "Jane", "Doe", emails=["Jane@Example.com"]),
        P(4, "J", "Smith-Doe", emails=["jane@example.com "]),
        P(5, "Sam", "Lee", emails=["sam@x.org"], linkedin_url="linkedin.com/in/sam-a"),
        P(6, "Sam", "Lee", emails=["sam@x.org"], linkedin_url="linkedin.com/in/sam-b"),
    ]
    pairs = {(p.a, p.b): p for p in candidate_pairs(people)}
    assert pairs[1, 2].score == 100.0 and "same LinkedIn profile" in pairs[1, 2].reasons["agree"]
    assert "different companies (Contoso, Fabrikam)" in pairs[1, 2].reasons["differ"]
    assert pairs[3, 4].score == 100.0
    assert "same e-mail (jane@example.com)" in pairs[3, 4].reasons["agree"]
    # A shared address but two profiles: both said, and not 100.
    assert pairs[5, 6].score == 75.0
    assert pairs[5, 6].reasons["differ"] == ["different LinkedIn profiles (/in/sam-a, /in/sam-b)"]


def test_a_shared_mailbox_does_not_pair_everyone_on_it():
    rng = random.Random(5)
    many = [
        P(i, "".join(rng.sample("bcdfghjklmnpqrstvwxz", 8)), "Q", emails=["team@x.org"])
        for i in range(1, 30)
    ]
    many += [P(40, "Jonathan", "Smith", emails=["team@x.org"]), P(41, "Jonathon", "Smith")]
    pairs = candidate_pairs(many)
    assert [(p.a, p.b, p.score) for p in pairs] == [(40, 41, 92.9)]
    assert pairs[0].reasons == {"agree": ["names 93 % alike"], "differ": []}


def test_near_duplicates_on_thirty_thousand_people_completes():
    rng = random.Random(7)
    firsts = ["James", "Mary", "John", "Patricia", "Wei", "Priya", "Ahmed", "Olga", "Ana", "Kofi"]
    people = [
        P(
            i,
            rng.choice(firsts),
            "".join(rng.choice("abcdeghiklmnoprstuvy") for _ in range(rng.randint(4, 9))),
            f"Company {i % 300}",
        )
        for i in range(30_000)
    ]
    people.append(P(99_999, "Jhon", people[0].last_name))
    people[0].first_name = "John"
    assert (0, 99_999) in {(a, b) for a, b, _ in near_duplicates(people)}


def test_a_huge_block_compares_each_name_with_its_neighbours_only(monkeypatch):
    # 30,000 names with the same initials ("First123 Last123") fall in one block, too many to
    # compare in full (docs/performance.md has the times). Each name is compared with at most
    # NEIGHBOURS others either side, in sorted order, and near neighbours in that order are
    # still found.
    people = [P(i, f"First{i}", f"Last{i}") for i in range(30_000)]
    people += [P(100_001, "Fiona", "Lindqvist"), P(100_002, "Fionna", "Lindqvist")]
    longest = 0
    extract = similar.process.extract

    def counting(query, choices, **kwargs):
        nonlocal longest
        longest = max(longest, len(choices))
        return extract(query, choices, **kwargs)

    monkeypatch.setattr(similar.process, "extract", counting)
    pairs = {(a, b) for a, b, _ in near_duplicates(people)}
    assert longest == 2 * similar.NEIGHBOURS + 1  # either side, and the name itself
    assert (100_001, 100_002) in pairs


def test_a_block_under_the_limit_is_still_compared_in_full():
    # The typo is in the second letter, so the two sort far apart: found all the same.
    filler = [P(i, f"Ab{i}", "Cd") for i in range(similar.FULL_BLOCK - 10)]
    people = [*filler, P(90_001, "Anna", "Carlsson"), P(90_002, "Aanna", "Carlsson")]
    assert (90_001, 90_002) in {(a, b) for a, b, _ in near_duplicates(people)}


def _crowd(n: int, seed: int) -> list[P]:
    rng = random.Random(seed)
    firsts = ["Ana", "Anna", "Bob", "Robert", "Jon", "John", "Daniel", "Dan", "Mary", "Marie"]
    lasts = ["Kim", "Lee", "Smith", "Smyth", "Garcia", "García", "Okafor"]
    return [
        P(
            i,
            rng.choice(firsts),
            rng.choice(lasts),
            rng.choice(["", "Contoso", "Fabrikam Inc."]),
            [f"p{rng.randrange(n)}@x.org"] if rng.random() < 0.2 else [],
            f"linkedin.com/in/p{rng.randrange(n)}" if rng.random() < 0.5 else "",
        )
        for i in range(n)
    ]


def test_pairs_for_some_people_are_the_ones_a_full_computation_gives_them(monkeypatch):
    # The review recomputes only the pairs of people who changed: each brings the same pairs,
    # with the same scores, as in a full computation, in a small block and in one compared by
    # neighbours.
    for full_block in (similar.FULL_BLOCK, 40):
        monkeypatch.setattr(similar, "FULL_BLOCK", full_block)
        monkeypatch.setattr(similar, "NEIGHBOURS", 15)
        people = _crowd(600, seed=full_block)
        everything = {(p.a, p.b, p.score) for p in candidate_pairs(people)}
        assert len(everything) > 100
        some = set(random.Random(3).sample(range(600), 40))
        got = {(p.a, p.b, p.score) for p in candidate_pairs(people, only=some)}
        assert got <= everything
        assert all(a in some or b in some for a, b, _ in got)
        touched = {i for a, b, _ in everything for i in (a, b)} & some
        assert {i for a, b, _ in got for i in (a, b)} >= touched


def test_a_crowd_of_one_name_makes_a_few_pairs_each():
    people = [P(i, "Daniel", "Kim", linkedin_url=f"linkedin.com/in/dk{i}") for i in range(150)]
    pairs = candidate_pairs(people)
    per_person = Counter(i for p in pairs for i in (p.a, p.b))
    assert len(per_person) == 150
    assert len(pairs) <= 150 * similar.PARTNERS
