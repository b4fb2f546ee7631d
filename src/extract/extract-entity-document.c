/*
 * What the document itself says of a name, beyond the word lists: its
 * demonyms (a text that writes "Valdorian" makes "Valdoria" a place),
 * a dateline's capitals ("KORVALA" is the "Korvala" written elsewhere),
 * another spelling of a person named in full ("Zelensky" after
 * "Volodymyr Zelenskyy"), and a place that acts ("Valdoria denied"),
 * the state, where it is the subject of what states do; the short
 * forms of a given name ("Barb" for "Barbara"), a town that names a
 * school ("at Harrow" after "Harrow School") and the titles of works
 * ("the drama Marlow Abbey").
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract.h"
#include "extract-entity-int.h"
#include "extract-lexicon-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Is the word s[0..n) written with a capital somewhere in the text? */
static int
ent_doc_capital_word(struct ent_stage *st, const char *s, size_t n)
{
	size_t	*v = ent_words_get(st, ent_map_hash(s, n));

	return v != NULL && (*v >> 1) > 0;
}

/*
 * Is base + suffix, with the base's last letter dropped when drop is
 * set, a capitalised word of the text?
 */
static int
ent_doc_form(struct ent_stage *st, const char *w, size_t n, int drop,
    const char *suffix)
{
	char	buf[64];
	size_t	sn = strlen(suffix);

	if (drop)
		n--;
	if (n + sn > sizeof buf)
		return 0;
	memcpy(buf, w, n);
	memcpy(buf + n, suffix, sn);
	return ent_doc_capital_word(st, buf, n + sn);
}

/*
 * Does the text write a demonym of the word w: Valdoria and Valdorian,
 * Dalmarra and Dalmarrans, Qerrin and Qerrinese, Iraq and Iraqi? The
 * people of a place are named from it, so the word is a place. A
 * consonant and "-ian" is left out: Darwinian and Christian are named
 * after people.
 */
static int
ent_doc_has_demonym(struct ent_stage *st, const char *w, size_t n)
{
	char	last;

	if (n < 4 || n > 40)
		return 0;
	last = (char)tolower((unsigned char)w[n - 1]);
	if (last == 'a')
		return ent_doc_form(st, w, n, 0, "n") ||
		    ent_doc_form(st, w, n, 0, "ns") ||
		    ent_doc_form(st, w, n, 1, "ese");
	if (last == 'o')
		return ent_doc_form(st, w, n, 1, "an") ||
		    ent_doc_form(st, w, n, 1, "ans");
	if (strchr("eiuy", last) != NULL || !isalpha((unsigned char)last))
		return 0;
	return ent_doc_form(st, w, n, 0, "ese") ||
	    ent_doc_form(st, w, n, 0, "i") ||
	    ent_doc_form(st, w, n, 0, "is");
}

/*
 * The word of the text that w is a demonym of (Marovia for Marovian),
 * written into buf (64 bytes): its length, or 0 if there is none.
 */
static size_t
ent_doc_demonym_base(struct ent_stage *st, const char *w, size_t n,
    char *buf)
{
	static const struct {
		const char	*suffix, *base;
	} forms[] = {
		{ "ans", "a" }, { "an", "a" }, { "ans", "o" }, { "an", "o" },
		{ "ese", "" }, { "ese", "a" }, { "is", "" }, { "i", "" }
	};
	size_t	 k, sn, bn;

	if (n > 40)
		return 0;
	for (k = 0; k < sizeof forms / sizeof forms[0]; k++) {
		sn = strlen(forms[k].suffix);
		bn = strlen(forms[k].base);
		if (n < sn + 4 || strncasecmp(w + n - sn, forms[k].suffix,
		    sn) != 0)
			continue;
		memcpy(buf, w, n - sn);
		memcpy(buf + n - sn, forms[k].base, bn);
		if (ent_doc_capital_word(st, buf, n - sn + bn) &&
		    ent_doc_has_demonym(st, buf, n - sn + bn))
			return n - sn + bn;
	}
	return 0;
}

