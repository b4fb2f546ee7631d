/*
 * Unit tests: the people of the library (library-dossier.c and
 * store-people.c): the index read page after page by its key gives
 * every row once in order, whichever sort; it follows a change (a
 * story added marks it stale); a name is found whole, by a part, or is
 * ambiguous; the rules of what is shown (reported speech, bars, months,
 * the quote a note is on) and search_period; a speaker's quotes read a
 * window at a time, older or newer from either end, are the whole
 * dossier's, each once, in its order.
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
#include "search.h"
#include "store.h"
#include "store-people.h"
#include "test-util.h"
#include "xmalloc.h"
#include "banned.h"

/* Add one story of text, with its analysis, dated (epoch) ts. */
static void
add_story(struct store *s, int64_t feed, int i, const char *text,
    const char *date)
{
	char		 guid[16], *err = NULL;
	struct article	 a;
	struct extract	 x;

	article_init(&a);
	snprintf(guid, sizeof guid, "g%d", i);
	a.guid = xstrdup(guid);
	a.title = xstrdup(guid);
	a.published = xstrdup(date);
	a.body = xstrdup(text);
	a.body_len = strlen(text);
	memset(&x, 0, sizeof x);
	extract_run(&x, a.body, a.body_len);
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_article_add(s, feed, &a, guid, &x, &err), 0);
	assert_int_equal(store_commit(s, &err), 0);
	extract_free(&x);
	article_free(&a);
}

/* A library of n stories, story i quoting Minister Person<i % 7> twice. */
static struct store *
people_library(const char *name, int n)
{
	char		*path = test_tmp_path(name), *err = NULL, text[256];
	char		 date[16];
	struct store	*s = test_store_open(path);
	int64_t		 feed = store_local_feed(s, &err);
	int		 i;

	assert_true(feed > 0);
	for (i = 0; i < n; i++) {
		snprintf(text, sizeof text, "Foreign Minister Anna Kel%c%c"
		    " said the talks would resume. \"We are ready,\" Kel%c%c"
		    " said.", 'a' + i % 7, 'a' + i % 3, 'a' + i % 7,
		    'a' + i % 3);
		snprintf(date, sizeof date, "2024-%02d-%02d", 1 + i % 12,
		    1 + i % 28);
		add_story(s, feed, i, text, date);
	}
	free(path);
	return s;
}

/* Read the whole index page by page (limit rows each): names in order. */
static size_t
read_pages(struct store *s, enum store_people_sort sort, size_t limit,
    char ***names)
{
	struct lib_person_rows	 rows;
	struct store_people_key	 key;
	char			*err = NULL, *keyname = NULL;
	size_t			 n = 0, i;
	int			 first = 1;

	*names = NULL;
	for (;;) {
		assert_int_equal(library_people_page(s, sort, NULL, first ?
		    NULL : &key, limit, &rows, &err), 0);
		for (i = 0; i < rows.n; i++) {
			*names = xreallocarray(*names, n + 1, sizeof **names);
			(*names)[n++] = xstrdup(rows.v[i].name);
		}
		free(keyname);
		keyname = rows.next_name != NULL ? xstrdup(rows.next_name) :
		    NULL;
		key = rows.next;
		key.name = keyname;
		first = 0;
		i = rows.n;
		library_person_rows_free(&rows);
		if (i < limit)
			break;
	}
	free(keyname);
	return n;
}

static void
test_pages(void **state)
{
	static const enum store_people_sort sorts[] = {
		STORE_PEOPLE_QUOTES, STORE_PEOPLE_RECENT, STORE_PEOPLE_NAME
	};
	struct store	*s = people_library("pages.db", 42);
	char		**whole, **paged;
	size_t		 nw, np, i, k;

	(void)state;
	for (k = 0; k < 3; k++) {
		nw = read_pages(s, sorts[k], 1000, &whole);
		np = read_pages(s, sorts[k], 2, &paged);
		assert_true(nw >= 10);
		assert_int_equal(nw, np);
		for (i = 0; i < nw; i++) {
			assert_string_equal(whole[i], paged[i]);
			free(whole[i]);
			free(paged[i]);
		}
		free(whole);
		free(paged);
	}
	store_close(s);
}

