"""`hundred demo`: fill an empty account with a believable job-search network, all invented.

The seeker is a financial analyst laid off from a hospital network, looking for finance work in
Boston-area non-profits. Eight weeks into the search they have listed 150 people, asked about
thirty, met fifteen, and the meetings have started to produce names: introductions three steps
deep, some reaching people at target companies. Today has overdue, due and coming follow-ups,
meetings ahead and a debrief owed.

Names come from a mixed pool; e-mail addresses use example.com, .org and .net; phone numbers sit
in the 555-01xx range kept for fiction; websites end in .example. The network comes from a fixed
seed with dates counted back in business days from `today`, so the same call on the same day
builds the same network. Follow-up dates come from the follow-up engine (`rules.py`), so the
demo obeys the same rules as real data.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime, timedelta
from typing import NamedTuple

from django.db import transaction

from hundred.lib.dates import add_business_days
from hundred.network.models import (
    Channel,
    Company,
    Direction,
    Favour,
    FavourDirection,
    FavourState,
    FollowUp,
    FollowUpReason,
    FollowUpState,
    HowKnown,
    Interaction,
    Meeting,
    Person,
    Source,
    Stage,
    Tag,
    Target,
    TargetChange,
)
from hundred.network.rules import (
    Attempt,
    Pause,
    Planned,
    RuleSettings,
    after_outreach,
    favour_followup_due,
    keep_in_touch_due,
    thank_you_due,
)

__all__ = ["DemoExists", "build_demo"]

SEED = 100  # the article's list of 100 people
EMPTY_ACCOUNT_HINT = (
    "the demo fills only an empty account — create a new one with "
    "'hundred createuser EMAIL', then run 'hundred demo --user EMAIL'."
)


class DemoExists(Exception):
    """The account already holds data of its own; the demo fills only an empty account."""


def build_demo(user, *, today: date | None = None) -> dict[str, int]:
    """Fill an empty account with the sample network and return what was made, by kind.

    build_demo(user) -> {"people": 150, "companies": 30, "interactions": …, "meetings": 21, …}
    """
    today = today or user.local_today()
    with transaction.atomic():
        # Two demo runs for one account at once would both see it empty; the row lock makes
        # the second wait and then refuse (a no-op on SQLite, whose writers already queue).
        type(user).objects.select_for_update().filter(pk=user.pk).first()
        target = _empty_target_or_refuse(user)
        builder = _Builder(user, today)
        builder.build()
        return builder.save(target)


def _empty_target_or_refuse(user) -> Target | None:
    if Person.objects.for_user(user).exists():
        raise DemoExists(f"This account already has people; {EMPTY_ACCOUNT_HINT}")
    if Company.objects.for_user(user).exists():
        raise DemoExists(f"This account already has companies; {EMPTY_ACCOUNT_HINT}")
    target = Target.objects.for_user(user).first()
    # Onboarding may have left an empty target behind: fill that one rather than refuse.
    if target is not None and (target.pitch or any(target.as_lists().values())):
        raise DemoExists(f"This account already has a target; {EMPTY_ACCOUNT_HINT}")
    return target


# The seeker's target.

TARGET = {
    "skills": ["financial analysis", "budgeting and forecasting", "grant reporting"],
    "industries": ["healthcare", "community services"],
    "company_kinds": ["non-profit", "mission-driven"],
    "work_environment": ["collaborative", "small team"],
    "geographies": ["Boston"],
}
PITCH = (
    "I'm looking for an opportunity to use my financial analysis skills in a non-profit "
    "organisation in the Boston area. I'd love a small, collaborative finance team in "
    "healthcare or community services."
)


# Companies: eight targets with research, then the rest of the seeker's world.


class _Co(NamedTuple):
    name: str
    website: str
    industry: str
    kind: str
    location: str
    priority: int | None  # None: not a target
    research: str
    notes: str


_COMPANIES = (
    _Co(
        "Northwind Community Health", "northwind.example", "Healthcare",
        "non-profit community health centre", "Boston, MA", 1, "done",
        "Six clinics across Boston; a finance team of about twelve under Marcus Feld (CFO). "
        "Moving budgeting off spreadsheets this year — the FP&A gap they describe is mine.",
    ),
    _Co(
        "Beacon Hill Food Alliance", "beaconhillfood.example", "Food security", "non-profit",
        "Boston, MA", 1, "done",
        "Regional food-bank network that grew fast after 2020. Rosa (controller) says one "
        "overworked analyst does all the grant reporting.",
    ),
    _Co(
        "Cedar Grove Health Foundation", "cedargrove.example", "Healthcare philanthropy",
        "foundation", "Cambridge, MA", 1, "researching",
        "Grant-maker for community health; Helen runs finance. Small, collaborative team; "
        "sees the books of every grantee.",
    ),
    _Co(
        "Riverbend Children's Fund", "riverbend.example", "Child welfare", "non-profit",
        "Somerville, MA", 1, "researching",
        "Adding an analyst after last year's audit (per Samuel). Kwame leads finance; "
        "Lorraine is on the board.",
    ),
    _Co(
        "Mystic Valley Hospice", "mysticvalleyhospice.example", "Healthcare",
        "non-profit hospice", "Medford, MA", 2, "researching",
        "Hospice and home care; Medicare reimbursement makes forecasting hard. "
        "Yuki moved there from hospital finance.",
    ),
    _Co(
        "Harbor Light Housing Trust", "harborlight.example", "Affordable housing",
        "non-profit", "Boston, MA", 2, "done",
        "Three-person finance team planning a second building. Spring fundraiser in May.",
    ),
    _Co(
        "Greenway Literacy Project", "greenwayliteracy.example", "Education", "non-profit",
        "Boston, MA", 2, "not_started", "Adult literacy; mostly grant-funded.",
    ),
    _Co(
        "Lantern Youth Arts", "lanternarts.example", "Arts and youth", "non-profit",
        "Quincy, MA", 3, "not_started", "Small; the board treasurer does much of the finance.",
    ),
    _Co(
        "Harborview Health Partners", "harborview.example", "Healthcare", "hospital network",
        "Boston, MA", None, "",
        "My employer 2015–2024 (FP&A, then budget lead); laid off in the restructuring.",
    ),
    _Co(
        "Bayside Mutual Insurance", "baysidemutual.example", "Insurance", "mutual insurer",
        "Quincy, MA", None, "", "My first job out of the MBA: financial analyst, 2011–2015.",
    ),
    _Co("Atlantic Wellness Clinics", "atlanticwellness.example", "Healthcare", "clinic chain",
        "Waltham, MA", None, "", ""),
    _Co("Longfellow University", "longfellow.example", "Higher education", "university",
        "Cambridge, MA", None, "", "My MBA school; the alumni office runs a career network."),
    _Co("Granite Ledger Accounting", "graniteledger.example", "Accounting",
        "CPA firm with a non-profit practice", "Boston, MA", None, "", ""),
    _Co("Copley Analytics", "copleyanalytics.example", "Data and analytics", "consultancy",
        "Boston, MA", None, "", "Builds dashboards for non-profits; a possible bridge."),
    _Co("Blue Heron Credit Union", "blueheron.example", "Financial services", "credit union",
        "Arlington, MA", None, "", ""),
    _Co("Quarry Hill Software", "quarryhill.example", "Software", "startup", "Cambridge, MA",
        None, "", ""),
    _Co("Old Colony Medical Devices", "oldcolony.example", "Medical devices", "manufacturer",
        "Braintree, MA", None, "", ""),
    _Co("Fairmount Capital Advisors", "fairmountcapital.example", "Finance",
        "wealth management", "Boston, MA", None, "", ""),
    _Co("Sparrow Therapeutics", "sparrowtx.example", "Biotech", "startup", "Cambridge, MA",
        None, "", ""),
    _Co("Marlowe & Finch LLP", "marlowefinch.example", "Legal", "law firm", "Boston, MA",
        None, "", ""),
    _Co("Back Bay Data Works", "backbaydata.example", "Software", "small company",
        "Boston, MA", None, "", ""),
    _Co("Kestrel Robotics", "kestrelrobotics.example", "Robotics", "startup",
        "Somerville, MA", None, "", ""),
    _Co("Pinecrest Regional Schools", "pinecrest.example", "Education", "public school district",
        "Lexington, MA", None, "", ""),
    _Co("Orchard Street Bakery", "orchardstreet.example", "Food", "small business",
        "Arlington, MA", None, "", ""),
    _Co("Ofori & Sons Plumbing", "", "Trades", "small business", "Arlington, MA", None, "", ""),
    _Co("Seaport Health Plan", "seaporthealth.example", "Health insurance",
        "non-profit health plan", "Boston, MA", None, "",
        "Non-profit insurer; bigger than my targets but mission-driven."),
    _Co("Tideline Bank", "tideline.example", "Banking", "regional bank", "Boston, MA", None, "",
        ""),
    _Co("Chestnut Hill Family Medicine", "chestnuthillfm.example", "Healthcare",
        "private practice", "Newton, MA", None, "", ""),
    _Co("Lighthouse Senior Living", "lighthouseliving.example", "Elder care", "non-profit",
        "Salem, MA", None, "", "Growing; finance run by Sunita Rao, short-handed (Bernadette)."),
    _Co("Bramble & Oak Design", "brambleoak.example", "Architecture", "design studio",
        "Somerville, MA", None, "", ""),
)  # fmt: skip

FORMER_EMPLOYERS = ("Harborview Health Partners", "Bayside Mutual Insurance")


# The cast: people whose story the demo tells in full (meetings, names given, favours).


class _Who(NamedTuple):
    key: str
    first: str
    last: str
    how_known: str
    closeness: int
    company: str | None
    title: str
    location: str
    source: str
    tags: tuple[str, ...] = ()
    notes: str = ""
    introduced_by: str = ""  # the key of the person who gave this name at their meeting


_K = HowKnown
_CAST = (
    _Who("helen", "Helen", "Okonkwo", _K.COLLEAGUE, 1, "Cedar Grove Health Foundation",
         "VP of Finance", "Newton, MA", Source.LINKEDIN, ("former team", "finance"),
         "My manager at Harborview 2016–2021. Generous with introductions."),
    _Who("paul", "Paul", "Lindqvist", _K.COLLEAGUE, 2, "Bayside Mutual Insurance",
         "Actuarial Manager", "Quincy, MA", Source.LINKEDIN, ("Bayside",)),
    _Who("andrea", "Andrea", "Kessler", _K.COLLEAGUE, 2, "Blue Heron Credit Union", "Controller",
         "Arlington, MA", Source.LINKEDIN, ("Bayside", "finance")),
    _Who("tomas", "Tomás", "Herrera", _K.COMMUNITY, 1, "Beacon Hill Food Alliance",
         "Director of Programs", "Somerville, MA", Source.GOOGLE, ("running club",),
         "Sunday long runs. Knows everyone in food security."),
    _Who("olivia", "Olivia", "Brandt", _K.COMMUNITY, 2, "Greenway Literacy Project",
         "Operations Manager", "Arlington, MA", Source.MANUAL, ("church choir",)),
    _Who("grace", "Grace", "Liu-Patterson", _K.CLASSMATE, 2, "Atlantic Wellness Clinics",
         "Director of FP&A", "Waltham, MA", Source.LINKEDIN, ("alumni", "MBA")),
    _Who("jun", "Jun", "Park", _K.CLASSMATE, 2, "Quarry Hill Software", "Finance Manager",
         "Cambridge, MA", Source.LINKEDIN, ("alumni", "MBA")),
    _Who("marco", "Marco", "Bellini", _K.CLASSMATE, 3, "Seaport Health Plan",
         "Senior Budget Analyst", "Boston, MA", Source.LINKEDIN, ("alumni",)),
    _Who("fatima", "Fatima", "Al-Sayed", _K.FRIEND, 1, "Longfellow University",
         "Research Grants Manager", "Cambridge, MA", Source.GOOGLE, (),
         "Friends since grad school; knows grant accounting inside out."),
    _Who("bernadette", "Bernadette", "Quinn", _K.NEIGHBOUR, 1, None, "Retired hospital CFO",
         "Arlington, MA", Source.MANUAL, ("Elm Street",),
         "Two doors down. Has sat on three non-profit boards."),
    _Who("samir", "Samir", "Haddad", _K.NEIGHBOUR, 2, "Old Colony Medical Devices",
         "Operations Director", "Arlington, MA", Source.MANUAL, ("Elm Street",)),
    _Who("lorraine", "Lorraine", "Whitcombe", _K.FAMILY, 1, "Riverbend Children's Fund",
         "Board member", "Brookline, MA", Source.GOOGLE, ("family",),
         "Mum's oldest friend; on the Riverbend board."),
    _Who("desmond", "Desmond", "Ofori", _K.SERVICE, 3, "Ofori & Sons Plumbing",
         "Plumber (owner)", "Arlington, MA", Source.MANUAL, (),
         "Fixed the boiler in January. Knows half the town; his sister sits on the Mystic "
         "Valley Hospice board."),
    # Names given at meetings.
    _Who("rosa", "Rosa", "Delgado", _K.INTRODUCED, 3, "Beacon Hill Food Alliance", "Controller",
         "Boston, MA", Source.INTRODUCED, introduced_by="helen"),
    _Who("marcus", "Marcus", "Feld", _K.INTRODUCED, 3, "Northwind Community Health",
         "Chief Financial Officer", "Boston, MA", Source.INTRODUCED, introduced_by="helen"),
    _Who("aisha", "Aisha", "Bankole", _K.INTRODUCED, 3, "Harbor Light Housing Trust",
         "Director of Development", "Boston, MA", Source.INTRODUCED, introduced_by="tomas"),
    _Who("yuki", "Yuki", "Tanabe", _K.INTRODUCED, 3, "Mystic Valley Hospice", "Finance Manager",
         "Medford, MA", Source.INTRODUCED, introduced_by="grace"),
    _Who("samuel", "Samuel", "Achterberg", _K.INTRODUCED, 3, "Granite Ledger Accounting",
         "Partner, non-profit practice", "Boston, MA", Source.INTRODUCED, introduced_by="rosa"),
    _Who("beatriz", "Beatriz", "Santos", _K.INTRODUCED, 3, "Northwind Community Health",
         "Budget Manager", "Boston, MA", Source.INTRODUCED, introduced_by="marcus"),
    _Who("kwame", "Kwame", "Asante", _K.INTRODUCED, 3, "Riverbend Children's Fund",
         "Director of Finance", "Somerville, MA", Source.INTRODUCED, introduced_by="marcus"),
    _Who("niamh", "Niamh", "Costello", _K.INTRODUCED, 3, "Greenway Literacy Project",
         "Grants Accountant", "Boston, MA", Source.INTRODUCED, introduced_by="fatima"),
    _Who("ines", "Inés", "Kowalczyk", _K.INTRODUCED, 3, "Riverbend Children's Fund",
         "Senior Financial Analyst", "Somerville, MA", Source.INTRODUCED, introduced_by="samuel"),
    _Who("dev", "Dev", "Malhotra", _K.INTRODUCED, 3, "Lantern Youth Arts", "Board Treasurer",
         "Quincy, MA", Source.INTRODUCED, introduced_by="samuel"),
    _Who("camille", "Camille", "Fontaine", _K.INTRODUCED, 3, "Harbor Light Housing Trust",
         "Chief Financial Officer", "Boston, MA", Source.INTRODUCED, introduced_by="aisha"),
    _Who("hannah", "Hannah", "Mbeki", _K.INTRODUCED, 3, "Mystic Valley Hospice", "VP of Finance",
         "Medford, MA", Source.INTRODUCED, introduced_by="yuki"),
    _Who("chloe", "Chloe", "Whitaker-Ng", _K.INTRODUCED, 3, "Cedar Grove Health Foundation",
         "Grants Finance Lead", "Cambridge, MA", Source.INTRODUCED, introduced_by="kwame"),
    _Who("rafael", "Rafael", "Moreno", _K.INTRODUCED, 3, "Northwind Community Health",
         "Board Treasurer", "Brookline, MA", Source.INTRODUCED, introduced_by="bernadette"),
    _Who("sunita", "Sunita", "Rao", _K.INTRODUCED, 3, "Lighthouse Senior Living",
         "Director of Finance", "Salem, MA", Source.INTRODUCED, introduced_by="bernadette"),
    _Who("theo", "Theo", "Nakamura", _K.INTRODUCED, 3, "Greenway Literacy Project",
         "Executive Director", "Boston, MA", Source.INTRODUCED, introduced_by="olivia"),
    _Who("maribel", "Maribel", "Cruz", _K.INTRODUCED, 3, "Lantern Youth Arts",
         "Finance and Operations Manager", "Quincy, MA", Source.INTRODUCED,
         introduced_by="olivia"),
)  # fmt: skip


class _Debrief(NamedTuple):
    advice: str
    companies: tuple[str, ...]
    notes: str = ""


class _Meet(NamedTuple):
    """One cast member's way to a meeting; days are business days from today (negative: ago)."""

    key: str
    channel: str  # of the first outreach
    asked: int
    nudges: int  # no-reply follow-ups made before they answered
    replied: int
    day: int
    time: str
    minutes: int
    place: str
    debrief: _Debrief | None  # None: not written yet, or the meeting is still ahead


