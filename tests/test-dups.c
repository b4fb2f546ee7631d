/*
 * Unit tests: the same story stored more than once (store-dup.c). A story
 * carried by two outlets is linked to the first one's group as it is
 * stored, its speaker's quotes counted once across the library with the
 * other outlet named, two copies in one batch too; a different story is
 * not linked; deleting the group's first story hands the group on and
 * the count follows; a library from before schema 12 is compared once by
 * the todo pass.
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

#define P1	"\"We will talk again next week,\" Foreign Minister Anja " \
	"Brekk said in Korvala on Monday, after a day of meetings with " \
	"the delegation from the northern council."
#define P2	"The talks are the first since the border was closed in " \
	"the spring, and both sides said they hoped to agree on a date " \
	"for reopening the crossings before the winter."
#define P3	"Farmers on both sides of the line have asked for the " \
	"crossings to open for the harvest, which the ministry of " \
	"agriculture said would begin a week early this year."
#define OTHER	"\"The line holds,\" Anja Brekk said of the ceasefire in " \
	"the east, where shelling stopped on Friday after a week in which " \
	"two villages were hit and a bridge was destroyed."

/* A story of outlet with the paragraphs given, analysed, stored. */
static int64_t
add_story(struct store *s, const char *guid, const char *outlet,
    const char *p1, const char *p2, const char *p3)
{
	struct article	 a;
	struct extract	 x;
	char		*err = NULL;
	int64_t		 feed, id;

	article_init(&a);
	a.guid = xstrdup(guid);
	article_set(&a.title, guid, strlen(guid));
	article_set(&a.outlet, outlet, strlen(outlet));
	article_add_paragraph(&a, p1, strlen(p1), 0);
	if (p2 != NULL)
		article_add_paragraph(&a, p2, strlen(p2), 0);
	if (p3 != NULL)
		article_add_paragraph(&a, p3, strlen(p3), 0);
	memset(&x, 0, sizeof x);
	extract_run(&x, a.body, a.body_len);
	feed = store_local_feed(s, &err);
	assert_true(feed > 0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, guid, &x, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	id = a.id;
	extract_free(&x);
	article_free(&a);
	return id;
}

/* Anja Brekk's quotes across the library, as the quotes view has them. */
static size_t
brekk_quotes(struct store *s, char **outlet)
{
	struct lib_quotes	 q;
	char			*err = NULL;
	size_t			 n;

	assert_int_equal(library_quotes(s, "person", "Anja Brekk", &q, &err),
	    0);
	n = q.n;
	if (outlet != NULL)
		*outlet = n > 0 && q.v[0].outlet != NULL ?
		    xstrdup(q.v[0].outlet) : NULL;
	library_quotes_free(&q);
	return n;
}

static void
test_counted_once(void **state)
{
	char		*path = test_tmp_path("dups.db"), *err = NULL;
	struct store	*s;
	int64_t		 a, b, c, ids[1];

	(void)state;
	s = test_store_open(path);
	a = add_story(s, "a", "Herald", P1, P2, P3);
	assert_int_equal(brekk_quotes(s, NULL), 1);
	b = add_story(s, "b", "Wire", P1, P2, P3);
	c = add_story(s, "c", "Herald", OTHER, P2, NULL);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM articles"
	    " WHERE dup_of IS NOT NULL"), 1);
	assert_int_equal(test_sql_int(path, "SELECT dup_of FROM articles"
	    " WHERE id = 2"), a);
	/* Three stories quote her, two of them one story: two quotes. */
	assert_int_equal(brekk_quotes(s, NULL), 2);
	/* The first story deleted: the copy is its group now, counted. */
	ids[0] = a;
	assert_int_equal(store_article_delete(s, ids, 1, &err), 0);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM articles"
	    " WHERE dup_of IS NOT NULL"), 0);
	assert_int_equal(brekk_quotes(s, NULL), 2);
	ids[0] = b;
	assert_int_equal(store_article_delete(s, ids, 1, &err), 0);
	assert_int_equal(brekk_quotes(s, NULL), 1);
	/* A story not there: nothing deleted. */
	ids[0] = 999;
	assert_int_equal(store_article_delete(s, ids, 1, &err), 1);
	free(err);
	(void)c;
	store_close(s);
	free(path);
}

