"""Guards: whether a match is an ask in its context.

Strong phrasings ("could you refer me") are asks wherever they stand; weaker ones ("open roles")
only inside a question or a request, and never while the writer describes their own research.
"""

from __future__ import annotations

import re

from hundred.network.askcheck.context import Context
from hundred.network.askcheck.patterns import rx

_ASK_CUE = rx(
    r"\b(?:let me know|wonder\w*|curious|could you|can you|would you|will you|do you|did you"
    r"|have you|are you|is there|are there|please|any chance|tell me|feel free|mind"
    r"|if you (?:know|hear|see|could|can|would|happen)|(?:if|whether) there (?:are|is|might be"
    r"|would be)|to (?:see|find out|check|ask|enquire|inquire) (?:if|whether))\b"
)
_WISH_CUE = rx(
    r"\b(?:I'd|I would|I'm|I am|I was|I've been|I have been|I)"
    r" (?:[\w']+ ){0,2}?(?:love|like|appreciate|grateful|hoping|hope|keen|eager|interested"
    r"|welcome|want|looking|seeking|wish)\b"
)
_RESEARCH = rx(r"\b(?:research\w*|studying|tracking|looking into|mapping)\b")
# "How do people hear about openings?" asks for advice about the search, not for a job.
_ADVICE_ABOUT = rx(
    r"\b(?:how(?:'?s)?|why|best way|where (?:do|does|would|should|can)|advice (?:on|about)"
    r"|tips (?:on|for))\b"
)
_THANKS_FOR = rx(r"\bthank(?:s| you)(?: [\w']+){0,2}? for $")
_SCHEDULING = rx(
    r"\b(?:resched\w*|cancel\w*|postpone\w*|rearrange\w*|calendar|diary|schedule|timing"
    r"|move (?:it|our|the)|push (?:it|our|the)|another (?:time|day)|different (?:time|day)"
    r"|can't make|before then|before we (?:meet|talk|speak)|in the meantime|bump|text me)\b"
)


def strong(ctx: Context) -> bool:
    """An ask wherever it stands."""
    return True


# Someone else's application, told (eleventh version, from author Q's reference "for Chloe Barnes,
# who has applied for the Head Nurse post at your practice").
_THIRD_APPLIES = rx(
    r"\b(?:who|he|she|they)(?:'s| has| have| is| are| had)? (?:already |just |recently )?"
    r"(?:applied|applying)\b"
)


def question(ctx: Context) -> bool:
    """An ask inside a question or a request, unless about research or advice, or someone
    else's application."""
    if _RESEARCH.search(ctx.prefix) or _ADVICE_ABOUT.search(ctx.prefix):
        return False
    if _THIRD_APPLIES.search(ctx.prefix):
        return False
    return "?" in ctx.tail or bool(_ASK_CUE.search(ctx.prefix))


def wish(ctx: Context) -> bool:
    """An ask inside a question, a request or a wish ("I'd love…")."""
    # "I'd love to hear how you got a position at your company" wishes for a story, not a job.
    if _RESEARCH.search(ctx.prefix) or _ADVICE_ABOUT.search(ctx.prefix):
        return False
    return question(ctx) or bool(_WISH_CUE.search(ctx.prefix))


_CONDITION = rx(r"\b(?:if|when|whenever)\b")


# A third person offered for the need (eleventh version, from authors O and R): "If you need
# somebody, call him, I give you the number", "u need a sound guy? call femi 07700 900876".
THIRD_OFFERED = (
    r"\b(?:call|ring|phone|text|contact|try|message|whatsapp) (?:him|her|them|(?!me\b)[\w-]+"
    r" (?=[+0-9]))|\bI(?:'ll| will| can)? (?:give|send|pass) (?:you|u) (?:his|her|their|the)"
    r" (?:number|no|details|contact)\b"
)
_THIRD_OFFERED = rx(THIRD_OFFERED)


