/*
 * OPML import: a subscription list read from a file, and its feeds and
 * their folders' tags added to the store in one transaction (see
 * opml-import.h). Parsing is opml.c's; printing is the command's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "feed-parse.h"
#include "import.h"
#include "opml.h"
#include "opml-import.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

int
opml_import_read(const char *file, struct opml *o, char **err)
{
	char	*data = NULL;
	size_t	 len;
	int	 rv = -1;

	memset(o, 0, sizeof *o);
	if (import_read_file(file, FEED_MAX_BYTES, &data, &len, err) == 0 &&
	    opml_parse(data, len, o, err) == 0)
		rv = 0;
	free(data);
	return rv;
}

/* Add one outline's feed and its tags; -1 with *err. */
static int
opml_import_one(struct store *s, const struct opml_entry *e,
    struct opml_import_event *ev, char **err)
{
	int	rc;

	memset(ev, 0, sizeof *ev);
	ev->e = e;
	if (e->error != NULL) {
		ev->status = OPML_IMPORT_REFUSED;
		return 0;
	}
	if ((rc = store_feed_add(s, e->url, e->title, FEED_KIND_RSS, &ev->id,
	    err)) < 0)
		return -1;
	if ((ev->tagged = store_feed_tag(s, ev->id, e->tags, e->ntags,
	    err)) < 0)
		return -1;
	ev->status = rc == 0 ? OPML_IMPORT_ADDED : OPML_IMPORT_EXISTS;
	return 0;
}

int
opml_import_feeds(struct store *s, const struct opml *o,
    void (*report)(const struct opml_import_event *, void *), void *arg,
    struct opml_import_totals *t, char **err)
{
	struct opml_import_event	ev;
	size_t				i;

	memset(t, 0, sizeof *t);
	if (store_begin(s, err) != 0)
		return -1;
	t->ids = xcalloc(o->n + 1, sizeof *t->ids);
	for (i = 0; i < o->n; i++) {
		if (opml_import_one(s, &o->v[i], &ev, err) != 0) {
			store_rollback(s);
			goto fail;
		}
		if (ev.status == OPML_IMPORT_REFUSED)
			t->refused++;
		else if (ev.status == OPML_IMPORT_EXISTS)
			t->exists++;
		else {
			t->ids[t->nids++] = ev.id;
			t->added++;
		}
		report(&ev, arg);
	}
	if (store_commit(s, err) != 0)
		goto fail;
	return 0;
fail:
	free(t->ids);
	memset(t, 0, sizeof *t);
	return -1;
}
