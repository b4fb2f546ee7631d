/*
 * Stories saved as plain text by browsers and read-later tools: a site line
 * (often "date YYYY-MM-DD Outlet - navigation ..."), the headline, a
 * standfirst, a byline and a "Published:" line, then the body with photo
 * captions (often repeated, with and without their credit) and
 * subheadings mixed in.
 *
 * The text is cleaned of escape sequences once, the first lines are read as
 * a header, and the rest is cut into paragraphs that are classified in one
 * pass (boilerplate, caption, body) and a second (subheadings). Everything
 * is linear in the input: long lines are never searched for captions, and
 * captions are deduplicated through a hash table.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "import.h"
#include "import-text-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

#define TEXT_HEAD_LINES		64	/* lines read as a possible header */
#define TEXT_SITE_MAX		4096	/* bytes: longer is no site line */
#define TEXT_HEADLINE_WORDS	25
#define TEXT_HEADLINE_MAX	400
#define TEXT_TITLE_WORDS	12	/* title cut from a first paragraph */
#define TEXT_TITLE_MAX		300
#define TEXT_BYLINE_WORDS	15
#define TEXT_OUTLET_WORDS	8

/* Publications whose names do not follow the usual site-line shapes. */
static const char *const text_outlets[] = {
	"The Jerusalem Post", "Jerusalem Post", "The Times of Israel",
	"Times of Israel", "Al Jazeera", "Al-Monitor", "Associated Press",
	"AP News", "BBC News", "BBC", "CNN", "Reuters", "The Guardian",
	"The New York Times", "The Washington Post", "Financial Times",
	"The Economist", "Foreign Policy", "Politico", "Haaretz",
	"The Moscow Times", "The Kyiv Independent", "Kyiv Independent",
	"Deutsche Welle", "France 24", "Le Monde", "Bloomberg",
	"The Wall Street Journal", "South China Morning Post", "Arab News",
	"Ynetnews", "i24NEWS", "Axios", "Tehran Times", "Xinhua", "TASS",
	"NPR", "Al Arabiya", "Middle East Eye", "The Hill"
};

/* Words an all-capitals byline keeps upper case (written lower here). */
static const char *const text_acronyms[] = {
	"ap", "afp", "bbc", "cnn", "upi", "dpa", "efe", "ansa", "tass", "ria",
	"irna", "wafa", "jta", "aap", "npr", "abc", "cbs", "nbc", "pti", "ani",
	"kcna", "nhk", "tps", "mena", "spa", "wam", "isna", "un", "eu", "us",
	"uk", "tv", "dw"
};

static const char *const text_weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun"
};
static const char *const text_months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec"
};

/* The first word of a line, as offset and length. */
static size_t
text_first_word(const char *s, size_t len)
{
	size_t	i = 0;

	while (i < len && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	return i;
}

/* Could a date begin this text (weekday, month, "date" or a digit)? */
static int
text_date_first(const char *s, size_t len)
{
	size_t	n;

	if (len > 0 && s[0] >= '0' && s[0] <= '9')
		return 1;
	n = text_first_word(s, len);
	return n > 0 && (text_in_table(s, n, text_weekdays,
	    sizeof text_weekdays / sizeof text_weekdays[0]) ||
	    text_in_table(s, n, text_months,
	    sizeof text_months / sizeof text_months[0]));
}

/*
 * The date at the start of a line: the date of its first ten words and the
 * offset just past the fewest words that give the same date.
 */
static char *
text_date_prefix(const char *s, size_t len, size_t *end)
{
	char	*full, *d;
	size_t	 j, e;

	e = text_word_end(s, len, 10);
	if ((full = date_parse(s, e)) == NULL)
		return NULL;
	for (j = 1; j <= 10; j++) {
		e = text_word_end(s, len, j);
		if ((d = date_parse(s, e)) == NULL)
			continue;
		if (strcmp(d, full) == 0) {
			free(d);
			break;
		}
		free(d);
	}
	*end = e;
	return full;
}

/* Note a date; a better-ranked source replaces an earlier one. */
static void
text_set_published(struct text_parse *tp, char *date, int rank)
{
	if (date == NULL)
		return;
	if (tp->published != NULL && tp->published_rank >= rank) {
		free(date);
		return;
	}
	free(tp->published);
	tp->published = date;
	tp->published_rank = rank;
}

/*
 * Is the line a "Published: ..." or "Updated ..." line or a date alone?
 * Sets *rank: 3 published, 2 updated, 1 a bare date.
 */
static char *
text_dateline(const char *s, size_t len, int *rank)
{
	static const struct {
		const char	*word;
		int		 rank;
	} prefixes[] = {
		{ "first published", 3 }, { "published", 3 }, { "posted", 3 },
		{ "date", 3 }, { "last updated", 2 }, { "updated", 2 },
		{ "last modified", 2 }, { "modified", 2 }
	};
	size_t	 i, n, end;
	char	*d;

	if (len > 200)
		return NULL;
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		if (!text_starts_word(s, len, prefixes[i].word))
			continue;
		n = strlen(prefixes[i].word);
		if ((d = date_parse(s + n, len - n)) == NULL)
			return NULL;
		*rank = prefixes[i].rank;
		return d;
	}
	if (!text_date_first(s, len) || text_words(s, len, 12) > 12)
		return NULL;
	if ((d = text_date_prefix(s, len, &end)) == NULL)
		return NULL;
	if (text_words(s + end, len - end, 4) > 3) {
		free(d);
		return NULL;
	}
	*rank = 1;
	return d;
}

