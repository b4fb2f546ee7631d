/*
 * Names as people say and write them to each other, in the entity
 * stage: "Hi Kat!", "I'm Miyuki.", "That's Rezwan.", "Bert and I",
 * "said Pavit", a letter's signature, a byline, a picture's credit
 * ("Image: Mathias Krumbholz."). Talk (vlogs, podcasts, letters,
 * conversation, fiction) names people no lexicon knows; these
 * cues say a word is a person's name (extract-entity-resolve.c asks
 * them before a capital at a sentence start is doubted).
 */
#include "config.h"

#include <string.h>

#include "extract.h"
#include "extract-entity-int.h"
#include "banned.h"

/* Is token k one of the words, without case? */
int
ent_talk_tok_in(const struct extract *x, size_t k,
    const char *const *words, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (extract_tok_is(x, k, words[i]))
			return 1;
	return 0;
}

/*
 * Does the candidate end where a name said aloud ends: at the end of a
 * sentence or clause, or before "from" ("This is Rezwan from Dhaka")?
 */
static int
ent_talk_end(const struct extract *x, size_t k)
{
	static const char *const ends[] = {
		".", ",", "!", "?", ";", ":", "from", "here"
	};

	return k >= x->ntoks || (x->toks[k].flags & (TOK_SENT | TOK_PARA)) ||
	    ent_talk_tok_in(x, k, ends, sizeof ends / sizeof ends[0]);
}

/*
 * Is the one-word candidate half of a pair "X and Y" (nothing listed
 * before it) whose other half is one word the text already knows as a
 * person, by a given name or a cue: "Albert and Marcia", "Toph and Len"?
 */
static int
ent_talk_pair(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 i, o;

	if (c->a > 0 && (extract_tok_is(x, c->a - 1, ",") ||
	    extract_tok_is(x, c->a - 1, "and")))
		return 0;
	if (c->b + 2 >= x->ntoks || !extract_tok_is(x, c->b, "and") ||
	    extract_tok_is(x, c->b + 2, ",") || extract_tok_is(x, c->b + 2,
	    "and"))
		return 0;
	/* candidates come left to right: Y's is soon after X's */
	o = c->b + 1;
	for (i = (size_t)(c - st->cands) + 1; i < st->ncands &&
	    st->cands[i].a <= o; i++)
		if (st->cands[i].a == o)
			return st->cands[i].b == o + 1 &&
			    st->cands[i].state != ENT_DROP &&
			    st->cands[i].kind == EX_PERSON &&
			    ent_given(st, o);
	return 0;
}

/*
 * Does a verb of the name's own clause follow at token k: "did", "sends",
 * "turned"? A word a name opens that a determiner or an object follows
 * ("Mark the spot", "Frank them") is a command's verb instead, and one
 * before a plural ("Sandy soils") an adjective.
 */
static int
ent_talk_verb(const struct extract *x, size_t k)
{
	static const char *const verbs[] = {
		"is", "was", "has", "had", "did", "does", "do", "will", "would",
		"can", "could", "should", "shall", "might", "must", "said",
		"told", "went", "came", "got", "took", "made", "saw", "thought",
		"knew", "felt", "left", "ran", "sat", "stood", "gave", "kept",
		"found", "became", "began", "won", "lost", "met", "wrote",
		"brought", "bought", "taught", "spent", "sent", "heard", "held",
		"never", "always", "just", "also", "still", "really", "says",
		"sends", "wants", "likes", "loves", "thinks", "knows", "goes",
		"gets", "makes", "takes", "lives", "works", "comes", "looks",
		"needs", "seems", "feels", "keeps", "tells", "asks", "writes",
		"plays", "tries", "runs", "wanna", "gonna"
	};
	const char	*w;
	size_t		 n;

	if (k >= x->ntoks || !(x->toks[k].flags & TOK_WORD) ||
	    (x->toks[k].flags & (TOK_CAP | TOK_DIGIT)))
		return 0;
	w = ent_tok(x, k, &n);
	if (n >= 4 && w[n - 2] == 'e' && w[n - 1] == 'd')
		return 1;		/* turned; not "Sandy soils", a plural */
	return ent_talk_tok_in(x, k, verbs, sizeof verbs / sizeof verbs[0]);
}

