/*
 * Unit tests: titles and roles whole, with their affiliation. Each case
 * is a shape of news English, written with names no word list knows:
 * ministries joined by "and", a rank after the role, a body's role in
 * lower case, a title in apposition, the demonym of a place the story
 * names.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extract.h"

/* A person in a text, the title and affiliation extraction must give. */
struct title_case {
	const char	*text;
	const char	*name;		/* the person's name */
	const char	*title;		/* the entity's title; NULL: none */
	const char	*affil;		/* its affiliation; NULL: none */
	const char	*written;	/* the mention's title as written */
};

static const struct title_case cases[] = {
	/* ministries joined by "and", capitalised or not */
	{ "Economy and Energy Minister Hanne Lutz said the stores were "
	  "full.", "Hanne Lutz", "Economy and Energy Minister", NULL,
	  "Economy and Energy Minister" },
	{ "In Tessalin, Velmark Economy and Energy Minister Hanne Lutz, who "
	  "led the push, said the cap held.", "Hanne Lutz",
	  "Economy and Energy Minister", "Velmark",
	  "Velmark Economy and Energy Minister" },
	{ "On Friday the Justice and Home Affairs Minister Ida Varn spoke.",
	  "Ida Varn", "Justice and Home Affairs Minister", NULL, NULL },
	{ "The talks ended, said agriculture and fisheries minister Oskar "
	  "Brandt.", "Oskar Brandt", "agriculture and fisheries minister",
	  NULL, NULL },
	/* a rank after the role goes first, never last */
	{ "Marovian defence ministry spokesperson Col. Mirela Dusan said "
	  "the drone was lost.", "Mirela Dusan",
	  "Col., defence ministry spokesperson", "Marovian",
	  "Col., Marovian defence ministry spokesperson" },
	{ "An army spokesman Maj. Tomas Kell said the road was open.",
	  "Tomas Kell", "Maj., army spokesman", NULL, NULL },
	/* ranks of more than a word */
	{ "Rear Adm. Joss Penhale said the ship had left.", "Joss Penhale",
	  "Rear Adm.", NULL, NULL },
	{ "Later, Lt. Gen. Radek Morsk denied it.", "Radek Morsk",
	  "Lt. Gen.", NULL, NULL },
	/* a rank before the name and a role after it: the rank first */
	{ "Gen. Nadir Sahl, the head of Dalmarra's national guard, said the "
	  "border was calm.", "Nadir Sahl",
	  "Gen., head of Dalmarra's national guard", "Dalmarra", NULL },
	{ "Rear Adm. Joss Penhale, the commander of the coast guard, said "
	  "so.", "Joss Penhale", "Rear Adm., commander of the coast guard",
	  NULL, NULL },
	/* a title before the name keeps what follows out */
	{ "Defence Minister Piet Harnack, the party's candidate, said no.",
	  "Piet Harnack", "Defence Minister", NULL, NULL },
	/* a body's role in lower case keeps the body */
	{ "In the north, Civic Dawn leader Lidia Stansk spoke to farmers.",
	  "Lidia Stansk", "Civic Dawn leader", "Civic Dawn", NULL },
	{ "On Monday, Central Election Commission chairman Boris Eln said "
	  "the count was over.", "Boris Eln",
	  "Central Election Commission chairman",
	  "Central Election Commission", NULL },
	/* a title in apposition, with a country no list knows */
	{ "The deal holds, Anja Brekk, Valdoria's foreign minister, said on "
	  "Monday. Valdoria will sign in May.", "Anja Brekk",
	  "foreign minister", "Valdoria", "Valdoria's foreign minister" },
	{ "Talks stalled, Petar Halm, the Marovian foreign minister, said. "
	  "Marovia disagrees.", "Petar Halm", "foreign minister", "Marovia",
	  "Marovian foreign minister" },
	{ "Lidia Stansk, the Civic Dawn leader, said the count was false.",
	  "Lidia Stansk", "Civic Dawn leader", NULL, "Civic Dawn leader" },
	/* a title in apposition before the name */
	{ "The talks failed. The spokesperson for the Valdorian foreign "
	  "ministry, Kasimir Oll, said more names would follow. Valdoria "
	  "waits.", "Kasimir Oll",
	  "spokesperson for the Valdorian foreign ministry", "Valdoria",
	  NULL },
	{ "A senior adviser to the Sarvenian president, Marta Voll, "
	  "resigned.", "Marta Voll", NULL, NULL, NULL },
	/* a lower-case role keeps no capital the sentence gave it */
	{ "Foreign ministry spokesperson Kasimir Oll told reporters so.",
	  "Kasimir Oll", "foreign ministry spokesperson", NULL, NULL },
	/* the body a titled name is of */
	{ "Opposition lawmaker Kai Lemmer, of the Federal Left party, said "
	  "the sale was rushed.", "Kai Lemmer", "opposition lawmaker",
	  "Federal Left", NULL },
	/* the demonym of a place the story names is that place */
	{ "Dalmarran Prime Minister Tarik Hallem chaired the meeting. "
	  "Dalmarra will pay.", "Tarik Hallem", "Prime Minister", "Dalmarra",
	  "Dalmarran Prime Minister" },
	/* a capitalised office keeps its state out of the title */
	{ "Velmark Foreign Minister Dieter Kamp said the talks went well. "
	  "Envoys from Velmark will follow.", "Dieter Kamp", "Foreign Minister",
	  "Velmark", NULL },
};

