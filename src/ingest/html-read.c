/*
 * The one way outside HTML reaches libxml2's HTML parser: its start tags
 * cut to a bounded number of attributes first (markup.c), and its tree
 * held to a node budget, since libxml2 2.9 spends quadratic time on a
 * tag's attributes and some 150 bytes on each node it builds.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>

#include "html.h"
#include "markup.h"
#include "banned.h"

/*
 * Nodes one page may build, an element counting twice (itself and the
 * text that may follow it) and an attribute twice (itself and its text):
 * libxml2's tree costs some 150 bytes a node. Past it the parse stops,
 * and what was read is kept.
 */
#define HTML_MAX_NODES		(300u * 1000)

/* A libxml2 message: ingest never prints. */
static void
xml_silent(void *ctx, const char *fmt, ...)
{
}

void
xml_quiet(void)
{
	xmlSetGenericErrorFunc(NULL, xml_silent);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

/* Set libxml2 up before threads parse pages at once. */
void
html_read_init(void)
{
	xmlInitParser();
	xml_quiet();
}

/* Build the element if the page's node budget allows, else stop there. */
static void
html_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	size_t			*nodes = ctxt->_private, n = 2, i;

	/* An attribute is two nodes: itself and its text. */
	for (i = 0; atts != NULL && atts[i] != NULL; i += 2)
		n += 2;
	if ((*nodes += n) > HTML_MAX_NODES) {
		xmlStopParser(ctxt);
		return;
	}
	xmlSAX2StartElement(ctx, name, atts);
}

htmlDocPtr
html_read_memory(const char *s, size_t len, const char *url,
    const char *encoding, int options)
{
	htmlParserCtxtPtr	 ctxt;
	htmlDocPtr		 doc = NULL;
	char			*cut;
	size_t			 clen, nodes = 0;

	if ((cut = markup_cut_attrs(s, len, MARKUP_MAX_ATTRS, 1,
	    &clen)) != NULL) {
		s = cut;
		len = clen;
	}
	xml_quiet();
	if (len <= INT_MAX && (ctxt = htmlNewParserCtxt()) != NULL) {
		ctxt->_private = &nodes;
		ctxt->sax->startElement = html_start;
		/* Nothing reads comments or instructions: none is built. */
		ctxt->sax->comment = NULL;
		ctxt->sax->processingInstruction = NULL;
		doc = htmlCtxtReadMemory(ctxt, s, (int)len, url, encoding,
		    options);
		htmlFreeParserCtxt(ctxt);
	}
	free(cut);
	return doc;
}
