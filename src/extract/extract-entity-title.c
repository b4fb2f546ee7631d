/*
 * Titles and roles in the entity stage: the title written before a name
 * ("Russian Deputy Foreign Minister Sergei Ryabkov", "defense ministry
 * spokesperson Reza Talaei-Nik", "Mr."), or after it in apposition
 * ("Sergei Ryabkov, Russia's deputy foreign minister, said"), with its
 * head and the affiliation it starts with (a demonym, a country, a body).
 * A title is read whole: ministries joined by "and" ("Economy and Energy
 * Minister"), a rank written after the role kept apart to go first
 * ("spokesperson Col." is "Col., spokesperson"), a body's role in lower
 * case with its body ("Civic Dawn leader").
 */
#include "config.h"

#include <string.h>

#include "extract.h"
#include "extract-entity-int.h"
#include "extract-lexicon-int.h"
#include "banned.h"

static void	ent_title_complement_affil(struct ent_stage *,
		    struct ent_cand *, size_t, size_t);

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

/* Give candidate c the title t. */
void
ent_title_set(struct ent_cand *c, const struct ent_title *t)
{
	c->ta = t->ta;
	c->ha = t->ha;
	c->tb = t->tb;
	c->affil = t->affil;
	c->affil_cand = t->affil_cand;
	c->affil_tok = t->affil_tok;
	c->ra = t->ra;
	c->rb = t->rb;
}

/* Is token i a people's adjective: Iranian, or Marovian beside Marovia? */
static int
ent_title_demonym(struct ent_stage *st, size_t i)
{
	return !ent_stop(st, i) && (ent_word_demonym_shape(st->x, i) ||
	    ent_doc_demonym_tok(st, i));
}

/*
 * Where a title ending before token a starts once its ministries joined
 * by "and" are read: "Economy and Energy Minister", "justice and home
 * affairs minister". a if there is none.
 */
static size_t
ent_title_join(struct ent_stage *st, size_t a)
{
	struct extract	*x = st->x;
	size_t		 k = a;

	while (k >= 2 && a - k < ENT_MAX_TITLE &&
	    !(x->toks[k].flags & (TOK_SENT | TOK_PARA)) &&
	    !(x->toks[k - 1].flags & (TOK_SENT | TOK_PARA)) &&
	    (extract_tok_is(x, k - 1, "and") || extract_tok_is(x, k - 1,
	    "&")) && ent_title_class(st, k - 2) != NULL) {
		k -= 2;
		while (k > 0 && a - k < ENT_MAX_TITLE &&
		    !(x->toks[k].flags & (TOK_SENT | TOK_PARA)) &&
		    ent_title_class(st, k - 1) != NULL)
			k--;
	}
	return k;
}

/* The last candidate before token a (not the name a starts), or EX_NONE. */
static size_t
ent_title_prev(struct ent_stage *st, size_t a)
{
	size_t	i = st->ncands;

	while (i > 0 && st->cands[i - 1].a >= a)
		i--;
	return i > 0 ? i - 1 : EX_NONE;
}

/*
 * The body a lower-case role belongs to, written before it: "Civic Dawn
 * leader", "Central Election Commission chairman" (a candidate that is
 * no sure place, ending where the title starts or inside its first
 * words). Returns where the title as written then starts, with the
 * capitalised words the candidate left out before it, and sets t's
 * affiliation; EX_NONE if there is none. Whether the body is part of
 * the title (a party, not a state) is known once it is resolved.
 */
static size_t
ent_title_body(struct ent_stage *st, size_t first, size_t a,
    struct ent_title *t)
{
	struct extract	*x = st->x;
	struct ent_cand	*p;
	size_t		 k, i;

	if ((i = ent_title_prev(st, a)) == EX_NONE)
		return EX_NONE;
	p = &st->cands[i];
	if (p->state == ENT_DROP || (p->state == ENT_SURE &&
	    p->kind == EX_PLACE) || p->a >= first || p->b < first ||
	    p->b >= a)
		return EX_NONE;
	for (k = first; k < p->b; k++)
		if (ent_title_class(st, k) == NULL)
			return EX_NONE;
	t->affil_cand = i;
	for (k = p->a; k > 0 && p->a - k < 3; k--)
		if ((x->toks[k].flags & (TOK_SENT | TOK_PARA)) ||
		    !ent_capword(x, k - 1) || (ent_stop(st, k - 1) &&
		    ent_title_class(st, k - 1) == NULL) ||
		    ent_title_demonym(st, k - 1) ||
		    x->toks[k].start > x->toks[k - 1].end + 1)
			break;
	return k;
}

