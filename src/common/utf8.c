/* UTF-8 decoding, legacy charset conversion and display-text cleaning. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Decode one character; an invalid or truncated sequence yields U+FFFD. */
size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 c, min;
	size_t			 n, i;

	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else
		goto bad;
	if (len < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = 0xfffd;
	return 1;
}

void
utf8_encode(struct buf *b, uint32_t c)
{
	char	tmp[4];
	size_t	n;

	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;
	if (c < 0x80) {
		tmp[0] = (char)c; n = 1;
	} else if (c < 0x800) {
		tmp[0] = (char)(0xc0 | (c >> 6));
		tmp[1] = (char)(0x80 | (c & 0x3f)); n = 2;
	} else if (c < 0x10000) {
		tmp[0] = (char)(0xe0 | (c >> 12));
		tmp[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		tmp[2] = (char)(0x80 | (c & 0x3f)); n = 3;
	} else {
		tmp[0] = (char)(0xf0 | (c >> 18));
		tmp[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		tmp[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		tmp[3] = (char)(0x80 | (c & 0x3f)); n = 4;
	}
	buf_add(b, tmp, n);
}

void
utf8_stats(const char *s, size_t len, size_t *invalid, size_t *multi)
{
	size_t		i = 0, n;
	uint32_t	c;

	*invalid = *multi = 0;
	while (i < len) {
		/* Step over ASCII eight bytes at a time. */
		while (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, s + i, sizeof w);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &c);
		if (n == 1)
			(*invalid)++;
		else
			(*multi)++;
		i += n;
	}
}

int
utf8_valid(const char *s, size_t len)
{
	size_t	invalid, multi;

	utf8_stats(s, len, &invalid, &multi);
	return invalid == 0;
}

/* Windows-1252 bytes 0x80-0x9f; 0 marks the five undefined ones. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

char *
utf8_from_cp1252(const char *s, size_t len, size_t *outlen)
{
	struct buf	b;
	size_t		i;
	unsigned char	c;

	buf_init(&b);
	buf_grow(&b, len + len / 4);
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c < 0x80)
			buf_addc(&b, (char)c);
		else if (c < 0xa0)
			utf8_encode(&b, cp1252_high[c - 0x80] ?
			    cp1252_high[c - 0x80] : 0xfffd);
		else
			utf8_encode(&b, c);
	}
	if (outlen != NULL)
		*outlen = b.len;
	return buf_detach(&b);
}

char *
utf8_normalize(const char *s, size_t len, size_t *outlen)
{
	struct buf	b;
	size_t		invalid, multi, i, n;
	uint32_t	c;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	utf8_stats(s, len, &invalid, &multi);
	if (invalid > 0 && multi == 0)
		return utf8_from_cp1252(s, len, outlen);
	buf_init(&b);
	buf_grow(&b, len);
	if (invalid == 0)
		buf_add(&b, s, len);
	else {
		for (i = 0; i < len; i += n) {
			n = utf8_decode(s + i, len - i, &c);
			if (c == 0xfffd && n == 1)
				utf8_encode(&b, c);
			else
				buf_add(&b, s + i, n);
		}
	}
	if (outlen != NULL)
		*outlen = b.len;
	return buf_detach(&b);
}

int
utf8_is_unsafe(uint32_t c)
{
	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
		return 1;			/* C0, DEL, C1 (0x9b is CSI) */
	if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
		return 1;			/* bidirectional overrides */
	if (c == 0x200e || c == 0x200f || c == 0x061c)
		return 1;			/* direction marks */
	if (c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb))
		return 1;			/* BOM, interlinear annotation */
	return 0;
}

int
utf8_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v' || c == 0xa0 || c == 0x2028 ||
	    c == 0x2029 || c == 0x3000 || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x202f || c == 0x205f || c == 0x1680 || c == 0x85;
}

/*
 * Length of the terminal escape sequence at s (ESC or a C1 introducer), so
 * that its parameters go with it instead of staying behind as "[31m" junk.
 * A string sequence (OSC, DCS, ...) without a terminator in the next 512
 * bytes is taken as just its introducer, so hostile input cannot swallow
 * the text after it.
 */
size_t
utf8_escape_len(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, intro, max;
	int			 string;

	if (u[0] == 0x1b) {
		if (len < 2)
			return 1;
		intro = 2;
		if (u[1] == '[')
			string = 0;
		else if (u[1] == ']' || u[1] == 'P' || u[1] == 'X' ||
		    u[1] == '^' || u[1] == '_')
			string = 1;
		else
			return u[1] >= 0x20 && u[1] < 0x7f ? 2 : 1;
	} else if (len >= 2 && u[0] == 0xc2 && (u[1] == 0x9b || u[1] == 0x9d ||
	    u[1] == 0x90 || u[1] == 0x98 || u[1] == 0x9e || u[1] == 0x9f)) {
		intro = 2;
		string = u[1] != 0x9b;
	} else
		return 0;
	max = len < intro + 512 ? len : intro + 512;
	for (i = intro; i < max; i++) {
		if (!string) {
			if (u[i] >= 0x40 && u[i] <= 0x7e)
				return i + 1;	/* CSI final byte */
			if (u[i] < 0x20 || u[i] > 0x3f)
				return intro;	/* not a CSI after all */
		} else {
			if (u[i] == 0x07)
				return i + 1;	/* BEL ends OSC */
			if (u[i] == 0x1b && i + 1 < len && u[i + 1] == '\\')
				return i + 2;	/* ESC \ (ST) */
			if (u[i] == 0xc2 && i + 1 < len && u[i + 1] == 0x9c)
				return i + 2;	/* C1 ST */
		}
	}
	return intro;
}

/*
 * The length of a numeric character reference at s (s[0] == '&') and its
 * code point; 0 if s holds none.
 */
