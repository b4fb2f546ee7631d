/* Unit tests: the store's schema, migrations, refusals and article rows. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "article.h"
#include "buf.h"
#include "extract.h"
#include "import.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "test-util.h"

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE	*f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static char *
read_all(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*data = xmalloc(1 << 20);

	assert_non_null(f);
	*len = fread(data, 1, 1 << 20, f);
	fclose(f);
	return data;
}

static void
test_create(void **state)
{
	char		*path = test_tmp_path("sub/dir/new.db"), *err = NULL;
	struct store	*s;
	struct stat	 sb;

	s = store_open(path, &err);
	assert_non_null(s);
	assert_null(err);
	store_close(s);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"),
	    STORE_VERSION);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name IN ('feeds', 'articles', 'entities', 'mentions',"
	    " 'quotes', 'tags', 'annotations', 'articles_fts')"), 8);
	/* Reopening runs no migration and keeps WAL. */
	s = test_store_open(path);
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT journal_mode = 'wal' FROM"
	    " pragma_journal_mode"), 1);
	free(path);
}

static void
test_newer_refused(void **state)
{
	char		*path = test_tmp_path("newer.db"), *err = NULL;
	char		*before, *after;
	size_t		 n1, n2;
	struct store	*s;

	test_sql_exec(path, "CREATE TABLE x (y);"
	    "PRAGMA user_version = 999;");
	before = read_all(path, &n1);
	s = store_open(path, &err);
	assert_null(s);
	assert_non_null(err);
	assert_non_null(strstr(err, "schema version 999"));
	assert_non_null(strstr(err, "newer dossier"));
	after = read_all(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"), 999);
	free(before);
	free(after);
	free(err);
	free(path);
}

static void
test_corrupt(void **state)
{
	char		*path = test_tmp_path("corrupt.db"), *err = NULL;
	char		 junk[8192];
	struct store	*s;

	memset(junk, 'x', sizeof junk);
	write_file(path, junk, sizeof junk);
	s = store_open(path, &err);
	assert_null(s);
	assert_non_null(err);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err,
	    "not a dossier library (not an sqlite database)"));
	free(err);
	free(path);
}

/* Take a library back to schema 10: a statement's parts are not linked. */
#define UNDO_11	TEST_UNDO_12 "ALTER TABLE quotes DROP COLUMN continues;"

/* Take a library back to schema 8: the corrections' tables go. */
#define UNDO_9	"DROP TABLE quote_fixes; DROP TABLE entity_aliases;" \
	"DROP TABLE entity_fixes; ALTER TABLE quotes DROP COLUMN corrected;"

static void
make_article(struct article *a, const char *guid, const char *title,
    const char *date)
{
	article_init(a);
	a->guid = xstrdup(guid);
	article_set(&a->title, title, strlen(title));
	article_set(&a->outlet, "The Valdorian Herald", 20);
	if (date != NULL)
		a->published = xstrdup(date);
	article_add_paragraph(a, "First paragraph.", 16, 0);
	article_add_paragraph(a, "A subheading", 12, 1);
	article_add_paragraph(a, "Second paragraph about drones.", 30, 0);
	article_add_caption(a, "A caption (credit: Somebody)", 28);
	article_add_link(a, "https://example.invalid/a", 25, "the report", 10);
	article_add_link(a, "javascript:alert(1)", 19, "evil", 4);
	article_add_tag(a, "Drones", 6);
}

/* Add a listing row to out: "title #tag #tag|". */
static int
collect_rows(const struct store_row *r, void *arg)
{
	char	*out = arg;
	size_t	 n = strlen(out), i;

	snprintf(out + n, 512 - n, "%s", r->title);
	for (i = 0; i < r->ntags; i++) {
		n = strlen(out);
		snprintf(out + n, 512 - n, " #%s", r->tags[i]);
	}
	n = strlen(out);
	snprintf(out + n, 512 - n, "|");
	return 0;
}

