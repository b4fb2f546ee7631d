/*
 * The library layer between the screen and the store: it turns store rows
 * into small owned arrays (a window of a listing, the feed list, one
 * article's entities, one speaker's quotes) so the ui holds no SQL, and
 * gives the commands a listing whole, read the same way (store_page).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "library.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

/* Copy a string that may be NULL. */
static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

/* Format an ISO date as "26 Aug 2023". */
void
library_date(const char *iso, char *out, size_t len)
{
	static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int	 y, m, d;

	if (len > 0)
		*out = '\0';
	if (iso == NULL || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
		return;
	y = atoi(iso);
	m = atoi(iso + 5);
	d = atoi(iso + 8);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return;
	snprintf(out, len, "%2d %s %04d", d, months[m - 1], y);
}

/* Append one feed-list entry, with a heading before a new group. */
static struct lib_feed *
feeds_add(struct lib_feeds *f, enum store_filter_kind kind, const char *label)
{
	static const char *headings[] = { NULL, NULL, NULL, NULL, "Tags",
	    "Outlets", "Feeds", NULL };
	struct lib_feed	*e;
	int		 i;

	for (i = 0; i < 2; i++) {
		if (i == 0 && (headings[kind] == NULL || (f->n > 0 &&
		    f->v[f->n - 1].filter.kind == kind)))
			continue;
		f->v = xreallocarray(f->v, f->n + 1, sizeof *f->v);
		e = &f->v[f->n++];
		memset(e, 0, sizeof *e);
		e->filter.kind = kind;
		e->label = xstrdup(i == 0 ? headings[kind] : label);
		e->heading = i == 0;
	}
	return e;
}

/* Take one count row from the store into the feed list. */
static int
feeds_row(const struct store_feed_count *c, void *arg)
{
	struct lib_feeds	*f = arg;
	struct lib_feed		*e;
	char			*label;

	switch (c->kind) {
	case STORE_FILTER_ALL:
		label = xstrdup("All");
		break;
	case STORE_FILTER_UNREAD:
		label = xstrdup("Unread");
		break;
	case STORE_FILTER_STARRED:
		label = xstrdup("Starred");
		break;
	case STORE_FILTER_NOTES:
		label = xstrdup("Notes");
		break;
	case STORE_FILTER_TAG:
		xasprintf(&label, "#%s", c->value != NULL ? c->value : "");
		break;
	default:
		label = xstrdup(c->value != NULL ? c->value : "(untitled)");
		break;
	}
	e = feeds_add(f, c->kind, label);
	free(label);
	e->filter.value = dup_or_null(c->value);
	e->filter.feed = c->feed;
	e->count = c->count;
	e->error = dup_or_null(c->error);
	return 0;
}

/* Build the feed list, counting the kinds asked for. */
int
library_feeds(struct store *s, unsigned kinds, const struct lib_feeds *old,
    struct lib_feeds *f, char **err)
{
	const struct lib_feed	*o;
	struct lib_feed		*e;
	unsigned		 k;
	size_t			 i;

	memset(f, 0, sizeof *f);
	for (k = STORE_FILTER_ALL; k <= STORE_FILTER_FEED; k++) {
		if (kinds & STORE_COUNT_KIND(k)) {
			if (store_feed_counts(s, STORE_COUNT_KIND(k), feeds_row,
			    f, err) != 0) {
				library_feeds_free(f);
				return -1;
			}
			continue;
		}
		for (i = 0; old != NULL && i < old->n; i++) {
			o = &old->v[i];
			if (o->heading || o->filter.kind != k)
				continue;
			e = feeds_add(f, o->filter.kind, o->label);
			e->filter.value = dup_or_null(o->filter.value);
			e->filter.feed = o->filter.feed;
			e->count = o->count;
			e->error = dup_or_null(o->error);
		}
	}
	return 0;
}

/* Free a feed list. */
void
library_feeds_free(struct lib_feeds *f)
{
	size_t	i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].label);
		free(f->v[i].error);
		free((char *)f->v[i].filter.value);
		free((char *)f->v[i].filter.entity_kind);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* Keep one listing row. */
static int
page_row(const struct store_row *r, void *arg)
{
	struct lib_rows	*rows = arg;
	struct lib_row	*e;

	rows->v = xreallocarray(rows->v, rows->n + 1, sizeof *rows->v);
	e = &rows->v[rows->n++];
	e->key = r->key;
	e->title = xstrdup(r->title != NULL ? r->title : "(untitled)");
	e->outlet = dup_or_null(r->outlet);
	library_date(r->published, e->date, sizeof e->date);
	e->read = r->read;
	e->starred = r->starred;
	return 0;
}

