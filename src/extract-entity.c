/*
 * The entity stage: people, organisations, places and weapon systems
 * named in the text, each mention with its span and a canonical name.
 *
 * Runs of capitalised words (with particles: "University of Toronto",
 * "Mohammed bin Salman") are candidates. A candidate is known from the
 * lexicons (countries, places, organisations, media), from its last or
 * first word (University, River, Mount), from a title before it
 * ("Deputy Foreign Minister Sergei Ryabkov", "defense ministry
 * spokesperson Reza Talaei-Nik", "Mr."), from a given name, or, when
 * nothing says, from what the same name was elsewhere in the document: a
 * surname alone is the person named in full elsewhere. Capitals at the
 * start of a sentence or in a headline prove nothing, so a candidate
 * there needs the lexicons or the rest of the document.
 *
 * Demonyms are not mentions: before a title they are the person's
 * affiliation ("Russian Deputy Foreign Minister" -> Russia), elsewhere
 * ("Russian officials", "Iranian drones") adjectives.
 *
 * Work per token is bounded (a candidate has at most ENT_MAX_WORDS
 * words, a title at most ENT_MAX_TITLE) and the document's memory is
 * hashed, so time is linear in the text.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "extract-names.h"
#include "lexicon.h"
#include "xmalloc.h"
#include "banned.h"

#define ENT_MAX_WORDS	8	/* words in a candidate */
#define ENT_MAX_TITLE	8	/* words in a title before a name */
#define ENT_MAX_LEX	6	/* words in a lexicon phrase */
#ifndef ENT_ACRONYMS
#define ENT_ACRONYMS 0
#endif
#ifndef ENT_DEFAULT_PERSON
#define ENT_DEFAULT_PERSON 1000
#endif

/* How sure a candidate's kind is. */
enum ent_state {
	ENT_DROP,		/* not an entity */
	ENT_UNKNOWN,		/* capitalised, nothing else known */
	ENT_WEAK,		/* a hint: a given name alone, an acronym */
	ENT_SURE		/* lexicon, keyword, title or full name */
};

/* A run of tokens that may name something. */
struct ent_cand {
	size_t		 a, b;		/* name tokens, b exclusive */
	size_t		 ta, tb;	/* title as written, or EX_NONE */
	size_t		 ha;		/* title without affiliation */
	enum ex_kind	 kind;
	enum ent_state	 state;
	const char	*canon;		/* canonical name from a lexicon */
	const char	*affil;		/* affiliation from a lexicon */
	size_t		 affil_cand;	/* or from a candidate, or EX_NONE */
	int		 media;
	int		 weak;		/* starts a sentence or headline */
	size_t		 entity;
};

struct ent_state_s {
	struct extract	*x;
	unsigned char	*weak;		/* per token: capital proves nothing */
	unsigned char	*shout;		/* per token: in an all-capitals line */
	struct names_map lower;		/* words seen in lower case */
	struct names_map capitals;	/* capitalised words -> count */
	struct names_map kinds;		/* sure names -> kind + 1 */
	struct names_map surnames;	/* person's last word -> entity */
	struct names_map firsts;	/* person's first word -> entity */
	struct ent_cand	*cands;
	size_t		 ncands;
	size_t		 capcands;
	struct buf	 b;
};

/* The bytes of token i. */
static const char *
ent_tok(const struct extract *x, size_t i, size_t *n)
{
	*n = x->toks[i].end - x->toks[i].start;
	return x->text + x->toks[i].start;
}

/* Is token i in a word class? */
static int
ent_is(const struct extract *x, size_t i, enum names_class c)
{
	size_t		 n;
	const char	*w = ent_tok(x, i, &n);

	return names_class_has(c, w, n);
}

/* Is token i a capitalised word that can be part of a name? */
static int
ent_capword(const struct extract *x, size_t i)
{
	unsigned	f = x->toks[i].flags;

	return (f & TOK_WORD) && (f & TOK_CAP) && !(f & TOK_POSS);
}

/* Is token i a single upper-case letter with a dot: an initial? */
static int
ent_initial(const struct extract *x, size_t i)
{
	size_t		 n;
	const char	*w = ent_tok(x, i, &n);

	return n == 2 && isupper((unsigned char)w[0]) && w[1] == '.';
}

