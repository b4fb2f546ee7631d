/*
 * Names the entity stage knows by their shape and place before its
 * general rules: a role that names its holder ("I thank the Secretary"),
 * the speaker's country ("the Nation"), a region by the compass ("the
 * West"), a US state by its postal code after a town ("Paramus, NJ"),
 * a storm by its name ("Hurricane Katrina"), a party by its creed
 * ("the Republican party"), God by the name, not in a cry, a form of
 * address ("Your Honor"), the parties to a case ("Lynch v.
 * Overholser"), a party by its role ("Petitioner contends"), and a
 * team by its town ("the Houston Astros", then "for Houston").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-entity-int.h"
#include "extract-lexicon-int.h"
#include "banned.h"

#define NWORDS(a)	(sizeof (a) / sizeof (a)[0])

/* Is token i one of the n words? */
static int
ent_special_one_of(const struct extract *x, size_t i,
    const char *const *words, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++)
		if (extract_tok_is(x, i, words[k]))
			return 1;
	return 0;
}

/* Add [a, b) as a sure candidate of a kind; returns it. */
static struct ent_cand *
ent_special_add(struct ent_stage *st, size_t a, size_t b, enum ex_kind kind)
{
	struct ent_cand	*c = ent_cand_add(st, a, b);

	c->kind = kind;
	c->state = ENT_SURE;
	return c;
}

/*
 * A role alone, capitalised, names the one who holds it: "I thank the
 * Secretary", "Madam Speaker, I rise", "this President". Returns 1 if
 * [a, b) is such a role and adds it as a person.
 */
int
ent_special_addressed(struct ent_stage *st, size_t a, size_t b)
{
	static const char *const before[] = {
		"the", "this", "our", "madam", "madame", "mr.", "mr",
		"mister"
	};
	struct extract	*x = st->x;
	const char	*cls;
	size_t		 p = a;

	if (b - a > 2 || st->shout[a] || (x->toks[a].flags & TOK_UPPER))
		return 0;
	if (b - a == 2) {
		cls = ent_title_class(st, a);
		if (cls == NULL || strcmp(cls, "honorific") != 0 ||
		    st->weak[a + 1] || !(extract_tok_is(x, a, "Madam") ||
		    extract_tok_is(x, a, "Madame") || extract_tok_is(x, a,
		    "Mr.") || extract_tok_is(x, a, "Mr")))
			return 0;
		p = a + 1;
	} else {
		if (a == 0 || st->weak[a] || !ent_special_one_of(x, a - 1,
		    before, NWORDS(before)))
			return 0;
	}
	cls = ent_title_class(st, p);
	if (cls == NULL || strcmp(cls, "head") != 0)
		return 0;
	ent_special_add(st, a, b, EX_PERSON);
	return 1;
}

/*
 * A capitalised "Nation" or "Republic" after "the", "our" or "this"
 * names the speaker's country: "what was best for the Nation". Returns
 * 1 if [a, b) is such a word and adds it as a place.
 */
int
ent_special_homeland(struct ent_stage *st, size_t a, size_t b)
{
	static const char *const lands[] = {
		"Nation", "Country", "Homeland", "Republic", "Motherland",
		"Fatherland", "Commonwealth", "Union", "Empire", "Kingdom",
		"Confederacy", "Realm", "Imperium", "Reich", "Dominion"
	};
	/* these own things as bodies do too: the Union's debts */
	static const char *const polities[] = {
		"Union", "Empire", "Kingdom", "Confederacy", "Realm",
		"Imperium", "Reich", "Dominion"
	};
	struct extract	*x = st->x;

	if (b - a != 1 || a == 0 || st->weak[a] || st->shout[a] ||
	    (x->toks[a].flags & TOK_UPPER))
		return 0;
	if (!extract_tok_is(x, a - 1, "the") && !extract_tok_is(x, a - 1,
	    "our") && !extract_tok_is(x, a - 1, "this"))
		return 0;
	if (!ent_special_one_of(x, a, lands, NWORDS(lands)) ||
	    (b < x->ntoks && extract_tok_is(x, b, "of")))
		return 0;
	if (b < x->ntoks && (x->toks[b].flags & TOK_POSS) &&
	    ent_special_one_of(x, a, polities, NWORDS(polities)))
		return 0;
	ent_special_add(st, a, b, EX_PLACE);
	return 1;
}

/*
 * A capitalised point of the compass after "the" names a region: "the
 * West", "the Middle East" aside, "aid from the North". Returns 1 if
 * [a, b) is such a word and adds it as a place.
 */