def question_or_condition(ctx: Context) -> bool:
    """An ask in a question, a request or a condition ("if ur short a photographer"), unless
    the condition offers help for nothing ("if u need a hand w the launch… no charge obvs"), or
    (eleventh version) the cover needed is insurance."""
    if not _not_insurance(ctx) or _THIRD_OFFERED.search(ctx.text, ctx.end, ctx.end + 120):
        return False
    if question(ctx):
        return True
    return bool(_CONDITION.search(ctx.prefix)) and not _FREE.search(ctx.text)


def question_or_opening(ctx: Context) -> bool:
    """An ask in a question, a request, or opening its clause ("any work going on site next wk")."""
    return question(ctx) or stands_alone(ctx)


def inverted_question(ctx: Context) -> bool:
    """An ask when a question mark follows ("Is Acme hiring?")."""
    return "?" in ctx.tail and not _RESEARCH.search(ctx.prefix)


def not_research(ctx: Context) -> bool:
    """An ask unless the writer describes their own research."""
    return not _RESEARCH.search(ctx.prefix)


def stands_alone(ctx: Context) -> bool:
    """An ask when no word comes before it in the clause (and "need cover?" is not insurance)."""
    # "Hiring?" is an ask on its own; "Any tips on hiring?" is not.
    return not re.search(r"[^\W\d_]", ctx.prefix) and _not_insurance(ctx)


def referral(ctx: Context) -> bool:
    """A wished-for referral, not thanks for one."""
    return wish(ctx) and not _THANKS_FOR.search(ctx.prefix)


# The writer or the reader in a sentence: "let me know if anything comes up", "if a role opens
# up at yours". "When a post comes up, they go down the list" explains how hiring works.
_PERSON = rx(r"\b(?:I|me|my|you|your|yours|u|ur|ya|yr|him|her|his|my \w+)\b")


def comes_up(ctx: Context) -> bool:
    """Something coming up for the writer or theirs, not scheduling nor how hiring works."""
    # "If something comes up and you need to reschedule" is about the meeting, not a job.
    return not _SCHEDULING.search(ctx.sentence) and bool(_PERSON.search(ctx.sentence))


# "What's it like to work at your company?", "before joining your team": about the place.
_ABOUT_THE_PLACE = rx(r"\b(?:what|before|after|since|like|how|why)\b")


# An offer made for nothing: "if you ever need someone to look over a draft, no charge".
_FREE = rx(
    r"\b(?:unpaid|no charge|without charge|free of charge|for free|free,? of course|for nothing"
    r"|pro bono|no fee|volunteer\w*|happy to help|glad to help|no strings)\b"
)


def not_free(ctx: Context) -> bool:
    """An offer of the writer's work, unless the sentence offers it for nothing or (eleventh
    version) the one offered is a third person ("If you need a driver, call him on…")."""
    return not _FREE.search(ctx.sentence) and not _THIRD_OFFERED.search(
        ctx.text, ctx.end, ctx.end + 120
    )


# A letter accepting an offer ("I am delighted to accept and can start on Monday").
_ACCEPTING = rx(
    r"\b(?:delighted|pleased|happy|glad) to accept\b|\baccept(?:ed|ing)? (?:your|the) (?:kind )?"
    r"offer\b|\boffering me the (?:position|role|job|post)\b"
    # (eleventh version, from author Q) a price quoted to a customer who asked for it: "thank
    # you for your message… the price is £35", "price for the splashback as discussed"
    r"|\bthank(?:s| you)(?: \w+){0,2} for (?:your|the) (?:message|enquiry|inquiry|request"
    r"|call)\b[^?]{0,200}?\b(?:price|quote|cost)\b|\b(?:price|quote) for (?:[\w'-]+ ){1,6}?as"
    r" (?:discussed|requested|agreed)\b"
)
# The writer offers a third person help: "Happy to read drafts. Just give her my number."
_HELPING = rx(
    r"\b(?:happy|glad|more than happy) to (?:help|read|look|talk|chat|have a look|go through"
    r"|meet)\b|\btell (?:him|her|them) to (?:ring|call|phone|text|message|email)\b"
    # (eleventh version, from author C) "I'll tell her the truth about the placements"
    r"|\bI(?:'ll| will| can| could) (?:tell|talk to|chat (?:to|with)|speak (?:to|with)|show|walk)"
    r" (?:him|her|them)\b"
)