_C = Channel
_MEETINGS = (
    _Meet("lorraine", _C.PHONE, -40, 0, -39, -38, "10:00", 45, "Her kitchen table, Brookline",
          _Debrief("Board members remember finance people who explain numbers in plain words. "
                   "Offer to help a small board with its budget — that is how she met half "
                   "the people she knows.",
                   ("Riverbend Children's Fund", "Lantern Youth Arts"),
                   "Will mention me at the Riverbend donor breakfast.")),
    _Meet("helen", _C.EMAIL, -40, 0, -39, -36, "08:30", 20, "Café Nero, Boylston St",
          _Debrief("Lead with budget-to-actuals and grant reporting, not modelling: non-profit "
                   "CFOs worry about restricted funds and audits. Learn the basics of fund "
                   "accounting before any interview. Talk to Rosa and Marcus — both are "
                   "building teams.",
                   ("Northwind Community Health", "Beacon Hill Food Alliance",
                    "Mystic Valley Hospice"),
                   "Offered to look at my target list again in a month.")),
    _Meet("tomas", _C.TEXT, -39, 0, -38, -33, "07:30", 40, "Walk around Jamaica Pond",
          _Debrief("Food-security groups grew fast after 2020 and their finance side has not "
                   "caught up. Harbor Light has the same problem and a new development "
                   "director, Aisha, who knows everyone there.",
                   ("Beacon Hill Food Alliance", "Harbor Light Housing Trust"))),
    _Meet("grace", _C.LINKEDIN, -38, 0, -36, -31, "12:00", 20, "Zoom",
          _Debrief("Keep the FP&A framing: rolling forecasts and scenario planning are rare in "
                   "non-profits and valued once people see them. Yuki at Mystic Valley Hospice "
                   "made the same move from a hospital.",
                   ("Mystic Valley Hospice", "Seaport Health Plan"))),
    _Meet("rosa", _C.EMAIL, -34, 0, -33, -28, "15:00", 20, "Zoom",
          _Debrief("Community non-profits find finance people through their auditors and board "
                   "treasurers more than through postings. Samuel at Granite Ledger audits "
                   "half the non-profits in Boston.",
                   ("Granite Ledger Accounting", "Riverbend Children's Fund"))),
    _Meet("marcus", _C.EMAIL, -34, 0, -31, -25, "11:00", 20, "His office, Washington St",
          _Debrief("Northwind will need a budget manager once the new system is in; keep in "
                   "touch through the spring. Kwame at Riverbend and Beatriz on his own team "
                   "will give the view from the inside.",
                   ("Riverbend Children's Fund", "Cedar Grove Health Foundation"),
                   "Asked for my one-page target list.")),
    _Meet("fatima", _C.TEXT, -30, 0, -29, -22, "17:30", 30, "Phone",
          _Debrief("Grant-funded groups value anyone who can read a grant budget. Niamh at "
                   "Greenway Literacy does exactly the work I described.",
                   ("Greenway Literacy Project", "Longfellow University"))),
    _Meet("jun", _C.LINKEDIN, -27, 1, -21, -20, "12:30", 20, "Zoom",
          _Debrief("Start-ups want FP&A but cut first when money is tight; for what I want, a "
                   "mission-driven organisation fits better. Copley Analytics builds non-profit "
                   "dashboards and could be a bridge.",
                   ("Quarry Hill Software", "Copley Analytics"))),
    _Meet("samuel", _C.EMAIL, -26, 0, -25, -18, "09:00", 20, "Phone",
          _Debrief("Audit season shows which non-profits struggle with reporting. Riverbend is "
                   "adding an analyst after their last audit — Inés there knows the details. "
                   "Dev, Lantern's board treasurer, needs help and is good to know.",
                   ("Riverbend Children's Fund", "Lantern Youth Arts",
                    "Harbor Light Housing Trust"))),
    _Meet("aisha", _C.EMAIL, -31, 1, -25, -15, "10:30", 20, "Harbor Light offices, Chinatown",
          _Debrief("Harbor Light's finance team is three people and the CFO, Camille, is "
                   "planning for a second building. Come to the spring fundraiser: the whole "
                   "board will be there.",
                   ("Harbor Light Housing Trust",))),
    _Meet("paul", _C.EMAIL, -20, 0, -19, -12, "12:00", 45, "Lunch at Orchard Street Bakery",
          _Debrief("Insurance taught me what many non-profits lack — reserves, risk, long-range "
                   "forecasts. Say that on the résumé in their words, not ours.",
                   ("Seaport Health Plan",))),
    _Meet("yuki", _C.EMAIL, -29, 0, -27, -9, "16:00", 20, "Google Meet",
          _Debrief("The move from hospital finance was easier than she expected; hospice "
                   "reimbursement is a small world and people talk. Hannah, the VP of Finance, "
                   "decides on new roles. Lighthouse Senior Living is growing too.",
                   ("Mystic Valley Hospice", "Lighthouse Senior Living"))),
    _Meet("kwame", _C.EMAIL, -23, 1, -17, -6, "09:30", 20, "Zoom",
          _Debrief("Riverbend values people who can explain variances to programme staff. "
                   "Chloe at Cedar Grove works with every grantee's finance team and sees who "
                   "is growing.",
                   ("Riverbend Children's Fund", "Cedar Grove Health Foundation"))),
    _Meet("bernadette", _C.EMAIL, -10, 0, -9, -4, "10:00", 30, "Her porch, Elm Street",
          _Debrief("Board treasurers are the quiet hiring network of small non-profits. Rafael "
                   "is Northwind's treasurer; Sunita runs finance at Lighthouse Senior Living "
                   "and is short-handed.",
                   ("Northwind Community Health", "Lighthouse Senior Living"))),
    _Meet("olivia", _C.EMAIL, -9, 0, -8, -1, "11:00", 20, "Café Nero, Boylston St",
          _Debrief("Greenway's executive director, Theo, is rethinking the budget process; "
                   "Maribel is the one-person finance team at Lantern Youth Arts and could use "
                   "a peer.",
                   ("Greenway Literacy Project", "Lantern Youth Arts"))),
    # Held, debrief not written yet.
    _Meet("andrea", _C.LINKEDIN, -12, 0, -10, -3, "12:30", 20, "Zoom", None),
    _Meet("samir", _C.TEXT, -8, 0, -7, -2, "08:00", 20, "Phone", None),
    # Ahead: today, tomorrow, the day after, next week.
    _Meet("camille", _C.EMAIL, -13, 0, -11, 0, "16:00", 20, "Zoom", None),
    _Meet("ines", _C.EMAIL, -16, 1, -10, 1, "08:30", 20, "Phone", None),
    _Meet("niamh", _C.EMAIL, -20, 2, -7, 2, "12:30", 20, "Café Nero, Boylston St", None),
    _Meet("marco", _C.LINKEDIN, -6, 0, -4, 6, "10:00", 20, "Zoom", None),
)  # fmt: skip

