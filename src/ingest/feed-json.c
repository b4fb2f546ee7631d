/*
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Members of
 * the wrong type are ignored as if absent; only a document that is not
 * JSON, or not a JSON Feed, fails.
 *
 * A document is never made a tree whole: 5,000,000 empty items would cost
 * gigabytes before the item cap applied. A scanner walks the text once to
 * check it (nesting at most JSON_DEPTH) and to find the feed's own members
 * and its items; each member and each item kept is then cut down to what
 * a feed uses (known keys, their first occurrence, at most FEED_MAX_TAGS
 * tags and FEED_MAX_AUTHORS authors, a person's name) and only that is
 * handed to json-c, one item at a time. Memory follows what is kept, not
 * what the document holds. (json-c has no streaming interface, and yajl's
 * callbacks would need the same filtering written around them.)
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "article.h"
#include "buf.h"
#include "feed-parse.h"
#include "feed-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Nesting the document may have; a feed needs four levels. */
#define JSON_DEPTH	32

/* Longest key compared with the keys a feed uses. */
#define JSON_KEY_MAX	32

/* What a kept member's value must be to be kept. */
enum json_keep {
	JK_SCALAR,	/* a string or a number (true, false, null too) */
	JK_PERSON,	/* an object: its "name" */
	JK_PEOPLE,	/* an array of such objects */
	JK_STRINGS,	/* an array of strings */
	JK_ITEMS	/* the feed's items: where they are, not copied */
};

/* A member kept: key, what its value must be, how many elements. */
struct json_member {
	const char	*key;
	enum json_keep	 keep;
	size_t		 max;
};

static const struct json_member json_person_members[] = {
	{ "name", JK_SCALAR, 0 },
	{ NULL, JK_SCALAR, 0 }
};

/* The feed's own members; its items are read one at a time. */
static const struct json_member json_feed_members[] = {
	{ "version", JK_SCALAR, 0 },
	{ "title", JK_SCALAR, 0 },
	{ "home_page_url", JK_SCALAR, 0 },
	{ "authors", JK_PEOPLE, FEED_MAX_AUTHORS },
	{ "author", JK_PERSON, 0 },
	{ "items", JK_ITEMS, 0 },
	{ NULL, JK_SCALAR, 0 }
};

static const struct json_member json_item_members[] = {
	{ "id", JK_SCALAR, 0 },
	{ "url", JK_SCALAR, 0 },
	{ "external_url", JK_SCALAR, 0 },
	{ "title", JK_SCALAR, 0 },
	{ "content_html", JK_SCALAR, 0 },
	{ "content_text", JK_SCALAR, 0 },
	{ "summary", JK_SCALAR, 0 },
	{ "date_published", JK_SCALAR, 0 },
	{ "date_modified", JK_SCALAR, 0 },
	{ "authors", JK_PEOPLE, FEED_MAX_AUTHORS },
	{ "author", JK_PERSON, 0 },
	{ "tags", JK_STRINGS, FEED_MAX_TAGS },
	{ NULL, JK_SCALAR, 0 }
};

/* A JSON text being scanned. */
struct json_scan {
	const char	*s;
	size_t		 len;
	size_t		 pos;
	int		 depth;
	const char	*err;		/* what is wrong, or NULL */
	size_t		 at;		/* where */
	size_t		 items;		/* where the items array is */
	int		 has_items;
};

/* Fail the scan at the current position; returns -1. */
static int
json_fail(struct json_scan *j, const char *why)
{
	if (j->err == NULL) {
		j->err = why;
		j->at = j->pos;
	}
	return -1;
}

/* Skip white space and comments (which json-c allows too). */
static void
json_space(struct json_scan *j)
{
	const char	*end;

	while (j->pos < j->len) {
		switch (j->s[j->pos]) {
		case ' ':
		case '\t':
		case '\n':
		case '\r':
			j->pos++;
			continue;
		case '/':
			if (j->pos + 1 < j->len && j->s[j->pos + 1] == '/') {
				end = memchr(j->s + j->pos, '\n',
				    j->len - j->pos);
				j->pos = end != NULL ?
				    (size_t)(end - j->s) : j->len;
				continue;
			}
			if (j->pos + 1 < j->len && j->s[j->pos + 1] == '*') {
				end = memmem(j->s + j->pos + 2,
				    j->len - j->pos - 2, "*/", 2);
				j->pos = end != NULL ?
				    (size_t)(end - j->s) + 2 : j->len;
				continue;
			}
			return;
		default:
			return;
		}
	}
}