/* Is the line a byline ("By Jane Doe")? Sets the name's offset. */
static int
text_byline(const char *s, size_t len, size_t *name)
{
	size_t		i;
	unsigned char	c;

	if (len < 4 || len > 300 || !text_starts(s, len, "by") ||
	    !text_isspace((unsigned char)s[2]))
		return 0;
	for (i = 2; i < len && text_isspace((unsigned char)s[i]); i++)
		/* nothing */;
	if (i == len)
		return 0;
	c = (unsigned char)s[i];
	if (!((c >= 'A' && c <= 'Z') || c >= 0x80))
		return 0;
	if (text_words(s, len, TEXT_BYLINE_WORDS) > TEXT_BYLINE_WORDS)
		return 0;
	*name = i;
	return 1;
}

/* Bring an all-capitals byline to title case, keeping agency acronyms. */
static char *
text_byline_case(const char *s, size_t len)
{
	struct buf	b;
	size_t		i, j, k, letters;
	int		lower = 0, vowel;

	for (i = 0; i < len; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			lower = 1;
	if (lower)
		return xstrndup(s, len);
	buf_init(&b);
	for (i = 0; i < len; i = j) {
		if (text_isspace((unsigned char)s[i])) {
			buf_addc(&b, ' ');
			j = i + 1;
			continue;
		}
		for (j = i; j < len && !text_isspace((unsigned char)s[j]); j++)
			/* nothing */;
		/* The word's letters, without trailing punctuation. */
		for (k = j; k > i && !((s[k - 1] >= 'A' && s[k - 1] <= 'Z') ||
		    (unsigned char)s[k - 1] >= 0x80); k--)
			/* nothing */;
		letters = k - i;
		vowel = 0;
		for (k = i; k < i + letters; k++)
			if (strchr("AEIOUY", s[k]) != NULL)
				vowel = 1;
		if (text_in_table(s + i, letters, text_acronyms,
		    sizeof text_acronyms / sizeof text_acronyms[0]) ||
		    (letters <= 4 && letters > 0 && !vowel)) {
			buf_add(&b, s + i, j - i);
			continue;
		}
		if (letters == 3 && text_starts(s + i, letters, "and")) {
			buf_adds(&b, "and");
			buf_add(&b, s + i + 3, j - i - 3);
			continue;
		}
		for (k = i; k < j; k++) {
			unsigned char c = (unsigned char)s[k];
			int first = k == i || s[k - 1] == '-' ||
			    (s[k - 1] == '\'' && k - i == 2);

			if (!first && c >= 'A' && c <= 'Z')
				c = text_lower(c);
			buf_addc(&b, (char)c);
		}
	}
	return buf_detach(&b);
}

/* Does the line start with "Published", "Updated" or "Posted"? */
static int
text_date_word(const char *s, size_t len)
{
	return text_starts_word(s, len, "published") ||
	    text_starts_word(s, len, "updated") ||
	    text_starts_word(s, len, "posted") ||
	    text_starts_word(s, len, "last updated");
}

/* Could the line be a headline: short, no final full stop? */
static int
text_headline_like(const char *s, size_t len)
{
	size_t	name;
	int	rank;
	char	*d;

	if (len > TEXT_HEADLINE_MAX || s[len - 1] == '.' ||
	    text_words(s, len, TEXT_HEADLINE_WORDS) > TEXT_HEADLINE_WORDS)
		return 0;
	if (text_byline(s, len, &name))
		return 0;
	if ((d = text_dateline(s, len, &rank)) != NULL) {
		free(d);
		return 0;
	}
	return 1;
}

/* The earliest outlet separator (" - ", " | ", " — ", "·", ...) or -1. */
static long
text_separator(const char *s, size_t len)
{
	static const char *const seps[] = {
		" - ", " | ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", "\xc2\xb7",
		" :: ", " \xc2\xbb ", " / "
	};
	size_t	i;
	long	at, best = -1;

	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		at = text_find(s, len, seps[i]);
		if (at >= 0 && (best < 0 || at < best))
			best = at;
	}
	return best;
}

