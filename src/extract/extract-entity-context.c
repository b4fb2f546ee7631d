/*
 * The words around a candidate its own words leave open, in the entity
 * stage: cues ("in Drossen", "moved to Drossen", "the towns of", "Holt
 * said", "(Carrano, 2009)"), a list with a known name, a word that owns
 * things ("Einstein's theory"); and the votes a word's cues cast, so its
 * other mentions can follow them.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "extract.h"
#include "extract-entity-int.h"
#include "extract-lexicon-int.h"
#include "banned.h"

/* Is no word of the candidate written in lower case in the text? */
int
ent_context_no_lower(struct ent_stage *st, struct ent_cand *c)
{
	size_t	k;

	for (k = c->a; k < c->b; k++)
		if (ent_capword(st->x, k) && ent_seen_lower(st, k))
			return 0;
	return 1;
}

/*
 * Are the candidate's words plain names: no digits, no capitals inside
 * (L2, CoM, DH2017), and no number after it (Wave 1)?
 */
int
ent_context_plain(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k, i, n;
	const char	*w;

	if (c->b < x->ntoks && (x->toks[c->b].flags & TOK_DIGIT))
		return 0;
	for (k = c->a; k < c->b; k++) {
		if (x->toks[k].flags & TOK_UPPER)
			return 0;
		w = ent_tok(x, k, &n);
		for (i = 0; i < n; i++) {
			if (isdigit((unsigned char)w[i]))
				return 0;
			if (i > 0 && isupper((unsigned char)w[i]) &&
			    w[i - 1] != '-' && w[i - 1] != '\'' &&
			    !(i >= 2 && w[i - 2] == 'M' && w[i - 1] == 'c'))
				return 0;
		}
	}
	return 1;
}

/* Is token i a year: four digits? */
static int
ent_context_year(const struct extract *x, size_t i)
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

/*
 * Is the one-word candidate an author in a list of a citation: the
 * Polat of "(Li, Polat, Scalzo, & Bavelier, 2010)"? Only surnames,
 * commas and "&" or "and" may run from it to ", year".
 */
static int
ent_context_cite_list(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k, names = 1, end;
	int		 amp = 0;

	if (c->a == 0 || c->b - c->a != 1 || !(extract_tok_is(x, c->a - 1,
	    "(") || extract_tok_is(x, c->a - 1, ",") ||
	    extract_tok_is(x, c->a - 1, ";") || extract_tok_is(x, c->a - 1,
	    "&")))
		return 0;
	end = c->b + 16 < x->ntoks ? c->b + 16 : x->ntoks;
	for (k = c->b; k + 1 < end; k++) {
		if (extract_tok_is(x, k, ",")) {
			if (ent_context_year(x, k + 1))
				return names >= 2 || amp;
			continue;
		}
		if (extract_tok_is(x, k, "&") || extract_tok_is(x, k, "and")) {
			amp = 1;
			continue;
		}
		if (!ent_capword(x, k) || ent_is(st, k, WORD_STOP))
			return 0;
		names++;
	}
	return 0;
}

/*
 * Is the run of two or three names after a word that takes a person,
 * and ends where a noun phrase ends: "invited by Deng Xiaoping to",
 * "collaborated with Luo Changpei and", "his friend Vane Ivanovic."?
 * "by Joola Kaasa speakers" goes on to a noun and is left alone.
 */
static int
ent_context_person_before(struct ent_stage *st, struct ent_cand *c)
{
	static const char *const takers[] = {
		"by", "with", "friend", "daughter", "son", "wife", "husband",
		"father", "mother", "brother", "sister", "uncle", "aunt",
		"cousin", "nephew", "niece", "widow", "portrayed", "interviews",
		"interviewed", "met", "married"
	};
	static const char *const ends[] = {
		".", ",", ";", ":", "(", ")", "and", "to", "is", "was", "who",
		"had", "has", "in", "on", "at", "for", "as"
	};
	struct extract	*x = st->x;
	size_t		 p;

	if (c->b - c->a < 2 || c->a == 0 || c->b >= x->ntoks)
		return 0;
	p = c->a - 1;
	if (!ent_talk_tok_in(x, p, takers, sizeof takers /
	    sizeof takers[0]) || !(ent_talk_tok_in(x, c->b, ends,
	    sizeof ends / sizeof ends[0]) || (x->toks[c->b].flags &
	    TOK_PARA)))
		return 0;
	return !ent_context_abstract(st, c, 0) &&
	    !ent_word_plural_demonym(x, c->b - 1);	/* by Native Americans */
}