int
ent_special_compass(struct ent_stage *st, size_t a, size_t b)
{
	static const char *const points[] = {
		"North", "South", "East", "West", "Northeast", "Northwest",
		"Southeast", "Southwest", "Midwest", "Orient", "Occident"
	};
	struct extract	*x = st->x;

	if (b - a != 1 || a == 0 || st->shout[a] ||
	    (x->toks[a].flags & TOK_UPPER) || !extract_tok_is(x, a - 1, "the"))
		return 0;
	/* "the South of France" is a part of a place, not a region */
	if (!ent_special_one_of(x, a, points, NWORDS(points)) ||
	    (b < x->ntoks && (extract_tok_is(x, b, "of") ||
	    (x->toks[b].flags & TOK_DIGIT))))
		return 0;
	ent_special_add(st, a, b, EX_PLACE);
	return 1;
}

/*
 * A US state's postal code after a town and a comma: "Paramus, NJ",
 * "Vinita, OK." Alone the codes are too often words (OK, IN, ME), so
 * only this place counts. Returns 1 if [a, b) is one and adds it.
 */
int
ent_special_state_code(struct ent_stage *st, size_t a, size_t b)
{
	static const char *const states[][2] = {
		{ "AL", "Alabama" }, { "AK", "Alaska" }, { "AZ", "Arizona" },
		{ "AR", "Arkansas" }, { "CA", "California" },
		{ "CO", "Colorado" }, { "CT", "Connecticut" },
		{ "DE", "Delaware" }, { "DC", "Washington" },
		{ "D.C.", "Washington" }, { "FL", "Florida" },
		{ "GA", "Georgia" }, { "HI", "Hawaii" }, { "ID", "Idaho" },
		{ "IL", "Illinois" }, { "IN", "Indiana" }, { "IA", "Iowa" },
		{ "KS", "Kansas" }, { "KY", "Kentucky" },
		{ "LA", "Louisiana" }, { "ME", "Maine" },
		{ "MD", "Maryland" }, { "MA", "Massachusetts" },
		{ "MI", "Michigan" }, { "MN", "Minnesota" },
		{ "MS", "Mississippi" }, { "MO", "Missouri" },
		{ "MT", "Montana" }, { "NE", "Nebraska" }, { "NV", "Nevada" },
		{ "NH", "New Hampshire" }, { "NJ", "New Jersey" },
		{ "NM", "New Mexico" }, { "NY", "New York" },
		{ "NC", "North Carolina" }, { "ND", "North Dakota" },
		{ "OH", "Ohio" }, { "OK", "Oklahoma" }, { "OR", "Oregon" },
		{ "PA", "Pennsylvania" }, { "RI", "Rhode Island" },
		{ "SC", "South Carolina" }, { "SD", "South Dakota" },
		{ "TN", "Tennessee" }, { "TX", "Texas" }, { "UT", "Utah" },
		{ "VT", "Vermont" }, { "VA", "Virginia" },
		{ "WA", "Washington" }, { "WV", "West Virginia" },
		{ "WI", "Wisconsin" }, { "WY", "Wyoming" },
		{ "PR", "Puerto Rico" }
	};
	struct extract	*x = st->x;
	struct ent_cand	*c;
	size_t		 k, n;
	const char	*w;

	if (b - a != 1 || a < 2 || !extract_tok_is(x, a - 1, ",") ||
	    !ent_capword(x, a - 2) || (x->toks[a - 2].flags & TOK_UPPER) ||
	    ent_stop(st, a - 2) || st->shout[a])
		return 0;
	w = ent_tok(x, a, &n);
	for (k = 0; k < NWORDS(states); k++)
		if (strlen(states[k][0]) == n && memcmp(w, states[k][0], n) ==
		    0)
			break;
	if (k == NWORDS(states))
		return 0;
	/* "Lyon, OK Corral", "Smith, ME and" stay out: no name after it */
	if (b < x->ntoks && ent_capword(x, b) && !(x->toks[b].flags &
	    (TOK_SENT | TOK_PARA)))
		return 0;
	c = ent_special_add(st, a, b, EX_PLACE);
	c->canon = states[k][1];
	c->alone = 1;
	return 1;
}

/*
 * "Hurricane Katrina", "Cyclone Phailin", "Tropical Storm Ana": a storm
 * is an event, not the person its name would be, and so is the name
 * alone elsewhere in the text. Returns 1 if [a, b) is such a name and
 * adds it as misc.
 */
