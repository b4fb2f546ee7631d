/*
 * Where the clause a speech cue reports starts and ends, in the quote
 * stage: what sits between a cue and its clause ("told reporters that",
 * "said on Friday"), whether a cue ends its clause ("Q, X said in
 * Korvala."), and where the writer takes over again (", which",
 * ", but", a participle, a second speaker's clause). Used by
 * extract-quote-attrib.c, which pairs clauses with their sources.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-quote-int.h"
#include "banned.h"

/* Skip what sits between a cue and its clause: that, objects, adverbs. */
size_t
quote_clause_start(const struct qt *q, size_t i, size_t end, const char *lemma)
{
	const struct extract	*x = q->x;
	size_t			 j, k;
	struct qt_speaker	 obj;

	if (lemma != NULL && (strcmp(lemma, "tell") == 0 ||
	    strcmp(lemma, "inform") == 0 || strcmp(lemma, "assure") == 0 ||
	    strcmp(lemma, "reassure") == 0 || strcmp(lemma, "warn") == 0 ||
	    strcmp(lemma, "remind") == 0 || strcmp(lemma, "brief") == 0)) {
		if (quote_cue_in(x, i, &quote_cue_object) ||
		    (x->toks[i].flags & TOK_CAP)) {
			if (quote_source_after(q, i, end, &obj)) {
				/* told reporters | the border would ... */
				for (k = obj.first + 1; k < obj.last; k++)
					if (quote_cue_in(x, k,
					    &quote_cue_np_det) &&
					    !quote_source_prep(x, k - 1) &&
					    !(x->toks[k - 1].flags & TOK_CAP))
						break;
				i = k;
			} else
				i++;
		}
		/* told them to leave, told them how to vote: an order */
		if (i + 1 < end && (extract_tok_is(x, i, "to") ||
		    ((quote_cue_in(x, i, &quote_cue_not_after) ||
		    extract_tok_is(x, i, "never") || extract_tok_is(x, i,
		    "not")) && extract_tok_is(x, i + 1, "to"))))
			return end;
		/* warned state election officials to boost R: an order too */
		for (j = i; j + 1 < end && j - i < 5 && (x->toks[j].flags &
		    TOK_WORD) && !extract_tok_is(x, j, "that") &&
		    !quote_cue_in(x, j, &quote_clause_finite); j++)
			if (j > i && extract_tok_is(x, j, "to") &&
			    (x->toks[j + 1].flags & TOK_WORD) &&
			    !(x->toks[j + 1].flags & (TOK_CAP | TOK_DIGIT)) &&
			    !quote_cue_in(x, j + 1, &quote_cue_np_det))
				return end;
		/* told a crowded hall in Baltimore that ... */
		for (j = i; j < end && j - i < 12; j++) {
			if (extract_tok_is(x, j, "that"))
				return j + 1;
			if (quote_cue_end(x, j) || quote_cue_punct(x, j, ',') ||
			    (x->toks[j].flags & (TOK_QUOTE | TOK_SQUOTE)) ||
			    quote_cue_lemma(x, j) != NULL)
				break;
		}
	}
	/* on Tuesday, in a statement, last week, Friday ... (that) */
	for (k = i; k < end && k - i < 4 && (quote_cue_in(x, k,
	    &quote_cue_adverbial) || quote_cue_in(x, k, &quote_cue_when) ||
	    (x->toks[k].flags & TOK_DIGIT));)
		k++;
	if (k > i) {
		if (k >= end || quote_cue_end(x, k) || quote_cue_in(x, k,
		    &quote_cue_subord))
			return end;	/* said Friday as he left */
		if (extract_tok_is(x, k, "that") || quote_cue_punct(x, k,
		    ',') || quote_cue_punct(x, k, ':'))
			return k + 1;
		/* in a statement (on its website) that ..., in Drossen that */
		for (j = k; j < end && j - k < 8; j++) {
			if (extract_tok_is(x, j, "that") ||
			    quote_cue_punct(x, j, ',') || quote_cue_punct(x, j,
			    ':'))
				return j + 1;
			if (quote_cue_end(x, j) || (x->toks[j].flags &
			    (TOK_QUOTE | TOK_SQUOTE)))
				break;
		}
		if (!quote_cue_in(x, k, &quote_cue_np_det))
			return k;	/* said on Friday he met ... */
		/* said in the past they were ... */
		for (j = k + 1; j < end && j - k <= 3 &&
		    (x->toks[j].flags & TOK_WORD) &&
		    !(x->toks[j].flags & TOK_CAP) &&
		    !quote_cue_in(x, j, &quote_cue_stop) &&
		    !quote_cue_in(x, j, &quote_cue_pperson) &&
		    !quote_cue_in(x, j, &quote_cue_pother); j++)
			;
		if (j < end && j > k + 1 && (quote_cue_in(x, j,
		    &quote_cue_pperson) || quote_cue_in(x, j,
		    &quote_cue_pother) || quote_cue_in(x, j, &quote_cue_pself)))
			return j;
		return end;
	}
	if (extract_tok_is(x, i, "that"))
		i++;
	while (i < end && (quote_cue_punct(x, i, ':') || quote_cue_punct(x, i,
	    ',')))
		i++;
	return i;
}

