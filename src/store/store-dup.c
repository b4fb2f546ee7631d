/*
 * The same story stored more than once (saved twice, or one wire story
 * carried by several outlets): every story's MinHash signature (minhash.h)
 * is kept in articles.dup_sig and its band keys in dup_bands (written at
 * the batch's end, store_dup_flush); a story stored or changed is
 * compared with the few stories sharing a band key (never the whole
 * library) and, when their shingles are the same story (MINHASH_SAME,
 * nearly all of them), joins the group of the one it repeats:
 * articles.dup_of names the group's first story, whose quotes are the
 * ones counted. And deleting stories, whose groups follow (the trigger of
 * migration 14); a deleted story's band keys stay, passed over as
 * candidates, until analyze --dups drops them (store_dup_prune).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "minhash.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

/*
 * Migration 13 -> 14: the same story stored twice, or carried by several
 * outlets. dup_sig is a story's MinHash signature
 * (empty: too short to compare; NULL: stored before this, compared
 * by 'dossier analyze --dups'); dup_bands finds the stories sharing
 * a band of it (one index, no key on article_id to keep up at
 * every import: a deleted story's rows stay, found and passed over
 * as candidates, until analyze --dups drops them); dup_of names
 * the first story of its group (NULL for a first story or one in no
 * group). A first story deleted hands the group to the next oldest.
 */
const char store_dup_migration[] =
    "ALTER TABLE articles ADD COLUMN dup_of INTEGER;"
    "ALTER TABLE articles ADD COLUMN dup_sig BLOB;"
    "CREATE INDEX articles_dup_of ON articles (dup_of)"
    "  WHERE dup_of IS NOT NULL;"
    "CREATE INDEX articles_dup_todo ON articles (id) WHERE dup_sig IS NULL;"
    "CREATE TABLE dup_bands ("
    "  key INTEGER NOT NULL,"
    "  article_id INTEGER NOT NULL,"
    "  PRIMARY KEY (key, article_id)"
    ") WITHOUT ROWID;"
    "CREATE TRIGGER articles_dup_delete AFTER DELETE ON articles"
    "  WHEN old.dup_of IS NULL BEGIN"
    "  UPDATE articles SET dup_of = (SELECT min(id) FROM articles"
    "    WHERE dup_of = old.id) WHERE dup_of = old.id AND id <>"
    "    (SELECT min(id) FROM articles WHERE dup_of = old.id);"
    "  UPDATE articles SET dup_of = NULL WHERE dup_of = old.id;"
    "END;";

/* Candidates read in full, most alike by signature first. */
#define DUP_MAX_CANDIDATES	8
/* Stories sharing a band key looked at. */
#define DUP_MAX_IDS		256

_Static_assert(MINHASH_BANDS == 12, "the band statements bind 12 keys");

struct dup_candidate {
	int64_t	id;
	int64_t	group;
	double	estimate;
};

void
store_dup_prepare(const char *body, size_t len, struct store_dup_sig *d)
{
	minhash_shingles(body, len, &d->set);
	d->has = minhash_sign(&d->set, d->sig);
}

void
store_dup_free(struct store_dup_sig *d)
{
	minhash_set_free(&d->set);
}

/* Bind a signature, or an empty blob (compared: too short to link). */
void
store_dup_bind(sqlite3_stmt *st, int col, const struct store_dup_sig *d)
{
	if (d->has)
		sqlite3_bind_blob(st, col, d->sig, MINHASH_SIG_BYTES,
		    SQLITE_STATIC);
	else
		sqlite3_bind_zeroblob(st, col, 0);
}

/* Keep candidate c among the best n (sorted by estimate, most first). */
static void
dup_keep(struct dup_candidate *v, size_t *n, const struct dup_candidate *c)
{
	size_t	i;

	if (*n == DUP_MAX_CANDIDATES && v[*n - 1].estimate >= c->estimate)
		return;
	if (*n < DUP_MAX_CANDIDATES)
		(*n)++;
	for (i = *n - 1; i > 0 && v[i - 1].estimate < c->estimate; i--)
		v[i] = v[i - 1];
	v[i] = *c;
}

/*
 * The band keys of this batch's stories, written to dup_bands at its end
 * (store_dup_flush) in one statement outside any story's savepoint: a
 * key written inside one makes sqlite copy its page (a random one) to
 * the savepoint's journal, twelve pages a story. Looked up here by a
 * table of the keys, so the batch's stories find each other.
 */
