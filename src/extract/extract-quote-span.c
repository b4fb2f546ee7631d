/*
 * The words of a quote, where the clause finding them is not exact: the
 * dateline before them, the punctuation after them, and parentheses cut
 * at their end; and whether words in marks stand as sentences of their
 * own or sit inside the writer's.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "extract.h"
#include "extract-quote-int.h"
#include "banned.h"

/*
 * Skip the dateline that opens a paragraph, "KORVALA, March 3 (MARNA) --"
 * or "WASHINGTON --": a word in capitals, then capitalised words, numbers,
 * commas, dots and brackets, then a dash. It is the writer's, never the
 * speaker's. Returns the first token of what follows, or first.
 */
size_t
quote_span_dateline(const struct extract *x, size_t first, size_t last)
{
	size_t		i;
	unsigned	f;

	if (!(x->toks[first].flags & TOK_PARA) ||
	    !(x->toks[first].flags & TOK_UPPER))
		return first;
	for (i = first + 1; i < last && i < first + 14; i++) {
		f = x->toks[i].flags;
		if ((f & TOK_DASH) || quote_cue_punct(x, i, '-'))
			return i + 1 < last ? i + 1 : first;
		if (f & TOK_WORD) {
			if (!(f & (TOK_CAP | TOK_DIGIT)))
				return first;
		} else if (!quote_cue_punct(x, i, ',') &&
		    !quote_cue_punct(x, i, '.') &&
		    !quote_cue_punct(x, i, '(') &&
		    !quote_cue_punct(x, i, ')'))
			return first;
	}
	return first;
}

/* Is there a '(' in tokens [first, last)? */
static int
quote_span_has_open(const struct extract *x, size_t first, size_t last)
{
	size_t	i;

	for (i = first; i < last; i++)
		if (quote_cue_punct(x, i, '('))
			return 1;
	return 0;
}

/* [first, last) without trailing punctuation but a ')' closing a '('. */
size_t
quote_span_trim(const struct extract *x, size_t first, size_t last)
{
	while (last > first && (x->toks[last - 1].flags & TOK_PUNCT) &&
	    !(quote_cue_punct(x, last - 1, ')') &&
	    quote_span_has_open(x, first, last - 1)))
		last--;
	return last;
}

/*
 * Where [first, last) should end so as not to cut a parenthesis: past the
 * ')' a few tokens on that closes one left open, "Don Beyer (D-Va.)";
 * else before the '(' left open; a ')' never opened is left as it is.
 */
size_t
quote_span_paren(const struct extract *x, size_t first, size_t last)
{
	size_t	i, s, end, open = EX_NONE, depth = 0;

	for (i = first; i < last; i++) {
		if (quote_cue_punct(x, i, '(')) {
			if (depth++ == 0)
				open = i;
		} else if (quote_cue_punct(x, i, ')') && depth > 0)
			depth--;
	}
	if (depth == 0)
		return last;
	s = quote_sentence(x, first);
	end = s != EX_NONE ? x->paras[x->sents[s].para].last : last;
	for (i = last; i < end && i < last + 4; i++) {
		if (x->toks[i].flags & (TOK_QUOTE | TOK_SQUOTE))
			break;
		if (quote_cue_punct(x, i, ')'))
			return depth == 1 ? i + 1 : open;
	}
	return open;
}

/*
 * Is piece pc, with no cue of its own, inside a sentence the writer
 * frames ("the requirement is a \"lawful source of income,\"") that no
 * cue of the last speaker's (at token at) is in? Then its words are not
 * known to be that speaker's.
 */
int
quote_span_framed(const struct extract *x, const struct qt_piece *pc,
    size_t at)
{
	size_t	s;

	if (pc->open == 0 || (x->toks[pc->open].flags & (TOK_SENT |
	    TOK_PARA)) || quote_cue_punct(x, pc->open - 1, ':') ||
	    (s = quote_sentence(x, pc->open)) == EX_NONE)
		return 0;
	return at == EX_NONE || at < x->sents[s].first ||
	    at >= x->sents[s].last;
}

/*
 * Does piece pc, with no cue and no speaker, sit inside a sentence of
 * the writer's ("the study found that \"Q\"", "attacked \"Q\"")
 * rather than stand as sentences of its own? Nothing then says who
 * spoke, nor that anyone did: a phrase of a document, a scare quote.
 */
int
quote_span_inside(const struct extract *x, const struct qt_piece *pc)
{
	if (pc->open == 0 || (x->toks[pc->open].flags & (TOK_SENT |
	    TOK_PARA)) || quote_cue_punct(x, pc->open - 1, ':'))
		return 0;
	return 1;
}

/*
 * Are the words [first, last) one parenthesis, "(CROSSTALK.)",
 * "(Laughter)": a transcript's note of what happened, not words said?
 */