def not_accepting(ctx: Context) -> bool:
    """An offer to start, unless the message accepts a job already offered."""
    return not _ACCEPTING.search(ctx.text)


def not_helping(ctx: Context) -> bool:
    """Passing the writer's number on, unless the writer offers a third person help."""
    return not _HELPING.search(ctx.text)


# The writer is the one hiring: "I need to hire my first employee", "we're about to hire two
# baristas", "before I put the job ad up". Hiring words in such a message ask how to hire.
EMPLOYER = rx(
    r"\b(?:I|we)(?:'m| am|'re| are)? (?:need|needs|want|have|plan|going|looking|thinking|about"
    r"|ready|hoping|trying)(?: to| of)? (?:hire|hiring|take on|taking on|recruit|recruiting"
    r"|employ|employing)\b|\b(?:my|our) first (?:employee|hire|member of staff|staff member)\b"
    r"|\b(?:I|we)(?:'m| am|'re| are) (?:hiring|recruiting)\b|\b(?:put|post|write|place)"
    r" (?:up )?(?:the|a|my|our) job ad(?:vert)?\b"
    # (seventh version, from author I) an advert the writer words or places, the pay they offer,
    # a place of theirs that needs a person: "I want put an advertisement on Indeed", "wat do u
    # put in the ad", "the salary in the advertisement", "what to pay", "my tapas bar need a
    # waiter", "we need a chef for our kitchen"
    r"|\bput (?:up )?(?:an?|my|our|the) (?:job )?(?:ad|advert|advertisement)s?\b"
    r"|\b(?:put|write|say|include|mention|ask for) (?:[\w-]+ ){0,3}?in (?:the|an?|my|our)"
    r" (?:job )?(?:ad|advert|advertisement)s?\b|\b(?:wage|salary|pay|rate)s? in the (?:job )?"
    r"(?:ad|advert|advertisement)\b|\bwhat (?:to|should (?:I|we)|do (?:I|we|u|you)) pay\b"
    r"|\b(?:my|our) (?:[\w-]+ ){0,2}?(?:bar|pub|shop|caf[eé]|restaurant|salon|bakery|kitchen"
    r"|business|practice|store|garage|clinic|farm|hotel) (?:needs?|is looking for|wants?)"
    r" (?:an?|some|another|more|new|extra) \w+"
    r"|\b(?:I|we) need (?:an?|some|another|more|new|extra) (?:[\w-]+ ){1,2}?for (?:my|our)"
    r" (?:[\w-]+ )?(?:bar|pub|shop|caf[eé]|restaurant|salon|bakery|kitchen|business|practice"
    r"|store|garage|clinic|farm|hotel)\b"
    # (eighth version, from author J) hiring with a word between ("I'm finally hiring"), an
    # advert the writer drafts or places ("about to advertise my first salaried position", "a
    # draft advertisement"), what the writer or the reader pays staff, staff the writer has
    # had: "What are you paying your weekend bar staff?", "pay them properly or they'll leave",
    # "best staff I've ever had"
    r"|\b(?:I|we)(?:'m| am|'re| are) (?:\w+ )?(?:hiring|recruiting)\b"
    r"|\b(?:I|we)(?:'m| am|'re| are|'ll| will)? (?:about to |going to |planning to |ready to "
    r"|need to |want to |hoping to |have to |finally |just )?advertis(?:e|ing) (?:for|my|our|the"
    r"|a|an)\b|\b(?:advertis\w*|creat\w*|fill\w*|recruit\w* for|hir\w* for) (?:my|our) first\b"
    r"|\b(?:draft|my|our) (?:job )?(?:advert|advertisement|job description|job spec)s?\b"
    # (tenth version) an advert with no article, the writer's job ad, one more person the writer
    # looks for: "I need to put advertisement for one waiter", "share my job ad", "I am looking
    # for one person for cashier"
    r"|\bput (?:up )?(?:job )?(?:advertisement|announcement)s?\b|\b(?:my|our) job ads?\b"
    r"|\b(?:I|we)(?:'m| am|'re| are) looking for (?:one|two|three|another|an? extra|some)"
    r" (?:more )?(?:person|people|staff|employee|worker|helper)s? (?:for|to|who)\b"
    r"|\bwhat (?:are|do|did|should|would) (?:you|u|ya|we|I) (?:\w+ )?pay(?:ing)? (?:your|ur|the"
    r"|my|our|them|her|him|staff|people)\b|\bpay (?:them|your staff|staff|people|her|him)"
    r" (?:properly|well|fairly|decent\w*|a fair|a living|the going)\b"
    r"|\b(?:best|worst) (?:[\w-]+ )?(?:staff|hire|employee|worker|member of staff)s? (?:I|we)"
    r"(?:'ve| have|ve|)? ?(?:ever )?(?:had|hired|taken on|employed)\b"
    # (eleventh version, from author M's false alarms) the writer's business looking to take
    # someone on, a position the writer lists or advertises, the writer's ad going up, hiring
    # a second pair of hands, people sent the writer's way: "We're a small plumbing business
    # in Lower Hutt looking to take on a first-year apprentice", "how to list the position with
    # you", "ad goes on seek tmrw", "finally hiring a second barista", "if u know anyone good
    # send em my way"
    r"|\b(?:we|I)\b(?:'re| are|'m| am)?[^.!?\n]{0,80}?\b(?:looking|wanting|hoping|planning"
    r"|needing|ready|about) to (?:hire|take on|recruit|employ|train up) (?:an?|another|one|two"
    r"|three|our|my|a new|some|more|extra|a second) (?:[\w-]+ ){0,2}?(?:apprentice|trainee"
    r"|staff|employee|worker|hand|person|people|assistant|barista|chef|cook|nurse|[\w-]+(?:er"
    r"|or|ist|ian))s?\b(?! (?:role|position|post|job|challenge)\b)"
    r"|\b(?:we|I|us)\b (?:[\w']+ ){0,3}?(?:to|can|could|will|'ll|should|would) (?:list|advertise"
    r"|post) (?:the|a|an|our|my) (?:[\w-]+ )"
    r"{0,2}?(?:position|vacancy|vacancies|job|role|post|opening)s?\b"
    r"|\b(?:my |our )?(?:job )?ad(?:vert)? goes (?:up|on|live|out)\b"
    r"|\b(?:finally|finaly|officially|about to start|ready to start) hiring (?:a|an|another|my"
    r"|our|two|three|some|more)\b(?![^.!?\n]*\?)"
    r"|\bknow (?:any ?one|anybody|someone|somebody|ne1|any1) (?:[\w-]+ ){0,4}?(?:send|point"
    r"|pass) (?:them|em|'em|him|her) (?:my|our) way\b"
    # (from authors P and R) the writer's own place has the money or the post, the writer's
    # advert passed on, someone sought for the writer's household: "My lab at Stellenbosch has
    # funding for a two-year research assistant", "forward the advertisement to suitable
    # students", "I'm looking for a nanny for Lily three days a week"
    r"|\b(?:my|our) (?:[\w-]+ )?(?:lab|team|group|company|firm|shop|practice|business"
    r"|department|unit|school|office)(?: at [\w-]+)? (?:has|have|got|now has) (?:[\w-]+ )?"
    r"(?:funding|budget|money|a vacancy|an opening|a post|a position) for\b"
    r"|\bforward (?:the|our|my|this) (?:job )?(?:ad|advert|advertisement|posting|vacancy)\b"
    r"|\b(?:I|we)(?:'m| am|'re| are) looking for an? (?:[\w-]+ )?(?:nanny|childminder|babysitter"
    r"|cleaner|carer|tutor|plumber|electrician|builder|roofer|gardener|bookkeeper|accountant"
    r"|au pair) (?:for|to)\b"
)

