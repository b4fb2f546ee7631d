/*
 * Corrections of names by the user: a name merged into another of its
 * kind (an alias, followed by every analysis written later, so an alias
 * of an alias leads on) and a name's role or affiliation set. Quotes'
 * corrections, and how they are applied, are store-correct.c's.
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

/* Aliases followed from one name, at most: a chain, never a loop. */
#define ALIAS_DEPTH	16

static const char *const kind_names[] = { "person", "org", "place", "misc" };

/*
 * The name an alias leads to (a new string), or a copy of name; *apart
 * (if not NULL) set when the name is kept apart (an alias of itself).
 */
int
store_alias_follow(struct store *s, const char *kind, const char *name,
    char **out, int *apart, char **err)
{
	sqlite3_stmt	*st;
	char		*cur = xstrdup(name), *next;
	int		 i, rc;

	if (apart != NULL)
		*apart = 0;
	for (i = 0; i < ALIAS_DEPTH; i++) {
		if ((st = st_kept(s, STMT_ALIAS_GET, "SELECT name FROM"
		    " entity_aliases WHERE kind = ?1 AND alias = ?2",
		    err)) == NULL)
			goto fail;
		st_bind_text(st, 1, kind);
		st_bind_text(st, 2, cur);
		next = NULL;
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			next = st_column_dup(st, 0);
		if (st_rows_end(s, st, rc, "cannot read aliases", err) != 0)
			goto fail;
		if (next != NULL && strcmp(next, cur) == 0) {
			free(next);	/* kept apart: it is itself */
			if (apart != NULL)
				*apart = 1;
			break;
		}
		if (next == NULL)
			break;
		free(cur);
		cur = next;
	}
	*out = cur;
	return 0;
fail:
	free(cur);
	return -1;
}

int
store_alias_resolve(struct store *s, const char *kind, const char *name,
    char **out, char **err)
{
	return store_alias_follow(s, kind, name, out, NULL, err);
}

/*
 * The roles set by the user, on the story's mentions (article 0: on the
 * mentions of entity id, every story's).
 */
int
store_roles_apply(struct store *s, int64_t article, int64_t entity, char **err)
{
	sqlite3_stmt	*st;

#define ROLE_OF(fcol, col) \
	"coalesce((SELECT f." fcol " FROM entity_fixes f JOIN entities e" \
	"  ON e.kind = f.kind AND e.name = f.name" \
	"  WHERE e.id = mentions.entity_id), " col ")"
	if ((st = article > 0 ? st_kept(s, STMT_ROLES_APPLY,
	    "UPDATE mentions SET title = " ROLE_OF("role", "title") ","
	    " affiliation = " ROLE_OF("affiliation", "affiliation") " WHERE article_id = ?1"
	    " AND entity_id IN (SELECT e.id FROM entity_fixes f"
	    "  JOIN entities e ON e.kind = f.kind AND e.name = f.name)", err) :
	    st_prepare(s, "UPDATE mentions SET title = " ROLE_OF("role", "title") ","
	    " affiliation = " ROLE_OF("affiliation", "affiliation") " WHERE entity_id = ?1",
	    "cannot set role", err)) == NULL)
		return -1;
#undef ROLE_OF
	sqlite3_bind_int64(st, 1, article > 0 ? article : entity);
	return st_step(s, st, "cannot set role", err);
}