/*
 * An age in apposition after token i: ", 46," as news gives a person's
 * ("Stansk, 46, is the first opposition candidate"): a number of one or
 * two digits between commas, not a year, a date or a list of numbers.
 */
static int
ent_context_age(const struct extract *x, size_t i)
{
	const char	*w;
	size_t		 n;

	if (i + 2 >= x->ntoks || !extract_tok_is(x, i, ",") ||
	    !extract_tok_is(x, i + 2, ","))
		return 0;
	w = x->text + x->toks[i + 1].start;
	n = x->toks[i + 1].end - x->toks[i + 1].start;
	if (n < 1 || n > 2 || w[0] < '1' || w[0] > '9' ||
	    (n == 2 && (w[1] < '0' || w[1] > '9')))
		return 0;
	/* "Ward 3, 4, 5": a list goes on with another number */
	return !(i + 3 < x->ntoks && (x->toks[i + 3].flags & TOK_DIGIT));
}

/*
 * Is token k a finite verb that starts a clause: "finished", "is",
 * "says"? A lower-case word ending in "-ed" or one of the commonest.
 */
static int
ent_context_finite(const struct extract *x, size_t k)
{
	static const char *const verbs[] = {
		"is", "was", "has", "had", "says", "said", "will", "would",
		"told", "can", "could", "did", "does", "made", "went", "took"
	};
	const char	*w;
	size_t		 n;

	if (k >= x->ntoks || ent_capword(x, k))
		return 0;
	w = ent_tok(x, k, &n);
	if (n >= 5 && w[n - 2] == 'e' && w[n - 1] == 'd')
		return 1;
	return ent_talk_tok_in(x, k, verbs, sizeof verbs / sizeof verbs[0]);
}

/* Is token i a single letter (the Q of Q&A)? */
static int
ent_context_letter(const struct extract *x, size_t i)
{
	return x->toks[i].end - x->toks[i].start == 1 &&
	    (x->toks[i].flags & TOK_WORD);
}

