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
 * nothing in it says, from the words around it (extract-entity-context.c:
 * "in Drossen", "moved to Drossen", "the towns of", "Holt said",
 * "(Carrano, 2009)", a list with a known name) and from what the same
 * name was elsewhere in the document: a surname alone is the person
 * named in full elsewhere, and a word's other mentions vote ("Holt's"
 * votes weakly for a person). Some shapes are known before all that
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
 * This file runs the stage (prepare the tokens, chunk and classify,
 * resolve, emit: see extract-entity-int.h for the files of each step) and
 * answers what a token is: its word's hash and classes, its lexicon
 * phrases, whether it is a stop word or written in lower case elsewhere.
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
#include "extract-entity-int.h"
#include "extract-lexicon-int.h"
#include "xmalloc.h"
#include "banned.h"

/* The words a text's map has room for at first (64K slots at most). */
#define ENT_WORDS_RESERVE	32768

/*
 * The words' index: open addressing over slots of 8 bytes, a hash's high
 * 32 bits above its record + 1 (0 is empty), half the bytes of an
 * ent_map's, as a long text's words are looked up once a token, mostly
 * missing the cache. A slot whose bits agree is checked against the
 * record's whole hash.
 */
#define ENT_WTAG(h)	((h) & 0xffffffff00000000ULL)

/* The slot of hash h: its word's, or the empty one it would take. */
static size_t
ent_wslot(const struct ent_stage *st, uint64_t h)
{
	size_t		i = (size_t)h & (st->wsize - 1);
	uint64_t	s;

	while ((s = st->wslots[i]) != 0 && (ENT_WTAG(s) != ENT_WTAG(h) ||
	    st->wrecs[(s & 0xffffffffU) - 1].hash != h))
		i = (i + 1) & (st->wsize - 1);
	return i;
}

/* Make the index room for about n words; it is rebuilt from the records. */
static void
ent_wgrow(struct ent_stage *st, size_t n)
{
	size_t	k, size = st->wsize ? st->wsize : 64;

	while (size < n * 2)
		size *= 2;
	if (size == st->wsize)
		return;
	free(st->wslots);
	st->wsize = size;
	st->wslots = xcalloc(size, sizeof *st->wslots);
	for (k = 0; k < st->nwrecs; k++)
		st->wslots[ent_wslot(st, st->wrecs[k].hash)] =
		    ENT_WTAG(st->wrecs[k].hash) | (uint64_t)(k + 1);
}

/*
 * The record of the word with hash h, added (count as given) if new;
 * returns its index.
 */
size_t
ent_wrec_add(struct ent_stage *st, uint64_t h, size_t count)
{
	struct ent_wrec	*r;
	size_t		 i;

	if (st->wsize == 0 || (st->nwrecs + 1) * 2 > st->wsize)
		ent_wgrow(st, st->nwrecs + 1);
	i = ent_wslot(st, h);
	if (st->wslots[i] != 0)
		return (st->wslots[i] & 0xffffffffU) - 1;
	if (st->nwrecs == st->capwrecs) {
		st->capwrecs = st->capwrecs ? st->capwrecs * 2 : 256;
		st->wrecs = xreallocarray(st->wrecs, st->capwrecs,
		    sizeof *st->wrecs);
	}
	r = &st->wrecs[st->nwrecs];
	r->hash = h;
	r->count = count;
	r->info = NULL;
	r->demonym = 0;
	st->wslots[i] = ENT_WTAG(h) | (uint64_t)(st->nwrecs + 1);
	return st->nwrecs++;
}

/*
 * The count of the word with hash h as the text's word tokens gave it
 * (capitalised count << 1 | seen in lower case), or NULL if none is it.
 */
size_t *
ent_words_get(struct ent_stage *st, uint64_t h)
{
	size_t	i, k;

	if (st->wsize == 0)
		return NULL;
	i = ent_wslot(st, h);
	if (st->wslots[i] == 0)
		return NULL;
	k = (st->wslots[i] & 0xffffffffU) - 1;
	return st->wrecs[k].count == ENT_NOT_SEEN ? NULL :
	    &st->wrecs[k].count;
}

