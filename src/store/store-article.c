/*
 * Articles in the store: adding and reading them, and the tags, mentions,
 * quotes and notes a story is shown with. Listings are in store-query.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "extract.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

#define LOCAL_FEED_URL	"local:saved"
#define LOCAL_FEED_NAME	"Saved stories"

int64_t
store_local_feed(struct store *s, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 id;
	int		 pass;

	if (s->local_feed > 0)
		return s->local_feed;
	/*
	 * Look, add if missing, look again: another dossier may add the feed
	 * between our look and our insert, which the conflict clause allows.
	 */
	for (pass = 0; pass < 2; pass++) {
		st = st_kept(s, STMT_FEED_LOCAL_GET,
		    "SELECT id FROM feeds WHERE url = ?1", err);
		if (st == NULL)
			return -1;
		st_bind_text(st, 1, LOCAL_FEED_URL);
		if ((id = st_int(s, st, 0, "cannot read feeds", err)) < 0)
			return -1;
		if (id > 0)
			return s->local_feed = id;
		if (pass == 1)
			break;
		if (s->readonly)
			return st_readonly(s, err);
		st = st_kept(s, STMT_FEED_LOCAL_ADD,
		    "INSERT INTO feeds (url, title, kind, created)"
		    " VALUES (?1, ?2, 'local', ?3)"
		    " ON CONFLICT (url) DO NOTHING", err);
		if (st == NULL)
			return -1;
		st_bind_text(st, 1, LOCAL_FEED_URL);
		st_bind_text(st, 2, LOCAL_FEED_NAME);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
		if (st_step(s, st, "cannot add the saved-stories feed",
		    err) < 0)
			return -1;
	}
	return st_error(s, err, "cannot add the saved-stories feed");
}

/*
 * Keep this connection's savepoint journals in memory (temp_store). A
 * story's savepoint touches about 70 KiB of pages, more than the 64 KiB
 * sqlite keeps in memory before it spills to a temporary file, so every
 * story of a batch rewrote that file: 175,000 pwrite64 calls for a
 * 5,000-item feed. Changing temp_store drops the connection's temporary
 * tables and keeps those made later in memory too: it is changed only on
 * a connection that has none but the search's views of the index (which
 * hold nothing, and are made again), that is ingest's before anything
 * else.
 */
int
store_ingest_memory(struct store *s, char **err)
{
	int64_t	n, views;

	if (s->temp_memory || s->readonly || !sqlite3_get_autocommit(s->db))
		return 0;
	n = st_int(s, st_prepare(s, "SELECT count(*) FROM temp.sqlite_master",
	    "cannot read the temporary tables", err), 0,
	    "cannot read the temporary tables", err);
	if (n < 0)
		return -1;
	views = st_int(s, st_prepare(s, "SELECT count(*) FROM temp.sqlite_master"
	    " WHERE name IN ('dossier_terms', 'dossier_vocab')",
	    "cannot read the temporary tables", err), 0,
	    "cannot read the temporary tables", err);
	if (views < 0)
		return -1;
	if (n > views)
		return 0;
	if (st_exec(s, "PRAGMA temp_store = MEMORY", err) != 0)
		return -1;
	s->temp_memory = 1;
	return views > 0 ? store_search_terms(s, err) : 0;
}

int
store_article_exists(struct store *s, int64_t feed, const char *guid,
    char **err)
{
	sqlite3_stmt	*st;

	st = st_kept(s, STMT_ARTICLE_EXISTS,
	    "SELECT 1 FROM articles WHERE feed_id = ?1 AND guid = ?2", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed);
	st_bind_text(st, 2, guid);
	return (int)st_int(s, st, 0, "cannot look up article", err);
}