/* Read a window of a listing in display order. */
int
library_page(struct store *s, const struct store_filter *f,
    const struct store_key *key, int dir, size_t limit, struct lib_rows *rows,
    char **err)
{
	struct lib_row	tmp;
	size_t		i;

	memset(rows, 0, sizeof *rows);
	if (store_page(s, f, key, dir, limit, page_row, rows, err) != 0) {
		library_rows_free(rows);
		return -1;
	}
	if (dir < 0) {
		for (i = 0; i < rows->n / 2; i++) {
			tmp = rows->v[i];
			rows->v[i] = rows->v[rows->n - 1 - i];
			rows->v[rows->n - 1 - i] = tmp;
		}
	}
	return 0;
}

/* Where library_list hands its stories. */
struct list_each {
	int	(*fn)(const struct article *, void *);
	void	 *arg;
};

/* Hand one listing row on as an article. */
static int
list_row(const struct store_row *r, void *arg)
{
	struct list_each	*e = arg;
	struct article		 a;
	size_t			 i;
	int			 stop;

	article_init(&a);
	a.id = r->key.id;
	a.url = dup_or_null(r->url);
	a.title = dup_or_null(r->title);
	a.outlet = dup_or_null(r->outlet);
	a.byline = dup_or_null(r->byline);
	a.published = dup_or_null(r->published);
	if (r->ntags > 0)
		a.tags = xcalloc(r->ntags, sizeof *a.tags);
	for (i = 0; i < r->ntags; i++)
		a.tags[a.ntags++] = xstrdup(r->tags[i]);
	a.read = r->read;
	a.starred = r->starred;
	stop = e->fn(&a, e->arg);
	article_free(&a);
	return stop;
}

/* Read a listing whole, as one window of it from the top. */
int
library_list(struct store *s, const struct store_filter *f, size_t limit,
    int (*fn)(const struct article *, void *), void *arg, char **err)
{
	struct list_each	e = { fn, arg };

	return store_page(s, f, NULL, 1, limit > 0 ? limit : (size_t)-1,
	    list_row, &e, err);
}

/* Free a window of rows. */
void
library_rows_free(struct lib_rows *rows)
{
	size_t	i;

	for (i = 0; i < rows->n; i++) {
		free(rows->v[i].title);
		free(rows->v[i].outlet);
	}
	free(rows->v);
	memset(rows, 0, sizeof *rows);
}

/* Find or add an entity of a group by name. */
static struct lib_entity *
entities_get(struct lib_entities *x, enum lib_entity_group g,
    const char *kind, const char *name)
{
	struct lib_entity	*e;
	size_t			 i;

	for (i = 0; i < x->n; i++)
		if (x->v[i].group == g && !x->v[i].unnamed &&
		    strcmp(x->v[i].name, name) == 0)
			return &x->v[i];
	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	e = &x->v[x->n++];
	memset(e, 0, sizeof *e);
	e->group = g;
	e->kind = xstrdup(kind);
	e->name = xstrdup(name);
	return e;
}

/* Count one mention under its kind's group. */
static int
entities_mention(const struct store_mention *m, void *arg)
{
	struct lib_entity	*e;
	enum lib_entity_group	 g;

	if (m->kind == NULL || m->name == NULL)
		return 0;
	if (strcmp(m->kind, "person") == 0)
		g = LIB_PERSON;
	else if (strcmp(m->kind, "org") == 0)
		g = LIB_ORG;
	else if (strcmp(m->kind, "place") == 0)
		g = LIB_PLACE;
	else
		g = LIB_MISC;
	e = entities_get(arg, g, m->kind, m->name);
	e->count++;
	if (e->title == NULL && m->title != NULL)
		e->title = xstrdup(m->title);
	return 0;
}

/* Does a phrase end in this word (case ignored)? */
static int
sources_head_is(const char *phrase, const char *word)
{
	const char	*p = strrchr(phrase, ' ');

	return strcasecmp(p != NULL ? p + 1 : phrase, word) == 0;
}

/*
 * List a quote of an unnamed source under QUOTED. A later "the official"
 * or a pronoun is the source an earlier phrase introduced ("A senior
 * Velmark official ... the official said"), so it joins the most recent
 * source with the same head noun, or for a pronoun the most recent one.
 */