/*
 * The title written before token a (lower case or not): returns its first
 * token, or EX_NONE, and sets *t: the title [ta, a), its head from ha on,
 * the affiliation it starts with.
 */
size_t
ent_title_before(struct ent_stage *st, size_t a, struct ent_title *t)
{
	struct extract	*x = st->x;
	size_t		 k = a, first = EX_NONE, n, len, j;
	const char	*cls, *v;
	int		 head = 0;

	t->ta = t->ha = EX_NONE;
	t->tb = a;
	t->affil = NULL;
	t->affil_cand = t->affil_tok = EX_NONE;
	t->ra = t->rb = EX_NONE;
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
	first = ent_title_join(st, first);
	t->ta = t->ha = first;
	if (first > 0 && !(x->toks[first].flags & (TOK_SENT | TOK_PARA))) {
		/* Iranian defense ministry spokesperson */
		for (n = 1; n <= 2 && n <= first; n++) {
			len = ent_lex(st, LEX_DEMONYMS, first - n, n, &v);
			if (len == n) {
				t->affil = v;
				return t->ta = first - n;
			}
		}
		if (ent_title_demonym(st, first - 1)) {
			t->affil_tok = first - 1;
			return t->ta = first - 1;
		}
		/* Civic Dawn leader: the party's role (ent_resolve decides) */
		if ((j = ent_title_body(st, first, a, t)) != EX_NONE)
			return t->ta = j;
		/* Russia's deputy foreign minister; Kremlin spokesman */
		k = first;
		if (k > 0 && (x->toks[k - 1].flags & TOK_POSS))
			k--;
		j = ent_title_prev(st, a);
		if (j != EX_NONE && st->cands[j].b == k &&
		    st->cands[j].state == ENT_SURE &&
		    st->cands[j].kind != EX_PERSON)
			t->affil_cand = j;
	}
	return first;
}

/*
 * Where the name of a titled run [a, b) starts: its capitalised words at
 * the end that are not titles and no common words ("Pilot Training", a
 * headline's "Retired General Reveals"). EX_NONE if there is none.
 */
static size_t
ent_title_name(struct ent_stage *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	size_t		 s0, k;

	for (s0 = b; s0 > a; s0--)
		if (!ent_capword(x, s0 - 1) || ent_title_class(st, s0 - 1) !=
		    NULL)
			break;
	if (s0 == a || s0 == b || ent_is(st, b - 1, WORD_ORG_END) ||
	    ent_is(st, b - 1, WORD_PLACE_END) || (ent_is(st, b - 1,
	    WORD_MISC_END) && !(ent_roman(x, b - 1) && ent_given(st, s0))))
		return EX_NONE;
	if (ent_given(st, s0) || ent_word_initial(x, s0))
		return s0;
	for (k = s0; k < b; k++)
		if (ent_seen_lower(st, k) || ent_stop(st, k))
			return EX_NONE;
	/*
	 * in a headline, "Retired General Reveals"; but a list of people
	 * greeted, "Senator Hatfield, Mr. President," is no headline
	 */
	if (st->weak[s0] && ent_cap_count(st, b - 1) < 2 &&
	    !(b < x->ntoks && extract_tok_is(x, b, ",") && b - s0 <= 2))
		return EX_NONE;
	return s0;
}

/*
 * The title of a titled run [a, s0): where it starts (*t0) and its head
 * or honorific, or EX_NONE if it has none.
 */
static size_t
ent_title_head(struct ent_stage *st, size_t a, size_t s0, size_t *t0)
{
	struct extract	*x = st->x;
	size_t		 h = EX_NONE, k;
	const char	*cls;

	for (k = s0; k > a; k--) {
		cls = ent_title_class(st, k - 1);
		if (cls != NULL) {
			if (strcmp(cls, "head") == 0 ||
			    strcmp(cls, "honorific") == 0)
				h = k - 1;
			continue;
		}
		if ((extract_tok_is(x, k - 1, "of") || extract_tok_is(x,
		    k - 1, "for") || extract_tok_is(x, k - 1, "the")) &&
		    k - 1 > a)
			continue;
		break;
	}
	*t0 = k;
	return h;
}

