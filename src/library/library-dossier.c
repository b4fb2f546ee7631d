/*
 * The people of the library, for the screen and the command line alike:
 * the people index a page at a time, a name looked up (one speaker, none,
 * or the candidates), a speaker's dossier (the names they go by, every
 * role with when it was first and last seen, the outlets that quote them
 * most, quotes per month, who they are quoted with, their stories' tags,
 * every quote whole), and quotes listed with the parts of a statement
 * joined. The rules of what is shown live here: a place quoted is its
 * state, "Iran (government)"; an unnamed source starts with a capital;
 * indirect speech is "reported"; roles read as library_role spells them.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "library.h"
#include "store.h"
#include "store-people.h"
#include "xmalloc.h"
#include "banned.h"

/* Most rows of each part of a dossier but the quotes and months. */
#define DOSSIER_FACTS	10
/* Most roles of a dossier: those of the most stories. */
#define DOSSIER_ROLES	12

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

int
library_people_kind_ok(const char *kind)
{
	static const char *const kinds[] = {
		"person", "state", "org", "media", "unnamed"
	};
	size_t	i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return 1;
	return 0;
}

int
library_people_sort(const char *name, enum store_people_sort *sort)
{
	if (strcmp(name, "quotes") == 0)
		*sort = STORE_PEOPLE_QUOTES;
	else if (strcmp(name, "recent") == 0)
		*sort = STORE_PEOPLE_RECENT;
	else if (strcmp(name, "name") == 0)
		*sort = STORE_PEOPLE_NAME;
	else
		return -1;
	return 0;
}

const char *
library_quote_kind(const char *kind)
{
	if (kind != NULL && strcmp(kind, "indirect") == 0)
		return "reported";
	if (kind != NULL && strcmp(kind, "mixed") == 0)
		return "mixed";
	return "direct";
}

const char *
library_quote_kind_parse(const char *kind)
{
	if (strcmp(kind, "direct") == 0)
		return "direct";
	if (strcmp(kind, "reported") == 0 || strcmp(kind, "indirect") == 0)
		return "indirect";
	if (strcmp(kind, "mixed") == 0)
		return "mixed";
	return NULL;
}

void
library_month(int64_t ts, char *buf, size_t len)
{
	struct tm	tm;
	time_t		t = (time_t)ts;

	if (len == 0)
		return;
	*buf = '\0';
	if (ts == 0 || gmtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, len, "%b %Y", &tm);
}

/* A date of a time (UTC) as the lists show it: "26 Aug 2023". */
static void
dossier_day(int64_t ts, char *buf, size_t len)
{
	struct tm	tm;
	time_t		t = (time_t)ts;

	*buf = '\0';
	if (ts == 0 || gmtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, len, "%e %b %Y", &tm);
}

