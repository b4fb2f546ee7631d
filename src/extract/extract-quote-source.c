/*
 * The source of a quote, in the quote stage: the noun phrase next to a
 * speech cue that says who spoke ("X said", "said X, the minister",
 * "Sen. Claire McCaskill (D-Mo.) said", "X, who ..., said", "a report
 * from X"), as a span of tokens. Who it is, is extract-quote-speaker.c's.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "extract.h"
#include "extract-quote-int.h"
#include "extract-lexicon-int.h"
#include "banned.h"

#define NP_MAX		10	/* tokens in a source's noun phrase */
#define NP_APPOS	30	/* tokens of ", who ..., " before a cue */

/* Is token i the slash of a date or name in figures: a 9/11 widow? */
static int
quote_source_slash(const struct extract *x, size_t i)
{
	return quote_cue_punct(x, i, '/') && i > 0 && i + 1 < x->ntoks &&
	    (x->toks[i - 1].flags & TOK_DIGIT) &&
	    (x->toks[i + 1].flags & TOK_DIGIT);
}

/* May token i be inside a source's noun phrase? */
static int
quote_source_word(const struct extract *x, size_t i)
{
	unsigned	f = x->toks[i].flags;

	if (f & TOK_POSS)
		return 1;
	if (f & TOK_WORD) {
		if (quote_cue_in(x, i, &quote_cue_stop))
			/* Theresa May: a name, not "may" */
			return (f & (TOK_CAP | TOK_SENT | TOK_PARA)) == TOK_CAP &&
			    !(f & TOK_UPPER) && i > 0 && (x->toks[i - 1].flags &
			    (TOK_CAP | TOK_WORD)) == (TOK_CAP | TOK_WORD) &&
			    !(x->toks[i - 1].flags & TOK_UPPER) &&
			    i + 1 < x->ntoks && !(x->toks[i + 1].flags &
			    TOK_CAP);
		if (quote_cue_lemma(x, i) != NULL && !(i > 0 &&
		    quote_cue_in(x, i - 1, &quote_cue_not_before)) &&
		    !quote_cue_in(x, i, &quote_cue_nounish))
			return 0;	/* a verb, unless "a report" */
		if (!(f & TOK_CAP) && quote_cue_suffix(x, i, "ly") &&
		    (i + 1 >= x->ntoks || !(x->toks[i + 1].flags & TOK_WORD) ||
		    quote_cue_lemma(x, i + 1) != NULL))
			return 0;	/* an adverb, not "early results" */
		return 1;
	}
	/* a hyphen joins (Al-Sadr), one spaced off is a dash: "a - b" */
	if (quote_cue_punct(x, i, '-'))
		return i > 0 && i + 1 < x->ntoks && x->toks[i - 1].end ==
		    x->toks[i].start && x->toks[i].end == x->toks[i + 1].start;
	return quote_source_slash(x, i) || quote_cue_punct(x, i, '&');
}

/* May a preposition at token i join a noun phrase: Secretary of State? */
int
quote_source_prep(const struct extract *x, size_t i)
{
	if (!extract_tok_is(x, i, "of") && !extract_tok_is(x, i, "for") &&
	    !extract_tok_is(x, i, "at") && !extract_tok_is(x, i, "from"))
		return 0;
	if (i + 1 >= x->ntoks)
		return 0;
	return (x->toks[i + 1].flags & TOK_CAP) || extract_tok_is(x, i + 1,
	    "the");
}

/*
 * Fill a speaker from tokens [first, last) of x. A number or a date is
 * never a speaker: a year before a name is not part of it ("in 2017
 * America says": America), and a phrase whose head is a figure is none ("On July 6,
 * 2015, X said": not 2015).
 */
static int
quote_source_set(const struct extract *x, struct qt_speaker *sp,
    size_t first, size_t last)
{
	while (first + 1 < last && (x->toks[first].flags & TOK_DIGIT) &&
	    (x->toks[first + 1].flags & TOK_CAP))
		first++;
	if (first >= last || (x->toks[last - 1].flags & TOK_DIGIT))
		return 0;
	memset(sp, 0, sizeof *sp);
	sp->first = first;
	sp->last = last;
	sp->entity = EX_NONE;
	sp->head = last - 1;
	sp->rel = EX_NONE;
	return 1;
}

