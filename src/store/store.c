/*
 * Opening the store: the path, the connection's pragmas, the schema and its
 * migrations; and ingest's batches (store_begin, store_commit). Article
 * reads and writes are in store-article.c, the toolkit in store-stmt.c.
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

/* How long to wait for another dossier's write to finish. */
#define STORE_BUSY_MS	5000

/*
 * Migrations, in order: migrations[i] takes user_version i to i + 1. Each
 * runs in one transaction with the version bump. Never edit a shipped one;
 * add the next.
 */
static const char *const store_migrations[] = {
	/* 0 -> 1: the first schema. */
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  title TEXT,"
	"  kind TEXT NOT NULL CHECK (kind IN"
	"    ('rss', 'atom', 'json', 'page', 'local')),"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  fetched INTEGER,"
	"  status INTEGER,"
	"  error TEXT,"
	"  created INTEGER NOT NULL"
	");"
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  guid TEXT NOT NULL,"
	"  url TEXT,"
	"  title TEXT,"
	"  outlet TEXT,"
	"  byline TEXT,"
	"  published TEXT,"		/* ISO 8601 as the source gave it */
	"  sort_ts INTEGER NOT NULL,"	/* published, else fetched (epoch) */
	"  fetched INTEGER NOT NULL,"
	"  lead TEXT,"
	"  body TEXT,"
	"  content_hash TEXT,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (feed_id, guid)"
	");"
	"CREATE INDEX articles_sorted ON articles (sort_ts DESC, id DESC);"
	"CREATE INDEX articles_unread ON articles (read, sort_ts DESC, id DESC);"
	"CREATE INDEX articles_hash ON articles (content_hash);"
	"CREATE TABLE captions ("
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  PRIMARY KEY (article_id, seq)"
	") WITHOUT ROWID;"
	"CREATE TABLE subheadings ("
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  start INTEGER NOT NULL,"	/* byte span in the body */
	"  end INTEGER NOT NULL,"
	"  PRIMARY KEY (article_id, start)"
	") WITHOUT ROWID;"
	"CREATE TABLE entities ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place', 'misc')),"
	"  name TEXT NOT NULL,"
	"  UNIQUE (kind, name)"
	");"
	"CREATE TABLE mentions ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
	"  start INTEGER NOT NULL,"
	"  end INTEGER NOT NULL,"
	"  title TEXT,"			/* "Deputy Foreign Minister" */
	"  affiliation TEXT"		/* "Russia" */
	");"
	"CREATE INDEX mentions_article ON mentions (article_id, start);"
	"CREATE INDEX mentions_entity ON mentions (entity_id, article_id);"
	"CREATE TABLE quotes ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  start INTEGER NOT NULL,"
	"  end INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),"
	"  cue_start INTEGER,"
	"  cue_end INTEGER,"
	"  speaker_start INTEGER,"
	"  speaker_end INTEGER,"
	"  speaker_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,"
	"  source_kind TEXT,"		/* person, org, media, unnamed */
	"  source_text TEXT"		/* "a White House official" */
	");"
	"CREATE INDEX quotes_article ON quotes (article_id, start);"
	"CREATE INDEX quotes_speaker ON quotes (speaker_id);"
	"CREATE TABLE tags ("
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  added INTEGER NOT NULL,"
	"  PRIMARY KEY (article_id, tag)"
	") WITHOUT ROWID;"
	"CREATE INDEX tags_tag ON tags (tag, article_id);"
	"CREATE TABLE annotations ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  start INTEGER,"		/* NULL: the whole article */
	"  end INTEGER,"
	"  anchor TEXT,"		/* the text covered, to re-anchor */
	"  note TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL"
	");"
	"CREATE INDEX annotations_article ON annotations (article_id);"
	"CREATE VIRTUAL TABLE articles_fts USING fts5("
	"  title, lead, body, content='articles', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts (rowid, title, lead, body)"
	"    VALUES (new.id, new.title, new.lead, new.body);"
	"END;"
	"CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts (articles_fts, rowid, title, lead, body)"
	"    VALUES ('delete', old.id, old.title, old.lead, old.body);"
	"END;"
	"CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, lead, body"
	"  ON articles BEGIN"
	"  INSERT INTO articles_fts (articles_fts, rowid, title, lead, body)"
	"    VALUES ('delete', old.id, old.title, old.lead, old.body);"
	"  INSERT INTO articles_fts (rowid, title, lead, body)"
	"    VALUES (new.id, new.title, new.lead, new.body);"
	"END;",

	/* 1 -> 2: the feed list counts starred stories and outlets. */
	"CREATE INDEX articles_starred ON articles (starred, sort_ts DESC,"
	"  id DESC);"
	"CREATE INDEX articles_outlet ON articles (outlet, sort_ts DESC,"
	"  id DESC);",

	/*
	 * 2 -> 3: new stories enter the full-text index once a batch, at
	 * commit (store_fts_flush), not by trigger: FTS5 flushes its pending
	 * terms at every statement savepoint, which made each mention and
	 * quote row of an import pay for the index.
	 */
	"DROP TRIGGER articles_fts_insert;",

	/* 3 -> 4: the links a story's text makes, in order. */
	"CREATE TABLE links ("
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  url TEXT NOT NULL,"
	"  text TEXT,"
	"  PRIMARY KEY (article_id, seq)"
	") WITHOUT ROWID;",

	/*
	 * 4 -> 5: every note across the library is listed most recently
	 * changed first, a page at a time, by (updated, id).
	 */
	"CREATE INDEX annotations_updated ON annotations (updated DESC,"
	"  id DESC);",

	/*
	 * 5 -> 6: a feed's tags (add --tag, OPML folders, tag-feed), given
	 * by ingest to every new story of the feed. seq keeps the order
	 * they were given in: the first one is the feed's folder in an
	 * OPML export.
	 */
	"CREATE TABLE feed_tags ("
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  PRIMARY KEY (feed_id, tag)"
	") WITHOUT ROWID;"
	"CREATE INDEX feed_tags_tag ON feed_tags (tag, feed_id);",

	/*
	 * 6 -> 7: search as an analyst expects. The index stems words
	 * (porter: drone finds drones; "drones" in quotes is checked
	 * exactly against the stored text, store-search.c) and covers the
	 * photo captions, read through the view articles_text. The old
	 * index is dropped and rebuilt. The delete trigger runs before the
	 * row goes, while its captions are still there; an update is
	 * indexed by store_article_update, which changes the captions too.
	 */
	"DROP TRIGGER IF EXISTS articles_fts_delete;"
	"DROP TRIGGER IF EXISTS articles_fts_update;"
	"DROP TABLE IF EXISTS articles_fts;"
	"DROP VIEW IF EXISTS articles_text;"
	"CREATE VIEW articles_text AS SELECT a.id AS id, a.title AS title,"
	"  a.lead AS lead, a.body AS body,"
	"  (SELECT group_concat(c.text, char(10)) FROM captions c"
	"    WHERE c.article_id = a.id) AS captions"
	"  FROM articles a;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5("
	"  title, lead, body, captions, content='articles_text',"
	"  content_rowid='id',"
	"  tokenize='porter unicode61 remove_diacritics 2');"
	"INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
	"CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts (articles_fts, rowid, title, lead, body,"
	"    captions) SELECT 'delete', id, title, lead, body, captions"
	"    FROM articles_text WHERE id = old.id;"
	"END;",

	/*
	 * 7 -> 8: the version of the extractor that analysed each story
	 * (EXTRACT_VERSION, extract.h), so `dossier analyze --outdated`
	 * finds those an older one did. The stories already stored get 1,
	 * the version before versions were kept; an index finds them.
	 */
	"ALTER TABLE articles ADD COLUMN extract_version INTEGER NOT NULL"
	"  DEFAULT 1;"
	"CREATE INDEX articles_extract_version ON articles (extract_version,"
	"  id);",

	/*
	 * 8 -> 9: corrections by the user (store-correct.c), the user's
	 * data as notes are: ingest and re-analysis never delete them, and
	 * store_extract_add applies them to every analysis it writes. A
	 * quote's correction keeps the quote's words, to find it again when
	 * the body changes, and the kind it had, to put it back when the
	 * extractor no longer finds it; a quote row a correction changed is
	 * marked corrected. Aliases map a name to another of the same kind
	 * (a merge); entity_fixes set a name's role or affiliation.
	 */
	"CREATE TABLE quote_fixes ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  start INTEGER NOT NULL,"	/* where its words are (or were) */
	"  end INTEGER NOT NULL,"
	"  placed INTEGER NOT NULL DEFAULT 1,"	/* 0: its words are gone */
	"  words TEXT NOT NULL,"
	"  quote_kind TEXT NOT NULL CHECK (quote_kind IN"
	"    ('direct', 'indirect', 'mixed')),"
	"  fix TEXT NOT NULL CHECK (fix IN ('speaker', 'unnamed', 'not-quote')),"
	"  kind TEXT CHECK (kind IN ('person', 'org')),"
	"  who TEXT,"			/* the speaker, or the source as given */
	"  created INTEGER NOT NULL"
	");"
	"CREATE INDEX quote_fixes_article ON quote_fixes (article_id, start);"
	"CREATE TABLE entity_aliases ("
	"  kind TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place', 'misc')),"
	"  alias TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  PRIMARY KEY (kind, alias)"
	") WITHOUT ROWID;"
	"CREATE TABLE entity_fixes ("
	"  kind TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place', 'misc')),"
	"  name TEXT NOT NULL,"
	"  role TEXT,"
	"  affiliation TEXT,"
	"  created INTEGER NOT NULL,"
	"  PRIMARY KEY (kind, name)"
	") WITHOUT ROWID;"
	"ALTER TABLE quotes ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;",

	/*
	 * 9 -> 10: one entity across the library (store-entity.c). Each
	 * entity's key, the form its spellings share, and a person's
	 * surname key, from the SQL functions store_entity_init registers;
	 * the entities already sharing a key are joined into the oldest
	 * one in mixed case.
	 */
	"ALTER TABLE entities ADD COLUMN name_key TEXT;"
	"ALTER TABLE entities ADD COLUMN surname TEXT;"
	"UPDATE entities SET name_key = dossier_entity_key(kind, name),"
	"  surname = dossier_entity_surname(kind, name);"
	"CREATE INDEX entities_key ON entities (kind, name_key);"
	"CREATE INDEX entities_surname ON entities (surname)"
	"  WHERE surname IS NOT NULL;"
	"CREATE TEMP TABLE entity_joins AS SELECT e.id AS old,"
	"  (SELECT c.id FROM entities c WHERE c.kind = e.kind"
	"    AND c.name_key = e.name_key"
	"    ORDER BY c.name GLOB '*[a-z]*' DESC, c.id LIMIT 1) AS new"
	"  FROM entities e;"
	"DELETE FROM entity_joins WHERE old = new;"
	"UPDATE mentions SET entity_id = (SELECT new FROM entity_joins"
	"  WHERE old = entity_id) WHERE entity_id IN"
	"  (SELECT old FROM entity_joins);"
	"UPDATE quotes SET speaker_id = (SELECT new FROM entity_joins"
	"  WHERE old = speaker_id) WHERE speaker_id IN"
	"  (SELECT old FROM entity_joins);"
	"DELETE FROM entities WHERE id IN (SELECT old FROM entity_joins);"
	"DROP TABLE entity_joins;",

	/*
	 * 10 -> 11: a quote split by its cue ("Q1," X said, "Q2.") is one
	 * statement: each later part names the row of its first part
	 * (NULL for a first part or a quote whole), so a statement is
	 * counted once and listed with its parts joined. The parts an
	 * older analysis stored are linked here by their shape: a direct
	 * quote after its cue, in the paragraph of its speaker's direct
	 * quote before the same cue (the split's head).
	 */
	"ALTER TABLE quotes ADD COLUMN continues INTEGER;"
	"UPDATE quotes SET continues = (SELECT h.id FROM quotes h"
	"  WHERE h.article_id = quotes.article_id AND h.kind = 'direct'"
	"  AND h.cue_start = quotes.cue_start AND h.cue_end = quotes.cue_end"
	"  AND h.end <= h.cue_start AND h.id <> quotes.id"
	"  AND h.speaker_id IS quotes.speaker_id"
	"  AND h.source_text IS quotes.source_text"
	"  AND instr(substr(CAST((SELECT body FROM articles a"
	"    WHERE a.id = h.article_id) AS BLOB), h.end + 1,"
	"    quotes.start - h.end), x'0a') = 0"
	"  ORDER BY h.start LIMIT 1)"
	"  WHERE kind = 'direct' AND cue_start IS NOT NULL"
	"  AND cue_end <= start;",

	/*
	 * 11 -> 12: a saved file is known by where it was read from as
	 * well as by its text, so a file saved again with new text
	 * replaces its story in place (id, tags, notes and corrections
	 * kept) instead of adding a second story. Stories imported before
	 * learn their path when imported again.
	 */
	"CREATE TABLE article_paths ("
	"  path TEXT PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id)"
	"    ON DELETE CASCADE"
	") WITHOUT ROWID;"
	"CREATE INDEX article_paths_article ON article_paths (article_id);"
	/*
	 * And an unnamed source described by a role ("the Civic Dawn
	 * leader") is found by its words when a story gives a person that
	 * role (store_entity_described).
	 */
	"CREATE INDEX quotes_unnamed ON quotes (source_text COLLATE NOCASE)"
	"  WHERE source_kind = 'unnamed';",

	/* 12 -> 13: the people index (store-people.c). */
	store_people_migration,

	/* 13 -> 14: the same story stored twice (store-dup.c). */
	store_dup_migration,

	/* 14 -> 15: the people index counts such a story once. */
	store_people_dup_migration,

	/*
	 * 15 -> 16: the SHA-256 of the body a feed's last stored fetch
	 * brought, so that a feed served without validators whose body did
	 * not change is known before it is parsed (feed-refresh.c); and each
	 * story's digest of its item as the feed gave it (article.h), so
	 * that an unchanged item of a changed body is known before it is
	 * cleaned.
	 */
	"ALTER TABLE feeds ADD COLUMN body_hash TEXT;"
	"ALTER TABLE articles ADD COLUMN raw_hash TEXT",
	store_sources_migration,	/* 16 -> 17: store-people.c */
	store_lead_migration,		/* 17 -> 18: the lead kept once */
	store_places_migration,		/* 18 -> 19: store-places.c */
};