static void
test_articles(void **state)
{
	char			*path = test_tmp_path("articles.db");
	char			*err = NULL;
	char			 titles[512] = "";
	struct store		*s;
	struct article		 a, b, c, got;
	struct store_filter	 f;
	int64_t			 feed;

	s = test_store_open(path);
	feed = store_local_feed(s, &err);
	assert_true(feed > 0);
	assert_int_equal(store_local_feed(s, &err), feed);

	make_article(&a, "g1", "Older story", "2025-03-01");
	make_article(&b, "g2", "Newer story", "2025-06-01T10:00");
	make_article(&c, "g1", "Same guid again", "2025-07-01");
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, "h1", NULL, &err), 0);
	assert_int_equal(store_article_add(s, feed, &b, "h2", NULL, &err), 0);
	assert_int_equal(store_article_add(s, feed, &c, "h3", NULL, &err), 1);
	assert_int_equal(store_commit(s, &err), 0);
	assert_true(a.id > 0 && b.id > a.id);
	assert_int_equal(store_article_exists(s, feed, "g1", &err), 1);
	assert_int_equal(store_article_exists(s, feed, "nope", &err), 0);

	/* Read back in full. */
	assert_int_equal(store_article_get(s, a.id, &got, &err), 0);
	assert_string_equal(got.title, "Older story");
	assert_string_equal(got.outlet, "The Valdorian Herald");
	assert_string_equal(got.published, "2025-03-01");
	assert_string_equal(got.feed, "Saved stories");
	assert_string_equal(got.body, a.body);
	assert_int_equal(got.nsubheadings, 1);
	assert_int_equal(got.subheadings[0].start, a.subheadings[0].start);
	assert_int_equal(got.ncaptions, 1);
	assert_string_equal(got.captions[0], "A caption (credit: Somebody)");
	assert_int_equal(got.ntags, 1);
	assert_string_equal(got.tags[0], "drones");
	assert_int_equal(got.nlinks, 1);
	assert_string_equal(got.links[0].url, "https://example.invalid/a");
	assert_string_equal(got.links[0].text, "the report");
	article_free(&got);
	assert_int_equal(store_article_get(s, 9999, &got, &err), 1);

	/* Newest first, whole or a window; a tag filters. */
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_ALL;
	assert_int_equal(store_page(s, &f, NULL, 1, (size_t)-1, collect_rows,
	    titles, &err), 0);
	assert_string_equal(titles, "Newer story #drones|Older story #drones|");
	titles[0] = '\0';
	store_page(s, &f, NULL, 1, 1, collect_rows, titles, &err);
	assert_string_equal(titles, "Newer story #drones|");
	f.kind = STORE_FILTER_TAG;
	f.value = "nosuchtag";
	assert_int_equal(store_page_count(s, &f, NULL, &err), 0);
	f.value = "drones";
	assert_int_equal(store_page_count(s, &f, NULL, &err), 2);

	/* A rolled-back batch leaves nothing. */
	article_free(&c);
	make_article(&c, "g3", "Rolled back", NULL);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &c, "h3", NULL, &err), 0);
	store_rollback(s);
	assert_int_equal(store_article_exists(s, feed, "g3", &err), 0);
	store_close(s);

	/* The full-text index follows the table. */
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM articles_fts"
	    " WHERE articles_fts MATCH 'drones'"), 2);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM captions"
	    " WHERE text LIKE '%Rolled%'"), 0);
	article_free(&a);
	article_free(&b);
	article_free(&c);
	free(path);
}

/*
 * Marking a listing read: only the unread stories of that listing change,
 * in one statement; the count says how many; again, none.
 */
static void
test_mark_read(void **state)
{
	char			*path = test_tmp_path("mark.db"), *err = NULL;
	struct store		*s;
	struct store_filter	 f;
	struct article		 a, b, c;
	int64_t			 feed;

	s = test_store_open(path);
	feed = store_local_feed(s, &err);
	make_article(&a, "m1", "Older drone story", "2025-03-01");
	make_article(&b, "m2", "Newer drone story", "2025-06-01");
	make_article(&c, "m3", "Unrelated story", "2025-07-01");
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, "h1", NULL, &err), 0);
	assert_int_equal(store_article_add(s, feed, &b, "h2", NULL, &err), 0);
	assert_int_equal(store_article_add(s, feed, &c, "h3", NULL, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_set_read(s, b.id, 1, &err), 0);

	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_SEARCH;
	/* Every body speaks of drones: the headline tells them apart. */
	f.value = "title:drone";
	assert_int_equal(store_mark_read(s, &f, &err), 1);	/* a, not b */
	f.value = "(";
	assert_int_equal(store_mark_read(s, &f, &err), -1);	/* no parse */
	free(err);
	err = NULL;
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT group_concat(read, '')"
	    " FROM (SELECT read FROM articles ORDER BY id)"), 110);

	s = test_store_open(path);
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_ALL;
	assert_int_equal(store_mark_read(s, &f, &err), 1);	/* c */
	assert_int_equal(store_mark_read(s, &f, &err), 0);
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM articles"
	    " WHERE read = 1"), 3);
	article_free(&a);
	article_free(&b);
	article_free(&c);
	free(path);
}

/*
 * A store that fills up mid-batch (max_page_count stands in for a full
 * disk) fails every file of the batch, keeps what it had, and stays usable.
 */
static void
test_full(void **state)
{
	char			*path = test_tmp_path("full.db"), *err = NULL;
	struct store		*s;
	struct article		 a;
	int64_t			 feed, before;
	struct store_filter	 f;
	char			 big[4000];
	int			 i, rc = 0;

	s = test_store_open(path);
	feed = store_local_feed(s, &err);
	make_article(&a, "keep", "Kept story", "2025-01-01");
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, "k", NULL, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	article_free(&a);
	memset(&f, 0, sizeof f);
	before = store_page_count(s, &f, NULL, &err);

	{
		sqlite3_stmt	*st;
		char		 sql[64];
		int		 pages;

		assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA page_count",
		    -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		pages = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d",
		    pages + 2);
		assert_int_equal(st_exec(s, sql, NULL), 0);
	}
	memset(big, 'w', sizeof big);
	assert_int_equal(store_begin(s, &err), 0);
	for (i = 0; i < 50 && rc == 0; i++) {
		char guid[32];

		snprintf(guid, sizeof guid, "big%d", i);
		make_article(&a, guid, "Big story", NULL);
		article_add_paragraph(&a, big, sizeof big, 0);
		rc = store_article_add(s, feed, &a, guid, NULL, &err);
		article_free(&a);
	}
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "full"));
	store_rollback(s);
	free(err);
	err = NULL;
	assert_int_equal(store_page_count(s, &f, NULL, &err), before);
	assert_int_equal(store_article_exists(s, feed, "keep", &err), 1);
	store_close(s);
	free(path);
}

