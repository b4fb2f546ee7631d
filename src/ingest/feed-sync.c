/*
 * A parsed feed's stories into the store, for subscribing and refreshing
 * alike: each item looked up by guid (an item already stored is skipped,
 * one whose text changed is updated in place: store_article_update keeps
 * the user's tags and notes), and the writes done in the caller's
 * transaction, in order, while worker threads extract the people and
 * quotes of the stories next in line (work.c). Also the count and report
 * of each feed's outcome.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "extract.h"
#include "feed-parse.h"
#include "feed-sync-int.h"
#include "hash.h"
#include "store.h"
#include "utf8.h"
#include "work.h"
#include "xmalloc.h"
#include "banned.h"

/* What the store has of an item. */
enum feed_sync_state {
	FEED_SYNC_NEW,		/* not stored: add it */
	FEED_SYNC_SAME,		/* stored as it is, or cannot be kept */
	FEED_SYNC_CHANGED	/* stored, its text changed: update it */
};

/* One item on its way to the store. */
struct feed_sync_item {
	struct article		*a;
	char			 hash[65];
	enum feed_sync_state	 state;
	int64_t			 id;	/* stored id unless new */
	struct extract		 x;
	int			 extracted;
};

struct feed_sync_items {
	struct feed_sync_item	*v;
	size_t			 n;
};

/* The content hash of an item: what a reader sees of it. */
static void
feed_sync_hash(const struct article *a, char hex[65])
{
	struct hash	h;
	const char	*parts[5];
	size_t		i;

	parts[0] = a->url;
	parts[1] = a->title;
	parts[2] = a->byline;
	parts[3] = a->lead;
	parts[4] = a->body;
	hash_init(&h);
	for (i = 0; i < 5; i++) {
		if (parts[i] != NULL)
			hash_update(&h, parts[i], strlen(parts[i]));
		hash_update(&h, "\x1f", 1);
	}
	hash_hex(&h, hex);
}

/* Free the items prepared. */
void
feed_sync_items_free(struct feed_sync_items *it)
{
	size_t	i;

	if (it == NULL)
		return;
	for (i = 0; i < it->n; i++)
		if (it->v[i].extracted)
			extract_free(&it->v[i].x);
	free(it->v);
	free(it);
}

/* Look the items up and tag the new ones (feed_sync_write extracts). */
struct feed_sync_items *
feed_sync_prepare(struct store *s, int64_t feed, struct feed *f,
    char *const *tags, size_t ntags, char **err)
{
	struct feed_sync_items	*it;
	struct feed_sync_item	*item;
	struct article		*a;
	size_t			 j;
	int			 rc;

	it = xcalloc(1, sizeof *it);
	it->v = xcalloc(f->nitems > 0 ? f->nitems : 1, sizeof *it->v);
	for (; it->n < f->nitems; it->n++) {
		item = &it->v[it->n];
		a = item->a = &f->items[it->n];
		if (a->guid == NULL) {
			/* No identity: it cannot be kept. */
			item->state = FEED_SYNC_SAME;
			continue;
		}
		feed_sync_hash(a, item->hash);
		rc = feed == 0 ? 0 : store_article_lookup(s, feed, a->guid,
		    item->hash, &item->id, err);
		if (rc < 0) {
			feed_sync_items_free(it);
			return NULL;
		}
		item->state = (enum feed_sync_state)rc;
		if (item->state == FEED_SYNC_SAME)
			continue;
		for (j = 0; j < ntags && item->state == FEED_SYNC_NEW; j++)
			article_add_tag(a, tags[j], strlen(tags[j]));
	}
	return it;
}

/* Count the addresses dropped from a story that is written. */
static void
feed_sync_count_dropped(struct feed_sync_event *ev, const struct article *a)
{
	ev->dropped += a->ndropped;
	if (ev->dropped_first == NULL)
		ev->dropped_first = a->dropped;
}

/* The write of a feed's items: what work_run's functions share. */
struct feed_sync_run {
	struct store			*s;
	const struct store_feed		*state;
	const struct feed_sync_items	*it;
	struct feed_sync_event		*ev;
	char				**err;
};