static void
sources_add(struct lib_entities *x, const struct store_quote *q)
{
	static const char *const pronouns[] = {
		"he", "she", "they", "it", "his office", "her office",
		"their office", NULL
	};
	struct lib_entity	*e = NULL, *c;
	const char		*t = q->source_text, *head;
	size_t			 i;
	int			 pronoun = 0;

	if (t == NULL || *t == '\0' || q->source_kind == NULL ||
	    (strcmp(q->source_kind, "unnamed") != 0 &&
	    strcmp(q->source_kind, "media") != 0 &&
	    strcmp(q->source_kind, "org") != 0))
		return;
	for (i = 0; pronouns[i] != NULL; i++)
		if (strcasecmp(t, pronouns[i]) == 0)
			pronoun = 1;
	head = strrchr(t, ' ');
	head = head != NULL ? head + 1 : t;
	for (i = 0; i < x->n; i++) {
		c = &x->v[i];
		if (!c->unnamed || (e != NULL && e->last > c->last))
			continue;
		if (strcasecmp(c->name, t) == 0 || pronoun ||
		    (strncasecmp(t, "the ", 4) == 0 &&
		    sources_head_is(c->name, head)))
			e = c;
	}
	if (e == NULL) {
		if (pronoun)
			return;		/* nobody to say who */
		x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
		e = &x->v[x->n++];
		memset(e, 0, sizeof *e);
		e->group = LIB_SPEAKER;
		e->kind = xstrdup(q->source_kind);
		e->name = xstrdup(t);
		/* A sidebar entry starts with a capital, as names do. */
		if (e->name[0] >= 'a' && e->name[0] <= 'z')
			e->name[0] = (char)(e->name[0] - 'a' + 'A');
		e->unnamed = 1;
		e->title = xstrdup(strcmp(q->source_kind, "unnamed") == 0 ?
		    "unnamed source" : "unnamed spokesperson");
	}
	e->spans = xreallocarray(e->spans, e->nspans + 1, sizeof *e->spans);
	e->spans[e->nspans].start = q->start;
	e->spans[e->nspans++].end = q->end;
	e->last = q->start;
	e->count++;
}

/* Count one quote under its speaker. */
static int
entities_quote(const struct store_quote *q, void *arg)
{
	if (q->speaker_name == NULL || q->speaker_kind == NULL) {
		sources_add(arg, q);
		return 0;
	}
	entities_get(arg, LIB_SPEAKER, q->speaker_kind,
	    q->speaker_name)->count++;
	return 0;
}

/* Order entities by group, then most counted, then name. */
static int
entities_cmp(const void *a, const void *b)
{
	const struct lib_entity	*x = a, *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	/* Named speakers before unnamed sources. */
	if (x->unnamed != y->unnamed)
		return x->unnamed ? 1 : -1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Read an article's speakers and entities, grouped and sorted. */
int
library_entities(struct store *s, int64_t id, struct lib_entities *x,
    char **err)
{
	struct lib_entity	*sp, *p;
	size_t			 i, j;

	memset(x, 0, sizeof *x);
	if (store_article_quotes(s, id, entities_quote, x, err) != 0 ||
	    store_article_mentions(s, id, entities_mention, x, err) != 0) {
		library_entities_free(x);
		return -1;
	}
	/* A speaker's role comes from the mentions of the same person. */
	for (i = 0; i < x->n; i++) {
		sp = &x->v[i];
		if (sp->group != LIB_SPEAKER)
			continue;
		for (j = 0; j < x->n; j++) {
			p = &x->v[j];
			if (p->group == LIB_PERSON && p->title != NULL &&
			    sp->title == NULL && strcmp(p->name, sp->name) == 0)
				sp->title = xstrdup(p->title);
		}
	}
	if (x->n > 1)
		qsort(x->v, x->n, sizeof *x->v, entities_cmp);
	return 0;
}

/* Free an article's entities. */
void
library_entities_free(struct lib_entities *x)
{
	size_t	i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].kind);
		free(x->v[i].name);
		free(x->v[i].title);
		free(x->v[i].spans);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}

/* Keep one quote of a speaker. */
static int
quotes_row(const struct store_speaker_quote *q, void *arg)
{
	struct lib_quotes	*x = arg;
	struct lib_quote	*e;

	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	e = &x->v[x->n++];
	e->article = q->article;
	library_date(q->published, e->date, sizeof e->date);
	e->outlet = dup_or_null(q->outlet);
	e->title = dup_or_null(q->title);
	e->text = xstrdup(q->text != NULL ? q->text : "");
	e->start = q->start;
	e->end = q->end;
	e->direct = q->direct;
	return 0;
}

/* Read every quote of a speaker, newest story first. */
int
library_quotes(struct store *s, const char *kind, const char *name,
    struct lib_quotes *x, char **err)
{
	memset(x, 0, sizeof *x);
	if (store_speaker_quotes(s, kind, name, quotes_row, x, err) != 0) {
		library_quotes_free(x);
		return -1;
	}
	return 0;
}

/* Free a speaker's quotes. */
void
library_quotes_free(struct lib_quotes *x)
{
	size_t	i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].outlet);
		free(x->v[i].title);
		free(x->v[i].text);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}