/* Is token i a hyphenated adjective: Iranian-made, US-led? */
static int
ent_hyphen_adjective(const struct extract *x, size_t i)
{
	size_t		 n;
	const char	*w = ent_tok(x, i, &n), *h;

	h = memchr(w, '-', n);
	return h != NULL && h + 1 < w + n && islower((unsigned char)h[1]);
}

/* Title class of token i: "head", "modifier", "honorific" or NULL. */
static const char *
ent_title_class(const struct extract *x, size_t i)
{
	size_t		 n;
	const char	*w = ent_tok(x, i, &n);

	if (!(x->toks[i].flags & TOK_WORD) || (x->toks[i].flags & TOK_POSS))
		return NULL;
	return lex_find(LEX_TITLES, w, n);
}

/* Is token i a given name? */
static int
ent_given(const struct extract *x, size_t i)
{
	size_t		 n;
	const char	*w = ent_tok(x, i, &n);

	if (!ent_capword(x, i))
		return 0;
	return lex_find(LEX_GIVEN_NAMES, w, n) != NULL;
}

/*
 * The lexicon phrase of exactly tokens [a, b): a place or an
 * organisation. Returns the kind or -1.
 */
static int
ent_lex_whole(const struct extract *x, size_t a, size_t b,
    const char **canon, int *media)
{
	size_t	n = b - a;

	*media = 0;
	if (n > ENT_MAX_LEX)
		return -1;
	if (lex_match(x, LEX_COUNTRIES, a, n, canon) == n)
		return EX_PLACE;
	if (lex_match(x, LEX_PLACES, a, n, canon) == n)
		return EX_PLACE;
	if (lex_match(x, LEX_MEDIA, a, n, canon) == n) {
		*media = 1;
		return EX_ORG;
	}
	if (lex_match(x, LEX_ORGS, a, n, canon) == n)
		return EX_ORG;
	return -1;
}

/*
 * The longest lexicon phrase starting at a, within [a, b). Returns its
 * length in tokens (0 if none) and sets the kind.
 */
static size_t
ent_lex_prefix(const struct extract *x, size_t a, size_t b, int *kind,
    const char **canon, int *media)
{
	static const struct {
		enum lex_table	t;
		int		kind;
		int		media;
	} tables[] = {
		{ LEX_COUNTRIES, EX_PLACE, 0 },
		{ LEX_PLACES, EX_PLACE, 0 },
		{ LEX_MEDIA, EX_ORG, 1 },
		{ LEX_ORGS, EX_ORG, 0 },
	};
	size_t		 i, n, best = 0, max = b - a;
	const char	*v;

	if (max > ENT_MAX_LEX)
		max = ENT_MAX_LEX;
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		n = lex_match(x, tables[i].t, a, max, &v);
		if (n > best) {
			best = n;
			*kind = tables[i].kind;
			*canon = v;
			*media = tables[i].media;
		}
	}
	return best;
}

/* Is the token a stop word (and not an acronym that may be a name)? */
static int
ent_stop(const struct extract *x, size_t i)
{
	if ((x->toks[i].flags & TOK_UPPER) && x->toks[i].end -
	    x->toks[i].start <= 3)
		return 0;		/* US, UK, UN */
	return ent_is(x, i, NAMES_STOP);
}

/* Has the word of token i been seen in lower case in this text? */
static int
ent_seen_lower(struct ent_state_s *st, size_t i)
{
	size_t		 n;
	const char	*w = ent_tok(st->x, i, &n);

	return names_map_get(&st->lower, names_hash(w, n)) != NULL;
}

/* How often the word of token i is written with a capital. */
static size_t
ent_cap_count(struct ent_state_s *st, size_t i)
{
	size_t		 n, *v;
	const char	*w = ent_tok(st->x, i, &n);

	v = names_map_get(&st->capitals, names_hash(w, n));
	return v != NULL ? *v : 0;
}

/*
 * Is a run at a sentence start still a name: its words are never
 * written in lower case here and the first comes back capitalised?
 */
static int
ent_proper_anyway(struct ent_state_s *st, size_t a, size_t b)
{
	size_t	k;

	for (k = a; k < b; k++) {
		if (!ent_capword(st->x, k))
			continue;
		if (ent_seen_lower(st, k) || ent_stop(st->x, k))
			return 0;
	}
	return ent_cap_count(st, a) >= 2;
}

