/*
 * Chunking, the entity stage's first step: runs of capitalised words
 * (with particles and "of": "University of Toronto", "Mohammed bin
 * Salman") cut into candidates, each classified by the lexicons, by its
 * first or last word (University, River, Mount), by a given name or by
 * its shape. A title before a name is extract-entity-title.c's.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "extract.h"
#include "extract-entity-int.h"
#include "extract-lexicon-int.h"
#include "banned.h"

/* Where the run of name words starting at a ends. */
static size_t
ent_chunk_end(struct ent_stage *st, size_t a)
{
	struct extract	*x = st->x;
	size_t		 j = a + 1, n;
	const char	*w, *v;
	int		 kind, media;

	while (j < x->ntoks && j - a < ENT_MAX_WORDS) {
		unsigned	f = x->toks[j].flags;

		if (f & (TOK_SENT | TOK_PARA))
			break;
		if (ent_capword(x, j)) {
			if (ent_stop(st, j) && !(f & TOK_UPPER) &&
			    !ent_is(st, j, WORD_ORG_END) &&
			    !ent_is(st, j, WORD_SOFT_STOP) &&
			    ent_lex_prefix(st, a, j + 1, &kind, &v, &media) <=
			    j - a)
				break;		/* but Middle East, New York */
			j++;
			continue;
		}
		/* a number after a name: Mohajer 10, Apollo 11 */
		if ((f & TOK_DIGIT) && j + 1 < x->ntoks &&
		    ((x->toks[j + 1].flags & TOK_CLOSE) ||
		    ent_is(st, j + 1, WORD_MISC_CUE))) {
			j++;
			break;
		}
		/* particles and "of" between capitalised words */
		if (!(f & TOK_WORD) && !(x->toks[j].end - x->toks[j].start ==
		    1 && x->text[x->toks[j].start] == '&'))
			break;
		if ((f & TOK_CAP) || !ent_is(st, j, WORD_PARTICLE))
			break;
		if (j + 1 >= x->ntoks || j + 1 - a >= ENT_MAX_WORDS)
			break;
		w = ent_tok(x, j, &n);
		if ((n == 2 && strncasecmp(w, "of", 2) == 0) ||
		    (n == 3 && strncasecmp(w, "for", 3) == 0)) {
			/* "of" only after a word that takes it */
			if (!ent_is(st, j - 1, WORD_OF_HEAD) &&
			    !ent_is(st, j - 1, WORD_ORG_END))
				break;
			if (extract_tok_is(x, j + 1, "the") && j + 2 <
			    x->ntoks && j + 2 - a < ENT_MAX_WORDS &&
			    ent_capword(x, j + 2)) {
				j += 2;
				continue;
			}
		} else if ((n == 3 && strncasecmp(w, "the", 3) == 0) ||
		    (n == 3 && strncasecmp(w, "and", 3) == 0) ||
		    (n == 2 && strncasecmp(w, "on", 2) == 0) ||
		    (n == 4 && strncasecmp(w, "upon", 4) == 0))
			break;
		if (!ent_capword(x, j + 1) ||
		    (x->toks[j + 1].flags & (TOK_SENT | TOK_PARA)))
			break;
		j++;
	}
	/* never end on a particle */
	while (j > a + 1 && !ent_capword(x, j - 1) &&
	    !(x->toks[j - 1].flags & TOK_DIGIT))
		j--;
	return j;
}

/* Are the capitalised words of [a, b) never written in lower case? */
int
ent_chunk_no_lower(struct ent_stage *st, size_t a, size_t b)
{
	size_t	k;

	for (k = a; k < b; k++)
		if (ent_capword(st->x, k) && (ent_seen_lower(st, k) ||
		    ent_stop(st, k)))
			return 0;
	return 1;
}

/* Does any word of [a, b) look like it is lower case somewhere? */
static int
ent_chunk_all_common(struct ent_stage *st, size_t a, size_t b)
{
	size_t	k;

	for (k = a; k < b; k++)
		if (ent_capword(st->x, k) && !ent_seen_lower(st, k))
			return 0;
	return 1;
}

