/*
 * OPML: reading a subscription list with libxml2 (no network, no DTD, and
 * no entity declarations at all, so no billion laughs), its folders made
 * tags, and writing one with libxml2's text writer, which escapes every
 * attribute.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "article.h"
#include "buf.h"
#include "fetch.h"
#include "html.h"
#include "markup.h"
#include "opml.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/*
 * A parse under bounds: past OPML_MAX_OUTLINES outlines, or
 * OPML_MAX_OTHER other elements, comments and instructions, the document
 * is still read to its end (it must be well formed) but builds nothing
 * more: libxml2's tree costs some 150 bytes a node, and 16 MiB of "<a/>"
 * would take 600 MB.
 */
struct opml_sax {
	int		entities;	/* 1: entities, 2: attributes */
	size_t		outlines;	/* outline elements built */
	size_t		others;		/* other nodes built */
	size_t		skipdepth;	/* in an element not built */
	size_t		skipped;	/* outlines not built */
};

#define OPML_MAX_OTHER		10000

static void
opml_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct opml_sax		*st = ctxt->_private;
	int			 outline;

	outline = strcmp((const char *)local, "outline") == 0;
	if (st->skipdepth == 0 && (outline ?
	    st->outlines < OPML_MAX_OUTLINES : st->others < OPML_MAX_OTHER)) {
		if (outline)
			st->outlines++;
		else
			st->others++;
		xmlSAX2StartElementNs(ctx, local, prefix, uri, nns, ns, nattrs,
		    ndefaulted, attrs);
		return;
	}
	st->skipdepth++;
	if (outline)
		st->skipped++;
}

static void
opml_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct opml_sax		*st = ctxt->_private;

	if (st->skipdepth > 0)
		st->skipdepth--;
	else
		xmlSAX2EndElementNs(ctx, local, prefix, uri);
}

static void
opml_chars(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct opml_sax		*st = ctxt->_private;

	if (st->skipdepth == 0 && st->others < OPML_MAX_OTHER)
		xmlSAX2Characters(ctx, ch, len);
}

static void
opml_comment(void *ctx, const xmlChar *value)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct opml_sax		*st = ctxt->_private;

	if (st->skipdepth == 0 && st->others++ < OPML_MAX_OTHER)
		xmlSAX2Comment(ctx, value);
}

static void
opml_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct opml_sax		*st = ctxt->_private;

	if (st->skipdepth == 0 && st->others++ < OPML_MAX_OTHER)
		xmlSAX2ProcessingInstruction(ctx, target, data);
}

/* An entity declaration stops the parse: OPML has no use for one. */
static void
opml_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
	xmlParserCtxtPtr	ctxt = ctx;

	((struct opml_sax *)ctxt->_private)->entities = 1;
	xmlStopParser(ctxt);
}

/*
 * So does an attribute declaration: its default would be added to every
 * element named, past any bound on the attributes the text holds.
 */
static void
opml_attribute_decl(void *ctx, const xmlChar *elem, const xmlChar *name,
    int type, int def, const xmlChar *value, xmlEnumerationPtr tree)
{
	xmlParserCtxtPtr	ctxt = ctx;

	xmlFreeEnumeration(tree);
	((struct opml_sax *)ctxt->_private)->entities = 2;
	xmlStopParser(ctxt);
}

