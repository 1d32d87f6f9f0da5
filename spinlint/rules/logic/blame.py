"""Logic checks for blame-shifting: agentless bad news, outside forces, exoneration, forced hands, handed-off causes."""

from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from ...text.casefold import any_case, lowered
from .blame_vetoes import SPECIFIC_MECHANISM, account_given, owned_account, specific_mechanism
from .common import Offsets, skip_spaces


_BE = r"(?:was|were|be|been|(?:is|are|was|were)\s+being|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|got|get|gets)"
_ADVERBS = r"(?:(?:unfortunately|regrettably|sadly|ultimately|also|now|since|recently|already|inadvertently|" \
           r"unintentionally|mistakenly|temporarily|permanently|significantly|negatively|adversely|directly)\s+){0,2}"

# Participles that are bad news whatever the subject.
_ALWAYS_BAD = (r"laid\s+off|let\s+go|made\s+redundant|compromised|breached|leaked|mishandled|misstated|misreported|"
               r"mis-sold|missold|overlooked|"
               # "was inadvertently disclosed": the adverb admits a mistake the passive keeps ownerless.
               r"(?:inadvertently|mistakenly|accidentally|erroneously|wrongly)\s+(?:disclosed|shared|sent|released|"
               r"published|e-?mailed|posted|deleted|charged|billed|overcharged|removed|withheld|cancell?ed)")
# Participles that are bad news only for a given kind of subject: "payments were made" is fine,
# "mistakes were made" is not.
_PEOPLE = r"roles?|positions?|jobs?|employees?|staff|people|colleagues?|team\s+members?|workers?|headcount|" \
          r"contractors?|customers?|users?|patients?|members?|subscribers?|clients?|families"
_SUBJECT_GROUPS = {
    "mistake": (r"made|committed",
                r"mistakes?|errors?|missteps?|misjudge?ments?|oversights?|(?:bad|poor|wrong)\s+(?:decisions?|choices?|calls?)"),
    # "Lessons have been learned": the mistake's sequel with the same missing actor, and no mistake named.
    "lesson": (r"learned|learnt", r"lessons?"),
    # "consolidated", "restructured", "downsized": the euphemisms of a layoff announcement.
    "people": (r"impacted|eliminated|cut|reduced|terminated|dismissed|displaced|released|offboarded|"
               r"exited|removed|harmed|hurt|disadvantaged|consolidated|restructured|downsized|furloughed|"
               r"outsourced|offshored|phased\s+out|transitioned\s+out|discontinued|rebalanced|realigned|rationali[sz]ed|"
               r"right-?sized|reshaped", _PEOPLE),
    # "Customers were affected" is how an incident report counts the harm; "roles were affected" is a layoff
    # with nobody doing it.
    "roles": (r"affected", r"roles?|positions?|jobs?|headcount|team\s+members?|colleagues?|staff|employees?|workers?"),
    "data": (r"exposed|lost|deleted|accessed|stolen|exfiltrated|corrupted",
             r"data|records?|information|credentials?|passwords?|accounts?|(?:personal|customer|patient)\s+details"),
    "promise": (r"missed|delayed|cancell?ed|abandoned|withdrawn|paused|deprioriti[sz]ed|cut|reduced|suspended|"
                r"closed|discontinued|frozen|scrapped|shelved|disabled|restricted|throttled|retired|sunsetted",
                # A pension or benefit *plan* frozen or closed is plan accounting ("frozen to future accruals").
                r"targets?|deadlines?|commitments?|promises?|guidance|(?:benefits?|pensions?)(?!(?:[\s-]+\w+){0,2}\s+plans?\b)|"
                r"bonus(?:es)?|salaries|"
                r"wages?|raises?|refunds?|offices?|sites?|stores?|branches|plants?|projects?|programmes?|programs?|"
                r"rollouts?|launch(?:es)?|initiatives?|hiring|investments?|roadmap|features?|arrangements|"
                r"allowances|perks"),
    # "Prices were adjusted upward": the guideline's example of a price rise with nobody raising it.
    "price": (r"raised|increased|hiked|adjusted\s+upwards?|revised\s+upwards?",
              r"prices?|fees?|premiums?|subscriptions?|rents?|tariffs?"),
}
# Matched with IGNORECASE; compiled for lower-cased text (see casefold.lowered), where every
# form of _BE starts with one of the lookahead's letters.
_PASSIVE = (rf"\b{_BE}\s+{_ADVERBS}(?P<participle>{_ALWAYS_BAD}|"
            + "|".join(participles for participles, _ in _SUBJECT_GROUPS.values()) + r")\b")
_PASSIVE_LOWER = re.compile(r"(?=[abghiw])" + _PASSIVE)
_ALWAYS = re.compile(rf"(?:{_ALWAYS_BAD})$", re.IGNORECASE)
_SUBJECTS = [(re.compile(rf"(?:{participles})$", re.IGNORECASE), re.compile(rf"\b(?:{subjects})\b", re.IGNORECASE))
             for participles, subjects in _SUBJECT_GROUPS.values()]
# "by" followed by a time, amount or manner is not an agent: "cut by 20%", "delayed by a week", "by mistake".
_NOT_AGENT = re.compile(
    r"by\s+(?:\d|up\s+to|about|around|nearly|almost|more\s+than|less\s+than|half|a\s+third|a\s+quarter|"
    r"(?:a|an|one|two|three|four|five|several|a\s+few|the\s+end|the\s+start)\s+(?:day|week|month|quarter|year|"
    r"hour|minute|further|third|quarter|half|few|end|start|of)|the\s+end|mistake|accident|error|design|default|"
    r"(?:an?|the|this|that)\s+(?:[\w-]+\s+)?(?:issue|problem|error|incident|outage|glitch|bug|change|update|disruption)\b|"
    # A process names no one: "impacted by the restructuring." still hides who decided it, unless more follows
    # ("by the restructuring the board approved").
    r"(?:an?|the|this|that)\s+(?:[\w-]+\s+)?(?:reorgani[sz]ation|restructuring|realignment|transformation|transition|"
    r"consolidation|review|migration|changes)(?=\s*(?:[.,;:!?)]|$))|"
    r"(?:next|this|last|early|late|mid)\b|(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|then|now)\b)",
    re.IGNORECASE)
_AGENT = re.compile(r"\bby\s+\S", re.IGNORECASE)
# "The feature is disabled by default" describes a setting, not an event; "data was exposed by default" is news.
_SETTING = re.compile(r"(?:disabled|restricted|throttled)\s+by\s+default\b", re.IGNORECASE)
# Straight or curly apostrophes: "can’t be overlooked" is a modal, not an event.
_HYPOTHETICAL = re.compile(r"\b(?:may|might|could|can|cannot|can.t|won.t|wouldn.t|shouldn.t|mustn.t|couldn.t|would|should|must|"
                           r"if|unless)\s+(?:not\s+)?(?:\w+ly\s+|still\s+|also\s+|even\s+)?$",
                           re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:no|none|neither|nor|never|nothing|nobody|no\s+one|not\s+a\s+single|not\s+one)\b",
                       re.IGNORECASE)