/*
 * What comes before the title [t0, ...) of a titled run starting at a: a
 * demonym, a country, a body (added as a candidate). Sets t's affiliation.
 */
static void
ent_title_affil(struct ent_stage *st, size_t a, size_t t0,
    struct ent_title *t)
{
	struct ent_cand	*pc;
	const char	*v;
	size_t		 n = t0 - a;
	int		 kind, media;

	if (ent_lex(st, LEX_DEMONYMS, a, n, &v) == n)
		t->affil = v;
	else if (n == 1 && ((ent_word_demonym_shape(st->x, a) &&
	    ent_lex_whole(st, a, t0, &v, &media) == -1) ||
	    ent_doc_demonym_tok(st, a)))
		t->affil_tok = a;
	else if ((kind = ent_lex_whole(st, a, t0, &v, &media)) != -1) {
		pc = ent_cand_add(st, a, t0);
		pc->kind = kind;
		pc->canon = v;
		pc->media = media;
		pc->state = ENT_SURE;
		t->affil_cand = st->ncands - 1;
	} else if (!st->weak[a] && ent_chunk_no_lower(st, a, t0)) {
		/* a body of its own: Federal Reserve Chairman */
		pc = ent_cand_add(st, a, t0);
		ent_chunk_classify(st, pc);
		if (pc->state != ENT_SURE || pc->kind == EX_PERSON) {
			pc->kind = EX_ORG;
			pc->state = ENT_SURE;
		}
		t->affil_cand = st->ncands - 1;
	} else {
		ent_chunk_split(st, a, t0);	/* Retired U.S. Air Force */
		/*
		 * a sentence's first words, the affiliation of the office
		 * after them once resolved: Velmark Foreign Minister
		 */
		pc = st->ncands > 0 ? &st->cands[st->ncands - 1] : NULL;
		if (pc != NULL && pc->b == t0 && pc->state != ENT_DROP)
			t->affil_cand = st->ncands - 1;
	}
}

/* Is [a, b) a rank: "Col.", "Lt. Gen.", "Rear Adm."? */
static int
ent_title_rank(struct ent_stage *st, size_t a, size_t b)
{
	const char	*cls;
	size_t		 k;

	for (k = a; k < b; k++)
		if ((cls = ent_title_class(st, k)) == NULL)
			return 0;
	return b > a && strcmp(ent_title_class(st, b - 1), "honorific") == 0;
}

/*
 * A capitalised title whose ministries "and" joins ("Velmark Economy and
 * Energy Minister"): the words before the run a are the title's, and a
 * run that took them with its affiliation ("Velmark Economy") is read
 * again as the affiliation alone. Sets t.
 */
static void
ent_title_joined(struct ent_stage *st, size_t a, struct ent_title *t)
{
	struct ent_cand	*p;
	size_t		 j = ent_title_join(st, a), pa;
	const char	*v;

	if (j == a)
		return;
	t->ta = t->ha = j;
	p = st->ncands > 0 ? &st->cands[st->ncands - 1] : NULL;
	if (p != NULL && p->b > j && p->b < a && p->a <= j) {
		pa = p->a;
		st->ncands--;		/* Velmark Economy, Justice */
		if (pa < j) {
			t->ta = pa;
			ent_title_affil(st, pa, j, t);
		}
		return;
	}
	if (j == 0 || (st->x->toks[j].flags & (TOK_SENT | TOK_PARA)))
		return;
	if (ent_lex(st, LEX_DEMONYMS, j - 1, 1, &v) == 1) {
		t->affil = v;
		t->ta = j - 1;
	} else if (ent_title_demonym(st, j - 1)) {
		t->affil_tok = j - 1;
		t->ta = j - 1;
	}
}

/*
 * A run with a title in it: "Russian Deputy Foreign Minister Sergei
 * Ryabkov", "US Secretary of State Antony Blinken". Returns 1 if found.
 */