/* The name a row is shown by. */
static char *
person_name(const struct store_person *p)
{
	char	*s;

	if (strcmp(p->kind, "state") == 0) {
		xasprintf(&s, "%s (government)", p->name);
		return s;
	}
	s = xstrdup(p->name);
	/* A source starts with a capital, as names do. */
	if (p->entity == 0 && s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* Keep one row of the index. */
static int
people_row(const struct store_person *p, void *arg)
{
	struct lib_person_rows	*x = arg;
	struct lib_person_row	*r;

	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	r = &x->v[x->n++];
	memset(r, 0, sizeof *r);
	r->row = p->row;
	r->entity = p->entity;
	r->source_key = dup_or_null(p->source_key);
	r->kind = xstrdup(p->kind);
	r->name = person_name(p);
	r->role = p->entity > 0 ? library_role(p->title, p->affiliation) :
	    xstrdup(strcmp(p->kind, "unnamed") == 0 ? "unnamed source" :
	    "unnamed spokesperson");
	r->quotes = p->quotes;
	r->stories = p->stories;
	r->last_ts = p->last_ts;
	dossier_day(p->last_ts, r->last, sizeof r->last);
	x->keys = xreallocarray(x->keys, x->n, sizeof *x->keys);
	x->keys[x->n - 1] = xstrdup(p->name);
	free(x->next_name);
	x->next_name = xstrdup(p->name);
	x->next.name = x->next_name;
	x->next.row = p->row;
	x->next.value = p->quotes;
	return 0;
}

int
library_people_page(struct store *s, enum store_people_sort sort,
    const char *kind, const struct store_people_key *key, size_t limit,
    struct lib_person_rows *x, char **err)
{
	return library_people_match(s, sort, kind, NULL, key, limit, x, err);
}

/* A page of the rows whose name holds match (store_people_match). */
int
library_people_match(struct store *s, enum store_people_sort sort,
    const char *kind, const char *match, const struct store_people_key *key,
    size_t limit, struct lib_person_rows *x, char **err)
{
	memset(x, 0, sizeof *x);
	if (store_people_match(s, sort, kind, match, key, limit, people_row, x,
	    err) != 0) {
		library_person_rows_free(x);
		return -1;
	}
	/* The key's value is the one the page is sorted by. */
	if (sort == STORE_PEOPLE_RECENT && x->n > 0)
		x->next.value = x->v[x->n - 1].last_ts;
	else if (sort == STORE_PEOPLE_NAME)
		x->next.value = 0;
	return 0;
}

static void
person_row_free(struct lib_person_row *r)
{
	free(r->source_key);
	free(r->kind);
	free(r->name);
	free(r->role);
	memset(r, 0, sizeof *r);
}

void
library_person_rows_cut(struct lib_person_rows *x, size_t n,
    enum store_people_sort sort)
{
	const struct lib_person_row	*r;

	if (n == 0 || n >= x->n)
		return;
	while (x->n > n) {
		person_row_free(&x->v[--x->n]);
		free(x->keys[x->n]);
	}
	r = &x->v[n - 1];
	free(x->next_name);
	x->next_name = xstrdup(x->keys[n - 1]);
	x->next.name = x->next_name;
	x->next.row = r->row;
	x->next.value = sort == STORE_PEOPLE_RECENT ? r->last_ts :
	    sort == STORE_PEOPLE_NAME ? 0 : r->quotes;
}

void
library_person_rows_free(struct lib_person_rows *x)
{
	size_t	i;

	for (i = 0; i < x->n; i++) {
		person_row_free(&x->v[i]);
		free(x->keys[i]);
	}
	free(x->v);
	free(x->keys);
	free(x->next_name);
	memset(x, 0, sizeof *x);
}

int
library_speaker_find(struct store *s, const char *name,
    struct lib_person_rows *x, char **err)
{
	static const char gov[] = " (government)";
	size_t		  n = strlen(name), g = sizeof gov - 1;
	char		 *bare;
	int		  rv;

	memset(x, 0, sizeof *x);
	/* A state goes by the name it is shown by too: "Iran (government)". */
	bare = n > g && strcmp(name + n - g, gov) == 0 ?
	    xstrndup(name, n - g) : xstrdup(name);
	rv = store_people_find(s, bare, LIB_FIND_MAX, people_row, x, err);
	free(bare);
	if (rv != 0) {
		library_person_rows_free(x);
		return -1;
	}
	return x->n == 0 ? 1 : x->n == 1 ? 0 : 2;
}

/* Keep one fact of a dossier. */
static int
dossier_fact(const struct store_fact *f, void *arg)
{
	struct lib_facts	*x = arg;
	struct lib_fact		*e;

	/* How many there are in all, until the part is read. */
	x->more = f->total > 0 ? (size_t)f->total : 0;
	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	e = &x->v[x->n++];
	memset(e, 0, sizeof *e);
	e->text = xstrdup(f->text != NULL ? f->text : "");
	e->kind = dup_or_null(f->text2);
	e->n = f->n;
	library_month(f->first_ts, e->first, sizeof e->first);
	library_month(f->last_ts, e->last, sizeof e->last);
	return 0;
}

/* A role fact: the title and affiliation made one role. */
static int
dossier_role(const struct store_fact *f, void *arg)
{
	struct store_fact	 g = *f;
	char			*role = library_role(f->text, f->text2);
	int			 rv;

	g.text = role;
	g.text2 = NULL;
	rv = role != NULL ? dossier_fact(&g, arg) : 0;
	free(role);
	return rv;
}

static void
facts_free(struct lib_facts *x)
{
	size_t	i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].text);
		free(x->v[i].kind);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}

/* A copy of the outlets a story was also in. */
static char **
also_copy(char *const *v, size_t n)
{
	char	**c;
	size_t	  i;

	if (n == 0)
		return NULL;
	c = xreallocarray(NULL, n, sizeof *c);
	for (i = 0; i < n; i++)
		c[i] = xstrdup(v[i]);
	return c;
}