# Work that is not paid (eleventh version, from author M's applications for a volunteer guide's
# place, a committee seat and a community grant): a volunteer or unpaid place applied for, a
# role said to be voluntary, a letter to a grants or volunteer team, an application to a fund.
NOT_PAID_WORK = (
    r"\b(?:for|join|on|one of|to be|become) (?:(?:a|an|the|your|our|of) )?(?:[\w-]+ )?"
    r"(?:volunteer|voluntary|unpaid|honorary) (?:[\w-]+ ){0,2}?(?:place|role|position|post|seat"
    r"|guide|opportunit\w+|roster|rota|team)s?\b"
    # joining, applying or offering as a volunteer: "join Radio Kiez as a volunteer presenter",
    # "offer my time as a volunteer" (not "eighteen months as a volunteer guide", a story)
    r"|\b(?:join|joining|apply\w*|offer\w*|serve|serving|help|helping) (?:[\w'-]+ ){0,4}?as an?"
    r" (?:unpaid |volunteer|voluntary)"
    r"|\b(?:role|position|post|place|seat|this|it|station|club|charity|organi[sz]ation|centre"
    r"|center)(?: is|'s| would be| will be) (?:an? )?(?:entirely |purely |completely |strictly "
    r"|wholly |all )?(?:unpaid|voluntary|volunteer[- ]run|run by volunteers)\b"
    r"|\bdear (?:the )?(?:[\w-]+ )?(?:grants?|funding|volunteers?|volunteering|bursary"
    r"|scholarships?) (?:team|panel|committee|officer|coordinator|manager|office)\b"
    r"|\b(?:application|apply|applying) (?:to|for) (?:the|a|our|your) (?:[\w'-]+ ){0,4}?"
    r"(?:fund|grant|bursary|scholarship)\b"
)
_NOT_PAID_WORK = rx(NOT_PAID_WORK)