/* Does what follows the candidate say it is a person? */
static int
ent_context_person(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k = c->b, p = c->a > 0 ? c->a - 1 : EX_NONE, len;
	int		 poss = 0;

	if (k >= x->ntoks)
		return 0;
	if (ent_context_person_before(st, c))
		return 1;
	ent_tok(x, c->a, &len);
	if (c->b - c->a == 1 && (len < 3 || (x->toks[c->a].flags & TOK_UPPER)))
		return 0;			/* F&AM, S&M */
	if ((x->toks[k].flags & TOK_POSS) || (x->toks[k].flags & TOK_SQUOTE)) {
		k++;
		poss = 1;
	} else if (extract_tok_is(x, k, ","))
		k++;
	if (poss && k < x->ntoks && ent_is(st, k, WORD_PERSON_NOUN))
		return 1;		/* Byron's memoirs */
	/* one word between: Holt also said, Holt was born */
	if (k + 1 < x->ntoks && ent_is(st, k, WORD_AUX))
		k++;
	if (k < x->ntoks && ent_is(st, k, WORD_PERSON_CUE))
		return 1;
	/* citations: (Carrano, 2009), (Brieber 2014), Spang (1983) */
	k = c->b;
	if (k + 1 < x->ntoks && extract_tok_is(x, k, ",") &&
	    ent_context_year(x, k + 1) && (c->b - c->a == 1 || (p != EX_NONE &&
	    (extract_tok_is(x, p, "(") || extract_tok_is(x, p, ";") ||
	    extract_tok_is(x, p, "see")))))
		return 1;
	if (k + 1 < x->ntoks && ent_context_year(x, k) && p != EX_NONE &&
	    (extract_tok_is(x, p, "(") || extract_tok_is(x, p, ";")))
		return 1;
	if (k + 2 < x->ntoks && extract_tok_is(x, k, "(") &&
	    ent_context_year(x, k + 1) && c->b - c->a == 1 && p != EX_NONE &&
	    (extract_tok_is(x, p, "and") || extract_tok_is(x, p, "&") ||
	    extract_tok_is(x, p, "by") || extract_tok_is(x, p, ";") ||
	    extract_tok_is(x, p, "see") || extract_tok_is(x, p, ",")))
		return 1;
	if (k + 1 < x->ntoks && extract_tok_is(x, k, "et") &&
	    extract_tok_is(x, k + 1, "al."))
		return 1;
	if (ent_context_age(x, c->b))
		return 1;		/* Stansk, 46, is the first */
	/* Stansk finished her speech: the verb's own his or her */
	if (ent_context_finite(x, k) && k + 1 < x->ntoks &&
	    (extract_tok_is(x, k + 1, "her") || extract_tok_is(x, k + 1,
	    "his")))
		return 1;
	if (ent_context_cite_list(st, c))
		return 1;
	/*
	 * Carrano & Biewener; Kessler and colleagues; Chao and his wife.
	 * Single letters round "&" are an abbreviation: Q&A, R&D, AT&T.
	 */
	if (p != EX_NONE && extract_tok_is(x, p, "&") && p > 0 &&
	    !ent_context_letter(x, p - 1) && !ent_context_letter(x, c->a))
		return 1;
	if (k + 1 < x->ntoks && extract_tok_is(x, k, "&") &&
	    ent_capword(x, k + 1) && !ent_context_letter(x, k + 1) &&
	    !ent_context_letter(x, c->b - 1))
		return 1;
	if (k + 1 < x->ntoks && extract_tok_is(x, k, "and") &&
	    (extract_tok_is(x, k + 1, "colleagues") ||
	    extract_tok_is(x, k + 1, "his") || extract_tok_is(x, k + 1,
	    "her") || extract_tok_is(x, k + 1, "coworkers")))
		return 1;
	if (k + 1 < x->ntoks && extract_tok_is(x, k, "and") &&
	    p != EX_NONE && extract_tok_is(x, p, "("))
		return 1;
	return 0;
}

/* Is the one word of the candidate in camel case: YouTube, LibriVox? */
static int
ent_context_camel(struct ent_stage *st, struct ent_cand *c)
{
	static const char *const prefixes[] = {
		"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von",
		"Fitz"
	};
	size_t		 n, i, k, len;
	const char	*w = ent_tok(st->x, c->a, &n);

	if (ent_is(st, c->a, WORD_NOT_ORG) || memchr(w, '-', n) != NULL ||
	    memchr(w, '\'', n) != NULL)
		return 0;
	/* ACPeds, KPMGs: capitals, then a capital before lower case */
	if (n >= 4 && isupper((unsigned char)w[0]) &&
	    isupper((unsigned char)w[1]) && isupper((unsigned char)w[2]) &&
	    islower((unsigned char)w[3]) && n > 4 &&
	    islower((unsigned char)w[n - 1]))
		return 1;
	for (i = 1; i + 1 < n; i++) {
		if (!islower((unsigned char)w[i - 1]) ||
		    !isupper((unsigned char)w[i]))
			continue;
		for (k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
			len = strlen(prefixes[k]);
			if (len == i && strncmp(w, prefixes[k], len) == 0)
				return 0;	/* McDonald, DiCaprio */
		}
		return 1;
	}
	return 0;
}

/*
 * Is what follows the candidate more like a person's or a case's:
 * Quilis's terms, Carrano and Biewener, Lynch v. Overholser?
 */
static int
ent_context_cited(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k = c->b;

	if (k >= x->ntoks)
		return 0;
	if (x->toks[k].flags & TOK_POSS)
		return 1;
	if ((x->toks[k].flags & TOK_SQUOTE) && k + 1 < x->ntoks &&
	    (x->toks[k + 1].flags & TOK_WORD) && !(x->toks[k + 1].flags &
	    TOK_CAP))
		return 1;		/* Pachomius' old headquarters */
	if (k + 1 < x->ntoks && ent_capword(x, k + 1) &&
	    (extract_tok_is(x, k, "and") || extract_tok_is(x, k, "&") ||
	    extract_tok_is(x, k, "v.") || extract_tok_is(x, k, "v") ||
	    extract_tok_is(x, k, "vs.") || extract_tok_is(x, k, "versus") ||
	    extract_tok_is(x, k, "against")))
		return 1;
	return 0;
}

