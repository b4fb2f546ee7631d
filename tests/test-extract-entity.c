/* Unit tests: people, organisations and places found in text. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "buf.h"
#include "extract.h"
#include "xmalloc.h"

/* Run extraction on a string the test keeps alive. */
static void
run(struct extract *x, const char *text)
{
	extract_run(x, text, strlen(text));
}

/* The n-th (from 0) mention whose text is word, or NULL. */
static const struct ex_mention *
mention(const struct extract *x, const char *word, int nth)
{
	size_t	i, n = strlen(word);

	for (i = 0; i < x->nments; i++) {
		const struct ex_mention *m = &x->ments[i];

		if (m->end - m->start == n &&
		    memcmp(x->text + m->start, word, n) == 0 && nth-- == 0)
			return m;
	}
	return NULL;
}

/* The entity of a mention, checked for kind and canonical name. */
static const struct ex_entity *
entity_is(const struct extract *x, const char *word, int nth,
    enum ex_kind kind, const char *name)
{
	const struct ex_mention	*m = mention(x, word, nth);
	const struct ex_entity	*e;

	if (m == NULL)
		fail_msg("no mention \"%s\" (%d)", word, nth);
	assert_true(m->entity < x->nents);
	e = &x->ents[m->entity];
	assert_string_equal(extract_kind_name(e->kind),
	    extract_kind_name(kind));
	assert_string_equal(e->name, name);
	return e;
}

/* Does any mention overlap bytes [start, end)? */
static int
covered(const struct extract *x, size_t start, size_t end)
{
	size_t	i;

	for (i = 0; i < x->nments; i++)
		if (x->ments[i].start < end && start < x->ments[i].end)
			return 1;
	return 0;
}

/* Is there a mention of word at all? */
static int
has_word(const struct extract *x, const char *word)
{
	const char	*p = strstr(x->text, word);

	return p != NULL && covered(x, (size_t)(p - x->text),
	    (size_t)(p - x->text) + strlen(word));
}

static void
test_title_affiliation(void **state)
{
	static const char text[] =
	    "Ties will hold, Norwegian Deputy Foreign Minister Ilse Varga "
	    "said on Monday.\n\n\"Nothing changes,\" Varga told reporters.";
	struct extract		 x;
	const struct ex_mention	*m;
	const struct ex_entity	*e;

	(void)state;
	run(&x, text);
	m = mention(&x, "Ilse Varga", 0);
	assert_non_null(m);
	assert_int_equal(m->start, strstr(text, "Ilse") - text);
	assert_int_equal(m->end, strstr(text, " said") - text);
	assert_non_null(m->title);
	assert_string_equal(m->title, "Norwegian Deputy Foreign Minister");
	e = entity_is(&x, "Ilse Varga", 0, EX_PERSON, "Ilse Varga");
	assert_non_null(e->title);
	assert_string_equal(e->title, "Deputy Foreign Minister");
	assert_non_null(e->affiliation);
	assert_string_equal(e->affiliation, "Norway");
	/* the demonym is the affiliation, not a mention */
	assert_false(has_word(&x, "Norwegian"));
	/* a later surname is the same person */
	assert_ptr_equal(entity_is(&x, "Varga", 0, EX_PERSON, "Ilse Varga"),
	    e);
	assert_null(mention(&x, "Monday", 0));
	extract_free(&x);
}

static void
test_variants(void **state)
{
	static const char text[] =
	    "Washington asked Teheran to stop. The U.S. and the US are the "
	    "United States; Kiev is Kyiv. She moved to Łódź in 1990.";
	struct extract		 x;
	const struct ex_entity	*us;

	(void)state;
	run(&x, text);
	entity_is(&x, "Teheran", 0, EX_PLACE, "Tehran");
	entity_is(&x, "Kiev", 0, EX_PLACE, "Kyiv");
	entity_is(&x, "Kyiv", 0, EX_PLACE, "Kyiv");
	us = entity_is(&x, "U.S.", 0, EX_PLACE, "United States");
	assert_ptr_equal(entity_is(&x, "US", 0, EX_PLACE, "United States"),
	    us);
	assert_ptr_equal(entity_is(&x, "United States", 0, EX_PLACE,
	    "United States"), us);
	entity_is(&x, "Washington", 0, EX_PLACE, "Washington");
	entity_is(&x, "Łódź", 0, EX_PLACE, "Łódź");
	assert_false(has_word(&x, "She"));
	extract_free(&x);
}

/* A state that acts is an organisation where it acts, a place where it
   is; one entity, the place. */
static void
test_state_acts(void **state)
{
	static const char text[] =
	    "Valdoria denied the report. Troops crossed into Valdoria on "
	    "Monday, and Moscow has said nothing. In Valdoria, officials "
	    "said little; Valdoria's army stayed home.";
	struct extract		 x;
	const struct ex_mention	*m;

	(void)state;
	run(&x, text);
	entity_is(&x, "Valdoria", 0, EX_PLACE, "Valdoria");
	m = mention(&x, "Valdoria", 0);
	assert_int_equal(m->kind, EX_ORG);
	assert_int_equal(mention(&x, "Valdoria", 1)->kind, EX_PLACE);
	assert_int_equal(mention(&x, "Valdoria", 1)->entity, m->entity);
	assert_int_equal(mention(&x, "Valdoria", 2)->kind, EX_PLACE);
	assert_int_equal(mention(&x, "Valdoria", 3)->kind, EX_PLACE);
	entity_is(&x, "Moscow", 0, EX_PLACE, "Moscow");
	assert_int_equal(mention(&x, "Moscow", 0)->kind, EX_ORG);
	extract_free(&x);
}

/*
 * A capital no list knows, used as a person would be ("Drossen wants a
 * bloc") in a story that says "in Drossen": the place acting as the
 * state, never a person; the plain use stays the place.
 */
static void
test_capital_acts(void **state)
{
	static const char text[] =
	    "\"Drossen wants a bloc. We want a conversation,\" she said. "
	    "The council meets in October in Drossen.";
	static const char said[] =
	    "Later, Tesh said no. Trade in Tesh grew.";
	static const char person[] =
	    "Keller wants a bloc, she said. Keller met the council.";
	struct extract		 x;

	(void)state;
	run(&x, text);
	entity_is(&x, "Drossen", 0, EX_PLACE, "Drossen");
	assert_int_equal(mention(&x, "Drossen", 0)->kind, EX_ORG);
	assert_int_equal(mention(&x, "Drossen", 1)->kind, EX_PLACE);
	assert_int_equal(mention(&x, "Drossen", 1)->entity,
	    mention(&x, "Drossen", 0)->entity);
	extract_free(&x);
	run(&x, said);		/* a place that speaks: the state */
	entity_is(&x, "Tesh", 0, EX_PLACE, "Tesh");
	assert_int_equal(mention(&x, "Tesh", 0)->kind, EX_ORG);
	assert_int_equal(mention(&x, "Tesh", 1)->kind, EX_PLACE);
	extract_free(&x);
	run(&x, person);	/* nothing says Keller is a place */
	entity_is(&x, "Keller", 0, EX_PERSON, "Keller");
	extract_free(&x);
}