int
ent_title_run(struct ent_stage *st, size_t a, size_t b)
{
	struct ent_cand		*c;
	struct ent_title	 t, before;
	size_t			 s0, t0;

	if ((s0 = ent_title_name(st, a, b)) == EX_NONE ||
	    ent_title_head(st, a, s0, &t0) == EX_NONE)
		return 0;
	t.ta = a;
	t.ha = t0;
	t.tb = s0;
	t.affil = NULL;
	t.affil_cand = t.affil_tok = EX_NONE;
	t.ra = t.rb = EX_NONE;
	if (t0 > a)
		ent_title_affil(st, a, t0, &t);
	else
		ent_title_joined(st, a, &t);
	c = ent_cand_add(st, s0, b);
	c->kind = EX_PERSON;
	c->state = ENT_SURE;
	ent_title_set(c, &t);
	/* spokesperson Col. Mirela Dusan: the title goes on, the rank first */
	if (t.ta == a && ent_title_before(st, a, &before) != EX_NONE) {
		before.tb = s0;
		if (ent_title_rank(st, a, s0)) {
			before.tb = before.ra = a;
			before.rb = s0;
		}
		ent_title_set(c, &before);
	}
	ent_title_apposition(st, c);	/* Gen. Nadir Sahl, the head of */
	c->weak = 0;
	return 1;
}

/*
 * A title in apposition after the name: "Sergei Ryabkov, Russia's deputy
 * foreign minister, said" or "Reza Talaei-Nik, an Iranian defense
 * ministry spokesperson." Sets the candidate's title and affiliation.
 */
static void
ent_title_after(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k = c->b, t0, ha, end, n, atok = EX_NONE;
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
	} else if (k + 1 < x->ntoks && ent_capword(x, k) &&
	    !ent_stop(st, k) && ent_title_class(st, k) == NULL &&
	    ((x->toks[k + 1].flags & TOK_POSS) || ent_title_demonym(st, k))) {
		/* Valdoria's foreign minister, the Marovian envoy */
		atok = k;
		k += (x->toks[k + 1].flags & TOK_POSS) ? 2 : 1;
	}
	ha = k;
	/* the Civic Dawn leader: a body's role, the body in the title */
	while (affil == NULL && atok == EX_NONE && ha < x->ntoks &&
	    ha - k < 4 && ent_capword(x, ha) && !ent_stop(st, ha) &&
	    ent_title_class(st, ha) == NULL)
		ha++;
	if (ha > k && (ha >= x->ntoks || ent_title_class(st, ha) == NULL))
		return;
	k = ha;
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
	/* the head of Dalmarra's national guard, */
	if (affil == NULL && atok == EX_NONE && (extract_tok_is(x, end,
	    "of") || extract_tok_is(x, end, "for"))) {
		for (n = end + 1; n < x->ntoks && n - end < ENT_MAX_TITLE &&
		    !(x->toks[n].flags & (TOK_SENT | TOK_PARA)) &&
		    (x->toks[n].flags & (TOK_WORD | TOK_POSS)); n++)
			;
		if (n < x->ntoks && n > end + 1 && extract_tok_is(x, n, ",")) {
			ent_title_complement_affil(st, c, end + 1, n);
			affil = c->affil;
			atok = c->affil_tok;
			end = n;
		}
	}
	/* the title ends the apposition: a comma, a stop, "said" */
	if (!extract_tok_is(x, end, ",") && !extract_tok_is(x, end, ".") &&
	    !extract_tok_is(x, end, "said") && !extract_tok_is(x, end, "says"))
		return;
	c->ta = t0;
	c->ha = atok == EX_NONE && affil == NULL ? t0 : ha;
	c->tb = end;
	c->affil = affil;
	c->affil_tok = atok;
}

/*
 * The affiliation in the words [a, b) of a role's complement: a
 * demonym or a country ("for the Valdorian foreign ministry"). Sets c.
 */
static void
ent_title_complement_affil(struct ent_stage *st, struct ent_cand *c,
    size_t a, size_t b)
{
	const char	*v;
	size_t		 k;

	for (k = a; k < b; k++) {
		if (ent_lex(st, LEX_DEMONYMS, k, 1, &v) == 1 ||
		    ent_lex(st, LEX_COUNTRIES, k, 1, &v) == 1) {
			c->affil = v;
			return;
		}
		if (ent_capword(st->x, k) && (ent_title_demonym(st, k) ||
		    (k + 1 < b && (st->x->toks[k + 1].flags & TOK_POSS)))) {
			c->affil_tok = k;	/* Valdorian, Dalmarra's */
			return;
		}
	}
}

