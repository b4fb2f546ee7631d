/*
 * Unit tests: the user's tags and notes in the store and the library:
 * normalizing and refusing tags, adding and removing them, notes on a
 * story or a passage with their anchors, edits, deletes, paging every
 * note, the Notes listing, survival of re-import, and migration 5.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "article.h"
#include "library.h"
#include "store.h"
#include "xmalloc.h"
#include "test-util.h"

static const char body1[] = "Few in Brenmark believed that.\n\n"
    "The minister said the sites were full.";

/* A store NAME in the test's directory with two stories, ids[0] and ids[1]. */
static struct store *
open_with_stories(const char *name, int64_t *ids)
{
	struct store	*s;
	struct article	 a;
	char		*path, *err = NULL;
	int64_t		 feed;
	int		 i;

	path = test_tmp_path(name);
	s = test_store_open(path);
	free(path);
	feed = store_local_feed(s, &err);
	assert_true(feed > 0);
	assert_int_equal(store_begin(s, &err), 0);
	for (i = 0; i < 2; i++) {
		article_init(&a);
		a.guid = xstrdup(i == 0 ? "g1" : "g2");
		article_set(&a.title, i == 0 ? "First" : "Second", i == 0 ?
		    5 : 6);
		a.published = xstrdup(i == 0 ? "2025-01-01" : "2025-02-01");
		article_add_paragraph(&a, "Few in Brenmark believed that.", 30,
		    0);
		article_add_paragraph(&a,
		    "The minister said the sites were full.", 38, 0);
		article_add_tag(&a, "imported", 8);
		assert_int_equal(store_article_add(s, feed, &a, i == 0 ? "h1" :
		    "h2", NULL, &err), 0);
		ids[i] = a.id;
		article_free(&a);
	}
	assert_int_equal(store_commit(s, &err), 0);
	return s;
}

static int
collect_tags(const char *tag, void *arg)
{
	test_append(arg, 256, tag);
	return 0;
}

