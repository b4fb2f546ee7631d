/*
 * Corrections by the user, for the screen and the command line alike:
 * the names, roles and sources they type checked once here, a story's
 * quotes listed with the corrections on them, and the messages that say
 * what changed. The store writes and applies them (store-correct.c,
 * store-alias.c); an undo hands back the stories to analyse again.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "library.h"
#include "store.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

static const char *const kinds[] = { "person", "org", "place", "misc" };

char *
library_fix_name(const char *s, const char *what, char **err)
{
	struct buf	 b;
	uint32_t	 c;
	size_t		 len, i, n;
	int		 space = 0;

	if (s == NULL || (len = strlen(s)) == 0) {
		xasprintf(err, "the %s is empty", what);
		return NULL;
	}
	if (len > STORE_MAX_FIX_NAME * 4) {
		xasprintf(err, "the %s is too long: %zu bytes; at most %d",
		    what, len, STORE_MAX_FIX_NAME);
		return NULL;
	}
	if (!utf8_valid(s, len)) {
		xasprintf(err, "the %s is not UTF-8 text", what);
		return NULL;
	}
	buf_init(&b);
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &c);
		if (utf8_is_space(c) && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f' && c != '\v' && c != 0x85) {
			space = 1;
			continue;
		}
		if (utf8_is_unsafe(c)) {
			buf_free(&b);
			xasprintf(err, "the %s has control characters", what);
			return NULL;
		}
		if (space && b.len > 0)
			buf_addc(&b, ' ');
		space = 0;
		buf_add(&b, s + i, n);
	}
	if (b.len == 0 || b.len > STORE_MAX_FIX_NAME) {
		xasprintf(err, b.len == 0 ? "the %s is empty" :
		    "the %s is too long: %zu bytes; at most %d", what, b.len,
		    STORE_MAX_FIX_NAME);
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* Is k a kind of name? */
static int
kind_known(const char *k)
{
	size_t	i;

	for (i = 0; i < 4; i++)
		if (strcmp(k, kinds[i]) == 0)
			return 1;
	return 0;
}

/*
 * The kind of a name the user gave without one: the one it has in the
 * library (as a name or an alias); dflt if it has none (NULL: an error).
 */
static const char *
name_kind(struct store *s, const char *name, const char *dflt, char **err)
{
	unsigned	mask;
	size_t		i, n = 0;
	const char	*k = NULL;

	if (store_entity_kinds(s, name, &mask, err) != 0)
		return NULL;
	for (i = 0; i < 4; i++)
		if (mask & STORE_KIND_BIT(i)) {
			k = kinds[i];
			n++;
		}
	if (n == 1)
		return k;
	if (n == 0 && dflt != NULL)
		return dflt;
	if (n == 0)
		xasprintf(err, "no one named '%s' in the library (give the "
		    "kind to name one not seen yet)", name);
	else
		xasprintf(err, "'%s' is the name of %zu kinds of entity; give "
		    "the kind (person, org, place or misc)", name, n);
	return NULL;
}

/* Check a kind the user gave, or find the name's (dflt as name_kind). */
static const char *
fix_kind(struct store *s, const char *kind, const char *name,
    const char *dflt, char **err)
{
	if (kind == NULL)
		return name_kind(s, name, dflt, err);
	if (!kind_known(kind)) {
		xasprintf(err, "unknown kind '%s': person, org, place or misc",
		    kind);
		return NULL;
	}
	return kind;
}

/* Keep a stored quote in the list. */
static int
story_quote(const struct store_quote *q, void *arg)
{
	struct lib_story_quotes	*x = arg;
	struct lib_story_quote	*e;

	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	e = &x->v[x->n++];
	memset(e, 0, sizeof *e);
	e->start = q->start;
	e->end = q->end;
	e->kind = xstrdup(q->kind != NULL ? q->kind : "direct");
	if (q->speaker_name != NULL)
		e->speaker = xstrdup(q->speaker_name);
	else if (q->source_text != NULL)
		e->speaker = xstrdup(q->source_text);
	if (q->source_kind != NULL)
		e->speaker_kind = xstrdup(q->source_kind);
	else if (q->speaker_kind != NULL)
		e->speaker_kind = xstrdup(q->speaker_kind);
	e->corrected = q->corrected;
	return 0;
}

