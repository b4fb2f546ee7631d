/*
 * The parts of the HTML importer that share a parsed document: the page's
 * metadata (import-html.c) and the article text (import-html-body.c),
 * which the feed parsers use for the HTML that items carry.
 */
#ifndef DOSSIER_IMPORT_HTML_H
#define DOSSIER_IMPORT_HTML_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

struct article;

/* A walk over a subtree in document order, without recursion. */
struct html_walk {
	xmlNodePtr	root;
	xmlNodePtr	cur;
	int		leave;		/* cur is being left, not entered */
};

void	html_walk_init(struct html_walk *, xmlNodePtr);
int	html_walk_next(struct html_walk *, int descend);

/*
 * Send libxml2's messages that no parser context catches (encoding
 * errors, which it would print on stderr, over the screen) nowhere. The
 * setting is the calling thread's: call it before each parse.
 */
void	xml_quiet(void);

/*
 * htmlReadMemory over len bytes of outside HTML, its start tags first cut
 * to MARKUP_MAX_ATTRS attributes (libxml2 spends quadratic time on more),
 * the parse stopped (what was read kept) once its tree would pass a
 * bounded number of nodes; NULL if libxml2 made nothing.
 */
htmlDocPtr html_read_memory(const char *, size_t, const char *url,
	    const char *encoding, int options);

/* Is the element's name (lower case) this? */
int	html_is(xmlNodePtr, const char *);

/* An attribute's value as a new string, or NULL. */
char	*html_attr(xmlNodePtr, const char *);

/* Is the element laid out inline, inside the paragraph around it? */
int	html_inline(xmlNodePtr);

/* Is the element hidden (hidden, aria-hidden=true, display:none)? */
int	html_hidden(xmlNodePtr);

/* Does a whitespace-separated attribute hold one of these words? */
int	html_attr_word(xmlNodePtr, const char *, const char *const *);

/* The text of a subtree, scripts and hidden parts left out. */
char	*html_text(xmlNodePtr);

/* Find the article text in the document and add it to the article. */
void	html_body(xmlDocPtr, struct article *);

/*
 * Add the paragraphs, subheadings, captions and links under root (an HTML
 * or XHTML element) to the article, links made absolute against base (may
 * be NULL); <br><br> ends a paragraph.
 */
void	html_emit(struct article *, xmlNodePtr root, const char *base);

/* The same for an HTML fragment in UTF-8, as feeds carry it. */
void	html_fragment(struct article *, const char *, size_t,
	    const char *base);

/* The visible text of an HTML fragment in UTF-8 as one clean line. */
char	*html_fragment_text(const char *, size_t);

#endif
