/*
 * What extraction found, written with its article: entities (shared by
 * all articles, one row per kind and name), mentions and quotes; and
 * re-analysis, which replaces them (dossier analyze).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "article.h"
#include "extract.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

/*
 * Entity ids seen in this batch, by kind and name: most stories name the
 * same countries and officials, and the upsert is the dearest statement of
 * an import. Cleared when a batch ends, since a rollback forgets rows.
 */
struct store_entity_cache {
	char	**keys;		/* "kind\tname" */
	int64_t	 *ids;
	size_t	  size;		/* a power of two */
	size_t	  n;
};

static int64_t *
cache_slot(struct store_entity_cache *c, const char *key, int add)
{
	size_t	i, k;

	if (add && (c->n + 1) * 2 > c->size) {
		struct store_entity_cache old = *c;

		c->size = c->size ? c->size * 2 : 256;
		c->keys = xcalloc(c->size, sizeof *c->keys);
		c->ids = xcalloc(c->size, sizeof *c->ids);
		for (i = 0; i < old.size; i++) {
			if (old.keys[i] == NULL)
				continue;
			k = (size_t)st_str_hash(old.keys[i]) & (c->size - 1);
			while (c->keys[k] != NULL)
				k = (k + 1) & (c->size - 1);
			c->keys[k] = old.keys[i];
			c->ids[k] = old.ids[i];
		}
		free(old.keys);
		free(old.ids);
	}
	if (c->size == 0)
		return NULL;
	for (k = (size_t)st_str_hash(key) & (c->size - 1); c->keys[k] != NULL;
	    k = (k + 1) & (c->size - 1))
		if (strcmp(c->keys[k], key) == 0)
			return &c->ids[k];
	if (!add)
		return NULL;
	c->keys[k] = xstrdup(key);
	c->n++;
	return &c->ids[k];
}

/* Forget the cached entity ids (a batch ended). */
void
store_entity_cache_clear(struct store *s)
{
	struct store_entity_cache	*c = s->entity_cache;
	size_t				 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->size; i++)
		free(c->keys[i]);
	free(c->keys);
	free(c->ids);
	free(c);
	s->entity_cache = NULL;
}

int64_t
store_entity_id(struct store *s, const char *kind, const char *name,
    char **err)
{
	char		*key, *canon = NULL;
	int64_t		 id = -1, *slot;
	int		 apart;

	if (s->entity_cache == NULL)
		s->entity_cache = xcalloc(1, sizeof (struct store_entity_cache));
	xasprintf(&key, "%s\t%s", kind, name);
	if ((slot = cache_slot(s->entity_cache, key, 0)) != NULL) {
		free(key);
		return *slot;
	}
	/* A name the user merged into another is that other (an alias). */
	if (store_alias_follow(s, kind, name, &canon, &apart, err) != 0)
		goto out;
	/* The library's entity of that name or a spelling of it. */
	if ((id = store_entity_match(s, kind, canon, apart, err)) >= 0)
		*cache_slot(s->entity_cache, key, 1) = id;
out:
	free(canon);
	free(key);
	return id;
}

static void
bind_span(sqlite3_stmt *st, int i, size_t start, size_t end)
{
	if (start == EX_NONE) {
		sqlite3_bind_null(st, i);
		sqlite3_bind_null(st, i + 1);
	} else {
		sqlite3_bind_int64(st, i, (sqlite3_int64)start);
		sqlite3_bind_int64(st, i + 1, (sqlite3_int64)end);
	}
}

static const char *
source_name(const struct extract *x, const struct ex_quote *q)
{
	switch (q->source) {
	case EX_SOURCE_MEDIA:
		return "media";
	case EX_SOURCE_UNNAMED:
		return "unnamed";
	case EX_SOURCE_ENTITY:
		if (q->entity != EX_NONE && q->entity < x->nents)
			return extract_kind_name(x->ents[q->entity].kind);
		return NULL;
	default:
		return NULL;
	}
}

/*
 * Store an article's entities, mentions and quotes, with the user's
 * corrections applied (inside its savepoint).
 */