/*
 * Does a word of the candidate end as English abstract nouns do, as in
 * "in Grammatical Constructions", "in Educational Leadership" or "a
 * degree in Psychology"? A word alone is let off "-ing" and "-ness".
 */
int
ent_context_abstract(struct ent_stage *st, struct ent_cand *c, int alone)
{
	static const char *const ends[] = {
		"tion", "tions", "sion", "sions", "ship", "ment", "ments",
		"ity", "ics", "ogy", "ism", "ical", "ness", "ing"
	};
	size_t		 k, i, n, len, nends = sizeof ends / sizeof ends[0];
	const char	*w;

	/* one word alone may be a town: Reading, Nanjing, Inverness */
	if (alone)
		nends -= 2;
	for (k = c->a; k < c->b; k++) {
		w = ent_tok(st->x, k, &n);
		for (i = 0; i < nends; i++) {
			len = strlen(ends[i]);
			if (n > len + 2 && memcmp(w + n - len, ends[i], len) ==
			    0)
				return 1;
		}
	}
	return 0;
}

/*
 * The kind of a decided name joined to this one by "and", "or" or a
 * comma (Janis Cole and Holly Dale; Poland and Sweden), or -1. A name
 * after a comma alone that a finite verb follows starts a clause ("In
 * Korvala, Stansk finished her speech"): no list.
 */
int
ent_context_coordinated(struct ent_stage *st, size_t i)
{
	struct extract	*x = st->x;
	struct ent_cand	*c = &st->cands[i], *o;
	size_t		 k;
	int		 side;

	for (side = 0; side < 2; side++) {
		if (side == 0 ? i == 0 : i + 1 >= st->ncands)
			continue;
		o = &st->cands[side == 0 ? i - 1 : i + 1];
		if (o->state != ENT_SURE || o->kind == EX_MISC ||
		    o->kind == EX_ORG)	/* Philology, Sculpture and Arts */
			continue;
		if (o->kind == EX_PERSON && o->b - o->a == 1)
			continue;	/* Glendale, Peoria, Chandler */
		/* only "," "and" "or" ", and" between them */
		if (side == 0 ? o->b > c->a || c->a - o->b > 2 :
		    c->b > o->a || o->a - c->b > 2)
			continue;
		k = side == 0 ? o->b : c->b;
		if (k == (side == 0 ? c->a : o->a))
			continue;
		if (side == 0 && k + 1 == c->a && ent_context_finite(x, c->b))
			continue;
		if (extract_tok_is(x, k, ","))
			k++;
		if (k < (side == 0 ? c->a : o->a) && (extract_tok_is(x, k,
		    "and") || extract_tok_is(x, k, "or")))
			k++;
		if (k == (side == 0 ? c->a : o->a))
			return (int)o->kind;
	}
	return -1;
}

/*
 * Do the words before token a say a place follows: "in", "near", "moved
 * to"? Returns 1, or 2 when they say a list of places follows ("the
 * towns of", "states such as"), 0 if not.
 */
static int
ent_context_place_before(struct ent_stage *st, size_t a)
{
	struct extract	*x = st->x;
	size_t		 k = a;

	if (k == 0)
		return 0;
	if (ent_is(st, k - 1, WORD_PLACE_CUE))
		return 1;
	if (extract_tok_is(x, k - 1, "the") && k >= 2)
		k--;
	if (k < 2)
		return 0;
	if (extract_tok_is(x, k - 1, "to") && ent_is(st, k - 2,
	    WORD_MOTION) && !ent_capword(x, k - 2))
		return 1;
	/* the cities of, towns such as, countries like, states including */
	if ((extract_tok_is(x, k - 1, "of") || extract_tok_is(x, k - 1,
	    "like") || extract_tok_is(x, k - 1, "including")) &&
	    ent_is(st, k - 2, WORD_PLACES))
		return 2;
	if (k >= 3 && extract_tok_is(x, k - 1, "as") && extract_tok_is(x,
	    k - 2, "such") && ent_is(st, k - 3, WORD_PLACES))
		return 2;
	/* the village of Essil, the outskirts of Drossen */
	if (extract_tok_is(x, k - 1, "of") && ent_is(st, k - 2,
	    WORD_PLACE_OF) && !ent_capword(x, k - 2))
		return 1;
	return 0;
}

