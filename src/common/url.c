/*
 * Story and link addresses: only absolute http and https, nothing a
 * browser could read as an option or a terminal as a control, and never
 * the user information of the feed they were resolved against.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "url.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Is cp whitespace, a control or an invisible formatting character? */
static int
url_bad_char(uint32_t cp)
{
	if (cp <= 0x20 || utf8_is_unsafe(cp) || utf8_is_space(cp))
		return 1;
	/* Zero-width characters hide what an address says. */
	return cp == 0xfffd || (cp >= 0x200b && cp <= 0x200d) ||
	    cp == 0x2060 || cp == 0x00ad;
}

/* Is c the blank an address may be written with around it? */
static int
url_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Refuse what no address may hold; NULL if it holds none of it. */
static const char *
url_chars_refused(const char *s, size_t len)
{
	size_t		i, n;
	uint32_t	cp;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		/* A plain space in a path is encoded below, as browsers do. */
		if (cp == ' ')
			continue;
		if (url_bad_char(cp) || (cp == 0xfffd && n == 1))
			return "address holds spaces or control characters";
	}
	return NULL;
}

/* The length of an http or https scheme ("http" 4, "https" 5), or 0. */
static size_t
url_scheme(const char *s, size_t len, const char **why)
{
	size_t	n;

	if (len >= 7 && strncasecmp(s, "http://", 7) == 0)
		return 4;
	if (len >= 8 && strncasecmp(s, "https://", 8) == 0)
		return 5;
	/* No scheme before the path: a relative address. */
	for (n = 0; n < len && strchr(":/?#", s[n]) == NULL; n++)
		;
	*why = *s == '#' ? "a reference within the document, not an "
	    "address of its own" : n == len || s[n] != ':' ?
	    "relative, with no address to resolve it against" :
	    "not an absolute http or https address";
	return 0;
}

/*
 * The host (and port) after the scheme, without the user information:
 * the last '@' of the authority ends it, as curl reads it. NULL with *why
 * if there is no host.
 */
static const char *
url_host(const char *auth, const char *end, const char **why)
{
	const char	*p, *at = NULL;

	for (p = auth; p < end && *p != '/' && *p != '?' && *p != '#'; p++)
		if (*p == '@')
			at = p;
	if (at != NULL)
		auth = at + 1;
	if (auth == p || *auth == ':') {
		*why = "address without a host";
		return NULL;
	}
	if (memchr(auth, ' ', (size_t)(p - auth)) != NULL) {
		*why = "address holds spaces or control characters";
		return NULL;
	}
	return auth;
}

char *
url_story(const char *s, size_t len, const char **why)
{
	struct buf	 b;
	const char	*host, *p;
	size_t		 scheme;

	while (len > 0 && url_blank(*s))
		s++, len--;
	while (len > 0 && url_blank(s[len - 1]))
		len--;
	if (len == 0) {
		*why = "empty address";
		return NULL;
	}
	if (len > URL_MAX) {
		*why = "address longer than 2048 bytes";
		return NULL;
	}
	if ((*why = url_chars_refused(s, len)) != NULL)
		return NULL;
	if ((scheme = url_scheme(s, len, why)) == 0)
		return NULL;
	/*
	 * A backslash is '/' to a browser and not to curl: an address that
	 * two parsers would read as two hosts is not kept.
	 */
	if (memchr(s, '\\', len) != NULL) {
		*why = "address holds a backslash";
		return NULL;
	}
	if ((host = url_host(s + scheme + 3, s + len, why)) == NULL)
		return NULL;
	buf_init(&b);
	buf_adds(&b, scheme == 4 ? "http://" : "https://");
	/* Characters never valid in an address are sent percent-encoded,
	   as browsers do: no space, quote or backtick reaches a browser. */
	for (p = host; p < s + len; p++) {
		if (strchr(" \"<>^`{|}", *p) != NULL)
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&b, *p);
	}
	/*
	 * Encoding triples a byte: what is kept must still fit, or it would
	 * be refused when read back and when opened.
	 */
	if (b.len > URL_MAX) {
		buf_free(&b);
		*why = "address longer than 2048 bytes";
		return NULL;
	}
	return buf_detach(&b);
}

int
url_openable(const char *url)
{
	const char	*why;
	char		*kept;
	int		 ok;

	if (url == NULL || (strncmp(url, "http://", 7) != 0 &&
	    strncmp(url, "https://", 8) != 0))
		return 0;
	if ((kept = url_story(url, strlen(url), &why)) == NULL)
		return 0;
	ok = strcmp(kept, url) == 0;
	free(kept);
	return ok;
}

/* Where the user information of an address starts and its '@'; 0 if none. */
static int
url_userinfo(const char *url, const char **auth, const char **at)
{
	const char	*end;

	if ((*auth = strstr(url, "://")) == NULL)
		return 0;
	*auth += 3;
	end = *auth + strcspn(*auth, "/?#");
	/* The last '@' of the authority ends the user information. */
	for (*at = end; *at > *auth && (*at)[-1] != '@'; (*at)--)
		;
	if (*at == *auth)
		return 0;
	(*at)--;
	return 1;
}

int
url_has_userinfo(const char *url)
{
	const char	*auth, *at;

	return url_userinfo(url, &auth, &at);
}

char *
url_redact(const char *url)
{
	const char	*auth, *at, *colon;
	char		*out;

	if (!url_userinfo(url, &auth, &at))
		return xstrdup(url);
	/* A user name alone is often a token: it goes too. */
	if ((colon = memchr(auth, ':', (size_t)(at - auth))) == NULL)
		xasprintf(&out, "%.*s****%s", (int)(auth - url), url, at);
	else
		xasprintf(&out, "%.*s****%s", (int)(colon + 1 - url), url,
		    at);
	return out;
}
