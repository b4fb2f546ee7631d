/*
 * Unit tests: the search language's translation to FTS5 (every form, and
 * hostile text that must give results or a message, never an FTS5 syntax
 * error), and searching a real store: results, order, paging by key,
 * filters, speaker:, snippets and highlight spans.
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

#include <sqlite3.h>

#include "article.h"
#include "buf.h"
#include "search.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "test-util.h"

/* An in-memory FTS5 table like the store's, to run translations on. */
static sqlite3 *fts_db;

static int
setup(void **state)
{
	if (test_tmpdir_setup(state) != 0)
		return -1;
	if (sqlite3_open(":memory:", &fts_db) != SQLITE_OK)
		return -1;
	return sqlite3_exec(fts_db, "CREATE VIRTUAL TABLE f USING fts5("
	    "title, lead, body, tokenize='unicode61 remove_diacritics 2');"
	    "INSERT INTO f VALUES ('Drone strike', 'a lead', 'the word here');",
	    NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	sqlite3_close(fts_db);
	return test_tmpdir_teardown(state);
}

/* Run an FTS5 expression; the number of rows, or -1 on an FTS5 error. */
static int
fts_run(const char *expr)
{
	sqlite3_stmt	*st;
	int		 n = 0, rc;

	if (sqlite3_prepare_v2(fts_db, "SELECT rowid FROM f WHERE f MATCH ?",
	    -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n++;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}

/* Parse a string that must parse, and check its FTS5 expression. */
static void
want_fts(const char *text, const char *fts)
{
	struct search	 q;
	char		*err = NULL;

	if (search_parse(text, strlen(text), &q, &err) != 0)
		fail_msg("'%s' did not parse: %s", text, err);
	if (fts == NULL)
		assert_null(q.fts);
	else {
		assert_non_null(q.fts);
		assert_string_equal(q.fts, fts);
		assert_true(fts_run(q.fts) >= 0);
	}
	search_free(&q);
}

/*
 * A prefix is not in the search's FTS5 expression (its stem may start
 * otherwise): its atom keeps the prefix for marking, and the words
 * before the last as the index's part of the lookup.
 */
static void
want_prefix(const char *text, const char *fts, const char *lead)
{
	struct search	 q;
	char		*err = NULL;

	if (search_parse(text, strlen(text), &q, &err) != 0)
		fail_msg("'%s' did not parse: %s", text, err);
	assert_true(q.v[0].prefix && q.v[0].exact && !q.v[0].in_fts);
	assert_string_equal(q.v[0].fts, fts);
	if (lead == NULL)
		assert_null(q.v[0].fts_lead);
	else {
		assert_non_null(q.v[0].fts_lead);
		assert_string_equal(q.v[0].fts_lead, lead);
		assert_true(fts_run(q.v[0].fts_lead) >= 0);
	}
	search_free(&q);
}

/* Parse a string that must fail with this message. */
static void
want_error(const char *text, size_t len, const char *msg)
{
	struct search	 q;
	char		*err = NULL;

	assert_int_equal(search_parse(text, len, &q, &err), -1);
	assert_non_null(err);
	assert_string_equal(err, msg);
	assert_int_equal(q.n, 0);
	free(err);
}

static void
test_words(void **state)
{
	want_fts("drone", "\"drone\"");
	want_fts("  drone   strike ", "\"drone\" AND \"strike\"");
	want_fts("dron*", NULL);
	want_prefix("dron*", "\"dron\" *", NULL);
	want_prefix("dron**", "\"dron\" *", NULL);
	want_fts("\"exact phrase\"", "\"exact phrase\"");
	want_fts("\"exact phra\"*", NULL);
	want_prefix("\"exact phra\"*", "\"exact phra\" *", "\"exact \"");
	want_fts("a\"b", "\"a\"\"b\"");
	want_fts("Bogot\xc3\xa1", "\"Bogot\xc3\xa1\"");
	assert_int_equal(fts_run("\"drone\" AND \"strike\""), 1);
}

static void
test_not_or(void **state)
{
	struct search	 q;
	char		*err = NULL;

	want_fts("drone -tank", "(\"drone\") NOT (\"tank\")");
	/* Exact words left out are checked in SQL, not by their stems. */
	want_fts("drone -\"a b\" -c", "(\"drone\") NOT (\"c\")");
	want_fts("drone strike -tank",
	    "(\"drone\" AND \"strike\") NOT (\"tank\")");
	want_fts("a OR b c", "(\"a\" OR \"b\") AND \"c\"");
	want_fts("a OR b OR c", "(\"a\" OR \"b\" OR \"c\")");
	/* OR with nothing on one side is dropped. */
	want_fts("OR a OR", "\"a\"");
	/* Lower-case "or" is a word. */
	want_fts("a or b", "\"a\" AND \"or\" AND \"b\"");

	/* Only left out: nothing for FTS5, one SQL atom. */
	assert_int_equal(search_parse("-drone", 6, &q, &err), 0);
	assert_null(q.fts);
	assert_int_equal(q.n, 1);
	assert_true(q.v[0].negate && !q.v[0].in_fts);
	search_free(&q);

	/* A left-out word ORed stays in SQL. */
	assert_int_equal(search_parse("x -a OR b", 9, &q, &err), 0);
	assert_string_equal(q.fts, "\"x\"");
	assert_int_equal(q.nclauses, 2);
	assert_true(q.v[1].clause == q.v[2].clause && !q.v[1].in_fts);
	search_free(&q);
}

static void
test_fields(void **state)
{
	struct search	 q;
	char		*err = NULL;
	const char	*s;

	want_fts("title:drone", "title : \"drone\"");
	want_fts("TITLE:\"a b\"* x", "\"x\"");
	want_prefix("TITLE:\"a b\"* x", "title : \"a b\" *",
	    "title : \"a \"");
	want_fts("-title:drone x", "(\"x\") NOT (title : \"drone\")");
	/* Not a field: a word. */
	want_fts("10:30", "\"10:30\"");

	s = "outlet:herald by:\"Jane Doe\" speaker:brekk tag:\"Iran Russia\""
	    " is:unread is:read is:starred before:2023-08-01 after:2023"
	    " -after:2023-08";
	assert_int_equal(search_parse(s, strlen(s), &q, &err), 0);
	assert_null(q.fts);
	assert_int_equal(q.n, 10);
	assert_int_equal(q.v[0].kind, SEARCH_OUTLET);
	assert_string_equal(q.v[0].value, "herald");
	assert_int_equal(q.v[1].kind, SEARCH_BYLINE);
	assert_string_equal(q.v[1].value, "Jane Doe");
	assert_int_equal(q.v[2].kind, SEARCH_SPEAKER);
	assert_int_equal(q.v[3].kind, SEARCH_TAG);
	assert_string_equal(q.v[3].value, "iran-russia");
	assert_int_equal(q.v[4].kind, SEARCH_UNREAD);
	assert_int_equal(q.v[5].kind, SEARCH_READ);
	assert_int_equal(q.v[6].kind, SEARCH_STARRED);
	assert_int_equal(q.v[7].kind, SEARCH_BEFORE);
	assert_int_equal(q.v[7].ts, 1690848000);
	assert_int_equal(q.v[8].kind, SEARCH_AFTER);
	assert_int_equal(q.v[8].ts, 1672531200);
	assert_true(q.v[9].negate);
	assert_int_equal(q.v[9].ts, 1690848000);
	search_free(&q);

	/* A filter ORed with a word: one clause, left to SQL. */
	assert_int_equal(search_parse("drone OR tag:x", 14, &q, &err), 0);
	assert_null(q.fts);
	assert_int_equal(q.nclauses, 1);
	search_free(&q);
	/* Words for snippets: the wanted ones only. */
	s = "a -b OR title:c tag:d";
	assert_int_equal(search_parse(s, strlen(s), &q, &err), 0);
	err = search_fts_any(&q);
	assert_string_equal(err, "\"a\" OR title : \"c\"");
	free(err);
	search_free(&q);
	err = NULL;
	s = "-a tag:x";
	assert_int_equal(search_parse(s, strlen(s), &q, &err), 0);
	assert_null(search_fts_any(&q));
	search_free(&q);
}

static void
test_errors(void **state)
{
	char	big[10 * 1024 + 1];
	size_t	i;

	want_error("", 0, "empty search");
	want_error("   \t ", 5, "empty search");
	want_error("-", 1, "empty search");
	want_error("*", 1, "empty search");
	want_error("\"", 1, "empty search");
	want_error("OR", 2, "empty search");
	want_error("- * \"\" OR ...", 13, "empty search");
	want_error("\0\0\0", 3, "empty search");
	want_error("is:foo", 6,
	    "unknown is:foo (use is:unread, is:read or is:starred)");
	want_error("before:2023-13-01", 17, "before: bad date '2023-13-01' (use "
	    "YYYY-MM-DD, YYYY-MM or YYYY)");
	want_error("after:2023-02-30", 16, "after: bad date '2023-02-30' (use "
	    "YYYY-MM-DD, YYYY-MM or YYYY)");
	want_error("after:yesterday", 15, "after: bad date 'yesterday' (use "
	    "YYYY-MM-DD, YYYY-MM or YYYY)");
	want_error("title:", 6, "title: needs a value");
	want_error("tag:\"\"", 6, "tag: needs a value");
	want_error("speaker:-", 9, "speaker: needs a value");
	/* 10 KB of words: too many terms. */
	for (i = 0; i < sizeof big - 1; i++)
		big[i] = i % 2 ? ' ' : 'a';
	want_error(big, sizeof big - 1, "too many search terms (at most 64)");
}

static void
test_hostile(void **state)
{
	static const char *cases[] = {
		"NEAR(", "NEAR(a b, 3)", "a AND b", "NOT a", "a NOT b",
		"\"a\" \"b", "\"\"\"\"", "{title}:x", "title:\"", "-\"",
		"^a", "a:b:c", "col:x", "(a OR b)", "a)", "*a*", "\"a\"*b",
		"drone \x01\x1b[31m red", "a\"OR\"b", "a OR OR b", "- -a",
		"title:\"unbalanced", "\xff\xfe broken utf8", "-OR", "a -",
	};
	struct search	 q;
	char		*err, big[10 * 1024 + 1], msg[64];
	size_t		 i, k, len;
	unsigned	 seed = 12345;
	static const char alphabet[] = "ab\"*-():^{} ORNEAT\x01\t\\'%_";

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		err = NULL;
		if (search_parse(cases[i], strlen(cases[i]), &q, &err) != 0) {
			assert_non_null(err);
			free(err);
			continue;
		}
		if (q.fts != NULL && fts_run(q.fts) < 0)
			fail_msg("'%s' gave bad FTS5 '%s'", cases[i], q.fts);
		search_free(&q);
	}
	/* With a NUL inside: the rest is still read. */
	err = NULL;
	assert_int_equal(search_parse("a\0b", 3, &q, &err), 0);
	assert_string_equal(q.fts, "\"a\" AND \"b\"");
	search_free(&q);
	/* One 10 KB word parses and runs. */
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(search_parse(big, sizeof big - 1, &q, &err), 0);
	assert_int_equal(fts_run(q.fts), 0);
	search_free(&q);
	/* Random strings of the characters that matter. */
	for (k = 0; k < 3000; k++) {
		len = (size_t)(rand_r(&seed) % 24);
		for (i = 0; i < len; i++)
			msg[i] = alphabet[rand_r(&seed) %
			    (sizeof alphabet - 1)];
		msg[len] = '\0';
		err = NULL;
		if (search_parse(msg, len, &q, &err) != 0) {
			assert_non_null(err);
			free(err);
			continue;
		}
		if (q.fts != NULL && fts_run(q.fts) < 0)
			fail_msg("'%s' gave bad FTS5 '%s'", msg, q.fts);
		err = search_fts_any(&q);
		if (err != NULL && fts_run(err) < 0)
			fail_msg("'%s' gave bad FTS5 '%s'", msg, err);
		free(err);
		search_free(&q);
	}
}

/* A store with known stories, for the store tests. */
static struct store *
search_store(void)
{
	static const struct {
		const char	*title, *outlet, *byline, *date, *body;
		const char	*tag;
	} stories[] = {
		{ "Drone crash near Hollen", "The Valdorian Herald", "Jane Doe",
		  "2025-01-14", "A military drone crashed near Hollen.", "drones" },
		{ "Tank sale approved", "Brenmark Daily", "John Roe",
		  "2025-02-01", "Forty tanks will be sold.", NULL },
		{ "Drones over the border", "Brenmark Daily", NULL,
		  "2025-03-01", "More drones were seen at the border, said "
		  "Anja Brekk.", "drones" },
		{ "Gas deal signed", "The Valdorian Herald", "Jane Doe",
		  "2025-04-01", "The gas deal ends the reliance.", NULL },
		{ "Caf\xc3\xa9 talks on drones", "Ulmgrad Observer", NULL,
		  "2025-05-01", "Talks in a caf\xc3\xa9 about the drone "
		  "programme.", NULL },
	};
	struct store	*s;
	struct article	 a;
	char		*path, *err = NULL, guid[16];
	int64_t		 feed;
	size_t		 i;

	path = test_tmp_path("search.db");
	unlink(path);
	s = test_store_open(path);
	free(path);
	feed = store_local_feed(s, &err);
	assert_int_equal(store_begin(s, &err), 0);
	for (i = 0; i < sizeof stories / sizeof stories[0]; i++) {
		article_init(&a);
		snprintf(guid, sizeof guid, "g%zu", i);
		a.guid = xstrdup(guid);
		article_set(&a.title, stories[i].title,
		    strlen(stories[i].title));
		article_set(&a.outlet, stories[i].outlet,
		    strlen(stories[i].outlet));
		if (stories[i].byline != NULL)
			article_set(&a.byline, stories[i].byline,
			    strlen(stories[i].byline));
		a.published = xstrdup(stories[i].date);
		article_add_paragraph(&a, stories[i].body,
		    strlen(stories[i].body), 0);
		if (stories[i].tag != NULL)
			article_add_tag(&a, stories[i].tag,
			    strlen(stories[i].tag));
		/* Story 2's caption names what its text does not. */
		if (i == 1)
			article_add_caption(&a, "Convoys near Tessalin", 21);
		assert_int_equal(store_article_add(s, feed, &a, guid, NULL,
		    &err), 0);
		assert_int_equal(a.id, (int64_t)i + 1);
		article_free(&a);
	}
	assert_int_equal(store_commit(s, &err), 0);
	/* Story 3 quotes Anja Brekk; story 1 mentions her but no quote. */
	assert_int_equal(st_exec(s, "INSERT INTO entities (kind, name)"
	    " VALUES ('person', 'Anja Brekk');"
	    "INSERT INTO quotes (article_id, start, end, kind, speaker_id)"
	    " VALUES (3, 0, 10, 'direct', 1);"
	    "INSERT INTO mentions (article_id, entity_id, start, end)"
	    " VALUES (1, 1, 0, 1);"
	    "UPDATE articles SET read = 1 WHERE id = 5;"
	    "UPDATE articles SET starred = 1 WHERE id = 2;", &err), 0);
	return s;
}

struct ids {
	char	text[128];
	struct store_key last;
};

static int
collect_ids(const struct store_row *r, void *arg)
{
	struct ids	*x = arg;
	size_t		 n = strlen(x->text);

	snprintf(x->text + n, sizeof x->text - n, "%s%lld", n > 0 ? " " : "",
	    (long long)r->key.id);
	x->last = r->key;
	return 0;
}

/* The ids a search lists, newest first, as "5 3 1"; "ERR: msg" if it fails. */
static const char *
ids_of(struct store *s, const char *text)
{
	static struct ids	 x;
	struct store_filter	 f;
	char			*err = NULL;

	memset(&x, 0, sizeof x);
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_SEARCH;
	f.value = text;
	if (store_page(s, &f, NULL, 0, 100, collect_ids, &x, &err) != 0) {
		snprintf(x.text, sizeof x.text, "ERR: %s", err);
		free(err);
	}
	return x.text;
}

static void
test_store_search(void **state)
{
	struct store	*s = search_store();

	/* Words are stemmed: drone finds drones and the other way round. */
	assert_string_equal(ids_of(s, "drone"), "5 3 1");
	assert_string_equal(ids_of(s, "drones"), "5 3 1");
	assert_string_equal(ids_of(s, "crash"), "1");
	assert_string_equal(ids_of(s, "drone*"), "5 3 1");
	/* In quotes, the exact words. */
	assert_string_equal(ids_of(s, "\"drones\""), "5 3");
	assert_string_equal(ids_of(s, "\"drone\""), "5 1");
	assert_string_equal(ids_of(s, "-\"drones\""), "4 2 1");
	assert_string_equal(ids_of(s, "\"drones\" OR tanks"), "5 3 2");
	assert_string_equal(ids_of(s, "\"drone crashed\""), "1");
	assert_string_equal(ids_of(s, "\"drone crashes\""), "");
	assert_string_equal(ids_of(s, "\"crashed drone\""), "");
	assert_string_equal(ids_of(s, "title:\"drones\""), "5 3");
	/* A prefix is the start of a word as written. */
	assert_string_equal(ids_of(s, "gas*"), "4");
	assert_string_equal(ids_of(s, "drone* -hollen"), "5 3");
	assert_string_equal(ids_of(s, "-drone*"), "4 2");
	assert_string_equal(ids_of(s, "tanks OR gas"), "4 2");
	assert_string_equal(ids_of(s, "title:drones"), "5 3 1");
	/* Captions are searched. */
	assert_string_equal(ids_of(s, "tessalin"), "2");
	assert_string_equal(ids_of(s, "convoy"), "2");
	assert_string_equal(ids_of(s, "title:hollen OR title:gas"), "4 1");
	/* Accents do not matter: unicode61 remove_diacritics 2. */
	assert_string_equal(ids_of(s, "cafe"), "5");
	assert_string_equal(ids_of(s, "CAF\xc3\x89"), "5");
	assert_string_equal(ids_of(s, "outlet:herald"), "4 1");
	assert_string_equal(ids_of(s, "outlet:\"brenmark daily\" drones"),
	    "3");
	assert_string_equal(ids_of(s, "by:doe"), "4 1");
	assert_string_equal(ids_of(s, "-by:doe"), "5 3 2");
	assert_string_equal(ids_of(s, "tag:Drones"), "3 1");
	assert_string_equal(ids_of(s, "-tag:drones drone*"), "5");
	assert_string_equal(ids_of(s, "is:unread drone*"), "3 1");
	assert_string_equal(ids_of(s, "is:read"), "5");
	assert_string_equal(ids_of(s, "is:starred"), "2");
	assert_string_equal(ids_of(s, "before:2025-03-01"), "2 1");
	assert_string_equal(ids_of(s, "after:2025-03-01"), "5 4 3");
	assert_string_equal(ids_of(s, "after:2025-02 before:2025-04"), "3 2");
	assert_string_equal(ids_of(s, "after:2026"), "");
	assert_string_equal(ids_of(s, "drone OR tag:drones"), "5 3 1");
	/* speaker: is who is quoted, not who is mentioned. */
	assert_string_equal(ids_of(s, "speaker:brekk"), "3");
	assert_string_equal(ids_of(s, "speaker:\"Anja Brekk\""), "3");
	assert_string_equal(ids_of(s, "speaker:nobody"), "");
	/* Names match as words do: any case, any accents. */
	assert_string_equal(ids_of(s, "speaker:BREKK"), "3");
	assert_string_equal(ids_of(s, "speaker:br\xc3\xa9kk"), "3");
	/* Punctuation is no part of a name's match, nor a LIKE pattern. */
	assert_string_equal(ids_of(s, "outlet:a%"), "5 4 3 2 1");
	assert_string_equal(ids_of(s, "outlet:%a%"), "5 4 3 2 1");
	assert_string_equal(ids_of(s, "by:d_e"), "");
	assert_string_equal(ids_of(s, "is:nope"),
	    "ERR: unknown is:nope (use is:unread, is:read or is:starred)");
	assert_string_equal(ids_of(s, "NEAR("), "2 1");
	assert_string_equal(ids_of(s, "\""), "ERR: empty search");
	store_close(s);
}

static void
test_store_paging(void **state)
{
	struct store		*s = search_store();
	struct store_filter	 f;
	struct store_key	 k;
	struct ids		 x;
	char			*err = NULL;

	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_SEARCH;
	f.value = "drone* OR gas";
	assert_int_equal(store_page_count(s, &f, NULL, &err), 4);
	/* Two at a time, by key, in both directions. */
	memset(&x, 0, sizeof x);
	assert_int_equal(store_page(s, &f, NULL, 1, 2, collect_ids, &x,
	    &err), 0);
	assert_string_equal(x.text, "5 4");
	k = x.last;
	memset(&x, 0, sizeof x);
	assert_int_equal(store_page(s, &f, &k, 1, 2, collect_ids, &x, &err),
	    0);
	assert_string_equal(x.text, "3 1");
	assert_int_equal(store_page_count(s, &f, &x.last, &err), 3);
	k = x.last;
	memset(&x, 0, sizeof x);
	assert_int_equal(store_page(s, &f, &k, -1, 2, collect_ids, &x,
	    &err), 0);
	assert_string_equal(x.text, "3 4");
	memset(&x, 0, sizeof x);
	assert_int_equal(store_page(s, &f, &k, 0, 9, collect_ids, &x, &err),
	    0);
	assert_string_equal(x.text, "1");
	memset(&x, 0, sizeof x);
	assert_int_equal(store_page(s, &f, NULL, -1, 1, collect_ids, &x,
	    &err), 0);
	assert_string_equal(x.text, "1");
	/* The list's unread flag narrows a search too. */
	f.unread = 1;
	assert_int_equal(store_page_count(s, &f, NULL, &err), 3);
	f.unread = 0;
	/* Filters only, counted by SQL. */
	f.value = "outlet:herald OR is:starred";
	assert_int_equal(store_page_count(s, &f, NULL, &err), 3);
	f.value = "";
	assert_int_equal(store_page_count(s, &f, NULL, &err), -1);
	assert_string_equal(err, "empty search");
	free(err);
	store_close(s);
}

struct spans {
	char	text[256];
};

static int
collect_span(int col, size_t start, size_t end, void *arg)
{
	struct spans	*x = arg;
	size_t		 n = strlen(x->text);

	snprintf(x->text + n, sizeof x->text - n, "%d:%zu-%zu ", col, start,
	    end);
	return 0;
}

/*
 * A story fetched again with new text and captions leaves the index
 * whole: the old words (captions too) are gone, the new ones found.
 */
static void
test_store_update(void **state)
{
	struct store	*s = search_store();
	struct article	 a;
	char		*err = NULL;

	article_init(&a);
	a.guid = xstrdup("g1");
	article_set(&a.title, "Convoy halted", 13);
	article_add_paragraph(&a, "The convoy stopped at the bridge.", 33, 0);
	article_add_caption(&a, "Lorries on the Ulmgrad bridge", 29);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_update(s, 2, &a, "new", NULL, &err),
	    0);
	assert_int_equal(store_commit(s, &err), 0);
	article_free(&a);
	assert_string_equal(ids_of(s, "tessalin"), "");
	assert_string_equal(ids_of(s, "tanks"), "");
	assert_string_equal(ids_of(s, "lorry"), "2");
	assert_string_equal(ids_of(s, "\"convoy stopped\""), "2");
	assert_int_equal(st_exec(s, "INSERT INTO articles_fts"
	    " (articles_fts) VALUES ('integrity-check')", &err), 0);
	store_close(s);
}

static void
test_store_marks(void **state)
{
	struct store	*s = search_store();
	struct spans	 x;
	char		*out = NULL, *err = NULL;

	assert_int_equal(store_search_snippet(s, "drone", 1, "[", "]", &out,
	    &err), 0);
	assert_non_null(strstr(out, "[Drone]"));
	free(out);
	assert_int_equal(store_search_snippet(s, "\"military drone\"", 1,
	    "<", ">", &out, &err), 0);
	assert_non_null(strstr(out, "A <military drone> crashed"));
	free(out);
	/* Filters only: the start of the text, no marks. */
	assert_int_equal(store_search_snippet(s, "tag:drones", 1, "[", "]",
	    &out, &err), 0);
	assert_string_equal(out, "A military drone crashed near Hollen.");
	free(out);
	/* Found by the filter of an OR, not the word: still a snippet. */
	assert_int_equal(store_search_snippet(s, "zzz OR tag:drones", 3, "[",
	    "]", &out, &err), 0);
	assert_non_null(out);
	free(out);

	memset(&x, 0, sizeof x);
	assert_int_equal(store_search_spans(s, "drone* -tank", 1,
	    collect_span, &x, &err), 0);
	/* "Drone" in the title; "drone" at 11 of the body. */
	assert_string_equal(x.text, "0:0-5 2:11-16 ");
	memset(&x, 0, sizeof x);
	assert_int_equal(store_search_spans(s, "cafe", 5, collect_span, &x,
	    &err), 0);
	assert_string_equal(x.text, "0:0-5 2:11-16 ");
	memset(&x, 0, sizeof x);
	assert_int_equal(store_search_spans(s, "tag:drones", 1, collect_span,
	    &x, &err), 0);
	assert_string_equal(x.text, "");
	assert_int_equal(store_search_spans(s, "is:x", 1, collect_span, &x,
	    &err), -1);
	assert_non_null(err);
	free(err);
	store_close(s);
}

/* n more stories, their dates against their ids, a few with drones. */
static void
add_stories(struct store *s, size_t n)
{
	struct article	 a;
	char		*err = NULL, guid[16], text[96], date[16];
	int64_t		 feed = store_local_feed(s, &err);
	size_t		 i;

	assert_int_equal(store_begin(s, &err), 0);
	for (i = 0; i < n; i++) {
		article_init(&a);
		snprintf(guid, sizeof guid, "more%zu", i);
		a.guid = xstrdup(guid);
		snprintf(text, sizeof text, "Report %zu on the %s", i,
		    i % 3 == 0 ? "drone flights" : i % 3 == 1 ? "drones seen" :
		    "tank columns");
		article_set(&a.title, text, strlen(text));
		snprintf(date, sizeof date, "2024-%02zu-%02zu", 12 - i % 12,
		    28 - i % 27);
		a.published = xstrdup(date);
		snprintf(text, sizeof text, "Officials said the %s were "
		    "counted again, story %zu.", i % 2 ? "drones" : "tanks", i);
		article_add_paragraph(&a, text, strlen(text), 0);
		assert_int_equal(store_article_add(s, feed, &a, guid, NULL,
		    &err), 0);
		article_free(&a);
	}
	assert_int_equal(store_commit(s, &err), 0);
}

struct each_out {
	struct buf	 b;
	size_t		 n, stop;	/* stop after this many (0: never) */
};

static int
collect_each(const struct store_row *r, const char *snip, void *arg)
{
	struct each_out	*o = arg;

	buf_printf(&o->b, "%lld %s|%s\n", (long long)r->key.id,
	    r->title != NULL ? r->title : "", snip);
	return ++o->n == o->stop;
}

struct page_out {
	struct store	*s;
	const char	*text;
	struct buf	 b;
};

/* What search printed before store_search_each: a snippet per row. */
static int
collect_page(const struct store_row *r, void *arg)
{
	struct page_out	*o = arg;
	char		*snip = NULL, *err = NULL;

	assert_int_equal(store_search_snippet(o->s, o->text, r->key.id, "[",
	    "]", &snip, &err), 0);
	buf_printf(&o->b, "%lld %s|%s\n", (long long)r->key.id,
	    r->title != NULL ? r->title : "", snip != NULL ? snip : "");
	free(snip);
	return 0;
}

/*
 * Every match streamed, a batch's snippets at once: the same rows and
 * snippets as a listing with a snippet per row, across batches, with a
 * limit, stopped by its caller, and a bad search an error.
 */
static void
test_store_each(void **state)
{
	static const char *const texts[] = { "drone", "\"drones\"", "dron*",
	    "tag:drones", "zzz OR tag:drones", "tank OR drone", "-drone",
	    "is:unread", "title:drone", "said drones", "\"drone flights\"",
	    "zzzz" };
	struct store_filter	 f;
	struct store		*s = search_store();
	struct each_out		 e;
	struct page_out		 p;
	struct search		 q;
	char			*err = NULL;
	size_t			 i, limit;

	add_stories(s, 70);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (limit = 0; limit <= 20; limit += 20) {
			memset(&e, 0, sizeof e);
			memset(&p, 0, sizeof p);
			buf_init(&e.b);
			buf_init(&p.b);
			buf_addc(&e.b, '\0');
			buf_addc(&p.b, '\0');
			e.b.len = p.b.len = 0;
			assert_int_equal(store_search_each(s, texts[i], limit,
			    "[", "]", collect_each, &e, &err), 0);
			memset(&f, 0, sizeof f);
			f.kind = STORE_FILTER_SEARCH;
			f.value = p.text = texts[i];
			p.s = s;
			assert_int_equal(store_page(s, &f, NULL, 1, limit > 0 ?
			    limit : (size_t)-1, collect_page, &p, &err), 0);
			assert_string_equal(e.b.data, p.b.data);
			if (i == 0)
				assert_int_equal(e.n, limit > 0 ? 20 : 61);
			buf_free(&e.b);
			buf_free(&p.b);
		}
	/* All the rows of a word most stories have: walk the date index. */
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_SEARCH;
	f.value = "drone";
	assert_int_equal(store_search_parse(&f, &q, &err), 0);
	assert_int_equal(store_search_scan(s, &q, (size_t)-1, &err), 1);
	search_free(&q);
	f.value = "crash";
	assert_int_equal(store_search_parse(&f, &q, &err), 0);
	assert_int_equal(store_search_scan(s, &q, (size_t)-1, &err), 0);
	search_free(&q);
	/* The caller stops it: no more rows, and 1. */
	memset(&e, 0, sizeof e);
	buf_init(&e.b);
	e.stop = 3;
	assert_int_equal(store_search_each(s, "drone", 0, "[", "]",
	    collect_each, &e, &err), 1);
	assert_int_equal(e.n, 3);
	buf_free(&e.b);
	assert_int_equal(store_search_each(s, "is:x", 0, "[", "]",
	    collect_each, &e, &err), -1);
	assert_non_null(err);
	free(err);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_not_or),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_store_search),
		cmocka_unit_test(test_store_paging),
		cmocka_unit_test(test_store_update),
		cmocka_unit_test(test_store_marks),
		cmocka_unit_test(test_store_each),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
