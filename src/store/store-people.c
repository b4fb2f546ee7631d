/*
 * The people of the library: the people index (a row per person,
 * organisation, state that speaks and unnamed source, with its counts),
 * read a page at a time by (quotes, name), (last quoted, name) or name;
 * a name looked up (its role, the one of the story added last); what a speaker's dossier gathers (roles, outlets,
 * months, who they are quoted with, tags, the names they go by); and
 * quotes listed with their story, speaker and role at the time.
 *
 * Every person, organisation and place named has its row (a place's
 * kind is state, and its newest story naming it is seen_ts: see
 * store-places.c), the rest when quoted.
 *
 * The index is the table people, derived from quotes and mentions, of
 * the stories counted: a story stored more than once counts once, by
 * its group's first story (store.h), and dossier facts and quotes
 * listed follow the same rule. The triggers of migration 12 (and of
 * 14 -> 15, a story joining or leaving a group) keep the speakers a
 * change touches, and the first read after it counts those again (the
 * first read of all builds it whole): reading a page is then a walk of
 * one of its indexes, never an aggregate of every quote. A read-only
 * library builds it in a temporary table instead.
 *
 * A speaker is an entity (its row), or an unnamed source: quotes with
 * no speaker whose source, any case, is the same words.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "search.h"
#include "store.h"
#include "store-people.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"


/* The latest mentions of a person the names seen are read from. */
#define PEOPLE_NAMES_SEEN	"2000"

/*
 * A trigger that keeps what a change touches for the index to count
 * again: a story added or analysed again (its id, once), a quote or
 * mention changed or gone (its speaker: an entity, or 0 and an unnamed
 * source's words). Adding a story costs one row, not one a quote.
 */
#define PEOPLE_TRIGGER(name, on, what) "DROP TRIGGER IF EXISTS " name ";" \
	"CREATE TRIGGER " name " AFTER " on " BEGIN INSERT OR IGNORE INTO " \
	what "; END;"
#define PEOPLE_QUOTE(r) "people_dirty VALUES (coalesce(" r ".speaker_id, 0)," \
	" CASE WHEN " r ".speaker_id IS NULL THEN coalesce(lower(" r \
	".source_text), '') ELSE '' END)"

/*
 * 11 -> 12: the people index. people is derived data, a row per person,
 * organisation, state that speaks and unnamed source (grouped by its
 * words, any case) with its counts, read a page at a time by the three
 * orders it is listed in. The triggers keep what changes touch: the
 * stories added (people_new_stories), whose counts the next read adds
 * to their speakers' rows, and the stories analysed again and speakers
 * changed (people_dirty_stories, people_dirty), whom it counts again
 * (people_fill); the first read builds it whole (people_state.stale). Indexes read a speaker's quotes, an unnamed
 * source's and the mentions giving a role. It may run again on a
 * library made older by hand, as the tests do.
 */