/* Tags as typed are normalized; empty, long and dash-led ones refused. */
static void
test_tag_parse(void **state)
{
	char	*t, *err = NULL, **v;
	size_t	 n;

	t = library_tag_parse("#Iran Russia", &err);
	assert_string_equal(t, "iran-russia");
	free(t);
	assert_null(library_tag_parse("###", &err));
	assert_non_null(strstr(err, "is not a tag"));
	free(err);
	err = NULL;
	assert_null(library_tag_parse("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaa", &err));	/* 66 bytes */
	assert_non_null(strstr(err, "longer than 64 bytes"));
	free(err);
	err = NULL;
	assert_null(library_tag_parse("-x", &err));
	free(err);
	err = NULL;
	/* 64 bytes is fine. */
	t = library_tag_parse("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaa", &err);
	assert_non_null(t);
	assert_int_equal(strlen(t), 64);
	free(t);
	/* Escapes in a tag never survive. */
	t = library_tag_parse("\x1b[31mred\xe2\x80\xae", &err);
	assert_string_equal(t, "red");
	free(t);

	assert_int_equal(library_tags_parse(" Drones,#iran  drones x", &v, &n,
	    &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "drones");
	assert_string_equal(v[1], "iran");
	assert_string_equal(v[2], "x");
	library_strv_free(v, n);
	assert_int_equal(library_tags_parse("ok #", &v, &n, &err), -1);
	assert_null(v);
	free(err);
}

/* Tags are added and removed in one write; what changed is said. */
static void
test_tags_change(void **state)
{
	struct store	*s;
	int64_t		 ids[2];
	char		*err = NULL, *msg = NULL, got[256] = "";
	char		*add[] = { "b", "a" }, *del[] = { "imported" };
	struct lib_tag_change c = { add, 2, del, 1 };
	char		*line;
	char		**many;
	struct store_tags t;
	size_t		 i;

	s = open_with_stories("tags.db", ids);
	assert_int_equal(library_tags_change(s, ids[0], &c, &msg, &err), 0);
	assert_string_equal(msg, "added #b #a; removed #imported");
	free(msg);
	assert_int_equal(store_article_tags(s, ids[0], collect_tags, got,
	    &err), 0);
	assert_string_equal(got, "a|b|");
	/* Nothing to change: said so. */
	c.del = NULL;
	c.ndel = 0;
	assert_int_equal(library_tags_change(s, ids[0], &c, &msg, &err), 0);
	assert_string_equal(msg, "tags unchanged");
	free(msg);
	/* Set from a line: the prompt's way. */
	assert_int_equal(library_tags_set(s, ids[0], "b c", &msg, &err), 0);
	assert_string_equal(msg, "added #c; removed #a");
	free(msg);
	assert_int_equal(library_tags_line(s, ids[0], &line, &err), 0);
	assert_string_equal(line, "b c");
	free(line);
	assert_int_equal(library_tags_set(s, ids[0], "", &msg, &err), 0);
	free(msg);
	assert_int_equal(library_tags_line(s, ids[0], &line, &err), 0);
	assert_string_equal(line, "");
	free(line);
	/* No such story. */
	assert_int_equal(library_tags_set(s, 9999, "x", &msg, &err), 1);
	memset(&t, 0, sizeof t);
	t.add = add;
	t.nadd = 1;
	assert_int_equal(store_tags_change(s, 9999, &t, &err), 1);
	/* A bad tag changes nothing. */
	assert_int_equal(library_tags_set(s, ids[1], "ok ##", &msg, &err), -1);
	free(err);
	err = NULL;
	got[0] = '\0';
	store_article_tags(s, ids[1], collect_tags, got, &err);
	assert_string_equal(got, "imported|");

	/* 100 tags fit; the 101st is refused and nothing of it lands. */
	many = xcalloc(101, sizeof *many);
	for (i = 0; i < 101; i++)
		xasprintf(&many[i], "t%zu", i);
	t.add = many;
	t.nadd = 100;
	assert_int_equal(store_tags_change(s, ids[0], &t, &err), 0);
	assert_int_equal(t.added, 100);
	assert_int_equal(t.removed, 0);
	t.add = many + 100;
	t.nadd = 1;
	assert_int_equal(store_tags_change(s, ids[0], &t, &err), -1);
	assert_non_null(strstr(err, "at most 100 tags"));
	free(err);
	err = NULL;
	t.del = many;
	t.ndel = 1;
	assert_int_equal(store_tags_change(s, ids[0], &t, &err), 0);
	assert_int_equal(t.added, 1);
	assert_int_equal(t.removed, 1);
	for (i = 0; i < 101; i++)
		free(many[i]);
	free(many);
	store_close(s);
}

static int
count_notes_cb(const struct store_note_row *r, void *arg)
{
	char	*out = arg;
	size_t	 n = strlen(out);

	snprintf(out + n, 256 - n, "%lld|", (long long)r->n.id);
	return 0;
}

/* Keep a copy of the note with out's id. */
static int
get_note_cb(const struct store_note_row *r, void *arg)
{
	struct store_note_row	*out = arg;

	if (r->n.id != out->n.id)
		return 0;
	*out = *r;
	out->n.anchor = r->n.anchor != NULL ? xstrdup(r->n.anchor) : NULL;
	out->n.note = xstrdup(r->n.note);
	out->title = xstrdup(r->title);
	return 1;
}

/* Read one note by id from the list of every note: 0 found, 1 not. */
static int
note_get(struct store *s, int64_t id, struct store_note_row *r)
{
	char	*err = NULL;

	memset(r, 0, sizeof *r);
	r->n.id = id;
	assert_int_equal(store_notes_page(s, NULL, 0, get_note_cb, r, &err),
	    0);
	return r->n.note != NULL ? 0 : 1;
}

static void
row_free(struct store_note_row *r)
{
	free((char *)r->n.anchor);
	free((char *)r->n.note);
	free((char *)r->title);
}

/* Notes on a story and a passage: anchors, edits, deletes, listing. */
static void
test_notes(void **state)
{
	struct store		*s;
	struct store_note_row	 r;
	struct store_key	 key;
	struct lib_notes	 x;
	int64_t			 ids[2], n1, n2, n3, junk;
	char			*err = NULL, got[256] = "";
	size_t			 b, e;

	s = open_with_stories("notes.db", ids);
	assert_int_equal(store_note_add(s, ids[0], 0, 0, 0, "whole", &n1,
	    &err), 0);
	assert_int_equal(library_passage_find(body1, strlen(body1),
	    "the sites", &b, &e), 0);
	assert_int_equal(store_note_add(s, ids[0], 1, b, e, "passage", &n2,
	    &err), 0);
	assert_int_equal(store_note_add(s, ids[1], 1, 0, 3, "other", &n3,
	    &err), 0);
	assert_true(n1 < n2 && n2 < n3);
	/* A span past the body, an empty one, no such story. */
	assert_int_equal(store_note_add(s, ids[0], 1, 10, 9999, "x", &junk,
	    &err), 2);
	assert_int_equal(store_note_add(s, ids[0], 1, 5, 5, "x", &junk, &err),
	    2);
	assert_int_equal(store_note_add(s, 9999, 0, 0, 0, "x", &junk, &err), 1);

	assert_int_equal(note_get(s, n2, &r), 0);
	assert_string_equal(r.n.anchor, "the sites");
	assert_string_equal(r.n.note, "passage");
	assert_string_equal(r.title, "First");
	assert_int_equal(r.article, ids[0]);
	assert_true(r.n.has_span);
	assert_true(r.n.created > 0 && r.n.updated == r.n.created);
	row_free(&r);
	assert_int_equal(note_get(s, 9999, &r), 1);

	/* Story order: the whole-story note first, numbered from 1. */
	assert_int_equal(library_notes(s, ids[0], &x, &err), 0);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.v[0].id, n1);
	assert_int_equal(x.v[0].num, 1);
	assert_false(x.v[0].has_span);
	assert_int_equal(x.v[1].num, 2);
	assert_int_equal(x.v[1].start, b);
	assert_string_equal(x.v[1].anchor, "the sites");
	library_notes_free(&x);

	/* Every note, newest first (ids break ties), a page at a time. */
	assert_int_equal(store_notes_page(s, NULL, 1, count_notes_cb, got,
	    &err), 0);
	snprintf(got + 128, 64, "%lld|", (long long)n3);
	assert_string_equal(got, got + 128);
	got[0] = '\0';
	assert_int_equal(store_notes_page(s, NULL, 0, count_notes_cb, got,
	    &err), 0);
	snprintf(got + 128, 64, "%lld|%lld|%lld|", (long long)n3,
	    (long long)n2, (long long)n1);
	assert_string_equal(got, got + 128);
	note_get(s, n3, &r);
	key.sort_ts = r.n.updated;
	key.id = r.n.id;
	row_free(&r);
	got[0] = '\0';
	assert_int_equal(store_notes_page(s, &key, 10, count_notes_cb, got,
	    &err), 0);
	snprintf(got + 128, 64, "%lld|%lld|", (long long)n2, (long long)n1);
	assert_string_equal(got, got + 128);

	assert_int_equal(store_note_update(s, n1, "changed", &err), 0);
	assert_int_equal(store_note_update(s, 9999, "changed", &err), 1);
	note_get(s, n1, &r);
	assert_string_equal(r.n.note, "changed");
	row_free(&r);
	assert_int_equal(store_note_delete(s, n2, &err), 0);
	assert_int_equal(store_note_delete(s, n2, &err), 1);

	store_close(s);
}