def applies_unpaid(text: str) -> bool:
    """Whether the message applies or offers for work that is not paid, or for a grant."""
    return bool(_NOT_PAID_WORK.search(text))


def for_paid_work(ctx: Context) -> bool:
    """An application or an interview offered, unless for work that is not paid or a grant, or
    its sentence applies for what is not a job ("apply to the Return to Work mentoring
    scheme")."""
    return not _NOT_PAID_WORK.search(ctx.text) and not _APPLIES_NOT_A_JOB.search(ctx.sentence)


def for_paid_work_not_employer(ctx: Context) -> bool:
    """An interview offered, unless for work that is not paid, or the writer is hiring."""
    return for_paid_work(ctx) and not EMPLOYER.search(ctx.text)


# Cover as insurance (eleventh version, from author M's dog walker asking a peer "do you need
# separate cover for the van?"): "cover" in a message about insurance is not a person.
_INSURANCE = rx(
    r"\b(?:insur\w*|polic(?:y|ies)|liability|premiums?|underwrit\w*|insurers?|brokers?)\b"
)


def _not_insurance(ctx: Context) -> bool:
    words = ctx.text[ctx.start : ctx.end].lower()
    return "cover" not in words or not _INSURANCE.search(ctx.text)


# What one applies, registers or enrols for that is not a job (seventh version, from author I's
# letters of application for a degree, a registration, a market stall, a traineeship and a
# bursary): "a place on the programme", "registration on the Register", "a weekly stall".
NOT_A_JOB = (
    r"(?:scheme|programme|program|course|grant|fellowship|mba|degree|bsc|ba|msc|ma|masters?"
    r"|phd|mentor\w*|diploma|certificate|module|workshop|bootcamp|traineeship|registration"
    r"|register|licen[cs]e|permit|stall|pitch|bursary|bursaries|scholarship"
    r"|membership|award|funding|residency|visa|loan|allotment|admission|enrolment|enrollment"
    r"|class|school|college|university|studies"
    # (eighth version, from author J's street-trading consent and HGV training course)
    r"|consent|approval|authori[sz]ation|permission|exemption|accreditation|certification"
    r"|training|tenancy|lease|plot"
    # (eleventh version, from author M's allotment committee and neighbourhood fund)
    r"|seat|committee|trustees?|fund)"
)
# ... unless it is a job's name: "the position of School Secretary", "the Year 3 Class Teacher",
# "your graduate scheme", "the Trainee Train Driver programme"
_JOBBY = r"(?:role|position|post|job|vacancy|opening|graduate|trainee|apprentice\w*|analyst)"
_TITLE = (
    r"(?:teacher|secretary|manager|driver|officer|co-?ordinator|assistant|administrator|lead"
    r"|director|caretaker|supervisor|leader|tutor|instructor|worker|technician|role|position"
    r"|post|job)"
)


