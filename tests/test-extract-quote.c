/* Unit tests: quotes and who said them. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <ctype.h>

#include "buf.h"
#include "extract.h"
#include "test-util.h"
#include "xmalloc.h"

/*
 * One pattern: a text written for these tests (the invented world of
 * samples/README.md), the words of one quote in it, and what it must come
 * out as. The cue and speaker are given by their text and found as the
 * first whole word match, or the first after the quote with a leading '>'.
 */
struct qcase {
	const char		*what;
	const char		*text;
	const char		*quote;		/* NULL: no quote at all */
	enum ex_quote_kind	 kind;
	const char		*cue;		/* NULL: none */
	const char		*speaker;	/* NULL: none */
	enum ex_source		 source;
	const char		*name;		/* resolved entity, if found */
};

static const struct qcase cases[] = {
	{ "\"Q,\" X said",
	  "\"We will not yield to pressure,\" Brekk said on Monday.",
	  "We will not yield to pressure", EX_DIRECT, "said", "Brekk",
	  EX_SOURCE_ENTITY, NULL },
	{ "\"Q,\" said X",
	  "\"The border stays closed,\" said Defence Minister Piet Harnack.",
	  "The border stays closed", EX_DIRECT, "said",
	  "Defence Minister Piet Harnack", EX_SOURCE_ENTITY, "Piet Harnack" },
	{ "X said: \"Q\"",
	  "Marovian Deputy Foreign Minister Ilse Varga said: \"Marovia has "
	  "nothing to apologise for.\"",
	  "Marovia has nothing to apologise for.", EX_DIRECT, "said",
	  "Marovian Deputy Foreign Minister Ilse Varga", EX_SOURCE_ENTITY,
	  "Ilse Varga" },
	{ "X said, curly marks",
	  "Varga said, \xe2\x80\x9cWe want a conversation.\xe2\x80\x9d",
	  "We want a conversation.", EX_DIRECT, "said", "Varga",
	  EX_SOURCE_ENTITY, NULL },
	{ "X said that ...",
	  "Brekk said that the ambassador had been handed a note of "
	  "protest.",
	  "the ambassador had been handed a note of protest", EX_INDIRECT,
	  "said", "Brekk", EX_SOURCE_ENTITY, NULL },
	{ "German marks in English text",
	  "Varga said: \xe2\x80\x9eWir weichen nicht.\xe2\x80\x9c",
	  "Wir weichen nicht.", EX_DIRECT, "said", "Varga",
	  EX_SOURCE_ENTITY, NULL },
	{ "French marks with no-break spaces",
	  "Brekk said: \xc2\xab\xc2\xa0Nous ne partirons pas.\xc2\xa0\xc2\xbb",
	  "Nous ne partirons pas.", EX_DIRECT, "said", "Brekk",
	  EX_SOURCE_ENTITY, NULL },
	{ "a quote split by its cue: one speaker, one cue, however short",
	  "\"We will not retreat,\" Brekk said. \"Not now.\"",
	  "Not now.", EX_DIRECT, "said", "Brekk", EX_SOURCE_ENTITY, NULL },
	{ "a dateline is never inside a quote",
	  "KORVALA, March 3 (MARNA) \xe2\x80\x94 The army will not retreat "
	  "from the border, Brekk said.",
	  "The army will not retreat from the border", EX_INDIRECT, "said",
	  "Brekk", EX_SOURCE_ENTITY, NULL },
	{ "a bare dateline is never inside a quote",
	  "DROSSEN -- The talks will resume in June, Varga said.",
	  "The talks will resume in June", EX_INDIRECT, "said", "Varga",
	  EX_SOURCE_ENTITY, NULL },
	{ "X, in an aside, said: / the statement in the next paragraph",
	  "President Renata Solvik, in a televised address on Tuesday "
	  "evening, said:\n\n\"Our engineers restored the power.\"",
	  "Our engineers restored the power.", EX_DIRECT, "said",
	  "President Renata Solvik", EX_SOURCE_ENTITY, NULL },
	{ "X added: / a statement without marks in the next paragraph",
	  "The governor added:\n\nIt is typical of the council. It talks "
	  "and nothing moves.",
	  "It is typical of the council. It talks and nothing moves",
	  EX_DIRECT, "added", "The governor", EX_SOURCE_UNNAMED, NULL },
	{ "the following: / a paragraph without marks is no quote",
	  "The plan has three parts, the following:\n\nSell the bonds, "
	  "cut the tax and wait.", NULL, EX_DIRECT, NULL, NULL,
	  EX_SOURCE_NONE, NULL },
	{ "a parenthesis the sentence splitter cut is closed",
	  "Brekk said the council would have to hear Deputy Ivo Marr "
	  "(CD-Dros.), a former mayor of Drossen.",
	  "the council would have to hear Deputy Ivo Marr (CD-Dros.)",
	  EX_INDIRECT, "said", "Brekk", EX_SOURCE_ENTITY, NULL },
	{ "a parenthesis never closed is left out",
	  "The fund will open in June (or in July at the latest, Varga said.",
	  "The fund will open in June", EX_INDIRECT, "said", "Varga",
	  EX_SOURCE_ENTITY, NULL },
	{ "a title inside reported words leaves them indirect",
	  "Varga said the minister had read \"The Lighthouse Keepers of "
	  "Drossen\" on the flight.",
	  "the minister had read \"The Lighthouse Keepers of Drossen\" on "
	  "the flight", EX_INDIRECT, "said", "Varga", EX_SOURCE_ENTITY, NULL },
	{ "X said ... (no that)",
	  "Varga said Marovia would send experts to the crash site.",
	  "Marovia would send experts to the crash site", EX_INDIRECT,
	  "said", "Varga", EX_SOURCE_ENTITY, NULL },
	{ "Q, X said",
	  "Valdoria will not succumb to pressure from Tessalin, Valdorian "
	  "Foreign Minister Anja Brekk said on Tuesday.",
	  "Valdoria will not succumb to pressure from Tessalin", EX_INDIRECT,
	  "said", "Valdorian Foreign Minister Anja Brekk", EX_SOURCE_ENTITY,
	  "Anja Brekk" },
	{ "..., according to X (media)",
	  "The drone crashed shortly after dawn, according to the Marovian "
	  "News Agency.",
	  "The drone crashed shortly after dawn", EX_INDIRECT, "according to",
	  "the Marovian News Agency", EX_SOURCE_MEDIA, NULL },
	{ "according to a report from X",
	  "The envoy left Drossen on Sunday, according to a report from "
	  "MARNA.",
	  "The envoy left Drossen on Sunday", EX_INDIRECT, "according to",
	  "MARNA", EX_SOURCE_MEDIA, NULL },
	{ "X told Y that ...",
	  "Brekk told reporters in Drossen that Valdoria would recall its "
	  "envoy.",
	  "Valdoria would recall its envoy", EX_INDIRECT, "told", "Brekk",
	  EX_SOURCE_ENTITY, NULL },
	{ "\"Q,\" X added",
	  "\"We expect an answer in writing,\" Brekk added.",
	  "We expect an answer in writing", EX_DIRECT, "added", "Brekk",
	  EX_SOURCE_ENTITY, NULL },
	{ "He added that ...",
	  "Harnack said the drone was unarmed. He added that the army had "
	  "tracked it for eleven minutes.",
	  "the army had tracked it for eleven minutes", EX_INDIRECT, "added",
	  "He", EX_SOURCE_ENTITY, "Piet Harnack" },
	{ "a quote split by its cue inherits the speaker and the cue",
	  "\"We expect an explanation,\" Oll said. \"We expect it in "
	  "writing.\"",
	  "We expect it in writing.", EX_DIRECT, "said", "Oll",
	  EX_SOURCE_ENTITY, NULL },
	{ "she: the last person who spoke",
	  "Foreign Minister Anja Brekk said the talks had failed. \"We are "
	  "ready to talk again,\" she said.",
	  "We are ready to talk again", EX_DIRECT, ">said", "she",
	  EX_SOURCE_ENTITY, "Anja Brekk" },
	{ "the spokesperson: the last who holds the role",
	  "Marovian defence ministry spokesperson Col. Mirela Dusan said the "
	  "flight was routine. Brekk said the flight was a provocation. "
	  "\"There was no intention to cross the border,\" the spokesperson "
	  "said.",
	  "There was no intention to cross the border", EX_DIRECT, ">said",
	  "the spokesperson", EX_SOURCE_ENTITY, "Mirela Dusan" },
	{ "the official: an unnamed source referred to",
	  "A Valdorian defence official said the drone carried a camera. "
	  "\"We have the flight data,\" the official said.",
	  "We have the flight data", EX_DIRECT, ">said", "the official",
	  EX_SOURCE_UNNAMED, NULL },
	{ "X reported (media)",
	  "The talks collapsed on Friday, the Valdorian Herald reported.",
	  "The talks collapsed on Friday", EX_INDIRECT, "reported",
	  "the Valdorian Herald", EX_SOURCE_MEDIA, NULL },
	{ "state media reported",
	  "Marovian state media reported that the ship had left the area.",
	  "the ship had left the area", EX_INDIRECT, "reported",
	  "Marovian state media", EX_SOURCE_MEDIA, NULL },
	{ "an unnamed official",
	  "A senior Valdorian official said in June that the depot had been "
	  "photographed.",
	  "the depot had been photographed", EX_INDIRECT, "said",
	  "A senior Valdorian official", EX_SOURCE_UNNAMED, NULL },
	{ "an official who spoke on condition of anonymity",
	  "A senior official, who spoke on condition of anonymity, said the "
	  "talks would resume in May.",
	  "the talks would resume in May", EX_INDIRECT, "said",
	  "A senior official", EX_SOURCE_UNNAMED, NULL },
	{ "sources said",
	  "The fund will open in April, sources said.",
	  "The fund will open in April", EX_INDIRECT, "said", "sources",
	  EX_SOURCE_UNNAMED, NULL },
	{ "X called for ...",
	  "Brekk called for an inquiry into the crash near Hollen.",
	  "an inquiry into the crash near Hollen", EX_INDIRECT, "called",
	  "Brekk", EX_SOURCE_ENTITY, NULL },
	{ "a mixed quote",
	  "Varga said Marovia had \"nothing to apologise for\" and would not "
	  "pay.",
	  "Marovia had \"nothing to apologise for\" and would not pay",
	  EX_MIXED, "said", "Varga", EX_SOURCE_ENTITY, NULL },
	{ "a quote over two paragraphs",
	  "In a speech to the leaders, President Renata Solvik said:\n\n"
	  "\"For three months we have waited for an answer.\n\n"
	  "\"Patience is not a policy.\"\n",
	  "Patience is not a policy.", EX_DIRECT, "said",
	  "President Renata Solvik", EX_SOURCE_ENTITY, "Renata Solvik" },
	{ "the first paragraph of it, left open",
	  "In a speech to the leaders, President Renata Solvik said:\n\n"
	  "\"For three months we have waited for an answer.\n\n"
	  "\"Patience is not a policy.\"\n",
	  "For three months we have waited for an answer.", EX_DIRECT, "said",
	  "President Renata Solvik", EX_SOURCE_ENTITY, "Renata Solvik" },
	{ "a statement after a colon, in the next paragraph",
	  "President Andrej Kostal released a short statement:\n\n"
	  "\"Marovia will answer every question in good time.\"\n",
	  "Marovia will answer every question in good time.", EX_DIRECT,
	  NULL, "President Andrej Kostal", EX_SOURCE_ENTITY, "Andrej Kostal" },
	{ "a quote signed with a dash",
	  "\xe2\x80\x9cWe will not be hurried and we will not be quiet.\xe2\x80"
	  "\x9d \xe2\x80\x94 Kasimir Oll\n",
	  "We will not be hurried and we will not be quiet.", EX_DIRECT, NULL,
	  "Kasimir Oll", EX_SOURCE_ENTITY, NULL },
	{ "\"Q,\" Name, a long title, said",
	  "\"The fund is too small,\" Farah Idane, Dalmarra's energy minister "
	  "and the council's longest-serving member, said.",
	  "The fund is too small", EX_DIRECT, "said", "Farah Idane",
	  EX_SOURCE_ENTITY, NULL },
	{ "X, who said Q, ...",
	  "Foreign ministry spokesperson Kasimir Oll, who said the note had "
	  "been delivered, refused to take questions.",
	  "the note had been delivered", EX_INDIRECT, "said", "who",
	  EX_SOURCE_ENTITY, "Kasimir Oll" },
	{ "a name in double single marks",
	  "A new drone called ''Kestrel 7'' was shown in Tessalin.",
	  NULL, 0, NULL, NULL, 0, NULL },
	{ "a scare quote",
	  "Officials in Drossen discussed the so-called \"Iron Wall\" plan.",
	  NULL, 0, NULL, NULL, 0, NULL },
	{ "a two-word phrase in quotes",
	  "The ship was a \"research vessel\" with a crew of twelve.",
	  NULL, 0, NULL, NULL, 0, NULL },
	{ "a headline with single marks",
	  "Valdoria says 'no military deal' with Marovia\n\nThe talks ended.",
	  NULL, 0, NULL, NULL, 0, NULL },
	{ "a ship's name in single marks",
	  "The survey ship \xe2\x80\x98Tessalin Star\xe2\x80\x99 left the "
	  "area at noon.",
	  NULL, 0, NULL, NULL, 0, NULL },
	{ "X who ... said: the head of the relative clause",
	  "Two Velmark officials who spoke on condition of anonymity said "
	  "the pipeline would reopen in January.",
	  "the pipeline would reopen in January", EX_INDIRECT, "said",
	  "Two Velmark officials", EX_SOURCE_UNNAMED, NULL },
	{ "X who spoke on the record: not anonymous",
	  "Three officials who spoke on the record said the pipeline would "
	  "reopen in January.",
	  "the pipeline would reopen in January", EX_INDIRECT, "said",
	  "Three officials", EX_SOURCE_NONE, NULL },
	{ "a title with and",
	  "Storage will last the winter, Economy and Energy Minister Hanne "
	  "Lutz said on Thursday.",
	  "Storage will last the winter", EX_INDIRECT, "said",
	  "Economy and Energy Minister Hanne Lutz", EX_SOURCE_ENTITY,
	  "Hanne Lutz" },
	{ "Q, X said on D, a day after: the time is the writer's",
	  "Storage will last the winter, Lutz said on Thursday, a day after "
	  "Marogas cut deliveries by half.",
	  "Storage will last the winter", EX_INDIRECT, "said", "Lutz",
	  EX_SOURCE_ENTITY, NULL },
	{ "a role, Name, said: the name",
	  "A lawyer for the pipeline company, Oren Takk, said the contract "
	  "had not been broken.",
	  "the contract had not been broken", EX_INDIRECT, "said",
	  "Oren Takk", EX_SOURCE_ENTITY, NULL },
	{ "a city, region, saying: no appositive name",
	  "Brekk arrived in Drossen, Northern Province, saying the "
	  "border would stay closed.",
	  "the border would stay closed", EX_INDIRECT, "saying", "Brekk",
	  EX_SOURCE_ENTITY, NULL },
	{ "X said no ...: a reported clause, not a refusal",
	  "Brekk said no decision had been taken on the envoy.",
	  "no decision had been taken on the envoy", EX_INDIRECT, "said",
	  "Brekk", EX_SOURCE_ENTITY, NULL },
	{ "X said Q and Y accused Z: two reports",
	  "Velmark said the pipeline was sabotaged and Marovian officials "
	  "accused Velmark of inventing the attack.",
	  "the pipeline was sabotaged", EX_INDIRECT, "said", "Velmark",
	  EX_SOURCE_ENTITY, NULL },
	{ "X told Y Q, putting ...: the participle is the writer's",
	  "Brekk told reporters the border would stay closed, quietly "
	  "putting the talks on hold.",
	  "the border would stay closed", EX_INDIRECT, "told", "Brekk",
	  EX_SOURCE_ENTITY, NULL },
	{ "a paragraph that ends with an aside in parentheses",
	  "Brekk said the envoy would return on Monday. (The envoy left "
	  "Drossen in May.)",
	  "the envoy would return on Monday", EX_INDIRECT, "said", "Brekk",
	  EX_SOURCE_ENTITY, NULL },
	{ "a quote opening the next paragraph keeps the speaker",
	  "\"We expect an answer,\" Oll said.\n\n\"The envoy knows where "
	  "to find us. We will wait for him in Drossen.\"",
	  "The envoy knows where to find us. We will wait for him in Drossen.",
	  EX_DIRECT, NULL, "Oll", EX_SOURCE_ENTITY, NULL },
	{ "\"Q\" and more, X said, glossing: mixed, without the gloss",
	  "\"The only way the border reopens is a treaty\" signed in "
	  "Drossen, she said, closing the meeting in May.",
	  "\"The only way the border reopens is a treaty\" signed in Drossen",
	  EX_MIXED, "said", "she", EX_SOURCE_NONE, NULL },
	{ "a transcript: each label starts a new speaker's quote",
	  "\"HOST: Will the envoy return to Drossen this week?\n\n"
	  "\"BREKK: The envoy will return when Marovia answers our note.\n\n"
	  "\"HOST: And if it does not answer?",
	  "BREKK: The envoy will return when Marovia answers our note.",
	  EX_DIRECT,
	  NULL, "BREKK", EX_SOURCE_ENTITY, NULL },
	{ "a source noun before a place: the noun is the source",
	  "An official in the Valdorian foreign ministry, who asked not to "
	  "be identified, said Drossen had learned of the meeting from the "
	  "news.",
	  "Drossen had learned of the meeting from the news", EX_INDIRECT,
	  "said", "An official", EX_SOURCE_UNNAMED, NULL },
	{ "a diplomat from a state: the diplomat, unnamed",
	  "A diplomat from a council member state said the gap was too "
	  "large.",
	  "the gap was too large", EX_INDIRECT, "said", "A diplomat",
	  EX_SOURCE_UNNAMED, NULL },
	{ "\"the official\" is never the named spokesperson before",
	  "Spokesperson Kasimir Oll said Valdoria would study any proposal."
	  "\n\n\"Nobody called us first,\" the official said.",
	  "Nobody called us first", EX_DIRECT, ">said", "the official",
	  EX_SOURCE_UNNAMED, NULL },
	{ "a place after a preposition in the source is not the source",
	  "Refugees have lived in Varn since March. Few people at the Varn "
	  "camp said the tents were cold.",
	  "the tents were cold", EX_INDIRECT, "said",
	  "Few people at the Varn camp", EX_SOURCE_UNNAMED, NULL },
	{ "\"According to X, Y ..., arguing\": Y argues, not \"According\"",
	  "According to two officials in the talks, Dalmarra opposed a cap, "
	  "arguing that it would discourage new supply.",
	  "it would discourage new supply", EX_INDIRECT, "arguing",
	  "Dalmarra", EX_SOURCE_ENTITY, NULL },
	{ "a leader of a party whose name is a newspaper's is a person",
	  "Civic Dawn leader Lidia Stansk said the vote had been stolen.",
	  "the vote had been stolen", EX_INDIRECT, "said",
	  "Civic Dawn leader Lidia Stansk", EX_SOURCE_ENTITY, "Lidia Stansk" },
	{ "\"X, announced on D, covers\": a passive participle, no speech",
	  "The amnesty, announced on Sunday, covers people who took part in "
	  "the protests.",
	  NULL, 0, NULL, NULL, 0, NULL },
	{ "she is never the last speaker the text calls he",
	  "Lidia Stansk, 46, leads the opposition. Her campaign has focused "
	  "on small towns.\n\nInterior Minister Vadim Serko said the law had "
	  "been withdrawn. He added that the rallies were a show.\n\n"
	  "\"Good will does not usually arrive with tear gas,\" she said.",
	  "Good will does not usually arrive with tear gas", EX_DIRECT,
	  ">said", "she", EX_SOURCE_NONE, NULL },
	{ "she: a name the text calls she, at the front of a sentence",
	  "Back in Korvala, Stansk finished her speech after dark.\n\n"
	  "\"They will have to count in the dark,\" she said.",
	  "They will have to count in the dark", EX_DIRECT, ">said", "she",
	  EX_SOURCE_ENTITY, "Stansk" },
	{ "X's office said: the office, unnamed, not X",
	  "Israeli Prime Minister Benjamin Netanyahu met the envoy on "
	  "Sunday.\n\nNetanyahu's office said the talks would resume on "
	  "Monday.",
	  "the talks would resume on Monday", EX_INDIRECT, "said",
	  "Netanyahu's office", EX_SOURCE_UNNAMED, NULL },
	{ "the embassy in a capital said: the embassy, not the capital",
	  "The Marovian embassy in Port Avery said the ship was a civilian "
	  "research vessel.",
	  "the ship was a civilian research vessel", EX_INDIRECT, "said",
	  "The Marovian embassy", EX_SOURCE_ENTITY, NULL },
	{ "X said that \"Q,\" according to AGENCY: X's quote, not the agency's",
	  "Marovian Deputy Foreign Minister Ilse Varga said that Drossen was "
	  "\"turning a failure into a campaign,\" according to a report from "
	  "MARNA.",
	  "Drossen was \"turning a failure into a campaign,\"", EX_MIXED,
	  "said", "Marovian Deputy Foreign Minister Ilse Varga",
	  EX_SOURCE_ENTITY, "Ilse Varga" },
	{ "the leader of a party named like a newspaper is no outlet",
	  "Lidia Stansk arrived two hours late.\n\n\"They stopped us to "
	  "check the tyres,\" the Civic Dawn leader told the crowd.",
	  "They stopped us to check the tyres", EX_DIRECT, "told",
	  "the Civic Dawn leader", EX_SOURCE_UNNAMED, NULL },
	{ "\"His office says\": the office, unnamed",
	  "Ruskov has barely campaigned. His office says he is too busy "
	  "governing.",
	  "he is too busy governing", EX_INDIRECT, "says", "His office",
	  EX_SOURCE_UNNAMED, NULL },
	{ "X has long said: the adverb is not the source",
	  "Halm has long said that the pipeline is safe.",
	  "the pipeline is safe", EX_INDIRECT, "said", "Halm",
	  EX_SOURCE_ENTITY, NULL },
	{ "X has quietly said: an adverb in -ly is not the source",
	  "Halm has quietly said that the pipeline is safe.",
	  "the pipeline is safe", EX_INDIRECT, "said", "Halm",
	  EX_SOURCE_ENTITY, NULL },
	{ "X said on D, a day after: no reported clause",
	  "Lutz said on Thursday, a day after Marogas cut deliveries by half.",
	  NULL, 0, NULL, NULL, 0, NULL },
	{ "R \"Q,\" X said: the writer's words opening it are X's too",
	  "Not paying the harbour tax \"makes me smart,\" Brekk said on "
	  "Monday.",
	  "Not paying the harbour tax \"makes me smart", EX_MIXED, "said",
	  "Brekk", EX_SOURCE_ENTITY, NULL },
	{ "X scolded him: \"Q,\" she said: the cue after wins over no cue",
	  "Senator Ilse Varga scolded him: \"The ferries are a danger to "
	  "every crew,\" she said.",
	  "The ferries are a danger to every crew", EX_DIRECT, "said", "she",
	  EX_SOURCE_ENTITY, "Ilse Varga" },
	{ "X scolded him. \"Q,\" she said: \"him\" is someone else, not X",
	  "Ilse Varga scolded him. \"The ferries are a danger to every "
	  "crew,\" she said.",
	  "The ferries are a danger to every crew", EX_DIRECT, "said", "she",
	  EX_SOURCE_ENTITY, "Ilse Varga" },
	{ "the mayor is not the last speaker, whose title is another",
	  "Foreign Minister Ilse Varga said the talks had failed. \"We will "
	  "not sign,\" the mayor said.",
	  "We will not sign", EX_DIRECT, ">said", "the mayor",
	  EX_SOURCE_UNNAMED, NULL },
	{ "the spokesperson: the one named just before, who had not spoken",
	  "Foreign ministry spokesperson Kasimir Oll dismissed the claim. "
	  "\"The price is not measured only in crowns,\" the spokesperson "
	  "said.",
	  "The price is not measured only in crowns", EX_DIRECT, "said",
	  "the spokesperson", EX_SOURCE_ENTITY, "Kasimir Oll" },
	{ "the company: the organisation named just before",
	  "Shares of Dalmar Energy Corp. fell by a third after the deal. The "
	  "company said deliveries would resume in January.",
	  "deliveries would resume in January", EX_INDIRECT, "said",
	  "The company", EX_SOURCE_ENTITY, "Dalmar Energy Corp." },
	{ "the ministry: the organisation named before with that word",
	  "The Marovian Foreign Ministry announced on Monday that the border "
	  "would stay closed. The ministry said the talks would resume in "
	  "March.",
	  "the talks would resume in March", EX_INDIRECT, "said",
	  "The ministry", EX_SOURCE_ENTITY, "Marovian Foreign Ministry" },
};