/* The longest known outlet at the start of the text; its length or 0. */
static size_t
text_known_outlet(const char *s, size_t len)
{
	size_t	i, n, best = 0;

	for (i = 0; i < sizeof text_outlets / sizeof text_outlets[0]; i++) {
		n = strlen(text_outlets[i]);
		if (n > best && n <= len && memcmp(s, text_outlets[i], n) == 0 &&
		    (n == len || !((s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= 'A' && s[n] <= 'Z'))))
			best = n;
	}
	return best;
}

/* Is a word (len bytes) all capitals, at least two letters? */
static int
text_all_caps(const char *w, size_t len)
{
	size_t	i, letters = 0;

	for (i = 0; i < len; i++) {
		if (w[i] >= 'a' && w[i] <= 'z')
			return 0;
		if (w[i] >= 'A' && w[i] <= 'Z')
			letters++;
	}
	return letters >= 2;
}

/*
 * Does the word w (wl bytes) come again as a word of the rest (rest bytes
 * at s, which follow a byte of the line before it)?
 */
static int
text_repeated(const char *s, size_t rest, const char *w, size_t wl)
{
	const char	*p;
	size_t		 at, from = 0;

	while (from < rest) {
		if ((p = memchr(s + from, w[0], rest - from)) == NULL)
			return 0;
		at = (size_t)(p - s);
		if (at + wl <= rest && memcmp(p, w, wl) == 0 &&
		    text_isspace((unsigned char)p[-1]) &&
		    (at + wl == rest || text_isspace((unsigned char)p[wl])))
			return 1;
		from = at + 1;
	}
	return 0;
}

/*
 * The outlet at the start of a site line: cut at a separator, a known
 * name, or a run of capitalised words that stops before a word the line
 * repeats later or before upper-case navigation words.
 */
static void
text_outlet(const char *s, size_t len, size_t *outlen)
{
	static const char *const joiners[] = {
		"of", "the", "and", "&", "de", "du", "la", "al", "el", "for"
	};
	size_t		 words[TEXT_OUTLET_WORDS + 1][2];
	size_t		 i, j, k, n, nw, end, run;
	long		 sep;
	unsigned char	 c;

	*outlen = 0;
	if ((n = text_known_outlet(s, len)) != 0) {
		*outlen = n;
		return;
	}
	sep = text_separator(s, len);
	if (sep > 0) {
		n = text_words(s, (size_t)sep, TEXT_OUTLET_WORDS);
		if (n >= 1 && n <= 6 && !(s[0] >= '0' && s[0] <= '9')) {
			*outlen = (size_t)sep;
			return;
		}
	}

	/* Split the first words. */
	nw = 0;
	for (i = 0; i < len && nw <= TEXT_OUTLET_WORDS; i = j) {
		while (i < len && text_isspace((unsigned char)s[i]))
			i++;
		if (i == len)
			break;
		for (j = i; j < len && !text_isspace((unsigned char)s[j]); j++)
			/* nothing */;
		words[nw][0] = i;
		words[nw][1] = j - i;
		nw++;
	}
	run = 0;
	for (k = 0; k < nw && k < TEXT_OUTLET_WORDS; k++) {
		const char *w = s + words[k][0];
		size_t wl = words[k][1];

		c = (unsigned char)w[0];
		if (!((c >= 'A' && c <= 'Z') || c >= 0x80 || (k > 0 &&
		    text_in_table(w, wl, joiners,
		    sizeof joiners / sizeof joiners[0]))))
			break;
		if (k > 0 && text_all_caps(w, wl))
			break;
		/* A word repeated later in the line is navigation. */
		end = words[k][0] + wl;
		if (k > 0 && end < len && text_repeated(s + end,
		    len - end < TEXT_SITE_MAX ? len - end : TEXT_SITE_MAX,
		    w, wl))
			break;
		run = k + 1;
	}
	while (run > 0 && text_in_table(s + words[run - 1][0],
	    words[run - 1][1], joiners, sizeof joiners / sizeof joiners[0]))
		run--;
	if (run > 0 && run <= 6)
		*outlen = words[run - 1][0] + words[run - 1][1];
}