static int
check_mention(const struct store_mention *m, void *arg)
{
	int	*n = arg;

	if ((*n)++ == 0) {
		assert_string_equal(m->kind, "person");
		assert_string_equal(m->name, "Ilse Varga");
		assert_string_equal(m->title, "Deputy Foreign Minister");
		assert_string_equal(m->affiliation, "Marovia");
		assert_int_equal(m->start, 40);
		assert_int_equal(m->end, 50);
	}
	return 0;
}

static int
check_quote(const struct store_quote *q, void *arg)
{
	int	*n = arg;

	if ((*n)++ == 0) {
		assert_string_equal(q->kind, "direct");
		assert_string_equal(q->speaker_name, "Ilse Varga");
		assert_string_equal(q->source_kind, "person");
		assert_true(q->has_cue);
		assert_int_equal(q->cue_start, 51);
	} else {
		assert_null(q->speaker_name);
		assert_string_equal(q->source_kind, "unnamed");
		assert_string_equal(q->source_text, "An official");
		assert_false(q->has_cue);
	}
	return 0;
}

/* Entities are shared across articles; mentions and quotes are per article. */
static void
test_extract_rows(void **state)
{
	const char	*body = "\"We will talk,\" Deputy Foreign Minister "
	    "Ilse Varga said. An official agreed.";
	char		*path = test_tmp_path("extract.db"), *err = NULL;
	struct store	*s;
	struct article	 a, b;
	struct extract	 x;
	struct ex_quote	 q;
	size_t		 e;
	int64_t		 feed;
	int		 n;

	memset(&x, 0, sizeof x);
	x.text = body;
	x.len = strlen(body);
	e = extract_entity_add(&x, EX_PERSON, "Ilse Varga", 10);
	assert_int_equal(extract_entity_add(&x, EX_PERSON, "Ilse Varga", 10), e);
	x.ents[e].title = xstrdup("Deputy Foreign Minister");
	x.ents[e].affiliation = xstrdup("Marovia");
	extract_mention_add(&x, 40, 50, e);
	memset(&q, 0, sizeof q);
	q.start = 1;
	q.end = 13;
	q.kind = EX_DIRECT;
	q.cue_start = 51;
	q.cue_end = 55;
	q.sp_start = 40;
	q.sp_end = 50;
	q.entity = e;
	q.source = EX_SOURCE_ENTITY;
	extract_quote_add(&x, &q);
	q.kind = EX_INDIRECT;
	q.cue_start = q.cue_end = EX_NONE;
	q.sp_start = 57;
	q.sp_end = 68;
	q.entity = EX_NONE;
	q.source = EX_SOURCE_UNNAMED;
	extract_quote_add(&x, &q);

	s = test_store_open(path);
	feed = store_local_feed(s, &err);
	make_article(&a, "x1", "One", NULL);
	make_article(&b, "x2", "Two", NULL);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, "x1", &x, &err), 0);
	assert_int_equal(store_article_add(s, feed, &b, "x2", &x, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	n = 0;
	assert_int_equal(store_article_mentions(s, a.id, check_mention, &n,
	    &err), 0);
	assert_int_equal(n, 1);
	n = 0;
	assert_int_equal(store_article_quotes(s, b.id, check_quote, &n,
	    &err), 0);
	assert_int_equal(n, 2);
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM entities"),
	    1);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM mentions"),
	    2);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quotes"), 4);
	article_free(&a);
	article_free(&b);
	extract_free(&x);
	free(path);
}

/* A story with absurdly many quotes keeps only the first STORE_MAX_QUOTES. */
static void
test_extract_cap(void **state)
{
	char		*path = test_tmp_path("cap.db"), *err = NULL;
	struct store	*s;
	struct article	 a;
	struct extract	 x;
	struct ex_quote	 q;
	size_t		 i;
	int64_t		 feed;

	memset(&x, 0, sizeof x);
	x.text = "\"a\" said b.";
	x.len = strlen(x.text);
	memset(&q, 0, sizeof q);
	q.start = 1;
	q.end = 2;
	q.kind = EX_DIRECT;
	q.cue_start = q.cue_end = q.sp_start = q.sp_end = EX_NONE;
	q.entity = EX_NONE;
	for (i = 0; i < STORE_MAX_QUOTES + 100; i++)
		extract_quote_add(&x, &q);
	s = test_store_open(path);
	feed = store_local_feed(s, &err);
	make_article(&a, "cap", "Many quotes", NULL);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, "cap", &x, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quotes"),
	    STORE_MAX_QUOTES);
	article_free(&a);
	extract_free(&x);
	free(path);
}