const char store_people_migration[] =
    "DROP TABLE IF EXISTS people; DROP TABLE IF EXISTS people_state;"
    "DROP TABLE IF EXISTS people_dirty;"
    "DROP TABLE IF EXISTS people_dirty_stories;"
    "DROP TABLE IF EXISTS people_new_stories;"
    "CREATE TABLE people ("
    "  id INTEGER PRIMARY KEY,"
    "  entity_id INTEGER,"		/* NULL: an unnamed source */
    "  source_key TEXT,"		/* its words, lower case */
    "  kind TEXT NOT NULL,"		/* person, state, org, media, unnamed */
    "  name TEXT NOT NULL,"
    "  quotes INTEGER NOT NULL,"	/* statements, each once */
    "  stories INTEGER NOT NULL,"
    "  last_ts INTEGER NOT NULL,"	/* newest story quoting them, or 0 */
    "  said INTEGER NOT NULL DEFAULT 0,"	/* quote rows, and those */
    "  as_media INTEGER NOT NULL DEFAULT 0"	/* as a medium: its kind */
    ");"
    "CREATE INDEX people_by_quotes ON people (quotes DESC,"
    "  name COLLATE NOCASE, id);"
    "CREATE INDEX people_by_recent ON people (last_ts DESC,"
    "  name COLLATE NOCASE, id);"
    "CREATE INDEX people_by_name ON people (name COLLATE NOCASE, id);"
    "CREATE INDEX people_kind_quotes ON people (kind, quotes DESC,"
    "  name COLLATE NOCASE, id);"
    "CREATE INDEX people_kind_recent ON people (kind, last_ts DESC,"
    "  name COLLATE NOCASE, id);"
    "CREATE INDEX people_kind_name ON people (kind, name COLLATE NOCASE,"
    "  id);"
    "CREATE INDEX people_entity ON people (entity_id);"
    "CREATE INDEX people_source ON people (source_key);"
    "CREATE TABLE people_state (stale INTEGER NOT NULL);"
    "INSERT INTO people_state VALUES (1);"
    "CREATE TABLE people_dirty ("
    "  entity_id INTEGER NOT NULL,"	/* 0: the source below */
    "  source_key TEXT NOT NULL,"
    "  PRIMARY KEY (entity_id, source_key)"
    ") WITHOUT ROWID;"
    "CREATE TABLE people_dirty_stories (article_id INTEGER PRIMARY KEY);"
    "CREATE TABLE people_new_stories (article_id INTEGER PRIMARY KEY);"
    "DROP INDEX IF EXISTS quotes_speaker;"	/* the next one's prefix */
    "CREATE INDEX IF NOT EXISTS quotes_speaker_story ON quotes (speaker_id,"
    "  article_id);"
    "CREATE INDEX IF NOT EXISTS quotes_source ON quotes"
    "  (lower(source_text), article_id) WHERE speaker_id IS NULL;"
    "CREATE INDEX IF NOT EXISTS mentions_role ON mentions (entity_id,"
    "  article_id) WHERE title IS NOT NULL OR affiliation IS NOT NULL;"
    PEOPLE_TRIGGER("people_story_add", "INSERT ON articles",
	"people_new_stories VALUES (new.id)")
    PEOPLE_TRIGGER("people_story_set", "UPDATE OF extract_version, sort_ts"
	" ON articles", "people_dirty_stories VALUES (new.id)")
    PEOPLE_TRIGGER("people_quote_del", "DELETE ON quotes", PEOPLE_QUOTE("old"))
    PEOPLE_TRIGGER("people_quote_old", "UPDATE ON quotes", PEOPLE_QUOTE("old"))
    PEOPLE_TRIGGER("people_quote_new", "UPDATE ON quotes", PEOPLE_QUOTE("new"))
    PEOPLE_TRIGGER("people_mention_del", "DELETE ON mentions",
	"people_dirty VALUES (old.entity_id, '')")
    PEOPLE_TRIGGER("people_mention_old", "UPDATE OF entity_id ON mentions",
	"people_dirty VALUES (old.entity_id, '')")
    PEOPLE_TRIGGER("people_mention_new", "UPDATE OF entity_id ON mentions",
	"people_dirty VALUES (new.entity_id, '')")
    PEOPLE_TRIGGER("people_entity_set", "UPDATE OF name, kind ON entities",
	"people_dirty VALUES (new.id, '')")
    PEOPLE_TRIGGER("people_entity_del", "DELETE ON entities",
	"people_dirty VALUES (old.id, '')");

/*
 * 14 -> 15: the people index counts a story stored more than once (a
 * group, store-dup.c) once, by its group's first story. A story that
 * joins or leaves a group, or becomes its first (the one before it
 * deleted), has its speakers counted again: the trigger keeps it, but
 * for a story still waiting to be added, which is added as it stands
 * then. The index built before counted every copy: built again.
 */
const char store_people_dup_migration[] =
    "DROP TRIGGER IF EXISTS people_story_dup;"
    "CREATE TRIGGER people_story_dup AFTER UPDATE OF dup_of ON articles"
    "  WHEN old.dup_of IS NOT new.dup_of AND NOT EXISTS (SELECT 1 FROM"
    "  people_new_stories WHERE article_id = new.id) BEGIN"
    "  INSERT OR IGNORE INTO people_dirty_stories VALUES (new.id); END;"
    "UPDATE people_state SET stale = 1;";

/*
 * 16 -> 17: the words of the unnamed sources, each once. A search for
 * speaker:WORDS looks for WORDS in every description of a source with no
 * speaker ("a senior defence official"); the quotes that have one
 * number hundreds of thousands in a big library, their descriptions tens
 * of thousands, so the descriptions are kept once, lower case, and the
 * search reads these and then the quotes by the index quotes_source.
 * A story's analysis adds its descriptions in one statement
 * (store_extract_add: a trigger a quote cost imports 9% more CPU); a
 * quote changed (a correction) adds its own by the trigger. A
 * description whose quotes are all gone stays (it finds no quote).
 */
