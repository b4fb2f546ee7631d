/*
 * Indirect speech, in the quote stage: the clause a speech cue reports,
 * and its source. "Q, X said", "X said (that) Q", "according to X, Q",
 * "X told Y that Q", "X called for Q". Cues are extract-quote-cue.c's,
 * the source's noun phrase extract-quote-source.c's, who it is
 * extract-quote-speaker.c's, where the clause starts and ends
 * extract-quote-clause.c's.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-quote-int.h"
#include "extract-lexicon-int.h"
#include "banned.h"

#define IND_MIN		3	/* words of an indirect quote, least */

/*
 * Does [first, last) hold a quote given out directly or, near its end, a
 * cue already used? Bounded, so many cues in one sentence stay linear.
 */
static int
quote_attrib_taken(const struct qt *q, size_t first, size_t last)
{
	size_t	i, k;

	k = quote_next_mark(q, first);
	if (k != EX_NONE && k < last && (k = quote_inq(q, k)) != EX_NONE &&
	    q->pieces[k].cued)
		return 1;
	for (i = last; i > first && last - i < 64; i--)
		if (q->cueused[i - 1])
			return 1;
	return 0;
}

/* Words in [first, last). */
static size_t
quote_attrib_cue_words(const struct extract *x, size_t first, size_t last)
{
	size_t	i, n = 0;

	for (i = first; i < last && n < IND_MIN + 1; i++)
		if (x->toks[i].flags & TOK_WORD)
			n++;
	return n;
}

/* Add an indirect quote of tokens [first, last). */
static void
quote_attrib_add(struct qt *q, size_t first, size_t last, size_t cue, size_t n,
    const struct qt_speaker *sp)
{
	struct extract		*x = q->x;
	struct qt_pending	*pd;
	size_t			 k, m;

	/* never back over an earlier cue, never more than QT_IND_MAX tokens */
	if (first < q->floor && q->floor <= cue)
		first = q->floor;
	if (first + QT_IND_MAX < cue)
		first = cue - QT_IND_MAX;
	if (last > cue + n + QT_IND_MAX)
		last = cue + n + QT_IND_MAX;
	if (first >= last)
		return;
	q->floor = cue + n;
	while (last > first && ((x->toks[last - 1].flags & TOK_PUNCT) ||
	    (x->toks[last - 1].flags & (TOK_QUOTE | TOK_SQUOTE) &&
	    (x->toks[last - 1].flags & TOK_OPEN))))
		last--;
	while (first < last && (x->toks[first].flags & TOK_PUNCT))
		first++;
	if (quote_attrib_cue_words(x, first, last) < IND_MIN)
		return;
	pd = quote_pending_add(q);
	pd->first = first;
	pd->last = last;
	pd->kind = EX_INDIRECT;
	pd->cue_first = cue;
	pd->cue_last = cue + n;
	pd->sp = *sp;
	for (k = cue; k < cue + n; k++)
		q->cueused[k] = 1;
	/* quote marks inside make it mixed; short quotes are absorbed */
	for (k = quote_next_mark(q, first); k != EX_NONE && k < last;
	    k = quote_next_mark(q, k + 1)) {
		pd->kind = quote_piece_title(q, k) ? pd->kind : EX_MIXED;
		if ((m = quote_inq(q, k)) != EX_NONE && q->pieces[m].open >= first &&
		    q->pieces[m].last <= last && !q->pieces[m].cued)
			q->pieces[m].absorbed = 1;
		if (m != EX_NONE && q->pieces[m].close != EX_NONE &&
		    q->pieces[m].close > k)
			k = q->pieces[m].close;
	}
}

/*
 * "Brekk called the envoy on Monday to discuss Q": with no words in marks
 * near it, "called Y" then a time, a place or a purpose is a telephone
 * call or a summons, not "called Y Z" (a name given). 1 if so.
 */