int
ent_special_storm(struct ent_stage *st, size_t a, size_t b)
{
	static const char *const storms[] = {
		"Hurricane", "Cyclone", "Typhoon", "Storm"
	};
	struct extract	*x = st->x;
	size_t		 k = a;

	if (b - a < 2)
		return 0;	/* the cheap tests first: this sees every run */
	if (extract_tok_is(x, a, "Tropical") && extract_tok_is(x, a + 1,
	    "Storm"))
		k++;
	if (b - k < 2 || b - k > 3 || !(x->toks[k].flags & TOK_CAP) ||
	    (x->toks[k].flags & TOK_UPPER) ||
	    !ent_special_one_of(x, k, storms, NWORDS(storms)))
		return 0;
	ent_special_add(st, a, b, EX_MISC);
	ent_map_put(&st->kinds, ent_map_hash_span(st, k + 1, b), EX_MISC + 1);
	return 1;
}

/*
 * "the Republican party", "the Communist party": a creed that is no
 * name alone (a stop word) names the party with "party" after it.
 * Returns 1 if [a, b) is such a word and adds it, with "party", as an
 * organisation.
 */
int
ent_special_party(struct ent_stage *st, size_t a, size_t b)
{
	static const char *const creeds[] = {
		"Republican", "Democratic", "Democrat", "Conservative",
		"Liberal", "Labour", "Labor", "Socialist", "Communist",
		"Progressive", "Libertarian", "Green", "Nationalist"
	};
	struct extract	*x = st->x;

	/* "party" first: this sees every run of capitals */
	if (b - a != 1 || b >= x->ntoks || !extract_tok_is(x, b, "party") ||
	    (x->toks[b].flags & TOK_CAP) || !(x->toks[a].flags & TOK_CAP) ||
	    !ent_special_one_of(x, a, creeds, NWORDS(creeds)))
		return 0;
	ent_special_add(st, a, b + 1, EX_ORG);
	return 1;
}

/*
 * "God" with its capital names the one God ("devote himself to God",
 * "God alone is salvation"), but not in an oath or a cry: "oh my God",
 * "thank God", "for God's sake", "swear to God", "God knows", "God, I
 * didn't know", "thinking, God these guys". Returns 1 if [a, b) is the
 * name after stop words ("For God alone") and adds it as a person.
 */
int
ent_special_deity(struct ent_stage *st, size_t a, size_t b)
{
	static const char *const cries[] = {
		"my", "oh", "thank", "o", "ah", "dear", "good"
	};
	static const char *const idioms[] = {
		"knows", "bless", "blessed", "damn", "forbid", "willing",
		"help", "almighty"
	};
	static const char *const opens[] = {
		"i", "these", "this", "that", "you", "it", "what", "we", "he",
		"she", "they"
	};
	struct extract	*x = st->x;
	size_t		 k;
	int		 clause;

	/* the cheap tests first: this sees every run */
	if (b - a > 3 || (x->toks[b - 1].flags & TOK_UPPER) ||
	    !extract_tok_is(x, b - 1, "God") ||
	    !(x->toks[b - 1].flags & TOK_CAP))
		return 0;
	for (k = a; k + 1 < b; k++)
		if (!ent_stop(st, k))
			return 0;		/* stop words before it: For God */
	a = b - 1;
	if (a > 0 && ent_special_one_of(x, a - 1, cries, NWORDS(cries)))
		return 0;
	if (a > 1 && extract_tok_is(x, a - 1, ",") &&
	    ent_special_one_of(x, a - 2, cries, NWORDS(cries)))
		return 0;			/* oh, my God */
	if (a > 1 && extract_tok_is(x, a - 1, "to") &&
	    (extract_tok_is(x, a - 2, "swear") ||
	    extract_tok_is(x, a - 2, "honest")))
		return 0;
	if (b < x->ntoks && ent_special_one_of(x, b, idioms, NWORDS(idioms)))
		return 0;
	if (a > 0 && extract_tok_is(x, a - 1, "for") && b + 1 < x->ntoks &&
	    (x->toks[b].flags & TOK_POSS) && extract_tok_is(x, b + 1, "sake"))
		return 0;			/* for God's sake */
	/* a cry opens a sentence ("God, I") or a clause ("thinking, God") */
	clause = a > 0 && (extract_tok_is(x, a - 1, ",") ||
	    extract_tok_is(x, a - 1, ":"));
	if ((st->weak[a] || clause) && b < x->ntoks &&
	    ent_special_one_of(x, b, opens, NWORDS(opens)))
		return 0;
	if (st->weak[a] && (b >= x->ntoks || extract_tok_is(x, b, ",") ||
	    extract_tok_is(x, b, "!") || extract_tok_is(x, b, ".") ||
	    extract_tok_is(x, b, "?")))
		return 0;
	ent_special_add(st, a, b, EX_PERSON);
	return 1;
}

