/*
 * The body of a saved-text story: paragraphs (hard-wrapped lines joined),
 * photo captions taken out and kept once, site furniture dropped, and
 * subheadings marked. Captions are found by their credits, by a sentence
 * written twice and by neighbours that repeat them; they are deduplicated
 * through a hash table, so the work stays linear in the text.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import-text-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

#define TEXT_CAPTION_WORDS	80
#define TEXT_MAX_CAPTIONS	1000	/* article_add_caption scans the list */
#define TEXT_SUBHEAD_WORDS	15
#define TEXT_SUBHEAD_MAX	200

/* Markers that make a short paragraph a photo caption. */
static const char *const text_credit_any[] = {
	"(photo credit", "(credit:", "(photo:", "(image:", "(picture:",
	"(photograph:", "(courtesy", "photo credit:", "image credit:",
	"(illustrative photo", "(file photo"
};
static const char *const text_credit_start[] = {
	"photo:", "image:", "credit:", "picture:", "photo by ",
	"photograph:", "caption:"
};
static const char *const text_credit_agencies[] = {
	"reuters", "ap", "afp", "getty", "getty images", "epa", "xinhua",
	"ap photo", "afp photo", "reuters photo", "flash90", "gpo",
	"anadolu", "shutterstock", "wana", "tass", "ria novosti"
};

/* Add a paragraph to the list. */
static void
text_para_add(struct text_parse *tp, size_t off, size_t len)
{
	if (tp->npara == tp->cappara) {
		tp->cappara = tp->cappara ? tp->cappara * 2 : 256;
		tp->paras = xreallocarray(tp->paras, tp->cappara,
		    sizeof *tp->paras);
	}
	tp->paras[tp->npara].off = (uint32_t)off;
	tp->paras[tp->npara].len = (uint32_t)len;
	tp->paras[tp->npara].kind = TEXT_BODY;
	tp->npara++;
}

/* Does a line look hard-wrapped: 40-100 bytes, cut mid-sentence? */
static int
text_wrapped(const char *s, size_t len)
{
	char	c;

	if (len < 40 || len > 100)
		return 0;
	c = s[len - 1];
	return c == ',' || c == ';' || !text_ends_sentence(s, len);
}

/* Does the next line begin as this one does (a caption said twice)? */
static int
text_repeats(const char *s, size_t len, const char *next, size_t nlen)
{
	size_t	n = len < nlen ? len : nlen;

	if (n > 24)
		n = 24;
	return memcmp(s, next, n) == 0;
}

/*
 * Cut the body into paragraphs. When blank lines separate paragraphs, lines
 * of one block that look hard-wrapped are joined; otherwise every line is a
 * paragraph.
 */
static void
text_split(struct text_parse *tp, size_t start)
{
	struct text_line	l, next;
	size_t			pos = start, nonblank = 0, blank = 0, wrapped = 0;
	size_t			first;
	int			blankmode, have;

	while (text_next_line(tp->s, tp->len, &pos, &l)) {
		nonblank++;
		blank += l.blank_before;
		wrapped += text_wrapped(tp->s + l.off, l.len);
	}
	/* Blank lines part paragraphs, or the lines are wrapped to a width. */
	blankmode = blank > 0 && (blank * 3 >= nonblank ||
	    wrapped * 2 >= nonblank);

	pos = start;
	have = text_next_line(tp->s, tp->len, &pos, &l);
	while (have) {
		first = l.off;
		for (;;) {
			have = text_next_line(tp->s, tp->len, &pos, &next);
			if (!have || !blankmode || next.blank_before ||
			    !text_wrapped(tp->s + l.off, l.len) ||
			    tp->s[next.off] == '(' ||
			    text_repeats(tp->s + l.off, l.len,
			    tp->s + next.off, next.len))
				break;
			l = next;
		}
		text_para_add(tp, first, (size_t)l.off + l.len - first);
		l = next;
	}
}

