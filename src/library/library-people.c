/*
 * A story's people, grouped once for the screen and the command line:
 * library_entities for the sidebar (speakers with their quote counts,
 * unnamed sources joined, then people, organisations, places and the
 * rest, each sorted by count), and library_people for 'dossier show'
 * (every entity as mentioned, and every quote under its speaker, in the
 * order the story has them); library_role, a person's role spelled once
 * for every view. A place quoted is its state speaking (the
 * extractor reads "Iran said" so: the mention an org, the entity the
 * place): one country, listed once under places with every use
 * counted, and among the speakers as "Iran (government)".
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

/* Does the title name the affiliation at a word's start (Russian, Russia)? */
static int
role_names(const char *title, const char *affiliation)
{
	size_t		 n = strlen(affiliation);
	const char	*p;

	for (p = title; *p != '\0'; p++)
		if ((p == title || p[-1] == ' ') &&
		    strncasecmp(p, affiliation, n) == 0)
			return 1;
	return 0;
}

/*
 * A person's role as every view shows it: the title, then the
 * affiliation in brackets unless the title names it already.
 */
char *
library_role(const char *title, const char *affiliation)
{
	char	*s;

	if (title != NULL && *title == '\0')
		title = NULL;
	if (affiliation != NULL && *affiliation == '\0')
		affiliation = NULL;
	if (title == NULL)
		return affiliation != NULL ? xstrdup(affiliation) : NULL;
	if (affiliation == NULL || role_names(title, affiliation))
		return xstrdup(title);
	xasprintf(&s, "%s (%s)", title, affiliation);
	return s;
}

/*
 * The name a speaker is shown by: a place quoted is its state, the
 * place's government, as the extractor reads "Iran said" (the mention
 * an org, the entity the place). New string.
 */
static char *
people_label(const char *kind, const char *name, int speaker)
{
	char	*label;

	if (!speaker || strcmp(kind, "place") != 0)
		return xstrdup(name);
	xasprintf(&label, "%s (government)", name);
	return label;
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
	e->label = people_label(kind, name, g == LIB_SPEAKER);
	return e;
}

/* The sidebar's group of a mention's kind. */
static enum lib_entity_group
entities_group(const char *kind)
{
	if (strcmp(kind, "person") == 0)
		return LIB_PERSON;
	if (strcmp(kind, "org") == 0)
		return LIB_ORG;
	if (strcmp(kind, "place") == 0)
		return LIB_PLACE;
	return LIB_MISC;
}

static int	people_mentions(struct store *, int64_t, struct lib_people *,
		    char **);

/*
 * Count the mentions under their kind's group: the entities as
 * library_people gathers them for 'dossier show', so that both count
 * and title them alike.
 */
static int
entities_mentions(struct store *s, int64_t id, struct lib_entities *x,
    char **err)
{
	struct lib_people	 p;
	struct lib_person	*m;
	struct lib_entity	*e;
	size_t			 i;

	if (people_mentions(s, id, &p, err) != 0)
		return -1;
	for (i = 0; i < p.n; i++) {
		m = &p.v[i];
		e = entities_get(x, entities_group(m->kind), m->kind, m->name);
		e->count += m->count;
		if (e->title == NULL) {
			e->title = library_role(m->title, m->affiliation);
			e->bare = m->title != NULL && m->affiliation == NULL;
		}
	}
	library_people_free(&p);
	return 0;
}

/*
 * A person's role the story gives without a country gets the country the
 * library knows for them last ("Foreign Minister (Velmark)"), so that two
 * foreign ministers in one story can be told apart.
 */
