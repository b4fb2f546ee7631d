/*
 * The quote stage: direct quotes between marks, including quotes that run
 * over paragraphs whose closing mark is left out, each attributed by the
 * cue next to it or taking the speaker of the quote before it; indirect
 * speech comes from extract-quote-attrib.c. Every search is bounded to the
 * paragraph or a few tokens, so time is linear in the text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-quote-int.h"
#include "xmalloc.h"
#include "banned.h"

#define QT_NEAR		10	/* tokens between a quote and cue */
#define QT_FAR		30	/* the same with a long title between */
#define QT_SHORT	3	/* words: shorter needs a cue of its own */

/* Does token i end a sentence or clause: . ? ! ; */
static int
quote_stop(const struct extract *x, size_t i)
{
	return quote_cue_end(x, i) || quote_cue_punct(x, i, ';');
}

/* The number of words in tokens [first, last). */
static size_t
quote_words(const struct extract *x, size_t first, size_t last)
{
	size_t	i, n = 0;

	for (i = first; i < last; i++)
		if ((x->toks[i].flags & TOK_WORD) &&
		    !(x->toks[i].flags & TOK_POSS))
			n++;
	return n;
}

/* Add a pending quote; returns it zeroed, with no cue and no speaker. */
struct qt_pending *
quote_pending_add(struct qt *q)
{
	struct qt_pending	*p;

	if (q->npend == q->cappend) {
		q->cappend = q->cappend ? q->cappend * 2 : 16;
		q->pend = xreallocarray(q->pend, q->cappend, sizeof *q->pend);
	}
	p = &q->pend[q->npend++];
	memset(p, 0, sizeof *p);
	p->cue_first = p->cue_last = EX_NONE;
	p->sp.first = p->sp.last = EX_NONE;
	p->sp.entity = EX_NONE;
	p->sp.head = EX_NONE;
	p->continues = EX_NONE;
	p->sp.rel = EX_NONE;
	p->piece = EX_NONE;
	p->med_first = p->med_last = p->med_entity = EX_NONE;
	return p;
}

/* Start a piece at mark token open. */
static size_t
quote_piece_add(struct qt *q, size_t open, size_t para, int single,
    size_t *cap)
{
	struct qt_piece	*pc;

	if (q->npieces == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		q->pieces = xreallocarray(q->pieces, *cap, sizeof *q->pieces);
	}
	pc = &q->pieces[q->npieces];
	memset(pc, 0, sizeof *pc);
	pc->open = open;
	pc->close = EX_NONE;
	pc->first = open + 1;
	pc->last = open + 1;
	pc->para = para;
	pc->prev = pc->next = EX_NONE;
	pc->cue_first = pc->cue_last = EX_NONE;
	pc->quote = EX_NONE;
	pc->single = single;
	return q->npieces++;
}

/* Close piece pc at mark token i. */
static void
quote_piece_close(struct qt_piece *pc, size_t i)
{
	pc->close = i;
	pc->last = i;
}

/* Drop the unclosed pieces that nothing continues; map tokens to pieces. */
static void
quote_pieces_keep(struct qt *q)
{
	struct qt_piece	*pc;
	size_t		 p, i;

	for (p = 0, i = 0; i < q->npieces; i++) {
		pc = &q->pieces[i];
		if (pc->close == EX_NONE && ((pc->next == EX_NONE &&
		    !pc->goes_on) || pc->single)) {
			if (pc->prev != EX_NONE)
				q->pieces[pc->prev].next = EX_NONE;
			continue;
		}
		if (pc->prev != EX_NONE)
			q->pieces[pc->prev].next = p;
		if (pc->next != EX_NONE)
			q->pieces[pc->next].prev = p;
		q->pieces[p++] = *pc;
	}
	q->npieces = p;
	for (i = 0; i < q->npieces; i++) {
		pc = &q->pieces[i];
		for (p = pc->open; p < pc->last; p++)
			q->inq[p] = (uint32_t)i;
		if (pc->close != EX_NONE)
			q->inq[pc->close] = (uint32_t)i;
	}
}

/*
 * Pair quote marks into pieces, paragraph by paragraph, in one pass. A
 * double mark left open at a paragraph's end continues when the next
 * paragraph opens with a mark; otherwise it is dropped. Single marks make
 * a piece only outside double ones.
 */