/* The first whole-word match of w in text at or after from, or -1. */
static long
find_word(const char *text, const char *w, size_t from)
{
	const char	*p = text + from;
	size_t		 n = strlen(w);

	while ((p = strstr(p, w)) != NULL) {
		if ((p == text || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return p - text;
		p++;
	}
	return -1;
}

/* Check one pattern. */
static void
check_case(const struct qcase *c)
{
	struct extract		 x;
	const struct ex_quote	*q = NULL;
	const char		*p, *cue, *sp;
	size_t			 i, start, after;
	long			 at;

	extract_run(&x, c->text, strlen(c->text));
	if (c->quote == NULL) {
		if (x.nquotes != 0)
			fail_msg("%s: %zu quotes, expected none", c->what,
			    x.nquotes);
		extract_free(&x);
		return;
	}
	p = strstr(c->text, c->quote);
	assert_non_null(p);
	start = (size_t)(p - c->text);
	for (i = 0; i < x.nquotes; i++)
		if (x.quotes[i].start == start && x.quotes[i].end == start +
		    strlen(c->quote))
			q = &x.quotes[i];
	if (q == NULL) {
		for (i = 0; i < x.nquotes; i++)
			print_message("  got [%.*s]\n", (int)(x.quotes[i].end -
			    x.quotes[i].start), c->text + x.quotes[i].start);
		fail_msg("%s: no quote [%s]", c->what, c->quote);
	}
	if (q->kind != c->kind)
		fail_msg("%s: kind %s, expected %s", c->what,
		    extract_quote_kind_name(q->kind),
		    extract_quote_kind_name(c->kind));
	after = start + strlen(c->quote);
	if (c->cue == NULL) {
		if (q->cue_start != EX_NONE)
			fail_msg("%s: a cue, expected none", c->what);
	} else {
		cue = c->cue[0] == '>' ? c->cue + 1 : c->cue;
		at = find_word(c->text, cue, c->cue[0] == '>' ? after : 0);
		assert_true(at >= 0);
		if (q->cue_start != (size_t)at || q->cue_end != (size_t)at +
		    strlen(cue))
			fail_msg("%s: cue at %zu, expected %ld", c->what,
			    q->cue_start, at);
	}
	if (c->speaker == NULL) {
		if (q->sp_start != EX_NONE)
			fail_msg("%s: a speaker, expected none", c->what);
		extract_free(&x);
		return;
	}
	sp = c->speaker;
	at = find_word(c->text, sp, 0);
	assert_true(at >= 0);
	if (q->sp_start == EX_NONE)
		fail_msg("%s: no speaker, expected [%s]", c->what, sp);
	if (q->sp_start != (size_t)at || q->sp_end != (size_t)at + strlen(sp))
		fail_msg("%s: speaker [%.*s], expected [%s]", c->what,
		    (int)(q->sp_end - q->sp_start), c->text + q->sp_start, sp);
	if (q->source != c->source)
		fail_msg("%s: source %d, expected %d", c->what, (int)q->source,
		    (int)c->source);
	if (c->name != NULL && x.nents > 0) {
		if (q->entity == EX_NONE)
			fail_msg("%s: speaker unresolved, expected %s",
			    c->what, c->name);
		if (strcmp(x.ents[q->entity].name, c->name) != 0)
			fail_msg("%s: speaker is %s, expected %s", c->what,
			    x.ents[q->entity].name, c->name);
	}
	extract_free(&x);
}

static void
test_patterns(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&cases[i]);
}

/* The quote whose words start with s, or NULL. */
static const struct ex_quote *
quote_with(const struct extract *x, const char *s)
{
	const char	*p = strstr(x->text, s);
	size_t		 i, off;

	if (p == NULL)
		return NULL;
	off = (size_t)(p - x->text);
	for (i = 0; i < x->nquotes; i++)
		if (x->quotes[i].start <= off && off < x->quotes[i].end)
			return &x->quotes[i];
	return NULL;
}

/* Check that the quote holding words is from name (or the speaker text). */
static void
check_from(const struct extract *x, const char *words, const char *speaker,
    const char *name, enum ex_source source)
{
	const struct ex_quote	*q = quote_with(x, words);

	if (q == NULL)
		fail_msg("example: no quote with [%s]", words);
	if (q->sp_start == EX_NONE)
		fail_msg("example: [%s] has no speaker", words);
	if (q->sp_end - q->sp_start != strlen(speaker) ||
	    memcmp(x->text + q->sp_start, speaker, strlen(speaker)) != 0)
		fail_msg("example: [%s] from [%.*s], expected [%s]", words,
		    (int)(q->sp_end - q->sp_start), x->text + q->sp_start,
		    speaker);
	if (q->source != source)
		fail_msg("example: [%s] source %d, expected %d", words,
		    (int)q->source, (int)source);
	if (name != NULL && x->nents > 0 && (q->entity == EX_NONE ||
	    strcmp(x->ents[q->entity].name, name) != 0))
		fail_msg("example: [%s] not resolved to %s", words, name);
}

/*
 * A quote with a speaker and "according to AGENCY" is one quote, the
 * speaker's: the agency only carried it, and is its medium.
 */
static void
test_medium(void **state)
{
	static const char *const texts[] = {
		"Halm said Marovia would respond \"in a proportionate and "
		"timely manner,\" according to the Marovian News Agency.",
		"Varga said that Drossen was \"turning a failure into a "
		"campaign,\" according to a report from MARNA.",
		"\"Marovia is to blame,\" Varga said, according to MARNA.",
	};
	struct extract	x;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		extract_run(&x, texts[i], strlen(texts[i]));
		if (x.nquotes != 1)
			fail_msg("medium: %zu quotes in [%s], expected one",
			    x.nquotes, texts[i]);
		if (x.quotes[0].sp_start == EX_NONE || (texts[i][x.quotes[0].
		    sp_start] != 'H' && texts[i][x.quotes[0].sp_start] != 'V'))
			fail_msg("medium: the speaker of [%s] is not the "
			    "minister", texts[i]);
		if (x.quotes[0].med_start == EX_NONE || (strncmp(texts[i] +
		    x.quotes[0].med_start, "MARNA", 5) != 0 &&
		    strncmp(texts[i] + x.quotes[0].med_start, "the Marovian",
		    12) != 0))
			fail_msg("medium: no medium in [%s]", texts[i]);
		extract_free(&x);
	}
}