/* Is token i a word that ends a place or an organisation's name? */
static int
ent_chunk_keyword_kind(struct ent_stage *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	size_t		 k;

	/* Alexanderplatz, Marienkirche: a place by its last part */
	if (ent_word_place_suffix(x, b - 1))
		return EX_PLACE;
	if (b - a < 2)
		return -1;
	if (ent_is(st, b - 1, WORD_ORG_END))
		return EX_ORG;
	/*
	 * Christopher Hill, then "Hill said": a given name before a word
	 * of the land that the text writes alone more often than the
	 * name is a person's surname; Victoria Park comes back whole.
	 */
	if (ent_is(st, b - 1, WORD_PLACE_END) && b - a == 2 &&
	    ent_given(st, a) && ent_cap_count(st, b - 1) >
	    ent_cap_count(st, a) + 1)
		return EX_PERSON;
	if (ent_is(st, b - 1, WORD_PLACE_END) && b - a >= 2)
		return EX_PLACE;
	if (b - a >= 2 && ent_is(st, a, WORD_PLACE_START))
		return EX_PLACE;
	if (b - a >= 2 && ent_is(st, a, WORD_ORG_START) &&
	    !ent_is(st, a, WORD_MISC_END))
		return EX_ORG;
	for (k = a + 1; k + 1 < b; k++) {
		if (!extract_tok_is(x, k, "of") && !extract_tok_is(x, k, "for"))
			continue;
		/* a place is "of" somewhere; "for" names a purpose, a body's:
		   the Centre for Social Evolution, the Commission for ... */
		if (ent_is(st, k - 1, WORD_ORG_END) || (extract_tok_is(x, k,
		    "for") && ent_is(st, k - 1, WORD_PLACE_END)))
			return EX_ORG;
		if (ent_is(st, k - 1, WORD_PLACE_END) ||
		    ent_is(st, k - 1, WORD_PLACE_START))
			return EX_PLACE;
		if (ent_is(st, k - 1, WORD_OF_HEAD))
			return EX_ORG;
	}
	for (k = a; k < b; k++)
		if (!(x->toks[k].flags & TOK_WORD))
			return EX_ORG;		/* Procter & Gamble */
	return -1;
}

/* Does "(1998)" follow token b-1, as after a film's or a book's title? */
static int
ent_chunk_work(struct ent_stage *st, size_t b)
{
	struct extract	*x = st->x;
	size_t		 n;
	const char	*w;

	if (b + 2 >= x->ntoks || !extract_tok_is(x, b, "(") ||
	    !extract_tok_is(x, b + 2, ")"))
		return 0;
	w = ent_tok(x, b + 1, &n);
	return n == 4 && isdigit((unsigned char)w[0]) &&
	    isdigit((unsigned char)w[3]);
}

/* Classify a run of name words with no title before it. */
void
ent_chunk_classify(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 a = c->a, b = c->b, n = b - a;
	int		 kind, media;
	const char	*v;

	kind = ent_lex_whole(st, a, b, &c->canon, &media);
	/*
	 * "Nice pen." after "nice of you": one word a sentence starts,
	 * that the text also writes in lower case, is that common word
	 * unless its other mentions say otherwise ("flew to Nice").
	 */
	if (kind != -1 && n == 1 && c->weak && !st->shout[a] &&
	    ent_seen_lower(st, a))
		kind = -1;
	if (kind != -1 && !(n == 1 && ent_stop(st, a))) {
		c->kind = kind;
		c->media = media;
		c->state = ENT_SURE;
		return;
	}
	c->canon = NULL;
	/* the Court, the Senate, the Ministry: a body named by its kind */
	if (n == 1 && !c->weak && a > 0 && extract_tok_is(x, a - 1, "the") &&
	    ent_is(st, a, WORD_BODY) && !(x->toks[a].flags & TOK_UPPER)) {
		c->kind = EX_ORG;
		c->state = ENT_SURE;
		return;
	}
	if (st->shout[a]) {
		c->state = ENT_DROP;
		return;
	}
	if (ent_lex(st, LEX_DEMONYMS, a, n, &v) == n ||
	    (n == 1 && ent_word_plural_demonym(x, a))) {
		c->state = ENT_DROP;	/* an adjective; Iranians, Arabs */
		return;
	}
	if ((kind = ent_chunk_keyword_kind(st, a, b)) != -1 && !(c->weak &&
	    (ent_chunk_all_common(st, a, b) || n > 4))) {
		c->kind = kind;
		c->state = ENT_SURE;
		return;
	}
	/* a ruler's or an heir's number: Elizabeth II, Arlen Voss III */
	if (n >= 2 && n <= 4 && ent_given(st, a) && ent_roman(x, b - 1)) {
		c->kind = EX_PERSON;
		c->state = ENT_SURE;
		return;
	}
	if (n >= 2 && ent_is(st, b - 1, WORD_MISC_END)) {
		c->kind = EX_MISC;
		c->state = ENT_SURE;
		return;
	}
	if (n >= 2 && n <= 4 && (ent_given(st, a) || ent_word_initial(x,
	    a + 1) || (n >= 3 && ent_word_initial(x, a) && ent_given(st,
	    a + 1))) && !ent_word_initial(x, b - 1) && !ent_chunk_work(st, b)) {
		c->kind = EX_PERSON;
		c->state = ENT_SURE;
		return;
	}
	/* Shahed drones, ''Mohajer 10'' */
	if (b < x->ntoks && ent_is(st, b, WORD_MISC_CUE) && !c->weak &&
	    n <= 3) {
		c->kind = EX_MISC;
		c->state = ENT_SURE;
		return;
	}
	if (x->toks[b - 1].flags & TOK_DIGIT) {
		c->kind = EX_MISC;
		c->state = ENT_SURE;
		return;
	}
	if (n == 1 && ent_given(st, a)) {
		c->kind = EX_PERSON;
		c->state = ENT_WEAK;
		return;
	}
	c->state = ENT_UNKNOWN;
}