/*
 * Does the cue end its clause: is what follows it only a time, a place,
 * or whom it was said to, up to a comma or the sentence's end? Returns
 * that comma or end, or EX_NONE when a reported clause follows instead.
 */
size_t
quote_clause_tail(const struct qt *q, size_t i, size_t end)
{
	const struct extract	*x = q->x;
	size_t			 j;

	for (j = i; j < end && j - i <= 6; j++) {
		if (quote_cue_end(x, j) || quote_cue_punct(x, j, ',') ||
		    quote_cue_punct(x, j, ';') || (x->toks[j].flags & TOK_DASH))
			return j;
		if (x->toks[j].flags & (TOK_QUOTE | TOK_SQUOTE))
			return EX_NONE;
		if (j == i && !(x->toks[j].flags & (TOK_CAP | TOK_DIGIT)) &&
		    !quote_cue_in(x, j, &quote_cue_adverbial) &&
		    !quote_cue_in(x, j, &quote_cue_hearer) &&
		    !extract_tok_is(x, j, "to"))
			return EX_NONE;	/* shouted to the crowd. */
		if (extract_tok_is(x, j, "that"))
			return EX_NONE;
	}
	return j >= end ? end : EX_NONE;
}

/* Time words that may be plural: two days after, hours before. */
static const char *const quote_clause_span_list[] = {
	"day", "days", "week", "weeks", "month", "months", "year", "years",
	"hour", "hours", "minute", "minutes", "night", "nights", "moment",
	"moments"
};
static struct quote_cue_shape quote_clause_span_list_shape;
static const struct quote_cue_words quote_clause_span =
    QUOTE_CUE_WORDS(quote_clause_span_list);

/*
 * Do the tokens from i say when, as a phrase of time after a comma: "a
 * day after X", "two weeks before Y", "hours later"? Such a phrase is
 * the writer's, not what was said.
 */
int
quote_clause_time_aside(const struct qt *q, size_t i, size_t end)
{
	const struct extract	*x = q->x;
	size_t			 k;

	for (k = i; k < end && k - i < 2 && !quote_cue_in(x, k,
	    &quote_clause_span) && (quote_cue_in(x, k, &quote_cue_np_det) ||
	    (x->toks[k].flags & TOK_DIGIT) || extract_tok_is(x, k, "few") ||
	    extract_tok_is(x, k, "two") || extract_tok_is(x, k, "three") ||
	    extract_tok_is(x, k, "several") || extract_tok_is(x, k, "just"));
	    k++)
		;
	if (k + 1 >= end || !quote_cue_in(x, k, &quote_clause_span))
		return 0;
	k++;
	return extract_tok_is(x, k, "after") || extract_tok_is(x, k,
	    "before") || extract_tok_is(x, k, "later") || extract_tok_is(x,
	    k, "earlier") || extract_tok_is(x, k, "ago");
}

/* Finite verbs that show a clause has a subject before them. */
static const char *const quote_clause_finite_list[] = {
	"is", "are", "was", "were", "will", "would", "can", "could",
	"should", "may", "might", "must", "has", "have", "had"
};
static struct quote_cue_shape quote_clause_finite_list_shape;
const struct quote_cue_words quote_clause_finite =
    QUOTE_CUE_WORDS(quote_clause_finite_list);

/* Build this file's word lists now (extract_init). */
void
quote_clause_init(void)
{
	quote_cue_words_init(&quote_clause_span);
	quote_cue_words_init(&quote_clause_finite);
}

