"""Job asks by intent: rules written on word families and roles, not on fixed phrasings.

job_ask_rules.py knows the phrasings people usually use ("do you know of any openings?"). These
rules know what a job ask does, whatever the words: it offers the writer's time for the reader's
work (start, availability, a rate), asks whether the reader's side needs, has room or budget for
a person, asks to join, work for or come back to the reader, asks for work or a trial, or asks
the reader to go to a third party (ask them whether they need someone, give them my number, talk
to them for me); selling_rules.py holds those of a trader selling paid work, run first. A word
family is written once ("need|needs|needing|neds"), so a hurried spelling or a plural is the
same word, and a role is any word shaped like one ("a sous chef", "one more procurement
officer", "ppl").
"""

from __future__ import annotations

from hundred.network.askcheck.guards import (
    for_paid_work,
    for_paid_work_not_employer,
    job_within,
    joining,
    not_accepting,
    not_applying_elsewhere_nor_employer,
    not_employer,
    not_employer_nor_thanked,
    not_free,
    not_helping,
    not_reviewing,
    not_told,
    not_writer_does,
    offers_paid_work,
    question,
    question_or_condition,
    question_or_opening,
    stands_alone,
    strong,
)
from hundred.network.askcheck.kinds import (
    DIRECT,
    HIRING,
    KEEP_IN_MIND,
    OFFER,
    REFERRAL,
    RESUME,
    Rule,
    make_rule,
)
from hundred.network.askcheck.selling_rules import SELLING_RULES

