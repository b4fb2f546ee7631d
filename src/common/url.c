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

char *
url_story(const char *s, size_t len, const char **why)
{
	struct buf	 b;
	const char	*rest, *auth, *at, *p;
	size_t		 i, n, alen, scheme;
	uint32_t	 cp;

	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' ||
	    *s == '\r'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if (len == 0) {
		*why = "empty address";
		return NULL;
	}
	if (len > URL_MAX) {
		*why = "address longer than 2048 bytes";
		return NULL;
	}
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		/* A plain space in a path is encoded below, as browsers do. */
		if (cp == ' ')
			continue;
		if (url_bad_char(cp) || (cp == 0xfffd && n == 1)) {
			*why = "address holds spaces or control characters";
			return NULL;
		}
	}
	if (len >= 7 && strncasecmp(s, "http://", 7) == 0)
		scheme = 4;
	else if (len >= 8 && strncasecmp(s, "https://", 8) == 0)
		scheme = 5;
	else {
		/* No scheme before the path: a relative address. */
		for (n = 0; n < len && strchr(":/?#", s[n]) == NULL; n++)
			;
		*why = *s == '#' ? "a reference within the document, not an "
		    "address of its own" : n == len || s[n] != ':' ?
		    "relative, with no address to resolve it against" :
		    "not an absolute http or https address";
		return NULL;
	}
	/*
	 * A backslash is '/' to a browser and not to curl: an address that
	 * two parsers would read as two hosts is not kept.
	 */
	if (memchr(s, '\\', len) != NULL) {
		*why = "address holds a backslash";
		return NULL;
	}
	/* The authority: up to a path, query or fragment. */
	auth = s + scheme + 3;
	rest = s + len;
	for (p = auth; p < rest; p++)
		if (*p == '/' || *p == '?' || *p == '#')
			break;
	alen = (size_t)(p - auth);
	/* The last '@' ends the user information, as curl reads it. */
	at = NULL;
	for (i = 0; i < alen; i++)
		if (auth[i] == '@')
			at = auth + i;
	if (at != NULL) {
		alen -= (size_t)(at + 1 - auth);
		auth = at + 1;
	}
	if (alen == 0 || *auth == ':') {
		*why = "address without a host";
		return NULL;
	}
	if (memchr(auth, ' ', alen) != NULL) {
		*why = "address holds spaces or control characters";
		return NULL;
	}
	buf_init(&b);
	buf_adds(&b, scheme == 4 ? "http://" : "https://");
	/* Characters never valid in an address are sent percent-encoded,
	   as browsers do: no space, quote or backtick reaches a browser. */
	for (p = auth; p < rest; p++) {
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
