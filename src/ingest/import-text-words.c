/*
 * The word and line primitives of the saved-text parser, shared by its
 * header (import-text.c) and body (import-text-body.c) readers: ASCII
 * case and words, word counts, trimmed lines, sentence ends, and the lines
 * of site furniture ("Advertisement", "Read more: ...") that are no part
 * of a story.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "import-text-int.h"
#include "banned.h"

/* Lines the sites add around a story that are not part of it. */
static const struct {
	const char	*text;
	int		 prefix;	/* match the start of a short line */
} text_boilerplate[] = {
	{ "advertisement", 0 },
	{ "advertisment", 0 },
	{ "ad", 0 },
	{ "sponsored", 0 },
	{ "share this article", 0 },
	{ "share this story", 0 },
	{ "share", 0 },
	{ "subscribe", 0 },
	{ "subscribe now", 0 },
	{ "click here", 0 },
	{ "read more", 0 },
	{ "related", 0 },
	{ "related articles", 0 },
	{ "recommended", 0 },
	{ "continue reading", 0 },
	{ "scroll to continue", 0 },
	{ "story continues below advertisement", 0 },
	{ "listen to this article", 0 },
	{ "copy link", 0 },
	{ "print", 0 },
	{ "email", 0 },
	{ "advertisement:", 1 },
	{ "read more:", 1 },
	{ "read also:", 1 },
	{ "also read:", 1 },
	{ "see also:", 1 },
	{ "related:", 1 },
	{ "recommended:", 1 },
	{ "click here", 1 },
	{ "subscribe to", 1 },
	{ "subscribe for", 1 },
	{ "sign up for", 1 },
	{ "sign up to", 1 },
	{ "share this", 1 },
	{ "share on", 1 },
	{ "follow us on", 1 },
	{ "join our", 1 },
};

/* Lower-case an ASCII byte. */
unsigned char
text_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Is c an ASCII letter or digit? */
static int
text_isalnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* Is c a byte of ASCII white space? */
int
text_isspace(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v';
}

/* Does s (len bytes) start with the word w, ignoring ASCII case? */
int
text_starts(const char *s, size_t len, const char *w)
{
	size_t	i, n = strlen(w);

	if (n > len)
		return 0;
	for (i = 0; i < n; i++)
		if (text_lower((unsigned char)s[i]) != (unsigned char)w[i])
			return 0;
	return 1;
}

/* Like text_starts, but the match must end at a word boundary. */
int
text_starts_word(const char *s, size_t len, const char *w)
{
	size_t	n = strlen(w);

	if (!text_starts(s, len, w))
		return 0;
	if (n == len || !text_isalnum((unsigned char)w[n - 1]))
		return 1;
	return !text_isalnum((unsigned char)s[n]);
}

/* Find w (lower case) in s ignoring ASCII case; returns offset or -1. */
long
text_find(const char *s, size_t len, const char *w)
{
	size_t	i, n = strlen(w);

	if (n == 0 || n > len)
		return -1;
	for (i = 0; i + n <= len; i++) {
		if (text_lower((unsigned char)s[i]) == (unsigned char)w[0] &&
		    text_starts(s + i, len - i, w))
			return (long)i;
	}
	return -1;
}

/* Is a word (len bytes) in a lower-case table? */
int
text_in_table(const char *w, size_t len, const char *const *table,
    size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strlen(table[i]) == len && text_starts(w, len, table[i]))
			return 1;
	return 0;
}

/* Count words, stopping once past max. */
size_t
text_words(const char *s, size_t len, size_t max)
{
	size_t	i, n = 0;
	int	in = 0;

	for (i = 0; i < len && n <= max; i++) {
		if (text_isspace((unsigned char)s[i]))
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* The offset just past the nth word (or len). */
size_t
text_word_end(const char *s, size_t len, size_t nth)
{
	size_t	i = 0, n = 0;

	while (i < len) {
		while (i < len && text_isspace((unsigned char)s[i]))
			i++;
		if (i == len)
			break;
		while (i < len && !text_isspace((unsigned char)s[i]))
			i++;
		if (++n == nth)
			return i;
	}
	return len;
}

/* Does the text end as a sentence does: . ! ? : or a closing quote? */
int
text_ends_sentence(const char *s, size_t len)
{
	unsigned char	c;

	if (len == 0)
		return 0;
	c = (unsigned char)s[len - 1];
	if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
	    c == ';' || c == ',')
		return 1;
	/* ” ’ … */
	if (len >= 3 && (unsigned char)s[len - 3] == 0xe2 &&
	    (unsigned char)s[len - 2] == 0x80 &&
	    (c == 0x9d || c == 0x99 || c == 0xa6))
		return 1;
	return 0;
}

/* Read the next non-blank line at *pos, trimmed; 0 at the end. */
int
text_next_line(const char *s, size_t len, size_t *pos, struct text_line *l)
{
	size_t	i = *pos, start, end;
	int	blank = 0;

	while (i < len) {
		start = i;
		while (i < len && s[i] != '\n')
			i++;
		end = i;
		if (i < len)
			i++;
		while (start < end && (text_isspace((unsigned char)s[start]) ||
		    (end - start >= 2 && (unsigned char)s[start] == 0xc2 &&
		    (unsigned char)s[start + 1] == 0xa0)))
			start += (unsigned char)s[start] == 0xc2 ? 2 : 1;
		while (end > start && (text_isspace((unsigned char)s[end - 1]) ||
		    (end - start >= 2 && (unsigned char)s[end - 2] == 0xc2 &&
		    (unsigned char)s[end - 1] == 0xa0)))
			end -= (unsigned char)s[end - 1] == 0xa0 ? 2 : 1;
		if (start == end) {
			blank = 1;
			continue;
		}
		l->off = (uint32_t)start;
		l->len = (uint32_t)(end - start);
		l->blank_before = blank;
		*pos = i;
		return 1;
	}
	*pos = i;
	return 0;
}

/* Is this a line of site furniture ("Advertisement", "Read more: ...")? */
int
text_is_boilerplate(const char *s, size_t len)
{
	size_t	i, n;

	if (len > 200 || text_words(s, len, 25) > 25)
		return 0;
	n = len;
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' ||
	    s[n - 1] == ':' || s[n - 1] == '>' || s[n - 1] == ' '))
		n--;
	for (i = 0; i < sizeof text_boilerplate / sizeof text_boilerplate[0];
	    i++) {
		const char *t = text_boilerplate[i].text;

		if (text_boilerplate[i].prefix) {
			if (text_starts_word(s, len, t))
				return 1;
		} else if (strlen(t) == n && text_starts(s, n, t))
			return 1;
	}
	return 0;
}