const char store_sources_migration[] =
    "CREATE TABLE IF NOT EXISTS quote_sources ("
    /*
     * lower(quotes.source_text); no type, as the expression has none,
     * so that "lower(q.source_text) = key" may use quotes_source.
     */
    "  key PRIMARY KEY"
    ") WITHOUT ROWID;"
    "INSERT OR IGNORE INTO quote_sources SELECT DISTINCT lower(source_text)"
    "  FROM quotes WHERE speaker_id IS NULL AND source_text IS NOT NULL;"
    "DROP TRIGGER IF EXISTS quote_sources_set;"
    "CREATE TRIGGER quote_sources_set AFTER UPDATE OF speaker_id,"
    "  source_text ON quotes"
    "  WHEN new.speaker_id IS NULL AND new.source_text IS NOT NULL BEGIN"
    "  INSERT OR IGNORE INTO quote_sources VALUES (lower(new.source_text));"
    "  END;";

/* A story counted: no copy of another (its group's first, or alone). */
#define PEOPLE_COUNTED(col) col " NOT IN (SELECT id FROM articles" \
	" WHERE dup_of IS NOT NULL)"

/*
 * Fill the index (main or temp): whole, or (partial) the rows of the
 * speakers in people_dirty only, each counted over all its quotes in
 * the stories counted.
 */
/* Keep to the entities in people_dirty (partial), by a column. */
static void
people_only(struct buf *sql, const char *column, int partial)
{
	if (partial)
		buf_printf(sql, " AND %s IN (SELECT entity_id FROM"
		    " people_dirty WHERE entity_id > 0)", column);
}

static void
people_fill_sql(struct buf *sql, const char *schema, int partial)
{
	buf_printf(sql, "INSERT INTO %s.people (entity_id, source_key, kind,"
	    " name, quotes, stories, last_ts, said, as_media, seen_ts)"
	    " WITH q AS (SELECT q.speaker_id AS id, sum(q.continues IS NULL)"
	    "   AS nq, sum(q.source_kind = 'media') AS nm, count(*) AS nall,"
	    "   max(a.sort_ts) AS last FROM quotes q"
	    "   JOIN articles a ON a.id = q.article_id"
	    "   WHERE q.speaker_id IS NOT NULL AND a.dup_of IS NULL", schema);
	people_only(sql, "q.speaker_id", partial);
	buf_adds(sql, " GROUP BY q.speaker_id),"
	    " s AS (SELECT x.id AS id, count(*) AS n, max(a.sort_ts) AS seen"
	    "   FROM (SELECT speaker_id AS id,"
	    "   article_id FROM quotes WHERE speaker_id IS NOT NULL");
	people_only(sql, "speaker_id", partial);
	buf_adds(sql, " UNION SELECT entity_id, article_id FROM mentions"
	    "   WHERE 1");
	people_only(sql, "entity_id", partial);
	buf_adds(sql, ") x LEFT JOIN articles a ON a.id = x.article_id"
	    "   WHERE " PEOPLE_COUNTED("x.article_id") " GROUP BY x.id)"
	    " SELECT e.id, NULL, CASE e.kind WHEN 'place' THEN 'state'"
	    "   WHEN 'org' THEN CASE WHEN q.nm * 2 > q.nall THEN 'media'"
	    "   ELSE 'org' END WHEN 'misc' THEN 'org' ELSE e.kind END,"
	    "   e.name, coalesce(q.nq, 0), coalesce(s.n, 0),"
	    "   coalesce(q.last, 0), coalesce(q.nall, 0), coalesce(q.nm, 0),"
	    "   coalesce(s.seen, 0)"
	    "   FROM entities e LEFT JOIN q ON q.id = e.id"
	    "   LEFT JOIN s ON s.id = e.id"
	    "   WHERE (e.kind IN ('person', 'org', 'place')"
	    "   OR q.id IS NOT NULL)");
	people_only(sql, "e.id", partial);
	buf_adds(sql, " UNION ALL"
	    " SELECT NULL, lower(q.source_text), 'unnamed', min(q.source_text),"
	    "   sum(q.continues IS NULL), count(DISTINCT q.article_id),"
	    "   max(a.sort_ts), count(*), 0, max(a.sort_ts) FROM quotes q"
	    "   JOIN articles a ON"
	    "   a.id = q.article_id WHERE a.dup_of IS NULL AND "
	    PEOPLE_SOURCE_SQL);
	if (partial)
		buf_adds(sql, " AND lower(q.source_text) IN (SELECT source_key"
		    " FROM people_dirty WHERE entity_id = 0)");
	buf_adds(sql, " GROUP BY lower(q.source_text);");
}

/*
 * Add the stories added (but copies of another, already linked to its
 * group) to the rows of their speakers (those not to be
 * counted again anyway): quotes, stories and the last quoted; a speaker
 * with no row yet is counted instead. New stories are in no row's counts yet, so
 * adding is exact; a heavy speaker (a wire service in every story)
 * costs its new quotes, not all of them.
 */
