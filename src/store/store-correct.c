/*
 * Corrections by the user: a quote credited to another speaker or to an
 * unnamed source, or struck out as not a quote; a name merged into
 * another (an alias); a name's role or affiliation set. They are the
 * user's rows, kept apart from the extractor's: each write here is one
 * transaction that also changes what is stored, and store_correct_apply
 * brings them to every analysis store_extract_add writes, so import,
 * re-import, refresh and re-analysis all keep them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

static const char *const fix_names[] = { "speaker", "unnamed", "not-quote" };

/*
 * The stored quote of the story that is the one at [b, e): the one that
 * overlaps it most, if that is at least half of the shorter of the two.
 * Its id, 0 if none, -1 on error.
 */
static int64_t
fix_quote(struct store *s, int64_t article, size_t b, size_t e, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 id = 0, qb, qe, over, shorter;
	int		 rc;

	if ((st = st_prepare(s, "SELECT id, start, end FROM quotes"
	    " WHERE article_id = ?1 AND start < ?3 AND end > ?2"
	    " ORDER BY min(end, ?3) - max(start, ?2) DESC, abs(start - ?2)"
	    " LIMIT 1", "cannot read quotes", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)b);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)e);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		qb = sqlite3_column_int64(st, 1);
		qe = sqlite3_column_int64(st, 2);
		over = (qe < (int64_t)e ? qe : (int64_t)e) -
		    (qb > (int64_t)b ? qb : (int64_t)b);
		shorter = qe - qb < (int64_t)(e - b) ? qe - qb :
		    (int64_t)(e - b);
		if (over * 2 >= shorter)
			id = sqlite3_column_int64(st, 0);
	}
	if (st_rows_end(s, st, rc, "cannot read quotes", err) != 0)
		return -1;
	return id;
}

/* One correction as store_correct_apply reads it. */
struct fix_row {
	int64_t		 id;
	size_t		 start, end;
	char		*words;
	char		*quote_kind;
	enum store_fix	 fix;
	char		*kind;
	char		*who;
};

/* Write a speaker or a source on quote qid, or add the quote (qid 0). */
static int
fix_credit(struct store *s, int64_t article, int64_t qid,
    const struct fix_row *f, size_t b, size_t e, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 speaker = 0;
	char		*name = NULL;
	int		 rv = -1;

	if (f->fix == STORE_FIX_SPEAKER && (store_alias_resolve(s, f->kind,
	    f->who, &name, err) != 0 ||
	    (speaker = store_entity_id(s, f->kind, name, err)) < 0))
		goto out;
	if (qid == 0) {
		if ((st = st_prepare(s, "INSERT INTO quotes (article_id, start,"
		    " end, kind) VALUES (?1, ?2, ?3, ?4) RETURNING id",
		    "cannot correct quote", err)) == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, article);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)b);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)e);
		st_bind_text(st, 4, f->quote_kind);
		if ((qid = st_int(s, st, -1, "cannot correct quote", err)) < 0)
			goto out;
	}
	/* Every part of the statement: "Q1," X said, "Q2." is one quote. */
	if ((st = st_prepare(s, "UPDATE quotes SET speaker_id = ?2,"
	    " source_kind = ?3, source_text = ?4, speaker_start = NULL,"
	    " speaker_end = NULL, corrected = 1 WHERE id IN (SELECT"
	    " coalesce(continues, id) FROM quotes WHERE id = ?1) OR"
	    " continues IN (SELECT coalesce(continues, id) FROM quotes"
	    " WHERE id = ?1)", "cannot correct quote", err)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, qid);
	if (speaker > 0) {
		sqlite3_bind_int64(st, 2, speaker);
		st_bind_text(st, 3, f->kind);
		st_bind_text(st, 4, name);
	} else {
		st_bind_text(st, 3, "unnamed");
		st_bind_text(st, 4, f->who != NULL ? f->who :
		    "an unnamed source");
	}
	if (st_step(s, st, "cannot correct quote", err) < 0)
		goto out;
	rv = 0;
out:
	free(name);
	return rv;
}

/*
 * Strike out the quotes at [b, e): the one there and those inside, each
 * with the other parts of its statement ("Q1," X said, "Q2."), so no part
 * is left to stand for the whole.
 */
static int
fix_strike(struct store *s, int64_t article, int64_t qid, size_t b,
    size_t e, char **err)
{
	sqlite3_stmt	*st;

	if ((st = st_prepare(s, "WITH hit(id) AS (SELECT coalesce(continues,"
	    " id) FROM quotes WHERE id = ?4 OR (article_id = ?1"
	    " AND start >= ?2 AND end <= ?3))"
	    " DELETE FROM quotes WHERE article_id = ?1 AND (id IN"
	    " (SELECT id FROM hit) OR continues IN (SELECT id FROM hit))",
	    "cannot correct quote",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 4, qid);
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)b);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)e);
	return st_step(s, st, "cannot correct quote", err) < 0 ? -1 : 0;
}

