"""Verbs of speech: the one list of verbs whose subject is the source of the words reported, by lemma for rules
over a parse and by inflected form for rules over raw text, with the narrower sets some rules need."""

from __future__ import annotations

#: Each verb of speech with the forms a rule over raw text meets after its speaker: the third person present and
#: the past ("she says", "Lee told").
# fmt: off
_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("says", "said"), "tell": ("tells", "told"), "add": ("adds", "added"), "state": ("states", "stated"),
    "note": ("notes", "noted"), "write": ("writes", "wrote"), "tweet": ("tweets", "tweeted"),
    "claim": ("claims", "claimed"), "insist": ("insists", "insisted"), "argue": ("argues", "argued"),
    "warn": ("warns", "warned"), "explain": ("explains", "explained"), "declare": ("declares", "declared"),
    "announce": ("announces", "announced"), "confirm": ("confirms", "confirmed"), "deny": ("denies", "denied"),
    "reply": ("replies", "replied"), "respond": ("responds", "responded"),
    "acknowledge": ("acknowledges", "acknowledged"), "admit": ("admits", "admitted"),
    "stress": ("stresses", "stressed"), "emphasize": ("emphasizes", "emphasized"),
    "emphasise": ("emphasises", "emphasised"), "predict": ("predicts", "predicted"), "vow": ("vows", "vowed"),
    "describe": ("describes", "described"), "advise": ("advises", "advised"), "brief": ("briefs", "briefed"),
    "report": ("reports", "reported"), "suggest": ("suggests", "suggested"), "conclude": ("concludes", "concluded"),
    "reiterate": ("reiterates", "reiterated"), "assert": ("asserts", "asserted"), "allege": ("alleges", "alleged"),
    "complain": ("complains", "complained"), "recall": ("recalls", "recalled"), "remark": ("remarks", "remarked"),
    "testify": ("testifies", "testified"), "quip": ("quips", "quipped"), "ask": ("asks", "asked"),
    "urge": ("urges", "urged"), "caution": ("cautions", "cautioned"), "contend": ("contends", "contended"),
    "mention": ("mentions", "mentioned"), "observe": ("observes", "observed"),
    "signal": ("signals", "signaled", "signalled"), "accuse": ("accuses", "accused"),
    "promise": ("promises", "promised"), "threaten": ("threatens", "threatened"),
    # Further verbs of the say and complain classes of English verbs (Levin 37.7, 37.8) and of manner of speaking
    # (37.3) that the news uses to bring in a quote: a verb of another class with a quote is not its source's act
    # of saying, but for a verb of naming whose name given is the quote (``NAMING_VERBS``: 'called it "a sham"').
    "recount": ("recounts", "recounted"), "comment": ("comments", "commented"),
    "disclose": ("discloses", "disclosed"), "reveal": ("reveals", "revealed"), "confess": ("confesses", "confessed"),
    "concede": ("concedes", "conceded"), "hint": ("hints", "hinted"), "boast": ("boasts", "boasted"),
    "lament": ("laments", "lamented"), "retort": ("retorts", "retorted"), "demur": ("demurs", "demurred"),
    "exclaim": ("exclaims", "exclaimed"), "joke": ("jokes", "joked"), "thunder": ("thunders", "thundered"),
    "shout": ("shouts", "shouted"), "yell": ("yells", "yelled"), "scream": ("screams", "screamed"),
    "whisper": ("whispers", "whispered"), "mutter": ("mutters", "muttered"),
    # Verbs of asking someone for something and of giving one's word (Levin 37.7's "beg" and "promise" kinds): not
    # "plead", whose news sense is mostly an answer to a charge ("pleaded guilty"), nor "order", whose object is as
    # often a thing bought or done ("ordered a test", "ordered the summit cancelled").
    "beg": ("begs", "begged"), "implore": ("implores", "implored"), "assure": ("assures", "assured"),
    "pledge": ("pledges", "pledged"),
}
# fmt: on

#: Verbs whose subject is the source of the words reported, by lemma.
SPEECH_VERBS = frozenset(_FORMS)
#: Plain verbs of saying. Only someone with a mouth or a pen says, tells or writes, where a country is often the
#: subject of the others ("X warned", "X confirmed", "X threatened"): their subject is a person more surely.
SAYING_VERBS = frozenset({"say", "tell", "add", "write", "tweet"})
#: The verbs of speech as a text shows them after their speaker, for rules that read no parse: every past, and the
#: present only of the plain verbs of saying, since the others' ("claims", "notes", "reports") are as often plural
#: nouns ('he said the "Flood claims rose ...').
SPEECH_VERB_FORMS = frozenset(
    form
    for verb, (present, *pasts) in _FORMS.items()
    for form in ((present, *pasts) if verb in SAYING_VERBS else pasts)
)
#: Verbs of speech that also tell what a thing shows: their subject is a speaker only when it is someone ("Analysts
#: suggest"), not evidence or an event ("The data suggest", "The move signals", "The files reveal"). Not "argue":
#: what argues without being someone is a writing that speaks for its authors ("the lawsuit argued"), a source as a
#: report is.
EVIDENTIAL_VERBS = frozenset({"suggest", "signal", "reveal", "disclose"})
#: Verbs that bring in a quote only as the words they go with ('"...," Lee continued', '"...," Lee laughed', 'As Lee
#: related, "..."'), as they are of anything else without one ("the talks continued", "the crowd laughed", "prices
#: related to fuel"): a rule over a parse takes them for verbs of speech only with a quote for their clause.
QUOTING_VERBS = frozenset({"continue", "laugh", "chuckle", "sigh", "relate"})
#: Verbs of speech made of a verb and its particle: "Lee weighed in", "Lee chimed in".
PHRASAL_SPEECH_VERBS = frozenset({("weigh", "in"), ("chime", "in")})
#: Verbs of putting words up for others to read that as often take anything else ("posted bail", "posted a loss",
#: "posted a photo"): they bring in a quote only when it is what they put up, as in 'posted: "..."' or 'posted a
#: statement: "..."'; a rule over a parse checks that before taking them for verbs of speech.
POSTING_VERBS = frozenset({"post"})
#: Verbs of putting out a writing ("issued a statement", "released a response"): they bring in a quote only with a
#: writing for their object, as "issued a warning" or "released the hostages" bring in none.
ISSUING_VERBS = frozenset({"issue", "release", "publish"})
#: Verbs by which a writing gives its words ('"...," the statement read', '"...," read a letter from the board'): a
#: verb of speech only with a writing for its subject or, put first with no subject, for its object; someone who
#: reads may read out another's words.
READING_VERBS = frozenset({"read"})
#: What someone posts or writes that holds their words: 'posted a statement', 'wrote in a letter'; and the writings
#: that give the words of their authors or filers ('the complaint reads', 'the description on the site reads').
WRITINGS = frozenset({"statement", "message", "post", "note", "letter", "comment", "tweet", "update", "response",
                      "reply", "video", "email", "memo", "report", "description", "lawsuit", "suit", "complaint",
                      "filing", "petition", "indictment"})
#: Verbs by which someone names a thing in their own words ('called the suit "a sham"', 'dismissed it as "a farce"'):
#: their subject is the source of the words only when the quote is the name given (the object's complement, or what
#: follows "as"), not when it is the thing named ('called the "reform" a failure') or anything else ('called 911').
NAMING_VERBS = frozenset({"call", "dub", "brand", "label", "term", "dismiss", "deride", "characterize",
                          "characterise", "hail", "denounce"})