/* Note text: control characters, escapes and bidi go; size is bounded. */
static void
test_note_clean(void **state)
{
	char	*t, *err = NULL, *big;
	size_t	 b, e;

	const char *hostile = "  one\x1b[2J\x1b]0;pwned\x07 two\tthree"
	    "\xe2\x80\xae\r\n\n\n\nnext  \n";

	t = library_note_clean(hostile, strlen(hostile), &err);
	assert_string_equal(t, "one two three\n\nnext");
	free(t);
	assert_null(library_note_clean(" \n\x1b[31m ", 8, &err));
	assert_non_null(strstr(err, "empty"));
	free(err);
	err = NULL;
	big = xmalloc(STORE_MAX_NOTE + 2);
	memset(big, 'x', STORE_MAX_NOTE + 1);
	assert_null(library_note_clean(big, STORE_MAX_NOTE + 1, &err));
	assert_non_null(strstr(err, "too long"));
	free(err);
	err = NULL;
	t = library_note_clean(big, STORE_MAX_NOTE, &err);
	assert_non_null(t);
	free(t);
	free(big);

	/* Passages: found exactly; ranges widened to whole words. */
	assert_int_equal(library_passage_find(body1, strlen(body1), "nowhere",
	    &b, &e), -1);
	assert_int_equal(library_passage_find(body1, strlen(body1), "",
	    &b, &e), -1);
	b = 6;
	e = 9;		/* "n B" of "in Brenmark" */
	assert_int_equal(library_passage_words(body1, strlen(body1), &b, &e),
	    0);
	assert_int_equal(b, 4);
	assert_int_equal(e, 15);
	b = 28;
	e = 34;		/* the end of a paragraph and the break */
	assert_int_equal(library_passage_words(body1, strlen(body1), &b, &e),
	    0);
	assert_int_equal(b, 25);
	assert_int_equal(e, 35);
	b = 0;
	e = 9999;
	assert_int_equal(library_passage_words(body1, strlen(body1), &b, &e),
	    -1);
}