int
store_entity_kinds(struct store *s, const char *name, unsigned *mask,
    char **err)
{
	sqlite3_stmt	*st;
	const char	*k;
	size_t		 i;
	int		 rc;

	*mask = 0;
	if ((st = st_prepare(s, "SELECT kind FROM entities WHERE name = ?1"
	    " UNION SELECT kind FROM entity_aliases WHERE alias = ?1",
	    "cannot read names", err)) == NULL)
		return -1;
	st_bind_text(st, 1, name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (i = 0; i < 4; i++)
			if ((k = st_text(st, 0)) != NULL &&
			    strcmp(k, kind_names[i]) == 0)
				*mask |= STORE_KIND_BIT(i);
	return st_rows_end(s, st, rc, "cannot read names", err);
}

/* Does following name's aliases reach alias (or is it alias)? */
static int
alias_loops(struct store *s, const char *kind, const char *alias,
    const char *name, char **err)
{
	sqlite3_stmt	*st;
	char		*cur = xstrdup(name), *next;
	int		 i, rc, rv = 0;

	for (i = 0; i < ALIAS_DEPTH && rv == 0; i++) {
		if (strcmp(cur, alias) == 0) {
			rv = 1;
			break;
		}
		if ((st = st_kept(s, STMT_ALIAS_GET, "SELECT name FROM"
		    " entity_aliases WHERE kind = ?1 AND alias = ?2",
		    err)) == NULL) {
			rv = -1;
			break;
		}
		st_bind_text(st, 1, kind);
		st_bind_text(st, 2, cur);
		next = NULL;
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			next = st_column_dup(st, 0);
		if (st_rows_end(s, st, rc, "cannot read aliases", err) != 0)
			rv = -1;
		if (next == NULL || strcmp(next, cur) == 0) {
			free(next);	/* the end, or a name kept apart */
			break;
		}
		free(cur);
		cur = next;
	}
	/* A chain longer than resolution follows is refused as a loop. */
	if (i == ALIAS_DEPTH)
		rv = 1;
	free(cur);
	return rv;
}

/* The id of a stored entity; 0 if there is none, -1 on error. */
static int64_t
entity_find(struct store *s, const char *kind, const char *name, char **err)
{
	sqlite3_stmt	*st;

	if ((st = st_prepare(s, "SELECT id FROM entities WHERE kind = ?1"
	    " AND name = ?2", "cannot read names", err)) == NULL)
		return -1;
	st_bind_text(st, 1, kind);
	st_bind_text(st, 2, name);
	return st_int(s, st, 0, "cannot read names", err);
}

/* The stories that mention or quote entity id (none for id 0). */
static int
entity_stories(struct store *s, int64_t id, int64_t **ids, size_t *n,
    char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if (id <= 0)
		return 0;
	if ((st = st_prepare(s, "SELECT article_id FROM mentions"
	    " WHERE entity_id = ?1 UNION SELECT article_id FROM quotes"
	    " WHERE speaker_id = ?1 ORDER BY 1", "cannot read names",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (st_rows_end(s, st, rc, "cannot read names", err) != 0) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* A change of names, as st_write runs it. */
struct name_fix {
	const char	*kind;
	const char	*name;
	const char	*into;		/* an alias's name */
	const char	*role;
	const char	*affiliation;
	int64_t		 moved[2];	/* mentions and quotes changed */
	int64_t		*ids;		/* stories to analyse again */
	size_t		 nids;
	int		 apart;		/* the undo kept the name apart */
};

/* Move the rows of entity from to entity into; count them. */
static int
alias_move(struct store *s, int64_t from, int64_t into, int64_t *moved,
    char **err)
{
	static const char *const sql[] = {
		"UPDATE mentions SET entity_id = ?2 WHERE entity_id = ?1",
		"UPDATE quotes SET speaker_id = ?2 WHERE speaker_id = ?1",
	};
	sqlite3_stmt	*st;
	size_t		 i;
	int		 n;

	for (i = 0; i < 2; i++) {
		if ((st = st_prepare(s, sql[i], "cannot merge", err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, from);
		sqlite3_bind_int64(st, 2, into);
		if ((n = st_step(s, st, "cannot merge", err)) < 0)
			return -1;
		moved[i] = n;
	}
	return st_step_id(s, "DELETE FROM entities WHERE id = ?1", from,
	    "cannot merge", err) < 0 ? -1 : 0;
}

static int
alias_set(struct store *s, void *arg, char **err)
{
	struct name_fix	*f = arg;
	sqlite3_stmt	*st;
	int64_t		 from, into;
	int		 rc;

	if ((rc = alias_loops(s, f->kind, f->name, f->into, err)) != 0)
		return rc < 0 ? -1 : 2;
	if ((st = st_prepare(s, "INSERT INTO entity_aliases (kind, alias,"
	    " name, created) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (kind, alias)"
	    " DO UPDATE SET name = excluded.name, created = excluded.created",
	    "cannot merge", err)) == NULL)
		return -1;
	st_bind_text(st, 1, f->kind);
	st_bind_text(st, 2, f->name);
	st_bind_text(st, 3, f->into);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)time(NULL));
	if (st_step(s, st, "cannot merge", err) < 0)
		return -1;
	/* Ids cached before the alias was made would not follow it. */
	store_entity_cache_clear(s);
	if ((from = entity_find(s, f->kind, f->name, err)) < 0 ||
	    (into = store_entity_id(s, f->kind, f->into, err)) < 0)
		return -1;
	if (from > 0 && from != into &&
	    alias_move(s, from, into, f->moved, err) != 0)
		return -1;
	return store_roles_apply(s, 0, into, err) < 0 ? -1 : 0;
}

int
store_alias_set(struct store *s, const char *kind, const char *alias,
    const char *name, int64_t *mentions, int64_t *quotes, char **err)
{
	struct name_fix	f;
	int		rv;

	memset(&f, 0, sizeof f);
	f.kind = kind;
	f.name = alias;
	f.into = name;
	rv = st_write(s, alias_set, &f, err);
	*mentions = f.moved[0];
	*quotes = f.moved[1];
	return rv;
}

/*
 * The user undoes a merge the library made by its own rules (a bare
 * surname joined to the one person of that surname, a spelling joined to
 * another): the name is kept apart from now on, as an alias of itself,
 * and the stories of what it was joined to are analysed again. 1 when
 * the library joins the name to nothing.
 */
static int
alias_apart(struct store *s, struct name_fix *f, char **err)
{
	sqlite3_stmt	*st;
	int64_t		 id;

	if ((id = store_entity_joined(s, f->kind, f->name, err)) <= 0)
		return id < 0 ? -1 : 1;
	if ((st = st_prepare(s, "INSERT INTO entity_aliases (kind, alias,"
	    " name, created) VALUES (?1, ?2, ?2, ?3)", "cannot unmerge",
	    err)) == NULL)
		return -1;
	st_bind_text(st, 1, f->kind);
	st_bind_text(st, 2, f->name);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
	if (st_step(s, st, "cannot unmerge", err) < 0)
		return -1;
	store_entity_cache_clear(s);
	f->apart = 1;
	return entity_stories(s, id, &f->ids, &f->nids, err) == 0 ? 0 : -1;
}

static int
alias_del(struct store *s, void *arg, char **err)
{
	struct name_fix	*f = arg;
	sqlite3_stmt	*st;
	char		*target, *name;
	int64_t		 id;
	int		 rc;

	if ((st = st_prepare(s, "DELETE FROM entity_aliases WHERE kind = ?1"
	    " AND alias = ?2 RETURNING name", "cannot unmerge", err)) == NULL)
		return -1;
	st_bind_text(st, 1, f->kind);
	st_bind_text(st, 2, f->name);
	target = NULL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		target = st_column_dup(st, 0);
	if (st_rows_end(s, st, rc, "cannot unmerge", err) != 0)
		return -1;
	if (target == NULL)
		return alias_apart(s, f, err);
	store_entity_cache_clear(s);
	if (strcmp(target, f->name) == 0)
		f->apart = -1;		/* no longer kept apart */
	rc = -1;
	if (store_alias_resolve(s, f->kind, target, &name, err) == 0) {
		if ((id = entity_find(s, f->kind, name, err)) >= 0 &&
		    entity_stories(s, id, &f->ids, &f->nids, err) == 0)
			rc = 0;
		free(name);
	}
	free(target);
	return rc;
}

/*
 * Drop a correction of a name (fn, in its transaction): *ids the stories
 * it touched, to analyse again; none when it fails.
 */
static int
name_fix_undo(struct store *s, int (*fn)(struct store *, void *, char **),
    const char *kind, const char *name, int64_t **ids, size_t *nids,
    int *apart, char **err)
{
	struct name_fix	f;
	int		rv;

	memset(&f, 0, sizeof f);
	f.kind = kind;
	f.name = name;
	if ((rv = st_write(s, fn, &f, err)) != 0) {
		free(f.ids);
		f.ids = NULL;
		f.nids = 0;
	}
	*ids = f.ids;
	*nids = f.nids;
	if (apart != NULL)
		*apart = rv == 0 ? f.apart : 0;
	return rv;
}

int
store_alias_del(struct store *s, const char *kind, const char *alias,
    int64_t **ids, size_t *nids, int *apart, char **err)
{
	return name_fix_undo(s, alias_del, kind, alias, ids, nids, apart,
	    err);
}

static int
entity_fix_set(struct store *s, void *arg, char **err)
{
	struct name_fix	*f = arg;
	sqlite3_stmt	*st;
	char		*name;
	int64_t		 id;
	int		 n, rv = -1;

	if (store_alias_resolve(s, f->kind, f->name, &name, err) != 0)
		return -1;
	if ((st = st_prepare(s, "INSERT INTO entity_fixes (kind, name, role,"
	    " affiliation, created) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (kind, name) DO UPDATE SET"
	    " role = coalesce(excluded.role, role),"
	    " affiliation = coalesce(excluded.affiliation, affiliation),"
	    " created = excluded.created", "cannot set role", err)) == NULL)
		goto out;
	st_bind_text(st, 1, f->kind);
	st_bind_text(st, 2, name);
	st_bind_text(st, 3, f->role);
	st_bind_text(st, 4, f->affiliation);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)time(NULL));
	if (st_step(s, st, "cannot set role", err) < 0 ||
	    (id = entity_find(s, f->kind, name, err)) < 0)
		goto out;
	if (id > 0 && (n = store_roles_apply(s, 0, id, err)) < 0)
		goto out;
	f->moved[0] = id > 0 ? n : 0;
	rv = 0;
out:
	free(name);
	return rv;
}

int
store_entity_fix_set(struct store *s, const char *kind, const char *name,
    const char *role, const char *affiliation, int64_t *mentions,
    char **err)
{
	struct name_fix	f;
	int		rv;

	memset(&f, 0, sizeof f);
	f.kind = kind;
	f.name = name;
	f.role = role;
	f.affiliation = affiliation;
	rv = st_write(s, entity_fix_set, &f, err);
	*mentions = f.moved[0];
	return rv;
}

static int
entity_fix_del(struct store *s, void *arg, char **err)
{
	struct name_fix	*f = arg;
	sqlite3_stmt	*st;
	char		*name;
	int64_t		 id;
	int		 n, rv = -1;

	if (store_alias_resolve(s, f->kind, f->name, &name, err) != 0)
		return -1;
	if ((st = st_prepare(s, "DELETE FROM entity_fixes WHERE kind = ?1"
	    " AND name = ?2", "cannot drop role", err)) == NULL)
		goto out;
	st_bind_text(st, 1, f->kind);
	st_bind_text(st, 2, name);
	if ((n = st_step(s, st, "cannot drop role", err)) < 0)
		goto out;
	rv = 1;
	if (n > 0 && ((id = entity_find(s, f->kind, name, err)) < 0 ||
	    entity_stories(s, id, &f->ids, &f->nids, err) != 0))
		rv = -1;
	else if (n > 0)
		rv = 0;
out:
	free(name);
	return rv;
}

int
store_entity_fix_del(struct store *s, const char *kind, const char *name,
    int64_t **ids, size_t *nids, char **err)
{
	return name_fix_undo(s, entity_fix_del, kind, name, ids, nids, NULL,
	    err);
}

int
store_name_fixes(struct store *s, int aliases,
    int (*fn)(const struct store_name_fix *, void *), void *arg, char **err)
{
	struct store_name_fix	 f;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = st_prepare(s, aliases ?
	    "SELECT kind, alias, name, NULL, NULL, created"
	    " FROM entity_aliases ORDER BY kind, alias" :
	    "SELECT kind, name, NULL, role, affiliation, created"
	    " FROM entity_fixes ORDER BY kind, name",
	    "cannot read corrections", err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		f.kind = st_text(st, 0);
		f.name = st_text(st, 1);
		f.into = st_text(st, 2);
		f.role = st_text(st, 3);
		f.affiliation = st_text(st, 4);
		f.created = sqlite3_column_int64(st, 5);
		if (f.kind == NULL || f.name == NULL)
			continue;
		if (fn(&f, arg) != 0)
			break;
	}
	return st_rows_end(s, st, rc, "cannot read corrections", err);
}