static int quote_lines(struct store *, const struct store_quotes_query *,
    int (*)(const struct lib_quote_line *, void *), void *, size_t *,
    char **);

/* Keep one quote line of a dossier (a copy). */
static int
dossier_quote(const struct lib_quote_line *l, void *arg)
{
	struct lib_quote_lines	*x = arg;
	struct lib_quote_line	*e;

	x->v = xreallocarray(x->v, x->n + 1, sizeof *x->v);
	e = &x->v[x->n++];
	*e = *l;
	e->published = dup_or_null(l->published);
	e->outlet = dup_or_null(l->outlet);
	e->story_title = dup_or_null(l->story_title);
	e->speaker = dup_or_null(l->speaker);
	e->speaker_kind = dup_or_null(l->speaker_kind);
	e->title = dup_or_null(l->title);
	e->affiliation = dup_or_null(l->affiliation);
	e->role = dup_or_null(l->role);
	e->text = xstrdup(l->text);
	e->also = also_copy(l->also, l->nalso);
	return 0;
}

void
library_dossier_init(struct lib_dossier *d, const struct lib_person_row *who)
{
	memset(d, 0, sizeof *d);
	d->who = *who;
	d->who.source_key = dup_or_null(who->source_key);
	d->who.kind = xstrdup(who->kind);
	d->who.name = xstrdup(who->name);
	d->who.role = dup_or_null(who->role);
}

int
library_dossier_facts(struct store *s, struct lib_dossier *d, char **err)
{
	static const struct {
		enum store_fact_kind	kind;
		size_t			off;
		size_t			limit;
		int			(*fn)(const struct store_fact *,
					    void *);
	} parts[] = {
		{ STORE_FACT_NAMES, offsetof(struct lib_dossier, names),
		  DOSSIER_FACTS, dossier_fact },
		{ STORE_FACT_ROLES, offsetof(struct lib_dossier, roles),
		  DOSSIER_ROLES, dossier_role },
		{ STORE_FACT_OUTLETS, offsetof(struct lib_dossier, outlets),
		  DOSSIER_FACTS, dossier_fact },
		{ STORE_FACT_MONTHS, offsetof(struct lib_dossier, months), 0,
		  dossier_fact },
		{ STORE_FACT_PEERS, offsetof(struct lib_dossier, peers),
		  DOSSIER_FACTS, dossier_fact },
		{ STORE_FACT_TAGS, offsetof(struct lib_dossier, tags),
		  DOSSIER_FACTS, dossier_fact },
	};
	struct store_speaker	 sp = { d->who.entity, d->who.source_key };
	struct lib_facts	*x;
	size_t			 i;

	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		x = (struct lib_facts *)((char *)d + parts[i].off);
		if (store_speaker_facts(s, &sp, parts[i].kind, parts[i].limit,
		    parts[i].fn, x, err) != 0)
			return -1;
		/* Those the limit left out (a role spelled as none too). */
		x->more = parts[i].limit > 0 && x->more > parts[i].limit ?
		    x->more - parts[i].limit : 0;
	}
	for (i = 0; i < d->months.n; i++)
		if (d->months.v[i].n > d->month_max)
			d->month_max = d->months.v[i].n;
	return 0;
}

int
library_dossier_head(struct store *s, const struct lib_person_row *who,
    struct lib_dossier *d, char **err)
{
	library_dossier_init(d, who);
	if (library_dossier_facts(s, d, err) != 0) {
		library_dossier_free(d);
		return -1;
	}
	return 0;
}

int
library_dossier(struct store *s, const struct lib_person_row *who,
    struct lib_dossier *d, char **err)
{
	int	more;

	if (library_dossier_head(s, who, d, err) != 0)
		return -1;
	if (library_dossier_window(s, who, NULL, 1, 0, &d->quotes, &more,
	    err) != 0) {
		library_dossier_free(d);
		return -1;
	}
	return 0;
}

int
library_dossier_select(struct store *s, const struct lib_person_row *who,
    const struct store_quotes_query *sel, struct lib_dossier *d, char **err)
{
	struct store_speaker	 sp = { who->entity, who->source_key };
	struct store_quotes_query qq;

	if (library_dossier_head(s, who, d, err) != 0)
		return -1;
	memset(&qq, 0, sizeof qq);
	qq.speaker = &sp;
	qq.since = sel->since;
	qq.until = sel->until;
	qq.kind = sel->kind;
	qq.tag = sel->tag;
	qq.search = sel->search;
	if (library_quote_lines(s, &qq, dossier_quote, &d->quotes, err) != 0) {
		library_dossier_free(d);
		return -1;
	}
	return 0;
}