def not_a_job_within(words: int) -> str:
    """A pattern: up to `words` words, then what is applied for that is not a job."""
    return (
        rf"(?:(?!{_JOBBY}\b)[\w'-]+ ){{0,{words}}}?{NOT_A_JOB}\b"
        rf"(?! (?:[\w-]+ )?{_TITLE}\b)"
    )


# (eleventh version) A sentence applying for what is not a job: "I wish to apply to the Return to
# Work mentoring scheme".
_APPLIES_NOT_A_JOB = rx(r"\bappl(?:y|ying|ied|ication) (?:for|to|on|onto) " + not_a_job_within(8))


# What one applies or puts oneself in for that is a job (ninth version, from author K's
# applications for a housing transfer, a hardship fund, a class, a mooring and a voluntary
# panel): an allow-list of job heads, since every new writer applies for something no list of
# non-jobs names. A job's own noun ("the post", "a Saturday shift") or a noun phrase ending in a
# work role's head ("the Volunteer Coordinator", "a dispensary assistant", "Head Chef").
JOB_HEAD = (
    r"(?:jobs?|roles?|positions?|posts?|vacanc(?:y|ies)|openings?|shifts?|contracts?|gigs?"
    r"|opportunit(?:y|ies)"
    r"|internships?|apprenticeships?|placements?|employment|work|lectureships?|postdocs?"
    r"|(?:graduate|trainee) (?:scheme|programme|program)s?"
    r"|(?:assistant|manager|co-?ordinator|officer|chef|cook|driver|nurse|teacher|secretary"
    r"|administrator|director|supervisor|technician|engineer|developer|analyst|designer"
    r"|consultant|clerk|cleaner|carer|porter|receptionist|accountant|lecturer|researcher"
    r"|scientist|tutor|instructor|worker|operative|labourer|laborer|electrician|plumber"
    r"|mechanic|welder|joiner|carpenter|builder|bricklayer|scaffolder|picker|packer|guard"
    r"|waiter|waitress|barista|bartender|server|steward|attendant|aide|therapist"
    r"|physiotherapist|pharmacist|paramedic|midwife|librarian|caretaker|lead|head|specialist"
    r"|associate|advis[eo]r|representative|rep|agent|executive|editor|writer|journalist"
    r"|photographer|translator|interpreter|guide|lifeguard|handyman|gardener|hand|apprentice"
    r"|trainee|intern|fellow|controller|planner|inspector|surveyor|architect|solicitor|lawyer"
    r"|paralegal|dentist|doctor|practitioner|programmer|tester|operator|dispatcher|courier"
    r"|fitter|groundsman|housekeeper|nanny|childminder|cashier|salesperson|buyer|merchandiser"
    r"|auditor|treasurer|bookkeeper|partner|principal|professor|coach|trainer|organiser|organizer"
    r"|producer|presenter|curator|archivist|counsellor|counselor)s?)"
)


def job_within(words: int) -> str:
    """A pattern: up to `words` words of one clause, then a job's head (JOB_HEAD), not a
    possessive ("the Carers' Fund" is a fund)."""
    return rf"(?:[\w'&-]+ ){{0,{words}}}?{JOB_HEAD}\b(?!')"