/* Mark tokens whose capitals prove nothing; note lower-case words. */
static void
ent_prepare(struct ent_state_s *st)
{
	struct extract	*x = st->x;
	size_t		 i, k, p, words, caps, upper, n;
	const char	*w;
	int		 start = 1;

	st->weak = xcalloc(x->ntoks + 1, 1);
	st->shout = xcalloc(x->ntoks + 1, 1);
	for (i = 0; i < x->ntoks; i++) {
		unsigned	f = x->toks[i].flags;

		if (f & (TOK_SENT | TOK_PARA))
			start = 1;
		if (f & TOK_WORD) {
			if (start)
				st->weak[i] = 1;
			start = 0;
			if ((f & TOK_CAP) && !(f & TOK_POSS)) {
				size_t	*cnt;
				uint64_t h;

				w = ent_tok(x, i, &n);
				h = names_hash(w, n);
				if ((cnt = names_map_get(&st->capitals, h)) !=
				    NULL)
					(*cnt)++;
				else
					names_map_put(&st->capitals, h, 1);
			}
			if (!(f & (TOK_CAP | TOK_DIGIT | TOK_POSS))) {
				w = ent_tok(x, i, &n);
				names_map_put(&st->lower, names_hash(w, n), 1);
			}
			continue;
		}
		/* after an opening quote, a colon or a dash, a new start */
		w = ent_tok(x, i, &n);
		if ((f & TOK_OPEN) || (n == 1 && *w == ':') || (f & TOK_DASH))
			start = 1;
	}
	/* headline-case and all-capitals paragraphs */
	for (p = 0; p < x->nparas; p++) {
		words = caps = upper = 0;
		for (k = x->paras[p].first; k < x->paras[p].last; k++) {
			unsigned	f = x->toks[k].flags;

			if (!(f & TOK_WORD) || (f & (TOK_DIGIT | TOK_POSS)))
				continue;
			if (!(f & TOK_CAP) && ent_is(x, k, NAMES_PARTICLE))
				continue;
			words++;
			if (f & TOK_CAP)
				caps++;
			if (f & TOK_UPPER)
				upper++;
		}
		if (words < 3 || caps * 4 < words * 3)
			continue;
		for (k = x->paras[p].first; k < x->paras[p].last; k++) {
			st->weak[k] = 1;
			if (upper * 3 >= words * 2)
				st->shout[k] = 1;
		}
	}
}

static int	ent_keyword_kind(struct ent_state_s *, size_t, size_t);

/* Add a candidate; returns it. */
static struct ent_cand *
ent_cand_add(struct ent_state_s *st, size_t a, size_t b)
{
	struct ent_cand	*c;

	if (st->ncands == st->capcands) {
		st->capcands = st->capcands ? st->capcands * 2 : 64;
		st->cands = xreallocarray(st->cands, st->capcands,
		    sizeof *st->cands);
	}
	c = &st->cands[st->ncands++];
	memset(c, 0, sizeof *c);
	c->a = a;
	c->b = b;
	c->ta = c->tb = c->ha = EX_NONE;
	c->affil_cand = EX_NONE;
	c->entity = EX_NONE;
	c->state = ENT_UNKNOWN;
	c->weak = st->weak[a];
	return c;
}