/* An attribute as a clean line, or NULL if absent or empty. */
static char *
opml_attr(xmlNodePtr n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlGetProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = utf8_clean_line((const char *)v, strlen((const char *)v));
	xmlFree(v);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

static int
opml_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* Keep a note for the user, up to OPML_MAX_NOTES of them. */
static void
opml_note(struct opml *o, const char *what, const char *name,
    const char *why)
{
	char	*q, *cut = NULL;

	if (o->nnotes >= OPML_MAX_NOTES)
		return;
	q = utf8_clean_line(name, strlen(name));
	if (strlen(q) > 40) {
		size_t n = 40;

		while (n > 0 && ((unsigned char)q[n] & 0xc0) == 0x80)
			n--;
		xasprintf(&cut, "%.*s\xe2\x80\xa6", (int)n, q);
		free(q);
		q = cut;
	}
	o->notes = xreallocarray(o->notes, o->nnotes + 1, sizeof *o->notes);
	xasprintf(&o->notes[o->nnotes++], "%s \"%s\" %s", what, q, why);
	free(q);
}

/*
 * A folder or category name as a tag: normalized as a story's tag, without
 * a leading '-' or '+' (which tag-feed reads as remove and add) or '/'. NULL, with
 * a note, if it makes none; cut at 64 bytes, with a note.
 */
static char *
opml_tag(struct opml *o, const char *what, const char *name)
{
	char	*t;
	size_t	 skip, n;

	/*
	 * Slashes at the ends go too, as in a category ("/News/"), so a
	 * folder and a category of one name make one tag, and an export
	 * reads back as the same tags.
	 */
	if ((t = article_tag_normalize(name, strlen(name))) != NULL) {
		if ((skip = strspn(t, "-+/")) > 0)
			memmove(t, t + skip, strlen(t + skip) + 1);
		n = strlen(t);
		while (n > 0 && t[n - 1] == '/')
			t[--n] = '\0';
	}
	if (t == NULL || *t == '\0') {
		free(t);
		opml_note(o, what, name, "makes no tag (it needs a letter or "
		    "digit) and is left out");
		return NULL;
	}
	if (strlen(name) > 64 && strlen(t) > 60)
		opml_note(o, what, name, "is cut to a tag of 64 bytes");
	return t;
}

/* Add tag t (taken) to an entry unless it is there or the entry is full. */
static void
opml_entry_tag(struct opml_entry *e, char *t)
{
	size_t	i;

	for (i = 0; i < e->ntags; i++)
		if (strcmp(e->tags[i], t) == 0)
			break;
	if (i < e->ntags || e->ntags >= OPML_MAX_TAGS) {
		free(t);
		return;
	}
	e->tags = xreallocarray(e->tags, e->ntags + 1, sizeof *e->tags);
	e->tags[e->ntags++] = t;
}

/* Take one outline with an xmlUrl, tagged by its folders and category. */
static void
opml_add(struct opml *o, xmlNodePtr n, char *const *folders, int depth)
{
	struct opml_entry	*e;
	char			*url, *cat, *p, *item, *name, *t, *norm;
	size_t			 len, end;
	int			 i;

	if ((url = opml_attr(n, "xmlUrl")) == NULL)
		return;
	if (o->n >= OPML_MAX_OUTLINES) {
		o->skipped++;
		free(url);
		return;
	}
	o->v = xreallocarray(o->v, o->n + 1, sizeof *o->v);
	e = &o->v[o->n++];
	memset(e, 0, sizeof *e);
	e->url = url;
	if ((e->title = opml_attr(n, "title")) == NULL)
		e->title = opml_attr(n, "text");
	for (i = 0; i < depth; i++)
		if (folders[i] != NULL)
			opml_entry_tag(e, xstrdup(folders[i]));
	/* OPML 2.0: "/Boston/Weather,/Harvard"; each entry is one tag. */
	if ((cat = opml_attr(n, "category")) != NULL) {
		for (p = cat; *p != '\0'; p += len + (p[len] == ',')) {
			len = strcspn(p, ",");
			item = xstrndup(p, len);
			name = item + strspn(item, "/ ");
			end = strlen(name);
			while (end > 0 && (name[end - 1] == '/' ||
			    name[end - 1] == ' '))
				name[--end] = '\0';
			if (*name != '\0' && (t = opml_tag(o, "category",
			    name)) != NULL)
				opml_entry_tag(e, t);
			free(item);
		}
		free(cat);
	}
	if (fetch_url_check(e->url, &e->error) == 0 &&
	    (norm = fetch_url_normalize(e->url)) != NULL) {
		free(e->url);
		e->url = norm;
	}
}

/* A folder outline's tag, or NULL (a note says why) if it makes none. */
static char *
opml_folder_tag(struct opml *o, xmlNodePtr n)
{
	xmlChar	*v;
	char	*t;

	if ((v = xmlGetProp(n, (const xmlChar *)"text")) == NULL ||
	    *v == '\0') {
		xmlFree(v);
		v = xmlGetProp(n, (const xmlChar *)"title");
	}
	if (v == NULL || *v == '\0') {
		xmlFree(v);
		opml_note(o, "folder", "", "has no name; its feeds are added "
		    "without a tag for it");
		return NULL;
	}
	t = opml_tag(o, "folder", (const char *)v);
	xmlFree(v);
	return t;
}

/*
 * Walk the outlines under body, depth first, keeping the tag of each
 * enclosing folder (an outline with children and no xmlUrl).
 */
static int
opml_walk(struct opml *o, xmlNodePtr body, char **err)
{
	xmlNodePtr	 stack[OPML_MAX_DEPTH + 1], n;
	char		*folders[OPML_MAX_DEPTH + 1];
	xmlChar		*url;
	int		 depth = 0, rv = 0;

	n = body->children;
	for (;;) {
		while (n == NULL) {
			if (depth == 0)
				goto out;
			depth--;
			free(folders[depth]);
			n = stack[depth]->next;
		}
		if (!opml_is(n, "outline")) {
			n = n->next;
			continue;
		}
		opml_add(o, n, folders, depth);
		if (n->children == NULL) {
			n = n->next;
			continue;
		}
		if (depth == OPML_MAX_DEPTH) {
			xasprintf(err, "outlines nested deeper than %d",
			    OPML_MAX_DEPTH);
			rv = -1;
			goto out;
		}
		url = xmlGetProp(n, (const xmlChar *)"xmlUrl");
		folders[depth] = url == NULL ? opml_folder_tag(o, n) : NULL;
		xmlFree(url);
		stack[depth++] = n;
		n = n->children;
	}
out:
	while (depth > 0)
		free(folders[--depth]);
	return rv;
}

/*
 * Read the document into a tree under the bounds of struct opml_sax;
 * *skipped counts the outlines not built. Returns the tree, or NULL with
 * *err (caller frees) when the document cannot be read, declares
 * entities or attributes, or is not well formed.
 */
static xmlDocPtr
opml_read(const char *data, size_t len, size_t *skipped, char **err)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;
	const xmlError		*e;
	struct opml_sax		 st;

	if ((ctxt = xmlCreateMemoryParserCtxt(data, (int)len)) == NULL) {
		*err = xstrdup("cannot read the file");
		return NULL;
	}
	memset(&st, 0, sizeof st);
	ctxt->_private = &st;
	ctxt->sax->startElementNs = opml_start;
	ctxt->sax->endElementNs = opml_end;
	ctxt->sax->characters = opml_chars;
	ctxt->sax->ignorableWhitespace = opml_chars;
	ctxt->sax->comment = opml_comment;
	ctxt->sax->processingInstruction = opml_pi;
	ctxt->sax->entityDecl = opml_entity_decl;
	ctxt->sax->attributeDecl = opml_attribute_decl;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	xmlParseDocument(ctxt);
	doc = ctxt->myDoc;
	*skipped = st.skipped;
	if (st.entities) {
		*err = xstrdup(st.entities == 1 ? "the document declares "
		    "entities, which OPML has no use for; refused" :
		    "the document declares attributes (<!ATTLIST>), which "
		    "OPML has no use for; refused");
	} else if (!ctxt->wellFormed || doc == NULL) {
		e = xmlCtxtGetLastError(ctxt);
		xasprintf(err, "not well-formed XML (line %d: %s)",
		    e != NULL ? e->line : 0, e != NULL && e->message != NULL ?
		    e->message : "unknown error");
		(*err)[strcspn(*err, "\n")] = '\0';
	} else {
		xmlFreeParserCtxt(ctxt);
		return doc;
	}
	if (doc != NULL)
		xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return NULL;
}

