/*
 * OPML: reading a subscription list with libxml2 (no network, no DTD, and
 * no entity declarations at all, so no billion laughs), and writing one
 * with libxml2's text writer, which escapes every attribute.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "buf.h"
#include "fetch.h"
#include "opml.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* An entity declaration stops the parse: OPML has no use for one. */
static void
opml_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
	xmlParserCtxtPtr	ctxt = ctx;

	*(int *)ctxt->_private = 1;
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

/* Take one outline with an xmlUrl. */
static void
opml_add(struct opml *o, xmlNodePtr n, const char *category)
{
	struct opml_entry	*e;
	char			*url;

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
	e->category = category != NULL && *category != '\0' ?
	    xstrdup(category) : NULL;
	fetch_url_check(e->url, &e->error);
}

/* Walk the outlines under body, depth first, keeping the category path. */
static int
opml_walk(struct opml *o, xmlNodePtr body, char **err)
{
	xmlNodePtr	 stack[OPML_MAX_DEPTH + 1], n;
	struct buf	 path;
	size_t		 marks[OPML_MAX_DEPTH + 1];
	char		*text;
	int		 depth = 0;

	buf_init(&path);
	buf_addc(&path, '\0');
	path.len = 0;
	n = body->children;
	for (;;) {
		while (n == NULL) {
			if (depth == 0) {
				buf_free(&path);
				return 0;
			}
			depth--;
			path.len = marks[depth];
			path.data[path.len] = '\0';
			n = stack[depth]->next;
		}
		if (!opml_is(n, "outline")) {
			n = n->next;
			continue;
		}
		opml_add(o, n, path.data);
		if (n->children == NULL) {
			n = n->next;
			continue;
		}
		if (depth == OPML_MAX_DEPTH) {
			xasprintf(err, "outlines nested deeper than %d",
			    OPML_MAX_DEPTH);
			buf_free(&path);
			return -1;
		}
		marks[depth] = path.len;
		stack[depth++] = n;
		if ((text = opml_attr(n, "text")) == NULL)
			text = opml_attr(n, "title");
		if (text != NULL) {
			if (path.len > 0)
				buf_addc(&path, '/');
			buf_adds(&path, text);
			free(text);
		}
		n = n->children;
	}
}

int
opml_parse(const char *data, size_t len, struct opml *o, char **err)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc = NULL;
	xmlNodePtr		 root, n;
	const xmlError		*e;
	int			 entities = 0, rv = -1;

	memset(o, 0, sizeof *o);
	if (len > 0x7fffffff) {
		*err = xstrdup("file too large");
		return -1;
	}
	if ((ctxt = xmlCreateMemoryParserCtxt(data, (int)len)) == NULL) {
		*err = xstrdup("cannot read the file");
		return -1;
	}
	ctxt->_private = &entities;
	ctxt->sax->entityDecl = opml_entity_decl;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	xmlParseDocument(ctxt);
	doc = ctxt->myDoc;
	if (entities) {
		*err = xstrdup("the document declares entities, which OPML "
		    "has no use for; refused");
		goto out;
	}
	if (!ctxt->wellFormed || doc == NULL) {
		e = xmlCtxtGetLastError(ctxt);
		xasprintf(err, "not well-formed XML (line %d: %s)",
		    e != NULL ? e->line : 0, e != NULL && e->message != NULL ?
		    e->message : "unknown error");
		(*err)[strcspn(*err, "\n")] = '\0';
		goto out;
	}
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
	rv = 0;
out:
	if (doc != NULL)
		xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
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
		free(o->v[i].category);
		free(o->v[i].error);
	}
	free(o->v);
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

char *
opml_write(const struct opml *o, const char *title)
{
	xmlBufferPtr	 b;
	xmlTextWriterPtr w;
	struct tm	 tm;
	time_t		 now = time(NULL);
	char		 date[64], *out;
	size_t		 i;
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
	for (i = 0; i < o->n; i++) {
		const char *t = o->v[i].title != NULL ? o->v[i].title :
		    o->v[i].url;

		rc |= xmlTextWriterStartElement(w,
		    (const xmlChar *)"outline") < 0;
		rc |= xmlTextWriterWriteAttribute(w, (const xmlChar *)"type",
		    (const xmlChar *)"rss") < 0;
		rc |= opml_write_attr(w, "text", t) < 0;
		rc |= opml_write_attr(w, "title", t) < 0;
		rc |= opml_write_attr(w, "xmlUrl", o->v[i].url) < 0;
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	rc |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	if (rc)
		fatal("cannot write OPML");
	out = xstrndup((const char *)xmlBufferContent(b),
	    (size_t)xmlBufferLength(b));
	xmlBufferFree(b);
	return out;
}
