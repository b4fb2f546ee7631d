/*
 * Dates as people write them, brought to ISO 8601. The text is cut into a
 * bounded list of tokens (numbers, words, punctuation) and a few patterns
 * are tried at each token: ISO year-month-day, day.month.year, "Aug 26,
 * 2023" and "26 August 2023", each followed (or preceded) by an optional
 * time and zone. No locale, no strptime, no reads past len.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "xmalloc.h"
#include "banned.h"

#define DATE_MAX_TOKENS	256	/* a date sits near the start of its text */
#define DATE_NO_ZONE	INT32_MIN

enum date_kind {
	DATE_NUM,
	DATE_WORD,
	DATE_PUNCT
};

struct date_token {
	enum date_kind	 kind;
	const char	*s;
	size_t		 len;
	long		 value;		/* DATE_NUM: -1 if too long */
	int		 space;		/* whitespace came before it */
};

struct date_parts {
	int	year, month, day;
	int	has_time, has_sec;
	int	hour, min, sec;
	int32_t	zone;			/* minutes east of UTC */
	int	utc;			/* zone was written as Z, GMT or UTC */
};

struct date_zone {
	const char	*name;
	int		 minutes;	/* east of UTC */
	int		 us;		/* US zone: standard offset, DST by date */
};

static const char *const date_months[] = {
	"jan", "january", "feb", "february", "mar", "march", "apr", "april",
	"may", "may", "jun", "june", "jul", "july", "aug", "august",
	"sep", "september", "oct", "october", "nov", "november", "dec",
	"december"
};

static const struct date_zone date_zones[] = {
	{ "gmt", 0, 0 }, { "utc", 0, 0 }, { "ut", 0, 0 }, { "z", 0, 0 },
	{ "est", -300, 0 }, { "edt", -240, 0 }, { "cst", -360, 0 },
	{ "cdt", -300, 0 }, { "mst", -420, 0 }, { "mdt", -360, 0 },
	{ "pst", -480, 0 }, { "pdt", -420, 0 }, { "akst", -540, 0 },
	{ "akdt", -480, 0 }, { "hst", -600, 0 },
	{ "et", -300, 1 }, { "ct", -360, 1 }, { "mt", -420, 1 },
	{ "pt", -480, 1 },
	{ "bst", 60, 0 }, { "wet", 0, 0 }, { "west", 60, 0 },
	{ "cet", 60, 0 }, { "cest", 120, 0 }, { "eet", 120, 0 },
	{ "eest", 180, 0 }, { "msk", 180, 0 }, { "idt", 180, 0 },
	{ "gst", 240, 0 }, { "pkt", 300, 0 }, { "hkt", 480, 0 },
	{ "sgt", 480, 0 }, { "jst", 540, 0 }, { "kst", 540, 0 },
	{ "aest", 600, 0 }, { "aedt", 660, 0 }, { "nzst", 720, 0 },
	{ "nzdt", 780, 0 }
};