#define PEOPLE_ADD_NEW \
	"INSERT OR IGNORE INTO people_dirty SELECT d.id, '' FROM" \
	" (SELECT DISTINCT speaker_id AS id FROM quotes WHERE article_id IN" \
	"   (SELECT article_id FROM people_new_stories) AND speaker_id" \
	"   IS NOT NULL UNION SELECT entity_id FROM mentions WHERE" \
	"   article_id IN (SELECT article_id FROM people_new_stories)) d" \
	" WHERE NOT EXISTS (SELECT 1 FROM main.people p WHERE" \
	"   p.entity_id = d.id);" \
	"INSERT OR IGNORE INTO people_dirty SELECT DISTINCT 0," \
	" lower(q.source_text) FROM quotes q WHERE q.article_id IN" \
	" (SELECT article_id FROM people_new_stories) AND " PEOPLE_SOURCE_SQL \
	" AND NOT EXISTS (SELECT 1 FROM main.people p WHERE p.entity_id IS" \
	"   NULL AND p.source_key = lower(q.source_text));" \
	"UPDATE main.people SET quotes = quotes + d.nq, stories = stories +" \
	" d.ns, last_ts = max(last_ts, d.last), said = said + d.n," \
	" as_media = as_media + d.nm, seen_ts = max(seen_ts, d.seen)," \
	" kind = CASE WHEN kind IN ('org', 'media') THEN CASE WHEN" \
	" (as_media + d.nm) * 2 > said + d.n THEN 'media' ELSE 'org' END" \
	" ELSE kind END FROM (SELECT x.id AS id," \
	"   sum(x.nq) AS nq, count(DISTINCT x.article_id) AS ns," \
	"   max(x.last) AS last, sum(x.n) AS n, sum(x.nm) AS nm," \
	"   max(c.sort_ts) AS seen FROM" \
	"   (SELECT q.speaker_id AS id, q.article_id AS article_id," \
	"   q.continues IS NULL AS nq, a.sort_ts AS last, 1 AS n," \
	"   q.source_kind = 'media' AS nm FROM quotes q JOIN articles a ON" \
	"   a.id = q.article_id WHERE q.article_id IN (SELECT article_id" \
	"   FROM people_new_stories) AND q.speaker_id IS NOT NULL UNION ALL" \
	"   SELECT m.entity_id, m.article_id, 0, 0, 0, 0 FROM mentions m" \
	"   WHERE m.article_id IN (SELECT article_id FROM people_new_stories))" \
	"   x JOIN articles c ON c.id = x.article_id AND c.dup_of IS NULL" \
	"   WHERE x.id NOT IN (SELECT entity_id FROM people_dirty)" \
	"   GROUP BY x.id) d WHERE people.entity_id = d.id;" \
	"UPDATE main.people SET quotes = quotes + d.nq, stories = stories +" \
	" d.ns, last_ts = max(last_ts, d.last), seen_ts = max(seen_ts, d.last)," \
	" said = said + d.n FROM (SELECT" \
	"   lower(q.source_text) AS k, sum(q.continues IS NULL) AS nq," \
	"   count(*) AS n," \
	"   count(DISTINCT q.article_id) AS ns, max(a.sort_ts) AS last" \
	"   FROM quotes q JOIN articles a ON a.id = q.article_id WHERE" \
	"   q.article_id IN (SELECT article_id FROM people_new_stories) AND" \
	"   a.dup_of IS NULL AND " \
	PEOPLE_SOURCE_SQL " AND lower(q.source_text) NOT IN (SELECT" \
	"   source_key FROM people_dirty WHERE entity_id = 0)" \
	"   GROUP BY lower(q.source_text)) d WHERE people.entity_id IS NULL" \
	"   AND people.source_key = d.k;"

/* Is the index stale: 1, 0, or -1 on error. */
static int
people_fill_stale(struct store *s, char **err)
{
	return (int)st_int(s, st_prepare(s, "SELECT stale OR EXISTS (SELECT 1"
	    " FROM people_dirty) OR EXISTS (SELECT 1 FROM people_dirty_stories)"
	    " OR EXISTS (SELECT 1 FROM people_new_stories) FROM people_state",
	    "cannot read the people index", err), -1,
	    "cannot read the people index", err);
}

/*
 * Bring the index up to date in the library: whole if it was never
 * built, else the rows of the speakers changes touched.
 */
