/*
 * The store's toolkit, private to its files (store-int.h): the one way
 * they prepare a statement (kept or one-shot), bind text, copy a column,
 * step a statement to its end, say what failed, and run a write in a
 * transaction of its own that rolls back on every failure path.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store-int.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

/* Set *err to a message about path and the connection's last error. */
int
st_error(struct store *s, char **err, const char *what)
{
	if (err != NULL) {
		free(*err);
		xasprintf(err, "%s: %s: %s", s->path, what,
		    s->db != NULL ? sqlite3_errmsg(s->db) : "cannot open");
	}
	return -1;
}

/* Refuse a write to a library opened read-only. */
int
st_readonly(struct store *s, char **err)
{
	if (err != NULL) {
		free(*err);
		xasprintf(err, "%s: the library is read-only", s->path);
	}
	return -1;
}

/* Run SQL with no result rows. */
int
st_exec(struct store *s, const char *sql, char **err)
{
	char	*msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		if (err != NULL) {
			free(*err);
			xasprintf(err, "%s: %s", s->path,
			    msg != NULL ? msg : sqlite3_errmsg(s->db));
		}
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static pthread_once_t st_config_once = PTHREAD_ONCE_INIT;

/*
 * sqlite counts its memory under a mutex at every allocation unless told
 * not to; nothing here reads the counts, and with ingest's worker threads
 * about the mutex costs more (4-6% of a feed's samples).
 */
static void
st_config_sqlite(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Set sqlite up once, before its first connection. */
void
st_config(void)
{
	pthread_once(&st_config_once, st_config_sqlite);
}

/* The page cache of a connection that writes a batch, in KiB. */
#define STORE_WRITE_CACHE_KB	"16384"

/*
 * A writer keeps more pages than sqlite's 2 MB default: a batch of
 * thousands of stories then writes each page to the WAL once at commit,
 * not again and again as the cache spills and is read back. Set at a
 * connection's first batch, so that readers keep the default.
 */
int
st_write_cache(struct store *s, char **err)
{
	if (s->cache_set)
		return 0;
	if (st_exec(s, "PRAGMA cache_size = -" STORE_WRITE_CACHE_KB, err) != 0)
		return -1;
	s->cache_set = 1;
	return 0;
}

/* Prepare a statement once and keep it until store_close. */
sqlite3_stmt *
st_kept(struct store *s, enum store_stmt_id id, const char *sql, char **err)
{
	sqlite3_stmt	*st = s->stmts[id];

	if (st != NULL) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL) != SQLITE_OK) {
		st_error(s, err, "cannot prepare statement");
		return NULL;
	}
	s->stmts[id] = st;
	return st;
}

/* Prepare a statement for one use; what says what failed. */
sqlite3_stmt *
st_prepare(struct store *s, const char *sql, const char *what, char **err)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		st_error(s, err, what);
		return NULL;
	}
	return st;
}

/* Is st one of the statements the store keeps? */
static int
st_is_kept(struct store *s, sqlite3_stmt *st)
{
	size_t	i;

	for (i = 0; i < STORE_NSTMTS; i++)
		if (s->stmts[i] == st)
			return 1;
	return 0;
}

/* Be done with a statement: reset a kept one, finalize a one-shot one. */
void
st_finish(struct store *s, sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	if (st_is_kept(s, st))
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
}

/* Bind text that may be NULL (then SQL NULL); it must outlive the step. */
void
st_bind_text(sqlite3_stmt *st, int i, const char *text)
{
	if (text == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC);
}

/* Bind len bytes of text (NULL: SQL NULL); they must outlive the step. */
void
st_bind_bytes(sqlite3_stmt *st, int i, const char *text, size_t len)
{
	if (text == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, text, (int)len, SQLITE_STATIC);
}

/*
 * A SHA-256 as hash_buf_hex writes it (64 lowercase hex digits) into its
 * 32 bytes: 1 if it was one, else 0 (other text is kept as text).
 */
static int
st_hash_bytes(const char *hex, size_t len, unsigned char out[32])
{
	size_t	i;
	int	d[2], j;

	if (hex == NULL || len != 64)
		return 0;
	for (i = 0; i < 32; i++) {
		for (j = 0; j < 2; j++) {
			char c = hex[2 * i + (size_t)j];

			if (c >= '0' && c <= '9')
				d[j] = c - '0';
			else if (c >= 'a' && c <= 'f')
				d[j] = c - 'a' + 10;
			else
				return 0;
		}
		out[i] = (unsigned char)(d[0] << 4 | d[1]);
	}
	return 1;
}

/*
 * Bind a content hash (an article's content_hash and raw_hash): its 32
 * bytes, half the size of its hex; text that is not one as text; NULL as
 * NULL. Compared with =, never read back.
 */
void
st_bind_hash(sqlite3_stmt *st, int i, const char *hex)
{
	unsigned char	b[32];

	if (hex != NULL && st_hash_bytes(hex, strlen(hex), b))
		sqlite3_bind_blob(st, i, b, sizeof b, SQLITE_TRANSIENT);
	else
		st_bind_text(st, i, hex);
}

/* SQL dossier_hash(x): x as st_bind_hash stores it (migration 16 -> 17). */
static void
st_sql_hash(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	unsigned char	 b[32];
	const char	*t;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_TEXT &&
	    (t = (const char *)sqlite3_value_text(argv[0])) != NULL &&
	    st_hash_bytes(t, (size_t)sqlite3_value_bytes(argv[0]), b))
		sqlite3_result_blob(cx, b, sizeof b, SQLITE_TRANSIENT);
	else
		sqlite3_result_value(cx, argv[0]);
}

