/*
 * OPML import into the store: a subscription list read from a file and
 * its feeds added, each with the tags of its folders, in one
 * transaction. Nothing is printed: each outline's outcome goes to a
 * callback, and the command says it.
 */
#ifndef DOSSIER_OPML_IMPORT_H
#define DOSSIER_OPML_IMPORT_H

#include <stddef.h>
#include <stdint.h>

struct opml;
struct opml_entry;
struct store;

/*
 * Read and parse an OPML file (at most FEED_MAX_BYTES); -1 with *err.
 * The caller frees o with opml_free either way.
 */
int	 opml_import_read(const char *, struct opml *, char **);

enum opml_import_status {
	OPML_IMPORT_ADDED,		/* a new feed */
	OPML_IMPORT_EXISTS,		/* there already; tagged got its tags */
	OPML_IMPORT_REFUSED		/* e->error says why */
};

struct opml_import_event {
	enum opml_import_status	 status;
	const struct opml_entry	*e;
	int64_t			 id;		/* ADDED, EXISTS */
	int			 tagged;	/* EXISTS: tags added */
};

struct opml_import_totals {
	size_t	 added, exists, refused;
	int64_t	*ids;		/* the feeds added; the caller frees it */
	size_t	 nids;
};

/*
 * Add the feeds of o, each with its tags (a feed already there gets
 * them too), all in one transaction; report gets each outline's outcome
 * as it goes. 0 done (t filled); -1 with *err, nothing stored.
 */
int	 opml_import_feeds(struct store *, const struct opml *,
	     void (*)(const struct opml_import_event *, void *), void *,
	     struct opml_import_totals *, char **);

#endif
