/*
 * Resolution, the entity stage's last step: the document's name memory
 * (a later "Ryabkov" is the "Sergei Ryabkov" named in full, an
 * organisation's initials are the organisation), the candidates left open
 * decided by their context (extract-entity-context.c) and by what the
 * same word was elsewhere, and the entities and mentions made from the
 * candidates with their canonical names, titles and affiliations.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "extract-entity-int.h"
#include "extract-lexicon-int.h"
#include "xmalloc.h"
#include "banned.h"

static void	ent_resolve_people(struct ent_stage *);
static size_t	ent_resolve_respelled(struct ent_stage *, size_t);

/*
 * Remember an organisation's initials as an organisation too, so
 * "IAEA" after "International Atomic Energy Agency" is known.
 */
static void
ent_resolve_initials(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	char		 ini[16];
	size_t		 k, n = 0;
	uint64_t	 h;

	for (k = c->a; k < c->b; k++) {
		if (!ent_capword(x, k))
			continue;
		if (n == sizeof ini)
			return;
		ini[n++] = x->text[x->toks[k].start];
	}
	if (n < 2)
		return;
	h = ent_map_hash(ini, n);
	if (ent_map_get(&st->kinds, h) == NULL)
		ent_map_put(&st->kinds, h, EX_ORG + 1);
}

/*
 * A headline's run of capitals may go past a name: "Hillary Clinton
 * Speaks" is Hillary Clinton when the text names her so elsewhere.
 */
static void
ent_resolve_shorten(struct ent_stage *st, struct ent_cand *c)
{
	size_t	k, *v;

	for (k = c->b - 1; k >= c->a + 2; k--) {
		v = ent_map_get(&st->kinds, ent_map_hash_span(st, c->a, k));
		if (v != NULL && *v == EX_PERSON + 1) {
			c->b = k;
			return;
		}
	}
}

/* A Dillard's bag, at Dillard's: a shop, even with a given name. */
static int
ent_resolve_shop(struct ent_stage *st, struct ent_cand *c, uint64_t h)
{
	if (st->shout[c->a] || !ent_context_shop(st, c))
		return 0;
	c->kind = EX_ORG;
	c->state = ENT_SURE;
	if (c->b - c->a == 1) {
		ent_context_vote(st, h, EX_ORG);
		c->by_cue = 1;
	}
	return 1;
}

/*
 * Decide a candidate by how it is said or written around it, before a
 * capital at a sentence start is doubted: names as people say them ("Hi
 * Kat!"), an author cited by year, a party to a case, a place on a route
 * or defined as one, two unknown words a person's cue follows ("Lidia
 * Stansk said"). Returns 1 if decided.
 */
static int
ent_resolve_said(struct ent_stage *st, size_t i, uint64_t h)
{
	struct ent_cand	*c = &st->cands[i];
	size_t		 n = c->b - c->a;
	int		 kind, vote = 1;

	if (st->shout[c->a])
		return 0;
	if (ent_talk(st, c))
		kind = EX_PERSON;	/* Hi Kat! Bert and I */
	else if (ent_cite_author(st, c) || ent_special_case_party(st, c)) {
		kind = EX_PERSON;	/* Harlow (1998) showed */
		vote = 0;
	} else if (ent_route_place(st, c))
		kind = EX_PLACE;	/* from Drumshanbo to Collooney */
	else if (c->weak && n == 2 && !ent_stop(st, c->a) &&
	    ent_context_no_lower(st, c) &&
	    ent_context_cue(st, i) == EX_PERSON) {
		kind = EX_PERSON;	/* Lidia Stansk said */
		vote = 0;
	} else
		return 0;
	c->kind = (enum ex_kind)kind;
	c->state = ENT_SURE;
	if (vote && n == 1) {
		ent_context_vote(st, h, kind);
		c->by_cue = 1;
	}
	return 1;
}

