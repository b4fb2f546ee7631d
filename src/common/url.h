/*
 * The addresses a story or a link may carry, checked in one place: every
 * parser that sets one, the store when it reads one back, and the screen
 * right before a browser is started go through these.
 */
#ifndef DOSSIER_URL_H
#define DOSSIER_URL_H

#include <stddef.h>

/* Longest story or link address kept. */
#define URL_MAX		2048

/*
 * The address as a story or a link keeps it: absolute http or https with
 * a host, no whitespace, control or invisible characters or backslash, at
 * most URL_MAX bytes. The scheme comes out in lower case, the characters
 * never valid in an address (" < > ^ ` { | }) percent-encoded, and the
 * user information (user:password@) left out: credentials belong to a feed's address,
 * never to a story's. Leading and trailing whitespace is trimmed. Returns
 * a new string, or NULL with *why set to a lower-case reason (static).
 */
char	*url_story(const char *, size_t, const char **why);

/*
 * May this address be handed to a browser as one argument? It starts with
 * "http://" or "https://" exactly (nothing that reads as an option), holds
 * no whitespace or control bytes and is what url_story would keep.
 */
int	 url_openable(const char *);

/* Does the address carry user information (user@ or user:password@)? */
int	 url_has_userinfo(const char *);

/*
 * The address as it may be shown: a password in it (http://user:pw@host/)
 * replaced by "****"; a user name with no password (often a token) is
 * replaced the same way. Returns a new string.
 */
char	*url_redact(const char *);

#endif