/*
 * Re-analysis: a story stored with an older analysis (schema 7's
 * stories get version 1) is listed and counted as outdated; replacing
 * its analysis changes its mentions and quotes only, marks it current,
 * and leaves its tags and notes.
 */
static void
test_extract_replace(void **state)
{
	char		*path = test_tmp_path("replace.db"), *err = NULL;
	struct store	*s;
	struct article	 a, b;
	struct extract	 x;
	int64_t		 feed, ids[4], note;
	size_t		 n;

	s = test_store_open(path);
	feed = store_local_feed(s, &err);
	make_article(&a, "r1", "One", NULL);
	make_article(&b, "r2", "Two", NULL);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, "r1", NULL, &err), 0);
	assert_int_equal(store_article_add(s, feed, &b, "r2", NULL, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_note_add(s, a.id, 0, 0, 0, "mine", &note,
	    &err), 0);
	assert_int_equal(store_extract_count(s, 1, &err), 0);
	assert_int_equal(store_extract_count(s, 0, &err), 2);
	store_close(s);
	/* Back to schema 7 with a row of an old analysis: the migration. */
	test_sql_exec(path, UNDO_11 "DROP INDEX entities_key;"
	    "DROP INDEX entities_surname;"
	    "ALTER TABLE entities DROP COLUMN name_key;"
	    "ALTER TABLE entities DROP COLUMN surname;"
	    UNDO_9 "DROP INDEX articles_extract_version;"
	    "ALTER TABLE articles DROP COLUMN extract_version;"
	    "PRAGMA user_version = 7;");
	test_sql_exec(path, "INSERT INTO quotes (article_id, start, end, kind)"
	    " VALUES (1, 0, 1, 'direct');");
	s = test_store_open(path);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM articles"
	    " WHERE extract_version = 1"), 2);
	assert_int_equal(store_extract_count(s, 1, &err), 2);
	assert_int_equal(store_extract_ids(s, 1, 0, ids, 4, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_extract_ids(s, 1, ids[0], ids, 4, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_true(ids[0] == b.id);

	memset(&x, 0, sizeof x);
	extract_run(&x, "\"Yes,\" Ilse Varga said.", 23);
	assert_true(x.nquotes > 0);
	assert_int_equal(store_extract_replace(s, a.id, &x, &err), 0);
	assert_int_equal(store_extract_replace(s, 999, &x, &err), 1);
	assert_int_equal(store_extract_count(s, 1, &err), 1);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quotes"
	    " WHERE article_id = 1 AND end = 1"), 0);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM quotes"
	    " WHERE article_id = 1"), (int64_t)x.nquotes);
	assert_int_equal(test_sql_int(path, "SELECT extract_version FROM"
	    " articles WHERE id = 1"), EXTRACT_VERSION);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM tags"
	    " WHERE article_id = 1") * 10 + test_sql_int(path,
	    "SELECT count(*) FROM annotations WHERE article_id = 1"), 11);
	store_close(s);
	extract_free(&x);
	article_free(&a);
	article_free(&b);
	free(path);
}

/* A library of schema 1 is brought to the current version in place. */
static void
test_migrate(void **state)
{
	char		*path = test_tmp_path("old.db");
	struct store	*s;

	s = test_store_open(path);
	store_close(s);
	/* Make it look like a schema-1 library with a story in it. */
	test_sql_exec(path, UNDO_11 "DROP INDEX entities_key;"
	    "DROP INDEX entities_surname;"
	    "ALTER TABLE entities DROP COLUMN name_key;"
	    "ALTER TABLE entities DROP COLUMN surname;"
	    UNDO_9 "DROP INDEX articles_extract_version;"
	    "ALTER TABLE articles DROP COLUMN extract_version;"
	    "DROP INDEX articles_starred;"
	    "DROP INDEX articles_outlet;"
	    "DROP TABLE links;"
	    "DROP INDEX annotations_updated;"
	    "DROP TABLE feed_tags;"
	    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
	    "  INSERT INTO articles_fts (rowid, title, lead, body)"
	    "    VALUES (new.id, new.title, new.lead, new.body);"
	    "END;"
	    "INSERT INTO feeds (url, kind, created) VALUES ('local:x', 'local', 0);"
	    "INSERT INTO articles (feed_id, guid, title, sort_ts, fetched)"
	    " VALUES (1, 'g', 'Kept', 0, 0);"
	    "PRAGMA user_version = 1;");
	s = test_store_open(path);
	store_close(s);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"),
	    STORE_VERSION);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name IN ('articles_starred', 'articles_outlet')"), 2);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM articles"
	    " WHERE title = 'Kept'"), 1);
	/* The story kept its place in the index; the trigger is gone. */
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM articles_fts"
	    " WHERE articles_fts MATCH 'kept'"), 1);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'articles_fts_insert'"), 0);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'links'"), 1);
	free(path);
}

/* Collect a feed's tags as "a,b". */
static int
feed_tags_row(const struct store_feed *f, void *arg)
{
	char	*out = arg;
	size_t	 i, len = 0;

	*out = '\0';
	for (i = 0; i < f->ntags && len < 4000; i++)
		len += (size_t)snprintf(out + len, 4096 - len, "%s%s",
		    i > 0 ? "," : "", f->tags[i]);
	return 1;
}