# People met long enough ago that the relationship now runs both ways.
NURTURING = ("lorraine", "helen", "tomas", "grace", "rosa", "fatima", "paul")


class _Touch(NamedTuple):
    key: str
    day: int
    time: str
    channel: str
    direction: str
    summary: str
    reason: str = ""  # the follow-up this touch completed, if any
    also: str = ""  # a second person in the same interaction


_O, _I = Direction.OUT, Direction.IN
_R = FollowUpReason
_TOUCHES = (
    _Touch("lorraine", -25, "08:00", _C.EVENT, _O,
           "Riverbend donor breakfast as Lorraine's guest; met two board members"),
    _Touch("helen", -30, "09:10", _C.EMAIL, _O,
           "Sent Helen my comments on her variance-report template", _R.FAVOUR),
    _Touch("helen", -20, "18:10", _C.EMAIL, _O,
           "Update for Helen: Rosa and Marcus both made time, and Rosa passed me on to Samuel",
           _R.KEEP_IN_TOUCH),
    _Touch("tomas", -20, "19:00", _C.IN_PERSON, _O,
           "Built the volunteer-hours spreadsheet with the food pantry crew", _R.FAVOUR),
    _Touch("marcus", -24, "08:45", _C.EMAIL, _O, "Sent Marcus my one-page target list",
           _R.PROMISED_INFO),
    _Touch("marcus", -20, "16:30", _C.EMAIL, _I,
           "Marcus passed my note on to Northwind's finance director"),
    _Touch("jun", -19, "11:00", _C.EMAIL, _O,
           "Introduced Jun to Grace by e-mail — he is curious about FP&A", _R.FAVOUR, "grace"),
    _Touch("rosa", -12, "10:05", _C.EMAIL, _O,
           "Sent Rosa the grant-reporting course list I promised", _R.FAVOUR),
    _Touch("grace", -10, "13:15", _C.LINKEDIN, _I,
           "Grace asked how the search is going and reminded me of the rolling-forecast notes"),
    _Touch("samuel", -10, "14:00", _C.EMAIL, _I, "Samuel sent his workshop slides for feedback"),
    _Touch("fatima", -8, "20:30", _C.TEXT, _O, "Texted Fatima the name of our tax preparer",
           _R.FAVOUR),
    _Touch("yuki", -8, "09:20", _C.EMAIL, _I,
           "Yuki sent Mystic Valley Hospice's latest annual report"),
    _Touch("paul", -5, "12:45", _C.EMAIL, _I,
           "Paul sent the college-cost spreadsheet he mentioned at lunch"),
)  # fmt: skip


