/*
 * What subscribing (feed-subscribe.c) and refreshing (feed-refresh.c)
 * share, from feed-sync.c: a parsed feed's items looked up and analysed
 * before the write lock, then written inside the caller's transaction;
 * and each feed's outcome counted and reported. Private to those files.
 */
#ifndef DOSSIER_FEED_SYNC_INT_H
#define DOSSIER_FEED_SYNC_INT_H

#include <stddef.h>
#include <stdint.h>

#include "feed-sync.h"

struct feed;
struct store;
struct store_feed;

/* A feed's items on their way to the store. */
struct feed_sync_items;

/*
 * Look each item of f up in the feed (0: a new feed, every item is new),
 * give the new ones the tags, and extract the people and quotes of those
 * to be written, before the write lock is taken. The items stay f's: f
 * must outlive the result. Returns the items (feed_sync_items_free frees
 * them), or NULL with *err.
 */
struct feed_sync_items *feed_sync_prepare(struct store *, int64_t feed,
	    struct feed *f, char *const *tags, size_t ntags, char **err);
void	feed_sync_items_free(struct feed_sync_items *);	/* NULL: nothing */

/*
 * Write the feed's fetch state and the prepared items inside the open
 * batch. Returns 0 with the counts in ev (added, updated, dropped), 1 if
 * the feed is gone (removed since the fetch began), or -1 with *err; the
 * caller rolls back.
 */
int	feed_sync_write(struct store *, const struct store_feed *state,
	    const struct feed_sync_items *, struct feed_sync_event *ev,
	    char **err);

/* The feed's title as one clean line (caller frees), or NULL if none. */
char	*feed_sync_title(const struct feed *);

/* Count an outcome in the totals and hand it to opts->report. */
void	feed_sync_report(const struct feed_sync_options *,
	    struct feed_sync_totals *, struct feed_sync_event *);

#endif