struct store_dup_batch {
	struct dup_pending {
		int64_t	id;			/* 0: taken out */
		int64_t	keys[MINHASH_BANDS];
	}	*v;
	size_t	 n, cap;
	struct dup_slot {			/* open addressing */
		int64_t	key;
		size_t	at;			/* its story's index + 1; 0 free */
	}	*slots;
	size_t	 nslots, used;
};

/* Where key's probe starts in a table of n (a power of 2) slots. */
static size_t
batch_hash(int64_t key, size_t n)
{
	return (size_t)((uint64_t)key * 0x9e3779b97f4a7c15ULL >> 20) & (n - 1);
}

/* Put key (of the story at index at) in the batch's table of keys. */
static void
batch_slot_add(struct store_dup_batch *b, int64_t key, size_t at)
{
	size_t	i;

	for (i = batch_hash(key, b->nslots); b->slots[i].at != 0;
	    i = (i + 1) & (b->nslots - 1))
		;
	b->slots[i].key = key;
	b->slots[i].at = at + 1;
	b->used++;
}

/* Add the story id with its keys to the batch. */
static void
batch_add(struct store *s, int64_t id, const int64_t *keys)
{
	struct store_dup_batch	*b;
	size_t			 i, k;

	if ((b = s->dup_batch) == NULL)
		b = s->dup_batch = xcalloc(1, sizeof *b);
	/* A story rolled back leaves its id to the next: its keys go. */
	if (b->n > 0 && b->v[b->n - 1].id == id)
		b->v[b->n - 1].id = 0;
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->v = xreallocarray(b->v, b->cap, sizeof *b->v);
	}
	b->v[b->n].id = id;
	memcpy(b->v[b->n++].keys, keys, sizeof b->v[0].keys);
	if (2 * (b->used + MINHASH_BANDS) < b->nslots) {
		for (k = 0; k < MINHASH_BANDS; k++)
			batch_slot_add(b, keys[k], b->n - 1);
		return;
	}
	b->nslots = b->nslots ? b->nslots * 2 : 1024;
	free(b->slots);
	b->slots = xcalloc(b->nslots, sizeof *b->slots);
	b->used = 0;
	for (i = 0; i < b->n; i++)
		for (k = 0; k < MINHASH_BANDS; k++)
			batch_slot_add(b, b->v[i].keys[k], i);
}

/* Keep candidate id (once, at most DUP_MAX_IDS of them). */
static void
dup_id_add(int64_t *ids, size_t *n, int64_t id)
{
	size_t	i;

	for (i = 0; i < *n && ids[i] != id; i++)
		;
	if (i == *n && *n < DUP_MAX_IDS)
		ids[(*n)++] = id;
}

