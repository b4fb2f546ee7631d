/*
 * What a quote's source refers back to, in the quote stage: a role noun
 * ("the minister", "the spokesperson") to a person who holds that role,
 * "the company" or "the ministry" to the body named before it; and the
 * token and mention lookups by byte offset the speaker code shares.
 * Used by extract-quote-speaker.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract.h"
#include "extract-quote-int.h"
#include "banned.h"

/* The index in q->ments of the first mention starting at or after off. */
size_t
quote_refer_first_at(const struct qt *q, size_t off)
{
	const struct extract	*x = q->x;
	size_t			 lo = 0, hi = x->nments, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->ments[q->ments[mid]].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Does speaker sp hold the role named by token role: its title or words? */
static int
quote_refer_holds(const struct qt *q, const struct qt_speaker *sp, size_t
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

/* How far back, in bytes, a role noun's holder is looked for. */
#define ROLE_SPAN	800


/*
 * "Foreign ministry spokesperson Kasimir Oll dismissed that. \"Q,\" the
 * spokesperson said": the latest person named shortly before token role
 * whose title has the role's word, though they had not spoken yet. 1 and
 * *sp set (its mention's tokens) if one is.
 */
static int
quote_refer_role_named(const struct qt *q, size_t role,
    struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	const struct ex_mention	*m;
	size_t			 at = x->toks[role].start, i;
	struct qt_speaker	 c;

	if (q->ments == NULL)
		return 0;
	for (i = quote_refer_first_at(q, at); i > 0; i--) {
		m = &x->ments[q->ments[i - 1]];
		if (m->end + ROLE_SPAN < at)
			break;
		if (m->entity >= x->nents || x->ents[m->entity].kind !=
		    EX_PERSON || m->end > at)
			continue;
		memset(&c, 0, sizeof c);
		c.first = quote_refer_tok(x, m->start);
		c.last = c.first + 1;
		c.entity = m->entity;
		c.rel = EX_NONE;
		if (quote_refer_holds(q, &c, role)) {
			c.source = EX_SOURCE_ENTITY;
			c.person = 1;
			*sp = c;
			return 1;
		}
	}
	return 0;
}

/*
 * "Marogas said Q. The company said R": "the company" or "the firm" is the
 * latest organisation named shortly before token noun, and "the ministry"
 * the latest whose name has that word ("the Foreign Ministry"). 1 and
 * *sp set if one is.
 */
int
quote_refer_org(const struct qt *q, size_t noun, struct qt_speaker *sp)
{
	const struct extract	*x = q->x;
	const struct ex_mention	*m;
	const char		*w = x->text + x->toks[noun].start, *t;
	size_t			 n = x->toks[noun].end - x->toks[noun].start;
	size_t			 at = x->toks[noun].start, i;
	int			 any;

	any = extract_tok_is(x, noun, "company") || extract_tok_is(x, noun,
	    "firm");
	if (q->ments == NULL || n < 4)
		return 0;
	for (i = quote_refer_first_at(q, at); i > 0; i--) {
		m = &x->ments[q->ments[i - 1]];
		if (m->end + ROLE_SPAN < at)
			break;
		if (m->entity >= x->nents || x->ents[m->entity].kind !=
		    EX_ORG || x->ents[m->entity].media || m->kind != EX_ORG)
			continue;
		for (t = x->ents[m->entity].name; !any && *t != '\0'; t++)
			if (strncasecmp(t, w, n) == 0)
				break;
		if (!any && *t == '\0')
			continue;
		memset(sp, 0, sizeof *sp);
		sp->first = quote_refer_tok(x, m->start);
		sp->last = sp->first + 1;
		sp->entity = m->entity;
		sp->source = EX_SOURCE_ENTITY;
		sp->person = -1;
		sp->rel = EX_NONE;
		return 1;
	}
	return 0;
}

/*
 * "the minister": the last person who spoke holding that role, else the
 * last person named shortly before who holds it, else the last person who
 * spoke if the text gives them no other title ("the mayor" is not
 * Foreign Minister Varga). "The official", "the diplomat" (a noun of
 * unnamed sources, cls "anon") refers only to a source who was called so:
 * an official who is not named is never the named person before. Fills
 * *to (first EX_NONE: nobody).
 */
void
quote_refer_role(const struct qt *q, size_t role, const char *cls,
    struct qt_speaker *to)
{
	size_t	i, k;

	for (i = 0; i < q->nhist && i < QT_HIST; i++) {
		k = (q->nhist - 1 - i) % QT_HIST;
		if (quote_refer_holds(q, &q->hist[k], role)) {
			*to = q->hist[k];
			return;
		}
	}
	to->first = to->last = EX_NONE;
	if (strcmp(cls, "anon") == 0 || quote_refer_role_named(q, role, to))
		return;
	if (q->lastperson.first != EX_NONE && !(q->lastperson.entity !=
	    EX_NONE && q->x->ents[q->lastperson.entity].title != NULL))
		*to = q->lastperson;
}