/*
 * Is the first line a site line? It is when it starts with "date" or a date,
 * names a known outlet, or has an outlet separator and the headline follows
 * right under it.
 */
static int
text_is_site(const char *s, const struct text_line *l, size_t n)
{
	const char	*p = s + l[0].off;
	size_t		 len = l[0].len, w;
	int		 next = n > 1 && !l[1].blank_before &&
			     text_headline_like(s + l[1].off, l[1].len);

	if (len > TEXT_SITE_MAX || text_ends_sentence(p, len))
		return 0;
	w = text_first_word(p, len);
	if (w == 4 && text_starts(p, len, "date") && len > 4 &&
	    text_isspace((unsigned char)p[4]))
		return 1;
	if (text_date_first(p, len)) {
		char *d = date_parse(p, text_word_end(p, len, 10));

		if (d != NULL) {
			free(d);
			return n > 1;
		}
	}
	if (!next)
		return 0;
	if (text_known_outlet(p, len) != 0 || text_separator(p, len) > 0)
		return 1;
	/* An outlet alone above the headline, the headline set off below. */
	return text_words(p, len, 5) <= 5 && (n < 3 || l[2].blank_before) &&
	    p[0] >= 'A' && p[0] <= 'Z';
}

/* Read the site line: its date and the outlet. */
static void
text_site(struct text_parse *tp, struct article *a, const char *p,
    size_t len)
{
	size_t	 end, outlen;
	char	*d;

	if (text_starts_word(p, len, "date")) {
		p += 4;
		len -= 4;
		while (len > 0 && text_isspace((unsigned char)*p)) {
			p++;
			len--;
		}
	}
	if (text_date_first(p, len) &&
	    (d = text_date_prefix(p, len, &end)) != NULL) {
		text_set_published(tp, d, 0);
		p += end;
		len -= end;
	} else if ((d = date_parse(p, len)) != NULL)
		text_set_published(tp, d, 0);
	while (len > 0 && (text_isspace((unsigned char)*p) || *p == '|' ||
	    *p == '-' || *p == ',')) {
		p++;
		len--;
	}
	text_outlet(p, len, &outlen);
	if (outlen > 0)
		article_set(&a->outlet, p, outlen);
}

/* Set the title from the first words of a paragraph. */
static void
text_title_words(struct article *a, const char *s, size_t len)
{
	size_t	end = text_word_end(s, len, TEXT_TITLE_WORDS);

	if (end > TEXT_TITLE_MAX) {
		end = TEXT_TITLE_MAX;
		while (end > 0 && ((unsigned char)s[end] & 0xc0) == 0x80)
			end--;	/* cut on a character boundary */
	}
	article_set(&a->title, s, end);
}

/*
 * Take the byline from the rest of a "By" line. A date after a separator
 * or a "Published" word on the same line is read as a date line.
 */
static void
text_byline_line(struct text_parse *tp, struct article *a, const char *s,
    size_t len)
{
	static const char *const words[] = {
		" published", " updated", " posted", " last updated"
	};
	size_t	 i, cut = len, rest;
	long	 at;
	int	 rank;
	char	*by, *d;

	if ((at = text_separator(s, len)) > 0)
		cut = (size_t)at;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		at = text_find(s, cut, words[i]);
		if (at > 0 && text_starts_word(s + at + 1, len - at - 1,
		    words[i] + 1))
			cut = (size_t)at;
	}
	if (cut < len) {
		rest = cut;
		while (rest < len && (text_isspace((unsigned char)s[rest]) ||
		    strchr("|-\xc2\xb7\xe2\x80\x94\x93", s[rest]) != NULL))
			rest++;
		if ((d = text_dateline(s + rest, len - rest, &rank)) != NULL)
			text_set_published(tp, d, rank);
		else if ((d = date_parse(s + rest, len - rest)) != NULL)
			text_set_published(tp, d, 1);
	}
	while (cut > 0 && (text_isspace((unsigned char)s[cut - 1]) ||
	    s[cut - 1] == ','))
		cut--;
	by = text_byline_case(s, cut);
	article_set(&a->byline, by, strlen(by));
	free(by);
}