static int
quote_attrib_phoned(const struct qt *q, size_t c, size_t l)
{
	const struct extract	*x = q->x;
	size_t			 k;

	k = quote_next_mark(q, c);
	if (k != EX_NONE && k < l)
		return 0;	/* called them "Manchurian anchors" */
	for (k = c + 1; k + 1 < l && k - c < 4; k++) {
		if (quote_cue_in(x, k, &quote_cue_when) || extract_tok_is(x, k,
		    "back"))
			return 1;	/* called Y Monday, called Y back */
		/* called Y on Monday, in Korvala, to discuss R */
		if ((quote_cue_in(x, k, &quote_cue_adverbial) ||
		    extract_tok_is(x, k, "from")) && ((x->toks[k + 1].flags &
		    (TOK_CAP | TOK_DIGIT)) || quote_cue_in(x, k + 1,
		    &quote_cue_when)))
			return 1;
		if (extract_tok_is(x, k, "to") && (x->toks[k + 1].flags &
		    TOK_WORD) && !(x->toks[k + 1].flags & TOK_CAP) &&
		    !quote_cue_in(x, k + 1, &quote_cue_np_det))
			return 1;
	}
	return 0;
}

/*
 * The marks that open at token k and close before l, not cued by a
 * speech verb of their own; NULL if there are none.
 */
static struct qt_piece *
quote_attrib_marks_at(struct qt *q, size_t k, size_t l)
{
	struct qt_piece	*pc;

	if (k == EX_NONE || k >= l || quote_inq(q, k) == EX_NONE)
		return NULL;
	pc = &q->pieces[quote_inq(q, k)];
	if (pc->open != k || pc->close == EX_NONE || pc->close >= l ||
	    pc->cued)
		return NULL;
	return pc;
}

/* A mixed quote of sp's from c up to last, with the cue at t. */
static void
quote_attrib_mixed(struct qt *q, size_t t, size_t c, size_t last,
    const struct qt_speaker *sp)
{
	struct qt_pending	*pd = quote_pending_add(q);

	pd->first = c;
	pd->last = last;
	pd->kind = EX_MIXED;
	pd->cue_first = t;
	pd->cue_last = t + 1;
	pd->sp = *sp;
	q->cueused[t] = 1;
	q->floor = t + 1;
}

/*
 * "condemned what he called \"a brazen breach\" of the rules": the text
 * says the marked words are his, and only those; the rest of the phrase
 * is the writer's. The quote is the object up to the close of the first
 * marks in it, however short, when they open within its first words;
 * 1 if so.
 */
static int
quote_attrib_called(struct qt *q, size_t t, size_t c, size_t l,
    const struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	struct qt_piece		*pc;
	struct qt_speaker	 subj;
	size_t			 k = quote_next_mark(q, c);

	if (sp->first == 0 || !extract_tok_is(x, sp->first - 1, "what") ||
	    k == EX_NONE || k - c > 3)
		return 0;
	if ((pc = quote_attrib_marks_at(q, k, l)) == NULL)
		return 0;
	pc->absorbed = 1;
	quote_attrib_mixed(q, t, c, pc->close + 1,
	    quote_source_what_it(q, sp, &subj) ? &subj : sp);
	return 1;
}

/*
 * "X described Y as a \"disgrace\" after R": marks opening right after
 * "as" (at token as, an article between allowed) close X's words; R is
 * the writer's. The quote runs from c, after the cue at t, to the close
 * of those marks; 1 if so.
 */
static int
quote_attrib_as_marked(struct qt *q, size_t t, size_t c, size_t as,
    size_t l, const struct qt_speaker *sp)
{
	struct qt_piece		*pc, *next;
	size_t			 k = quote_next_mark(q, as);

	if (k == EX_NONE || k - as > 2 ||
	    (pc = quote_attrib_marks_at(q, k, l)) == NULL)
		return 0;
	pc->absorbed = 1;
	/* as "a lifetime politician" who "has never ...": marks a few
	 * words apart, no punctuation between, are one description */
	while ((k = quote_next_mark(q, pc->close + 1)) != EX_NONE &&
	    k - pc->close <= 3 &&
	    !(q->x->toks[pc->close + 1].flags & TOK_PUNCT) &&
	    (next = quote_attrib_marks_at(q, k, l)) != NULL) {
		pc = next;
		pc->absorbed = 1;
	}
	quote_attrib_mixed(q, t, c, pc->close + 1, sp);
	return 1;
}