/* Where a photo credit starts in the text, or len if it has none. */
static size_t
text_credit_at(const char *s, size_t len)
{
	const char	*p;
	size_t		 i, at = len, depth = 0, k, n;
	long		 f;

	if (len > TEXT_CAPTION_MAX * 2)
		return len;
	/*
	 * Most markers open with '(': test them only where a parenthesis
	 * is, and the others only if the text has a colon at all. This runs
	 * on every paragraph, so it must not rescan the text per marker.
	 */
	for (p = memchr(s, '(', len); p != NULL && at == len;
	    p = memchr(p + 1, '(', len - (size_t)(p - s) - 1)) {
		for (i = 0; i < sizeof text_credit_any /
		    sizeof text_credit_any[0]; i++) {
			if (text_credit_any[i][0] == '(' &&
			    text_starts(p, len - (size_t)(p - s),
			    text_credit_any[i])) {
				at = (size_t)(p - s);
				break;
			}
		}
		if ((size_t)(p - s) + 1 >= len)
			break;
	}
	for (i = 0; memchr(s, ':', len) != NULL && i < sizeof text_credit_any /
	    sizeof text_credit_any[0]; i++) {
		if (text_credit_any[i][0] == '(')
			continue;
		f = text_find(s, len, text_credit_any[i]);
		if (f >= 0 && (size_t)f < at)
			at = (size_t)f;
	}
	for (i = 0; i < sizeof text_credit_start / sizeof text_credit_start[0];
	    i++)
		if (text_starts(s, len, text_credit_start[i]))
			return 0;
	if (at < len || len == 0 || s[len - 1] != ')')
		return at;

	/* A trailing "(Reuters)", "(AP Photo/Jane Doe)", "(Getty Images)". */
	for (i = len; i > 0; i--) {
		if (s[i - 1] == ')')
			depth++;
		else if (s[i - 1] == '(' && --depth == 0)
			break;
	}
	if (i == 0)
		return len;
	k = i;			/* just inside the parenthesis */
	n = len - 1 - k;
	if (n == 0 || n > 120)
		return len;
	if (text_in_table(s + k, n, text_credit_agencies,
	    sizeof text_credit_agencies / sizeof text_credit_agencies[0]) ||
	    text_find(s + k, n, "photo") >= 0 ||
	    text_find(s + k, n, "images") >= 0 || memchr(s + k, '/', n) != NULL)
		return i - 1;
	return len;
}

/* Does a paragraph carry a photo credit? */
static int
text_has_credit(const char *s, size_t len)
{
	size_t	at;

	if (len > TEXT_CAPTION_MAX ||
	    text_words(s, len, TEXT_CAPTION_WORDS) > TEXT_CAPTION_WORDS)
		return 0;
	at = text_credit_at(s, len);
	return at < len;
}

/* Is the paragraph a credit alone: "(photo credit: NAME)", "Photo: AP"? */
static int
text_lone_credit(const char *s, size_t len)
{
	if (len > 300 || text_credit_at(s, len) != 0)
		return 0;
	if (s[0] == '(' && s[len - 1] == ')')
		return text_words(s, len, 20) <= 20;
	return text_words(s, len, 6) <= 5;
}

/* Is the paragraph one text written twice? Returns its half, or 0. */
static size_t
text_doubled(const char *s, size_t len)
{
	size_t	k;

	if (len < 41 || len > TEXT_CAPTION_MAX * 2 || len % 2 == 0)
		return 0;
	k = (len - 1) / 2;
	if (s[k] != ' ' || memcmp(s, s + k + 1, k) != 0)
		return 0;
	return text_words(s, k, 4) >= 4 ? k : 0;
}

/* The length of a caption's key: its text before the credit. */
static size_t
text_caption_key(const char *s, size_t len)
{
	size_t	n = text_credit_at(s, len);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n == 0 ? len : n;
}

/*
 * Take a caption. A neighbour that repeats it (a prefix of it, or it a
 * prefix of the neighbour) is the same caption: the fuller text stays.
 */
static size_t
text_caption(struct text_parse *tp, size_t last, const char *s, size_t len)
{
	struct text_caption	*c;
	char			*clean;
	size_t			 n, m;

	clean = utf8_clean_line(s, len);
	n = strlen(clean);
	if (n == 0) {
		free(clean);
		return last;
	}
	if (last != SIZE_MAX) {
		c = &tp->caps[last];
		m = strlen(c->text);
		if (n >= m && memcmp(clean, c->text, m) == 0) {
			free(c->text);
			c->text = clean;
			c->keylen = text_caption_key(clean, n);
			return last;
		}
		if (n < m && memcmp(clean, c->text, n) == 0) {
			free(clean);
			return last;
		}
	}
	if (tp->ncap == TEXT_MAX_CAPTIONS) {
		free(clean);
		return SIZE_MAX;
	}
	if (tp->ncap == tp->capcap) {
		tp->capcap = tp->capcap ? tp->capcap * 2 : 8;
		tp->caps = xreallocarray(tp->caps, tp->capcap,
		    sizeof *tp->caps);
	}
	c = &tp->caps[tp->ncap];
	c->text = clean;
	c->keylen = text_caption_key(clean, n);
	c->removed = 0;
	return tp->ncap++;
}

/* Give the last caption a credit that came on its own line. */
static void
text_caption_credit(struct text_parse *tp, size_t last, const char *s,
    size_t len)
{
	struct text_caption	*c = &tp->caps[last];
	char			*clean, *joined;
	size_t			 n, m;

	clean = utf8_clean_line(s, len);
	n = strlen(clean);
	m = strlen(c->text);
	if (n > 0 && (n > m || memcmp(c->text + m - n, clean, n) != 0)) {
		xasprintf(&joined, "%s %s", c->text, clean);
		free(c->text);
		c->text = joined;
	}
	free(clean);
}

