/*
 * RSS 0.9x, 1.0 (RDF), 1.1 and 2.0 and Atom 0.3 and 1.0 (feeds and
 * entry documents), read with libxml2's tree API in recover mode. Feeds
 * are hostile: nothing is loaded from outside (no DTD, no external entity,
 * no network), libxml2 is never left an entity to expand, and the
 * document's nesting is libxml2's default limit (XML_PARSE_HUGE is never
 * set).
 *
 * Before libxml2 sees the bytes they are prepared (feed-xml-prepare.c):
 * control characters and terminal escape sequences go, entity references
 * become character references, because libxml2's recover mode drops every
 * entity reference, even &amp;, after the first error, and the document's
 * own entities are expanded there under one budget for the whole document,
 * and start tags are cut to a bounded number of attributes. libxml2's
 * entity declarations stay switched off all the same.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "article.h"
#include "buf.h"
#include "feed-parse.h"
#include "feed-int.h"
#include "import-html.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/*
 * Nodes (elements, and attributes twice) one document may build.
 * libxml2's tree costs some 150 bytes a node, so 16 MiB of "<a/>" would
 * take 600 MB; past this the parse stops and the items read so far are
 * kept (a 5,000-item feed of ordinary items builds some 100,000).
 */
#define XML_MAX_NODES		(300u * 1000)

/* Nodes one text may cost (its bytes are held to FEED_MAX_TEXT). */
#define XML_TEXT_NODES		(1024u * 1024)

#define XML_OPTIONS (XML_PARSE_RECOVER | XML_PARSE_NONET | \
	XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT)

/* The namespaces an element can be in, as far as feeds go. */
enum xml_ns {
	NS_NONE,	/* no namespace */
	NS_RSS,		/* RSS 0.90, 1.0, userland's 2.0 */
	NS_ATOM,	/* Atom 1.0 and 0.3 */
	NS_DC,
	NS_DCTERMS,
	NS_CONTENT,
	NS_RDF,
	NS_XHTML,
	NS_OTHER
};

static const struct {
	const char	*href;
	const char	*prefix;	/* when a feed forgets to declare it */
	enum xml_ns	 ns;
} xml_namespaces[] = {
	{ "http://purl.org/rss/1.0/", NULL, NS_RSS },
	{ "http://my.netscape.com/rdf/simple/0.9/", NULL, NS_RSS },
	{ "http://backend.userland.com/rss2", NULL, NS_RSS },
	{ "http://backend.userland.com/rss", NULL, NS_RSS },
	{ "http://purl.org/net/rss1.1#", NULL, NS_RSS },
	{ "http://www.w3.org/2005/Atom", "atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NULL, NS_ATOM },
	{ "http://purl.org/dc/elements/1.1/", "dc", NS_DC },
	{ "http://purl.org/dc/terms/", "dcterms", NS_DCTERMS },
	{ "http://purl.org/rss/1.0/modules/content/", "content", NS_CONTENT },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf", NS_RDF },
	{ "http://www.w3.org/1999/xhtml", "xhtml", NS_XHTML },
};

/* Which namespace is the element in; *local is its name without prefix. */
static enum xml_ns
xml_ns(xmlNodePtr n, const char **local)
{
	const char	*name = (const char *)n->name, *colon;
	size_t		 i, plen;

	*local = name;
	if (n->ns != NULL && n->ns->href != NULL) {
		for (i = 0; i < sizeof xml_namespaces /
		    sizeof xml_namespaces[0]; i++) {
			if (strcmp((const char *)n->ns->href,
			    xml_namespaces[i].href) == 0)
				return xml_namespaces[i].ns;
		}
		/*
		 * A default namespace we do not know is the feed's own, as
		 * in Atom drafts and RSS 2.0 with a made-up namespace.
		 */
		return n->ns->prefix == NULL ? NS_NONE : NS_OTHER;
	}
	/* An undeclared prefix stays in the name in recover mode. */
	if ((colon = strchr(name, ':')) == NULL)
		return NS_NONE;
	*local = colon + 1;
	plen = (size_t)(colon - name);
	for (i = 0; i < sizeof xml_namespaces / sizeof xml_namespaces[0];
	    i++) {
		if (xml_namespaces[i].prefix != NULL &&
		    strlen(xml_namespaces[i].prefix) == plen &&
		    strncmp(name, xml_namespaces[i].prefix, plen) == 0)
			return xml_namespaces[i].ns;
	}
	return NS_OTHER;
}

/* Is the element this name in one of the namespaces of a feed's core? */
static int
xml_core(xmlNodePtr n, const char *name)
{
	const char	*local;
	enum xml_ns	 ns;

	if (n->type != XML_ELEMENT_NODE)
		return 0;
	ns = xml_ns(n, &local);
	return (ns == NS_NONE || ns == NS_RSS || ns == NS_ATOM) &&
	    strcmp(local, name) == 0;
}

/* Is the element this name in this namespace? */
static int
xml_is(xmlNodePtr n, enum xml_ns want, const char *name)
{
	const char	*local;

	return n->type == XML_ELEMENT_NODE && xml_ns(n, &local) == want &&
	    strcmp(local, name) == 0;
}

/* The length of s cut to at most max bytes, at a character's end. */
static size_t
xml_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

/*
 * Append the text under n while the budget of nodes lasts, at most
 * FEED_MAX_TEXT bytes in all.
 */
static void
xml_text_add(struct buf *b, xmlNodePtr n, size_t *budget)
{
	size_t	len;

	for (; n != NULL && *budget > 0; n = n->next) {
		(*budget)--;
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content == NULL)
				break;
			len = strlen((const char *)n->content);
			if (b->len + len > FEED_MAX_TEXT) {
				buf_add(b, n->content, xml_cut((const char *)
				    n->content, len, FEED_MAX_TEXT - b->len));
				*budget = 0;
			} else
				buf_add(b, n->content, len);
			break;
		case XML_ELEMENT_NODE:
			xml_text_add(b, n->children, budget);
			break;
		default:
			break;
		}
	}
}