static void
quote_pieces(struct qt *q)
{
	struct extract	*x = q->x;
	struct qt_piece	*pc;
	size_t		 p, i, cap = 0, dopen, sopen, lastopen = EX_NONE;
	unsigned	 f;

	for (p = 0; p < x->nparas; p++) {
		dopen = sopen = EX_NONE;
		for (i = x->paras[p].first; i < x->paras[p].last; i++) {
			f = x->toks[i].flags;
			if (f & TOK_QUOTE) {
				if (dopen != EX_NONE && (f & TOK_CLOSE)) {
					quote_piece_close(&q->pieces[dopen], i);
					dopen = EX_NONE;
				} else if (f & TOK_OPEN) {
					/* opened again: restart; the new
					 * piece goes on from nothing */
					if (dopen != EX_NONE) {
						pc = &q->pieces[dopen];
						if (pc->prev != EX_NONE)
							q->pieces[pc->prev]
							    .next = EX_NONE;
						q->npieces--;
					}
					dopen = quote_piece_add(q, i, p, 0,
					    &cap);
					sopen = EX_NONE;
					pc = &q->pieces[dopen];
					if (i == x->paras[p].first &&
					    lastopen != EX_NONE &&
					    q->pieces[lastopen].para + 1 == p &&
					    quote_span_same_mark(x, q->pieces[
					    lastopen].open, i)) {
						pc->prev = lastopen;
						q->pieces[lastopen].next =
						    dopen;
						q->pieces[lastopen].goes_on =
						    1;
					}
					lastopen = EX_NONE;
				}
			} else if ((f & TOK_SQUOTE) && dopen == EX_NONE) {
				if (sopen != EX_NONE && (f & TOK_CLOSE)) {
					quote_piece_close(&q->pieces[sopen], i);
					sopen = EX_NONE;
				} else if ((f & TOK_OPEN) && sopen == EX_NONE)
					sopen = quote_piece_add(q, i, p, 1,
					    &cap);
			}
		}
		if (sopen != EX_NONE) {
			if (sopen == q->npieces - 1)
				q->npieces--;
			else
				q->pieces[sopen].close = EX_NONE;
		}
		lastopen = EX_NONE;
		if (dopen != EX_NONE) {
			pc = &q->pieces[dopen];
			pc->last = x->paras[p].last;
			lastopen = dopen;
		}
	}
	quote_pieces_keep(q);
}

/* Look for "Q," X said / "Q," said X after a piece's closing mark. */
static int
quote_piece_cue_after(struct qt *q, const struct qt_piece *pc,
    struct qt_pending *pd)
{
	struct extract	*x = q->x;
	size_t		 i, j, n, end = x->paras[pc->para].last;
	int		 paren;