/*
 * Does a participle clause start at token i, after a comma: "(quietly)
 * putting his name on the line", the writer's gloss on what was said?
 * Not a noun in -ing ("spending on schools") nor "including".
 */
int
quote_clause_participle(const struct extract *x, size_t i, size_t end)
{
	size_t	k;

	if (i + 1 < end && !(x->toks[i].flags & TOK_CAP) &&
	    quote_cue_suffix(x, i, "ly"))
		i++;
	if (i + 1 >= end || (x->toks[i].flags & (TOK_CAP | TOK_DIGIT)) ||
	    !quote_cue_suffix(x, i, "ing") || extract_tok_is(x, i, "including"))
		return 0;
	/* a verb takes an object or particle: putting his, raising the */
	if (!quote_cue_in(x, i + 1, &quote_cue_np_det) && !quote_cue_in(x,
	    i + 1, &quote_cue_hearer) && !(x->toks[i + 1].flags & TOK_CAP))
		return 0;
	/* not a gerund that is the subject: replacing X would be ... */
	for (k = i + 2; k < end && k - i < 8; k++) {
		if (x->toks[k].flags & (TOK_PUNCT | TOK_QUOTE | TOK_DASH))
			break;
		if (quote_cue_in(x, k, &quote_clause_finite) &&
		    !(x->toks[k].flags & TOK_CAP))
			return 0;	/* "may", not "May" */
	}
	return 1;
}

/*
 * Does a second reporting clause start at token i: a short noun phrase
 * and a cue of its own, "Democrats accused ...", "the ministry said"?
 */
static int
quote_clause_second(const struct qt *q, size_t i, size_t end)
{
	const struct extract	*x = q->x;
	struct qt_speaker	 sp;
	size_t			 k;

	if (i >= end || !(x->toks[i].flags & TOK_WORD) ||
	    !quote_source_after(q, i, end, &sp) || sp.last - sp.first > 4)
		return 0;
	for (k = sp.last; k < end && k - sp.last < 2 && quote_cue_in(x, k,
	    &quote_cue_aux); k++)
		;
	return quote_cue_at(q, k, 1) != 0 && !quote_cue_suffix(x, k, "ing");
}

/*
 * Does a clause with its own speaker and cue start at token i: "Ham
 * (also) noted", "the minister said"? Its subject starts at i.
 */
static int
quote_clause_main(const struct qt *q, size_t i, size_t end)
{
	struct qt_speaker	sp;
	size_t			k;

	for (k = i + 1; k < end && k - i <= 5; k++)
		if (quote_cue_at(q, k, 1) != 0)
			return quote_source_before(q, k, i, &sp) &&
			    sp.first == i;
	return 0;
}

/*
 * Does a subject and its verb start at token i: a name or pronoun, then
 * within a few words a verb in the past or present ("Clinton restricted",
 * "he has", "Trump boasted")?
 */
static int
quote_clause_verb_next(const struct qt *q, size_t i, size_t end)
{
	const struct extract	*x = q->x;
	size_t			 k;

	for (k = i + 1; k < end && k - i <= 4 && (x->toks[k].flags &
	    TOK_CAP); k++)
		;		/* the rest of the name */
	if (k >= end || !(x->toks[k].flags & TOK_WORD) ||
	    (x->toks[k].flags & TOK_CAP))
		return 0;
	return quote_cue_in(x, k, &quote_clause_finite) ||
	    quote_cue_suffix(x, k, "ed") || quote_cue_at(q, k, 1) != 0;
}

/*
 * Is the dash at token j the first of a pair around an aside inside the
 * clause, "Trump — even as he says R — has proposed Q"? Returns the
 * second dash if the clause goes on after it, else EX_NONE.
 */
static size_t
quote_clause_dashes(const struct extract *x, size_t j, size_t end)
{
	size_t	k;

	for (k = j + 2; k + 1 < end && k - j < 30; k++) {
		if (x->toks[k].flags & (TOK_QUOTE | TOK_SQUOTE))
			return EX_NONE;
		if (x->toks[k].flags & TOK_DASH)
			return (x->toks[k + 1].flags & TOK_WORD) &&
			    !quote_cue_end(x, k + 1) ? k : EX_NONE;
	}
	return EX_NONE;
}

