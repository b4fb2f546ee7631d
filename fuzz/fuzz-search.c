/*
 * libFuzzer harness: the search language (search.c) on arbitrary bytes,
 * and every search it accepts run on a small store as the screen and
 * 'dossier search' run it (store-search.c: the FTS5 query, the SQL
 * filters, the exact-form post-filter, snippets and highlight spans).
 * Traps if a refusal gives no message, an accepted search fails in the
 * store (an FTS5 syntax error would), a snippet or a span is wrong.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "search.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct store	*fuzz_store;
static int64_t		 fuzz_ids[8];
static size_t		 fuzz_nids;
static char		 fuzz_dir[] = "/tmp/fuzz-search.XXXXXX";

/* Close the store and remove its directory as the fuzzer exits. */
static void
fuzz_cleanup(void)
{
	char	*path;

	store_close(fuzz_store);
	xasprintf(&path, "%s/search.db", fuzz_dir);
	unlink(path);
	free(path);
	rmdir(fuzz_dir);
}

/* Stories to search: stems, accents, captions, bylines, tags. */
static const struct {
	const char	*title, *outlet, *byline, *date, *body, *tag, *cap;
} fuzz_stories[] = {
	{ "Drone crash near Hollen", "The Valdorian Herald", "Jane Doe",
	  "2025-01-14", "A military drone crashed near Hollen, \"red line\".",
	  "drones", NULL },
	{ "Tank sale approved", "Brenmark Daily", "John Roe", "2024-02-01",
	  "Forty tanks will be sold.", NULL, "Convoys near Tessalin" },
	{ "Caf\xc3\xa9 talks on drones", "Ulmgrad Observer", NULL,
	  "2023-05-01", "Talks in a caf\xc3\xa9 about the drone programme. "
	  "\xe5\x8c\x97\xe4\xba\xac \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2"
	  "\xd0\xb0 OR AND NOT NEAR * \"quoted\"", "a-b", "Drones, OR not" },
};

/* Open the store once, with its stories. */
static void
fuzz_init(void)
{
	struct article	 a;
	char		*path, *err = NULL;
	char		 guid[16];
	int64_t		 feed;
	size_t		 i;

	if (fuzz_store != NULL)
		return;
	if (mkdtemp(fuzz_dir) == NULL)
		abort();
	xasprintf(&path, "%s/search.db", fuzz_dir);
	if ((fuzz_store = store_open(path, &err)) == NULL)
		abort();
	free(path);
	atexit(fuzz_cleanup);
	feed = store_local_feed(fuzz_store, &err);
	if (feed <= 0 || store_begin(fuzz_store, &err) != 0)
		abort();
	for (i = 0; i < sizeof fuzz_stories / sizeof fuzz_stories[0]; i++) {
		article_init(&a);
		snprintf(guid, sizeof guid, "g%zu", i);
		a.guid = xstrdup(guid);
		article_set(&a.title, fuzz_stories[i].title,
		    strlen(fuzz_stories[i].title));
		article_set(&a.outlet, fuzz_stories[i].outlet,
		    strlen(fuzz_stories[i].outlet));
		if (fuzz_stories[i].byline != NULL)
			article_set(&a.byline, fuzz_stories[i].byline,
			    strlen(fuzz_stories[i].byline));
		a.published = xstrdup(fuzz_stories[i].date);
		article_add_paragraph(&a, fuzz_stories[i].body,
		    strlen(fuzz_stories[i].body), 0);
		if (fuzz_stories[i].tag != NULL)
			article_add_tag(&a, fuzz_stories[i].tag,
			    strlen(fuzz_stories[i].tag));
		if (fuzz_stories[i].cap != NULL)
			article_add_caption(&a, fuzz_stories[i].cap,
			    strlen(fuzz_stories[i].cap));
		if (store_article_add(fuzz_store, feed, &a, guid, NULL,
		    &err) != 0)
			abort();
		fuzz_ids[fuzz_nids++] = a.id;
		article_free(&a);
	}
	if (store_commit(fuzz_store, &err) != 0)
		abort();
}

/* A row of the listing: its id must be one of the stories. */
static int
fuzz_row(const struct store_row *r, void *arg)
{
	size_t	i, *n = arg;

	for (i = 0; i < fuzz_nids; i++)
		if (r->key.id == fuzz_ids[i])
			break;
	if (i == fuzz_nids)
		__builtin_trap();
	(*n)++;
	return 0;
}

/* A highlight span: in a known column, start before end. */
static int
fuzz_span(int column, size_t start, size_t end, void *arg)
{
	if (column < 0 || column > 3 || start > end || end > 4096)
		__builtin_trap();
	(void)arg;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct search		 q;
	struct store_filter	 f;
	char			*s, *err = NULL, *any, *snip;
	size_t			 n = 0, i;
	int64_t			 count;

	if (size > 4096)
		return 0;
	if (search_parse((const char *)data, size, &q, &err) != 0) {
		if (err == NULL || *err == '\0')
			__builtin_trap();
		free(err);
		return 0;
	}
	if (q.n == 0 || q.n > SEARCH_MAX_ATOMS)
		__builtin_trap();
	any = search_fts_any(&q);
	(void)search_has_exact(&q);
	free(any);
	search_free(&q);

	/* The store reads the search as a C string, as it is typed. */
	fuzz_init();
	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	if (search_parse(s, strlen(s), &q, &err) != 0) {
		free(err);
		free(s);
		return 0;
	}
	search_free(&q);
	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_SEARCH;
	f.value = s;
	if (store_page(fuzz_store, &f, NULL, 0, 100, fuzz_row, &n, &err) != 0)
		__builtin_trap();
	if ((count = store_page_count(fuzz_store, &f, NULL, &err)) < 0 ||
	    (size_t)count != n)
		__builtin_trap();
	for (i = 0; i < fuzz_nids; i++) {
		snip = NULL;
		if (store_search_snippet(fuzz_store, s, fuzz_ids[i], "[", "]",
		    &snip, &err) != 0)
			__builtin_trap();
		free(snip);
		if (store_search_spans(fuzz_store, s, fuzz_ids[i], fuzz_span,
		    NULL, &err) != 0)
			__builtin_trap();
	}
	free(s);
	return 0;
}