/* The first mention of the entity named name, or NULL. */
static const struct ex_mention *
person(const struct extract *x, const char *name)
{
	size_t	i;

	for (i = 0; i < x->nments; i++)
		if (x->ents[x->ments[i].entity].kind == EX_PERSON &&
		    strcmp(x->ents[x->ments[i].entity].name, name) == 0)
			return &x->ments[i];
	return NULL;
}

/* A field as extraction gave it and as wanted (NULL: absent): 1 if wrong. */
static int
check_field(const struct title_case *c, const char *what, const char *got,
    const char *want)
{
	if (want == NULL && got == NULL)
		return 0;
	if (want != NULL && got != NULL && strcmp(got, want) == 0)
		return 0;
	print_error("%s: %s is \"%s\", not \"%s\" in \"%s\"\n", c->name,
	    what, got != NULL ? got : "(none)", want != NULL ? want :
	    "(none)", c->text);
	return 1;
}

/* Every case is checked, and every wrong one said, before failing. */
static void
test_titles(void **state)
{
	const struct title_case	*c;
	const struct ex_mention	*m;
	const struct ex_entity	*e;
	struct extract		 x;
	int			 wrong = 0;

	(void)state;
	for (c = cases; c < cases + sizeof cases / sizeof cases[0]; c++) {
		extract_run(&x, c->text, strlen(c->text));
		if ((m = person(&x, c->name)) == NULL) {
			print_error("no person \"%s\" in \"%s\"\n", c->name,
			    c->text);
			wrong++;
			extract_free(&x);
			continue;
		}
		e = &x.ents[m->entity];
		wrong += check_field(c, "title", e->title, c->title);
		wrong += check_field(c, "affiliation", e->affiliation,
		    c->affil);
		if (c->written != NULL)
			wrong += check_field(c, "title as written", m->title,
			    c->written);
		extract_free(&x);
	}
	assert_int_equal(wrong, 0);
}

/* Words that only look like a title's do not make one. */
static void
test_not_titles(void **state)
{
	static const char text[] =
	    "Sales rose and fell. Jonas Fehr, who runs the bakery, said "
	    "bread and milk sold well. The Rear Gate Bakery opened.";
	const struct ex_mention	*m;
	struct extract		 x;

	(void)state;
	extract_run(&x, text, strlen(text));
	m = person(&x, "Jonas Fehr");
	if (m != NULL) {
		assert_null(x.ents[m->entity].title);
		assert_null(m->title);
	}
	extract_free(&x);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_not_titles)
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