static size_t
utf8_ref(const char *s, size_t len, unsigned long *cp)
{
	size_t	j, start;
	int	hex, d;

	if (len < 4 || s[1] != '#')
		return 0;
	hex = s[2] == 'x' || s[2] == 'X';
	start = j = 2 + (size_t)hex;
	for (*cp = 0; j < len && j < start + 8; j++) {
		if (s[j] >= '0' && s[j] <= '9')
			d = s[j] - '0';
		else if (hex && (s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'f')
			d = (s[j] | 0x20) - 'a' + 10;
		else
			break;
		*cp = *cp * (hex ? 16 : 10) + (unsigned long)d;
	}
	return j > start && j < len && s[j] == ';' ? j + 1 : 0;
}

/* Is c a byte that markup gives a meaning (it is never eaten)? */
static int
utf8_markup_byte(char c)
{
	return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
}

/*
 * Bytes after an ESC written as a reference that belong to its sequence:
 * a CSI's parameters and final byte, or a string sequence (OSC, DCS...)
 * to its terminator (BEL or ESC \\, raw or as references) within 512
 * bytes; never a byte markup gives a meaning, and nothing for another
 * escape (the parser drops the ESC alone, as it always has).
 */
static size_t
utf8_ref_sequence(const char *s, size_t len)
{
	unsigned long	cp;
	size_t		i, n, max;

	if (len == 0)
		return 0;
	if (s[0] == '[') {
		for (i = 1; i < len && (unsigned char)s[i] >= 0x20 &&
		    (unsigned char)s[i] <= 0x3f && !utf8_markup_byte(s[i]); i++)
			;
		if (i < len && s[i] >= 0x40 && s[i] <= 0x7e)
			i++;
		return i;
	}
	if (strchr("]PX^_", s[0]) == NULL)
		return 0;
	max = len < 513 ? len : 513;
	for (i = 1; i < max; i++) {
		if (s[i] == 0x07)
			return i + 1;
		if (s[i] == 0x1b && i + 1 < len && s[i + 1] == '\\')
			return i + 2;
		if (s[i] == '&' && (n = utf8_ref(s + i, len - i, &cp)) > 0) {
			if (cp == 7)
				return i + n;
			if (cp == 0x1b && i + n < len && s[i + n] == '\\')
				return i + n + 1;
		}
		if (s[i] == '<')
			break;
	}
	return 1;	/* no terminator: the introducer only */
}

char *
utf8_drop_escape_refs(const char *s, size_t len, size_t *outlen)
{
	struct buf	 b;
	const char	*amp;
	unsigned long	 cp;
	size_t		 i = 0, run = 0, n, seq;
	int		 any = 0;

	buf_init(&b);
	while (i < len && (amp = memchr(s + i, '&', len - i)) != NULL) {
		i = (size_t)(amp - s);
		if ((n = utf8_ref(s + i, len - i, &cp)) == 0 || cp != 0x1b ||
		    (seq = utf8_ref_sequence(s + i + n, len - i - n)) == 0) {
			i++;
			continue;
		}
		buf_add(&b, s + run, i - run);
		run = i = i + n + seq;
		any = 1;
	}
	if (!any) {
		buf_free(&b);
		return NULL;
	}
	buf_add(&b, s + run, len - run);
	*outlen = b.len;
	return buf_detach(&b);
}

char *
utf8_clean_line(const char *s, size_t len)
{
	struct buf	b;
	size_t		i, n;
	uint32_t	c;
	int		space = 0;

	buf_init(&b);
	buf_grow(&b, len);
	for (i = 0; i < len; i += n) {
		/* Fast path: a run of printable ASCII is copied whole. */
		for (n = 0; i + n < len && (unsigned char)s[i + n] > 0x20 &&
		    (unsigned char)s[i + n] < 0x7f; n++)
			;
		if (n > 0) {
			if (space && b.len > 0)
				buf_addc(&b, ' ');
			space = 0;
			buf_add(&b, s + i, n);
			continue;
		}
		if ((n = utf8_escape_len(s + i, len - i)) > 0)
			continue;
		n = utf8_decode(s + i, len - i, &c);
		if (utf8_is_space(c)) {
			space = 1;
			continue;
		}
		if (utf8_is_unsafe(c))
			continue;
		if (space && b.len > 0)
			buf_addc(&b, ' ');
		space = 0;
		if (c == 0xfffd && n == 1)
			utf8_encode(&b, c);
		else
			buf_add(&b, s + i, n);
	}
	return buf_detach(&b);
}

char *
utf8_clean_text(const char *s, size_t len, size_t *outlen)
{
	struct buf	b;
	size_t		i, n;
	uint32_t	c;

	buf_init(&b);
	buf_grow(&b, len);
	for (i = 0; i < len; i += n) {
		for (n = 0; i + n < len && (unsigned char)s[i + n] >= 0x20 &&
		    (unsigned char)s[i + n] < 0x7f; n++)
			;
		if (n > 0) {
			buf_add(&b, s + i, n);
			continue;
		}
		if ((n = utf8_escape_len(s + i, len - i)) > 0)
			continue;
		n = utf8_decode(s + i, len - i, &c);
		if (c == '\r') {
			buf_addc(&b, '\n');
			if (i + 1 < len && s[i + 1] == '\n')
				n++;
			continue;
		}
		if (c == '\n' || c == '\t' || c == '\f' || c == '\v')
			buf_addc(&b, (char)c);
		else if (utf8_is_unsafe(c))
			continue;
		else if (c == 0xfffd && n == 1)
			utf8_encode(&b, c);
		else
			buf_add(&b, s + i, n);
	}
	if (outlen != NULL)
		*outlen = b.len;
	return buf_detach(&b);
}
