/*
 * RSS 0.9x, 1.0 (RDF), 1.1 and 2.0 documents: the channel's own fields and
 * each item's, with the Dublin Core, content and Atom elements feeds mix
 * in. The document is read and checked in feed-xml.c.
 */
#include "config.h"

#include <ctype.h>
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

/* Set the feed's site from a link, made absolute. */
static void
xml_feed_site(struct feed *f, xmlDocPtr doc, xmlNodePtr n, const char *href)
{
	char	*base, *abs;

	if (f->site != NULL || href == NULL)
		return;
	base = feed_xml_base(doc, n);
	abs = feed_entry_resolve(href, base);
	article_set(&f->site, abs, strlen(abs));
	free(abs);
	free(base);
}


/*
 * Does RSS text look like HTML: a tag, or an entity left after the XML's
 * own were decoded (double escaping)? RSS says descriptions are HTML, but
 * many are plain text whose blank lines part paragraphs.
 */
static enum feed_text
xml_rss_type(const char *s)
{
	const char	*p;
	size_t		 n;

	if (s == NULL)
		return FEED_TEXT_NONE;
	for (p = s; (p = strpbrk(p, "<&")) != NULL; p++) {
		if (*p == '<' && (isalpha((unsigned char)p[1]) ||
		    p[1] == '/' || p[1] == '!'))
			return FEED_TEXT_HTML;
		if (*p == '&') {
			n = strspn(p + 1, "#abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
			if (n > 0 && p[1 + n] == ';')
				return FEED_TEXT_HTML;
		}
	}
	return FEED_TEXT_PLAIN;
}

/* An RSS item being read: its entry and the addresses it may fall back on. */
struct xml_rss_item {
	struct feed_entry	 e;
	char			*perma;	/* a permalink guid */
	char			*link;	/* an alternate atom:link */
	char			*enclosure;	/* its url */
};

/* Read an element of RSS itself (or of no namespace). */
static void
xml_rss_item_core(struct xml_rss_item *it, xmlDocPtr doc, xmlNodePtr n,
    const char *local)
{
	struct feed_entry	*e = &it->e;
	char			*s;

	if (strcmp(local, "title") == 0 && e->title == NULL) {
		e->title = feed_xml_html(doc, n);
		e->title_type = xml_rss_type(e->title);
	} else if (strcmp(local, "link") == 0)
		feed_xml_keep(&e->link, feed_xml_text_nonempty(n));
	else if (strcmp(local, "guid") == 0 && e->id == NULL) {
		e->id = feed_xml_text_nonempty(n);
		s = feed_xml_attr(n, "isPermaLink");
		if (e->id != NULL && (s == NULL ||
		    strcasecmp(s, "false") != 0))
			it->perma = xstrdup(e->id);
		free(s);
	} else if (strcmp(local, "description") == 0 && e->summary == NULL) {
		e->summary = feed_xml_html(doc, n);
		e->summary_type = xml_rss_type(e->summary);
	} else if (strcmp(local, "author") == 0) {
		s = feed_xml_text_nonempty(n);
		feed_entry_author(e, s);
		free(s);
	} else if (strcmp(local, "pubDate") == 0)
		feed_xml_keep(&e->published, feed_xml_text_nonempty(n));
	else if (strcmp(local, "category") == 0) {
		s = feed_xml_text_nonempty(n);
		feed_entry_tag(e, s);
		free(s);
	} else if (strcmp(local, "enclosure") == 0 && it->enclosure == NULL)
		it->enclosure = feed_xml_attr(n, "url");
}

/* Read a Dublin Core element. */
static void
xml_rss_item_dc(struct feed_entry *e, xmlNodePtr n, const char *local)
{
	char	*s;

	s = feed_xml_text_nonempty(n);
	if (strcmp(local, "creator") == 0 || strcmp(local, "author") == 0)
		feed_entry_author(e, s);
	else if (strcmp(local, "subject") == 0)
		feed_entry_tag(e, s);
	else if (strcmp(local, "title") == 0 && e->title == NULL) {
		e->title = s;
		e->title_type = xml_rss_type(s);
		s = NULL;
	} else if (strcmp(local, "date") == 0) {
		feed_xml_keep(&e->published, s);
		s = NULL;
	} else if (strcmp(local, "identifier") == 0) {
		feed_xml_keep(&e->id, s);
		s = NULL;
	}
	free(s);
}

/* Read an element of the other namespaces feeds mix into an item. */
static void
xml_rss_item_mixed(struct xml_rss_item *it, xmlDocPtr doc, xmlNodePtr n,
    enum feed_xml_ns ns, const char *local)
{
	struct feed_entry	*e = &it->e;
	char			*s;

	if (ns == NS_DCTERMS) {
		if (strcmp(local, "issued") == 0 ||
		    strcmp(local, "created") == 0)
			feed_xml_keep(&e->published,
			    feed_xml_text_nonempty(n));
		else if (strcmp(local, "modified") == 0)
			feed_xml_keep(&e->updated, feed_xml_text_nonempty(n));
	} else if (ns == NS_CONTENT && strcmp(local, "encoded") == 0 &&
	    e->content == NULL) {
		e->content = feed_xml_html(doc, n);
		e->content_type = FEED_TEXT_HTML;
		free(e->content_base);
		e->content_base = feed_xml_base(doc, n);
	} else if (ns == NS_XHTML && strcmp(local, "body") == 0 &&
	    e->content_type == FEED_TEXT_NONE) {
		s = feed_xml_base(doc, n);
		html_text_emit(&e->article, n, s);
		free(s);
		e->content_type = FEED_TEXT_DONE;
	} else if (ns == NS_ATOM) {
		if (strcmp(local, "link") == 0 && it->link == NULL)
			it->link = feed_xml_link_href(doc, n);
		else if (strcmp(local, "updated") == 0)
			feed_xml_keep(&e->updated, feed_xml_text_nonempty(n));
	}
}

/* Move *from into *to when *to is unset; *from is left NULL then. */
static void
xml_rss_fallback(char **to, char **from)
{
	if (*to == NULL && *from != NULL) {
		*to = *from;
		*from = NULL;
	}
}

/*
 * Give the item its identity and address from what it had: rdf:about
 * (RSS 1.0), then an atom:link, a permalink guid, an enclosure.
 */
static void
xml_rss_item_finish(struct feed *f, struct xml_rss_item *it,
    xmlNodePtr item)
{
	struct feed_entry	*e = &it->e;
	xmlChar			*about;

	/* RSS 1.0 names its items by rdf:about. */
	if (e->id == NULL && (about = xmlGetNsProp(item,
	    (const xmlChar *)"about", (const xmlChar *)
	    "http://www.w3.org/1999/02/22-rdf-syntax-ns#")) != NULL) {
		e->id = xstrdup((const char *)about);
		free(it->perma);
		it->perma = xstrdup(e->id);
		xmlFree(about);
	}
	/* No address for the document: links are relative to the site. */
	if (e->base == NULL && f->site != NULL)
		e->base = xstrdup(f->site);
	xml_rss_fallback(&e->link, &it->link);
	if (it->perma != NULL && strncmp(it->perma, "http://", 7) != 0 &&
	    strncmp(it->perma, "https://", 8) != 0) {
		free(it->perma);
		it->perma = NULL;
	}
	xml_rss_fallback(&e->link, &it->perma);
	/* A podcast's item may have its enclosure and nothing else. */
	if (it->enclosure != NULL && *it->enclosure == '\0') {
		free(it->enclosure);
		it->enclosure = NULL;
	}
	xml_rss_fallback(&e->link, &it->enclosure);
}

/* Read an RSS item into the feed. */
static void
xml_rss_item(struct feed *f, xmlDocPtr doc, xmlNodePtr item)
{
	struct xml_rss_item	 it;
	xmlNodePtr		 n;
	const char		*local;
	enum feed_xml_ns	 ns;

	memset(&it, 0, sizeof it);
	feed_entry_init(&it.e);
	it.e.base = feed_xml_base(doc, item);
	for (n = item->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_xml_ns(n, &local);
		if (ns == NS_NONE || ns == NS_RSS)
			xml_rss_item_core(&it, doc, n, local);
		else if (ns == NS_DC)
			xml_rss_item_dc(&it.e, n, local);
		else
			xml_rss_item_mixed(&it, doc, n, ns, local);
	}
	xml_rss_item_finish(f, &it, item);
	free(it.enclosure);
	free(it.perma);
	free(it.link);
	feed_entry_add(f, &it.e);
}

/*
 * Read the items of RSS 1.1's <items rdf:parseType="Collection">; RSS
 * 1.0's <items> holds only an rdf:Seq of references, and adds nothing.
 */
static void
xml_rss_items(struct feed *f, xmlDocPtr doc, xmlNodePtr items)
{
	xmlNodePtr	n;

	for (n = items->children; n != NULL; n = n->next) {
		if (feed_xml_core(n, "item") && feed_entry_room(f))
			xml_rss_item(f, doc, n);
	}
}

/* Read an RSS channel's own fields and the items inside it. */
static void
xml_rss_channel(struct feed *f, xmlDocPtr doc, xmlNodePtr channel)
{
	xmlNodePtr	 n;
	char		*s;

	for (n = channel->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (feed_xml_core(n, "title"))
			feed_xml_feed_title(f, n, 1);
		else if (feed_xml_core(n, "link") &&
		    !feed_xml_is(n, NS_ATOM, "link")) {
			s = feed_xml_text_nonempty(n);
			xml_feed_site(f, doc, n, s);
			free(s);
		} else if (feed_xml_is(n, NS_DC, "title"))
			feed_xml_feed_title(f, n, 1);
		else if (feed_xml_core(n, "item") && feed_entry_room(f))
			xml_rss_item(f, doc, n);
		else if (feed_xml_core(n, "items"))
			xml_rss_items(f, doc, n);
	}
}

/*
 * Read an RSS document: items in the channel (2.0), beside it (1.0), or
 * in its <items> (1.1, whose root is the Channel).
 */
void
feed_xml_rss(struct feed *f, xmlDocPtr doc, xmlNodePtr root)
{
	xmlNodePtr	n;

	if (feed_xml_core(root, "channel") || feed_xml_core(root, "Channel")) {
		xml_rss_channel(f, doc, root);
		return;
	}
	for (n = root->children; n != NULL; n = n->next) {
		if (feed_xml_core(n, "channel"))
			xml_rss_channel(f, doc, n);
		else if (feed_xml_core(n, "item") && feed_entry_room(f))
			xml_rss_item(f, doc, n);
	}
}