/* Two copies stored in one batch find each other before it commits. */
static void
test_one_batch(void **state)
{
	char		*path = test_tmp_path("batch.db"), *err = NULL;
	struct store	*s;
	struct article	 a[3];
	int64_t		 feed;
	size_t		 i;

	(void)state;
	s = test_store_open(path);
	feed = store_local_feed(s, &err);
	assert_int_equal(store_begin(s, &err), 0);
	for (i = 0; i < 3; i++) {
		article_init(&a[i]);
		xasprintf(&a[i].guid, "g%zu", i);
		article_add_paragraph(&a[i], i == 2 ? OTHER : P1,
		    strlen(i == 2 ? OTHER : P1), 0);
		article_add_paragraph(&a[i], P2, strlen(P2), 0);
		article_add_paragraph(&a[i], P3, strlen(P3), 0);
		assert_int_equal(store_article_add(s, feed, &a[i], a[i].guid,
		    NULL, &err), 0);
	}
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(test_sql_int(path, "SELECT dup_of FROM articles"
	    " WHERE guid = 'g1'"), a[0].id);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM articles"
	    " WHERE dup_of IS NOT NULL"), 1);
	/* Each story's band keys are in the index. */
	assert_int_equal(test_sql_int(path, "SELECT count(DISTINCT"
	    " article_id) FROM dup_bands"), 3);
	for (i = 0; i < 3; i++)
		article_free(&a[i]);
	store_close(s);
	free(path);
}

static void
test_also_in(void **state)
{
	char		*path = test_tmp_path("also.db"), *o = NULL;
	struct store	*s;

	(void)state;
	s = test_store_open(path);
	add_story(s, "a", "Herald", P1, P2, P3);
	add_story(s, "b", "Wire", P1, P2, P3);
	add_story(s, "c", "Herald", P1, P2, P3);
	assert_int_equal(brekk_quotes(s, &o), 1);
	assert_non_null(o);
	/* Every other outlet once; the first story's own not again. */
	assert_string_equal(o, "Herald (also in Wire)");
	free(o);
	store_close(s);
	free(path);
}

static void
test_todo_pass(void **state)
{
	char		*path = test_tmp_path("todo.db"), *err = NULL;
	struct store	*s;
	int64_t		 ids[8];
	size_t		 got, i;

	(void)state;
	s = test_store_open(path);
	add_story(s, "a", "Herald", P1, P2, P3);
	add_story(s, "b", "Wire", P1, P2, P3);
	store_close(s);
	/* A library of schema 11: no signatures, no groups. */
	test_sql_exec(path, TEST_UNDO_12 "PRAGMA user_version = 11;");
	s = test_store_open(path);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"),
	    STORE_VERSION);
	assert_int_equal(store_dup_todo_count(s, &err), 2);
	assert_int_equal(brekk_quotes(s, NULL), 2);
	assert_int_equal(store_dup_todo_ids(s, 0, ids, 8, &got, &err), 0);
	assert_int_equal(got, 2);
	for (i = 0; i < got; i++)
		assert_int_equal(store_dup_compare(s, ids[i], &err), 0);
	assert_int_equal(store_dup_compare(s, ids[0], &err), 1);
	assert_int_equal(store_dup_todo_count(s, &err), 0);
	assert_int_equal(brekk_quotes(s, NULL), 1);
	store_close(s);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counted_once),
		cmocka_unit_test(test_one_batch),
		cmocka_unit_test(test_also_in),
		cmocka_unit_test(test_todo_pass),
	};

	return cmocka_run_group_tests(tests, test_tmpdir_setup,
	    test_tmpdir_teardown);
}
