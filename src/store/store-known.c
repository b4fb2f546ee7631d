/*
 * A feed's stored items by guid with the raw digests they were made from,
 * read in one query, for a fetch that asks of thousands of items whether
 * each is stored unchanged (store_article_known asks one at a time).
 * An open-addressed table over the guids, its strings in one buffer; a
 * feed with more stored items than the caller's bound is not read.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

struct store_known {
	struct buf	 text;		/* guid NUL raw NUL, one after another */
	size_t		*slot;		/* offset + 1 into text; 0 empty */
	size_t		 nslots;	/* a power of two */
};

static void
known_put(struct store_known *k, const char *guid, const char *raw)
{
	size_t	i, off = k->text.len;

	buf_adds(&k->text, guid);
	buf_addc(&k->text, '\0');
	buf_adds(&k->text, raw);
	buf_addc(&k->text, '\0');
	for (i = st_str_hash(guid) & (k->nslots - 1); k->slot[i] != 0;
	    i = (i + 1) & (k->nslots - 1))
		;
	k->slot[i] = off + 1;
}

struct store_known *
store_known_load(struct store *s, int64_t feed, size_t max, char **err)
{
	struct store_known	*k;
	sqlite3_stmt		*st;
	const char		*guid, *raw;
	int64_t			 n;
	int			 rc;

	/* The feed's items counted on the index first: a bound, not a read. */
	if ((n = st_int_id(s, "SELECT count(*) FROM articles"
	    " WHERE feed_id = ?1", feed, 0, "cannot look up articles",
	    err)) < 0 || (size_t)n > max)
		return NULL;
	/* A digest is kept as its 32 bytes (st_bind_hash): read as hex. */
	if ((st = st_prepare(s, "SELECT guid, CASE typeof(raw_hash)"
	    " WHEN 'blob' THEN lower(hex(raw_hash)) ELSE raw_hash END"
	    " FROM articles WHERE feed_id = ?1 AND raw_hash IS NOT NULL",
	    "cannot look up articles", err)) == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, feed);
	k = xcalloc(1, sizeof *k);
	buf_init(&k->text);
	for (k->nslots = 16; k->nslots < 2 * (size_t)n + 2; k->nslots *= 2)
		;
	k->slot = xcalloc(k->nslots, sizeof *k->slot);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((guid = st_text(st, 0)) != NULL &&
		    (raw = st_text(st, 1)) != NULL)
			known_put(k, guid, raw);
	if (st_rows_end(s, st, rc, "cannot look up articles", err) != 0) {
		store_known_free(k);
		return NULL;
	}
	return k;
}

int
store_known_has(const struct store_known *k, const char *guid,
    const char *raw)
{
	const char	*g;
	size_t		 i;

	for (i = st_str_hash(guid) & (k->nslots - 1); k->slot[i] != 0;
	    i = (i + 1) & (k->nslots - 1)) {
		g = k->text.data + k->slot[i] - 1;
		if (strcmp(g, guid) == 0 &&
		    strcmp(g + strlen(g) + 1, raw) == 0)
			return 1;
	}
	return 0;
}

void
store_known_free(struct store_known *k)
{
	if (k == NULL)
		return;
	buf_free(&k->text);
	free(k->slot);
	free(k);
}