/* Decide one candidate that nothing in itself decided. */
static void
ent_resolve_one(struct ent_stage *st, size_t i)
{
	struct extract	*x = st->x;
	struct ent_cand	*c = &st->cands[i];
	size_t		 n = c->b - c->a, *v;
	uint64_t	 h = ent_map_hash_span(st, c->a, c->b);
	int		 kind, town;

	/* a town before its state is a town: Washington, D.C. */
	town = n == 1 && ent_context_town(st, i);
	if (c->state == ENT_SURE && c->kind == EX_PLACE && n == 1 && !town &&
	    ent_map_get(&st->surnames, h) != NULL &&
	    lex_find(LEX_COUNTRIES, x->text + x->toks[c->a].start,
	    x->toks[c->a].end - x->toks[c->a].start) == NULL) {
		c->kind = EX_PERSON;	/* Washington, of George */
		c->canon = NULL;
		return;
	}
	if (c->state != ENT_UNKNOWN && c->state != ENT_WEAK)
		return;
	if (n == 1 && ent_map_get(&st->tongues, h) != NULL) {
		c->state = ENT_DROP;
		return;
	}
	if ((v = ent_map_get(&st->kinds, h)) != NULL) {
		c->kind = (enum ex_kind)(*v - 1);
		c->state = ENT_SURE;
		return;
	}
	if (n == 1 && !town && (ent_map_get(&st->surnames, h) != NULL ||
	    (ent_map_get(&st->firsts, h) != NULL && !c->weak) ||
	    ent_resolve_respelled(st, c->a) != EX_NONE)) {
		c->kind = EX_PERSON;
		c->state = ENT_SURE;
		return;
	}
	if (ent_resolve_shop(st, c, h))
		return;
	if (ent_resolve_said(st, i, h))
		return;
	if (c->weak && (st->shout[c->a] ||
	    !ent_proper_anyway(st, c->a, c->b))) {
		/* single words may still be named elsewhere: see votes */
		c->state = n == 1 && !st->shout[c->a] ? ENT_UNKNOWN : ENT_DROP;
		return;
	}
	if (c->state == ENT_WEAK) {
		c->state = ENT_SURE;
		if (!c->weak && ent_context_town(st, i))
			c->kind = EX_PLACE;	/* Marion, Ohio */
		return;
	}
	kind = ent_context_cue(st, i);
	if (kind != -1) {
		c->kind = (enum ex_kind)kind;
		c->state = ENT_SURE;
		if (n == 1) {
			ent_context_vote(st, h, kind);
			c->by_cue = 1;
		}
		return;
	}
	if (ent_context_owner(st, c) && ent_context_plain(st, c) &&
	    !ent_context_abstract(st, c, 0)) {
		if (n == 1) {
			ent_context_vote_owner(st, h);	/* decided by votes */
			return;
		}
		c->kind = EX_PERSON;			/* Noam Chomsky's */
		c->state = ENT_SURE;
		return;
	}
	/* Brock Holt, then Holt and Holt again: a surname used alone */
	if (n >= 2 && n <= 3 && ent_context_no_lower(st, c) &&
	    (v = ent_map_get(&st->singles, ent_hash(st, c->b - 1))) !=
	    NULL && *v >= 2 &&
	    ent_map_get(&st->singles, ent_hash(st, c->a)) == NULL) {
		c->kind = EX_PERSON;
		c->state = ENT_SURE;
		return;
	}
	c->state = n == 1 ? ENT_UNKNOWN : ENT_DROP;
}

/*
 * People's names are not acronyms: "National ICT Master" is no one and
 * neither is a lone "II"; "KAMALA HARRIS" in capitals is someone.
 */
