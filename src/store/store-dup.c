/*
 * The same story stored more than once (saved twice, or one wire story
 * carried by several outlets): every story's MinHash signature (minhash.h)
 * is kept in articles.dup_sig and its band keys in dup_bands; a story
 * stored or changed is compared with the few stories sharing a band key
 * (never the whole library) and, when their shingles are the same story
 * (MINHASH_SAME, nearly all of them), joins the group of the one it repeats: articles.dup_of
 * names the group's first story, whose quotes are the ones counted. And
 * deleting stories, whose groups follow (the trigger of migration 12).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "minhash.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Candidates read in full, most alike by signature first. */
#define DUP_MAX_CANDIDATES	8

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

/* The stories sharing a band key with id's signature, likeliest first. */
static int
dup_candidates(struct store *s, int64_t id, const struct store_dup_sig *d,
    struct dup_candidate *v, size_t *n, char **err)
{
	struct dup_candidate	 c;
	sqlite3_stmt		*st;
	int64_t			 keys[MINHASH_BANDS];
	const void		*sig;
	int			 rc, i;

	*n = 0;
	minhash_bands(d->sig, keys);
	if ((st = st_kept(s, STMT_DUP_CANDIDATES,
	    "SELECT a.id, coalesce(a.dup_of, a.id), a.dup_sig FROM articles a"
	    " WHERE a.id IN (SELECT article_id FROM dup_bands WHERE key IN"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))"
	    " AND a.id <> ?13", err)) == NULL)
		return -1;
	for (i = 0; i < MINHASH_BANDS; i++)
		sqlite3_bind_int64(st, i + 1, keys[i]);
	sqlite3_bind_int64(st, 13, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sig = sqlite3_column_blob(st, 2);
		if (sig == NULL || sqlite3_column_bytes(st, 2) !=
		    MINHASH_SIG_BYTES)
			continue;
		c.id = sqlite3_column_int64(st, 0);
		c.group = sqlite3_column_int64(st, 1);
		c.estimate = minhash_estimate(d->sig, sig);
		if (c.estimate >= MINHASH_LIKELY)
			dup_keep(v, n, &c);
	}
	return st_rows_end(s, st, rc, "cannot find duplicate stories", err);
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
	if (dup_candidates(s, id, d, v, &n, err) != 0)
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
	/* Its band keys, in one statement. */
	minhash_bands(d->sig, keys);
	if ((st = st_kept(s, STMT_DUP_BAND_ADD,
	    "INSERT OR IGNORE INTO dup_bands (key, article_id) VALUES"
	    " (?1, ?13), (?2, ?13), (?3, ?13), (?4, ?13), (?5, ?13),"
	    " (?6, ?13), (?7, ?13), (?8, ?13), (?9, ?13), (?10, ?13),"
	    " (?11, ?13), (?12, ?13)", err)) == NULL)
		return -1;
	for (i = 0; i < MINHASH_BANDS; i++)
		sqlite3_bind_int64(st, (int)i + 1, keys[i]);
	sqlite3_bind_int64(st, 13, id);
	return st_step(s, st, "cannot index story", err) < 0 ? -1 : 0;
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
	unsigned char	 sig[MINHASH_SIG_BYTES];
	int64_t		 keys[MINHASH_BANDS];
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc, has = 0;

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
	return st_savepoint(s, dup_compare, &id, err);
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