/* Reverse the lines [a, b). */
static void
lines_reverse(struct lib_quote_line *a, struct lib_quote_line *b)
{
	struct lib_quote_line	t;

	for (; b - a > 1; a++, b--) {
		t = *a;
		*a = b[-1];
		b[-1] = t;
	}
}

/* Put a window read oldest story first in newest-first order. */
static void
window_flip(struct lib_quote_lines *x)
{
	size_t	i, k;

	lines_reverse(x->v, x->v + x->n);
	/* Each story's lines back in text order. */
	for (i = 0; i < x->n; i = k) {
		for (k = i; k < x->n && x->v[k].article == x->v[i].article;
		    k++)
			;
		lines_reverse(x->v + i, x->v + k);
	}
}

int
library_dossier_window(struct store *s, const struct lib_person_row *who,
    const struct lib_quote_line *after, int older, size_t want,
    struct lib_quote_lines *x, int *more, char **err)
{
	struct store_speaker	 sp = { who->entity, who->source_key };
	struct store_quotes_query qq;
	size_t			 rows = 0;

	memset(x, 0, sizeof *x);
	memset(&qq, 0, sizeof qq);
	qq.speaker = &sp;
	qq.window = want;
	qq.oldest_first = !older;
	if (after != NULL) {
		qq.keyed = 1;
		qq.key_ts = after->sort_ts;
		qq.key_article = after->article;
	}
	if (quote_lines(s, &qq, dossier_quote, x, &rows, err) != 0) {
		library_quote_lines_free(x);
		return -1;
	}
	if (!older)
		window_flip(x);
	/* Fewer rows than asked for: the stories ran out. */
	*more = want > 0 && rows >= want;
	return 0;
}

int
library_story_lines(struct store *s, int64_t id, struct lib_quote_lines *x,
    char **err)
{
	struct store_quotes_query qq;

	memset(x, 0, sizeof *x);
	memset(&qq, 0, sizeof qq);
	qq.article = id;
	if (library_quote_lines(s, &qq, dossier_quote, x, err) != 0) {
		library_quote_lines_free(x);
		return -1;
	}
	return 0;
}

void
library_quote_lines_free(struct lib_quote_lines *x)
{
	size_t	i;

	for (i = 0; i < x->n; i++)
		library_quote_line_free(&x->v[i]);
	free(x->v);
	memset(x, 0, sizeof *x);
}

const struct lib_quote_line *
library_quote_at(const struct lib_quote_lines *x, size_t start, size_t end)
{
	size_t	i;

	for (i = 0; i < x->n; i++)
		if (x->v[i].start < end && start < x->v[i].until)
			return &x->v[i];
	return NULL;
}

void
library_dossier_free(struct lib_dossier *d)
{
	person_row_free(&d->who);
	facts_free(&d->names);
	facts_free(&d->roles);
	facts_free(&d->outlets);
	facts_free(&d->months);
	facts_free(&d->peers);
	facts_free(&d->tags);
	library_quote_lines_free(&d->quotes);
	memset(d, 0, sizeof *d);
}

/*
 * The quotes of one story being read: kept until the next story's come,
 * so that a later part of a statement joins its first.
 */
struct lines_read {
	int	(*fn)(const struct lib_quote_line *, void *);
	void	*arg;
	struct lib_quote_line	*v;
	size_t			 n;
	size_t			 rows;	/* the store's, before joining */
	int			 stop;
};

/* Pass the story's kept lines on and forget them. */
static void
lines_flush(struct lines_read *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		if (!r->stop && r->fn(&r->v[i], r->arg) != 0)
			r->stop = 1;
		library_quote_line_free(&r->v[i]);
	}
	r->n = 0;
}

/* The other outlets of a line's story: the store's, each once. */
static void
also_split(struct lib_quote_line *e, const char *also)
{
	const char	*p, *end;
	size_t		 i, n;

	for (p = also; p != NULL && *p != '\0'; p = *end != '\0' ? end + 1 :
	    end) {
		if ((end = strchr(p, STORE_ALSO_SEP)) == NULL)
			end = p + strlen(p);
		n = (size_t)(end - p);
		for (i = 0; i < e->nalso; i++)
			if (strlen(e->also[i]) == n &&
			    memcmp(e->also[i], p, n) == 0)
				break;
		if (n == 0 || i < e->nalso)
			continue;
		e->also = xreallocarray(e->also, e->nalso + 1, sizeof *e->also);
		e->also[e->nalso++] = xstrndup(p, n);
	}
}

