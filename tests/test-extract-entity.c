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
test_lower_case_title(void **state)
{
	static const char text[] =
	    "Meanwhile, Iranian defence ministry spokesperson Tomas Reyn "
	    "said: \"No deal was cancelled.\" Later Reyn added that Western "
	    "countries were interested.";
	struct extract		 x;
	const struct ex_mention	*m;
	const struct ex_entity	*e;

	(void)state;
	run(&x, text);
	e = entity_is(&x, "Tomas Reyn", 0, EX_PERSON, "Tomas Reyn");
	assert_non_null(e->title);
	assert_string_equal(e->title, "defence ministry spokesperson");
	assert_non_null(e->affiliation);
	assert_string_equal(e->affiliation, "Iran");
	m = mention(&x, "Tomas Reyn", 0);
	assert_string_equal(m->title,
	    "Iranian defence ministry spokesperson");
	entity_is(&x, "Reyn", 0, EX_PERSON, "Tomas Reyn");
	assert_false(has_word(&x, "Meanwhile"));
	assert_false(has_word(&x, "Western"));
	assert_false(has_word(&x, "Iranian"));
	extract_free(&x);
}

static void
test_apposition(void **state)
{
	static const char text[] =
	    "Ilse Varga, Russia's deputy foreign minister, said talks went "
	    "on. Talks stalled, said Tomas Reyn, an Iranian defence ministry "
	    "spokesperson.";
	struct extract		 x;
	const struct ex_mention	*m;
	const struct ex_entity	*e;

	(void)state;
	run(&x, text);
	e = entity_is(&x, "Ilse Varga", 0, EX_PERSON, "Ilse Varga");
	assert_non_null(e->title);
	assert_string_equal(e->title, "deputy foreign minister");
	assert_string_equal(e->affiliation, "Russia");
	m = mention(&x, "Ilse Varga", 0);
	assert_string_equal(m->title, "Russia's deputy foreign minister");
	e = entity_is(&x, "Tomas Reyn", 0, EX_PERSON, "Tomas Reyn");
	assert_string_equal(e->title, "defence ministry spokesperson");
	assert_string_equal(e->affiliation, "Iran");
	extract_free(&x);
}