# The reader and theirs, also as typed in a hurry.
_YOU = r"(?:you|u|ya|yall|you guys|u guys|you lot)"
_YOUR = r"(?:your|ur|yr)"
_ME = r"(?:me|myself)"
# A place that employs, applied to or joined: "apply to join your team", "apply to your firm".
_EMPLOYING = (
    r"(?:team|company|firm|organi[sz]ation|practice|business|department|agency|staff|crew)\b"
)
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
    r"|someone|somebody|anyone|anybody|any1|some1|sum1|ne1)"
)
_NOT_A_ROLE = (
    r"(?!(?:answer|number|letter|paper|chapter|order|offer|other|another|either|neither|favour"
    r"|after|never|ever|over|under|together|whatever|however|rather|further|later|sooner"
    r"|better|longer|bigger|smaller|faster|sooner|from|event|moment|comment|ment|document"
    r"|favor|minute|moment|coffee|reminder|introduction|volunteer|speaker|reviewer|reader"
    r"|document|comment|agreement|event|recommendation|information|advice|ideas?|thoughts"
    r"|feedback|break|ride|lift|hand with|hand moving|hand on|second pair|pair of eyes|anything"
    r"|something|nothing"
    # (eleventh version, from author K's "Do they want different hours?") adjectives in -ent and
    # -ant are not roles
    r"|different|recent|current|decent|urgent|excellent|efficient|consistent|independent"
    r"|present|relevant|important|significant|pleasant|constant|brilliant|distant|instant"
    r"|frequent|permanent|urgent|fluent|patient|confident|competent)s?\b)"
)
# The article is optional: "need a nurse", "need nurses", "need staff".
_A_ROLE = (
    r"(?:(?:an?|any|another|one more|1 more|more|extra|some|an extra|an additional|additional"
    r"|new|the extra|a new|an other) )?(?:[\w-]+ ){0,2}?" + _NOT_A_ROLE + _ROLE_WORD + r"\b"
)
_NEED = (
    r"(?:need|needs|needing|neds|need(?:ed)? any|could use|could do with|short of|short on"
    r"|short-staffed|short staffed|looking for|lookin for|lookin 4|searching|require|requires"
    r"|requiring|in need of"
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
    *SELLING_RULES,
    # The next job, asked for as this one ends: "this job wraps Friday. Anything after it?",
    # "any chance i can stay on after xmas?", "can i stay on perm?"
    make_rule(
        DIRECT,
        question,
        r"\b(?:anything|any work|owt|something|work) (?:else )?(?:going |lined up |on )?"
        r"(?:after|once|when) (?:it|this|that|this one|this job|we(?:'re| are)? (?:finish\w*"
        r"|done|wrap\w*)|it (?:wraps|finishes|ends)|this (?:wraps|finishes|ends))\b"
        r"|\b(?:stay|staying|keep (?:me|him|her)) on\b(?= (?:after|past|beyond|perm\w*"
        r"|full[- ]?time|once|for (?:another|a further|next)|into|through|till|until|as (?:a|an"
        r"|staff|permanent))\b| ?\?)",
    ),
    # "I can start tomorrow", "able to begin immediately", "could jump in as early as Monday"
    make_rule(
        OFFER,
        not_accepting,
        r"\b(?:can|could|cn|able to|ready to|free to|happy to|available to|in a position to"
        r"|would be able to|will) (?:[\w']+ ){0,2}?(?:start|begin|jump in|come in|slot"
        r"(?: straight)? in|be (?:there|on site|on-site))"
        # "I will start drafting this weekend" starts a task, not work for them
        r"(?! (?!working\b)[\w']+ing\b) (?:work )?(?:[\w']+ ){0,2}?" + _WHEN + r"\b",
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
        question_or_condition,
        rf"(?<!\bwhat\sif\s)\b(?:{_YOU}|{_YOUR} (?:[\w-]+ ){{0,2}}?[\w-]+|they"
        r"|the (?:[\w-]+ ){0,2}?[\w-]+"
        rf"|(?-i:[A-Z][\w&-]+)|anyone|anybody|someone|somebody|any(?:one|body)) (?:still )?"
        rf"(?:do |does |might |may )?{_NEED} (?:any )?{_A_ROLE}",
    ),
    # "room for one more", "space for another associate", "budget for the extra analyst" (not a
    # place for the writer in a class they apply for)
    make_rule(
        HIRING,
        not_applying_elsewhere_nor_employer,
        r"\b(?:room|space|place|spot|budget|headcount|head count|funding|provision|money"
        r"|capacity) (?:[\w-]+ ){0,3}?(?:for|4|to (?:hire|take on|bring on|add)) "
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
        r"|chance|a try|a go|a trial|hours|a post|a placement|employment)\b"
        r"|\b(?:try|trying) (?:me|him|her) out\b",
    ),
    # "a trial shift", unless the writer is the one hiring ("trial shifts, contracts, payroll")
    make_rule(DIRECT, not_employer, r"\btrial shifts?\b"),
    make_rule(
        DIRECT,
        question_or_opening,
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
        rf"\b(?:ask|asking|check with|find out|see|enquire|inquire) (?!myself\b|ourselves\b)"
        rf"(?:[\w'-]+ ){{0,4}}?"
        rf"(?:if|whether) (?:[\w'-]+ ){{0,6}}?(?:{_NEED}|hiring|recruiting"
        r"|tak(?:e|ing) (?:[\w-]+ )?on"
        r"|(?:has|have|got) (?:any )?(?:room|space|openings?|vacanc\w+|work|positions?"
        r"|anything (?:going|for (?:me|him|her))))\b",
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
        rf"\b(?:give|giving|pass|passing|send|sending|forward|forwarding|show|hand) (?:{_THIRD}"
        rf"|it to {_THIRD}) (?:my|his|her)"
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
    # Paid work offered: "on day rate", "pay me something monthly", "a paid RA" (not a rate the
    # writer, hiring, asks about: "no idea what's a fair rate… what are you paying your staff?";
    # nor, since the tenth version, how to set one: "ask how you work out a day rate")
    make_rule(
        OFFER,
        offers_paid_work,
        r"\b(?:on |at |for )?(?:a |an )?(?:day|hourly|daily|agreed|monthly|weekly|fair)"
        r" rate\b|\bpay (?:me|him|her) (?:something|monthly|weekly|a)\b|\bpaid (?:RAs?|research"
        r" assistants?|positions?|roles?|work|shifts?)\b|\bcash in hand\b",
    ),
    # Cover-letter style: applying, being employed, an interview (not, since the eleventh
    # version, for a volunteer's place or a grant: "I would like to apply for a volunteer place
    # as a visitor centre guide", "happy to attend an interview with the grants panel")
    make_rule(
        DIRECT,
        for_paid_work,
        r"\b(?:would like|wish|want|writing|write|hereby|like) to (?:apply|submit my application)"
        rf" (?:for|to) (?={job_within(8)}|(?:join )?(?:your|ur|the) (?:[\w-]+ )?{_EMPLOYING}"
        r"|(?:run|work|manage|lead|cover|help|teach|drive|cook|clean)\b)"
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
        not_writer_does,
        r"\bput (?:a|in a) (?:good )?word in\b|\bput in a word\b|\bmention (?:me|him|her"
        r"|my (?:son|daughter))\b(?! (?:in|as|to (?:you|u|ya))\b)"
        r"|\bmention (?:that )?(?:I'm|im|I am|he's|she's)\b",
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
        not_employer,
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
    # Hours and shifts asked for, for the writer or someone of theirs (sixth version, generalised
    # from author H's misses): "more hours for me", "give him a few hours on a weekend", "pick
    # up a couple of evenings", "my old shifts back", "if you've got the hours"
    make_rule(
        DIRECT,
        strong,
        r"\b(?:more|extra|some|a few|a couple of|any) (?:more )?(?:hours|hrs|shifts|days"
        r"|evenings|nights|mornings|weekends|saturdays|sundays) (?:for|to) (?:me|him|her"
        r"|my (?:son|daughter|lad|girl|boy|husband|wife|brother|sister))\b(?! to\b)"
        r"|\b(?:give|giving|offer) (?:me|him|her|them|my \w+) (?:a few|some|more|extra"
        r"|a couple of|the odd|full[- ]?time|fulltime) (?:hours|hrs|shifts|days)\b"
        # moved, inside the reader's place, to other work (seventh version, from author I's
        # miss): "is possible to move me to the forklift job", "transfer him onto the day team"
        r"|\b(?:move|moving|transfer|transferring|switch|put) (?:me|him|her) (?:to|onto|into)"
        r" (?:the|your|a) (?:[\w-]+ ){0,3}?(?:job|role|team|position|post|department|crew"
        r"|line|section|shift|store|branch|site)\b"
        r"|\bpick up (?:a few|some|a couple of|extra|more|the odd|two|three|a) (?:[\w-]+ )?"
        r"(?:hours|hrs|shifts|evenings|nights|days|mornings|weekends)\b(?! of\b)",
    ),
    make_rule(
        DIRECT,
        question,
        r"\b(?:my|his|her) (?:old )?(?:shifts|hours|job|spot|chair|round) back\b"
        rf"|\bif {_YOU}(?:'ve| have| got|ve)? (?:got )?(?:the |any |some |more |extra |spare )?"
        r"(?:hours|hrs|shifts)\b",
    ),
    # Paid work for the writer: "you pay me what you'd pay an agency person", "on the payroll",
    # "for whatever you can pay", "I'd want paying", "same rate as the girls", "free and cheap"
    make_rule(
        OFFER,
        strong,
        rf"\b{_YOU} (?:could |can |would |'d |d )?pay me\b(?! back)|\bpay me (?:what|whatever"
        r"|the same|a wage|properly)\b|\bwant(?:ing)? paying\b|\bon (?:the|your|ur) payroll\b"
        rf"|\bwhatever {_YOU} (?:can|could|think)(?: [\w-]+)? (?:pay|afford|offer)\b"
        r"|\bon whatever terms\b|\bsame rate as\b|\bmate(?:'s|s'|s)? rates?\b"
        r"|\b(?:I'm|im|I am) (?:free and )?cheap\b|\bpaid,? (?:mind|of course|obviously"
        r"|properly)\b|\bpaid like (?:anyone|everyone|the others)\b",
    ),
    # The writer's days at the reader's place: "could I come in a few days a week", "do the
    # early mornings for you", "weekend mornings at yours"
    make_rule(
        OFFER,
        not_free,
        r"\bcome in (?:[\w-]+ ){0,4}?days? (?:a|per) week\b|\b(?:do|cover|take|work) (?:the )?"
        r"(?:[\w-]+ ){0,2}?(?:mornings|evenings|nights|weekends|saturdays|sundays|lates|earlies"
        rf"|shifts) (?:for {_YOU}|at (?:yours|urs|your place|the shop|the bar))\b"
        r"|\bcome in and (?:do|cover|work|sort)\b",
    ),
    # "r u guys takin on for the school hols?", "if you could use her at the vendanges",
    # "I could come in every morning"
    make_rule(
        HIRING,
        question,
        r"\b(?:tak(?:e|es|ing|in)|tkin) on(?= (?:for|over|this|at)\b| ?\?)",
    ),
    make_rule(
        DIRECT,
        strong,
        rf"\b{_YOU} (?:could|can|might) use (?:me|him|her|someone like me)\b"
        r"(?! (?:as|for) (?:a |an )?(?:reference|referee|sounding))"
        r"|\bcome in every (?:morning|evening|day|night|weekend|saturday|sunday)\b",
    ),
    # Short of a person: "if ur short a photographer", "still short on Saturdays?"
    make_rule(
        OFFER,
        question_or_condition,
        r"\bshort (?:of |on )?(?:an?|one|another) (?:[\w-]+ )?[\w-]+(?:er|or|ist|ian|ant|ent"
        r"|man|ess)\b|\bshort (?:on|of|for) (?:staff|hands|bodies|cover|saturdays|sundays"
        r"|weekends|mornings|evenings|nights)\b",
    ),
    # Cover-letter close: "I would be glad to attend an interview"
    make_rule(
        DIRECT,
        for_paid_work,
        r"\b(?:glad|happy|pleased|delighted|welcome the (?:chance|opportunity)) to (?:attend"
        r"|come (?:in )?for) (?:an? |the )?interview\b",
    ),
    # Asking to be considered, put down or thought of, for the writer or someone of theirs:
    # "Would you consider me?", "Can you put me down for next year?", "Think of me."
    make_rule(
        KEEP_IN_MIND,
        not_writer_does,
        r"\bconsider (?:me|him|her)(?=\s*\?)|\bput (?:me|him|her|my name) down for\b"
        r"|\bthink (?:of|about) (?:me|him|her)(?=\s*[.!])",
    ),
    # Applying to the reader: "I'm applying for your Junior Backend Developer role"
    make_rule(
        DIRECT,
        strong,
        r"\b(?:I am|I'm|im|I've|I have) (?:now |just )?(?:writing to )?appl(?:y|ying|ied) (?:for"
        rf"|to) {_YOUR} (?={job_within(6)}|(?:[\w-]+ )?{_EMPLOYING})",
    ),
    # Eighth version, generalised from author J's misses. Applying, in the present, for a named
    # post: "I am applying for the position of Head Chef", "I'm applying for the Chef de Partie
    # position" (not "I'm applying for the library assistant job… could you check my CV?")
    make_rule(
        DIRECT,
        not_reviewing,
        r"\b(?:I am|I'm|im|am) (?:now |currently |hereby |formally |writing to )?applying for"
        r" (?:the|this|your) (?:[\w&'-]+ ){0,5}?(?:position|post|role|vacancy|job|opening"
        r"|apprenticeship|internship)\b",
    ),
    # Covering someone's leave, offering oneself: "I would like to offer myself to cover Amy's
    # leave", "could I fill in for her maternity leave?", "offer my services to your firm"
    make_rule(
        OFFER,
        not_accepting,
        r"\b(?:to|can|could|cn|will|would|I'd|I'll|id|ill) (?:I )?(?:cover|fill in for"
        r"|stand in for) (?:[\w'\u2019-]+ ){0,3}?(?:leave|absence|sabbatical)\b",
    ),
    make_rule(OFFER, not_free, r"\boffer(?:ing)? (?:myself|my services)\b"),
    # Putting oneself forward or in for a job (ninth version, from author K's miss; only for a
    # job's head, JOB_HEAD): "to put myself forward for that post", "put in for the supervisor
    # job" (not "put my name forward for the residents' committee", nor, tenth version, what a
    # third person means to do: "my manager told me they want to put me forward for…")
    make_rule(
        DIRECT,
        not_told,
        r"\bput(?:ting)? (?:myself|me|my name) forward (?:for|as) "
        rf"(?={job_within(6)})|\bput(?:ting)? in for (?={job_within(6)})",
    ),
    # An interview offered unasked, with no "the" an invitation would give it: "I can come for
    # interview any day", "could attend for a working interview", "I can do a working interview"
    make_rule(
        DIRECT,
        for_paid_work_not_employer,
        r"\b(?:can|could|cn|able to|free to|ready to|happy to|will|would) (?:attend|come|come in"
        r"|do) (?:for )?(?:an? )?(?:working )?interview\b",
    ),
    # "if you have the position for picker", "if u got a job for him", "if you have a place for
    # me in your team"
    make_rule(
        DIRECT,
        not_employer,
        rf"\bif {_YOU} (?:have|has|got|had|'ve got|ve got) (?:a|an|the|any|some) (?:[\w-]+ )?"
        r"(?:position|job|post|vacancy|opening|place|role|work|space|spot)s? (?:for|as) (?:me|him"
        r"|her|my \w+|(?:an? )?[\w-]+(?:er|or|ist|ian|ant|ent|man|ess|ic)s?)\b",
    ),
    # Something for someone of the writer's at the reader's side, or through a third party: "ask
    # Clive if there's anything for Chloe at his firm", "find him something at the garden
    # centre", "ask him to give Lucía work", "ask ur manager if i can start", "if they'd take
    # me for a summer placement"
    make_rule(
        DIRECT,
        strong,
        r"\b(?:anything|something) for (?:me|him|her|my [\w-]+|(?-i:[A-Z][a-z]+)) (?:at|in|on)"
        rf" (?:his|her|their|{_YOUR}|the)\b|\b(?:find|get|give|offer) (?:him|her|them|my (?:son"
        r"|daughter|lad|boy|girl|grandson|granddaughter|nephew|niece)) (?:something|anything)"
        r" (?:at|in|on|for the)\b|\bgive (?-i:[A-Z][\w\u00c0-\u00ff]+) (?:some )?(?:work|a job"
        r"|a chance|shifts|hours)\b|\btake (?:me|him|her) (?:for|as) (?:a|an)\b(?! (?:coffee"
        r"|drink|walk|lunch|meal|ride|spin|pint)\b)",
    ),
    make_rule(
        REFERRAL,
        strong,
        r"\bask (?:[\w'-]+ ){0,4}?(?:if|whether) (?:I|he|she|my [\w-]+|(?-i:[A-Z][a-z]+))"
        r" (?:can|could|might) (?:start|work|come in|do|join|have)\b",
    ),
    # (eleventh version, from authors O, Q and R's misses) an interview asked for someone, a
    # third person referred, the writer coming to work at the reader's place in any trade, a
    # day or a shift said to be short: "We would be grateful if you would invite him to
    # interview", "would you be willing to refer her internally?", "Can I come labouring for
    # you a few weeks?", "chef if sunday's short im around"
    make_rule(
        DIRECT,
        not_employer_nor_thanked,
        r"\binvite (?:me|him|her|them|(?-i:[A-Z][a-z]+)) (?:to|for) (?:an? |the )?"
        r"(?:interview|trial|assessment day)\b",
    ),
    make_rule(
        REFERRAL,
        not_writer_does,
        r"\brefer(?:ring)? (?:him|her|them|my (?:son|daughter|husband|wife|brother|sister|nephew"
        r"|niece|friend|lad|girl|boy))\b(?! (?:on )?to\b)",
    ),
    make_rule(
        DIRECT,
        not_free,
        r"\b(?:can|could|may) I (?:come|come and|come to) (?:labou?ring|working|cleaning|picking"
        r"|packing|cooking|driving|serving|waiting|portering|gardening|decorating|painting"
        r"|fitting|tiling|plastering|building|roofing|bartending|washing up|helping out)"
        rf" (?:for|with) {_YOU}\b",
    ),
    make_rule(
        OFFER,
        not_free,
        r"\b(?:if|when) (?:[\w']+ ){0,2}?(?:monday|tuesday|wednesday|thursday|friday|saturday"
        r"|sunday|the weekend|the rota|the shift|the team|the kitchen|the floor|the bar|the site"
        r"|the crew|(?:mon|tues|tue|wed|thurs|thu|fri|sat|sun)(?:day)?)(?:'s| is| are|s) short\b",
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