/* The noun phrase ending right before token end, not before lo. */
int
quote_source_left(const struct qt *q, size_t end, size_t lo,
    struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	size_t			 j = end, k;

	/* "Q," it added: "it" is a stop word, but alone it is a source */
	if (end > lo && extract_tok_is(x, end - 1, "it") && (end - 1 == lo ||
	    !quote_source_word(x, end - 2) || (x->toks[end - 2].flags &
	    TOK_PUNCT)))
		return quote_source_set(x, sp, end - 1, end);
	while (j > lo && end - j < NP_MAX) {
		if (quote_source_word(x, j - 1))
			j--;
		else if (j < end && quote_source_prep(x, j - 1) && j - 1 >
		    lo && (x->toks[j - 2].flags & TOK_WORD))
			j--;
		else if (j < end && j - 1 > lo && extract_tok_is(x, j - 1,
		    "and") && (x->toks[j].flags & TOK_CAP) &&
		    (x->toks[j - 2].flags & TOK_CAP) &&
		    !(x->toks[j].flags & TOK_SENT))
			j--;	/* Economy and Energy Minister X */
		else
			break;
	}
	while (j < end && (x->toks[j].flags & (TOK_PUNCT | TOK_POSS)))
		j++;
	if (j + 1 == end && (x->toks[j].flags & TOK_DIGIT))
		return 0;	/* "475 delegates": a number is no source */
	/* "18 million he said": the pronoun alone */
	for (k = j; k < end; k++)
		if (quote_cue_in(x, k, &quote_cue_pperson) ||
		    quote_cue_in(x, k, &quote_cue_pother) ||
		    quote_cue_in(x, k, &quote_cue_pself))
			j = k;
	return quote_source_set(x, sp, j, end);
}

/* Are the words of tokens [first, last) all capitalised? */
static int
quote_source_capitalised(const struct extract *x, size_t first, size_t last)
{
	size_t	i;

	for (i = first; i < last; i++)
		if ((x->toks[i].flags & TOK_WORD) &&
		    !(x->toks[i].flags & (TOK_CAP | TOK_POSS)))
			return 0;
	return first < last;
}

/* Do tokens [first, last) say "on the record"? */
static int
quote_source_on_record(const struct extract *x, size_t first, size_t last)
{
	size_t	i;

	for (i = first; i + 2 < last; i++)
		if (extract_tok_is(x, i, "on") && extract_tok_is(x, i + 1,
		    "the") && extract_tok_is(x, i + 2, "record"))
			return 1;
	return 0;
}

/*
 * The source sp ends a restrictive relative clause ("officials who spoke
 * on condition of anonymity said"): the source is the noun phrase the
 * clause is about, not the clause's last noun.
 */
static void
quote_source_relative(const struct qt *q, size_t lo, struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	struct qt_speaker	 head;
	size_t			 k;

	for (k = sp->first; k > lo && sp->first - k < 12; k--) {
		if (x->toks[k - 1].flags & (TOK_PUNCT | TOK_QUOTE |
		    TOK_SQUOTE | TOK_DASH) || quote_cue_lemma(x, k - 1) != NULL)
			return;
		if (!extract_tok_is(x, k - 1, "who"))
			continue;
		if (k - 1 > lo && quote_source_word(x, k - 2) &&
		    !(x->toks[k - 2].flags & TOK_PUNCT) &&
		    quote_source_left(q, k - 1, lo, &head)) {
			head.onrecord = quote_source_on_record(x, k, sp->last);
			*sp = head;
		}
		return;
	}
}

/*
 * "An official in the foreign ministry", "a diplomat from a member state",
 * "the embassy in Port Avery": a source noun, or a common noun after an
 * article, with a prepositional phrase after it is the head of the noun
 * phrase; the noun inside the phrase is where the source is, not who
 * spoke.
 */
static void
quote_source_pp(const struct qt *q, size_t lo, struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	struct qt_speaker	 head;
	const char		*v;
	size_t			 p = sp->first;

	if (p < lo + 2 || (!extract_tok_is(x, p - 1, "in") &&
	    !extract_tok_is(x, p - 1, "from") && !extract_tok_is(x, p - 1,
	    "at") && !extract_tok_is(x, p - 1, "with")))
		return;
	if (!(x->toks[p - 2].flags & TOK_WORD) ||
	    (x->toks[p - 2].flags & TOK_CAP) ||
	    !quote_source_left(q, p - 1, lo, &head))
		return;
	/* a source noun, or a common noun after an article */
	if (lex_match(x, LEX_SOURCE_NOUNS, p - 2, 1, &v) != 0 ?
	    strcmp(v, "media") != 0 : (extract_tok_is(x, head.first, "the") ||
	    extract_tok_is(x, head.first, "a") || extract_tok_is(x,
	    head.first, "an")) && (head.first == 0 || (x->toks[head.first].flags
	    & TOK_SENT) || !(x->toks[head.first - 1].flags & TOK_WORD)))
		*sp = head;	/* the article's noun starts the clause */
}

