/*
 * A parsed feed's stories into the store, for subscribing and refreshing
 * alike: each item looked up by guid (an item already stored is skipped,
 * one whose text changed is updated in place: store_article_update keeps
 * the user's tags and notes), each new story's people and quotes
 * extracted before the write lock, and the writes done in the caller's
 * transaction. Also the count and report of each feed's outcome.
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

/* Look the items up, tag the new ones and extract what will be written. */
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
		if (a->body != NULL) {
			extract_run(&item->x, a->body, a->body_len);
			extract_compact(&item->x);
			item->extracted = 1;
		}
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

/* Write the fetch state and the items in the open batch. */
int
feed_sync_write(struct store *s, const struct store_feed *state,
    const struct feed_sync_items *it, struct feed_sync_event *ev,
    char **err)
{
	const struct feed_sync_item	*item;
	size_t				 i;
	int				 rc;

	ev->added = ev->updated = ev->dropped = 0;
	ev->dropped_first = NULL;
	if ((rc = store_feed_update(s, state, err)) != 0)
		return rc;
	for (i = 0; i < it->n; i++) {
		item = &it->v[i];
		/* Stored before raw digests were: known cheaply next time. */
		if (item->state == FEED_SYNC_SAME && item->id > 0 &&
		    item->a->raw_hash[0] != '\0' && store_article_raw(s,
		    item->id, item->a->raw_hash, err) != 0)
			return -1;
		if (item->state == FEED_SYNC_SAME)
			continue;
		if (item->state == FEED_SYNC_CHANGED) {
			if (store_article_update(s, item->id, item->a,
			    item->hash, item->extracted ? &item->x : NULL,
			    err) != 0)
				return -1;
			ev->updated++;
			feed_sync_count_dropped(ev, item->a);
			continue;
		}
		rc = store_article_add(s, state->id, item->a, item->hash,
		    item->extracted ? &item->x : NULL, err);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			ev->added++;
			feed_sync_count_dropped(ev, item->a);
		}
	}
	return 0;
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