/* Sort paragraphs into body, captions and furniture to drop. */
static void
text_classify(struct text_parse *tp)
{
	struct text_para	*p, *q;
	const char		*s;
	size_t			 i, k, last = SIZE_MAX;

	for (i = 0; i < tp->npara; i++) {
		p = &tp->paras[i];
		s = tp->s + p->off;
		if (text_is_boilerplate(s, p->len)) {
			p->kind = TEXT_DROP;
			continue;
		}
		if (p->len > TEXT_CAPTION_MAX * 2) {
			last = SIZE_MAX;
			continue;
		}
		if (text_lone_credit(s, p->len) && last != SIZE_MAX) {
			text_caption_credit(tp, last, s, p->len);
			p->kind = TEXT_DROP;
			continue;
		}
		if ((k = text_doubled(s, p->len)) != 0 ||
		    text_has_credit(s, p->len)) {
			last = text_caption(tp, last, s, k ? k : p->len);
			p->kind = TEXT_DROP;
			continue;
		}
		if (last != SIZE_MAX) {	/* repeats the caption before it? */
			size_t m = strlen(tp->caps[last].text);
			char *clean = utf8_clean_line(s, p->len);
			size_t n = strlen(clean);

			k = n <= m && memcmp(clean, tp->caps[last].text, n) == 0;
			free(clean);
			if (k) {
				p->kind = TEXT_DROP;
				continue;
			}
		}
		q = i + 1 < tp->npara ? &tp->paras[i + 1] : NULL;
		if (q != NULL && q->len > p->len &&
		    memcmp(tp->s + q->off, s, p->len) == 0 &&
		    text_has_credit(tp->s + q->off, q->len)) {
			/* The caption without its credit, the full one next. */
			last = text_caption(tp, last, s, p->len);
			p->kind = TEXT_DROP;
			continue;
		}
		q = i > 0 ? &tp->paras[i - 1] : NULL;
		if (q != NULL && q->kind == TEXT_BODY && q->len == p->len &&
		    memcmp(tp->s + q->off, s, p->len) == 0 &&
		    text_words(s, p->len, TEXT_LEAD_WORDS) < TEXT_LEAD_WORDS) {
			/* The same short line twice: a caption. */
			q->kind = TEXT_DROP;
			last = text_caption(tp, SIZE_MAX, s, p->len);
			p->kind = TEXT_DROP;
			continue;
		}
		last = SIZE_MAX;
	}
}

/* Hash a caption's key (FNV-1a). */
static uint64_t
text_hash(const char *s, size_t len)
{
	uint64_t	h = 0xcbf29ce484222325ULL;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Keep each caption once: equal keys (text before the credit) are one. */
static void
text_caption_dedupe(struct text_parse *tp)
{
	struct text_caption	*c, *o;
	size_t			*table, size = 16, i, j;

	while (size < tp->ncap * 2)
		size *= 2;
	table = xcalloc(size, sizeof *table);
	for (i = 0; i < tp->ncap; i++) {
		c = &tp->caps[i];
		j = (size_t)text_hash(c->text, c->keylen) & (size - 1);
		for (;; j = (j + 1) & (size - 1)) {
			if (table[j] == 0) {
				table[j] = i + 1;
				break;
			}
			o = &tp->caps[table[j] - 1];
			if (o->keylen != c->keylen ||
			    memcmp(o->text, c->text, c->keylen) != 0)
				continue;
			if (strlen(c->text) > strlen(o->text)) {
				free(o->text);
				o->text = c->text;
				c->text = NULL;
			}
			c->removed = 1;
			break;
		}
	}
	free(table);
}

/* Is a body paragraph shaped like a subheading? */
static int
text_subhead_like(const char *s, size_t len)
{
	unsigned char	c = (unsigned char)s[0], e = (unsigned char)s[len - 1];

	if (len > TEXT_SUBHEAD_MAX ||
	    text_words(s, len, TEXT_SUBHEAD_WORDS) >= TEXT_SUBHEAD_WORDS)
		return 0;
	if (text_ends_sentence(s, len) || e == ')' || e == '\'' || e == '-')
		return 0;
	if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
	    c == '"' || c >= 0x80))
		return 0;
	return !text_starts(s, len, "reporting by") &&
	    !text_starts(s, len, "editing by") &&
	    !text_starts(s, len, "writing by") &&
	    !text_starts(s, len, "additional reporting");
}

/* Mark short unpunctuated lines between body paragraphs as subheadings. */
static void
text_subheads(struct text_parse *tp)
{
	struct text_para	*p;
	size_t			 i, prev = SIZE_MAX, cur = SIZE_MAX;

	for (i = 0; i <= tp->npara; i++) {
		if (i < tp->npara && tp->paras[i].kind == TEXT_DROP)
			continue;
		/* cur has a body paragraph before it and one after it (i). */
		if (cur != SIZE_MAX && prev != SIZE_MAX && i < tp->npara &&
		    tp->paras[prev].kind == TEXT_BODY) {
			p = &tp->paras[cur];
			if (text_subhead_like(tp->s + p->off, p->len))
				p->kind = TEXT_SUBHEAD;
		}
		prev = cur;
		cur = i;
	}
}

void
import_text_body(struct text_parse *tp, size_t start)
{
	text_split(tp, start);
	text_classify(tp);
	text_subheads(tp);
	text_caption_dedupe(tp);
}