/*
 * Is the one word a given name that opens a sentence, never written in
 * lower case here, and that a verb, the end of the sentence or clause,
 * "and" or a possessive follows: "Trent did it.", "Jennifer.",
 * "Lindsey?", "Tobias sends his love"? Talk names people first.
 */
static int
ent_talk_opening(struct ent_stage *st, struct ent_cand *c)
{
	static const char *const ends[] = {
		".", ",", "!", "?", ";", ":", "and", "or", "\xe2\x80\xa6", "..."
	};
	struct extract	*x = st->x;
	size_t		 k = c->b;

	if (c->b - c->a != 1 || !c->weak || c->state != ENT_WEAK ||
	    ent_seen_lower(st, c->a))
		return 0;
	return k >= x->ntoks || (x->toks[k].flags & (TOK_PARA | TOK_POSS |
	    TOK_CLOSE)) || ent_talk_tok_in(x, k, ends, sizeof ends /
	    sizeof ends[0]) || ent_talk_verb(x, k);
}

/*
 * Is the one or two words after "Dear" or "Dearest" a name the letter
 * greets ("Dear Fenwick,", "My dearest Ottilie,"), not the common noun
 * of whoever it is written to ("Dear Friends", "Dear Editor")?
 */
static int
ent_talk_dear(struct ent_stage *st, struct ent_cand *c, size_t p)
{
	static const char *const readers[] = {
		"friend", "colleague", "member", "reader", "customer",
		"neighbor", "neighbour", "editor", "all", "everyone", "team",
		"supporter", "partner", "shareholder", "citizen", "resident",
		"student", "parent", "brother", "sister", "child", "sirs",
		"madam", "madame", "colleagues", "friends", "members",
		"readers", "customers", "neighbors", "neighbours", "team",
		"supporters", "partners", "shareholders", "citizens",
		"residents", "students", "parents", "children", "brothers",
		"sisters", "diary", "applicant", "candidate", "officer"
	};
	const struct extract	*x = st->x;
	size_t			 k;

	if (!extract_tok_is(x, p, "dear") && !extract_tok_is(x, p, "dearest"))
		return 0;
	for (k = c->a; k < c->b; k++)
		if (ent_talk_tok_in(x, k, readers, sizeof readers /
		    sizeof readers[0]) || ent_title_class(st, k) != NULL)
			return 0;
	return 1;
}

/* Is the candidate a picture's credit: "Image: Mathias Krumbholz."? */
static int
ent_talk_credit(const struct extract *x, const struct ent_cand *c, size_t p)
{
	static const char *const credits[] = {
		"image", "photo", "photograph", "picture", "credit",
		"photographer", "illustration"
	};

	return p != EX_NONE && p > 0 && extract_tok_is(x, p, ":") &&
	    ent_talk_tok_in(x, p - 1, credits, sizeof credits /
	    sizeof credits[0]) && (c->b >= x->ntoks ||
	    extract_tok_is(x, c->b, ".") || extract_tok_is(x, c->b, ";") ||
	    (x->toks[c->b].flags & TOK_PARA));
}

/*
 * Is the candidate someone a speaker or writer names as people name
 * each other: "Hi Kat!", "I'm Miyuki.", "my name is Ash", "That's
 * Rezwan.", "Bert and I", a letter's name under "Yours," or "Best
 * wishes,"? Words no lexicon knows are people's names in talk.
 */