/* Is the word w a demonym of a word the text writes (Marovian)? */
static int
ent_doc_is_demonym(struct ent_stage *st, const char *w, size_t n)
{
	char	buf[64];

	return ent_doc_demonym_base(st, w, n, buf) > 0;
}

/*
 * ent_doc_is_demonym (has 0) or ent_doc_has_demonym (has 1) of token
 * i's word. Both read the word without case, and the words they look
 * for are the text's, all known by now: the answer is kept in the word's
 * record, for a word of ASCII bytes (the same bytes but for case, where
 * ’ and ' would give the record other lengths).
 */
static int
ent_doc_ask(struct ent_stage *st, size_t i, int has)
{
	size_t		 n, k;
	const char	*w = ent_tok(st->x, i, &n);
	unsigned	 asked = has ? ENT_DEM_HAS_ASKED : ENT_DEM_IS_ASKED;
	unsigned	 yes = has ? ENT_DEM_HAS : ENT_DEM_IS, *d;
	int		 v;

	for (k = 0; k < n; k++)
		if ((unsigned char)w[k] >= 0x80)
			return has ? ent_doc_has_demonym(st, w, n) :
			    ent_doc_is_demonym(st, w, n);
	ent_hash(st, i);
	d = &st->wrecs[st->tw[i] - 1].demonym;
	if (!(*d & asked)) {
		v = has ? ent_doc_has_demonym(st, w, n) :
		    ent_doc_is_demonym(st, w, n);
		d = &st->wrecs[st->tw[i] - 1].demonym;
		*d |= asked | (v ? yes : 0);
	}
	return (*d & yes) != 0;
}

/* Is token i a demonym of a name the text writes: Marovian, Dalmarran? */
int
ent_doc_demonym_tok(struct ent_stage *st, size_t i)
{
	if (!(st->x->toks[i].flags & TOK_CAP) ||
	    (st->x->toks[i].flags & TOK_UPPER))
		return 0;
	return ent_doc_ask(st, i, 0);
}

/*
 * The name of the place whose demonym token i is, as the text writes
 * it ("Marovia" for "Marovian"), into out; 0 if the text has none.
 */
int
ent_doc_demonym_place(struct ent_stage *st, size_t i, struct buf *out)
{
	char		 buf[64];
	size_t		 n, bn;
	const char	*w = ent_tok(st->x, i, &n);

	if ((bn = ent_doc_demonym_base(st, w, n, buf)) == 0)
		return 0;
	buf_reset(out);
	buf_add(out, buf, bn);
	buf_addc(out, '\0');
	out->len--;
	return 1;
}

/* Is the word with hash h ever "the" word, a people: the Maya? */
static int
ent_doc_a_people(struct ent_stage *st, uint64_t h)
{
	struct extract	*x = st->x;
	size_t		 i;

	if (st->peoples.size == 0) {
		ent_map_put(&st->peoples, 1, 0);	/* indexed */
		for (i = 0; i < st->ncands; i++)
			if (st->cands[i].b - st->cands[i].a == 1 &&
			    st->cands[i].a > 0 && extract_tok_is(x,
			    st->cands[i].a - 1, "the"))
				ent_map_put(&st->peoples,
				    ent_hash(st, st->cands[i].a), 1);
	}
	return ent_map_get(&st->peoples, h) != NULL;
}

/*
 * The document's own demonyms: a one-word name whose people the text
 * names ("Valdoria" beside "Valdorian") is a place, whatever a verb or
 * a possessive suggested, unless it is "the Maya", a people; the
 * demonym itself names no one.
 */
void
ent_doc_demonyms(struct ent_stage *st)
{
	struct extract	*x = st->x;
	struct ent_cand	*c;
	size_t		 i;

	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->b - c->a != 1 || c->state == ENT_DROP ||
		    (c->canon != NULL && c->kind != EX_PLACE) ||
		    (x->toks[c->a].flags & TOK_UPPER))
			continue;
		if (ent_doc_ask(st, c->a, 0))
			c->state = ENT_DROP;
		else if (ent_doc_ask(st, c->a, 1) &&
		    !ent_doc_a_people(st, ent_hash(st, c->a))) {
			c->kind = EX_PLACE;
			c->state = ENT_SURE;
		}
	}
}