	if (pc->close == EX_NONE)
		return 0;
	i = pc->close + 1;
	if (i + 1 < end && (x->toks[i].flags & TOK_DASH) &&
	    (x->toks[i + 1].flags & TOK_CAP) &&
	    quote_source_after(q, i + 1, end, &pd->sp) &&
	    (pd->sp.last >= end || quote_stop(x, pd->sp.last) ||
	    quote_cue_punct(x, pd->sp.last, ','))) {
		/* "Q" -- Name, at the end of a line */
		return 1;
	}
	if (i < end && (quote_cue_punct(x, i, ',') ||
	    (x->toks[i].flags & TOK_DASH)))
		i++;
	if (i >= end)
		return 0;
	if ((n = quote_cue_at(q, i, 0)) != 0 &&
	    !quote_cue_medium(q, i, pc->open)) {
		if (!quote_source_after(q, i + n, end, &pd->sp))
			return 0;
		pd->cue_first = i;
		pd->cue_last = i + n;
		return 1;
	}
	paren = 0;
	for (j = i + 1; j < end && j < i + QT_FAR; j++) {
		if (quote_cue_punct(x, j, '('))
			paren = 1;
		else if (quote_cue_punct(x, j, ')'))
			paren = 0;
		if (x->toks[j].flags & (TOK_QUOTE | TOK_SQUOTE) ||
		    (quote_stop(x, j) && !paren && !(j + 1 < end &&
		    quote_cue_punct(x, j + 1, ','))))
			break;		/* not the dot of "R-Ky.," */
		if ((n = quote_cue_at(q, j, 0)) == 0 &&
		    (n = quote_cue_closing(q, j, end)) == 0)
			continue;
		if (quote_stop(x, pc->close - 1) &&
		    !quote_cue_punct(x, i - 1, ',') &&
		    j + n < end && !quote_stop(x, j + n) &&
		    !quote_cue_punct(x, j + n, ',') &&
		    quote_clause_tail(q, j + n, end) == EX_NONE)
			return 0;	/* "Q." She said that ..., not
					 * "Q!" she shouted to the crowd. */
		if (quote_stop(x, pc->close - 1) && j + n + 1 < end &&
		    (quote_cue_punct(x, j + n, ',') || quote_cue_punct(x,
		    j + n, ':')) && (x->toks[j + n + 1].flags & TOK_QUOTE) &&
		    (x->toks[j + n + 1].flags & TOK_OPEN))
			return 0;	/* "Q." She adds, "R": R's cue */
		if (!quote_source_before(q, j, i, &pd->sp) || pd->sp.first !=
		    i) {
			/* "Q," Name, a long title, said */
			if (!(x->toks[i].flags & TOK_CAP) ||
			    !quote_source_after(q, i, j, &pd->sp) ||
			    !quote_cue_punct(x, pd->sp.last, ','))
				return 0;
		}
		pd->cue_first = j;
		pd->cue_last = j + n;
		return 1;
	}
	return 0;
}

/* Does the sentence end with the piece's closing mark? */
static int
quote_ends(const struct extract *x, const struct qt_piece *pc)
{
	if (pc->close == EX_NONE)
		return 1;
	return pc->close + 1 >= x->ntoks || quote_stop(x, pc->close + 1) ||
	    quote_stop(x, pc->close - 1) ||
	    (x->toks[pc->close + 1].flags & TOK_PARA);
}

/* Look for X said: "Q" / X said, "Q" / X said that "Q." before a piece. */
static int
quote_piece_cue_before(struct qt *q, const struct qt_piece *pc,
    struct qt_pending *pd)
{
	struct extract	*x = q->x;
	size_t		 i, j, n, lo = x->paras[pc->para].first, b;
	int		 that = 0, mark;

	if (pc->open <= lo) {
		/* He said: / "Q" in the next paragraph */
		if (pc->para == 0 || pc->open == 0 ||
		    !quote_cue_punct(x, pc->open - 1, ':'))
			return 0;
		lo = x->paras[pc->para - 1].first;
		if (pc->open - lo > QT_FAR)	/* X, in an address, said: */
			lo = pc->open - QT_FAR;
	}
	b = pc->open - 1;
	if (quote_cue_punct(x, b, ':') || quote_cue_punct(x, b, ','))
		b--;
	else if (extract_tok_is(x, b, "that")) {
		/* said that "Q." only when the quote ends the sentence */
		if (!quote_ends(x, pc))
			return 0;
		that = 1;
		b--;
	}
	if (b == EX_NONE || b < lo)
		return 0;
	for (j = b + 1; j-- > lo && b - j < 6;) {
		if (x->toks[j].flags & (TOK_QUOTE | TOK_SQUOTE) ||
		    quote_stop(x, j))
			break;
		mark = that || quote_cue_punct(x, b + 1, ':') ||
		    quote_cue_punct(x, b + 1, ',');
		if ((n = quote_cue_at(q, j, !mark)) == 0 || q->cueused[j])
			continue;
		if (j + n <= b && !mark)
			return 0;
		if (!mark && !quote_ends(x, pc))
			return 0;	/* X said "Q" and more: mixed */
		i = quote_sentence(x, j);
		i = i != EX_NONE ? x->sents[i].first : lo;
		if (i < lo)
			i = lo;
		if (!quote_source_participle(q, j, &pd->sp) &&
		    !quote_source_who(q, j, i, &pd->sp) &&
		    !quote_source_before(q, j, i, &pd->sp) &&
		    !quote_source_subject(q, j, i, &pd->sp) && !(j == i &&
		    quote_cue_punct(x, b + 1, ':') && quote_source_after(q,
		    j + n, b + 1, &pd->sp) && pd->sp.last == b + 1))
			return 0;	/* Said Ellis: "Q" */
		pd->cue_first = j;
		pd->cue_last = j + n;
		return 1;
	}
	if (quote_cue_punct(x, pc->open - 1, ':') &&
	    (j = quote_sentence(x, pc->open - 1)) != EX_NONE) {
		/* X echoed: / released the following statement: "Q" */
		if (quote_source_subject(q, pc->open - 1, x->sents[j].first,
		    &pd->sp) && quote_source_can_speak(q, &pd->sp))
			return 1;
		pd->sp.first = pd->sp.last = EX_NONE;
	}
	return 0;
}