/*
 * "X called for Q", "X called Y a Q", "X described Y as Q": only when X
 * is a person or body (a name, a pronoun, a source noun), not "a drone
 * called Kestrel". A request or a question reports no words of X's: "X
 * asked Y to Q", "X asked whether Q", "X called on Y to Q" give nothing
 * (nor does "X urged Y to Q", see quote_attrib_sentence); words between
 * marks after such a cue are still X's, as a direct quote.
 */
static void
quote_attrib_call(struct qt *q, size_t t, size_t f, size_t l, const char *lemma)
{
	const struct extract	*x = q->x;
	struct qt_speaker	 sp;
	const char		*v;
	size_t			 h, c = t + 1, k;

	if (quote_cue_suffix(x, t, "ing") || !quote_source_before(q, t, f,
	    &sp))
		return;
	if (sp.first > f && extract_tok_is(x, sp.first - 1, "what") &&
	    (quote_next_mark(q, t) == EX_NONE || quote_next_mark(q, t) >= l))
		return;		/* what analysts described as R: no words */
	h = sp.last - 1;
	if (!(x->toks[h].flags & TOK_CAP) &&
	    !quote_cue_in(x, h, &quote_cue_pperson) &&
	    !quote_cue_in(x, h, &quote_cue_pother) &&
	    lex_match(x, LEX_SOURCE_NOUNS, h, 1, &v) == 0)
		return;
	if (strcmp(lemma, "ask") == 0)
		return;		/* a request or a question */
	if (strcmp(lemma, "call") != 0) {
		/* described Y as */
		for (k = c; k < l && k - c < 8; k++) {
			if (quote_cue_end(x, k) || quote_cue_punct(x, k, ';'))
				return;
			if (extract_tok_is(x, k, "as"))
				break;
		}
		if (k >= l || k - c >= 8)
			return;
		if (quote_attrib_as_marked(q, t, c, k, l, &sp))
			return;
	} else if (extract_tok_is(x, c, "on"))
		return;		/* called on Y to: a request */
	else if (extract_tok_is(x, c, "for"))
		c++;
	else if (quote_cue_in(x, c, &quote_cue_not_after) || extract_tok_is(x,
	    c, "off") || quote_attrib_called(q, t, c, l, &sp) ||
	    quote_attrib_phoned(q, c, l))
		return;
	if (c < l)
		quote_attrib_add(q, c, quote_clause_cut(q, c, l), t, 1, &sp);
}

/*
 * '"Q," X said, suggesting R': the speaker of a quote whose cue comes
 * shortly before token t in the sentence.
 */
static int
quote_attrib_quoted(const struct qt *q, size_t t, size_t f,
    struct qt_speaker *sp)
{
	size_t	u, k;

	for (u = t; u > f && t - u < 16; u--) {
		if (!q->cueused[u - 1])
			continue;
		for (k = q->npend; k > 0 && q->npend - k < 16; k--)
			if (q->pend[k - 1].cue_first == u - 1 &&
			    q->pend[k - 1].sp.first != EX_NONE) {
				*sp = q->pend[k - 1].sp;
				return 1;
			}
		return 0;
	}
	return 0;
}

/*
 * "X said Q, according to Y": the words before t are X's quote already;
 * Y is the medium of the last quote that ends in [f, t) when Y carries
 * words (an outlet, a document); when Y tells them (a ministry, aides),
 * the quote is Y's, "X said Q" whole.
 */