/* Is the entity e a person named in full whose surname is a spelling
   of [w, w + n) other than it? */
static int
ent_doc_respells(const struct extract *x, size_t e, const char *w,
    size_t n, int loose)
{
	const char	*name, *last;

	if (e >= x->nents || x->ents[e].kind != EX_PERSON ||
	    (last = strrchr(name = x->ents[e].name, ' ')) == NULL)
		return 0;
	last++;
	return ent_map_variant(w, n, last, strlen(last), loose);
}

/*
 * The person named in full whose surname is another spelling of the
 * word [w, w + n): "Zelensky" after "Volodymyr Zelenskyy", by the
 * surnames' stems. With a given name g, the one person of that given
 * name so far, whose surname may be any one letter apart. The entity,
 * or EX_NONE.
 */
size_t
ent_doc_spelling(struct ent_stage *st, const char *w, size_t n,
    const char *g, size_t gn)
{
	struct extract	*x = st->x;
	size_t		*v, sn = ent_map_stem(w, n);

	if (g != NULL && (v = ent_map_get(&st->firsts,
	    ent_map_hash(g, gn))) != NULL && *v != ENT_AMBIGUOUS &&
	    ent_doc_respells(x, *v, w, n, 1))
		return *v;
	if (sn < 5 || (v = ent_map_get(&st->stems, ent_map_hash(w, sn))) ==
	    NULL || *v == ENT_AMBIGUOUS || !ent_doc_respells(x, *v, w, n, 0))
		return EX_NONE;
	if (g != NULL && (strncmp(x->ents[*v].name, g, gn) != 0 ||
	    x->ents[*v].name[gn] != ' '))
		return EX_NONE;
	return *v;
}

/*
 * Does the place [a, b) act here, the subject of what states do:
 * "Valdoria denied", "Moscow has also said", "Velmark signed"? Then the
 * mention is the state, an organisation, and the entity stays the
 * place. "In Valdoria, officials said" and "Valdoria's army" do not,
 * nor "Velmark sanctions" or "attacks", which are nouns as often.
 */
int
ent_doc_acts(struct ent_stage *st, const struct ent_cand *c)
{
	static const char *const acts[] = {
		"sends", "sent", "signs", "signed", "imposes", "imposed",
		"launched", "invades", "invaded", "attacked", "recalled",
		"expels", "expelled", "vetoed", "ratifies", "ratified",
		"recognised", "recognized", "sanctioned", "seizes", "seized",
		"annexes", "annexed", "pledged", "approved", "refuses",
		"refused", "threatens", "threatened", "agrees", "agreed",
		"condemns", "condemned", "denies", "denied", "wants", "wanted"
	};
	struct extract	*x = st->x;
	const char	*v;
	size_t		 k = c->b, skip, j;

	if (c->a > 0 && (ent_is(st, c->a - 1, WORD_PLACE_CUE) ||
	    extract_tok_is(x, c->a - 1, "of") ||
	    (x->toks[c->a - 1].flags & TOK_POSS)))
		return 0;
	for (skip = 0; skip < 2 && k + 1 < x->ntoks && (ent_is(st, k,
	    WORD_AUX) || extract_tok_is(x, k, "will") ||
	    extract_tok_is(x, k, "would") || extract_tok_is(x, k, "has") ||
	    extract_tok_is(x, k, "have") || extract_tok_is(x, k, "had"));
	    skip++)
		k++;
	if (k >= x->ntoks || (x->toks[k].flags & (TOK_CAP | TOK_UPPER)))
		return 0;
	if (lex_match(x, LEX_SPEECH_VERBS, k, 1, &v) != 0)
		return 1;
	for (j = 0; j < sizeof acts / sizeof acts[0]; j++)
		if (extract_tok_is(x, k, acts[j]))
			return 1;
	return 0;
}

