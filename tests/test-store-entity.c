/*
 * Unit tests: one entity across the library (store-entity.c), on real
 * sqlite libraries filled through extraction: spellings of one person
 * in two stories are one entity under the fullest name, in the
 * sidebar's and show's data alike; a bare surname joins the one person
 * of that surname, and stays apart when there are several; a library
 * of the schema before keys is joined by its migration. And a place
 * quoted is its state, shown as one country.
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

#include "article.h"
#include "extract.h"
#include "library.h"
#include "store.h"
#include "xmalloc.h"
#include "test-util.h"

/* Stories, by the order they are stored in. */
static const char *const zelensky_bare =
    "Ukrainian President Zelensky said on Monday that the talks had "
    "stalled. \"We will not give up,\" Zelensky told reporters.";
static const char *const zelensky_full =
    "President Volodymyr Zelenskyy said the country needed more air "
    "defence. \"Every day counts,\" Zelenskyy said.";
static const char *const morrows =
    "Finance Minister Anna Morrow and Trade Minister Peter Morrow met on "
    "Monday. \"We agreed,\" Anna Morrow said.";
static const char *const morrow_bare =
    "Morrow said the budget was agreed on Tuesday. \"It is done,\" "
    "Morrow told reporters.";

/* Store the stories texts[0..n) in that order; their ids in ids. */
static struct store *
library(const char *name, const char *const *texts, size_t n,
    int64_t *ids)
{
	char		*path = test_tmp_path(name), *err = NULL, guid[16];
	struct store	*s = test_store_open(path);
	struct article	 a;
	struct extract	 x;
	int64_t		 feed = store_local_feed(s, &err);
	size_t		 i;

	assert_true(feed > 0);
	assert_int_equal(store_begin(s, &err), 0);
	for (i = 0; i < n; i++) {
		article_init(&a);
		snprintf(guid, sizeof guid, "g%zu", i);
		a.guid = xstrdup(guid);
		a.title = xstrdup(guid);
		a.body = xstrdup(texts[i]);
		a.body_len = strlen(texts[i]);
		memset(&x, 0, sizeof x);
		extract_run(&x, a.body, a.body_len);
		assert_int_equal(store_article_add(s, feed, &a, guid, &x,
		    &err), 0);
		ids[i] = a.id;
		extract_free(&x);
		article_free(&a);
	}
	assert_int_equal(store_commit(s, &err), 0);
	free(path);
	return s;
}

/*
 * The story's speakers and people as the sidebar has them, "S:name"
 * and "P:name", in its order, joined by '|'.
 */
static void
sidebar(struct store *s, int64_t id, char *out, size_t size)
{
	struct lib_entities	 e;
	char			*err = NULL, one[256];
	size_t			 i;

	*out = '\0';
	assert_int_equal(library_entities(s, id, &e, &err), 0);
	for (i = 0; i < e.n; i++) {
		if (e.v[i].group != LIB_SPEAKER && e.v[i].group != LIB_PERSON)
			continue;
		snprintf(one, sizeof one, "%s:%s", e.v[i].group ==
		    LIB_SPEAKER ? "S" : "P", e.v[i].name);
		test_append(out, size, one);
	}
	library_entities_free(&e);
}

/* A story's people and speakers as 'dossier show' lists them. */
static void
show(struct store *s, int64_t id, char *out, size_t size)
{
	struct article		 a;
	struct lib_people	 p;
	char			*err = NULL;
	size_t			 i;

	*out = '\0';
	assert_int_equal(store_article_get(s, id, &a, &err), 0);
	assert_int_equal(library_people(s, &a, &p, &err), 0);
	for (i = 0; i < p.n; i++)
		if (strcmp(p.v[i].kind, "person") == 0)
			test_append(out, size, p.v[i].name);
	for (i = 0; i < p.nspeakers; i++)
		test_append(out, size, p.speakers[i].who);
	library_people_free(&p);
	article_free(&a);
}

/* The people of the library at name. */
static int
count(const char *name)
{
	char	*path = test_tmp_path(name);
	int	 n;

	n = test_sql_int(path, "SELECT count(*) FROM entities"
	    " WHERE kind = 'person'");
	free(path);
	return n;
}

