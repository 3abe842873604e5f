"""Job asks by intent, selling: a freelancer or a trader selling paid work to the reader.

Part of the intent rules (intent_rules.py runs these first): an offer and a price, the writer's
own price named to a buyer, more work asked of a client, a place on the reader's list of
contractors, the reader's work of a trade taken off their hands, a paid slot. Not when the writer
is hiring, asks how to price, or gives the work for nothing (guards.py).
"""

from __future__ import annotations

from hundred.network.askcheck.guards import prices_own_work, question, selling, strong
from hundred.network.askcheck.kinds import SELLING, Rule, make_rule

_YOUR = r"(?:your|ur|yr)"
# Selling the writer's own paid work (tenth version, from author L's misses). A price: an amount
# of money ("£9 a head", "40 quid"), "a few quid", so much "per unit", a rate or fee of a kind
# ("flat rate", "the usual sessional rate"). "A head" alone is not one ("to be a head teacher").
_PRICE = (
    r"(?:[£$€₹₦] ?[0-9][0-9,.]*k?\b|\b[0-9][0-9,.]* ?(?:quid|pounds?|euros?|dollars?|bucks"
    # (eleventh version, from author M's "2.20 pound each") a currency's name in the singular,
    # and other currencies
    r"|rand|rupees?|naira|pesos?|reais|ringgit|shillings?|cedis?|yen|eur|gbp|usd|aud|nzd|cad"
    r"|ph|p/h)\b"
    r"|\ba few (?:quid|bob|pounds|dollars|bucks)\b|\bper (?:head|go|visit|clean|cut|unit"
    r"|session|hour|hr|day|week|month|job|metre|meter|room|window|word|page|lesson|class|night"
    r"|shift|fortnight|person|cover|plate)\b|\b(?:flat|day|hourly|daily"
    r"|sessional|usual|going|weekly|monthly|fixed|set|same) (?:rate|fee|price)s?\b"
    # (eleventh version) paid by the month, ahead: "or just a monthly retainer"
    r"|\b(?:a|on|on a|monthly|weekly|yearly|annual|small) (?:[\w-]+ )?retainer\b)"
)
# The writer offering to do something ("I could", "want me to", "me and my lad can")…
_SELLER = (
    r"\b(?:want me to|shall I|should I|could I|can I|may I|I could|I can|I cn|I'll|ill|I will"
    r"|I'd|id|I would|happy to|glad to|me and my \w+ (?:can|could|will)"
    # (eleventh version) a trader's offer as it is worded to a street or a client: "I'm
    # offering a weekly shopfront clean"
    r"|I(?:'m| am)? offer(?:ing)?|we(?:'re| are)? offer(?:ing)?)\b"
)
# (eleventh version) The writer's own price, named as theirs: "I charge $55 an hour", "I would ask
# a modest fee of $60 a session", "my day rate is £180", "we charge $420 for a 3-bed".
_OWN_PRICE = (
    r"\b(?:I|we)(?:'d| would| could| can| will|'ll| usually| normally| just| only| generally"
    r"| currently)? (?:[\w-]+ )?(?:charge|ask|bill|quote)s? (?:(?:you |u |just |only |around "
    r"|about |roughly |a |an |my |the |modest |small |flat |fair |standard |fee |rate |of )"
    r"){0,4}"
    + _PRICE
    # "I'm five minutes away and charge $55 an hour" (not "in charge of a $2m budget")
    + r"|\b(?:I|we)\b[^.!?\n]{0,60}?\band (?:[\w-]+ )?(?<!\bin\s)(?<!\bof\s)(?:charge|bill)s? "
    r"(?:(?:you |u |just |only |around |about |roughly |a |an |my |the |flat |fair |standard )"
    r"){0,3}"
    + _PRICE
    + r"|\b(?:my|our) (?:[\w-]+ )?(?:rate|fee|price|charge)s? (?:is|are|would be|will be|'d be"
    r"|starts? at|comes? to) (?:(?:just|only|around|about|roughly) )?" + _PRICE
)
# …and no word, before the price, that makes it a question about prices or the writer buying:
# "ask how you work out a day rate", "I'd happily pay £50 for your time".
_NOT_ABOUT_PRICES = (
    r"(?!\b(?:how|what|whether|why|advice|tips|ask|asking|pay|paid|paying|buy|buying|spend"
    r"|spent|afford|cost|costs|worth|owe|save|saved|borrow|lend|raise|raised|donate\w*|fund"
    r"|funding|charge[sd]?|charging)\b)"
)
# Services a trader or a freelancer takes on for a business or a household.
_SERVICE = (
    r"(?:books|accounts|bookkeeping|payroll|tax returns?|turnovers?|changeovers?|cleaning|cleans"
    r"|gardens?|gardening|lawns?|hedges|deliveries|catering|lunches|admin|marketing|social media"
    r"|website|repairs|maintenance|lettings|windows|ironing|invoicing|transcription|editing"
    r"|design|translations?|photography|plastering|tiling|painting|decorating|plumbing"
    r"|electrics|wiring|locks)"
)
_CONTRACTORS = (
    r"(?:contractors|suppliers|traders|tradespeople|tradesmen|trades|freelancers"
    r"|sub-?contractors|locums|vendors|providers|interpreters|translators|photographers|caterers"
    r"|cleaners|drivers|tutors|musicians|performers|acts)"
)