/* Index the sure names written in mixed case, for ent_doc_cased. */
void
ent_doc_cased_index(struct ent_stage *st)
{
	struct extract	*x = st->x;
	const struct ent_cand *o;
	size_t		 i;
	uint64_t	 h;

	for (i = 0; i < st->ncands; i++) {
		o = &st->cands[i];
		if (o->state != ENT_SURE || (x->toks[o->a].flags & TOK_UPPER))
			continue;
		h = ent_map_hash_span(st, o->a, o->b);
		if (ent_map_get(&st->cased, h) == NULL)
			ent_map_put(&st->cased, h, i);
	}
}

/*
 * A name in capitals, a dateline's "KORVALA", is the "Korvala" the
 * text writes in mixed case: that candidate, or EX_NONE.
 */
size_t
ent_doc_cased(struct ent_stage *st, const struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k, *v;

	for (k = c->a; k < c->b; k++)
		if (!(x->toks[k].flags & TOK_UPPER))
			return EX_NONE;
	v = ent_map_get(&st->cased, ent_map_hash_span(st, c->a, c->b));
	return v != NULL && st->cands[*v].b - st->cands[*v].a == c->b - c->a ?
	    *v : EX_NONE;
}

/*
 * Barb for Barbara Tenning: the short forms of a person's given name
 * (its first four letters or more, two or more letters short of it)
 * that the text writes alone, always with a capital, are that person
 * by the first word too.
 */
void
ent_doc_short_forms(struct ent_stage *st, const struct ent_cand *c)
{
	const char	*w;
	size_t		 n, k, *v;
	uint64_t	 h;

	if (!ent_given(st, c->a))
		return;
	w = ent_tok(st->x, c->a, &n);
	if (n < 6 || n > 24)
		return;
	for (k = 1; k < n; k++)
		if (!((w[k] >= 'a' && w[k] <= 'z')))
			return;
	for (k = 4; k + 2 <= n; k++) {
		h = ent_map_hash(w, k);
		v = ent_words_get(st, h);
		if (v == NULL || (*v & 1) || ent_word_find(h) != 0)
			continue;	/* not alone, or a common word */
		v = ent_map_get(&st->firsts, h);
		if (v == NULL)
			ent_map_put(&st->firsts, h, c->entity);
		else if (*v != c->entity)
			*v = ENT_AMBIGUOUS;
	}
}

/*
 * Is candidate c a two-word school or university named by its town,
 * "Harrow School", "Suffolk University"? The town's word, or EX_NONE.
 */
static size_t
ent_doc_school_town(struct ent_stage *st, const struct ent_cand *c)
{
	static const char *const kinds[] = {
		"school", "university", "college", "academy", "institute",
		"conservatory", "seminary", "polytechnic"
	};
	struct extract	*x = st->x;
	const char	*w;
	size_t		 n, k, t = c->a, kind = c->a + 1;

	if (c->state != ENT_SURE || c->kind != EX_ORG || st->shout[c->a])
		return EX_NONE;
	/* the University of Cambridge: the town after "of" */
	if (c->b - c->a == 3 && extract_tok_is(x, c->a + 1, "of")) {
		t = c->a + 2;
		kind = c->a;
	} else if (c->b - c->a != 2)
		return EX_NONE;
	if (!ent_capword(x, t) || ent_stop(st, t))
		return EX_NONE;
	w = ent_tok(x, t, &n);
	if (lex_find(LEX_COUNTRIES, w, n) != NULL)
		return EX_NONE;
	w = ent_tok(x, kind, &n);
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (strlen(kinds[k]) == n && strncasecmp(w, kinds[k], n) == 0)
			return t;
	return EX_NONE;
}

/*
 * Is the one-word place candidate c the university of its town by the
 * way the text writes it: after a college and a comma, "Trinity College,
 * Cambridge", or owning a faculty, "Berkeley's Department of
 * Linguistics"?
 */