static void
test_organisations(void **state)
{
	static const char text[] =
	    "The report, from the Marovian News Agency, cited Reuters and "
	    "the White House. She studied at the University of Drossen and "
	    "worked for Avery Dynamics Inc. before joining NATO.";
	struct extract		 x;
	const struct ex_entity	*e;

	(void)state;
	run(&x, text);
	entity_is(&x, "Marovian News Agency", 0, EX_ORG,
	    "Marovian News Agency");
	e = entity_is(&x, "Reuters", 0, EX_ORG, "Reuters");
	assert_true(e->media);
	e = entity_is(&x, "White House", 0, EX_ORG, "White House");
	assert_false(e->media);
	entity_is(&x, "University of Drossen", 0, EX_ORG,
	    "University of Drossen");
	entity_is(&x, "Avery Dynamics Inc.", 0, EX_ORG, "Avery Dynamics Inc.");
	entity_is(&x, "NATO", 0, EX_ORG, "NATO");
	assert_false(has_word(&x, "The report"));
	extract_free(&x);
}

/* What a case expects of one word. */
enum want_what {
	WANT_PERSON = EX_PERSON,	/* a mention of an entity of a kind */
	WANT_ORG = EX_ORG,
	WANT_PLACE = EX_PLACE,
	WANT_MISC = EX_MISC,
	WANT_NOTHING,			/* no mention covers the word */
	WANT_COVERED,			/* some mention covers it */
	WANT_NO_MENTION			/* the nth mention of it is absent */
};

struct want {
	const char	*word;
	int		 nth;		/* which of its mentions, from 0 */
	enum want_what	 what;
	const char	*name;		/* the entity's name; NULL: the word */
	const char	*title;		/* the entity's title, if not NULL */
	const char	*affil;		/* the entity's affiliation, likewise */
	const char	*as_written;	/* the mention's title, likewise */
};

/* A text and what extraction must find in it (at most 24 wants). */
struct entity_case {
	const char	*test;		/* cases of one test follow each other */
	const char	*text;
	struct want	 want[24];
};

#define WANT(w, n, what, name)	{ (w), (n), (what), (name), NULL, NULL, NULL }
#define PERSON(w)		WANT((w), 0, WANT_PERSON, NULL)
#define ORG(w)			WANT((w), 0, WANT_ORG, NULL)
#define PLACE(w)		WANT((w), 0, WANT_PLACE, NULL)
#define MISC(w)			WANT((w), 0, WANT_MISC, NULL)
#define NOTHING(w)		WANT((w), 0, WANT_NOTHING, NULL)
/* A person with a title (t), an affiliation (a), a title as written (m). */
#define TITLED(w, t, a, m)	{ (w), 0, WANT_PERSON, NULL, (t), (a), (m) }