/* An adverb between a subject and its cue: "X has openly said". */
static int
quote_source_adverb(const struct extract *x, size_t i)
{
	return (x->toks[i].flags & TOK_WORD) && !(x->toks[i].flags &
	    TOK_CAP) && x->toks[i].end - x->toks[i].start > 4 &&
	    quote_cue_suffix(x, i, "ly") && quote_cue_lemma(x, i) == NULL;
}

/*
 * The source's noun phrase before cue token cue, not before token lo:
 * X said, X has also said, X, who ..., said.
 */
int
quote_source_before(const struct qt *q, size_t cue, size_t lo,
    struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	size_t			 j = cue, k;

	if ((k = quote_cue_progressive(x, cue)) != EX_NONE && k > lo)
		j = k;		/* X is (now) saying, he's claiming */
	while (j > lo && (quote_cue_in(x, j - 1, &quote_cue_aux) ||
	    quote_source_adverb(x, j - 1)))
		j--;
	if (j > lo + 1 && quote_cue_in(x, j - 1, &quote_cue_when)) {
		/* X on Tuesday said, X late Friday said */
		for (k = j - 1; k > lo && j - k < 5 && (quote_cue_in(x, k - 1,
		    &quote_cue_when) || quote_cue_in(x, k - 1,
		    &quote_cue_adverbial) || (x->toks[k - 1].flags &
		    TOK_DIGIT));)
			k--;
		if (k > lo && !quote_cue_punct(x, k - 1, ','))
			j = k;
		while (j > lo && quote_cue_in(x, j - 1, &quote_cue_aux))
			j--;
	}
	if (j > lo + 1 && quote_cue_punct(x, j - 1, ')')) {
		/* Sen. Claire McCaskill (D-Mo.) said */
		for (k = j - 1; k-- > lo && j - k < 10;)
			if (quote_cue_punct(x, k, '(')) {
				if (k > lo && quote_source_left(q, k, lo,
				    sp))
					return 1;
				break;
			}
	}
	if (j > lo && quote_source_left(q, j, lo, sp)) {
		quote_source_relative(q, lo, sp);
		quote_source_pp(q, lo, sp);
		return 1;
	}
	if (j <= lo + 1 || !quote_cue_punct(x, j - 1, ','))
		return 0;
	/* X, who ..., said / X, the minister, said / X, 56, said */
	for (k = j - 1; k-- > lo && j - k < NP_APPOS;) {
		if (x->toks[k].flags & (TOK_QUOTE | TOK_SQUOTE))
			return 0;
		if (!quote_cue_punct(x, k, ','))
			continue;
		if (k > lo && (x->toks[k - 1].flags & TOK_WORD) &&
		    !(x->toks[k - 1].flags & TOK_CAP) &&
		    (x->toks[k + 1].flags & TOK_CAP) &&
		    !(x->toks[k + 1].flags & (TOK_SENT | TOK_PARA)) &&
		    quote_source_left(q, j - 1, k + 1, sp) &&
		    sp->first == k + 1 && quote_source_capitalised(x, k + 1,
		    j - 1))
			return 1;	/* a lawyer for X, Name Surname, said */
		if (!extract_tok_is(x, k + 1, "who") &&
		    !extract_tok_is(x, k + 1, "whose") &&
		    !extract_tok_is(x, k + 1, "the") &&
		    !extract_tok_is(x, k + 1, "a") &&
		    !extract_tok_is(x, k + 1, "an") &&
		    !(x->toks[k + 1].flags & TOK_DIGIT))
			return 0;
		/* Schiff, 56, who ... */
		if (k > lo + 2 && (x->toks[k - 1].flags & TOK_DIGIT) &&
		    quote_cue_punct(x, k - 2, ','))
			k -= 2;
		if (k <= lo || !quote_source_left(q, k, lo, sp))
			return 0;
		quote_source_pp(q, lo, sp);
		sp->onrecord = quote_source_on_record(x, k, j);
		return 1;
	}
	return 0;
}

