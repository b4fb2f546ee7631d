/*
 * Articles in the store: adding, listing and reading them, and the tags,
 * mentions, quotes and notes a story is shown with.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "store.h"
#include "store-int.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

#define LOCAL_FEED_URL	"local:saved"
#define LOCAL_FEED_NAME	"Saved stories"

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static char *
column_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s == NULL ? NULL : xstrdup((const char *)s);
}

/*
 * A story's or link's address as read back: what url_story keeps, else
 * NULL. Libraries written before addresses were checked on the way in may
 * hold a "javascript:" one or a feed's password; they are left in the
 * file (nothing of the user's is rewritten) but never offered to show,
 * export or open, and a re-fetch of the story replaces them.
 */
static char *
column_url(sqlite3_stmt *st, int i)
{
	const char	*s = (const char *)sqlite3_column_text(st, i);
	const char	*why;

	if (s == NULL)
		return NULL;
	return url_story(s, (size_t)sqlite3_column_bytes(st, i), &why);
}

int64_t
store_local_feed(struct store *s, char **err)
{
	sqlite3_stmt	*st;
	int		 rc, pass;

	if (s->local_feed > 0)
		return s->local_feed;
	/*
	 * Look, add if missing, look again: another dossier may add the feed
	 * between our look and our insert, which the conflict clause allows.
	 */
	for (pass = 0; pass < 2; pass++) {
		st = store_stmt(s, STMT_FEED_LOCAL_GET,
		    "SELECT id FROM feeds WHERE url = ?1", err);
		if (st == NULL)
			return -1;
		bind_text(st, 1, LOCAL_FEED_URL);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			s->local_feed = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			return s->local_feed;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_error(s, err, "cannot read feeds");
		if (pass == 1)
			break;
		if (s->readonly)
			return store_readonly(s, err);
		st = store_stmt(s, STMT_FEED_LOCAL_ADD,
		    "INSERT INTO feeds (url, title, kind, created)"
		    " VALUES (?1, ?2, 'local', ?3)"
		    " ON CONFLICT (url) DO NOTHING", err);
		if (st == NULL)
			return -1;
		bind_text(st, 1, LOCAL_FEED_URL);
		bind_text(st, 2, LOCAL_FEED_NAME);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_error(s, err,
			    "cannot add the saved-stories feed");
	}
	return store_error(s, err, "cannot add the saved-stories feed");
}

int
store_article_exists(struct store *s, int64_t feed, const char *guid,
    char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = store_stmt(s, STMT_ARTICLE_EXISTS,
	    "SELECT 1 FROM articles WHERE feed_id = ?1 AND guid = ?2", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed);
	bind_text(st, 2, guid);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_error(s, err, "cannot look up article");
}