static int
collect_rows(const struct store_row *r, void *arg)
{
	test_append(arg, 256, r->title);
	return 0;
}

static int
collect_counts(const struct store_feed_count *c, void *arg)
{
	int64_t	*n = arg;

	if (c->kind == STORE_FILTER_NOTES)
		*n = c->count;
	return 0;
}

/* The Notes listing: annotated stories, the latest note first. */
static void
test_notes_listing(void **state)
{
	struct store		*s;
	struct store_filter	 f;
	struct store_key	 key;
	int64_t			 ids[2], n1, count = -1;
	char			*err = NULL, *path, got[256] = "";

	s = open_with_stories("listing.db", ids);
	assert_int_equal(store_feed_counts(s, STORE_COUNT_CHEAP,
	    collect_counts, &count, &err), 0);
	assert_int_equal(count, -1);	/* no entry without notes */
	assert_int_equal(store_note_add(s, ids[1], 0, 0, 0, "on second", &n1,
	    &err), 0);
	assert_int_equal(store_note_add(s, ids[0], 0, 0, 0, "on first", &n1,
	    &err), 0);
	assert_int_equal(store_note_add(s, ids[0], 0, 0, 0, "again", &n1,
	    &err), 0);
	assert_int_equal(store_feed_counts(s, STORE_COUNT_CHEAP,
	    collect_counts, &count, &err), 0);
	assert_int_equal(count, 2);
	store_close(s);

	path = test_tmp_path("listing.db");
	test_sql_exec(path, "UPDATE annotations SET updated = CASE note"
	    " WHEN 'on second' THEN 100 WHEN 'on first' THEN 50 ELSE 200 END");
	s = test_store_open(path);
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_NOTES;
	assert_int_equal(store_page_count(s, &f, NULL, &err), 2);
	assert_int_equal(store_page(s, &f, NULL, 0, 10, collect_rows, got,
	    &err), 0);
	assert_string_equal(got, "First|Second|");
	/* Keyset paging on the note time. */
	key.sort_ts = 200;
	key.id = ids[0];
	got[0] = '\0';
	assert_int_equal(store_page(s, &f, &key, 1, 10, collect_rows, got,
	    &err), 0);
	assert_string_equal(got, "Second|");
	assert_int_equal(store_page_count(s, &f, &key, &err), 0);
	store_close(s);

	test_sql_exec(path, "UPDATE annotations SET updated = 10"
	    " WHERE note = 'again'");
	s = test_store_open(path);
	got[0] = '\0';
	assert_int_equal(store_page(s, &f, NULL, 0, 10, collect_rows, got,
	    &err), 0);
	assert_string_equal(got, "Second|First|");
	store_close(s);
	free(path);
}