/* Zelensky and Volodymyr Zelenskyy are one person, in either order. */
static void
test_spellings(void **state)
{
	const char	*fwd[] = { zelensky_full, zelensky_bare };
	const char	*back[] = { zelensky_bare, zelensky_full };
	struct store	*s;
	int64_t		 ids[2];
	char		 got[1024];

	(void)state;
	s = library("fwd.db", fwd, 2, ids);
	sidebar(s, ids[1], got, sizeof got);
	assert_string_equal(got, "S:Volodymyr Zelenskyy|"
	    "P:Volodymyr Zelenskyy|");
	show(s, ids[1], got, sizeof got);
	assert_string_equal(got, "Volodymyr Zelenskyy|Volodymyr Zelenskyy|");
	assert_int_equal(count("fwd.db"), 1);
	store_close(s);

	/* The surname came first: the full name, when it comes, takes it. */
	s = library("back.db", back, 2, ids);
	sidebar(s, ids[0], got, sizeof got);
	assert_string_equal(got, "S:Volodymyr Zelenskyy|"
	    "P:Volodymyr Zelenskyy|");
	show(s, ids[0], got, sizeof got);
	assert_string_equal(got, "Volodymyr Zelenskyy|Volodymyr Zelenskyy|");
	assert_int_equal(count("back.db"), 1);
	store_close(s);
}

/* Two people named Morrow: a bare Morrow joins neither, in either order. */
static void
test_ambiguous(void **state)
{
	const char	*fwd[] = { morrows, morrow_bare };
	const char	*back[] = { morrow_bare, morrows };
	struct store	*s;
	int64_t		 ids[2];
	char		 got[1024];

	(void)state;
	s = library("amb1.db", fwd, 2, ids);
	sidebar(s, ids[1], got, sizeof got);
	assert_string_equal(got, "S:Morrow|P:Morrow|");
	assert_int_equal(count("amb1.db"), 3);
	store_close(s);
	s = library("amb2.db", back, 2, ids);
	sidebar(s, ids[0], got, sizeof got);
	assert_string_equal(got, "S:Morrow|P:Morrow|");
	show(s, ids[1], got, sizeof got);
	assert_string_equal(got, "Anna Morrow|Peter Morrow|Anna Morrow|");
	assert_int_equal(count("amb2.db"), 3);
	store_close(s);
}

/*
 * A name in capitals and in mixed case is one place, named in mixed
 * case whichever came first (stories built by hand: extraction itself
 * names a dateline's capital from the text's mixed case).
 */
static void
test_capitals(void **state)
{
	const char	*names[] = { "KORVALA", "Korvala", "KORVALA" };
	char		*path = test_tmp_path("caps.db"), *err = NULL;
	char		 guid[16];
	struct store	*s = test_store_open(path);
	struct article	 a;
	struct extract	 x;
	int64_t		 feed = store_local_feed(s, &err);
	size_t		 i, e;

	(void)state;
	assert_int_equal(store_begin(s, &err), 0);
	for (i = 0; i < 3; i++) {
		article_init(&a);
		snprintf(guid, sizeof guid, "c%zu", i);
		a.guid = xstrdup(guid);
		a.body = xstrdup(names[i]);
		a.body_len = strlen(names[i]);
		memset(&x, 0, sizeof x);
		x.text = a.body;
		x.len = a.body_len;
		e = extract_entity_add(&x, EX_PLACE, names[i], 7);
		extract_mention_add(&x, 0, 7, e);
		assert_int_equal(store_article_add(s, feed, &a, guid, &x,
		    &err), 0);
		extract_free(&x);
		article_free(&a);
	}
	assert_int_equal(store_commit(s, &err), 0);
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM entities"
	    " WHERE kind = 'place'"), 1);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM entities"
	    " WHERE kind = 'place' AND name = 'Korvala'"), 1);
	assert_int_equal(test_sql_int(path, "SELECT count(DISTINCT entity_id)"
	    " FROM mentions"), 1);
	free(path);
}

/* Store a story of one person's mention, name (as the extractor gives). */
static void
store_person(struct store *s, int64_t feed, const char *guid,
    const char *name)
{
	struct article	 a;
	struct extract	 x;
	char		*err = NULL;
	size_t		 e;

	article_init(&a);
	a.guid = xstrdup(guid);
	a.body = xstrdup(name);
	a.body_len = strlen(name);
	memset(&x, 0, sizeof x);
	x.text = a.body;
	x.len = a.body_len;
	e = extract_entity_add(&x, EX_PERSON, name, strlen(name));
	extract_mention_add(&x, 0, strlen(name), e);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, guid, &x, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	extract_free(&x);
	article_free(&a);
}

/*
 * A role the user set stays with the person when a later story gives
 * the name's fuller spelling: a surname alone joined to the full name,
 * a name in capitals renamed to its mixed case.
 */