/*
 * "Your Honor", "my Lord", "Your Excellency": a form of address names
 * the one spoken to. Returns 1 if [a, b) ends in such a title after
 * "your" or "my" (the run may hold the "Your") and adds both words as
 * a person.
 */
int
ent_special_address(struct ent_stage *st, size_t a, size_t b)
{
	static const char *const forms[] = {
		"Honor", "Honour", "Excellency", "Majesty", "Lordship",
		"Ladyship", "Grace", "Holiness", "Eminence", "Highness",
		"Lord", "Lady"
	};
	static const char *const owners[] = { "your", "my" };
	struct extract	*x = st->x;
	size_t		 k = b - 1;

	if (b - a > 2 || k == 0 || (x->toks[k].flags & TOK_UPPER) ||
	    !(x->toks[k].flags & TOK_CAP) ||
	    !ent_special_one_of(x, k, forms, NWORDS(forms)) ||
	    !ent_special_one_of(x, k - 1, owners, NWORDS(owners)))
		return 0;
	/* "my Lord" and "my Lady" only where they are spoken to */
	if (extract_tok_is(x, k - 1, "my") && !extract_tok_is(x, k, "Lord") &&
	    !extract_tok_is(x, k, "Lady"))
		return 0;
	if (b - a == 2 && a != k - 1)
		return 0;
	ent_special_add(st, k - 1, b, EX_PERSON);
	return 1;
}

/*
 * Is the contest whose second side ends before token k a game, "Eton v
 * Harrow cricket match", not a case? Its noun follows within two words.
 */
static int
ent_special_game(const struct extract *x, size_t k)
{
	static const char *const games[] = {
		"match", "game", "fixture", "final", "race", "bout", "fight",
		"debate", "derby", "clash", "tie", "series", "matches", "games"
	};
	size_t	end = k + 2 < x->ntoks ? k + 2 : x->ntoks;

	for (; k < end && (x->toks[k].flags & TOK_WORD) &&
	    !(x->toks[k].flags & TOK_CAP); k++)
		if (ent_special_one_of(x, k, games, NWORDS(games)))
			return 1;
	return 0;
}

/*
 * A party to a case, "Lynch v. Overholser", "Biden versus Nebraska": a
 * name of one to three words before "v." or "versus" and a capital, or
 * after them, that no word list knows, is a person's; not the sides of
 * a game ("the Eton v Harrow cricket match").
 */
int
ent_special_case_party(struct ent_stage *st, const struct ent_cand *c)
{
	static const char *const versus[] = {
		"v.", "v", "vs.", "vs", "versus"
	};
	struct extract	*x = st->x;
	size_t		 k;

	if (c->b - c->a > 3 || c->canon != NULL)
		return 0;
	for (k = c->a; k < c->b; k++)
		if (!ent_capword(x, k) || ent_stop(st, k) ||
		    (x->toks[k].flags & TOK_UPPER))
			return 0;
	if (c->b + 1 < x->ntoks && ent_special_one_of(x, c->b, versus,
	    NWORDS(versus)) && ent_capword(x, c->b + 1)) {
		for (k = c->b + 1; k < x->ntoks && k < c->b + 4 &&
		    ent_capword(x, k); k++)
			;
		return !ent_special_game(x, k);
	}
	return c->a >= 2 && ent_special_one_of(x, c->a - 1, versus,
	    NWORDS(versus)) && (ent_capword(x, c->a - 2) ||
	    (x->toks[c->a - 2].flags & TOK_POSS)) &&
	    !ent_special_game(x, c->b);
}

/*
 * A team by its town and a plural, "the Houston Astros", "the St. Louis
 * Cardinals", "the Boston Red Sox": one organisation, not a place and a
 * person. Running text names a team with "the"; a list's "Boston Red
 * Sox (2013)" is left to the other rules. Returns 1 if [a, b) is such a run and adds it; the town is
 * remembered, for the town alone may stand for the team
 * (ent_special_team_towns).
 */