/* Is c a hex digit? */
static int
json_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/* Skip a string at '"'. */
static int
json_string_skip(struct json_scan *j)
{
	const char	*s = j->s;
	char		 c;

	for (j->pos++; j->pos < j->len; j->pos++) {
		if (s[j->pos] == '"') {
			j->pos++;
			return 0;
		}
		if (s[j->pos] != '\\')
			continue;
		if (j->pos + 1 >= j->len)
			break;
		c = s[j->pos + 1];
		if (c == 'u') {
			if (j->pos + 6 > j->len)
				break;
			if (!json_hex(s[j->pos + 2]) ||
			    !json_hex(s[j->pos + 3]) ||
			    !json_hex(s[j->pos + 4]) ||
			    !json_hex(s[j->pos + 5]))
				return json_fail(j, "invalid escape");
			j->pos += 5;
		} else if (c != '\0' && strchr("\"\\/bfnrt", c) != NULL)
			j->pos++;
		else
			return json_fail(j, "invalid escape");
	}
	j->pos = j->len;
	return json_fail(j, "unexpected end of data");
}

/* Skip a number, true, false or null. */
static int
json_atom_skip(struct json_scan *j)
{
	static const char *const words[] = { "true", "false", "null" };
	size_t		 i, n, start = j->pos;
	const char	*s = j->s;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		n = strlen(words[i]);
		if (j->len - j->pos >= n &&
		    memcmp(s + j->pos, words[i], n) == 0) {
			j->pos += n;
			return 0;
		}
		if (j->len - j->pos < n &&
		    memcmp(s + j->pos, words[i], j->len - j->pos) == 0) {
			j->pos = j->len;
			return json_fail(j, "unexpected end of data");
		}
	}
	if (j->pos < j->len && s[j->pos] == '-')
		j->pos++;
	while (j->pos < j->len && ((s[j->pos] >= '0' && s[j->pos] <= '9') ||
	    s[j->pos] == '.' || s[j->pos] == 'e' || s[j->pos] == 'E' ||
	    s[j->pos] == '+' || s[j->pos] == '-'))
		j->pos++;
	if (j->pos == start || (j->pos == start + 1 && s[start] == '-')) {
		if (j->pos >= j->len)
			return json_fail(j, "unexpected end of data");
		return json_fail(j, "unexpected character");
	}
	return 0;
}

static int	json_value_skip(struct json_scan *);

/*
 * Step over the separator after an element or member: ',' (then 1, or 0
 * at a trailing comma before close) or close (0 with pos past it).
 * Returns -1 on an error, 1 when another element follows.
 */
static int
json_next(struct json_scan *j, char close)
{
	json_space(j);
	if (j->pos >= j->len)
		return json_fail(j, "unexpected end of data");
	if (j->s[j->pos] == close) {
		j->pos++;
		return 0;
	}
	if (j->s[j->pos] != ',')
		return json_fail(j, "unexpected character");
	j->pos++;
	json_space(j);
	if (j->pos < j->len && j->s[j->pos] == close) {
		j->pos++;	/* a trailing comma, as json-c allows */
		return 0;
	}
	return 1;
}

/* Enter an array or object at its bracket; 1 if it is not empty. */
static int
json_open(struct json_scan *j, char close)
{
	if (++j->depth > JSON_DEPTH)
		return json_fail(j, "nesting too deep");
	j->pos++;
	json_space(j);
	if (j->pos >= j->len)
		return json_fail(j, "unexpected end of data");
	if (j->s[j->pos] == close) {
		j->pos++;
		j->depth--;
		return 0;
	}
	return 1;
}

