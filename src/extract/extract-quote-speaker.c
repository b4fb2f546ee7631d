/*
 * Who a quote's source is: a named entity (the entity stage's mention under
 * the speaker's noun phrase), a news outlet, an unnamed source ("a senior
 * official", "sources"), or, for a pronoun or a role noun ("she", "the
 * minister"), the last speaker who fits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract-quote.h"
#include "extract-lexicon.h"
#include "banned.h"

/* A word list, looked up case-insensitively. */
struct quote_speaker_words {
	const char *const	*w;
	size_t			 n;
};

#define WORDS(a)	{ (a), sizeof (a) / sizeof (a)[0] }

/* Pronouns that may be a source, and what they refer back to. */
static const char *const quote_speaker_person_list[] = { "he", "she" };
static const char *const quote_speaker_other_list[] = { "they", "it" };
static const char *const quote_speaker_self_list[] = { "i", "we", "you" };

static const struct quote_speaker_words quote_speaker_pperson =
    WORDS(quote_speaker_person_list);
static const struct quote_speaker_words quote_speaker_pother =
    WORDS(quote_speaker_other_list);
static const struct quote_speaker_words quote_speaker_pself =
    WORDS(quote_speaker_self_list);

/* Is token i one of the words? */
static int
quote_speaker_in(const struct extract *x, size_t i, const struct
    quote_speaker_words *l)
{
	const char	*w = x->text + x->toks[i].start;
	size_t		 k, n = x->toks[i].end - x->toks[i].start;

	for (k = 0; k < l->n; k++)
		if (strncasecmp(l->w[k], w, n) == 0 && l->w[k][n] == '\0')
			return 1;
	return 0;
}

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

/* Does speaker sp hold the role named by token role: its title or words? */
static int
quote_speaker_holds(const struct qt *q, const struct qt_speaker *sp, size_t
    role)
{
	const struct extract	*x = q->x;
	const char		*w = x->text + x->toks[role].start, *t;
	size_t			 n = x->toks[role].end -
				     x->toks[role].start;
	size_t			 i;

	for (i = sp->first; i < sp->last; i++)
		if (x->toks[i].end - x->toks[i].start == n &&
		    strncasecmp(x->text + x->toks[i].start, w, n) == 0)
			return 1;
	if (sp->entity == EX_NONE || (t = x->ents[sp->entity].title) == NULL)
		return 0;
	for (; *t != '\0'; t++)
		if (strncasecmp(t, w, n) == 0)
			return 1;
	return 0;
}

/* "the minister": the last person who spoke holding that role. */
static const struct qt_speaker *
quote_speaker_role(const struct qt *q, size_t role)
{
	size_t	i, k;

	for (i = 0; i < q->nhist && i < QT_HIST; i++) {
		k = (q->nhist - 1 - i) % QT_HIST;
		if (quote_speaker_holds(q, &q->hist[k], role))
			return &q->hist[k];
	}
	return &q->lastperson;
}