/*
 * Is the lexicon phrase of n tokens at k, inside a run starting at a, a
 * word of the run's own name? A newspaper named by one common word
 * ("Dawn", "Sun", "Mirror") after other capitalised words is part of
 * that name: "Civic Dawn" is a party, "Rising Sun" not the Sun.
 */
static int
ent_chunk_own_word(struct ent_stage *st, size_t a, size_t k, size_t n,
    int media)
{
	return media && n == 1 && k > a && ent_capword(st->x, k - 1) &&
	    !ent_stop(st, k - 1) && !st->shout[k];
}

/* Split an unknown run at the lexicon phrases inside it. */
void
ent_chunk_split(struct ent_stage *st, size_t a, size_t b)
{
	struct ent_cand	*c;
	size_t		 k = a, u = a, n;
	int		 kind, media;
	const char	*v;

	while (k < b) {
		n = ent_lex_prefix(st, k, b, &kind, &v, &media);
		if (n == 0 || (n == 1 && ent_stop(st, k)) ||
		    ent_chunk_own_word(st, a, k, n, media)) {
			k++;
			continue;
		}
		if (u < k && !st->shout[u]) {
			c = ent_cand_add(st, u, k);
			c->state = ENT_UNKNOWN;
		}
		c = ent_cand_add(st, k, k + n);
		c->kind = kind;
		c->canon = v;
		c->media = media;
		c->state = ENT_SURE;
		k += n;
		u = k;
	}
	if (u < b && !st->shout[u]) {
		c = ent_cand_add(st, u, b);
		c->state = ENT_UNKNOWN;
	}
}

/*
 * The first token of [a, b) that may start a name: leading stop words,
 * demonyms used as adjectives ("American YouTube personality") and
 * capitals that prove nothing are passed over.
 */
static size_t
ent_chunk_start(struct ent_stage *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	const char	*v;
	int		 kind, media;

	for (; a < b; a++) {
		if (ent_lex_whole(st, a, b, &v, &media) != -1 &&
		    !(b - a == 1 && ent_stop(st, a)))
			break;
		if (ent_lex_prefix(st, a, b, &kind, &v, &media) > 1)
			break;		/* New York, The Hague */
		if (ent_stop(st, a) || !ent_capword(x, a) ||
		    ent_word_hyphen_adjective(x, a))
			continue;
		/* American YouTube personality: the demonym is an adjective */
		if (b - a >= 2 && ent_lex(st, LEX_DEMONYMS, a, 1, &v) == 1 &&
		    ent_chunk_keyword_kind(st, a, b) == -1 &&
		    ent_title_class(st, a + 1) == NULL &&
		    ent_lex(st, LEX_DEMONYMS, a, 2, &v) != 2)
			continue;
		if (st->weak[a] && ent_seen_lower(st, a) && !ent_given(st, a) &&
		    (b - a < 2 || ent_chunk_keyword_kind(st, a, b) == -1) &&
		    ent_title_class(st, a) == NULL &&
		    ent_lex_prefix(st, a, b, &kind, &v, &media) == 0 &&
		    ent_lex(st, LEX_DEMONYMS, a, 1, &v) == 0)
			continue;
		break;
	}
	return a;
}

