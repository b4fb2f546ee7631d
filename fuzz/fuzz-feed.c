/*
 * libFuzzer harness: the feed parsers (RSS, Atom, JSON Feed) and sniffing
 * on arbitrary bytes. Traps if a control character reaches a one-line
 * field, a subheading span leaves the body, or more items come out than
 * FEED_MAX_ITEMS.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "feed-parse.h"
#include "fuzz-check.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed	 f;
	struct article	*a;
	char		*err = NULL;
	size_t		 i, j;

	(void)feed_parse_sniff((const char *)data, size, "application/rss+xml");
	feed_parse_init(&f);
	if (feed_parse((const char *)data, size, "https://example.org/feed/",
	    &f, &err) == 0) {
		if (f.nitems > FEED_MAX_ITEMS)
			__builtin_trap();
		check_line(f.title);
		check_line(f.site);
		for (i = 0; i < f.nitems; i++) {
			a = &f.items[i];
			if (a->guid == NULL)
				__builtin_trap();
			check_line(a->guid);
			check_line(a->url);
			check_line(a->title);
			check_line(a->byline);
			check_line(a->lead);
			check_line(a->published);
			for (j = 0; j < a->nsubheadings; j++)
				if (a->subheadings[j].end > a->body_len ||
				    a->subheadings[j].start >
				    a->subheadings[j].end)
					__builtin_trap();
		}
	} else if (err == NULL)
		__builtin_trap();
	free(err);
	feed_parse_free(&f);
	return 0;
}