static int
entities_countries(struct store *s, struct lib_entities *x, char **err)
{
	struct lib_entity	*e;
	char			*aff, *role;
	size_t			 i;

	for (i = 0; i < x->n; i++) {
		e = &x->v[i];
		if (!e->bare || e->group != LIB_PERSON || e->title == NULL ||
		    strcmp(e->kind, "person") != 0)
			continue;
		if (store_entity_affiliation(s, e->kind, e->name, &aff,
		    err) != 0)
			return -1;
		if (aff != NULL && !role_names(e->title, aff)) {
			role = library_role(e->title, aff);
			free(e->title);
			e->title = role;
		}
		free(aff);
	}
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
		e->label = xstrdup(e->name);
		e->unnamed = 1;
		e->title = xstrdup(strcmp(q->source_kind, "unnamed") == 0 ?
		    "unnamed source" : "unnamed spokesperson");
	}
	e->last = q->start;
	e->corrected |= q->corrected;
	if (q->continues != 0 && e->nspans > 0 &&
	    e->spans[e->nspans - 1].end <= q->start) {
		/* "Q1," the official said, "Q2.": one statement, one mark */
		e->spans[e->nspans - 1].end = q->end;
		return;
	}
	e->spans = xreallocarray(e->spans, e->nspans + 1, sizeof *e->spans);
	e->spans[e->nspans].start = q->start;
	e->spans[e->nspans++].end = q->end;
	e->count++;			/* a statement once, joined above */
}

/* Count one quote under its speaker, a statement split by its cue once. */
static int
entities_quote(const struct store_quote *q, void *arg)
{
	struct lib_entity	*e;

	if (q->speaker_name == NULL || q->speaker_kind == NULL) {
		sources_add(arg, q);
		return 0;
	}
	e = entities_get(arg, LIB_SPEAKER, q->speaker_kind, q->speaker_name);
	if (q->continues == 0)		/* "Q1," X said, "Q2.": once */
		e->count++;
	e->corrected |= q->corrected;
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
	    entities_mentions(s, id, x, err) != 0 ||
	    entities_countries(s, x, err) != 0) {
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
		free(x->v[i].label);
		free(x->v[i].title);
		free(x->v[i].spans);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}

/* Find or add the entity (kind, name) of a show listing. */
static struct lib_person *
people_get(struct lib_people *p, const char *kind, const char *name)
{
	struct lib_person	*e;
	size_t			 i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->v[i].kind, kind) == 0 &&
		    strcmp(p->v[i].name, name) == 0)
			return &p->v[i];
	p->v = xreallocarray(p->v, p->n + 1, sizeof *p->v);
	e = &p->v[p->n++];
	memset(e, 0, sizeof *e);
	e->kind = xstrdup(kind);
	e->name = xstrdup(name);
	return e;
}

/* Count one mention under its entity, keeping the first title seen. */
static int
people_mention(const struct store_mention *m, void *arg)
{
	struct lib_person	*e;

	if (m->kind == NULL || m->name == NULL)
		return 0;
	e = people_get(arg, m->kind, m->name);
	e->count++;
	if (e->title == NULL && m->title != NULL)
		e->title = xstrdup(m->title);
	if (e->affiliation == NULL && m->affiliation != NULL)
		e->affiliation = xstrdup(m->affiliation);
	return 0;
}

/* Read a story's entities, each once, in the order first mentioned. */
static int
people_mentions(struct store *s, int64_t id, struct lib_people *p,
    char **err)
{
	memset(p, 0, sizeof *p);
	if (store_article_mentions(s, id, people_mention, p, err) != 0) {
		library_people_free(p);
		return -1;
	}
	return 0;
}

/* The story and the listing a quote joins. */
struct people_read {
	const struct article	*a;
	struct lib_people	*p;
	struct people_seen {		/* each quote kept: row, where */
		int64_t		 id;
		size_t		 sp, k;
	}			*seen;
	size_t			 nseen;
};

/*
 * Join a later part of a statement to its first part's words, kept under
 * the same speaker; 0 if that part is not kept (it then stands alone).
 */
static int
people_join(struct people_read *r, const struct store_quote *q)
{
	struct lib_speaker	*sp;
	char			*t;
	size_t			 i;

	for (i = 0; q->continues > 0 && i < r->nseen; i++) {
		if (r->seen[i].id != q->continues)
			continue;
		sp = &r->p->speakers[r->seen[i].sp];
		xasprintf(&t, "%s" LIB_QUOTE_JOIN "%.*s",
		    sp->quotes[r->seen[i].k], (int)(q->end - q->start),
		    r->a->body + q->start);
		free(sp->quotes[r->seen[i].k]);
		sp->quotes[r->seen[i].k] = t;
		sp->corrected[r->seen[i].k] |= q->corrected;
		return 1;
	}
	return 0;
}

