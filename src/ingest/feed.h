/*
 * Feeds: RSS 0.9x/1.0/1.1/2.0, Atom (feeds and entry documents) and JSON
 * Feed documents parsed into plain articles. The parsers do no I/O and
 * never touch the store; fetching (fetch.c) and storing are the caller's
 * business.
 */
#ifndef DOSSIER_FEED_H
#define DOSSIER_FEED_H

#include <stddef.h>

#include "feed-kind.h"

struct article;

/* Largest feed document accepted (counted while it downloads). */
#define FEED_MAX_BYTES	(16u * 1024 * 1024)

/* Most items taken from one document; the rest are ignored. */
#define FEED_MAX_ITEMS	5000

/*
 * Most bytes kept of one text an item gives (its content, its summary,
 * its title); the rest is cut at a character's end. No story is longer,
 * and a story's analysis costs memory in proportion.
 */
#define FEED_MAX_TEXT	(1u * 1024 * 1024)

/*
 * What the entities an XML document declares may add to it, in all
 * (bytes written plus references followed), and how many it may declare;
 * a document that needs more is refused.
 */
#define FEED_MAX_ENTITY_BYTES	(1u * 1024 * 1024)
#define FEED_MAX_ENTITIES	1024

/* A parsed feed document. */
struct feed {
	enum feed_kind	 kind;		/* RSS, Atom or JSON Feed */
	char		*title;		/* the feed's title; may be NULL */
	char		*site;		/* the site's address; may be NULL */
	/*
	 * One article per item, fields cleaned as article.h says: guid (the
	 * item's id, else its link, else "sha256:" and a hash of title and
	 * date), url made absolute against xml:base or the document's
	 * address (else the feed's site), title, outlet (the feed's
	 * title), byline (authors), published (ISO 8601), lead (summary as
	 * text), body (content as paragraphs, from HTML where the item gives
	 * HTML), tags (categories, normalized), links.
	 */
	struct article	*items;
	size_t		 nitems;
	size_t		 skipped;	/* items dropped: no title, text or
					   address, not an item, or too many */
};

void	 feed_init(struct feed *);
void	 feed_free(struct feed *);

/* What a document is, from its first bytes (and content type, or NULL). */
enum feed_kind feed_sniff(const char *, size_t, const char *content_type);

/*
 * Parse a feed document fetched from url (used to make links absolute; may
 * be NULL). Returns 0 and fills f, or -1 with *err set to a lower-case
 * reason (caller frees). A document that is not well formed is parsed as
 * far as it can be (libxml2's recover mode); it fails only if nothing of a
 * feed can be found in it.
 */
int	 feed_parse(const char *, size_t, const char *url, struct feed *,
	     char **err);

#endif