/*
 * A statement set off without marks in the paragraph after "X added:" is
 * X's, quoted whole: a cue at most a few tokens before the colon that
 * ends paragraph p - 1, with a speaker; "the following:" has none. Its
 * words are spoken, so no cue in them starts another quote.
 */
static void
quote_block(struct qt *q, size_t p)
{
	struct extract		*x = q->x;
	struct qt_pending	*pd;
	size_t			 i, j, n, c, first = x->paras[p].first;

	if (p == 0 || first == 0 || !quote_cue_punct(x, first - 1, ':') ||
	    (x->toks[first].flags & (TOK_QUOTE | TOK_SQUOTE)) ||
	    quote_words(x, first, x->paras[p].last) < QT_SHORT)
		return;
	c = first - 1;
	for (j = c; j-- > x->paras[p - 1].first && c - j <= 6;) {
		if (x->toks[j].flags & (TOK_QUOTE | TOK_SQUOTE) ||
		    quote_stop(x, j))
			return;
		if ((n = quote_cue_at(q, j, 0)) == 0 || q->cueused[j])
			continue;
		i = quote_sentence(x, j);
		i = i != EX_NONE ? x->sents[i].first : x->paras[p - 1].first;
		pd = quote_pending_add(q);
		if (!quote_source_before(q, j, i, &pd->sp) &&
		    !quote_source_subject(q, j, i, &pd->sp)) {
			q->npend--;
			return;
		}
		pd->first = first;
		pd->last = x->paras[p].last;
		pd->kind = EX_DIRECT;
		pd->cue_first = j;
		pd->cue_last = j + n;
		memset(q->cueused + j, 1, n);
		memset(q->cueused + first, 1, pd->last - first);
		return;
	}
}

