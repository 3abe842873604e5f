"""The table of job asks by phrasing: the words that make one, and the kind of ask they make.

Data more than code: each rule is a kind of ask (kinds.py: its message and suggested rewrite),
a guard (when the words count as an ask in their context, see guards.py) and a pattern written
as patterns.rx reads it. job_asks.py runs them; intent_rules.py holds the rules written on
lemmas and roles rather than phrasings.
"""

from __future__ import annotations

from hundred.network.askcheck.guards import (
    comes_up,
    inverted_question,
    job_within,
    not_research,
    not_thanked,
    not_told,
    not_told_nor_writer,
    question,
    referral,
    stands_alone,
    strong,
    wish,
)
from hundred.network.askcheck.kinds import (
    DIRECT,
    HIRING,
    KEEP_IN_MIND,
    OPENINGS,
    REFERRAL,
    RESUME,
    Rule,
    make_rule,
)

# Words the rules share.

_ORG = (
    r"(?:team|company|firm|organi[sz]ation|org|department|dept|group|division|office|employer"
    r"|agency|practice|business|start-?up|lab|shop|unit|school|hospital|bank|side|non-?profit"
    r"|charity|outfit|branch|store|workplace)s?(?![\x27\u2019]\w)"
)
_YOUR_ORG = rf"your (?:[\w-]+ ){{0,2}}?{_ORG}"
_JOB = (
    r"(?:jobs?|roles?|positions?|posts?|openings?(?! (?:a|an|my|our|his|her|their|up)\b)"
    r"|vacanc(?:y|ies)|opportunit(?:y|ies)|gigs?"
    r"|placements?|spots?|reqs?|internships?|apprenticeships?|traineeships?|contracts?"
    r"|(?:graduate|training|trainee) schemes?|(?:temp|freelance|contract|part-time|casual) work)"
)
_RESUME = r"(?:r[eé]\u0301?sum[eé]\u0301?s?|cvs?|c\.v\.|curriculum vitae|application|candidacy)"
_HIRING_PEOPLE = (
    r"(?:(?:the|your|a|their|someone in|anyone in|somebody in|whoever (?:is|does|handles)) "
    r"(?:[\w-]+ )?)?(?:hiring (?:manager|team|lead|committee|partner|panel)s?|hr\b|human resources"
    r"|recruit(?:er|ers|ing|ment)\b|talent (?:acquisition|team|partner)s?)"
)
_RIGHT_PEOPLE = (
    r"(?:the right (?:person|people|hands|desk)|whoever(?: is|'s) hiring"
    r"|any(?:one|body) (?:who|that)(?: is|'s) hiring)"
)
# A capitalised name of up to three words ("Acme", "Acme Health's"), never "I" or a small word
# typed in capitals for emphasis ("people we want to work for AND who value our skills").
_NAME = (
    r"(?!(?:I|A|AN|AND|OR|BUT|THE|TO|OF|FOR|IN|ON|AT|WITH|WHO|THAT)\b)"
    r"(?-i:[A-Z][\w&-]*)(?:'s)?(?: (?-i:[A-Z][\w&-]*)(?:'s)?){0,2}"
)
# "Any openings in your calendar?" is about the meeting, not a job.
_NOT_CALENDAR = (
    r"(?! (?:in|on) (?:your|the) (?:calendar|diary|schedule)"
    r"| for (?:an? )?(?:coffee|call|chat|lunch|meeting|catch-up|quick)\b)"
)
_STILL = r"(?:(?:still|currently|actively|possibly|now|also|by any chance|at all) )*"