/* Read a member's key and its colon; the key's raw bytes in *key. */
static int
json_key(struct json_scan *j, const char **key, size_t *keylen)
{
	size_t	start;

	json_space(j);
	if (j->pos >= j->len)
		return json_fail(j, "unexpected end of data");
	if (j->s[j->pos] != '"')
		return json_fail(j, "unexpected character");
	start = j->pos + 1;
	if (json_string_skip(j) != 0)
		return -1;
	*key = j->s + start;
	*keylen = j->pos - 1 - start;
	json_space(j);
	if (j->pos >= j->len)
		return json_fail(j, "unexpected end of data");
	if (j->s[j->pos] != ':')
		return json_fail(j, "unexpected character");
	j->pos++;
	json_space(j);
	return 0;
}

/* Skip any value, checking it. */
static int
json_value_skip(struct json_scan *j)
{
	const char	*key;
	size_t		 keylen;
	int		 more;
	char		 c;

	json_space(j);
	if (j->pos >= j->len)
		return json_fail(j, "unexpected end of data");
	c = j->s[j->pos];
	if (c == '"')
		return json_string_skip(j);
	if (c == '[') {
		if ((more = json_open(j, ']')) <= 0)
			return more;
		do {
			if (json_value_skip(j) != 0)
				return -1;
		} while ((more = json_next(j, ']')) == 1);
		j->depth--;
		return more;
	}
	if (c == '{') {
		if ((more = json_open(j, '}')) <= 0)
			return more;
		do {
			if (json_key(j, &key, &keylen) != 0 ||
			    json_value_skip(j) != 0)
				return -1;
		} while ((more = json_next(j, '}')) == 1);
		j->depth--;
		return more;
	}
	return json_atom_skip(j);
}

/* The value of a hex digit. */
static unsigned
json_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned)(c - 'a' + 10);
	return (unsigned)(c - 'A' + 10);
}

/*
 * The key as text when it is short and plain (escapes decoded, e.g.
 * "\u0069d" is "id"); 0 for a key no feed uses.
 */
static int
json_key_text(const char *key, size_t len, char *out)
{
	size_t		i, k, n = 0;
	unsigned	cp;

	for (i = 0; i < len && n < JSON_KEY_MAX; n++) {
		if (key[i] != '\\') {
			out[n] = key[i++];
			continue;
		}
		if (i + 5 < len && key[i + 1] == 'u') {
			for (cp = 0, k = 2; k < 6; k++)
				cp = cp * 16 + json_hexval(key[i + k]);
			if (cp == 0 || cp >= 0x80)
				return 0;
			out[n] = (char)cp;
			i += 6;
		} else if (i + 1 < len && key[i + 1] != 'u') {
			out[n] = key[i + 1];
			i += 2;
		} else
			return 0;
	}
	if (i < len)
		return 0;
	out[n] = '\0';
	return 1;
}

/* Which of the members is this key (an index), or -1. */
static int
json_member_find(const struct json_member *m, const char *key, size_t len)
{
	char	text[JSON_KEY_MAX + 1];
	int	i;

	if (!json_key_text(key, len, text))
		return -1;
	for (i = 0; m[i].key != NULL; i++) {
		if (strcmp(m[i].key, text) == 0)
			return i;
	}
	return -1;
}

/*
 * Where to cut a checked string (at s[0] == '"') to keep at most max
 * bytes of it: between characters, never inside an escape or between the
 * halves of a surrogate pair. Returns the length to keep, quote included.
 */
static size_t
json_string_cut(const char *s, size_t max)
{
	size_t	i = 1, safe = 1, n;

	while (i - 1 <= max) {
		safe = i;
		if (s[i] == '\\' && s[i + 1] == 'u') {
			n = 6;
			/* A high surrogate goes with the escape after it. */
			if ((s[i + 2] == 'd' || s[i + 2] == 'D') &&
			    strchr("89abAB", s[i + 3]) != NULL &&
			    s[i + 6] == '\\' && s[i + 7] == 'u')
				n = 12;
		} else if (s[i] == '\\')
			n = 2;
		else
			for (n = 1; ((unsigned char)s[i + n] & 0xc0) == 0x80 &&
			    n < 4; n++)
				;
		i += n;
	}
	return safe;
}