/*
 * An outlet that reports words "according to" a teller only carries them:
 * "the Gazette reports that Q, according to the institute" is the
 * institute's quote, the Gazette its medium.
 */
static void
test_medium_teller(void **state)
{
	static const char *const texts[] = {
		"The Korvala Gazette reports that turnout in the north fell "
		"by a third, according to the Sarvenian Electoral "
		"Institute.",
		"Reuters reported that the talks would resume in June, "
		"according to Ilse Varga.",
	};
	static const char *const teller[] = {
		"the Sarvenian Electoral Institute", "Ilse Varga"
	};
	static const char *const outlet[] = {
		"The Korvala Gazette", "Reuters"
	};
	const struct ex_quote	*q;
	struct extract		 x;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		extract_run(&x, texts[i], strlen(texts[i]));
		if (x.nquotes != 1)
			fail_msg("teller: %zu quotes in [%s], expected one",
			    x.nquotes, texts[i]);
		q = &x.quotes[0];
		n = strlen(teller[i]);
		if (q->sp_start == EX_NONE || q->sp_end - q->sp_start != n ||
		    strncmp(texts[i] + q->sp_start, teller[i], n) != 0)
			fail_msg("teller: the speaker in [%s] is not [%s]",
			    texts[i], teller[i]);
		n = strlen(outlet[i]);
		if (q->med_start == EX_NONE || q->med_end - q->med_start != n ||
		    strncmp(texts[i] + q->med_start, outlet[i], n) != 0)
			fail_msg("teller: the medium in [%s] is not [%s]",
			    texts[i], outlet[i]);
		extract_free(&x);
	}
}