/* Attribute a quote over one or more pieces from its head piece. */
static void
quote_direct(struct qt *q, size_t k)
{
	struct extract		*x = q->x;
	struct qt_piece		*pc = &q->pieces[k], *tail;
	struct qt_pending	*pd;
	size_t			 i, t, words;
	int			 found;

	if (quote_span_aside(x, pc->first, pc->last)) {
		/* a transcript's "(CROSSTALK.)": no words said; the
		 * paragraphs round it stay one quote */
		if (pc->prev != EX_NONE)
			q->pieces[pc->prev].next = pc->next;
		if (pc->next != EX_NONE)
			q->pieces[pc->next].prev = pc->prev;
		pc->prev = pc->next = EX_NONE;
		return;
	}
	if (pc->prev != EX_NONE && quote_span_label(x, pc)) {
		/* a transcript: a new speaker's label starts a new quote */
		q->pieces[pc->prev].next = EX_NONE;
		pc->prev = EX_NONE;
	}
	if (pc->prev != EX_NONE) {
		/* a later paragraph of a quote: its head decided */
		pd = quote_pending_add(q);
		pd->first = pc->first;
		pd->last = pc->last;
		pd->piece = k;
		pd->kind = EX_DIRECT;
		pd->inherit = 2;
		return;
	}
	for (t = k; q->pieces[t].next != EX_NONE; t = q->pieces[t].next)
		;
	tail = &q->pieces[t];
	words = quote_words(x, pc->first, pc->last);
	pd = quote_pending_add(q);
	pd->first = pc->first;
	pd->last = pc->last;
	pd->piece = k;
	pd->kind = EX_DIRECT;
	if (words == 0) {
		q->npend--;
		return;
	}
	if (quote_span_label(x, pc)) {
		/* a transcript: "PENCE: Well, ..." */
		pd->sp.first = pc->first;
		pd->sp.last = pc->first + 1;
		pd->first = pc->first + 2;
		pc->cued = 1;
		return;
	}
	if (quote_span_title(x, pc->first, pc->last) && !(pc->open > 0 &&
	    quote_cue_punct(x, pc->open - 1, ':')) && !(k > 0 &&
	    q->pieces[k - 1].cued && q->pieces[k - 1].para == pc->para &&
	    quote_stop(x, pc->open - 1))) {
		/* ''An American Son'', "Here's the Thing.", but not the
		 * rest of a quote split by its cue: ", she said. "Not now." */
		pc->title = 1;
		q->npend--;
		return;
	}
	found = quote_piece_cue_before(q, pc, pd);
	if (found && (!quote_cue_punct(x, pc->open - 1, ':') ||
	    pd->cue_first == EX_NONE) && tail->close != EX_NONE) {
		/* "Q," X said wins over a cue before that is not X said:,
		 * and over "X scolded him:" (no cue) */
		struct qt_pending alt = *pd;

		alt.sp.first = alt.sp.last = EX_NONE;
		if (quote_piece_cue_after(q, tail, &alt))
			*pd = alt;
	} else if (!found)
		found = quote_piece_cue_after(q, tail, pd) ||
		    quote_source_put_it(q, pc, pd);
	if (!found) {
		if (pc->single) {
			q->npend--;
			return;
		}
		pd->inherit = 1;
		return;
	}
	if (pc->single && (words < QT_SHORT || pc->close == EX_NONE ||
	    !(quote_stop(x, pc->close - 1) || quote_cue_punct(x, pc->close - 1,
	    ',')))) {
		/* single marks hold names and scare quotes more than speech */
		q->npend--;
		return;
	}
	pc->cued = 1;
	for (i = pd->cue_first; i < pd->cue_last; i++)
		q->cueused[i] = 1;
	if ((i = quote_span_lead(q, pc, pd->cue_first)) != EX_NONE) {
		pd->first = i;		/* R "Q," X said: all X's, mixed */
		pd->kind = EX_MIXED;
	}
}

/* Order pending quotes by where they start. */
static int
quote_cmp(const void *a, const void *b)
{
	const struct qt_pending	*pa = a, *pb = b;

	if (pa->first != pb->first)
		return pa->first < pb->first ? -1 : 1;
	return 0;
}

/* Give out a pending quote as an ex_quote: its index, or EX_NONE. */
static size_t
quote_emit(struct qt *q, const struct qt_pending *pd)
{
	struct extract		*x = q->x;
	const struct qt_piece	*pc;
	struct ex_quote		 eq;
	size_t			 first = pd->first, last = pd->last;

	memset(&eq, 0, sizeof eq);
	eq.kind = pd->kind;
	if (pd->piece != EX_NONE) {
		/* the words between the marks, without the spaces inside
		 * « Q » or the comma of "Q," X said */
		pc = &q->pieces[pd->piece];
		if ((last = quote_span_piece_end(x, pc, pd->kind)) <=
		    pc->open + 1)
			return EX_NONE;
		eq.start = x->toks[pd->kind == EX_MIXED ? first : pc->open +
		    1].start;	/* R "Q," X said: from R */
		eq.end = x->toks[last - 1].end;
	} else {
		first = quote_span_dateline(x, first, last);
		last = quote_span_trim(x, first, last);
		last = quote_span_trim(x, first, quote_span_paren(x, first,
		    last));
		if (last == first)
			return EX_NONE;
		eq.start = x->toks[first].start;
		eq.end = x->toks[last - 1].end;
	}
	if (eq.end <= eq.start)
		return EX_NONE;
	eq.continues = pd->continues;
	eq.cue_start = eq.cue_end = EX_NONE;
	if (pd->cue_first != EX_NONE) {
		eq.cue_start = x->toks[pd->cue_first].start;
		eq.cue_end = x->toks[pd->cue_last - 1].end;
	}
	eq.sp_start = eq.sp_end = EX_NONE;
	eq.entity = EX_NONE;
	eq.source = EX_SOURCE_NONE;
	if (pd->sp.first != EX_NONE) {
		eq.sp_start = x->toks[pd->sp.first].start;
		eq.sp_end = x->toks[pd->sp.last - 1].end;
		if (pd->sp.rel != EX_NONE) {	/* X, who said: "who" */
			eq.sp_start = x->toks[pd->sp.rel].start;
			eq.sp_end = x->toks[pd->sp.rel].end;
		}
		eq.entity = pd->sp.entity;
		eq.source = pd->sp.source;
	}
	quote_speaker_medium_out(q, pd, &eq);
	extract_quote_add(x, &eq);
	return x->nquotes - 1;
}

