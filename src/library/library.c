/*
 * The library layer between the screen and the store: it turns store rows
 * into small owned arrays (a window of a listing, the feed list, one
 * speaker's quotes) so the ui holds no SQL, and gives the commands a
 * listing whole, read the same way (store_page). A story's people are
 * library-people.c's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void
library_date_listed(const char *date, int this_year, int wide, char *out,
    size_t len)
{
	const char	*year = strrchr(date, ' ');

	snprintf(out, len, "%s", date);
	if (year == NULL || year - date < 3 || date[2] != ' ')
		return;	/* not "%2d Mon YYYY": shown as it is */
	if (atoi(year + 1) == this_year)
		snprintf(out, len, "%.*s", (int)(year - date), date);
	else if (!wide)
		snprintf(out, len, "%.*s", (int)strlen(date + 3), date + 3);
}

/* Append one feed-list entry, with a heading before a new group. */
static struct lib_feed *
feeds_entry_add(struct lib_feeds *f, enum store_filter_kind kind,
    const char *label)
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
	e = feeds_entry_add(f, c->kind, label);
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
			e = feeds_entry_add(f, o->filter.kind, o->label);
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
	e->grouped = r->grouped;
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
	int	(*fn)(const struct article *, const struct lib_group *, void *);
	void	 *arg;
	struct store *s;
	char	**err;
	int	  failed;	/* a group could not be read */
};

/* Keep one other story of a listed story's group. */
static int
list_copy(const struct store_dup *d, void *arg)
{
	struct lib_group	*g = arg;
	struct lib_copy		*c;

	g->v = xreallocarray(g->v, g->n + 1, sizeof *g->v);
	c = &g->v[g->n++];
	c->id = d->id;
	c->outlet = xstrdup(d->outlet != NULL && *d->outlet != '\0' ?
	    d->outlet : d->feed != NULL ? d->feed : "?");
	c->first = d->first;
	return 0;
}

/* Free a story's group. */
static void
list_group_free(struct lib_group *g)
{
	while (g->n > 0)
		free(g->v[--g->n].outlet);
	free(g->v);
	g->v = NULL;
}

/* Hand one listing row on as an article. */
static int
list_row(const struct store_row *r, void *arg)
{
	struct list_each	*e = arg;
	struct lib_group	 g;
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
	memset(&g, 0, sizeof g);
	/* Only a story marked grouped has others: one look-up for it. */
	if (r->grouped && store_article_group(e->s, a.id, list_copy, &g,
	    e->err) != 0)
		stop = e->failed = 1;
	else
		stop = e->fn(&a, &g, e->arg);
	list_group_free(&g);
	article_free(&a);
	return stop;
}

/* Read a listing whole, as one window of it from the top. */
int
library_list(struct store *s, const struct store_filter *f, size_t limit,
    int (*fn)(const struct article *, const struct lib_group *, void *),
    void *arg, char **err)
{
	struct list_each	e = { fn, arg, s, err, 0 };

	if (store_page(s, f, NULL, 1, limit > 0 ? limit : (size_t)-1,
	    list_row, &e, err) != 0 || e.failed)
		return -1;
	return 0;
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

/*
 * Join a later part of a statement to its first part, kept already in
 * this story's rows; 0 if there is none to join (then it stands alone).
 */
static int
quotes_join(struct lib_quotes *x, const struct store_speaker_quote *q)
{
	struct lib_quote	*e;
	char			*t;
	size_t			 i;

	for (i = x->n; q->continues > 0 && i-- > 0 &&
	    x->v[i].article == q->article;) {
		e = &x->v[i];
		if (e->id != q->continues)
			continue;
		xasprintf(&t, "%s" LIB_QUOTE_JOIN "%s", e->text,
		    q->text != NULL ? q->text : "");
		free(e->text);
		e->text = t;
		e->corrected |= q->corrected;
		return 1;
	}
	return 0;
}

/* Keep one quote of a speaker: a statement once. */
static int
quotes_row(const struct store_speaker_quote *q, void *arg)
{
	struct lib_quotes	*x = arg;
	struct lib_quote	*e;

	if (quotes_join(x, q))
		return 0;
	if (x->n >= LIB_QUOTES_MAX) {
		x->cut = 1;
		return 1;
	}
	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	e = &x->v[x->n++];
	e->article = q->article;
	library_date(q->published, e->date, sizeof e->date);
	if (q->also != NULL)
		xasprintf(&e->outlet, "%s (also in %s)", q->outlet != NULL ?
		    q->outlet : "?", q->also);
	else
		e->outlet = dup_or_null(q->outlet);
	e->title = dup_or_null(q->title);
	e->text = xstrdup(q->text != NULL ? q->text : "");
	e->start = q->start;
	e->end = q->end;
	e->direct = q->direct;
	e->corrected = q->corrected;
	e->id = q->id;
	e->kind = library_quote_kind(q->kind != NULL ? q->kind : "direct");
	e->role = library_role(q->role_title, q->affiliation);
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
		free(x->v[i].role);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}
