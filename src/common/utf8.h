/*
 * UTF-8 decoding, validation and the cleaning every outside string gets
 * before it is stored: invalid bytes become U+FFFD, control characters and
 * bidirectional overrides are dropped, whitespace is collapsed.
 */
#ifndef DOSSIER_UTF8_H
#define DOSSIER_UTF8_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Decode one character at s (len > 0); returns bytes used, >= 1. */
size_t	 utf8_decode(const char *s, size_t len, uint32_t *cp);
void	 utf8_encode(struct buf *, uint32_t cp);
int	 utf8_valid(const char *, size_t);

/* Count invalid sequences and valid multi-byte characters. */
void	 utf8_stats(const char *, size_t, size_t *invalid, size_t *multi);

/* Windows-1252 (a superset of ISO 8859-1 for printable text) to UTF-8. */
char	*utf8_from_cp1252(const char *, size_t, size_t *outlen);

/*
 * Bring text of unknown encoding to UTF-8: valid UTF-8 (a BOM is dropped) is
 * kept; text with no valid multi-byte sequence but high bytes is taken as
 * Windows-1252; otherwise invalid bytes become U+FFFD. Returns a new string.
 */
char	*utf8_normalize(const char *, size_t, size_t *outlen);

/*
 * Length of the terminal escape sequence at s (ESC or a UTF-8 C1
 * introducer, len > 0) with its parameters, or 0 if none starts there.
 */
size_t	 utf8_escape_len(const char *, size_t);

/*
 * Markup (XML or HTML) without the escape sequences written as character
 * references (&#27;[31m, &#x1b;]0;title&#7;): a parser drops the ESC and
 * would keep "[31m" as text. A CSI goes with its parameters, a string
 * sequence with its terminator; no byte that markup gives a meaning
 * (< > & " ') is ever taken. NULL if there are none; else a new string of
 * *outlen bytes.
 */
char	*utf8_drop_escape_refs(const char *, size_t, size_t *outlen);

/* Is cp a character that must never be stored in a display field? */
int	 utf8_is_unsafe(uint32_t cp);

/* Is cp whitespace (ASCII, no-break and the Unicode spaces)? */
int	 utf8_is_space(uint32_t cp);

/*
 * One line of display text: unsafe characters dropped, runs of whitespace
 * (including newlines) made one space, ends trimmed. Returns a new string.
 */
char	*utf8_clean_line(const char *, size_t);

/*
 * Multi-line text: unsafe characters and whole escape sequences dropped,
 * CR and CRLF made "\n", other whitespace kept. Returns a new string.
 */
char	*utf8_clean_text(const char *, size_t, size_t *outlen);

#endif