# Applying, joining or booking for something named that is not a job (the allow-list read the
# other way): "I would like to apply for a mooring", "my application to join the housing
# register", "apply for the free English class".
NON_JOB_APPLICATION = (
    r"\b(?:appl(?:y|ying|ied|ication)|book|booking) (?:for|to join|on|onto) (?:an?|the|your|my)"
    rf" (?!{job_within(8)})[\w'-]+"
    # (tenth version) an audition, a seat on a panel or a board, a table or a stall booked:
    # "I would like to audition for…", "applying to serve on the Community Advisory Panel", "book
    # a 3m stall at the craft fair"
    r"|\baudition(?:ing)? (?:for|with)\b|\b(?:appl(?:y|ying|ied|ication)|stand|standing|put myself"
    r" forward) to serve on\b|\b(?:book|booking|reserve|hire) (?:an?|the|my) (?:[\w-]+ )?(?:stall"
    r"|table|pitch|stand)\b"
)
_NON_JOB_APPLICATION = rx(NON_JOB_APPLICATION)


def not_applying_elsewhere_nor_employer(ctx: Context) -> bool:
    """Room or budget for one more, unless the message applies for what is not a job or
    (eleventh version) the writer is the one hiring ("My lab has funding for a research
    assistant")."""
    return not_applying_elsewhere(ctx) and not EMPLOYER.search(ctx.text)


def not_applying_elsewhere(ctx: Context) -> bool:
    """An ask, unless the message applies for something that is not a job ("is there a place
    for me" in a class)."""
    return not _NON_JOB_APPLICATION.search(ctx.text)


# The writer asks the reader to look over an application, not to give the job: "I'm applying
# for the library assistant job… could one of you check my CV?", "I've drafted the statement".
_REVIEWING = rx(
    r"\b(?:draft\w*|proof-?read\w*|feedback on|comments on|look (?:over|through|at) (?:it|my|the"
    r"|this)|check (?:over |through )?(?:it|my|the|this)|read (?:it|over|through)|go through (?:it"
    r"|my)|sound like)\b"
)


def not_reviewing(ctx: Context) -> bool:
    """An application, unless the message asks the reader to look it over."""
    return not _REVIEWING.search(ctx.text)


# Past a job ask (ninth version, from author K's withdrawal and declined offer): the writer
# withdraws from a process or declines an offer made. Weaker phrasings ("the role was
# opening", "the lead role at your startup") then tell the story, not an ask.
PAST_THE_ASK = rx(
    r"\bwithdraw(?:ing)? (?:my (?:application|candidacy|name)|from (?:the|your|this) (?:[\w-]+ )?"
    r"(?:process|running|recruitment|competition|shortlist))\b|\b(?:going to|have to|must|will"
    r"|I'll|I'm going to|I need to|I have to) (?:say no|decline|turn (?:it|you|the \w+) down)\b"
    r"|\b(?:declin\w*|turn\w* down|say\w* no to) (?:your|the|this) (?:kind |generous |very kind )?"
    r"offer\b"
    # (eleventh version, from author R) "I have decided to decline it"
    r"|\b(?:decided|chosen|have) to (?:decline|turn down|say no to) (?:it|the offer|your offer"
    r"|the (?:[\w-]+ )?(?:role|position|post|job))\b"
)


def is_past_the_ask(text: str) -> bool:
    """Whether the message withdraws from a process or declines an offer already made."""
    return bool(PAST_THE_ASK.search(text))


# "Thank you for taking the time to interview me": an interview had, not one asked for.
_THANKED_FOR = rx(r"\bthank(?:s| you)(?: [\w']+){0,3}? for (?:[\w']+ ){0,5}?$")


def not_thanked(ctx: Context) -> bool:
    """An ask, unless the clause thanks the reader for it."""
    return not _THANKED_FOR.search(ctx.prefix)


