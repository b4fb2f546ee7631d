/*
 * Unit tests: OPML import into the store (ingest's opml-import.c): each
 * outline's outcome reported in order (added, refused, there already),
 * the folders' tags given to new feeds and to feeds already there, the
 * ids of the feeds added, importing twice adding nothing, and a file
 * that cannot be read.
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

#include "opml.h"
#include "opml-import.h"
#include "store.h"
#include "xmalloc.h"
#include "test-util.h"

static const char doc[] =
    "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>"
    "<outline text=\"Europe\">"
    "<outline type=\"rss\" xmlUrl=\"https://a.example/feed\" text=\"A\"/>"
    "<outline xmlUrl=\"ftp://b.example/feed\" text=\"B\"/>"
    "</outline>"
    "<outline type=\"rss\" xmlUrl=\"https://c.example/feed\" text=\"C\"/>"
    "</body></opml>";

/* The outcomes reported, as letters: a added, e exists, r refused. */
struct seen {
	char	s[16];
	int	tagged;
};

static void
record(const struct opml_import_event *ev, void *arg)
{
	struct seen	*seen = arg;
	size_t		 n = strlen(seen->s);

	seen->s[n] = ev->status == OPML_IMPORT_ADDED ? 'a' :
	    ev->status == OPML_IMPORT_EXISTS ? 'e' : 'r';
	seen->s[n + 1] = '\0';
	if (ev->status == OPML_IMPORT_REFUSED)
		assert_non_null(ev->e->error);
	else
		assert_true(ev->id > 0);
	seen->tagged += ev->tagged > 0 ? ev->tagged : 0;
}

/* Collect a feed's tags as "a|b|". */
static int
feed_tags(const struct store_feed *f, void *arg)
{
	char	*out = arg;
	size_t	 i, n;

	for (i = 0; i < f->ntags; i++) {
		n = strlen(out);
		snprintf(out + n, 128 - n, "%s|", f->tags[i]);
	}
	return 1;
}

/*
 * Import o into s; the outcomes must read want, with added and exists
 * feeds; the ids of the feeds added in *t (the caller frees t->ids).
 */
static void
import_once(struct store *s, const struct opml *o, const char *want,
    size_t added, size_t exists, struct opml_import_totals *t, int *tagged)
{
	struct seen	 seen;
	char		*err = NULL;

	memset(&seen, 0, sizeof seen);
	assert_int_equal(opml_import_feeds(s, o, record, &seen, t, &err), 0);
	assert_string_equal(seen.s, want);
	assert_int_equal(t->added, added);
	assert_int_equal(t->exists, exists);
	assert_int_equal(t->refused, 1);
	assert_int_equal(t->nids, added);
	*tagged = seen.tagged;
}

static void
test_import(void **state)
{
	struct opml			 o;
	struct opml_import_totals	 t;
	struct store			*s;
	char				 dir[] = "/tmp/dossier-test-opml-XXXXXX";
	char				*path, *err = NULL, tags[128];
	int				 tagged;

	assert_non_null(mkdtemp(dir));
	xasprintf(&path, "%s/lib.db", dir);
	s = store_open(path, &err);
	free(path);
	assert_non_null(s);
	memset(&o, 0, sizeof o);
	assert_int_equal(opml_parse(doc, sizeof doc - 1, &o, &err), 0);
	import_once(s, &o, "ara", 2, 0, &t, &tagged);
	tags[0] = '\0';
	assert_int_equal(store_feed_list(s, t.ids[0], NULL, feed_tags, tags,
	    &err), 0);
	assert_string_equal(tags, "europe|");
	tags[0] = '\0';
	store_feed_list(s, t.ids[1], NULL, feed_tags, tags, &err);
	assert_string_equal(tags, "");
	free(t.ids);
	/* Again: nothing new, no tag added. */
	import_once(s, &o, "ere", 0, 2, &t, &tagged);
	assert_int_equal(tagged, 0);
	free(t.ids);
	opml_free(&o);
	store_close(s);
	test_rmdir(dir);
}

static void
test_read_missing(void **state)
{
	struct opml	 o;
	char		*err = NULL;

	assert_int_equal(opml_import_read("/nonexistent/feeds.opml", &o,
	    &err), -1);
	assert_non_null(err);
	free(err);
	opml_free(&o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import),
		cmocka_unit_test(test_read_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