/* Keep one row of the store's, joined to its statement's first part. */
static int
lines_row(const struct store_quote_row *q, void *arg)
{
	struct lines_read	*r = arg;
	struct lib_quote_line	*e;
	char			*t;
	size_t			 i;

	r->rows++;
	if (r->n > 0 && r->v[0].article != q->article)
		lines_flush(r);
	if (r->stop)
		return 1;
	for (i = 0; q->continues > 0 && i < r->n; i++) {
		e = &r->v[i];
		if (e->id != q->continues)
			continue;
		xasprintf(&t, "%s" LIB_QUOTE_JOIN "%s", e->text,
		    q->text != NULL ? q->text : "");
		free(e->text);
		e->text = t;
		e->corrected |= q->corrected;
		if (q->end > e->until)
			e->until = q->end;
		return 0;
	}
	r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
	e = &r->v[r->n++];
	memset(e, 0, sizeof *e);
	e->id = q->id;
	e->article = q->article;
	e->sort_ts = q->sort_ts;
	e->published = dup_or_null(q->published);
	dossier_day(q->sort_ts, e->date, sizeof e->date);
	e->outlet = dup_or_null(q->outlet);
	e->story_title = dup_or_null(q->story_title);
	if (q->speaker != NULL && q->speaker_kind != NULL) {
		struct store_person p;

		memset(&p, 0, sizeof p);
		p.kind = q->speaker_kind;
		p.name = q->speaker;
		p.entity = strcmp(q->speaker_kind, "unnamed") != 0;
		e->speaker = person_name(&p);
		e->speaker_kind = xstrdup(q->speaker_kind);
	}
	e->title = dup_or_null(q->title);
	e->affiliation = dup_or_null(q->affiliation);
	e->role = library_role(q->title, q->affiliation);
	e->kind = library_quote_kind(q->kind);
	e->text = xstrdup(q->text != NULL ? q->text : "");
	e->start = q->start;
	e->end = e->until = q->end;
	e->corrected = q->corrected;
	also_split(e, q->also);
	return 0;
}

int
library_quote_lines(struct store *s, const struct store_quotes_query *qq,
    int (*fn)(const struct lib_quote_line *, void *), void *arg,
    char **err)
{
	return quote_lines(s, qq, fn, arg, NULL, err);
}

/* As library_quote_lines, counting the store's rows in *rows. */
static int
quote_lines(struct store *s, const struct store_quotes_query *qq,
    int (*fn)(const struct lib_quote_line *, void *), void *arg,
    size_t *rows, char **err)
{
	struct lines_read	r;
	int			rv;

	memset(&r, 0, sizeof r);
	r.fn = fn;
	r.arg = arg;
	rv = store_quotes_list(s, qq, lines_row, &r, err);
	if (rv == 0)
		lines_flush(&r);
	else {
		r.stop = 1;
		lines_flush(&r);
	}
	free(r.v);
	if (rows != NULL)
		*rows = r.rows;
	return rv;
}

void
library_quote_line_free(struct lib_quote_line *l)
{
	free(l->published);
	free(l->outlet);
	free(l->story_title);
	free(l->speaker);
	free(l->speaker_kind);
	free(l->title);
	free(l->affiliation);
	free(l->role);
	free(l->text);
	while (l->nalso > 0)
		free(l->also[--l->nalso]);
	free(l->also);
	memset(l, 0, sizeof *l);
}

char *
library_bar(int64_t n, int64_t max, int width, int utf8)
{
	static const char *const eighths[] = {
		"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d",
		"\xe2\x96\x8c", "\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89"
	};
	struct buf	b;
	int64_t		e;
	int		i;

	buf_init(&b);
	if (n > 0 && max > 0 && width > 0) {
		if (n > max)
			n = max;
		e = n * width * 8 / max;	/* eighths of a cell */
		if (e < 1)
			e = 1;
		for (i = 0; i < e / 8; i++)
			buf_adds(&b, utf8 ? "\xe2\x96\x88" : "#");
		if (e % 8 != 0)
			buf_adds(&b, utf8 ? eighths[e % 8] : e < 8 ? "#" : "");
	}
	return buf_detach(&b);
}