def selling(ctx: Context) -> bool:
    """The writer's paid work offered to the reader, unless the writer is the one hiring ("I'm
    looking to take on a labourer… paying £130 a day") or gives the work for nothing."""
    return not EMPLOYER.search(ctx.text) and not _FREE.search(ctx.sentence)


# A message that asks how to price the writer's own work (eleventh version): "I charge £25 an
# hour, is that too low?", "how much do you charge for a bond clean?"
_PRICING_ADVICE = rx(
    r"\bhow (?:much|do you|did you|should I|to|would you|do people|do others) (?:[\w']+ ){0,3}?"
    r"(?:charge|price|pric\w+|rates?|quote)\b|\b(?:under|over)charg\w*|\btoo (?:low|high"
    r"|cheap|much|little|steep)\b|\bwhat (?:do|should|would|did|does) (?:you|I|others|people"
    r"|everyone|they) (?:[\w']+ ){0,2}?charge\b|\bpricing\b|\b(?:raise|put up|increase)"
    r" (?:my|our) (?:prices|rates|fees)\b|\b(?:put|push|bump)(?:ed)? (?:my|our) (?:[\w-]+ )?"
    r"(?:rate|price|fee)s? up\b"
)


def prices_own_work(ctx: Context) -> bool:
    """The writer's own price named to a buyer, unless the writer is hiring, works for nothing
    or asks how to price it."""
    return selling(ctx) and not _PRICING_ADVICE.search(ctx.text)


# Whether paid work is worth it, asked (eleventh version, from authors J and Q): "was the paid
# work worth the bother?", "are they worth the drop in hourly rate?"
_WORTH = rx(r"\bworth (?:the|it|my|your|doing)\b")


def offers_paid_work(ctx: Context) -> bool:
    """Paid work offered, unless the writer is hiring or asks how it is priced ("ask how you
    work out a day rate"; since the eleventh version also "I put my day rate up like you
    said")."""
    return (
        not EMPLOYER.search(ctx.text)
        and not _ADVICE_ABOUT.search(ctx.prefix)
        and not _PRICING_ADVICE.search(ctx.text)
        and not _WORTH.search(ctx.sentence)
    )


# A third person as the one who acts: "they want to put me forward for the ops manager job".
_THIRD_PERSON_MEANS_TO = rx(
    r"\b(?:they|he|she|(?:my|our|the) (?:[\w-]+ )?(?:manager|boss|supervisor|director|gm|head"
    r"|team|company))(?:'re| are|'s| is| have| has)? (?:[\w']+ ){0,2}?(?:want|wants|wanted"
    r"|going|plan|plans|planning|offered|decided|would like|hope|hopes|hoping) to $"
)


def not_told(ctx: Context) -> bool:
    """An ask, unless the clause tells what a third person means to do for the writer."""
    return not _THIRD_PERSON_MEANS_TO.search(ctx.prefix)


# The writer as the one who mentions or thinks of someone (eleventh version, from authors P and
# Q): "I've told her I'd mention her", "I still think about him".
_WRITER_DOES = rx(r"\b(?:I|we|id|ill)(?:'d|'ll| will| would| could| can| still| often| do)? $")


def not_writer_does(ctx: Context) -> bool:
    """An ask, unless the writer is the subject of it."""
    return not _WRITER_DOES.search(ctx.prefix)


def not_told_nor_writer(ctx: Context) -> bool:
    """An ask, unless a third person means to do it or the writer does."""
    return not_told(ctx) and not_writer_does(ctx)


def not_employer_nor_thanked(ctx: Context) -> bool:
    """An ask unless the writer is hiring or thanks the reader for it ("Thank you for your
    email inviting me to interview")."""
    return not EMPLOYER.search(ctx.text) and not_thanked(ctx)


def not_employer(ctx: Context) -> bool:
    """An ask unless the writer says they are the one hiring."""
    return not EMPLOYER.search(ctx.text)


def joining(ctx: Context) -> bool:
    """A wish to join or work for them, not a question about what that is like."""
    return wish(ctx) and not _ABOUT_THE_PLACE.search(ctx.prefix)