static int
ent_doc_school_owner(struct ent_stage *st, const struct ent_cand *c)
{
	static const char *const units[] = {
		"Department", "Faculty", "School", "College", "Institute",
		"Library", "Laboratory", "Center", "Centre"
	};
	static const char *const colleges[] = { "college", "hall" };
	struct extract	*x = st->x;
	size_t		 k, end;

	if (c->a >= 2 && extract_tok_is(x, c->a - 1, ",") &&
	    ent_talk_tok_in(x, c->a - 2, colleges, 2) &&
	    ent_capword(x, c->a - 2))
		return 1;
	if (c->b + 1 >= x->ntoks || !(x->toks[c->b].flags & TOK_POSS))
		return 0;
	end = c->b + 5 < x->ntoks ? c->b + 5 : x->ntoks;
	for (k = c->b + 1; k < end && ent_capword(x, k); k++)
		if (ent_talk_tok_in(x, k, units, sizeof units /
		    sizeof units[0]))
			return 1;
	return 0;
}

/*
 * "sent to Harrow School", then "unhappy at Harrow": where the text
 * names a school by its town, the town's name alone is the school,
 * unless the text puts it "in" or "near" somewhere ("lived in Harrow");
 * a town the lexicon knows ("Boston University", "moved to Boston")
 * or one the text names the school after in other ways ("the University
 * of Leiden", "Trinity College, Cambridge", "Berkeley's Department of
 * Linguistics") is the school only where one studies, "at Leiden".
 */
void
ent_doc_schools(struct ent_stage *st)
{
	struct extract	*x = st->x;
	struct ent_map	 towns;
	struct ent_cand	*c;
	const char	*w;
	size_t		 i, t, n, *v;

	memset(&towns, 0, sizeof towns);
	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		/* "University of X" and its like: X is the school only at X */
		if ((t = ent_doc_school_town(st, c)) != EX_NONE)
			ent_map_put(&towns, ent_hash(st, t), t == c->a ? 1 : 2);
		if (c->b - c->a == 1 && c->state == ENT_SURE &&
		    c->kind == EX_PLACE && !st->shout[c->a] &&
		    ent_doc_school_owner(st, c)) {
			ent_map_put(&towns, ent_hash(st, c->a), 2);
			c->kind = EX_ORG;	/* Trinity College, Cambridge */
			c->canon = NULL;
		}
	}
	for (i = 0; towns.n > 0 && i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->b - c->a != 1 || c->state != ENT_SURE ||
		    c->kind != EX_PLACE || st->shout[c->a] ||
		    (v = ent_map_get(&towns, ent_hash(st, c->a))) == NULL ||
		    (c->a > 0 && (extract_tok_is(x, c->a - 1, "in") ||
		    extract_tok_is(x, c->a - 1, "near"))))
			continue;
		w = ent_tok(x, c->a, &n);
		if ((*v == 2 || lex_find(LEX_PLACES, w, n) != NULL) &&
		    (c->a == 0 || !extract_tok_is(x, c->a - 1, "at")))
			continue;
		c->kind = EX_ORG;
		c->canon = NULL;
	}
	ent_map_free(&towns);
}

/*
 * Is token k a noun for a kind of work, written before the work's
 * title: "the anime movie Ghost in the Shell", "his book Forces of
 * Production"? Nouns that are also verbs ("book", "show", "play") only
 * after a determiner; none after "to" ("to film Varga").
 */
static int
ent_doc_work_noun(struct ent_stage *st, size_t k)
{
	static const char *const verbs[] = { "book", "show", "play" };
	static const char *const dets[] = {
		"the", "a", "an", "his", "her", "their", "its", "my", "our",
		"your", "new", "latest", "first", "last"
	};
	const struct extract	*x = st->x;

	if (k == 0 || ent_capword(x, k) || !ent_is(st, k, WORD_WORK))
		return 0;
	if (ent_talk_tok_in(x, k, verbs, sizeof verbs / sizeof verbs[0]))
		return ent_talk_tok_in(x, k - 1, dets, sizeof dets /
		    sizeof dets[0]);
	return !extract_tok_is(x, k - 1, "to");
}