/*
 * The screen's limit: only names holding the words (any case), paged
 * after a key as the whole index is; kind "quoted" is everyone quoted.
 */
static void
test_match(void **state)
{
	struct store		*s = people_library("match.db", 42);
	struct lib_person_rows	 all, one, next;
	struct store_people_key	 key;
	char			*err = NULL;
	size_t			 i, held = 0;

	(void)state;
	assert_int_equal(library_people_match(s, STORE_PEOPLE_NAME, "quoted",
	    NULL, NULL, 0, &all, &err), 0);
	assert_true(all.n >= 7);
	for (i = 0; i < all.n; i++) {
		assert_true(all.v[i].quotes > 0);
		held += strstr(all.v[i].name, "Kelb") != NULL;
	}
	assert_true(held >= 2);
	assert_int_equal(library_people_match(s, STORE_PEOPLE_NAME, "quoted",
	    "KELB", NULL, 1, &one, &err), 0);
	assert_int_equal(one.n, 1);
	assert_non_null(strstr(one.v[0].name, "Kelb"));
	key = one.next;
	assert_int_equal(library_people_match(s, STORE_PEOPLE_NAME, "quoted",
	    "kelb", &key, 0, &next, &err), 0);
	assert_int_equal(next.n + 1, held);
	for (i = 0; i < next.n; i++)
		assert_non_null(strstr(next.v[i].name, "Kelb"));
	library_person_rows_free(&next);
	library_person_rows_free(&one);
	assert_int_equal(library_people_match(s, STORE_PEOPLE_QUOTES, NULL,
	    "nobody by this name", NULL, 0, &one, &err), 0);
	assert_int_equal(one.n, 0);
	library_person_rows_free(&one);
	library_person_rows_free(&all);
	store_close(s);
}

static void
test_stale(void **state)
{
	struct store		*s = people_library("stale.db", 3);
	struct lib_person_rows	 rows;
	char			*err = NULL;
	int64_t			 feed = store_local_feed(s, &err);

	(void)state;
	assert_int_equal(library_speaker_find(s, "Zora Quill", &rows, &err),
	    1);
	library_person_rows_free(&rows);
	add_story(s, feed, 99, "Trade Minister Zora Quill said the port"
	    " would open. \"It opens today,\" Quill said.", "2025-01-02");
	assert_int_equal(library_speaker_find(s, "zora quill", &rows, &err),
	    0);
	assert_string_equal(rows.v[0].name, "Zora Quill");
	assert_int_equal(rows.v[0].quotes, 2);
	assert_string_equal(rows.v[0].role, "Trade Minister");
	assert_string_equal(rows.v[0].last, " 2 Jan 2025");
	library_person_rows_free(&rows);
	/* A part of names that several have: the candidates. */
	assert_int_equal(library_speaker_find(s, "Kel", &rows, &err), 2);
	assert_true(rows.n == 3);
	library_person_rows_free(&rows);
	store_close(s);
}

/* Are a window's lines the dossier's from at on? */
static void
window_is(const struct lib_quote_lines *all, size_t at,
    const struct lib_quote_lines *w)
{
	size_t	i;

	assert_true(at + w->n <= all->n);
	for (i = 0; i < w->n; i++) {
		assert_true(all->v[at + i].id == w->v[i].id);
		assert_true(all->v[at + i].article == w->v[i].article);
		assert_string_equal(all->v[at + i].text, w->v[i].text);
	}
}