static void
ent_resolve_person_shape(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k, n, j, upper = 0;
	const char	*w;

	if (c->state != ENT_SURE || c->kind != EX_PERSON || st->shout[c->a] ||
	    c->canon != NULL || c->ta != EX_NONE)
		return;
	for (k = c->a; k < c->b; k++) {
		if (!(x->toks[k].flags & TOK_UPPER) ||
		    (x->toks[k].flags & TOK_ABBR))
			continue;
		w = ent_tok(x, k, &n);
		/* The text need not end in a NUL: count within the token. */
		for (j = 0; j < n && (w[j] == 'I' || w[j] == 'V' ||
		    w[j] == 'X'); j++)
			;
		if (j == n) {
			if (c->b - c->a == 1)
				c->state = ENT_DROP;	/* Copper(II) */
			continue;		/* Peter Voss III */
		}
		upper++;
	}
	if (upper > 0 && upper < c->b - c->a)
		c->state = ENT_DROP;
	/* the Voss family: a family, not a person */
	if (c->b < x->ntoks && c->a > 0 && extract_tok_is(x, c->a - 1,
	    "the") && (extract_tok_is(x, c->b, "family") ||
	    extract_tok_is(x, c->b, "dynasty") || extract_tok_is(x, c->b,
	    "clan") || extract_tok_is(x, c->b, "brothers") ||
	    extract_tok_is(x, c->b, "sisters")))
		c->state = ENT_DROP;
	/* the Maya, the Olmec: a people, not a person */
	if (c->b - c->a == 1 && c->a > 0 && extract_tok_is(x, c->a - 1,
	    "the") && ent_title_class(st, c->a) == NULL &&
	    ent_map_get(&st->surnames, ent_hash(st, c->a)) == NULL &&
	    ent_map_get(&st->firsts, ent_hash(st, c->a)) == NULL)
		c->state = ENT_DROP;
}

/*
 * Remember what the sure candidates are (by their words, an
 * organisation's initials, a place's base name), how often each single
 * word stands alone and which words name a language.
 */
static void
ent_resolve_remember(struct ent_stage *st)
{
	struct ent_cand	*c;
	size_t		 i, *v;

	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		/* the Civic Dawn party: a body in all its mentions */
		if ((c->state == ENT_UNKNOWN || c->state == ENT_WEAK) &&
		    !st->shout[c->a] && ent_context_body(st, c)) {
			c->kind = EX_ORG;
			c->state = ENT_SURE;
		}
		if (c->state != ENT_SURE || c->alone)
			continue;
		ent_map_put(&st->kinds, ent_map_hash_span(st, c->a, c->b),
		    (size_t)c->kind + 1);
		if (c->kind == EX_ORG)
			ent_resolve_initials(st, c);
	}
	for (i = 0; i < st->ncands; i++)
		if (st->cands[i].state == ENT_SURE &&
		    st->cands[i].kind == EX_PLACE)
			ent_route_place_base(st, &st->cands[i]);
	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->b - c->a == 1 && c->state != ENT_DROP && !c->weak) {
			v = ent_map_get(&st->singles, ent_hash(st, c->a));
			if (v != NULL)
				(*v)++;
			else
				ent_map_put(&st->singles, ent_hash(st, c->a),
				    1);
		}
		/* Eegimaa speakers, the Olmec culture: no place, no person */
		if (c->b - c->a == 1 && c->b < st->x->ntoks &&
		    ent_is(st, c->b, WORD_LANG_NOUN))
			ent_map_put(&st->tongues, ent_hash(st, c->a), 1);
	}
}

/*
 * Is candidate c an acronym no lexicon knows that the text makes a
 * source: "according to MARNA", "told MARNA", "the news agency MARNA",
 * "MARNA said"? A word of capitals alone proves little (ROS, SMAP,
 * HUGE are no bodies); one that speaks or is spoken to is a body, not a
 * person. The common ones that are nothing (TV, CEO) are WORD_NOT_ORG,
 * Roman numerals are numbers, and a line in capitals proves nothing.
 */
static int
ent_resolve_acronym(struct ent_stage *st, const struct ent_cand *c)
{
	struct extract	*x = st->x;
	const char	*w;
	size_t		 n, k, a = c->a;

	if (c->b - a != 1 || !(x->toks[a].flags & TOK_UPPER) ||
	    st->shout[a] || ent_is(st, a, WORD_NOT_ORG) || ent_roman(x, a) ||
	    ent_stop(st, a) || ent_seen_lower(st, a))
		return 0;
	w = ent_tok(x, a, &n);
	if (n < 2 || n > 7)
		return 0;
	for (k = 0; k < n; k++)
		if (w[k] < 'A' || w[k] > 'Z')
			return 0;
	if (a >= 2 && extract_tok_is(x, a - 2, "according") &&
	    extract_tok_is(x, a - 1, "to"))
		return 1;
	if (a >= 1 && (extract_tok_is(x, a - 1, "told") ||
	    extract_tok_is(x, a - 1, "agency")))
		return 1;
	return c->b < x->ntoks && (extract_tok_is(x, c->b, "said") ||
	    extract_tok_is(x, c->b, "says") || extract_tok_is(x, c->b,
	    "reported") || extract_tok_is(x, c->b, "reports"));
}