/* The hash of token i's word without case, kept for ent_hash. */
uint64_t
ent_hash_fill(struct ent_stage *st, size_t i)
{
	size_t		 n, k;
	const char	*w = ent_tok(st->x, i, &n);
	uint64_t	 h = ent_map_hash(w, n);

	k = ent_wrec_add(st, h, ENT_NOT_SEEN);
	st->tw[i] = (uint32_t)k + 1;
	return h;
}

/* What token i's word is known as, kept for ent_info. */
const struct ent_word *
ent_info_fill(struct ent_stage *st, size_t i)
{
	struct ent_wrec	*r;

	ent_hash(st, i);
	r = &st->wrecs[st->tw[i] - 1];
	r->info = ent_word_at(ent_word_find(r->hash));
	return r->info;
}

/* Is token i a Roman number of a name: II, III, IV? */
int
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

/*
 * The longest phrase of a lexicon at token a, of at most max tokens, as
 * lex_match, but asking the lexicon only when a phrase starts with the
 * word.
 */
size_t
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
int
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
int
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
	size_t	c;

	ent_hash(st, i);
	c = st->wrecs[st->tw[i] - 1].count;
	return c != ENT_NOT_SEEN && (c & 1);
}

/* How often the word of token i is written with a capital. */
size_t
ent_cap_count(struct ent_stage *st, size_t i)
{
	size_t	c;

	ent_hash(st, i);	/* the token's record, found once */
	c = st->wrecs[st->tw[i] - 1].count;
	return c != ENT_NOT_SEEN ? c >> 1 : 0;
}

/*
 * Is a run at a sentence start still a name: its words are never
 * written in lower case here and the first comes back capitalised, or
 * the last, a surname used again ("Lidia Stansk arrived ... Stansk")?
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
	return ent_cap_count(st, a) >= 2 ||
	    (b - a >= 2 && ent_cap_count(st, b - 1) >= 2);
}

/* Mark tokens whose capitals prove nothing; note lower-case words. */
static void
ent_prepare(struct ent_stage *st)
{
	struct extract	*x = st->x;
	size_t		 i, k, p, words, caps, upper, n, add, r;
	const char	*w;
	int		 start = 1;
	uint64_t	 h;

	st->weak = xcalloc(x->ntoks + 1, 1);
	st->tw = xcalloc(x->ntoks + 1, sizeof *st->tw);
	/*
	 * A story of n tokens has fewer than n / 2 words (rehashing as
	 * the map grows cost more than the rest of it); a long text's
	 * grow from ENT_WORDS_RESERVE.
	 */
	n = x->ntoks / 2 < ENT_WORDS_RESERVE ? x->ntoks / 2 :
	    ENT_WORDS_RESERVE;
	ent_wgrow(st, n);
	st->capwrecs = n > 256 ? n : 256;
	st->wrecs = xreallocarray(NULL, st->capwrecs, sizeof *st->wrecs);
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
				w = ent_tok(x, i, &n);
				h = ent_map_hash(w, n);
				add = (f & TOK_CAP) ? 2 : 1;
				k = st->nwrecs;
				r = ent_wrec_add(st, h, add);
				st->tw[i] = (uint32_t)r + 1;
				if (r == k)
					;	/* new: add is its count */
				else if (st->wrecs[r].count == ENT_NOT_SEEN)
					st->wrecs[r].count = add;
				else if (add == 2)
					st->wrecs[r].count += 2;
				else
					st->wrecs[r].count |= 1;
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
	c->ra = c->rb = EX_NONE;
	c->entity = EX_NONE;
	c->state = ENT_UNKNOWN;
	c->weak = st->weak[a];
	return c;
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
	ent_cite_scan(&st);
	ent_chunk_scan(&st);
	ent_resolve(&st);
	ent_resolve_emit(&st);
	buf_free(&st.b);
	free(st.wslots);
	ent_map_free(&st.kinds);
	ent_map_free(&st.surnames);
	ent_map_free(&st.firsts);
	ent_map_free(&st.stems);
	ent_map_free(&st.cased);
	ent_map_free(&st.peoples);
	ent_map_free(&st.votes);
	ent_map_free(&st.owners);
	ent_map_free(&st.singles);
	ent_map_free(&st.tongues);
	ent_map_free(&st.teams);
	free(st.cands);
	free(st.weak);
	free(st.tw);
	free(st.wrecs);
	free(st.shout);
}