/* Extract the people and quotes of item i, on a worker thread. */
static void
feed_sync_extract(size_t i, void *arg)
{
	struct feed_sync_run	*run = arg;
	struct feed_sync_item	*item = &run->it->v[i];

	if (item->state == FEED_SYNC_SAME || item->a->body == NULL)
		return;
	extract_run(&item->x, item->a->body, item->a->body_len);
	extract_compact(&item->x);
	item->extracted = 1;
}

/* Write item i, in order, on the caller's thread: 0, or -1 to stop. */
static int
feed_sync_item_write(size_t i, void *arg)
{
	struct feed_sync_run	*run = arg;
	struct feed_sync_item	*item = &run->it->v[i];
	struct store		*s = run->s;
	char			*dropped;
	int			 rc = 0;

	/* Stored before raw digests were: known cheaply next time. */
	if (item->state == FEED_SYNC_SAME && item->id > 0 &&
	    item->a->raw_hash[0] != '\0' && store_article_raw(s, item->id,
	    item->a->raw_hash, run->err) != 0)
		return -1;
	if (item->state == FEED_SYNC_CHANGED) {
		if ((rc = store_article_update(s, item->id, item->a,
		    item->hash, item->extracted ? &item->x : NULL,
		    run->err)) == 0) {
			run->ev->updated++;
			feed_sync_count_dropped(run->ev, item->a);
		}
	} else if (item->state == FEED_SYNC_NEW) {
		rc = store_article_add(s, run->state->id, item->a, item->hash,
		    item->extracted ? &item->x : NULL, run->err);
		if (rc == 0) {
			run->ev->added++;
			feed_sync_count_dropped(run->ev, item->a);
		}
		rc = rc < 0 ? -1 : 0;
	}
	/*
	 * Written: its analysis and its text are in the store, not needed
	 * here (the first address dropped is, for the report), so a feed's
	 * memory goes down as it is written.
	 */
	if (item->extracted) {
		extract_free(&item->x);
		item->extracted = 0;
	}
	dropped = item->a->dropped;
	item->a->dropped = NULL;
	article_free(item->a);
	item->a->dropped = dropped;
	return rc != 0 ? -1 : 0;
}

/* Write the fetch state and the items in the open batch. */
int
feed_sync_write(struct store *s, const struct store_feed *state,
    const struct feed_sync_items *it, struct feed_sync_event *ev,
    char **err)
{
	struct feed_sync_run	run;
	int			rc;

	ev->added = ev->updated = ev->dropped = 0;
	ev->dropped_first = NULL;
	if ((rc = store_feed_update(s, state, err)) != 0)
		return rc;
	run.s = s;
	run.state = state;
	run.it = it;
	run.ev = ev;
	run.err = err;
	extract_init();		/* the tables the threads share, built once */
	return work_run(it->n, WORK_CORES, feed_sync_extract,
	    feed_sync_item_write, &run) != 0 ? -1 : 0;
}

/* The feed's title, cleaned; NULL if it has none or it cleans to nothing. */
char *
feed_sync_title(const struct feed *f)
{
	char	*title;

	if (f->title == NULL)
		return NULL;
	title = utf8_clean_line(f->title, strlen(f->title));
	if (title != NULL && *title == '\0') {
		free(title);
		return NULL;
	}
	return title;
}

/* Count and report one feed's outcome. */
void
feed_sync_report(const struct feed_sync_options *opts,
    struct feed_sync_totals *t, struct feed_sync_event *ev)
{
	t->feeds++;
	switch (ev->status) {
	case FEED_SYNC_FETCHED:
		t->added += ev->added;
		t->updated += ev->updated;
		break;
	case FEED_SYNC_NOT_MODIFIED:
		t->not_modified++;
		break;
	case FEED_SYNC_EXISTS:
		break;
	case FEED_SYNC_FAILED:
		t->failed++;
		break;
	case FEED_SYNC_REMOVED:
		break;
	}
	if (opts != NULL && opts->report != NULL)
		opts->report(ev, opts->arg);
}
