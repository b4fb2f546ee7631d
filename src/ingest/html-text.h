/*
 * HTML to an article's text: paragraphs, subheadings, captions and links.
 * Shared by saved pages (import-html.c, which finds the story in a whole
 * page) and feed items (feed.c, feed-xml.c, which give the HTML an item
 * carries). Private to the ingest layer.
 */
#ifndef DOSSIER_HTML_TEXT_H
#define DOSSIER_HTML_TEXT_H

#include <stddef.h>

#include <libxml/tree.h>

struct article;

/*
 * Find the story's container in a parsed page (itemprop=articleBody,
 * <article>, <main>, else the best-scoring element, else <body>) and add
 * its text to the article, links made absolute against a->url.
 */
void	html_text_page(xmlDocPtr, struct article *);

/*
 * Add the paragraphs, subheadings, captions and links under root (an HTML
 * or XHTML element) to the article, links made absolute against base (may
 * be NULL); <br><br> ends a paragraph.
 */
void	html_text_emit(struct article *, xmlNodePtr root, const char *base);

/* The same for an HTML fragment in UTF-8, as feeds carry it. */
void	html_text_fragment(struct article *, const char *, size_t,
	    const char *base);

/*
 * The visible text of an HTML fragment in UTF-8 as one clean line: a new
 * string (caller frees), "" if there is none.
 */
char	*html_text_line(const char *, size_t);

#endif
