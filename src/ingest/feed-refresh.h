/*
 * Refreshing feeds: fetching the feeds of the library again into the
 * store, a few at once, one transaction per feed (feed-refresh.c).
 */
#ifndef DOSSIER_FEED_REFRESH_H
#define DOSSIER_FEED_REFRESH_H

#include <stddef.h>
#include <stdint.h>

#include "feed-sync.h"

struct store;

/*
 * Fetch feeds into the store: those with the given ids, or with n == 0
 * every feed but pages and Saved stories. Each new story gets its feed's
 * tags (opts->tags is not used). Each feed's outcome goes to
 * opts->report and into the totals; returns -1 with *err (caller frees)
 * if the feeds cannot be read, or if cancelled.
 */
int	 feed_refresh(struct store *, const int64_t *ids, size_t n,
	     const struct feed_sync_options *, struct feed_sync_totals *,
	     char **err);

#endif