int
store_article_by_path(struct store *s, int64_t feed, const char *path,
    int64_t *id, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 v;

	st = st_kept(s, STMT_ARTICLE_BY_PATH, "SELECT p.article_id"
	    " FROM article_paths p JOIN articles a ON a.id = p.article_id"
	    " WHERE p.path = ?1 AND a.feed_id = ?2", err);
	if (st == NULL)
		return -1;
	st_bind_text(st, 1, path);
	sqlite3_bind_int64(st, 2, feed);
	if ((v = st_int(s, st, 0, "cannot look up a saved file", err)) < 0)
		return -1;
	*id = v;
	return v > 0;
}

int
store_article_has_path(struct store *s, int64_t id, const char *path,
    char **err)
{
	sqlite3_stmt	*st;

	st = st_kept(s, STMT_ARTICLE_HAS_PATH, "SELECT 1 FROM article_paths"
	    " WHERE path = ?1 AND article_id = ?2", err);
	if (st == NULL)
		return -1;
	st_bind_text(st, 1, path);
	sqlite3_bind_int64(st, 2, id);
	return (int)st_int(s, st, 0, "cannot look up a saved file", err);
}

int
store_article_path_set(struct store *s, int64_t id, const char *path,
    char **err)
{
	sqlite3_stmt	*st;

	if ((st = st_kept(s, STMT_ARTICLE_PATH_SET, "INSERT OR REPLACE INTO"
	    " article_paths (path, article_id) VALUES (?1, ?2)", err)) ==
	    NULL)
		return -1;
	st_bind_text(st, 1, path);
	sqlite3_bind_int64(st, 2, id);
	return st_step(s, st, "cannot keep a saved file's path", err) < 0 ?
	    -1 : 0;
}

/*
 * Add the tags ingest gives a story (its categories, its feed's tags,
 * import --tag). They are dated at the story's fetched time, never
 * later, even when the clock has ticked since the story was written or it
 * is an update: a tag added after fetched is the user's own, and keeps the
 * story when its feed is removed (store-feed.c).
 */