/*
 * Is the candidate a shop or a firm named by its owner's possessive:
 * "a Marrick's bag" (no one's own thing takes "a" before the owner),
 * "down at Marrick's." or "went in Tolland's," (the possessive is the
 * place itself, with no noun after it)?
 */
int
ent_context_shop(struct ent_stage *st, const struct ent_cand *c)
{
	static const char *const ends[] = {
		".", ",", ";", ":", "?", "!", ")", "and", "or"
	};
	struct extract	*x = st->x;
	size_t		 p;

	if (c->b - c->a > 3 || c->a == 0 || c->b + 1 >= x->ntoks ||
	    !(x->toks[c->b].flags & TOK_POSS))
		return 0;
	p = c->a - 1;
	if ((extract_tok_is(x, p, "a") || extract_tok_is(x, p, "an")) &&
	    !ent_capword(x, c->b + 1))
		return 1;
	return (extract_tok_is(x, p, "at") || extract_tok_is(x, p, "in") ||
	    extract_tok_is(x, p, "into")) &&
	    (ent_talk_tok_in(x, c->b + 1, ends, sizeof ends / sizeof ends[0]) ||
	    (x->toks[c->b + 1].flags & TOK_PARA));
}

/* Is token k a lower-case noun for a business: company, firm? */
static int
ent_context_business(struct ent_stage *st, size_t k)
{
	static const char *const nouns[] = {
		"company", "firm", "carrier", "airline", "bank", "retailer",
		"maker", "manufacturer", "producer", "operator", "insurer",
		"conglomerate", "startup", "broadcaster", "publisher",
		"supplier", "corporation", "utility", "automaker", "chain"
	};
	size_t	i;

	if (ent_capword(st->x, k))
		return 0;
	for (i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
		if (extract_tok_is(st->x, k, nouns[i]))
			return 1;
	return 0;
}

/*
 * Does the text say the candidate is a business: "the state company
 * Marogas", "Marogas, the gas company", "shares of Marogas", "a stake
 * in Marogas"?
 */
static int
ent_context_org_said(struct ent_stage *st, const struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k = c->b;

	if (c->a > 0 && ent_context_business(st, c->a - 1))
		return 1;
	if (c->a >= 2 && (extract_tok_is(x, c->a - 1, "of") ||
	    extract_tok_is(x, c->a - 1, "in")) && (extract_tok_is(x,
	    c->a - 2, "shares") || extract_tok_is(x, c->a - 2, "stake")))
		return 1;
	if (k + 2 >= x->ntoks || !extract_tok_is(x, k, ",") ||
	    !(extract_tok_is(x, k + 1, "the") || extract_tok_is(x, k + 1,
	    "a") || extract_tok_is(x, k + 1, "an")))
		return 0;
	/* Marogas, the company; Marogas, a state gas company */
	for (k += 2; k < x->ntoks && k <= c->b + 4; k++) {
		if (ent_context_business(st, k))
			return 1;
		if (!(x->toks[k].flags & TOK_WORD) || ent_capword(x, k))
			return 0;
	}
	return 0;
}

/*
 * Does the text name the candidate as a political body by the lower-case
 * noun after it: "the Civic Dawn party", "Civic Dawn headquarters", or a
 * leader's role before a name, "Civic Dawn leader Lidia Stansk"? A run
 * at a sentence's start must have two words to count: one capital there
 * proves nothing ("Rebel leader Tomas Reyn"), and an adjective in "-ic"
 * alone is none ("the Paralympic movement").
 */
int
ent_context_body(struct ent_stage *st, struct ent_cand *c)
{
	static const char *const bodies[] = {
		"party", "movement", "alliance", "coalition", "bloc",
		"faction", "headquarters"
	};
	static const char *const leaders[] = {
		"leader", "chairman", "chairwoman", "founder", "co-founder"
	};
	struct extract	*x = st->x;
	size_t		 k = c->b, n = c->b - c->a, i, len;
	const char	*w = ent_tok(x, c->a, &len);

	/* an adjective alone is no name: the Paralympic movement */
	if (n == 1 && len > 3 && strncmp(w + len - 2, "ic", 2) == 0)
		return 0;
	if (n > 3 || k + 1 >= x->ntoks || (c->weak && n < 2) ||
	    (x->toks[k].flags & (TOK_CAP | TOK_SENT | TOK_PARA)) ||
	    !ent_context_no_lower(st, c) || !ent_context_plain(st, c) ||
	    ent_context_abstract(st, c, 0))
		return 0;
	for (i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
		if (extract_tok_is(x, k, bodies[i]))
			return 1;
	for (i = 0; i < sizeof leaders / sizeof leaders[0]; i++)
		if (extract_tok_is(x, k, leaders[i]) &&
		    !(x->toks[k + 1].flags & (TOK_SENT | TOK_PARA)) &&
		    ent_capword(x, k + 1) && !ent_stop(st, k + 1))
			return 1;
	return 0;
}

/*
 * Is the candidate an owner, "Einstein's theory", never written in lower
 * case and not "the Union's"? Most such names are people's, but places
 * own things too, so this is a weak cue (ent_resolve).
 */
int
ent_context_owner(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;

	if (c->b - c->a > 3 || c->b >= x->ntoks ||
	    !(x->toks[c->b].flags & TOK_POSS) || !ent_context_no_lower(st, c))
		return 0;
	if (c->a > 0 && (extract_tok_is(x, c->a - 1, "the") ||
	    extract_tok_is(x, c->a - 1, "a")))
		return 0;
	return 1;
}

/*
 * Does an owner own what places do, within the next three words
 * ("Velmark's eastern gas fields", "Marovia's foreign ministry")? The
 * words must be lower case: "Brekk's Foreign Ministry visit" is not it.
 */
static int
ent_context_owns_state(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	const char	*v;
	size_t		 i;

	for (i = c->b + 1; i < x->ntoks && i <= c->b + 3; i++) {
		if (!(x->toks[i].flags & TOK_WORD) ||
		    (x->toks[i].flags & (TOK_CAP | TOK_UPPER)))
			return 0;
		if (lex_match(x, LEX_STATE_NOUNS, i, 1, &v) != 0)
			return 1;
	}
	return 0;
}

/*
 * Is the candidate "the X government", or "the X" before what only
 * places own ("the Kelmar foreign ministry", within three lower-case
 * words)?
 */
static int
ent_context_state_of(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	const char	*v;
	size_t		 i;

	if (c->a == 0 || !extract_tok_is(x, c->a - 1, "the") ||
	    (x->toks[c->b - 1].flags & TOK_POSS))
		return 0;
	for (i = c->b; i < x->ntoks && i < c->b + 3; i++) {
		if (!(x->toks[i].flags & TOK_WORD) ||
		    (x->toks[i].flags & (TOK_CAP | TOK_UPPER)))
			return 0;
		if (extract_tok_is(x, i, "government") ||
		    lex_match(x, LEX_STATE_NOUNS, i, 1, &v) != 0)
			return 1;
	}
	return 0;
}

/*
 * Is candidate i a town before ", State": "Alpine, Arizona", "Marion,
 * Ohio"? The state after it says so even of a word that is a given name.
 */
int
ent_context_town(struct ent_stage *st, size_t i)
{
	struct extract	*x = st->x;
	struct ent_cand	*c = &st->cands[i];

	return ent_context_plain(st, c) && c->b + 1 < x->ntoks &&
	    extract_tok_is(x, c->b, ",") &&
	    i + 1 < st->ncands && st->cands[i + 1].a == c->b + 1 &&
	    st->cands[i + 1].kind == EX_PLACE &&
	    st->cands[i + 1].state == ENT_SURE;
}

/*
 * Does a lower-case kind of land follow the candidate, as in "the
 * Mekong river", "Barracuda and Kayangan lakes", "the Sinai desert"?
 */
static int
ent_context_land_after(struct ent_stage *st, struct ent_cand *c)
{
	static const char *const lands[] = {
		"river", "rivers", "lake", "lakes", "island", "islands",
		"mountains", "valley", "desert", "canyon", "creek", "peninsula",
		"strait", "glacier", "gulf", "sea", "archipelago"
	};
	struct extract	*x = st->x;

	return c->b < x->ntoks && !ent_capword(x, c->b) &&
	    ent_talk_tok_in(x, c->b, lands, sizeof lands / sizeof lands[0]) &&
	    ent_context_no_lower(st, c) && ent_context_plain(st, c) &&
	    !ent_context_abstract(st, c, c->b - c->a == 1);
}

/*
 * What the words around an unknown candidate say it is: a place before
 * ", State" or after "in"; a person before "said" or "who" or in a
 * citation; an organisation in camel case or called a business. Returns
 * the kind or -1.
 */
int
ent_context_cue(struct ent_stage *st, size_t i)
{
	struct extract	*x = st->x;
	struct ent_cand	*c = &st->cands[i];
	size_t		 n = c->b - c->a;
	int		 cue;

	if (ent_context_town(st, i))
		return EX_PLACE;
	if (n == 1 && ent_context_camel(st, c))
		return EX_ORG;
	/* Patriot's board, Peabody's lenders */
	if (n <= 3 && c->b + 1 < x->ntoks && (x->toks[c->b].flags &
	    TOK_POSS) && ent_is(st, c->b + 1, WORD_ORG_NOUN))
		return EX_ORG;
	/* "Varnley and Pellow" may be authors, not "the towns of" them */
	if ((cue = ent_context_place_before(st, c->a)) != 0 && n <= 3 &&
	    ent_context_no_lower(st, c) && ent_context_plain(st, c) &&
	    (cue == 2 || !ent_context_cited(st, c)) &&
	    !ent_context_abstract(st, c, n == 1))
		return EX_PLACE;
	if (n <= 3 && ent_context_land_after(st, c))
		return EX_PLACE;
	if (n <= 3 && ent_context_org_said(st, c))
		return EX_ORG;
	if (n <= 3 && ent_context_no_lower(st, c) && ent_context_person(st, c))
		return EX_PERSON;
	/* the Orvania government, the Kelmar defence ministry: a state */
	if (n <= 2 && ent_context_state_of(st, c))
		return EX_PLACE;
	/* Marovia's foreign ministry: what only places own */
	if (ent_context_owner(st, c) && ent_context_owns_state(st, c))
		return EX_PLACE;
	/* MTV's series: an acronym that owns something is a body */
	if (n == 1 && ent_context_owner(st, c) && (x->toks[c->a].flags &
	    TOK_UPPER) && !ent_is(st, c->a, WORD_NOT_ORG))
		return EX_ORG;
	if (n <= 3 && ent_context_no_lower(st, c) && ent_context_plain(st, c))
		return ent_context_coordinated(st, i);
	return -1;
}

/* Count a cue's vote for what the word with hash h is. */
void
ent_context_vote(struct ent_stage *st, uint64_t h, int kind)
{
	size_t	*v = ent_map_get(&st->votes, h);
	size_t	 add = (size_t)1 << (16 * kind);

	if (v == NULL)
		ent_map_put(&st->votes, h, add);
	else if (((*v >> (16 * kind)) & 0xffff) != 0xffff)
		*v += add;
}

/* Count an owner's weak vote for a person (ent_owner). */
void
ent_context_vote_owner(struct ent_stage *st, uint64_t h)
{
	size_t	*v = ent_map_get(&st->owners, h);

	if (v == NULL)
		ent_map_put(&st->owners, h, 1);
	else
		(*v)++;
}

/* The kind most cues voted for the word with hash h, or -1. */
int
ent_context_voted(struct ent_stage *st, uint64_t h)
{
	size_t	*v = ent_map_get(&st->votes, h), best = 0, k, cnt;
	int	 kind = -1, tie = 0;

	if (v == NULL)
		return -1;
	for (k = 0; k < 3; k++) {
		cnt = (*v >> (16 * k)) & 0xffff;
		if (cnt > best) {
			best = cnt;
			kind = (int)k;
			tie = 0;
		} else if (cnt == best && cnt > 0)
			tie = 1;
	}
	return tie ? -1 : kind;		/* the cues disagree */
}

/* How many cues voted this kind for the word with hash h. */
size_t
ent_context_votes_for(struct ent_stage *st, uint64_t h, int kind)
{
	size_t	*v = ent_map_get(&st->votes, h);

	if (v == NULL || kind < 0 || kind > 2)
		return 0;
	return (*v >> (16 * kind)) & 0xffff;
}