class _Fav(NamedTuple):
    key: str
    direction: str
    what: str
    due: int | None  # business days from today; 0 is today's date even on a weekend
    done: int | None  # None: still promised


_D = FavourDirection
_FAVOURS = (
    _Fav("helen", _D.THEY_ASKED, "Look over her team's new variance-report template", -33, -30),
    _Fav("helen", _D.THEY_DID, "Lent me her fund-accounting handbook", None, -36),
    _Fav("lorraine", _D.THEY_DID, "Invited me to the Riverbend donor breakfast", None, -25),
    _Fav("tomas", _D.I_OFFERED, "Set up the food pantry's volunteer-hours spreadsheet", -20, -20),
    _Fav("grace", _D.THEY_ASKED, "Share my notes on rolling forecasts for her team's offsite",
         3, None),
    _Fav("rosa", _D.I_OFFERED, "Send the list of grant-reporting courses I found", -23, -12),
    _Fav("marcus", _D.THEY_DID, "Pass my note on to Northwind's finance director", None, -20),
    _Fav("jun", _D.I_OFFERED, "Introduce him to Grace Liu-Patterson", -19, -19),
    _Fav("fatima", _D.THEY_ASKED, "Recommend a tax preparer for her mother", -17, -8),
    _Fav("samuel", _D.THEY_ASKED, "Give feedback on his non-profit budgeting workshop slides",
         -2, None),
    _Fav("aisha", _D.I_OFFERED, "Staff the ticket table at Harbor Light's spring fundraiser",
         8, None),
    _Fav("paul", _D.THEY_ASKED, "Check his daughter's college-cost spreadsheet", 0, None),
    _Fav("yuki", _D.THEY_DID, "Sent me Mystic Valley Hospice's latest annual report", None, -8),
    _Fav("kwame", _D.I_OFFERED, "Send him the article on non-profit overhead ratios", 1, None),
    _Fav("bernadette", _D.THEY_ASKED,
         "Talk her nephew through what an accounting degree leads to", 5, None),
    _Fav("olivia", _D.I_OFFERED, "Proofread the budget in the choir's grant application",
         4, None),
    _Fav("desmond", _D.THEY_DID,
         "Ask his sister (Mystic Valley Hospice board) whether she would talk to me", None, None),
)  # fmt: skip


# Pools for the rest of the list.

FIRST_NAMES = (
    "Adaeze", "Ahmed", "Alejandro", "Amara", "Anika", "Arjun", "Astrid", "Bao", "Benedikt",
    "Bianca", "Callum", "Carmen", "Chidi", "Cormac", "Dalia", "Daniela", "Darius", "Delphine",
    "Eamon", "Elif", "Emeka", "Esperanza", "Ezra", "Farah", "Felix", "Florence", "Folasade",
    "Gabriel", "Gideon", "Giulia", "Gwen", "Hamid", "Hana", "Hyun-woo", "Ibrahim", "Imani",
    "Ingrid", "Isaac", "Jasmine", "Javier", "Jelena", "Joaquín", "Jonah", "Kai", "Kalani",
    "Keiko", "Kofi", "Lars", "Leila", "Lionel", "Lucía", "Malik", "Mariam", "Marisol", "Mateo",
    "Mei", "Mirela", "Nadia", "Naveen", "Nell", "Nia", "Nikolai", "Noor", "Obinna", "Oksana",
    "Omar", "Orla", "Pablo", "Petra", "Priyanka", "Quentin", "Rashid", "Renata", "Rhea",
    "Rohan", "Rosalind", "Ruth", "Salma", "Santiago", "Saoirse", "Sebastian", "Shira",
    "Siddharth", "Sofia", "Soren", "Sven", "Tamar", "Tariq", "Teodora", "Thandiwe", "Tobias",
    "Uma", "Valentina", "Vikram", "Vivian", "Wanjiru", "Wei", "Winston", "Ximena", "Yara",
    "Yasmin", "Yusuf", "Zainab", "Zofia",
)  # fmt: skip
LAST_NAMES = (
    "Abernathy", "Adeyemi", "Alvarez", "Andersen", "Baptiste", "Barros", "Bauer", "Brennan",
    "Castellanos", "Chaudhry", "Chen", "Costa", "Dabrowski", "Dlamini", "Donnelly", "Eriksen",
    "Esposito", "Fairweather", "Farouk", "Fitzgerald", "Gallo", "Garrido", "Goldberg",
    "Gunawardena", "Hadley", "Hakimi", "Halvorsen", "Hoang", "Ibarra", "Iwasaki", "Jablonski",
    "Jaramillo", "Kamau", "Karlsson", "Kaur", "Kowalski", "Lachance", "Lamberti", "Lindgren",
    "Lopes", "Mahlangu", "Marchetti", "Mendoza", "Moreau", "Mwangi", "Nakagawa", "Navarro",
    "Nguyen", "Novak", "Obi", "O'Sullivan", "Oyelaran", "Pacheco", "Papadakis", "Petrov",
    "Quintero", "Rahman", "Reyes", "Rinaldi", "Rosenthal", "Sabbagh", "Salazar", "Sandoval",
    "Schaefer", "Serrano", "Shapiro", "Sokolova", "Sorensen", "Suzuki", "Takahashi", "Thornton",
    "Toussaint", "Trujillo", "Underwood", "Valdez", "Van der Berg", "Varga", "Vasquez",
    "Wainwright", "Waweru", "Whitfield", "Wojcik", "Yamamoto", "Yilmaz", "Zaman", "Zielinski",
)  # fmt: skip

TOWNS = (
    "Boston, MA", "Cambridge, MA", "Somerville, MA", "Arlington, MA", "Medford, MA",
    "Newton, MA", "Brookline, MA", "Quincy, MA", "Waltham, MA", "Lexington, MA", "Salem, MA",
    "Dedham, MA", "Malden, MA",
)  # fmt: skip
FAR_TOWNS = ("Worcester, MA", "Providence, RI", "Portland, ME", "Hartford, CT", "New York, NY")
HOME_TOWN = "Arlington, MA"

