/*
 * How import tells a saved story's format from its file's name and first
 * bytes, and which files it refuses to read as stories at all (empty,
 * binary, UTF-16).
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "import.h"
#include "banned.h"

/*
 * Text with NULs or mostly control bytes is not a story: 1; UTF-16 (a BOM,
 * then NUL in many bytes) is 2.
 */
static int
looks_binary(const char *s, size_t len)
{
	size_t	i, ctl = 0, n = len < 65536 ? len : 65536;

	if (len >= 4 && (((unsigned char)s[0] == 0xff &&
	    (unsigned char)s[1] == 0xfe) || ((unsigned char)s[0] == 0xfe &&
	    (unsigned char)s[1] == 0xff))) {
		/* UTF-16 text: a BOM, then mostly NUL in every other byte. */
		size_t	nul = 0;

		for (i = 2; i < n; i++)
			nul += s[i] == '\0';
		if (nul * 4 >= n - 2)
			return 2;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0)
			return 1;
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' &&
		    c != '\f' && c != 0x1b)
			ctl++;
	}
	return n > 0 && ctl * 10 > n;
}

/* Is the text only whitespace? */
static int
only_space(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

/* Does s (len bytes) start with p, case aside? */
static int
prefix_icase(const char *s, size_t len, const char *p)
{
	size_t	n = strlen(p);

	return len >= n && strncasecmp(s, p, n) == 0;
}

enum import_format
import_sniff_name(const char *path)
{
	static const struct {
		const char		*suffix;
		enum import_format	 format;
	} suffixes[] = {
		{ ".html", IMPORT_HTML },
		{ ".htm", IMPORT_HTML },
		{ ".xhtml", IMPORT_HTML },
		{ ".shtml", IMPORT_HTML },
		{ ".md", IMPORT_MARKDOWN },
		{ ".markdown", IMPORT_MARKDOWN },
		{ ".mdown", IMPORT_MARKDOWN },
		{ ".mkd", IMPORT_MARKDOWN },
		{ ".txt", IMPORT_TEXT },
		{ ".text", IMPORT_TEXT }
	};
	size_t	n = strlen(path), m, i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		m = strlen(suffixes[i].suffix);
		if (n > m && strcasecmp(path + n - m, suffixes[i].suffix) == 0)
			return suffixes[i].format;
	}
	return IMPORT_UNKNOWN;
}

enum import_format
import_sniff(const char *path, const char *s, size_t len)
{
	enum import_format	format;
	size_t			i, n;

	if (path != NULL && (format = import_sniff_name(path)) !=
	    IMPORT_UNKNOWN)
		return format;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (len >= 4 && memcmp(s, "---", 3) == 0 &&
	    (s[3] == '\n' || s[3] == '\r'))
		return IMPORT_MARKDOWN;
	/* Markup near the start: a doctype, <html>, or a comment first. */
	n = len < 1024 ? len : 1024;
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			continue;
		if (s[i] != '<')
			break;
		if (prefix_icase(s + i, len - i, "<!doctype html") ||
		    prefix_icase(s + i, len - i, "<html") ||
		    prefix_icase(s + i, len - i, "<head") ||
		    prefix_icase(s + i, len - i, "<!--") ||
		    prefix_icase(s + i, len - i, "<?xml"))
			return IMPORT_HTML;
		break;
	}
	return IMPORT_TEXT;
}

const char *
import_sniff_refuse(const char *s, size_t len)
{
	int	bin;

	if (len == 0 || only_space(s, len))
		return "empty file";
	if ((bin = looks_binary(s, len)) != 0)
		return bin == 2 ? "UTF-16 text is not supported; save it as "
		    "UTF-8" : "binary file, not a saved story";
	return NULL;
}