/* Step a write statement to completion; -1 with *err on failure. */
static int
step_done(struct store *s, sqlite3_stmt *st, char **err, const char *what)
{
	int	rc;

	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, what);
	return 0;
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
		st = store_stmt(s, STMT_TAG_ADD,
		    "INSERT OR IGNORE INTO tags (article_id, tag, added)"
		    " SELECT id, ?2, fetched FROM articles WHERE id = ?1", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, tags[i]);
		if (step_done(s, st, err, "cannot add tag") != 0)
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
		if ((st = store_stmt(s, STMT_CAPTION_ADD,
		    "INSERT INTO captions (article_id, seq, text)"
		    " VALUES (?1, ?2, ?3)", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		bind_text(st, 3, a->captions[i]);
		if (step_done(s, st, err, "cannot add caption") != 0)
			return -1;
	}
	for (i = 0; i < a->nlinks; i++) {
		if ((st = store_stmt(s, STMT_LINK_ADD,
		    "INSERT INTO links (article_id, seq, url, text)"
		    " VALUES (?1, ?2, ?3, ?4)", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		bind_text(st, 3, a->links[i].url);
		bind_text(st, 4, a->links[i].text);
		if (step_done(s, st, err, "cannot add link") != 0)
			return -1;
	}
	for (i = 0; i < a->nsubheadings; i++) {
		if ((st = store_stmt(s, STMT_SUBHEADING_ADD,
		    "INSERT OR IGNORE INTO subheadings (article_id, start, end)"
		    " VALUES (?1, ?2, ?3)", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)a->subheadings[i].start);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)a->subheadings[i].end);
		if (step_done(s, st, err, "cannot add subheading") != 0)
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

int
store_article_add(struct store *s, int64_t feed, struct article *a,
    const char *content_hash, const struct extract *x, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 now = (int64_t)time(NULL), ts = -1;
	int		 rc;

	ts = store_sort_ts(a->published, now);
	if (store_exec(s, "SAVEPOINT article", err) != 0)
		return -1;
	st = store_stmt(s, STMT_ARTICLE_ADD,
	    "INSERT INTO articles (feed_id, guid, url, title, outlet, byline,"
	    " published, sort_ts, fetched, lead, body, content_hash)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
	    " ON CONFLICT (feed_id, guid) DO NOTHING", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, feed);
	bind_text(st, 2, a->guid);
	bind_text(st, 3, a->url);
	bind_text(st, 4, a->title);
	bind_text(st, 5, a->outlet);
	bind_text(st, 6, a->byline);
	bind_text(st, 7, a->published);
	sqlite3_bind_int64(st, 8, ts >= 0 ? ts : now);
	sqlite3_bind_int64(st, 9, now);
	bind_text(st, 10, a->lead);
	if (a->body != NULL)
		sqlite3_bind_text(st, 11, a->body, (int)a->body_len,
		    SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 11);
	bind_text(st, 12, content_hash);
	if (step_done(s, st, err, "cannot add article") != 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		store_exec(s, "RELEASE article", NULL);
		return 1;
	}
	a->id = sqlite3_last_insert_rowid(s->db);
	if (store_article_rows(s, a, err) != 0)
		goto fail;
	if (x != NULL && store_extract_add(s, a->id, x, err) != 0)
		goto fail;
	if (store_exec(s, "RELEASE article", err) != 0)
		goto fail;
	/*
	 * Ids only grow while we hold the write lock, so the batch's stories
	 * are those from the first one on; outside a batch, index it now.
	 */
	if (s->fts_from <= 0)
		s->fts_from = a->id;
	if (!store_in_batch(s) && store_fts_flush(s, err) != 0)
		return -1;
	return 0;
fail:
	rc = -1;
	store_exec(s, "ROLLBACK TO article; RELEASE article", NULL);
	a->id = 0;
	return rc;
}

int
store_article_tag(struct store *s, int64_t id, char **tags, size_t ntags,
    char **err)
{
	return add_tags(s, id, tags, ntags, err);
}

/* Build the WHERE clause of a listing; parameters are ?1 (tag). */
static void
query_where(struct buf *sql, const struct store_query *q)
{
	const char	*and = " WHERE ";

	if (q->tag != NULL) {
		buf_printf(sql, "%sa.id IN (SELECT article_id FROM tags"
		    " WHERE tag = ?1)", and);
		and = " AND ";
	}
	if (q->unread) {
		buf_printf(sql, "%sa.read = 0", and);
		and = " AND ";
	}
	if (q->tagged_or_noted)
		buf_printf(sql, "%sa.id IN (SELECT article_id FROM tags"
		    " UNION SELECT article_id FROM annotations)", and);
}

int
store_article_list(struct store *s, const struct store_query *q,
    int (*fn)(const struct article *, void *), void *arg, char **err)
{
	struct buf	 sql;
	struct article	 a;
	sqlite3_stmt	*st = NULL;
	const char	*tags;
	int		 rc, stop, rv = -1;

	buf_init(&sql);
	buf_adds(&sql, "SELECT a.id, a.guid, a.url, a.title, a.outlet,"
	    " a.byline, a.published, a.read, a.starred,"
	    " (SELECT group_concat(tag, char(10)) FROM"
	    "   (SELECT tag FROM tags WHERE article_id = a.id ORDER BY tag)),"
	    " f.title FROM articles a JOIN feeds f ON f.id = a.feed_id");
	query_where(&sql, q);
	buf_printf(&sql, " ORDER BY a.sort_ts DESC, a.id DESC LIMIT %lld"
	    " OFFSET %lld", q->limit > 0 ? (long long)q->limit : -1LL,
	    (long long)q->offset);
	if (sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL) != SQLITE_OK) {
		store_error(s, err, "cannot list articles");
		goto out;
	}
	if (q->tag != NULL)
		bind_text(st, 1, q->tag);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		article_init(&a);
		a.id = sqlite3_column_int64(st, 0);
		a.guid = column_strdup(st, 1);
		a.url = column_url(st, 2);
		a.title = column_strdup(st, 3);
		a.outlet = column_strdup(st, 4);
		a.byline = column_strdup(st, 5);
		a.published = column_strdup(st, 6);
		a.read = sqlite3_column_int(st, 7);
		a.starred = sqlite3_column_int(st, 8);
		tags = (const char *)sqlite3_column_text(st, 9);
		while (tags != NULL && *tags != '\0') {
			size_t n = strcspn(tags, "\n");

			a.tags = xreallocarray(a.tags, a.ntags + 1,
			    sizeof *a.tags);
			a.tags[a.ntags++] = xstrndup(tags, n);
			tags += n + (tags[n] == '\n');
		}
		a.feed = column_strdup(st, 10);
		stop = fn(&a, arg);
		article_free(&a);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE) {
		store_error(s, err, "cannot list articles");
		goto out;
	}
	rv = 0;
out:
	sqlite3_finalize(st);
	buf_free(&sql);
	return rv;
}

int64_t
store_article_count(struct store *s, const struct store_query *q, char **err)
{
	struct buf	 sql;
	sqlite3_stmt	*st = NULL;
	int64_t		 n = -1;

	buf_init(&sql);
	buf_adds(&sql, "SELECT count(*) FROM articles a");
	query_where(&sql, q);
	if (sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL) != SQLITE_OK) {
		store_error(s, err, "cannot count articles");
		goto out;
	}
	if (q->tag != NULL)
		bind_text(st, 1, q->tag);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		store_error(s, err, "cannot count articles");
out:
	sqlite3_finalize(st);
	buf_free(&sql);
	return n;
}

int
store_article_get(struct store *s, int64_t id, struct article *a, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	article_init(a);
	st = store_stmt(s, STMT_ARTICLE_GET,
	    "SELECT a.guid, a.url, a.title, a.outlet, a.byline, a.published,"
	    " a.lead, a.body, a.read, a.starred, f.title"
	    " FROM articles a JOIN feeds f ON f.id = a.feed_id"
	    " WHERE a.id = ?1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return 1;
		return store_error(s, err, "cannot read article");
	}
	a->id = id;
	a->guid = column_strdup(st, 0);
	a->url = column_url(st, 1);
	a->title = column_strdup(st, 2);
	a->outlet = column_strdup(st, 3);
	a->byline = column_strdup(st, 4);
	a->published = column_strdup(st, 5);
	a->lead = column_strdup(st, 6);
	a->body = column_strdup(st, 7);
	a->body_len = a->body != NULL ? strlen(a->body) : 0;
	a->body_cap = a->body != NULL ? a->body_len + 1 : 0;
	a->read = sqlite3_column_int(st, 8);
	a->starred = sqlite3_column_int(st, 9);
	a->feed = column_strdup(st, 10);
	sqlite3_reset(st);

	if ((st = store_stmt(s, STMT_CAPTIONS_GET, "SELECT text FROM captions"
	    " WHERE article_id = ?1 ORDER BY seq", err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a->captions = xreallocarray(a->captions, a->ncaptions + 1,
		    sizeof *a->captions);
		a->captions[a->ncaptions++] = column_strdup(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail_read;

	if ((st = store_stmt(s, STMT_SUBHEADINGS_GET, "SELECT start, end"
	    " FROM subheadings WHERE article_id = ?1 ORDER BY start",
	    err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t b = sqlite3_column_int64(st, 0);
		int64_t e = sqlite3_column_int64(st, 1);

		if (b < 0 || e < b || (size_t)e > a->body_len)
			continue;	/* never trust a span we cannot hold */
		a->subheadings = xreallocarray(a->subheadings,
		    a->nsubheadings + 1, sizeof *a->subheadings);
		a->subheadings[a->nsubheadings].start = (size_t)b;
		a->subheadings[a->nsubheadings++].end = (size_t)e;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail_read;

	if ((st = store_stmt(s, STMT_LINKS_GET, "SELECT url, text FROM links"
	    " WHERE article_id = ?1 ORDER BY seq", err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *url = column_url(st, 0);

		if (url == NULL)
			continue;
		a->links = xreallocarray(a->links, a->nlinks + 1,
		    sizeof *a->links);
		a->links[a->nlinks].url = url;
		a->links[a->nlinks++].text = column_strdup(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail_read;

	if ((st = store_stmt(s, STMT_TAGS_GET, "SELECT tag FROM tags"
	    " WHERE article_id = ?1 ORDER BY tag", err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a->tags = xreallocarray(a->tags, a->ntags + 1,
		    sizeof *a->tags);
		a->tags[a->ntags++] = column_strdup(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail_read;
	return 0;
fail_read:
	store_error(s, err, "cannot read article");
fail:
	article_free(a);
	return -1;
}

/* Read a nullable byte offset column; 0 if NULL or negative. */
static size_t
column_offset(sqlite3_stmt *st, int i)
{
	sqlite3_int64 v = sqlite3_column_int64(st, i);

	return v < 0 ? 0 : (size_t)v;
}

int
store_article_mentions(struct store *s, int64_t id,
    int (*fn)(const struct store_mention *, void *), void *arg, char **err)
{
	struct store_mention	 m;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = store_stmt(s, STMT_MENTIONS_GET,
	    "SELECT e.kind, e.name, m.start, m.end, m.title, m.affiliation"
	    " FROM mentions m JOIN entities e ON e.id = m.entity_id"
	    " WHERE m.article_id = ?1 ORDER BY m.start", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m.kind = (const char *)sqlite3_column_text(st, 0);
		m.name = (const char *)sqlite3_column_text(st, 1);
		m.start = column_offset(st, 2);
		m.end = column_offset(st, 3);
		m.title = (const char *)sqlite3_column_text(st, 4);
		m.affiliation = (const char *)sqlite3_column_text(st, 5);
		if (fn(&m, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "cannot read mentions");
	return 0;
}

int
store_article_quotes(struct store *s, int64_t id,
    int (*fn)(const struct store_quote *, void *), void *arg, char **err)
{
	struct store_quote	 q;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = store_stmt(s, STMT_QUOTES_GET,
	    "SELECT q.start, q.end, q.kind, q.cue_start, q.cue_end,"
	    " q.speaker_start, q.speaker_end, e.name, q.source_kind,"
	    " q.source_text, e.kind FROM quotes q"
	    " LEFT JOIN entities e ON e.id = q.speaker_id"
	    " WHERE q.article_id = ?1 ORDER BY q.start", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&q, 0, sizeof q);
		q.start = column_offset(st, 0);
		q.end = column_offset(st, 1);
		q.kind = (const char *)sqlite3_column_text(st, 2);
		q.has_cue = sqlite3_column_type(st, 3) != SQLITE_NULL;
		q.cue_start = column_offset(st, 3);
		q.cue_end = column_offset(st, 4);
		q.has_speaker = sqlite3_column_type(st, 5) != SQLITE_NULL;
		q.speaker_start = column_offset(st, 5);
		q.speaker_end = column_offset(st, 6);
		q.speaker_name = (const char *)sqlite3_column_text(st, 7);
		q.source_kind = (const char *)sqlite3_column_text(st, 8);
		q.source_text = (const char *)sqlite3_column_text(st, 9);
		q.speaker_kind = (const char *)sqlite3_column_text(st, 10);
		if (fn(&q, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "cannot read quotes");
	return 0;
}

int
store_article_notes(struct store *s, int64_t id,
    int (*fn)(const struct store_note *, void *), void *arg, char **err)
{
	struct store_note	 n;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = store_stmt(s, STMT_NOTES_GET,
	    "SELECT id, start, end, anchor, note, created, updated"
	    " FROM annotations WHERE article_id = ?1"
	    " ORDER BY coalesce(start, -1), id", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&n, 0, sizeof n);
		n.id = sqlite3_column_int64(st, 0);
		n.has_span = sqlite3_column_type(st, 1) != SQLITE_NULL;
		n.start = column_offset(st, 1);
		n.end = column_offset(st, 2);
		n.anchor = (const char *)sqlite3_column_text(st, 3);
		n.note = (const char *)sqlite3_column_text(st, 4);
		n.created = sqlite3_column_int64(st, 5);
		n.updated = sqlite3_column_int64(st, 6);
		if (fn(&n, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "cannot read notes");
	return 0;
}