/*
 * What the votes say of the candidates still open: single words no cue
 * decided take what the others voted (or are a person if the word owns
 * things: Einstein's); a cue outvoted two to one takes the others' kind.
 */
static void
ent_resolve_by_votes(struct ent_stage *st)
{
	struct ent_cand	*c;
	size_t		 i;
	int		 kind;
	uint64_t	 h;

	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->state != ENT_UNKNOWN)
			continue;
		h = ent_map_hash_span(st, c->a, c->b);
		kind = ent_context_voted(st, h);
		if (kind == -1 && ent_map_get(&st->votes, h) == NULL &&
		    ent_map_get(&st->owners, h) != NULL)
			kind = EX_PERSON;
		if (kind == -1 && ent_resolve_acronym(st, c))
			kind = EX_ORG;
		c->state = kind == -1 ? ENT_DROP : ENT_SURE;
		if (kind != -1)
			c->kind = (enum ex_kind)kind;
	}
	/*
	 * One word's cues may disagree: "in Velmark" seven times, then
	 * "Velmark sanctions since February, said". A mention whose cue is
	 * outvoted two to one by the others takes their kind.
	 */
	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (!c->by_cue || c->state != ENT_SURE)
			continue;
		h = ent_map_hash_span(st, c->a, c->b);
		/*
		 * "Drossen wants a bloc", then "in Drossen": a place that
		 * acts as states do is the state, never a person.
		 */
		if (c->kind == EX_PERSON && c->b - c->a == 1 &&
		    ent_context_votes_for(st, h, EX_PLACE) >= 1 &&
		    ent_doc_acts(st, c)) {
			c->kind = EX_PLACE;
			continue;
		}
		if ((kind = ent_context_voted(st, h)) != -1 &&
		    kind != (int)c->kind && ent_context_votes_for(st, h,
		    kind) >= 2 * ent_context_votes_for(st, h, (int)c->kind) &&
		    ent_context_votes_for(st, h, kind) >= 2)
			c->kind = (enum ex_kind)kind;
	}
}

/*
 * A two-word name that starts a sentence, dropped for its capital
 * proving nothing, whose last word is alone elsewhere a person and whose
 * first word is never a name alone: "Lidia Stansk arrived", then
 * "Stansk, 46," and "Stansk dismissed that". Is candidate i that person?
 */
static int
ent_resolve_named_later(struct ent_stage *st, size_t i,
    const struct ent_map *alone)
{
	struct ent_cand	*c = &st->cands[i];

	if (c->state != ENT_DROP || !c->weak || c->b - c->a != 2 ||
	    st->shout[c->a] || c->ta != EX_NONE ||
	    !ent_context_no_lower(st, c) || ent_stop(st, c->a) ||
	    ent_map_get(&st->singles, ent_hash(st, c->a)) != NULL)
		return 0;
	return ent_map_get(alone, ent_hash(st, c->a + 1)) != NULL;
}

/*
 * The words that are alone a person somewhere (sure, not shouted), for
 * ent_resolve_named_later: one pass, so a long text is not scanned once
 * a candidate.
 */
static void
ent_resolve_alone(struct ent_stage *st, struct ent_map *alone)
{
	const struct ent_cand	*o;
	size_t			 j;

	for (j = 0; j < st->ncands; j++) {
		o = &st->cands[j];
		if (o->b - o->a == 1 && o->state == ENT_SURE &&
		    o->kind == EX_PERSON && !st->shout[o->a])
			ent_map_put(alone, ent_hash(st, o->a), 1);
	}
}

