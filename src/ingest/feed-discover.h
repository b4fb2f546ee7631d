/*
 * Feed discovery: which feed an HTML page advertises (feed-discover.c).
 */
#ifndef DOSSIER_FEED_DISCOVER_H
#define DOSSIER_FEED_DISCOVER_H

#include <stddef.h>

/*
 * Find the feed an HTML page advertises (<link rel="alternate"
 * type="application/rss+xml" href=...>, or Atom, or JSON Feed), made
 * absolute against base and checked as fetch_url_check checks an address.
 * Returns a new string (caller frees), or NULL if none.
 */
char	*feed_discover(const char *, size_t, const char *base);

#endif
