/*
 * The HTML toolkit ingest shares, private to the ingest layer: the one way
 * outside HTML reaches libxml2's parser (html-read.c) and the helpers that
 * read the tree it makes (html.c). Saved pages, feed items and feed
 * discovery use them; html-text.h turns a tree into an article's text.
 */
#ifndef DOSSIER_HTML_H
#define DOSSIER_HTML_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

struct buf;

/*
 * A walk over a subtree in document order, without recursion. Each node
 * is entered, then (after its children, if it was gone into) left.
 */
struct html_walk {
	xmlNodePtr	root;
	xmlNodePtr	cur;
	int		leave;		/* cur is being left, not entered */
	int		descend;	/* html_walk_step goes into cur */
};

/* Start a walk at root (NULL: an empty walk); root is gone into. */
void	html_walk_init(struct html_walk *, xmlNodePtr root);

/*
 * Step to the next node, into the children of the one entered last if
 * descend is set; 0 at the end.
 */
int	html_walk_next(struct html_walk *, int descend);

/*
 * The same, going in where the walk's descend says (set it to 1 after
 * entering a node to go into it; each step clears it); the node stepped
 * to (w->cur), or NULL at the end.
 */
xmlNodePtr html_walk_step(struct html_walk *);

/*
 * Is the walk at a text or CDATA node? Then 1, its text added to b if the
 * node is being entered; else 0.
 */
int	html_walk_text(const struct html_walk *, struct buf *b);

/*
 * Send libxml2's messages that no parser context catches (encoding
 * errors, which it would print on stderr, over the screen) nowhere. The
 * setting is the calling thread's: call it before each parse, of HTML or
 * of XML.
 */
void	xml_quiet(void);
void	html_read_init(void);

/*
 * htmlReadMemory over len bytes of outside HTML, its start tags first cut
 * to MARKUP_MAX_ATTRS attributes (libxml2 spends quadratic time on more),
 * the parse stopped (what was read kept) once its tree would pass a
 * bounded number of nodes; NULL if libxml2 made nothing. The caller frees
 * the document with xmlFreeDoc.
 */
htmlDocPtr html_read_memory(const char *, size_t, const char *url,
	    const char *encoding, int options);

/* Is the element's name (lower case) this? */
int	html_is(xmlNodePtr, const char *);

/* An attribute's value as a new string (caller frees), or NULL. */
char	*html_attr(xmlNodePtr, const char *);

/* Is the element laid out inline, inside the paragraph around it? */
int	html_inline(xmlNodePtr);

/* Is the element hidden (hidden, aria-hidden=true, display:none)? */
int	html_hidden(xmlNodePtr);

/*
 * Does a whitespace-separated attribute hold one of these words (NULL
 * ends the list; "x*" matches a prefix)?
 */
int	html_attr_word(xmlNodePtr, const char *, const char *const *);

/*
 * The visible text of a subtree as one clean line, scripts and hidden
 * parts left out; a new string (caller frees), "" if there is none.
 */
char	*html_node_text(xmlNodePtr);

#endif
