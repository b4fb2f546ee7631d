/*
 * Start tags cut to a bounded number of attributes before libxml2 reads
 * them. libxml2 2.9 checks each attribute against every one before it in
 * the tag (and appends it to the end of a list), so a tag of 100,000
 * attributes costs 10^10 steps: a document of a megabyte holds libxml2
 * for minutes, in XML and HTML alike. The scan here is one pass over the
 * bytes; tags within the bound are copied as they are.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "markup.h"
#include "xmalloc.h"
#include "banned.h"

static int
markup_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
markup_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c == '_' || c == ':' || (unsigned char)c >= 0x80;
}

/* Index just past the first close at or after i, or len. */
static size_t
markup_past(const char *s, size_t len, size_t i, const char *close)
{
	const char	*end;
	size_t		 n = strlen(close);

	if (i >= len || (end = memmem(s + i, len - i, close, n)) == NULL)
		return len;
	return (size_t)(end - s) + n;
}

/* Index of "</name" (any case) at or after i, or len: raw HTML text. */
static size_t
markup_raw_end(const char *s, size_t len, size_t i, const char *name,
    size_t n)
{
	const char	*lt;

	while (i < len && (lt = memchr(s + i, '<', len - i)) != NULL) {
		i = (size_t)(lt - s);
		if (len - i > n + 1 && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, n) == 0)
			return i;
		i++;
	}
	return len;
}

/*
 * Scan the start tag whose name ends at i: *cut is where its attribute
 * past max begins (0 if it has no more than max), *slash whether it ends
 * "/>". Returns the index just past its '>', or len if it never ends.
 */
static size_t
markup_tag(const char *s, size_t len, size_t i, size_t max, size_t *cut,
    int *slash)
{
	size_t	nattrs = 0;
	int	sep = 1;
	char	q;

	*cut = 0;
	*slash = 0;
	while (i < len) {
		if (s[i] == '>') {
			*slash = i > 0 && s[i - 1] == '/';
			return i + 1;
		}
		if (markup_space(s[i]) || s[i] == '/') {
			sep = 1;
			i++;
		} else if (s[i] == '=') {
			/* The value: quoted, or up to a blank or '>'. */
			for (i++; i < len && markup_space(s[i]); i++)
				;
			if (i < len && (s[i] == '"' || s[i] == '\'')) {
				q = s[i];
				while (++i < len && s[i] != q)
					;
				if (i < len)
					i++;
			} else {
				while (i < len && !markup_space(s[i]) &&
				    s[i] != '>')
					i++;
			}
			sep = 1;
		} else {
			/* A name: a new attribute after a separator. */
			if (sep && ++nattrs == max + 1)
				*cut = i;
			sep = 0;
			i++;
		}
	}
	return len;
}

char *
markup_cut_attrs(const char *s, size_t len, size_t max, int html,
    size_t *outlen)
{
	static const char *const raw[] = { "script", "style", NULL };
	struct buf	 b;
	const char	*lt;
	size_t		 i = 0, run = 0, name, end, cut, k, n;
	int		 slash, any = 0;

	buf_init(&b);
	while (i < len && (lt = memchr(s + i, '<', len - i)) != NULL) {
		i = (size_t)(lt - s);
		if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			i = markup_past(s, len, i + 4, "-->");
			continue;
		}
		if (!html && len - i >= 9 &&
		    memcmp(s + i, "<![CDATA[", 9) == 0) {
			i = markup_past(s, len, i + 9, "]]>");
			continue;
		}
		if (!html && len - i >= 2 && s[i + 1] == '?') {
			i = markup_past(s, len, i + 2, "?>");
			continue;
		}
		if (i + 1 >= len || !markup_name_start(s[i + 1])) {
			i++;
			continue;
		}
		for (name = i + 1; name < len && !markup_space(s[name]) &&
		    s[name] != '>' && s[name] != '/'; name++)
			;
		end = markup_tag(s, len, name, max, &cut, &slash);
		if (cut != 0) {
			buf_add(&b, s + run, cut - run);
			buf_adds(&b, slash ? "/>" : ">");
			run = end;
			any = 1;
		}
		n = name - i - 1;
		i = end;
		for (k = 0; html && raw[k] != NULL; k++) {
			if (n == strlen(raw[k]) &&
			    strncasecmp(s + name - n, raw[k], n) == 0)
				i = markup_raw_end(s, len, i, raw[k], n);
		}
	}
	if (!any) {
		buf_free(&b);
		return NULL;
	}
	buf_add(&b, s + run, len - run);
	*outlen = b.len;
	return buf_detach(&b);
}