/* Keep the words of a "not a quote" correction in the list. */
static int
story_struck(const struct store_quote_fix *f, void *arg)
{
	struct lib_story_quotes	*x = arg;
	struct lib_story_quote	*e;

	if (f->fix != STORE_FIX_NOT_QUOTE || !f->placed)
		return 0;
	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	e = &x->v[x->n++];
	memset(e, 0, sizeof *e);
	e->start = f->start;
	e->end = f->end;
	e->kind = xstrdup(f->quote_kind != NULL ? f->quote_kind : "direct");
	e->corrected = 1;
	e->not_quote = 1;
	return 0;
}

/* Tags are not wanted: store_article_tags says if the story is there. */
static int
no_tag(const char *tag, void *arg)
{
	(void)tag;
	(void)arg;
	return 1;
}

static int
story_quote_cmp(const void *a, const void *b)
{
	const struct lib_story_quote	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return 0;
}

int
library_story_quotes(struct store *s, int64_t id, struct lib_story_quotes *x,
    char **err)
{
	int	rc;

	memset(x, 0, sizeof *x);
	if ((rc = store_article_tags(s, id, no_tag, NULL, err)) != 0) {
		if (rc == 1)
			xasprintf(err, "no story with id %lld", (long long)id);
		return -1;
	}
	if (store_article_quotes(s, id, story_quote, x, err) != 0 ||
	    store_quote_fixes(s, id, story_struck, x, err) != 0) {
		library_story_quotes_free(x);
		return -1;
	}
	if (x->n > 1)
		qsort(x->v, x->n, sizeof *x->v, story_quote_cmp);
	return 0;
}

void
library_story_quotes_free(struct lib_story_quotes *x)
{
	size_t	i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].kind);
		free(x->v[i].speaker);
		free(x->v[i].speaker_kind);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}

int
library_quote_fix(struct store *s, int64_t id, size_t start, size_t end,
    const struct lib_fix *f, char **msg, char **err)
{
	const char	*kind = NULL;
	char		*who = NULL;
	int		 rc, rv = -1;

	if (f->fix == LIB_FIX_SPEAKER) {
		kind = f->kind != NULL ? f->kind : "person";
		if (strcmp(kind, "person") != 0 && strcmp(kind, "org") != 0) {
			xasprintf(err, "a speaker is a person or an org, not "
			    "'%s'", kind);
			return -1;
		}
	}
	if ((f->fix == LIB_FIX_SPEAKER || f->who != NULL) &&
	    f->fix != LIB_FIX_NOT_QUOTE && (who = library_fix_name(f->who,
	    f->fix == LIB_FIX_SPEAKER ? "speaker's name" : "description",
	    err)) == NULL)
		return -1;
	rc = store_quote_fix_set(s, id, start, end, f->fix == LIB_FIX_SPEAKER ?
	    STORE_FIX_SPEAKER : f->fix == LIB_FIX_UNNAMED ? STORE_FIX_UNNAMED :
	    STORE_FIX_NOT_QUOTE, kind, who, err);
	if (rc == 1)
		xasprintf(err, "no story with id %lld", (long long)id);
	else if (rc == 2)
		xasprintf(err, "story %lld has no quote at %zu-%zu",
		    (long long)id, start, end);
	if (rc != 0)
		goto out;
	if (f->fix == LIB_FIX_NOT_QUOTE)
		*msg = xstrdup("marked not a quote");
	else
		xasprintf(msg, "quote credited to %s", who != NULL ? who :
		    "an unnamed source");
	rv = 0;
out:
	free(who);
	return rv;
}

/* The one story an undo of a quote's correction touches. */
static void
one_id(int64_t id, int64_t **ids, size_t *nids)
{
	*ids = xcalloc(1, sizeof **ids);
	(*ids)[0] = id;
	*nids = 1;
}

int
library_quote_unfix(struct store *s, int64_t id, size_t start, size_t end,
    int64_t **ids, size_t *nids, char **msg, char **err)
{
	int	rc;

	*ids = NULL;
	*nids = 0;
	if ((rc = store_quote_fix_del(s, id, start, end, err)) < 0)
		return -1;
	if (rc == 1) {
		*msg = xstrdup("that quote has no correction");
		return 1;
	}
	one_id(id, ids, nids);
	*msg = xstrdup("correction dropped; the machine's reading is back");
	return 0;
}