/* Are tokens [i, j) one short name: "Velmark", "the Velmark Greens"? */
static int
quote_clause_names(const struct extract *x, size_t i, size_t j)
{
	size_t	k;

	if (i >= j || j - i > 3)
		return 0;
	for (k = i; k < j; k++)
		if (!(x->toks[k].flags & TOK_WORD) || !((x->toks[k].flags &
		    TOK_CAP) || (k == i && extract_tok_is(x, k, "the"))))
			return 0;
	return 1;
}

/*
 * Where a reported clause from token i ends: the sentence's end, or a
 * comma before words that the writer adds (", which", ", according to",
 * ", citing", ", but", ", although"), or a dash.
 */
size_t
quote_clause_cut(const struct qt *q, size_t i, size_t end)
{
	const struct extract	*x = q->x;
	size_t			 j, k, s;
	int			 sub;

	/* "Though she called Q, Clinton restricted R": the clause a
	 * subordinator opens ends where the main clause's subject comes */
	sub = (s = quote_sentence(x, i)) != EX_NONE && x->sents[s].first < i &&
	    (quote_cue_in(x, x->sents[s].first, &quote_cue_subord) ||
	    extract_tok_is(x, x->sents[s].first, "though") ||
	    extract_tok_is(x, x->sents[s].first, "although"));
	for (j = i + 1; j + 1 < end && j - i < QT_IND_MAX; j++) {
		if (sub && quote_cue_punct(x, j, ',') && ((x->toks[j + 1].flags &
		    TOK_CAP) || quote_cue_in(x, j + 1, &quote_cue_pperson) ||
		    quote_cue_in(x, j + 1, &quote_cue_pother)) &&
		    quote_clause_verb_next(q, j + 1, end))
			return j;
		if ((x->toks[j].flags & TOK_DASH) && (k = quote_clause_dashes(x,
		    j, end)) != EX_NONE) {
			j = k;	/* Q — even as he says R — goes on */
			continue;
		}
		if (x->toks[j].flags & TOK_DASH)
			return j;
		if (quote_cue_punct(x, j, ';'))
			return j;
		if (quote_cue_punct(x, j, ',') && (quote_cue_in(x, j + 1,
		    &quote_cue_aside) || (quote_cue_suffix(x, j + 1, "ing") &&
		    quote_cue_lemma(x, j + 1) != NULL)))
			return j;
		if (quote_cue_punct(x, j, ',') && quote_clause_participle(x,
		    j + 1, end))
			return j;	/* ..., implicitly putting his name */
		if (quote_cue_punct(x, j, ',') && quote_clause_main(q, j + 1,
		    end))
			return j;	/* While he conceded Q, Ham noted R */
		if (quote_cue_punct(x, j, ',') && (extract_tok_is(x, j + 1,
		    "but") || extract_tok_is(x, j + 1, "although") ||
		    extract_tok_is(x, j + 1, "though")))
			return j;	/* X said Q, but R: R is the writer's */
		if (quote_cue_punct(x, j, ',') && extract_tok_is(x, j + 1,
		    "and") && j + 3 < end && (extract_tok_is(x, j + 2, "when") ||
		    extract_tok_is(x, j + 2, "after")) &&
		    quote_cue_suffix(x, j + 3, "ed"))
			return j;	/* Q, and when pressed, X replied R */
		if (quote_cue_punct(x, j - 1, ',') && (x->toks[j].flags &
		    (TOK_QUOTE | TOK_SQUOTE)) && (x->toks[j].flags &
		    TOK_CLOSE) && quote_cue_in(x, j + 1, &quote_cue_aside))
			return j + 1;	/* ...,” according to */
		if ((extract_tok_is(x, j, "but") ||
		    extract_tok_is(x, j, "and") || (quote_cue_punct(x, j - 1,
		    ',') && (extract_tok_is(x, j, "while") ||
		    extract_tok_is(x, j, "whereas")))) &&
		    (quote_cue_at(q, j + 1, 1) != 0 ||
		    (quote_cue_suffix(x, j + 1, "ing") &&
		    quote_cue_lemma(x, j + 1) != NULL) || ((quote_cue_in(x,
		    j + 1, &quote_cue_aux) || quote_cue_in(x, j + 1,
		    &quote_cue_pperson) || quote_cue_in(x, j + 1,
		    &quote_cue_pother)) && quote_cue_at(q, j + 2, 1) != 0)))
			return j;	/* X acknowledged Q but (he) said R */
		if ((extract_tok_is(x, j, "but") ||
		    extract_tok_is(x, j, "and")) && quote_clause_second(q,
		    j + 1, end) && !(extract_tok_is(x, j, "and") &&
		    quote_clause_names(x, i, j)))
			return j;	/* X said Q and Y accused Z of R, but
					 * not X said Y and Z had argued R */
	}
	return end;
}