/*
 * The end of a work's title starting at token s: capitalised words and
 * the small words between them ("Ghost in the Shell", "Flight of the
 * Phoenix"), at most ENT_MAX_WORDS tokens; s if there is none.
 */
static size_t
ent_doc_title_end(const struct extract *x, size_t s)
{
	static const char *const small[] = {
		"of", "in", "the", "a", "an", "and", "on", "at", "to", "for"
	};
	size_t	k, e = s;

	for (k = s; k < x->ntoks && k < s + ENT_MAX_WORDS; k++) {
		if (ent_capword(x, k))
			e = k + 1;
		else if (k == s || !ent_talk_tok_in(x, k, small, sizeof small /
		    sizeof small[0]))
			break;
	}
	return e;
}

/* The titles of works a text names, to find again. */
struct ent_doc_titles {
	size_t		 n;
	size_t		 len[32];
	uint64_t	 h[32];		/* of the whole title */
	struct ent_map	 first;		/* first word's hash -> 1 */
};

/*
 * Mark with 1 the tokens of every title wherever the text writes it:
 * one pass, a title tried only where its first word stands.
 */
static void
ent_doc_mark_titles(struct ent_stage *st, struct ent_doc_titles *t,
    unsigned char *mark)
{
	struct extract	*x = st->x;
	size_t		 i, j, k;

	for (i = 0; i < x->ntoks; i++) {
		if (!ent_capword(x, i) || ent_map_get(&t->first,
		    ent_hash(st, i)) == NULL)
			continue;
		for (j = 0; j < t->n; j++) {
			if (i + t->len[j] > x->ntoks || ent_map_hash_span(st, i,
			    i + t->len[j]) != t->h[j])
				continue;
			for (k = i; k < i + t->len[j]; k++)
				mark[k] = 1;
		}
	}
}

/*
 * A work named after its kind, "the period drama Marlow Abbey", is no
 * person, body or place, and neither is its title where the text
 * writes it again ("Ghost in the Shell opens with"): the names its
 * words make by their shape are dropped. A title may still name a
 * person or a place the lexicon knows ("To Renew America", "Jules and
 * Jim"): those stay.
 */
void
ent_doc_works(struct ent_stage *st)
{
	struct extract		*x = st->x;
	unsigned char		*mark;
	struct ent_doc_titles	 t;
	struct ent_cand		*c;
	size_t			 k, e, i;

	t.n = 0;
	memset(&t.first, 0, sizeof t.first);
	/* titles start at a candidate, or at "The" before one */
	for (i = 0; i < st->ncands && t.n < 32; i++) {
		k = st->cands[i].a;
		if (k >= 2 && (extract_tok_is(x, k - 1, "The") ||
		    extract_tok_is(x, k - 1, "A")) && ent_capword(x, k - 1))
			k--;
		if (k == 0 || st->shout[k] || !ent_doc_work_noun(st, k - 1))
			continue;
		e = ent_doc_title_end(x, k);
		if (e == k)
			continue;
		t.len[t.n] = e - k;
		t.h[t.n++] = ent_map_hash_span(st, k, e);
		ent_map_put(&t.first, ent_hash(st, k), 1);
	}
	if (t.n == 0)
		return;
	mark = xcalloc(x->ntoks + 1, 1);
	ent_doc_mark_titles(st, &t, mark);
	ent_map_free(&t.first);
	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		for (k = c->a; k < c->b && mark[k]; k++)
			;
		if (k == c->b && c->kind != EX_PERSON &&
		    !(c->kind == EX_PLACE && c->canon != NULL))
			c->state = ENT_DROP;
	}
	free(mark);
}

/*
 * The name before an animal in apposition, "Sonia, our golden
 * retriever": token k is the animal; its name's token, or EX_NONE.
 */
