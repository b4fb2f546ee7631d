/*
 * Unit tests: dossier's own snippets (store-snippet.c) against FTS5's
 * snippet(), byte for byte, on the whole search language: over the
 * sample library, stories made to reach the edges of its rules (windows
 * at a column's ends, phrases longer than the window, sentence starts,
 * hits in every column), and, with DOSSIER_SNIPPET_DB=PATH, over any
 * library (bench/README: the bench's 100,000 stories).
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
#include "import.h"
#include "search.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "test-util.h"

struct tally {
	size_t	queries, rows, differ;
};

/*
 * Compare, on every story the search's words match, the two snippets;
 * report the first few that differ.
 */
static void
compare(struct store *s, const char *text, struct tally *t)
{
	struct search	 q;
	sqlite3_stmt	*st;
	const char	*theirs;
	char		*any, *mine, *err = NULL;
	int		 rc;

	if (search_parse(text, strlen(text), &q, &err) != 0) {
		free(err);
		return;
	}
	any = search_fts_any(&q);
	search_free(&q);
	if (any == NULL)
		return;
	t->queries++;
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT rowid,"
	    " snippet(articles_fts, -1, char(1), char(2), '\xe2\x80\xa6', 16),"
	    " dossier_hits(articles_fts) FROM articles_fts"
	    " WHERE articles_fts MATCH ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, any, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t->rows++;
		if (store_snippet_of(s, sqlite3_column_int64(st, 0),
		    sqlite3_column_blob(st, 2),
		    (size_t)sqlite3_column_bytes(st, 2), &mine, &err) != 0)
			fail_msg("'%s': %s", text, err);
		theirs = (const char *)sqlite3_column_text(st, 1);
		if ((theirs == NULL) != (mine == NULL) ||
		    (theirs != NULL && strcmp(theirs, mine) != 0)) {
			if (t->differ++ < 5)
				print_message("# '%s' story %lld:\n#  fts5: %s\n"
				    "#  ours: %s\n", text,
				    (long long)sqlite3_column_int64(st, 0),
				    theirs != NULL ? theirs : "(null)",
				    mine != NULL ? mine : "(null)");
		}
		free(mine);
	}
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	free(any);
}

/* The search language, each form once, on words the libraries have. */
static const char *const forms[] = {
	"valdoria", "said", "berbert", "\"deputy foreign minister\"",
	"minister said", "minister OR said", "\"foreign minister\" OR talks",
	"title:drone", "title:\"gas deal\"", "title:valdoria said",
	"drone -strike", "said -valdoria", "drone dron*", "dron*",
	"\"the\"", "the", "of the", "\"of the\"", "a OR the OR of",
	"tag:x said", "is:unread said", "after:2020 said", "before:2030 talks",
	"outlet:herald valdoria", "speaker:varkonen talks",
	"quote:\"will not\" accept", "ilse varkonen", "\"ilse varkonen\"",
	"minister minister", "said OR said", "\"said\" said", "caf\xc3\xa9",
	"cafe", "drones", "\"drones\"", "talks pipeline resume drossen",
	"sentence start", "alpha beta", "\"alpha beta gamma delta epsilon"
	" zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma\"",
	"rho sigma tau", "last", "first", "colon", "captioned", "leadword",
};

/*
 * Every form, then the library's terms alone: every step-th from the
 * commonest, nterms at most (common, middling and rare words alike).
 */
static void
compare_all(struct store *s, int step, int nterms, struct tally *t)
{
	sqlite3_stmt	*st;
	size_t		 i;

	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		compare(s, forms[i], t);
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT term FROM"
	    " (SELECT term, row_number() OVER (ORDER BY doc DESC, term) AS r"
	    " FROM temp.dossier_vocab) WHERE (r - 1) % ?1 = 0 ORDER BY r"
	    " LIMIT ?2", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int(st, 1, step > 0 ? step : 1);
	sqlite3_bind_int(st, 2, nterms);
	while (sqlite3_step(st) == SQLITE_ROW)
		compare(s, (const char *)sqlite3_column_text(st, 0), t);
	sqlite3_finalize(st);
}

/*
 * Phrases and word sets of the stories' own words, at many places: two
 * words, three, and eighteen (longer than the window) from every
 * eleventh word of each body.
 */
static void
compare_phrases(struct store *s, struct tally *t)
{
	sqlite3_stmt	*st;
	struct tokens	 w;
	struct buf	 b;
	const char	*body;
	size_t		 i, k, n;
	static const size_t lens[] = { 2, 3, 18 };

	/* The store's own, made by the searches before if they ran. */
	if (s->tokenizers == NULL)
		s->tokenizers = store_tokenizers_new(s->db);
	assert_non_null(s->tokenizers);
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT body FROM articles",
	    -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if ((body = (const char *)sqlite3_column_text(st, 0)) == NULL)
			continue;
		memset(&w, 0, sizeof w);
		store_tokenize(s->tokenizers, 0, body, strlen(body), &w);
		for (i = 0; i < w.n; i += 11)
			for (k = 0; k < 3; k++) {
				if (i + lens[k] > w.n)
					continue;
				buf_init(&b);
				for (n = 0; n < lens[k]; n++)
					buf_printf(&b, "%s%s", n > 0 ? " " : "",
					    w.text.data + w.off[i + n]);
				buf_addc(&b, '\0');
				compare(s, b.data, t);
				buf_free(&b);
				buf_init(&b);
				buf_printf(&b, "\"%.*s\"", (int)(w.end[i +
				    lens[k] - 1] - w.start[i]),
				    body + w.start[i]);
				compare(s, b.data, t);
				buf_free(&b);
			}
		store_tokens_free(&w);
	}
	sqlite3_finalize(st);
}