static int	json_filter_object(struct json_scan *, struct buf *,
		    const struct json_member *);

/* Copy the value at pos if it is what keep wants; 1 if copied. */
static int
json_filter_value(struct json_scan *j, struct buf *out,
    const struct json_member *m)
{
	size_t	start = j->pos, n = 0;
	int	more;
	char	c;

	if (j->pos >= j->len)
		return json_fail(j, "unexpected end of data");
	c = j->s[j->pos];
	switch (m->keep) {
	case JK_ITEMS:
		if (!j->has_items) {
			j->has_items = 1;
			j->items = j->pos;
		}
		break;
	case JK_SCALAR:
		if (c == '[' || c == '{')
			break;
		if (json_value_skip(j) != 0)
			return -1;
		if (c == '"' && j->pos - start > FEED_MAX_TEXT + 2) {
			buf_add(out, j->s + start,
			    json_string_cut(j->s + start, FEED_MAX_TEXT));
			buf_addc(out, '"');
		} else
			buf_add(out, j->s + start, j->pos - start);
		return 1;
	case JK_PERSON:
		if (c != '{')
			break;
		return json_filter_object(j, out, json_person_members) != 0 ?
		    -1 : 1;
	case JK_PEOPLE:
	case JK_STRINGS:
		if (c != '[')
			break;
		buf_addc(out, '[');
		if ((more = json_open(j, ']')) < 0)
			return -1;
		while (more == 1) {
			json_space(j);
			if (j->pos >= j->len)
				return json_fail(j, "unexpected end of data");
			c = j->s[j->pos];
			if (n < m->max && m->keep == JK_PEOPLE && c == '{') {
				if (n++ > 0)
					buf_addc(out, ',');
				if (json_filter_object(j, out,
				    json_person_members) != 0)
					return -1;
			} else if (n < m->max && m->keep == JK_STRINGS &&
			    c == '"') {
				if (n++ > 0)
					buf_addc(out, ',');
				start = j->pos;
				if (json_string_skip(j) != 0)
					return -1;
				buf_add(out, j->s + start, j->pos - start);
			} else if (json_value_skip(j) != 0)
				return -1;
			if ((more = json_next(j, ']')) < 0)
				return -1;
			if (more == 0)
				j->depth--;
		}
		buf_addc(out, ']');
		return 1;
	}
	return json_value_skip(j) != 0 ? -1 : 0;
}

/*
 * Copy an object at '{' with only the members wanted, each the first time
 * it comes and only when its value is of the kind wanted.
 */
static int
json_filter_object(struct json_scan *j, struct buf *out,
    const struct json_member *m)
{
	const char	*key;
	size_t		 keylen, mark;
	unsigned	 seen = 0;
	int		 more, i, n = 0, kept;

	buf_addc(out, '{');
	if ((more = json_open(j, '}')) < 0)
		return -1;
	while (more == 1) {
		if (json_key(j, &key, &keylen) != 0)
			return -1;
		if ((i = json_member_find(m, key, keylen)) < 0 ||
		    (seen & 1u << i)) {
			if (json_value_skip(j) != 0)
				return -1;
		} else {
			mark = out->len;
			if (n > 0)
				buf_addc(out, ',');
			buf_addc(out, '"');
			buf_add(out, key, keylen);
			buf_adds(out, "\":");
			if ((kept = json_filter_value(j, out, &m[i])) < 0)
				return -1;
			if (kept) {
				seen |= 1u << i;
				n++;
			} else
				out->len = mark;
		}
		if ((more = json_next(j, '}')) < 0)
			return -1;
		if (more == 0)
			j->depth--;
	}
	buf_addc(out, '}');
	return 0;
}