#define STORE_NMIGRATIONS \
	(sizeof store_migrations / sizeof store_migrations[0])

/* Keep the table and the version constant in step. */
_Static_assert(STORE_NMIGRATIONS == STORE_VERSION,
    "STORE_VERSION must equal the number of migrations");

char *
store_default_path(void)
{
	struct passwd	*pw;
	const char	*data, *home;
	char		*path;

	/* Relative values are ignored, as the XDG spec asks. */
	data = getenv("XDG_DATA_HOME");
	if ((home = getenv("HOME")) == NULL || *home != '/')
		home = (pw = getpwuid(getuid())) != NULL ? pw->pw_dir : NULL;
	if (data != NULL && *data == '/')
		xasprintf(&path, "%s/dossier/dossier.db", data);
	else if (home != NULL && *home == '/')
		xasprintf(&path, "%s/.local/share/dossier/dossier.db", home);
	else
		path = xstrdup("dossier.db");
	return path;
}

/* Create the directories leading to path (mode 0700), like mkdir -p. */
static int
store_mkdirs(const char *path, char **err)
{
	struct stat	 sb;
	char		*dir, *p;
	int		 rv = 0;

	dir = xstrdup(path);
	if ((p = strrchr(dir, '/')) == NULL || p == dir)
		goto out;
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && (errno != EEXIST ||
		    stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
			if (errno == EEXIST)
				xasprintf(err, "%s: not a directory", dir);
			else
				xasprintf(err, "%s: cannot create directory: "
				    "%s", dir, strerror(errno));
			rv = -1;
			goto out;
		}
		*p = c;
		if (c == '\0')
			break;
	}