/* The text of an element as a new string (never NULL). */
static char *
xml_text(xmlNodePtr n)
{
	struct buf	 b;
	size_t		 budget = XML_TEXT_NODES;

	buf_init(&b);
	xml_text_add(&b, n->children, &budget);
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/* An element's text, or NULL when it has none but whitespace. */
static char *
xml_text_nonempty(xmlNodePtr n)
{
	char		*s = xml_text(n);
	const char	*p;

	for (p = s; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';)
		p++;
	if (*p == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* Does the element hold elements (markup a feed forgot to escape)? */
static int
xml_has_elements(xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			return 1;
	}
	return 0;
}

/*
 * HTML as an element holds it: its text, or its children written out
 * when a feed put the markup in unescaped.
 */
static char *
xml_html(xmlDocPtr doc, xmlNodePtr n)
{
	xmlBufferPtr	 xb;
	xmlNodePtr	 c;
	char		*s;

	if (!xml_has_elements(n))
		return xml_text_nonempty(n);
	if ((xb = xmlBufferCreate()) == NULL)
		fatal("out of memory");
	for (c = n->children; c != NULL &&
	    (size_t)xmlBufferLength(xb) <= FEED_MAX_TEXT; c = c->next)
		xmlNodeDump(xb, doc, c, 0, 0);
	s = xstrndup((const char *)xmlBufferContent(xb), xml_cut((const char *)
	    xmlBufferContent(xb), (size_t)xmlBufferLength(xb), FEED_MAX_TEXT));
	xmlBufferFree(xb);
	return s;
}

/* An attribute (no namespace) as a new string, or NULL. */
static char *
xml_attr(xmlNodePtr n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlGetNoNsProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The base URL that holds for an element (xml:base, else the document). */
static char *
xml_base(xmlDocPtr doc, xmlNodePtr n)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlNodeGetBase(doc, n)) == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Keep a string in a field unless the field is set; frees it otherwise. */
static void
xml_keep(char **field, char *s)
{
	if (*field == NULL)
		*field = s;
	else
		free(s);
}

/* Set the feed's title from an element (text, or HTML stripped). */
static void
xml_feed_title(struct feed *f, xmlNodePtr n, int html)
{
	char	*s, *text;

	if (f->title != NULL || (s = xml_text_nonempty(n)) == NULL)
		return;
	if (html) {
		text = html_fragment_text(s, strlen(s));
		free(s);
		s = text;
	}
	article_set(&f->title, s, strlen(s));
	free(s);
}

/* Set the feed's site from a link, made absolute. */
static void
xml_feed_site(struct feed *f, xmlDocPtr doc, xmlNodePtr n, const char *href)
{
	char	*base, *abs;

	if (f->site != NULL || href == NULL)
		return;
	base = xml_base(doc, n);
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

/* Is the href of an Atom <link> the item's own page? */
static int
xml_link_alternate(xmlNodePtr n)
{
	char	*rel;
	int	 yes;

	if ((rel = xml_attr(n, "rel")) == NULL)
		return 1;
	yes = strcasecmp(rel, "alternate") == 0;
	free(rel);
	return yes;
}

/* Take the href of an alternate Atom link, resolved where it stands. */
static char *
xml_link_href(xmlDocPtr doc, xmlNodePtr n)
{
	char	*href, *base, *abs;

	if (!xml_link_alternate(n) || (href = xml_attr(n, "href")) == NULL)
		return NULL;
	base = xml_base(doc, n);
	abs = feed_entry_resolve(href, base);
	free(href);
	free(base);
	return abs;
}

/* Fill the fields of an RSS item. */
static void
xml_rss_item(struct feed *f, xmlDocPtr doc, xmlNodePtr item)
{
	struct feed_entry	 e;
	xmlNodePtr		 n;
	char			*s, *perma = NULL, *link = NULL;
	char			*enclosure = NULL;
	xmlChar			*about;
	const char		*local;
	enum xml_ns		 ns;

	feed_entry_init(&e);
	e.base = xml_base(doc, item);
	for (n = item->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		ns = xml_ns(n, &local);
		if (ns == NS_NONE || ns == NS_RSS) {
			if (strcmp(local, "title") == 0 && e.title == NULL) {
				e.title = xml_html(doc, n);
				e.title_type = xml_rss_type(e.title);
			} else if (strcmp(local, "link") == 0)
				xml_keep(&e.link, xml_text_nonempty(n));
			else if (strcmp(local, "guid") == 0 && e.id == NULL) {
				e.id = xml_text_nonempty(n);
				s = xml_attr(n, "isPermaLink");
				if (e.id != NULL && (s == NULL ||
				    strcasecmp(s, "false") != 0))
					perma = xstrdup(e.id);
				free(s);
			} else if (strcmp(local, "description") == 0 &&
			    e.summary == NULL) {
				e.summary = xml_html(doc, n);
				e.summary_type = xml_rss_type(e.summary);
			} else if (strcmp(local, "author") == 0) {
				s = xml_text_nonempty(n);
				feed_entry_author(&e, s);
				free(s);
			} else if (strcmp(local, "pubDate") == 0)
				xml_keep(&e.published, xml_text_nonempty(n));
			else if (strcmp(local, "category") == 0) {
				s = xml_text_nonempty(n);
				feed_entry_tag(&e, s);
				free(s);
			} else if (strcmp(local, "enclosure") == 0 &&
			    enclosure == NULL)
				enclosure = xml_attr(n, "url");
		} else if (ns == NS_DC) {
			s = xml_text_nonempty(n);
			if (strcmp(local, "creator") == 0 ||
			    strcmp(local, "author") == 0)
				feed_entry_author(&e, s);
			else if (strcmp(local, "subject") == 0)
				feed_entry_tag(&e, s);
			else if (strcmp(local, "title") == 0 &&
			    e.title == NULL) {
				e.title = s;
				e.title_type = xml_rss_type(s);
				s = NULL;
			} else if (strcmp(local, "date") == 0) {
				xml_keep(&e.published, s);
				s = NULL;
			} else if (strcmp(local, "identifier") == 0) {
				xml_keep(&e.id, s);
				s = NULL;
			}
			free(s);
		} else if (ns == NS_DCTERMS) {
			if (strcmp(local, "issued") == 0 ||
			    strcmp(local, "created") == 0)
				xml_keep(&e.published, xml_text_nonempty(n));
			else if (strcmp(local, "modified") == 0)
				xml_keep(&e.updated, xml_text_nonempty(n));
		} else if (ns == NS_CONTENT && strcmp(local, "encoded") == 0 &&
		    e.content == NULL) {
			e.content = xml_html(doc, n);
			e.content_type = FEED_TEXT_HTML;
			free(e.content_base);
			e.content_base = xml_base(doc, n);
		} else if (ns == NS_XHTML && strcmp(local, "body") == 0 &&
		    e.content_type == FEED_TEXT_NONE) {
			s = xml_base(doc, n);
			html_emit(&e.article, n, s);
			free(s);
			e.content_type = FEED_TEXT_DONE;
		} else if (ns == NS_ATOM) {
			if (strcmp(local, "link") == 0 && link == NULL)
				link = xml_link_href(doc, n);
			else if (strcmp(local, "updated") == 0)
				xml_keep(&e.updated, xml_text_nonempty(n));
		}
	}
	/* RSS 1.0 names its items by rdf:about. */
	if (e.id == NULL && (about = xmlGetNsProp(item,
	    (const xmlChar *)"about", (const xmlChar *)
	    "http://www.w3.org/1999/02/22-rdf-syntax-ns#")) != NULL) {
		e.id = xstrdup((const char *)about);
		free(perma);
		perma = xstrdup(e.id);
		xmlFree(about);
	}
	/* No address for the document: links are relative to the site. */
	if (e.base == NULL && f->site != NULL)
		e.base = xstrdup(f->site);
	if (e.link == NULL && link != NULL) {
		e.link = link;
		link = NULL;
	}
	if (e.link == NULL && perma != NULL && (strncmp(perma, "http://", 7) ==
	    0 || strncmp(perma, "https://", 8) == 0)) {
		e.link = perma;
		perma = NULL;
	}
	/* A podcast's item may have its enclosure and nothing else. */
	if (e.link == NULL && enclosure != NULL && *enclosure != '\0') {
		e.link = enclosure;
		enclosure = NULL;
	}
	free(enclosure);
	free(perma);
	free(link);
	feed_entry_add(f, &e);
}

/* How an Atom text construct is written, from type and mode. */
static enum feed_text
xml_atom_type(xmlNodePtr n, int *xhtml)
{
	char		*type, *mode;
	enum feed_text	 rv = FEED_TEXT_PLAIN;

	*xhtml = 0;
	type = xml_attr(n, "type");
	mode = xml_attr(n, "mode");
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
	if (mode != NULL && strcasecmp(mode, "xml") == 0 && rv != FEED_TEXT_NONE)
		*xhtml = 1;
	if (*xhtml == 0 && rv == FEED_TEXT_PLAIN && xml_has_elements(n))
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
		return html_text(n);
	}
	if (*type == FEED_TEXT_HTML)
		return xml_html(doc, n);
	return xml_text_nonempty(n);
}

/* The names of an Atom person construct's <name>. */
static void
xml_atom_author(struct feed_entry *e, xmlNodePtr person)
{
	xmlNodePtr	 n;
	char		*s;

	for (n = person->children; n != NULL; n = n->next) {
		if (xml_core(n, "name")) {
			s = xml_text_nonempty(n);
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
	e.base = xml_base(doc, entry);
	for (n = entry->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xml_core(n, "id"))
			xml_keep(&e.id, xml_text_nonempty(n));
		else if (xml_core(n, "title") && e.title == NULL)
			e.title = xml_atom_text(doc, n, &e.title_type);
		else if (xml_core(n, "link"))
			xml_keep(&e.link, xml_link_href(doc, n));
		else if (xml_core(n, "author"))
			xml_atom_author(&e, n);
		else if (xml_core(n, "published") || xml_core(n, "issued") ||
		    xml_core(n, "created"))
			xml_keep(&e.published, xml_text_nonempty(n));
		else if (xml_core(n, "updated") || xml_core(n, "modified"))
			xml_keep(&e.updated, xml_text_nonempty(n));
		else if (xml_core(n, "summary") && e.summary == NULL)
			e.summary = xml_atom_text(doc, n, &e.summary_type);
		else if (xml_core(n, "content") && e.content_type ==
		    FEED_TEXT_NONE) {
			e.content_type = xml_atom_type(n, &xhtml);
			free(e.content_base);
			e.content_base = xml_base(doc, n);
			if (e.content_type == FEED_TEXT_NONE)
				continue;
			if (xhtml) {
				html_emit(&e.article, n, e.content_base);
				e.content_type = FEED_TEXT_DONE;
			} else if (e.content_type == FEED_TEXT_HTML)
				e.content = xml_html(doc, n);
			else
				e.content = xml_text_nonempty(n);
		} else if (xml_core(n, "category")) {
			if ((s = xml_attr(n, "term")) == NULL)
				s = xml_attr(n, "label");
			feed_entry_tag(&e, s);
			free(s);
		} else if (xml_is(n, NS_DC, "subject")) {
			s = xml_text_nonempty(n);
			feed_entry_tag(&e, s);
			free(s);
		} else if (xml_is(n, NS_DC, "creator")) {
			s = xml_text_nonempty(n);
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
		if (xml_core(n, "author"))
			xml_atom_author(feedwide, n);
		else if (xml_core(n, "title") && f->title == NULL) {
			if ((s = xml_atom_text(doc, n, &type)) == NULL)
				continue;
			if (type == FEED_TEXT_HTML) {
				xml_feed_title(f, n, 1);
				free(s);
			} else {
				article_set(&f->title, s, strlen(s));
				free(s);
			}
		} else if (xml_core(n, "link") && f->site == NULL) {
			if ((s = xml_link_href(doc, n)) != NULL)
				article_set(&f->site, s, strlen(s));
			free(s);
		}
	}
}

/* Read an Atom feed's own fields and its entries. */
static void
xml_atom(struct feed *f, xmlDocPtr doc, xmlNodePtr root)
{
	struct feed_entry	 feedwide;
	xmlNodePtr		 n;

	/* The feed's authors come first: entries may come before them. */
	feed_entry_init(&feedwide);
	xml_atom_head(f, doc, root, &feedwide);
	for (n = root->children; n != NULL; n = n->next) {
		if (xml_core(n, "entry") && feed_entry_room(f))
			xml_atom_entry(f, doc, n, &feedwide);
	}
	feed_entry_free(&feedwide);
}

/*
 * Read an Atom entry document (RFC 4287 5.1): one entry, the feed's own
 * fields in its <source> if it has one.
 */
static void
xml_atom_entry_doc(struct feed *f, xmlDocPtr doc, xmlNodePtr entry)
{
	struct feed_entry	 feedwide;
	xmlNodePtr		 n;

	feed_entry_init(&feedwide);
	for (n = entry->children; n != NULL; n = n->next) {
		if (xml_core(n, "source"))
			xml_atom_head(f, doc, n, &feedwide);
	}
	xml_atom_entry(f, doc, entry, &feedwide);
	feed_entry_free(&feedwide);
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
		if (xml_core(n, "item") && feed_entry_room(f))
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
		if (xml_core(n, "title"))
			xml_feed_title(f, n, 1);
		else if (xml_core(n, "link") && !xml_is(n, NS_ATOM, "link")) {
			s = xml_text_nonempty(n);
			xml_feed_site(f, doc, n, s);
			free(s);
		} else if (xml_is(n, NS_DC, "title"))
			xml_feed_title(f, n, 1);
		else if (xml_core(n, "item") && feed_entry_room(f))
			xml_rss_item(f, doc, n);
		else if (xml_core(n, "items"))
			xml_rss_items(f, doc, n);
	}
}

/*
 * Read an RSS document: items in the channel (2.0), beside it (1.0), or
 * in its <items> (1.1, whose root is the Channel).
 */
static void
xml_rss(struct feed *f, xmlDocPtr doc, xmlNodePtr root)
{
	xmlNodePtr	n;

	if (xml_core(root, "channel") || xml_core(root, "Channel")) {
		xml_rss_channel(f, doc, root);
		return;
	}
	for (n = root->children; n != NULL; n = n->next) {
		if (xml_core(n, "channel"))
			xml_rss_channel(f, doc, n);
		else if (xml_core(n, "item") && feed_entry_room(f))
			xml_rss_item(f, doc, n);
	}
}

/* A parse under a node budget. */
struct xml_budget {
	size_t		nodes;
	xmlNodePtr	stopped;	/* the element open at the stop */
};

/* Build the element if the budget allows, else stop the parse there. */
static void
xml_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct xml_budget	*b = ctxt->_private;

	/* An attribute is two nodes: itself and its text. */
	b->nodes += 1 + 2 * (size_t)nattrs + (size_t)nns;
	if (b->nodes > XML_MAX_NODES) {
		b->stopped = ctxt->node != NULL ? ctxt->node :
		    (xmlNodePtr)ctxt->myDoc;
		xmlStopParser(ctxt);
		return;
	}
	xmlSAX2StartElementNs(ctx, local, prefix, uri, nns, ns, nattrs,
	    ndefaulted, attrs);
}

/*
 * After a stop, the item or entry left open is cut short: it goes, and
 * counts as skipped.
 */
static void
xml_drop_open_item(struct feed *f, xmlNodePtr n)
{
	xmlNodePtr	item = NULL;

	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		if (xml_core(n, "item") || xml_core(n, "entry"))
			item = n;
	}
	if (item != NULL && item->parent != NULL &&
	    item->parent->type == XML_ELEMENT_NODE) {
		xmlUnlinkNode(item);
		xmlFreeNode(item);
		f->skipped++;
	}
}

/* Entities from outside are never loaded. */
static xmlParserInputPtr
xml_no_entity(void *ctx, const xmlChar *public_id, const xmlChar *system_id)
{
	return NULL;
}

/*
 * Nor is any declared: the preparation expanded the document's own under
 * its budget, and libxml2 would expand them again without one.
 */
static void
xml_no_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
}

/*
 * Parse the prepared bytes; NULL if libxml2 made nothing of them. Past
 * XML_MAX_NODES the parse stops, and the item open then is dropped.
 */
static xmlDocPtr
xml_read(const char *s, size_t len, const char *url, const char *encoding,
    struct feed *f)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;
	struct xml_budget	 budget;
	int			 options = XML_OPTIONS;

	if (len > INT_MAX || (ctxt = xmlNewParserCtxt()) == NULL)
		return NULL;
	memset(&budget, 0, sizeof budget);
	ctxt->_private = &budget;
	ctxt->sax->startElementNs = xml_start;
	/* Nothing reads comments or instructions: none is built (16 MiB of
	   "<!---->" would be 440 MB of nodes). */
	ctxt->sax->comment = NULL;
	ctxt->sax->processingInstruction = NULL;
	ctxt->sax->resolveEntity = xml_no_entity;
	ctxt->sax->entityDecl = xml_no_entity_decl;
	ctxt->sax->externalSubset = NULL;
	if (encoding != NULL)
		options |= XML_PARSE_IGNORE_ENC;
	/*
	 * UTF-8 is what libxml2 reads with no encoding given; naming it
	 * would have libxml2 convert the whole document into a copy.
	 */
	if (encoding != NULL && strcasecmp(encoding, "UTF-8") == 0)
		encoding = NULL;
	doc = xmlCtxtReadMemory(ctxt, s, (int)len, url, encoding, options);
	xmlFreeParserCtxt(ctxt);
	if (doc != NULL && budget.stopped != NULL)
		xml_drop_open_item(f, budget.stopped);
	if (doc != NULL && xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

/* Parse an RSS or Atom document. */
int
feed_xml_parse(const char *s, size_t len, const char *url, struct feed *f,
    char **err)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	const char	*local, *encoding = NULL;
	char		*prepared, *name;
	size_t		 plen;
	enum xml_ns	 ns;
	int		 rv = -1;

	xmlInitParser();
	xml_quiet();
	if ((prepared = feed_xml_prepare(s, len, &plen, &encoding,
	    err)) == NULL)
		return -1;
	doc = xml_read(prepared, plen, url, encoding, f);
	free(prepared);
	if (doc == NULL) {
		*err = xstrdup("not a feed: no xml element found");
		return -1;
	}
	root = xmlDocGetRootElement(doc);
	ns = xml_ns(root, &local);
	if ((ns == NS_NONE || ns == NS_RSS || ns == NS_RDF) &&
	    (strcmp(local, "rss") == 0 || strcmp(local, "RDF") == 0 ||
	    strcmp(local, "channel") == 0 || strcmp(local, "Channel") == 0)) {
		f->kind = FEED_KIND_RSS;
		xml_rss(f, doc, root);
	} else if ((ns == NS_NONE || ns == NS_ATOM) &&
	    strcmp(local, "feed") == 0) {
		f->kind = FEED_KIND_ATOM;
		xml_atom(f, doc, root);
	} else if ((ns == NS_NONE || ns == NS_ATOM) &&
	    strcmp(local, "entry") == 0) {
		f->kind = FEED_KIND_ATOM;
		xml_atom_entry_doc(f, doc, root);
	} else if (strcasecmp(local, "html") == 0) {
		*err = xstrdup("not a feed: an html page");
		goto out;
	} else {
		name = utf8_clean_line(local, strnlen(local, 40));
		xasprintf(err, "not a feed: no rss, rdf, feed or entry "
		    "element (the root is <%s>)", name);
		free(name);
		goto out;
	}
	rv = 0;
out:
	xmlFreeDoc(doc);
	return rv;
}
