/*
 * Parsing feeds: RSS 0.9x/1.0/1.1/2.0, Atom (feeds and entry documents)
 * and JSON Feed documents, or a page kept as one story, read into plain
 * articles. The parsers do no I/O and never touch the store; fetching
 * (fetch.c) and storing (feed-sync.c) are the caller's business.
 */
#ifndef DOSSIER_FEED_PARSE_H
#define DOSSIER_FEED_PARSE_H

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
struct feed_entry;

struct feed {
	enum feed_kind	 kind;		/* RSS, Atom, JSON Feed or page */
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
	/*
	 * Set by the caller before parsing, or NULL: is the item with this
	 * guid stored with this raw digest (article.h)? 1 yes: the item is
	 * not made again and not listed, only counted in known.
	 */
	int		(*known)(const char *guid, const char *raw, void *);
	void		*known_arg;
	size_t		 known_n;
	/* Items read, to be made into articles (feed-entry.c). */
	struct feed_entry *pending;
	size_t		 npending;
};

/* Start an empty feed; free its fields and items (it is left empty). */
void	 feed_parse_init(struct feed *);
void	 feed_parse_free(struct feed *);

/*
 * What a document is, from its first bytes (and content type, or NULL):
 * FEED_KIND_RSS, _ATOM, _JSON, or FEED_KIND_UNKNOWN.
 */
enum feed_kind feed_parse_sniff(const char *, size_t,
	     const char *content_type);

/*
 * Parse a feed document fetched from url (used to make links absolute; may
 * be NULL). Returns 0 and fills f, or -1 with *err set to a lower-case
 * reason (caller frees). A document that is not well formed is parsed as
 * far as it can be (libxml2's recover mode); it fails only if nothing of a
 * feed can be found in it.
 */
int	 feed_parse(const char *, size_t, const char *url, struct feed *,
	     char **err);

/*
 * Read an HTML page fetched from url as a feed of one story (kind
 * FEED_KIND_PAGE, its guid the address). Returns 0, or -1 with *err set
 * (caller frees) when the page has no title and no text; f holds what
 * was read either way (feed_parse_free frees it).
 */
int	 feed_parse_page(const char *, size_t, const char *url,
	     struct feed *, char **err);

#endif