/*
 * A title in apposition before the name, a sentence's subject: "The
 * spokesperson for the Valdorian foreign ministry, Kasimir Oll, said".
 * The role's head comes first, then at most a complement of words
 * ("for", "of" and a noun phrase) up to the comma. 1 if found.
 */
static int
ent_title_fronted(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k, s, t0, end;
	const char	*cls;
	int		 head = 0;

	if (c->a < 3 || !extract_tok_is(x, c->a - 1, ",") ||
	    c->b >= x->ntoks || !extract_tok_is(x, c->b, ","))
		return 0;
	/* the sentence's start, within a title's reach */
	for (s = c->a - 1; s > 0 && c->a - s < 2 * ENT_MAX_TITLE; s--)
		if (x->toks[s].flags & (TOK_SENT | TOK_PARA))
			break;
	if (!(x->toks[s].flags & (TOK_SENT | TOK_PARA)) && s > 0)
		return 0;
	if (!extract_tok_is(x, s, "the") && !extract_tok_is(x, s, "a"))
		return 0;
	t0 = s + 1;
	for (k = t0; k < c->a - 1; k++) {
		if ((cls = ent_title_class(st, k)) == NULL)
			break;
		if (strcmp(cls, "head") == 0)
			head = 1;
	}
	if (!head || k == t0)
		return 0;
	end = k;
	if (k < c->a - 1) {
		/* of the opposition, for the Valdorian foreign ministry */
		if (!extract_tok_is(x, k, "for") && !extract_tok_is(x, k, "of"))
			return 0;
		for (end = k + 1; end < c->a - 1; end++)
			if (!(x->toks[end].flags & TOK_WORD))
				return 0;
		ent_title_complement_affil(st, c, k + 1, end);
	}
	c->ta = c->ha = t0;
	c->tb = end;
	return 1;
}

/*
 * The body a titled name is "of", after it: "Opposition lawmaker Kai
 * Lemmer, of the Federal Left party, said". Its first word is the
 * affiliation's token, the candidate it starts once resolved.
 */
static void
ent_title_of(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k = c->b, a;

	if (c->tb != c->a || c->affil != NULL || c->affil_tok != EX_NONE ||
	    c->affil_cand != EX_NONE || k + 3 >= x->ntoks ||
	    !extract_tok_is(x, k, ",") || !extract_tok_is(x, k + 1, "of"))
		return;
	k += 2;
	if (extract_tok_is(x, k, "the"))
		k++;
	for (a = k; k < x->ntoks && k - a < 4 && ent_capword(x, k) &&
	    !(x->toks[k].flags & (TOK_SENT | TOK_PARA)); k++)
		;
	if (k == a || k >= x->ntoks)
		return;
	/* the Federal Left party, */
	if ((x->toks[k].flags & TOK_WORD) && !(x->toks[k].flags & TOK_CAP) &&
	    k + 1 < x->ntoks)
		k++;
	if (extract_tok_is(x, k, ",") || extract_tok_is(x, k, "."))
		c->affil_tok = a;
}

/*
 * A title in apposition, after the name or before it; with a rank
 * before the name, the rank goes first: "Gen. Nadir Sahl, the head of
 * Dalmarra's national guard" is "Gen., head of Dalmarra's national
 * guard". Any other title before the name is left as it is.
 */
void
ent_title_apposition(struct ent_stage *st, struct ent_cand *c)
{
	size_t	ra = EX_NONE, rb = EX_NONE;

	if (c->ta != EX_NONE) {
		ent_title_of(st, c);
		if (c->ra != EX_NONE || c->affil != NULL ||
		    c->affil_tok != EX_NONE || c->affil_cand != EX_NONE ||
		    c->tb != c->a || !ent_title_rank(st, c->ta, c->tb))
			return;
		ra = c->ta;
		rb = c->tb;
		c->ta = c->ha = c->tb = EX_NONE;
	}
	ent_title_after(st, c);
	if (c->ta == EX_NONE && ra == EX_NONE)
		ent_title_fronted(st, c);
	if (ra == EX_NONE)
		return;
	if (c->ta == EX_NONE) {
		c->ta = c->ha = ra;
		c->tb = rb;
	} else {
		c->ra = ra;
		c->rb = rb;
	}
}