out:
	free(dir);
	return rv;
}

/* Say that there is no library at path, and how one is made. */
static int
store_none(const char *path, char **err)
{
	free(*err);
	xasprintf(err, "no library at %s (import or add stories first)", path);
	return -1;
}

/* Refuse a file that is not a library: say what it is; it is not touched. */
static int
store_foreign(struct store *s, char **err, const char *what)
{
	free(*err);
	xasprintf(err, "%s: not a dossier library (%s); the file was not "
	    "changed", s->path, what);
	return -1;
}

/* Does the database hold any table (a version 0 file is someone's)? */
static int
store_has_tables(struct store *s, int *tables, char **err)
{
	int64_t	n;

	n = st_int(s, st_prepare(s, "SELECT count(*) FROM sqlite_master",
	    "cannot read", err), -1, "cannot read", err);
	*tables = n > 0;
	return n < 0 ? -1 : 0;
}

/* The schema version the file has (PRAGMA user_version). */
static int
store_user_version(struct store *s, int *version, char **err)
{
	int64_t	v;

	v = st_int(s, st_prepare(s, "PRAGMA user_version", "cannot read",
	    err), -1, "cannot read", err);
	*version = v > 0 ? (int)v : 0;
	return v < 0 ? -1 : 0;
}

/*
 * Apply migration *arg unless another dossier did while we waited for the
 * lock (then *arg moves past what it did).
 */
