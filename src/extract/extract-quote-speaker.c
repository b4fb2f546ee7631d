/*
 * Who a quote's source is: a named entity (the entity stage's mention under
 * the speaker's noun phrase), a news outlet, an unnamed source ("a senior
 * official", "sources"), or, for a pronoun or a role noun ("she", "the
 * minister"), the last speaker who fits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract.h"
#include "extract-quote-int.h"
#include "extract-lexicon-int.h"
#include "banned.h"

/* The mention overlapping tokens [first, last) that names the source. */
static size_t
quote_speaker_mention(const struct qt *q, size_t first, size_t last)
{
	const struct extract	*x = q->x;
	size_t			 lo = 0, hi = x->nments, mid, i;
	size_t			 best = EX_NONE;
	size_t			 start = x->toks[first].start;
	size_t			 end = x->toks[last - 1].end;
	const struct ex_mention	*m;
	int			 rank, brank = -1;

	if (q->ments == NULL)
		return EX_NONE;
	while (lo < hi) {	/* first mention starting at or after start */
		mid = lo + (hi - lo) / 2;
		if (x->ments[q->ments[mid]].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	i = lo > 4 ? lo - 4 : 0;	/* mentions may start a little before */
	for (; i < x->nments; i++) {
		m = &x->ments[q->ments[i]];
		if (m->start >= end)
			break;
		if (m->end <= start || m->entity >= x->nents)
			continue;
		rank = x->ents[m->entity].kind == EX_PERSON ? 3 :
		    x->ents[m->entity].kind == EX_ORG ? 2 : 1;
		if (rank >= brank) {
			brank = rank;
			best = m->entity;
		}
	}
	return best;
}

/* Copy what an earlier speaker resolved to, keeping this mention. */
static void
quote_speaker_refer(struct qt_speaker *sp, const struct qt_speaker *to)
{
	if (to->first == EX_NONE) {
		sp->source = EX_SOURCE_NONE;
		return;
	}
	sp->entity = to->entity;
	sp->source = to->source;
	sp->person = to->person;
}

/* Is byte offset off outside quote marks? */
static int
quote_speaker_outside(const struct qt *q, size_t off)
{
	size_t	i = quote_refer_tok(q->x, off);

	return i >= q->x->ntoks || quote_inq(q, i) == EX_NONE;
}

/* How far around a pronoun, in bytes, the text's he and she are read. */
#define GENDER_SPAN	8000

/* The gender a pronoun at token i says: 1 he, 2 she, 0 neither. */
static int
quote_speaker_pron_gender(const struct extract *x, size_t i)
{
	size_t	n;
	char	c;

	if (i >= x->ntoks)
		return 0;
	n = x->toks[i].end - x->toks[i].start;
	c = x->text[x->toks[i].start];

	/* he, his, himself, she, her, hers, herself: h or s, 2 to 7 */
	if (n < 2 || n > 7 || (c != 'h' && c != 'H' && c != 's' && c != 'S'))
		return 0;
	/* not "him": "Varga scolded him" is someone else, never Varga */
	if (extract_tok_is(x, i, "he") || extract_tok_is(x, i, "his") ||
	    extract_tok_is(x, i, "himself"))
		return 1;
	if (extract_tok_is(x, i, "she") || extract_tok_is(x, i, "her") ||
	    extract_tok_is(x, i, "hers") || extract_tok_is(x, i, "herself"))
		return 2;
	return 0;
}

/*
 * Does mention m stand where a subject may: first in its sentence or
 * after a comma, not after a word ("in Korvala")?
 */
static int
quote_speaker_front(const struct extract *x, const struct ex_mention *m)
{
	size_t	j = quote_refer_tok(x, m->start);

	return j >= x->ntoks || j == 0 || (x->toks[j].flags & TOK_SENT) ||
	    !(x->toks[j - 1].flags & TOK_WORD);
}

/* Is mention m a possessive: "Ruskov's"? */
static int
quote_speaker_poss(const struct extract *x, const struct ex_mention *m)
{
	size_t	j = quote_refer_tok(x, m->end);

	return j < x->ntoks && (x->toks[j].flags & TOK_POSS) &&
	    x->toks[j].start == m->end;
}

/*
 * The gender the k-th mention (by start) gives its entity: that of the
 * first pronoun after it, in its sentence or the next, before another
 * person is named (1, 2, or 0 for none), or -1 when it counts for
 * nothing. It depends on the mention alone, so it is found once.
 */
static int
quote_speaker_vote(const struct qt *q, size_t k)
{
	const struct extract	*x = q->x;
	const struct ex_mention	*m = &x->ments[q->ments[k]], *o;
	size_t			 e = m->entity, n, j, s, end;
	int			 g = 0;

	if (q->gender[k] != -1)
		return q->gender[k] == 3 ? -1 : q->gender[k];
	q->gender[k] = 3;
	if ((j = quote_refer_tok(x, m->end)) >= x->ntoks ||
	    (s = quote_sentence(x, j)) == EX_NONE)
		return -1;
	if (x->ents[e].kind != EX_PERSON && !quote_speaker_front(x, m))
		return -1;	/* "in Korvala" is no one's name */
	end = s + 1 < x->nsents ? x->sents[s + 1].last : x->sents[s].last;
	for (n = k + 1; j < end && g == 0; j++) {
		for (; n < x->nments && (o = &x->ments[q->ments[n]])->
		    start < x->toks[j].start; n++)
			if (o->entity != e && o->entity < x->nents &&
			    x->ents[o->entity].kind == EX_PERSON &&
			    !quote_speaker_poss(x, o))
				break;
		if (n < x->nments && x->ments[q->ments[n]].start <
		    x->toks[j].start)
			break;	/* another person came first */
		if (quote_inq(q, j) == EX_NONE)
			g = quote_speaker_pron_gender(x, j);
	}
	q->gender[k] = (signed char)g;
	return g;
}

/*
 * The gender the text gives person e near token at: 1 he, 2 she, 0
 * unknown. Each of its mentions votes with the first he or she (his, her
 * ...) outside quote marks after it, in its sentence or the next, unless
 * another person is named first ("Stansk, 46, is ... Her campaign"),
 * other than as a possessive ("Serko, Ruskov's campaign chief. He added").
 */
static int
quote_speaker_gender(const struct qt *q, size_t e, size_t at)
{
	const struct extract	*x = q->x;
	size_t			 k, lo = 0, hi, mid, from, to;
	int			 votes[3] = { 0, 0, 0 }, g;

	if (e == EX_NONE || q->ments == NULL)
		return 0;
	from = x->toks[at].start > GENDER_SPAN ? x->toks[at].start -
	    GENDER_SPAN : 0;
	to = x->toks[at].start + GENDER_SPAN / 4;
	hi = x->nments;
	while (lo < hi) {	/* the first mention from there on */
		mid = lo + (hi - lo) / 2;
		if (x->ments[q->ments[mid]].start < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < x->nments && x->ments[q->ments[k]].start < to; k++) {
		if (x->ments[q->ments[k]].entity != e ||
		    (g = quote_speaker_vote(q, k)) < 0)
			continue;
		votes[g]++;
	}
	return votes[1] > votes[2] ? 1 : votes[2] > votes[1] ? 2 : 0;
}

/* May a pronoun of gender want stand for speaker sp? */
static int
quote_speaker_agrees(const struct qt *q, const struct qt_speaker *sp,
    int want, size_t at)
{
	int	g;

	return want == 0 || sp->entity == EX_NONE || (g =
	    quote_speaker_gender(q, sp->entity, at)) == 0 || g == want;
}

/*
 * The last person who spoke that a pronoun of gender want may stand for:
 * the last one, or the latest named one the text gives that gender.
 */
static const struct qt_speaker *
quote_speaker_last_agreeing(const struct qt *q, int want, size_t at)
{
	static const struct qt_speaker	 none = { .first = EX_NONE,
					     .last = EX_NONE };
	size_t				 i, k;

	if (quote_speaker_agrees(q, &q->lastperson, want, at))
		return &q->lastperson;
	for (i = 0; i < q->nhist && i < QT_HIST; i++) {
		k = (q->nhist - 1 - i) % QT_HIST;
		if (q->hist[k].entity != EX_NONE && quote_speaker_gender(q,
		    q->hist[k].entity, at) == want)
			return &q->hist[k];
	}
	return &none;
}

/*
 * May he or she (want) stand for entity e named at the start of a
 * sentence: a person of that gender or of none known, or a name of any
 * kind the text calls he or she ("Stansk ... her speech") that stands
 * where a subject does.
 */
static int
quote_speaker_fits(const struct qt *q, const struct ex_mention *m, int want,
    size_t at)
{
	size_t	e = m->entity;
	int	g = quote_speaker_gender(q, e, at);

	if (q->x->ents[e].kind == EX_PERSON)
		return want == 0 || g != 3 - want;
	return want != 0 && g == want && quote_speaker_front(q->x, m);
}

/*
 * He or she: the last person who spoke, unless a person named at the start
 * of one of the last sentences came after: "Oduya declined to comment.
 * 'We will use every tool,' she said." Either must agree in gender with
 * the pronoun, as far as the text tells: else nobody.
 */
static void
quote_speaker_he_she(const struct qt *q, struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	const struct ex_mention	*m;
	size_t			 s, k, lo, hi, mid, i, after = 0;
	int			 want = quote_speaker_pron_gender(x, sp->first);

	quote_speaker_refer(sp, quote_speaker_last_agreeing(q, want,
	    sp->first));
	if (q->ments == NULL ||
	    (s = quote_sentence(x, sp->first)) == EX_NONE)
		return;
	if (q->lastperson.first != EX_NONE)
		after = x->toks[q->lastperson.first].start;
	for (k = 0; k < 3 && s != EX_NONE; k++, s--) {
		const struct ex_sentence *se = &x->sents[s];
		size_t end = se->first + 6 < se->last ? se->first + 6 :
		    se->last;

		if (x->toks[se->first].start < after)
			return;
		lo = 0;
		hi = x->nments;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (x->ments[q->ments[mid]].start < se->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (i = lo; i < x->nments; i++) {
			m = &x->ments[q->ments[i]];
			if (m->start >= x->toks[end - 1].end ||
			    m->start >= x->toks[sp->first].start)
				break;
			if (m->entity < x->nents &&
			    quote_speaker_outside(q, m->start) &&
			    quote_speaker_fits(q, m, want, sp->first)) {
				sp->entity = m->entity;
				sp->source = EX_SOURCE_ENTITY;
				sp->person = 1;
				return;
			}
		}
		if (s == 0)
			break;
	}
}

/*
 * A pronoun alone: he or she refers back to a person, they to the last
 * speaker, it to the last body; I, we and you are no source. Returns 1 if
 * sp was one.
 */
static int
quote_speaker_pronouns(struct qt *q, struct qt_speaker *sp)
{
	const struct extract	*x = q->x;

	if (sp->last - sp->first != 1)
		return 0;
	if (quote_cue_in(x, sp->first, &quote_cue_pperson)) {
		sp->pronoun = 1;
		quote_speaker_he_she(q, sp);
	} else if (quote_cue_in(x, sp->first, &quote_cue_pother)) {
		sp->pronoun = 1;
		quote_speaker_refer(sp, extract_tok_is(x, sp->first, "it") ?
		    &q->lastorg : &q->last);
	} else if (quote_cue_in(x, sp->first, &quote_cue_pself)) {
		sp->pronoun = 1;
		sp->source = EX_SOURCE_NONE;
	} else
		return 0;
	return 1;
}

/* How far back in its sentence, in bytes, a pronoun's name is looked for. */
#define ANTE_SPAN	600

/*
 * "Ban Ki-moon condemned what he called a brazen breach", "Lynch said she
 * recalled Q": a pronoun that the same sentence frames, after "what" or
 * as the subject of a clause another cue reports, is the person that
 * sentence names before it (outside quote marks), given as that first
 * name; "She said she recalls Q" as its first "She". A pronoun that is
 * the subject of its own sentence or clause ("..., but he said Q") stays.
 */
static void
quote_speaker_antecedent(const struct qt *q, struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	const struct ex_mention	*m;
	size_t			 s, lo, hi, i, f, l, n, best;

	if ((s = quote_sentence(x, sp->first)) == EX_NONE ||
	    q->ments == NULL || sp->first == x->sents[s].first)
		return;
	i = sp->first - 1;
	if (i > x->sents[s].first && extract_tok_is(x, i, "that"))
		i--;
	if (!extract_tok_is(x, sp->first - 1, "what") &&
	    (quote_inq(q, i) != EX_NONE || quote_cue_lemma(x, i) == NULL))
		return;
	lo = x->toks[x->sents[s].first].start;
	hi = x->toks[sp->first].start;
	if (hi - lo > ANTE_SPAN)	/* a sentence without end */
		lo = hi - ANTE_SPAN;
	best = EX_NONE;
	for (i = quote_refer_first_at(q, hi); sp->entity != EX_NONE &&
	    i > 0; i--) {
		m = &x->ments[q->ments[i - 1]];
		if (m->start < lo)
			break;
		if (m->start < hi && m->entity == sp->entity &&
		    quote_speaker_outside(q, m->start))
			best = q->ments[i - 1];
	}
	if (best != EX_NONE) {
		m = &x->ments[best];
		f = quote_refer_tok(x, m->start);
		l = quote_refer_tok(x, m->end - 1) + 1;
		if (l > sp->first || l > x->ntoks)
			return;
		sp->first = f;
		sp->last = sp->head = l;
		sp->head--;
		sp->pronoun = 0;
		return;
	}
	n = x->toks[sp->first].end - x->toks[sp->first].start;
	for (i = quote_refer_tok(x, lo); i < sp->first; i++)
		if (x->toks[i].end - x->toks[i].start == n &&
		    strncasecmp(x->text + x->toks[i].start, x->text +
		    x->toks[sp->first].start, n) == 0 &&
		    quote_inq(q, i) == EX_NONE && quote_cue_at(q, i + 1, 1) > 0) {
			sp->first = sp->head = i;
			sp->last = i + 1;
			return;
		}
}

/* What the words of a speaker's noun phrase say. */
struct quote_speaker_np {
	const char	*cls;		/* its source noun's class, or NULL */
	size_t		 ncls;		/* that noun's token, or EX_NONE */
	size_t		 named;		/* capitalised words */
	size_t		 after;		/* of those, after the source noun */
	int		 media;		/* a news organisation is named */
};

/* Read the words of sp's noun phrase. */
static void
quote_speaker_np(const struct extract *x, const struct qt_speaker *sp,
    struct quote_speaker_np *np)
{
	const char	*v;
	size_t		 i;

	memset(np, 0, sizeof *np);
	np->ncls = EX_NONE;
	for (i = sp->first; i < sp->last; i++) {
		/* a medium's name, not the end of another: "Civic Dawn" */
		if (lex_match(x, LEX_MEDIA, i, sp->last - i, &v) != 0 &&
		    !(i > sp->first && (x->toks[i - 1].flags & TOK_CAP) &&
		    !extract_tok_is(x, i - 1, "the")))
			np->media = 1;
		if ((x->toks[i].flags & TOK_WORD) &&
		    lex_match(x, LEX_SOURCE_NOUNS, i, 1, &v) != 0) {
			np->cls = v;
			np->ncls = i;
			np->after = 0;
		} else if ((x->toks[i].flags & TOK_CAP) && i > sp->first) {
			np->named++;
			np->after++;
		} else if (x->toks[i].flags & TOK_CAP)
			np->named++;
	}
}

/*
 * Is the speaker a news outlet: a medium named in it, a "media" noun, or
 * what reports ("X reported", "a report from X") unless a person or a
 * role?
 */
static int
quote_speaker_is_media(const struct qt *q, const struct qt_speaker *sp,
    size_t cue, const struct quote_speaker_np *np)
{
	const struct extract	*x = q->x;
	const char		*lemma;

	/* "Civic Dawn leader Lidia Stansk" is a person, not the Dawn */
	if (sp->entity != EX_NONE && x->ents[sp->entity].kind == EX_PERSON &&
	    !x->ents[sp->entity].media)
		return 0;
	/* "the Civic Dawn leader", "a Times reporter": a person's role */
	if (np->cls != NULL && strcmp(np->cls, "media") != 0 &&
	    np->ncls + 1 == sp->last)
		return 0;
	if (np->media || (sp->entity != EX_NONE && x->ents[sp->entity].media))
		return 1;
	if (np->cls != NULL && strcmp(np->cls, "media") == 0 && np->after == 0)
		return 1;
	return (sp->outlet || (cue != EX_NONE && (lemma =
	    quote_cue_lemma(x, cue)) != NULL && strcmp(lemma, "report") ==
	    0)) && (sp->entity == EX_NONE || x->ents[sp->entity].kind !=
	    EX_PERSON) && (np->cls == NULL || strcmp(np->cls, "role") != 0);
}

/*
 * Is the resolved entity a place named after a preposition inside the
 * noun phrase: "leaders at the Drossen summit", "people in Varn"? A place
 * there says where the source is, not who.
 */
static int
quote_speaker_located(const struct qt *q, const struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	size_t			 i;

	if (sp->entity == EX_NONE || x->ents[sp->entity].kind != EX_PLACE)
		return 0;
	for (i = sp->first + 1; i + 1 < sp->last; i++)
		if (extract_tok_is(x, i, "at") || extract_tok_is(x, i, "in") ||
		    extract_tok_is(x, i, "from") || extract_tok_is(x, i,
		    "near"))
			return 1;
	return 0;
}

/*
 * Is the speaker's head a common noun that a possessive owns: "Netanyahu's
 * office", "the minister's spokesman", "his office", not "Obama's aide Denis
 * McDonough"? The office speaks, tied to its owner by the words shown;
 * the owner did not.
 */
static int
quote_speaker_owned(const struct qt *q, const struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	size_t			 i;

	if (sp->last - sp->first < 2 || (x->toks[sp->last - 1].flags &
	    TOK_CAP) || !(x->toks[sp->last - 1].flags & TOK_WORD))
		return 0;
	if (extract_tok_is(x, sp->first, "his") || extract_tok_is(x,
	    sp->first, "her") || extract_tok_is(x, sp->first, "their"))
		return 1;	/* "His office says" */
	for (i = sp->last - 1; i > sp->first; i--)
		if (x->toks[i].flags & TOK_POSS)
			return 1;
	return 0;
}

/* Keep sp as the last speaker, person or body. */
static void
quote_speaker_remember(struct qt *q, const struct qt_speaker *sp)
{
	q->last = *sp;
	if (sp->person >= 0) {
		q->lastperson = *sp;
		q->hist[q->nhist++ % QT_HIST] = *sp;
	}
	if (sp->person <= 0)
		q->lastorg = *sp;
}

/*
 * "The campaign contrasts her plan with what they call Q", "It is
 * denouncing what it calls Q": it or they framed by "what" is the
 * subject of its sentence, not the last body or speaker. sp becomes that
 * subject: the same pronoun opening the sentence, or the noun phrase
 * that opens it if that phrase can speak.
 */
static void
quote_speaker_what_it(const struct qt *q, struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	struct qt_speaker	 np;
	size_t			 s, f, n;

	if (sp->last != sp->first + 1 || sp->first < 2 ||
	    !quote_cue_in(x, sp->first, &quote_cue_pother) ||
	    !extract_tok_is(x, sp->first - 1, "what") ||
	    (s = quote_sentence(x, sp->first)) == EX_NONE ||
	    (f = x->sents[s].first) + 1 >= sp->first || quote_inq(q, f) != EX_NONE)
		return;
	n = x->toks[sp->first].end - x->toks[sp->first].start;
	if (x->toks[f].end - x->toks[f].start == n && strncasecmp(x->text +
	    x->toks[f].start, x->text + x->toks[sp->first].start, n) == 0) {
		sp->first = sp->head = f;
		sp->last = f + 1;
		return;
	}
	/* the phrase up to a verb it shows: "is", "has", "will" */
	if (!quote_source_after(q, f, sp->first - 1, &np) || np.first != f ||
	    np.last >= sp->first - 1 || np.last - np.first > 5 ||
	    !quote_cue_in(x, np.last, &quote_clause_finite) ||
	    !quote_source_can_speak(q, &np))
		return;
	*sp = np;
}

/*
 * '... Sanders identified young voters as the reason. "Q."': words in
 * marks with no cue, standing as sentences of their own right after a
 * sentence of the same paragraph that opens with a person's name, are
 * that person's, the one the paragraph is about ("Scott's family", a
 * possessive, is not a person's name). 1 and sp set if so.
 */
int
quote_speaker_subject(const struct qt *q, size_t open, struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	const struct ex_mention	*m;
	size_t			 s, f, e, i, l, c;

	if (q->ments == NULL || (s = quote_sentence(x, open)) == EX_NONE ||
	    s == 0 || x->sents[s - 1].para != x->sents[s].para ||
	    x->sents[s].first != open)
		return 0;
	f = x->sents[s - 1].first;
	e = f + 3 < x->sents[s - 1].last ? f + 3 : x->sents[s - 1].last;
	/* "On Sunday, Sen. X ...", "His former partner, X, ...": the name
	 * right after the sentence's first comma opens it too */
	for (c = f + 1; c < e + 9 && c + 1 < x->sents[s - 1].last &&
	    !quote_cue_punct(x, c, ','); c++)
		;
	if (!(c < e + 9 && c + 1 < x->sents[s - 1].last))
		c = EX_NONE;
	else
		c = x->toks[c + 1].start;
	for (i = quote_refer_first_at(q, x->toks[f].start); i < x->nments;
	    i++) {
		m = &x->ments[q->ments[i]];
		if (m->start >= x->toks[e].start && m->start != c) {
			if (c != EX_NONE && m->start < c)
				continue;	/* before the comma */
			return 0;
		}
		if (m->entity >= x->nents || x->ents[m->entity].kind !=
		    EX_PERSON || !quote_speaker_outside(q, m->start))
			continue;
		l = quote_refer_tok(x, m->end - 1) + 1;
		if (l >= x->sents[s - 1].last || (x->toks[l].flags & TOK_POSS))
			return 0;
		memset(sp, 0, sizeof *sp);
		sp->first = quote_refer_tok(x, m->start);
		sp->last = l;
		sp->head = l - 1;
		sp->rel = EX_NONE;
		sp->entity = m->entity;
		sp->source = EX_SOURCE_ENTITY;
		sp->person = 1;
		return 1;
	}
	return 0;
}

/*
 * Say what a speaker is: a named entity, a news outlet, an unnamed source,
 * or a pronoun or role noun that refers back to the last fitting speaker.
 */
void
quote_speaker_resolve(struct qt *q, struct qt_speaker *sp, size_t cue)
{
	const struct extract	*x = q->x;
	struct quote_speaker_np	 np;
	struct qt_speaker	 to;
	size_t			 n, ncls, e;
	int			 def;

	if (sp->first == EX_NONE)
		return;
	quote_speaker_what_it(q, sp);
	if (quote_speaker_pronouns(q, sp)) {
		if (sp->source != EX_SOURCE_NONE)
			quote_speaker_antecedent(q, sp);
		return;
	}
	n = sp->last - sp->first;
	def = extract_tok_is(x, sp->first, "the");
	quote_speaker_np(x, sp, &np);
	ncls = np.ncls;
	sp->entity = quote_speaker_mention(q, sp->first, sp->last);
	sp->head = ncls != EX_NONE ? ncls : sp->last - 1;
	if (quote_speaker_owned(q, sp)) {
		sp->entity = EX_NONE;
		sp->source = EX_SOURCE_UNNAMED;	/* a spokesman, an office */
		sp->person = np.cls != NULL && ncls + 1 == sp->last ? 1 : -1;
	} else if (quote_speaker_located(q, sp)) {
		sp->entity = EX_NONE;
		sp->source = np.cls != NULL ? EX_SOURCE_UNNAMED :
		    EX_SOURCE_NONE;
		sp->person = np.cls != NULL ? 0 : -1;
	} else if (quote_speaker_is_media(q, sp, cue, &np)) {
		sp->source = EX_SOURCE_MEDIA;
		sp->person = -1;
	} else if (np.cls != NULL && np.after == 0 && def && n <= 3 &&
	    strcmp(np.cls, "media") != 0 &&
	    x->text[x->toks[ncls].end - 1] != 's' &&
	    (quote_refer_role(q, ncls, np.cls, &to), to.first != EX_NONE)) {
		/* "the minister", "the official": the last who fits */
		sp->role = 1;
		quote_speaker_refer(sp, &to);
		return;
	} else if (def && n == 2 && np.cls == NULL && sp->entity == EX_NONE &&
	    (x->toks[sp->first + 1].flags & TOK_WORD) &&
	    !(x->toks[sp->first + 1].flags & TOK_CAP) &&
	    quote_refer_org(q, sp->first + 1, &to)) {
		/* "the company", "the ministry": the body named before */
		sp->role = 1;
		quote_speaker_refer(sp, &to);
		return;
	} else if (sp->entity != EX_NONE && (x->ents[sp->entity].kind ==
	    EX_PERSON || np.after > 0 || np.cls == NULL)) {
		sp->source = EX_SOURCE_ENTITY;
		sp->person = x->ents[sp->entity].kind == EX_PERSON ? 1 : -1;
	} else if (def && np.cls != NULL && strcmp(np.cls, "role") == 0 &&
	    np.after == 0 && np.named > 0 && ncls > sp->first + 1 &&
	    (e = quote_source_titled(q, sp->first + 1, ncls, ncls)) !=
	    EX_NONE) {
		sp->entity = e;		/* the Civic Dawn leader: Stansk */
		sp->source = EX_SOURCE_ENTITY;
		sp->person = 1;
	} else if (np.cls != NULL && np.after == 0) {
		sp->source = EX_SOURCE_UNNAMED;
		sp->entity = EX_NONE;
		n = x->toks[ncls].end - x->toks[ncls].start;
		sp->person = x->text[x->toks[ncls].end - 1] == 's' && n > 3 ?
		    -1 : 1;
	} else if (np.named > 0) {
		sp->source = EX_SOURCE_ENTITY;
		sp->person = 0;
	} else {
		sp->source = EX_SOURCE_UNNAMED;
		sp->person = -1;
	}
	if (sp->source == EX_SOURCE_UNNAMED && sp->onrecord)
		sp->source = EX_SOURCE_NONE;	/* not named, yet not anonymous */
	quote_speaker_remember(q, sp);
}

/*
 * "X said Q, according to MARNA": MARNA (sp) carried the words of quote
 * pd, which stays X's; it is kept as the quote's medium.
 */
void
quote_speaker_medium(const struct qt *q, struct qt_pending *pd,
    const struct qt_speaker *sp)
{
	if (sp->first == EX_NONE || pd->sp.first == EX_NONE ||
	    pd->med_first != EX_NONE)
		return;
	pd->med_first = sp->first;
	pd->med_last = sp->last;
	pd->med_entity = quote_speaker_mention(q, sp->first, sp->last);
}

/*
 * Does sp, named after "according to", carry words as a news outlet does
 * ("according to MARNA", "according to the Gazette"), rather than tell
 * them itself ("according to Varga", "according to a campaign aide",
 * "according to lawyers")? A body named (which may be an agency: "MARNA"),
 * a document or data ("according to federal data") carries: the quote
 * stays its speaker's.
 */
int
quote_speaker_carrier(const struct qt *q, const struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	struct quote_speaker_np	 np;
	struct qt_speaker	 s = *sp;
	const char		*v;
	size_t			 i, n;

	quote_speaker_np(x, &s, &np);
	s.entity = quote_speaker_mention(q, s.first, s.last);
	if (quote_speaker_is_media(q, &s, EX_NONE, &np))
		return 1;
	if (s.entity != EX_NONE)	/* a person tells; "MARNA" may carry */
		return x->ents[s.entity].kind != EX_PERSON;
	/* an unnamed teller: "a campaign aide", "lawyers"; not data */
	if (np.cls != NULL)
		return strcmp(np.cls, "media") == 0;
	for (i = s.first; i < s.last; i++) {
		n = x->toks[i].end - x->toks[i].start;
		if ((x->toks[i].flags & TOK_WORD) && n > 3 &&
		    x->text[x->toks[i].end - 1] == 's' && (v = lex_find(
		    LEX_SOURCE_NOUNS, x->text + x->toks[i].start, n - 1)) !=
		    NULL)
			return strcmp(v, "media") == 0;
	}
	return 1;
}

/*
 * Is sp, the subject of the cue at token cue (or EX_NONE), a news outlet
 * that reports ("Bloomberg reports", "the Gazette said"), before it is
 * resolved?
 */
int
quote_speaker_outlet(const struct qt *q, const struct qt_speaker *sp,
    size_t cue)
{
	struct quote_speaker_np	 np;
	struct qt_speaker	 s = *sp;

	quote_speaker_np(q->x, &s, &np);
	s.entity = quote_speaker_mention(q, s.first, s.last);
	return quote_speaker_is_media(q, &s, cue, &np);
}

/* Give quote eq the medium of pd, or none. */
void
quote_speaker_medium_out(const struct qt *q, const struct qt_pending *pd,
    struct ex_quote *eq)
{
	const struct extract	*x = q->x;

	eq->med_start = eq->med_end = eq->med_entity = EX_NONE;
	if (pd->med_first == EX_NONE || eq->sp_start == EX_NONE)
		return;
	eq->med_start = x->toks[pd->med_first].start;
	eq->med_end = x->toks[pd->med_last - 1].end;
	eq->med_entity = pd->med_entity;
}
