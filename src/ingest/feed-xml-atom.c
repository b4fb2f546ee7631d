/*
 * Atom 1.0 and 0.3 feeds and entry documents: the feed's own fields (or an
 * entry's <source>), each entry's, and Atom's text constructs (text, html,
 * xhtml). The document is read and checked in feed-xml.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "article.h"
#include "feed-parse.h"
#include "feed-int.h"
#include "feed-xml-int.h"
#include "html-text.h"
#include "html.h"
#include "xmalloc.h"
#include "banned.h"

/* How an Atom text construct is written, from type and mode. */
static enum feed_text
xml_atom_type(xmlNodePtr n, int *xhtml)
{
	char		*type, *mode;
	enum feed_text	 rv = FEED_TEXT_PLAIN;

	*xhtml = 0;
	type = feed_xml_attr(n, "type");
	mode = feed_xml_attr(n, "mode");
	if (xmlHasProp(n, (const xmlChar *)"src") != NULL)
		rv = FEED_TEXT_NONE;	/* content kept elsewhere */
	else if (mode != NULL && strcasecmp(mode, "base64") == 0)
		rv = FEED_TEXT_NONE;
	else if (type == NULL || *type == '\0' ||
	    strcasecmp(type, "text") == 0 ||
	    strcasecmp(type, "text/plain") == 0)
		rv = FEED_TEXT_PLAIN;
	else if (strcasecmp(type, "html") == 0 ||
	    strcasecmp(type, "text/html") == 0)
		rv = FEED_TEXT_HTML;
	else if (strcasecmp(type, "xhtml") == 0 ||
	    strcasecmp(type, "application/xhtml+xml") == 0)
		*xhtml = 1;
	else if (strncasecmp(type, "text/", 5) != 0)
		rv = FEED_TEXT_NONE;	/* an image or other media */
	/* Atom 0.3 writes markup inline with mode="xml". */
	if (mode != NULL && strcasecmp(mode, "xml") == 0 &&
	    rv != FEED_TEXT_NONE)
		*xhtml = 1;
	if (*xhtml == 0 && rv == FEED_TEXT_PLAIN && feed_xml_has_elements(n))
		*xhtml = 1;	/* markup all the same */
	free(type);
	free(mode);
	return rv;
}

/* Read an Atom text construct as a one-line value's text and type. */
static char *
xml_atom_text(xmlDocPtr doc, xmlNodePtr n, enum feed_text *type)
{
	int	 xhtml;

	*type = xml_atom_type(n, &xhtml);
	if (*type == FEED_TEXT_NONE)
		return NULL;
	if (xhtml) {
		*type = FEED_TEXT_PLAIN;
		return html_node_text(n);
	}
	if (*type == FEED_TEXT_HTML)
		return feed_xml_html(doc, n);
	return feed_xml_text_nonempty(n);
}

/* The names of an Atom person construct's <name>. */
static void
xml_atom_author(struct feed_entry *e, xmlNodePtr person)
{
	xmlNodePtr	 n;
	char		*s;

	for (n = person->children; n != NULL; n = n->next) {
		if (feed_xml_core(n, "name")) {
			s = feed_xml_text_nonempty(n);
			feed_entry_author(e, s);
			free(s);
		}
	}
}

/* Fill the fields of an Atom entry. */
static void
xml_atom_entry(struct feed *f, xmlDocPtr doc, xmlNodePtr entry,
    struct feed_entry *feedwide)
{
	struct feed_entry	 e;
	xmlNodePtr		 n;
	char			*s;
	size_t			 i;
	int			 xhtml;

