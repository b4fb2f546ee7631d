/*
 * Subscribing: adding a feed to the library by its address
 * (feed-subscribe.c).
 */
#ifndef DOSSIER_FEED_SUBSCRIBE_H
#define DOSSIER_FEED_SUBSCRIBE_H

#include "feed-sync.h"

struct store;

/*
 * Add the feed at url: fetched once for its title, kind and stories. An
 * HTML page that advertises a feed adds that feed; one that advertises
 * none is added as one story (kind page). The feed gets opts->tags, and
 * so does every story stored from it (a feed that is there already gets
 * the tags, its stories do not). The outcome goes to opts->report and
 * into the totals.
 */
void	 feed_subscribe(struct store *, const char *url,
	     const struct feed_sync_options *, struct feed_sync_totals *);

/*
 * Add the feeds at urls[0..n), as feed_subscribe each, reported in that
 * order; feed i+1 is fetched and parsed on another thread while feed i
 * is stored, so at most two feeds are held at once.
 */
void	 feed_subscribe_many(struct store *, char *const *urls, size_t n,
	     const struct feed_sync_options *, struct feed_sync_totals *);

#endif
