/*
 * One entity across the library. Inside a story the entity stage joins
 * the spellings of a name (Zelensky and Volodymyr Zelenskyy, KORVALA and
 * Korvala); here the stories' entities join the library's:
 *
 *  - a name joins the entity whose name has the same key (the rules the
 *    entity stage uses, extract_name_key), kept in entities.name_key
 *    and found by an index;
 *  - a person's bare surname, in a story that never gives the full
 *    name, joins the one person of the library named in full with that
 *    surname (entities.surname), and stays as the story has it when
 *    there are none or several: no link rather than a wrong one;
 *  - once a story names a person in full, the bare surnames other
 *    stories left alone join that person when it is the only one of
 *    that surname (store_entity_settle), so the library does not
 *    depend on the order stories came in.
 *
 * The canonical name is the fullest: the full name over a surname, a
 * name in mixed case over one in capitals. The key and surname columns
 * come from a migration (STORE_ENTITY_MIGRATION) that fills them with
 * the SQL functions registered here and joins the entities already
 * sharing a key.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "extract.h"
#include "store.h"
#include "store-int.h"
#include "xmalloc.h"
#include "banned.h"

/* A kind's name as the store keeps it, as extraction's enum. */
static enum ex_kind
entity_kind(const char *kind)
{
	if (strcmp(kind, "person") == 0)
		return EX_PERSON;
	if (strcmp(kind, "org") == 0)
		return EX_ORG;
	if (strcmp(kind, "place") == 0)
		return EX_PLACE;
	return EX_MISC;
}

/* The surname key of a person's key: its last word. */
static const char *
entity_surname(enum ex_kind kind, const char *key)
{
	const char	*p;

	if (kind != EX_PERSON)
		return NULL;
	p = strrchr(key, ' ');
	return p != NULL ? p + 1 : key;
}

