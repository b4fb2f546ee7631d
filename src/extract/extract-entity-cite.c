/*
 * Authors cited by name and year. A text that cites in the author-year
 * style shows it by its shapes, "(Okafor et al., 2005)" or "(Harlow,
 * 1998; Mendez, 2014)"; in such a text a name and a year after it,
 * "Harlow (1998) showed", "Quenby (1964), Drasko, (2000)", "see Mendez
 * 2014;", "Tiller and Gaskin (1995)", is an author, even where a place
 * cue stands before it ("from Ortega (1989) through ...") or a sentence
 * starts with it. A text that does not cite so keeps its own reading of
 * "Name (2013)", which in a biography is as often a film.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "extract.h"
#include "extract-entity-int.h"
#include "banned.h"

#define CITE_MAX_NAMES	2	/* words of one author's name */

/* Is token i a year: four digits, perhaps a letter (2014a)? */
static int
ent_cite_year(const struct extract *x, size_t i)
{
	size_t		 n, k;
	const char	*w;

	if (i >= x->ntoks)
		return 0;
	w = ent_tok(x, i, &n);
	if (n != 4 && !(n == 5 && w[4] >= 'a' && w[4] <= 'z'))
		return 0;
	for (k = 0; k < 4; k++)
		if (!isdigit((unsigned char)w[k]))
			return 0;
	return w[0] == '1' || w[0] == '2';
}

/* Is token i a word of an author's name: capitalised, no stop word? */
static int
ent_cite_name(struct ent_stage *st, size_t i)
{
	return i < st->x->ntoks && ent_capword(st->x, i) &&
	    !ent_stop(st, i) && !(st->x->toks[i].flags & TOK_DIGIT);
}

/*
 * The token after a run of one or two name words at i (or i itself if
 * there is none).
 */
static size_t
ent_cite_skip_name(struct ent_stage *st, size_t i)
{
	size_t	k;

	for (k = i; k < i + CITE_MAX_NAMES && ent_cite_name(st, k); k++)
		;
	return k;
}

/*
 * Does the year of a citation follow at token k: "(1998", ", (2000",
 * or a bare year that ends a reference, "2014;", "2017)", "1997 to"?
 */
static int
ent_cite_year_at(struct ent_stage *st, size_t k)
{
	const struct extract	*x = st->x;

	if (k < x->ntoks && extract_tok_is(x, k, ","))
		k++;
	if (k < x->ntoks && extract_tok_is(x, k, "("))
		return ent_cite_year(x, k + 1);
	return ent_cite_year(x, k) && k + 1 < x->ntoks &&
	    !(x->toks[k + 1].flags & TOK_WORD &&
	    (x->toks[k + 1].flags & TOK_CAP));
}

/* Note whether the text cites in the author-year style. */
void
ent_cite_scan(struct ent_stage *st)
{
	const struct extract	*x = st->x;
	size_t			 i, k, shapes = 0;

	for (i = 0; i + 2 < x->ntoks && shapes < 2; i++) {
		if (extract_tok_is(x, i, "et") &&
		    extract_tok_is(x, i + 1, "al.")) {
			shapes = 2;
			break;
		}
		/* "(Harlow, 1998" or "; Mendez, 2014" */
		if (!extract_tok_is(x, i, "(") && !extract_tok_is(x, i, ";"))
			continue;
		k = ent_cite_skip_name(st, i + 1);
		if (k > i + 1 && k + 1 < x->ntoks &&
		    extract_tok_is(x, k, ",") && ent_cite_year(x, k + 1))
			shapes++;
	}
	st->cites = shapes >= 2;
}

/*
 * Is candidate c an author cited by year in a text that cites so: its
 * year after it, or after "and" and the other author's name?
 */
int
ent_cite_author(struct ent_stage *st, const struct ent_cand *c)
{
	const struct extract	*x = st->x;
	size_t			 k = c->b, j;

	if (!st->cites || c->b - c->a > CITE_MAX_NAMES)
		return 0;
	for (j = c->a; j < c->b; j++)
		if (!ent_cite_name(st, j))
			return 0;
	if (ent_cite_year_at(st, k))
		return 1;
	if (k < x->ntoks && (extract_tok_is(x, k, "and") ||
	    extract_tok_is(x, k, "&"))) {
		j = ent_cite_skip_name(st, k + 1);
		return j > k + 1 && ent_cite_year_at(st, j);
	}
	return 0;
}
