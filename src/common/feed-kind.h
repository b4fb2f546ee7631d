/*
 * What a feed of the library is, and the one place its names are written:
 * the store keeps the name as text (feeds.kind), messages and JSON show
 * it, the code compares the enum.
 */
#ifndef DOSSIER_FEED_KIND_H
#define DOSSIER_FEED_KIND_H

enum feed_kind {
	FEED_KIND_UNKNOWN,	/* not a feed found, or not said */
	FEED_KIND_RSS,		/* RSS 0.9x, 1.0 (RDF), 1.1 and 2.0 */
	FEED_KIND_ATOM,
	FEED_KIND_JSON,		/* JSON Feed 1.0 and 1.1 */
	FEED_KIND_PAGE,		/* a page kept as one story */
	FEED_KIND_LOCAL		/* Saved stories: imported files */
};

/*
 * The kind's name: "rss", "atom", "json", "page", "local", or "unknown"
 * (FEED_KIND_UNKNOWN, or a value out of range). A static string.
 */
const char	*feed_kind_name(enum feed_kind);

/* The kind a name stands for; FEED_KIND_UNKNOWN for NULL or any other. */
enum feed_kind	 feed_kind_from_name(const char *);

#endif