int
store_extract_add(struct store *s, int64_t article, const struct extract *x,
    char **err)
{
	sqlite3_stmt	*st;
	int64_t		*ids, *qids;
	size_t		 i, c;
	int		 rv = -1, unnamed = 0;

	ids = xcalloc(x->nents ? x->nents : 1, sizeof *ids);
	qids = xcalloc(x->nquotes ? x->nquotes : 1, sizeof *qids);
	for (i = 0; i < x->nents; i++)
		if ((ids[i] = store_entity_id(s,
		    extract_kind_name(x->ents[i].kind), x->ents[i].name,
		    err)) < 0)
			goto out;
	for (i = 0; i < x->nments && i < STORE_MAX_MENTIONS; i++) {
		const struct ex_mention *m = &x->ments[i];
		const struct ex_entity *e;

		if (m->entity >= x->nents)
			continue;
		e = &x->ents[m->entity];
		if ((st = st_kept(s, STMT_MENTION_ADD,
		    "INSERT INTO mentions (article_id, entity_id, start, end,"
		    " title, affiliation) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		    err)) == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, article);
		sqlite3_bind_int64(st, 2, ids[m->entity]);
		bind_span(st, 3, m->start, m->end);
		st_bind_text(st, 5, e->title != NULL ? e->title : m->title);
		st_bind_text(st, 6, e->affiliation);
		if (st_step(s, st, "cannot add mention", err) < 0)
			goto out;
	}
	for (i = 0; i < x->nquotes && i < STORE_MAX_QUOTES; i++) {
		const struct ex_quote *q = &x->quotes[i];

		if ((st = st_kept(s, STMT_QUOTE_ADD,
		    "INSERT INTO quotes (article_id, start, end, kind,"
		    " cue_start, cue_end, speaker_start, speaker_end,"
		    " speaker_id, source_kind, source_text, continues) VALUES"
		    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
		    err)) == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, article);
		bind_span(st, 2, q->start, q->end);
		st_bind_text(st, 4, extract_quote_kind_name(q->kind));
		bind_span(st, 5, q->cue_start, q->cue_end);
		bind_span(st, 7, q->sp_start, q->sp_end);
		if (q->entity != EX_NONE && q->entity < x->nents)
			sqlite3_bind_int64(st, 9, ids[q->entity]);
		else
			sqlite3_bind_null(st, 9);
		st_bind_text(st, 10, source_name(x, q));
		if (q->sp_start != EX_NONE && q->sp_end <= x->len &&
		    q->sp_start < q->sp_end)
			st_bind_bytes(st, 11, x->text + q->sp_start,
			    q->sp_end - q->sp_start);
		/* A later part names the row of its statement's first. */
		for (c = i; x->quotes[c].continues != EX_NONE &&
		    x->quotes[c].continues < c; c = x->quotes[c].continues)
			;
		if (c != i && qids[c] > 0)
			sqlite3_bind_int64(st, 12, qids[c]);
		else
			sqlite3_bind_null(st, 12);
		if (st_step(s, st, "cannot add quote", err) < 0)
			goto out;
		qids[i] = sqlite3_last_insert_rowid(s->db);
		unnamed |= q->entity == EX_NONE || q->entity >= x->nents;
	}
	/* The words of its sources without a speaker, once (store-people.c). */
	if (unnamed) {
		if ((st = st_kept(s, STMT_QUOTE_SOURCES, "INSERT OR IGNORE"
		    " INTO quote_sources SELECT DISTINCT lower(source_text)"
		    " FROM quotes WHERE article_id = ?1 AND speaker_id IS NULL"
		    " AND source_text IS NOT NULL", err)) == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, article);
		if (st_step(s, st, "cannot add quote", err) < 0)
			goto out;
	}
	/* The user's corrections hold over every analysis, in its savepoint. */
	rv = store_correct_apply(s, article, x->text, x->len, err);
	if (rv == 0)
		rv = store_entity_settle(s, article, err);
	if (rv == 0)
		rv = store_entity_described(s, article, err);
out:
	free(qids);
	free(ids);
	return rv;
}

/*
 * The stories to re-analyse: every one, or those an older version than
 * ?1 did (counted by the index on extract_version).
 */
#define WHERE_ALL	" WHERE ?1 IS NOT NULL"
#define WHERE_OUTDATED	" WHERE extract_version < ?1"

int64_t
store_extract_count(struct store *s, int outdated, char **err)
{
	sqlite3_stmt	*st;

	if ((st = st_prepare(s, outdated ?
	    "SELECT count(*) FROM articles" WHERE_OUTDATED :
	    "SELECT count(*) FROM articles" WHERE_ALL,
	    "cannot count stories", err)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, EXTRACT_VERSION);
	return st_int(s, st, 0, "cannot count stories", err);
}

int
store_extract_ids(struct store *s, int outdated, int64_t after,
    int64_t *ids, size_t n, size_t *got, char **err)
{
	sqlite3_stmt	*st;
	int		 rc = SQLITE_DONE;

	*got = 0;
	/*
	 * In id order from after on, not by the index: each batch reads on
	 * from where the last one stopped, so a run reads the table once.
	 */
	if ((st = st_prepare(s, outdated ?
	    "SELECT id FROM articles WHERE +extract_version < ?1"
	    " AND id > ?2 ORDER BY id LIMIT ?3" :
	    "SELECT id FROM articles" WHERE_ALL
	    " AND id > ?2 ORDER BY id LIMIT ?3",
	    "cannot list stories", err)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, EXTRACT_VERSION);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)n);
	while (*got < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ids[(*got)++] = sqlite3_column_int64(st, 0);
	if (*got == n)
		rc = SQLITE_ROW;
	return st_rows_end(s, st, rc, "cannot list stories", err);
}

/* A story's new analysis, as st_savepoint writes it. */
struct extract_replace {
	int64_t			 id;
	const struct extract	*x;
};

/*
 * Only what extraction wrote goes: the user's rows on the story (tags,
 * notes, and corrections, which are kept apart from the extractor's
 * rows and keyed by the story and the quoted text) are not touched.
 */
static int
extract_replace(struct store *s, void *arg, char **err)
{
	struct extract_replace	*r = arg;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = st_prepare(s, "UPDATE articles SET extract_version = ?2"
	    " WHERE id = ?1", "cannot re-analyse story", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int(st, 2, EXTRACT_VERSION);
	if ((rc = st_step(s, st, "cannot re-analyse story", err)) <= 0)
		return rc < 0 ? -1 : 1;
	if (st_step_id(s, "DELETE FROM mentions WHERE article_id = ?1",
	    r->id, "cannot re-analyse story", err) < 0 ||
	    st_step_id(s, "DELETE FROM quotes WHERE article_id = ?1",
	    r->id, "cannot re-analyse story", err) < 0)
		return -1;
	if ((r->x != NULL ? store_extract_add(s, r->id, r->x, err) :
	    store_correct_apply(s, r->id, NULL, 0, err)) != 0)
		return -1;
	return 0;
}

int
store_extract_replace(struct store *s, int64_t id, const struct extract *x,
    char **err)
{
	struct extract_replace	r = { id, x };

	return st_savepoint(s, extract_replace, &r, err);
}

int
store_article_outdated(const struct article *a)
{
	return a->analysed_by < EXTRACT_VERSION;
}
