/*
 * libFuzzer harness: the story-address check (url_story, url_openable)
 * and the redaction of credentials (url_redact) on arbitrary bytes.
 * Traps if a refusal gives no reason, if what url_story keeps is not
 * http(s), holds a blank, control or backslash, carries user
 * information, or is not itself openable and kept unchanged, or if a
 * redacted address still shows what was between "://" and '@'.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "url.h"
#include "banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Trap unless the address url_story kept is one a browser may get. */
static void
check_kept(const char *in, size_t len, const char *kept)
{
	const char	*why = NULL;
	const char	*p;
	char		*again;

	if (strncmp(kept, "http://", 7) != 0 &&
	    strncmp(kept, "https://", 8) != 0)
		__builtin_trap();
	for (p = kept; *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f || *p == '\\')
			__builtin_trap();
	if (url_has_userinfo(kept))
		__builtin_trap();
	/* What is kept is kept as it is, and may be opened. */
	if ((again = url_story(kept, strlen(kept), &why)) == NULL ||
	    strcmp(again, kept) != 0)
		__builtin_trap();
	free(again);
	if (!url_openable(kept))
		__builtin_trap();
	(void)in;
	(void)len;
}

/* Trap if the redacted address shows any of the user information. */
static void
check_redact(const char *url)
{
	const char	*auth, *end, *at, *colon;
	char		*out;
	size_t		 keep;

	out = url_redact(url);
	if (!url_has_userinfo(url)) {
		if (strcmp(out, url) != 0)
			__builtin_trap();
		free(out);
		return;
	}
	/* The authority of the input and its last '@' (as url.c reads it). */
	auth = strstr(url, "://") + 3;
	end = auth + strcspn(auth, "/?#");
	for (at = end; at[-1] != '@'; at--)
		;
	at--;
	colon = memchr(auth, ':', (size_t)(at - auth));
	/* Kept: the scheme, and a user name when a password follows it. */
	keep = (size_t)((colon != NULL ? colon + 1 : auth) - url);
	if (strncmp(out, url, keep) != 0 ||
	    strncmp(out + keep, "****", 4) != 0 ||
	    strcmp(out + keep + 4, at) != 0)
		__builtin_trap();
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*why = NULL;
	char		*kept, *s;

	if ((kept = url_story((const char *)data, size, &why)) == NULL) {
		if (why == NULL || *why == '\0')
			__builtin_trap();
	} else {
		check_kept((const char *)data, size, kept);
		free(kept);
	}
	/* The C-string functions read up to the first NUL. */
	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	(void)url_openable(s);
	check_redact(s);
	free(s);
	return 0;
}