static size_t
ent_doc_pet_before(const struct extract *x, size_t k)
{
	static const char *const dets[] = {
		"our", "my", "his", "her", "their", "your", "the", "a", "an"
	};
	size_t	d, j;

	for (d = k; d > 0 && k - d < 4; d--)
		if (ent_talk_tok_in(x, d - 1, dets, sizeof dets /
		    sizeof dets[0]))
			break;
	if (d < 3 || k - d >= 4 || !extract_tok_is(x, d - 2, ","))
		return EX_NONE;
	for (j = d - 1; j < k; j++)
		if (!(x->toks[j].flags & TOK_WORD))
			return EX_NONE;
	return ent_capword(x, d - 3) ? d - 3 : EX_NONE;
}

/*
 * Mark the names after an animal: "her dog Bella", and the list after
 * a plural, "three dogs, Bella, Daisy and Korr".
 */
static void
ent_doc_pets_after(const struct extract *x, size_t k, unsigned char *mark)
{
	size_t	j = k + 1, n = 0;

	if (j < x->ntoks && ent_capword(x, j) && !(x->toks[j].flags &
	    TOK_PARA)) {
		mark[j] = 1;
		return;
	}
	if (j + 3 >= x->ntoks || !extract_tok_is(x, j, ",") ||
	    !ent_capword(x, j + 1))
		return;
	/* a list only: a name, then ", Name" or "and Name" */
	if (!((extract_tok_is(x, j + 2, ",") || extract_tok_is(x, j + 2,
	    "and")) && ent_capword(x, j + 3)))
		return;
	for (j++; j < x->ntoks && n < 8; n++) {
		if (!ent_capword(x, j))
			break;
		mark[j] = 1;
		if (j + 2 < x->ntoks && (extract_tok_is(x, j + 1, ",") ||
		    extract_tok_is(x, j + 1, "and")))
			j += extract_tok_is(x, j + 2, "and") ? 3 : 2;
		else
			break;
	}
}

/*
 * Pets are no people: a name in apposition to an animal ("Sonia, our
 * golden retriever") or after one ("their three dogs, Bella, Daisy
 * and Korr") is dropped there, and everywhere else in the text unless
 * it is a person's name in full here too ("Lena Korr").
 */
void
ent_doc_pets(struct ent_stage *st)
{
	struct extract	*x = st->x;
	unsigned char	*mark = NULL;
	struct ent_map	 pets;
	struct ent_cand	*c;
	size_t		 k, i;
	uint64_t	 h;

	memset(&pets, 0, sizeof pets);
	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		/* "her dog Bella", "three dogs, Bella, Daisy and Korr" */
		k = c->a;
		if (k >= 2 && extract_tok_is(x, k - 1, ","))
			k--;
		if (k >= 1 && ent_is(st, k - 1, WORD_ANIMAL)) {
			if (mark == NULL)
				mark = xcalloc(x->ntoks + 1, 1);
			ent_doc_pets_after(x, k - 1, mark);
		}
		/* "Sonia, our golden retriever" */
		if (c->b + 2 >= x->ntoks || !extract_tok_is(x, c->b, ","))
			continue;
		for (k = c->b + 2; k < x->ntoks && k < c->b + 6; k++) {
			if (!(x->toks[k].flags & TOK_WORD) ||
			    !ent_is(st, k, WORD_ANIMAL) ||
			    ent_doc_pet_before(x, k) != c->b - 1)
				continue;
			if (mark == NULL)
				mark = xcalloc(x->ntoks + 1, 1);
			mark[c->b - 1] = 1;
			break;
		}
	}
	if (mark == NULL)
		return;
	for (k = 0; k < x->ntoks; k++) {
		if (!mark[k])
			continue;
		h = ent_hash(st, k);
		if (ent_map_get(&st->surnames, h) == NULL &&
		    ent_map_get(&st->firsts, h) == NULL)
			ent_map_put(&pets, h, 1);
	}
	for (i = 0; i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->b - c->a == 1 && (mark[c->a] || ent_map_get(&pets,
		    ent_hash(st, c->a)) != NULL))
			c->state = ENT_DROP;
	}
	ent_map_free(&pets);
	free(mark);
}