/* Is c an ASCII letter? */
static int
date_isalpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Is c an ASCII digit? */
static int
date_isdigit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Compare a token's text with a lower-case ASCII word, ignoring case. */
static int
date_word_is(const struct date_token *t, const char *w)
{
	size_t	i;

	if (t->kind != DATE_WORD || t->len != strlen(w))
		return 0;
	for (i = 0; i < t->len; i++) {
		unsigned char c = (unsigned char)t->s[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

/* Cut text into at most DATE_MAX_TOKENS tokens; returns how many. */
static size_t
date_tokenize(const char *s, size_t len, struct date_token *tok)
{
	size_t	i = 0, n = 0, j;
	int	space = 0;

	while (i < len && n < DATE_MAX_TOKENS) {
		unsigned char c = (unsigned char)s[i];
		struct date_token *t = &tok[n];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			space = 1;
			i++;
			continue;
		}
		t->s = s + i;
		t->space = space;
		space = 0;
		if (date_isdigit(c)) {
			t->kind = DATE_NUM;
			t->value = 0;
			for (j = i; j < len && date_isdigit((unsigned char)s[j]);
			    j++) {
				if (j - i < 9)
					t->value = t->value * 10 + (s[j] - '0');
				else
					t->value = -1;
			}
		} else if (date_isalpha(c)) {
			t->kind = DATE_WORD;
			for (j = i; j < len && date_isalpha((unsigned char)s[j]);
			    j++)
				/* nothing */;
		} else {
			t->kind = DATE_PUNCT;
			j = i + 1;
			if (c >= 0x80) {	/* one UTF-8 character */
				while (j < len &&
				    ((unsigned char)s[j] & 0xc0) == 0x80)
					j++;
			}
		}
		t->len = j - i;
		n++;
		i = j;
	}
	return n;
}

/* Is token i the punctuation character c? */
static int
date_punct(const struct date_token *tok, size_t n, size_t i, char c)
{
	return i < n && tok[i].kind == DATE_PUNCT && tok[i].s[0] == c;
}

/* Is token i a number of between min and max digits? */
static int
date_num(const struct date_token *tok, size_t n, size_t i, size_t min,
    size_t max)
{
	return i < n && tok[i].kind == DATE_NUM && tok[i].len >= min &&
	    tok[i].len <= max && tok[i].value >= 0;
}

/* The month (1-12) a word names, or 0. */
static int
date_month(const struct date_token *t)
{
	size_t	i;

	if (t->kind != DATE_WORD)
		return 0;
	for (i = 0; i < sizeof date_months / sizeof date_months[0]; i++) {
		if (date_word_is(t, date_months[i]))
			return (int)(i / 2) + 1;
	}
	return date_word_is(t, "sept") ? 9 : 0;
}

/* Is y a leap year? */
static int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y. */
static int
date_mdays(int y, int m)
{
	static const int days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && date_leap(y))
		return 29;
	return days[m - 1];
}

/* Is this a real calendar date? */
static int
date_valid(int y, int m, int d)
{
	return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_mdays(y, m);
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t
date_days(int y, int m, int d)
{
	int64_t	era, yoe, doy, doe, yy = y;

	yy -= m <= 2;
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Day of the week, 0 = Sunday. */
static int
date_wday(int y, int m, int d)
{
	int64_t	w = (date_days(y, m, d) + 4) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

/* Day of month of the nth (1-based; 0 = last) Sunday of a month. */
static int
date_sunday(int y, int m, int nth)
{
	int	d;

	if (nth == 0) {
		d = date_mdays(y, m);
		return d - date_wday(y, m, d);
	}
	d = 1 + (7 - date_wday(y, m, 1)) % 7;
	return d + 7 * (nth - 1);
}

/* Is a local US date and hour within daylight saving time? */
static int
date_us_dst(const struct date_parts *p)
{
	int	sm, sd, em, ed, cur, start, end;

	if (p->year >= 2007) {
		sm = 3; sd = date_sunday(p->year, 3, 2);
		em = 11; ed = date_sunday(p->year, 11, 1);
	} else {
		sm = 4; sd = date_sunday(p->year, 4, 1);
		em = 10; ed = date_sunday(p->year, 10, 0);
	}
	cur = p->month * 100 + p->day;
	start = sm * 100 + sd;
	end = em * 100 + ed;
	if (cur == start)
		return p->hour >= 2;
	if (cur == end)
		return p->hour < 2;
	return cur > start && cur < end;
}

/* Skip words and marks that join a date and a time; returns new index. */
static size_t
date_skip_joiners(const struct date_token *tok, size_t n, size_t i)
{
	int	skipped = 0;

	while (i < n && skipped < 3) {
		const struct date_token *t = &tok[i];

		if (t->kind == DATE_PUNCT && (t->s[0] == ',' ||
		    t->s[0] == '-' || t->s[0] == '|' || t->s[0] == '@' ||
		    (unsigned char)t->s[0] >= 0x80))
			i++;
		else if (date_word_is(t, "at") || date_word_is(t, "on") ||
		    date_word_is(t, "t"))
			i++;
		else
			break;
		skipped++;
	}
	return i;
}

/* Match "am", "pm", "a.m." or "p.m." at i; returns 1 for pm, 0 for am. */
static int
date_ampm(const struct date_token *tok, size_t n, size_t *i)
{
	size_t	j = *i;
	int	pm;

	if (j >= n)
		return -1;
	if (date_word_is(&tok[j], "am") || date_word_is(&tok[j], "pm")) {
		pm = date_word_is(&tok[j], "pm");
		j++;
		if (date_punct(tok, n, j, '.') && !tok[j].space)
			j++;
		*i = j;
		return pm;
	}
	if ((date_word_is(&tok[j], "a") || date_word_is(&tok[j], "p")) &&
	    date_punct(tok, n, j + 1, '.') && j + 2 < n &&
	    date_word_is(&tok[j + 2], "m")) {
		pm = date_word_is(&tok[j], "p");
		j += 3;
		if (date_punct(tok, n, j, '.') && !tok[j].space)
			j++;
		*i = j;
		return pm;
	}
	return -1;
}

/* Match a zone at i: a name, "+0200", "-05:00", "GMT+2". */
static int
date_zone(const struct date_token *tok, size_t n, size_t *i,
    struct date_parts *p)
{
	size_t	j = *i, k;
	int	sign, h, m = 0;

	if (j < n && tok[j].kind == DATE_WORD) {
		for (k = 0; k < sizeof date_zones / sizeof date_zones[0]; k++) {
			if (!date_word_is(&tok[j], date_zones[k].name))
				continue;
			p->zone = date_zones[k].minutes;
			if (date_zones[k].us && date_us_dst(p))
				p->zone += 60;
			p->utc = date_zones[k].minutes == 0 &&
			    !date_zones[k].us;
			*i = ++j;
			if (p->utc && (date_punct(tok, n, j, '+') ||
			    date_punct(tok, n, j, '-')) && !tok[j].space)
				break;		/* GMT+2: read the offset */
			return 1;
		}
		if (k == sizeof date_zones / sizeof date_zones[0])
			return 0;
	}
	if (!date_punct(tok, n, j, '+') && !date_punct(tok, n, j, '-'))
		return 0;
	sign = tok[j].s[0] == '-' ? -1 : 1;
	j++;
	if (date_num(tok, n, j, 4, 4)) {
		h = (int)tok[j].value / 100;
		m = (int)tok[j].value % 100;
		j++;
	} else if (date_num(tok, n, j, 1, 2)) {
		h = (int)tok[j].value;
		j++;
		if (date_punct(tok, n, j, ':') && date_num(tok, n, j + 1, 2, 2)) {
			m = (int)tok[j + 1].value;
			j += 2;
		}
	} else
		return 0;
	if (h > 14 || m > 59)
		return 0;
	p->zone = sign * (h * 60 + m);
	p->utc = 0;
	*i = j;
	return 1;
}

/* Match a time at i: "16:26", "16:26:05.123", "4:26 p.m.", "4 PM", zone. */
static int
date_time(const struct date_token *tok, size_t n, size_t *i,
    struct date_parts *p)
{
	size_t	j = *i;
	int	hour, min = 0, sec = 0, has_sec = 0, pm;

	if (!date_num(tok, n, j, 1, 2))
		return 0;
	hour = (int)tok[j++].value;
	if (date_punct(tok, n, j, ':') && date_num(tok, n, j + 1, 2, 2)) {
		min = (int)tok[j + 1].value;
		j += 2;
		if (date_punct(tok, n, j, ':') &&
		    date_num(tok, n, j + 1, 2, 2)) {
			sec = (int)tok[j + 1].value;
			has_sec = 1;
			j += 2;
			if ((date_punct(tok, n, j, '.') ||
			    date_punct(tok, n, j, ',')) && j + 1 < n &&
			    tok[j + 1].kind == DATE_NUM && !tok[j + 1].space)
				j += 2;		/* fraction: dropped */
		}
		pm = date_ampm(tok, n, &j);
	} else if ((pm = date_ampm(tok, n, &j)) == -1)
		return 0;		/* a lone number is no time */
	if (pm != -1) {
		if (hour < 1 || hour > 12)
			return 0;
		hour = hour % 12 + (pm ? 12 : 0);
	}
	if (hour > 23 || min > 59 || sec > 60)
		return 0;
	p->has_time = 1;
	p->has_sec = has_sec;
	p->hour = hour;
	p->min = min;
	p->sec = sec;
	p->zone = DATE_NO_ZONE;
	p->utc = 0;
	date_zone(tok, n, &j, p);
	*i = j;
	return 1;
}

/* Match a year, month and day at i in any of the known orders. */
static int
date_day(const struct date_token *tok, size_t n, size_t *i,
    struct date_parts *p)
{
	size_t	j = *i;
	int	a, b, c, m;
	char	sep;

	/* 2023-08-26, 2023/08/26, 2023.08.26 */
	if (date_num(tok, n, j, 4, 4) && j + 4 < n &&
	    tok[j + 1].kind == DATE_PUNCT && date_num(tok, n, j + 2, 1, 2) &&
	    date_punct(tok, n, j + 3, tok[j + 1].s[0]) &&
	    date_num(tok, n, j + 4, 1, 2)) {
		sep = tok[j + 1].s[0];
		if (sep == '-' || sep == '/' || sep == '.') {
			p->year = (int)tok[j].value;
			p->month = (int)tok[j + 2].value;
			p->day = (int)tok[j + 4].value;
			*i = j + 5;
			return date_valid(p->year, p->month, p->day);
		}
	}

	/* 26.08.2023 (day first), 08/26/2023 (month first unless > 12) */
	if (date_num(tok, n, j, 1, 2) && j + 4 < n &&
	    tok[j + 1].kind == DATE_PUNCT && date_num(tok, n, j + 2, 1, 2) &&
	    date_punct(tok, n, j + 3, tok[j + 1].s[0]) &&
	    date_num(tok, n, j + 4, 4, 4)) {
		sep = tok[j + 1].s[0];
		a = (int)tok[j].value;
		b = (int)tok[j + 2].value;
		c = (int)tok[j + 4].value;
		if (sep == '/' && a <= 12 && date_valid(c, a, b)) {
			p->month = a;
			p->day = b;
		} else if (sep == '/' || sep == '.' || sep == '-') {
			p->day = a;
			p->month = b;
		} else
			return 0;
		p->year = c;
		*i = j + 5;
		return date_valid(p->year, p->month, p->day);
	}

	/* Aug. 26, 2023; AUGUST 26 2023; Sept 3rd, 2023 */
	if (j < n && (m = date_month(&tok[j])) != 0) {
		j++;
		if (date_punct(tok, n, j, '.'))
			j++;
		if (!date_num(tok, n, j, 1, 2))
			return 0;
		p->day = (int)tok[j++].value;
		if (j < n && tok[j].kind == DATE_WORD && !tok[j].space &&
		    (date_word_is(&tok[j], "st") || date_word_is(&tok[j], "nd") ||
		    date_word_is(&tok[j], "rd") || date_word_is(&tok[j], "th")))
			j++;
		if (date_punct(tok, n, j, ','))
			j++;
		if (!date_num(tok, n, j, 4, 4))
			return 0;
		p->year = (int)tok[j++].value;
		p->month = m;
		*i = j;
		return date_valid(p->year, p->month, p->day);
	}

	/* 26 August 2023; Sat, 26 Aug 23; 3rd of September, 2023 */
	if (date_num(tok, n, j, 1, 2)) {
		p->day = (int)tok[j++].value;
		if (j < n && tok[j].kind == DATE_WORD && !tok[j].space &&
		    (date_word_is(&tok[j], "st") || date_word_is(&tok[j], "nd") ||
		    date_word_is(&tok[j], "rd") || date_word_is(&tok[j], "th")))
			j++;
		if (date_punct(tok, n, j, '.') || date_punct(tok, n, j, '-'))
			j++;
		if (j < n && date_word_is(&tok[j], "of"))
			j++;
		if (j >= n || (m = date_month(&tok[j])) == 0)
			return 0;
		j++;
		if (date_punct(tok, n, j, '.') || date_punct(tok, n, j, '-'))
			j++;
		if (date_punct(tok, n, j, ','))
			j++;
		if (date_num(tok, n, j, 4, 4))
			p->year = (int)tok[j++].value;
		else if (date_num(tok, n, j, 2, 2) &&
		    !date_punct(tok, n, j + 1, ':')) {
			p->year = (int)tok[j++].value;
			p->year += p->year < 70 ? 2000 : 1900;
		} else
			return 0;
		p->month = m;
		*i = j;
		return date_valid(p->year, p->month, p->day);
	}
	return 0;
}

/* Write the parts as an ISO 8601 string. */
static char *
date_format(const struct date_parts *p)
{
	char	 zone[16];
	char	*out;
	int	 z;

	if (!p->has_time) {
		xasprintf(&out, "%04d-%02d-%02d", p->year, p->month, p->day);
		return out;
	}
	if (p->zone == DATE_NO_ZONE)
		zone[0] = '\0';
	else if (p->utc)
		snprintf(zone, sizeof zone, "Z");
	else {
		z = p->zone < 0 ? -p->zone : p->zone;
		snprintf(zone, sizeof zone, "%c%02d:%02d",
		    p->zone < 0 ? '-' : '+', z / 60, z % 60);
	}
	if (p->has_sec)
		xasprintf(&out, "%04d-%02d-%02dT%02d:%02d:%02d%s", p->year,
		    p->month, p->day, p->hour, p->min, p->sec, zone);
	else
		xasprintf(&out, "%04d-%02d-%02dT%02d:%02d%s", p->year,
		    p->month, p->day, p->hour, p->min, zone);
	return out;
}

char *
date_parse(const char *s, size_t len)
{
	struct date_token	*tok;
	struct date_parts	 p, t;
	size_t			 n, i, j, k, start;
	char			*out = NULL;

	if (s == NULL || len == 0)
		return NULL;
	tok = xcalloc(DATE_MAX_TOKENS, sizeof *tok);
	n = date_tokenize(s, len, tok);
	for (start = 0; start < n; start++) {
		memset(&p, 0, sizeof p);
		i = start;
		if (!date_day(tok, n, &i, &p))
			continue;

		/* A time after the date, or just before it. */
		j = date_skip_joiners(tok, n, i);
		if (!date_time(tok, n, &j, &p)) {
			for (k = start > 8 ? start - 8 : 0; k < start; k++) {
				memset(&t, 0, sizeof t);
				t.year = p.year;
				t.month = p.month;
				t.day = p.day;
				j = k;
				if (date_time(tok, n, &j, &t) &&
				    date_skip_joiners(tok, n, j) == start) {
					p = t;
					break;
				}
			}
		}
		out = date_format(&p);
		break;
	}
	free(tok);
	return out;
}

/* Read exactly n digits at *s; -1 if they are not there. */
static int
date_digits(const char **s, int n)
{
	int	v = 0;

	for (; n > 0; n--, (*s)++) {
		if (!date_isdigit((unsigned char)**s))
			return -1;
		v = v * 10 + (**s - '0');
	}
	return v;
}

int64_t
date_epoch(const char *iso)
{
	const char	*s = iso;
	int		 y, m, d, hh = 0, mm = 0, ss = 0, zh, zm, sign;
	int64_t		 t, zone = 0;

	if (s == NULL)
		return -1;
	if ((y = date_digits(&s, 4)) < 0 || *s++ != '-' ||
	    (m = date_digits(&s, 2)) < 0 || *s++ != '-' ||
	    (d = date_digits(&s, 2)) < 0)
		return -1;
	if (!date_valid(y, m, d))
		return -1;
	if (*s == 'T' || *s == ' ') {
		s++;
		if ((hh = date_digits(&s, 2)) < 0 || *s++ != ':' ||
		    (mm = date_digits(&s, 2)) < 0)
			return -1;
		if (*s == ':') {
			s++;
			if ((ss = date_digits(&s, 2)) < 0)
				return -1;
		}
		if (hh > 23 || mm > 59 || ss > 60)
			return -1;
		if (*s == 'Z')
			s++;
		else if (*s == '+' || *s == '-') {
			sign = *s++ == '-' ? -1 : 1;
			if ((zh = date_digits(&s, 2)) < 0 || *s++ != ':' ||
			    (zm = date_digits(&s, 2)) < 0 || zh > 23 || zm > 59)
				return -1;
			zone = sign * (zh * 3600 + zm * 60);
		}
	}
	if (*s != '\0')
		return -1;
	t = date_days(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
	return t - zone;
}