/*
 * Does piece pc go on with the quote of piece h, split by h's cue after
 * it: "We will not retreat," she said. "Not now."? Then it is the same
 * statement, however short.
 */
static int
quote_split(const struct qt *q, const struct qt_piece *h,
    const struct qt_piece *pc)
{
	const struct extract	*x = q->x;
	size_t			 i;

	if (h == NULL || h->close == EX_NONE || h->para != pc->para ||
	    h->cue_first == EX_NONE || h->cue_first <= h->close ||
	    h->sp.first == EX_NONE || pc->open < h->cue_last ||
	    pc->open - h->close > QT_FAR)
		return 0;
	if (!quote_stop(x, pc->open - 1) && !quote_cue_punct(x, pc->open - 1,
	    ','))
		return 0;
	for (i = h->close + 1; i < pc->open; i++)
		if (x->toks[i].flags & (TOK_QUOTE | TOK_SQUOTE))
			return 0;
	return 1;
}

/*
 * Resolve and give out paragraph p's quotes in text order: a direct quote
 * with no cue takes the speaker of the quote before it in the paragraph,
 * or, opening the paragraph, of the last quote of the paragraph before
 * ("...," he said. / "Q."); a later paragraph of a quote that of its
 * first.
 */
static void
quote_flush(struct qt *q, size_t p)
{
	struct extract		*x = q->x;
	struct qt_pending	*pd;
	struct qt_piece		*pc, *h = NULL;	/* the last piece given out */
	struct qt_speaker	 prev;
	size_t			 i, words, le = EX_NONE, prevat = EX_NONE;
	int			 have = 0;

	if (q->npend > 1)
		qsort(q->pend, q->npend, sizeof *q->pend, quote_cmp);
	for (i = 0; i < q->npend; i++) {
		pd = &q->pend[i];
		pc = pd->piece != EX_NONE ? &q->pieces[pd->piece] : NULL;
		if (pd->inherit == 2) {
			const struct qt_piece *hd = &q->pieces[pc->prev];

			if (!hd->emitted)
				continue;
			pd->sp = hd->sp;
			pd->cue_first = hd->cue_first;
			pd->cue_last = hd->cue_last;
			pd->continues = hd->quote;	/* one statement */
		} else if (pd->inherit == 1 && pc->absorbed) {
			continue;	/* in a quote with a cue of its own */
		} else if (pd->inherit == 1 && quote_split(q, h, pc)) {
			pd->sp = h->sp;		/* one statement, one cue */
			pd->cue_first = h->cue_first;
			pd->cue_last = h->cue_last;
			pd->continues = h->quote;
		} else if (pd->inherit == 1) {
			words = quote_words(x, pd->first, pd->last);
			if (!have && i == 0 && q->carrypara != EX_NONE &&
			    q->carrypara + 1 == p &&
			    pc->open == x->paras[p].first) {
				prev = q->carry;
				have = 1;
			}
			if (have && words >= QT_SHORT && !quote_span_framed(x, pc,
			    prevat))
				pd->sp = prev;
			else if (words < QT_LONG || quote_span_inside(x, pc))
				continue;
			else
				(void)quote_speaker_subject(q, pc->open,
				    &pd->sp);
		} else if (pd->sp.first != EX_NONE)
			quote_speaker_resolve(q, &pd->sp, pd->cue_first);
		if (pc != NULL) {
			h = pc;
			pc->emitted = 1;
			pc->sp = pd->sp;
			pc->cue_first = pd->cue_first;
			pc->cue_last = pd->cue_last;
		}
		if (pd->sp.first != EX_NONE) {
			prev = pd->sp;
			prev.rel = EX_NONE;
			prevat = pd->cue_first != EX_NONE ? pd->cue_first :
			    pd->sp.first;
			have = 1;
		}
		if (pc != NULL)
			pc->quote = quote_emit(q, pd);
		else
			(void)quote_emit(q, pd);
		le = i;
	}
	q->carrypara = EX_NONE;
	if (le != EX_NONE && q->pend[le].sp.first != EX_NONE) {
		q->carry = q->pend[le].sp;
		q->carry.rel = EX_NONE;
		q->carrypara = p;
	}
	q->npend = 0;
}