/* Verbs of saying that take a thing more often than a clause: added a
 * week, maintains a program, promised a veto, wrote a memoir, denied the
 * charges, confirmed the deal, admitted the mistake. */
static const char *const quote_clause_object_list[] = {
	"add", "write", "post", "promise", "maintain", "pledge", "tweet",
	"agree", "propose", "recommend", "demand", "deny", "confirm", "admit"
};

/*
 * Does token i read as a verb in the past after a noun, "its forces used
 * drones": a lowercase word in -ed after a lowercase word or a name that
 * is no determiner, preposition or auxiliary ("the signed deal" is not)?
 */
static int
quote_clause_past(const struct extract *x, size_t i)
{
	const char	*e = x->text + x->toks[i].end;

	return (x->toks[i].flags & TOK_WORD) && !(x->toks[i].flags &
	    TOK_CAP) && x->toks[i].end - x->toks[i].start >= 4 &&
	    e[-2] == 'e' && e[-1] == 'd' &&
	    (x->toks[i - 1].flags & TOK_WORD) &&
	    !quote_cue_in(x, i - 1, &quote_cue_np_det) &&
	    !quote_cue_in(x, i - 1, &quote_cue_aux) &&
	    !quote_cue_in(x, i - 1, &quote_clause_finite) &&
	    !quote_source_prep(x, i - 1) && !extract_tok_is(x, i - 1, "of") &&
	    !extract_tok_is(x, i - 1, "and") && !extract_tok_is(x, i - 1, "or");
}

/* Is token i a pronoun in the object case, never a clause's subject? */
static int
quote_clause_accusative(const struct extract *x, size_t i)
{
	return extract_tok_is(x, i, "him") || extract_tok_is(x, i, "them") ||
	    extract_tok_is(x, i, "me") || extract_tok_is(x, i, "us");
}

/*
 * After a cue of lemma "lemma" at t whose clause starts at c with no
 * "that" or colon before it, is what follows a thing, not a clause: "The
 * state had added the additional week, known as", "Dallas maintains a
 * program to develop", "has promised a veto", "disclosed them to the
 * AP"? For the verbs that take either, a clause shows a finite verb (is,
 * would, has) or a subject pronoun (he, they) before its first comma; 1
 * if none does. An object pronoun right after the cue is never a
 * clause's subject.
 */
int
quote_clause_object_only(const struct qt *q, size_t t, size_t c,
    size_t end, const char *lemma)
{
	const struct extract	*x = q->x;
	size_t			 k;

	if (lemma == NULL || c != t + 1)
		return 0;
	if (quote_clause_accusative(x, c))
		return 1;	/* disclosed them to the AP */
	for (k = 0; k < sizeof quote_clause_object_list /
	    sizeof quote_clause_object_list[0]; k++)
		if (strcmp(lemma, quote_clause_object_list[k]) == 0)
			break;
	if (k == sizeof quote_clause_object_list /
	    sizeof quote_clause_object_list[0])
		return 0;
	for (k = c; k < end && k - c < 12; k++) {
		if (x->toks[k].flags & (TOK_QUOTE | TOK_SQUOTE))
			return 0;	/* added the words "Q": mixed */
		if (x->toks[k].flags & (TOK_PUNCT | TOK_DASH))
			return 1;
		if (quote_cue_in(x, k, &quote_cue_pperson) ||
		    extract_tok_is(x, k, "they") || extract_tok_is(x, k, "we") ||
		    extract_tok_is(x, k, "I"))
			return 0;	/* admitted (under R) he had not */
		if (k > c + 1 && quote_clause_past(x, k))
			return 0;	/* denied its forces used drones */
		if (!quote_cue_in(x, k, &quote_clause_finite) ||
		    (x->toks[k].flags & TOK_CAP))
			continue;
		/* agreed a declaration but could not agree on a cap: a
		   verb after "but" is the subject's again */
		return k > c && (extract_tok_is(x, k - 1, "but") ||
		    extract_tok_is(x, k - 1, "and") ||
		    extract_tok_is(x, k - 1, "or"));
	}
	return 1;
}