static const struct entity_case cases[] = {
	{ "test_lower_case_title",
	  "Meanwhile, Iranian defence ministry spokesperson Tomas Reyn "
	  "said: \"No deal was cancelled.\" Later Reyn added that Western "
	  "countries were interested.",
	  { TITLED("Tomas Reyn", "defence ministry spokesperson", "Iran",
	    "Iranian defence ministry spokesperson"),
	    WANT("Reyn", 0, WANT_PERSON, "Tomas Reyn"),
	    NOTHING("Meanwhile"), NOTHING("Western"), NOTHING("Iranian") } },
	{ "test_apposition",
	  "Ilse Varga, Russia's deputy foreign minister, said talks went "
	  "on. Talks stalled, said Tomas Reyn, an Iranian defence ministry "
	  "spokesperson.",
	  { TITLED("Ilse Varga", "deputy foreign minister", "Russia",
	    "Russia's deputy foreign minister"),
	    TITLED("Tomas Reyn", "defence ministry spokesperson", "Iran",
	    NULL) } },
	{ "test_invented_demonym",
	  "Talks failed, Marovian Deputy Foreign Minister Ilse Varga said. "
	  "Marovian defence ministry spokesperson Col. Mirela Dusan "
	  "agreed.",
	  { TITLED("Ilse Varga", "Deputy Foreign Minister", "Marovian", NULL),
	    TITLED("Mirela Dusan", NULL, "Marovian", NULL),
	    NOTHING("Marovian Deputy") } },
	{ "test_talk_greeting",
	  "Hi Vesko! I'm Talinde. I am Orsolya, she said. My name is "
	  "Brannit, and I'm glad.",
	  { PERSON("Vesko"), PERSON("Talinde"), PERSON("Orsolya"),
	    PERSON("Brannit") } },
	{ "test_talk_this_is",
	  "That's Pemry. This is Vorlik from the north.",
	  { PERSON("Pemry"), PERSON("Vorlik") } },
	{ "test_talk_and_i",
	  "It rained. Joska and I went home, and Lendi and Marra and I "
	  "stayed.",
	  { PERSON("Joska"), PERSON("Marra") } },
	{ "test_talk_signature",
	  "Dear Mara,\n\nThe villa was lovely.\n\nBest wishes,\n\n"
	  "Tamsor\n",
	  { PERSON("Tamsor") } },
	{ "test_curly_apostrophe",
	  "\xe2\x80\x9cI\xe2\x80\x99m sorry,\xe2\x80\x9d I say, "
	  "\xe2\x80\x9cI\xe2\x80\x99m her brother.\xe2\x80\x9d "
	  "\xe2\x80\x9cI\xe2\x80\x99m sorry,\xe2\x80\x9d I say "
	  "again.",
	  { NOTHING("I\xe2\x80\x99m") } },
	{ "test_person_after_by",
	  "He was invited by Dorvan Keshet to return, and worked with "
	  "Ilvo Marant and his friend Sefa Orunde. The fields were farmed "
	  "by Varsic Tolm speakers.",
	  { PERSON("Dorvan Keshet"), PERSON("Ilvo Marant"),
	    PERSON("Sefa Orunde"), NOTHING("Varsic Tolm") } },
	{ "test_talk_said_name",
	  "\"There they are,\" said Ventiv, the head servant.",
	  { PERSON("Ventiv") } },
	{ "test_pair_with_person",
	  "It was splashy. Varko and Marcia had one of his paintings.",
	  { PERSON("Varko"), PERSON("Marcia") } },
	{ "test_byline",
	  "The Case for Frozen Food\n\nBy Nicco Pandolvi\n\nIt is "
	  "cheap.",
	  { PERSON("Nicco Pandolvi") } },
	{ "test_town_given_name",
	  "They moved to Marion, Ohio in May.",
	  { PLACE("Marion"), PLACE("Ohio") } },
	{ "test_kin_address",
	  "To Judy, from Mom. If it's too small, Mom can take it. Oh Dad, "
	  "no.",
	  { NOTHING("Mom"), NOTHING("Dad") } },
	{ "test_person_acts",
	  "My mother bit her lip; Tovim gave a groan. Later Tovim nodded.",
	  { PERSON("Tovim"), WANT("Tovim", 1, WANT_PERSON, NULL) } },
	{ "test_hyphen_name",
	  "He was born in Vaulx-la-Morne and bought Russian-made drones.",
	  { PLACE("Vaulx-la-Morne"), NOTHING("Russian-made") } },
	{ "test_place_of",
	  "Troops marched to the town of Tarvesk, near the hills of "
	  "Omblin.",
	  { PLACE("Tarvesk"), PLACE("Omblin") } },
	{ "test_storm",
	  "Hurricane Katrina struck the coast. Katrina killed many, and "
	  "Tropical Storm Ana followed.",
	  { MISC("Hurricane Katrina"), MISC("Katrina"),
	    MISC("Tropical Storm Ana") } },
	{ "test_party_by_creed",
	  "My ties to the Republican party are old, and the Communist "
	  "party agreed. Republican voters stayed home.",
	  { ORG("Republican party"), ORG("Communist party"),
	    NOTHING("Republican voters") } },
	{ "test_land_after",
	  "They crossed the Mekrava river at dawn, near the Osk lakes.",
	  { PLACE("Mekrava"), PLACE("Osk") } },
	{ "test_earth",
	  "The rivers of Earth are long.",
	  { PLACE("Earth") } },
	{ "test_body_government",
	  "We have called on the Government to act, and the Opposition "
	  "agreed.",
	  { ORG("Government"), ORG("Opposition") } },
	{ "test_owner_business",
	  "Compare this to Varnelli's market value and Varnelli's "
	  "publications.",
	  { ORG("Varnelli") } },
	{ "test_people_cues",
	  "The plan came from Dr. Anja Brekk and Mr. Oll. According to "
	  "President Renata Solvik, the deal holds. Solvik said so twice. "
	  "Piet K. Harnack, who leads the army, agreed with Harnack's "
	  "aide.",
	  { TITLED("Anja Brekk", "Dr.", NULL, NULL), PERSON("Oll"),
	    TITLED("Renata Solvik", "President", NULL, NULL),
	    WANT("Solvik", 0, WANT_PERSON, "Renata Solvik"),
	    PERSON("Piet K. Harnack"),
	    WANT("Harnack", 0, WANT_PERSON, "Piet K. Harnack"),
	    NOTHING("According") } },
	{ "test_demonyms",
	  "Russian officials denied it. Ukrainian forces used "
	  "Iranian-made Shahed drones, and American troops left Russia. "
	  "Iranians who live in Kyiv protested.",
	  { NOTHING("Russian"), NOTHING("Ukrainian"), NOTHING("Iranian-made"),
	    NOTHING("American"), NOTHING("Iranians"), PLACE("Russia"),
	    MISC("Shahed") } },
	{ "test_organisations_by_kind",
	  "He served in the Army for a decade; the Judiciary stayed silent.",
	  { ORG("Army"), ORG("Judiciary") } },
	{ "test_organisations_by_kind",
	  "She trained at the Conservatoire de Varenne and joined the "
	  "Kessel Brotherhood of Jugglers.",
	  { ORG("Conservatoire de Varenne"),
	    ORG("Kessel Brotherhood of Jugglers") } },
	{ "test_places_by_keyword",
	  "The ship sailed up the Ulm River past Mount Tessalin to Port "
	  "Avery, near Lake Brenmark. Durham University is in England.",
	  { PLACE("Ulm River"), PLACE("Mount Tessalin"), PLACE("Port Avery"),
	    PLACE("Lake Brenmark"), ORG("Durham University"),
	    PLACE("Durham"),	/* nested */
	    PLACE("England") } },
	{ "test_owners_and_regions",
	  "The report drew on Haldorsen's survey of the coast. Later the "
	  "board adopted Haldorsen's method. In the interview Haldorsen "
	  "spoke of the Union's debts and of aid from the West. Trade "
	  "with the East grew, but the South of the island stayed poor. "
	  "Critics praised Tomasz Wendt's plan. The family later moved "
	  "to Brastow, and the envoy flew to Kelmar. Grain from Ostrel's "
	  "farms went to Ostrel's ports, and in Ostrel prices fell. "
	  "Buses link the towns of Varnley and Pellow, and states such "
	  "as Osterby. She learned Latin and took a degree in "
	  "Criminology. Talks stalled over Vardenia's foreign ministry "
	  "and Vardenia's eastern gas fields, and Brennhaug's memoir. "
	  "The grid failed in Sept. and again in Oct. last year.",
	  {
	    /* an owner with no other cue is a person, and its mentions */
	    PERSON("Haldorsen"), WANT("Haldorsen", 2, WANT_PERSON, NULL),
	    PERSON("Tomasz Wendt"),
	    NOTHING("Union"),		/* "the Union's" is no one */
	    /* the compass after "the" is a region, not "the South of" */
	    PLACE("West"), PLACE("East"), NOTHING("South"),
	    PLACE("Brastow"), PLACE("Kelmar"),	/* going "to" somewhere */
	    /* a list after "the towns of" or "states such as" */
	    PLACE("Varnley"), PLACE("Osterby"),
	    /* languages and abstract nouns are no places */
	    NOTHING("Latin"), NOTHING("Criminology"),
	    /* "in Sept." is a date, not a place */
	    NOTHING("Sept"), NOTHING("Oct"),
	    /* a place that owns things stays a place when a cue says so */
	    PLACE("Ostrel"), WANT("Ostrel", 2, WANT_PLACE, NULL),
	    /* what only places own says the owner is one */
	    PLACE("Vardenia"), WANT("Vardenia", 1, WANT_PLACE, NULL),
	    PERSON("Brennhaug")
	  } },
	{ "test_codes_greetings_nesting",
	  "Senator Vellum, Mr. Speaker, Governor Raskin, and my friends:\n\n"
	  "The plant near Glenford, NJ closed, and a depot in Brackley, "
	  "OK. shut too. The talks in Washington, D.C. went on. She said "
	  "it was OK, ME included. The New York Times reported it. She "
	  "ran at the Varesian Games.",
	  {
	    /* a greeting in capitals is no headline */
	    PERSON("Vellum"), PERSON("Raskin"),
	    /* a state's code after a town and a comma */
	    WANT("NJ", 0, WANT_PLACE, "New Jersey"),
	    WANT("OK", 0, WANT_PLACE, "Oklahoma"),
	    WANT("D.C.", 0, WANT_PLACE, "Washington"),
	    /* but not a code that is a word */
	    WANT("OK", 1, WANT_NO_MENTION, NULL), NOTHING("ME included"),
	    /* games are events, not bodies */
	    MISC("Varesian Games"),
	    /* a place inside a lexicon's organisation is a mention too */
	    PLACE("New York")
	  } },
	{ "test_lists_and_citations",
	  "The convoy crossed Moscow, Drossen and Tessalin before dawn. "
	  "Earlier work (Varga & Brekk, 2019; Halm, 2020) disagrees, as "
	  "Ostrander et al. showed. Talks in Ulmgrad, a port near "
	  "Qerrin, failed.",
	  { PLACE("Moscow"), PLACE("Drossen"), PLACE("Tessalin"),
	    PERSON("Varga"), PERSON("Brekk"), PERSON("Halm"),
	    PERSON("Ostrander"), PLACE("Ulmgrad"), PLACE("Qerrin"),
	    NOTHING("Earlier"), NOTHING("Talks") } },
	{ "test_citation_lists",
	  "Training helps memory (Ovrel, Tamsik, Juhlberg, & Presko, 2011; "
	  "Danvik et al., 2014). Readers in Brenholt, Kasso and Lumm agree.",
	  { PERSON("Ovrel"), PERSON("Tamsik"), PERSON("Juhlberg"),
	    PERSON("Presko"), NOTHING("Training") } },
	{ "test_place_base",
	  "Tarvossa Island lies offshore. Its goats are famous, and "
	  "Tarvossa has one road. Lindgate Street is short; Lindgate "
	  "wrote nothing.",
	  { PLACE("Tarvossa Island"), PLACE("Tarvossa"),
	    PERSON("Lindgate") } },
	{ "test_place_base",
	  "We stayed near Porto Velmar for a week. Her thesis in "
	  "Tonal Constructions won a prize.",
	  { PLACE("Porto Velmar"), NOTHING("Tonal Constructions") } },
	{ "test_place_base",
	  "Ferries leave Grande Vassel daily; Wadi Sarnak is dry.",
	  { PLACE("Grande Vassel"), PLACE("Wadi Sarnak") } },
	{ "test_place_base",
	  "We walked along the Tessaly Promenade to Orvik Lagoon.",
	  { PLACE("Tessaly Promenade"), PLACE("Orvik Lagoon") } },
	{ "test_place_base",
	  "The convoy turned toward Ulvessa at dawn and reached "
	  "Kormath by noon.",
	  { PLACE("Ulvessa"), PLACE("Kormath") } },
	{ "test_addressed_roles",
	  "Madam Speaker, I rise today. I thank the Chancellor for the "
	  "answer, and we trust this Governor to act. The minister left.",
	  { WANT("Speaker", 0, WANT_COVERED, NULL), PERSON("Chancellor"),
	    PERSON("Governor"), NOTHING("minister") } },
	{ "test_addressed_roles",
	  "I did what was best for the Nation, and our Nation will "
	  "heal. A nation is more than its laws.",
	  { PLACE("Nation"), WANT("Nation", 1, WANT_PLACE, NULL),
	    NOTHING("nation") } },
	{ "test_person_shape",
	  "The agency rolled out the National ICT Master plan. Figure 2 "
	  "shows Copper(II) oxide. Senator VALDEZ spoke.",
	  { NOTHING("ICT"), NOTHING("II"), PERSON("VALDEZ") } },
	{ "test_person_shape",
	  "Long before, the Tolmar, who built temples here, ruled. "
	  "Arlo Brenn wrote so.",
	  { NOTHING("Tolmar"), PERSON("Arlo Brenn") } },
	{ "test_person_shape",
	  "Ilse Varnholt wrote to him. The Varnholt family came from "
	  "the north.",
	  { PERSON("Ilse Varnholt"),
	    WANT("Varnholt", 0, WANT_NO_MENTION, NULL) } },
	{ "test_person_shape",
	  "They want integration into Euro-Atlantic structures and "
	  "trade in Drossen.",
	  { NOTHING("Euro-Atlantic"), PLACE("Drossen") } },
	{ "test_regnal_numbers",
	  "I thank Peter Voss III for this. Later Queen Elizabeth II "
	  "spoke, long after World War II ended.",
	  { PERSON("Peter Voss III"), PERSON("Elizabeth II"),
	    MISC("World War II") } },
	{ "test_initial_first",
	  "The report was written by K. Michael Stevens last year.",
	  { PERSON("K. Michael Stevens") } },
	{ "test_split_votes",
	  "Later, Tesh smiled. Trade in Tesh grew. Tesh is far.",
	  { PERSON("Tesh"), WANT("Tesh", 1, WANT_PLACE, NULL),
	    WANT("Tesh", 2, WANT_NO_MENTION, NULL) } },
	{ "test_sentence_starts",
	  "Officials met in Drossen. However, nothing changed. Despite "
	  "the talks, Western diplomats left. Today the council meets.\n\n"
	  "Valdoria Buys Gas From Dalmarra After Long Talks\n\n"
	  "Valdoria signed the deal in Drossen.",
	  { NOTHING("Officials"), NOTHING("However"), NOTHING("Despite"),
	    NOTHING("Today"), NOTHING("Buys Gas"), NOTHING("Long Talks") } },
	{ "test_document_demonyms",
	  "Valdoria said on Monday that it would not pay. Valdorian "
	  "officials met Marovian envoys in Drossen. The talks with Marovia "
	  "went on, and Valdoria's army stayed home.",
	  { PLACE("Valdoria"), PLACE("Marovia"), NOTHING("Valdorian"),
	    NOTHING("Marovian") } },
	{ "test_document_demonyms",
	  "Qerrin agreed. Qerrinese farmers were glad; the Maya and the "
	  "Mayan calendar were not.",
	  { PLACE("Qerrin"), NOTHING("Qerrinese"), NOTHING("Mayan"),
	    WANT("Maya", 0, WANT_NO_MENTION, NULL) } },
	{ "test_dateline_capitals",
	  "Stansk Returns\n\nKORVALA, Sarvenia \xe2\x80\x94 Lidia Stansk "
	  "arrived late in the town after police stopped her bus in "
	  "Korvala.\n\nPeople waited in Korvala, said Vera Kolan.",
	  { WANT("KORVALA", 0, WANT_PLACE, "Korvala"), PLACE("Korvala") } },
	{ "test_respelled",
	  "President Volodymyr Zelenskyy spoke on Monday. Zelensky said "
	  "the talks failed. Later Volodymyr Zelensky added more. Anna "
	  "Hansen met Peter Hanson.",
	  { PERSON("Volodymyr Zelenskyy"),
	    WANT("Zelensky", 0, WANT_PERSON, "Volodymyr Zelenskyy"),
	    WANT("Volodymyr Zelensky", 0, WANT_PERSON,
	    "Volodymyr Zelenskyy"),
	    PERSON("Anna Hansen"), PERSON("Peter Hanson") } },
	{ "test_respelled",
	  "On Monday, Maria Kovalenko spoke first. Then Maria Kowalenko spoke "
	  "again.",
	  { PERSON("Maria Kovalenko"),
	    WANT("Maria Kowalenko", 0, WANT_PERSON, "Maria Kovalenko") } },
	{ "test_surname_returns",
	  "Lidia Stansk arrived late in the town. Later, Stansk said no "
	  "and Stansk left.",
	  { PERSON("Lidia Stansk"),
	    WANT("Stansk", 1, WANT_PERSON, "Lidia Stansk") } },
	{ "test_age_apposition",
	  "Polls put Bressk, 46, ahead of the president.",
	  { PERSON("Bressk") } },
	{ "test_named_later",
	  "Oyla Bressk arrived in the town two hours late.\n\nBressk, 46, "
	  "is the first candidate.\n\nBressk dismissed that.",
	  { PERSON("Oyla Bressk"),
	    WANT("Bressk", 0, WANT_PERSON, "Oyla Bressk"),
	    WANT("Bressk", 1, WANT_PERSON, "Oyla Bressk") } },
	{ "test_named_later",
	  "Oyla Bressk said the vote was rigged.",
	  { PERSON("Oyla Bressk") } },
	{ "test_named_later",
	  "Earlier Bressk said the vote was rigged. It came earlier than "
	  "planned.",
	  { PERSON("Bressk"), NOTHING("Earlier") } },
	{ "test_clause_after_place",
	  "Oyla Bressk arrived late. Bressk, 46, is the first candidate. "
	  "Back in Korvala, Bressk finished her speech after dark.",
	  { PLACE("Korvala"), WANT("Bressk", 1, WANT_PERSON, "Oyla Bressk") } },
	{ "test_clause_after_place",
	  "The rally ended. Back in Korvala, Bressk finished her speech.",
	  { PLACE("Korvala"), PERSON("Bressk") } },
	{ "test_clause_after_place",
	  "The rally ended. Back in Korvala, Bressk finished the speech.",
	  { PLACE("Korvala"), NOTHING("Bressk") } },
	{ "test_clause_after_place",
	  "Buses left from Korvala, Ulmgrad, Velmark and Dask.",
	  { PLACE("Korvala"), PLACE("Ulmgrad"), PLACE("Velmark"),
	    PLACE("Dask") } },
	{ "test_business_cues",
	  "A spokesperson for the state company Marogas told reporters "
	  "the price would rise. Investors bought shares of Veltrona, and "
	  "Halvik, the gas firm, said nothing.",
	  { ORG("Marogas"), ORG("Veltrona"), ORG("Halvik") } },
	{ "test_state_of",
	  "Officials met on Monday. The Orvania government rejected the "
	  "plan, and the Kelmar foreign ministry agreed.",
	  { PLACE("Orvania"), PLACE("Kelmar") } },
	{ "test_medium_word_in_name",
	  "Few people said so. Members of Civic Dawn marched, and Civic Dawn "
	  "said it would go to court.",
	  { ORG("Civic Dawn"), WANT("Civic Dawn", 1, WANT_ORG, "Civic Dawn"),
	    WANT("Dawn", 0, WANT_NO_MENTION, NULL) } },
	{ "test_medium_word_in_name",
	  "Few people said so. Civic Dawn leader Lidia Stansk called the "
	  "amnesty a trap.",
	  { ORG("Civic Dawn"),
	    TITLED("Lidia Stansk", "Civic Dawn leader", "Civic Dawn", NULL),
	    WANT("Dawn", 0, WANT_NO_MENTION, NULL) } },
	{ "test_body_cues",
	  "Opposition leader Tomas Reyn heads the Blue Heron party. Later "
	  "Blue Heron said the vote was unfair, and crowds cheered as Red "
	  "Meadow chairman Ilse Varga spoke.",
	  { ORG("Blue Heron"), WANT("Blue Heron", 1, WANT_ORG, "Blue Heron"),
	    ORG("Red Meadow"), PERSON("Ilse Varga") } },
	{ "test_body_cues",
	  "It rained. Rebel leader Tomas Reyn spoke.",
	  { PERSON("Tomas Reyn"), NOTHING("Rebel") } },
	{ "test_body_cues",
	  "Veltic sport grows. Why is the Veltic movement so small? Fans "
	  "of the Veltic movement came.",
	  { NOTHING("Veltic") } },
	{ "test_acronym_source",
	  "Talks failed, according to VELNA. The minister told the news "
	  "agency KORPA that he was sorry, and BRENA said so too. The ROS "
	  "levels rose, which was HUGE, he told ORVA reporters.",
	  { ORG("VELNA"), ORG("KORPA"), ORG("BRENA"), NOTHING("ROS"),
	    NOTHING("HUGE") } },
	{ "test_for_a_purpose",
	  "She left in May and joined the Centre for Policy Studies, near "
	  "the Port of Velna.",
	  { ORG("Centre for Policy Studies"), PLACE("Port of Velna") } },
	{ "test_weapons",
	  "A new drone called ''Kestrel 7'' was shown, along with "
	  "Bastion tanks.",
	  { MISC("Kestrel 7"), MISC("Bastion") } },
	{ "test_surname_of_land",
	  "Voters met Tomas Hill in Orvel. Hill said little, and the "
	  "Hill campaign ended. They walked to Varden Lake.",
	  { PERSON("Tomas Hill"), WANT("Hill", 1, WANT_PERSON, "Tomas Hill"),
	    PLACE("Varden Lake") } },
	{ "test_short_given_name",
	  "We talked of how sick Barbara Tenning was. But look at Barb, "
	  "healthy now. Nobody asked about Barb at all.",
	  { WANT("Barb", 0, WANT_PERSON, "Barbara Tenning"),
	    WANT("Barb", 1, WANT_PERSON, "Barbara Tenning") } },
	{ "test_shop_by_its_owner",
	  "She held a Marrick's bag. Mom is down at Marrick's. We went "
	  "in Tolland's, then passed Tolland's again, and shopped at "
	  "Gerald's.",
	  { ORG("Marrick"), ORG("Tolland"), WANT("Tolland", 1, WANT_ORG,
	    "Tolland"), ORG("Gerald") } },
	{ "test_sentence_start_common",
	  "Who is served? Nice pen. That was nice of you.",
	  { NOTHING("Nice pen") } },
	{ "test_sentence_start_common",
	  "Nice is warm. That was nice of you. We flew to Nice in May.",
	  { PLACE("Nice"), WANT("Nice", 1, WANT_PLACE, NULL) } },
	{ "test_letters_and_ampersand",
	  "Water the plants daily.\n\nCommunity Q&A\n\nRead the Forum R&D "
	  "pages, as Carrano & Biewener did.",
	  { NOTHING("Community"), NOTHING("Forum"), PERSON("Carrano"),
	    PERSON("Biewener") } },
	{ "test_school_by_its_town",
	  "In 1801 he was sent to Harrow School. He was unhappy at Harrow, "
	  "and refused to return to Harrow. His aunt lived in Harrow.",
	  { ORG("Harrow School"), WANT("Harrow", 0, WANT_ORG, NULL),
	    WANT("Harrow", 1, WANT_ORG, NULL),
	    WANT("Harrow", 2, WANT_PLACE, NULL) } },
	{ "test_school_by_its_town",
	  "She moved to Boston, where she attended Boston University. At "
	  "Boston she studied law.",
	  { PLACE("Boston"), WANT("Boston", 2, WANT_ORG, NULL) } },
	{ "test_work_by_its_kind",
	  "When the anime movie Ghost in the Shell came out, few saw it. "
	  "Ghost in the Shell opens with a cyborg. She was in the period "
	  "drama Marlow Abbey, and read his book Forces of Production "
	  "with Dennis Varga.",
	  { NOTHING("Shell came"), NOTHING("Shell opens"),
	    NOTHING("Marlow Abbey"), NOTHING("Forces of Production"),
	    PERSON("Dennis Varga") } },
	{ "test_pets_by_their_kind",
	  "I dreamed that Sonia, our golden retriever, was with me, and "
	  "that Sonia ran off. Lena Korr lives with their three dogs, "
	  "Bella, Daisy and Korr. She perks up the way Shelby, our "
	  "Shetland Sheepdog does. Korr said so, and Max Orlo agreed.",
	  { NOTHING("Sonia, our"), NOTHING("Sonia ran"), NOTHING("Bella"),
	    NOTHING("Daisy"), NOTHING("Shelby"), PERSON("Lena Korr"),
	    WANT("Korr", 0, WANT_PERSON, "Lena Korr"),
	    PERSON("Max Orlo") } },
	{ "test_town_of_a_surname",
	  "Ezra Varden hired him. He drew the plan for Varden, Ohio, and "
	  "later Varden wrote to him.",
	  { PERSON("Ezra Varden"), WANT("Varden", 0, WANT_PLACE, NULL),
	    WANT("Varden", 1, WANT_PERSON, "Ezra Varden") } },
	{ "test_cited_by_year",
	  "The effect was described by Harlow (1998). Later work (see "
	  "Mendez 2014; Okafor et al., 2005) confirmed it, from Ortega "
	  "(1989) through Pelham and Voss 1997. Quenby (1964), Drasko, "
	  "(2000), and Tiller and Gaskin (1995) agree.",
	  { PERSON("Harlow"), PERSON("Mendez"), PERSON("Ortega"),
	    PERSON("Pelham"), PERSON("Voss"), PERSON("Quenby"),
	    PERSON("Drasko"), PERSON("Tiller"), PERSON("Gaskin") } },
	{ "test_cited_by_year",
	  "The family came from Ortega (1989 census) to the coast, and "
	  "the Lusk (1990) flood followed.",
	  { PLACE("Ortega") } },
	{ "test_body_by_its_kind",
	  "He sent his paper to the Academy, but the Academy lost it. "
	  "Members of the Society met at the Lodge, and the County paid. "
	  "The society met again; a church and a county fair followed.",
	  { ORG("Academy"), WANT("Academy", 1, WANT_ORG, NULL),
	    ORG("Society"), ORG("County"), NOTHING("society met"),
	    NOTHING("church and") } },
	{ "test_god_by_name",
	  "He devoted himself to God. For God alone is good, and it was "
	  "ridden by God or the horse.",
	  { PERSON("God"), WANT("God", 1, WANT_PERSON, NULL),
	    WANT("God", 2, WANT_PERSON, NULL) } },
	{ "test_god_by_name",
	  "Oh my God, look. God, I did not know. Thank God it ended. I "
	  "swear to God it was. God knows why. For God's sake, stop. I was "
	  "thinking, God these guys are fast.",
	  { WANT("God", 0, WANT_NO_MENTION, NULL) } },
	{ "test_given_name_opens",
	  "Who cut the grass?\n\nTrent did it.\n\nOh. Okay.\n\nJennifer."
	  "\n\nThat is right. Lindsey? You want this? Tobias sends his "
	  "love.",
	  { PERSON("Trent"), PERSON("Jennifer"), PERSON("Lindsey"),
	    PERSON("Tobias") } },
	{ "test_given_name_opens",
	  "Mark the spot with chalk. Frank them twice. Bill clients every "
	  "month.",
	  { NOTHING("Mark"), NOTHING("Frank"), NOTHING("Bill") } },
	{ "test_case_parties",
	  "It is true that in Lynch v. Overholser this Court held so, and "
	  "in Case 22-506, Biden versus Nebraska, it did not. He played in "
	  "the first Eton v Harrow cricket match at Lord's.",
	  { PERSON("Lynch"), PERSON("Overholser"), PERSON("Biden"),
	    WANT("Eton", 0, WANT_NO_MENTION, NULL) } },
	{ "test_forms_of_address",
	  "So, Your Honor, this was remanded. Yes, my Lord? Your Majesty's "
	  "government agrees. Your Grace, welcome. My grace period ended.",
	  { PERSON("Your Honor"), PERSON("my Lord"), PERSON("Your Majesty"),
	    PERSON("Your Grace"), NOTHING("grace period") } },
	{ "test_places_by_route",
	  "Dromahair is a small market town. Kinlough lies on the shore. "
	  "Head north to Bundoran. Trains run from Drumshanbo to Collooney "
	  "daily.",
	  { PLACE("Dromahair"), PLACE("Kinlough"), PLACE("Bundoran"),
	    PLACE("Collooney") } },
	{ "test_places_by_route",
	  "Melanie lies but we forgive her. Tarvin is a friend of ours.",
	  { WANT("Melanie", 0, WANT_NO_MENTION, NULL), NOTHING("Tarvin") } },
	{ "test_places_by_foreign_words",
	  "The old town centres on Plaza Mayor, where the Palacio Real faces "
	  "the Museo Civico. Cross to Piazza Navona, then walk by the "
	  "Marienkirche to the Alexanderplatz. Lough Gill is a short drive "
	  "away.",
	  { PLACE("Plaza Mayor"), PLACE("Palacio Real"),
	    PLACE("Museo Civico"), PLACE("Piazza Navona"),
	    PLACE("Marienkirche"), PLACE("Alexanderplatz"),
	    PLACE("Lough Gill") } },
	{ "test_letter_greets",
	  "My dear Fenwick,\n\nThank you for the book.\n\nDear Friends,"
	  "\n\nWe met again.\n\nDear Editor,\n\nI write to you.",
	  { PERSON("Fenwick"), NOTHING("Friends"), NOTHING("Editor") } },
	{ "test_university_by_its_town",
	  "He went up to Trinity College, Cambridge, in 1805. Also while at "
	  "Cambridge he rowed. He lived in Cambridge for years. He joined "
	  "Berkeley's Department of Linguistics. She taught at the "
	  "University of Kelvara, and Kelvara was dull; later she was at "
	  "Kelvara again.",
	  { WANT("Cambridge", 0, WANT_ORG, NULL),
	    WANT("Cambridge", 1, WANT_ORG, NULL),
	    WANT("Cambridge", 2, WANT_PLACE, NULL), ORG("Berkeley"),
	    WANT("Kelvara", 0, WANT_PLACE, NULL),
	    WANT("Kelvara", 1, WANT_ORG, NULL) } },
	{ "test_team_by_its_town",
	  "On September 4, against the Houston Astros, he hit a double. He "
	  "debuted for Houston in July, and the Red Sox beat the St. Louis "
	  "Cardinals. He grew up near Houston. The Chicago Bulls won.",
	  { ORG("Houston Astros"), WANT("Houston", 1, WANT_ORG, NULL),
	    WANT("Houston", 2, WANT_PLACE, NULL),
	    ORG("St. Louis Cardinals"), ORG("Chicago Bulls") } },
	{ "test_party_by_role",
	  "Petitioner contends that the law is wrong. In 1975 the Petitioner "
	  "was arrested. It is like a horse, ridden by God or the Devil.",
	  { PERSON("Petitioner"), WANT("Petitioner", 1, WANT_PERSON, NULL),
	    PERSON("Devil") } },
	{ "test_party_by_role",
	  "Respondent race.\n\nWe asked each respondent. Speak of the devil. "
	  "Petitioner Jones appealed.",
	  { WANT("Respondent", 0, WANT_NO_MENTION, NULL),
	    NOTHING("devil"), WANT("Petitioner", 0, WANT_NO_MENTION,
	    NULL) } },
	{ "test_place_by_address",
	  "Eat\n\nTarnby Kitchen, Herrengasse 14. Hearty stews.\n\n"
	  "Sleep\n\nOrvel Lodge, 12 Bridge Street. Rooms from 70 euros.",
	  { PLACE("Tarnby Kitchen"), PLACE("Orvel Lodge") } },
	{ "test_place_by_address",
	  "Emma, 14 Bridge Street, wrote. Tarnby, 1st Earl of Arle, came. "
	  "Ichiyo Tarn, May 2, 1872, was born.",
	  { PERSON("Emma"), WANT("Tarnby", 0, WANT_NO_MENTION, NULL),
	    NOTHING("Ichiyo Tarn") } },
	{ "test_polity_by_its_kind",
	  "He asked the states of the Union to meet. It is needed for the "
	  "repose of our Empire. They fought for the Imperium. A union "
	  "formed, and an empire fell.",
	  { PLACE("Union"), PLACE("Empire"), PLACE("Imperium"),
	    NOTHING("union formed"), NOTHING("empire fell") } },
	{ "test_picture_credit",
	  "Formica fusca, from file. Image: Mathias Krumbholz.\n\nA cyclone "
	  "hit. Photo: Orvan Tesk.\n\nImage: the coast near a town.",
	  { PERSON("Mathias Krumbholz"), PERSON("Orvan Tesk") } },
};
#define NCASES	(sizeof cases / sizeof cases[0])

