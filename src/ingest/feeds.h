/*
 * Feeds into the library: adding a feed by its address (with
 * autodiscovery, or a page as one story) and fetching feeds into the store,
 * a few at once, one transaction per feed. Fetching (fetch.h) and parsing
 * (feed.h) know nothing of the store; this module joins them to it.
 */
#ifndef DOSSIER_FEEDS_H
#define DOSSIER_FEEDS_H

#include <stddef.h>
#include <stdint.h>

struct store;

enum feeds_status {
	FEEDS_FETCHED,		/* fetched and stored: added, updated */
	FEEDS_NOT_MODIFIED,	/* the server said 304 */
	FEEDS_EXISTS,		/* add: the feed was there already */
	FEEDS_FAILED,		/* reason says why; nothing stored */
	FEEDS_REMOVED		/* removed while fetched; nothing stored */
};

/* One feed's outcome, handed to the report callback. */
struct feeds_event {
	int64_t			 id;		/* 0 if not in the store */
	const char		*url;
	const char		*title;		/* may be NULL */
	const char		*kind;		/* rss, atom, json, page */
	enum feeds_status	 status;
	const char		*reason;	/* FEEDS_FAILED only */
	const char		*moved;		/* its new address, or NULL */
	size_t			 added;		/* new stories */
	size_t			 updated;	/* stories whose text changed */
	size_t			 tagged;	/* FEEDS_EXISTS: tags added */
	size_t			 dropped;	/* addresses not kept in the
						   stories added or updated */
	const char		*dropped_first;	/* '"address": reason' */
	size_t			 done;		/* feeds finished so far */
	size_t			 total;
};

struct feeds_totals {
	size_t	feeds;
	size_t	added;
	size_t	updated;
	size_t	not_modified;
	size_t	failed;
};

struct feeds_options {
	char		**tags;		/* add: tags for the feed */
	size_t		  ntags;
	volatile int	 *cancel;	/* non-zero stops; may be NULL */
	void		(*start)(size_t total, void *);	/* may be NULL */
	void		(*report)(const struct feeds_event *, void *);
	void		 *arg;
};

/*
 * Fetch feeds into the store: those with the given ids, or with n == 0
 * every feed but pages and Saved stories. Each new story gets its feed's
 * tags (opts->tags is not used). Each feed's outcome goes to
 * opts->report and into the totals; returns -1 with *err if the feeds
 * cannot be read, or if cancelled.
 */
int	 feeds_fetch(struct store *, const int64_t *ids, size_t n,
	     const struct feeds_options *, struct feeds_totals *, char **err);

/*
 * Add the feed at url: fetched once for its title, kind and stories. An
 * HTML page that advertises a feed adds that feed; one that advertises
 * none is added as one story (kind page). The feed gets opts->tags, and
 * so does every story stored from it (a feed that is there already gets
 * the tags, its stories do not). The outcome goes to report.
 */
void	 feeds_add(struct store *, const char *url,
	     const struct feeds_options *, struct feeds_totals *);

#endif