# "has not been breached", "were never exposed": the passive itself is denied.
_NEGATED_VERB = re.compile(r"\b(?:not|never|n't)\s+(?:been\s+|be\s+)?$", re.IGNORECASE)
# "the people whose details were released", "stores that were temporarily closed": a relative clause picks out
# a group the sentence goes on to talk about; it is not the report of the event.
_RELATIVE = re.compile(r"\b(?:who|whom|whose|that|which)\s+(?:\w+\s+){0,3}?$", re.IGNORECASE)
# A count in the clause ("About 4,200 customer accounts were affected") is a specific report, not a hidden harm.
_COUNT = re.compile(r"\d")
# A passive quoted whole, its quotation closing right after the participle: a mention of the phrase.
_QUOTED_MENTION = re.compile(r"[“\"‘'][^”\"’'.!?]{0,25}$")
_CLOSING_QUOTE = re.compile(r"[”\"’']")
# "the people whose details were released": the passive describes who was harmed, inside a relative clause about
# them; the news and its account are elsewhere in the sentence. A job in the clause ("staff whose roles were cut")
# is still the cut with no one cutting.
_WHOSE = re.compile(r"\bwhose\s+(?!(?:roles?|jobs?|positions?|posts?|contracts?)\b)(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
# "a colleague has been dismissed for looking at records": a dismissal for the person's own conduct is a
# disciplinary account with its reason, not a layoff with the decider hidden.
_FOR_CONDUCT = re.compile(r"\s+(?:\w+ly\s+)?for\s+(?:\w+ing|gross\s+misconduct|misconduct|breach(?:ing|es)?)\b",
                          re.IGNORECASE)
# "Prices were increased in response to raw material inflation": a price rise followed by its cost driver is the
# ordinary pricing account of a filing, and whether that driver shifts blame is for the cause rules (B008, B024)
# to judge. Delays, closures and cut roles with a reason ("paused as a result of the volatile environment") still
# hide who decided.
_PRICE_REASON_AFTER = re.compile(r"^\s*,?\s*(?:\w+\s+){0,4}?(?:in\s+response\s+to|to\s+offset|reflecting|due\s+to|"
                                 r"because|as\s+a\s+result\s+of|owing\s+to)\b", re.IGNORECASE)
# "If a wrong decision was made", "in case publishing tokens were compromised": the clause is a condition the
# writer imagines or plans for, not an event it reports. The condition opens the clause, a few words before the verb.
_CONDITION_OPENS = re.compile(r"\b(?:if|in\s+case|unless|whether|whenever)\b[^.;:!?,]{0,60}$", re.IGNORECASE)
# "These packages were compromised due to a mutable reference in their workflows", "the job was removed from the
# queue because the worker timed out": data, sites and promises followed by their cause are the start of a causal
# account; whether that cause shifts blame is for the cause rules (B014, B024, B036, B038) to judge. Cut roles,
# mistakes and lessons with a reason still hide who decided or who erred.
_CAUSE_AFTER_PASSIVE = re.compile(r"^\s*,?\s*(?:[\w'’-]+\s+){0,8}?(?:due\s+to|because|as\s+a\s+result\s+of|owing\s+to|"
                                  r"caused\s+by|after|following|when)\b", re.IGNORECASE)
# "... exposed as a result of unauthorised activity": a cause that names only the kind of thing is no account.
_PLACEHOLDER_CAUSE = re.compile(r"\s+(?:an?\s+|some\s+)?(?:[\w-]+\s+)?(?:activity|access|incident|issue|problem|error|"
                                r"event|circumstances|party|actor)\b", re.IGNORECASE)
# "Emails often get overlooked", "a password can easily be compromised", "lessons to be learned", "likely to be
# overlooked": a habit, a capability or an infinitive describes how things go, not an event that happened. A planned
# event keeps its infinitive ("roles are set to be cut").
_GENERIC_BEFORE = re.compile(r"\b(?:often|usually|sometimes|frequently|typically|commonly|routinely|easily|tends?\s+to|"
                             r"(?<!set\s)(?<!due\s)(?<!about\s)(?<!going\s)(?<!expected\s)(?<!scheduled\s)(?<!planned\s)to)\s+$",
                             re.IGNORECASE)
# "maybe you reused that password and it was exposed in a breach, or perhaps you were phished": a scenario
# the writer imagines, not an event the writer reports.
_SPECULATION = re.compile(r"\b(?:maybe|perhaps)\b", re.IGNORECASE)


def _has_agent(text: str, end: int, window: int = 80) -> bool:
    """A 'by <agent>' phrase soon after the participle, before the clause ends."""
    after = re.split(r"[.;:!?]|,\s+(?:and|but|which|while)\b", text[end:end + window], maxsplit=1)[0]
    return any(not _NOT_AGENT.match(after, found.start()) for found in _AGENT.finditer(after))


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding the verb at ``start`` begins: the passive's subject is in between."""
    floor = max(0, start - 80)
    boundaries = list(re.finditer(r"[.;:!?]|,\s+|\b(?:and|but|because|after|when|while|although|as)\b",
                                  text[floor:start]))
    return floor + boundaries[-1].end() if boundaries else floor


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of a paragraph that holds ``start:end``, cut at the nearest sentence ends."""
    before = max(text.rfind(mark, 0, start) for mark in ".!?")
    after = min((found for found in (text.find(mark, end) for mark in ".!?") if found >= 0), default=len(text))
    return text[before + 1:after]


def agentless_bad_news_passive(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'Mistakes were made', 'roles were impacted', 'data was exposed' with nobody named as the actor.

    Reads a paragraph, so that an account the writer owns anywhere in it silences the rule.
    """
    # An account the writer owns anywhere in the paragraph ("I proposed the move", "we remain responsible") makes
    # an agentless "roles will be affected" beside it the harm counted, not the decider hidden.
    if owned_account(text):
        return
    folded = lowered(text)
    for found in (any_case(_PASSIVE).finditer(text) if folded is None else _PASSIVE_LOWER.finditer(folded)):
        sentence = _sentence_around(text, found.start(), found.end())
        if _SPECULATION.search(sentence) or account_given(sentence):
            continue
        if _has_agent(text, found.end()) or _SETTING.match(text, found.start("participle")):
            continue
        if _QUOTED_MENTION.search(text, max(0, found.start() - 40), found.start()) and \
                _CLOSING_QUOTE.match(text, found.end()):
            continue  # '“Mistakes were made” is passive': the phrase quoted as an example, not said
        participle = text[found.start("participle"):found.end("participle")]
        clause = _clause_start(text, found.start())
        if _NEGATION.search(text, clause, found.start()):
            continue  # "no data was lost" reports good news
        if found.group(0).lower().startswith("would"):
            continue  # "said some colleagues would be affected": reported or conditional, not the event
        before = text[max(0, found.start() - 30):found.start()]
        if _HYPOTHETICAL.search(before) or _NEGATED_VERB.search(text[max(0, found.start() - 12):found.start("participle")]):
            continue  # "may be reduced", "if roles were cut", "has not been breached": not an event
        if _CONDITION_OPENS.search(text, max(0, found.start() - 70), found.start()) or \
                _GENERIC_BEFORE.search(text, max(0, found.start() - 30), found.start()):
            continue
        cause = _CAUSE_AFTER_PASSIVE.match(text[found.end():found.end() + 90])
        caused = cause is not None and not _PLACEHOLDER_CAUSE.match(text, found.end() + cause.end())
        if _ALWAYS.match(participle):
            if not caused:
                yield skip_spaces(text, clause, found.start()), found.end()
            continue
        priced_with_reason = _PRICE_REASON_AFTER.match(text[found.end():found.end() + 60]) is not None
        counted = _COUNT.search(text, clause, found.start()) is not None
        for group, (participles, subjects) in zip(_SUBJECT_GROUPS, _SUBJECTS):
            if not participles.match(participle):
                continue
            nearest = None
            for nearest in subjects.finditer(text, clause, found.start()):
                pass  # the subject closest to the verb: "sales from stores that were closed" -> "stores"
            if not nearest:
                continue
            # Cut roles hide the decider however they are counted or phrased; for data, sites and prices a
            # count ("4,200 accounts were affected") or a relative clause ("stores that were closed") is a
            # specific report or a description of a group, not the news itself.
            if group not in ("people", "roles") and (counted or _RELATIVE.search(text, nearest.end(), found.start())):
                break
            if _WHOSE.search(text, max(clause, found.start() - 40), found.start()):
                break
            if group == "people" and _FOR_CONDUCT.match(text, found.end()):
                break
            if group == "price" and priced_with_reason:
                break
            if group == "data" and caused:
                break
            yield nearest.start(), found.end()
            break


# Matched with IGNORECASE, like _PASSIVE.
_DECISION = (
    r"\b(?:(?:(?:the|a|this|that|our|some|several|these)\s+)?(?:difficult\s+|hard\s+|tough\s+|painful\s+|final\s+|"
    r"necessary\s+)?(?:decisions?|choices?)\s+"
    rf"{_BE}\s+{_ADVERBS}(?:taken|made|reached)"
    r"|(?<!if\s)(?<!when\s)(?<!once\s)(?<!unless\s)it\s+(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?"
    r"(?:decided|determined|agreed|concluded|deemed\s+necessary|felt\s+necessary|judged\s+necessary)"
    r"|(?:a|the)\s+(?:decision|determination)\s+(?:was|has\s+been)\s+(?:\w+\s+)?(?:arrived\s+at|come\s+to))\b"
)
_DECISION_LOWER = re.compile(_DECISION)
# Every match of _DECISION contains one of these: most sentences are passed over after one quick search.
_DECISION_WORDS = re.compile(r"decision|choice|decided|determin|agreed|concluded|deemed|felt|judged")


# The guideline counts the decider hidden when the choice has a human cost ("the decision was made to exit"); a
# process note ("the Approved label indicates that the decision has been made", "how these decisions were made",
# "it was decided to allow teams to choose") hides nothing. So the sentence must hold a hard decision, or call the
# decision hard, or say it touches the future of people or places; and a question, a condition or a plan in which
# the decision sits is not the report of one.
_HARD_QUALIFIER = re.compile(r"\b(?:difficult|hard|tough|painful|heavy|regrettable|sad)\s+(?:decisions?|choices?)|"
                             r"\bthe\s+future\s+of\b", re.IGNORECASE)
_DECISION_FRAME = re.compile(r"\b(?:how|why|whether|if|when|once|until|what|which|where)\b(?:\W+\w+){0,4}\W*$",
                             re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:will|would)\s+be\b", re.IGNORECASE)


def agentless_decision(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'The difficult decision was taken to close the site', 'it was decided to end the scheme': no decider named."""
    folded = lowered(text)
    if folded is not None and not _DECISION_WORDS.search(folded):
        return
    if account_given(text):
        return
    for found in (any_case(_DECISION).finditer(text) if folded is None else _DECISION_LOWER.finditer(folded)):
        if _has_agent(text, found.end()):
            continue
        if _DECISION_FRAME.search(text, max(0, found.start() - 40), found.start()) or _PLANNED.search(found.group(0)):
            continue
        outside = text[:found.start()] + " " + text[found.end():]
        if not (_HARD_QUALIFIER.search(text) or _HARD_DECISION.search(outside)):
            continue
        yield found.start(), found.end()


# -- an outside force as the cause of bad news -----------------------------------------------------

# An impersonal force: a qualified environment ("a challenging macroeconomic environment", "the evolving market
# landscape", "ongoing financial pressures across the wider health economy") or a force that names itself
# ("headwinds", "turmoil", "market realities", "the pace of change").
_FORCE_ADJECTIVE = (r"challenging|difficult|tough|tougher|uncertain|evolving|shifting|changing|complex|volatile|"
                    r"adverse|unprecedented|turbulent|hostile|harsh|unfavou?rable|soft|softer|weak|weaker|dynamic|inflationary|"
                    r"recessionary|aggressive|overheated|brutal|saturated|unpredictable|fast[- ]moving|ongoing|"
                    r"continued|persistent|mounting|rising|intense|increasing|structural|unique|current|"
                    r"wider|broader|global|rapidly|increasingly|ever[- ]more|very|more|highly")
_FORCE_DOMAIN = (r"market|markets|economic|macro|macroeconomic|macro-economic|regulatory|trading|operating|rate|"
                 r"interest[- ]rate|financial|funding|industry|sector|business|geopolitical|competitive|retail|labou?r|"
                 r"staffing|consumer|demand|pricing|cost|currency|political|health|legal|technology|digital|ai|"
                 r"healthcare|banking|media|advertising|customer|talent|supply[- ]chain|certification|planning|permitting")
_FORCE_NOUN = (r"environments?|landscapes?|climate|conditions|pressures?|realities|forces|turmoil|volatility|"
               r"turbulence|uncertainty|uncertainties|backdrop|economy|circumstances|dynamics|shifts?|headwinds?|times")
_SELF_NAMED = (r"headwinds?|turmoil|market\s+(?:forces|realities|dynamics)|"
               r"(?:the\s+)?(?:cost[- ]of[- ]living|energy|funding|economic|financial)\s+crisis|inflation(?:ary\s+pressures?)?|"
               r"(?:the\s+)?realities\s+of\s+(?:the|our|today.s)\s+(?:\w+\s+)?(?:market|industry|economy|sector)|the\s+pace\s+of\s+(?:change|disruption)")
_FORCE = re.compile(
    rf"\b(?:{_SELF_NAMED}|"
    rf"(?:(?:{_FORCE_ADJECTIVE})[\s,]+(?:and\s+)?){{0,3}}(?:(?:{_FORCE_DOMAIN})[\s-]+)+(?:{_FORCE_NOUN})|"
    rf"(?:(?:{_FORCE_ADJECTIVE})[\s,]+(?:and\s+)?){{1,3}}(?:{_FORCE_NOUN}))\b", re.IGNORECASE)
_OPENING_CAUSE = re.compile(
    r"\W*(?:due\s+to|because\s+of|owing\s+to|as\s+a\s+(?:direct\s+)?result\s+of|in\s+response\s+to|in\s+light\s+of|"
    r"given|amid|amidst|in\s+the\s+face\s+of|faced\s+with)\b", re.IGNORECASE)
# The force is the cause: a connective before it, or a causal verb after it.
_CAUSE_BEFORE = re.compile(
    r"\b(?:due\s+to|because\s+of|owing\s+to|as\s+a\s+(?:direct\s+)?result\s+of|in\s+response\s+to|in\s+light\s+of|"
    # the bad news as the product of the force: "the overruns were the result of an inflationary environment"
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:the|a)\s+(?:direct\s+)?(?:result|consequence|product)\s+of|"
    r"(?:was|were|is|are)\s+(?:\w+ly\s+)?down\s+to|"
    r"given|amid|amidst|driven\s+by|caused\s+by|(?:negatively\s+|adversely\s+)?(?:impacted|affected|hit|hampered|"
    r"hindered|held\s+back|weighed\s+down|constrained|pressured|squeezed|challenged|delayed|slowed|disrupted|"
    r"postponed|held\s+up|set\s+back)\s+by|"
    r"in\s+the\s+face\s+of|faced\s+with)\s+(?:(?:the|an?|this|our|"
    r"today.s|what\s+(?:is|has\s+been)|an\s+increasingly)\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_CAUSE_AFTER = re.compile(
    r"^(?:\s*,?\s*(?:\w+\s+){0,4}?(?:have|has|had|will|continue\s+to|continues\s+to)?\s*(?:\w+ly\s+)?"
    r"(?:forced|force|forces|compelled|compel|required|requires|require|left\s+(?:us|no|the\s+company|the\s+group)|"
    r"leaves?\s+(?:us|no)|made\s+it|make\s+it|makes\s+it|necessitated|necessitate|necessitates|prompted|prompting|"
    r"pushed\s+us|drove\s+us|driven\s+us|weighed\s+on|weigh\s+on|weighs\s+on|hit|hurt|hurts|impacted|affected|"
    r"pressured|squeezed|eroded|dampened|tested|created\s+(?:\w+\s+)?(?:challenges|headwinds|difficulties|pressure)|"
    r"mean(?:s|t)?\s+(?:that\s+)?we))\b", re.IGNORECASE)
# 'As the landscape continues to evolve, we are raising prices': the force changing is the reason given.
_AS_BEFORE = re.compile(r"\b(?:as|with|while)\s+(?:the\s+|an?\s+|our\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_CHANGING_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:continu\w+\s+to\s+|keeps?\s+|is\s+|are\s+)?"
                             r"(?:evolv|shift|chang|tighten|worsen|deteriorat|harden|transform)\w*", re.IGNORECASE)
# Any landscape or market that is changing is the force in that frame: 'as the payments landscape evolves'.
_CHANGING_FORCE = re.compile(r"\b(?:the|an?|our|today.s)\s+(?:[\w-]+\s+){0,3}?(?:landscape|environment|market|markets|"
                             r"climate|economy|industry|sector|world)\b", re.IGNORECASE)
# The present tense of 'affected by' describes what a business is exposed to, not what happened.
_EXPOSURE = re.compile(r"\b(?:is|are|(?:is|are)\s+being|can\s+be|may\s+be)\s+(?:also\s+|\w+ly\s+)?$", re.IGNORECASE)
# Bad news or a hard decision in the same sentence.
_OUTCOME = re.compile(
    r"\b(?:postpon\w*|delay\w*|paus\w*|cut|cuts|cutting|reduc\w*|lay(?:ing)?\s+off|laid\s+off|layoffs?|redundan\w*|"
    r"job\s+losses|roles|headcount|workforce|hiring|recruitment|clos(?:e|ed|es|ing|ure|ures)|exit\w*|restructur\w*|"
    r"realign\w*|rationali[sz]\w*|consolidat\w*|optimi[sz]\w*|price\s+(?:increases?|rises?)|pric(?:es|ing)|margins?|"
    r"revenues?|earnings|profits?|profitability|sales|performance|results|declin\w*|fell|lower|loss(?:es)?|impair\w*|"
    r"write-?downs?|shortfall|missed|slow\w*|(?:difficult|hard|tough|painful)\s+(?:decisions?|choices?)|"
    r"no\s+(?:alternative|choice|option)|cost\s+base|tighten\w*|restrict\w*|withdr[ae]w\w*|suspend\w*|scal\w+\s+back|"
    r"uncompetitive|timelines?|surcharges?|fees?|demand|uptake|adoption|targets?|guidance|freeze|frozen|"
    r"overrun\w*|overspen\w*|sign-?ups|attendance|visitation|milestones|setbacks?)\b",
    re.IGNORECASE)
# Good news despite the force, a possibility (risk factors), a figure that makes the cause checkable, or a
# sentence in which the speaker owns the decision.
_FORCE_VETO = re.compile(
    r"\b(?:despite|in\s+spite\s+of|notwithstanding|even\s+as|weather(?:ed|ing)?|navigat\w+|resilien\w+|could|may|might|"
    r"would|if|unless|can|cannot|should|risks?|we\s+(?:decided|chose|underestimated|misjudged|overhired|were\s+wrong)|"
    r"our\s+(?:decision|mistake|fault)|(?:unable|not\s+able)\s+to\s+(?:predict|forecast|estimate|determine)|"
    # good news driven by the force is not blame: 'income was up, driven by the lower rate environment'
    r"(?:was|were|is|are)\s+up|grew|strong(?:er)?|improv\w+|record|benefit(?:ed|ted|ing)?\s+from|favou?rabl\w+|"
    r"tailwinds?)\b|\d[\d,.]*\s*(?:%|percent|per\s?cent|bps|basis\s+points|million|billion|"
    r"stores|sites|hours|days)|[$€£]\s?\d", re.IGNORECASE)


def outside_force_cause(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """An impersonal force offered as the cause of bad news or a hard decision, with nothing checkable.

    'Due to an increasingly complex regulatory environment, the launch has been postponed', 'market realities
    leave no alternative', 'revenue was impacted by regulatory headwinds': a connective makes the force the
    cause ('due to', 'impacted by', 'in response to', 'as the landscape evolves'), or the force is the subject
    of a causal verb ('have forced', 'weighed on'), and the sentence reports a cut, a delay, a price change or a
    decline.  Good news despite the force, risk-factor possibilities and causes given with figures are left alone.
    """
    folded = lowered(text)
    probe = folded if folded is not None else text.lower()
    if not any(word in probe for word in ("environment", "landscape", "climate", "condition", "pressure", "realit",
                                          "force", "turmoil", "volatil", "turbulen", "uncertain", "backdrop",
                                          "econom", "circumstance", "dynamic", "shift", "headwind", "times",
                                          "pace of", "crisis", "inflation")):
        return
    if _FORCE_VETO.search(text) or account_given(text):
        return
    # 'In light of softer volumes and a challenging macroeconomic environment, the group will cut ...': the
    # connective opens the sentence and the force sits anywhere in the clause it opens.
    opening = _OPENING_CAUSE.match(text)
    opening_clause_end = text.find(",", opening.end()) if opening else -1
    changing = [found for found in _CHANGING_FORCE.finditer(text)
                if _CHANGING_AFTER.match(text[found.end():found.end() + 40])]
    for found in sorted([*_FORCE.finditer(text), *changing], key=lambda match: match.start()):
        window = max(0, found.start() - 80)
        before = (_CAUSE_BEFORE.search(text, window, found.start())
                  or (_CHANGING_AFTER.match(text[found.end():found.end() + 40])
                      and _AS_BEFORE.search(text, window, found.start())))
        if before is None and opening and found.start() < opening_clause_end:
            before = opening
        after = None if before else _CAUSE_AFTER.match(text[found.end():found.end() + 60])
        if before is None and after is None:
            continue
        if before is not None and _EXPOSURE.search(text, max(0, before.start() - 20), before.start()):
            continue  # 'results are affected by currency volatility': an exposure described, not an event
        start = before.start() if before else found.start()
        end = found.end() + (after.end() if after else 0)
        outside = text[:start] + " " + text[end:]
        # 'delayed by', 'slowed by': the connective itself reports the bad news
        if not _OUTCOME.search(outside) and not (before is not None and _OUTCOME.search(before.group(0))):
            continue
        yield skip_spaces(text, start, end), end
        return


# The exoneration contrast said in two sentences: the first clears the thing being sold or defended, a
# following one hands the failure to the people, data, processes or culture around it.  Each half alone is
# ordinary ("The software works." / "Our data is messy."); the pair is the shift, so the rule reads a paragraph.
# "X isn't the problem" already says the contrast in one sentence (B019), so only a positive clearing starts one.
_THING = (r"(?:tools?|tech(?:nology)?|products?|platform|software|engine|models?|system|solution|app|service|ai|"
          r"assistant|algorithms?|code|pipeline|automation|chatbot|network|scanners?|sensors?|devices?|machines?|"
          r"equipment|hardware|robots?)")
_CLEARED = re.compile(
    r"\b(?:the|our|this|that|your|its)\s+(?:[\w-]+\s+){0,2}?" + _THING + r"\s+(?:itself\s+|themselves\s+)?"
    r"(?:works|worked|(?:is|was)\s+working|does\s+(?:its|the)\s+job|did\s+(?:its|the)\s+job|"
    r"(?:is|was|are|were)\s+(?:ready|sound|fine|proven|mature|solid)|performed\s+(?:well|flawlessly|as\s+\w+)|"
    r"did\s+(?:exactly\s+|just\s+|precisely\s+)?what\s+it\s+(?:was\s+)?(?:built|designed|meant|promised)\s+to(?:\s+do)?)"
    # a few words may follow ("during the pilot"), but not a condition: "works when people use it" is B020's
    r"(?!\s+(?:for|when|if|unless|except|only|in\s+most|as\s+long)\b)(?:\s+[\w-]+){0,4}?"
    r"(?=\s*(?:[.;:!—–]|-{1,2}\s|$))", re.IGNORECASE)
_AROUND = (r"(?:people|data|process(?:es)?|culture|organi[sz]ations?|teams?|users|customers|clients|staff|"
           r"workforce|habits|mindsets?|leadership|adoption|readiness|skills?|managers|management|operators|"
           r"employees|colleagues|humans|inputs?)")
_REAL_FAILURE = re.compile(
    r"\b(?:(?:what|where\s+it)\s+(?:fails|failed|breaks|broke(?:\s+down)?|went\s+wrong|lags|lagged|falls\s+short|"
    r"struggles|is\s+missing)"
    r"\s+(?:is|are|was|were)\s+(?:the\s+|your\s+|their\s+|our\s+)?(?:[\w-]+\s+){0,2}?" + _AROUND +
    r"|(?:the\s+)?(?:real\s+|actual\s+)?(?:problem|issue|bottleneck|blocker|obstacle|barrier|constraint|"
    r"weak\s+link)\s+(?:is|was|lies|lay|sits)\s+(?:with\s+|in\s+)?(?:the\s+|your\s+|their\s+|our\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _AROUND +
    r"|(?:it.s|it\s+is|it\s+was|this\s+is|that.s)\s+(?:a|an|the|your|their)\s+(?:people|data|process|culture|"
    r"cultural|organi[sz]ational|adoption|leadership|skills|change[- ]management|readiness|behaviou?ral|human|"
    r"training|management)\s+(?:problem|issue|failure|gap|question|challenge)"
    r"|(?:your|their|the\s+customer.s|customers.|clients.)\s+(?:[\w-]+\s+){0,2}?" + _AROUND +
    r"\s+(?:is|are|was|were|do|does|did|will)(?:\s+not|n.t)\b"
    r"|(?:the\s+)?" + _AROUND + r"\s+(?:using|running|operating|feeding)\s+it\s+(?:is|are|was|were|do|did)"
    r"(?:\s+not|n.t)\b"
    r"|(?:it.s|it\s+is|it\s+was)\s+(?:your|their|the)\s+(?:[\w-]+\s+){0,2}?" + _AROUND + r"(?=\s*[.!;]))",
    re.IGNORECASE)
# How far after the clearing sentence the failure may be named: about two sentences.
_EXONERATION_REACH = 260


def exoneration_across_sentences(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'The software works. What fails is the people using it.': the product cleared, then the failure moved."""
    if owned_account(text):
        return
    for cleared in _CLEARED.finditer(text):
        failure = _REAL_FAILURE.search(text, cleared.end(), cleared.end() + _EXONERATION_REACH)
        if failure is None or account_given(text, _sentence_around(text, failure.start(), failure.end())):
            continue
        yield skip_spaces(text, cleared.start(), cleared.end()), failure.end()
        return



# The exoneration contrast said by denial (round 8): the thing being sold or defended is named only to be cleared as
# the cause — "the technology is rarely at fault", "the biggest barrier isn't the technology", "it isn't a software
# problem", "nothing to do with the platform", "through no fault of the equipment". One structure, three word orders:
# the thing as subject of a denied fault, a fault-word as subject of a denied thing, or a denied "it's a <thing>
# problem". A denial alone can be a technical diagnosis ("the model is rarely the bottleneck; retrieval is"), so the
# shift needs the people, data, processes or culture the failure is moved to in the same paragraph, near the denial.
_DENIED_THING = (r"(?:tools?|tooling|tech|technology|technologies|products?|platforms?|software|engine|models?|"
                 r"systems?|solutions?|apps?|ai|assistants?|algorithms?|automation|chatbots?|machines?|machinery|"
                 r"equipment|hardware|robots?|sensors?|scanners?|devices?|kit)")
_NOT = r"(?:\s+(?:not|never|rarely|seldom|hardly\s+ever|almost\s+never|no\s+longer)|n.t)"
_FAULT = (r"(?:problem|issue|culprit|cause|bottleneck|barrier|obstacle|blocker|reason|constraint|limitation|"
          r"limiting\s+factor|weak\s+link|hurdle|roadblock|challenge|fault|failure)")
_THING_PHRASE = r"(?:(?:the|our|this|that|your|their|its|any)\s+)?(?:[\w-]+\s+){0,2}?" + _DENIED_THING
_DENIED_AS_CAUSE = re.compile(
    # the thing as subject: "the technology is rarely at fault", "AI was never the problem", "the tool isn't to blame"
    r"\b" + _THING_PHRASE + r"\s+(?:itself\s+|themselves\s+)?(?:is|are|was|were|has|have)" + _NOT +
    r"(?:\s+been)?\s+(?:really\s+|actually\s+|usually\s+|ever\s+)?(?:(?:the|a|an)\s+(?:real\s+|main\s+|biggest\s+|root\s+|"
    r"underlying\s+|primary\s+)?" + _FAULT + r"|to\s+blame|at\s+fault|responsible|what.s\s+(?:wrong|holding|failing)|"
    r"why\b|behind\s+(?:it|this|that|the)\b|what\s+(?:[\w-]+\s+){0,3}?(?:held|holds|kept|keeps)\s+(?:[\w-]+\s+){0,3}?back)"
    # the thing as agent of a denied cause: "failed rollouts are almost never caused by the software"
    r"|\b(?:is|are|was|were)" + _NOT + r"\s+(?:\w+\s+)?(?:caused\s+by|due\s+to|down\s+to|the\s+fault\s+of|"
    r"because\s+of)\s+" + _THING_PHRASE + r"\b"
    # a fault-word as subject: "the biggest barrier to AI in retail isn't the technology", "our obstacle is not technical"
    r"|\b(?:the|our|your|their|its|a)\s+(?:[\w-]+\s+){0,2}?" + _FAULT + r"s?\s+(?:(?:to|for|in|with|of|behind)\s+"
    r"(?:[\w-]+\s+){1,4}?)?(?:here\s+)?(?:is|are|was|were|has\s+been)" + _NOT + r"\s+(?:really\s+)?(?:about\s+)?"
    r"(?:" + _THING_PHRASE + r"|technical|technological)\b"
    # what failed, denied as the thing: "what held the pilot back wasn't the AI"
    r"|\bwhat\s+(?:[\w-]+\s+){1,4}?(?:back|wrong|down|short)\s+(?:is|was|were)" + _NOT + r"\s+" + _THING_PHRASE +
    r"\b"
    # a denied category: "it isn't a software problem", "this is not a technology issue"
    r"|\b(?:it|this|that)\s+(?:is|was)" + _NOT + r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?" + _DENIED_THING +
    r"\s+(?:problem|issue|failure|question|gap)\b"
    # the thing cleared by a fixed denial: "nothing to do with the platform", "through no fault of the equipment"
    r"|\b(?:nothing|little)\s+to\s+do\s+with\s+" + _THING_PHRASE + r"\b"
    r"|\bno\s+fault\s+of\s+" + _THING_PHRASE + r"\b"
    r"|\b(?:do\s+not|don.t|never)\s+blame\s+" + _THING_PHRASE + r"\b"
    r"|\b(?:none|nothing)\s+of\s+(?:this|that|it|these)\s+(?:is|was)\s+(?:about|down\s+to|because\s+of)\s+"
    + _THING_PHRASE + r"\b"
    r"|\bsays?\s+more\s+about\s+(?:[\w-]+\s+){1,4}?than\s+(?:about\s+)?" + _THING_PHRASE + r"\b",
    re.IGNORECASE)
# The side the failure is moved to: the adopters, their people, data, processes or culture.
_MOVED_TO = re.compile(
    r"\b(?:people|data|process(?:es)?|culture|cultures|organi[sz]ations?|teams?|users|customers|clients|staff|"
    r"workforces?|habits|mindsets?|leadership|leaders|adoption|readiness|skills?|managers|management|operators|"
    r"employees|colleagues|humans|inputs?|workflows?|behaviou?rs?|training|sites|clinics|stores|warehouses|"
    r"companies|enterprises|businesses|firms|planners|buyers|sponsors?|rotas|spreadsheets|change\s+management)\b",
    re.IGNORECASE)
# A timeline or a version names the mechanism: a postmortem ruling out one component, not a shift.
_DENIAL_MECHANISM = re.compile(SPECIFIC_MECHANISM + r"|\bv?\d+\.\d+(?:\.\d+)?\b", re.IGNORECASE)
# How far from the denial the people, data or process side may be named: about two sentences either way.
_DENIAL_REACH = 220


def product_cleared_by_denial(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'The technology is rarely at fault; your processes are.': the product denied as the cause, the failure moved."""
    if owned_account(text):
        return
    for denial in _DENIED_AS_CAUSE.finditer(text):
        sentence = _sentence_around(text, denial.start(), denial.end())
        if _DENIAL_MECHANISM.search(sentence) or account_given(text, sentence):
            continue
        if _MOVED_TO.search(text, max(0, denial.start() - _DENIAL_REACH), denial.end() + _DENIAL_REACH) is None:
            continue
        yield skip_spaces(text, denial.start(), denial.end()), denial.end()
        return


# The adoption-failure framing (guideline, Version 3): a technology or programme fails, stalls or does not pay off,
# and the cause offered is the adopters' side — their data, people, culture, processes or readiness, described as
# deficient. Three closed lists joined in order: the failure, a causal connective, the deficient adopter side.
_ADOPTION_FAILURE = re.compile(
    r"\b(?:fail(?:s|ed|ing)?|stall(?:s|ed|ing)?|struggl(?:e|es|ed|ing)|(?:fall|falls|fell|falling)\s+short|underperform(?:s|ed|ing)?|"
    r"under-?deliver(?:s|ed|ing)?|fizzle(?:s|d)?\s+out|get(?:s)?\s+stuck|go(?:es)?\s+nowhere|"
    r"never\s+(?:make\s+it|reach|get|scale|leave)\w*|(?:don.t|do\s+not|does\s+not|doesn.t|never|rarely)\s+"
    r"(?:scale|deliver|pay\s+off|see\s+(?:the\s+)?(?:value|results|returns|roi|benefits?|gains))|"
    r"(?:have|has|had|did)(?:\s+not|n.t)\s+(?:yet\s+)?(?:seen|see|delivered|deliver|realised|realized|achieved|shown|"
    r"show|got)\b|"
    r"(?:are|is)\s+(?:failing|struggling)\s+to\s+\w+)\b", re.IGNORECASE)
_ADOPTION_CONNECTIVE = re.compile(
    r"\b(?:because(?:\s+of)?|when|whenever|if|since|due\s+to|owing\s+to|thanks\s+to|where|"
    r"(?:is|are)\s+(?:rooted|grounded)\s+in|stem(?:s|med)?\s+from|comes?\s+down\s+to|(?:is|are)\s+down\s+to|"
    r"lies\s+(?:in|with))\b", re.IGNORECASE)
_ADOPTER_SIDE = (r"(?:data|processes|process|culture|cultures|mindsets?|people|workforces?|staff|employees|teams?|"
                 r"skills?|readiness|leadership|leaders|managers|habits|foundations?|governance|operating\s+models?|"
                 r"change\s+management|organi[sz]ations?|companies|enterprises|businesses|firms|customers|clients|users|"
                 r"sponsorship|adoption|buy-in|commitment|discipline|engagement|participants|farmers|farms|sites|"
                 r"operators|crews|clinicians|nurses|doctors|teachers|schools|councils|hospitals)")
_DEFICIENT_ADOPTERS = re.compile(
    r"\b(?:(?:their|your|its|the|an?|(?:organi[sz]ations|companies|teams|customers|clients|leaders).)\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _ADOPTER_SIDE + r"\s+(?:(?:is|are|was|were|remain|remains)(?:\s+(?:simply|just|still|often|usually|rarely))?(?:\s+not|n.t)\s+"
    r"(?:yet\s+)?(?:fully\s+)?(?:ready|mature|clean|aligned|prepared|equipped|there|bought\s+in|on\s+board|committed|engaged)|"
    # the deficiency said as a predicate: "their data is siloed and messy", "staff are resistant"
    r"(?:is|are|was|were|remain|remains)\s+(?:still\s+|often\s+|too\s+|largely\s+|simply\s+)?(?:poor|messy|dirty|siloed|fragmented|"
    r"immature|unprepared|resistant|outdated|inconsistent|incomplete|patchy|unreliable|disorgani[sz]ed|risk-averse|"
    r"stuck\s+in\s+the\s+past|set\s+in\s+their\s+ways)\b|(?:is|are|was|were)(?:\s+not|n.t)(?=\s*[.;!])|(?:cling|clings|clung|clinging)\s+to|"
    r"(?:resist|resists|resisted|resisting|refuse|refuses|refused)\b|(?:lack|lacks|lacked|lacking)\b|"
    r"(?:(?:is|are|was|were)\s+)?(?:unwilling|unprepared|slow)\s+to|(?:don.t|do\s+not|won.t|will\s+not|didn.t|did\s+not)\s+"
    r"(?:change|adapt|trust|invest|commit|follow|prepare|share|use|engage|comply|buy\s+in))|"
    r"(?:failed|fail|fails|never)\s+to\s+(?:follow|use|wear|adopt|update|engage|comply|change|adapt|buy\s+in)"
    r"|\b(?:poor|messy|dirty|siloed|fragmented|immature|bad|low-quality|unprepared|resistant|outdated|old-fashioned|"
    r"risk-averse|insufficient|incomplete|weak|patchy|inconsistent|half-hearted|lack\s+of)\s+(?:[\w-]+\s+)?" + _ADOPTER_SIDE + r"\b", re.IGNORECASE)
# What fails must be an adoption — a technology, a programme or the organisations taking it up — or the rule
# would read technical documentation ("requests fail when clients lack a token") as blame.
_ADOPTION_SUBJECT = re.compile(
    r"\b(?:ai|genai|gen\s+ai|llms?|agents?|automation|analytics|digital|technology|technologies|tools?|software|"
    r"platforms?|projects?|pilots?|initiatives?|programmes?|programs?|transformations?|deployments?|rollouts?|"
    r"implementations?|adoption|investments?|modernisation|modernization|organi[sz]ations|companies|enterprises|"
    r"businesses|firms|efforts|strategies|change|trials?|savings|value|benefits?|returns|roi|gains)\b", re.IGNORECASE)
# The speaker's own side ('our data was not ready') or a figure is an owned or checkable account, not a shift.
_OWN_OR_COUNTED = re.compile(r"\b(?:our|my|we|us)\b|\d", re.IGNORECASE)
_ADOPTION_REACH = 160


_CONNECTIVE_FIRST = re.compile(r"^\W*(?:when|where|if|whenever)\b", re.IGNORECASE)
# "Without proper governance, most AI initiatives never leave the pilot": the adopters' lack as the precondition.
_WITHOUT_FIRST = re.compile(
    r"^\W*without\s+(?:the\s+right\s+|a\s+(?:strong|clear|solid|real)\s+|(?:proper|good|clean|strong|enough|sufficient|"
    r"real|clear|solid|genuine|executive|senior)\s+)?(?:[\w-]+\s+)?" + _ADOPTER_SIDE + r"(?:\s+(?:and|or)\s+[\w-]+)?\s*,",
    re.IGNORECASE)
# "The biggest barrier to adoption is culture", "poor data quality is the number one reason projects fail".
_TOP_CAUSE = re.compile(
    r"\b(?:the\s+)?(?:single\s+)?(?:biggest|main|number[- ]one|#1|primary|real|greatest|leading|most\s+common|key)\s+"
    r"(?:barriers?|obstacles?|reasons?|causes?|challenges?|hurdles?|blockers?|bottlenecks?|roadblocks?)\b", re.IGNORECASE)
_COPULA = re.compile(r"\b(?:is|are|was|were|remains?)\b", re.IGNORECASE)
_SIDE_AFTER_COPULA = re.compile(r"^\s+(?:still\s+|often\s+|usually\s+|almost\s+always\s+|not\s+\w+\s+but\s+)?"
                                r"(?:(?:the|their|your|its|an?)\s+)?(?:[\w-]+\s+){0,2}?" + _ADOPTER_SIDE + r"\b",
                                re.IGNORECASE)
_SIDE_NEAR = re.compile(r"\b" + _ADOPTER_SIDE + r"\b", re.IGNORECASE)


def _adopters_named_as_top_cause(text: str) -> Offsets | None:
    for top in _TOP_CAUSE.finditer(text):
        copula = _COPULA.search(text, top.end(), top.end() + 60)
        if copula is not None and (_ADOPTION_SUBJECT.search(text, top.end(), copula.start())
                                   or _ADOPTION_FAILURE.search(text, top.end(), copula.start())):
            side = _SIDE_AFTER_COPULA.match(text[copula.end():copula.end() + 60])
            if side is not None:
                return top.start(), copula.end() + side.end()
        before = _COPULA.search(text, max(0, top.start() - 12), top.start())
        if before is not None and _SIDE_NEAR.search(text, max(0, before.start() - 50), before.start()):
            failure = _ADOPTION_FAILURE.search(text, top.end(), top.end() + 60)
            if failure is not None and _ADOPTION_SUBJECT.search(text, top.end(), failure.start() + 1):
                start = _SIDE_NEAR.search(text, max(0, before.start() - 50), before.start()).start()
                return start, failure.end()
    return None



def adoption_failure_on_adopters(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'Most enterprises fail at AI because their data is not ready': the failure put on the adopters' side.

    The connective may also open the sentence: 'When a programme like this stalls, the cause is almost always
    weak sponsorship and staff who never bought in.'
    """
    if account_given(text):
        return
    span = _adoption_failure_span(text)
    # The speaker's own side or a figure inside the failure and its cause ("our pilot stalled because our data was
    # not ready", "failed because 40% of records lack a postcode") is an owned or checkable account. Outside it
    # they are the vendor's voice or a failure rate ("we see companies fail because their data isn't ready",
    # "70% of pilots stall because staff never bought in"), and the shift stands.
    if span is not None and not _OWN_OR_COUNTED.search(text, span[0], span[1]):
        yield span


# The adopters as the subject of their own shortfall (round 8): "most companies are failing to get value from AI
# because they treat it as a side project", "hospitals have been slow to adopt the platform", "most firms simply
# aren't ready for agentic AI". One structure: an adopter group, a shortfall verb, and either a cause that points back
# at the group ("because they", "since their") or a shortfall that is itself the group's deficiency (not ready, slow
# to adopt, has not done the work). A technology, programme or its value must be what falls short, or the rule
# would read "most schools are not ready for the new term" as blame.
_ADOPTER_GROUP = (r"(?:organi[sz]ations|companies|enterprises|firms|businesses|teams|leaders|executives|customers|"
                  r"clients|hospitals|schools|councils|agencies|banks|retailers|insurers|manufacturers|employees|staff|"
                  r"workers|workforces|managers|users|adopters|buyers|clinicians|practices|brands|departments|sites|"
                  r"growers|farmers|stores|operators|developers|engineers)")
_GROUP_FALLS_SHORT = re.compile(
    r"\b(?:(?:most|many|too\s+many|some|few|a\s+lot\s+of|the\s+majority\s+of|nearly\s+all|plenty\s+of|so\s+many)\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _ADOPTER_GROUP + r"(?:\s+(?:still|simply|just|often|usually|typically|largely|continue\s+to|"
    r"keep|too\s+often))?\s+(?:"
    r"(?P<needs_cause>(?:(?:are|were|have\s+been|keep)\s+)?(?:failing|struggling|fail|failed|struggle|struggled|unable)\s+"
    r"to\s+(?:get|see|capture|realis|realiz|unlock|extract|scale|deliver|make|turn|move|achieve|generate|adopt|use)\w*"
    r"|(?:aren.t|are\s+not|haven.t|have\s+not|don.t|do\s+not|didn.t|did\s+not|never|rarely|weren.t|were\s+not)\s+"
    r"(?:yet\s+)?(?:seeing|seen|see|getting|got|get|capturing|captured|capture|realis\w+|realiz\w+|unlocking|unlock|"
    r"achieving|achieved|achieve|extracting|extract)\b)"
    r"|(?P<deficient>(?:are|is|were|was)(?:\s+(?:simply|just|still|often|usually))?(?:\s+not|n.t)\s+(?:yet\s+)?"
    r"(?:ready|prepared|mature\s+enough|equipped)\b"
    r"|(?:have|has)\s+been\s+(?:too\s+)?(?:slow|reluctant|unwilling)\s+to\s+(?:adopt|embrace|use|change|adapt|modernis|moderniz)\w*"
    r"|(?:are|were)\s+(?:too\s+)?(?:slow|reluctant|unwilling)\s+to\s+(?:adopt|embrace|use|change|adapt)\w*"
    r"|(?:haven.t|have\s+not|never)\s+(?:yet\s+)?(?:done\s+the\s+(?:hard\s+|necessary\s+)?work|changed\s+how|redesigned|"
    r"rethought|adapted|modernis\w+|moderniz\w+|cleaned\s+up|invested\s+in)))", re.IGNORECASE)
# The cause pointing back at the group that fell short.
_CAUSE_ON_THEMSELVES = re.compile(r"\b(?:because|since|as|when|where|until)\s+(?:of\s+)?(?:\w+\s+)?(?:they|their|them)\b",
                                  re.IGNORECASE)
_OTHER_CAUSE = re.compile(r"\b(?:because|since|due\s+to|owing\s+to|as\s+a\s+result\s+of|caused\s+by|given)\b",
                          re.IGNORECASE)
_FALLS_SHORT_TECH = re.compile(
    r"\b(?:ai|genai|gen\s+ai|llms?|agents?|agentic|automation|analytics|digital|technology|technologies|tools?|"
    r"software|platforms?|systems?|cloud|models?|apps?|value|returns|roi|gains|savings|benefits?|productivity|"
    r"transformation|modernis\w+|moderniz\w+|pilots?|projects?|rollouts?|deployments?|implementations?|robots?|"
    r"machines?|equipment|investments?)\b", re.IGNORECASE)
_FALLS_SHORT_CONDITION = re.compile(r"\b(?:if|unless|whether|could|may|might|would)\b", re.IGNORECASE)


def _group_falls_short_span(text: str) -> Offsets | None:
    for found in _GROUP_FALLS_SHORT.finditer(text):
        end = found.end()
        cause = _CAUSE_ON_THEMSELVES.search(text, end, end + 140)
        if cause is not None:
            end = cause.end()
        # a shortfall explained by something else ("slow to adopt cloud because procurement rules take 18 months")
        # is not put on the adopters; one that needs a cause needs it to point back at them
        elif found.group("needs_cause") is not None or _OTHER_CAUSE.search(text, end, end + 60):
            continue
        if (_FALLS_SHORT_TECH.search(text, found.start(), min(len(text), end + 60)) is None
                or _FALLS_SHORT_CONDITION.search(text, max(0, found.start() - 40), end)):
            continue
        return skip_spaces(text, found.start(), end), end
    return None


def _adoption_failure_span(text: str) -> Offsets | None:
    """Where the adoption failure and the adopters' deficiency it is put on are said, if they are."""
    falls_short = _group_falls_short_span(text)
    if falls_short is not None:
        return falls_short
    without = _WITHOUT_FIRST.match(text)
    if without is not None:
        failure = _ADOPTION_FAILURE.search(text, without.end(), without.end() + 120)
        if failure is not None and _ADOPTION_SUBJECT.search(text, without.end(), failure.end() + 40):
            return skip_spaces(text, 0, failure.end()), failure.end()
    top_cause = _adopters_named_as_top_cause(text)
    if top_cause is not None:
        return top_cause
    opening = _CONNECTIVE_FIRST.match(text)
    if opening:
        failure = _ADOPTION_FAILURE.search(text, opening.end(), opening.end() + 80)
        if failure is not None and (_ADOPTION_SUBJECT.search(text, opening.end(), failure.start() + 1)
                                    or _ADOPTION_SUBJECT.search(text, failure.end(), failure.end() + 40)):
            cause = _DEFICIENT_ADOPTERS.search(text, failure.end(), failure.end() + _ADOPTION_REACH)
            if cause is not None:
                return skip_spaces(text, 0, cause.end()), cause.end()
    for failure in _ADOPTION_FAILURE.finditer(text):
        connective = _ADOPTION_CONNECTIVE.search(text, failure.end(), failure.end() + _ADOPTION_REACH)
        if connective is None:
            continue
        if not _ADOPTION_SUBJECT.search(text, max(0, failure.start() - 80), connective.start()):
            continue
        cause = _DEFICIENT_ADOPTERS.search(text, connective.end(), connective.end() + _ADOPTION_REACH)
        if cause is None:
            continue
        return skip_spaces(text, failure.start(), cause.end()), cause.end()
    return None


# -- a hard decision cast as forced on the decider ------------------------------------------------

# Coombs's *excuse* by denial of volition: the cut, closure or price rise is real, but the sentence says the
# decider had no say in it ("had no choice but to", "have been forced to", "leaves us no alternative",
# "made it necessary to"). Whoever decided disappears behind the circumstances. A closed list of compulsion
# phrases joined to a closed list of hard decisions; the force itself need not be named.
_COMPELLED = re.compile(
    r"\b(?:(?:had|have|has|having|with|leaves?|left|leaving)\s+(?:us\s+|them\s+|me\s+|the\s+[\w-]+\s+)?"
    r"(?:with\s+)?(?:little|no)\s+(?:other\s+|real\s+|option\s+or\s+)?(?:choice|option|alternative)s?"
    r"(?:\s+but\s+to|\s+other\s+than\s+to)?"
    r"|(?:has|have|had|was|were|been|is|are|being)\s+(?:\w+ly\s+)?(?:forced|compelled|obliged)\s+to"
    r"|(?:forced|forces|force|compelled|compels|obliged)\s+(?:us|me|the\s+(?:company|council|trust|board|group|"
    r"business|firm|charity|school|club|university|hospital|bank|airline|team))\s+to"
    r"|(?:made|makes|make|making)\s+it\s+(?:necessary|unavoidable|impossible|essential|untenable)\s+"
    r"(?:for\s+(?:us|the\s+[\w-]+)\s+)?(?:to|not\s+to)"
    r"|(?:is|was|remains|became)\s+(?:now\s+)?(?:the|our)\s+only\s+(?:option|choice|way\s+forward|viable\s+(?:option|path|route))"
    r"|there\s+(?:is|was|remains)\s+(?:simply\s+)?no\s+(?:other\s+|realistic\s+|viable\s+)?(?:alternative|choice|option))\b",
    re.IGNORECASE)
# What the decider was "forced" into: a cut, a closure, a price rise, a withdrawal of service.
_HARD_DECISION = re.compile(
    r"\b(?:clos\w*|shut\w*|cut\w*|reduc\w*|lay(?:ing)?\s+off|let\s+(?:\w+\s+)?go|redundan\w*|job\s+losses|roles|"
    r"headcount|workforce|staff|restructur\w*|consolidat\w*|paus\w*|suspend\w*|withdr[ae]w\w*|end(?:ing)?|stop\w*|"
    r"cancel\w*|scal\w+\s+back|restrict\w*|limit\w*|ration\w*|rais\w*|increas\w*|prices?|pricing|fees?|charges?|"
    r"surcharges?|council\s+tax|rents?|delay\w*|postpon\w*|sell\w*|sold|exit\w*|retir\w*|"
    r"introduc\w+\s+(?:a\s+)?(?:charge|fee)s?|freez\w*|frozen|defer\w*|abandon\w*|scrap\w*|drop\w*|lose|losing|leav(?:e|es|ing)\s+(?:the|its|our|their)|"
    r"move\s+out|relocat\w*|discontinu\w*|wind(?:ing)?\s+down|wound\s+down|phas\w+\s+out|sunset\w*|outsourc\w*|"
    r"offshor\w*|merg(?:e|ed|ing)\s+(?:the|our|its)|less\s+often|fewer)\b",
    re.IGNORECASE)
# A possibility or a risk factor ("could force us to"), a refusal of the excuse ("nobody forced us"), a decision
# the speaker owns, or a cause given with figures is not the excuse.
_COMPULSION_VETO = re.compile(
    r"\b(?:could|might|may|would|if|unless|should|not\s+(?:been\s+)?forced|never\s+forced|no\s*(?:one|body)\s+forced|"
    r"we\s+(?:decided|chose|underestimated|misjudged|overspent|got\s+(?:this|it)\s+wrong|were\s+wrong)|"
    r"our\s+(?:own\s+)?(?:decision|mistake|fault|choice)|(?:i|we)\s+(?:take|accept)\s+(?:full\s+)?responsibility)\b"
    r"|\d[\d,.]*\s*(?:%|percent|per\s?cent|million|billion|bn|m\b)|[$€£]\s?\d", re.IGNORECASE)
_DECISION_REACH = 90
# Every shape of _COMPELLED holds one of these words; a sentence with none skips both long scans.
_COMPELLED_HEAD = re.compile(r"\b(?:choices?|options?|alternatives?|forc\w*|compel\w*|oblig\w*|necessary|unavoidable|"
                             r"impossible|essential|untenable|only)\b", re.IGNORECASE)


def forced_hand(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'We have been forced to close the branch', 'leaves us no choice but to raise fees': volition denied."""
    if _COMPELLED_HEAD.search(text) is None or _COMPULSION_VETO.search(text) or account_given(text):
        return
    for found in _COMPELLED.finditer(text):
        decision = (_HARD_DECISION.search(text, found.end(), found.end() + _DECISION_REACH)
                    or _HARD_DECISION.search(text, max(0, found.start() - _DECISION_REACH), found.start()))
        if decision is None:
            continue
        start, end = min(found.start(), decision.start()), max(found.end(), decision.end())
        yield skip_spaces(text, start, end), end
        return


# -- the cause handed to another party ------------------------------------------------------------

# Benoit's *shifting the blame* and Coombs's *scapegoat*: the bad outcome is put on a contractor, a supplier, a
# partner, one member of staff or criminals, and the organisation that chose, trained or protected against
# them leaves the sentence. Three closed lists: a bad event, a link that makes someone its cause, and the
# other party. Engineers and operators are left out: an owned postmortem names them with the mechanism.
_OTHER_PARTY = (
    r"(?:(?:a|an|one\s+of\s+(?:our|its|the|their)|our|its|the|their|a\s+single|one|some|certain)\s+(?:(?!(?:in|of|at|by|for|with|on|to|from|a|an|the|our|its|their)\b)[\w-]+\s+){0,3}?)?"
    r"(?:contractors?|subcontractors?|sub-contractors?|suppliers?|vendors?|partners?|providers?|dealers?|installers?|"
    r"agenc(?:y|ies)|manufacturers?|third[- ]part(?:y|ies)|franchisees?|retailers?|resellers?|outsourcers?|"
    r"consultants?|landlords?|member\s+of\s+(?:staff|the\s+[\w-]+\s+team|(?:our|its|the|their)\s+[\w-]*\s*team)|"
    r"staff\s+member|employee|colleague|individual|intern|trainee|junior\s+[\w-]+|temp|"
    r"criminals?|hackers?|attackers?|fraudsters?|scammers?|(?:bad|malicious|criminal|threat|hostile)\s+actors?)\b")
_BAD_EVENT = (r"(?:errors?|mistakes?|failures?|faults?|oversights?|lapses?|slips?|blunders?|problems?|issues?|outages?|"
              r"breach(?:es)?|incidents?|attacks?|cyber-?attacks?|bugs?|defects?|delays?|damage|disruption|leaks?|"
              r"misconfigurations?|mix-?ups?|shortfalls?|contamination|failings?|negligence|wrongdoing|misconduct)")
# What a party owes: to deliver, to supply, to respond. "The attacker did not change any data" and "vendors who did not
# receive awards" are not failures handed to anyone.
_OBLIGATION = (r"deliver|ship|supply|provide|meet|complete|finish|fulfil|fulfill|perform|follow|comply|notify|inform|"
               r"tell|warn|respond|reply|turn\s+up|show\s+up|pay|honou?r|maintain|fix|repair|patch|update|test|check|"
               r"secure|protect|grit|collect|clean|inspect|report|flag|escalate|act|do\s+(?:its|their|the)\s+job|work|cope|scale|"
               r"keep\s+up|hold\s+up|go\s+(?:to\s+plan|as\s+planned|well|smoothly)")
_HANDED_TO = re.compile(
    # "an error (made) by", "a failure of our supplier"; "oversight of the contractor" is supervision, not a slip
    rf"\b(?:(?!oversights?\s+of\b){_BAD_EVENT}\s+(?:(?:was|were|\w+ly)\s+)?(?:made\s+|committed\s+)?(?:by|of|on\s+the\s+part\s+of)\s+"
    rf"|{_BAD_EVENT}(?:\W+\w+){{0,4}}?\W+(?:caused|triggered|introduced|carried\s+out|committed|perpetrated|"
    rf"orchestrated)\s+by\s+"
    r"|(?:was|were|is|are|has\s+been|have\s+been)\s+(?:entirely\s+|largely\s+|partly\s+|mainly\s+|wholly\s+)?"
    r"(?:down\s+to|the\s+fault\s+of|caused\s+by|the\s+result\s+of\s+(?:\w+\s+){0,2}?(?:by|at|from)|attributable\s+to)\s+"
    r"|(?:blam\w+|pointed\s+(?:the\s+finger\s+)?at)\s+(?:(?:it|this|that|the\s+[\w-]+)\s+on\s+)?"
    r"|(?:traced|attributed)\s+(?:\w+\s+){0,3}?(?:back\s+)?(?:to|down\s+to)\s+|put\s+(?:\w+\s+){0,3}?down\s+to\s+)"
    + _OTHER_PARTY
    # the party failing an obligation: "our supplier failed to deliver", "the vendor didn't ship the code on time"
    + rf"|{_OTHER_PARTY}\s+(?:who\s+)?(?:had\s+)?(?:failed\s+to|(?:did\s+not|didn.t)\s+(?:{_OBLIGATION})\b|neglected\s+to|let\s+(?:us|our\s+\w+|"
    r"the\s+\w+)\s+down|(?:was|were|is|are)\s+(?:to\s+blame|at\s+fault|responsible\s+for\s+(?:the|this)\s+"
    rf"{_BAD_EVENT}))",
    re.IGNORECASE)
# Every shape of _HANDED_TO names the other party and a bad event or a causal link, so a sentence without
# a head word of each cannot match: two short scans spare most sentences the long alternation (3 ms of a 3 KB
# document without them).
_PARTY_HEAD = re.compile(
    r"\b(?:(?:sub-?)?contractor|supplier|vendor|partner|provider|dealer|installer|agenc|manufacturer|third[- ]part|franchisee|"
    r"retailer|reseller|outsourcer|consultant|landlord|member|staff|employee|colleague|individual|intern|trainee|"
    r"junior|temp|criminal|hacker|attacker|fraudster|scammer|actor)", re.IGNORECASE)
_LINK_HEAD = re.compile(
    r"\b(?:error|mistake|failure|fault|oversight|lapse|slip|blunder|problem|issue|outage|breach|incident|attack|"
    r"cyber|bug|defect|delay|damage|disruption|leak|misconfiguration|mix|shortfall|contamination|failing|negligence|"
    r"wrongdoing|misconduct|down\s+to|caused|result|attributable|blam|pointed|traced|attributed|put|failed|did\s+not|"
    r"didn.t|neglected|let|responsible)", re.IGNORECASE)
# Choosing or supervising the party is the share of it the speaker owns ("we hired the contractor without checking
# its plan"); the other accounts that are not blame are the family's (blame_vetoes).
_SHARE_OF_THE_PARTY = re.compile(
    r"\b(?:we|i)\s+(?:missed|failed|chose|hired|appointed|approved|allowed|did\s+not|didn.t)\b", re.IGNORECASE)


def cause_handed_to_other_party(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'The delays were down to our contractor', 'an error by a member of staff': the blame moved to someone else."""
    if _PARTY_HEAD.search(text) is None or _LINK_HEAD.search(text) is None:
        return
    if _SHARE_OF_THE_PARTY.search(text) or account_given(text) or specific_mechanism(text) or text.rstrip().endswith("?"):
        return
    found = _HANDED_TO.search(text)
    if found is not None:
        yield skip_spaces(text, found.start(), found.end()), found.end()


# -- the bad outcome put down to a group's conduct ------------------------------------------------

# Benoit's *shifting the blame* and Coombs's *scapegoat*, in the form B030's closed links miss: a bad outcome, a
# causal connective ("due to", "because", "driven largely by", "the result of", "down to", "hindered by") and then
# a group of people doing something ("users submitting incomplete forms", "teachers closing the browser", "some
# staff have been resistant", "residents not keeping their details up to date"), or a fault located at a
# supplier ("a fault with a third-party telephony provider"). The organisation that designed the form, the
# system or the contract leaves the sentence. A cause that is the group's *demand* ("lower customer demand") is
# not conduct and is left to the external-force rules.
_CAUSE_LINK = (r"(?:due\s+to|owing\s+to|caused\s+(?:\w+ly\s+)?by|because(?:\s+of)?|(?:the|a)\s+(?:direct\s+)?result\s+of|"
               r"as\s+a\s+result\s+of|(?:the|a)\s+consequence\s+of|driven\s+(?:\w+ly\s+)?by|down\s+to|"
               r"(?:hindered|hampered|held\s+back|undermined|slowed(?:\s+down)?)\s+by|comes?\s+from|came\s+from|"
               r"stem(?:s|med|ming)?\s+from|thanks\s+to|blamed\s+on|attributed\s+to)")
_GROUP = (r"(?:users|customers|residents|players|staff|teachers|employees|colleagues|households|drivers|patients|"
          r"parents|pupils|students|members|clients|tenants|consumers|applicants|people|individuals|recipients|"
          r"partners|suppliers|contractors|vendors|providers|retailers|dealers|workers|workforce|"
          r"supplier|contractor|vendor|provider|publisher|partner|manufacturer|landlord|tenant|"
          r"(?:this|that|one)\s+(?:driver|employee|individual|user|customer|player|member\s+of\s+staff))")
_GROUP_QUALIFIER = (r"(?:(?:the|our|its|their|some|many|certain|most|other|too\s+many|a\s+few|a\s+(?:small\s+)?"
                    r"(?:number|minority|handful)\s+of|(?:a|one)\s+of\s+(?:our|its|the)|a|an)\s+)?"
                    r"(?:(?!(?:in|of|at|by|for|with|on|to|from|and|or|the|a|an)\b)[\w-]+\s+){0,2}?")
# What the group did: a verb in -ing, a negation, a relative clause or an auxiliary that starts a clause about them.
_CONDUCT = (r"(?:(?:still|not|never|simply|often|repeatedly|consistently|continuing\s+to|failing\s+to)\s+)?"
            r"(?:\w+ing\b|not\b|n.t\b|who\b|(?:keep|keeps|kept|continue\s+to|tend\s+to|insist\s+on)\s+\w+|(?:are|were|is|was|have|has|had|did|do|does|don.t|didn.t)\s+"
            r"(?:still\s+|not\s+|never\s+|been\s+|simply\s+|often\s+)*\w+)")
_GROUP_CONDUCT = re.compile(rf"\b{_CAUSE_LINK}\s+{_GROUP_QUALIFIER}{_GROUP}\s+{_CONDUCT}", re.IGNORECASE)
_FAULT_AT_PARTY = re.compile(
    rf"\b{_CAUSE_LINK}\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:fault|failure|error|issue|problem|outage|bug|defect|"
    r"incident|delays?|shortfall)\s+(?:at|in|with|from|within|on\s+the\s+side\s+of)\s+(?:(?:an?|the|our|one\s+of\s+our|its|a\s+key)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:third[- ]part(?:y|ies)|suppliers?|providers?|partners?|vendors?|contractors?|"
    r"subcontractors?|manufacturers?|publishers?)\b", re.IGNORECASE)
# Both shapes start with a cause link, so a sentence with none of its words is skipped before the veto's
# long scan (1.3 ms of a 3 KB document without this).
_CAUSE_LINK_HEAD = re.compile(r"\b(?:due|owing|caused|because|result|consequence|driven|down|hindered|hampered|held|"
                              r"undermined|slowed|comes?|came|stem\w*|thanks|blamed|attributed)\b", re.IGNORECASE)
# The bad outcome the cause explains, before the link in the same sentence.
_SETBACK = re.compile(
    r"\b(?:delay\w*|backlogs?|fail\w*|outages?|disruption|disrupted|declin\w*|drops?|dropped|dips?|fell|fall(?:ing)?|"
    r"lower|slow\w*|low|disappointing|issues?|problems?|lagg\w*|missed|shortfalls?|complaints?|unavailable|errors?|"
    r"wrong|pressure|strain|degrad\w*|loss(?:es)?|lost|late|incorrect|incomplete|overheat\w*|turned\s+away|"
    r"postpon\w*|cancel\w*|suspend\w*|queues?|downtime|interruptions?|faults?|breach\w*|leak\w*|incidents?|"
    r"uncompetitive|weak\w*|hit|harder|poor\w*|unable|couldn.t|could\s+not|stalled|behind|struggl\w*|"
    r"impacted|affected|suffered|worse|rejected|overrun|overspen\w*|shortages?|unacceptable)\b", re.IGNORECASE)
# Designing or building what the group's conduct broke is the speaker's share; a condition ("when users ...
# because") is a description, not a report. The other accounts that are not blame are the family's.
_GROUP_VETO = re.compile(
    r"\b(?:we|i)\s+(?:missed|designed|built|chose|did\s+not|didn.t|failed)\b|\bour\s+(?:own\s+)?design\b|"
    r"\b(?:if|unless|whether|when|whenever)\b(?:\W+\w+){0,6}?\W+(?:due\s+to|because|caused\s+by)\b", re.IGNORECASE)


_HARM_LINK = re.compile(r"(?:hindered|hampered|held\s+back|undermined|slowed(?:\s+down)?)\s+by\b", re.IGNORECASE)


def setback_put_on_group(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'The backlog has been driven largely by users submitting incomplete information': conduct as the cause."""
    if (_CAUSE_LINK_HEAD.search(text) is None or _GROUP_VETO.search(text) or account_given(text)
            or specific_mechanism(text)):
        return
    for pattern in (_GROUP_CONDUCT, _FAULT_AT_PARTY):
        found = pattern.search(text)
        # "The rollout has been held back by staff who are resistant": a harm link is its own setback.
        if found is not None and (_SETBACK.search(text, 0, found.start()) or _HARM_LINK.match(found.group(0))
                                  or _failing_conduct_after_anaphor(text, found)):
            yield skip_spaces(text, found.start(), found.end()), found.end()
            return


# "This came down to one driver not doing what every other driver does", "most of these were caused by customers
# failing to update the app": a pronoun carries the bad news from the sentence before (round 8). The pronoun could as
# well carry good news ("this is because customers are choosing the premium plan"), so the conduct must itself be a
# failing: a negation, "failing to", "ignoring", "misusing".
_ANAPHOR_BEFORE_LINK = re.compile(
    r"\b(?:it|this|that|these|those|they|which|most\s+of\s+(?:these|them|those|it)|many\s+of\s+(?:these|them|those))\s+"
    r"(?:(?:is|was|are|were|have\s+been|has\s+been|all|mostly|largely|mainly|usually|often|almost\s+always|came|comes|"
    r"come|boiled|boils)\s+){0,3}$", re.IGNORECASE)
_FAILING_CONDUCT = re.compile(r"\b(?:not|never|n.t|failing|failed|ignoring|ignored|misusing|misused|refusing|refused|"
                              r"neglecting|forgetting|skipping|bypassing|disregarding)\b", re.IGNORECASE)


def _failing_conduct_after_anaphor(text: str, found: re.Match) -> bool:
    return (_ANAPHOR_BEFORE_LINK.search(text, max(0, found.start() - 60), found.start()) is not None
            and _FAILING_CONDUCT.search(found.group(0)) is not None)


# -- a placeholder fault as the whole account -----------------------------------------------------

# The guideline's euphemised incident (Version 4): the service went down "due to a technical issue", bookings
# failed "following an anomaly", "a system error meant some patients were not called". The cause is a noun that
# names only the *kind* of thing that went wrong, and nothing after it says which system, which change or who
# acted, so the structure hides what broke. The fault noun may carry a few plain modifiers ("an unexpected
# technical issue", "a sync problem"); what makes it a placeholder is that its noun phrase ends there: a
# complement that specifies it ("an error in the payroll export we shipped on Monday") is an account.
_PLACEHOLDER_FAULT = (r"(?:issues?|problems?|errors?|faults?|glitch(?:es)?|anomal(?:y|ies)|malfunctions?|"
                      r"incidents?|failures?|difficult(?:y|ies)|circumstances|disruptions?|outages?|interruptions?|"
                      r"reasons|hiccups?|irregularit(?:y|ies))")
# Only category words may qualify it: "a cooling failure" or "a power cut" already says which part broke.
_FAULT_MODIFIERS = (r"(?:(?:technical|unexpected|unforeseen|unanticipated|unplanned|unspecified|system|systems|it|software|"
                    r"network|operational|internal|external|minor|temporary|brief|short|isolated|sync|syncing|"
                    r"synchroni[sz]ation|data|connectivity|service|platform|server|hardware|infrastructure|"
                    r"processing|configuration|backend|back-end|intermittent|potential|unusual|rare|small|"
                    r"unrelated|localised|localized|wider|broader|general|serious|significant|major|"
                    r"further|ongoing|recent|underlying|complex|unavoidable|technological)[\s-]+){0,3}")
# "The incident affected ...", "due to the circumstances": a definite article points back to a fault the text has
# already named, so only an indefinite or bare noun phrase is a placeholder.
_FAULT_NP = rf"(?:an?|some|certain|various|unforeseen|unexpected|unavoidable|technical|operational)\s+{_FAULT_MODIFIERS}{_PLACEHOLDER_FAULT}"
# "..., which has now been resolved": the fix, said with no account of what was fixed.
_RESOLVED = (r"(?:which|that)\s+(?:has|have|had|is|was)\s+(?:now\s+|since\s+|quickly\s+)?(?:been\s+)?"
             r"(?:resolved|fixed|rectified|addressed|corrected|contained)")
# Where the noun phrase must stop: a clause break, a time ("earlier today", "on Sunday"), a participle that only
# says what it touched ("affecting our website"), or a bare "which has now been resolved".
_NP_END = (r"(?=\s*(?:[.;:!?)—–]|,|$)|\s+(?:and|but|so|affecting|impacting|involving|" + _RESOLVED + "|"
           r"(?:earlier\s+)?(?:today|yesterday|overnight|this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week))|"
           r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b)")
_RESOLVED_AFTER = re.compile(r"\s*,?\s*" + _RESOLVED, re.IGNORECASE)
_FAULT_AS_CAUSE = re.compile(
    r"\b(?:due\s+to|owing\s+to|because\s+of|as\s+a\s+(?:direct\s+)?result\s+of|caused\s+by|following|after|"
    r"on\s+account\s+of|for|the\s+result\s+of|down\s+to|(?:impacted|affected|hit|disrupted|interrupted|delayed|"
    rf"hampered)\s+by)\s+{_FAULT_NP}{_NP_END}"
    rf"|\b{_FAULT_NP}\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?:affected|affecting|impacted|impacting|disrupted|"
    r"interrupted|caused|causing|meant|means|prevented|preventing|led\s+to|resulted\s+in|delayed|stopped|took\s+down|"
    r"brought\s+down)\b(?!\s+by\b)"
    rf"|\b(?:experienced|suffered|encountered|had|hit)\s+{_FAULT_NP}{_NP_END}", re.IGNORECASE)
# What the placeholder explains: a service down, a delay, people unable to do something.
_FAULT_HARM = re.compile(
    r"\b(?:unavailab\w*|unable|could\s+not|couldn.t|offline|down|outages?|interrupt\w*|disrupt\w*|delay\w*|"
    r"postpon\w*|cancell?\w*|suspend\w*|clos(?:ed|ure)|paus\w*|fail\w*|missed|lost|incorrect\w*|inaccura\w*|"
    r"wrong\w*|not\s+(?:been\s+)?(?:sent|received|available|delivered|processed|paid|shown|displayed|updated)|"
    r"affected|impacted|late|slow\w*|errors?|withdr[ae]wn|recall\w*|inconvenience|degraded)\b", re.IGNORECASE)
# Every shape of _FAULT_AS_CAUSE ends on, or starts from, a fault noun: one cheap search spares most sentences.
# Matched on lower-cased text without IGNORECASE, like _DEFICIENCY_HEAD.
_FAULT_HEAD = re.compile(r"\b(?:issue|problem|error|fault|glitch|anomal|malfunction|incident|failure|difficult|"
                         r"circumstance|disruption|outage|interruption|reasons|hiccup|irregularit)")
# A possibility or an instruction ("if a technical issue prevents you from logging in", documentation's "due to
# a known issue"), a reason for something that is not a failure ("for personal reasons"), or an account with a
# time, a CVE or the speaker's own change is not the placeholder.
_FAULT_VETO = re.compile(
    r"\b(?:if|unless|should|may|might|could\s+(?:be|have|cause)|in\s+case|whether|when(?:ever)?\s+(?:an?|the)\s|"
    r"known\s+issues?|(?:personal|family|health|security|privacy|legal|historical|practical|these|those|other|"
    r"many|several|two|three)\s+reasons|cve-\d|we\s+(?:deployed|shipped|pushed|introduced|made|changed|applied|"
    r"misconfigured|failed)|our\s+(?:own\s+)?(?:change|update|deploy\w*|mistake|error|fault))\b|\d{1,2}:\d\d",
    re.IGNORECASE)

_SELF_HARMING_VERB = re.compile(r"\b(?:affected|affecting|impacted|impacting|disrupted|interrupted|prevented|preventing|"
                                r"delayed|stopped|took\s+down|brought\s+down)$", re.IGNORECASE)


def placeholder_fault_as_cause(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'Services were unavailable due to a technical issue', 'an anomaly interrupted service': nothing said broke."""
    folded = lowered(text)
    head = any_case(_FAULT_HEAD.pattern).search(text) if folded is None else _FAULT_HEAD.search(folded)
    if head is None or _FAULT_VETO.search(text) or account_given(text):
        return
    for found in _FAULT_AS_CAUSE.finditer(text):
        # "A data processing error affected some figures": an occurrence verb that is itself the harm.
        if _SELF_HARMING_VERB.search(found.group(0)):
            yield skip_spaces(text, found.start(), found.end()), found.end()
            return
        outside = text[:found.start()] + " " + text[found.end():]
        # "This was due to a technical issue, which has now been resolved": the fix admits the failure.
        if _FAULT_HARM.search(outside) or _RESOLVED_AFTER.match(text, found.end()):
            yield skip_spaces(text, found.start(), found.end()), found.end()
            return


# -- a deficiency of the adopters' side as the grammatical agent of the harm ------------------------

# The adoption-failure framing (guideline, Version 3) said with the deficiency as the subject of the verb:
# "legacy systems slow teams down", "siloed data keeps agencies from seeing the whole case", "technical debt
# stalls every release", "manual processes lead to errors", or in the passive, "teams are held back by outdated
# tools". The thing that fails is nobody's choice in the sentence: who kept the old system, who split the data,
# who decided not to fix it leaves, and the product or programme on offer is the implied cure. Two wide but
# closed classes joined by position: a deficient condition (a pejorative adjective on a system, process, data or
# culture noun, or a noun that names a deficiency itself) and a harm verb right after it.
# "Old" alone is too plain ("new data blocks push away old data blocks"); old habits and ways are nouns below.
_DEFICIENT_ADJECTIVE = (r"legacy|outdated|out-of-date|antiquated|siloed|fragmented|ageing|aging|brittle|archaic|obsolete|"
                        r"manual|disconnected|disjointed|inflexible|rigid|monolithic|poor|messy|inconsistent|"
                        r"incomplete|low-quality|poor-quality|dirty|clunky|cumbersome|bureaucratic|risk-averse|"
                        r"paper-based|spreadsheet-based|hand-built|homegrown|home-grown|patchwork|piecemeal|"
                        r"decades-old|unstructured|scattered|duplicated|ad-hoc|ad\s+hoc|patchy|old-fashioned|creaking|"
                        r"crumbling|underinvested|under-invested")
_DEFICIENT_THING = (r"systems?|processes|process|workflows?|infrastructure|tools?|tooling|technolog(?:y|ies)|"
                    r"tech(?:\s+stacks?)?|stacks?|platforms?|data(?:\s+(?:sets?|estates?|sources|stores))?|"
                    r"architectures?|approaches|methods|practices|mindsets?|cultures?|habits|spreadsheets|"
                    r"paperwork|forms|models?|applications|apps|code(?:bases?)?|environments?|integrations|"
                    r"pipelines|databases|software|it|estates?|ways\s+of\s+working|operating\s+models?|hardware|equipment|"
                    r"signalling|signaling|documentation|records|networks?|fleets?|buildings|machinery")
_DEFICIENCY_NOUN = (r"technical\s+debt|tech\s+debt|(?:data\s+|organi[sz]ational\s+)?silos|bureaucracy|red\s+tape|"
                    r"resistance\s+to\s+change|skills?\s+gaps?|tool\s+sprawl|old\s+(?:habits|ways(?:\s+of\s+working)?|mindsets?)|"
                    # A lack or a shortage on the adopters' side: "a lack of skilled talent slows adoption", "delays
                    # caused by a shortage of experienced engineers", "data quality issues derail projects".
                    r"(?:a\s+)?lack\s+of\s+(?:[\w-]+\s+){0,2}?(?:skills|talent|expertise|buy-in|governance|data|alignment|"
                    r"ownership|training|leadership|understanding|awareness|engagement|sponsorship|readiness|maturity|"
                    r"discipline|standards)|(?:talent|skills?|labou?r|staffing)\s+shortages?|"
                    r"shortages?\s+of\s+(?:[\w-]+\s+){0,2}?(?:talent|skills|staff|engineers|technicians|workers|people|"
                    r"expertise|specialists)|(?:poor\s+)?data[- ]quality\s+(?:issues|problems|gaps)|poor\s+data[- ]quality|"
                    r"manual\s+work|legacy(?=\s+(?:still\s+|often\s+|also\s+)?(?:slows?|holds?|stalls?|blocks?|keeps?))")
_DEFICIENCY = (rf"(?:(?:{_DEFICIENT_ADJECTIVE})[\s,]+(?:(?:and|or)\s+)?(?:(?:{_DEFICIENT_ADJECTIVE}|[\w-]+)[\s,]+)?"
               rf"(?:{_DEFICIENT_THING})|{_DEFICIENCY_NOUN})")
_HARM_VERB = (r"(?:(?:still|often|usually|also|quietly|simply|continue\s+to|continues\s+to|tend\s+to|tends\s+to|"
              r"can|will|have|has|had)\s+)*"
              r"(?:slow(?:s|ed|ing)?(?:\s+(?:\w+\s+){0,3}?down)?|stall(?:s|ed)?|block(?:s|ed)?|prevent(?:s|ed)?|"
              r"hinder(?:s|ed)?|hamper(?:s|ed)?|hold(?:s)?\s+(?:\w+\s+){0,3}?back|held\s+(?:\w+\s+){0,3}?back|"
              r"undermine(?:s|d)?|limit(?:s|ed)?|cripple(?:s|d)?|drain(?:s|ed)?|kill(?:s|ed)?|stifle(?:s|d)?|"
              r"choke(?:s|d)?|bog(?:s|ged)?\s+(?:\w+\s+){0,3}?down|frustrate(?:s|d)?|derail(?:s|ed)?|sink(?:s)?|sank|"
              r"doom(?:s|ed)?|jeopardi[sz]e(?:s|d)?|delay(?:s|ed)?|"
              r"keep(?:s)?\s+(?:\w+\s+){0,3}?from|kept\s+(?:\w+\s+){0,3}?from|"
              r"(?:cannot|can.t|could\s*not|couldn.t|fail(?:s|ed)?\s+to|struggle(?:s|d)?\s+to)\s+(?:keep\s+up|scale|cope|"
              r"support|handle|deliver|meet)|"
              r"(?:lead|leads|led|contribute|contributes|contributed)\s+to\s+(?:\w+\s+){0,2}?(?:errors|delays|failures|"
              r"outages|downtime|frustration|waste|inefficienc\w+|bottlenecks|mistakes|rework|backlogs|(?:bad|poor|wrong)\s+"
              r"(?:decisions|answers|outcomes|results))|"
              r"(?:create|creates|created|cause|causes|caused)\s+(?:\w+\s+){0,2}?(?:bottlenecks|friction|delays|"
              r"errors|blind\s+spots|inefficienc\w+|headaches|barriers|backlogs|outages|failures|rework)|"
              r"(?:make|makes|made)\s+it\s+(?:\w+\s+)?(?:hard|harder|difficult|impossible|slow|costly)\s+(?:for|to))\b")
# The deficiency as the object of a cause link: "disrupted as a result of ageing signalling infrastructure",
# "the delay was largely the result of the district's outdated IT", "it reflects years of technical debt",
# "slipped owing to the complexity of legacy data". The bad news must be in the sentence (checked after).
_DEFICIENCY_LINK = (r"(?:due\s+to|owing\s+to|because\s+of|(?:as\s+)?(?:a|the)\s+(?:direct\s+)?result\s+of|caused\s+by|"
                    r"driven\s+by|(?:comes?|came)\s+(?:down\s+to|from)|down\s+to|stem(?:s|med)?\s+from|reflect(?:s|ed|ing)?|"
                    r"rooted\s+in|blamed\s+on|put\s+(?:it\s+)?down\s+to|traced\s+(?:back\s+)?to|attributed\s+to)")
# A first cause may be listed before it: "owing to resourcing pressures and the complexity of legacy data".
_DEFICIENCY_AS_CAUSE = re.compile(
    rf"\b{_DEFICIENCY_LINK}\s+(?:\w+ly\s+)?(?:(?:[\w-]+\s+){{1,4}}?(?:and|,)\s+)?(?:(?:the|their|its|an?|[\w-]+.s)\s+){{0,2}}(?:(?:years|decades|layers|a\s+legacy)\s+of\s+|"
    rf"(?:the\s+)?(?:complexity|state|age|condition|limitations?|inflexibility|quality)\s+of\s+(?:(?:the|our|its|their)\s+)?)?"
    rf"(?:[\w-]+\s+)?{_DEFICIENCY}", re.IGNORECASE)
# The deficiency may share the subject: "the legacy codebase and some deeply ingrained habits held us back".
_DEFICIENCY_AS_AGENT = re.compile(
    rf"\b{_DEFICIENCY}\s+(?:(?:that|which)\s+(?:[\w-]+\s+){{0,8}}?|(?:and|or)\s+(?:[\w-]+\s+){{1,8}}?)?{_HARM_VERB}"
    rf"|\b(?:held|slowed|bogged|hampered|hindered|blocked|stalled|weighed)\s+(?:down\s+|back\s+)?by\s+"
    rf"(?:(?:the|their|its|our|your|years\s+of|decades\s+of|layers\s+of)\s+)?(?:[\w-]+\s+)?{_DEFICIENCY}",
    re.IGNORECASE)
# Matched on lower-cased text without IGNORECASE, which keeps this first scan cheap (it runs on every sentence).
_DEFICIENCY_HEAD = re.compile(
    rf"\b(?:{_DEFICIENT_ADJECTIVE}|technical\s+debt|tech\s+debt|silos|bureaucracy|red\s+tape|resistance|skills?\s+gap|"
    r"sprawl|old\s+(?:habits|ways|mindsets?)|manual|lack\s+of|shortages?|data[- ]quality)\b")
# A figure or a named, dated system is the specific account the guideline calls reporting ("the 1998 benefits
# database cannot store a second address, so 12,000 claims were re-keyed"); a possibility or a question is not a
# failure presented; the speaker owning the old system's cost is not a shift.
# "May" with a capital is the month ("slipped to May"), not the modal.
_DEFICIENCY_VETO = re.compile(r"\d|\b(?-i:may)\b|\b(?:could|might|if|whether|unless|we\s+(?:kept|chose|built|decided|should\s+have|"
                              r"failed\s+to)|our\s+(?:own\s+)?(?:mistake|fault|choice|decision))\b|\?", re.IGNORECASE)


# Bad news the cause may explain that _SETBACK and _FAULT_HARM do not list: a slip, an overrun, a longer wait.
_SLIPPED = re.compile(r"\b(?:slipp(?:ed|ing)|slips|overr?an|over\s+budget|rescheduled|went\s+wrong|waited\s+longer|"
                      r"longer\s+(?:waits?|waiting|than\s+(?:usual|expected|planned)))\b", re.IGNORECASE)

# "Ultimately, it reflects ...": a pronoun subject whose bad news was said in the sentence before.
_ANAPHORIC_SUBJECT = re.compile(r"(?:^|[,;]\s*|\b(?:ultimately|largely|mostly|mainly|partly|really|honestly)\W+)"
                                r"(?:it|this|that|these|those|all\s+of\s+this)\s+(?:(?:is|was|are|were|all)\s+)?"
                                r"(?:\w+ly\s+)?$", re.IGNORECASE)


def deficiency_as_agent(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'Legacy systems slow teams down', 'siloed data keeps agencies from acting': a condition as the culprit."""
    folded = lowered(text)
    head = (any_case(_DEFICIENCY_HEAD.pattern).search(text) if folded is None else _DEFICIENCY_HEAD.search(folded))
    if head is None or _DEFICIENCY_VETO.search(text) or account_given(text):
        return
    found = _DEFICIENCY_AS_AGENT.search(text)
    if found is None:
        found = _DEFICIENCY_AS_CAUSE.search(text)
        if found is None:
            return
        outside = text[:found.start()] + " " + text[found.end():]
        # "It reflects years of technical debt": a pronoun subject carries the bad news from the sentence before.
        # "This comes from legacy systems" may be any origin, so only a link that names a cause counts here.
        anaphoric = (_ANAPHORIC_SUBJECT.search(text, max(0, found.start() - 30), found.start()) is not None
                     and not found.group(0).lower().startswith(("come", "came")))
        if not (anaphoric or _SETBACK.search(outside) or _FAULT_HARM.search(outside) or _SLIPPED.search(outside)):
            return
    yield skip_spaces(text, found.start(), found.end()), found.end()


# -- the organisation's own result harmed by an outside agent -------------------------------------

# "Fixed-line revenue was negatively impacted by aggressive competitor behaviour", "results were held back by a
# difficult market", "delivery has been delayed by a challenging funding landscape": the organisation's own result
# (revenue, margins, the rollout, service, sentiment) is the grammatical patient of a harm verb, and the agent
# after "by" is the market, the weather, a supplier, the customers or an old system. Whoever ran the business that
# earned those results leaves the sentence. The check joins three wide classes by position: an outcome noun as the
# subject, a harm participle in the passive, and a by-agent holding a word of the outside classes (a force, another
# party, a deficiency). Plain accounting stays silent: an agent that is an accounting item (costs, currency
# translation, a divestiture's lost sales) or carries a figure is the decomposition a filing owes, not a shift
# (guideline: passive in plain accounting, specific external cause).
_OWN_OUTCOME = (r"revenues?|sales|margins?|results|performance|growth|profits?|profitability|earnings|income|returns|"
                r"volumes?|bookings|orders|demand|traffic|ridership|attendance|take-?up|uptake|adoption|engagement|"
                r"implementation|roll-?out|delivery|deliveries|progress|timelines?|schedule|launch|programme|program|"
                r"project|plans?|services?|operations|reliability|availability|punctuality|satisfaction|sentiment|"
                r"morale|retention|recruitment|hiring|productivity|output|production|quality|outcomes|figures|numbers|"
                r"trading|business|campaign|season|transformation|modernisation|modernization|migration|pilot|efforts?|"
                r"shipments?|supplies|stock|capacity|footfall|subscriptions|renewals|sign-?ups|pipeline|deals")
_HARMED = (r"impacted|affected|hit|hurt|hampered|hindered|held\s+back|held\s+up|weighed\s+down|dragged\s+down|"
           r"undermined|constrained|pressured|squeezed|eroded|dampened|disrupted|delayed|slowed(?:\s+down)?|derailed|"
           r"marred|overshadowed|tempered|depressed|stymied|frustrated|complicated|set\s+back|knocked|battered|"
           r"buffeted|challenged|limited|compromised")
_OUTCOME_HARMED_BY = re.compile(
    rf"\b(?:{_OWN_OUTCOME})\b(?:\s+(?!(?:and|but|which|that|who)\b)[\w'’-]+){{0,6}}?\s+"
    r"(?:was|were|has\s+been|have\s+been|had\s+been|(?:continued|continues|continue)\s+to\s+be|got)\s+"
    r"(?:(?:also|further|again|once\s+again|this\s+(?:year|quarter)|\w+ly)\s+){0,3}"
    rf"(?:{_HARMED})\s+(?:(?:this|last|in\s+the)\s+(?:\w+\s+){{0,2}}?)?by\s+(?P<agent>[^.;:!?]{{3,120}})",
    re.IGNORECASE)
# The outside classes: a force, another party, a deficiency on someone else's side.
_OUTSIDE_AGENT = re.compile(
    r"\b(?:environments?|landscapes?|climate|conditions|headwinds?|uncertaint(?:y|ies)|volatility|turmoil|turbulence|"
    r"pressures?|markets?|economy|economic|macro\w*|weather|storms?|flood(?:s|ing)?|snow|heatwaves?|"
    r"wildfires?|challenges|challenging|difficult\w*|tough|"
    r"factors|circumstances|priorities|red\s+tape|bureaucracy|regulat\w+|politic\w+|geopolitic\w+|inflation\w*|"
    r"crisis|forces|backdrop|cycle|suppliers?|partners?|partner.s|vendors?|contractors?|providers?|customers?|"
    r"clients?|users?|consumers?|minority|critics|social\s+media|activists|competitors?|competition|competitive|staff|employees|workers|teachers|"
    r"residents|players|resistance|reluctance|behaviou?r|legacy|ageing|aging|outdated|quality\s+issues|issues|"
    r"problems|shortages?|lack\s+of|one-off|persistent|soft(?:er|ness)?|weak(?:er|ness)?)\b", re.IGNORECASE)
_ACCOUNTING_AGENT = re.compile(
    r"\b(?:expenses?|costs?|charges?|tax(?:es)?|interest|amorti[sz]ation|depreciation|revisions?|settlements?|"
    r"collateral|deposits|overhead|accruals?|provisions?|reserves?|write-?(?:downs?|offs?)|impairments?|hedg\w+|"
    r"derivatives?|currenc(?:y|ies)|exchange\s+rates?|divestitures?|deconsolidation|product\s+mix|mix|bonus(?:es)?|"
    r"compensation|payments?|wages|salar(?:y|ies)|the\s+following)\b",
    re.IGNORECASE)
# The outside word must be in the agent's own noun phrase, not in a list or clause trailing after it.
_AGENT_HEAD_REACH = 70
# The same harm said in the active voice: "adverse weather conditions have impacted delivery performance",
# "supply chain constraints in the global market have impacted GPU availability". The outside word must be in the
# subject, the few words before the verb; a participle without an auxiliary needs a determiner after it, so an
# adjective ("customers with delayed orders") is not read as the verb.
# Past or perfect only: the present tense ("volatility in these markets affects demand") describes an exposure, and
# a bare "impact" or "delay" is as often a noun or a plan ("the impact on the programme", "will delay progress").
_HARMS_PAST_WORDS = (r"impacted|affected|hampered|hindered|held\s+back|weighed\s+(?:heavily\s+)?on|dragged\s+(?:down|on)|"
                     r"undermined|constrained|squeezed|eroded|dampened|disrupted|delayed|slowed(?:\s+down)?|derailed|"
                     r"stymied|frustrated|knocked|compromised|limited|depressed|pressured")
_HARMS_BARE = (r"(?:impact|affect|hit|hurt|hamper|hinder|hold\s+back|weigh\s+on|drag\s+(?:down|on)|undermine|constrain|"
               r"squeeze|erode|dampen|disrupt|delay|slow(?:\s+down)?|derail|stymie|frustrate|set\s+back|compromise|"
               r"limit|depress|pressure)")
_OUTSIDE_HARMS_OUTCOME = re.compile(
    r"(?:^|[,;:—–]\s*|\b(?:and|but|so|while|as|unfortunately|sadly|however)\s+)(?P<subject>(?:[\w'’-]+[\s,]+){1,9}?)"
    r"(?:(?P<aux>(?:have|has|had)\s+(?:(?:also|further|again|recently|\w+ly)\s+){0,2}(?:hit|hurt|set\s+back|"
    rf"{_HARMS_PAST_WORDS})|(?:continue(?:s|d)?|started|begun|began)\s+to\s+{_HARMS_BARE})"
    rf"|(?P<past>{_HARMS_PAST_WORDS}))\s+(?P<det>(?:our|the|its|their|this|overall|all|every)\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_OWN_OUTCOME})\b", re.IGNORECASE)
_SUBJECT_SELF = re.compile(r"\b(?:we|i|us|our\s+(?:own\s+)?(?:decision|choice|plan|strategy))\b", re.IGNORECASE)
_FORCE_JUST_BEFORE = re.compile(
    r"\b(?:weather|storms?|headwinds?|economy|inflation|uncertainty|volatility|turmoil|turbulence|conditions|pressures|"
    r"shortages?|disruptions?|strikes?|flooding|floods|snow|heat(?:waves?)?|markets?|environment|climate|landscape|"
    r"competition|challenges|constraints)\W*$", re.IGNORECASE)
# A figure (not a bare year) in the agent, the organisation itself as the agent, an amount or a time after "by".
_AGENT_FIGURE = re.compile(r"\b(?!(?:19|20)\d\d\b)\d|[$€£]")
_SELF_AGENT = re.compile(r"(?:our|we|us|my|management|the\s+(?:board|company).s\s+(?:own\s+)?(?:decision|choice))\b",
                         re.IGNORECASE)
# A possibility, good news or a harm survived is not the shift.
_HARMED_VETO = re.compile(r"\b(?:could|may|might|would|can|if|unless|whether|despite|positively|favou?rably|"
                          r"benefit(?:ed|ted|ing|s)?)\b", re.IGNORECASE)
# Every match holds one of these participles; a sentence with none is skipped before the long scan.
_HARMED_HEAD = re.compile(r"\b(?:impact|affect|hit|hurt|hamper|hinder|held|hold|weigh|drag|undermin|constrain|pressur|"
                          r"squeez|erod|dampen|disrupt|delay|slow|derail|marr|overshadow|temper|depress|stymi|"
                          r"frustrat|complicat|set|knock|batter|buffet|challeng|limit|compromis)", re.IGNORECASE)


def outcome_harmed_by_outside_agent(text: str, options: Mapping[str, Any]) -> Iterator[Offsets]:
    """'Revenue was negatively impacted by aggressive competitor behaviour', 'adverse weather has impacted delivery
    performance': the organisation's result harmed, and the doer someone or something outside it."""
    if _HARMED_HEAD.search(text) is None or _HARMED_VETO.search(text) or account_given(text):
        return
    for found in _OUTCOME_HARMED_BY.finditer(text):
        agent = found.group("agent")
        if (_SELF_AGENT.match(agent) or _NOT_AGENT.match("by " + agent) or _AGENT_FIGURE.search(agent)
                or _ACCOUNTING_AGENT.search(agent) or _OUTSIDE_AGENT.search(agent, 0, _AGENT_HEAD_REACH) is None):
            continue
        yield skip_spaces(text, found.start(), found.end()), found.end()
        return
    for found in _OUTSIDE_HARMS_OUTCOME.finditer(text):
        subject = found.group("subject")
        # "Weather disrupted deliveries": a bare participle right after a force noun is the verb, not an adjective
        bare_participle = (found.group("past") is not None and not found.group("det")
                           and _FORCE_JUST_BEFORE.search(subject) is None)
        # the harm measured right after it ("delayed deliveries by 2 days in 14 depots") is the specific account
        if (bare_participle or _SUBJECT_SELF.search(subject) or _AGENT_FIGURE.search(subject)
                or _AGENT_FIGURE.search(text, found.end(), found.end() + 50)
                or _ACCOUNTING_AGENT.search(subject) or _OUTSIDE_AGENT.search(subject) is None):
            continue
        yield skip_spaces(text, found.start("subject"), found.end()), found.end()
        return


BLAME_CHECKS = {
    "agentless_bad_news_passive": agentless_bad_news_passive,
    "agentless_decision": agentless_decision,
    "outside_force_cause": outside_force_cause,
    "exoneration_across_sentences": exoneration_across_sentences,
    "product_cleared_by_denial": product_cleared_by_denial,
    "adoption_failure_on_adopters": adoption_failure_on_adopters,
    "forced_hand": forced_hand,
    "cause_handed_to_other_party": cause_handed_to_other_party,
    "setback_put_on_group": setback_put_on_group,
    "placeholder_fault_as_cause": placeholder_fault_as_cause,
    "deficiency_as_agent": deficiency_as_agent,
    "outcome_harmed_by_outside_agent": outcome_harmed_by_outside_agent,
}