static void
quote_attrib_medium(struct qt *q, size_t f, size_t t,
    const struct qt_speaker *sp)
{
	size_t	k;

	for (k = q->npend; k > 0 && q->npend - k < 16; k--) {
		struct qt_pending *pd = &q->pend[k - 1];

		if (!(pd->last <= t + 1 && pd->last > f && pd->first < t))
			continue;
		if (pd->piece == EX_NONE && pd->sp.first != EX_NONE &&
		    pd->med_first == EX_NONE && quote_speaker_outlet(q,
		    &pd->sp, pd->cue_first) && !quote_speaker_outlet(q, sp,
		    EX_NONE)) {
			/* the Gazette reports Q, according to the institute:
			 * the institute tells, the Gazette carries */
			struct qt_speaker med = pd->sp;

			pd->sp = *sp;
			pd->cue_first = t;
			pd->cue_last = t + 2;
			quote_speaker_medium(q, pd, &med);
		} else if (pd->piece == EX_NONE && pd->kind != EX_DIRECT &&
		    pd->sp.first != EX_NONE && pd->sp.first >= f &&
		    pd->sp.first < pd->first && !quote_speaker_carrier(q, sp)) {
			/* X said Q, according to aides: the aides tell it */
			pd->first = pd->sp.first;
			pd->sp = *sp;
			pd->cue_first = t;
			pd->cue_last = t + 2;
		} else
			quote_speaker_medium(q, pd, sp);
		return;
	}
}

/* According to X, Q / Q, according to X: the cue of n tokens at t. */
static void
quote_attrib_according(struct qt *q, size_t t, size_t n, size_t f, size_t l)
{
	struct extract		*x = q->x;
	struct qt_speaker	 sp;
	size_t			 c;

	if (!quote_source_after(q, t + 2, l, &sp))
		return;
	quote_source_outlet(q, &sp, l);
	if (t == f || (t == f + 1 && (x->toks[f].flags & TOK_PUNCT))) {
		c = sp.last;
		while (c < l && !quote_cue_punct(x, c, ',') &&
		    !quote_cue_end(x, c) && c - sp.last < 40)
			c++;
		if (c < l && quote_cue_punct(x, c, ','))
			quote_attrib_add(q, c + 1, l, t, n, &sp);
	} else if (!quote_attrib_taken(q, f, t))
		quote_attrib_add(q, f, t, t, n, &sp);
	else
		quote_attrib_medium(q, f, t, &sp);
}

/*
 * Does the word after the cue at t make it no speech: "said of", "told
 * to"? But "said no one", "said about 40", "said on", "in", "at" are.
 */
static int
quote_attrib_not_reported(const struct extract *x, size_t t, size_t l)
{
	return t + 1 < l && quote_cue_in(x, t + 1, &quote_cue_not_after) &&
	    !(extract_tok_is(x, t + 1, "no") && t + 2 < l &&
	    (x->toks[t + 2].flags & TOK_WORD) &&
	    !extract_tok_is(x, t + 2, "to")) &&
	    !(t + 2 < l && extract_tok_is(x, t + 1, "about") &&
	    (x->toks[t + 2].flags & TOK_DIGIT)) &&
	    !extract_tok_is(x, t + 1, "on") &&
	    !extract_tok_is(x, t + 1, "in") &&
	    !extract_tok_is(x, t + 1, "at");
}

/* After "Q, X said" at e, does the sentence go on with its own R? */
static int
quote_attrib_runs_on(const struct qt *q, size_t e, size_t l)
{
	const struct extract	*x = q->x;

	return e < l && quote_cue_punct(x, e, ',') &&
	    quote_attrib_cue_words(x, e + 1, l) >= IND_MIN &&
	    !quote_cue_in(x, e + 1, &quote_cue_aside) &&
	    !quote_cue_in(x, e + 1, &quote_cue_subord) &&
	    !quote_clause_time_aside(q, e + 1, l) &&
	    !quote_clause_participle(x, e + 1, l) &&
	    !(quote_cue_suffix(x, e + 1, "ing") &&
	    quote_cue_lemma(x, e + 1) != NULL);
}

/*
 * After a cue, a comma and a clause of time or reason from c ("argued,
 * since the vote"): the writer's, so what was said starts after a later
 * ", that" (announced, since the talks failed, that Q). Returns where it
 * starts, c if no such clause is at c, or l if nothing reported follows.
 */