FINANCE_TITLES = (
    "Senior Financial Analyst", "FP&A Manager", "Accounting Manager", "Budget Analyst",
    "Payroll Manager", "Staff Accountant", "Treasury Analyst", "Finance Director",
    "Internal Auditor", "Controller",
)  # fmt: skip
HOSPITAL_TITLES = (
    "Nurse Manager", "Director of Operations", "HR Business Partner", "IT Project Manager",
    "Data Analyst", "Practice Manager", "Compliance Officer", "Procurement Specialist",
    "Revenue Cycle Director", "Billing Supervisor",
)  # fmt: skip
OFFICE_TITLES = (
    "Director of Operations", "HR Business Partner", "Data Analyst", "Compliance Officer",
    "Operations Manager",
)  # fmt: skip
# Where a former colleague may have moved: finance and operations people go everywhere.
COLLEAGUE_MOVES = (
    "Northwind Community Health", "Beacon Hill Food Alliance", "Cedar Grove Health Foundation",
    "Riverbend Children's Fund", "Mystic Valley Hospice", "Harbor Light Housing Trust",
    "Greenway Literacy Project", "Atlantic Wellness Clinics", "Seaport Health Plan",
    "Lighthouse Senior Living", "Chestnut Hill Family Medicine", "Granite Ledger Accounting",
    "Tideline Bank", "Old Colony Medical Devices",
)  # fmt: skip
# Everyone else's work, employer by employer, so a title fits the place.
WORK = {
    "Quarry Hill Software": ("Software Engineer", "Product Manager", "Marketing Manager"),
    "Back Bay Data Works": ("Software Engineer", "Office Manager", "Sales Director"),
    "Kestrel Robotics": ("Mechanical Engineer", "Product Manager", "Recruiter"),
    "Copley Analytics": ("Consultant", "Data Analyst", "Project Manager"),
    "Blue Heron Credit Union": ("Branch Manager", "Loan Officer", "Marketing Manager"),
    "Tideline Bank": ("Relationship Manager", "Compliance Officer", "Credit Analyst"),
    "Fairmount Capital Advisors": ("Financial Advisor", "Client Service Associate"),
    "Old Colony Medical Devices": ("Quality Engineer", "Sales Director", "Project Manager"),
    "Sparrow Therapeutics": ("Research Scientist", "Clinical Project Manager"),
    "Marlowe & Finch LLP": ("Paralegal", "Associate Attorney", "Office Manager"),
    "Pinecrest Regional Schools": ("Teacher", "School Librarian", "Guidance Counselor"),
    "Orchard Street Bakery": ("Owner", "Pastry Chef"),
    "Bramble & Oak Design": ("Architect", "Graphic Designer"),
    "Longfellow University": ("Librarian", "Professor of Economics", "Admissions Director"),
    "Atlantic Wellness Clinics": ("Physical Therapist", "Pharmacist", "Nurse Practitioner"),
    "Chestnut Hill Family Medicine": ("Nurse", "Practice Manager"),
    "Seaport Health Plan": ("Actuary", "Marketing Manager", "Data Analyst"),
    None: ("Freelance writer", "Retired teacher", "Social worker", "Nurse", "Photographer"),
}
# Employers where a classmate from the MBA may well work in finance.
FINANCE_EMPLOYERS = (
    "Quarry Hill Software", "Copley Analytics", "Blue Heron Credit Union", "Tideline Bank",
    "Fairmount Capital Advisors", "Old Colony Medical Devices", "Sparrow Therapeutics",
    "Seaport Health Plan",
)  # fmt: skip
SERVICE_PEOPLE = (
    ("Accountant (CPA)", "Granite Ledger Accounting", "Does our taxes; many non-profit clients."),
    ("Family doctor", "Chestnut Hill Family Medicine", "Sits on a community health board."),
    ("Hairdresser", None, "Sees half the town every month."),
    ("Insurance agent", "Bayside Mutual Insurance", ""),
    ("Financial advisor", "Fairmount Capital Advisors", "Advises several family foundations."),
    ("Piano teacher", None, "Teaches at Lantern Youth Arts on Saturdays."),
)
COMMUNITY_TAGS = ("church choir", "running club", "food pantry volunteers", "PTA")
NOTES = {
    _K.COLLEAGUE: (
        "Sat next to me on the budget team for four years.",
        "Knows the community health centres from the payer side.",
        "Ran the 2019 system conversion with me.",
        "Left for a smaller organisation last year; happier there.",
    ),
    _K.FRIEND: (
        "Partner works in philanthropy.",
        "Lost touch after the move; worth reconnecting.",
        "Volunteers with a literacy charity.",
    ),
    _K.CLASSMATE: ("Study-group partner in corporate finance.", "Now on the alumni board."),
    _K.NEIGHBOUR: ("Always at the block party; works downtown.",),
    _K.FAMILY: ("Cousin; always asks how the search is going.", "Dad's old friend."),
    _K.COMMUNITY: ("Keeps the books for three small charities.",),
    _K.OTHER: ("Met at the non-profit finance meetup; said to stay in touch.",),
}

# How many of each kind the generated part of the list holds (the cast adds the rest).
FILLER_KINDS = (
    (_K.COLLEAGUE, 40),
    (_K.FRIEND, 23),
    (_K.CLASSMATE, 17),
    (_K.NEIGHBOUR, 9),
    (_K.FAMILY, 8),
    (_K.COMMUNITY, 13),
    (_K.SERVICE, 6),
    (_K.OTHER, 4),
)
# Open no-reply follow-ups of the people asked and still silent, as business days from today,
# with one attempt made and with two.
ONE_ATTEMPT_DUE = (-2, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4)
TWO_ATTEMPTS_DUE = (-3, -1, 1, 2, 2, 3, 4, 4)
REPLIED_ASKED = 4
DECLINED = 4
PAUSED = 4

TOPICS = (
    "non-profit finance teams",
    "moving from hospital finance to a community organisation",
    "FP&A in mission-driven organisations",
    "which Boston non-profits are growing their finance teams",
    "grant reporting and fund accounting",
    "finance in community health",
)
OUTREACH = (
    "Asked for 20 minutes of advice on {topic}",
    "Asked for 15–20 minutes of ideas and names on {topic}",
    "Asked for advice on {topic}, and who else I should talk to",
)
REPLIES_YES = (
    "Replied: happy to talk; we settled on {when}",
    "Said yes and suggested {when}",
    "Glad to help — booked {when}",
)
REPLIES_LATER = (
    "Replied: happy to talk; asked me to suggest two times",
    "Said yes to a short call once the board meeting is over",
    "Glad to help; asked for my target list first",
)
DECLINES = (
    "Replied kindly: swamped until after the audit; try again in the summer",
    "Doesn't feel close enough to the non-profit side to help; wished me luck",
    "On leave for the next two months; suggested trying again after that",
    "Stepping back from networking calls for now",
)
NUDGES = {
    Channel.PHONE: "Left a short voicemail following up on my note",
    Channel.LETTER: "Mailed a handwritten note with my one-page target list",
    Channel.LINKEDIN: "Followed up with a short LinkedIn message",
    Channel.EMAIL: "Followed up by e-mail with my one-page target list",
}
AREA_CODES = ("617", "781", "857", "508", "978", "339")
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ONE_DAY = timedelta(days=1)


def _business_days_before(d: date, n: int) -> date:
    """The n-th business day before d (the demo counts back; the rules only count forward)."""
    while n:
        d -= _ONE_DAY
        if d.weekday() < 5:
            n -= 1
    return d


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower() if c.isalnum())


def _channel_for(place: str) -> str:
    if place in ("Zoom", "Google Meet"):
        return Channel.VIDEO
    if place == "Phone":
        return Channel.PHONE
    return Channel.IN_PERSON


