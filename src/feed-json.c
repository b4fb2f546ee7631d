/*
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with
 * json-c under a nesting limit. Members of the wrong type are ignored as
 * if absent; only a document that is not JSON, or not a JSON Feed, fails.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "article.h"
#include "feed.h"
#include "feed-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Nesting json-c will follow; a feed needs four levels. */
#define JSON_DEPTH	32

/* A string member, or NULL. */
static const char *
json_string(json_object *o, const char *key)
{
	json_object	*v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* A copy of a string member, or NULL when it is absent or empty. */
static char *
json_dup(json_object *o, const char *key)
{
	const char	*s = json_string(o, key);

	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

/* The names of "authors" (1.1) or "author" (1.0). */
static void
json_authors(struct feed_entry *e, json_object *o)
{
	json_object	*v, *a;
	size_t		 i, n;

	if (json_object_object_get_ex(o, "authors", &v) &&
	    json_object_is_type(v, json_type_array)) {
		n = json_object_array_length(v);
		for (i = 0; i < n; i++) {
			a = json_object_array_get_idx(v, i);
			if (json_object_is_type(a, json_type_object))
				feed_entry_author(e, json_string(a, "name"));
		}
	}
	if (e->nauthors == 0 && json_object_object_get_ex(o, "author", &v) &&
	    json_object_is_type(v, json_type_object))
		feed_entry_author(e, json_string(v, "name"));
}

/* Read one item. */
static void
json_item(struct feed *f, json_object *item, const char *base,
    struct feed_entry *feedwide)
{
	struct feed_entry	 e;
	json_object		*v;
	size_t			 i, n;

	feed_entry_init(&e);
	if (base != NULL)
		e.base = xstrdup(base);
	if (json_object_object_get_ex(item, "id", &v) &&
	    (json_object_is_type(v, json_type_string) ||
	    json_object_is_type(v, json_type_int)))
		e.id = xstrdup(json_object_get_string(v));
	if ((e.link = json_dup(item, "url")) == NULL)
		e.link = json_dup(item, "external_url");
	e.title = json_dup(item, "title");
	e.title_type = FEED_TEXT_PLAIN;
	if ((e.content = json_dup(item, "content_html")) != NULL)
		e.content_type = FEED_TEXT_HTML;
	else if ((e.content = json_dup(item, "content_text")) != NULL)
		e.content_type = FEED_TEXT_PLAIN;
	if ((e.summary = json_dup(item, "summary")) != NULL)
		e.summary_type = FEED_TEXT_PLAIN;
	e.published = json_dup(item, "date_published");
	e.updated = json_dup(item, "date_modified");
	json_authors(&e, item);
	if (e.nauthors == 0) {
		for (i = 0; i < feedwide->nauthors; i++)
			feed_entry_author(&e, feedwide->authors[i]);
	}
	if (json_object_object_get_ex(item, "tags", &v) &&
	    json_object_is_type(v, json_type_array)) {
		n = json_object_array_length(v);
		for (i = 0; i < n; i++) {
			item = json_object_array_get_idx(v, i);
			if (json_object_is_type(item, json_type_string))
				feed_entry_tag(&e, json_object_get_string(item));
		}
	}
	feed_entry_add(f, &e);
}

/* Parse a JSON Feed. */
int
feed_json_parse(const char *s, size_t len, const char *url, struct feed *f,
    char **err)
{
	struct json_tokener	*tok;
	struct feed_entry	 feedwide;
	enum json_tokener_error	 jerr;
	json_object		*root, *items, *item;
	const char		*version, *title, *site, *base;
	char			*clean;
	size_t			 i, n;
	int			 rv = -1;

	if (len > INT_MAX || (tok = json_tokener_new_ex(JSON_DEPTH)) == NULL) {
		*err = xstrdup("malformed json feed: too large");
		return -1;
	}
	root = json_tokener_parse_ex(tok, s, (int)len);
	jerr = json_tokener_get_error(tok);
	if (jerr == json_tokener_continue)
		jerr = json_tokener_error_parse_eof;
	json_tokener_free(tok);
	if (jerr != json_tokener_success) {
		json_object_put(root);
		xasprintf(err, "malformed json feed: %s",
		    json_tokener_error_desc(jerr));
		return -1;
	}
	if (!json_object_is_type(root, json_type_object)) {
		*err = xstrdup("malformed json feed: not an object");
		goto out;
	}
	version = json_string(root, "version");
	if (version == NULL || strstr(version, "jsonfeed.org") == NULL) {
		*err = xstrdup("not a feed: json without a jsonfeed.org "
		    "version");
		goto out;
	}
	if (!json_object_object_get_ex(root, "items", &items) ||
	    !json_object_is_type(items, json_type_array)) {
		*err = xstrdup("malformed json feed: no items array");
		goto out;
	}
	f->kind = FEED_JSON;
	if ((title = json_string(root, "title")) != NULL)
		article_set(&f->title, title, strlen(title));
	site = json_string(root, "home_page_url");
	if (site != NULL) {
		clean = feed_resolve(site, url);
		article_set(&f->site, clean, strlen(clean));
		free(clean);
	}
	/* Relative addresses resolve against the feed's, else the site's. */
	base = url != NULL ? url : f->site;

	feed_entry_init(&feedwide);
	json_authors(&feedwide, root);
	n = json_object_array_length(items);
	for (i = 0; i < n; i++) {
		item = json_object_array_get_idx(items, i);
		if (!json_object_is_type(item, json_type_object)) {
			f->skipped++;
			continue;
		}
		if (feed_room(f))
			json_item(f, item, base, &feedwide);
	}
	feed_entry_free(&feedwide);
	rv = 0;
out:
	json_object_put(root);
	return rv;
}
