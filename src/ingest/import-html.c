/*
 * Import of pages saved from a browser. The bytes are brought to UTF-8 (the
 * page's declared charset, else UTF-8, else Windows-1252), parsed with
 * libxml2's HTML parser, and the story's fields are taken from the page's
 * metadata: Open Graph and other <meta> tags, JSON-LD, <title>, <h1>, <time>
 * and byline elements. The text itself is found by import-html-body.c.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "import-html.h"
#include "import.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* How much of the page is read to find a declared charset. */
#define HTML_PRESCAN		(64u * 1024)

/* JSON-LD nesting json-c will follow; deeper input is malformed to us. */
#define HTML_JSON_DEPTH		64

/* A byline element longer than this is an author's biography. */
#define HTML_BYLINE_MAX		200

/* Authors joined into one byline, at most. */
#define HTML_MAX_AUTHORS	20

#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT)

/* What a page says about its story, each the first one found. */
struct html_meta {
	char		*og_title;
	char		*tw_title;
	char		*title;
	char		*h1;
	char		*h1_article;
	char		*site_name;
	char		*app_name;
	char		*author;
	char		*article_author;
	char		*author_element;
	char		*published_time;
	char		*date;
	char		*time;
	char		*time_article;
	char		*canonical;
	char		*og_url;
	char		*og_description;
	char		*description;

	int		 ld_found;	/* an article item was read */
	char		*ld_headline;
	char		*ld_publisher;
	char		*ld_author;
	char		*ld_date;
	char		*ld_description;
	char		*ld_url;
};

/* Which charsets the importer decodes itself. */
enum html_charset {
	CHARSET_NONE,		/* none declared */
	CHARSET_UTF8,
	CHARSET_CP1252,		/* and what browsers read as it */
	CHARSET_OTHER		/* left to libxml2 */
};