static void
test_invented_demonym(void **state)
{
	static const char text[] =
	    "Talks failed, Marovian Deputy Foreign Minister Ilse Varga said. "
	    "Marovian defence ministry spokesperson Col. Mirela Dusan "
	    "agreed.";
	struct extract		 x;
	const struct ex_entity	*e;

	(void)state;
	run(&x, text);
	e = entity_is(&x, "Ilse Varga", 0, EX_PERSON, "Ilse Varga");
	assert_string_equal(e->affiliation, "Marovian");
	assert_string_equal(e->title, "Deputy Foreign Minister");
	e = entity_is(&x, "Mirela Dusan", 0, EX_PERSON, "Mirela Dusan");
	assert_string_equal(e->affiliation, "Marovian");
	assert_false(has_word(&x, "Marovian Deputy"));
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

static void
test_demonyms(void **state)
{
	static const char text[] =
	    "Russian officials denied it. Ukrainian forces used "
	    "Iranian-made Shahed drones, and American troops left Russia. "
	    "Iranians who live in Kyiv protested.";
	struct extract	x;

	(void)state;
	run(&x, text);
	assert_false(has_word(&x, "Russian"));
	assert_false(has_word(&x, "Ukrainian"));
	assert_false(has_word(&x, "Iranian-made"));
	assert_false(has_word(&x, "American"));
	assert_false(has_word(&x, "Iranians"));
	entity_is(&x, "Russia", 0, EX_PLACE, "Russia");
	entity_is(&x, "Shahed", 0, EX_MISC, "Shahed");
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
	run(&x, "He served in the Army for a decade; the Judiciary stayed "
	    "silent.");
	entity_is(&x, "Army", 0, EX_ORG, "Army");
	entity_is(&x, "Judiciary", 0, EX_ORG, "Judiciary");
	extract_free(&x);
	run(&x, "She trained at the Conservatoire de Varenne and joined the "
	    "Kessel Brotherhood of Jugglers.");
	entity_is(&x, "Conservatoire de Varenne", 0, EX_ORG,
	    "Conservatoire de Varenne");
	entity_is(&x, "Kessel Brotherhood of Jugglers", 0, EX_ORG,
	    "Kessel Brotherhood of Jugglers");
	extract_free(&x);
}

static void
test_places_by_keyword(void **state)
{
	static const char text[] =
	    "The ship sailed up the Ulm River past Mount Tessalin to Port "
	    "Avery, near Lake Brenmark. Durham University is in England.";
	struct extract	x;

	(void)state;
	run(&x, text);
	entity_is(&x, "Ulm River", 0, EX_PLACE, "Ulm River");
	entity_is(&x, "Mount Tessalin", 0, EX_PLACE, "Mount Tessalin");
	entity_is(&x, "Port Avery", 0, EX_PLACE, "Port Avery");
	entity_is(&x, "Lake Brenmark", 0, EX_PLACE, "Lake Brenmark");
	entity_is(&x, "Durham University", 0, EX_ORG, "Durham University");
	entity_is(&x, "Durham", 0, EX_PLACE, "Durham");	/* nested */
	entity_is(&x, "England", 0, EX_PLACE, "England");
	extract_free(&x);
}

static void
test_people_cues(void **state)
{
	static const char text[] =
	    "The plan came from Dr. Anja Brekk and Mr. Oll. According to "
	    "President Renata Solvik, the deal holds. Solvik said so twice. "
	    "Piet K. Harnack, who leads the army, agreed with Harnack's "
	    "aide.";
	struct extract		 x;
	const struct ex_entity	*e;

	(void)state;
	run(&x, text);
	e = entity_is(&x, "Anja Brekk", 0, EX_PERSON, "Anja Brekk");
	assert_string_equal(e->title, "Dr.");
	entity_is(&x, "Oll", 0, EX_PERSON, "Oll");
	e = entity_is(&x, "Renata Solvik", 0, EX_PERSON, "Renata Solvik");
	assert_string_equal(e->title, "President");
	entity_is(&x, "Solvik", 0, EX_PERSON, "Renata Solvik");
	entity_is(&x, "Piet K. Harnack", 0, EX_PERSON, "Piet K. Harnack");
	entity_is(&x, "Harnack", 0, EX_PERSON, "Piet K. Harnack");
	assert_false(has_word(&x, "According"));
	extract_free(&x);
}

static void
test_owners_and_regions(void **state)
{
	static const char text[] =
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
	    "The grid failed in Sept. and again in Oct. last year.";
	struct extract	x;

	(void)state;
	run(&x, text);
	/* an owner with no other cue is a person, and so are its mentions */
	entity_is(&x, "Haldorsen", 0, EX_PERSON, "Haldorsen");
	entity_is(&x, "Haldorsen", 2, EX_PERSON, "Haldorsen");
	entity_is(&x, "Tomasz Wendt", 0, EX_PERSON, "Tomasz Wendt");
	/* "the Union's" is no one */
	assert_false(has_word(&x, "Union"));
	/* the compass after "the" is a region, not "the South of" */
	entity_is(&x, "West", 0, EX_PLACE, "West");
	entity_is(&x, "East", 0, EX_PLACE, "East");
	assert_false(has_word(&x, "South"));
	/* going "to" somewhere */
	entity_is(&x, "Brastow", 0, EX_PLACE, "Brastow");
	entity_is(&x, "Kelmar", 0, EX_PLACE, "Kelmar");
	/* a list after "the towns of" or "states such as" */
	entity_is(&x, "Varnley", 0, EX_PLACE, "Varnley");
	entity_is(&x, "Osterby", 0, EX_PLACE, "Osterby");
	/* languages and abstract nouns are no places */
	assert_false(has_word(&x, "Latin"));
	assert_false(has_word(&x, "Criminology"));
	/* a place that owns things stays a place when a cue says so */
	entity_is(&x, "Ostrel", 0, EX_PLACE, "Ostrel");
	entity_is(&x, "Ostrel", 2, EX_PLACE, "Ostrel");
	/* what only places own says the owner is one */
	entity_is(&x, "Vardenia", 0, EX_PLACE, "Vardenia");
	entity_is(&x, "Vardenia", 1, EX_PLACE, "Vardenia");
	entity_is(&x, "Brennhaug", 0, EX_PERSON, "Brennhaug");
	/* "in Sept." is a date, not a place */
	assert_false(has_word(&x, "Sept"));
	assert_false(has_word(&x, "Oct"));
	extract_free(&x);
}

static void
test_codes_greetings_nesting(void **state)
{
	static const char text[] =
	    "Senator Vellum, Mr. Speaker, Governor Raskin, and my friends:\n\n"
	    "The plant near Glenford, NJ closed, and a depot in Brackley, "
	    "OK. shut too. The talks in Washington, D.C. went on. She said "
	    "it was OK, ME included. The New York Times reported it. She "
	    "ran at the Varesian Games.";
	struct extract	x;

	(void)state;
	run(&x, text);
	/* a greeting in capitals is no headline */
	entity_is(&x, "Vellum", 0, EX_PERSON, "Vellum");
	entity_is(&x, "Raskin", 0, EX_PERSON, "Raskin");
	/* a state's code after a town and a comma */
	entity_is(&x, "NJ", 0, EX_PLACE, "New Jersey");
	entity_is(&x, "OK", 0, EX_PLACE, "Oklahoma");
	entity_is(&x, "D.C.", 0, EX_PLACE, "Washington");
	/* but not a code that is a word */
	assert_null(mention(&x, "OK", 1));
	assert_false(has_word(&x, "ME included"));
	/* games are events, not bodies */
	entity_is(&x, "Varesian Games", 0, EX_MISC, "Varesian Games");
	/* a place inside a lexicon's organisation is a mention too */
	entity_is(&x, "New York", 0, EX_PLACE, "New York");
	extract_free(&x);
}

static void
test_lists_and_citations(void **state)
{
	static const char text[] =
	    "The convoy crossed Moscow, Drossen and Tessalin before dawn. "
	    "Earlier work (Varga & Brekk, 2019; Halm, 2020) disagrees, as "
	    "Ostrander et al. showed. Talks in Ulmgrad, a port near "
	    "Qerrin, failed.";
	struct extract	x;

	(void)state;
	run(&x, text);
	entity_is(&x, "Moscow", 0, EX_PLACE, "Moscow");
	entity_is(&x, "Drossen", 0, EX_PLACE, "Drossen");
	entity_is(&x, "Tessalin", 0, EX_PLACE, "Tessalin");
	entity_is(&x, "Varga", 0, EX_PERSON, "Varga");
	entity_is(&x, "Brekk", 0, EX_PERSON, "Brekk");
	entity_is(&x, "Halm", 0, EX_PERSON, "Halm");
	entity_is(&x, "Ostrander", 0, EX_PERSON, "Ostrander");
	entity_is(&x, "Ulmgrad", 0, EX_PLACE, "Ulmgrad");
	entity_is(&x, "Qerrin", 0, EX_PLACE, "Qerrin");
	assert_false(has_word(&x, "Earlier"));
	assert_false(has_word(&x, "Talks"));
	extract_free(&x);
}

static void
test_citation_lists(void **state)
{
	static const char text[] =
	    "Training helps memory (Ovrel, Tamsik, Juhlberg, & Presko, 2011; "
	    "Danvik et al., 2014). Readers in Brenholt, Kasso and Lumm agree.";
	struct extract	x;

	(void)state;
	run(&x, text);
	entity_is(&x, "Ovrel", 0, EX_PERSON, "Ovrel");
	entity_is(&x, "Tamsik", 0, EX_PERSON, "Tamsik");
	entity_is(&x, "Juhlberg", 0, EX_PERSON, "Juhlberg");
	entity_is(&x, "Presko", 0, EX_PERSON, "Presko");
	assert_false(has_word(&x, "Training"));
	extract_free(&x);
}

static void
test_place_base(void **state)
{
	static const char text[] =
	    "Tarvossa Island lies offshore. Its goats are famous, and "
	    "Tarvossa has one road. Lindgate Street is short; Lindgate "
	    "wrote nothing.";
	struct extract	x;

	(void)state;
	run(&x, text);
	entity_is(&x, "Tarvossa Island", 0, EX_PLACE, "Tarvossa Island");
	entity_is(&x, "Tarvossa", 0, EX_PLACE, "Tarvossa");
	entity_is(&x, "Lindgate", 0, EX_PERSON, "Lindgate");
	extract_free(&x);
	run(&x, "We stayed near Porto Velmar for a week. Her thesis in "
	    "Tonal Constructions won a prize.");
	entity_is(&x, "Porto Velmar", 0, EX_PLACE, "Porto Velmar");
	extract_free(&x);
	run(&x, "Ferries leave Grande Vassel daily; Wadi Sarnak is dry.");
	entity_is(&x, "Grande Vassel", 0, EX_PLACE, "Grande Vassel");
	entity_is(&x, "Wadi Sarnak", 0, EX_PLACE, "Wadi Sarnak");
	extract_free(&x);
	run(&x, "We walked along the Tessaly Promenade to Orvik Lagoon.");
	entity_is(&x, "Tessaly Promenade", 0, EX_PLACE, "Tessaly Promenade");
	entity_is(&x, "Orvik Lagoon", 0, EX_PLACE, "Orvik Lagoon");
	extract_free(&x);
	run(&x, "The convoy turned toward Ulvessa at dawn and reached "
	    "Kormath by noon.");
	entity_is(&x, "Ulvessa", 0, EX_PLACE, "Ulvessa");
	entity_is(&x, "Kormath", 0, EX_PLACE, "Kormath");
	assert_false(has_word(&x, "Tonal Constructions"));
	extract_free(&x);
}

static void
test_addressed_roles(void **state)
{
	static const char text[] =
	    "Madam Speaker, I rise today. I thank the Chancellor for the "
	    "answer, and we trust this Governor to act. The minister left.";
	struct extract	x;

	(void)state;
	run(&x, text);
	assert_true(has_word(&x, "Speaker"));
	assert_int_equal(x.ents[mention(&x, "Chancellor", 0)->entity].kind,
	    EX_PERSON);
	assert_int_equal(x.ents[mention(&x, "Governor", 0)->entity].kind,
	    EX_PERSON);
	assert_false(has_word(&x, "minister"));
	extract_free(&x);
	run(&x, "I did what was best for the Nation, and our Nation will "
	    "heal. A nation is more than its laws.");
	entity_is(&x, "Nation", 0, EX_PLACE, "Nation");
	entity_is(&x, "Nation", 1, EX_PLACE, "Nation");
	assert_false(has_word(&x, "nation"));
	extract_free(&x);
}

static void
test_person_shape(void **state)
{
	static const char text[] =
	    "The agency rolled out the National ICT Master plan. Figure 2 "
	    "shows Copper(II) oxide. Senator VALDEZ spoke.";
	struct extract	x;

	(void)state;
	run(&x, text);
	assert_false(has_word(&x, "ICT"));
	assert_false(has_word(&x, "II"));
	entity_is(&x, "VALDEZ", 0, EX_PERSON, "VALDEZ");
	extract_free(&x);
	run(&x, "Long before, the Tolmar, who built temples here, ruled. "
	    "Arlo Brenn wrote so.");
	assert_false(has_word(&x, "Tolmar"));
	entity_is(&x, "Arlo Brenn", 0, EX_PERSON, "Arlo Brenn");
	extract_free(&x);
	run(&x, "Ilse Varnholt wrote to him. The Varnholt family came from "
	    "the north.");
	entity_is(&x, "Ilse Varnholt", 0, EX_PERSON, "Ilse Varnholt");
	assert_null(mention(&x, "Varnholt", 0));
	extract_free(&x);
	run(&x, "They want integration into Euro-Atlantic structures and "
	    "trade in Drossen.");
	assert_false(has_word(&x, "Euro-Atlantic"));
	entity_is(&x, "Drossen", 0, EX_PLACE, "Drossen");
	extract_free(&x);
}

static void
test_regnal_numbers(void **state)
{
	static const char text[] =
	    "I thank Peter Voss III for this. Later Queen Elizabeth II "
	    "spoke, long after World War II ended.";
	struct extract	x;

	(void)state;
	run(&x, text);
	entity_is(&x, "Peter Voss III", 0, EX_PERSON, "Peter Voss III");
	entity_is(&x, "Elizabeth II", 0, EX_PERSON, "Elizabeth II");
	assert_int_equal(x.ents[mention(&x, "World War II", 0)->entity].kind,
	    EX_MISC);
	extract_free(&x);
}

static void
test_initial_first(void **state)
{
	struct extract	x;

	(void)state;
	run(&x, "The report was written by K. Michael Stevens last year.");
	entity_is(&x, "K. Michael Stevens", 0, EX_PERSON,
	    "K. Michael Stevens");
	extract_free(&x);
}

static void
test_split_votes(void **state)
{
	struct extract	x;

	(void)state;
	run(&x, "Later, Tesh said no. Trade in Tesh grew. Tesh is far.");
	entity_is(&x, "Tesh", 0, EX_PERSON, "Tesh");
	entity_is(&x, "Tesh", 1, EX_PLACE, "Tesh");
	assert_null(mention(&x, "Tesh", 2));
	extract_free(&x);
}

static void
test_sentence_starts(void **state)
{
	static const char text[] =
	    "Officials met in Drossen. However, nothing changed. Despite "
	    "the talks, Western diplomats left. Today the council meets.\n\n"
	    "Valdoria Buys Gas From Dalmarra After Long Talks\n\n"
	    "Valdoria signed the deal in Drossen.";
	struct extract	x;

	(void)state;
	run(&x, text);
	assert_false(has_word(&x, "Officials"));
	assert_false(has_word(&x, "However"));
	assert_false(has_word(&x, "Despite"));
	assert_false(has_word(&x, "Today"));
	assert_false(has_word(&x, "Buys Gas"));
	assert_false(has_word(&x, "Long Talks"));
	extract_free(&x);
}

static void
test_weapons(void **state)
{
	static const char text[] =
	    "A new drone called ''Kestrel 7'' was shown, along with "
	    "Bastion tanks.";
	struct extract	x;

	(void)state;
	run(&x, text);
	entity_is(&x, "Kestrel 7", 0, EX_MISC, "Kestrel 7");
	entity_is(&x, "Bastion", 0, EX_MISC, "Bastion");
	extract_free(&x);
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

int
main(void)
{
	const char	*shared = getenv("DOSSIER_SHARED");
	char		*path;
	int		 rv;
#define ENTITY_TESTS \
		cmocka_unit_test(test_title_affiliation), \
		cmocka_unit_test(test_lower_case_title), \
		cmocka_unit_test(test_apposition), \
		cmocka_unit_test(test_invented_demonym), \
		cmocka_unit_test(test_variants), \
		cmocka_unit_test(test_demonyms), \
		cmocka_unit_test(test_organisations), \
		cmocka_unit_test(test_places_by_keyword), \
		cmocka_unit_test(test_people_cues), \
		cmocka_unit_test(test_owners_and_regions), \
		cmocka_unit_test(test_codes_greetings_nesting), \
		cmocka_unit_test(test_lists_and_citations), \
		cmocka_unit_test(test_citation_lists), \
		cmocka_unit_test(test_place_base), \
		cmocka_unit_test(test_addressed_roles), \
		cmocka_unit_test(test_person_shape), \
		cmocka_unit_test(test_regnal_numbers), \
		cmocka_unit_test(test_initial_first), \
		cmocka_unit_test(test_split_votes), \
		cmocka_unit_test(test_sentence_starts), \
		cmocka_unit_test(test_weapons), \
		cmocka_unit_test(test_bad_input)
	const struct CMUnitTest tests[] = { ENTITY_TESTS };
	const struct CMUnitTest with_example[] = {
		ENTITY_TESTS,
		cmocka_unit_test(test_example)
	};

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
	if (example_file == NULL) {
		printf("# SKIP test_example: no $DOSSIER_SHARED/examples\n");
		return cmocka_run_group_tests(tests, NULL, NULL);
	}
	rv = cmocka_run_group_tests(with_example, NULL, NULL);
	fclose(example_file);
	return rv;
}
