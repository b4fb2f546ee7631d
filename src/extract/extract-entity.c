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
 * nothing in it says, from the words around it (extract-entity-resolve.c: "in
 * Drossen", "moved to Drossen", "the towns of", "Holt said", "(Carrano,
 * 2009)", a list with a known name) and from what the same name was
 * elsewhere in the document: a surname alone is the person named in
 * full elsewhere, and a word's other mentions vote ("Holt's" votes
 * weakly for a person). Some shapes are known before all that
 * (extract-entity-special.c): "the Secretary", "the West", "Paramus, NJ".
 * Capitals at the start of a sentence or in a headline prove nothing,
 * so a candidate there needs the lexicons or the rest of the document;
 * a word the text also writes in lower case is no name.
 *
 * Demonyms are not mentions: before a title they are the person's
 * affiliation ("Russian Deputy Foreign Minister" -> Russia; an unknown
 * "Marovian" is kept as written), elsewhere ("Russian officials",
 * "Iranian drones", "Iranians") adjectives or peoples. A place named
 * inside an organisation's or an event's name ("Durham University") is
 * a mention of its own, nested in the other.
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
#include "extract-entity.h"
#include "extract-lexicon.h"
#include "xmalloc.h"
#include "banned.h"

#define ENT_MAX_WORDS	8	/* words in a candidate */
#define ENT_MAX_TITLE	8	/* words in a title before a name */
#define ENT_MAX_LEX	6	/* words in a lexicon phrase */
/* The bytes of token i. */
const char *
ent_tok(const struct extract *x, size_t i, size_t *n)
{
	*n = x->toks[i].end - x->toks[i].start;
	return x->text + x->toks[i].start;
}

/* The hash of token i's word without case, computed once. */
uint64_t
ent_hash(struct ent_stage *st, size_t i)
{
	size_t		 n;
	const char	*w;

	if (st->th[i] == 0) {
		w = ent_tok(st->x, i, &n);
		st->th[i] = ent_hash_str(w, n);
	}
	return st->th[i];
}

/* What token i's word is known as, looked up once. */
const struct ent_word *
ent_info(struct ent_stage *st, size_t i)
{
	if (st->ti[i] == NULL)
		st->ti[i] = ent_word_info(ent_hash(st, i));
	return st->ti[i];
}

/* Is token i in a word class? */
int
ent_is(struct ent_stage *st, size_t i, enum ent_class c)
{
	return (ent_info(st, i)->classes >> c) & 1;
}

/* Is token i a capitalised word that can be part of a name? */
int
ent_capword(const struct extract *x, size_t i)
{
	unsigned	f = x->toks[i].flags;

	return (f & TOK_WORD) && (f & TOK_CAP) && !(f & TOK_POSS);
}

/* Is token i a Roman number of a name: II, III, IV? */
static int
ent_roman(const struct extract *x, size_t i)
{
	size_t		 n, k;
	const char	*w = ent_tok(x, i, &n);

	if (n < 2 || n > 4)
		return 0;
	for (k = 0; k < n; k++)
		if (w[k] != 'I' && w[k] != 'V' && w[k] != 'X')
			return 0;
	return 1;
}

/* Title class of token i: "head", "modifier", "honorific" or NULL. */
const char *
ent_title_class(struct ent_stage *st, size_t i)
{
	const struct extract	*x = st->x;
	size_t			 n;
	const char		*w = ent_tok(x, i, &n);

	if (!(x->toks[i].flags & TOK_WORD) || (x->toks[i].flags & TOK_POSS))
		return NULL;
	if (ent_info(st, i)->words[LEX_TITLES] == 0)
		return NULL;
	return lex_find(LEX_TITLES, w, n);
}

/*
 * The longest phrase of a lexicon at token a, of at most max tokens, as
 * lex_match, but asking the lexicon only when a phrase starts with the
 * word.
 */
static size_t
ent_lex(struct ent_stage *st, enum lex_table t, size_t a, size_t max,
    const char **value)
{
	size_t	words;

	*value = NULL;
	words = ent_info(st, a)->words[t];
	if (words == 0)
		return 0;
	return lex_match(st->x, t, a, max < words ? max : words, value);
}

/* Is token i a given name? */
static int
ent_given(struct ent_stage *st, size_t i)
{
	const struct extract	*x = st->x;
	size_t			 n;
	const char		*w = ent_tok(x, i, &n);

	if (!ent_capword(x, i))
		return 0;
	return ent_info(st, i)->words[LEX_GIVEN_NAMES] != 0 &&
	    lex_find(LEX_GIVEN_NAMES, w, n) != NULL;
}

