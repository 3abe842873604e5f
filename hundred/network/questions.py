"""The question bank for a 15–20 minute advice meeting: groups of questions and the closing one.

Pure data and small functions: no Django. The groups follow the TIARA outline (trends, insights,
advice, resources, assignments), which keeps an advice meeting on research — what is changing,
what they know, what they would do, whom to see next — and never on "do you know of a job?".
The closing question is the article's: end every meeting with it.
"""

from __future__ import annotations

from dataclasses import dataclass

CLOSING = "Is there anything I can do for you?"

# The longest a question may be, and how many a group may hold: a bank, not an essay.
MAX_QUESTION = 300
MAX_PER_GROUP = 20

AREA = "{area}"


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    hint: str
    questions: tuple[str, ...]


# key, title, what the group is for
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("trends", "Trends", "What is changing in their field and their part of the world."),
    ("insights", "Insights", "What they know from the inside: the work, the people, the places."),
    ("advice", "Advice", "What they would do in your place."),
    ("resources", "Resources", "Names, companies, groups and reading: where to go next."),
    ("assignments", "Assignments", "Something to do next, so you have a reason to write again."),
)

KEYS = tuple(key for key, _, _ in GROUPS)

DEFAULT_QUESTIONS: dict[str, tuple[str, ...]] = {
    "trends": (
        "What is changing in your industry right now? What will matter most in a year or two?",
        "Which organisations in {area} are growing, and which are struggling?",
    ),
    "insights": (
        "How did you get into your line of work? What do you wish you had known then?",
        "What do the people who do well in your field have in common?",
        "What do you know about the companies on my list? Which ones value skills like mine?",
    ),
    "advice": (
        "What would you do in my place? What am I not seeing?",
        "How does my one-sentence pitch sound to you? What would make it clearer?",
    ),
    "resources": (
        "Who else should I talk to? May I use your name when I reach out?",
        "Which companies or organisations in {area} should I learn more about?",
        "Which groups, events or publications would you follow in my place?",
    ),
    "assignments": (
        "Is there something you would suggest I read, try or do next?",
        "May I let you know how it goes after I have followed your advice?",
    ),
}


@dataclass(frozen=True)
class Bank:
    groups: tuple[Group, ...]
    closing: str

    @classmethod
    def from_dict(cls, questions: dict, closing: str) -> Bank:
        """A bank from stored lists by group key; a key missing is an empty group."""
        return cls(
            groups=tuple(
                Group(key, title, hint, tuple(questions.get(key) or ()))
                for key, title, hint in GROUPS
            ),
            closing=closing.strip() or CLOSING,
        )

    def as_dict(self) -> dict[str, list[str]]:
        return {g.key: list(g.questions) for g in self.groups}

    def filled(self, area: str) -> Bank:
        """The bank with {area} written as the places of the target ("Boston, Cambridge")."""
        return Bank(
            groups=tuple(
                Group(g.key, g.title, g.hint, tuple(q.replace(AREA, area) for q in g.questions))
                for g in self.groups
            ),
            closing=self.closing,
        )

    def all_questions(self) -> list[str]:
        return [q for g in self.groups for q in g.questions]


DEFAULT_BANK = Bank.from_dict(DEFAULT_QUESTIONS, CLOSING)


def lines(text: str) -> list[str]:
    """The non-empty lines of a text box, stripped, each once, in order."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        line = line.strip()
        if line:
            seen.setdefault(line, None)
    return list(seen)