int
opml_parse(const char *data, size_t len, struct opml *o, char **err)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	char		*cut = NULL;
	size_t		 clen, skipped;
	int		 rv = -1;

	memset(o, 0, sizeof *o);
	if (len > 0x7fffffff) {
		*err = xstrdup("file too large");
		return -1;
	}
	xml_quiet();
	/* libxml2 spends quadratic time on a tag's attributes. */
	if ((cut = markup_cut_attrs(data, len, MARKUP_MAX_ATTRS, 0,
	    &clen)) != NULL) {
		data = cut;
		len = clen;
	}
	if ((doc = opml_read(data, len, &skipped, err)) == NULL)
		goto out;
	root = xmlDocGetRootElement(doc);
	if (!opml_is(root, "opml")) {
		*err = xstrdup("not OPML: the root element is not <opml>");
		goto out;
	}
	for (n = root->children; n != NULL; n = n->next)
		if (opml_is(n, "body"))
			break;
	if (n == NULL) {
		*err = xstrdup("not OPML: no <body>");
		goto out;
	}
	if (opml_walk(o, n, err) != 0)
		goto out;
	o->skipped += skipped;
	rv = 0;
out:
	if (doc != NULL)
		xmlFreeDoc(doc);
	free(cut);
	if (rv != 0)
		opml_free(o);
	return rv;
}

void
opml_free(struct opml *o)
{
	size_t	i;

	for (i = 0; i < o->n; i++) {
		free(o->v[i].url);
		free(o->v[i].title);
		while (o->v[i].ntags > 0)
			free(o->v[i].tags[--o->v[i].ntags]);
		free(o->v[i].tags);
		free(o->v[i].error);
	}
	free(o->v);
	for (i = 0; i < o->nnotes; i++)
		free(o->notes[i]);
	free(o->notes);
	memset(o, 0, sizeof *o);
}

