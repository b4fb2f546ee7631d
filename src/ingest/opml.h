/*
 * OPML 2.0 outlines of feeds: read (nested outlines flattened, each
 * enclosing folder a tag, every address checked) and written (grouped in
 * folders by first tag, escaped by libxml2's writer). No I/O and no
 * store: bytes in, plain structs out, and back.
 */
#ifndef DOSSIER_OPML_H
#define DOSSIER_OPML_H

#include <stddef.h>

/* Most outlines read from one document, how deep they nest, tags kept. */
#define OPML_MAX_OUTLINES	100000
#define OPML_MAX_DEPTH		64
#define OPML_MAX_TAGS		32
#define OPML_MAX_NOTES		100

struct opml_entry {
	char	*url;		/* the outline's xmlUrl */
	char	*title;		/* text or title; may be NULL */
	char	**tags;		/* enclosing folders, outermost first, then */
	size_t	  ntags;	/* its category attribute; normalized, once */
	char	*error;		/* set: the address is refused, and why */
};

struct opml {
	struct opml_entry	*v;
	size_t			 n;
	size_t			 skipped;	/* past OPML_MAX_OUTLINES */
	char			**notes;	/* folder names that made no */
	size_t			  nnotes;	/* tag or were cut, and why */
};

/*
 * Read an OPML document. Each enclosing folder outline (its text, else
 * its title) and each entry of an outline's category attribute
 * ("/news,/europe") is a tag of the feed, normalized as a story's tag is;
 * a name that makes no tag is dropped and one too long is cut, each with
 * a note. A document that is not well-formed XML, declares entities or
 * has no <opml> root is refused: -1 with *err.
 */
int	 opml_parse(const char *, size_t, struct opml *, char **err);
void	 opml_free(struct opml *);

/*
 * Write the entries as an OPML 2.0 document, a new string: those without
 * tags first, then a folder outline per first tag (in tag order) holding
 * its feeds; an entry with tags lists them all in its category attribute,
 * so reading the document back gives the same tags.
 */
char	*opml_write(const struct opml *, const char *title);

#endif