static size_t
quote_attrib_after_subord(const struct qt *q, size_t t, size_t c, size_t l)
{
	const struct extract	*x = q->x;
	size_t			 k;

	if (!(c > t + 1 && c < l && quote_cue_punct(x, c - 1, ',') &&
	    quote_cue_in(x, c, &quote_cue_subord) && !extract_tok_is(x, c,
	    "as")))
		return c;
	for (k = t + 1; k + 1 < c; k++)
		if (extract_tok_is(x, k, "that"))
			return c;	/* said that, if elected, he would */
	for (k = c + 1; k + 1 < l && k - c < 16; k++)
		if (quote_cue_punct(x, k, ',') && extract_tok_is(x, k + 1,
		    "that"))
			return k + 2;
	return l;
}

/* X said (that) Q / Q, X said. / Q, X said, R: sp is X, before the cue. */
static void
quote_attrib_subject_cue(struct qt *q, size_t t, size_t f, size_t l,
    const char *lemma, const struct qt_speaker *sp)
{
	struct extract	*x = q->x;
	size_t		 a = sp->first, c, e;

	c = quote_attrib_after_subord(q, t, quote_clause_start(q, t + 1, l,
	    lemma), l);
	e = quote_clause_tail(q, t + 1, l);
	if (a > f + 1 && e != EX_NONE && (quote_cue_punct(x, a - 1, ',') ||
	    (x->toks[a - 1].flags & (TOK_CLOSE | TOK_DASH)))) {
		if (quote_attrib_taken(q, f, a - 1))
			;
		else if (quote_attrib_runs_on(q, e, l))
			quote_attrib_add(q, f, quote_clause_cut(q, e + 1, l),
			    t, 1, sp);	/* Q, X said, R, although S */
		else
			quote_attrib_add(q, f, a - 1, t, 1, sp);
	} else if (c < l && !quote_cue_end(x, c) && !(c > t + 1 &&
	    quote_cue_punct(x, c - 1, ',') && (quote_clause_time_aside(q, c,
	    l))) &&
	    !quote_clause_object_only(q, t, c, l, lemma))
		quote_attrib_add(q, c, quote_clause_cut(q, c, l), t, 1, sp);
}

/*
 * Q, said X. Returns 1 if the cue at t was that. X must be able to speak
 * ("Q, declared bankruptcy" is no quote) and may end in a place ("said one
 * source in the room").
 */
static int
quote_attrib_said_x(struct qt *q, size_t t, size_t f, size_t l)
{
	struct extract		*x = q->x;
	struct qt_speaker	 sp;
	size_t			 e;

	if (!(t > f && (quote_cue_punct(x, t - 1, ',') ||
	    (x->toks[t - 1].flags & TOK_CLOSE)) &&
	    quote_source_after(q, t + 1, l, &sp)))
		return 0;
	e = sp.last;
	if (e < l && (extract_tok_is(x, e, "in") || extract_tok_is(x, e,
	    "at") || extract_tok_is(x, e, "on")))
		for (e++; e < l && e - sp.last < 6 && (x->toks[e].flags &
		    TOK_WORD) && quote_cue_lemma(x, e) == NULL;)
			e++;
	if (!(e >= l || quote_cue_end(x, e) || quote_cue_punct(x, e, ',')))
		return 0;
	if (!quote_source_can_speak(q, &sp) || quote_cue_suffix(x, t, "ing"))
		return 1;	/* a cue with its object: no quote; "Q,
				 * echoing X": X is not who spoke Q */
	if (!quote_attrib_taken(q, f, t - 1))
		quote_attrib_add(q, f, t - 1, t, 1, &sp);
	return 1;
}