/* Decide candidates: runs of words first, then single words. */
void
ent_resolve(struct ent_stage *st)
{
	struct ent_cand	*c;
	struct ent_map	 alone;
	size_t		 i;
	int		 kind;

	ent_doc_demonyms(st);
	ent_resolve_people(st);
	ent_resolve_remember(st);
	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->b - c->a > 2 && c->weak && c->state == ENT_SURE &&
		    c->kind == EX_PERSON && c->ta == EX_NONE)
			ent_resolve_shorten(st, c);
		if (c->b - c->a > 1)
			ent_resolve_one(st, i);
	}
	for (i = 0; i < st->ncands; i++)
		if (st->cands[i].b - st->cands[i].a == 1)
			ent_resolve_one(st, i);
	/* lists: Scottsdale, Tempe, Peoria, Chandler and Gilbert */
	for (i = st->ncands; i-- > 0;) {
		c = &st->cands[i];
		if (c->state != ENT_UNKNOWN || c->weak ||
		    !ent_context_no_lower(st, c) || !ent_context_plain(st, c))
			continue;
		if ((kind = ent_context_coordinated(st, i)) != -1) {
			c->kind = (enum ex_kind)kind;
			c->state = ENT_SURE;
		}
	}
	ent_resolve_by_votes(st);
	ent_doc_schools(st);
	ent_special_team_towns(st);
	ent_doc_works(st);
	ent_doc_pets(st);
	for (i = 0; i < st->ncands; i++)
		ent_resolve_person_shape(st, &st->cands[i]);
	memset(&alone, 0, sizeof alone);
	ent_resolve_alone(st, &alone);
	for (i = 0; i < st->ncands; i++)
		if (ent_resolve_named_later(st, i, &alone)) {
			st->cands[i].kind = EX_PERSON;
			st->cands[i].state = ENT_SURE;
		}
	ent_map_free(&alone);
	/* people decided since (Lidia Stansk at a sentence start) */
	ent_resolve_people(st);
}

/*
 * A full name not yet known that spells a known one another way:
 * "Volodymyr Zelensky" after "Volodymyr Zelenskyy". The entity, or
 * EX_NONE.
 */
static size_t
ent_resolve_spelled(struct ent_stage *st, const struct ent_cand *c)
{
	struct extract	*x = st->x;
	const char	*w, *g;
	size_t		 n, gn;

	w = ent_tok(x, c->b - 1, &n);
	g = ent_tok(x, c->a, &gn);
	return ent_doc_spelling(st, w, n, g, gn);
}

/* Register the people named in full, by last and first word. */
static void
ent_resolve_people(struct ent_stage *st)
{
	struct extract	*x = st->x;
	struct ent_cand	*c;
	const char	*w;
	size_t		 i, n, *v;
	uint64_t	 h;

	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->state != ENT_SURE || c->kind != EX_PERSON ||
		    c->b - c->a < 2)
			continue;
		ent_map_text(x, c->a, c->b, &st->b);
		c->entity = ent_resolve_spelled(st, c);
		if (c->entity == EX_NONE)
			c->entity = extract_entity_add(x, EX_PERSON,
			    st->b.data, st->b.len);
		h = ent_map_hash_span(st, c->b - 1, c->b);
		v = ent_map_get(&st->surnames, h);
		if (v == NULL)
			ent_map_put(&st->surnames, h, c->entity);
		else if (*v != c->entity)
			*v = ENT_AMBIGUOUS;
		w = ent_tok(x, c->b - 1, &n);
		h = ent_map_hash(w, ent_map_stem(w, n));
		v = ent_map_get(&st->stems, h);
		if (v == NULL)
			ent_map_put(&st->stems, h, c->entity);
		else if (*v != c->entity)
			*v = ENT_AMBIGUOUS;
		h = ent_map_hash_span(st, c->a, c->a + 1);
		v = ent_map_get(&st->firsts, h);
		if (v == NULL)
			ent_map_put(&st->firsts, h, c->entity);
		else if (*v != c->entity)
			*v = ENT_AMBIGUOUS;
		ent_doc_short_forms(st, c);
	}
}

/*
 * A title's text from token a on, its rank first: "Col., defence
 * ministry spokesperson" for "defence ministry spokesperson Col."; a
 * lower-case role keeps no capital a sentence gave it (unless the word
 * is a name's elsewhere: "Commission chairman").
 */