static int
store_migrate_one(struct store *s, void *arg, char **err)
{
	int	*v = arg, now, rv;
	char	*sql;

	if (store_user_version(s, &now, err) != 0)
		return -1;
	if (now > *v) {
		*v = now - 1;
		return 0;
	}
	xasprintf(&sql, "%s; PRAGMA user_version = %d;", store_migrations[*v],
	    *v + 1);
	rv = st_exec(s, sql, err);
	free(sql);
	return rv;
}

/* Apply the migrations the file lacks, each in its own transaction. */
static int
store_migrate(struct store *s, int from, char **err)
{
	int	v;

	for (v = from; v < (int)STORE_NMIGRATIONS; v++)
		if (st_write(s, store_migrate_one, &v, err) < 0)
			return -1;
	/*
	 * The space a library's doubled leads took (17 -> 18) given back,
	 * once, when it is a tenth of the file or more (best effort).
	 */
	if (from > 0 && from < 18 && st_int(s, st_prepare(s, "SELECT"
	    " f.freelist_count * 10 >= p.page_count FROM pragma_freelist_count"
	    " f, pragma_page_count p", "cannot read", NULL), 0, "cannot read",
	    NULL) == 1)
		(void)st_exec(s, "VACUUM", NULL);
	return 0;
}

/* Open the connection with flags and set what every connection needs. */
static int
store_connect(struct store *s, int flags, char **err)
{
	struct buf	 uri;
	const char	*p;
	int		 rc;

	st_config();
	if (flags & SQLITE_OPEN_READONLY) {
		/*
		 * Read-only fallback: a WAL file whose -shm cannot be made is
		 * readable only as immutable, which holds since nobody here
		 * can write the directory either.
		 */
		buf_init(&uri);
		buf_adds(&uri, "file:");
		for (p = s->path; *p != '\0'; p++) {
			if (*p == '%' || *p == '?' || *p == '#')
				buf_printf(&uri, "%%%02X", (unsigned char)*p);
			else
				buf_addc(&uri, *p);
		}
		buf_adds(&uri, "?immutable=1");
		rc = sqlite3_open_v2(uri.data, &s->db, flags | SQLITE_OPEN_URI |
		    SQLITE_OPEN_NOMUTEX, NULL);
		buf_free(&uri);
	} else
		rc = sqlite3_open_v2(s->path, &s->db, flags |
		    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return st_error(s, err, "cannot open database");
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	if (st_init(s, err) != 0 || store_entity_init(s, err) != 0)
		return -1;
	return store_search_init(s, err);
}

/*
 * Read the version, refuse a newer schema, set the pragmas and migrate.
 * Returns -1 with *err set; the caller retries when sqlite said busy.
 */
static int
store_setup(struct store *s, char **err)
{
	int	version, tables;

	/* Look before touching anything: the version decides what we may do. */
	if (store_user_version(s, &version, err) != 0) {
		/*
		 * A WAL library in a directory we cannot write is still
		 * readable, but only through a read-only connection.
		 */
		int code = sqlite3_errcode(s->db) & 0xff;

		if (code == SQLITE_NOTADB)
			return store_foreign(s, err, "not an sqlite database");
		if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN)
			return -1;
		free(*err);
		*err = NULL;
		sqlite3_close(s->db);
		s->db = NULL;
		if (store_connect(s, SQLITE_OPEN_READONLY, err) != 0 ||
		    store_user_version(s, &version, err) != 0)
			return -1;
	}
	s->readonly = sqlite3_db_readonly(s->db, "main") == 1;
	if (version > STORE_VERSION) {
		xasprintf(err, "%s: database has schema version %d but this "
		    "dossier knows only up to %d; use a newer dossier (the file "
		    "was not changed)", s->path, version, STORE_VERSION);
		return -1;
	}
	if (version == 0) {
		/*
		 * A file with no schema yet is a library only once something
		 * is added; another program's database never is one. Decided
		 * before the journal mode is set: that writes the file.
		 */
		if (store_has_tables(s, &tables, err) != 0)
			return -1;
		/*
		 * Another dossier may have made the schema between the two
		 * looks: then the version says so now.
		 */
		if (tables && store_user_version(s, &version, err) != 0)
			return -1;
		if (tables && version == 0)
			return store_foreign(s, err, "an sqlite database of "
			    "another program");
		if (!tables && !s->create)
			return store_none(s->path, err);
	}
	if (!s->readonly && st_exec(s, "PRAGMA journal_mode = WAL",
	    err) != 0)
		return -1;
	if (st_exec(s, "PRAGMA synchronous = FULL;"
	    "PRAGMA foreign_keys = ON;", err) != 0)
		return -1;
	if (version < STORE_VERSION) {
		if (s->readonly) {
			xasprintf(err, "%s: database is read-only and needs "
			    "upgrading to schema version %d", s->path,
			    STORE_VERSION);
			return -1;
		}
		if (store_migrate(s, version, err) != 0)
			return -1;
	}
	return 0;
}

