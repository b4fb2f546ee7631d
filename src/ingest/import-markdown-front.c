/*
 * The YAML front matter of a Markdown story: found between "---" lines at
 * the top, read with libyaml's event API (bounded in size), its known keys
 * (title, outlet, url, date, authors, tags, lead and their other names)
 * set on the article.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "import-markdown-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Front matter larger than this is refused. */
#define MD_MAX_FRONT_MATTER	(64u * 1024)

/* Authors joined into one byline, at most. */
#define MD_MAX_AUTHORS		20

/* Fields of the front matter, before they go to the article. */
enum md_key {
	MD_KEY_NONE,
	MD_KEY_TITLE,
	MD_KEY_OUTLET,
	MD_KEY_URL,
	MD_KEY_DATE,
	MD_KEY_BYLINE,
	MD_KEY_TAGS,
	MD_KEY_LEAD
};

static const struct {
	const char	*name;
	enum md_key	 key;
} md_keys[] = {
	{ "title", MD_KEY_TITLE },
	{ "headline", MD_KEY_TITLE },
	{ "source", MD_KEY_OUTLET },
	{ "outlet", MD_KEY_OUTLET },
	{ "publication", MD_KEY_OUTLET },
	{ "site", MD_KEY_OUTLET },
	{ "url", MD_KEY_URL },
	{ "link", MD_KEY_URL },
	{ "date", MD_KEY_DATE },
	{ "published", MD_KEY_DATE },
	{ "author", MD_KEY_BYLINE },
	{ "authors", MD_KEY_BYLINE },
	{ "byline", MD_KEY_BYLINE },
	{ "tags", MD_KEY_TAGS },
	{ "lead", MD_KEY_LEAD },
	{ "summary", MD_KEY_LEAD },
	{ "description", MD_KEY_LEAD },
};

/* The front matter key for a YAML key, if it is one we read. */
static enum md_key
md_key_find(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof md_keys / sizeof md_keys[0]; i++) {
		if (strcasecmp(md_keys[i].name, name) == 0)
			return md_keys[i].key;
	}
	return MD_KEY_NONE;
}

/* Set a field from a front matter value unless it is set already. */
static void
md_set_value(struct article *a, enum md_key key, const char *v, size_t len)
{
	const char	*p, *end, *comma;

	switch (key) {
	case MD_KEY_TITLE:
		if (a->title == NULL)
			article_set(&a->title, v, len);
		break;
	case MD_KEY_OUTLET:
		if (a->outlet == NULL)
			article_set(&a->outlet, v, len);
		break;
	case MD_KEY_URL:
		if (a->url == NULL)
			article_set_url(a, v, len);
		break;
	case MD_KEY_DATE:
		if (a->published == NULL)
			a->published = date_parse(v, len);
		break;
	case MD_KEY_BYLINE:
		if (a->byline == NULL)
			article_set(&a->byline, v, len);
		break;
	case MD_KEY_TAGS:
		/* "a, b, c" is a list too. */
		for (p = v, end = v + len; p < end; p = comma + 1) {
			if ((comma = memchr(p, ',', (size_t)(end - p))) == NULL)
				comma = end;
			article_add_tag(a, p, (size_t)(comma - p));
		}
		break;
	case MD_KEY_LEAD:
		if (a->lead == NULL)
			article_set(&a->lead, v, len);
		break;
	case MD_KEY_NONE:
		break;
	}
}

/* Join a list of authors: "A", "A and B", "A, B and C". */
static void
md_set_authors(struct article *a, char **names, size_t n)
{
	struct buf	b;
	size_t		i;

	if (n == 0 || a->byline != NULL)
		return;
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, i == n - 1 ? " and " : ", ");
		buf_adds(&b, names[i]);
	}
	article_set(&a->byline, b.data, b.len);
	buf_free(&b);
}

/* Where the reading of the front matter's events stands. */
struct md_front {
	struct article	*a;
	enum md_key	 key;		/* the key whose value comes next */
	char		*names[MD_MAX_AUTHORS];	/* a list of authors */
	size_t		 nnames;
	int		 depth;		/* of mappings and sequences */
	int		 want_key;	/* the next scalar is a key */
	int		 in_list;	/* in a list under a key */
	int		 root_map;	/* -1 not known yet, 1 a mapping */
};