/* Is byte offset off outside quote marks? */
static int
quote_speaker_outside(const struct qt *q, size_t off)
{
	const struct extract	*x = q->x;
	size_t			 lo = 0, hi = x->ntoks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->toks[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo >= x->ntoks || q->inq[lo] == EX_NONE;
}

/*
 * He or she: the last person who spoke, unless a person named at the start
 * of one of the last sentences came after: "Oduya declined to comment.
 * 'We will use every tool,' she said."
 */
static void
quote_speaker_pronoun(const struct qt *q, struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	const struct ex_mention	*m;
	size_t			 s, k, lo, hi, mid, i, after = 0;

	quote_speaker_refer(sp, &q->lastperson);
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
			    x->ents[m->entity].kind == EX_PERSON &&
			    quote_speaker_outside(q, m->start)) {
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
 * Say what a speaker is: a named entity, a news outlet, an unnamed source,
 * or a pronoun or role noun that refers back to the last fitting speaker.
 */
void
quote_speaker_resolve(struct qt *q, struct qt_speaker *sp, size_t cue)
{
	const struct extract	*x = q->x;
	const char		*v, *cls = NULL, *lemma;
	size_t			 i, n, named = 0, after = 0;
	size_t			 ncls = EX_NONE;
	int			 def = 0, media = 0;

	if (sp->first == EX_NONE)
		return;
	n = sp->last - sp->first;
	if (n == 1 && quote_speaker_in(x, sp->first, &quote_speaker_pperson)) {
		sp->pronoun = 1;
		quote_speaker_pronoun(q, sp);
		return;
	}
	if (n == 1 && quote_speaker_in(x, sp->first, &quote_speaker_pother)) {
		sp->pronoun = 1;
		quote_speaker_refer(sp, extract_tok_is(x, sp->first, "it") ?
		    &q->lastorg : &q->last);
		return;
	}
	if (n == 1 && quote_speaker_in(x, sp->first, &quote_speaker_pself)) {
		sp->pronoun = 1;
		sp->source = EX_SOURCE_NONE;
		return;
	}
	def = extract_tok_is(x, sp->first, "the");
	for (i = sp->first; i < sp->last; i++) {
		if (lex_match(x, LEX_MEDIA, i, sp->last - i, &v) != 0)
			media = 1;
		if ((x->toks[i].flags & TOK_WORD) &&
		    lex_match(x, LEX_SOURCE_NOUNS, i, 1, &v) != 0) {
			cls = v;
			ncls = i;
			after = 0;
		} else if ((x->toks[i].flags & TOK_CAP) && i > sp->first) {
			named++;
			after++;
		} else if (x->toks[i].flags & TOK_CAP)
			named++;
	}
	sp->entity = quote_speaker_mention(q, sp->first, sp->last);
	if (sp->entity != EX_NONE && x->ents[sp->entity].media)
		media = 1;
	if (cls != NULL && strcmp(cls, "media") == 0 && after == 0)
		media = 1;
	sp->head = ncls != EX_NONE ? ncls : sp->last - 1;
	if (!media && (sp->outlet || (cue != EX_NONE && (lemma =
	    quote_cue_lemma(x, cue)) != NULL && strcmp(lemma, "report") ==
	    0)) && (sp->entity == EX_NONE || x->ents[sp->entity].kind !=
	    EX_PERSON) && (cls == NULL || strcmp(cls, "role") != 0))
		media = 1;	/* X reported, a report from X */
	if (media) {
		sp->source = EX_SOURCE_MEDIA;
		sp->person = -1;
	} else if (cls != NULL && after == 0 && def && n <= 3 &&
	    strcmp(cls, "media") != 0 &&
	    x->text[x->toks[ncls].end - 1] != 's' &&
	    quote_speaker_role(q, ncls)->first != EX_NONE) {
		/* "the minister", "the official": the last who fits */
		sp->role = 1;
		quote_speaker_refer(sp, quote_speaker_role(q, ncls));
		return;
	} else if (sp->entity != EX_NONE && (x->ents[sp->entity].kind ==
	    EX_PERSON || after > 0 || cls == NULL)) {
		sp->source = EX_SOURCE_ENTITY;
		sp->person = x->ents[sp->entity].kind == EX_PERSON ? 1 : -1;
	} else if (cls != NULL && after == 0) {
		sp->source = EX_SOURCE_UNNAMED;
		sp->entity = EX_NONE;
		n = x->toks[ncls].end - x->toks[ncls].start;
		sp->person = x->text[x->toks[ncls].end - 1] == 's' && n > 3 ?
		    -1 : 1;
	} else if (named > 0) {
		sp->source = EX_SOURCE_ENTITY;
		sp->person = 0;
	} else {
		sp->source = EX_SOURCE_UNNAMED;
		sp->person = -1;
	}
	if (sp->source == EX_SOURCE_UNNAMED && sp->onrecord)
		sp->source = EX_SOURCE_NONE;	/* not named, yet not anonymous */
	q->last = *sp;
	if (sp->person >= 0) {
		q->lastperson = *sp;
		q->hist[q->nhist++ % QT_HIST] = *sp;
	}
	if (sp->person <= 0)
		q->lastorg = *sp;
}