/* The source's noun phrase from token i on, before token hi. */
int
quote_source_after(const struct qt *q, size_t i, size_t hi,
    struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	size_t			 j = i;

	while (j < hi && j - i < NP_MAX && !(x->toks[j].flags & TOK_PARA &&
	    j > i)) {
		if (j > i && (quote_cue_in(x, j, &quote_cue_pperson) ||
		    quote_cue_in(x, j, &quote_cue_pother) ||
		    quote_cue_in(x, j, &quote_cue_pself)))
			break;		/* told the Post she thinks */
		if (quote_source_word(x, j) && (!(x->toks[j].flags &
		    TOK_PUNCT) || quote_source_slash(x, j)))
			j++;
		else if (j > i && quote_source_prep(x, j))
			j++;
		else
			break;
	}
	while (j > i && !(x->toks[j - 1].flags & TOK_WORD))
		j--;
	return quote_source_set(x, sp, i, j);
}

/* Words for what a source publishes: a report from X. */
static const char *const quote_source_work_list[] = {
	"report", "reports", "statement", "statements", "interview",
	"article", "story", "broadcast", "dispatch", "bulletin", "release",
	"survey", "poll", "study", "analysis"
};
/* Which first letters and lengths its words have, for quote_cue_in. */
static struct quote_cue_shape quote_source_work_list_shape;
static const struct quote_cue_words quote_source_work =
    QUOTE_CUE_WORDS(quote_source_work_list);

/* Build this file's word list now (extract_init). */
void
quote_source_init(void)
{
	quote_cue_words_init(&quote_source_work);
}

/*
 * "a report (on Saturday) from X", "a statement by X": the source is X,
 * and it publishes.
 */
void
quote_source_outlet(const struct qt *q, struct qt_speaker *sp, size_t end)
{
	const struct extract	*x = q->x;
	struct qt_speaker	 by;
	size_t			 i, w;

	for (w = sp->first; w < sp->last; w++)
		if (quote_cue_in(x, w, &quote_source_work))
			break;
	if (w == sp->last)
		return;
	for (i = w + 1; i + 1 < end && i - w < 8; i++) {
		if (quote_cue_punct(x, i, ',') || quote_cue_end(x, i))
			return;
		if ((extract_tok_is(x, i, "from") || extract_tok_is(x, i,
		    "by")) && quote_source_after(q, i + 1, end, &by)) {
			*sp = by;
			sp->outlet = 1;
			return;
		}
	}
}

/* The subject of the sentence the cue at token cue is in (from lo). */
int
quote_source_subject(const struct qt *q, size_t cue, size_t lo,
    struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	size_t			 i = lo, k;

	/* In a speech on Monday, X ...; According to Y, X ... */
	if ((quote_cue_in(x, i, &quote_cue_stop) && !extract_tok_is(x, i,
	    "but") && !extract_tok_is(x, i, "and")) || (extract_tok_is(x, i,
	    "according") && extract_tok_is(x, i + 1, "to")))
		for (k = i; k < cue && k - i < 12; k++)
			if (quote_cue_punct(x, k, ',')) {
				i = k + 1;
				break;
			}
	/* On July 6, 2015, X ...: the year goes with the date */
	if (i > lo && i + 1 < cue && (x->toks[i].flags & TOK_DIGIT) &&
	    quote_cue_punct(x, i + 1, ','))
		i += 2;
	/* WASHINGTON -- X ...: a dateline is no subject */
	for (k = i; k < cue && k - i < 4 && (x->toks[k].flags & TOK_UPPER);)
		k++;
	if (k > i && k < cue && (x->toks[k].flags & TOK_DASH))
		i = k + 1;
	while (i < cue && (extract_tok_is(x, i, "but") ||
	    extract_tok_is(x, i, "and") || extract_tok_is(x, i, "meanwhile") ||
	    (x->toks[i].flags & TOK_PUNCT)))
		i++;
	if (i + 1 < cue && (quote_cue_in(x, i, &quote_cue_pperson) ||
	    quote_cue_in(x, i, &quote_cue_pother)))
		return quote_source_set(x, sp, i, i + 1);	/* it attacked */
	if (i >= cue || !quote_source_after(q, i, cue, sp))
		return 0;
	for (i = sp->first + 1; i < sp->last; i++)
		if (quote_source_adverb(x, i) || (!(x->toks[i].flags &
		    TOK_CAP) && (((x->toks[i - 1].flags &
		    TOK_CAP) && (quote_cue_suffix(x, i, "ed") ||
		    quote_cue_suffix(x, i, "s"))) || (i + 1 < sp->last &&
		    quote_cue_in(x, i + 1, &quote_cue_np_det) &&
		    !quote_source_prep(x, i) && !extract_tok_is(x, i, "of") &&
		    !extract_tok_is(x, i, "for"))))) {
			/* Chancellor Sorre welcomed ..., the embassy released
			 * the ..., X made the ..., He recently pitched ... */
			sp->last = i;
			break;
		}
	/* it must be followed by a verb-like word, not be the whole clause */
	return sp->last < cue;
}