/*
 * Is a source as written a pronoun that stands for someone else (he,
 * she, it, they)? Left unresolved by the extractor, it names nobody, so
 * it is no speaker to list a quote under.
 */
static int
people_pronoun(const char *t)
{
	static const char *const words[] = {
		"he", "she", "it", "they", "him", "her", "them"
	};
	size_t	i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(t, words[i]) == 0)
			return 1;
	return 0;
}

/* Keep a quote under its speaker: the name, else the source as written. */
static int
people_quote(const struct store_quote *q, void *arg)
{
	struct people_read	*r = arg;
	struct lib_people	*p = r->p;
	struct lib_speaker	*sp;
	char			*label;
	size_t			 i;
	int			 state;

	if (r->a->body == NULL || q->start > q->end ||
	    q->end > r->a->body_len || people_join(r, q))
		return 0;
	state = q->speaker_name != NULL && q->speaker_kind != NULL &&
	    strcmp(q->speaker_kind, "place") == 0;
	label = q->speaker_name != NULL ? people_label(q->speaker_kind != NULL ?
	    q->speaker_kind : "", q->speaker_name, 1) :
	    xstrdup(q->source_text != NULL && (q->source_kind != NULL ||
	    !people_pronoun(q->source_text)) ? q->source_text :
	    "(speaker not found)");
	for (i = 0; i < p->nspeakers; i++)
		if (strcmp(p->speakers[i].who, label) == 0)
			break;
	if (i == p->nspeakers) {
		p->speakers = xreallocarray(p->speakers, p->nspeakers + 1,
		    sizeof *p->speakers);
		sp = &p->speakers[p->nspeakers++];
		memset(sp, 0, sizeof *sp);
		sp->who = label;
		label = NULL;
		sp->kind = state ? xstrdup("org") : q->source_kind != NULL ?
		    xstrdup(q->source_kind) : NULL;
	}
	free(label);
	sp = &p->speakers[i];
	sp->quotes = xreallocarray(sp->quotes, sp->n + 1, sizeof *sp->quotes);
	sp->kinds = xreallocarray(sp->kinds, sp->n + 1, sizeof *sp->kinds);
	sp->corrected = xreallocarray(sp->corrected, sp->n + 1,
	    sizeof *sp->corrected);
	sp->corrected[sp->n] = q->corrected;
	sp->quotes[sp->n] = xstrndup(r->a->body + q->start, q->end - q->start);
	sp->kinds[sp->n] = xstrdup(q->kind);
	r->seen = xreallocarray(r->seen, r->nseen + 1, sizeof *r->seen);
	r->seen[r->nseen].id = q->id;
	r->seen[r->nseen].sp = i;
	r->seen[r->nseen++].k = sp->n++;
	return 0;
}

/* Read a story's entities and speakers as 'dossier show' lists them. */
int
library_people(struct store *s, const struct article *a,
    struct lib_people *p, char **err)
{
	struct people_read	r = { a, p, NULL, 0 };
	int			rv;

	if (people_mentions(s, a->id, p, err) != 0)
		return -1;
	rv = store_article_quotes(s, a->id, people_quote, &r, err);
	free(r.seen);
	if (rv != 0) {
		library_people_free(p);
		return -1;
	}
	return 0;
}

/* Free a story's people. */
void
library_people_free(struct lib_people *p)
{
	size_t	i, j;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].kind);
		free(p->v[i].name);
		free(p->v[i].title);
		free(p->v[i].affiliation);
	}
	free(p->v);
	for (i = 0; i < p->nspeakers; i++) {
		for (j = 0; j < p->speakers[i].n; j++) {
			free(p->speakers[i].quotes[j]);
			free(p->speakers[i].kinds[j]);
		}
		free(p->speakers[i].quotes);
		free(p->speakers[i].kinds);
		free(p->speakers[i].corrected);
		free(p->speakers[i].who);
		free(p->speakers[i].kind);
	}
	free(p->speakers);
	memset(p, 0, sizeof *p);
}