/* Start a walk over the subtree at root. */
void
html_walk_init(struct html_walk *w, xmlNodePtr root)
{
	w->root = root;
	w->cur = NULL;
	w->leave = 0;
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
html_text(xmlNodePtr root)
{
	static const char *const skip[] = {
		"script", "style", "noscript", "template", NULL
	};
	const char *const	*t;
	struct html_walk	 w;
	struct buf		 b;
	xmlNodePtr		 n;
	char			*s;
	int			 descend, dead;

	buf_init(&b);
	html_walk_init(&w, root);
	descend = 1;
	while (html_walk_next(&w, descend)) {
		n = w.cur;
		descend = 0;
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (!w.leave && n->content != NULL)
				buf_adds(&b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!html_inline(n) || html_is(n, "br"))
			buf_addc(&b, ' ');
		if (w.leave || n == root) {
			descend = 1;
			continue;
		}
		dead = html_hidden(n);
		for (t = skip; !dead && *t != NULL; t++)
			dead = html_is(n, *t);
		descend = !dead;
	}
	s = utf8_clean_line(b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* Keep value in *field unless it is set already or value is empty. */
static void
html_keep(char **field, char *value)
{
	char	*clean;

	if (value == NULL)
		return;
	clean = utf8_clean_line(value, strlen(value));
	free(value);
	if (*field == NULL && *clean != '\0')
		*field = clean;
	else
		free(clean);
}

/* Free the metadata. */
static void
html_meta_free(struct html_meta *m)
{
	char	**fields[] = {
		&m->og_title, &m->tw_title, &m->title, &m->h1, &m->h1_article,
		&m->site_name, &m->app_name, &m->author, &m->article_author,
		&m->author_element, &m->published_time, &m->date, &m->time,
		&m->time_article, &m->canonical, &m->og_url,
		&m->og_description, &m->description, &m->ld_headline,
		&m->ld_publisher, &m->ld_author, &m->ld_date,
		&m->ld_description, &m->ld_url
	};
	size_t	  i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		free(*fields[i]);
		*fields[i] = NULL;
	}
}

/* A JSON-LD string member, or NULL. */
static const char *
ld_string(json_object *o, const char *key)
{
	json_object	*v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* Is the item's @type a kind of article? */
static int
ld_is_article(json_object *o)
{
	static const char *const types[] = {
		"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
		"AnalysisNewsArticle", "OpinionNewsArticle",
		"BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting",
		"Report", NULL
	};
	const char *const	*t;
	json_object		*type, *v;
	const char		*s;
	size_t			 i, n;

	if (!json_object_object_get_ex(o, "@type", &type))
		return 0;
	n = json_object_is_type(type, json_type_array) ?
	    json_object_array_length(type) : 1;
	for (i = 0; i < n; i++) {
		v = json_object_is_type(type, json_type_array) ?
		    json_object_array_get_idx(type, i) : type;
		if (!json_object_is_type(v, json_type_string))
			continue;
		s = json_object_get_string(v);
		if (strncmp(s, "http://schema.org/", 18) == 0)
			s += 18;
		else if (strncmp(s, "https://schema.org/", 19) == 0)
			s += 19;
		for (t = types; *t != NULL; t++) {
			if (strcmp(s, *t) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * Find the article item: the value itself, an item of an array, or an item
 * of "@graph"; *graph is set to the list it was found in.
 */
static json_object *
ld_find(json_object *o, json_object **graph, int depth)
{
	json_object	*v, *found;
	size_t		 i, n;

	if (o == NULL || depth > 3)
		return NULL;
	if (json_object_is_type(o, json_type_array)) {
		n = json_object_array_length(o);
		for (i = 0; i < n; i++) {
			v = json_object_array_get_idx(o, i);
			if ((found = ld_find(v, graph, depth + 1)) != NULL) {
				if (*graph == NULL)
					*graph = o;
				return found;
			}
		}
		return NULL;
	}
	if (!json_object_is_type(o, json_type_object))
		return NULL;
	if (ld_is_article(o))
		return o;
	if (json_object_object_get_ex(o, "@graph", &v))
		return ld_find(v, graph, depth + 1);
	return NULL;
}

/* Follow a {"@id": ...} reference to the item of the graph it names. */
static json_object *
ld_resolve(json_object *o, json_object *graph)
{
	const char	*id, *other;
	json_object	*v;
	size_t		 i, n;

	if (graph == NULL || ld_string(o, "name") != NULL ||
	    (id = ld_string(o, "@id")) == NULL)
		return o;
	n = json_object_array_length(graph);
	for (i = 0; i < n; i++) {
		v = json_object_array_get_idx(graph, i);
		if (v != o && (other = ld_string(v, "@id")) != NULL &&
		    strcmp(id, other) == 0)
			return v;
	}
	return o;
}

/* A person's or organisation's name: a string or an object's "name". */
static const char *
ld_name(json_object *o, json_object *graph)
{
	if (o == NULL)
		return NULL;
	if (json_object_is_type(o, json_type_string))
		return json_object_get_string(o);
	return ld_string(ld_resolve(o, graph), "name");
}

/* The authors as one byline: "A", "A and B", "A, B and C". */
static char *
ld_authors(json_object *o, json_object *graph)
{
	const char	*names[HTML_MAX_AUTHORS], *name;
	struct buf	 b;
	size_t		 i, n, count = 0;

	if (json_object_is_type(o, json_type_array)) {
		n = json_object_array_length(o);
		for (i = 0; i < n && count < HTML_MAX_AUTHORS; i++) {
			name = ld_name(json_object_array_get_idx(o, i), graph);
			if (name != NULL && *name != '\0')
				names[count++] = name;
		}
	} else if ((name = ld_name(o, graph)) != NULL && *name != '\0')
		names[count++] = name;
	if (count == 0)
		return NULL;
	buf_init(&b);
	for (i = 0; i < count; i++) {
		if (i > 0)
			buf_adds(&b, i == count - 1 ? " and " : ", ");
		buf_adds(&b, names[i]);
	}
	return buf_detach(&b);
}

/* Copy a string or NULL. */
static char *
ld_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Read one JSON-LD script; malformed JSON is ignored. */
static void
ld_parse(struct html_meta *m, const char *s, size_t len)
{
	struct json_tokener	*tok;
	json_object		*root, *item, *graph = NULL, *v;
	const char		*str;

	if (m->ld_found || len == 0 || len > INT_MAX)
		return;
	if ((tok = json_tokener_new_ex(HTML_JSON_DEPTH)) == NULL)
		return;
	root = json_tokener_parse_ex(tok, s, (int)len);
	if (json_tokener_get_error(tok) != json_tokener_success) {
		json_object_put(root);
		json_tokener_free(tok);
		return;
	}
	json_tokener_free(tok);
	if ((item = ld_find(root, &graph, 0)) != NULL) {
		m->ld_found = 1;
		str = ld_string(item, "headline");
		m->ld_headline = ld_dup(str != NULL ? str :
		    ld_string(item, "name"));
		m->ld_description = ld_dup(ld_string(item, "description"));
		m->ld_date = ld_dup(ld_string(item, "datePublished"));
		m->ld_url = ld_dup(ld_string(item, "url"));
		if (json_object_object_get_ex(item, "author", &v))
			m->ld_author = ld_authors(v, graph);
		if (json_object_object_get_ex(item, "publisher", &v)) {
			if (json_object_is_type(v, json_type_array))
				v = json_object_array_get_idx(v, 0);
			m->ld_publisher = ld_dup(ld_name(v, graph));
		}
	}
	json_object_put(root);
}

/* Take what a <meta> element says. */
static void
html_meta_tag(struct html_meta *m, xmlNodePtr n)
{
	static const char *const dates[] = {
		"date", "pubdate", "publishdate", "publish-date", "dc.date",
		"dc.date.issued", "dcterms.date", "dcterms.created",
		"sailthru.date", "datepublished", NULL
	};
	const char *const	*d;
	char			*key, *content;

	if ((key = html_attr(n, "property")) == NULL &&
	    (key = html_attr(n, "name")) == NULL &&
	    (key = html_attr(n, "itemprop")) == NULL)
		return;
	if ((content = html_attr(n, "content")) == NULL) {
		free(key);
		return;
	}
	if (strcasecmp(key, "og:title") == 0)
		html_keep(&m->og_title, content);
	else if (strcasecmp(key, "twitter:title") == 0)
		html_keep(&m->tw_title, content);
	else if (strcasecmp(key, "og:site_name") == 0)
		html_keep(&m->site_name, content);
	else if (strcasecmp(key, "application-name") == 0)
		html_keep(&m->app_name, content);
	else if (strcasecmp(key, "author") == 0)
		html_keep(&m->author, content);
	else if (strcasecmp(key, "article:author") == 0)
		html_keep(&m->article_author, content);
	else if (strcasecmp(key, "article:published_time") == 0)
		html_keep(&m->published_time, content);
	else if (strcasecmp(key, "og:url") == 0)
		html_keep(&m->og_url, content);
	else if (strcasecmp(key, "og:description") == 0)
		html_keep(&m->og_description, content);
	else if (strcasecmp(key, "description") == 0)
		html_keep(&m->description, content);
	else {
		for (d = dates; *d != NULL; d++) {
			if (strcasecmp(key, *d) == 0)
				break;
		}
		if (*d != NULL)
			html_keep(&m->date, content);
		else
			free(content);
	}
	free(key);
}

/* Is this element a byline: rel=author, class or itemprop author/byline? */
static int
html_is_byline(xmlNodePtr n)
{
	static const char *const rel[] = { "author", NULL };
	static const char *const words[] = { "byline*", "author", NULL };

	return html_attr_word(n, "rel", rel) ||
	    html_attr_word(n, "itemprop", rel) ||
	    html_attr_word(n, "class", words);
}

/* Walk the document once and gather its metadata. */
static void
html_meta_read(struct html_meta *m, xmlDocPtr doc)
{
	static const char *const canonical[] = { "canonical", NULL };
	struct html_walk	 w;
	xmlNodePtr		 n, article = NULL, byline_done = NULL;
	xmlChar			*content;
	char			*type, *text;
	int			 descend;

	html_walk_init(&w, xmlDocGetRootElement(doc));
	descend = 1;
	while (html_walk_next(&w, descend)) {
		n = w.cur;
		descend = 0;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (w.leave) {
			if (n == article)
				article = NULL;
			continue;
		}
		descend = 1;
		if (article == NULL && html_is(n, "article"))
			article = n;
		if (html_is(n, "meta"))
			html_meta_tag(m, n);
		else if (html_is(n, "link")) {
			if (html_attr_word(n, "rel", canonical))
				html_keep(&m->canonical, html_attr(n, "href"));
		} else if (html_is(n, "title")) {
			if (m->title == NULL && (n->parent == NULL ||
			    html_is(n->parent, "head")))
				html_keep(&m->title, html_text(n));
			descend = 0;
		} else if (html_is(n, "h1")) {
			if (article != NULL && m->h1_article == NULL)
				html_keep(&m->h1_article, html_text(n));
			html_keep(&m->h1, html_text(n));
			descend = 0;
		} else if (html_is(n, "time")) {
			if (article != NULL)
				html_keep(&m->time_article,
				    html_attr(n, "datetime"));
			html_keep(&m->time, html_attr(n, "datetime"));
		} else if (html_is(n, "script")) {
			type = html_attr(n, "type");
			if (type != NULL &&
			    strcasecmp(type, "application/ld+json") == 0 &&
			    (content = xmlNodeGetContent(n)) != NULL) {
				ld_parse(m, (const char *)content,
				    strlen((const char *)content));
				xmlFree(content);
			}
			free(type);
			descend = 0;
		} else if (html_is(n, "style"))
			descend = 0;
		if (byline_done == NULL && descend && !html_hidden(n) &&
		    html_is_byline(n)) {
			text = html_text(n);
			if (strlen(text) <= HTML_BYLINE_MAX && *text != '\0') {
				byline_done = n;
				html_keep(&m->author_element, text);
			} else
				free(text);
		}
	}
}

/* Which charset does the start of the page declare? */
static enum html_charset
html_charset(const char *s, size_t len)
{
	static const char *const cp1252[] = {
		"windows-1252", "cp1252", "x-cp1252", "iso-8859-1",
		"iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii",
		"ascii", NULL
	};
	const char *const	*c;
	struct html_walk	 w;
	xmlDocPtr		 doc;
	xmlNodePtr		 n;
	char			*v, *cs = NULL, *p, *end;
	enum html_charset	 rv = CHARSET_NONE;
	xmlCharEncodingHandlerPtr handler;
	int			 descend;

	if (len > HTML_PRESCAN)
		len = HTML_PRESCAN;
	doc = html_read_memory(s, len, NULL, NULL,
	    HTML_OPTIONS | HTML_PARSE_IGNORE_ENC);
	if (doc == NULL)
		return CHARSET_NONE;
	html_walk_init(&w, xmlDocGetRootElement(doc));
	descend = 1;
	while (cs == NULL && html_walk_next(&w, descend)) {
		n = w.cur;
		descend = !w.leave && !html_is(n, "script") &&
		    !html_is(n, "style");
		if (w.leave || !html_is(n, "meta"))
			continue;
		if ((cs = html_attr(n, "charset")) != NULL)
			break;
		if ((v = html_attr(n, "http-equiv")) == NULL)
			continue;
		if (strcasecmp(v, "content-type") == 0) {
			free(v);
			if ((v = html_attr(n, "content")) == NULL)
				continue;
			for (p = v; *p != '\0'; p++) {
				if (strncasecmp(p, "charset=", 8) == 0)
					break;
			}
			if (*p != '\0') {
				p += 8;
				p += strspn(p, " \"'");
				end = p + strcspn(p, " \"';,");
				cs = xstrndup(p, (size_t)(end - p));
			}
		}
		free(v);
	}
	xmlFreeDoc(doc);
	if (cs == NULL)
		return CHARSET_NONE;
	p = cs + strspn(cs, " \t");
	p[strcspn(p, " \t")] = '\0';
	if (strcasecmp(p, "utf-8") == 0 || strcasecmp(p, "utf8") == 0)
		rv = CHARSET_UTF8;
	else {
		rv = CHARSET_OTHER;
		for (c = cp1252; *c != NULL; c++) {
			if (strcasecmp(p, *c) == 0)
				rv = CHARSET_CP1252;
		}
	}
	/* A charset libxml2 does not know is as good as none. */
	if (rv == CHARSET_OTHER) {
		if ((handler = xmlFindCharEncodingHandler(p)) == NULL)
			rv = CHARSET_NONE;
		else
			xmlCharEncCloseFunc(handler);
	}
	free(cs);
	return rv;
}

/* Parse the page in the charset it declares or seems to be in. */
static xmlDocPtr
html_read(const char *s, size_t len)
{
	enum html_charset	 cs;
	xmlDocPtr		 doc;
	char			*text = NULL, *clean, *refs;
	size_t			 tlen = 0, invalid, multi, rlen;

	cs = html_charset(s, len);
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		cs = CHARSET_UTF8;	/* a byte order mark beats a <meta> */
	else if (len >= 2 && ((unsigned char)s[0] == 0xff ||
	    (unsigned char)s[0] == 0xfe))
		cs = CHARSET_OTHER;	/* UTF-16; libxml2 knows it */

	switch (cs) {
	case CHARSET_OTHER:
		return html_read_memory(s, len, NULL, NULL, HTML_OPTIONS);
	case CHARSET_CP1252:
		text = utf8_from_cp1252(s, len, &tlen);
		break;
	case CHARSET_NONE:
		utf8_stats(s, len, &invalid, &multi);
		if (invalid > 0) {
			text = utf8_from_cp1252(s, len, &tlen);
			break;
		}
		/* FALLTHROUGH */
	case CHARSET_UTF8:
		text = utf8_normalize(s, len, &tlen);
		break;
	}
	/*
	 * libxml2 drops a bare ESC or C1 byte but keeps the "[31m" after it,
	 * so terminal escape sequences go whole before the parse. Whitespace
	 * is collapsed too, which changes nothing that is kept of the page.
	 */
	/* &#27;[31m: libxml2 would drop the reference, keep "[31m". */
	if ((refs = utf8_drop_escape_refs(text, tlen, &rlen)) != NULL) {
		free(text);
		text = refs;
		tlen = rlen;
	}
	clean = utf8_clean_line(text, tlen);
	free(text);
	tlen = strlen(clean);
	doc = html_read_memory(clean, tlen, NULL, "UTF-8",
	    HTML_OPTIONS | HTML_PARSE_IGNORE_ENC);
	free(clean);
	return doc;
}

/* Drop a trailing " - Outlet" or " | Outlet" from a title. */
static char *
html_title_strip(const char *title, const char *outlet)
{
	static const char *const seps[] = {
		" - ", " | ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ",
		" \xc2\xb7 ", NULL
	};
	const char *const	*sep;
	size_t			 tlen, olen, slen;

	tlen = strlen(title);
	if (outlet != NULL) {
		olen = strlen(outlet);
		for (sep = seps; *sep != NULL; sep++) {
			slen = strlen(*sep);
			if (tlen > olen + slen &&
			    strcasecmp(title + tlen - olen, outlet) == 0 &&
			    strncmp(title + tlen - olen - slen, *sep,
			    slen) == 0)
				return xstrndup(title, tlen - olen - slen);
		}
	}
	return xstrdup(title);
}

/* Does the text look like a URL rather than a name? */
static int
html_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0 || strncmp(s, "//", 2) == 0;
}

/* Set the byline from the first source that names someone. */
static void
html_byline(struct article *a, struct html_meta *m)
{
	const char	*v[] = {
		m->author, m->article_author, m->ld_author, m->author_element
	};
	const char	*s;
	size_t		 i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if ((s = v[i]) == NULL || html_is_url(s))
			continue;
		if (strncasecmp(s, "by", 2) == 0 && (s[2] == ' ' ||
		    s[2] == ':')) {
			s += 3;
			s += strspn(s, " ");
		}
		article_set(&a->byline, s, strlen(s));
		if (a->byline != NULL)
			return;
	}
}

/*
 * Set the URL: the canonical link (made absolute if it can be), og:url,
 * the first that url_story keeps.
 */
static void
html_url(struct article *a, struct html_meta *m)
{
	const char	*v[] = { m->canonical, m->og_url, m->ld_url };
	xmlChar		*abs;
	size_t		 i;
	int		 set;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (v[i] == NULL)
			continue;
		if (html_is_url(v[i]) && strncmp(v[i], "//", 2) != 0) {
			if (article_set_url(a, v[i], strlen(v[i])))
				return;
			continue;
		}
		if (m->og_url != NULL && html_is_url(m->og_url) &&
		    (abs = xmlBuildURI((const xmlChar *)v[i],
		    (const xmlChar *)m->og_url)) != NULL) {
			set = article_set_url(a, (const char *)abs,
			    strlen((const char *)abs));
			xmlFree(abs);
			if (set)
				return;
		}
	}
}

/*
 * Set the lead unless it only repeats a paragraph the body opens with: the
 * story is shown once, and the paragraph stays in the body, where its
 * quotes are found.
 */
static void
html_lead(struct article *a, struct html_meta *m)
{
	const char	*v[] = {
		m->og_description, m->description, m->ld_description
	};
	size_t		 i;

	for (i = 0; i < sizeof v / sizeof v[0] && a->lead == NULL; i++) {
		if (v[i] != NULL)
			article_set(&a->lead, v[i], strlen(v[i]));
	}
	if (article_lead_repeated(a)) {
		free(a->lead);
		a->lead = NULL;
	}
}

/* Fill the article's fields from the metadata. */
static void
html_fields(struct article *a, struct html_meta *m)
{
	const char	*titles[] = {
		m->og_title, m->tw_title, m->ld_headline,
		m->h1_article != NULL ? m->h1_article : m->h1, m->title
	};
	const char	*dates[] = {
		m->published_time, m->ld_date,
		m->time_article != NULL ? m->time_article : m->time, m->date
	};
	char		*s;
	size_t		 i;

	if (m->site_name != NULL)
		article_set(&a->outlet, m->site_name, strlen(m->site_name));
	else if (m->ld_publisher != NULL)
		article_set(&a->outlet, m->ld_publisher,
		    strlen(m->ld_publisher));
	else if (m->app_name != NULL)
		article_set(&a->outlet, m->app_name, strlen(m->app_name));

	for (i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		if (titles[i] == NULL)
			continue;
		s = html_title_strip(titles[i], a->outlet);
		article_set(&a->title, s, strlen(s));
		free(s);
		if (a->title != NULL)
			break;
	}

	html_byline(a, m);
	for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		if (dates[i] != NULL &&
		    (a->published = date_parse(dates[i],
		    strlen(dates[i]))) != NULL)
			break;
	}
	html_lead(a, m);
}

/* Parse a saved page into an article. */
int
import_html_parse(const char *s, size_t len, struct article *a, char **err)
{
	struct html_meta	 m;
	xmlDocPtr		 doc;
	int			 rv = -1;

	xmlInitParser();
	memset(&m, 0, sizeof m);
	if (len == 0) {
		*err = xstrdup("page is empty");
		return -1;
	}
	if (len > IMPORT_MAX_FILE || len > INT_MAX) {
		*err = xstrdup("page is too large");
		return -1;
	}
	if ((doc = html_read(s, len)) == NULL ||
	    xmlDocGetRootElement(doc) == NULL) {
		*err = xstrdup("html parser could not read the page");
		goto out;
	}
	html_meta_read(&m, doc);
	html_url(a, &m);	/* first: the body's links resolve against it */
	html_body(doc, a);
	html_fields(a, &m);
	if (a->title == NULL && a->body == NULL) {
		*err = xstrdup("page has no title and no text");
		goto out;
	}
	rv = 0;
out:
	html_meta_free(&m);
	if (doc != NULL)
		xmlFreeDoc(doc);
	return rv;
}