/*
 * A feed's tags: kept in the order given, once each, capped; changed in a
 * transaction of their own; given to the feed's new stories, dated at
 * their fetch so that they never count as the user's.
 */
static void
test_feed_tags(void **state)
{
	char		*path = test_tmp_path("feed-tags.db"), *err = NULL;
	char		 got[4096];
	char		*first[] = { "news", "europe", "news" };
	char		*add[] = { "asia" }, *del[] = { "news", "none" };
	char		*many[40], *story_tags[] = { "europe" };
	struct store	*s;
	struct article	 a;
	int64_t		 id, other;
	struct store_tags t;
	size_t		 i;

	s = test_store_open(path);
	assert_int_equal(store_feed_add(s, "http://x.test/feed", "X",
	    FEED_KIND_RSS, &id, &err), 0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_feed_tag(s, id, first, 3, &err), 2);
	assert_int_equal(store_feed_tag(s, id, first, 3, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_feed_list(s, id, NULL, feed_tags_row, got,
	    &err), 0);
	assert_string_equal(got, "news,europe");

	memset(&t, 0, sizeof t);
	t.add = add;
	t.nadd = 1;
	t.del = del;
	t.ndel = 2;
	assert_int_equal(store_feed_tags_change(s, id, &t, &err), 0);
	assert_int_equal(t.added, 1);
	assert_int_equal(t.removed, 1);
	store_feed_list(s, id, NULL, feed_tags_row, got, &err);
	assert_string_equal(got, "europe,asia");
	t.ndel = 0;
	assert_int_equal(store_feed_tags_change(s, id + 100, &t, &err), 1);

	/* Past the cap: refused whole by a change, cut short by ingest. */
	for (i = 0; i < 40; i++)
		xasprintf(&many[i], "t%zu", i);
	t.add = many;
	t.nadd = 40;
	assert_int_equal(store_feed_tags_change(s, id, &t, &err), -1);
	assert_non_null(strstr(err, "at most 32"));
	free(err);
	err = NULL;
	store_feed_list(s, id, NULL, feed_tags_row, got, &err);
	assert_string_equal(got, "europe,asia");
	assert_int_equal(store_feed_add(s, "http://x.test/other", NULL,
	    FEED_KIND_RSS, &other, &err), 0);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_feed_tag(s, other, many, 40, &err),
	    STORE_MAX_FEED_TAGS);
	assert_int_equal(store_commit(s, &err), 0);
	for (i = 0; i < 40; i++)
		free(many[i]);

	/* Ingest tags are dated at the story's fetch, never after. */
	article_init(&a);
	a.guid = xstrdup("g1");
	article_set(&a.title, "Tagged", 6);
	article_add_tag(&a, story_tags[0], strlen(story_tags[0]));
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, id, &a, "h", NULL, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	article_free(&a);
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM tags t JOIN"
	    " articles a ON a.id = t.article_id WHERE t.tag = 'europe'"
	    " AND t.added = a.fetched"), 1);
	/* Removing the feed drops its tags with it. */
	s = test_store_open(path);
	{
		int64_t r, k;

		assert_int_equal(store_feed_remove(s, id, &r, &k, &err), 0);
		assert_int_equal(r, 1);
		assert_int_equal(k, 0);
	}
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM feed_tags"
	    " WHERE feed_id NOT IN (SELECT id FROM feeds)"), 0);
	free(path);
}

/* A library of schema 5 gains feed tags and keeps its feeds and stories. */
static void
test_migrate_6(void **state)
{
	char		*path = test_tmp_path("v5.db"), *err = NULL;
	char		*tags[] = { "news" }, got[4096];
	struct store	*s;
	int64_t		 id;

	s = test_store_open(path);
	assert_int_equal(store_feed_add(s, "http://x.test/v5", "Old",
	    FEED_KIND_RSS, &id, &err), 0);
	store_close(s);
	test_sql_exec(path, UNDO_11 "DROP INDEX entities_key;"
	    "DROP INDEX entities_surname;"
	    "ALTER TABLE entities DROP COLUMN name_key;"
	    "ALTER TABLE entities DROP COLUMN surname;"
	    "DROP TABLE quote_fixes;"
	    "DROP TABLE entity_aliases; DROP TABLE entity_fixes;"
	    "ALTER TABLE quotes DROP COLUMN corrected;"
	    "DROP INDEX articles_extract_version;"
	    "ALTER TABLE articles DROP COLUMN extract_version;"
	    "DROP TABLE feed_tags;"
	    "INSERT INTO articles (feed_id, guid, title, sort_ts, fetched)"
	    " VALUES (1, 'g', 'Kept', 0, 0);"
	    "PRAGMA user_version = 5;");
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'feed_tags'"), 0);
	s = test_store_open(path);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"),
	    STORE_VERSION);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name IN ('feed_tags', 'feed_tags_tag')"), 2);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM articles"
	    " WHERE title = 'Kept'"), 1);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_feed_tag(s, id, tags, 1, &err), 1);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_feed_list(s, id, NULL, feed_tags_row, got,
	    &err), 0);
	assert_string_equal(got, "news");
	store_close(s);
	free(path);
}