/* Write an attribute as a clean line (XML allows no control bytes). */
static int
opml_write_attr(xmlTextWriterPtr w, const char *name, const char *v)
{
	char	*clean;
	int	 rc;

	clean = utf8_clean_line(v, strlen(v));
	rc = xmlTextWriterWriteAttribute(w, (const xmlChar *)name,
	    (const xmlChar *)clean);
	free(clean);
	return rc;
}

/* Write one feed's outline, its tags in the category attribute. */
static int
opml_write_entry(xmlTextWriterPtr w, const struct opml_entry *e)
{
	const char	*t = e->title != NULL ? e->title : e->url;
	struct buf	 cat;
	size_t		 i;
	int		 rc = 0;

	rc |= xmlTextWriterStartElement(w, (const xmlChar *)"outline") < 0;
	rc |= xmlTextWriterWriteAttribute(w, (const xmlChar *)"type",
	    (const xmlChar *)"rss") < 0;
	rc |= opml_write_attr(w, "text", t) < 0;
	rc |= opml_write_attr(w, "title", t) < 0;
	rc |= opml_write_attr(w, "xmlUrl", e->url) < 0;
	if (e->ntags > 0) {
		buf_init(&cat);
		for (i = 0; i < e->ntags; i++)
			buf_printf(&cat, "%s/%s", i > 0 ? "," : "", e->tags[i]);
		rc |= opml_write_attr(w, "category", cat.data) < 0;
		buf_free(&cat);
	}
	rc |= xmlTextWriterEndElement(w) < 0;
	return rc;
}

/* Order entries by first tag, then by their place in the list. */
static int
opml_first_tag_cmp(const void *a, const void *b)
{
	const struct opml_entry	*x = *(const struct opml_entry *const *)a;
	const struct opml_entry	*y = *(const struct opml_entry *const *)b;
	int			 c;

	if ((c = strcmp(x->tags[0], y->tags[0])) != 0)
		return c;
	return x < y ? -1 : x > y;
}

/*
 * Write the entries: those without tags, then a folder per first tag
 * with its entries in their order.
 */
static int
opml_write_body(xmlTextWriterPtr w, const struct opml *o)
{
	const struct opml_entry	**v;
	size_t			  i, j, n = 0;
	int			  rc = 0;

	v = xcalloc(o->n + 1, sizeof *v);
	for (i = 0; i < o->n; i++) {
		if (o->v[i].ntags == 0)
			rc |= opml_write_entry(w, &o->v[i]);
		else
			v[n++] = &o->v[i];
	}
	qsort(v, n, sizeof *v, opml_first_tag_cmp);
	for (i = 0; i < n; i = j) {
		rc |= xmlTextWriterStartElement(w,
		    (const xmlChar *)"outline") < 0;
		rc |= opml_write_attr(w, "text", v[i]->tags[0]) < 0;
		rc |= opml_write_attr(w, "title", v[i]->tags[0]) < 0;
		for (j = i; j < n && strcmp(v[j]->tags[0], v[i]->tags[0]) == 0;
		    j++)
			rc |= opml_write_entry(w, v[j]);
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	free(v);
	return rc;
}

char *
opml_write(const struct opml *o, const char *title)
{
	xmlBufferPtr	 b;
	xmlTextWriterPtr w;
	struct tm	 tm;
	time_t		 now = time(NULL);
	char		 date[64], *out;
	int		 rc = 0;

	if ((b = xmlBufferCreate()) == NULL ||
	    (w = xmlNewTextWriterMemory(b, 0)) == NULL)
		fatal("out of memory");
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, (const xmlChar *)"  ");
	rc |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElement(w, (const xmlChar *)"opml") < 0;
	rc |= xmlTextWriterWriteAttribute(w, (const xmlChar *)"version",
	    (const xmlChar *)"2.0") < 0;
	rc |= xmlTextWriterStartElement(w, (const xmlChar *)"head") < 0;
	rc |= xmlTextWriterWriteElement(w, (const xmlChar *)"title",
	    (const xmlChar *)title) < 0;
	rc |= xmlTextWriterWriteElement(w, (const xmlChar *)"dateCreated",
	    (const xmlChar *)date) < 0;
	rc |= xmlTextWriterEndElement(w) < 0;
	rc |= xmlTextWriterStartElement(w, (const xmlChar *)"body") < 0;
	rc |= opml_write_body(w, o);
	rc |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	if (rc)
		fatal("cannot write OPML");
	out = xstrndup((const char *)xmlBufferContent(b),
	    (size_t)xmlBufferLength(b));
	xmlBufferFree(b);
	return out;
}