/* Parse a small JSON text that the filter wrote; NULL if json-c fails. */
static json_object *
json_parse_kept(const struct buf *b)
{
	struct json_tokener	*tok;
	json_object		*o;

	if (b->len > INT_MAX || (tok = json_tokener_new_ex(JSON_DEPTH)) == NULL)
		return NULL;
	o = json_tokener_parse_ex(tok, b->data, (int)b->len);
	if (json_tokener_get_error(tok) != json_tokener_success) {
		json_object_put(o);
		o = NULL;
	}
	json_tokener_free(tok);
	return o;
}

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

/*
 * The items array at j->items, one item at a time: only those kept
 * become objects; -1 with j->err on malformed text.
 */
static int
json_items(struct json_scan *j, struct feed *f, const char *base,
    struct feed_entry *feedwide)
{
	struct buf	 b;
	json_object	*item;
	int		 more;

	buf_init(&b);
	j->pos = j->items;
	j->depth = 1;
	more = json_open(j, ']');
	while (more == 1) {
		json_space(j);
		if (j->pos < j->len && j->s[j->pos] == '{' && feed_entry_room(f)) {
			if (json_filter_object(j, &b, json_item_members) != 0)
				break;
			item = json_parse_kept(&b);
			buf_free(&b);
			if (item != NULL)
				json_item(f, item, base, feedwide);
			else
				f->skipped++;
			json_object_put(item);
		} else {
			if (j->pos < j->len && j->s[j->pos] != '{')
				f->skipped++;	/* not an item */
			if (json_value_skip(j) != 0)
				break;
		}
		more = json_next(j, ']');
	}
	buf_free(&b);
	return more == 0 ? 0 : -1;
}

/* Parse a JSON Feed. */
int
feed_json_parse(const char *s, size_t len, const char *url, struct feed *f,
    char **err)
{
	struct json_scan	 j;
	struct feed_entry	 feedwide;
	struct buf		 b;
	json_object		*root = NULL;
	const char		*version, *title, *site, *base;
	char			*clean;
	int			 rv = -1;

	memset(&j, 0, sizeof j);
	j.s = s;
	j.len = len;
	buf_init(&b);
	feed_entry_init(&feedwide);
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		j.pos = 3;
	json_space(&j);
	if (j.pos >= len)
		goto out;
	if (s[j.pos] != '{') {
		if (json_value_skip(&j) == 0)
			*err = xstrdup("malformed json feed: not an object");
		goto out;
	}
	/* The whole text is checked here, the feed's members cut down. */
	if (json_filter_object(&j, &b, json_feed_members) != 0)
		goto out;
	if ((root = json_parse_kept(&b)) == NULL) {
		j.err = "unexpected character";
		j.at = 0;
		goto out;
	}
	buf_free(&b);
	version = json_string(root, "version");
	if (version == NULL || strstr(version, "jsonfeed.org") == NULL) {
		*err = xstrdup("not a feed: json without a jsonfeed.org "
		    "version");
		goto out;
	}
	if (!j.has_items || s[j.items] != '[') {
		*err = xstrdup("malformed json feed: no items array");
		goto out;
	}
	f->kind = FEED_KIND_JSON;
	if ((title = json_string(root, "title")) != NULL)
		article_set(&f->title, title, strlen(title));
	site = json_string(root, "home_page_url");
	if (site != NULL) {
		clean = feed_entry_resolve(site, url);
		article_set(&f->site, clean, strlen(clean));
		free(clean);
	}
	/* Relative addresses resolve against the feed's, else the site's. */
	base = url != NULL ? url : f->site;
	json_authors(&feedwide, root);

	if (json_items(&j, f, base, &feedwide) == 0)
		rv = 0;
out:
	if (rv != 0 && *err == NULL) {
		if (j.err == NULL ||
		    strcmp(j.err, "unexpected end of data") == 0)
			*err = xstrdup("malformed json feed: unexpected end of "
			    "data");
		else
			xasprintf(err, "malformed json feed: %s at byte %zu",
			    j.err, j.at);
	}
	if (rv != 0)
		f->kind = FEED_KIND_UNKNOWN;
	feed_entry_free(&feedwide);
	json_object_put(root);
	buf_free(&b);
	return rv;
}
