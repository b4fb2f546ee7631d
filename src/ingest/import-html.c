/*
 * Import of pages saved from a browser. The bytes are brought to UTF-8 (the
 * page's declared charset, else UTF-8, else Windows-1252), parsed with
 * libxml2's HTML parser, and the story's fields are chosen from the page's
 * metadata, which import-html-meta.c gathers: Open Graph and other <meta>
 * tags, JSON-LD, <title>, <h1>, <time> and byline elements. The text
 * itself is found by html-text.c, as it is for feed items.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "article.h"
#include "date.h"
#include "html-text.h"
#include "html.h"
#include "import-html-int.h"
#include "import.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* How much of the page is read to find a declared charset. */
#define HTML_PRESCAN		(64u * 1024)

#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT)

/* Which charsets the importer decodes itself. */
enum html_charset {
	CHARSET_NONE,		/* none declared */
	CHARSET_UTF8,
	CHARSET_CP1252,		/* and what browsers read as it */
	CHARSET_OTHER		/* left to libxml2 */
};

/*
 * The charset the start of the page declares in a <meta charset> or a
 * <meta http-equiv=content-type>, as a new string, or NULL.
 */
static char *
html_charset_declared(const char *s, size_t len)
{
	struct html_walk	 w;
	xmlDocPtr		 doc;
	xmlNodePtr		 n;
	char			*v, *cs = NULL, *p, *end;

	if (len > HTML_PRESCAN)
		len = HTML_PRESCAN;
	doc = html_read_memory(s, len, NULL, NULL,
	    HTML_OPTIONS | HTML_PARSE_IGNORE_ENC);
	if (doc == NULL)
		return NULL;
	html_walk_init(&w, xmlDocGetRootElement(doc));
	while (cs == NULL && (n = html_walk_step(&w)) != NULL) {
		w.descend = !w.leave && !html_is(n, "script") &&
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
	return cs;
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
	char			*cs, *p;
	enum html_charset	 rv = CHARSET_NONE;
	xmlCharEncodingHandlerPtr handler;

	if ((cs = html_charset_declared(s, len)) == NULL)
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
html_byline(struct article *a, struct import_html_meta *m)
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
html_url(struct article *a, struct import_html_meta *m)
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
html_lead(struct article *a, struct import_html_meta *m)
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
html_fields(struct article *a, struct import_html_meta *m)
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
	struct import_html_meta	 m;
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
	import_html_meta_read(&m, doc);
	html_url(a, &m);	/* first: the body's links resolve against it */
	html_text_page(doc, a);
	html_fields(a, &m);
	if (a->title == NULL && a->body == NULL) {
		*err = xstrdup("page has no title and no text");
		goto out;
	}
	rv = 0;
out:
	import_html_meta_free(&m);
	if (doc != NULL)
		xmlFreeDoc(doc);
	return rv;
}