/* Importing a story again never touches its tags or notes. */
static void
test_reimport_keeps(void **state)
{
	struct store		*s;
	struct article		 a;
	struct lib_notes	 x;
	int64_t			 ids[2], n1, feed;
	char			*err = NULL, *line, *msg;

	s = open_with_stories("reimport.db", ids);
	assert_int_equal(library_tags_set(s, ids[0], "mine", &msg, &err), 0);
	free(msg);
	assert_int_equal(store_note_add(s, ids[0], 1, 0, 3, "kept", &n1, &err),
	    0);
	feed = store_local_feed(s, &err);
	article_init(&a);
	a.guid = xstrdup("g1");
	article_set(&a.title, "First again", 11);
	article_add_paragraph(&a, "Other text.", 11, 0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, "h1", NULL, &err), 1);
	assert_int_equal(store_commit(s, &err), 0);
	article_free(&a);
	assert_int_equal(library_tags_line(s, ids[0], &line, &err), 0);
	assert_string_equal(line, "mine");
	free(line);
	assert_int_equal(library_notes(s, ids[0], &x, &err), 0);
	assert_int_equal(x.n, 1);
	assert_string_equal(x.v[0].anchor, "Few");
	library_notes_free(&x);
	store_close(s);
}

/* A library of schema 4 gains the notes index and keeps its notes. */
static void
test_migrate_5(void **state)
{
	struct store	*s;
	int64_t		 ids[2], n1;
	char		*err = NULL, *path;

	s = open_with_stories("v4.db", ids);
	assert_int_equal(store_note_add(s, ids[0], 0, 0, 0, "old note", &n1,
	    &err), 0);
	store_close(s);
	path = test_tmp_path("v4.db");
	test_sql_exec(path, TEST_UNDO_12 "DROP INDEX entities_key;"
	    "DROP INDEX entities_surname;"
	    "ALTER TABLE entities DROP COLUMN name_key;"
	    "ALTER TABLE entities DROP COLUMN surname;"
	    "DROP TABLE quote_fixes;"
	    "DROP TABLE entity_aliases; DROP TABLE entity_fixes;"
	    "ALTER TABLE quotes DROP COLUMN corrected;"
	    "ALTER TABLE quotes DROP COLUMN continues;"
	    "DROP INDEX articles_extract_version;"
	    "ALTER TABLE articles DROP COLUMN extract_version;"
	    "DROP INDEX annotations_updated;"
	    "DROP TABLE feed_tags;"
	    "PRAGMA user_version = 4;");
	s = test_store_open(path);
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT (SELECT user_version"
	    " FROM pragma_user_version) * 100 + (SELECT count(*) FROM"
	    " sqlite_schema WHERE name = 'annotations_updated') * 10 +"
	    " (SELECT count(*) FROM annotations)"), STORE_VERSION * 100 + 11);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tag_parse),
		cmocka_unit_test(test_tags_change),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_note_clean),
		cmocka_unit_test(test_notes_listing),
		cmocka_unit_test(test_reimport_keeps),
		cmocka_unit_test(test_migrate_5),
	};

	return cmocka_run_group_tests(tests, test_tmpdir_setup,
	    test_tmpdir_teardown);
}