/* Is s set and equal to want, where want is not NULL? */
static void
check_field(const char *what, const char *s, const char *want)
{
	if (want == NULL)
		return;
	if (s == NULL)
		fail_msg("no %s, want \"%s\"", what, want);
	assert_string_equal(s, want);
}

/* Check what one case wants of x. */
static void
check_case(const struct extract *x, const struct entity_case *c)
{
	const struct want	*w;
	const struct ex_entity	*e;

	for (w = c->want; w < c->want + 24 && w->word != NULL; w++) {
		switch (w->what) {
		case WANT_NOTHING:
			if (has_word(x, w->word))
				fail_msg("\"%s\" is a mention", w->word);
			break;
		case WANT_COVERED:
			if (!has_word(x, w->word))
				fail_msg("\"%s\" is no mention", w->word);
			break;
		case WANT_NO_MENTION:
			if (mention(x, w->word, w->nth) != NULL)
				fail_msg("\"%s\" (%d) is a mention", w->word,
				    w->nth);
			break;
		default:
			e = entity_is(x, w->word, w->nth, (enum ex_kind)w->what,
			    w->name != NULL ? w->name : w->word);
			check_field("title", e->title, w->title);
			check_field("affiliation", e->affiliation, w->affil);
			check_field("title as written", mention(x, w->word,
			    w->nth)->title, w->as_written);
			break;
		}
	}
}

