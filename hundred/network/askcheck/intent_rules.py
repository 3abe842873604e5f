"""Job asks by intent: rules written on word families and roles, not on fixed phrasings.

job_ask_rules.py knows the phrasings people usually use ("do you know of any openings?"). These
rules know what a job ask does, whatever the words: it offers the writer's time for the reader's
work (start, availability, a rate), asks whether the reader's side needs, has room or budget for
a person, asks to join, work for or come back to the reader, asks for work or a trial, or asks
the reader to go to a third party (ask them whether they need someone, give them my number, talk
to them for me). A word family is written once ("need|needs|needing|neds"), so a hurried spelling
or a plural is the same word, and a role is any word shaped like one ("a sous chef", "one more
procurement officer", "ppl").
"""

from __future__ import annotations

from hundred.network.askcheck.guards import (
    joining,
    not_accepting,
    not_free,
    not_helping,
    question,
    stands_alone,
    strong,
)
from hundred.network.askcheck.kinds import DIRECT, HIRING, OFFER, REFERRAL, RESUME, Rule, make_rule

# The reader and theirs, also as typed in a hurry.
_YOU = r"(?:you|u|ya|yall|you guys|u guys|you lot)"
_YOUR = r"(?:your|ur|yr)"
_ME = r"(?:me|myself)"
# Someone the reader can reach: a relative, a boss, a named person.
_THIRD = (
    r"(?:him|her|them|(?:your|ur|yr|the|his|her) (?:[\w-]+ )?(?:boss|manager|supervisor|foreman"
    r"|gaffer|director|owner|chef|super|brother|bro|sister|sis|uncle|aunt|auntie|cousin|dad|mum"
    r"|mom|husband|wife|friend|mate|customers?|contacts?|colleagues?|hr|partner|principal|head"
    r"|team|clients?)|(?-i:[A-Z][a-z]+))"
)
# A role, shaped like one: "a sous chef", "another associate", "one more person", "ppl".
_ROLE_WORD = (
    r"(?:[\w-]{2,}(?:er|or|ist|ian|ant|ent|eer|man|men|ess|ic|ive)s?|person|people|ppl|staff|hands?"
    r"|help|cover|tech|techs|chef|cook|nurse|nurses|clerk|guide|aide|fellow|postdoc|ra|ras|intern"
    r"|interns|trainee|trainees|apprentice|hire|hires|head|body|bodies|crew|labou?r|workers?"
    r"|someone|somebody|anyone|anybody)"
)
_NOT_A_ROLE = (
    r"(?!(?:answer|number|letter|paper|chapter|order|offer|other|another|either|neither|favour"
    r"|after|never|ever|over|under|together|whatever|however|rather|further|later|sooner"
    r"|better|longer|bigger|smaller|faster|sooner|from|event|moment|comment|ment|document"
    r"|favor|minute|moment|coffee|reminder|introduction|volunteer|speaker|reviewer|reader"
    r"|document|comment|agreement|event|recommendation|information|advice|ideas?|thoughts"
    r"|feedback|break|ride|lift|hand with|hand moving|hand on|second pair|pair of eyes|anything"
    r"|something|nothing)s?\b)"
)
# The article is optional: "need a nurse", "need nurses", "need staff".
_A_ROLE = (
    r"(?:(?:an?|any|another|one more|1 more|more|extra|some|an extra|an additional|additional"
    r"|new|the extra|a new|an other) )?(?:[\w-]+ ){0,2}?" + _NOT_A_ROLE + _ROLE_WORD + r"\b"
)
_NEED = (
    r"(?:need|needs|needing|neds|need(?:ed)? any|could use|could do with|short of|short on"
    r"|short-staffed|short staffed|looking for|searching|require|requires|requiring|in need of"
    r"|want|wants)"
)
_WHEN = (
    r"(?:immediately|immediatly|right away|straight away|at once|tomorrow|tmrw|tomorow|today"
    r"|this week|next week|asap|anytime|any time|whenever|at short notice|without (?:any )?"
    r"(?:delay|interruption)|(?:on |from |this |next )?(?:monday|mon|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|weekend)|from (?:the|next|[0-9]|january|february|march"
    r"|april|may|june|july|august|september|october|november|december)|after)"
)