/*
 * Is there a file at path to open as a library? 1 if there is none: a
 * missing file, one under a missing directory, or an empty file (which
 * sqlite would fill with a schema). -1 with *err if path cannot be one.
 */
static int
store_exists(const char *path, char **err)
{
	struct stat	sb;
	size_t		len = strlen(path);

	if (len > 0 && path[len - 1] == '/') {
		xasprintf(err, "%s: names a directory, not a library file",
		    path);
		return -1;
	}
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 1;
		xasprintf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		xasprintf(err, "%s: is a directory, not a library", path);
		return -1;
	}
	/* A device or a FIFO would be read, written or waited on. */
	if (!S_ISREG(sb.st_mode)) {
		xasprintf(err, "%s: not a regular file, so not a library",
		    path);
		return -1;
	}
	if (sb.st_size == 0)
		return 1;
	return 0;
}

static struct store *
store_open_mode(const char *path, int create, char **err)
{
	struct store	*s;
	int		 tries, absent;

	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->local_feed = -1;
	s->create = create;
	if ((absent = store_exists(path, err)) < 0)
		goto fail;
	if (absent && !create) {
		store_none(path, err);
		goto fail;
	}
	if (create && store_mkdirs(path, err) != 0)
		goto fail;
	if (store_connect(s, SQLITE_OPEN_READWRITE | (create ?
	    SQLITE_OPEN_CREATE : 0), err) != 0)
		goto fail;
	/*
	 * Changing the journal mode or creating the schema while another
	 * dossier does the same can return SQLITE_BUSY without waiting on
	 * the busy handler; try again for as long as the busy timeout.
	 */
	for (tries = 0; store_setup(s, err) != 0; tries++) {
		if (s->db == NULL || (sqlite3_errcode(s->db) & 0xff) !=
		    SQLITE_BUSY || tries >= STORE_BUSY_MS / 20)
			goto fail;
		free(*err);
		*err = NULL;
		usleep(20 * 1000);
	}
	if (store_search_terms(s, err) != 0)
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

struct store *
store_open(const char *path, char **err)
{
	return store_open_mode(path, 1, err);
}

struct store *
store_open_existing(const char *path, char **err)
{
	return store_open_mode(path, 0, err);
}

void
store_close(struct store *s)
{
	size_t	i;

	if (s == NULL)
		return;
	store_entity_cache_clear(s);
	store_dup_batch_free(s);
	store_tokenizers_free(s->tokenizers);
	for (i = 0; i < STORE_NSTMTS; i++)
		sqlite3_finalize(s->stmts[i]);
	if (s->db != NULL)
		sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *
store_path(struct store *s)
{
	return s->path;
}

int
store_begin(struct store *s, char **err)
{
	if (s->readonly)
		return st_readonly(s, err);
	return st_write_cache(s, err) != 0 ? -1 :
	    st_exec(s, "BEGIN IMMEDIATE", err);
}

int
store_commit(struct store *s, char **err)
{
	if (store_fts_flush(s, err) != 0) {
		store_rollback(s);
		return -1;
	}
	if (st_exec(s, "COMMIT", err) != 0) {
		store_rollback(s);
		return -1;
	}
	store_entity_cache_clear(s);
	return 0;
}

int
store_in_batch(struct store *s)
{
	return !sqlite3_get_autocommit(s->db);
}

void
store_rollback(struct store *s)
{
	s->fts_from = 0;
	store_dup_batch_clear(s);
	store_entity_cache_clear(s);
	if (!sqlite3_get_autocommit(s->db))
		st_exec(s, "ROLLBACK", NULL);
}