/*
 * Apply one correction to the story's stored quotes: find its words in
 * the body (near where they were), note where they are now, and credit
 * or strike the quote there.
 */
static int
fix_apply(struct store *s, int64_t article, const char *body, size_t len,
    const struct fix_row *f, char **err)
{
	sqlite3_stmt	*st;
	size_t		 at = 0, n = strlen(f->words);
	int64_t		 qid;
	int		 placed;

	placed = store_place_nearest(body, len, f->words, f->start, &at);
	if ((st = st_prepare(s, "UPDATE quote_fixes SET placed = ?2,"
	    " start = CASE WHEN ?2 THEN ?3 ELSE start END,"
	    " end = CASE WHEN ?2 THEN ?4 ELSE end END WHERE id = ?1",
	    "cannot correct quote", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, f->id);
	sqlite3_bind_int(st, 2, placed);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)at);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)(at + n));
	if (st_step(s, st, "cannot correct quote", err) < 0)
		return -1;
	if (!placed)
		return 0;	/* kept, for the day its words come back */
	if ((qid = fix_quote(s, article, at, at + n, err)) < 0)
		return -1;
	if (f->fix == STORE_FIX_NOT_QUOTE)
		return fix_strike(s, article, qid, at, at + n, err);
	return fix_credit(s, article, qid, f, at, at + n, err);
}

static void
fix_rows_free(struct fix_row *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].words);
		free(v[i].quote_kind);
		free(v[i].kind);
		free(v[i].who);
	}
	free(v);
}

/* The fix a stored name says; -1 if it is none. */
static int
fix_parse(const char *name)
{
	size_t	i;

	for (i = 0; name != NULL && i < 3; i++)
		if (strcmp(name, fix_names[i]) == 0)
			return (int)i;
	return -1;
}

/* Read the corrections of a story's quotes, oldest first. */
static int
fix_rows(struct store *s, int64_t article, struct fix_row **v, size_t *n,
    char **err)
{
	sqlite3_stmt	*st;
	struct fix_row	*f;
	int		 rc, fix;

	*v = NULL;
	*n = 0;
	if ((st = st_kept(s, STMT_QUOTE_FIXES_GET, "SELECT id, start, end,"
	    " words, quote_kind, fix, kind, who FROM quote_fixes"
	    " WHERE article_id = ?1 ORDER BY id", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((fix = fix_parse(st_text(st, 5))) < 0 ||
		    st_text(st, 3) == NULL)
			continue;
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		f = &(*v)[(*n)++];
		f->id = sqlite3_column_int64(st, 0);
		f->start = st_column_offset(st, 1);
		f->end = st_column_offset(st, 2);
		f->words = st_column_dup(st, 3);
		f->quote_kind = st_column_dup(st, 4);
		f->fix = (enum store_fix)fix;
		f->kind = st_column_dup(st, 6);
		f->who = st_column_dup(st, 7);
		if (f->fix == STORE_FIX_SPEAKER && (f->kind == NULL ||
		    f->who == NULL))
			f->fix = STORE_FIX_UNNAMED;
	}
	return st_rows_end(s, st, rc, "cannot read corrections", err);
}

int
store_correct_apply(struct store *s, int64_t article, const char *body,
    size_t len, char **err)
{
	struct fix_row	*v;
	size_t		 n, i;
	int		 rv = 0;

	if (store_roles_apply(s, article, 0, err) < 0 ||
	    fix_rows(s, article, &v, &n, err) != 0)
		return -1;
	/* No text: every correction waits for its words. */
	for (i = 0; i < n && rv == 0; i++)
		rv = fix_apply(s, article, body != NULL ? body : "",
		    body != NULL ? len : 0, &v[i], err);
	fix_rows_free(v, n);
	return rv;
}

/* A quote correction to make, as st_write runs it. */
struct fix_set {
	int64_t		 article;
	size_t		 start, end;
	enum store_fix	 fix;
	const char	*kind;
	const char	*who;
};

/* The story's body (a new string; NULL for none); 1 no such story. */
static int
fix_body(struct store *s, int64_t id, char **body, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	*body = NULL;
	if ((st = st_prepare(s, "SELECT coalesce(body, '') FROM articles"
	    " WHERE id = ?1", "cannot read story", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*body = st_column_dup(st, 0);
	if (st_rows_end(s, st, rc, "cannot read story", err) != 0)
		return -1;
	return *body == NULL ? 1 : 0;
}

/*
 * The kind of the quote at [start, end): a stored quote's, else a
 * "not a quote" correction's there. NULL (new string) if none.
 */
static int
fix_quote_kind(struct store *s, const struct fix_set *f, char **kind,
    char **err)
{
	static const char *const sql[] = {
		"SELECT kind FROM quotes WHERE article_id = ?1"
		" AND start = ?2 AND end = ?3",
		"SELECT quote_kind FROM quote_fixes WHERE article_id = ?1"
		" AND start = ?2 AND end = ?3 AND placed = 1"
	};
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	*kind = NULL;
	for (i = 0; i < 2 && *kind == NULL; i++) {
		if ((st = st_prepare(s, sql[i], "cannot read quotes",
		    err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, f->article);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)f->start);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)f->end);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*kind = st_column_dup(st, 0);
		if (st_rows_end(s, st, rc, "cannot read quotes", err) != 0)
			return -1;
	}
	return 0;
}

/* Delete the correction of the quote at [b, e) of a story; 1 none. */
static int
fix_drop(struct store *s, int64_t article, size_t b, size_t e, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 id;

	if ((st = st_prepare(s, "SELECT id FROM quote_fixes"
	    " WHERE article_id = ?1 AND start < ?3 AND end > ?2"
	    " ORDER BY min(end, ?3) - max(start, ?2) DESC, placed DESC,"
	    " id DESC LIMIT 1", "cannot read corrections", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)b);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)(e > b ? e : b + 1));
	if ((id = st_int(s, st, 0, "cannot read corrections", err)) <= 0)
		return id < 0 ? -1 : 1;
	return st_step_id(s, "DELETE FROM quote_fixes WHERE id = ?1", id,
	    "cannot drop correction", err) < 0 ? -1 : 0;
}

static int
quote_fix_set(struct store *s, void *arg, char **err)
{
	struct fix_set	*f = arg;
	sqlite3_stmt	*st;
	char		*body, *qkind = NULL;
	int		 rc;

	if ((rc = fix_body(s, f->article, &body, err)) != 0)
		return rc;
	rc = -1;
	if (fix_quote_kind(s, f, &qkind, err) != 0)
		goto out;
	if (qkind == NULL || f->start >= f->end || f->end > strlen(body)) {
		rc = 2;
		goto out;
	}
	if (fix_drop(s, f->article, f->start, f->end, err) < 0)
		goto out;
	if ((st = st_prepare(s, "INSERT INTO quote_fixes (article_id, start,"
	    " end, words, quote_kind, fix, kind, who, created) VALUES"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", "cannot correct quote",
	    err)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, f->article);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)f->start);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)f->end);
	st_bind_bytes(st, 4, body + f->start, f->end - f->start);
	st_bind_text(st, 5, qkind);
	st_bind_text(st, 6, fix_names[f->fix]);
	st_bind_text(st, 7, f->fix == STORE_FIX_SPEAKER ? f->kind : NULL);
	st_bind_text(st, 8, f->who);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)time(NULL));
	if (st_step(s, st, "cannot correct quote", err) < 0 ||
	    store_correct_apply(s, f->article, body, strlen(body), err) != 0)
		goto out;
	rc = 0;
