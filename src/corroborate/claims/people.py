"""Nouns for people and for the bodies they speak for: the one list the claims rules share (roles, quotes,
entities), grouped by what the noun says of someone; each rule takes the groups it needs.

All lower case; a rule over a parse compares lemmas or lower-cased words with them.
"""

from __future__ import annotations

# fmt: off
#: Words of address before a person's name ("Ms. Lee", "Dr. Lee").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"})
#: Offices written shortened before a name ("Sen. Lee", "Gov. Lee").
SHORT_OFFICES = frozenset({"sen", "rep", "gov"})
#: Offices only a person holds whose word, capitalised before a name, is a title and opens no name of a body, a
#: place or a thing ("Governor Lee", "Admiral Lee").
TITLED_OFFICES = frozenset({
    "president", "premier", "chancellor", "minister", "secretary", "senator", "representative", "congressman",
    "congresswoman", "lawmaker", "legislator", "governor", "mayor", "judge", "king", "queen", "prince", "princess",
    "monarch", "emperor", "pope", "sheikh", "emir", "archbishop", "ambassador", "envoy", "commissioner",
    "chairman", "chairwoman", "commander", "admiral",
})
#: Offices and ranks whose word, capitalised, also opens names of bodies, places or things, or is a common
#: surname ("General Motors", "the Justice Party", "Chief Executive Officer", "Bishop"), or is written in capitals
#: ("MP", "CEO").
OTHER_OFFICES = frozenset({
    "mp", "justice", "cardinal", "bishop", "chair", "director", "administrator", "ceo", "general", "speaker",
    "whip", "deputy", "counsel", "officer", "executive", "official", "member", "leader", "dictator", "strongman",
    "chief", "head",
})
#: What people do for a living or for others, as a title before a name ("lawyer Ann Lee") or in apposition to it.
TITLED_OCCUPATIONS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "lawyer", "prosecutor", "professor",
    "economist", "journalist", "activist", "businessman", "businesswoman", "founder",
})
#: Occupations the news seldom writes as a title before a name ("Attorney" opens "Attorney General", "Analyst"
#: names jobs), only around one ("Lee, an analyst at ...").
OTHER_OCCUPATIONS = frozenset({
    "diplomat", "negotiator", "attorney", "analyst", "expert", "strategist", "operative", "reporter",
    "correspondent", "researcher", "scientist", "scholar", "investigator", "historian", "doctor", "regulator",
    "editor", "columnist", "author", "commentator", "politician", "campaigner",
})
#: Occupations of public life outside politics, written before a name in lower case ("talk show host Ann Lee",
#: "singer Ann Lee", "quarterback Ann Lee") or around it; none is an office, so two of them never clash.
PUBLIC_OCCUPATIONS = frozenset({
    "host", "anchor", "presenter", "actor", "actress", "singer", "rapper", "comedian", "musician", "songwriter",
    "guitarist", "drummer", "filmmaker", "novelist", "poet", "coach", "quarterback", "athlete", "astronaut",
    "entrepreneur", "investor", "designer", "chef",
})
#: What someone is to others or in a race: an ally, a critic, a nominee.
EPITHETS = frozenset({
    "critic", "ally", "rival", "opponent", "supporter", "hawk", "dove", "billionaire", "mogul", "veteran", "donor",
    "confidant", "loyalist", "candidate", "nominee", "pick", "designate",
})
#: The parts people play in one event or report, which say nothing of what they are elsewhere: a witness, a
#: source, the residents.
PARTICIPANTS = frozenset({
    "plaintiff", "defendant", "source", "witness", "resident", "person", "people", "voter", "insider", "observer",
    "authority",
})
#: Every noun for a person who can speak.
PERSON_NOUNS = (
    TITLED_OFFICES | OTHER_OFFICES | TITLED_OCCUPATIONS | OTHER_OCCUPATIONS | PUBLIC_OCCUPATIONS | EPITHETS
    | PARTICIPANTS
)
#: Bodies that speak through someone: "the ministry said", "the defense argued".
BODY_NOUNS = frozenset({
    "government", "administration", "ministry", "department", "agency", "court", "committee", "council",
    "commission", "company", "firm", "party", "campaign", "military", "army", "police", "bank", "board", "office",
    "union", "group", "organisation", "organization", "embassy", "parliament", "congress", "senate", "cabinet",
    "team", "side", "regime", "media", "newspaper", "prosecution", "defense", "defence", "coalition", "alliance",
    "opposition", "delegation",
})
#: Words before a person's name, or for a person, that say whether they are a man or a woman ("Mr.", "Queen",
#: "spokeswoman"): the article's own word for someone's gender.
MALE_WORDS = frozenset({
    "mr", "sir", "lord", "king", "prince", "duke", "emperor", "sheikh", "emir", "pope", "archbishop", "cardinal",
    "chairman", "congressman", "spokesman", "businessman", "father", "brother", "son", "husband",
})
FEMALE_WORDS = frozenset({
    "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "duchess", "empress", "chairwoman", "congresswoman",
    "spokeswoman", "businesswoman", "mother", "sister", "daughter", "wife",
})
# fmt: on