/*
 * A quote split by its cue is one statement: its second part names the
 * first (continues), with the same speaker and cue; two quotes of their
 * own are two statements, and a part after a quote that is not split
 * continues nothing.
 */
static void
test_split(void **state)
{
	static const struct {
		const char	*text;
		const char	*first, *second;
		int		 linked;
	} splits[] = {
		{ "\"We will not be hurried,\" Brekk said, \"and we will not "
		  "be quiet.\"", "We will not be hurried", "and we will", 1 },
		{ "\"We will not retreat,\" she said. \"Not now.\"",
		  "We will not retreat", "Not now", 1 },
		{ "Foreign Minister Anja Brekk spoke first. \"The talks are "
		  "over,\" Brekk said. \"We expect it in writing,\" Oll "
		  "said.", "The talks are over", "We expect it", 0 },
		{ "Brekk said: \"The talks are over.\" \"We expect an answer "
		  "in writing from the embassy this week,\" Oll said.",
		  "The talks are over", "We expect an answer", 0 },
	};
	const struct ex_quote	*a, *b;
	struct extract		 x;
	size_t			 i, k;

	(void)state;
	for (i = 0; i < sizeof splits / sizeof splits[0]; i++) {
		extract_run(&x, splits[i].text, strlen(splits[i].text));
		a = quote_with(&x, splits[i].first);
		b = quote_with(&x, splits[i].second);
		if (a == NULL || b == NULL || a == b)
			fail_msg("split: [%s] is not two quotes",
			    splits[i].text);
		if (a->continues != EX_NONE)
			fail_msg("split: the first part of [%s] continues "
			    "%zu", splits[i].text, a->continues);
		if (!splits[i].linked) {
			if (b->continues != EX_NONE)
				fail_msg("split: [%s] is two statements, "
				    "linked", splits[i].text);
			extract_free(&x);
			continue;
		}
		k = (size_t)(a - x.quotes);
		if (b->continues != k)
			fail_msg("split: the second part of [%s] continues "
			    "%zu, expected %zu", splits[i].text, b->continues,
			    k);
		if (b->sp_start != a->sp_start || b->cue_start !=
		    a->cue_start || b->entity != a->entity)
			fail_msg("split: the parts of [%s] differ in speaker "
			    "or cue", splits[i].text);
		extract_free(&x);
	}
	/* A continuation names an earlier quote, never itself. */
	extract_run(&x, splits[0].text, strlen(splits[0].text));
	for (k = 0; k < x.nquotes; k++)
		if (x.quotes[k].continues != EX_NONE &&
		    x.quotes[k].continues >= k)
			fail_msg("split: quote %zu continues %zu", k,
			    x.quotes[k].continues);
	extract_free(&x);
}