/* SQL dossier_entity_key(kind, name) and dossier_entity_surname(...). */
static void
entity_sql_key(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char	*kind, *name;
	enum ex_kind		 k;
	const char		*sur;
	char			*key;

	(void)argc;
	kind = sqlite3_value_text(argv[0]);
	name = sqlite3_value_text(argv[1]);
	if (kind == NULL || name == NULL) {
		sqlite3_result_null(cx);
		return;
	}
	k = entity_kind((const char *)kind);
	key = extract_name_key(k, (const char *)name);
	if (sqlite3_user_data(cx) == NULL)
		sqlite3_result_text(cx, key, -1, SQLITE_TRANSIENT);
	else if ((sur = entity_surname(k, key)) != NULL)
		sqlite3_result_text(cx, sur, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(cx);
	free(key);
}

/* Register the SQL functions the migration fills the keys with. */
int
store_entity_init(struct store *s, char **err)
{
	static int	surname = 1;

	if (sqlite3_create_function(s->db, "dossier_entity_key", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, entity_sql_key, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_create_function(s->db, "dossier_entity_surname", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, &surname, entity_sql_key,
	    NULL, NULL) != SQLITE_OK)
		return st_error(s, err, "cannot register entity keys");
	return 0;
}

/*
 * The one person named in full whose surname key is sur and who is
 * mentioned somewhere: its id, 0 if none or several, -1 on error.
 */
static int64_t
entity_by_surname(struct store *s, const char *sur, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 id = 0;
	int		 rc, n = 0;

	if ((st = st_kept(s, STMT_ENTITY_SURNAME,
	    "SELECT e.id FROM entities e WHERE e.surname = ?1"
	    " AND e.kind = 'person' AND e.name_key <> e.surname"
	    " AND EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)"
	    " LIMIT 2", err)) == NULL)
		return -1;
	st_bind_text(st, 1, sur);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		n++;
	}
	if (st_rows_end(s, st, rc, "cannot find entity", err) != 0)
		return -1;
	return n == 1 ? id : 0;
}

/* Is name fuller than old: in mixed case where old is in capitals? */
static int
entity_fuller(const char *name, const char *old)
{
	const char	*p;
	int		 lower = 0;

	for (p = old; *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z')
			return 0;
	for (p = name; *p != '\0'; p++)
		lower |= *p >= 'a' && *p <= 'z';
	return lower;
}

/*
 * The role and affiliation the user set on the name from (kind) follow
 * its entity to the name to (a fuller spelling, or the person a bare
 * surname joined), filling what to's own leave unset.
 */
static int
entity_fix_follow(struct store *s, const char *kind, const char *from,
    const char *to, char **err)
{
	static const char *const sql[] = {
		"INSERT INTO entity_fixes (kind, name, role, affiliation,"
		" created) SELECT kind, ?3, role, affiliation, created"
		" FROM entity_fixes WHERE kind = ?1 AND name = ?2"
		" ON CONFLICT (kind, name) DO UPDATE SET"
		" role = coalesce(entity_fixes.role, excluded.role),"
		" affiliation = coalesce(entity_fixes.affiliation,"
		" excluded.affiliation)",
		"DELETE FROM entity_fixes WHERE kind = ?1 AND name = ?2"
		" AND ?3 IS NOT NULL"
	};
	sqlite3_stmt	*st;
	size_t		 i;

	if (strcmp(from, to) == 0)
		return 0;
	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if ((st = st_prepare(s, sql[i], "cannot keep a role",
		    err)) == NULL)
			return -1;
		st_bind_text(st, 1, kind);
		st_bind_text(st, 2, from);
		st_bind_text(st, 3, to);
		if (st_step(s, st, "cannot keep a role", err) < 0)
			return -1;
	}
	return 0;
}

/*
 * The entity of this kind whose name has this key, renamed to name if
 * that is fuller (name NULL: never): its id, 0 if none, -1 on error.
 */
static int64_t
entity_by_key(struct store *s, const char *kind, const char *key,
    const char *name, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 id = 0;
	int		 rename = 0, rc;
	char		*old = NULL;

	if ((st = st_kept(s, STMT_ENTITY_KEY,
	    "SELECT id, name FROM entities WHERE kind = ?1 AND name_key = ?2"
	    " ORDER BY id LIMIT 1", err)) == NULL)
		return -1;
	st_bind_text(st, 1, kind);
	st_bind_text(st, 2, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		rename = name != NULL && entity_fuller(name, st_text(st, 1));
		if (rename)
			old = st_column_dup(st, 1);
	}
	if (st_rows_end(s, st, rc, "cannot find entity", err) != 0)
		id = -1;
	else if (rename) {
		if ((st = st_prepare(s, "UPDATE OR IGNORE entities SET"
		    " name = ?2 WHERE id = ?1", "cannot rename entity",
		    err)) == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		st_bind_text(st, 2, name);
		if ((rc = st_step(s, st, "cannot rename entity", err)) < 0 ||
		    (rc > 0 && entity_fix_follow(s, kind, old, name,
		    err) != 0))
			goto fail;
	}
	free(old);
	return id;
fail:
	free(old);
	return -1;
}

/*
 * The entity another name of it joins (kind, name) to by the library's
 * rules: a bare surname to the one person of that surname, a spelling to
 * the entity of its key. Its id, 0 if none (or the name's own), -1.
 */
int64_t
store_entity_joined(struct store *s, const char *kname, const char *name,
    char **err)
{
	sqlite3_stmt	*st;
	enum ex_kind	 kind = entity_kind(kname);
	char		*key = extract_name_key(kind, name);
	int64_t		 id = 0, own;

	if (entity_surname(kind, key) == key && *key != '\0')
		id = entity_by_surname(s, key, err);
	if (id == 0)
		id = entity_by_key(s, kname, key, NULL, err);
	free(key);
	if (id <= 0)
		return id;
	if ((st = st_prepare(s, "SELECT id FROM entities WHERE kind = ?1"
	    " AND name = ?2", "cannot find entity", err)) == NULL)
		return -1;
	st_bind_text(st, 1, kname);
	st_bind_text(st, 2, name);
	if ((own = st_int(s, st, 0, "cannot find entity", err)) < 0)
		return -1;
	return own == id ? 0 : id;
}

/*
 * The row id of the library's entity a story's (kind, name) is; a name
 * the user keeps apart (apart) joins no other name.
 */
int64_t
store_entity_match(struct store *s, const char *kname, const char *name,
    int apart, char **err)
{
	sqlite3_stmt	*st;
	enum ex_kind	 kind = entity_kind(kname);
	const char	*sur;
	char		*key = extract_name_key(kind, name);
	int64_t		 id = 0;

	sur = entity_surname(kind, key);
	if (!apart && sur == key && *key != '\0' &&
	    (id = entity_by_surname(s, key, err)) != 0)
		goto out;
	if (!apart && (id = entity_by_key(s, kname, key, name, err)) != 0)
		goto out;
	if ((st = st_kept(s, STMT_ENTITY_ADD,
	    "INSERT INTO entities (kind, name, name_key, surname)"
	    " VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (kind, name) DO UPDATE SET name_key ="
	    " excluded.name_key, surname = excluded.surname"
	    " RETURNING id", err)) != NULL) {
		st_bind_text(st, 1, kname);
		st_bind_text(st, 2, name);
		st_bind_text(st, 3, key);
		st_bind_text(st, 4, sur);
	}
	/* The upsert returns a row, or fails. */
	id = st_int(s, st, -1, "cannot add entity", err);
out:
	free(key);
	return id;
}

/*
 * Move every mention and quote of entity from to entity into; drop from.
 * A role the user set on from's name goes with them, to into's name.
 */
static int
entity_join(struct store *s, int64_t from, int64_t into, char **err)
{
	static const char *const sql[] = {
		"INSERT INTO entity_fixes (kind, name, role, affiliation,"
		" created) SELECT t.kind, t.name, f.role, f.affiliation,"
		" f.created FROM entity_fixes f JOIN entities o ON"
		" o.kind = f.kind AND o.name = f.name JOIN entities t"
		" ON t.id = ?2 WHERE o.id = ?1"
		" ON CONFLICT (kind, name) DO UPDATE SET"
		" role = coalesce(entity_fixes.role, excluded.role),"
		" affiliation = coalesce(entity_fixes.affiliation,"
		" excluded.affiliation)",
		"DELETE FROM entity_fixes WHERE (kind, name) IN (SELECT"
		" kind, name FROM entities WHERE id = ?1) AND ?2 IS NOT NULL",
		"UPDATE mentions SET entity_id = ?2 WHERE entity_id = ?1",
		"UPDATE quotes SET speaker_id = ?2 WHERE speaker_id = ?1"
	};
	sqlite3_stmt	*st;
	size_t		 i;
	int64_t		 fixed;

	/* Most names have no role of the user's: then only the rows move. */
	if ((st = st_prepare(s, "SELECT 1 FROM entity_fixes f JOIN entities"
	    " o ON o.kind = f.kind AND o.name = f.name WHERE o.id IN (?1, ?2)",
	    "cannot join entities", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, into);
	if ((fixed = st_int(s, st, 0, "cannot join entities", err)) < 0)
		return -1;
	for (i = fixed ? 0 : 2; i < sizeof sql / sizeof sql[0]; i++) {
		if ((st = st_prepare(s, sql[i], "cannot join entities",
		    err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, from);
		sqlite3_bind_int64(st, 2, into);
		if (st_step(s, st, "cannot join entities", err) < 0)
			return -1;
	}
	if (st_step_id(s, "DELETE FROM entities WHERE id = ?1", from,
	    "cannot join entities", err) < 0)
		return -1;
	return fixed && store_roles_apply(s, 0, into, err) < 0 ? -1 : 0;
}

/*
 * After a story is stored: the bare surnames of other stories that are
 * the surname of a person this story names in full join that person,
 * when no other person of the library has that surname and this story
 * does not keep the bare name apart itself.
 */
int
store_entity_settle(struct store *s, int64_t article, char **err)
{
	sqlite3_stmt	*st;
	int64_t		*pairs = NULL;
	size_t		 n = 0, i;
	int		 rc, rv = -1;

	if ((st = st_kept(s, STMT_ENTITY_SETTLE,
	    "SELECT b.id, f.id FROM (SELECT DISTINCT entity_id FROM mentions"
	    "   WHERE article_id = ?1) mf"
	    " CROSS JOIN entities f ON f.id = mf.entity_id"
	    " CROSS JOIN entities b ON b.kind = 'person'"
	    "   AND b.name_key = f.surname"
	    " WHERE f.kind = 'person' AND f.name_key <> f.surname"
	    " AND NOT EXISTS (SELECT 1 FROM mentions m"
	    "   WHERE m.entity_id = b.id AND m.article_id = ?1)"
	    " AND NOT EXISTS (SELECT 1 FROM entity_aliases a"
	    "   WHERE a.kind = 'person' AND a.alias = b.name"
	    "   AND a.name = b.name)"
	    " AND NOT EXISTS (SELECT 1 FROM entities o WHERE"
	    "   o.surname = b.name_key AND o.kind = 'person' AND o.id <> f.id"
	    "   AND o.name_key <> o.surname AND EXISTS (SELECT 1 FROM"
	    "   mentions m WHERE m.entity_id = o.id))", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pairs = xreallocarray(pairs, n + 1, 2 * sizeof *pairs);
		pairs[2 * n] = sqlite3_column_int64(st, 0);
		pairs[2 * n + 1] = sqlite3_column_int64(st, 1);
		n++;
	}
	if (st_rows_end(s, st, rc, "cannot join entities", err) != 0)
		goto out;
	for (i = 0; i < n; i++)
		if (entity_join(s, pairs[2 * i], pairs[2 * i + 1], err) != 0)
			goto out;
	/* The batch's cached ids may name an entity that is gone. */
	if (n > 0)
		store_entity_cache_clear(s);
	rv = 0;
out:
	free(pairs);
	return rv;
}

/*
 * May source text t ("the Civic Dawn leader") describe a person by a
 * role with names in it? The words after "the" end in a noun of a post
 * ("leader", not "official": an unnamed source is never a named person)
 * and a capitalised word comes before it. The role, or NULL.
 */
static const char *
entity_role_described(const char *t)
{
	const char	*d, *last, *p;
	int		 named = 0;

	if (t == NULL || strncasecmp(t, "the ", 4) != 0)
		return NULL;
	d = t + 4;
	if ((last = strrchr(d, ' ')) == NULL)
		return NULL;
	for (p = d; p < last; p++)
		if ((p == d || p[-1] == ' ') && ((*p >= 'A' && *p <= 'Z') ||
		    (unsigned char)*p >= 0x80))
			named = 1;
	return named && extract_role_noun(last + 1, strlen(last + 1)) ? d :
	    NULL;
}

/*
 * Credit story article's unnamed quotes whose source is described as
 * text ("the Civic Dawn leader") to the one person the story names whom
 * some story gives that role; none when two or none fit. The user's
 * corrections are left alone.
 */
static int
entity_describe(struct store *s, int64_t article, const char *text,
    char **err)
{
	sqlite3_stmt	*st;
	const char	*role = entity_role_described(text);
	int64_t		 id = 0;
	int		 rc, n = 0;

	if (role == NULL)
		return 0;
	if ((st = st_prepare(s, "SELECT DISTINCT e.id FROM mentions m"
	    " JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?1"
	    " AND e.kind = 'person' AND EXISTS (SELECT 1 FROM mentions t"
	    " WHERE t.entity_id = e.id AND t.title = ?2 COLLATE NOCASE)"
	    " LIMIT 2", "cannot find a role", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	st_bind_text(st, 2, role);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		n++;
	}
	if (st_rows_end(s, st, rc, "cannot find a role", err) != 0)
		return -1;
	if (n != 1)
		return 0;
	if ((st = st_prepare(s, "UPDATE quotes SET speaker_id = ?3,"
	    " source_kind = 'person' WHERE article_id = ?1"
	    " AND source_kind = 'unnamed' AND corrected = 0"
	    " AND source_text = ?2 COLLATE NOCASE", "cannot credit a quote",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	st_bind_text(st, 2, text);
	sqlite3_bind_int64(st, 3, id);
	return st_step(s, st, "cannot credit a quote", err) < 0 ? -1 : 0;
}

/* Collect the (article, source text) pairs a statement gives. */
struct described {
	int64_t	*ids;
	char	**texts;
	size_t	 n;
};

static int
described_rows(struct store *s, sqlite3_stmt *st, struct described *d,
    char **err)
{
	const char	*t;
	int64_t		 id;
	size_t		 i;
	int		 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->n < 1000) {
		id = sqlite3_column_int64(st, 0);
		if ((t = st_text(st, 1)) == NULL)
			continue;
		for (i = 0; i < d->n; i++)	/* each pair once */
			if (d->ids[i] == id && strcmp(d->texts[i], t) == 0)
				break;
		if (i < d->n)
			continue;
		d->ids = xreallocarray(d->ids, d->n + 1, sizeof *d->ids);
		d->texts = xreallocarray(d->texts, d->n + 1,
		    sizeof *d->texts);
		d->ids[d->n] = id;
		d->texts[d->n++] = xstrdup(t);
	}
	return st_rows_end(s, st, rc, "cannot find a role", err);
}

/*
 * "the Civic Dawn leader told the crowd" in a story that names Lidia
 * Stansk, and "Civic Dawn leader Lidia Stansk" in another: the source is
 * Stansk, whichever story came first. After a story is stored: its own
 * unnamed sources described by a role, and those of the stories that
 * describe one of its people by a role it gives them.
 */
int
store_entity_described(struct store *s, int64_t article, char **err)
{
	struct described	 d;
	sqlite3_stmt		*st;
	size_t			 i;
	int			 rv = -1;

	memset(&d, 0, sizeof d);
	if ((st = st_kept(s, STMT_DESCRIBED_OWN, "SELECT article_id,"
	    " source_text FROM quotes WHERE article_id = ?1"
	    " AND source_kind = 'unnamed' AND corrected = 0"
	    " AND source_text LIKE 'the % %'", err)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, article);
	if (described_rows(s, st, &d, err) != 0)
		goto out;
	/* the roles it gives its people, as other stories describe them */
	if ((st = st_kept(s, STMT_DESCRIBED_OTHERS, "SELECT q.article_id,"
	    " q.source_text FROM mentions m JOIN entities e"
	    " ON e.id = m.entity_id JOIN quotes q"
	    " ON q.source_kind = 'unnamed'"
	    " AND q.source_text = 'the ' || m.title COLLATE NOCASE"
	    " WHERE m.article_id = ?1 AND e.kind = 'person'"
	    " AND m.title IS NOT NULL AND q.article_id <> ?1"
	    " AND q.corrected = 0", err)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, article);
	if (described_rows(s, st, &d, err) != 0)
		goto out;
	rv = 0;
	for (i = 0; i < d.n && rv == 0; i++)
		rv = entity_describe(s, d.ids[i], d.texts[i], err);
out:
	for (i = 0; i < d.n; i++)
		free(d.texts[i]);
	free(d.ids);
	free(d.texts);
	return rv;
}

/*
 * The affiliation the latest story giving one gives the entity (kind,
 * name), into *out (NULL: none); for a role a story gives without its
 * country. 0, or -1 with *err.
 */
int
store_entity_affiliation(struct store *s, const char *kind, const char *name,
    char **out, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	*out = NULL;
	/* The role's condition is the index's (mentions_role). */
	if ((st = st_prepare(s, "SELECT m.affiliation FROM entities e JOIN"
	    " mentions m ON m.entity_id = e.id AND (m.title IS NOT NULL OR"
	    " m.affiliation IS NOT NULL) WHERE e.kind = ?1 AND e.name = ?2"
	    " AND m.affiliation IS NOT NULL AND m.affiliation <> ''"
	    " ORDER BY m.article_id DESC LIMIT 1", "cannot read a role",
	    err)) == NULL)
		return -1;
	st_bind_text(st, 1, kind);
	st_bind_text(st, 2, name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = st_column_dup(st, 0);
	if (st_rows_end(s, st, rc, "cannot read a role", err) != 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}