/* The lexicon phrase of exactly tokens [a, b), asked anew. */
static int
ent_lex_whole1(struct ent_stage *st, size_t a, size_t b,
    const char **canon, int *media)
{
	size_t	n = b - a;

	*media = 0;
	*canon = NULL;
	if (n > ENT_MAX_LEX)
		return -1;
	if (ent_lex(st, LEX_COUNTRIES, a, n, canon) == n)
		return EX_PLACE;
	if (ent_lex(st, LEX_PLACES, a, n, canon) == n)
		return EX_PLACE;
	if (ent_lex(st, LEX_MEDIA, a, n, canon) == n) {
		*media = 1;
		return EX_ORG;
	}
	if (ent_lex(st, LEX_ORGS, a, n, canon) == n)
		return EX_ORG;
	*canon = NULL;
	return -1;
}

/*
 * The lexicon phrase of exactly tokens [a, b): a place or an
 * organisation. Returns the kind or -1. The last answer is kept, as
 * the same run is asked about several times.
 */
static int
ent_lex_whole(struct ent_stage *st, size_t a, size_t b,
    const char **canon, int *media)
{
	if (st->lw.a != a || st->lw.b != b) {
		st->lw.a = a;
		st->lw.b = b;
		st->lw.kind = ent_lex_whole1(st, a, b, &st->lw.canon,
		    &st->lw.media);
	}
	*canon = st->lw.canon;
	*media = st->lw.media;
	return st->lw.kind;
}

/*
 * The longest lexicon phrase starting at a, within [a, b). Returns its
 * length in tokens (0 if none) and sets the kind.
 */