/* Keep a feed's body_hash ("-" if none). */
static int
feed_hash_row(const struct store_feed *f, void *arg)
{
	snprintf(arg, 80, "%s", f->body_hash != NULL ? f->body_hash : "-");
	return 0;
}

/*
 * A library of schema 15 gains the feeds' body digest and the stories'
 * item digest (15 -> 16): none
 * at first, then the one a fetch records, kept by a record without it
 * only when given again.
 */
static void
test_migrate_16(void **state)
{
	char			*path = test_tmp_path("v15.db"), *err = NULL;
	char			 got[80];
	struct store		*s;
	struct store_feed	 st;
	int64_t			 id;

	s = test_store_open(path);
	assert_int_equal(store_feed_add(s, "http://x.test/v15", "Old",
	    FEED_KIND_RSS, &id, &err), 0);
	store_close(s);
	test_sql_exec(path, TEST_UNDO_16 "PRAGMA user_version = 15;");
	s = test_store_open(path);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"),
	    STORE_VERSION);
	assert_int_equal(store_feed_list(s, id, NULL, feed_hash_row, got,
	    &err), 0);
	assert_string_equal(got, "-");
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
	    " pragma_table_info('articles') WHERE name = 'raw_hash'"), 1);
	memset(&st, 0, sizeof st);
	st.id = id;
	st.body_hash = "ab12";
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_feed_update(s, &st, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_feed_list(s, id, NULL, feed_hash_row, got,
	    &err), 0);
	assert_string_equal(got, "ab12");
	store_close(s);
	free(path);
}

/* A lead is the body's only when it is the body made one line, whole. */
static void
test_lead_is_body(void **state)
{
	static const char body[] = "One.\n\nTwo\nthree.\n\n\nFour.";

	(void)state;
	assert_true(store_lead_is_body("One. Two\nthree. \nFour.", body,
	    strlen(body)));
	assert_false(store_lead_is_body("One. Two\nthree.  \nFour.", body,
	    strlen(body)));
	assert_false(store_lead_is_body("One.", body, strlen(body)));
	assert_false(store_lead_is_body("One. Two\nthree. \nFour. Five.",
	    body, strlen(body)));
	assert_false(store_lead_is_body(NULL, body, strlen(body)));
	assert_false(store_lead_is_body("One.", NULL, 0));
	assert_true(store_lead_is_body("", "", 0));
}

/* Add a marked span to the string arg: "COL:START-END ". */
static int
collect_lead_span(int col, size_t start, size_t end, void *arg)
{
	char	*out = arg;
	size_t	 n = strlen(out);

	snprintf(out + n, 128 - n, "%d:%zu-%zu ", col, start, end);
	return 0;
}

/* A SHA-256 in hex of 64 digits c (as hash_buf_hex writes one). */
#define H64(c)	H8(H8(c))
#define H8(c)	c c c c c c c c

/*
 * The text of a feed item with only a summary is stored once (17 -> 18):
 * a lead that is its body made one line is not kept, and is read back,
 * searched and shown as before; a library of schema 17 is converted in
 * place, its tags and notes kept.
 */