static void
test_role_follows(void **state)
{
	const char	*cases[][2] = {
		{ "Lutz", "Hanne Lutz" },
		{ "HANNE LUTZ", "Hanne Lutz" }
	};
	char		*path, *err = NULL, db[32];
	struct store	*s;
	int64_t		 feed, m;
	size_t		 i;

	(void)state;
	for (i = 0; i < 2; i++) {
		snprintf(db, sizeof db, "follow%zu.db", i);
		path = test_tmp_path(db);
		s = test_store_open(path);
		feed = store_local_feed(s, &err);
		store_person(s, feed, "f1", cases[i][0]);
		assert_int_equal(store_entity_fix_set(s, "person",
		    cases[i][0], "Energy Minister", "Valdoria", &m, &err), 0);
		store_person(s, feed, "f2", cases[i][1]);
		store_close(s);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " entities WHERE kind = 'person'"), 1);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " entity_fixes WHERE name = 'Hanne Lutz' AND role ="
		    " 'Energy Minister' AND affiliation = 'Valdoria'"), 1);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " entity_fixes"), 1);
		/* both stories' mentions carry it */
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " mentions WHERE title = 'Energy Minister' AND"
		    " affiliation = 'Valdoria'"), 2);
		free(path);
	}
}

/* A library of schema 9 with two spellings: the migration joins them. */
static void
test_migrate(void **state)
{
	const char	*texts[] = { zelensky_full };
	char		*path = test_tmp_path("v8.db");
	struct store	*s;
	int64_t		 ids[1];

	(void)state;
	s = library("v8.db", texts, 1, ids);
	store_close(s);
	test_sql_exec(path, TEST_UNDO_12 "DROP INDEX entities_key;"
	    "DROP INDEX entities_surname;"
	    "ALTER TABLE entities DROP COLUMN name_key;"
	    "ALTER TABLE entities DROP COLUMN surname;"
	    "INSERT INTO entities (kind, name) VALUES"
	    " ('person', 'VOLODYMYR ZELENSKIY'), ('person', 'Anna Morrow');"
	    "INSERT INTO mentions (article_id, entity_id, start, end)"
	    " SELECT 1, id, 0, 1 FROM entities;"
	    "INSERT INTO quotes (article_id, start, end, kind, speaker_id)"
	    " SELECT 1, 0, 1, 'direct', id FROM entities"
	    " WHERE name LIKE 'VOLODYMYR%';"
	    "ALTER TABLE quotes DROP COLUMN continues;"
	    "PRAGMA user_version = 9;");
	s = test_store_open(path);
	store_close(s);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"),
	    STORE_VERSION);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM entities"
	    " WHERE kind = 'person'"), 2);
	assert_int_equal(test_sql_int(path, "SELECT count(DISTINCT speaker_id)"
	    " FROM quotes q JOIN entities e ON e.id = q.speaker_id"
	    " WHERE e.name = 'Volodymyr Zelenskyy'"), 1);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quotes"
	    " WHERE speaker_id NOT IN (SELECT id FROM entities)"), 0);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM entities"
	    " WHERE name_key IS NULL OR (kind = 'person') !="
	    " (surname IS NOT NULL)"), 0);
	free(path);
}

/*
 * A place that is quoted is its state speaking, and one country: the
 * sidebar lists "Valdoria (government)" among the speakers and
 * Valdoria once among the places, with both uses counted; 'dossier
 * show' lists the quote under "Valdoria (government)", an org.
 */
static void
test_state_speaker(void **state)
{
	const char	*texts[] = {
		"Officials met in Valdoria on Monday. Valdoria said the drone "
		"had crossed the border without warning. Valdorian farmers "
		"were angry."
	};
	struct store	*s;
	struct lib_entities e;
	struct lib_people p;
	struct article	 a;
	int64_t		 ids[1];
	char		*err = NULL, got[1024], one[256];
	size_t		 i;

	(void)state;
	s = library("state.db", texts, 1, ids);
	*got = '\0';
	assert_int_equal(library_entities(s, ids[0], &e, &err), 0);
	for (i = 0; i < e.n; i++) {
		snprintf(one, sizeof one, "%d:%s:%s:%zu", (int)e.v[i].group,
		    e.v[i].name, e.v[i].label, e.v[i].count);
		test_append(got, sizeof got, one);
	}
	library_entities_free(&e);
	assert_string_equal(got, "0:Valdoria:Valdoria (government):1|"
	    "3:Valdoria:Valdoria:2|");
	assert_int_equal(store_article_get(s, ids[0], &a, &err), 0);
	assert_int_equal(library_people(s, &a, &p, &err), 0);
	assert_int_equal(p.nspeakers, 1);
	assert_string_equal(p.speakers[0].who, "Valdoria (government)");
	assert_string_equal(p.speakers[0].kind, "org");
	assert_int_equal(p.n, 1);
	library_people_free(&p);
	article_free(&a);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_capitals),
		cmocka_unit_test(test_role_follows),
		cmocka_unit_test(test_migrate),
		cmocka_unit_test(test_state_speaker),
	};

	return cmocka_run_group_tests(tests, test_tmpdir_setup,
	    test_tmpdir_teardown);
}