/* Run the cases of one test: *state is its first. */
static void
test_cases(void **state)
{
	const struct entity_case	*c = *state;
	const char			*test = c->test;
	struct extract			 x;

	for (; c < cases + NCASES && strcmp(c->test, test) == 0; c++) {
		run(&x, c->text);
		check_case(&x, c);
		extract_free(&x);
	}
}

/* Mentions lie inside the text, in order, and name real entities. */
static void
check_sane(const struct extract *x)
{
	size_t	i;

	for (i = 0; i < x->nments; i++) {
		assert_true(x->ments[i].start < x->ments[i].end);
		assert_true(x->ments[i].end <= x->len);
		assert_true(x->ments[i].entity < x->nents);
		if (i > 0)
			assert_true(x->ments[i - 1].start <= x->ments[i].start);
	}
}

static void
test_bad_input(void **state)
{
	static const char junk[] = "Ab\xff\xfe Cd\xc3 \xe2\x80 Ef\xf0\x9f "
	    "G\xc3\x28 Hi\xed\xa0\x80 \x00Jk Mr.\xff Lm";
	struct extract	 x;
	struct buf	 b;
	size_t		 i;
	clock_t		 t0;

	(void)state;
	/* invalid UTF-8, NULs */
	extract_run(&x, junk, sizeof junk - 1);
	check_sane(&x);
	extract_free(&x);

	/*
	 * A text that ends without a NUL, in a regnal number (found by
	 * fuzz-extract; an --enable-asan build reads past the end otherwise).
	 */
	{
		static const char tail[] = "Reports named Peter II";
		char	*exact = xmalloc(sizeof tail - 1);

		memcpy(exact, tail, sizeof tail - 1);
		extract_run(&x, exact, sizeof tail - 1);
		check_sane(&x);
		extract_free(&x);
		free(exact);
	}

	/* capitals only: no mention runs wild */
	buf_init(&b);
	for (i = 0; i < 20000; i++)
		buf_adds(&b, "RUSSIA SAYS THE DRONE AXIS WITH IRAN WILL HOLD ");
	extract_run(&x, b.data, b.len);
	check_sane(&x);
	for (i = 0; i < x.nments; i++)
		assert_true(x.ments[i].end - x.ments[i].start < 200);
	extract_free(&x);

	/* 100,000 quote marks, and a long paragraph with no full stop */
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_adds(&b, i % 3 ? "\" " : "'' ");
	extract_run(&x, b.data, b.len);
	check_sane(&x);
	extract_free(&x);

	buf_reset(&b);
	t0 = clock();
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "and Sergei Ryabkov of Moscow met Reza in Tehran ");
	extract_run(&x, b.data, b.len);
	check_sane(&x);
	assert_true(x.nents < 10);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
	extract_free(&x);
	buf_free(&b);
}