static void
test_example(void **state)
{
	struct extract	 x;
	char		*text;
	size_t		 len;

	(void)state;
	text = test_example_text(&len);
	assert_non_null(text);
	extract_run(&x, text, len);

	check_from(&x, "There are no changes", "Ryabkov", "Sergei Ryabkov",
	    EX_SOURCE_ENTITY);
	check_from(&x, "We are independent states", "Ryabkov",
	    "Sergei Ryabkov", EX_SOURCE_ENTITY);
	check_from(&x, "will not succumb to geopolitical pressure",
	    "Russian Deputy Foreign Minister Sergei Ryabkov", "Sergei Ryabkov",
	    EX_SOURCE_ENTITY);
	check_from(&x, "None of the transactions",
	    "Iranian defense ministry spokesperson Reza Talaei-Nik",
	    "Reza Talaei-Nik", EX_SOURCE_ENTITY);
	check_from(&x, "Western and European countries", "Talaei-Nik",
	    "Reza Talaei-Nik", EX_SOURCE_ENTITY);
	check_from(&x, "Iran had transferred several hundred drones",
	    "A White House official", NULL, EX_SOURCE_UNNAMED);
	check_from(&x, "The US is pressing Iran to stop selling the armed "
	    "drones that Russia is using in the war in Ukraine, the",
	    "the Financial Times", NULL, EX_SOURCE_MEDIA);
	check_from(&x, "sending drones to Russia but", "Iran", "Iran",
	    EX_SOURCE_ENTITY);
	check_from(&x, "its forces used Iranian drones", "Moscow", "Moscow",
	    EX_SOURCE_ENTITY);
	assert_null(quote_with(&x, "Mohajer 10"));
	assert_null(quote_with(&x, "no military transaction"));
	extract_free(&x);
	free(text);
}