int
ent_special_team(struct ent_stage *st, size_t a, size_t b)
{
	struct extract	*x = st->x;
	const char	*v, *w;
	size_t		 n, t, k;
	int		 kind, media;

	if (b - a < 2 || st->shout[b - 1])
		return 0;
	w = ent_tok(x, b - 1, &n);
	/* the cheap tests first: this sees every run */
	if (!(n == 3 && strncmp(w, "Sox", 3) == 0) && (n < 4 ||
	    w[n - 1] != 's' || w[n - 2] == 's'))
		return 0;
	/* running text names a team with "the": the Chicago Bulls */
	if (extract_tok_is(x, a, "the"))
		a++;
	else if (a == 0 || !extract_tok_is(x, a - 1, "the"))
		return 0;
	if ((t = ent_lex_prefix(st, a, b - 1, &kind, &v, &media)) == 0 ||
	    kind != EX_PLACE || ent_lex(st, LEX_COUNTRIES, a, t, &v) == t)
		return 0;
	for (k = a + t; k < b; k++)
		if (!ent_capword(x, k) || ent_stop(st, k) ||
		    ent_is(st, k, WORD_PLACE_END) ||
		    ent_is(st, k, WORD_ORG_END) ||
		    ent_word_plural_demonym(x, k) ||
		    (x->toks[k].flags & TOK_UPPER))
			return 0;
	if (b - (a + t) > 2)
		return 0;
	ent_special_add(st, a, b, EX_ORG);
	ent_map_put(&st->teams, ent_map_hash_span(st, a, a + t), 1);
	return 1;
}

/*
 * "debuted for Boston", "games for Indianapolis", "against Houston":
 * where the text names a town's team, the town after a word of play
 * is the team.
 */
void
ent_special_team_towns(struct ent_stage *st)
{
	static const char *const plays[] = {
		"for", "against", "with", "joined", "over", "beat", "defeated",
		"vs.", "vs", "versus", "to"
	};
	struct extract	*x = st->x;
	struct ent_cand	*c;
	size_t		 i;

	for (i = 0; st->teams.n > 0 && i < st->ncands; i++) {
		c = &st->cands[i];
		if (c->state != ENT_SURE || c->kind != EX_PLACE || c->a == 0 ||
		    !ent_special_one_of(x, c->a - 1, plays, NWORDS(plays)) ||
		    ent_map_get(&st->teams, ent_map_hash_span(st, c->a,
		    c->b)) == NULL)
			continue;
		/* "moved to Boston" is the town; "traded to Boston" the team */
		if (extract_tok_is(x, c->a - 1, "to") && !(c->a >= 2 &&
		    (extract_tok_is(x, c->a - 2, "traded") ||
		    extract_tok_is(x, c->a - 2, "lost"))))
			continue;
		c->kind = EX_ORG;
		c->canon = NULL;
	}
}

/*
 * A party's role in a case written with its capital names that party,
 * "Petitioner contends", "the Respondent was arrested"; so does "the
 * Devil" (as "God" names God). Returns 1 if [a, b) is one such word not
 * before a name ("Petitioner Jones" is a title) and adds it as a person.
 */
int
ent_special_party_role(struct ent_stage *st, size_t a, size_t b)
{
	static const char *const roles[] = {
		"Petitioner", "Respondent", "Appellant", "Appellee",
		"Plaintiff", "Defendant", "Claimant", "Devil"
	};
	struct extract	*x = st->x;
	size_t		 k;

	/* the cheap tests first: this sees every run */
	if (b - a != 1 || !(x->toks[a].flags & TOK_CAP) ||
	    (x->toks[a].flags & TOK_UPPER) || st->shout[a])
		return 0;
	for (k = 0; k < NWORDS(roles); k++)
		if (extract_tok_is(x, a, roles[k]))
			break;
	if (k == NWORDS(roles))
		return 0;
	/* "the Devil" only with "the": a devil of a job is none */
	if (extract_tok_is(x, a, "Devil") && (a == 0 ||
	    !extract_tok_is(x, a - 1, "the")))
		return 0;
	if (b < x->ntoks && ent_capword(x, b))
		return 0;
	/* a heading, "Respondent race.", names no party */
	if ((x->toks[a].flags & TOK_PARA) && (b + 3 >= x->ntoks ||
	    (x->toks[b + 1].flags & TOK_PARA) ||
	    (x->toks[b + 2].flags & TOK_PARA) ||
	    (x->toks[b + 3].flags & TOK_PARA)))
		return 0;
	/* named by the lexicon's way, so "the" before it is no people's */
	ent_special_add(st, a, b, EX_PERSON)->canon = roles[k];
	return 1;
}