int
library_merge(struct store *s, const char *kind, const char *from,
    const char *into, char **msg, char **err)
{
	char		*a = NULL, *b = NULL;
	int64_t		 m = 0, q = 0;
	int		 rc, rv = -1;

	if ((a = library_fix_name(from, "name", err)) == NULL ||
	    (b = library_fix_name(into, "name to merge into", err)) == NULL)
		goto out;
	if (strcmp(a, b) == 0) {
		xasprintf(err, "cannot merge '%s' into itself", a);
		goto out;
	}
	if ((kind = fix_kind(s, kind, a, NULL, err)) == NULL)
		goto out;
	if ((rc = store_alias_set(s, kind, a, b, &m, &q, err)) == 2)
		xasprintf(err, "'%s' is merged into '%s' already; merging "
		    "back would make a loop", b, a);
	if (rc != 0)
		goto out;
	xasprintf(msg, "merged %s into %s (%lld %s, %lld %s)", a, b,
	    (long long)m, m == 1 ? "mention" : "mentions", (long long)q,
	    q == 1 ? "quote" : "quotes");
	rv = 0;
out:
	free(a);
	free(b);
	return rv;
}

/* Say what an undo left to do: 0, or 1 when there was nothing. */
static int
undone(int rc, const char *what, const char *name, size_t nids, char **msg)
{
	if (rc == 1) {
		xasprintf(msg, "%s: %s", name, what);
		return 1;
	}
	xasprintf(msg, "%s: correction dropped; %zu %s to analyse again",
	    name, nids, nids == 1 ? "story" : "stories");
	return 0;
}

int
library_unmerge(struct store *s, const char *kind, const char *alias,
    int64_t **ids, size_t *nids, char **msg, char **err)
{
	char	*a;
	int	 rc, apart = 0;

	*ids = NULL;
	*nids = 0;
	if ((a = library_fix_name(alias, "name", err)) == NULL)
		return -1;
	if ((kind = fix_kind(s, kind, a, "person", err)) == NULL ||
	    (rc = store_alias_del(s, kind, a, ids, nids, &apart, err)) < 0) {
		free(a);
		return -1;
	}
	if (apart != 0) {	/* a join the library made, parted or let be */
		xasprintf(msg, "%s: %s; %zu %s to analyse again", a, apart > 0 ?
		    "kept apart from the name the library joined it to" :
		    "no longer kept apart", *nids, *nids == 1 ? "story" :
		    "stories");
		rc = 0;
	} else
		rc = undone(rc, "not merged into another name", a, *nids,
		    msg);
	free(a);
	return rc;
}

int
library_person_set(struct store *s, const char *kind, const char *name,
    const char *role, const char *affiliation, char **msg, char **err)
{
	char	*n = NULL, *r = NULL, *f = NULL;
	int64_t	 m = 0;
	int	 rv = -1;

	if (role == NULL && affiliation == NULL) {
		*err = xstrdup("give a role, an affiliation or both");
		return -1;
	}
	if ((n = library_fix_name(name, "name", err)) == NULL ||
	    (role != NULL && (r = library_fix_name(role, "role",
	    err)) == NULL) ||
	    (affiliation != NULL && (f = library_fix_name(affiliation,
	    "affiliation", err)) == NULL) ||
	    (kind = fix_kind(s, kind, n, "person", err)) == NULL ||
	    store_entity_fix_set(s, kind, n, r, f, &m, err) != 0)
		goto out;
	xasprintf(msg, "%s:%s%s%s%s%s (%lld %s)", n, r != NULL ? " role " : "",
	    r != NULL ? r : "", r != NULL && f != NULL ? "," : "",
	    f != NULL ? " affiliation " : "", f != NULL ? f : "", (long long)m,
	    m == 1 ? "mention" : "mentions");
	rv = 0;
out:
	free(n);
	free(r);
	free(f);
	return rv;
}

int
library_person_unset(struct store *s, const char *kind, const char *name,
    int64_t **ids, size_t *nids, char **msg, char **err)
{
	char	*n;
	int	 rc;

	*ids = NULL;
	*nids = 0;
	if ((n = library_fix_name(name, "name", err)) == NULL)
		return -1;
	if ((kind = fix_kind(s, kind, n, "person", err)) == NULL ||
	    (rc = store_entity_fix_del(s, kind, n, ids, nids, err)) < 0) {
		free(n);
		return -1;
	}
	rc = undone(rc, "no role or affiliation of yours", n, *nids, msg);
	free(n);
	return rc;
}