/*
 * After classifying candidate c of [a, b): a title before it or in
 * apposition; a title before a lone unknown name makes it a person; an
 * unknown run with lexicon phrases inside is split at them.
 */
static void
ent_chunk_titles(struct ent_stage *st, struct ent_cand *c, size_t a, size_t b)
{
	struct ent_title t;
	const char	*v;
	size_t		 k, n;
	int		 kind, media;

	if (c->state == ENT_SURE && c->kind == EX_PERSON) {
		if (ent_title_before(st, a, &t) != EX_NONE)
			ent_title_set(c, &t);
		ent_title_apposition(st, c);	/* with a rank, or "of" */
		return;
	}
	if ((c->state == ENT_UNKNOWN || c->state == ENT_WEAK) &&
	    ent_title_before(st, a, &t) != EX_NONE && b - a <= 4 &&
	    !st->shout[a]) {
		c->kind = EX_PERSON;
		c->state = ENT_SURE;
		ent_title_set(c, &t);
		ent_title_apposition(st, c);	/* with a rank, or "of" */
		return;
	}
	/* a full name in apposition to a role: Petar Halm, the minister, */
	if ((c->state == ENT_UNKNOWN || c->state == ENT_WEAK) &&
	    b - a >= 2 && b - a <= 4 && !st->shout[a]) {
		ent_title_apposition(st, c);
		if (c->ta != EX_NONE) {
			c->kind = EX_PERSON;
			c->state = ENT_SURE;
			return;
		}
	}
	if (c->state == ENT_UNKNOWN && b - a >= 2) {
		/* Civic Dawn: a name ending in a medium's word is a body's */
		if (ent_lex_prefix(st, b - 1, b, &kind, &v, &media) == 1 &&
		    ent_chunk_own_word(st, a, b - 1, 1, media)) {
			c->kind = EX_ORG;
			c->state = ENT_SURE;
			return;
		}
		/* inner lexicon phrases: IRAN'S PRESIDENCY/WANA */
		for (k = a; k < b; k++) {
			if ((n = ent_lex_prefix(st, k, b, &kind, &v,
			    &media)) > 0 && !ent_stop(st, k) &&
			    !ent_chunk_own_word(st, a, k, n, media)) {
				st->ncands--;
				ent_chunk_split(st, a, b);
				return;
			}
		}
	}
}

/* Look at the run of name words [a, b). */
static void
ent_chunk(struct ent_stage *st, size_t a, size_t b)
{
	struct ent_cand	*c;
	const char	*v;
	int		 media;

	if (ent_special_compass(st, a, b) || ent_special_state_code(st, a, b) ||
	    ent_special_storm(st, a, b) || ent_special_party(st, a, b) ||
	    ent_special_deity(st, a, b) || ent_special_address(st, a, b) ||
	    ent_special_team(st, a, b) || ent_special_party_role(st, a, b))
		return;
	if ((a = ent_chunk_start(st, a, b)) >= b)
		return;
	if (ent_special_addressed(st, a, b) || ent_special_homeland(st, a, b))
		return;
	if (!st->shout[a] && ent_lex_whole(st, a, b, &v, &media) == -1 &&
	    ent_title_run(st, a, b))
		return;
	c = ent_cand_add(st, a, b);
	ent_chunk_classify(st, c);
	ent_chunk_titles(st, c, a, b);
}

/* Find candidates left to right. */
void
ent_chunk_scan(struct ent_stage *st)
{
	struct extract	*x = st->x;
	size_t		 i = 0, b;

	while (i < x->ntoks) {
		if (!ent_capword(x, i)) {
			i++;
			continue;
		}
		b = ent_chunk_end(st, i);
		ent_chunk(st, i, b);
		i = b;
	}
}