static void
test_windows(void **state)
{
	char		*path = test_tmp_path("win.db"), *err = NULL, text[256];
	char		 date[16];
	struct store	*s = test_store_open(path);
	int64_t		 feed = store_local_feed(s, &err);
	struct lib_person_rows	 found;
	struct lib_dossier	 d;
	struct lib_quote_lines	 w;
	size_t		 at, windows = 0;
	int		 i, more;

	(void)state;
	/* 60 stories, five days (ties broken by id), two quotes each. */
	for (i = 0; i < 60; i++) {
		snprintf(text, sizeof text, "Foreign Minister Anna Kelb said"
		    " talks would resume. \"We are ready for round %d,\" Kelb"
		    " said. \"Nobody gains from delay %d,\" Kelb added.", i, i);
		snprintf(date, sizeof date, "2024-03-%02d", 1 + i % 5);
		add_story(s, feed, i, text, date);
	}
	assert_int_equal(library_speaker_find(s, "Anna Kelb", &found, &err),
	    0);
	assert_int_equal(library_dossier(s, &found.v[0], &d, &err), 0);
	assert_true(d.quotes.n >= 60);
	/* Older and older from the newest, 7 at a time. */
	for (at = 0, more = 1; more; windows++) {
		assert_int_equal(library_dossier_window(s, &d.who, at > 0 ?
		    &d.quotes.v[at - 1] : NULL, 1, 7, &w, &more, &err), 0);
		assert_true(w.n >= 7 || !more);
		window_is(&d.quotes, at, &w);
		at += w.n;
		library_quote_lines_free(&w);
	}
	assert_true(at == d.quotes.n && windows > 10);
	/* Newer and newer from the oldest. */
	for (at = d.quotes.n, more = 1; more; ) {
		assert_int_equal(library_dossier_window(s, &d.who, at <
		    d.quotes.n ? &d.quotes.v[at] : NULL, 0, 7, &w, &more,
		    &err), 0);
		assert_true(w.n <= at);
		at -= w.n;
		window_is(&d.quotes, at, &w);
		library_quote_lines_free(&w);
	}
	assert_true(at == 0);
	/* Past the oldest: nothing. */
	assert_int_equal(library_dossier_window(s, &d.who,
	    &d.quotes.v[d.quotes.n - 1], 1, 7, &w, &more, &err), 0);
	assert_true(w.n == 0 && !more);
	library_quote_lines_free(&w);
	library_dossier_free(&d);
	library_person_rows_free(&found);
	store_close(s);
	free(path);
}

static void
test_rules(void **state)
{
	struct lib_quote_line	 v[2];
	struct lib_quote_lines	 x = { v, 2 };
	char			*b, m[16];
	int64_t			 a, e;

	(void)state;
	assert_string_equal(library_quote_kind("indirect"), "reported");
	assert_string_equal(library_quote_kind("mixed"), "mixed");
	assert_string_equal(library_quote_kind_parse("reported"), "indirect");
	assert_null(library_quote_kind_parse("shouted"));
	assert_true(library_people_kind_ok("state"));
	assert_false(library_people_kind_ok("place"));
	b = library_bar(5, 10, 4, 0);
	assert_string_equal(b, "##");
	free(b);
	b = library_bar(1, 1000, 4, 0);		/* a quote shows */
	assert_string_equal(b, "#");
	free(b);
	b = library_bar(3, 8, 1, 1);		/* three eighths */
	assert_string_equal(b, "\xe2\x96\x8d");
	free(b);
	b = library_bar(0, 8, 10, 1);
	assert_string_equal(b, "");
	free(b);
	library_month(1709424000, m, sizeof m);	/* 3 Mar 2024 */
	assert_string_equal(m, "Mar 2024");
	memset(v, 0, sizeof v);
	v[0].start = 10, v[0].until = 20;
	v[1].start = 30, v[1].until = 50;	/* two parts, one statement */
	assert_ptr_equal(library_quote_at(&x, 45, 60), &v[1]);
	assert_ptr_equal(library_quote_at(&x, 0, 11), &v[0]);
	assert_null(library_quote_at(&x, 20, 30));
	assert_int_equal(search_period("2024-02", &a, &e), 0);
	assert_int_equal(e - a, 29 * 86400);
	assert_int_equal(search_period("2024-12", &a, &e), 0);
	assert_int_equal(e - a, 31 * 86400);
	assert_int_equal(search_period("2023", &a, &e), 0);
	assert_int_equal(e - a, 365 * 86400);
	assert_int_equal(search_period("2023-13", &a, &e), -1);
	assert_int_equal(search_period("yesterday", &a, &e), -1);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_windows),
	};

	return cmocka_run_group_tests(tests, test_tmpdir_setup,
	    test_tmpdir_teardown);
}