/* Take a scalar or alias: a key, its value, or an item of its list. */
static void
md_front_scalar(struct md_front *f, const yaml_event_t *ev)
{
	const char	*v = (const char *)ev->data.scalar.value;
	int		 scalar = ev->type == YAML_SCALAR_EVENT;

	if (f->root_map != 1)
		return;		/* front matter that is not a mapping */
	if (f->depth == 1 && f->want_key) {
		f->key = scalar ? md_key_find(v) : MD_KEY_NONE;
		f->want_key = 0;
	} else if (f->depth == 1) {
		if (scalar)
			md_set_value(f->a, f->key, v, ev->data.scalar.length);
		f->want_key = 1;
	} else if (f->depth == 2 && f->in_list && scalar) {
		if (f->key == MD_KEY_TAGS)
			article_add_tag(f->a, v, ev->data.scalar.length);
		else if (f->key == MD_KEY_BYLINE &&
		    f->nnames < MD_MAX_AUTHORS)
			f->names[f->nnames++] = xstrdup(v);
	}
}

/* Take one event of the front matter's document. */
static void
md_front_event(struct md_front *f, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		if (f->root_map == -1)
			f->root_map = ev->type == YAML_MAPPING_START_EVENT;
		f->depth++;
		if (f->depth == 2 && !f->want_key &&
		    ev->type == YAML_SEQUENCE_START_EVENT)
			f->in_list = 1;
		break;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		f->depth--;
		if (f->depth == 1) {
			if (f->in_list && f->key == MD_KEY_BYLINE)
				md_set_authors(f->a, f->names, f->nnames);
			f->in_list = 0;
			f->want_key = 1;
		}
		break;
	case YAML_SCALAR_EVENT:
	case YAML_ALIAS_EVENT:
		md_front_scalar(f, ev);
		break;
	default:
		break;
	}
}

/*
 * Read the front matter: a mapping whose scalar values (and, for tags and
 * authors, lists of scalars) fill the article. Anything nested deeper or
 * under an unknown key is skipped; aliases count as no value.
 */
static int
md_front_matter(struct article *a, const char *s, size_t len, size_t line0,
    char **err)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	struct md_front	 f;
	size_t		 i;
	int		 done = 0, rv = -1;

	if (!yaml_parser_initialize(&parser)) {
		*err = xstrdup("cannot start the yaml parser");
		return -1;
	}
	memset(&f, 0, sizeof f);
	f.a = a;
	f.want_key = 1;
	f.root_map = -1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)s, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			xasprintf(err, "front matter is not valid YAML: %s at "
			    "line %zu", parser.problem != NULL ?
			    parser.problem : "parse error",
			    line0 + parser.problem_mark.line + 1);
			goto out;
		}
		/* One document is all we read. */
		if (ev.type == YAML_STREAM_END_EVENT ||
		    ev.type == YAML_DOCUMENT_END_EVENT)
			done = 1;
		else
			md_front_event(&f, &ev);
		yaml_event_delete(&ev);
	}
	rv = 0;
out:
	for (i = 0; i < f.nnames; i++)
		free(f.names[i]);
	yaml_parser_delete(&parser);
	return rv;
}

/* Is this line a front matter fence ("---", or "..." to close)? */
static int
md_is_fence(const char *line, size_t len, int closing)
{
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
	    line[len - 1] == '\r'))
		len--;
	if (len != 3)
		return 0;
	return memcmp(line, "---", 3) == 0 ||
	    (closing && memcmp(line, "...", 3) == 0);
}

/* The end of the line at p (its newline or end). */
static const char *
md_front_eol(const char *p, const char *end)
{
	const char	*nl;

	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
		return end;
	return nl;
}

int
import_markdown_front(struct article *a, const char *s, size_t len,
    size_t *start, char **err)
{
	const char	*p = s, *end = s + len, *eol, *fm;
	size_t		 fmlen;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	*start = (size_t)(p - s);
	eol = md_front_eol(p, end);
	if (!md_is_fence(p, (size_t)(eol - p), 0))
		return 0;
	fm = eol < end ? eol + 1 : end;
	for (p = fm; p < end; p = eol + 1) {
		eol = md_front_eol(p, end);
		if (md_is_fence(p, (size_t)(eol - p), 1))
			break;
		if (eol == end) {
			p = end;
			break;
		}
	}
	if (p >= end) {
		*err = xstrdup("front matter has no closing '---' line");
		return -1;
	}
	fmlen = (size_t)(p - fm);
	if (fmlen > MD_MAX_FRONT_MATTER) {
		xasprintf(err, "front matter is larger than %u KiB",
		    MD_MAX_FRONT_MATTER / 1024);
		return -1;
	}
	if (md_front_matter(a, fm, fmlen, 1, err) != 0)
		return -1;
	*start = (size_t)((eol < end ? eol + 1 : end) - s);
	return 0;
}
