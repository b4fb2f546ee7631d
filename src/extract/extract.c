/*
 * The extraction driver (extract_*): runs the stages over a text (text,
 * entities, quotes: see extract.h) and keeps what they find (entities,
 * their mentions, quotes) in one struct extract.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-entity-int.h"
#include "extract-lexicon-int.h"
#include "extract-quote-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Entity lookup by kind and name, so each is kept once. */
struct ex_index {
	size_t	*slots;		/* entity index + 1; 0 is empty */
	size_t	 size;		/* a power of two */
};

static struct ex_index *
extract_index(struct extract *x)
{
	return (struct ex_index *)x->priv;
}

static uint64_t
extract_hash(enum ex_kind kind, const char *s, size_t n)
{
	uint64_t	h = 1469598103934665603ULL ^ (uint64_t)kind;
	size_t		i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void
extract_index_put(struct ex_index *ix, uint64_t h, size_t entity)
{
	size_t	i = (size_t)h & (ix->size - 1);

	while (ix->slots[i] != 0)
		i = (i + 1) & (ix->size - 1);
	ix->slots[i] = entity + 1;
}

static void
extract_index_grow(struct extract *x)
{
	struct ex_index	*ix = extract_index(x);
	size_t		 i;

	if (ix == NULL) {
		ix = xcalloc(1, sizeof *ix);
		x->priv = ix;
	}
	if (ix->size != 0 && x->nents * 2 < ix->size)
		return;
	free(ix->slots);
	ix->size = ix->size ? ix->size * 2 : 64;
	ix->slots = xcalloc(ix->size, sizeof *ix->slots);
	for (i = 0; i < x->nents; i++)
		extract_index_put(ix, extract_hash(x->ents[i].kind,
		    x->ents[i].name, strlen(x->ents[i].name)), i);
}

/* Find or add the entity of this kind and name; returns its index. */
size_t
extract_entity_add(struct extract *x, enum ex_kind kind, const char *name,
    size_t n)
{
	struct ex_index	*ix;
	struct ex_entity *e;
	uint64_t	 h = extract_hash(kind, name, n);
	size_t		 i, k;

	extract_index_grow(x);
	ix = extract_index(x);
	for (i = (size_t)h & (ix->size - 1); ix->slots[i] != 0;
	    i = (i + 1) & (ix->size - 1)) {
		k = ix->slots[i] - 1;
		if (x->ents[k].kind == kind &&
		    strlen(x->ents[k].name) == n &&
		    memcmp(x->ents[k].name, name, n) == 0)
			return k;
	}
	if ((x->nents & (x->nents - 1)) == 0)
		x->ents = xreallocarray(x->ents, x->nents ? x->nents * 2 : 1,
		    sizeof *x->ents);
	e = &x->ents[x->nents];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->name = xstrndup(name, n);
	extract_index_put(ix, h, x->nents);
	return x->nents++;
}

size_t
extract_mention_add(struct extract *x, size_t start, size_t end,
    size_t entity)
{
	struct ex_mention	*m;

	if ((x->nments & (x->nments - 1)) == 0)
		x->ments = xreallocarray(x->ments, x->nments ? x->nments * 2 :
		    1, sizeof *x->ments);
	m = &x->ments[x->nments];
	memset(m, 0, sizeof *m);
	m->start = start;
	m->end = end;
	m->entity = entity;
	m->kind = x->ents[entity].kind;
	return x->nments++;
}

void
extract_quote_add(struct extract *x, const struct ex_quote *q)
{
	if ((x->nquotes & (x->nquotes - 1)) == 0)
		x->quotes = xreallocarray(x->quotes, x->nquotes ?
		    x->nquotes * 2 : 1, sizeof *x->quotes);
	x->quotes[x->nquotes++] = *q;
}

const char *
extract_kind_name(enum ex_kind k)
{
	switch (k) {
	case EX_PERSON:
		return "person";
	case EX_ORG:
		return "org";
	case EX_PLACE:
		return "place";
	default:
		return "misc";
	}
}

const char *
extract_quote_kind_name(enum ex_quote_kind k)
{
	switch (k) {
	case EX_DIRECT:
		return "direct";
	case EX_INDIRECT:
		return "indirect";
	default:
		return "mixed";
	}
}

void
extract_init(void)
{
	extract_tok_init();
	lex_init();
	ent_word_init();
	quote_cue_init();
	quote_attrib_init();
	quote_clause_init();
	quote_source_init();
}

void
extract_run(struct extract *x, const char *text, size_t len)
{
	memset(x, 0, sizeof *x);
	x->text = text;
	x->len = len < EX_MAX_TEXT ? len : EX_MAX_TEXT;	/* 4 GiB */
	extract_tokens(x);
	extract_sentences(x);
	extract_entities(x);
	extract_quotes(x);
}

/* Drop tokens, sentences and the entity index; keep what was found. */
void
extract_compact(struct extract *x)
{
	struct ex_index	*ix = extract_index(x);

	free(x->toks);
	free(x->sents);
	free(x->paras);
	x->toks = NULL;
	x->sents = NULL;
	x->paras = NULL;
	x->ntoks = x->nsents = x->nparas = 0;
	if (ix != NULL) {
		free(ix->slots);
		free(ix);
		x->priv = NULL;
	}
}

void
extract_free(struct extract *x)
{
	struct ex_index	*ix = extract_index(x);
	size_t		 i;

	for (i = 0; i < x->nents; i++) {
		free(x->ents[i].name);
		free(x->ents[i].title);
		free(x->ents[i].affiliation);
	}
	for (i = 0; i < x->nments; i++)
		free(x->ments[i].title);
	free(x->ents);
	free(x->ments);
	free(x->quotes);
	free(x->toks);
	free(x->sents);
	free(x->paras);
	if (ix != NULL) {
		free(ix->slots);
		free(ix);
	}
	memset(x, 0, sizeof *x);
}

/* Is the word (n bytes) the noun of a post a person holds: "leader"? */
int
extract_role_noun(const char *word, size_t n)
{
	const char	*v = lex_find(LEX_SOURCE_NOUNS, word, n);

	return v != NULL && strcmp(v, "role") == 0;
}