/* X, who said Q, ... Returns 1 if the cue at t was that. */
static int
quote_attrib_who_said(struct qt *q, size_t t, size_t f, size_t l,
    const char *lemma)
{
	struct extract		*x = q->x;
	struct qt_speaker	 sp;
	size_t			 a, c, e, w = t - 1, k;

	while (w > f + 2 && quote_cue_in(x, w, &quote_cue_aux))
		w--;		/* X, who have long argued */
	if (!(w > f + 1 && (extract_tok_is(x, w, "who") ||
	    extract_tok_is(x, w, "which"))))
		return 0;
	k = w;			/* X, who said / the study -- which notes */
	if (quote_cue_punct(x, w - 1, ',') || (x->toks[w - 1].flags &
	    TOK_DASH))
		k = w - 1;
	else if (!(x->toks[w - 1].flags & TOK_WORD) ||
	    quote_cue_in(x, w - 1, &quote_cue_stop))
		return 0;	/* a listener who said: no comma */
	if (k == w) {
		/* A captain who said Q (then) filed R: the subject's clause */
		for (a = w - 1; a > f && w - a <= 5 && !quote_cue_in(x, a,
		    &quote_cue_np_det); a--)
			;
		if (a == f)
			return 0;
	}
	if (k <= f || !quote_source_left(q, k, f, &sp))
		return 0;
	c = quote_clause_start(q, t + 1, l, lemma);
	e = c < l ? quote_clause_cut(q, c, l) : l;
	for (k = c; k < e && !quote_cue_punct(x, k, ','); k++)
		;
	e = k;
	sp.rel = w;
	if (c < e)
		quote_attrib_add(q, c, e, t, 1, &sp);
	return 1;
}

/*
 * "The amnesty, announced on Sunday, covers": a participle between commas
 * with only a prepositional phrase after it is a passive that says what
 * was announced, not who spoke.
 */
static int
quote_attrib_passive(const struct extract *x, size_t t, size_t l)
{
	size_t	k;

	if (!quote_cue_punct(x, t - 1, ',') || quote_cue_suffix(x, t, "ing") ||
	    t + 1 >= l || !(extract_tok_is(x, t + 1, "on") ||
	    extract_tok_is(x, t + 1, "in") || extract_tok_is(x, t + 1, "at") ||
	    extract_tok_is(x, t + 1, "by") || extract_tok_is(x, t + 1,
	    "last") || extract_tok_is(x, t + 1, "earlier")))
		return 0;
	for (k = t + 2; k < l && k - t < 7; k++) {
		if (quote_cue_punct(x, k, ','))
			return 1;
		if (!(x->toks[k].flags & TOK_WORD) || quote_cue_in(x, k,
		    &quote_cue_stop))
			return 0;
	}
	return 0;
}

/*
 * X acknowledged Q but said R / X said Q, adding R: the speaker is the
 * sentence's last (*prev, if *have), a quote's just before, or the
 * subject.
 */
static void
quote_attrib_second_cue(struct qt *q, size_t t, size_t f, size_t l,
    const char *lemma, struct qt_speaker *prev, int *have)
{
	struct extract	*x = q->x;
	size_t		 c, b = t, k, lo;

	if (b > f + 1 && quote_cue_in(x, b - 1, &quote_cue_aux))
		b--;		/* ... and repeatedly says Q */
	if (!(b > f && (extract_tok_is(x, b - 1, "and") ||
	    extract_tok_is(x, b - 1, "but") || quote_cue_punct(x, b - 1,
	    ',') || (quote_cue_gerund_prep(x, b - 1) && b == t &&
	    quote_cue_suffix(x, t, "ing")))))
		return;		/* X responded by saying Q */
	if (quote_attrib_passive(x, t, l))
		return;
	/* X did R, but he refuses S, aside from saying Q: he */
	for (k = t - 1, lo = f; k > f + 1 && t - k < 24; k--)
		if (quote_cue_punct(x, k - 1, ',') && extract_tok_is(x, k,
		    "but") && (quote_cue_in(x, k + 1, &quote_cue_pperson) ||
		    quote_cue_in(x, k + 1, &quote_cue_pother))) {
			lo = k + 1;
			break;
		}
	if (lo > f && quote_source_subject(q, t, lo, prev))
		;		/* the nearer clause's own subject */
	else if (!*have && !quote_attrib_quoted(q, t, f, prev) &&
	    !quote_source_subject(q, t, f, prev))
		return;
	c = quote_clause_start(q, t + 1, l, lemma);
	if (c < l && !quote_clause_object_only(q, t, c, l, lemma))
		quote_attrib_add(q, c, quote_clause_cut(q, c, l), t, 1, prev);
	*have = 1;
}

