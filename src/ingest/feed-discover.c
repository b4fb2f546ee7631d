/*
 * Feed discovery: the feed an HTML page advertises with <link
 * rel="alternate">. Pure: bytes of a page in, an address out; fetching the
 * page and the feed is the caller's business (fetch.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "feed-discover.h"
#include "fetch.h"
#include "html-text.h"
#include "html.h"
#include "xmalloc.h"
#include "banned.h"

/* Is this a feed's media type, as pages advertise them? */
static int
feed_discover_type(const char *t)
{
	static const char *const types[] = {
		"application/rss+xml", "application/atom+xml",
		"application/feed+json", "application/rdf+xml", NULL
	};
	size_t	i, n = strcspn(t, "; \t");

	for (i = 0; types[i] != NULL; i++)
		if (strlen(types[i]) == n && strncasecmp(t, types[i], n) == 0)
			return 1;
	return 0;
}

/* Find the feed a page advertises. */
char *
feed_discover(const char *data, size_t len, const char *base)
{
	static const char *const alternate[] = { "alternate", NULL };
	struct html_walk	 w;
	htmlDocPtr		 doc;
	xmlChar			*abs;
	char			*type, *href, *found = NULL, *err = NULL;
	size_t			 seen = 0;

	if (len > 0x7fffffff)
		return NULL;
	doc = html_read_memory(data, len, base, NULL, HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER);
	if (doc == NULL)
		return NULL;
	html_walk_init(&w, xmlDocGetRootElement(doc));
	while (found == NULL && html_walk_next(&w, 1) && seen++ < 100000) {
		if (w.leave || !html_is(w.cur, "link") ||
		    !html_attr_word(w.cur, "rel", alternate))
			continue;
		type = html_attr(w.cur, "type");
		href = html_attr(w.cur, "href");
		if (type != NULL && href != NULL && feed_discover_type(type)) {
			abs = xmlBuildURI((const xmlChar *)href,
			    (const xmlChar *)base);
			if (abs != NULL && fetch_url_check((const char *)abs,
			    &err) == 0)
				found = xstrdup((const char *)abs);
			free(err);
			err = NULL;
			xmlFree(abs);
		}
		free(type);
		free(href);
	}
	xmlFreeDoc(doc);
	return found;
}