static int
add_tags(struct store *s, int64_t id, char **tags, size_t ntags, char **err)
{
	sqlite3_stmt	*st;
	size_t		 i;

	for (i = 0; i < ntags; i++) {
		st = st_kept(s, STMT_TAG_ADD,
		    "INSERT OR IGNORE INTO tags (article_id, tag, added)"
		    " SELECT id, ?2, fetched FROM articles WHERE id = ?1", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		st_bind_text(st, 2, tags[i]);
		if (st_step(s, st, "cannot add tag", err) < 0)
			return -1;
	}
	return 0;
}

/* Add an article's captions, links, subheadings and tags (a->id set). */
int
store_article_rows(struct store *s, struct article *a, char **err)
{
	sqlite3_stmt	*st;
	size_t		 i;

	for (i = 0; i < a->ncaptions; i++) {
		if ((st = st_kept(s, STMT_CAPTION_ADD,
		    "INSERT INTO captions (article_id, seq, text)"
		    " VALUES (?1, ?2, ?3)", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		st_bind_text(st, 3, a->captions[i]);
		if (st_step(s, st, "cannot add caption", err) < 0)
			return -1;
	}
	for (i = 0; i < a->nlinks; i++) {
		if ((st = st_kept(s, STMT_LINK_ADD,
		    "INSERT INTO links (article_id, seq, url, text)"
		    " VALUES (?1, ?2, ?3, ?4)", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		st_bind_text(st, 3, a->links[i].url);
		st_bind_text(st, 4, a->links[i].text);
		if (st_step(s, st, "cannot add link", err) < 0)
			return -1;
	}
	for (i = 0; i < a->nsubheadings; i++) {
		if ((st = st_kept(s, STMT_SUBHEADING_ADD,
		    "INSERT OR IGNORE INTO subheadings (article_id, start, end)"
		    " VALUES (?1, ?2, ?3)", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)a->subheadings[i].start);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)a->subheadings[i].end);
		if (st_step(s, st, "cannot add subheading", err) < 0)
			return -1;
	}
	return add_tags(s, a->id, a->tags, a->ntags, err);
}

/*
 * Where a story sorts: its publication date, or -1 when it has none. A
 * date more than a day ahead is a feed's mistake (or an embargo) and
 * would hold the top of every listing for years, so it counts as none.
 */
int64_t
store_sort_ts(const char *published, int64_t now)
{
	int64_t	ts;

	if (published == NULL || (ts = date_epoch(published)) < 0)
		return -1;
	return ts > now + 86400 ? -1 : ts;
}

/*
 * Migration 17 -> 18: a feed item whose only text is its summary gave the
 * story that text twice, as its body and as its lead (the body made one
 * line). Such a lead is no longer stored: lead_body says it is the body's,
 * STORE_LEAD (store-int.h) reads it back, and the full-text index holds
 * its words once, in the body column (articles_text gives the lead as
 * stored; store-search.c marks a match in such a lead from the body's).
 * The stories concerned leave the index as they were indexed and enter it
 * again, the index is merged when they were some, and store_migrate gives
 * the space back.
 */
const char store_lead_migration[] =
    "ALTER TABLE articles ADD COLUMN lead_body INTEGER NOT NULL DEFAULT 0;"
    "CREATE TEMP TABLE lead_body AS SELECT id FROM articles"
    "  WHERE lead = replace(body, char(10) || char(10), ' ');"
    "INSERT INTO articles_fts (articles_fts, rowid, title, lead, body,"
    "  captions) SELECT 'delete', id, title, lead, body, captions"
    "  FROM articles_text WHERE id IN (SELECT id FROM temp.lead_body);"
    "UPDATE articles SET lead_body = 1, lead = NULL"
    "  WHERE id IN (SELECT id FROM temp.lead_body);"
    "INSERT INTO articles_fts (rowid, title, lead, body, captions)"
    "  SELECT id, title, lead, body, captions FROM articles_text"
    "  WHERE id IN (SELECT id FROM temp.lead_body);"
    "INSERT INTO articles_fts (articles_fts) SELECT 'optimize'"
    "  WHERE EXISTS (SELECT 1 FROM temp.lead_body);"
    "DROP TABLE temp.lead_body;"
    /*
     * And the index of content hashes goes: a story's hash is read with
     * its row, found by feed and guid (store_article_lookup), never
     * searched for.
     */
    "DROP INDEX IF EXISTS articles_hash;"
    /*
     * A story's content and raw hashes (SHA-256) are kept as their 32
     * bytes, not 64 hex digits (st_bind_hash): only compared, never shown.
     */
    "UPDATE articles SET content_hash = dossier_hash(content_hash),"
    "  raw_hash = dossier_hash(raw_hash)"
    "  WHERE typeof(content_hash) = 'text' OR typeof(raw_hash) = 'text';"
    /*
     * A quote's speaker is looked up only by its id (speaker_id = ?, a
     * join on it): the third of quotes with none leave its index.
     */
    "DROP INDEX IF EXISTS quotes_speaker_story;"
    "CREATE INDEX quotes_speaker_story ON quotes (speaker_id, article_id)"
    "  WHERE speaker_id IS NOT NULL;"
    /* Starred stories are listed by starred = 1 alone: only they. */
    "DROP INDEX IF EXISTS articles_starred;"
    "CREATE INDEX articles_starred ON articles (starred, sort_ts DESC,"
    "  id DESC) WHERE starred = 1;";

/*
 * Is lead the body made one line, each blank line between paragraphs a
 * space, as STORE_LEAD's replace() reads it back (left to right, each
 * pair of newlines once)?
 */
int
store_lead_is_body(const char *lead, const char *body, size_t len)
{
	size_t	i = 0, j = 0;

	if (lead == NULL || body == NULL)
		return 0;
	while (i < len) {
		if (i + 1 < len && body[i] == '\n' && body[i + 1] == '\n') {
			if (lead[j++] != ' ')
				return 0;
			i += 2;
		} else if (lead[j++] != body[i++])
			return 0;
	}
	return lead[j] == '\0';
}

/* A story to add, as st_savepoint writes it. */
struct article_add {
	int64_t			 feed;
	struct article		*a;
	const char		*hash;
	const struct extract	*x;
	struct store_dup_sig	*dup;		/* its signature */
};

/* Write a story and its rows; 1 if its guid was there already. */
static int
article_add(struct store *s, void *arg, char **err)
{
	struct article_add	*w = arg;
	struct article		*a = w->a;
	sqlite3_stmt		*st;
	int64_t			 now = (int64_t)time(NULL), ts;
	int			 rc, lead_body;

	ts = store_sort_ts(a->published, now);
	st = st_kept(s, STMT_ARTICLE_ADD,
	    "INSERT INTO articles (feed_id, guid, url, title, outlet, byline,"
	    " published, sort_ts, fetched, lead, body, content_hash,"
	    " extract_version, dup_sig, raw_hash, lead_body)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16)"
	    " ON CONFLICT (feed_id, guid) DO NOTHING", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, w->feed);
	st_bind_text(st, 2, a->guid);
	st_bind_text(st, 3, a->url);
	st_bind_text(st, 4, a->title);
	st_bind_text(st, 5, a->outlet);
	st_bind_text(st, 6, a->byline);
	st_bind_text(st, 7, a->published);
	sqlite3_bind_int64(st, 8, ts >= 0 ? ts : now);
	sqlite3_bind_int64(st, 9, now);
	lead_body = store_lead_is_body(a->lead, a->body, a->body_len);
	st_bind_text(st, 10, lead_body ? NULL : a->lead);
	st_bind_bytes(st, 11, a->body, a->body_len);
	st_bind_hash(st, 12, w->hash);
	/* A story with no body is analysed: there is nothing to find. */
	sqlite3_bind_int(st, 13, EXTRACT_VERSION);
	store_dup_bind(st, 14, w->dup);
	st_bind_hash(st, 15, a->raw_hash[0] != '\0' ? a->raw_hash : NULL);
	sqlite3_bind_int(st, 16, lead_body);
	if ((rc = st_step(s, st, "cannot add article", err)) <= 0)
		return rc < 0 ? -1 : 1;
	a->id = sqlite3_last_insert_rowid(s->db);
	if ((a->path != NULL && store_article_path_set(s, a->id, a->path,
	    err) != 0) || store_dup_link(s, a->id, w->dup, err) != 0 ||
	    store_article_rows(s, a, err) != 0 ||
	    (w->x != NULL && store_extract_add(s, a->id, w->x, err) != 0))
		return -1;
	return 0;
}

int
store_article_add(struct store *s, int64_t feed, struct article *a,
    const char *content_hash, const struct extract *x, char **err)
{
	struct store_dup_sig	d;
	struct article_add	w = { feed, a, content_hash, x, &d };
	int			rv;

	store_dup_prepare(a->body, a->body_len, &d);
	rv = st_savepoint(s, article_add, &w, err);
	store_dup_free(&d);
	if (rv != 0) {
		if (rv < 0)
			a->id = 0;
		return rv;
	}
	/*
	 * Ids only grow while we hold the write lock, so the batch's stories
	 * are those from the first one on; outside a batch, index it now.
	 */
	if (s->fts_from <= 0)
		s->fts_from = a->id;
	if (!store_in_batch(s) && store_fts_flush(s, err) != 0)
		return -1;
	return 0;
}

/* Read a story's own row into a; 1 if there is no such story. */
static int
article_row(struct store *s, int64_t id, struct article *a, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = st_kept(s, STMT_ARTICLE_GET,
	    "SELECT a.guid, a.url, a.title, a.outlet, a.byline, a.published,"
	    " " STORE_LEAD("a") ", a.body, a.read, a.starred, f.title,"
	    " a.extract_version"
	    " FROM articles a JOIN feeds f ON f.id = a.feed_id"
	    " WHERE a.id = ?1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a->id = id;
		a->guid = st_column_dup(st, 0);
		a->url = st_column_url(st, 1);
		a->title = st_column_dup(st, 2);
		a->outlet = st_column_dup(st, 3);
		a->byline = st_column_dup(st, 4);
		a->published = st_column_dup(st, 5);
		a->lead = st_column_dup(st, 6);
		a->body = st_column_dup(st, 7);
		a->body_len = a->body != NULL ? strlen(a->body) : 0;
		a->body_cap = a->body != NULL ? a->body_len + 1 : 0;
		a->read = sqlite3_column_int(st, 8);
		a->starred = sqlite3_column_int(st, 9);
		a->feed = st_column_dup(st, 10);
		a->analysed_by = sqlite3_column_int(st, 11);
	}
	st_finish(s, st);
	if (rc == SQLITE_DONE)
		return 1;
	return rc == SQLITE_ROW ? 0 : st_error(s, err, "cannot read article");
}

/*
 * Prepare one of a story's lists (kept statement sid), its parameter ?1
 * the story's id.
 */
static sqlite3_stmt *
article_list(struct store *s, enum store_stmt_id sid, const char *sql,
    int64_t id, char **err)
{
	sqlite3_stmt	*st;

	if ((st = st_kept(s, sid, sql, err)) != NULL)
		sqlite3_bind_int64(st, 1, id);
	return st;
}

/* Read a story's captions and tags, in order. */
static int
article_strings(struct store *s, struct article *a, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = article_list(s, STMT_CAPTIONS_GET, "SELECT text FROM captions"
	    " WHERE article_id = ?1 ORDER BY seq", a->id, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a->captions = xreallocarray(a->captions, a->ncaptions + 1,
		    sizeof *a->captions);
		a->captions[a->ncaptions++] = st_column_dup(st, 0);
	}
	if (st_rows_end(s, st, rc, "cannot read article", err) != 0)
		return -1;
	if ((st = article_list(s, STMT_TAGS_GET, "SELECT tag FROM tags"
	    " WHERE article_id = ?1 ORDER BY tag", a->id, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a->tags = xreallocarray(a->tags, a->ntags + 1,
		    sizeof *a->tags);
		a->tags[a->ntags++] = st_column_dup(st, 0);
	}
	return st_rows_end(s, st, rc, "cannot read article", err);
}

/* Read a story's subheadings (spans of its body) and links, in order. */
static int
article_spans(struct store *s, struct article *a, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 b, e;
	char		*url;
	int		 rc;

	if ((st = article_list(s, STMT_SUBHEADINGS_GET, "SELECT start, end"
	    " FROM subheadings WHERE article_id = ?1 ORDER BY start", a->id,
	    err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		b = sqlite3_column_int64(st, 0);
		e = sqlite3_column_int64(st, 1);
		if (b < 0 || e < b || (size_t)e > a->body_len)
			continue;	/* never trust a span we cannot hold */
		a->subheadings = xreallocarray(a->subheadings,
		    a->nsubheadings + 1, sizeof *a->subheadings);
		a->subheadings[a->nsubheadings].start = (size_t)b;
		a->subheadings[a->nsubheadings++].end = (size_t)e;
	}
	if (st_rows_end(s, st, rc, "cannot read article", err) != 0)
		return -1;
	if ((st = article_list(s, STMT_LINKS_GET, "SELECT url, text FROM links"
	    " WHERE article_id = ?1 ORDER BY seq", a->id, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((url = st_column_url(st, 0)) == NULL)
			continue;
		a->links = xreallocarray(a->links, a->nlinks + 1,
		    sizeof *a->links);
		a->links[a->nlinks].url = url;
		a->links[a->nlinks++].text = st_column_dup(st, 1);
	}
	return st_rows_end(s, st, rc, "cannot read article", err);
}

int
store_article_get(struct store *s, int64_t id, struct article *a, char **err)
{
	int	rv;

	article_init(a);
	if ((rv = article_row(s, id, a, err)) == 0 &&
	    (rv = article_strings(s, a, err)) == 0 &&
	    (rv = article_spans(s, a, err)) == 0)
		return 0;
	article_free(a);
	return rv;
}

int
store_article_mentions(struct store *s, int64_t id,
    int (*fn)(const struct store_mention *, void *), void *arg, char **err)
{
	struct store_mention	 m;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = article_list(s, STMT_MENTIONS_GET,
	    "SELECT e.kind, e.name, m.start, m.end, m.title, m.affiliation"
	    " FROM mentions m JOIN entities e ON e.id = m.entity_id"
	    " WHERE m.article_id = ?1 ORDER BY m.start", id, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m.kind = st_text(st, 0);
		m.name = st_text(st, 1);
		m.start = st_column_offset(st, 2);
		m.end = st_column_offset(st, 3);
		m.title = st_text(st, 4);
		m.affiliation = st_text(st, 5);
		if (fn(&m, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read mentions", err);
}

int
store_article_quotes(struct store *s, int64_t id,
    int (*fn)(const struct store_quote *, void *), void *arg, char **err)
{
	struct store_quote	 q;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = article_list(s, STMT_QUOTES_GET,
	    "SELECT q.start, q.end, q.kind, q.cue_start, q.cue_end,"
	    " q.speaker_start, q.speaker_end, e.name, q.source_kind,"
	    " q.source_text, e.kind, q.corrected, q.id, q.continues"
	    " FROM quotes q"
	    " LEFT JOIN entities e ON e.id = q.speaker_id"
	    " WHERE q.article_id = ?1 ORDER BY q.start", id, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&q, 0, sizeof q);
		q.start = st_column_offset(st, 0);
		q.end = st_column_offset(st, 1);
		q.kind = st_text(st, 2);
		q.has_cue = sqlite3_column_type(st, 3) != SQLITE_NULL;
		q.cue_start = st_column_offset(st, 3);
		q.cue_end = st_column_offset(st, 4);
		q.has_speaker = sqlite3_column_type(st, 5) != SQLITE_NULL;
		q.speaker_start = st_column_offset(st, 5);
		q.speaker_end = st_column_offset(st, 6);
		q.speaker_name = st_text(st, 7);
		q.source_kind = st_text(st, 8);
		q.source_text = st_text(st, 9);
		q.speaker_kind = st_text(st, 10);
		q.corrected = sqlite3_column_int(st, 11);
		q.id = sqlite3_column_int64(st, 12);
		q.continues = sqlite3_column_int64(st, 13);
		if (fn(&q, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read quotes", err);
}

int
store_article_notes(struct store *s, int64_t id,
    int (*fn)(const struct store_note *, void *), void *arg, char **err)
{
	struct store_note	 n;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = article_list(s, STMT_NOTES_GET,
	    "SELECT id, start, end, anchor, note, created, updated"
	    " FROM annotations WHERE article_id = ?1"
	    " ORDER BY coalesce(start, -1), id", id, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&n, 0, sizeof n);
		n.id = sqlite3_column_int64(st, 0);
		n.has_span = sqlite3_column_type(st, 1) != SQLITE_NULL;
		n.start = st_column_offset(st, 1);
		n.end = st_column_offset(st, 2);
		n.anchor = st_text(st, 3);
		n.note = st_text(st, 4);
		n.created = sqlite3_column_int64(st, 5);
		n.updated = sqlite3_column_int64(st, 6);
		if (fn(&n, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read notes", err);
}

/* Index the stories this batch added, in one statement. */
int
store_fts_flush(struct store *s, char **err)
{
	sqlite3_stmt	*st;

	if (store_dup_flush(s, err) != 0)
		return -1;
	if (s->fts_from <= 0)
		return 0;
	if ((st = st_kept(s, STMT_FTS_ADD,
	    "INSERT INTO articles_fts (rowid, title, lead, body, captions)"
	    " SELECT id, title, lead, body, captions FROM articles_text"
	    " WHERE id >= ?1",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, s->fts_from);
	if (st_step(s, st, "cannot index stories", err) < 0)
		return -1;
	s->fts_from = 0;
	return 0;
}
