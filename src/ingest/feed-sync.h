/*
 * Feeds into the library: what subscribing (feed-subscribe.h) and
 * refreshing (feed-refresh.h) report, feed by feed, and the options both
 * take. Fetching (fetch.h) and parsing (feed-parse.h) know nothing of the
 * store; feed-sync.c joins them to it.
 */
#ifndef DOSSIER_FEED_SYNC_H
#define DOSSIER_FEED_SYNC_H

#include <stddef.h>
#include <stdint.h>

enum feed_sync_status {
	FEED_SYNC_FETCHED,	/* fetched and stored: added, updated */
	FEED_SYNC_NOT_MODIFIED,	/* the server said 304, or sent the body
				   last stored again (same_body) */
	FEED_SYNC_EXISTS,	/* subscribe: the feed was there already */
	FEED_SYNC_FAILED,	/* reason says why; nothing stored */
	FEED_SYNC_REMOVED	/* removed while fetched; nothing stored */
};

/* One feed's outcome, handed to the report callback. */
struct feed_sync_event {
	int64_t			 id;		/* 0 if not in the store */
	const char		*url;
	const char		*title;		/* may be NULL */
	const char		*kind;		/* its name (feed_kind_name):
						   rss, atom, json, page; or
						   NULL if not known */
	enum feed_sync_status	 status;
	const char		*reason;	/* FEED_SYNC_FAILED only */
	const char		*moved;		/* its new address, or NULL */
	int			 same_body;	/* NOT_MODIFIED: a 200 with the
						   body last stored, not parsed */
	size_t			 added;		/* new stories */
	size_t			 updated;	/* stories whose text changed */
	size_t			 tagged;	/* FEED_SYNC_EXISTS: tags added */
	size_t			 dropped;	/* addresses not kept in the
						   stories added or updated */
	const char		*dropped_first;	/* '"address": reason' */
	size_t			 done;		/* feeds finished so far */
	size_t			 total;
};

struct feed_sync_totals {
	size_t	feeds;
	size_t	added;
	size_t	updated;
	size_t	not_modified;
	size_t	failed;
};

struct feed_sync_options {
	char		**tags;		/* subscribe: tags for the feed */
	size_t		  ntags;
	volatile int	 *cancel;	/* non-zero stops; may be NULL */
	void		(*start)(size_t total, void *);	/* may be NULL */
	void		(*report)(const struct feed_sync_event *, void *);
	void		 *arg;
};

#endif