/* Nouns of saying that take a clause: "Varga's claim that Q". */
static const char *const quote_attrib_claim_list[] = {
	"claim", "claims", "assertion", "statement", "insistence",
	"warning", "promise", "pledge", "vow", "argument", "suggestion"
};
static struct quote_cue_shape quote_attrib_claim_list_shape;
static const struct quote_cue_words quote_attrib_claim =
    QUOTE_CUE_WORDS(quote_attrib_claim_list);

/* Build this file's word list now (extract_init). */
void
quote_attrib_init(void)
{
	quote_cue_words_init(&quote_attrib_claim);
}

/*
 * "Varga's claim that Q", "the ministry's insistence that Q": a noun of
 * saying owned by its speaker, named, with the clause it reports after
 * "that" ("his claim" is left: a pronoun there is read no further). 1 if
 * the noun at t was that.
 */
static int
quote_attrib_claim_of(struct qt *q, size_t t, size_t f, size_t l)
{
	struct extract		*x = q->x;
	struct qt_speaker	 sp;
	size_t			 c, a;
	int			 low;

	if (t < f + 2 || !(x->toks[t - 1].flags & TOK_POSS) || t + 2 >= l ||
	    !extract_tok_is(x, t + 1, "that") ||
	    !quote_cue_in(x, t, &quote_attrib_claim))
		return 0;
	/* the owner only: "Varga's", "the Marovian embassy's" */
	a = t - 1;
	low = a > f && (x->toks[a - 1].flags & TOK_WORD) &&
	    !(x->toks[a - 1].flags & TOK_CAP);
	if (low)
		a--;		/* embassy's */
	while (a > f && (x->toks[a - 1].flags & TOK_CAP) &&
	    (x->toks[a - 1].flags & TOK_WORD) && t - a < 6)
		a--;
	if (a > f && extract_tok_is(x, a - 1, "the"))
		a--;
	else if (low)
		a = t - 1;	/* "dismissed's": no owner */
	if (a == t - 1 || !quote_source_left(q, t - 1, a, &sp) ||
	    !quote_source_can_speak(q, &sp))
		return 0;
	c = t + 2;
	if (c < l && !quote_cue_end(x, c))
		quote_attrib_add(q, c, quote_clause_cut(q, c, l), t, 1, &sp);
	return 1;
}

/* Find the indirect speech in one sentence, cue by cue. */
/*
 * Is cue t inside the words of an indirect quote already found in the
 * sentence from token f ("Earnest said that Obama has long called for
 * Q")? Then what it reports is part of that quote, told by its speaker.
 * Not when its subject opens a clause after a comma ("While he conceded
 * Q, Ham also noted R") or is framed by "what" ("what he called Q").
 */
static int
quote_attrib_inside(const struct qt *q, size_t t, size_t f)
{
	const struct extract	*x = q->x;
	const struct qt_pending	*pd;
	struct qt_speaker	 sp;
	size_t			 k;

	sp.first = EX_NONE;
	if (quote_source_before(q, t, f, &sp) && sp.first > f + 1 &&
	    (extract_tok_is(x, sp.first - 1, "while") ||
	    extract_tok_is(x, sp.first - 1, "whereas")))
		sp.first--;	/* ..., while 73 percent said Q */
	if (sp.first != EX_NONE && sp.first > f &&
	    (quote_cue_punct(x, sp.first - 1, ',') ||
	    extract_tok_is(x, sp.first - 1, "what")))
		return 0;
	for (k = q->npend; k > 0 && q->npend - k < 32; k--) {
		pd = &q->pend[k - 1];
		if (pd->piece == EX_NONE && pd->cue_first != EX_NONE &&
		    pd->cue_first >= f && pd->cue_first < t &&
		    pd->first <= t && t < pd->last)
			return 1;
	}
	return 0;
}