/* Is quote mark k a title's, not words spoken? */
int
quote_piece_title(const struct qt *q, size_t k)
{
	return quote_inq(q, k) != EX_NONE && q->pieces[quote_inq(q, k)].title;
}

/* The sentence token tok is in, or EX_NONE. */
size_t
quote_sentence(const struct extract *x, size_t tok)
{
	size_t	lo = 0, hi = x->nsents, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->sents[mid].last <= tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->nsents && x->sents[lo].first <= tok)
		return lo;
	return EX_NONE;
}

/* Build the per-token maps the stage looks things up in. */
static void
quote_maps(struct qt *q)
{
	struct extract	*x = q->x;
	size_t		 i, next = EX_NONE;

	q->inq = xreallocarray(NULL, x->ntoks + 1, sizeof *q->inq);
	q->nextmark = xreallocarray(NULL, x->ntoks + 1, sizeof *q->nextmark);
	q->cueused = xcalloc(x->ntoks + 1, 1);
	for (i = 0; i <= x->ntoks; i++)
		q->inq[i] = QT_NONE;
	for (i = x->ntoks + 1; i-- > 0;) {
		if (i < x->ntoks && (x->toks[i].flags & TOK_QUOTE))
			next = i;
		q->nextmark[i] = (uint32_t)next;
	}
}

/* A mention's start and index, to sort mentions by where they are. */
struct quote_ment {
	size_t	start, idx;
};

/* Order mentions by start. */
static int
quote_ment_cmp(const void *a, const void *b)
{
	const struct quote_ment	*ma = a, *mb = b;

	if (ma->start != mb->start)
		return ma->start < mb->start ? -1 : 1;
	return ma->idx < mb->idx ? -1 : ma->idx > mb->idx;
}

/* Find the quotes of a text and who said them. */
void
extract_quotes(struct extract *x)
{
	struct qt	q;
	size_t		p, k = 0, i;

	if (x->ntoks == 0)
		return;
	memset(&q, 0, sizeof q);
	q.x = x;
	q.last.first = q.lastperson.first = q.lastorg.first = EX_NONE;
	q.carrypara = EX_NONE;
	quote_maps(&q);
	if (x->nments > 0) {
		struct quote_ment *qm;

		qm = xreallocarray(NULL, x->nments, sizeof *qm);
		for (i = 0; i < x->nments; i++) {
			qm[i].start = x->ments[i].start;
			qm[i].idx = i;
		}
		for (i = 1; i < x->nments; i++)
			if (qm[i].start < qm[i - 1].start)
				break;
		if (i < x->nments)	/* mostly in order already */
			qsort(qm, x->nments, sizeof *qm, quote_ment_cmp);
		q.ments = xreallocarray(NULL, x->nments, sizeof *q.ments);
		for (i = 0; i < x->nments; i++)
			q.ments[i] = qm[i].idx;
		free(qm);
		q.gender = xreallocarray(NULL, x->nments, sizeof *q.gender);
		memset(q.gender, -1, x->nments);
	}
	quote_pieces(&q);
	for (p = 0; p < x->nparas; p++) {
		quote_block(&q, p);
		for (; k < q.npieces && q.pieces[k].para == p; k++)
			quote_direct(&q, k);
		quote_attrib_indirect(&q, p);
		quote_flush(&q, p);
	}
	free(q.pieces);
	free(q.inq);
	free(q.nextmark);
	free(q.cueused);
	free(q.pend);
	free(q.ments);
	free(q.gender);
}