class _Builder:
    """Makes every object unsaved, in memory, then writes them kind by kind with bulk_create."""

    def __init__(self, owner, today: date) -> None:
        self.owner = owner
        self.today = today
        self.tz = owner.tzinfo
        self.rng = random.Random(SEED)
        self.rules = RuleSettings()
        self.start = self.day(-40)  # the first working day of the search, eight weeks ago
        self.companies: dict[str, Company] = {}
        self.people: list[Person] = []
        self.cast: dict[str, Person] = {}
        self.person_tags: list[tuple[Person, str]] = []
        self.meetings: dict[str, Meeting] = {}
        self.mentions: list[tuple[Meeting, Company]] = []
        self.interactions: list[Interaction] = []
        self.interaction_people: list[tuple[Interaction, Person]] = []
        self.followups: list[FollowUp] = []
        self.favours: list[Favour] = []
        self.last_touch: dict[int, date] = {}  # id(person) -> date of the latest interaction
        self.favour_done_by: dict[str, Interaction] = {}  # cast key -> the touch that did it
        self.nurtured_at: dict[str, datetime] = {}
        self.names: set[tuple[str, str]] = set()
        self.filler: list[Person] = []  # the generated part of the list, not the cast
        numbers = [f"+1{code}55501{n:02d}" for code in AREA_CODES for n in range(100)]
        self.rng.shuffle(numbers)
        self.phones = numbers

    # Dates.

    def day(self, offset: int) -> date:
        """A business day `offset` business days from today; 0 is today, or Monday at a weekend."""
        if offset < 0:
            return _business_days_before(self.today, -offset)
        return add_business_days(self.today, offset, self.rules.holidays)

    def at(self, d: date, hhmm: str) -> datetime:
        hours, minutes = (int(part) for part in hhmm.split(":"))
        return datetime(d.year, d.month, d.day, hours, minutes, tzinfo=self.tz)

    def some_time(self, d: date, first_hour: int = 8, last_hour: int = 17) -> datetime:
        hour = self.rng.randint(first_hour, last_hour)
        return self.at(d, f"{hour}:{self.rng.randrange(0, 60, 5):02d}")

    def listing_time(self) -> datetime:
        """When a name went on the list: an evening in the few days before the search began."""
        return self.some_time(self.start - timedelta(days=self.rng.randint(1, 3)), 18, 21)

    # Objects.

    def build(self) -> None:
        self.make_companies()
        self.make_cast()
        self.make_filler()
        self.tell_meetings()
        self.tell_cast_without_meetings()
        self.tell_touches()
        self.tell_favours()
        self.keep_in_touch()
        self.tell_filler()

    def make_companies(self) -> None:
        created_at = self.at(self.start - timedelta(days=4), "20:00")
        for co in _COMPANIES:
            self.companies[co.name] = Company(
                owner=self.owner,
                name=co.name,
                website=f"https://{co.website}" if co.website else "",
                industry=co.industry,
                kind=co.kind,
                location=co.location,
                notes=co.notes,
                is_target=co.priority is not None,
                priority=co.priority or 2,
                research_status=co.research or "not_started",
                created_at=created_at,
            )

    def make_person(
        self,
        first: str,
        last: str,
        how_known: str,
        closeness: int,
        company: str | None,
        title: str,
        location: str,
        source: str,
        tags: tuple[str, ...] = (),
        notes: str = "",
        created_at: datetime | None = None,
    ) -> Person:
        rng = self.rng
        self.names.add((first, last))
        first_slug, last_slug = _slug(first), _slug(last)
        emails = [f"{first_slug}.{last_slug}@{rng.choice(EMAIL_DOMAINS)}"]
        if rng.random() < 0.25:
            emails.append(f"{first_slug[0]}{last_slug}@{rng.choice(EMAIL_DOMAINS)}")
        phones = [self.phones.pop()] if rng.random() < 0.65 else []
        linkedin = ""
        if source == Source.LINKEDIN or rng.random() < 0.3:
            linkedin = (
                f"https://www.linkedin.com/in/{first_slug}-{last_slug}-{rng.randint(100, 999)}"
            )
        connected_on = None
        if source == Source.LINKEDIN:
            connected_on = self.today - timedelta(days=rng.randint(150, 4500))
        created_at = created_at or self.listing_time()
        person = Person(
            owner=self.owner,
            first_name=first,
            last_name=last,
            emails=emails,
            phones=phones,
            linkedin_url=linkedin,
            company=self.companies[company] if company else None,
            title=title,
            location=location,
            how_known=how_known,
            closeness=closeness,
            notes=notes,
            source=source,
            stage=Stage.LISTED,
            stage_changed_at=created_at,
            connected_on=connected_on,
            created_at=created_at,
        )
        self.people.append(person)
        self.person_tags.extend((person, tag) for tag in tags)
        return person

    def make_cast(self) -> None:
        for who in _CAST:
            created_at = None
            if who.introduced_by:
                meet = next(m for m in _MEETINGS if m.key == who.introduced_by)
                created_at = self.at(self.day(meet.day), "19:30")  # typed in at the debrief
            self.cast[who.key] = self.make_person(
                who.first,
                who.last,
                who.how_known,
                who.closeness,
                who.company,
                who.title,
                who.location,
                who.source,
                who.tags,
                who.notes,
                created_at,
            )

    def make_filler(self) -> None:
        rng = self.rng
        services = list(SERVICE_PEOPLE)
        for kind, count in FILLER_KINDS:
            for _ in range(count):
                first, last = self.new_name()
                company = rng.choice(list(WORK)) if rng.random() < 0.75 else None
                title = rng.choice(WORK[company])
                location = rng.choice(TOWNS)
                source = rng.choice((Source.GOOGLE, Source.MANUAL))
                closeness = rng.choice((1, 2, 2, 3))
                tags: list[str] = []
                notes = rng.choice(NOTES[kind]) if kind in NOTES and rng.random() < 0.25 else ""
                if kind == _K.COLLEAGUE:
                    roll = rng.random()
                    if roll < 0.55:
                        company = FORMER_EMPLOYERS[0]
                        title = rng.choice(FINANCE_TITLES + HOSPITAL_TITLES)
                        tags.append("Harborview")
                        if title in FINANCE_TITLES:
                            tags.append("former team")
                    elif roll < 0.75:
                        company = FORMER_EMPLOYERS[1]
                        title = rng.choice(FINANCE_TITLES + OFFICE_TITLES)
                        tags.append("Bayside")
                    else:
                        company = rng.choice(COLLEAGUE_MOVES)
                        title = rng.choice(FINANCE_TITLES + OFFICE_TITLES)
                    source = Source.LINKEDIN if rng.random() < 0.8 else Source.MANUAL
                    closeness = rng.choice((1, 2, 2, 2, 3, 3))
                elif kind == _K.FRIEND:
                    source = Source.GOOGLE if rng.random() < 0.7 else Source.MANUAL
                    closeness = rng.choice((1, 1, 2, 2, 3))
                    if rng.random() < 0.3:
                        tags.append("college friends")
                elif kind == _K.CLASSMATE:
                    if company in FINANCE_EMPLOYERS and rng.random() < 0.6:
                        title = rng.choice(FINANCE_TITLES)
                    source = Source.LINKEDIN
                    closeness = rng.choice((2, 3, 3))
                    tags.append("alumni")
                    if rng.random() < 0.6:
                        tags.append("MBA")
                elif kind == _K.NEIGHBOUR:
                    location = HOME_TOWN
                    closeness = 2
                    if rng.random() < 0.5:
                        tags.append("Elm Street")
                elif kind == _K.FAMILY:
                    location = rng.choice(FAR_TOWNS + TOWNS[:3])
                    source = Source.GOOGLE
                    closeness = rng.choice((1, 1, 2))
                    tags.append("family")
                elif kind == _K.COMMUNITY:
                    location = rng.choice((HOME_TOWN, *TOWNS[:4]))
                    closeness = rng.choice((2, 3))
                    tags.append(rng.choice(COMMUNITY_TAGS))
                elif kind == _K.SERVICE:
                    title, company, notes = services.pop(0)
                    location = HOME_TOWN
                    source = Source.MANUAL
                    closeness = 3
                elif kind == _K.OTHER:
                    source = rng.choice((Source.LINKEDIN, Source.MANUAL))
                    company = rng.choice(COLLEAGUE_MOVES)
                    title = rng.choice(FINANCE_TITLES)
                    closeness = 3
                    tags.append("meetup")
                # A few names come to mind only once the search is under way.
                created_at = None
                if rng.random() < 0.12:
                    created_at = self.some_time(self.day(-rng.randint(2, 35)), 18, 21)
                self.filler.append(
                    self.make_person(
                        first,
                        last,
                        kind,
                        closeness,
                        company,
                        title,
                        location,
                        source,
                        tuple(tags),
                        notes,
                        created_at,
                    )
                )

    def new_name(self) -> tuple[str, str]:
        while True:
            name = (self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES))
            if name not in self.names:
                return name

    def touch(
        self,
        people: list[Person],
        when: datetime,
        channel: str,
        direction: str,
        summary: str,
        *,
        is_outreach: bool = False,
        meeting: Meeting | None = None,
    ) -> Interaction:
        interaction = Interaction(
            owner=self.owner,
            channel=channel,
            direction=direction,
            occurred_at=when,
            summary=summary,
            is_outreach=is_outreach,
            meeting=meeting,
            created_at=when,
        )
        self.interactions.append(interaction)
        for person in people:
            self.interaction_people.append((interaction, person))
            if is_outreach and direction == Direction.OUT:
                if person.asked_at is None or when < person.asked_at:
                    person.asked_at = when
            previous = self.last_touch.get(id(person))
            if previous is None or when.date() > previous:
                self.last_touch[id(person)] = when.date()
        return interaction

    def follow_up(
        self,
        person: Person,
        due_on: date,
        reason: str,
        created_at: datetime,
        *,
        channel: str = Channel.EMAIL,
        attempt: int = 1,
        note: str = "",
        meeting: Meeting | None = None,
        favour: Favour | None = None,
    ) -> FollowUp:
        followup = FollowUp(
            owner=self.owner,
            person=person,
            due_on=due_on,
            channel=channel,
            reason=reason,
            attempt=attempt,
            note=note,
            meeting=meeting,
            favour=favour,
            created_at=created_at,
        )
        self.followups.append(followup)
        return followup

    @staticmethod
    def close(followup: FollowUp, when: datetime, interaction: Interaction | None = None) -> None:
        followup.state = FollowUpState.DONE
        followup.done_at = when
        followup.interaction = interaction

    @staticmethod
    def skip(followup: FollowUp | None, when: datetime) -> None:
        if followup is not None and followup.state == FollowUpState.OPEN:
            followup.state = FollowUpState.SKIPPED
            followup.done_at = when

    def outreach(
        self, person: Person, first_on: date, channel: str, attempts: int, summary: str
    ) -> tuple[FollowUp | None, date, Pause | None]:
        """Make `attempts` attempts as the engine plans them: the outreach, then each no-reply
        follow-up done on its due date. Returns the open follow-up (None once paused), the day
        of the last attempt and the pause, if the cap was reached."""
        made: list[Attempt] = []
        pending: FollowUp | None = None
        on = first_on
        for n in range(attempts):
            when = self.some_time(on, 8, 16)
            if n == 0:
                text = summary
            else:
                channel = pending.channel
                text = NUDGES.get(channel, "Followed up")
            interaction = self.touch([person], when, channel, Direction.OUT, text, is_outreach=True)
            if pending is not None:
                self.close(pending, when, interaction)
            if n == 0:
                person.set_stage(Stage.ASKED)
                person.stage_changed_at = when
            made.append(Attempt(on, channel))
            plan = after_outreach(made, self.rules)
            if isinstance(plan, Pause):
                person.stage = Stage.PAUSED
                person.stage_changed_at = when
                person.paused_until = plan.until
                return None, on, plan
            assert isinstance(plan, Planned)
            pending = self.follow_up(
                person, plan.due_on, plan.reason, when, channel=plan.channel, attempt=plan.attempt
            )
            on = plan.due_on
        return pending, made[-1].on, None

    def outreach_text(self, person: Person, introducer: Person | None = None) -> str:
        text = self.rng.choice(OUTREACH).format(topic=self.rng.choice(TOPICS))
        if introducer is not None:
            return f"Wrote to {person.first_name}, mentioning {introducer.first_name}. {text}"
        return text

    def introducer_of(self, key: str) -> Person | None:
        who = next(w for w in _CAST if w.key == key)
        return self.cast[who.introduced_by] if who.introduced_by else None

    def introduce(self, key: str) -> None:
        """The introducer's e-mail putting the two of us in touch, the day after the meeting."""
        who = next(w for w in _CAST if w.key == key)
        meet = next(m for m in _MEETINGS if m.key == who.introduced_by)
        if meet.day >= -1:
            return  # the names came yesterday; no e-mail yet
        person, introducer = self.cast[key], self.cast[who.introduced_by]
        company = f", {who.company}" if who.company else ""
        self.touch(
            [introducer, person],
            self.some_time(self.day(meet.day + 1), 7, 9),
            Channel.EMAIL,
            Direction.IN,
            f"{introducer.first_name} introduced me to {person.first_name} "
            f"({who.title}{company}) by e-mail",
        )

    # Stories.

    def tell_meetings(self) -> None:
        for meet in _MEETINGS:
            person = self.cast[meet.key]
            introducer = self.introducer_of(meet.key)
            if introducer is not None:
                self.introduce(meet.key)
            pending, _, _ = self.outreach(
                person,
                self.day(meet.asked),
                meet.channel,
                1 + meet.nudges,
                self.outreach_text(person, introducer),
            )
            meeting_day = self.day(meet.day)
            starts_at = self.at(meeting_day, meet.time)
            when = f"{_WEEKDAYS[meeting_day.weekday()]} at {meet.time}"
            replied_at = self.some_time(self.day(meet.replied), 9, 20)
            reply_channel = Channel.LINKEDIN if meet.channel == Channel.LINKEDIN else Channel.EMAIL
            if meet.channel in (Channel.TEXT, Channel.PHONE):
                reply_channel = meet.channel
            self.touch(
                [person],
                replied_at,
                reply_channel,
                Direction.IN,
                self.rng.choice(REPLIES_YES).format(when=when),
            )
            self.skip(pending, replied_at)
            person.set_stage(Stage.SCHEDULED)
            person.stage_changed_at = replied_at
            person.paused_until = None  # an answer after the last attempt still counts
            company = person.company
            meeting = Meeting(
                owner=self.owner,
                person=person,
                starts_at=starts_at,
                duration_minutes=meet.minutes,
                place=meet.place,
                agenda=(
                    "My pitch in two sentences; how they came to their work; companies worth "
                    "learning about; who else I should talk to; is there anything I can do for "
                    "them?"
                ),
                questions=self.questions(person),
                pitch_snapshot=PITCH,
                company_notes=company.notes if company is not None else "",
                created_at=replied_at,
            )
            self.meetings[meet.key] = meeting
            if meet.debrief is not None:
                self.debrief(meet, person, meeting)

    def questions(self, person: Person) -> str:
        where = person.company.name if person.company is not None else "your corner of Boston"
        return "\n".join(
            (
                f"What keeps the finance people at {where} busy this year?",
                "Which non-profits around Boston are growing, and which are struggling?",
                "Who else would you talk to in my place?",
            )
        )

    def debrief(self, meet: _Meet, person: Person, meeting: Meeting) -> None:
        ends_at = meeting.starts_at + timedelta(minutes=meet.minutes)
        debriefed_at = ends_at + timedelta(hours=self.rng.randint(1, 4))
        if debriefed_at.date() > ends_at.date():
            debriefed_at = ends_at + timedelta(minutes=30)
        meeting.advice = meet.debrief.advice
        meeting.debrief_notes = meet.debrief.notes
        meeting.debriefed_at = debriefed_at
        for name in meet.debrief.companies:
            self.mentions.append((meeting, self.companies[name]))
        given = [w for w in _CAST if w.introduced_by == meet.key]
        summary = f"{meet.minutes}-minute advice conversation"
        if given:
            summary += f"; left with {len(given)} name{'s' if len(given) > 1 else ''}"
        self.touch(
            [person],
            meeting.starts_at,
            _channel_for(meet.place),
            Direction.OUT,
            summary,
            meeting=meeting,
        )
        person.set_stage(Stage.MET)
        person.stage_changed_at = debriefed_at
        # The thank-you: written for most, still open for the last two meetings.
        meeting_on = meeting.starts_at.date()
        thanks = self.follow_up(
            person,
            thank_you_due(meeting_on, self.rules),
            FollowUpReason.THANK_YOU,
            debriefed_at,
            meeting=meeting,
            note="Thank them for their time and the names; say what I will do next.",
        )
        if meet.key not in ("bernadette", "olivia"):
            when = self.some_time(thanks.due_on, 8, 10)
            names = " and the introductions" if given else ""
            note = self.touch(
                [person],
                when,
                Channel.EMAIL,
                Direction.OUT,
                f"Thank-you note to {person.first_name} for the advice{names}",
            )
            self.close(thanks, when, note)

    def tell_cast_without_meetings(self) -> None:
        # Beatriz: two tries, no answer yet; the third is a day late.
        beatriz = self.cast["beatriz"]
        self.introduce("beatriz")
        self.outreach(
            beatriz,
            _business_days_before(self.day(-1), 10),
            Channel.EMAIL,
            2,
            self.outreach_text(beatriz, self.cast["marcus"]),
        )
        # Dev: asked once, the follow-up is due today.
        dev = self.cast["dev"]
        self.introduce("dev")
        self.outreach(
            dev,
            _business_days_before(self.day(0), 5),
            Channel.EMAIL,
            1,
            self.outreach_text(dev, self.cast["samuel"]),
        )
        # Rafael: asked two days ago; the follow-up comes later this week or next.
        rafael = self.cast["rafael"]
        self.introduce("rafael")
        text = self.outreach_text(rafael, self.cast["bernadette"])
        self.outreach(rafael, self.day(-2), Channel.EMAIL, 1, text)
        # Hannah: said yes, and waits for two times to choose from.
        hannah = self.cast["hannah"]
        self.introduce("hannah")
        pending, _, _ = self.outreach(
            hannah, self.day(-7), Channel.EMAIL, 1, self.outreach_text(hannah, self.cast["yuki"])
        )
        replied_at = self.some_time(self.day(-5), 9, 18)
        self.touch(
            [hannah],
            replied_at,
            Channel.EMAIL,
            Direction.IN,
            "Glad to talk once she is back from a conference; asked me to send two times for "
            "next week",
        )
        self.skip(pending, replied_at)
        self.follow_up(
            hannah,
            self.day(1),
            FollowUpReason.OTHER,
            replied_at,
            note="Send Hannah two times for a 20-minute call next week.",
        )
        self.introduce("chloe")
        self.introduce("sunita")
        # Desmond, the plumber: asked in person while he fixed the kitchen tap.
        desmond = self.cast["desmond"]
        pending, _, _ = self.outreach(
            desmond,
            self.day(-14),
            Channel.IN_PERSON,
            1,
            "Mentioned my search while he fixed the kitchen tap; asked whether he knows anyone "
            "in non-profit finance",
        )
        asked_at = self.interactions[-1].occurred_at
        answered_at = asked_at + timedelta(minutes=10)
        self.touch(
            [desmond],
            answered_at,
            Channel.IN_PERSON,
            Direction.IN,
            "His sister sits on the Mystic Valley Hospice board; he will ask her",
        )
        self.skip(pending, answered_at)
        # Inés wanted my target list before the call.
        self.follow_up(
            self.cast["ines"],
            self.day(0),
            FollowUpReason.PROMISED_INFO,
            self.at(self.day(-10), "18:00"),
            note="Send Inés my one-page target list before our call.",
            meeting=self.meetings["ines"],
        )

    def tell_touches(self) -> None:
        for t in _TOUCHES:
            person = self.cast[t.key]
            people = [person, self.cast[t.also]] if t.also else [person]
            when = self.at(self.day(t.day), t.time)
            interaction = self.touch(people, when, t.channel, t.direction, t.summary)
            if t.key in NURTURING and t.key not in self.nurtured_at:
                self.nurtured_at[t.key] = when
            if t.reason and t.reason != FollowUpReason.FAVOUR:
                followup = self.follow_up(
                    person, when.date(), t.reason, when - timedelta(days=3), channel=t.channel
                )
                self.close(followup, when, interaction)
            if t.reason == FollowUpReason.FAVOUR:
                self.favour_done_by[t.key] = interaction
        for key in NURTURING:
            person = self.cast[key]
            person.set_stage(Stage.NURTURING)
            person.stage_changed_at = self.nurtured_at[key]

    def tell_favours(self) -> None:
        for fav in _FAVOURS:
            person = self.cast[fav.key]
            meeting = self.meetings.get(fav.key)
            if meeting is not None and meeting.debriefed_at is not None:
                created_at = meeting.debriefed_at
                asked_on = meeting.starts_at.date()
            else:
                meeting = None
                created_at = self.at(self.day(-14), "19:00")
                asked_on = self.day(-14)
            due_on = None
            if fav.due is not None:
                due_on = self.today if fav.due == 0 else self.day(fav.due)
            favour = Favour(
                owner=self.owner,
                person=person,
                direction=fav.direction,
                what=fav.what,
                state=FavourState.DONE if fav.done is not None else FavourState.PROMISED,
                due_on=due_on,
                done_on=self.day(fav.done) if fav.done is not None else None,
                meeting=meeting,
                created_at=created_at,
            )
            self.favours.append(favour)
            if fav.direction == FavourDirection.THEY_DID:
                if favour.state == FavourState.PROMISED:
                    # Their promise: check in kindly if nothing has come of it in a few days.
                    self.follow_up(
                        person,
                        self.day(3),
                        FollowUpReason.FAVOUR,
                        created_at,
                        channel=Channel.PHONE,
                        note="Check in kindly about his sister.",
                        favour=favour,
                    )
                continue
            followup = self.follow_up(
                person,
                favour_followup_due(due_on, asked_on, self.rules),
                FollowUpReason.FAVOUR,
                created_at,
                note=fav.what,
                meeting=meeting,
                favour=favour,
            )
            if fav.done is not None:
                done_by = self.favour_done_by.get(fav.key)
                when = done_by.occurred_at if done_by else self.at(self.day(fav.done), "17:00")
                self.close(followup, when, done_by)

    def keep_in_touch(self) -> None:
        for meet in _MEETINGS:
            person = self.cast[meet.key]
            if person.stage not in (Stage.MET, Stage.NURTURING):
                continue
            last = self.last_touch[id(person)]
            self.follow_up(
                person,
                keep_in_touch_due(last, person.closeness, self.rules),
                FollowUpReason.KEEP_IN_TOUCH,
                self.at(last, "21:00"),
                note="Share news from the search; ask how things are with them.",
            )

    def tell_filler(self) -> None:
        """Stages for the generated people: closer people tend to be asked first."""
        rng = self.rng
        # Anyone listed mid-search is not asked yet; among the rest, warmth decides the order.
        ready = [p for p in self.filler if p.created_at < self.at(self.start, "00:00")]
        ranked = sorted(ready, key=lambda p: p.closeness + rng.random() * 1.8)
        queue = iter(ranked)
        for due in ONE_ATTEMPT_DUE:
            self.silent(next(queue), 1, due)
        for due in TWO_ATTEMPTS_DUE:
            self.silent(next(queue), 2, due)
        for _ in range(REPLIED_ASKED):
            person = next(queue)
            replied = -rng.randint(1, 2)
            pending, _, _ = self.outreach(
                person,
                self.day(replied - rng.randint(1, 3)),
                self.first_channel(person),
                1,
                self.outreach_text(person),
            )
            reply_on = self.day(replied)
            replied_at = self.some_time(reply_on, 9, 20)
            self.touch([person], replied_at, Channel.EMAIL, Direction.IN, rng.choice(REPLIES_LATER))
            self.skip(pending, replied_at)
            self.follow_up(
                person,
                add_business_days(reply_on, 2, self.rules.holidays),
                FollowUpReason.OTHER,
                replied_at,
                note="Suggest two times for a 20-minute call.",
            )
        for text in DECLINES[:DECLINED]:
            person = next(queue)
            asked = -rng.randint(12, 30)
            pending, _, _ = self.outreach(
                person, self.day(asked), self.first_channel(person), 1, self.outreach_text(person)
            )
            replied_at = self.some_time(self.day(asked + rng.randint(1, 3)), 9, 20)
            self.touch([person], replied_at, Channel.EMAIL, Direction.IN, text)
            self.skip(pending, replied_at)
            person.set_stage(Stage.DECLINED)
            person.stage_changed_at = replied_at
        for _ in range(PAUSED):
            person = next(queue)
            self.outreach(
                person,
                self.day(-rng.randint(34, 40)),
                self.first_channel(person),
                3,
                self.outreach_text(person),
            )

    def silent(self, person: Person, attempts: int, due: int) -> None:
        """Asked `attempts` times without an answer; the next attempt falls due `due` days on."""
        first_on = _business_days_before(self.day(due), 5 * attempts)
        self.outreach(
            person, first_on, self.first_channel(person), attempts, self.outreach_text(person)
        )

    def first_channel(self, person: Person) -> str:
        if person.how_known in (_K.COLLEAGUE, _K.CLASSMATE, _K.OTHER) and person.linkedin_url:
            return self.rng.choice((Channel.EMAIL, Channel.LINKEDIN))
        return Channel.EMAIL

    # Saving.

    def save(self, target: Target | None) -> dict[str, int]:
        owner = self.owner
        begun_at = self.at(self.start - timedelta(days=4), "19:00")
        target = target or Target(owner=owner, created_at=begun_at)
        for name, values in TARGET.items():
            setattr(target, name, values)
        target.pitch = PITCH
        target.save()
        TargetChange.objects.create(
            owner=owner,
            target=target,
            snapshot={**target.as_lists(), "pitch": PITCH},
            created_at=begun_at,
        )
        if getattr(owner, "onboarded_at", "unknown") is None:
            owner.onboarded_at = begun_at
            owner.save(update_fields=["onboarded_at"])

        existing = {t.name.lower(): t for t in Tag.objects.for_user(owner)}
        new_tags = {}
        for _, name in self.person_tags:
            if name.lower() not in existing and name.lower() not in new_tags:
                new_tags[name.lower()] = Tag(owner=owner, name=name, created_at=begun_at)
        Tag.objects.bulk_create(new_tags.values())
        tags = {**existing, **new_tags}

        Company.objects.bulk_create(self.companies.values())
        Person.objects.bulk_create(self.people)
        Person.tags.through.objects.bulk_create(
            Person.tags.through(person_id=person.pk, tag_id=tags[name.lower()].pk)
            for person, name in self.person_tags
        )
        Meeting.objects.bulk_create(self.meetings.values())
        Meeting.companies_mentioned.through.objects.bulk_create(
            Meeting.companies_mentioned.through(meeting_id=meeting.pk, company_id=company.pk)
            for meeting, company in self.mentions
        )
        # Introductions point at meetings, which point at people: link them in a second pass.
        introduced = []
        for who in _CAST:
            if who.introduced_by:
                person = self.cast[who.key]
                person.introduced_by = self.cast[who.introduced_by]
                person.introduced_at = self.meetings[who.introduced_by]
                introduced.append(person)
        Person.objects.bulk_update(introduced, ["introduced_by", "introduced_at"])

        Interaction.objects.bulk_create(self.interactions)
        Interaction.people.through.objects.bulk_create(
            Interaction.people.through(interaction_id=interaction.pk, person_id=person.pk)
            for interaction, person in self.interaction_people
        )
        Favour.objects.bulk_create(self.favours)
        FollowUp.objects.bulk_create(self.followups)
        return {
            "people": len(self.people),
            "companies": len(self.companies),
            "interactions": len(self.interactions),
            "meetings": len(self.meetings),
            "followups": len(self.followups),
            "favours": len(self.favours),
        }