/* The example story from ../shared, opened by main, or NULL. */
static FILE	*example_file;

/* The entity of this kind and name in x, or NULL. */
static const struct ex_entity *
entity_named(const struct extract *x, enum ex_kind kind, const char *name)
{
	size_t	i;

	for (i = 0; i < x->nents; i++)
		if (x->ents[i].kind == kind && strcmp(x->ents[i].name,
		    name) == 0)
			return &x->ents[i];
	return NULL;
}

static void
test_example(void **state)
{
	static const char *const orgs[] = {
		"Reuters", "RIA", "Financial Times", "White House", "WANA"
	};
	static const char *const places[] = {
		"Russia", "Iran", "Ukraine", "United States", "Moscow",
		"Tehran", "Kyiv"
	};
	char			*data;
	FILE			*f = example_file;
	long			 len;
	size_t			 i;
	struct extract		 x;
	const struct ex_entity	*e;

	(void)state;
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	assert_true(len > 0);
	rewind(f);
	data = xmalloc((size_t)len + 1);
	assert_int_equal(fread(data, 1, (size_t)len, f), (size_t)len);
	data[len] = '\0';

	extract_run(&x, data, (size_t)len);
	for (i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
		e = entity_named(&x, EX_ORG, orgs[i]);
		if (e == NULL)
			fail_msg("no organisation %s", orgs[i]);
	}
	assert_true(entity_named(&x, EX_ORG, "Reuters")->media);
	for (i = 0; i < sizeof places / sizeof places[0]; i++) {
		if (entity_named(&x, EX_PLACE, places[i]) == NULL)
			fail_msg("no place %s", places[i]);
	}
	e = entity_named(&x, EX_PERSON, "Sergei Ryabkov");
	assert_non_null(e);
	assert_string_equal(e->title, "Deputy Foreign Minister");
	assert_string_equal(e->affiliation, "Russia");
	e = entity_named(&x, EX_PERSON, "Reza Talaei-Nik");
	assert_non_null(e);
	assert_string_equal(e->title, "defense ministry spokesperson");
	assert_string_equal(e->affiliation, "Iran");
	/* "Ryabkov" and "Talaei-Nik" alone are no one new */
	assert_null(entity_named(&x, EX_PERSON, "Ryabkov"));
	assert_null(entity_named(&x, EX_PERSON, "Talaei-Nik"));
	assert_null(entity_named(&x, EX_PLACE, "Teheran"));
	check_sane(&x);
	extract_free(&x);
	free(data);
}