int
st_init(struct store *s, char **err)
{
	if (sqlite3_create_function(s->db, "dossier_hash", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, st_sql_hash, NULL, NULL) != SQLITE_OK)
		return st_error(s, err, "cannot register dossier_hash");
	return 0;
}

/* FNV-1a of a NUL-terminated string: the store's in-memory hash maps. */
uint64_t
st_str_hash(const char *s)
{
	uint64_t	h = 1469598103934665603ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* A column's text, valid until the next step; NULL if SQL NULL. */
const char *
st_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* A copy of a column's text: a new string, or NULL if SQL NULL. */
char *
st_column_dup(sqlite3_stmt *st, int i)
{
	const char	*s = st_text(st, i);

	return s == NULL ? NULL : xstrdup(s);
}

/*
 * A story's or link's address as read back: what url_story keeps, else
 * NULL. Libraries written before addresses were checked on the way in may
 * hold a "javascript:" one or a feed's password; they are left in the
 * file (nothing of the user's is rewritten) but never offered to show,
 * export or open, and a re-fetch of the story replaces them.
 */
char *
st_column_url(sqlite3_stmt *st, int i)
{
	const char	*s = st_text(st, i);
	const char	*why;

	if (s == NULL)
		return NULL;
	return url_story(s, (size_t)sqlite3_column_bytes(st, i), &why);
}

/* A byte offset column; 0 if NULL or negative. */
size_t
st_column_offset(sqlite3_stmt *st, int i)
{
	sqlite3_int64	v = sqlite3_column_int64(st, i);

	return v < 0 ? 0 : (size_t)v;
}

/* Split a column of lines ("a\nb", as group_concat joins them). */
void
st_column_lines(sqlite3_stmt *st, int i, struct st_lines *l)
{
	char	*p;
	size_t	 len;

	memset(l, 0, sizeof *l);
	if ((p = l->text = st_column_dup(st, i)) == NULL)
		return;
	while (*p != '\0') {
		len = strcspn(p, "\n");
		l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
		l->v[l->n++] = p;
		p += len;
		if (*p == '\n')
			*p++ = '\0';
	}
}

void
st_lines_free(struct st_lines *l)
{
	free(l->text);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/*
 * Step a statement (NULL: its prepare failed) to its end and be done with
 * it: the rows it changed, or -1 with *err saying what failed.
 */
int
st_step(struct store *s, sqlite3_stmt *st, const char *what, char **err)
{
	int	rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	st_finish(s, st);
	if (rc != SQLITE_DONE)
		return st_error(s, err, what);
	return sqlite3_changes(s->db);
}

/* Run a one-shot statement whose one parameter ?1 is an id. */
int
st_step_id(struct store *s, const char *sql, int64_t id, const char *what,
    char **err)
{
	sqlite3_stmt	*st;

	if ((st = st_prepare(s, sql, what, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return st_step(s, st, what, err);
}

/*
 * The first column of a statement's one row (NULL: its prepare failed),
 * none if it has no row, -1 with *err on error; done with it either way.
 */
int64_t
st_int(struct store *s, sqlite3_stmt *st, int64_t none, const char *what,
    char **err)
{
	int64_t	v = none;
	int	rc;

	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	st_finish(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_error(s, err, what);
	return v;
}

/* Prepare, bind ?1 to an id and st_int a statement. */
int64_t
st_int_id(struct store *s, const char *sql, int64_t id, int64_t none,
    const char *what, char **err)
{
	sqlite3_stmt	*st;

	if ((st = st_prepare(s, sql, what, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return st_int(s, st, none, what, err);
}

/*
 * End a loop over a statement's rows: rc is the last step's result,
 * SQLITE_ROW if the loop stopped early. 0, or -1 with *err from what.
 */
int
st_rows_end(struct store *s, sqlite3_stmt *st, int rc, const char *what,
    char **err)
{
	st_finish(s, st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return st_error(s, err, what);
	return 0;
}

/*
 * Run fn as one write transaction (BEGIN IMMEDIATE): kept whole when fn
 * returns 0 or more and the commit succeeds, rolled back when fn fails or
 * the commit does. Returns what fn returned, or -1.
 */
int
st_write(struct store *s, int (*fn)(struct store *, void *, char **),
    void *arg, char **err)
{
	int	rv;

	if (store_begin(s, err) != 0)
		return -1;
	if ((rv = fn(s, arg, err)) < 0) {
		store_rollback(s);
		return rv;
	}
	if (store_commit(s, err) != 0)
		return -1;
	return rv;
}

/*
 * Run fn inside a savepoint of the open transaction: all of what it
 * wrote is kept when it returns 0 or more, none of it when it fails.
 * Returns what fn returned, or -1.
 */
int
st_savepoint(struct store *s, int (*fn)(struct store *, void *, char **),
    void *arg, char **err)
{
	int	rv;

	/*
	 * Kept statements: a batch opens one savepoint a story, and
	 * sqlite3_exec would parse and prepare these again each time.
	 */
	if (st_step(s, st_kept(s, STMT_SAVEPOINT, "SAVEPOINT store_write",
	    err), "cannot open a savepoint", err) < 0)
		return -1;
	if ((rv = fn(s, arg, err)) >= 0 && st_step(s, st_kept(s,
	    STMT_RELEASE, "RELEASE store_write", err),
	    "cannot release a savepoint", err) >= 0)
		return rv;
	st_exec(s, "ROLLBACK TO store_write; RELEASE store_write", NULL);
	/* Entities added inside it are gone: their cached ids with them. */
	store_entity_cache_clear(s);
	return -1;
}