/*
 * Read the header: site line, headline, standfirst, byline and dates.
 * Returns the offset where the body starts.
 */
static size_t
text_header(struct text_parse *tp, struct article *a)
{
	struct text_line	 l[TEXT_HEAD_LINES];
	const char		*s = tp->s, *p;
	size_t			 n = 0, pos = 0, i = 0, lead = SIZE_MAX, name;
	int			 meta = 0, rank;
	char			*d;

	while (n < TEXT_HEAD_LINES && text_next_line(s, tp->len, &pos, &l[n])) {
		if (!text_is_boilerplate(s + l[n].off, l[n].len))
			n++;
	}
	if (n == 0)
		return tp->len;
	if (text_is_site(s, l, n)) {
		text_site(tp, a, s + l[0].off, l[0].len);
		i = 1;
	}
	if (i == n)
		return tp->len;
	if (!text_headline_like(s + l[i].off, l[i].len)) {
		text_title_words(a, s + l[i].off, l[i].len);
		return l[i].off;
	}
	article_set(&a->title, s + l[i].off, l[i].len);
	for (i++; i < n; i++) {
		p = s + l[i].off;
		if (a->byline == NULL && text_byline(p, l[i].len, &name)) {
			text_byline_line(tp, a, p + name, l[i].len - name);
			meta = 1;
			continue;
		}
		if ((d = text_dateline(p, l[i].len, &rank)) != NULL) {
			text_set_published(tp, d, rank);
			meta = 1;
			continue;
		}
		if (text_date_word(p, l[i].len) &&
		    text_words(p, l[i].len, 10) <= 10) {
			meta = 1;	/* "Updated 2 hours ago" */
			continue;
		}
		if (!meta && lead == SIZE_MAX && l[i].len <= TEXT_CAPTION_MAX &&
		    text_words(p, l[i].len, TEXT_LEAD_WORDS) < TEXT_LEAD_WORDS) {
			lead = i;
			continue;
		}
		break;
	}
	/* A standfirst is followed by a byline, a date or a photo. */
	if (lead != SIZE_MAX && !meta && i < n &&
	    text_find(s + l[i].off, l[i].len < TEXT_CAPTION_MAX ? l[i].len :
	    TEXT_CAPTION_MAX, "credit") >= 0)
		meta = 1;
	if (lead != SIZE_MAX && !meta)
		return l[lead].off;
	if (lead != SIZE_MAX)
		article_set(&a->lead, s + l[lead].off, l[lead].len);
	return i < n ? l[i].off : pos;
}

int
import_text_parse(const char *s, size_t len, struct article *a, char **err)
{
	struct text_parse	 tp;
	struct text_para	*p;
	char			*text;
	size_t			 i, start;
	int			 rv = -1;

	*err = NULL;
	if (len >= UINT32_MAX) {
		*err = xstrdup("text too large");
		return -1;
	}
	memset(&tp, 0, sizeof tp);
	text = utf8_clean_text(s, len, &tp.len);
	tp.s = text;

	start = text_header(&tp, a);
	import_text_body(&tp, start);

	for (i = 0; i < tp.npara; i++) {
		p = &tp.paras[i];
		if (p->kind != TEXT_DROP)
			article_add_paragraph(a, tp.s + p->off, p->len,
			    p->kind == TEXT_SUBHEAD);
	}
	for (i = 0; i < tp.ncap; i++) {
		if (!tp.caps[i].removed)
			article_add_caption(a, tp.caps[i].text,
			    strlen(tp.caps[i].text));
	}
	if (tp.published != NULL)
		article_set(&a->published, tp.published,
		    strlen(tp.published));

	if (a->title == NULL && a->body == NULL) {
		*err = xstrdup("no headline and no text");
		goto out;
	}
	if (a->title == NULL)
		text_title_words(a, a->body, a->body_len);
	rv = 0;
out:
	for (i = 0; i < tp.ncap; i++)
		free(tp.caps[i].text);
	free(tp.caps);
	free(tp.paras);
	free(tp.published);
	free(text);
	return rv;
}