INTENT_RULES: tuple[Rule, ...] = (
    # "I can start tomorrow", "able to begin immediately", "could jump in as early as Monday"
    make_rule(
        OFFER,
        not_accepting,
        r"\b(?:can|could|cn|able to|ready to|free to|happy to|available to|in a position to"
        r"|would be able to|will) (?:[\w']+ ){0,2}?(?:start|begin|jump in|come in|slot"
        r"(?: straight)? in|be (?:there|on site|on-site)) (?:work )?(?:[\w']+ ){0,2}?"
        + _WHEN
        + r"\b",
    ),
    # "available immediately", "free from the 1st", "I'm around from next week"
    make_rule(
        OFFER,
        strong,
        r"\b(?:I am|I'm|im|I'll be|I will be|I would be|I'd be|me) (?:[\w']+ )?(?:available"
        r"|free|around|ready) (?:to start|to begin|immediately|immediatly|right away|straight"
        r" away|at short notice|(?:full[- ]time )?from (?:the (?:first|[0-9])|next|monday|[0-9]))",
    ),
    # "Does the kitchen need a sous chef?", "if you need an extra pair of hands"
    make_rule(
        HIRING,
        question,
        rf"(?<!\bwhat\sif\s)\b(?:{_YOU}|{_YOUR} (?:[\w-]+ ){{0,2}}?[\w-]+|they"
        r"|the (?:[\w-]+ ){0,2}?[\w-]+"
        rf"|(?-i:[A-Z][\w&-]+)|anyone|anybody|someone|somebody|any(?:one|body)) (?:still )?"
        rf"(?:do |does |might |may )?{_NEED} (?:any )?{_A_ROLE}",
    ),
    # "room for one more", "space for another associate", "budget for the extra analyst"
    make_rule(
        HIRING,
        strong,
        r"\b(?:room|space|place|spot|budget|headcount|head count|funding|provision|money"
        r"|capacity) (?:[\w-]+ ){0,3}?(?:for|to (?:hire|take on|bring on|add)) "
        r"(?:one more|1 more|another|an extra|the extra|an additional|someone like me|someone"
        r" with|me\b|a (?:[\w-]+ ){0,2}?(?:hire|person|assistant|associate|fellow|postdoc"
        r"|officer))",
    ),
    # "I'd love to come work for you", "could I work in your bakery", "join your crew"
    make_rule(
        DIRECT,
        joining,
        rf"\b(?:come (?:and |to )?)?(?:work|working|be working) (?:for|with|in|at|under) "
        rf"(?:{_YOU}\b(?! (?:on|to)\b)|{_YOUR} (?:[\w-]+ ){{0,2}}?[\w-]+)",
    ),
    make_rule(
        DIRECT,
        joining,
        rf"\b(?:join|joining|be part of|being part of|be on|be back on|come back to|slot into"
        rf"|squeeze me into|fit into) {_YOUR} (?:[\w-]+ ){{0,2}}?(?:team|group|lab|crew|brigade"
        r"|staff|firm|company|practice|office|studio|department|kitchen|shop|salon|side)\b"
        r"(?![\x27\u2019]\w)",
    ),
    make_rule(
        DIRECT,
        strong,
        rf"\b(?:take|taking|have|having|want|wants|bring|get) (?:{_ME}|him|her) (?:back|in|on"
        rf" board|onboard)\b(?! (?:to|for a|touch)\b)|\bcome back\b(?= (?:to work|and work|\?))"
        rf"|\bone of (?:the|your) (?:first|new) hires\b|\b(?:want|need) {_ME} on board\b",
    ),
    # "give me work", "a trial shift", "give him a try", "any shifts going?"
    make_rule(
        DIRECT,
        strong,
        r"\b(?:give|offer|find) (?:me|him|her|them) (?:a |some |any )?(?:work|shifts?|a chance"
        r"|chance|a try|a go|a trial|hours|a post|a placement|employment)\b|\btrial shifts?\b"
        r"|\b(?:try|trying) (?:me|him|her) out\b",
    ),
    make_rule(
        DIRECT,
        question,
        r"\b(?:any|some|more) (?:[\w-]+ )?(?:shifts|hours|work|jobs?|chamba|kaam)\b",
    ),
    # "Can I work in the bakery?", "may I work for you this summer"
    make_rule(
        DIRECT,
        strong,
        r"\b(?:can|could|may|might) I (?:come (?:and |to )?|possibly |please )?(?:work|help out"
        r"|do shifts|do a shift) (?:in|at|for|with) (?!(?:a|an) (?:cafe|library)\b)",
    ),
    # Through a third party: "ask your sister if they need nurses", "talk to him for me"
    make_rule(
        REFERRAL,
        strong,
        rf"\b(?:ask|asking|check with|find out|see|enquire|inquire) (?:[\w'-]+ ){{0,4}}?"
        rf"(?:if|whether) (?:[\w'-]+ ){{0,6}}?(?:{_NEED}|hiring|recruiting"
        r"|tak(?:e|ing) (?:[\w-]+ )?on"
        r"|(?:has|have|got) (?:any )?(?:room|space|openings?|vacanc\w+|work|positions?))\b",
    ),
    make_rule(
        REFERRAL,
        strong,
        rf"\b(?:talk|speak|have a word) (?:to|with) {_THIRD} (?:for|about|on behalf of) "
        r"(?:me|him|her|my (?:son|daughter|husband|wife|brother|sister|nephew|niece))\b"
        rf"|\btell {_THIRD} (?:about me|I can|im|I'm|that I)\b"
        # "tell ur sis i can look at her cv": the writer offers help, not asks for it
        r"(?! (?:happy|glad|more than happy|look|have a look|read|check|help|talk|chat|go"
        r" through)\b)",
    ),
    make_rule(
        RESUME,
        not_helping,
        rf"\b(?:give|pass|send|forward|show|hand) (?:{_THIRD}|it to {_THIRD}) (?:my|his|her)"
        r" (?:number|cv|resume|résumé|details|biodata|portfolio|site|contact)\b"
        rf"|\b(?:give|pass|send|forward|show) my (?:number|details|biodata|portfolio|site) to\b",
    ),
    # "if you're short-staffed over Christmas", "short-handed this week?": an offer of hands
    make_rule(
        OFFER,
        strong,
        r"\b(?:if|when|whenever) (?:[\w']+ ){0,3}?short[- ]?(?:staffed|handed)\b"
        r"|\bshort[- ]?(?:staffed|handed)\b(?= ?\?)",
    ),
    # Paid work offered: "on day rate", "pay me something monthly", "a paid RA"
    make_rule(
        OFFER,
        strong,
        r"\b(?:on |at |for )?(?:a |an )?(?:day|hourly|daily|agreed|monthly|weekly|fair)"
        r" rate\b|\bpay (?:me|him|her) (?:something|monthly|weekly|a)\b|\bpaid (?:RAs?|research"
        r" assistants?|positions?|roles?|work|shifts?)\b|\bcash in hand\b",
    ),
    # Cover-letter style: applying, being employed, an interview
    make_rule(
        DIRECT,
        strong,
        r"\b(?:would like|wish|want|writing|write|hereby|like) to (?:apply|submit my application)"
        r" (?:for|to) (?!(?:[\w'-]+ ){0,6}?(?:scheme|programme|program|course|grant"
        r"|fellowship|mba|degree|masters?|phd|mentor\w*)\b)"
        r"|\bany suitable (?:[\w-]+ )?(?:role|position|post|vacancy|opening|job)\b"
        r"|\bto be employed\b|\brequest (?:an|a) interview\b"
        r"|\b(?:a |the )?chance to serve\b|\bavailable for (?:an )?interview\b",
    ),
    # Academic: "a postdoc position in your group", "take me on as a student"
    make_rule(
        DIRECT,
        question,
        r"\b(?:postdoc(?:toral)?|research assistant(?:ship)?|RA|teaching fellow|lectureship"
        r"|assistant) (?:post|position|role|opening|vacancy|place|spot)s?\b",
    ),
    # Offers and asks with none of the usual job words, as trades and casual texts put them
    # (written from authors A-G's training messages, on word families):
    # "are they taking anyone on?", "looking for a start", "any use for me?", "put a word in"
    make_rule(
        HIRING,
        question,
        r"\b(?:tak(?:e|es|ing|in)|tkin) on (?:anyone|anybody|any ?one|people|ppl|someone"
        r"|somebody|staff|more|new)\b|\b(?:tak(?:e|es|ing|in)|tkin) (?:anyone|anybody|any ?one"
        r"|people|ppl|someone|somebody|more|new (?:[\w-]+ )?(?:staff|people|hands|starts?)) on\b",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\b(?:looking for|after|give (?:me|him|her)|get|any chance of|need|needs|want|wants"
        r"|offer(?:ed)? (?:me|him|her)) (?:a|any) start\b",
    ),
    make_rule(
        REFERRAL,
        strong,
        r"\bput (?:a|in a) (?:good )?word in\b|\bput in a word\b|\bmention (?:me|him|her"
        r"|my (?:son|daughter))\b(?! (?:in|as)\b)|\bmention (?:that )?(?:I'm|im|I am|he's|she's)\b",
    ),
    # "if you ever need an extra body", "if u want someone on the books", "if ur stuck for a
    # spark": an offer of the writer, unless it is offered for free
    make_rule(
        OFFER,
        not_free,
        rf"\bif (?:{_YOU}|{_YOU}'re|{_YOU} are|ur|youre) (?:ever |still |end up )?(?:need(?:ing)?"
        r"|want(?:ing)?|short of|stuck for|a) (?:an? |another |an extra |one more |extra )?"
        r"(?:body|bodies|man|pair of hands|hand on|spark|sparky|chippy|fitter|fitters|labourer"
        r"|driver|cover|someone (?:on|for|to cover|to take|to run|to help out)|person short"
        r"|body short|man short)\b",
    ),
    make_rule(
        HIRING,
        question,
        rf"\b(?:{_YOU}|{_YOUR} (?:[\w-]+ ){{0,2}}?[\w-]+|they)(?:'ll| will)? (?:ever |end up |be "
        r"|ever end up )(?:need|needs|needing|want|wanting|short of|stuck for) (?:any )?" + _A_ROLE,
    ),
    make_rule(
        DIRECT,
        strong,
        rf"\b(?:any|a|some) use for (?:me|him|her|someone like me)\b|\b(?:could|can|would"
        rf"|might) {_YOU} use (?:me|him|her|someone like me)\b",
    ),
    make_rule(
        OFFER,
        strong,
        r"\b(?:a |one )?(?:body|man|person|pair of hands|hand|worker|driver|chef|cook|cdp"
        r"|server|waiter|picker|steward) short\b|\bstuck for (?:a|an|another|one|someone|staff"
        r"|people|hands|cover)\b",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\b(?:put|stick|pop|add|keep) (?:me|him|her|my name) (?:on|down for|down on|in for)"
        r" (?:the |your |ur )?(?:list|books|rota|roster|it|crew|team|job|staff)\b"
        r"|\bfill my (?:diary|calendar|books)\b|\b(?:I'll|I will|I'd|I would|ill|id) (?:happily"
        r" |gladly )?(?:do|take|work) (?:whatever|any|the) (?:hours|shifts|nights|weekends)\b",
    ),
    # "any overtime going?", "u got any cleaning hrs?", "a chair free?"
    make_rule(
        DIRECT,
        question,
        r"\b(?:any|some|more|got) (?:[\w-]+ )?(?:overtime|hrs|shifts|hours)\b|\b(?:a|any)"
        r" (?:chair|van|desk|bench|pitch|spot|slot) (?:free|going|spare|available)\b",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\b(?:come in|do|have|get) (?:for )?a trial\b|\btrial (?:day|week|run)s?\b",
    ),
    make_rule(DIRECT, joining, r"\b(?:work|working) (?:there|for (?:them|him|her|it))\b"),
    # "need cover?", "need an extra pair of hands?" as a whole question
    make_rule(
        HIRING,
        stands_alone,
        r"\b(?:need|needing|want) (?:an? |another |an extra |any |some )?(?:cover|extra pair of"
        r" hands|pair of hands|body|bodies|staff|help|hands?)\b(?= ?\?)",
    ),
    # The same asks in a few words of Spanish, Hindi and Indonesian, as texts mix them in:
    # "tiene chamba para mi?", "kaam hai kya?", "boleh gak sy apply?"
    make_rule(
        DIRECT,
        strong,
        r"\b(?:hay|tiene|tienes|tienen|habr[aá]) (?:algo de |algún |algun |un )?(?:chamba|trabajo"
        r"|chance|vacantes?|lugar|puesto)\b|\bnecesita(?:n|s)? (?:[\w]+ )?(?:meser[oa]s?"
        r"|ayudantes?|gente|personal|trabajador\w*|empleados?)\b|\bpuedo empezar\b"
        r"|\bcuenta conmigo\b|\bkaam (?:hai|milega|mil sakta|chahiye|dila)\b|\bnaukri\b"
        r"|\bkal se aa\b|\blowongan\b|\b(?:boleh|bisa) (?:gak |nggak |tidak |ga )?(?:sy |saya"
        r" |aku )?(?:apply|melamar|kerja|gabung)\b",
    ),
)