int
quote_span_aside(const struct extract *x, size_t first, size_t last)
{
	size_t	i, depth = 0;

	while (last > first && (x->toks[last - 1].flags & TOK_PUNCT) &&
	    !quote_cue_punct(x, last - 1, ')'))
		last--;
	if (last - first < 3 || !quote_cue_punct(x, first, '('))
		return 0;
	for (i = first; i < last; i++)
		if (quote_cue_punct(x, i, '('))
			depth++;
		else if (quote_cue_punct(x, i, ')') && depth > 0 &&
		    --depth == 0)
			return i + 1 == last;
	return 0;
}

/*
 * 'Not paying taxes "makes me smart," X said': the words in marks end a
 * sentence that the writer's words open, and the cue at token cue comes
 * right after them. The sentence is X's, the marked words only a part:
 * returns its first token, or EX_NONE if the piece pc is not so (a cue,
 * a colon or other marks before it: "what he called \"Q\"").
 */
size_t
quote_span_lead(const struct qt *q, const struct qt_piece *pc, size_t cue)
{
	const struct extract	*x = q->x;
	const char		*v;
	size_t			 s, f, i, words = 0;

	if (pc->prev != EX_NONE || pc->close == EX_NONE || cue == EX_NONE ||
	    cue <= pc->close || cue - pc->close > 6 ||
	    (s = quote_sentence(x, pc->open)) == EX_NONE ||
	    cue >= x->sents[s].last)
		return EX_NONE;
	for (i = pc->close + 1; i < cue; i++)
		if (extract_tok_is(x, i, "as"))
			return EX_NONE;	/* R "Q," as X put it */
	if ((v = quote_cue_lemma(x, cue)) != NULL && strcmp(v, "report") == 0)
		return EX_NONE;	/* Y did R "Q," the agency reported: Y's */
	f = quote_span_dateline(x, x->sents[s].first, pc->open);
	for (i = f; i < pc->open; i++) {
		if (x->toks[i].flags & (TOK_QUOTE | TOK_SQUOTE | TOK_DASH) ||
		    quote_cue_punct(x, i, ':') || quote_cue_punct(x, i, '(') ||
		    quote_cue_lemma(x, i) != NULL || extract_tok_is(x, i,
		    "what") || extract_tok_is(x, i, "as"))
			return EX_NONE;
		words += (x->toks[i].flags & TOK_WORD) != 0;
	}
	return words >= 3 ? f : EX_NONE;
}

/*
 * Where the words of piece pc end, exclusive: before its closing mark
 * and before the comma of "Q," X said; a mixed quote ('R "Q." X said')
 * keeps the closing mark, unless a comma is before it.
 */
size_t
quote_span_piece_end(const struct extract *x, const struct qt_piece *pc,
    enum ex_quote_kind kind)
{
	size_t	last = pc->close != EX_NONE ? pc->close : pc->last;

	if (last > pc->open + 2 && quote_cue_punct(x, last - 1, ','))
		return last - 1;
	if (kind == EX_MIXED && pc->close != EX_NONE && last > pc->open + 1)
		return pc->close + 1;
	return last;
}

/*
 * Do tokens [first, last) look like a title: a few words, each of four
 * letters or more capitalised?
 */
int
quote_span_title(const struct extract *x, size_t first, size_t last)
{
	size_t	i, words = 0;

	for (i = first; i < last; i++) {
		if (!(x->toks[i].flags & TOK_WORD) ||
		    (x->toks[i].flags & TOK_POSS))
			continue;
		if (++words > QT_LONG)
			return 0;
		if (x->toks[i].end - x->toks[i].start >= 4 &&
		    !(x->toks[i].flags & (TOK_CAP | TOK_DIGIT)))
			return 0;
	}
	return words >= 2;
}

/* Does a piece open with a transcript's label: "PENCE: Well, ..."? */
int
quote_span_label(const struct extract *x, const struct qt_piece *pc)
{
	return pc->first + 1 < pc->last && (x->toks[pc->first].flags &
	    TOK_UPPER) && quote_cue_punct(x, pc->first + 1, ':');
}

/*
 * Are the marks at tokens a and b the same character? A quote goes on
 * into the next paragraph with the mark it opened with; "\"Kevin was
 * snoring." before a paragraph opening with a curly mark is a stray mark
 * of pasted text, not the start of a statement that goes on.
 */
int
quote_span_same_mark(const struct extract *x, size_t a, size_t b)
{
	size_t	n = x->toks[a].end - x->toks[a].start;

	return (n == x->toks[b].end - x->toks[b].start &&
	    memcmp(x->text + x->toks[a].start, x->text + x->toks[b].start,
	    n) == 0);
}
