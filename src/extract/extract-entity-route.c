/*
 * Places by the way a text travels and defines them, as travel guides,
 * news and biographies write: "from Drumshanbo to Collooney" (the end
 * of a route whose start is a name), "head north to Bundoran" (a
 * compass point and "to"), "Dromahair is a village on the Bonet",
 * "Kinlough lies on the shore" (a name defined as a kind of place, or
 * placed, even where it opens a sentence and its capital proves
 * nothing), "Café Central, Herrengasse 14." (a guide's listing, or a
 * letter's address: a name, a comma and a house number); and the name
 * of a place named with its kind of land ("Kelvara Island") alone. The entity stage asks these of names no word list knows.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "extract.h"
#include "extract-entity-int.h"
#include "banned.h"

#define ROUTE_BACK	8	/* tokens from "to" back to its "from" */

/* Is token k one of the n words? */
static int
ent_route_in(const struct extract *x, size_t k, const char *const *w,
    size_t n)
{
	return k < x->ntoks && ent_talk_tok_in(x, k, w, n);
}

/*
 * Is the name after "to" at token t the end of a route: "from" and a
 * capitalised name before it in the same sentence ("from Drumshanbo to
 * Collooney"), or a compass point ("north to Bundoran")?
 */
static int
ent_route_end(struct ent_stage *st, size_t t)
{
	static const char *const compass[] = {
		"north", "south", "east", "west", "northeast", "northwest",
		"southeast", "southwest", "northward", "southward",
		"eastward", "westward", "inland", "upstream", "downstream",
		"onward", "onwards"
	};
	struct extract	*x = st->x;
	size_t		 k, lo = t > ROUTE_BACK ? t - ROUTE_BACK : 0;

	if (t == 0)
		return 0;
	if (ent_route_in(x, t - 1, compass, sizeof compass /
	    sizeof compass[0]) && !ent_capword(x, t - 1))
		return 1;
	for (k = t; k-- > lo;) {
		if (x->toks[k + 1].flags & (TOK_SENT | TOK_PARA))
			return 0;
		if (extract_tok_is(x, k, "from") && k + 1 < t &&
		    ent_capword(x, k + 1) && !ent_stop(st, k + 1))
			return 1;
	}
	return 0;
}

/*
 * Does what follows the name at token k define or place it: "is a
 * (small market) town", "lies on", "is located in", "is situated"?
 */
static int
ent_route_defined(struct ent_stage *st, size_t k)
{
	static const char *const lie[] = {
		"lies", "lay", "sits", "nestles", "straddles", "overlooks"
	};
	static const char *const where[] = {
		"on", "in", "at", "near", "between", "along", "beside",
		"within", "off", "about", "some", "just", "north", "south",
		"east", "west", "across", "beneath", "below", "above", "among",
		"astride", "halfway", "midway"
	};
	static const char *const sited[] = {
		"located", "situated", "set", "perched", "nestled"
	};
	static const char *const kinds[] = {
		"town", "village", "city", "hamlet", "suburb", "district",
		"region", "province", "county", "island", "peninsula", "port",
		"harbour", "harbor", "resort", "valley", "river", "lake",
		"mountain", "municipality", "commune", "parish", "borough",
		"state", "country", "nation", "capital", "settlement",
		"neighbourhood", "neighborhood", "oasis", "archipelago",
		"atoll", "bay", "beach", "cape", "coast", "seaport", "metropolis"
	};
	struct extract	*x = st->x;
	size_t		 end;

	if (k + 1 >= x->ntoks)
		return 0;
	/* where it lies, not that someone lies: "Kinlough lies on" */
	if (ent_route_in(x, k, lie, sizeof lie / sizeof lie[0]))
		return ent_route_in(x, k + 1, where, sizeof where /
		    sizeof where[0]) || (x->toks[k + 1].flags & TOK_DIGIT);
	if (!extract_tok_is(x, k, "is") && !extract_tok_is(x, k, "was"))
		return 0;
	if (ent_route_in(x, k + 1, sited, sizeof sited / sizeof sited[0]))
		return 1;
	if (!extract_tok_is(x, k + 1, "a") && !extract_tok_is(x, k + 1, "an"))
		return 0;
	/* a kind of place within four words: "a small market town" */
	end = k + 6 < x->ntoks ? k + 6 : x->ntoks;
	for (k += 2; k < end && (x->toks[k].flags & TOK_WORD) &&
	    !ent_capword(x, k); k++)
		if (ent_route_in(x, k, kinds, sizeof kinds / sizeof kinds[0]))
			return 1;
	return 0;
}