	feed_entry_init(&e);
	e.base = feed_xml_base(doc, entry);
	for (n = entry->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (feed_xml_core(n, "id"))
			feed_xml_keep(&e.id, feed_xml_text_nonempty(n));
		else if (feed_xml_core(n, "title") && e.title == NULL)
			e.title = xml_atom_text(doc, n, &e.title_type);
		else if (feed_xml_core(n, "link"))
			feed_xml_keep(&e.link, feed_xml_link_href(doc, n));
		else if (feed_xml_core(n, "author"))
			xml_atom_author(&e, n);
		else if (feed_xml_core(n, "published") ||
		    feed_xml_core(n, "issued") || feed_xml_core(n, "created"))
			feed_xml_keep(&e.published, feed_xml_text_nonempty(n));
		else if (feed_xml_core(n, "updated") ||
		    feed_xml_core(n, "modified"))
			feed_xml_keep(&e.updated, feed_xml_text_nonempty(n));
		else if (feed_xml_core(n, "summary") && e.summary == NULL)
			e.summary = xml_atom_text(doc, n, &e.summary_type);
		else if (feed_xml_core(n, "content") && e.content_type ==
		    FEED_TEXT_NONE) {
			e.content_type = xml_atom_type(n, &xhtml);
			free(e.content_base);
			e.content_base = feed_xml_base(doc, n);
			if (e.content_type == FEED_TEXT_NONE)
				continue;
			if (xhtml) {
				html_text_emit(&e.article, n, e.content_base);
				e.content_type = FEED_TEXT_DONE;
			} else if (e.content_type == FEED_TEXT_HTML)
				e.content = feed_xml_html(doc, n);
			else
				e.content = feed_xml_text_nonempty(n);
		} else if (feed_xml_core(n, "category")) {
			if ((s = feed_xml_attr(n, "term")) == NULL)
				s = feed_xml_attr(n, "label");
			feed_entry_tag(&e, s);
			free(s);
		} else if (feed_xml_is(n, NS_DC, "subject")) {
			s = feed_xml_text_nonempty(n);
			feed_entry_tag(&e, s);
			free(s);
		} else if (feed_xml_is(n, NS_DC, "creator")) {
			s = feed_xml_text_nonempty(n);
			feed_entry_author(&e, s);
			free(s);
		}
	}
	/* An entry without authors has the feed's. */
	if (e.nauthors == 0) {
		for (i = 0; i < feedwide->nauthors; i++)
			feed_entry_author(&e, feedwide->authors[i]);
	}
	feed_entry_add(f, &e);
}

/*
 * Read the fields an Atom feed (or an entry's <source>) gives of itself:
 * title, site and authors.
 */
static void
xml_atom_head(struct feed *f, xmlDocPtr doc, xmlNodePtr root,
    struct feed_entry *feedwide)
{
	enum feed_text	 type;
	xmlNodePtr	 n;
	char		*s;

	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (feed_xml_core(n, "author"))
			xml_atom_author(feedwide, n);
		else if (feed_xml_core(n, "title") && f->title == NULL) {
			if ((s = xml_atom_text(doc, n, &type)) == NULL)
				continue;
			if (type == FEED_TEXT_HTML) {
				feed_xml_feed_title(f, n, 1);
				free(s);
			} else {
				article_set(&f->title, s, strlen(s));
				free(s);
			}
		} else if (feed_xml_core(n, "link") && f->site == NULL) {
			if ((s = feed_xml_link_href(doc, n)) != NULL)
				article_set(&f->site, s, strlen(s));
			free(s);
		}
	}
}

/* Read an Atom feed's own fields and its entries. */
void
feed_xml_atom(struct feed *f, xmlDocPtr doc, xmlNodePtr root)
{
	struct feed_entry	 feedwide;
	xmlNodePtr		 n;

	/* The feed's authors come first: entries may come before them. */
	feed_entry_init(&feedwide);
	xml_atom_head(f, doc, root, &feedwide);
	for (n = root->children; n != NULL; n = n->next) {
		if (feed_xml_core(n, "entry") && feed_entry_room(f))
			xml_atom_entry(f, doc, n, &feedwide);
	}
	feed_entry_free(&feedwide);
}

/*
 * Read an Atom entry document (RFC 4287 5.1): one entry, the feed's own
 * fields in its <source> if it has one.
 */
void
feed_xml_atom_entry_doc(struct feed *f, xmlDocPtr doc, xmlNodePtr entry)
{
	struct feed_entry	 feedwide;
	xmlNodePtr		 n;

	feed_entry_init(&feedwide);
	for (n = entry->children; n != NULL; n = n->next) {
		if (feed_xml_core(n, "source"))
			xml_atom_head(f, doc, n, &feedwide);
	}
	xml_atom_entry(f, doc, entry, &feedwide);
	feed_entry_free(&feedwide);
}