static int
people_fill(struct store *s, void *arg, char **err)
{
	struct buf	sql;
	int		rc, whole;

	(void)arg;
	if ((rc = people_fill_stale(s, err)) <= 0)
		return rc;
	if ((whole = (int)st_int(s, st_prepare(s, "SELECT stale FROM"
	    " people_state", "cannot read the people index", err), -1,
	    "cannot read the people index", err)) < 0)
		return -1;
	buf_init(&sql);
	if (whole)
		buf_adds(&sql, "DELETE FROM main.people;");
	else
		/* The speakers of the stories added or analysed again. */
		buf_adds(&sql, "INSERT OR IGNORE INTO people_dirty SELECT"
		    " coalesce(speaker_id, 0), CASE WHEN speaker_id IS NULL"
		    " THEN coalesce(lower(source_text), '') ELSE '' END FROM"
		    " quotes WHERE article_id IN (SELECT article_id FROM"
		    " people_dirty_stories) UNION SELECT entity_id, '' FROM"
		    " mentions WHERE article_id IN (SELECT article_id FROM"
		    " people_dirty_stories);"
		    PEOPLE_ADD_NEW
		    "DELETE FROM main.people WHERE entity_id IN"
		    " (SELECT entity_id FROM people_dirty WHERE entity_id > 0)"
		    " OR (entity_id IS NULL AND source_key IN (SELECT"
		    " source_key FROM people_dirty WHERE entity_id = 0));");
	people_fill_sql(&sql, "main", !whole);
	buf_adds(&sql, "DELETE FROM people_dirty;"
	    "DELETE FROM people_dirty_stories; DELETE FROM people_new_stories;"
	    "UPDATE people_state SET stale = 0;");
	rc = st_exec(s, sql.data, err);
	buf_free(&sql);
	return rc;
}

/*
 * Make the index current: brought up to date in a write transaction
 * when changes wait; in a read-only library, built once a connection in
 * a temporary table that then hides the other.
 */
int
store_people_ready(struct store *s, char **err)
{
	struct buf	sql;
	int		rc;

	/* Read first: a current index needs no write lock. */
	if (!s->readonly) {
		if ((rc = people_fill_stale(s, err)) <= 0)
			return rc;
		return st_write(s, people_fill, NULL, err) < 0 ? -1 : 0;
	}
	if (st_int(s, st_prepare(s, "SELECT count(*) FROM temp.sqlite_master"
	    " WHERE name = 'people'", "cannot read the people index", err),
	    -1, "cannot read the people index", err) > 0)
		return 0;
	if (st_exec(s, "CREATE TEMP TABLE people AS SELECT * FROM"
	    " main.people WHERE 0;"
	    "CREATE INDEX temp.people_by_quotes ON people (quotes DESC,"
	    "  name COLLATE NOCASE, id);"
	    "CREATE INDEX temp.people_by_recent ON people (last_ts DESC,"
	    "  name COLLATE NOCASE, id);"
	    "CREATE INDEX temp.people_by_name ON people (name COLLATE NOCASE,"
	    "  id);"
	    "CREATE INDEX temp.people_kind_quotes ON people (kind, quotes DESC,"
	    "  name COLLATE NOCASE, id);"
	    "CREATE INDEX temp.people_kind_seen ON people (kind, seen_ts DESC,"
	    "  name COLLATE NOCASE, id);", err) != 0)
		return -1;
	buf_init(&sql);
	people_fill_sql(&sql, "temp", 0);
	rc = st_exec(s, sql.data, err);
	buf_free(&sql);
	return rc;
}

/*
 * The columns of a row of the index, its role the latest one seen; a
 * place as Places lists it is of kind place, last seen when named.
 */
#define PEOPLE_COLUMNS_OF(kind, last) \
	"SELECT p.id, coalesce(p.entity_id, 0), " kind ", p.name," \
	" p.source_key, p.quotes, p.stories, " last ", r.title," \
	" r.affiliation FROM people p LEFT JOIN mentions r ON r.id =" \
	" (SELECT m.id FROM mentions m WHERE m.entity_id = p.entity_id" \
	"   AND (m.title IS NOT NULL OR m.affiliation IS NOT NULL)" \
	"   ORDER BY m.entity_id DESC, m.article_id DESC LIMIT 1)"
#define PEOPLE_COLUMNS	PEOPLE_COLUMNS_OF("p.kind", "p.last_ts")
#define PEOPLE_PLACES	PEOPLE_COLUMNS_OF("'place'", "p.seen_ts")