/* Run the stages on text and check every span stays inside it. */
static void
check_hostile(const char *text, size_t len)
{
	struct extract	 x;
	size_t		 i, total = 0;

	extract_run(&x, text, len);
	for (i = 0; i < x.nquotes; i++) {
		const struct ex_quote *q = &x.quotes[i];

		assert_true(q->start < q->end && q->end <= len);
		assert_true(q->cue_start == EX_NONE || (q->cue_start <
		    q->cue_end && q->cue_end <= len));
		assert_true(q->sp_start == EX_NONE || (q->sp_start <
		    q->sp_end && q->sp_end <= len));
		assert_true(q->entity == EX_NONE || q->entity < x.nents);
		total += q->end - q->start;
	}
	/* no quadratic output: quotes overlap only a little */
	assert_true(total <= 4 * len + 1024);
	extract_free(&x);
}

static void
test_hostile(void **state)
{
	static const char *const bits[] = {
		"\"", "\xe2\x80\x9c", "\xe2\x80\x9d", "'", "''", " ", "said",
		"Brekk", ",", ":", "\n", "\n\n", "\xff", "\xe2\x80", "told",
		"according to", "he", "the minister", "SAID", "who", "(", ")",
		"\xe2\x80\x94", "."
	};
	size_t		 n = 2 * 1024 * 1024, i, k;
	char		*big;
	uint32_t	 r = 1;

	(void)state;
	big = xmalloc(n + 64);
	/* random pieces: unbalanced, nested, broken UTF-8 */
	for (i = 0; i < n;) {
		r = r * 1103515245 + 12345;
		k = (r >> 16) % (sizeof bits / sizeof bits[0]);
		memcpy(big + i, bits[k], strlen(bits[k]));
		i += strlen(bits[k]);
		big[i++] = ' ';
	}
	check_hostile(big, i);
	/* one paragraph with no stop, a cue in every sentence */
	for (i = 0; i + 32 < n; i += 32)
		memcpy(big + i, "the talks failed, Brekk said and ", 32);
	check_hostile(big, i);
	/* 100,000 quote marks */
	memset(big, '"', 100000);
	check_hostile(big, 100000);
	for (i = 0; i + 3 < 300000; i += 3)
		memcpy(big + i, "\xe2\x80\x9c", 3);
	check_hostile(big, i);
	/* capitals only */
	for (i = 0; i + 16 < n; i += 16)
		memcpy(big + i, "BREKK SAID \"NO\" ", 16);
	check_hostile(big, i);
	/* an opening mark that never closes */
	memcpy(big, "Brekk said: \"", 13);
	for (i = 13; i + 6 < n; i += 6)
		memcpy(big + i, "words ", 6);
	check_hostile(big, i);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_medium),
		cmocka_unit_test(test_medium_teller),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_example),
	};
	char	*example;
	size_t	 len;

	/* Without ../shared the example's test is left out, not skipped. */
	if ((example = test_example_text(&len)) == NULL) {
		printf("# SKIP test_example: no $DOSSIER_SHARED/examples\n");
		return _cmocka_run_group_tests("tests", tests,
		    sizeof tests / sizeof tests[0] - 1, NULL, NULL);
	}
	free(example);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