out:
	free(qkind);
	free(body);
	return rc;
}

int
store_quote_fix_set(struct store *s, int64_t id, size_t start, size_t end,
    enum store_fix fix, const char *kind, const char *who, char **err)
{
	struct fix_set	f = { id, start, end, fix, kind, who };

	if (fix == STORE_FIX_SPEAKER && (kind == NULL || who == NULL)) {
		xasprintf(err, "a speaker needs a kind and a name");
		return -1;
	}
	return st_write(s, quote_fix_set, &f, err);
}

static int
quote_fix_del(struct store *s, void *arg, char **err)
{
	struct fix_set	*f = arg;

	return fix_drop(s, f->article, f->start, f->end, err);
}

int
store_quote_fix_del(struct store *s, int64_t id, size_t start, size_t end,
    char **err)
{
	struct fix_set	f = { id, start, end, STORE_FIX_SPEAKER, NULL, NULL };

	return st_write(s, quote_fix_del, &f, err);
}

int
store_quote_fixes(struct store *s, int64_t id,
    int (*fn)(const struct store_quote_fix *, void *), void *arg, char **err)
{
	struct store_quote_fix	 f;
	sqlite3_stmt		*st;
	int			 rc, fix;

	if ((st = st_prepare(s, "SELECT id, article_id, start, end, placed,"
	    " words, quote_kind, fix, kind, who, created FROM quote_fixes"
	    " WHERE ?1 = 0 OR article_id = ?1 ORDER BY article_id, start, id",
	    "cannot read corrections", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((fix = fix_parse(st_text(st, 7))) < 0)
			continue;
		memset(&f, 0, sizeof f);
		f.id = sqlite3_column_int64(st, 0);
		f.article = sqlite3_column_int64(st, 1);
		f.start = st_column_offset(st, 2);
		f.end = st_column_offset(st, 3);
		f.placed = sqlite3_column_int(st, 4);
		f.words = st_text(st, 5) != NULL ? st_text(st, 5) : "";
		f.quote_kind = st_text(st, 6);
		f.fix = (enum store_fix)fix;
		f.kind = st_text(st, 8);
		f.who = st_text(st, 9);
		f.created = sqlite3_column_int64(st, 10);
		if (fn(&f, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read corrections", err);
}