SELLING_RULES: tuple[Rule, ...] = (
    # Selling the writer's own paid work to the reader (tenth version): an offer and a price in
    # one sentence or the next ("I could do it at £9 a head", "want me to do em sat? £40",
    # "I can price it for you, me and my lad, £210 a day"), not when the writer is hiring or
    # gives the work for nothing
    make_rule(
        SELLING,
        selling,
        _SELLER + r"(?: happily| gladly)?(?:" + _NOT_ABOUT_PRICES + r"[^.!?\n]){0,90}?"
        r"(?:[.!?] ?(?:" + _NOT_ABOUT_PRICES + r"[^.!?\n]){0,25}?)?" + _PRICE,
    ),
    # (eleventh version) The writer's own price, named to a buyer, not in a message that asks
    # how to price ("I charge £25 an hour, is that too low?")
    make_rule(SELLING, prices_own_work, _OWN_PRICE),
    # (eleventh version) More work asked of a client: "have you got anything else in the
    # pipeline I could pick up?", "any more work we could take on?"
    make_rule(
        SELLING,
        question,
        r"\b(?:anything|something|any (?:more |other |extra )?work|more work|owt) (?:else )?"
        r"(?:[\w-]+ ){0,5}?(?:I|we|me|my \w+) (?:could|can|might|cn) (?:pick up|take on|take off"
        r"|work on|get (?:stuck )?into|quote (?:for|on))\b",
    ),
    # A place on the reader's list of contractors or suppliers: "add me to your list of
    # contractors", "put us on your approved suppliers list"
    make_rule(
        SELLING,
        strong,
        r"\b(?:add|put|stick|pop|keep|get|include) (?:me|us|my (?:name|company|firm|business"
        r"|details)) (?:on|onto|to|in) (?:your|ur|yr|the) (?:(?:[\w'-]+ ){0,2}?(?:list|panel"
        r"|register|roster|books|database|framework|rota|pool) of (?:[\w-]+ )?"
        + _CONTRACTORS
        + r"|(?:[\w'-]+ )?(?:approved|preferred|supplier|suppliers|contractor|contractors"
        r"|trade|trades|freelance|freelancer|locum|supply|bank|agency) (?:[\w'-]+ )?(?:list"
        r"|panel|register|roster|books|database|pool))\b",
    ),
    # Taking the reader's work of a trade off their hands: "I'd happily take on all your
    # turnovers", "I could take over your books", "I'd take the books on"
    make_rule(
        SELLING,
        selling,
        r"\b(?:I'd|I would|I could|I can|I'll|ill|I will|happy to|glad to|love to|could I|can I"
        r"|let me) (?:happily |gladly |easily )?(?:take|taking) (?:(?:on|over|off) (?:all |some "
        rf"|any )?(?:of )?{_YOUR} (?:[\w-]+ ){{0,2}}?" + _SERVICE + r"\b|(?:the|your|ur) "
        r"(?:[\w-]+ )?" + _SERVICE + r" (?:on|over|off (?:your|ur) hands)\b)",
    ),
    # A paid slot asked for: "Would you be up for a paid Friday slot once a month?"
    make_rule(
        SELLING,
        question,
        r"\b(?:a |the |any )?paid (?:[\w-]+ )?(?:slot|gig|booking|spot|set)s?\b",
    ),
)
