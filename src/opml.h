/*
 * OPML 2.0 outlines of feeds: read (nested outlines flattened, every
 * address checked) and written (escaped by libxml2's writer). No I/O and
 * no store: bytes in, plain structs out, and back.
 */
#ifndef DOSSIER_OPML_H
#define DOSSIER_OPML_H

#include <stddef.h>

/* Most outlines read from one document, and how deep they nest. */
#define OPML_MAX_OUTLINES	100000
#define OPML_MAX_DEPTH		64

struct opml_entry {
	char	*url;		/* the outline's xmlUrl */
	char	*title;		/* text or title; may be NULL */
	char	*category;	/* enclosing outlines' texts, "a/b"; or NULL */
	char	*error;		/* set: the address is refused, and why */
};

struct opml {
	struct opml_entry	*v;
	size_t			 n;
	size_t			 skipped;	/* past OPML_MAX_OUTLINES */
};

/*
 * Read an OPML document. A document that is not well-formed XML, declares
 * entities or has no <opml> root is refused: -1 with *err.
 */
int	 opml_parse(const char *, size_t, struct opml *, char **err);
void	 opml_free(struct opml *);

/* Write the entries (url and title) as an OPML 2.0 document; new string. */
char	*opml_write(const struct opml *, const char *title);

#endif
