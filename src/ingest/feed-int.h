/*
 * What the feed parsers share: an item's fields as the document gives
 * them (feed-xml.c and feed-json.c fill one), and the code that makes an
 * article of it (feed-entry.c).
 */
#ifndef DOSSIER_FEED_INT_H
#define DOSSIER_FEED_INT_H

#include <stddef.h>

#include "article.h"

struct feed;

/* Authors joined into one byline, at most. */
#define FEED_MAX_AUTHORS	20

/* Categories kept from one item, at most. */
#define FEED_MAX_TAGS		50

/* How a piece of an item's text is written. */
enum feed_text {
	FEED_TEXT_NONE,		/* absent */
	FEED_TEXT_PLAIN,	/* plain text; blank lines part paragraphs */
	FEED_TEXT_HTML,		/* HTML, entities already decoded once */
	FEED_TEXT_DONE		/* already added to the article (XHTML) */
};

/* One item as the document gives it; every string may be NULL. */
struct feed_entry {
	char		*id;
	char		*link;		/* as given; resolved against base */
	char		*resolved;	/* link resolved (feed_entry_add) */
	char		*base;		/* base of the item's URLs */
	char		*title;
	enum feed_text	 title_type;
	char		*authors[FEED_MAX_AUTHORS];
	size_t		 nauthors;
	char		*published;	/* date as written */
	char		*updated;	/* date as written, if no published */
	char		*summary;
	enum feed_text	 summary_type;
	char		*content;
	enum feed_text	 content_type;
	char		*content_base;	/* base of the content's links */
	char		*tags[FEED_MAX_TAGS];
	size_t		 ntags;

	/*
	 * The article being made. XHTML content (FEED_TEXT_DONE) is added to
	 * it by the parser, walked as a tree without becoming a string.
	 */
	struct article	 article;
	int		 made;		/* feed_entry_finish: an article */
};

/*
 * Make the entries feed_entry_add kept into f's articles, in order, on
 * every core (after the document is read); or free them unmade.
 */
void	feed_entry_finish(struct feed *);
void	feed_entry_discard(struct feed *);
void	feed_entry_init(struct feed_entry *);
void	feed_entry_free(struct feed_entry *);

/* Add an author or a category unless it is empty or already there. */
void	feed_entry_author(struct feed_entry *, const char *);
void	feed_entry_tag(struct feed_entry *, const char *);

/*
 * Make an article of the entry and append it to the feed, or count it as
 * skipped when it has no title, no text and no address (an item with only
 * an address is titled with it). The entry is left empty, as
 * feed_entry_init leaves it.
 */
void	feed_entry_add(struct feed *, struct feed_entry *);

/* Is there room for another item? Counts one skipped if not. */
int	feed_entry_room(struct feed *);

/* Resolve a reference against a base; a new string (ref itself if none). */
char	*feed_entry_resolve(const char *ref, const char *base);

/*
 * Bring an XML document's bytes to what libxml2 reads well: control
 * characters and escape sequences out, entity references as character
 * references, the document's own entities expanded (within
 * FEED_MAX_ENTITY_BYTES), its DOCTYPE left out and its start tags cut to
 * MARKUP_MAX_ATTRS attributes; text in an encoding whose bytes are not
 * ASCII's is decoded to UTF-8 first. Returns a new buffer, and in
 * *encoding the encoding to force (NULL: as declared); or NULL with *err
 * set (caller frees) when the document is refused.
 */
char	*feed_xml_prepare(const char *, size_t, size_t *outlen,
	    const char **encoding, char **err);

/*
 * Decode a document to UTF-8 where libxml2 would not read it well (UTF-16
 * and UTF-32, a declared encoding other than UTF-8, bytes that are not
 * the UTF-8 they claim). Returns 1 with *text a new buffer of *tlen bytes
 * (caller frees) and *encoding "UTF-8"; 0 if the bytes are to be read as
 * they are (*text NULL); or -1 with *err set (caller frees) when the
 * document is refused: too large once decoded, or in an encoding not
 * known whose bytes cannot be read as ASCII's.
 */
int	feed_xml_decode(const char *, size_t, char **text, size_t *tlen,
	    const char **encoding, char **err);

/* The parsers: 0, or -1 with *err. */
int	feed_xml_parse(const char *, size_t, const char *url, struct feed *,
	    char **err);
int	feed_json_parse(const char *, size_t, const char *url, struct feed *,
	    char **err);

#endif