/* Check the key of a name. */
static void
check_key(enum ex_kind kind, const char *name, const char *want)
{
	char	*key = extract_name_key(kind, name);

	assert_string_equal(key, want);
	free(key);
}

/*
 * The key the spellings of one name share, by the rules of a story:
 * case and spacing, and a person's surname by its stem of five letters
 * or more; nothing else (one letter apart needs the text's given name).
 */
static void
test_name_key(void **state)
{
	(void)state;
	check_key(EX_PERSON, "Volodymyr Zelenskyy", "volodymyr zelensk");
	check_key(EX_PERSON, "Volodymyr  Zelensky", "volodymyr zelensk");
	check_key(EX_PERSON, "Zelenskiy", "zelensk");
	check_key(EX_PERSON, "Olena Zelenska", "olena zelenska");
	check_key(EX_PERSON, "Dmitry Peskov", "dmitry peskov");
	check_key(EX_PERSON, "Rossi", "rossi");		/* stem too short */
	check_key(EX_PERSON, "Sergei Lavrov ", "sergei lavrov");
	check_key(EX_PLACE, "KORVALA", "korvala");
	check_key(EX_PLACE, "Italy", "italy");		/* not a person */
	check_key(EX_ORG, "Tehran", "tehran");
	check_key(EX_PLACE, "Teheran", "teheran");
	check_key(EX_PERSON, "", "");
}