int
ent_talk(struct ent_stage *st, struct ent_cand *c)
{
	static const char *const greet[] = {
		"hi", "hey", "hello", "thanks", "bye", "goodbye", "welcome"
	};
	static const char *const deictic[] = {
		"this", "that", "i'm", "i\xe2\x80\x99m"
	};
	static const char *const says[] = {
		"said", "says", "asked", "asks", "replied", "added", "answered"
	};
	struct extract		*x = st->x;
	const struct ex_paragraph *pp;
	size_t			 k, lo, hi, p = c->a > 0 ? c->a - 1 : EX_NONE;

	if (c->b - c->a > 2 || !ent_context_plain(st, c) ||
	    !ent_context_no_lower(st, c))
		return 0;
	for (k = c->a; k < c->b; k++)
		if (ent_stop(st, k) || ent_is(st, k, WORD_ORG_END) ||
		    ent_is(st, k, WORD_PLACE_END))
			return 0;
	/* Bert and I; Lionel and Bert and I */
	for (k = c->b; k + 1 < x->ntoks && k < c->b + 8; k++) {
		if (extract_tok_is(x, k, "and") && (extract_tok_is(x, k + 1,
		    "I") || extract_tok_is(x, k + 1, "me")))
			return 1;
		if (!extract_tok_is(x, k, "and") && !extract_tok_is(x, k,
		    ",") && (!ent_capword(x, k) || ent_stop(st, k)))
			break;
	}
	/* "We're here," said Pavit; the rain stopped, says Marlena */
	if (p != EX_NONE && p > 0 && ent_talk_tok_in(x, p, says,
	    sizeof says / sizeof says[0]) && (extract_tok_is(x, p - 1, ",") ||
	    (x->toks[p - 1].flags & TOK_CLOSE)) &&
	    ent_talk_end(x, c->b))
		return 1;
	/* a byline, a paragraph of its own: "By Nicco Pandolfi" */
	if (p != EX_NONE && extract_tok_is(x, p, "by") &&
	    (x->toks[p].flags & TOK_PARA) && (c->b >= x->ntoks ||
	    (x->toks[c->b].flags & TOK_PARA)))
		return 1;
	if (ent_talk_opening(st, c))
		return 1;
	if (ent_talk_credit(x, c, p))
		return 1;
	/* Albert and Marcia, Toph and Len: a pair with a person */
	if (c->b - c->a == 1 && ent_talk_pair(st, c))
		return 1;
	if (p != EX_NONE && ent_talk_end(x, c->b)) {
		if (ent_talk_tok_in(x, p, greet, sizeof greet /
		    sizeof greet[0]) || ent_talk_dear(st, c, p) ||
		    (p > 0 && extract_tok_is(x, p, "is") &&
		    extract_tok_is(x, p - 1, "name")) ||
		    (p > 0 && extract_tok_is(x, p, "am") &&
		    extract_tok_is(x, p - 1, "I")))
			return 1;
		/* I'm Miyuki. This is Rezwan from Dhaka. */
		if (ent_talk_tok_in(x, p, deictic, sizeof deictic /
		    sizeof deictic[0]) && (x->toks[p].flags & TOK_SENT))
			return 1;
		if (p > 0 && extract_tok_is(x, p, "is") &&
		    (x->toks[p - 1].flags & TOK_SENT) &&
		    ent_talk_tok_in(x, p - 1, deictic, sizeof deictic /
		    sizeof deictic[0]))
			return 1;
		/* "That's" split as "That" and its "'s" */
		if ((x->toks[p].flags & TOK_POSS) && p > 0 &&
		    (x->toks[p - 1].flags & TOK_SENT) &&
		    (extract_tok_is(x, p - 1, "that") ||
		    extract_tok_is(x, p - 1, "it")))
			return 1;
	}
	/* a letter's signature: "Yours," or "Best wishes," then the name */
	if (!(x->toks[c->a].flags & TOK_PARA) || p == EX_NONE ||
	    !extract_tok_is(x, p, ","))
		return 0;
	/* the paragraph the name starts, found by halving */
	lo = 0;
	hi = x->nparas;
	while (lo < hi) {
		k = lo + (hi - lo) / 2;
		if (x->paras[k].first < c->a)
			lo = k + 1;
		else
			hi = k;
	}
	if (lo == 0 || lo >= x->nparas || x->paras[lo].first != c->a)
		return 0;
	pp = &x->paras[lo];
	return pp->last == c->b || (pp->last == c->b + 1 &&
	    extract_tok_is(x, c->b, ".")) ?
	    x->paras[lo - 1].last - x->paras[lo - 1].first <= 4 : 0;
}
