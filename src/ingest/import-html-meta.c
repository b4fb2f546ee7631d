/*
 * What a saved page says about its story: Open Graph, Twitter and other
 * <meta> tags, the article item of its JSON-LD, <link rel=canonical>,
 * <title>, <h1>, <time> and byline elements, each kept as found for
 * import-html.c to choose from.
 */
#include "config.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <libxml/tree.h>

#include "buf.h"
#include "html.h"
#include "import-html-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* JSON-LD nesting json-c will follow; deeper input is malformed to us. */
#define HTML_JSON_DEPTH		64

/* A byline element longer than this is an author's biography. */
#define HTML_BYLINE_MAX		200

/* Authors joined into one byline, at most. */
#define HTML_MAX_AUTHORS	20

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
void
import_html_meta_free(struct import_html_meta *m)
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
ld_parse(struct import_html_meta *m, const char *s, size_t len)
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

/* The <meta> names read, and the field each fills. */
static const struct {
	const char	*key;
	size_t		 field;
} html_meta_keys[] = {
#define M(key, field) { key, offsetof(struct import_html_meta, field) }
	M("og:title", og_title),
	M("twitter:title", tw_title),
	M("og:site_name", site_name),
	M("application-name", app_name),
	M("author", author),
	M("article:author", article_author),
	M("article:published_time", published_time),
	M("og:url", og_url),
	M("og:description", og_description),
	M("description", description),
	M("date", date),
	M("pubdate", date),
	M("publishdate", date),
	M("publish-date", date),
	M("dc.date", date),
	M("dc.date.issued", date),
	M("dcterms.date", date),
	M("dcterms.created", date),
	M("sailthru.date", date),
	M("datepublished", date)
#undef M
};

/* Take what a <meta> element says. */
static void
html_meta_tag(struct import_html_meta *m, xmlNodePtr n)
{
	char	*key, *content;
	size_t	 i;

	if ((key = html_attr(n, "property")) == NULL &&
	    (key = html_attr(n, "name")) == NULL &&
	    (key = html_attr(n, "itemprop")) == NULL)
		return;
	if ((content = html_attr(n, "content")) == NULL) {
		free(key);
		return;
	}
	for (i = 0; i < sizeof html_meta_keys / sizeof html_meta_keys[0];
	    i++) {
		if (strcasecmp(key, html_meta_keys[i].key) == 0)
			break;
	}
	if (i < sizeof html_meta_keys / sizeof html_meta_keys[0])
		html_keep((char **)((char *)m + html_meta_keys[i].field),
		    content);
	else
		free(content);
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
void
import_html_meta_read(struct import_html_meta *m, xmlDocPtr doc)
{
	static const char *const canonical[] = { "canonical", NULL };
	struct html_walk	 w;
	xmlNodePtr		 n, article = NULL, byline_done = NULL;
	xmlChar			*content;
	char			*type, *text;

	html_walk_init(&w, xmlDocGetRootElement(doc));
	while ((n = html_walk_step(&w)) != NULL) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (w.leave) {
			if (n == article)
				article = NULL;
			continue;
		}
		w.descend = 1;
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
				html_keep(&m->title, html_node_text(n));
			w.descend = 0;
		} else if (html_is(n, "h1")) {
			if (article != NULL && m->h1_article == NULL)
				html_keep(&m->h1_article, html_node_text(n));
			html_keep(&m->h1, html_node_text(n));
			w.descend = 0;
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
			w.descend = 0;
		} else if (html_is(n, "style"))
			w.descend = 0;
		if (byline_done == NULL && w.descend && !html_hidden(n) &&
		    html_is_byline(n)) {
			text = html_node_text(n);
			if (strlen(text) <= HTML_BYLINE_MAX && *text != '\0') {
				byline_done = n;
				html_keep(&m->author_element, text);
			} else
				free(text);
		}
	}
}