/* Read the rows of a statement of PEOPLE_COLUMNS; as fn says. */
static int
people_rows(struct store *s, sqlite3_stmt *st,
    int (*fn)(const struct store_person *, void *), void *arg, char **err)
{
	struct store_person	p;
	int			rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p.row = sqlite3_column_int64(st, 0);
		p.entity = sqlite3_column_int64(st, 1);
		p.kind = st_text(st, 2);
		p.name = st_text(st, 3);
		p.source_key = st_text(st, 4);
		p.quotes = sqlite3_column_int64(st, 5);
		p.stories = sqlite3_column_int64(st, 6);
		p.last_ts = sqlite3_column_int64(st, 7);
		p.title = st_text(st, 8);
		p.affiliation = st_text(st, 9);
		if (p.kind == NULL || p.name == NULL)
			continue;
		if (fn(&p, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read the people index", err);
}

/* A page of the index after key (NULL: the first), in the order asked. */
int
store_people_page(struct store *s, enum store_people_sort sort,
    const char *kind, const struct store_people_key *key, size_t limit,
    int (*fn)(const struct store_person *, void *), void *arg, char **err)
{
	return store_people_match(s, sort, kind, NULL, key, limit, fn, arg,
	    err);
}

/* Add an order or its key's condition, by last seen for places. */
static void
people_order(struct buf *sql, const char *s, int places)
{
	const char	*at;

	while (places && (at = strstr(s, "p.last_ts")) != NULL) {
		buf_add(sql, s, (size_t)(at - s));
		buf_adds(sql, "p.seen_ts");
		s = at + strlen("p.last_ts");
	}
	buf_adds(sql, s);
}

/*
 * The same, of the rows whose name holds match: ?1 kind (NULL: every
 * person and everyone quoted; "quoted": everyone quoted; "place": every
 * place, by last seen; "state": the places quoted), ?2 ?3 ?4 the key,
 * ?5 the words. The order of "last quoted" is that of last seen for
 * places (the order's p.last_ts becoming p.seen_ts).
 */
int
store_people_match(struct store *s, enum store_people_sort sort,
    const char *kind, const char *match, const struct store_people_key *key,
    size_t limit, int (*fn)(const struct store_person *, void *), void *arg,
    char **err)
{
	static const char *const order[] = {
		[STORE_PEOPLE_QUOTES] = " ORDER BY p.quotes DESC,"
		    " p.name COLLATE NOCASE, p.id",
		[STORE_PEOPLE_RECENT] = " ORDER BY p.last_ts DESC,"
		    " p.name COLLATE NOCASE, p.id",
		[STORE_PEOPLE_NAME] = " ORDER BY p.name COLLATE NOCASE, p.id",
	};
	static const char *const after[] = {
		[STORE_PEOPLE_QUOTES] = " AND (p.quotes < ?2 OR (p.quotes = ?2"
		    " AND (p.name > ?3 COLLATE NOCASE OR (p.name = ?3"
		    " COLLATE NOCASE AND p.id > ?4))))",
		[STORE_PEOPLE_RECENT] = " AND (p.last_ts < ?2 OR (p.last_ts ="
		    " ?2 AND (p.name > ?3 COLLATE NOCASE OR (p.name = ?3"
		    " COLLATE NOCASE AND p.id > ?4))))",
		[STORE_PEOPLE_NAME] = " AND (p.name > ?3 COLLATE NOCASE OR"
		    " (p.name = ?3 COLLATE NOCASE AND p.id > ?4))",
	};
	sqlite3_stmt	*st;
	struct buf	 sql;
	int		 places = kind != NULL && strcmp(kind, "place") == 0;

	if (store_people_ready(s, err) != 0)
		return -1;
	buf_init(&sql);
	/* One kind walks its own index; every kind, the others. */
	buf_adds(&sql, places ? PEOPLE_PLACES : PEOPLE_COLUMNS);
	if (kind != NULL && strcmp(kind, "quoted") == 0)
		buf_adds(&sql, " WHERE p.quotes > 0 AND ?1 IS NOT NULL");
	else if (places)
		buf_adds(&sql, " WHERE p.kind = 'state' AND ?1 IS NOT NULL");
	else
		buf_adds(&sql, kind != NULL ? " WHERE p.kind = ?1 AND (?1 <>"
		    " 'state' OR p.said > 0)" :
		    " WHERE (p.kind = 'person' OR p.quotes > 0)");
	if (match != NULL && *match != '\0')
		buf_adds(&sql, " AND instr(dossier_fold(p.name),"
		    " dossier_fold(?5)) > 0");
	if (key != NULL)
		people_order(&sql, after[sort], places);
	people_order(&sql, order[sort], places);
	buf_printf(&sql, " LIMIT %lld", limit > 0 && limit < (size_t)INT64_MAX ?
	    (long long)limit : -1LL);
	st = st_prepare(s, sql.data, "cannot read the people index", err);
	buf_free(&sql);
	if (st == NULL)
		return -1;
	st_bind_text(st, 1, kind);
	if (key != NULL) {
		sqlite3_bind_int64(st, 2, key->value);
		st_bind_text(st, 3, key->name != NULL ? key->name : "");
		sqlite3_bind_int64(st, 4, key->row);
	}
	if (match != NULL && *match != '\0')
		st_bind_text(st, 5, match);
	return people_rows(s, st, fn, arg, err);
}

/*
 * The rows a name may mean: those so named (any case) or, through a
 * merge, once so named; else those whose name holds it (any case, any
 * accents), most quoted first, at most limit. 0, or -1.
 */
int
store_people_find(struct store *s, const char *name, size_t limit,
    int (*fn)(const struct store_person *, void *), void *arg, char **err)
{
	static const char *const sql[] = {
		PEOPLE_COLUMNS " WHERE p.name = ?1 COLLATE NOCASE"
		" OR p.entity_id IN (SELECT e.id FROM entity_aliases al"
		"   JOIN entities e ON e.kind = al.kind AND e.name = al.name"
		"   WHERE al.alias = ?1 COLLATE NOCASE)"
		" ORDER BY p.quotes DESC, p.name COLLATE NOCASE, p.id LIMIT ?2",
		PEOPLE_COLUMNS " WHERE instr(dossier_fold(p.name),"
		" dossier_fold(?1)) > 0"
		" ORDER BY p.quotes DESC, p.name COLLATE NOCASE, p.id LIMIT ?2",
	};
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	if (store_people_ready(s, err) != 0)
		return -1;
	for (i = 0; i < 2; i++) {
		if ((st = st_prepare(s, sql[i], "cannot find the name",
		    err)) == NULL)
			return -1;
		st_bind_text(st, 1, name);
		sqlite3_bind_int64(st, 2, (int64_t)limit);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			sqlite3_reset(st);
			return people_rows(s, st, fn, arg, err);
		}
		if (st_rows_end(s, st, rc, "cannot find the name", err) != 0)
			return -1;
	}
	return 0;
}

/* The condition on quotes q that picks a speaker's: ?1 or ?2. */
const char *
store_speaker_cond(const struct store_speaker *sp)
{
	return sp->entity > 0 ? "q.speaker_id = ?1" :
	    PEOPLE_SOURCE_SQL " AND lower(q.source_text) = ?2";
}

/*
 * What a dossier gathers, each a statement in parts with the speaker's
 * condition on quotes q between two (one part: none), ?1 ?2 the speaker
 * and ?3 the most rows: text, text2, n, first and last time seen.
 */
#define PEOPLE_FACT_PARTS	4
static const struct {
	const char	*part[PEOPLE_FACT_PARTS];
} people_facts[] = {
	/* The roles of the most stories, then in the order first seen. */
	[STORE_FACT_ROLES] = { { "SELECT * FROM (SELECT m.title, m.affiliation,"
	    " count(DISTINCT m.article_id) AS n, min(a.sort_ts) AS lo,"
	    " max(a.sort_ts) AS hi, count(*) OVER ()"
	    " FROM mentions m JOIN articles a ON a.id = m.article_id"
	    " WHERE m.entity_id = ?1 AND (m.title IS NOT NULL OR"
	    " m.affiliation IS NOT NULL) AND a.dup_of IS NULL"
	    " GROUP BY m.title, m.affiliation"
	    " ORDER BY n DESC, lo LIMIT ?3) ORDER BY 4, 5, 1, 2" } },
	[STORE_FACT_NAMES] = { { "SELECT t, NULL, count(*), min(ts), max(ts),"
	    " count(*) OVER () FROM"
	    " (SELECT CAST(substr(CAST(a.body AS BLOB), m.start + 1,"
	    "   m.end - m.start) AS TEXT) AS t, a.sort_ts AS ts FROM"
	    "   (SELECT * FROM mentions WHERE entity_id = ?1 AND "
	    PEOPLE_COUNTED("article_id")
	    "   ORDER BY article_id DESC LIMIT " PEOPLE_NAMES_SEEN ") m"
	    "   JOIN articles a ON a.id = m.article_id"
	    "   UNION ALL SELECT q.source_text, a.sort_ts FROM quotes q"
	    "   JOIN articles a ON a.id = q.article_id WHERE ?1 = 0 AND "
	    PEOPLE_SOURCE_SQL " AND lower(q.source_text) = ?2"
	    "   AND a.dup_of IS NULL"
	    "   UNION ALL SELECT alias, NULL FROM entity_aliases al"
	    "   JOIN entities e ON e.kind = al.kind AND e.name = al.name"
	    "   WHERE e.id = ?1)"
	    " WHERE t IS NOT NULL AND t <> '' GROUP BY t"
	    " ORDER BY 3 DESC, 1 LIMIT ?3" } },
	/*
	 * Every outlet that carried a quote's story once: its group's
	 * first story's, and the other outlets of the group, looked up
	 * story by story (a story has fewer than its quotes), each counted
	 * by outlet before they are added up.
	 */
	[STORE_FACT_OUTLETS] = { { "SELECT o, NULL, sum(n), min(lo), max(hi),"
	    " count(*) OVER ()"
	    " FROM (SELECT a.outlet AS o, count(*) AS n, min(a.sort_ts) AS lo,"
	    "   max(a.sort_ts) AS hi FROM quotes q JOIN articles a"
	    "   ON a.id = q.article_id WHERE ",
	    " AND q.continues IS NULL AND a.dup_of IS NULL GROUP BY a.outlet"
	    " UNION ALL SELECT o, count(*), min(lo), max(hi) FROM (SELECT"
	    "   d.outlet AS o, min(d.sort_ts) AS lo, max(d.sort_ts) AS hi"
	    "   FROM (SELECT DISTINCT q.article_id AS g FROM quotes q WHERE ",
	    ") s CROSS JOIN articles d CROSS JOIN articles f"
	    "   CROSS JOIN quotes q WHERE d.dup_of = s.g AND f.id = s.g"
	    "   AND q.article_id = s.g AND d.outlet IS NOT f.outlet"
	    "   AND q.continues IS NULL AND ",
	    " GROUP BY q.id, d.outlet) GROUP BY o)"
	    " WHERE o IS NOT NULL AND o <> ''"
	    " GROUP BY o ORDER BY 3 DESC, 1 LIMIT ?3" } },
	[STORE_FACT_MONTHS] = { { "SELECT strftime('%Y-%m', a.sort_ts,"
	    " 'unixepoch') AS mo, NULL, count(*), min(a.sort_ts),"
	    " max(a.sort_ts) FROM quotes q JOIN articles a ON a.id ="
	    " q.article_id WHERE ",
	    " AND q.continues IS NULL AND a.dup_of IS NULL GROUP BY mo"
	    " ORDER BY mo LIMIT ?3" } },
	[STORE_FACT_PEERS] = { { "SELECT e.name, CASE e.kind WHEN 'place' THEN"
	    " 'state' WHEN 'misc' THEN 'org' ELSE e.kind END,"
	    " count(DISTINCT o.article_id), 0, 0, count(*) OVER ()"
	    " FROM quotes o JOIN entities e ON e.id = o.speaker_id"
	    " WHERE o.article_id IN (SELECT q.article_id FROM quotes q"
	    "   WHERE ",
	    " AND " PEOPLE_COUNTED("q.article_id") ") AND o.speaker_id <> ?1"
	    " GROUP BY o.speaker_id ORDER BY 3 DESC, 1 LIMIT ?3" } },
	[STORE_FACT_TAGS] = { { "SELECT t.tag, NULL,"
	    " count(DISTINCT coalesce(a.dup_of, a.id)), min(a.sort_ts),"
	    " max(a.sort_ts), count(*) OVER () FROM tags t"
	    " JOIN articles a ON a.id = t.article_id"
	    " WHERE t.article_id IN (SELECT q.article_id FROM quotes q"
	    "   WHERE ",
	    ") GROUP BY t.tag ORDER BY 3 DESC, 1 LIMIT ?3" } },
};

/* Read one kind of fact of a speaker's, at most limit rows (0: all). */
int
store_speaker_facts(struct store *s, const struct store_speaker *sp,
    enum store_fact_kind what, size_t limit,
    int (*fn)(const struct store_fact *, void *), void *arg, char **err)
{
	struct store_fact	 f;
	sqlite3_stmt		*st;
	struct buf		 sql;
	size_t			 i;
	int			 rc;

	buf_init(&sql);
	buf_adds(&sql, people_facts[what].part[0]);
	for (i = 1; i < PEOPLE_FACT_PARTS && people_facts[what].part[i] !=
	    NULL; i++) {
		buf_adds(&sql, store_speaker_cond(sp));
		buf_adds(&sql, people_facts[what].part[i]);
	}
	st = st_prepare(s, sql.data, "cannot read the dossier", err);
	buf_free(&sql);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, sp->entity);
	st_bind_text(st, 2, sp->source_key);
	sqlite3_bind_int64(st, 3, limit > 0 && limit < (size_t)INT64_MAX ?
	    (int64_t)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		f.text = st_text(st, 0);
		f.text2 = st_text(st, 1);
		f.n = sqlite3_column_int64(st, 2);
		f.first_ts = sqlite3_column_int64(st, 3);
		f.last_ts = sqlite3_column_int64(st, 4);
		f.total = sqlite3_column_count(st) > 5 ?
		    sqlite3_column_int64(st, 5) : 0;
		if (fn(&f, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read the dossier", err);
}