static void
test_migrate_18(void **state)
{
	char		*path = test_tmp_path("v16.db"), *err = NULL;
	char		 spans[128], want[128];
	struct store	*s;
	struct article	 a, b, got;
	struct buf	 line;
	int64_t		 feed, note, id;
	size_t		 i;
	int		 pass;

	(void)state;
	s = test_store_open(path);
	feed = store_local_feed(s, &err);
	make_article(&a, "g1", "Summary only", "2025-03-01");
	make_article(&b, "g2", "Summary of its own", "2025-03-02");
	buf_init(&line);
	for (i = 0; i < a.body_len; i++)
		if (a.body[i] == '\n' && a.body[i + 1] == '\n')
			buf_addc(&line, ' '), i++;
		else
			buf_addc(&line, a.body[i]);
	a.lead = buf_detach(&line);
	b.lead = xstrdup("A summary of its own.");
	assert_int_equal(store_begin(s, &err), 0);
	memcpy(a.raw_hash, H64("a"), 65);
	assert_int_equal(store_article_add(s, feed, &a, H64("1"), NULL, &err),
	    0);
	assert_int_equal(store_article_add(s, feed, &b, "h2", NULL, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_note_add(s, a.id, 0, 0, 0, "kept", &note,
	    &err), 0);
	store_close(s);
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			/* The same library as schema 17 wrote it. */
			test_sql_exec(path, TEST_UNDO_18
			    "PRAGMA user_version = 17;"
			    "CREATE TABLE junk AS SELECT randomblob(65536);"
			    "DROP TABLE junk;");
			assert_int_equal(test_sql_int(path, "SELECT count(*)"
			    " FROM articles WHERE lead IS NOT NULL"), 2);
			assert_true(test_sql_int(path,
			    "PRAGMA freelist_count") > 0);
		}
		s = test_store_open(path);
		assert_int_equal(test_sql_int(path, "PRAGMA user_version"),
		    STORE_VERSION);
		/* The space the migration freed is given back. */
		if (pass == 1)
			assert_int_equal(test_sql_int(path,
			    "PRAGMA freelist_count"), 0);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " articles WHERE lead IS NULL AND lead_body"), 1);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " sqlite_schema WHERE name = 'articles_hash'"), 0);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " articles WHERE lead = 'A summary of its own.'"
		    " AND NOT lead_body"), 1);
		/* A hash is kept as its 32 bytes, other text as it was. */
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " articles WHERE typeof(content_hash) = 'blob' AND"
		    " length(content_hash) = 32 AND length(raw_hash) = 32"
		    " AND guid = 'g1'"), 1);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " articles WHERE content_hash = 'h2'"), 1);
		/* Quotes without a speaker are not in the speakers' index. */
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " sqlite_schema WHERE name = 'quotes_speaker_story' AND"
		    " sql LIKE '%WHERE speaker_id IS NOT NULL'"), 1);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " sqlite_schema WHERE name = 'articles_starred' AND"
		    " sql LIKE '%WHERE starred = 1'"), 1);
		assert_int_equal(store_article_lookup(s, feed, "g1", H64("1"),
		    &id, &err), 1);
		assert_int_equal(id, a.id);
		assert_int_equal(store_article_lookup(s, feed, "g1", H64("2"),
		    &id, &err), 2);
		assert_int_equal(store_article_lookup(s, feed, "g2", "h2",
		    &id, &err), 1);
		assert_int_equal(store_article_known(s, feed, "g1", H64("a"),
		    &err), 1);
		assert_int_equal(store_article_known(s, feed, "g1", H64("b"),
		    &err), 0);
		assert_int_equal(store_article_get(s, a.id, &got, &err), 0);
		assert_string_equal(got.lead, a.lead);
		assert_string_equal(got.body, a.body);
		assert_int_equal(got.ntags, 1);
		assert_string_equal(got.tags[0], "drones");
		article_free(&got);
		assert_int_equal(store_article_get(s, b.id, &got, &err), 0);
		assert_string_equal(got.lead, "A summary of its own.");
		article_free(&got);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " annotations WHERE note = 'kept'"), 1);
		/* The index holds such a lead's words once, as the body's. */
		test_sql_exec(path, "INSERT INTO articles_fts (articles_fts)"
		    " VALUES ('integrity-check')");
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " articles_fts WHERE articles_fts MATCH 'lead : first'"),
		    0);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " articles_fts WHERE articles_fts MATCH 'body : first'"),
		    2);
		assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
		    " articles_fts WHERE articles_fts MATCH 'lead : summary'"),
		    1);
		/* A match is marked in the lead as shown, and in the body. */
		spans[0] = '\0';
		assert_int_equal(store_search_spans(s, "drones", a.id,
		    collect_lead_span, spans, &err), 0);
		snprintf(want, sizeof want, "1:%zu-%zu 2:%zu-%zu ",
		    (size_t)(strstr(a.lead, "drones") - a.lead),
		    (size_t)(strstr(a.lead, "drones") - a.lead) + 6,
		    (size_t)(strstr(a.body, "drones") - a.body),
		    (size_t)(strstr(a.body, "drones") - a.body) + 6);
		assert_string_equal(spans, want);
		store_close(s);
	}
	article_free(&a);
	article_free(&b);
	free(path);
}

/* Keep a listing row's fields as "id url byline read starred|". */
static int
collect_fields(const struct store_row *r, void *arg)
{
	char	*out = arg;
	size_t	 n = strlen(out);

	snprintf(out + n, 512 - n, "%lld %s %s %d %d|", (long long)r->key.id,
	    r->url != NULL ? r->url : "-", r->byline != NULL ? r->byline : "-",
	    r->read, r->starred);
	return 0;
}

/*
 * One listing model: a row carries what list and export print; tagged or
 * annotated stories are a filter; an address stored before they were
 * checked is never handed out.
 */