/* Stories at the edges of snippet()'s rules. */
static const struct {
	const char *title, *lead, *body, *caption;
} edges[] = {
	{ "Short", NULL, "Only a few words said here.", NULL },
	{ "Sixteen", NULL, "one two three four five six seven eight nine ten"
	  " eleven twelve thirteen fourteen fifteen last", NULL },
	{ "Seventeen", NULL, "first two three four five six seven eight nine"
	  " ten eleven twelve thirteen fourteen fifteen sixteen last", NULL },
	{ "Sentences", "A leadword in the lead.", "Words run on and on for a"
	  " while before anything. Then a sentence start comes, and more"
	  " words follow it for some time, said one. Another: colon starts"
	  " here and the sentence start is after it.\n\n  Said a man in a new"
	  " paragraph after blank lines.\tTabs. said\r\nsaid", "A captioned"
	  " photo of the sentence start" },
	{ "Greek letters", NULL, "Before it all: alpha beta gamma delta"
	  " epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho"
	  " sigma tau upsilon phi chi psi omega, and then alpha beta again,"
	  " with rho sigma tau at the end of a long run of words that goes"
	  " on. last", NULL },
	{ "Minister said minister", "The minister said.", "The minister said"
	  " that the minister would not say what the minister said, said the"
	  " minister's deputy foreign minister, who said it too.", NULL },
	{ "Caf\xc3\xa9 drones", NULL, "In the caf\xc3\xa9 they talked of"
	  " drones and a drone strike, and of the Cafe down the road.",
	  "Drones over a caf\xc3\xa9" },
};

static void
add_edges(struct store *s)
{
	struct article	 a;
	char		*err = NULL, guid[16];
	int64_t		 feed;
	size_t		 i;

	feed = store_local_feed(s, &err);
	assert_int_equal(store_begin(s, &err), 0);
	for (i = 0; i < sizeof edges / sizeof edges[0]; i++) {
		article_init(&a);
		snprintf(guid, sizeof guid, "edge%zu", i);
		a.guid = xstrdup(guid);
		article_set(&a.title, edges[i].title, strlen(edges[i].title));
		if (edges[i].lead != NULL)
			article_set(&a.lead, edges[i].lead,
			    strlen(edges[i].lead));
		article_add_paragraph(&a, edges[i].body,
		    strlen(edges[i].body), 0);
		if (edges[i].caption != NULL)
			article_add_caption(&a, edges[i].caption,
			    strlen(edges[i].caption));
		assert_int_equal(store_article_add(s, feed, &a, guid, NULL,
		    &err), 0);
		article_free(&a);
	}
	assert_int_equal(store_commit(s, &err), 0);
}

/* The sample library and the edge stories: every snippet the same. */
static void
test_samples(void **state)
{
	struct import_options	 opts;
	struct import_totals	 tot;
	struct store		*s;
	struct tally		 t;
	char			*path, *dir, *err = NULL;

	(void)state;
	path = test_tmp_path("snippet.db");
	unlink(path);
	s = test_store_open(path);
	xasprintf(&dir, "%s/samples/library", getenv("top_srcdir") != NULL ?
	    getenv("top_srcdir") : ".");
	memset(&opts, 0, sizeof opts);
	memset(&tot, 0, sizeof tot);
	assert_int_equal(import_paths(s, &dir, 1, &opts, &tot, &err), 0);
	assert_true(tot.added >= 10);
	add_edges(s);
	memset(&t, 0, sizeof t);
	compare_all(s, 1, 1000000, &t);
	compare_phrases(s, &t);
	print_message("# %zu searches, %zu snippets, %zu differ\n",
	    t.queries, t.rows, t.differ);
	assert_true(t.queries > 1000 && t.rows > 5000);
	assert_int_equal(t.differ, 0);
	store_close(s);
	free(dir);
	free(path);
}

/*
 * A library of one's own: DOSSIER_SNIPPET_DB, read as it is; its terms
 * every DOSSIER_SNIPPET_STEP-th (default 50), 100 of them.
 */
static void
test_library(void **state)
{
	struct store	*s;
	struct tally	 t;
	const char	*path = getenv("DOSSIER_SNIPPET_DB");
	char		*err = NULL;

	(void)state;
	if (path == NULL || *path == '\0')
		return;
	if ((s = store_open_existing(path, &err)) == NULL)
		fail_msg("%s", err);
	memset(&t, 0, sizeof t);
	compare_all(s, getenv("DOSSIER_SNIPPET_STEP") != NULL ?
	    atoi(getenv("DOSSIER_SNIPPET_STEP")) : 50, 100, &t);
	print_message("# %s: %zu searches, %zu snippets, %zu differ\n",
	    path, t.queries, t.rows, t.differ);
	assert_int_equal(t.differ, 0);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_library),
	};

	return cmocka_run_group_tests(tests, test_tmpdir_setup,
	    test_tmpdir_teardown);
}