size_t
ent_lex_prefix(struct ent_stage *st, size_t a, size_t b, int *kind,
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
		n = ent_lex(st, tables[i].t, a, max, &v);
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
int
ent_stop(struct ent_stage *st, size_t i)
{
	const struct extract	*x = st->x;

	if ((x->toks[i].flags & TOK_UPPER) && x->toks[i].end -
	    x->toks[i].start <= 3)
		return 0;		/* US, UK, UN */
	return ent_is(st, i, WORD_STOP);
}

/* Has the word of token i been seen in lower case in this text? */
int
ent_seen_lower(struct ent_stage *st, size_t i)
{
	size_t	*v = ent_map_get(&st->words, ent_hash(st, i));

	return v != NULL && (*v & 1);
}

/* How often the word of token i is written with a capital. */
size_t
ent_cap_count(struct ent_stage *st, size_t i)
{
	size_t	*v;

	v = ent_map_get(&st->words, ent_hash(st, i));
	return v != NULL ? *v >> 1 : 0;
}

/*
 * Is a run at a sentence start still a name: its words are never
 * written in lower case here and the first comes back capitalised?
 */
int
ent_proper_anyway(struct ent_stage *st, size_t a, size_t b)
{
	size_t	k;

	for (k = a; k < b; k++) {
		if (!ent_capword(st->x, k))
			continue;
		if (ent_seen_lower(st, k) || ent_stop(st, k))
			return 0;
	}
	return ent_cap_count(st, a) >= 2;
}

/* Mark tokens whose capitals prove nothing; note lower-case words. */
static void
ent_prepare(struct ent_stage *st)
{
	struct extract	*x = st->x;
	size_t		 i, k, p, words, caps, upper, n, *cnt, add;
	const char	*w;
	int		 start = 1;
	uint64_t	 h;

	st->weak = xcalloc(x->ntoks + 1, 1);
	st->th = xcalloc(x->ntoks + 1, sizeof *st->th);
	st->ti = xcalloc(x->ntoks + 1, sizeof *st->ti);
	st->shout = xcalloc(x->ntoks + 1, 1);
	for (i = 0; i < x->ntoks; i++) {
		unsigned	f = x->toks[i].flags;

		if (f & (TOK_SENT | TOK_PARA))
			start = 1;
		if (f & TOK_WORD) {
			if (start)
				st->weak[i] = 1;
			start = 0;
			if (!(f & (TOK_DIGIT | TOK_POSS))) {
				h = ent_hash(st, i);
				add = (f & TOK_CAP) ? 2 : 1;
				if ((cnt = ent_map_get(&st->words, h)) ==
				    NULL)
					ent_map_put(&st->words, h, add);
				else if (add == 2)
					*cnt += 2;
				else
					*cnt |= 1;
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
			if (!(f & TOK_CAP) && x->toks[k].end -
			    x->toks[k].start <= 5 && ent_is(st, k,
			    WORD_PARTICLE))
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

static int	ent_keyword_kind(struct ent_stage *, size_t, size_t);

/* Add a candidate; returns it. */
struct ent_cand *
ent_cand_add(struct ent_stage *st, size_t a, size_t b)
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
	c->affil_tok = EX_NONE;
	c->entity = EX_NONE;
	c->state = ENT_UNKNOWN;
	c->weak = st->weak[a];
	return c;
}

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
static int
ent_no_lower_run(struct ent_stage *st, size_t a, size_t b)
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
ent_all_common(struct ent_stage *st, size_t a, size_t b)
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
ent_title_before(struct ent_stage *st, size_t a, size_t *ha,
    const char **affil, size_t *affil_cand, size_t *affil_tok)
{
	struct extract	*x = st->x;
	size_t		 k = a, first = EX_NONE, n, len;
	const char	*cls, *v;
	int		 head = 0;

	*affil = NULL;
	*affil_cand = EX_NONE;
	*affil_tok = EX_NONE;
	*ha = EX_NONE;
	while (k > 0 && a - k < ENT_MAX_TITLE) {
		if (x->toks[k].flags & (TOK_SENT | TOK_PARA))
			break;
		cls = ent_title_class(st, k - 1);
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
			len = ent_lex(st, LEX_DEMONYMS, first - n, n, &v);
			if (len == n) {
				*affil = v;
				return first - n;
			}
		}
		if (ent_demonym_shape(x, first - 1) && !ent_stop(st, first - 1))
		    {
			*affil_tok = first - 1;
			return first - 1;
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
ent_keyword_kind(struct ent_stage *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	size_t		 k;

	if (b - a < 2)
		return -1;
	if (ent_is(st, b - 1, WORD_ORG_END))
		return EX_ORG;
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
		if (ent_is(st, k - 1, WORD_ORG_END))
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
ent_work(struct ent_stage *st, size_t b)
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
static void
ent_classify(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 a = c->a, b = c->b, n = b - a;
	int		 kind, media;
	const char	*v;

	kind = ent_lex_whole(st, a, b, &c->canon, &media);
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
	    (n == 1 && ent_plural_demonym(x, a))) {
		c->state = ENT_DROP;	/* an adjective; Iranians, Arabs */
		return;
	}
	if ((kind = ent_keyword_kind(st, a, b)) != -1 && !(c->weak &&
	    (ent_all_common(st, a, b) || n > 4))) {
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
	if (n >= 2 && n <= 4 && (ent_given(st, a) || ent_initial(x, a + 1) ||
	    (n >= 3 && ent_initial(x, a) && ent_given(st, a + 1))) &&
	    !ent_initial(x, b - 1) && !ent_work(st, b)) {
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

/* Split an unknown run at the lexicon phrases inside it. */
static void
ent_split(struct ent_stage *st, size_t a, size_t b)
{
	struct ent_cand	*c;
	size_t		 k = a, u = a, n;
	int		 kind, media;
	const char	*v;

	while (k < b) {
		n = ent_lex_prefix(st, k, b, &kind, &v, &media);
		if (n == 0 || (n == 1 && ent_stop(st, k))) {
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
ent_titled(struct ent_stage *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	struct ent_cand	*c, *pc;
	size_t		 h = EX_NONE, s0, t0, n, k, pre = EX_NONE;
	size_t		 atok = EX_NONE;
	const char	*cls, *v, *affil = NULL;
	int		 kind, media;

	/* the name: capitalised words at the end that are not titles */
	for (s0 = b; s0 > a; s0--)
		if (!ent_capword(x, s0 - 1) || ent_title_class(st, s0 - 1) !=
		    NULL)
			break;
	if (s0 == a || s0 == b || ent_is(st, b - 1, WORD_ORG_END) ||
	    ent_is(st, b - 1, WORD_PLACE_END) || (ent_is(st, b - 1,
	    WORD_MISC_END) && !(ent_roman(x, b - 1) && ent_given(st, s0))))
		return 0;
	/* the name is no common word: not "Pilot Training" */
	if (!ent_given(st, s0) && !ent_initial(x, s0)) {
		for (k = s0; k < b; k++)
			if (ent_seen_lower(st, k) || ent_stop(st, k))
				return 0;
		/*
		 * in a headline, "Retired General Reveals"; but a list of
		 * people greeted, "Senator Hatfield, Mr. President," is no
		 * headline
		 */
		if (st->weak[s0] && ent_cap_count(st, b - 1) < 2 &&
		    !(b < x->ntoks && extract_tok_is(x, b, ",") &&
		    b - s0 <= 2))
			return 0;
	}
	/* the title before it, with a head or an honorific */
	for (t0 = s0; t0 > a; t0--) {
		cls = ent_title_class(st, t0 - 1);
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
		if (ent_lex(st, LEX_DEMONYMS, a, n, &v) == n)
			affil = v;
		else if (n == 1 && ent_demonym_shape(x, a) &&
		    ent_lex_whole(st, a, t0, &v, &media) == -1)
			atok = a;
		else if ((kind = ent_lex_whole(st, a, t0, &v, &media)) != -1) {
			pc = ent_cand_add(st, a, t0);
			pc->kind = kind;
			pc->canon = v;
			pc->media = media;
			pc->state = ENT_SURE;
			pre = st->ncands - 1;
		} else if (!st->weak[a] && ent_no_lower_run(st, a, t0)) {
			/* a body of its own: Federal Reserve Chairman */
			pc = ent_cand_add(st, a, t0);
			ent_classify(st, pc);
			if (pc->state != ENT_SURE || pc->kind == EX_PERSON) {
				pc->kind = EX_ORG;
				pc->state = ENT_SURE;
			}
			pre = st->ncands - 1;
		} else
			ent_split(st, a, t0);	/* Retired U.S. Air Force */
	}
	c = ent_cand_add(st, s0, b);
	c->kind = EX_PERSON;
	c->state = ENT_SURE;
	c->ta = a;
	c->ha = t0;
	c->tb = s0;
	c->affil = affil;
	c->affil_cand = pre;
	c->affil_tok = atok;
	if (t0 == a) {
		/* spokesperson Col. Mirela Dusan: the title goes on */
		k = ent_title_before(st, a, &h, &affil, &pre, &atok);
		if (k != EX_NONE) {
			c->ta = k;
			c->ha = h;
			c->affil = affil;
			c->affil_cand = pre;
			c->affil_tok = atok;
		}
	}
	c->weak = 0;
	return 1;
}

/*
 * A title in apposition: "Sergei Ryabkov, Russia's deputy foreign
 * minister, said" or "Reza Talaei-Nik, an Iranian defense ministry
 * spokesperson." Sets the candidate's title and affiliation.
 */
static void
ent_apposition(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k = c->b, t0, ha, end, n;
	const char	*cls, *v, *affil = NULL;
	int		 head = 0;

	if (k + 2 >= x->ntoks || !extract_tok_is(x, k, ","))
		return;
	k++;
	if (extract_tok_is(x, k, "the") || extract_tok_is(x, k, "a") ||
	    extract_tok_is(x, k, "an"))
		k++;
	t0 = k;
	/* Russia's, Iranian */
	if (k + 1 < x->ntoks && (x->toks[k + 1].flags & TOK_POSS) &&
	    (n = ent_lex(st, LEX_COUNTRIES, k, 1, &v)) == 1) {
		affil = v;
		k += 2;
	} else if (k < x->ntoks && ent_lex(st, LEX_DEMONYMS, k, 1, &v) == 1) {
		affil = v;
		k++;
	}
	ha = k;
	for (end = k; end < x->ntoks && end - k < ENT_MAX_TITLE; end++) {
		if (x->toks[end].flags & (TOK_SENT | TOK_PARA))
			break;
		cls = ent_title_class(st, end);
		if (cls == NULL)
			break;
		if (strcmp(cls, "head") == 0)
			head = 1;
	}
	if (!head || end == ha || end >= x->ntoks)
		return;
	/* the title ends the apposition: a comma, a stop, "said" */
	if (!extract_tok_is(x, end, ",") && !extract_tok_is(x, end, ".") &&
	    !extract_tok_is(x, end, "said") && !extract_tok_is(x, end, "says"))
		return;
	c->ta = t0;
	c->ha = ha;
	c->tb = end;
	c->affil = affil;
}

/* Look at the run of name words [a, b). */
static void
ent_chunk(struct ent_stage *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	struct ent_cand	*c;
	const char	*v, *affil;
	size_t		 t, ha, affil_cand, affil_tok;
	int		 kind, media;

	if (ent_compass(st, a, b) || ent_state_code(st, a, b))
		return;
	/* leading words that are not names */
	while (a < b) {
		if (ent_lex_whole(st, a, b, &v, &media) != -1 &&
		    !(b - a == 1 && ent_stop(st, a)))
			break;
		if (ent_lex_prefix(st, a, b, &kind, &v, &media) > 1)
			break;		/* New York, The Hague */
		if (ent_stop(st, a) || !ent_capword(x, a) ||
		    ent_hyphen_adjective(x, a)) {
			a++;
			continue;
		}
		/* American YouTube personality: the demonym is an adjective */
		if (b - a >= 2 && ent_lex(st, LEX_DEMONYMS, a, 1, &v) == 1 &&
		    ent_keyword_kind(st, a, b) == -1 &&
		    ent_title_class(st, a + 1) == NULL &&
		    ent_lex(st, LEX_DEMONYMS, a, 2, &v) != 2) {
			a++;
			continue;
		}
		if (st->weak[a] && ent_seen_lower(st, a) && !ent_given(st, a) &&
		    (b - a < 2 || ent_keyword_kind(st, a, b) == -1) &&
		    ent_title_class(st, a) == NULL &&
		    ent_lex_prefix(st, a, b, &kind, &v, &media) == 0 &&
		    ent_lex(st, LEX_DEMONYMS, a, 1, &v) == 0) {
			a++;
			continue;
		}
		break;
	}
	if (a >= b)
		return;
	if (ent_addressed(st, a, b) || ent_homeland(st, a, b))
		return;
	if (!st->shout[a] && ent_lex_whole(st, a, b, &v, &media) == -1 &&
	    ent_titled(st, a, b))
		return;
	c = ent_cand_add(st, a, b);
	ent_classify(st, c);
	if (c->state == ENT_SURE && c->kind == EX_PERSON) {
		t = ent_title_before(st, a, &ha, &affil, &affil_cand,
		    &affil_tok);
		if (t != EX_NONE) {
			c->ta = t;
			c->ha = ha;
			c->tb = a;
			c->affil = affil;
			c->affil_cand = affil_cand;
			c->affil_tok = affil_tok;
		} else
			ent_apposition(st, c);
		return;
	}
	if (c->state == ENT_UNKNOWN || c->state == ENT_WEAK) {
		/* a title before a lone name makes it a person */
		t = ent_title_before(st, a, &ha, &affil, &affil_cand,
		    &affil_tok);
		if (t != EX_NONE && b - a <= 4 && !st->shout[a]) {
			c->kind = EX_PERSON;
			c->state = ENT_SURE;
			c->ta = t;
			c->ha = ha;
			c->tb = a;
			c->affil = affil;
			c->affil_cand = affil_cand;
			c->affil_tok = affil_tok;
			return;
		}
	}
	if (c->state == ENT_UNKNOWN && b - a >= 2) {
		/* inner lexicon phrases: IRAN'S PRESIDENCY/WANA */
		for (t = a; t < b; t++) {
			if (ent_lex_prefix(st, t, b, &kind, &v, &media) > 0 &&
			    !ent_stop(st, t)) {
				st->ncands--;
				ent_split(st, a, b);
				return;
			}
		}
	}
}

/* Find candidates left to right. */
static void
ent_scan(struct ent_stage *st)
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

/* Find the entities of the text and their mentions. */
void
extract_entities(struct extract *x)
{
	struct ent_stage	st;

	if (x->ntoks == 0)
		return;
	memset(&st, 0, sizeof st);
	st.x = x;
	st.lw.a = st.lw.b = EX_NONE;
	buf_init(&st.b);
	ent_prepare(&st);
	ent_scan(&st);
	ent_resolve(&st);
	ent_emit(&st);
	buf_free(&st.b);
	ent_map_free(&st.words);
	ent_map_free(&st.kinds);
	ent_map_free(&st.surnames);
	ent_map_free(&st.firsts);
	ent_map_free(&st.votes);
	ent_map_free(&st.owners);
	ent_map_free(&st.singles);
	ent_map_free(&st.tongues);
	free(st.cands);
	free(st.weak);
	free(st.th);
	free(st.ti);
	free(st.shout);
}
