/* The names of the feed kinds (feed-kind.h), written once. */
#include "config.h"

#include <string.h>

#include "feed-kind.h"
#include "banned.h"

static const char *const feed_kind_names[] = {
	[FEED_KIND_UNKNOWN] = "unknown",
	[FEED_KIND_RSS] = "rss",
	[FEED_KIND_ATOM] = "atom",
	[FEED_KIND_JSON] = "json",
	[FEED_KIND_PAGE] = "page",
	[FEED_KIND_LOCAL] = "local"
};

#define FEED_KIND_COUNT \
	(sizeof feed_kind_names / sizeof feed_kind_names[0])

/* Name a kind. */
const char *
feed_kind_name(enum feed_kind kind)
{
	if ((unsigned)kind >= FEED_KIND_COUNT)
		return feed_kind_names[FEED_KIND_UNKNOWN];
	return feed_kind_names[kind];
}

/* Read a kind's name. */
enum feed_kind
feed_kind_from_name(const char *name)
{
	size_t	i;

	if (name == NULL)
		return FEED_KIND_UNKNOWN;
	for (i = FEED_KIND_UNKNOWN + 1; i < FEED_KIND_COUNT; i++)
		if (strcmp(name, feed_kind_names[i]) == 0)
			return (enum feed_kind)i;
	return FEED_KIND_UNKNOWN;
}
