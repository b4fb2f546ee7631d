/*
 * Parsing a fetched document into a feed: what the document is (sniffing)
 * and which parser reads it (the XML formats in feed-xml.c, JSON Feed in
 * feed-json.c), or a page read as a feed of one story. An item becomes an
 * article in feed-entry.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "buf.h"
#include "feed-parse.h"
#include "feed-int.h"
#include "import.h"
#include "xmalloc.h"
#include "banned.h"

/* How much of a document sniffing looks at. */
#define FEED_SNIFF_MAX	(64u * 1024)

/* Start an empty feed. */
void
feed_parse_init(struct feed *f)
{
	memset(f, 0, sizeof *f);
}

/* Free a feed's fields and items. */
void
feed_parse_free(struct feed *f)
{
	size_t	i;

	for (i = 0; i < f->nitems; i++)
		article_free(&f->items[i]);
	free(f->items);
	feed_entry_discard(f);
	free(f->title);
	free(f->site);
	feed_parse_init(f);
}

/* Is c XML or JSON whitespace? */
static int
feed_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Find a string in a buffer, or NULL. */
static const char *
feed_find(const char *s, size_t len, const char *what)
{
	size_t	n = strlen(what), i;

	for (i = 0; i + n <= len; i++) {
		if (s[i] == what[0] && memcmp(s + i, what, n) == 0)
			return s + i;
	}
	return NULL;
}

/* Skip a construct of XML's prolog at p; returns past it, or NULL. */
static const char *
feed_skip_prolog(const char *p, const char *end)
{
	const char	*q;
	int		 depth = 0;

	if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
		q = feed_find(p + 4, (size_t)(end - p - 4), "-->");
		return q != NULL ? q + 3 : NULL;
	}
	if (end - p >= 2 && memcmp(p, "<?", 2) == 0) {
		q = feed_find(p + 2, (size_t)(end - p - 2), "?>");
		return q != NULL ? q + 2 : NULL;
	}
	/* <!DOCTYPE ...> with an internal subset in brackets. */
	for (q = p + 2; q < end; q++) {
		if (*q == '[')
			depth++;
		else if (*q == ']')
			depth--;
		else if (*q == '>' && depth <= 0)
			return q + 1;
	}
	return NULL;
}

/* What the root element's name says, or FEED_KIND_UNKNOWN. */
static enum feed_kind
feed_sniff_root(const char *p, const char *end)
{
	const char	*name, *local;
	size_t		 len;

	name = p + 1;
	for (p = name; p < end && !feed_space(*p) && *p != '>' && *p != '/';)
		p++;
	len = (size_t)(p - name);
	for (local = p; local > name && local[-1] != ':';)
		local--;
	len = (size_t)(p - local);
	if ((len == 3 && memcmp(local, "rss", 3) == 0) ||
	    (len == 3 && memcmp(local, "RDF", 3) == 0) ||
	    (len == 7 && memcmp(local, "channel", 7) == 0) ||
	    (len == 7 && memcmp(local, "Channel", 7) == 0))
		return FEED_KIND_RSS;	/* Channel: RSS 1.1 */
	if ((len == 4 && memcmp(local, "feed", 4) == 0) ||
	    (len == 5 && memcmp(local, "entry", 5) == 0))
		return FEED_KIND_ATOM;	/* entry: an Atom entry document */
	return FEED_KIND_UNKNOWN;
}

/* What the content type suggests. */
static enum feed_kind
feed_sniff_type(const char *type)
{
	if (type == NULL)
		return FEED_KIND_UNKNOWN;
	if (strcasestr(type, "rss+xml") != NULL ||
	    strcasestr(type, "rdf+xml") != NULL)
		return FEED_KIND_RSS;
	if (strcasestr(type, "atom+xml") != NULL)
		return FEED_KIND_ATOM;
	if (strcasestr(type, "feed+json") != NULL)
		return FEED_KIND_JSON;
	return FEED_KIND_UNKNOWN;
}