/*
 * Does the noun phrase sp open the sentence at f after a preposition, "In
 * a letter posted on Friday, X said Q": the object of the preposition
 * with a participle after it, no subject of a cue.
 */
static int
quote_attrib_fronted(const struct extract *x, const struct qt_speaker *sp,
    size_t f)
{
	static const char *const prep[] = {
		"in", "on", "at", "during", "through", "via", "with", "under",
		"amid"
	};
	size_t	k;

	if (sp->first != f + 1 || !(x->toks[f].flags & TOK_CAP))
		return 0;
	for (k = 0; k < sizeof prep / sizeof prep[0]; k++)
		if (extract_tok_is(x, f, prep[k]))
			return 1;
	return 0;
}

static void
quote_attrib_sentence(struct qt *q, size_t s)
{
	struct extract		*x = q->x;
	size_t			 f = x->sents[s].first;
	size_t			 l = x->sents[s].last;
	size_t			 t, n;
	struct qt_speaker	 sp, prev;
	const char		*lemma;
	int			 have = 0;

	q->floor = f;
	for (t = f; t < l; t++) {
		if (quote_inq(q, t) != EX_NONE || q->cueused[t])
			continue;
		if ((n = quote_cue_at(q, t, 2)) == 0) {
			if (t >= f + 2 && (x->toks[t - 1].flags & TOK_POSS))
				quote_attrib_claim_of(q, t, f, l);
			continue;
		}
		if (n == 2) {
			quote_attrib_according(q, t, n, f, l);
			continue;
		}
		if ((lemma = quote_cue_lemma(x, t)) == NULL &&
		    (lemma = quote_cue_title(x, t)) == NULL)
			continue;
		if (strcmp(lemma, "urge") == 0 || quote_attrib_inside(q, t, f))
			continue;	/* X urged Y to Q: a request */
		if (strcmp(lemma, "call") == 0 || strcmp(lemma, "ask") == 0 ||
		    strcmp(lemma, "describe") == 0) {
			quote_attrib_call(q, t, f, l, lemma);
			continue;
		}
		if (quote_attrib_not_reported(x, t, l))
			continue;
		if (quote_source_before(q, t, f, &sp)) {
			if (sp.first > f && (extract_tok_is(x, sp.first - 1,
			    "what") || extract_tok_is(x, sp.first - 1, "how")))
				continue;	/* what X says Q would do */
			if (quote_attrib_fronted(x, &sp, f))
				continue;	/* In a letter posted, X said */
			quote_attrib_subject_cue(q, t, f, l, lemma, &sp);
			prev = sp;
			have = 1;
			continue;
		}
		if (quote_attrib_said_x(q, t, f, l) ||
		    quote_attrib_who_said(q, t, f, l, lemma))
			continue;
		quote_attrib_second_cue(q, t, f, l, lemma, &prev, &have);
	}
}

/* Find the indirect speech in paragraph p. */
void
quote_attrib_indirect(struct qt *q, size_t p)
{
	struct extract	*x = q->x;
	size_t		 s, i;

	if (x->paras[p].first >= x->paras[p].last)
		return;
	/* a headline or caption: no stop at its end, no reported speech */
	i = x->paras[p].last - 1;
	while (i > x->paras[p].first && ((x->toks[i].flags & TOK_CLOSE) ||
	    quote_cue_punct(x, i, ')')))
		i--;	/* ...it.'' or ...Fancy Bear.) */
	if (!quote_cue_end(x, i) && !quote_cue_punct(x, i, ':') &&
	    !((x->toks[i].flags & TOK_ABBR) && x->text[x->toks[i].end - 1] ==
	    '.'))
		return;
	for (s = quote_sentence(x, x->paras[p].first); s != EX_NONE &&
	    s < x->nsents && x->sents[s].para == p; s++)
		quote_attrib_sentence(q, s);
}