/*
 * May the noun phrase sp speak: is its head (the word before "of", "for",
 * "at" or "from", else its last) a name, a pronoun or a source noun ("the
 * minister", "officials"), or named before it ("the Marovian embassy"),
 * not "The woman's enthusiasm for Trump" or "The challenge of
 * transparency"?
 */
int
quote_source_can_speak(const struct qt *q, const struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	const char		*v;
	size_t			 h, i;

	for (h = sp->first + 1; h < sp->last; h++)
		if (quote_source_prep(x, h) || extract_tok_is(x, h, "for") ||
		    extract_tok_is(x, h, "of"))
			break;
	h--;
	if (quote_cue_in(x, h, &quote_cue_np_det))
		return 0;	/* "The" alone, cut from its noun */
	for (i = sp->first + 1; i < h; i++)
		if (x->toks[i].flags & TOK_CAP)
			return 1;	/* the Marovian embassy */
	return (x->toks[h].flags & TOK_CAP) ||
	    quote_cue_in(x, h, &quote_cue_pperson) ||
	    quote_cue_in(x, h, &quote_cue_pother) ||
	    lex_match(x, LEX_SOURCE_NOUNS, h, 1, &v) != 0;
}

/* Does s hold the n bytes w as whole words, whatever their case? */
static int
quote_source_holds(const char *s, const char *w, size_t n)
{
	const char	*p;

	if (s == NULL || n == 0)
		return 0;
	for (p = s; *p != '\0'; p++)
		if ((p == s || p[-1] == ' ') && strncasecmp(p, w, n) == 0 &&
		    (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

/*
 * "the Civic Dawn leader": the named words [a, b) and the role noun at
 * token role describe the one person of the text whose title holds the
 * role and whose title or affiliation the names ("Civic Dawn leader
 * Lidia Stansk"). That entity, or EX_NONE when none or more than one fit.
 */
size_t
quote_source_titled(const struct qt *q, size_t a, size_t b, size_t role)
{
	const struct extract	*x = q->x;
	const struct ex_entity	*e;
	const char		*w = x->text + x->toks[role].start;
	const char		*nm = x->text + x->toks[a].start;
	size_t			 n = x->toks[role].end - x->toks[role].start;
	size_t			 nn = x->toks[b - 1].end - x->toks[a].start;
	size_t			 i, found = EX_NONE;

	if (a >= b || nn > 200)
		return EX_NONE;
	for (i = 0; i < x->nents; i++) {
		e = &x->ents[i];
		if (e->kind != EX_PERSON || !quote_source_holds(e->title, w,
		    n) || (!quote_source_holds(e->title, nm, nn) &&
		    !quote_source_holds(e->affiliation, nm, nn)))
			continue;
		if (found != EX_NONE)
			return EX_NONE;
		found = i;
	}
	return found;
}

#define PUT_IT_NEAR	40	/* tokens from a piece "as X put it" may be */

/*
 * "As X (recently) put it(, in a statement), \"Q\"", "\"Q,\" as X put it":
 * the idiom says the words are X's. Looks in the sentence of piece pc
 * for "as" X "put it" outside marks; 1 and pd's speaker and cue set if so.
 */
int
quote_source_put_it(const struct qt *q, const struct qt_piece *pc,
    struct qt_pending *pd)
{
	const struct extract	*x = q->x;
	size_t			 s, a, k;

	if ((s = quote_sentence(x, pc->open)) == EX_NONE)
		return 0;
	a = x->sents[s].first;
	if (pc->open > a + PUT_IT_NEAR)	/* near the piece only */
		a = pc->open - PUT_IT_NEAR;
	for (; a + 3 < x->sents[s].last && a < pc->open + PUT_IT_NEAR; a++) {
		if (!extract_tok_is(x, a, "as") || quote_inq(q, a) != EX_NONE)
			continue;
		for (k = a + 2; k + 1 < x->sents[s].last && k - a <= 16 &&
		    quote_inq(q, k) == EX_NONE; k++) {
			if (!extract_tok_is(x, k, "put") ||
			    !extract_tok_is(x, k + 1, "it"))
				continue;
			if (!quote_source_before(q, k, a + 1, &pd->sp) ||
			    pd->sp.first != a + 1) {
				pd->sp.first = pd->sp.last = EX_NONE;
				return 0;
			}
			pd->cue_first = k;
			pd->cue_last = k + 2;
			return 1;
		}
	}
	return 0;
}

/*
 * "X, who joked of the museum, \"Q\"": the cue at token cue follows "who"
 * after a comma; the source is the noun phrase before the comma, not
 * before lo, with "who" as the mention that speaks (sp->rel). 1 if so.
 */
int
quote_source_who(const struct qt *q, size_t cue, size_t lo,
    struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	size_t			 w = cue - 1;

	if (cue < lo + 3)
		return 0;
	while (w > lo + 2 && quote_cue_in(x, w, &quote_cue_aux))
		w--;		/* X, who has said */
	if (w < lo + 2 || !extract_tok_is(x, w, "who") ||
	    !quote_cue_punct(x, w - 1, ',') ||
	    !quote_source_left(q, w - 1, lo, sp))
		return 0;
	sp->rel = w;
	return 1;
}

/*
 * "\"Q,\" X said, adding, \"R\"": a cue in -ing after a comma opens a
 * participle clause whose subject is that of the cue before it in the
 * sentence. The speaker is that of the last quote found whose cue is in
 * the sentence before token cue, with no quote mark between; 1 if so.
 */
int
quote_source_participle(const struct qt *q, size_t cue,
    struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	const struct qt_pending	*pd;
	size_t			 k, i, s;

	if (cue < 2 || !quote_cue_punct(x, cue - 1, ',') ||
	    !quote_cue_suffix(x, cue, "ing") ||
	    (s = quote_sentence(x, cue)) == EX_NONE)
		return 0;
	for (k = q->npend; k > 0 && q->npend - k < 8; k--) {
		pd = &q->pend[k - 1];
		if (pd->cue_first == EX_NONE || pd->cue_last > cue - 1 ||
		    pd->cue_first < x->sents[s].first)
			continue;
		if (pd->sp.first == EX_NONE)
			return 0;
		for (i = pd->cue_last; i < cue; i++)
			if (x->toks[i].flags & (TOK_QUOTE | TOK_SQUOTE))
				return 0;
		*sp = pd->sp;
		return 1;
	}
	return 0;
}

/*
 * "The council condemned what it called \"Q\"": "it" or "they" (sp),
 * the subject of "called" after "what", stands for the subject of the
 * sentence, when that is a source named before the verb (not "Dalmarra
 * and Velmark", not cut from "Harbour officials") whose number it has
 * ("they" is not "the campaign"); 1 and *subj if so.
 */
int
quote_source_what_it(const struct qt *q, const struct qt_speaker *sp,
    struct qt_speaker *subj)
{
	const struct extract	*x = q->x;
	const char		*v;
	size_t			 w = sp->first - 1, e, h;
	int			 plural;

	if (sp->last != sp->first + 1 || !quote_cue_in(x, sp->first,
	    &quote_cue_pother) || w <= q->floor ||
	    !quote_source_subject(q, w, q->floor, subj) || subj->last > w)
		return 0;
	e = subj->last;		/* the word after it: its verb */
	for (h = subj->first + 1; h < e && !quote_source_prep(x, h) &&
	    !extract_tok_is(x, h, "of") && !extract_tok_is(x, h, "for"); h++)
		;
	h--;			/* its head: "leaders" of the council */
	plural = x->toks[h].end - x->toks[h].start > 3 &&
	    x->text[x->toks[h].end - 1] == 's';
	if (extract_tok_is(x, sp->first, "they") ? !plural : plural &&
	    !(x->toks[h].flags & TOK_CAP))
		return 0;	/* "the campaign ... what they call" */
	return !quote_cue_in(x, e - 1, &quote_cue_pother) &&
	    (x->toks[e].flags & TOK_WORD) && !extract_tok_is(x, e, "and") &&
	    !extract_tok_is(x, e, "or") &&
	    lex_match(x, LEX_SOURCE_NOUNS, e, 1, &v) == 0 &&
	    quote_source_can_speak(q, subj);
}