/* Where the run of name words starting at a ends. */
static size_t
ent_chunk_end(struct ent_state_s *st, size_t a)
{
	struct extract	*x = st->x;
	size_t		 j = a + 1, n;
	const char	*w;

	while (j < x->ntoks && j - a < ENT_MAX_WORDS) {
		unsigned	f = x->toks[j].flags;

		if (f & (TOK_SENT | TOK_PARA))
			break;
		if (ent_capword(x, j)) {
			if (ent_stop(x, j) && !(f & TOK_UPPER))
				break;
			j++;
			continue;
		}
		/* a number after a name: Mohajer 10, Apollo 11 */
		if ((f & TOK_DIGIT) && j + 1 < x->ntoks &&
		    ((x->toks[j + 1].flags & TOK_CLOSE) ||
		    ent_is(x, j + 1, NAMES_MISC_CUE)) && !st->weak[a]) {
			j++;
			break;
		}
		/* particles and "of" between capitalised words */
		if (!(f & TOK_WORD) && !(x->toks[j].end - x->toks[j].start ==
		    1 && x->text[x->toks[j].start] == '&'))
			break;
		if ((f & TOK_CAP) || !ent_is(x, j, NAMES_PARTICLE))
			break;
		if (j + 1 >= x->ntoks || j + 1 - a >= ENT_MAX_WORDS)
			break;
		w = ent_tok(x, j, &n);
		if ((n == 2 && strncasecmp(w, "of", 2) == 0) ||
		    (n == 3 && strncasecmp(w, "for", 3) == 0)) {
			/* "of" only after a word that takes it */
			if (!ent_is(x, j - 1, NAMES_OF_HEAD) &&
			    !ent_is(x, j - 1, NAMES_ORG_END))
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

/* Does any word of [a, b) look like it is lower case somewhere? */
static int
ent_all_common(struct ent_state_s *st, size_t a, size_t b)
{
	size_t	k;

	for (k = a; k < b; k++)
		if (ent_capword(st->x, k) && !ent_seen_lower(st, k))
			return 0;
	return 1;
}

/*
 * The title written before token a (lower case or not): returns its first
 * token, or EX_NONE, and sets the affiliation it starts with.
 */
static size_t
ent_title_before(struct ent_state_s *st, size_t a, size_t *ha,
    const char **affil, size_t *affil_cand)
{
	struct extract	*x = st->x;
	size_t		 k = a, first = EX_NONE, n, len;
	const char	*cls, *v;
	int		 head = 0;

	*affil = NULL;
	*affil_cand = EX_NONE;
	*ha = EX_NONE;
	while (k > 0 && a - k < ENT_MAX_TITLE) {
		if (x->toks[k].flags & (TOK_SENT | TOK_PARA))
			break;
		cls = ent_title_class(x, k - 1);
		if (cls == NULL)
			break;
		if (strcmp(cls, "head") == 0 || strcmp(cls, "honorific") == 0)
			head = 1;
		k--;
		first = k;
	}
	if (!head || first == EX_NONE)
		return EX_NONE;
	*ha = first;
	if (first > 0 && !(x->toks[first].flags & (TOK_SENT | TOK_PARA))) {
		/* Iranian defense ministry spokesperson */
		for (n = 1; n <= 2 && n <= first; n++) {
			len = lex_match(x, LEX_DEMONYMS, first - n, n, &v);
			if (len == n) {
				*affil = v;
				return first - n;
			}
		}
		/* Russia's deputy foreign minister; Kremlin spokesman */
		k = first;
		if (k > 0 && (x->toks[k - 1].flags & TOK_POSS))
			k--;
		if (st->ncands > 0 && st->cands[st->ncands - 1].b == k &&
		    st->cands[st->ncands - 1].state == ENT_SURE &&
		    st->cands[st->ncands - 1].kind != EX_PERSON)
			*affil_cand = st->ncands - 1;
	}
	return first;
}

/* Is token i a word that ends a place or an organisation's name? */
static int
ent_keyword_kind(struct ent_state_s *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	size_t		 k;

	if (b - a < 2)
		return -1;
	if (ent_is(x, b - 1, NAMES_ORG_END))
		return EX_ORG;
	if (ent_is(x, b - 1, NAMES_PLACE_END) && b - a >= 2)
		return EX_PLACE;
	if (b - a >= 2 && ent_is(x, a, NAMES_PLACE_START))
		return EX_PLACE;
	for (k = a + 1; k + 1 < b; k++) {
		if (!extract_tok_is(x, k, "of") && !extract_tok_is(x, k, "for"))
			continue;
		if (ent_is(x, k - 1, NAMES_ORG_END))
			return EX_ORG;
		if (ent_is(x, k - 1, NAMES_PLACE_END) ||
		    ent_is(x, k - 1, NAMES_PLACE_START))
			return EX_PLACE;
		if (ent_is(x, k - 1, NAMES_OF_HEAD))
			return EX_ORG;
	}
	for (k = a; k < b; k++)
		if (!(x->toks[k].flags & TOK_WORD))
			return EX_ORG;		/* Procter & Gamble */
	return -1;
}

/* Classify a run of name words with no title before it. */
static void
ent_classify(struct ent_state_s *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 a = c->a, b = c->b, n = b - a, k, len;
	int		 kind, media;
	const char	*v;

	kind = ent_lex_whole(x, a, b, &c->canon, &media);
	if (kind != -1 && !(n == 1 && ent_stop(x, a))) {
		c->kind = kind;
		c->media = media;
		c->state = ENT_SURE;
		return;
	}
	c->canon = NULL;
	if (st->shout[a]) {
		c->state = ENT_DROP;
		return;
	}
	if (lex_match(x, LEX_DEMONYMS, a, n, &v) == n) {
		c->state = ENT_DROP;	/* an adjective */
		return;
	}
	if ((kind = ent_keyword_kind(st, a, b)) != -1 && !(c->weak &&
	    (ent_all_common(st, a, b) || n > 4))) {
		c->kind = kind;
		c->state = ENT_SURE;
		return;
	}
	if (n >= 2 && lex_match(x, LEX_DEMONYMS, a, 1, &v) == 1 &&
	    !c->weak && lex_match(x, LEX_DEMONYMS, a + 1, 1, &v) == 0 &&
	    !ent_hyphen_adjective(x, a + 1)) {
		c->kind = EX_ORG;	/* Cuban Consulate, British Library */
		c->state = ENT_SURE;
		return;
	}
	if (n >= 2 && ent_is(x, b - 1, NAMES_MISC_END)) {
		c->kind = EX_MISC;
		c->state = ENT_SURE;
		return;
	}
	if (n >= 2 && n <= 4 && (ent_given(x, a) || ent_initial(x, a + 1) ||
	    (n >= 3 && ent_initial(x, a + 1)))) {
		c->kind = EX_PERSON;
		c->state = ENT_SURE;
		return;
	}
	/* Shahed drones, ''Mohajer 10'' */
	if (b < x->ntoks && ent_is(x, b, NAMES_MISC_CUE) && !c->weak &&
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
	if (n == 1 && ent_given(x, a)) {
		c->kind = EX_PERSON;
		c->state = ENT_WEAK;
		return;
	}
	if (ENT_ACRONYMS && n == 1 && (x->toks[a].flags & TOK_UPPER) &&
	    !ent_is(x, a, NAMES_NOT_ORG)) {
		ent_tok(x, a, &len);
		if (len <= 6) {
			c->kind = EX_ORG;
			c->state = c->weak ? ENT_UNKNOWN : ENT_WEAK;
			return;
		}
	}
	(void)k;
	c->state = ENT_UNKNOWN;
}

/* Split an unknown run at the lexicon phrases inside it. */
static void
ent_split(struct ent_state_s *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	struct ent_cand	*c;
	size_t		 k = a, u = a, n;
	int		 kind, media;
	const char	*v;

	while (k < b) {
		n = ent_lex_prefix(x, k, b, &kind, &v, &media);
		if (n == 0 || (n == 1 && ent_stop(x, k))) {
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
 * A run with a title in it: "Russian Deputy Foreign Minister Sergei
 * Ryabkov", "US Secretary of State Antony Blinken". Returns 1 if found.
 */
static int
ent_titled(struct ent_state_s *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	struct ent_cand	*c, *pc;
	size_t		 h = EX_NONE, s0, t0, n, pre = EX_NONE;
	const char	*cls, *v, *affil = NULL;
	int		 kind, media;

	/* the name: capitalised words at the end that are not titles */
	for (s0 = b; s0 > a; s0--)
		if (!ent_capword(x, s0 - 1) || ent_title_class(x, s0 - 1) !=
		    NULL)
			break;
	if (s0 == a || s0 == b || ent_is(x, b - 1, NAMES_ORG_END) ||
	    ent_is(x, b - 1, NAMES_PLACE_END))
		return 0;
	/* the title before it, with a head or an honorific */
	for (t0 = s0; t0 > a; t0--) {
		cls = ent_title_class(x, t0 - 1);
		if (cls != NULL) {
			if (strcmp(cls, "head") == 0 ||
			    strcmp(cls, "honorific") == 0)
				h = t0 - 1;
			continue;
		}
		if ((extract_tok_is(x, t0 - 1, "of") || extract_tok_is(x,
		    t0 - 1, "for") || extract_tok_is(x, t0 - 1, "the")) &&
		    t0 - 1 > a)
			continue;
		break;
	}
	if (h == EX_NONE)
		return 0;
	/* what comes before the title: a demonym, a country, a body */
	if (t0 > a) {
		n = t0 - a;
		if (lex_match(x, LEX_DEMONYMS, a, n, &v) == n)
			affil = v;
		else if ((kind = ent_lex_whole(x, a, t0, &v, &media)) != -1 ||
		    !ent_all_common(st, a, t0)) {
			pc = ent_cand_add(st, a, t0);
			if (kind != -1) {
				pc->kind = kind;
				pc->canon = v;
				pc->media = media;
			} else {
				ent_classify(st, pc);
				if (pc->state != ENT_SURE) {
					pc->kind = EX_ORG;
					pc->state = ENT_SURE;
				}
			}
			pc->state = ENT_SURE;
			pre = st->ncands - 1;
		}
	}
	c = ent_cand_add(st, s0, b);
	c->kind = EX_PERSON;
	c->state = ENT_SURE;
	c->ta = a;
	c->ha = t0;
	c->tb = s0;
	c->affil = affil;
	c->affil_cand = pre;
	c->weak = 0;
	return 1;
}

/* Look at the run of name words [a, b). */
static void
ent_chunk(struct ent_state_s *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	struct ent_cand	*c;
	const char	*v, *affil;
	size_t		 t, ha, affil_cand;
	int		 kind, media;

	/* leading words that are not names */
	while (a < b) {
		if (ent_lex_whole(x, a, b, &v, &media) != -1 &&
		    !(b - a == 1 && ent_stop(x, a)))
			break;
		if (ent_lex_prefix(x, a, b, &kind, &v, &media) > 1)
			break;		/* New York, The Hague */
		if (ent_stop(x, a) || !ent_capword(x, a) ||
		    ent_hyphen_adjective(x, a)) {
			a++;
			continue;
		}
		if (st->weak[a] && ent_seen_lower(st, a) && !ent_given(x, a) &&
		    (b - a < 2 || ent_keyword_kind(st, a, b) == -1) &&
		    ent_title_class(x, a) == NULL &&
		    ent_lex_prefix(x, a, b, &kind, &v, &media) == 0 &&
		    lex_match(x, LEX_DEMONYMS, a, 1, &v) == 0) {
			a++;
			continue;
		}
		break;
	}
	if (a >= b)
		return;
	if (!st->shout[a] && ent_lex_whole(x, a, b, &v, &media) == -1 &&
	    ent_titled(st, a, b))
		return;
	c = ent_cand_add(st, a, b);
	ent_classify(st, c);
	if (c->state == ENT_SURE && c->kind == EX_PERSON) {
		t = ent_title_before(st, a, &ha, &affil, &affil_cand);
		if (t != EX_NONE) {
			c->ta = t;
			c->ha = ha;
			c->tb = a;
			c->affil = affil;
			c->affil_cand = affil_cand;
		}
		return;
	}
	if (c->state == ENT_UNKNOWN || c->state == ENT_WEAK) {
		/* a title before a lone name makes it a person */
		t = ent_title_before(st, a, &ha, &affil, &affil_cand);
		if (t != EX_NONE && b - a <= 4 && !st->shout[a]) {
			c->kind = EX_PERSON;
			c->state = ENT_SURE;
			c->ta = t;
			c->ha = ha;
			c->tb = a;
			c->affil = affil;
			c->affil_cand = affil_cand;
			return;
		}
	}
	if (c->state == ENT_UNKNOWN && b - a >= 2) {
		/* inner lexicon phrases: IRAN'S PRESIDENCY/WANA */
		for (t = a; t < b; t++) {
			if (ent_lex_prefix(x, t, b, &kind, &v, &media) > 0 &&
			    !ent_stop(x, t)) {
				st->ncands--;
				ent_split(st, a, b);
				return;
			}
		}
	}
}

/* Find candidates left to right. */
static void
ent_scan(struct ent_state_s *st)
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

/* Is no word of the candidate written in lower case in the text? */
static int
ent_no_lower(struct ent_state_s *st, struct ent_cand *c)
{
	size_t	k;

	for (k = c->a; k < c->b; k++)
		if (ent_capword(st->x, k) && ent_seen_lower(st, k))
			return 0;
	return 1;
}

/* Is token i a year: four digits? */
static int
ent_year(const struct extract *x, size_t i)
{
	size_t		 n, k;
	const char	*w = ent_tok(x, i, &n);

	if (n != 4 && !(n == 5 && w[4] >= 'a' && w[4] <= 'z'))
		return 0;
	for (k = 0; k < 4; k++)
		if (!isdigit((unsigned char)w[k]))
			return 0;
	return 1;
}

/* Does what follows the candidate say it is a person? */
static int
ent_person_context(struct ent_state_s *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k = c->b;

	if (k >= x->ntoks)
		return 0;
	if ((x->toks[k].flags & TOK_POSS) || (x->toks[k].flags & TOK_SQUOTE))
		k++;
	if (k < x->ntoks && extract_tok_is(x, k, ","))
		k++;
	if (k < x->ntoks && ent_is(x, k, NAMES_PERSON_CUE))
		return 1;
	/* a citation: Carrano (2009), Carrano, 2009, Carrano et al. */
	k = c->b;
	if (k + 1 < x->ntoks && (extract_tok_is(x, k, ",") ||
	    extract_tok_is(x, k, "(")) && ent_year(x, k + 1))
		return 1;
	if (k + 1 < x->ntoks && extract_tok_is(x, k, "et") &&
	    extract_tok_is(x, k + 1, "al."))
		return 1;
	if (k + 1 < x->ntoks && (extract_tok_is(x, k, "and") ||
	    extract_tok_is(x, k, "&")) && c->a > 0 &&
	    extract_tok_is(x, c->a - 1, "("))
		return 1;
	return ent_cap_count(st, c->a) >= ENT_DEFAULT_PERSON;
}

/* Decide candidates that nothing in themselves decided. */
static void
ent_resolve(struct ent_state_s *st)
{
	struct extract	*x = st->x;
	struct ent_cand	*c;
	size_t		 i, *v, n;
	const char	*cv;

	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->state != ENT_SURE)
			continue;
		names_map_put(&st->kinds, names_hash_tokens(x, c->a, c->b),
		    (size_t)c->kind + 1);
	}
	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->state == ENT_SURE && c->kind == EX_PLACE &&
		    c->b - c->a == 1 && names_map_get(&st->surnames,
		    names_hash_tokens(x, c->a, c->b)) != NULL &&
		    lex_match(x, LEX_COUNTRIES, c->a, 1, &cv) == 0) {
			c->kind = EX_PERSON;	/* Washington, of George */
			c->canon = NULL;
			continue;
		}
		if (c->state != ENT_UNKNOWN && c->state != ENT_WEAK)
			continue;
		n = c->b - c->a;
		v = names_map_get(&st->kinds, names_hash_tokens(x, c->a,
		    c->b));
		if (v != NULL) {
			c->kind = (enum ex_kind)(*v - 1);
			c->state = ENT_SURE;
			continue;
		}
		if (n == 1 && (names_map_get(&st->surnames, names_hash_tokens(x,
		    c->a, c->b)) != NULL || (names_map_get(&st->firsts,
		    names_hash_tokens(x, c->a, c->b)) != NULL && !c->weak))) {
			c->kind = EX_PERSON;
			c->state = ENT_SURE;
			continue;
		}
		if (c->weak && (st->shout[c->a] ||
		    !ent_proper_anyway(st, c->a, c->b))) {
			c->state = ENT_DROP;
			continue;
		}
		if (c->state == ENT_WEAK) {
			c->state = ENT_SURE;
			continue;
		}
		/* a place before ", State": Alpine, Arizona */
		if (c->b + 1 < x->ntoks && extract_tok_is(x, c->b, ",") &&
		    i + 1 < st->ncands && st->cands[i + 1].a == c->b + 1 &&
		    st->cands[i + 1].kind == EX_PLACE &&
		    st->cands[i + 1].state == ENT_SURE) {
			c->kind = EX_PLACE;
			c->state = ENT_SURE;
			continue;
		}
		if (c->a > 0 && ent_is(x, c->a - 1, NAMES_PLACE_CUE) &&
		    n <= 3 && ent_no_lower(st, c) &&
		    !(x->toks[c->a].flags & TOK_UPPER)) {
			c->kind = EX_PLACE;
			c->state = ENT_SURE;
			continue;
		}
		if (n >= 2 && n <= 3 && ent_no_lower(st, c)) {
			c->kind = EX_PERSON;
			c->state = ENT_SURE;
			continue;
		}
		if (n == 1 && ent_person_context(st, c)) {
			c->kind = EX_PERSON;
			c->state = ENT_SURE;
			continue;
		}
		c->state = ENT_DROP;
	}
}

/* Register the people named in full, by last and first word. */
static void
ent_people(struct ent_state_s *st)
{
	struct extract	*x = st->x;
	struct ent_cand	*c;
	size_t		 i, *v;
	uint64_t	 h;

	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->state != ENT_SURE || c->kind != EX_PERSON ||
		    c->b - c->a < 2)
			continue;
		names_text(x, c->a, c->b, &st->b);
		c->entity = extract_entity_add(x, EX_PERSON, st->b.data,
		    st->b.len);
		h = names_hash_tokens(x, c->b - 1, c->b);
		v = names_map_get(&st->surnames, h);
		if (v == NULL)
			names_map_put(&st->surnames, h, c->entity);
		else if (*v != c->entity)
			*v = NAMES_AMBIGUOUS;
		h = names_hash_tokens(x, c->a, c->a + 1);
		v = names_map_get(&st->firsts, h);
		if (v == NULL)
			names_map_put(&st->firsts, h, c->entity);
		else if (*v != c->entity)
			*v = NAMES_AMBIGUOUS;
	}
}

/* Set a person's title and affiliation from a titled mention. */
static void
ent_set_title(struct ent_state_s *st, struct ent_cand *c,
    struct ex_mention *m)
{
	struct extract	*x = st->x;
	struct ex_entity *e = &x->ents[c->entity];
	const char	*affil = c->affil;
	struct ent_cand	*ac;

	if (c->ta == EX_NONE)
		return;
	names_text(x, c->ta, c->tb, &st->b);
	m->title = xstrdup(st->b.data);
	if (e->title == NULL && c->ha != EX_NONE && c->ha < c->tb) {
		names_text(x, c->ha, c->tb, &st->b);
		e->title = xstrdup(st->b.data);
	}
	if (affil == NULL && c->affil_cand != EX_NONE) {
		ac = &st->cands[c->affil_cand];
		if (ac->entity != EX_NONE)
			affil = x->ents[ac->entity].name;
	}
	if (e->affiliation == NULL && affil != NULL)
		e->affiliation = xstrdup(affil);
}

/* Places named inside an organisation or place: Durham University. */
static void
ent_nested(struct ent_state_s *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k, n, e;
	int		 kind, media;
	const char	*v;

	for (k = c->a; k < c->b; k++) {
		n = ent_lex_prefix(x, k, c->b, &kind, &v, &media);
		if (n == c->b - c->a)
			break;
		if (n == 0 || kind != EX_PLACE || ent_stop(x, k))
			continue;
		e = extract_entity_add(x, EX_PLACE, v, strlen(v));
		extract_mention_add(x, x->toks[k].start,
		    x->toks[k + n - 1].end, e);
		k += n - 1;
	}
}

/* Turn the decided candidates into entities and mentions. */
static void
ent_emit(struct ent_state_s *st)
{
	struct extract	*x = st->x;
	struct ent_cand	*c;
	struct ex_mention *m;
	size_t		 i, *v, mi;
	uint64_t	 h;

	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->state != ENT_SURE)
			continue;
		if (c->entity == EX_NONE && c->kind == EX_PERSON &&
		    c->b - c->a == 1) {
			h = names_hash_tokens(x, c->a, c->b);
			v = names_map_get(&st->surnames, h);
			if (v == NULL || *v == NAMES_AMBIGUOUS)
				v = names_map_get(&st->firsts, h);
			if (v != NULL && *v != NAMES_AMBIGUOUS)
				c->entity = *v;
		}
		if (c->entity == EX_NONE) {
			if (c->canon != NULL)
				c->entity = extract_entity_add(x, c->kind,
				    c->canon, strlen(c->canon));
			else {
				names_text(x, c->a, c->b, &st->b);
				c->entity = extract_entity_add(x, c->kind,
				    st->b.data, st->b.len);
			}
		}
		if (c->media)
			x->ents[c->entity].media = 1;
		mi = extract_mention_add(x, x->toks[c->a].start,
		    x->toks[c->b - 1].end, c->entity);
		m = &x->ments[mi];
		if (c->kind == EX_PERSON)
			ent_set_title(st, c, m);
		if (c->kind == EX_ORG &&
		    c->b - c->a >= 2)
			ent_nested(st, c);
	}
}

/* Find the entities of the text and their mentions. */
void
extract_entities(struct extract *x)
{
	struct ent_state_s	st;

	if (x->ntoks == 0)
		return;
	memset(&st, 0, sizeof st);
	st.x = x;
	buf_init(&st.b);
	ent_prepare(&st);
	ent_scan(&st);
	ent_people(&st);
	ent_resolve(&st);
	ent_emit(&st);
	buf_free(&st.b);
	names_map_free(&st.lower);
	names_map_free(&st.capitals);
	names_map_free(&st.kinds);
	names_map_free(&st.surnames);
	names_map_free(&st.firsts);
	free(st.cands);
	free(st.weak);
	free(st.shout);
}
