/*
 * Titles and roles in the entity stage: the title written before a name
 * ("Russian Deputy Foreign Minister Sergei Ryabkov", "defense ministry
 * spokesperson Reza Talaei-Nik", "Mr."), or after it in apposition
 * ("Sergei Ryabkov, Russia's deputy foreign minister, said"), with its
 * head and the affiliation it starts with (a demonym, a country, a body).
 */
#include "config.h"

#include <string.h>

#include "extract.h"
#include "extract-entity.h"
#include "extract-lexicon.h"
#include "banned.h"

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
 * The title written before token a (lower case or not): returns its first
 * token, or EX_NONE, and sets the affiliation it starts with.
 */
size_t
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

/*
 * A run with a title in it: "Russian Deputy Foreign Minister Sergei
 * Ryabkov", "US Secretary of State Antony Blinken". Returns 1 if found.
 */
int
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
void
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