JOB_ASK_RULES: tuple[Rule, ...] = (
    # "Do you know of any openings?", "if you hear about a role", "come across any vacancies"
    make_rule(
        OPENINGS,
        strong,
        r"\b(?:(?:know|hear|heard|aware|learn|learned|learnt|see|seen) (?:of|about)"
        r"|come across|came across|run across|spot|notice) "
        rf"(?:any|an?) (?:[\w-]+ ){{0,2}}{_JOB}\b(?! (?:to|you|like)\b)",
    ),
    # "if you hear of anything" (but not "do you know of anything I should read?")
    make_rule(
        OPENINGS,
        strong,
        r"\b(?:know|hear|heard|come across|see) (?:of|about) anything\b"
        r"(?! (?:I|that I|you think|else|to|about|on)\b)",
    ),
    # "any openings", "any current vacancies", "any open roles"
    make_rule(
        OPENINGS,
        strong,
        r"\bany (?:[\w-]+ )?(?:openings?|vacanc(?:y|ies))\b" + _NOT_CALENDAR,
    ),
    make_rule(
        OPENINGS,
        strong,
        r"\bany (?:[\w-]+ )?(?:open|available) (?:jobs?|roles?|positions?|posts?|spots?|reqs?)\b",
    ),
    # "Are there any roles for analysts?" (a question; "I'm open to any role" is not)
    make_rule(
        OPENINGS,
        question,
        r"\bany (?:[\w-]+ )?(?:(?:job|career|employment|work) )?"
        rf"{_JOB}\b"
        r"(?! (?:to|you|I|that you|suggestions?|advice|ideas?|models?|descriptions?)\b)"
        + _NOT_CALENDAR,
    ),
    # "positions available at your firm?", "roles that are still open"
    make_rule(
        OPENINGS,
        question,
        rf"\b{_JOB} (?:(?:that|which) (?:are|is) )?(?:(?:currently|still|now) )?"
        r"(?:open|available|going)\b(?! to\b)",
    ),
    # bare "openings" in a question: "Are there openings on your team?"
    make_rule(
        OPENINGS,
        question,
        r"\b(?:openings?|vacanc(?:y|ies)|open (?:jobs?|roles?|positions?|reqs?))\b" + _NOT_CALENDAR,
    ),
    make_rule(
        OPENINGS,
        strong,
        r"\b(?:is|are) there (?:anything|something) (?:[\w-]+ )?"
        r"(?:open|available|going|suitable|for me)\b",
    ),
    # "Does your team have a vacancy?"
    make_rule(
        OPENINGS,
        question,
        rf"\b(?:have|has|got) (?:any|an?) (?:[\w-]+ )?(?:{_JOB}|headcount)\b(?! (?:like|to)\b)",
    ),
    # "Are you hiring?", "Is your team still hiring?"
    make_rule(
        HIRING,
        strong,
        rf"\b(?:are|is) (?:you|y'all|they|{_YOUR_ORG}|any(?:one|body) (?:on|at|in) (?:your|the)"
        rf" (?:[\w-]+ ){{0,2}}?{_ORG})(?: guys| lot| all| folks)? {_STILL}(?:hiring|recruiting)\b",
    ),
    # "whether your team is hiring", "if you're hiring", "if Acme might be hiring"
    make_rule(
        HIRING,
        not_research,
        rf"\b(?:if|whether) (?:you|they|{_YOUR_ORG}|{_NAME})"
        r"(?:\s*'(?:re|s)| (?:is|are|was|were|might be|may be|will be|would be|could be))"
        rf" {_STILL}(?:(?:planning on|looking at|thinking (?:of|about)) )?(?:hiring|recruiting)\b",
    ),
    # "Is Acme hiring?"
    make_rule(
        HIRING,
        inverted_question,
        rf"\b(?:is|are) (?!there\b)(?:the )?{_NAME} {_STILL}(?:hiring|recruiting)\b",
    ),
    # "Do you know who's hiring?", "any companies that are hiring analysts?"
    make_rule(
        HIRING,
        question,
        r"\b(?:who|any(?:one|body)|some(?:one|body)"
        r"|(?:any|which|what) (?:[\w-]+ ){0,2}?"
        r"(?:companies|firms|organi[sz]ations|employers|teams|places|non-?profits|agencies"
        r"|businesses)|companies|firms|organi[sz]ations|employers)"
        r"(?: (?:that|who|which))?(?:\s*'(?:s|re)| (?:is|are|might be|may be))?"
        r" (?:(?:still|currently|actively|now) )?hiring\b",
    ),
    make_rule(
        HIRING,
        question,
        r"\blooking to (?:hire|fill|recruit|bring on|add to (?:the|your) team"
        r"|grow (?:the|your) team)\b",
    ),
    # "Hiring?" or "You hiring?" on its own
    make_rule(
        HIRING,
        stands_alone,
        rf"(?:(?:you|{_YOUR_ORG}|{_NAME}) )?(?:still )?(?:hiring|recruiting)(?=\s*\?)",
    ),
    make_rule(
        HIRING,
        strong,
        r"\b(?:hire|hiring|employ|employing|onboard) (?:me|someone like me|people like me)\b",
    ),
    make_rule(
        HIRING, strong, r"\b(?:take|taking|bring|bringing) me on(?:board)?\b(?! (?:a|an|the)\b)"
    ),
    # "Could you refer me?" ("refer me to someone who knows the sector" asks for a name: fine)
    make_rule(REFERRAL, strong, r"\brefer(?:ring)? me\b(?! (?:on )?to\b)"),
    make_rule(
        REFERRAL,
        strong,
        r"\brefer(?:ring)? me (?:on )?to (?:[\w-]+ ){0,3}?"
        rf"(?:hiring|hr|human resources|recruit\w*|talent|{_JOB}|postings?)\b",
    ),
    # "I'd be grateful for a referral" (but not "thanks for the referral to Jane")
    make_rule(
        REFERRAL,
        referral,
        r"\b(?:an?|any|your|the) (?:[\w-]+ )?referral\b"
        r"(?! (?:to|from) (?!(?:the |your |a )?(?:hiring|hr\b|human|recruit)))",
    ),
    make_rule(
        REFERRAL,
        strong,
        r"\b(?:put|putting|say|saying|drop|dropping) (?:in )?a (?:good |kind |quick )?word"
        r"(?: in)?\b(?: for me)?|\b(?:a|the) good word (?:for|about) me\b",
    ),
    make_rule(REFERRAL, strong, r"\bvouch(?:ing)? for me\b"),
    make_rule(
        REFERRAL,
        strong,
        r"\b(?:recommend|recommending|nominate|nominating|endorse|endorsing) me "
        rf"(?:for|as|to {_HIRING_PEOPLE})",
    ),
    # "recommend me to your boss" (but "recommend me to someone who knows the field" asks for
    # a name)
    make_rule(
        REFERRAL,
        strong,
        r"\brecommend(?:ing)? me to (?!(?:someone|anyone|somebody|anybody|people|others"
        r"|a (?:friend|colleague|contact))\b)[\w-]+(?: [\w-]+)?",
    ),
    # "Would you be a reference for me?", "write me a letter of recommendation"
    make_rule(
        REFERRAL,
        strong,
        r"\b(?:be|act as|serve as) (?:a |my )reference\b"
        r"|\b(?:write|writing|give|giving) me (?:a )?(?:letter of recommendation|reference)\b",
    ),
    # (not what a third person means to do: "they want to put me forward for…", tenth version)
    make_rule(
        REFERRAL,
        not_told,
        r"\bput(?:ting)? (?:me|my name) (?:forward|in for|in the hat|up for|in front of)\b",
    ),
    # (eleventh version, from author M's miss) someone of the writer's put forward: "put her
    # name forward" (not the writer doing it: "I'd put her name forward")
    make_rule(
        REFERRAL,
        not_told_nor_writer,
        r"\bput(?:ting)? (?:him|her|them|his name|her name|their name|my (?:son|daughter|husband"
        r"|wife|brother|sister|nephew|niece|friend|lad|girl|boy)) (?:forward|in for|up for)\b",
    ),
    make_rule(
        REFERRAL,
        strong,
        r"\b(?:introduce|introducing|connect|connecting|put|putting) me (?:in touch )?"
        rf"(?:to|with) {_HIRING_PEOPLE}|\b(?:be|being|get|getting) introduced to {_HIRING_PEOPLE}",
    ),
    # "Do you know the hiring manager for the role?"
    make_rule(
        REFERRAL,
        question,
        r"\b(?:who(?:'s| is) the hiring manager|who the hiring manager is"
        r"|(?:know|find out|tell me) (?:who )?the hiring manager)\b",
    ),
    make_rule(
        REFERRAL,
        strong,
        r"\b(?:mention|mentioning|flag|flagging|drop|dropping|pass|passing) (?:me|my name)"
        r" (?:on |along )?to (?:(?:your|the) (?:[\w-]+ )?(?:manager|boss|director|partners?|ceo"
        r"|founder)\b|" + _HIRING_PEOPLE + ")",
    ),
    # "Is your practice taking on staff?", "get me onto the shortlist"
    make_rule(
        HIRING,
        question,
        r"\btak(?:e|ing) on (?:any |new |more |extra )?(?:staff|trainees|graduates|interns"
        r"|apprentices|people|anyone|contractors|freelancers|juniors)\b",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\b(?:get|getting|put|putting) (?:me )?(?:onto|on) (?:the|a|your) shortlist\b"
        r"|\bshortlist(?:ing)? me\b"
        r"|\b(?:sort|fix|hook|set) me (?:out |up )?with (?:a|an|some) (?:[\w-]+ )?"
        r"(?:job|role|position|post|work|interview|placement|contract)\b",
    ),
    make_rule(
        REFERRAL,
        strong,
        rf"\b(?:speak|talk|speaking|talking|have a word) (?:to|with) {_HIRING_PEOPLE}"
        r" (?:about|for|on behalf of) me\b",
    ),
    # "Could you forward my résumé?", "please pass on my CV"
    make_rule(
        RESUME,
        strong,
        r"\b(?:you|please) (?:(?:could|can|would|might|will|please|kindly|possibly) ){0,2}"
        rf"(?P<w>(?:pass|forward|send|share|circulate) (?:(?:on|along) )?my {_RESUME})",
    ),
    # "pass my CV along", "circulating my résumé"
    make_rule(
        RESUME,
        strong,
        r"\b(?:pass|passing|circulate|circulating|hand|handing) (?:(?:on|along|around) )?my "
        + _RESUME,
    ),
    # "Could you send my résumé to the hiring manager?" ("I'll send my résumé to you" is fine)
    make_rule(
        RESUME,
        wish,
        r"\b(?:pass|forward|send|share|get|put|hand|submit|flag|give|take|walk|drop)"
        rf"(?:s|ing)? (?:(?:on|along|over) )?my {_RESUME}"
        r"(?: (?:on|along|over|through|internally|up))?"
        r" (?:to|with|in front of|into the hands of|into|before)"
        r" (?!(?:you|yourself|this|that|we|us|our|I|me|then|the (?:email|message|note|attachment)"
        r"|a (?:friend|colleague))\b)(?:(?:the|your|a|an|their|his|her) )?[\w-]+"
        r"(?: (?:manager|team|department|dept|person|people|lead|partner|folks|hands))?",
    ),
    make_rule(
        RESUME,
        strong,
        r"\b(?:pass|forward|send|share|get|put|hand|circulate|submit|flag|give|take)"
        r"(?:s|ing)? (?:it|this|them|that|these|those"
        rf"|my (?:details|profile|info|information|portfolio|name|{_RESUME}))"
        r"(?: (?:on|along|over|through|internally|up))?"
        rf" (?:to|with|in front of|into the hands of|before) (?:{_HIRING_PEOPLE}|{_RIGHT_PEOPLE})",
    ),
    make_rule(
        RESUME,
        strong,
        r"\b(?:move|push|flag|fast[- ]?track|expedite|champion|support|back|boost) "
        rf"my {_RESUME}(?! (?:for|to) (?!{job_within(8)}))"
        rf"|\bget my {_RESUME} (?:noticed|seen|looked at|read|considered|through)\b",
    ),
    # "I'd love to be considered for the analyst role"
    # (ninth version: only for a job's head or what stands for one, not "to be considered for a
    # place on the programme" nor "for the hardship fund")
    make_rule(
        KEEP_IN_MIND,
        strong,
        r"\b(?:to be|being|be|get|getting) considered (?:as\b|for(?= ?[?.!,]|"
        rf" {job_within(4)}| (?:anything|something|it|this|that|them|one|any|future|upcoming"
        rf"|opportunit|(?:your|ur|the|their) (?:[\w-]+ ){{0,2}}?{_ORG})))",
    ),
    make_rule(
        KEEP_IN_MIND,
        strong,
        rf"\bconsider(?:ing)? me (?:for|as)\b|\bconsider my {_RESUME}"
        rf"(?! (?:for|to) (?!{job_within(8)}))",
    ),
    make_rule(
        KEEP_IN_MIND,
        strong,
        r"\b(?:keep|keeping|bear|bearing) (?:me|my name) in mind\b"
        r"|\bthink of me (?:if|for|when|should|whenever)\b"
        rf"|\b(?:keep|put) (?:me|my (?:name|details|{_RESUME})) on (?:file|record)\b",
    ),
    # "let me know if anything comes up", "if a role opens up"
    make_rule(
        KEEP_IN_MIND,
        comes_up,
        r"\b(?:anything|something|an? (?:[\w-]+ )?(?:role|position|job|post|spot|opening|vacancy"
        r"|opportunity)) (?:(?:suitable|relevant|appropriate|interesting|good|similar) )?"
        r"(?:comes?|came|opens?|turns?|pops?|crops?|frees?) up\b",
    ),
    make_rule(
        KEEP_IN_MIND,
        comes_up,
        r"\b(?:anything|something|an? (?:[\w-]+ )?(?:role|position|job|post|spot|opening|vacancy"
        r"|opportunity)|positions|roles|jobs) (?:becomes?|is|are) (?:made )?available\b",
    ),
    make_rule(
        KEEP_IN_MIND,
        strong,
        r"\bkeep (?:an eye|your eyes|your ears?|an ear) (?:open |out |peeled )?(?:for|on) "
        rf"(?:anything\b|(?:(?:any|an?|the) )?(?:[\w-]+ ){{0,2}}?{_JOB}\b)",
    ),
    make_rule(
        KEEP_IN_MIND,
        strong,
        r"\bkeep me (?:posted|informed|updated|in the loop) (?:on|about|of|if|when|regarding) "
        rf"(?:anything\b|(?:(?:any|an?|new) )?(?:[\w-]+ ){{0,2}}?{_JOB}\b)",
    ),
    # "find me a job", "get me an interview"
    make_rule(
        DIRECT,
        strong,
        r"\b(?:find|get|give|offer|land|secure|line up|fix) me (?:a|an|any|some|another) "
        r"(?:[\w-]+ ){0,2}?(?:job|role|position|post|work|gig|placement|opening|contract"
        r"|interview|offer|spot)\b",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\bhelp(?:ing)? me (?:to )?(?:get hired|apply\b|get (?:a|my) foot in"
        rf"|get in(?:to)? (?:the door|{_YOUR_ORG})|(?:find|get|land|secure|obtain|look for"
        r"|search for|score|apply for) (?:(?:a|an|any|my next|some|the|another) )?"
        r"(?:[\w-]+ ){0,2}?(?:job|role|position|post|work|employment|gig|placement|opening"
        r"|interview|offer)s?\b)",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\b(?:a|an|any) (?:[\w-]+ )?(?:job|role|position|post|opening|vacancy|spot|place|slot"
        r"|opportunity|gig|room) (?:available |open )?for (?:me|someone like me|people like me)\b"
        r"(?! to\b)|\b(?:any|some) work for me\b",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\bhelp(?:ing)? me (?:out )?with (?:a|finding a|getting a|landing a) (?:[\w-]+ )?"
        r"(?:job|role|position|post|placement)\b",
    ),
    # "Is there any room on your team?", "job leads"
    make_rule(OPENINGS, question, rf"\broom (?:on|in|at|within) {_YOUR_ORG}"),
    # "Let me know if there's anything suitable", "anything that might suit me"
    make_rule(
        OPENINGS,
        question,
        r"\b(?:anything|something) (?:suitable|that (?:might|would|could|may) (?:suit|fit) me"
        r"|for someone like me)\b",
    ),
    make_rule(OPENINGS, question, r"\bwork (?:going|available)\b"),
    # "Are you looking for an analyst?", "Does your team need a bookkeeper?"
    make_rule(
        HIRING,
        question,
        rf"\b(?:are you|is {_YOUR_ORG}) (?:currently |still )?looking for (?:an?|any|someone"
        r"|anyone|somebody|anybody|new|more|people|candidates)\b",
    ),
    make_rule(
        HIRING,
        question,
        # "What if you need a plumber?" is a hypothetical, not a question about hiring.
        rf"(?<!\bwhat\s)\b(?:does|do|if|whether) (?:you|{_YOUR_ORG}|{_NAME})"
        r" (?:need|needs|could use) "
        r"(?:an?|another|more|extra|someone|anyone|somebody|anybody)\b"
        # "if you need a hand with the gala" offers help; it does not ask for a job; "do you need
        # a teaching qualification?" asks what the work requires
        r"(?! (?:hand|favou?r|lift|ride|volunteer|help|break|minute)\b)"
        r"(?! (?:[\w-]+ )?(?:qualification|degree|licen[cs]e|certificate|certification|card"
        r"|permit|visa|course|diploma)s?\b)",
    ),
    # "Could I work for you?", "Can I come and work for you?"
    make_rule(
        DIRECT,
        strong,
        r"\b(?:could|can|might|may) I (?:come and |possibly |ever )?(?:work (?:for|at) "
        rf"(?:you\b|{_YOUR_ORG}|{_NAME})|join {_YOUR_ORG}|join (?>{_NAME})(?! for\b))",
    ),
    make_rule(
        OPENINGS,
        strong,
        rf"\b(?:job|role) leads\b|\bleads on (?:any )?(?:[\w-]+ )?{_JOB}",
    ),
    make_rule(
        OPENINGS,
        question,
        r"\b(?:has|have|got) (?:any |the )?(?:open )?headcount\b",
    ),
    make_rule(
        DIRECT, strong, r"\b(?:have|has|got) (?:anything|something) (?:[\w-]+ )?for me\b(?! to\b)"
    ),
    make_rule(
        DIRECT,
        strong,
        r"\b(?:get|land|set up|arrange|secure|line up|score|book|schedule|fix up) me "
        r"(?:an? |some )?(?:job |first |quick )?interviews?\b",
    ),
    # "could you interview me?" (not "thank you for taking the time to interview me")
    make_rule(DIRECT, not_thanked, r"\binterview(?:ing)? me\b"),
    make_rule(DIRECT, wish, r"\ban interview (?:with|at) (?:you|your)\b"),
    make_rule(
        DIRECT,
        strong,
        r"\b(?:set up|arrange|get|line up|secure|book) (?:an? |some )?interviews? "
        rf"(?:for me|with (?:you\b|{_YOUR_ORG}|{_HIRING_PEOPLE}))",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\b(?:find|get|give|offer) me (?:something|anything)\b(?! (?:to|I|you)\b)",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\bget me (?:in(?:to)? (?:the door|there)|a foot in(?: the door)?|in at|through the door"
        rf"|into {_YOUR_ORG})",
    ),
    # "I'd love a role on your team", "an opportunity at your company"
    make_rule(
        DIRECT,
        wish,
        rf"\b(?:(?:a|an|the|any) )?(?:[\w-]+ )?(?:{_JOB}|employment) "
        rf"(?:at|with|on|in|within|inside|into) (?:{_YOUR_ORG}|you)\b",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\b(?:love|'d like|would like|want|wanting|hope|hoping|keen|eager|interested in|dream"
        r"|excited|thrilled|delighted|chance|opportunity|possibility|prospect|way)"
        r"(?: to| of)? (?:(?:join|joining|be part of|being part of"
        rf"|become part of) (?:{_YOUR_ORG}|{_NAME})|(?:work|working) (?:for|at) (?:{_YOUR_ORG}|you"
        rf"|{_NAME}))(?!\w)",
    ),
    # "I'd love a job at Northwind", "I would really like a position there": the writer's wish
    # for a job at a named employer or "there", as "love to work at Northwind" above (not "a
    # job in London": a place, not an employer).
    make_rule(
        DIRECT,
        strong,
        r"\bI(?:'d|’d| would)?(?: (?:really|so|truly|just))? (?:love|like|want|dream of)"
        rf" (?:to (?:have|get|land|find) )?(?:a|an) (?:[\w-]+ )?{_JOB}"
        rf"(?: (?:at|with) {_NAME}| there)(?!\w)",
    ),
    # "I'm writing to ask about openings" ("I'm not asking about openings" is negated)
    make_rule(
        DIRECT,
        strong,
        r"\b(?:ask|asking|enquir\w*|inquir\w*) (?:you )?(?:about|for|regarding"
        r"|whether there (?:are|is|might be)|if there (?:are|is|might be)) "
        r"(?:(?:any|a|an|the|possible|potential|current|open|available|job|employment|career"
        rf"|new) )*(?:{_JOB}|referrals?|interviews?|employment|work)\b",
    ),
    make_rule(
        DIRECT,
        strong,
        r"\bany chance (?:of|for|at) (?:a|an|any) (?:[\w-]+ )?(?:job|role|position|post"
        r"|interview|opening|referral|spot|place)\b",
    ),
)