int
main(void)
{
	static const struct CMUnitTest functions[] = {
		cmocka_unit_test(test_title_affiliation),
		cmocka_unit_test(test_variants),
		cmocka_unit_test(test_name_key),
		cmocka_unit_test(test_state_acts),
		cmocka_unit_test(test_capital_acts),
		cmocka_unit_test(test_organisations),
		cmocka_unit_test(test_bad_input)
	};
	const char		*shared = getenv("DOSSIER_SHARED");
	struct CMUnitTest	*tests, *t;
	char			*path;
	size_t			 i;
	int			 rv;

	/* the functions, a test per run of cases, and the example */
	tests = xcalloc(sizeof functions / sizeof functions[0] + NCASES + 1,
	    sizeof *tests);
	memcpy(tests, functions, sizeof functions);
	t = tests + sizeof functions / sizeof functions[0];
	for (i = 0; i < NCASES; i++) {
		if (i > 0 && strcmp(cases[i].test, cases[i - 1].test) == 0)
			continue;
		t->name = cases[i].test;
		t->test_func = test_cases;
		t->initial_state = (void *)&cases[i];
		t++;
	}

	/*
	 * The example lives in ../shared; without it its test is left out
	 * (cmocka's skip() reads as a failure to automake's TAP driver).
	 */
	if (shared != NULL) {
		xasprintf(&path, "%s/examples/saved-story-jpost-2023-08-26.txt",
		    shared);
		example_file = fopen(path, "rb");
		free(path);
	}
	if (example_file != NULL) {
		t->name = "test_example";
		t->test_func = test_example;
		t++;
	} else
		printf("# SKIP test_example: no $DOSSIER_SHARED/examples\n");
	rv = _cmocka_run_group_tests("tests", tests, (size_t)(t - tests), NULL,
	    NULL);
	if (example_file != NULL)
		fclose(example_file);
	free(tests);
	return rv;
}
