/*
 * The HTML tree helpers ingest shares: a walk over a subtree without
 * recursion, and the questions every reader of a parsed page asks of an
 * element (its name, an attribute, a word of its class, whether it is
 * inline or hidden, its visible text). Saved pages (import-html*.c), feed
 * items (feed*.c, through html-text.c) and feed discovery use them.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "buf.h"
#include "html.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Start a walk over the subtree at root. */
void
html_walk_init(struct html_walk *w, xmlNodePtr root)
{
	w->root = root;
	w->cur = NULL;
	w->leave = 0;
	w->descend = 1;
}

/*
 * Step to the next node: each node is entered, then (after its children if
 * descend was set when it was entered) left. Returns 0 at the end.
 */
int
html_walk_next(struct html_walk *w, int descend)
{
	if (w->root == NULL)
		return 0;
	if (w->cur == NULL) {
		w->cur = w->root;
		w->leave = 0;
		return 1;
	}
	if (!w->leave) {
		if (descend && w->cur->children != NULL)
			w->cur = w->cur->children;
		else
			w->leave = 1;
		return 1;
	}
	if (w->cur == w->root)
		return 0;
	if (w->cur->next != NULL) {
		w->cur = w->cur->next;
		w->leave = 0;
		return 1;
	}
	w->cur = w->cur->parent;
	w->leave = 1;
	return w->cur != NULL;
}

/* Step on as html_walk_next does, going into w->descend's node. */
xmlNodePtr
html_walk_step(struct html_walk *w)
{
	int	descend = w->descend;

	w->descend = 0;
	return html_walk_next(w, descend) ? w->cur : NULL;
}

/* At a text node: add its text to b on entering it. */
int
html_walk_text(const struct html_walk *w, struct buf *b)
{
	xmlNodePtr	n = w->cur;

	if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
		return 0;
	if (!w->leave && n->content != NULL)
		buf_adds(b, (const char *)n->content);
	return 1;
}

/* Is n an element of this name? */
int
html_is(xmlNodePtr n, const char *name)
{
	/* libxml2's HTML parser gives element names in lower case. */
	return n != NULL && n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    n->name[0] == (xmlChar)name[0] &&
	    strcmp((const char *)n->name, name) == 0;
}

/* Get an attribute as a new string, or NULL. */
char *
html_attr(xmlNodePtr n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if (n->type != XML_ELEMENT_NODE ||
	    (v = xmlGetProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Is the element laid out inside the line around it? */
int
html_inline(xmlNodePtr n)
{
	static const char *const tags[] = {
		"a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code",
		"data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd",
		"label", "mark", "nobr", "q", "s", "samp", "small", "span",
		"strike", "strong", "sub", "sup", "time", "tt", "u", "var",
		"wbr", NULL
	};
	const char *const	*t;

	for (t = tags; *t != NULL; t++) {
		if (html_is(n, *t))
			return 1;
	}
	return 0;
}

/* Is the element hidden from readers? */
int
html_hidden(xmlNodePtr n)
{
	xmlChar		*v;
	struct buf	 b;
	const xmlChar	*p;
	int		 hidden = 0;

	if (n->properties == NULL)
		return 0;
	if (xmlHasProp(n, (const xmlChar *)"hidden") != NULL)
		return 1;
	if ((v = xmlGetProp(n, (const xmlChar *)"aria-hidden")) != NULL) {
		hidden = strcasecmp((const char *)v, "true") == 0;
		xmlFree(v);
		if (hidden)
			return 1;
	}
	if ((v = xmlGetProp(n, (const xmlChar *)"style")) == NULL)
		return 0;
	buf_init(&b);
	for (p = v; *p != '\0'; p++) {
		if (!isspace(*p))
			buf_addc(&b, (char)tolower(*p));
	}
	if (b.data != NULL && (strstr(b.data, "display:none") != NULL ||
	    strstr(b.data, "visibility:hidden") != NULL))
		hidden = 1;
	buf_free(&b);
	xmlFree(v);
	return hidden;
}

/* Is a word (not NUL-terminated) in the list? "x*" matches a prefix. */
static int
html_word_in(const char *w, size_t len, const char *const *words)
{
	size_t	n;

	for (; *words != NULL; words++) {
		n = strlen(*words);
		if (n > 0 && (*words)[n - 1] == '*') {
			if (len >= n - 1 && strncasecmp(w, *words, n - 1) == 0)
				return 1;
		} else if (len == n && strncasecmp(w, *words, n) == 0)
			return 1;
	}
	return 0;
}

/* Does an attribute hold one of these words (x* for a prefix)? */
int
html_attr_word(xmlNodePtr n, const char *name, const char *const *words)
{
	xmlChar		*v;
	const xmlChar	*p, *start;
	int		 found = 0;

	if (n->type != XML_ELEMENT_NODE || n->properties == NULL ||
	    (v = xmlGetProp(n, (const xmlChar *)name)) == NULL)
		return 0;
	for (p = v; !found && *p != '\0';) {
		while (*p != '\0' && !isalnum(*p))
			p++;
		start = p;
		while (*p != '\0' && isalnum(*p))
			p++;
		if (p > start)
			found = html_word_in((const char *)start,
			    (size_t)(p - start), words);
	}
	xmlFree(v);
	return found;
}

/* Get the visible text under root as one clean line. */
char *
html_node_text(xmlNodePtr root)
{
	static const char *const skip[] = {
		"script", "style", "noscript", "template", NULL
	};
	const char *const	*t;
	struct html_walk	 w;
	struct buf		 b;
	xmlNodePtr		 n;
	char			*s;
	int			 dead;

	buf_init(&b);
	html_walk_init(&w, root);
	while ((n = html_walk_step(&w)) != NULL) {
		if (html_walk_text(&w, &b) || n->type != XML_ELEMENT_NODE)
			continue;
		if (!html_inline(n) || html_is(n, "br"))
			buf_addc(&b, ' ');
		if (w.leave || n == root) {
			w.descend = 1;
			continue;
		}
		dead = html_hidden(n);
		for (t = skip; !dead && *t != NULL; t++)
			dead = html_is(n, *t);
		w.descend = !dead;
	}
	s = utf8_clean_line(b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