static char *
ent_resolve_title_text(struct ent_stage *st, const struct ent_cand *c,
    size_t a)
{
	char	*s, *rank;

	if (c->ra == EX_NONE) {
		ent_map_text(st->x, a, c->tb, &st->b);
		s = xstrdup(st->b.data);
		/* a sentence's capital: "Foreign ministry spokesperson" */
		if (st->weak[a] && a + 1 < c->tb && *s >= 'A' && *s <= 'Z' &&
		    !(st->x->toks[a].flags & TOK_UPPER) &&
		    !(st->x->toks[a + 1].flags & TOK_CAP) &&
		    !(st->x->toks[c->tb - 1].flags & TOK_CAP) &&
		    (ent_seen_lower(st, a) || ent_cap_count(st, a) <= 1))
			*s = (char)(*s - 'A' + 'a');
		return s;
	}
	ent_map_text(st->x, c->ra, c->rb, &st->b);
	rank = xstrdup(st->b.data);
	ent_map_text(st->x, a, c->tb, &st->b);
	xasprintf(&s, "%s, %s", rank, st->b.data);
	free(rank);
	return s;
}

/*
 * The name of the body or place a candidate starting at token k names
 * (an entity, or a later candidate's own words), or NULL; free it.
 */
static char *
ent_resolve_affil_at(struct ent_stage *st, const struct ent_cand *c,
    size_t k)
{
	struct extract	*x = st->x;
	struct ent_cand	*p;
	struct buf	 b;
	size_t		 i, ci = (size_t)(c - st->cands), near = 32;

	/* the token is a few words from the name: so is its candidate */
	for (i = ci > near ? ci - near : 0; i < st->ncands &&
	    i < ci + near; i++) {
		p = &st->cands[i];
		if (p->a != k || p->state == ENT_DROP || p->kind == EX_PERSON)
			continue;
		if (p->entity != EX_NONE)
			return x->ents[p->entity].kind == EX_PERSON ? NULL :
			    xstrdup(x->ents[p->entity].name);
		if (p->canon != NULL)
			return xstrdup(p->canon);
		buf_init(&b);
		ent_map_text(x, p->a, p->b, &b);
		return b.data;
	}
	/* of the Federal Left party: its capitalised words */
	if (k > 1 && (extract_tok_is(x, k - 1, "of") ||
	    (extract_tok_is(x, k - 1, "the") &&
	    extract_tok_is(x, k - 2, "of")))) {
		for (i = k; i < x->ntoks && i - k < 4 && ent_capword(x, i); i++)
			;
		buf_init(&b);
		ent_map_text(x, k, i, &b);
		return b.data;
	}
	return NULL;
}

/* Set a person's title and affiliation from a titled mention. */
static void
ent_resolve_set_title(struct ent_stage *st, struct ent_cand *c,
    struct ex_mention *m)
{
	struct extract	*x = st->x;
	struct ex_entity *e = &x->ents[c->entity];
	const char	*affil = c->affil;
	struct ent_cand	*ac;

	if (c->ta == EX_NONE)
		return;
	m->title = ent_resolve_title_text(st, c, c->ta);
	/*
	 * A surname alone may be someone else of that name ("President
	 * Clinton" after "Hillary Clinton"): it titles only the mention.
	 */
	ent_map_text(x, c->a, c->b, &st->b);
	if (strcmp(st->b.data, e->name) != 0)
		return;
	ac = c->affil_cand != EX_NONE ? &st->cands[c->affil_cand] : NULL;
	if (ac != NULL && (ac->entity == EX_NONE ||
	    x->ents[ac->entity].kind == EX_PERSON))
		ac = NULL;
	/*
	 * The body written before a role in lower case is part of it
	 * ("Civic Dawn leader"); before an office ("Velmark Foreign
	 * Minister"), and a state anywhere, it is the affiliation only.
	 */
	if (e->title == NULL && ac != NULL && c->ta != EX_NONE &&
	    c->ta < c->ha && ac->a >= c->ta && ac->b <= c->tb &&
	    x->ents[ac->entity].kind != EX_PLACE &&
	    !(x->toks[c->tb - 1].flags & TOK_CAP)) {
		e->title = ent_resolve_title_text(st, c, c->ta);
		if (affil == NULL && e->affiliation == NULL) {
			ent_map_text(x, c->ta, ac->b, &st->b);
			e->affiliation = xstrdup(st->b.data);
		}
	}
	if (e->title == NULL && c->ha != EX_NONE && c->ha < c->tb)
		e->title = ent_resolve_title_text(st, c, c->ha);
	if (affil == NULL && ac != NULL)
		affil = x->ents[ac->entity].name;
	/* Valdoria's, of the Federal Left party: the name found there */
	if (affil == NULL && c->affil_tok != EX_NONE && e->affiliation ==
	    NULL && (e->affiliation = ent_resolve_affil_at(st, c,
	    c->affil_tok)) != NULL)
		return;
	/* Marovian: Marovia where the text names it */
	if (affil == NULL && c->affil_tok != EX_NONE) {
		if (!ent_doc_demonym_place(st, c->affil_tok, &st->b))
			ent_map_text(x, c->affil_tok, c->affil_tok + 1,
			    &st->b);
		affil = st->b.data;
	}
	if (e->affiliation == NULL && affil != NULL)
		e->affiliation = xstrdup(affil);
}

