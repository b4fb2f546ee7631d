/*
 * RSS 0.9x, 1.0 (RDF), 1.1 and 2.0 and Atom 0.3 and 1.0 (feeds and
 * entry documents), read with libxml2's tree API in recover mode: this
 * file reads the document and hands its root to the RSS reader
 * (feed-xml-rss.c) or the Atom reader (feed-xml-atom.c), and holds the
 * node helpers both use (feed-xml-int.h). Feeds
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

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "article.h"
#include "buf.h"
#include "feed-parse.h"
#include "feed-int.h"
#include "feed-xml-int.h"
#include "html-text.h"
#include "html.h"
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


static const struct {
	const char		*href;
	const char		*prefix;	/* when a feed forgets to
						   declare it */
	enum feed_xml_ns	 ns;
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
enum feed_xml_ns
feed_xml_ns(xmlNodePtr n, const char **local)
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
int
feed_xml_core(xmlNodePtr n, const char *name)
{
	const char	*local;
	enum feed_xml_ns	 ns;

	if (n->type != XML_ELEMENT_NODE)
		return 0;
	ns = feed_xml_ns(n, &local);
	return (ns == NS_NONE || ns == NS_RSS || ns == NS_ATOM) &&
	    strcmp(local, name) == 0;
}

/* Is the element this name in this namespace? */
int
feed_xml_is(xmlNodePtr n, enum feed_xml_ns want, const char *name)
{
	const char	*local;

	return n->type == XML_ELEMENT_NODE && feed_xml_ns(n, &local) == want &&
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
char *
feed_xml_text_nonempty(xmlNodePtr n)
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
int
feed_xml_has_elements(xmlNodePtr n)
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
char *
feed_xml_html(xmlDocPtr doc, xmlNodePtr n)
{
	xmlBufferPtr	 xb;
	xmlNodePtr	 c;
	char		*s;

	if (!feed_xml_has_elements(n))
		return feed_xml_text_nonempty(n);
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
char *
feed_xml_attr(xmlNodePtr n, const char *name)
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
char *
feed_xml_base(xmlDocPtr doc, xmlNodePtr n)
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
void
feed_xml_keep(char **field, char *s)
{
	if (*field == NULL)
		*field = s;
	else
		free(s);
}

/* Set the feed's title from an element (text, or HTML stripped). */
void
feed_xml_feed_title(struct feed *f, xmlNodePtr n, int html)
{
	char	*s, *text;

	if (f->title != NULL || (s = feed_xml_text_nonempty(n)) == NULL)
		return;
	if (html) {
		text = html_text_line(s, strlen(s));
		free(s);
		s = text;
	}
	article_set(&f->title, s, strlen(s));
	free(s);
}

/* Is the href of an Atom <link> the item's own page? */
static int
xml_link_alternate(xmlNodePtr n)
{
	char	*rel;
	int	 yes;

	if ((rel = feed_xml_attr(n, "rel")) == NULL)
		return 1;
	yes = strcasecmp(rel, "alternate") == 0;
	free(rel);
	return yes;
}

/* Take the href of an alternate Atom link, resolved where it stands. */
char *
feed_xml_link_href(xmlDocPtr doc, xmlNodePtr n)
{
	char	*href, *base, *abs;

	if (!xml_link_alternate(n) || (href = feed_xml_attr(n, "href")) == NULL)
		return NULL;
	base = feed_xml_base(doc, n);
	abs = feed_entry_resolve(href, base);
	free(href);
	free(base);
	return abs;
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
		if (feed_xml_core(n, "item") || feed_xml_core(n, "entry"))
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
	enum feed_xml_ns	 ns;
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
	ns = feed_xml_ns(root, &local);
	if ((ns == NS_NONE || ns == NS_RSS || ns == NS_RDF) &&
	    (strcmp(local, "rss") == 0 || strcmp(local, "RDF") == 0 ||
	    strcmp(local, "channel") == 0 || strcmp(local, "Channel") == 0)) {
		f->kind = FEED_KIND_RSS;
		feed_xml_rss(f, doc, root);
	} else if ((ns == NS_NONE || ns == NS_ATOM) &&
	    strcmp(local, "feed") == 0) {
		f->kind = FEED_KIND_ATOM;
		feed_xml_atom(f, doc, root);
	} else if ((ns == NS_NONE || ns == NS_ATOM) &&
	    strcmp(local, "entry") == 0) {
		f->kind = FEED_KIND_ATOM;
		feed_xml_atom_entry_doc(f, doc, root);
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