/* The ids of the stories sharing a band key with keys, but id. */
static int
dup_candidate_ids(struct store *s, int64_t id, const int64_t *keys,
    int64_t *ids, size_t *n, char **err)
{
	struct store_dup_batch	*b = s->dup_batch;
	sqlite3_stmt		*st;
	size_t			 i, j, k;
	int			 rc;

	*n = 0;
	if ((st = st_kept(s, STMT_DUP_CANDIDATES,
	    "SELECT article_id FROM dup_bands WHERE key IN"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
	    " AND article_id <> ?13 LIMIT 256", err)) == NULL)
		return -1;
	for (k = 0; k < MINHASH_BANDS; k++)
		sqlite3_bind_int64(st, (int)k + 1, keys[k]);
	sqlite3_bind_int64(st, 13, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		dup_id_add(ids, n, sqlite3_column_int64(st, 0));
	if (st_rows_end(s, st, rc, "cannot find duplicate stories", err) != 0)
		return -1;
	for (k = 0; b != NULL && b->nslots > 0 && k < MINHASH_BANDS; k++) {
		for (i = batch_hash(keys[k], b->nslots); b->slots[i].at != 0;
		    i = (i + 1) & (b->nslots - 1)) {
			j = b->slots[i].at - 1;
			if (b->slots[i].key == keys[k] && b->v[j].id != 0 &&
			    b->v[j].id != id)
				dup_id_add(ids, n, b->v[j].id);
		}
	}
	return 0;
}

/* The stories sharing a band key with id's signature, likeliest first. */
static int
dup_candidates(struct store *s, int64_t id, const struct store_dup_sig *d,
    const int64_t *keys, struct dup_candidate *v, size_t *n, char **err)
{
	struct dup_candidate	 c;
	sqlite3_stmt		*st;
	int64_t			 ids[DUP_MAX_IDS];
	const void		*sig;
	size_t			 nids, i;
	int			 rc;

	*n = 0;
	if (dup_candidate_ids(s, id, keys, ids, &nids, err) != 0)
		return -1;
	for (i = 0; i < nids; i++) {
		if ((st = st_kept(s, STMT_DUP_SIG, "SELECT coalesce(dup_of, id),"
		    " dup_sig FROM articles WHERE id = ?1", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, ids[i]);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
		    (sig = sqlite3_column_blob(st, 1)) != NULL &&
		    sqlite3_column_bytes(st, 1) == MINHASH_SIG_BYTES) {
			c.id = ids[i];
			c.group = sqlite3_column_int64(st, 0);
			c.estimate = minhash_estimate(d->sig, sig);
			if (c.estimate >= MINHASH_LIKELY)
				dup_keep(v, n, &c);
		}
		if (st_rows_end(s, st, rc, "cannot find duplicate stories",
		    err) != 0)
			return -1;
	}
	return 0;
}

/* Is candidate id the same story as d, read from its body? -1 error. */
static int
dup_same(struct store *s, int64_t id, struct store_dup_sig *d,
    char **err)
{
	struct minhash_set	 set;
	sqlite3_stmt		*st;
	int			 rc, same = 0;

	if ((st = st_kept(s, STMT_DUP_BODY,
	    "SELECT body FROM articles WHERE id = ?1", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		minhash_shingles((const char *)sqlite3_column_text(st, 0),
		    (size_t)sqlite3_column_bytes(st, 0), &set);
		same = minhash_same(&d->set, &set);
		minhash_set_free(&set);
	}
	if (st_rows_end(s, st, rc, "cannot read article", err) != 0)
		return -1;
	return same;
}

int
store_dup_link(struct store *s, int64_t id, struct store_dup_sig *d,
    char **err)
{
	struct dup_candidate	 v[DUP_MAX_CANDIDATES];
	sqlite3_stmt		*st;
	int64_t			 keys[MINHASH_BANDS], group = 0;
	size_t			 n, i;
	int			 same;

	if (!d->has)
		return 0;
	minhash_bands(d->sig, keys);
	if (dup_candidates(s, id, d, keys, v, &n, err) != 0)
		return -1;
	for (i = 0; i < n && group == 0; i++) {
		if ((same = dup_same(s, v[i].id, d, err)) < 0)
			return -1;
		if (same)
			group = v[i].group;
	}
	if (group != 0) {
		if ((st = st_kept(s, STMT_DUP_SET,
		    "UPDATE articles SET dup_of = ?2 WHERE id = ?1",
		    err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, group);
		if (st_step(s, st, "cannot link duplicate story", err) < 0)
			return -1;
	}
	batch_add(s, id, keys);
	return 0;
}

static int
cmp_pair(const void *a, const void *b)
{
	const int64_t	*x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 :
	    (x[1] > y[1]) - (x[1] < y[1]);
}

/*
 * Write the band keys of the batch's stories, sorted by key (the pages
 * of dup_bands in order), a row a step: a statement of one row needs no
 * journal of its own. A story taken out is left out; one whose savepoint
 * was rolled back has no row, and its keys are passed over as candidates
 * until analyze --dups.
 */
int
store_dup_flush(struct store *s, char **err)
{
	struct store_dup_batch	*b = s->dup_batch;
	sqlite3_stmt		*st;
	int64_t			*pairs;
	size_t			 i, k, n = 0;
	int			 rv = 0;

	if (b == NULL || b->n == 0)
		return 0;
	pairs = xreallocarray(NULL, b->n * MINHASH_BANDS, 2 * sizeof *pairs);
	for (i = 0; i < b->n; i++)
		for (k = 0; b->v[i].id != 0 && k < MINHASH_BANDS; k++) {
			pairs[2 * n] = b->v[i].keys[k];
			pairs[2 * n++ + 1] = b->v[i].id;
		}
	store_dup_batch_clear(s);
	qsort(pairs, n, 2 * sizeof *pairs, cmp_pair);
	for (i = 0; i < n && rv == 0; i++) {
		if ((st = st_kept(s, STMT_DUP_BAND_ADD,
		    "INSERT OR IGNORE INTO dup_bands (key, article_id)"
		    " VALUES (?1, ?2)", err)) == NULL) {
			rv = -1;
			break;
		}
		sqlite3_bind_int64(st, 1, pairs[2 * i]);
		sqlite3_bind_int64(st, 2, pairs[2 * i + 1]);
		if (st_step(s, st, "cannot index stories", err) < 0)
			rv = -1;
	}
	free(pairs);
	return rv;
}

/* Forget the batch's band keys (it was rolled back, or written). */
void
store_dup_batch_clear(struct store *s)
{
	struct store_dup_batch	*b = s->dup_batch;

	if (b == NULL)
		return;
	b->n = b->used = 0;
	if (b->slots != NULL)
		memset(b->slots, 0, b->nslots * sizeof *b->slots);
}

void
store_dup_batch_free(struct store *s)
{
	if (s->dup_batch != NULL) {
		free(s->dup_batch->v);
		free(s->dup_batch->slots);
	}
	free(s->dup_batch);
	s->dup_batch = NULL;
}

/*
 * Take story id out of its group, as if it were deleted (the trigger of
 * migration 12 does the same on a delete): when it is the group's first,
 * the next oldest takes its place. Its band keys go too.
 */
static int
dup_unlink(struct store *s, int64_t id, char **err)
{
	static const char *const sql[] = {
		"UPDATE articles SET dup_of = (SELECT min(id) FROM articles"
		" WHERE dup_of = ?1) WHERE dup_of = ?1 AND id <>"
		" (SELECT min(id) FROM articles WHERE dup_of = ?1)",
		"UPDATE articles SET dup_of = NULL WHERE dup_of = ?1",
		"UPDATE articles SET dup_of = NULL WHERE id = ?1"
		" AND dup_of IS NOT NULL",
	};
	struct store_dup_batch	*b = s->dup_batch;
	unsigned char	 sig[MINHASH_SIG_BYTES];
	int64_t		 keys[MINHASH_BANDS];
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc, has = 0;

	for (i = 0; b != NULL && i < b->n; i++)
		if (b->v[i].id == id)
			b->v[i].id = 0;
	for (i = 0; i < sizeof sql / sizeof sql[0]; i++)
		if (st_step_id(s, sql[i], id, "cannot unlink duplicate story",
		    err) < 0)
			return -1;
	/* Its band keys, from the signature it had. */
	if ((st = st_prepare(s, "SELECT dup_sig FROM articles WHERE id = ?1",
	    "cannot read article", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 0) == MINHASH_SIG_BYTES) {
		memcpy(sig, sqlite3_column_blob(st, 0), MINHASH_SIG_BYTES);
		has = 1;
	}
	if (st_rows_end(s, st, rc, "cannot read article", err) != 0)
		return -1;
	if (!has)
		return 0;
	minhash_bands(sig, keys);
	for (i = 0; i < MINHASH_BANDS; i++) {
		if ((st = st_prepare(s, "DELETE FROM dup_bands WHERE key = ?1"
		    " AND article_id = ?2", "cannot unlink duplicate story",
		    err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, keys[i]);
		sqlite3_bind_int64(st, 2, id);
		if (st_step(s, st, "cannot unlink duplicate story", err) < 0)
			return -1;
	}
	return 0;
}

int
store_dup_relink(struct store *s, int64_t id, const char *body, size_t len,
    char **err)
{
	struct store_dup_sig	 d;
	sqlite3_stmt		*st;
	int			 rv = -1;

	store_dup_prepare(body, len, &d);
	if (dup_unlink(s, id, err) != 0)
		goto out;
	if ((st = st_prepare(s, "UPDATE articles SET dup_sig = ?2"
	    " WHERE id = ?1", "cannot sign story", err)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	store_dup_bind(st, 2, &d);
	if (st_step(s, st, "cannot sign story", err) < 0)
		goto out;
	rv = store_dup_link(s, id, &d, err);
out:
	store_dup_free(&d);
	return rv;
}

/* Compare one story not compared yet, inside a savepoint. */
static int
dup_compare(struct store *s, void *arg, char **err)
{
	int64_t		 id = *(int64_t *)arg;
	sqlite3_stmt	*st;
	char		*body = NULL;
	int		 rc, rv;

	if ((st = st_prepare(s, "SELECT body FROM articles WHERE id = ?1"
	    " AND dup_sig IS NULL", "cannot read article", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		body = st_column_dup(st, 0);
	if (st_rows_end(s, st, rc, "cannot read article", err) != 0)
		return -1;
	if (rc != SQLITE_ROW)
		return 1;
	rv = store_dup_relink(s, id, body, body != NULL ? strlen(body) : 0,
	    err);
	free(body);
	return rv;
}

int
store_dup_compare(struct store *s, int64_t id, char **err)
{
	int	rv;

	if ((rv = st_savepoint(s, dup_compare, &id, err)) == 0 &&
	    !store_in_batch(s) && store_dup_flush(s, err) != 0)
		return -1;
	return rv;
}

/* Drop the band keys of deleted stories. */
static int
dup_prune(struct store *s, void *arg, char **err)
{
	(void)arg;
	return st_exec(s, "DELETE FROM dup_bands WHERE article_id NOT IN"
	    " (SELECT id FROM articles)", err);
}

int
store_dup_prune(struct store *s, char **err)
{
	return st_write(s, dup_prune, NULL, err);
}

int64_t
store_dup_todo_count(struct store *s, char **err)
{
	return st_int(s, st_prepare(s, "SELECT count(*) FROM articles"
	    " WHERE dup_sig IS NULL", "cannot count stories", err), -1,
	    "cannot count stories", err);
}

int
store_dup_todo_ids(struct store *s, int64_t after, int64_t *ids, size_t n,
    size_t *got, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	*got = 0;
	if ((st = st_prepare(s, "SELECT id FROM articles WHERE dup_sig IS NULL"
	    " AND id > ?1 ORDER BY id LIMIT ?2", "cannot read stories",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)n);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ids[(*got)++] = sqlite3_column_int64(st, 0);
	return st_rows_end(s, st, rc, "cannot read stories", err);
}

int
store_article_group(struct store *s, int64_t id,
    int (*fn)(const struct store_dup *, void *), void *arg, char **err)
{
	struct store_dup	 d;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = st_prepare(s, "WITH g(first) AS (SELECT coalesce(dup_of, id)"
	    " FROM articles WHERE id = ?1)"
	    " SELECT a.id, a.outlet, f.title, a.published, a.dup_of IS NULL"
	    " FROM articles a JOIN g JOIN feeds f ON f.id = a.feed_id"
	    " WHERE (a.id = g.first OR a.dup_of = g.first) AND a.id <> ?1"
	    " ORDER BY a.id", "cannot read duplicate stories", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&d, 0, sizeof d);
		d.id = sqlite3_column_int64(st, 0);
		d.outlet = st_text(st, 1);
		d.feed = st_text(st, 2);
		d.published = st_text(st, 3);
		d.first = sqlite3_column_int(st, 4);
		if (fn(&d, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read duplicate stories", err);
}

int
store_article_user(struct store *s, int64_t id, struct store_user_data *u,
    char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(u, 0, sizeof u[0]);
	if ((st = st_prepare(s, "SELECT (SELECT count(*) FROM annotations"
	    " WHERE article_id = a.id), (SELECT count(*) FROM tags t"
	    " WHERE t.article_id = a.id AND t.added > a.fetched),"
	    " (SELECT count(*) FROM quote_fixes WHERE article_id = a.id),"
	    " a.starred FROM articles a WHERE a.id = ?1",
	    "cannot read article", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		u->notes = sqlite3_column_int64(st, 0);
		u->tags = sqlite3_column_int64(st, 1);
		u->corrections = sqlite3_column_int64(st, 2);
		u->starred = sqlite3_column_int(st, 3);
	}
	if (st_rows_end(s, st, rc, "cannot read article", err) != 0)
		return -1;
	return rc == SQLITE_ROW ? 0 : 1;
}

struct dup_delete {
	const int64_t	*ids;
	size_t		 n;
};

/* Delete the stories; 1 (and nothing deleted) if one is not there. */
static int
dup_delete(struct store *s, void *arg, char **err)
{
	struct dup_delete	*w = arg;
	size_t			 i;
	int			 rc;

	for (i = 0; i < w->n; i++) {
		/*
		 * Its feed's next fetch reads its items again, as it did
		 * before feeds kept the digest of their last body.
		 */
		if (st_step_id(s, "UPDATE feeds SET body_hash = NULL WHERE id ="
		    " (SELECT feed_id FROM articles WHERE id = ?1)", w->ids[i],
		    "cannot delete story", err) < 0)
			return -1;
		rc = st_step_id(s, "DELETE FROM articles WHERE id = ?1",
		    w->ids[i], "cannot delete story", err);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			xasprintf(err, "no story %lld", (long long)w->ids[i]);
			return -2;
		}
	}
	return 0;
}

int
store_article_delete(struct store *s, const int64_t *ids, size_t n,
    char **err)
{
	struct dup_delete	w = { ids, n };
	int			rv;

	rv = st_write(s, dup_delete, &w, err);
	return rv == -2 ? 1 : rv;
}