/* Places named inside an organisation or place: Durham University. */
static void
ent_resolve_nested(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k, n, e;
	int		 kind, media;
	const char	*v;

	for (k = c->a; k < c->b; k++) {
		n = ent_lex_prefix(st, k, c->b, &kind, &v, &media);
		/* the lexicon's own name may hold a place: New York Times */
		if (n > 0 && k + n == c->b && kind != EX_PLACE)
			n = ent_lex_prefix(st, k, c->b - 1, &kind, &v, &media);
		if (n == 0 || kind != EX_PLACE || (n == 1 && ent_stop(st, k)))
			continue;
		e = extract_entity_add(x, EX_PLACE, v, strlen(v));
		extract_mention_add(x, x->toks[k].start,
		    x->toks[k + n - 1].end, e);
		k += n - 1;
	}
}

/* A surname alone spelled another way: Zelensky for Zelenskyy. */
static size_t
ent_resolve_respelled(struct ent_stage *st, size_t k)
{
	const char	*w;
	size_t		 n;

	w = ent_tok(st->x, k, &n);
	return ent_doc_spelling(st, w, n, NULL, 0);
}

/* Turn the decided candidates into entities and mentions. */
void
ent_resolve_emit(struct ent_stage *st)
{
	struct extract	*x = st->x;
	struct ent_cand	*c;
	struct ex_mention *m;
	size_t		 i, k, *v, mi;
	uint64_t	 h;

	ent_doc_cased_index(st);
	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->state != ENT_SURE)
			continue;
		if (c->entity == EX_NONE && c->kind == EX_PERSON &&
		    c->b - c->a == 1) {
			h = ent_map_hash_span(st, c->a, c->b);
			v = ent_map_get(&st->surnames, h);
			if (v == NULL || *v == ENT_AMBIGUOUS)
				v = ent_map_get(&st->firsts, h);
			if (v != NULL && *v != ENT_AMBIGUOUS)
				c->entity = *v;
			else if (v == NULL)
				c->entity = ent_resolve_respelled(st, c->a);
		}
		if (c->entity == EX_NONE && c->canon == NULL &&
		    (k = ent_doc_cased(st, c)) != EX_NONE) {
			c->kind = st->cands[k].kind;
			ent_map_text(x, st->cands[k].a, st->cands[k].b, &st->b);
			c->entity = extract_entity_add(x, c->kind, st->b.data,
			    st->b.len);
		}
		if (c->entity == EX_NONE) {
			if (c->canon != NULL)
				c->entity = extract_entity_add(x, c->kind,
				    c->canon, strlen(c->canon));
			else {
				ent_map_text(x, c->a, c->b, &st->b);
				c->entity = extract_entity_add(x, c->kind,
				    st->b.data, st->b.len);
			}
		}
		if (c->media)
			x->ents[c->entity].media = 1;
		mi = extract_mention_add(x, x->toks[c->a].start,
		    x->toks[c->b - 1].end, c->entity);
		m = &x->ments[mi];
		if (c->kind == EX_PLACE && ent_doc_acts(st, c))
			m->kind = EX_ORG;
		if (c->kind == EX_PERSON)
			ent_resolve_set_title(st, c, m);
		if ((c->kind == EX_ORG || c->kind == EX_MISC) &&
		    c->b - c->a >= 2)
			ent_resolve_nested(st, c);
	}
}