/* Find what a document is from its first bytes and its content type. */
enum feed_kind
feed_parse_sniff(const char *s, size_t len, const char *content_type)
{
	struct buf	 b;
	const char	*p, *end;
	enum feed_kind	 kind = FEED_KIND_UNKNOWN, hint;
	size_t		 i;

	hint = feed_sniff_type(content_type);
	buf_init(&b);
	if (len > 1 && (memchr(s, '\0', len < 4 ? len : 4) != NULL ||
	    (unsigned char)s[0] == 0xfe || (unsigned char)s[0] == 0xff)) {
		/* UTF-16 or UTF-32: look at the ASCII in it. */
		for (i = 0; i < len && b.len < FEED_SNIFF_MAX; i++) {
			if (s[i] != '\0' && (unsigned char)s[i] < 0x80)
				buf_addc(&b, s[i]);
		}
		s = b.data != NULL ? b.data : "";
		len = b.len;
	}
	if (len > FEED_SNIFF_MAX)
		len = FEED_SNIFF_MAX;
	p = s;
	end = s + len;
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && feed_space(*p))
		p++;
	if (p < end && *p == '{') {
		if (feed_find(p, (size_t)(end - p), "jsonfeed.org") != NULL ||
		    hint == FEED_KIND_JSON)
			kind = FEED_KIND_JSON;
		goto out;
	}
	while (p < end && *p == '<') {
		if (end - p >= 2 && (p[1] == '?' || p[1] == '!')) {
			if ((p = feed_skip_prolog(p, end)) == NULL)
				break;
			while (p < end && feed_space(*p))
				p++;
			continue;
		}
		kind = feed_sniff_root(p, end);
		goto out;
	}
	/* Not decided by the bytes seen: trust what the server said. */
	if (p == NULL || p >= end)
		kind = hint;
out:
	buf_free(&b);
	return kind;
}

/* Parse a feed document, whichever format it is in. */
int
feed_parse(const char *s, size_t len, const char *url, struct feed *f,
    char **err)
{
	const char	*p, *end = s + len;
	enum feed_kind	 kind;
	size_t		 i;
	int		 rv;

	*err = NULL;
	p = s;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && feed_space(*p))
		p++;
	if (p == end) {
		*err = xstrdup("empty document");
		return -1;
	}
	if (len > FEED_MAX_BYTES) {
		*err = xstrdup("document is too large");
		return -1;
	}
	kind = feed_parse_sniff(s, len, NULL);
	if (kind == FEED_KIND_JSON || (kind == FEED_KIND_UNKNOWN && *p == '{'))
		rv = feed_json_parse(s, len, url, f, err);
	else
		rv = feed_xml_parse(s, len, url, f, err);
	if (rv != 0) {
		feed_entry_discard(f);
		return rv;
	}
	feed_entry_finish(f);
	for (i = 0; i < f->nitems; i++) {
		if (f->title != NULL)
			article_set(&f->items[i].outlet, f->title,
			    strlen(f->title));
	}
	return 0;
}

/*
 * Read a page as a feed of one story: its guid is its address. The
 * address, less any user and password, is the story's until the page
 * names its canonical one, so that the page's relative links resolve
 * against it.
 */
int
feed_parse_page(const char *data, size_t len, const char *url,
    struct feed *f, char **err)
{
	struct article	*a;

	f->kind = FEED_KIND_PAGE;
	f->items = xcalloc(1, sizeof *f->items);
	a = &f->items[0];
	article_init(a);
	f->nitems = 1;
	article_set_url(a, url, strlen(url));
	if (import_html_parse(data, len, a, err) != 0)
		return -1;
	if (a->title == NULL && a->body == NULL) {
		*err = xstrdup("no story found on the page");
		return -1;
	}
	free(a->guid);
	a->guid = xstrdup(url);
	if (a->url == NULL)
		article_set_url(a, url, strlen(url));
	if (a->title != NULL)
		f->title = xstrdup(a->title);
	return 0;
}