static void
test_listing_rows(void **state)
{
	char			*path = test_tmp_path("rows.db"), *err = NULL;
	char			 got[512] = "", want[512];
	struct store		*s;
	struct store_filter	 f;
	struct article		 a, b, c;
	int64_t			 feed, note;

	s = store_open(path, &err);
	assert_non_null(s);
	feed = store_local_feed(s, &err);
	make_article(&a, "r1", "Tagged", "2025-01-01");
	a.byline = xstrdup("Jane Roe");
	article_set_url(&a, "https://example.invalid/a", 25);
	make_article(&b, "r2", "Noted", "2025-02-01");
	make_article(&c, "r3", "Neither", "2025-03-01");
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, "h1", NULL, &err), 0);
	assert_int_equal(store_article_add(s, feed, &b, "h2", NULL, &err), 0);
	assert_int_equal(store_article_add(s, feed, &c, "h3", NULL, &err), 0);
	assert_int_equal(st_exec(s, "DELETE FROM tags WHERE article_id > 1;"
	    "UPDATE articles SET url = 'javascript:alert(1)' WHERE id = 3",
	    &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	assert_int_equal(store_note_add(s, b.id, 0, 0, 0, "a note", &note,
	    &err), 0);
	assert_int_equal(store_set_starred(s, a.id, 1, &err), 0);

	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_ALL;
	assert_int_equal(store_page(s, &f, NULL, 1, 10, collect_fields, got,
	    &err), 0);
	snprintf(want, sizeof want, "%lld - - 0 0|%lld - - 0 0|"
	    "%lld https://example.invalid/a Jane Roe 0 1|", (long long)c.id,
	    (long long)b.id, (long long)a.id);
	assert_string_equal(got, want);

	f.kind = STORE_FILTER_TAGGED_OR_NOTED;
	got[0] = '\0';
	assert_int_equal(store_page(s, &f, NULL, 1, (size_t)-1, collect_rows,
	    got, &err), 0);
	assert_string_equal(got, "Noted|Tagged #drones|");
	f.unread = 1;
	assert_int_equal(store_page_count(s, &f, NULL, &err), 2);
	store_close(s);
	article_free(&a);
	article_free(&b);
	article_free(&c);
	free(path);
}

/* Write a tag, then fail: st_write must keep none of it. */
static int
write_then_fail(struct store *s, void *arg, char **err)
{
	int64_t	*id = arg;
	char	 sql[128];

	snprintf(sql, sizeof sql, "INSERT INTO tags (article_id, tag, added)"
	    " VALUES (%lld, 'half-way', 0)", (long long)*id);
	if (st_exec(s, sql, err) != 0)
		return 0;
	free(*err);
	*err = xstrdup("injected failure");
	return -1;
}

/*
 * Make every COMMIT that changes a story's read flag fail as a full disk
 * would, leaving sqlite's transaction open: a trigger breaks a deferred
 * foreign key (of temporary tables, so the library is not touched).
 */
static void
break_commits(struct store *s)
{
	assert_int_equal(st_exec(s, "CREATE TEMP TABLE parent (id INTEGER"
	    " PRIMARY KEY); CREATE TEMP TABLE child (parent INTEGER"
	    " REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);"
	    "CREATE TEMP TRIGGER break_commit AFTER UPDATE OF read ON"
	    " articles BEGIN INSERT INTO child VALUES (-1); END", NULL), 0);
}

/*
 * A write transaction rolls back on every failure path: a step that
 * fails half-way, and a commit that fails, leave the story as it was and
 * the connection out of any transaction, ready for the next write.
 */
static void
test_write_rollback(void **state)
{
	char			*path = test_tmp_path("rollback.db"), *err = NULL;
	struct store		*s;
	struct store_filter	 f;
	struct article		 a, got;
	int64_t			 feed;

	s = store_open(path, &err);
	assert_non_null(s);
	feed = store_local_feed(s, &err);
	make_article(&a, "w1", "A story", "2025-01-01");
	assert_int_equal(store_article_add(s, feed, &a, "h1", NULL, &err), 0);

	assert_int_equal(st_write(s, write_then_fail, &a.id, &err), -1);
	assert_string_equal(err, "injected failure");
	assert_false(store_in_batch(s));
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM tags"
	    " WHERE tag = 'half-way'"), 0);

	break_commits(s);
	free(err);
	err = NULL;
	assert_int_equal(store_set_read(s, a.id, 1, &err), -1);
	assert_non_null(strstr(err, "FOREIGN KEY"));
	assert_false(store_in_batch(s));
	assert_int_equal(store_article_get(s, a.id, &got, &err), 0);
	assert_int_equal(got.read, 0);
	article_free(&got);

	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_ALL;
	assert_int_equal(store_mark_read(s, &f, &err), -1);
	assert_false(store_in_batch(s));
	assert_int_equal(store_page_count(s, &(struct store_filter){
	    .kind = STORE_FILTER_UNREAD }, NULL, &err), 1);

	/* With the fault gone the next write lands. */
	assert_int_equal(st_exec(s, "DROP TRIGGER temp.break_commit", &err),
	    0);
	assert_int_equal(store_set_read(s, a.id, 1, &err), 0);
	store_close(s);
	assert_int_equal(test_sql_int(path, "SELECT read FROM articles"), 1);
	free(err);
	article_free(&a);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create),
		cmocka_unit_test(test_newer_refused),
		cmocka_unit_test(test_corrupt),
		cmocka_unit_test(test_articles),
		cmocka_unit_test(test_mark_read),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_extract_rows),
		cmocka_unit_test(test_extract_cap),
		cmocka_unit_test(test_migrate),
		cmocka_unit_test(test_extract_replace),
		cmocka_unit_test(test_feed_tags),
		cmocka_unit_test(test_migrate_6),
		cmocka_unit_test(test_migrate_16),
		cmocka_unit_test(test_lead_is_body),
		cmocka_unit_test(test_migrate_18),
		cmocka_unit_test(test_listing_rows),
		cmocka_unit_test(test_write_rollback),
	};

	return cmocka_run_group_tests(tests, test_tmpdir_setup,
	    test_tmpdir_teardown);
}