/* Is token k a house number: digits, perhaps a letter (14, 12a)? */
static int
ent_route_number(const struct extract *x, size_t k)
{
	size_t		 n, i;
	const char	*w = ent_tok(x, k, &n);

	for (i = 0; i < n && w[i] >= '0' && w[i] <= '9'; i++)
		;
	return i > 0 && i <= 5 && (i == n || (i + 1 == n && w[i] >= 'a' &&
	    w[i] <= 'z'));
}

/*
 * Does an address follow the name at token k: a comma, then within four
 * tokens a house number among capitalised words ("Café Central,
 * Herrengasse 14.", "Riverside Lodge, 12 Bridge Street")? A guide's
 * listing names the place so.
 */
static int
ent_route_address(struct ent_stage *st, size_t k)
{
	struct extract	*x = st->x;
	size_t		 end;
	int		 words = 0;

	if (k + 2 >= x->ntoks || !extract_tok_is(x, k, ","))
		return 0;
	end = k + 5 < x->ntoks ? k + 5 : x->ntoks;
	for (k++; k < end; k++) {
		if (x->toks[k].flags & (TOK_SENT | TOK_PARA))
			return 0;
		if (x->toks[k].flags & TOK_DIGIT)
			return ent_route_number(x, k) && (words > 0 ||
			    (k + 1 < x->ntoks && ent_capword(x, k + 1) &&
			    !ent_stop(st, k + 1)));
		/* not a date ("May 2, 1872") nor a title ("1st Earl") */
		if (!ent_capword(x, k) || ent_stop(st, k))
			return 0;
		words++;
	}
	return 0;
}

/* Is the candidate a place by the route or the definition around it? */
int
ent_route_place(struct ent_stage *st, struct ent_cand *c)
{
	struct extract	*x = st->x;
	size_t		 k;

	if (c->b - c->a > 3 || st->shout[c->a] || !ent_context_plain(st, c) ||
	    !ent_context_no_lower(st, c) || ent_context_abstract(st, c, 1))
		return 0;
	for (k = c->a; k < c->b; k++)
		if (ent_stop(st, k))
			return 0;
	if (c->a > 0 && extract_tok_is(x, c->a - 1, "to") &&
	    ent_route_end(st, c->a - 1))
		return 1;
	/* also where it opens a sentence: "Dromahair is a village" */
	return ent_route_defined(st, c->b) || (!ent_given(st, c->a) &&
	    ent_route_address(st, c->b));
}

/*
 * A place named with the kind of land it is, "Kelvara Island" or "the
 * Ostra Valley", is also named without it: remember "Kelvara" as the
 * place. Buildings and streets ("Lincoln Street") are named after
 * other things and are left out.
 */
void
ent_route_place_base(struct ent_stage *st, struct ent_cand *c)
{
	static const char *const lands[] = {
		"island", "islands", "isle", "peninsula", "archipelago",
		"province", "region", "oblast", "prefecture", "governorate",
		"district", "valley", "river", "desert", "atoll"
	};
	struct extract	*x = st->x;
	size_t		 k, n;
	const char	*w;
	uint64_t	 h;

	if (c->b - c->a < 2 || c->b - c->a > 3)
		return;
	w = ent_tok(x, c->b - 1, &n);
	for (k = 0; k < sizeof lands / sizeof lands[0]; k++)
		if (strlen(lands[k]) == n && strncasecmp(w, lands[k], n) == 0)
			break;
	if (k == sizeof lands / sizeof lands[0])
		return;
	for (k = c->a; k + 1 < c->b; k++)
		if (!ent_capword(x, k) || ent_stop(st, k) ||
		    ent_seen_lower(st, k))
			return;
	h = ent_map_hash_span(st, c->a, c->b - 1);
	if (ent_map_get(&st->kinds, h) == NULL)
		ent_map_put(&st->kinds, h, EX_PLACE + 1);
}
