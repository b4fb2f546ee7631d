/*
 * A feed document's bytes decoded to UTF-8 before they are prepared
 * (feed-xml-prepare.c), where libxml2 would not read them well. Text that
 * is not UTF-8 and declares no other encoding is brought to UTF-8
 * (utf8_normalize), and so is UTF-16 and UTF-32 (which libxml2 2.9 does
 * not always detect). A document that declares another encoding is
 * decoded with iconv, bytes it cannot decode becoming U+FFFD, so that
 * libxml2 never stops at one, and so that those in encodings where ASCII
 * bytes could be parts of characters (ISO-2022, EBCDIC, UTF-7) are
 * prepared like any other.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/encoding.h>

#include "buf.h"
#include "feed-parse.h"
#include "feed-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Encodings in which ASCII bytes are not always ASCII characters. */
static const char *const decode_unsafe[] = {
	"utf-16", "utf16", "utf-32", "utf32", "ucs", "iso-2022", "iso2022",
	"ebcdic", "ibm0", "ibm1", "ibm2", "ibm5", "cp037", "cp500", "utf-7",
	"utf7", "hz", NULL
};

/* The encoding the XML declaration names, copied into enc; 0 if none. */
static int
decode_declared(const char *s, size_t len, char *enc, size_t size)
{
	const char	*p, *end, *q;
	char		 quote;
	size_t		 n;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (len > 512)
		len = 512;
	if (len < 5 || memcmp(s, "<?xml", 5) != 0)
		return 0;
	end = s + len;
	for (p = s; p + 1 < end && !(p[0] == '?' && p[1] == '>'); p++) {
		if (p + 8 < end && memcmp(p, "encoding", 8) == 0)
			break;
	}
	if (p + 8 >= end || memcmp(p, "encoding", 8) != 0)
		return 0;
	p += 8;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r' || *p == '='))
		p++;
	if (p >= end || (*p != '"' && *p != '\''))
		return 0;
	quote = *p++;
	for (q = p; q < end && *q != quote; q++)
		;
	n = (size_t)(q - p);
	if (q >= end || n == 0 || n >= size)
		return 0;
	memcpy(enc, p, n);
	enc[n] = '\0';
	return 1;
}

/* Is this an encoding whose bytes we may not touch? */
static int
decode_encoding_unsafe(const char *enc)
{
	const char *const	*u;

	for (u = decode_unsafe; *u != NULL; u++) {
		if (strncasecmp(enc, *u, strlen(*u)) == 0)
			return 1;
	}
	return 0;
}

/* Is it UTF-16, UTF-32 or UCS (which decode_wide reads from the bytes)? */
static int
decode_encoding_wide(const char *enc)
{
	return strncasecmp(enc, "utf-16", 6) == 0 ||
	    strncasecmp(enc, "utf16", 5) == 0 ||
	    strncasecmp(enc, "utf-32", 6) == 0 ||
	    strncasecmp(enc, "utf32", 5) == 0 ||
	    strncasecmp(enc, "ucs", 3) == 0;
}

/* Does libxml2 know the encoding? */
static int
decode_encoding_known(const char *enc)
{
	xmlCharEncodingHandlerPtr	h;

	if ((h = xmlFindCharEncodingHandler(enc)) == NULL)
		return 0;
	xmlCharEncCloseFunc(h);
	return 1;
}

/*
 * The width (2 or 4) and byte order of a document in UTF-16 or UTF-32,
 * from its byte order mark or its first '<'; *skip is the mark's length.
 */
static int
decode_wide(const unsigned char *u, size_t len, int *big, size_t *skip)
{
	*skip = 0;
	if (len < 4)
		return 0;
	if ((u[0] == 0xff && u[1] == 0xfe && u[2] == 0 && u[3] == 0) ||
	    (u[0] == '<' && u[1] == 0 && u[2] == 0 && u[3] == 0)) {
		*big = 0;
		*skip = u[0] == 0xff ? 4 : 0;
		return 4;
	}
	if ((u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff) ||
	    (u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] == '<')) {
		*big = 1;
		*skip = u[3] == 0xff ? 4 : 0;
		return 4;
	}
	if ((u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0 && u[1] == '<')) {
		*big = 1;
		*skip = u[0] == 0xfe ? 2 : 0;
		return 2;
	}
	if ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == '<' && u[1] == 0)) {
		*big = 0;
		*skip = u[0] == 0xff ? 2 : 0;
		return 2;
	}
	return 0;
}

/* Decode UTF-16 or UTF-32 to UTF-8; what is invalid becomes U+FFFD. */
static char *
decode_from_wide(const unsigned char *u, size_t len, int width, int big,
    size_t *outlen)
{
	struct buf	 b;
	uint32_t	 c, lo;
	size_t		 i;

	buf_init(&b);
	buf_grow(&b, len);
	for (i = 0; i + (size_t)width <= len; i += (size_t)width) {
		if (width == 4)
			c = big ? (uint32_t)u[i] << 24 | (uint32_t)u[i + 1] << 16 |
			    (uint32_t)u[i + 2] << 8 | u[i + 3] :
			    (uint32_t)u[i + 3] << 24 | (uint32_t)u[i + 2] << 16 |
			    (uint32_t)u[i + 1] << 8 | u[i];
		else
			c = big ? (uint32_t)(u[i] << 8 | u[i + 1]) :
			    (uint32_t)(u[i + 1] << 8 | u[i]);
		if (width == 2 && c >= 0xd800 && c <= 0xdbff && i + 4 <= len) {
			lo = big ? (uint32_t)(u[i + 2] << 8 | u[i + 3]) :
			    (uint32_t)(u[i + 3] << 8 | u[i + 2]);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				i += 2;
			}
		}
		if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
			c = 0xfffd;
		utf8_encode(&b, c);
	}
	*outlen = b.len;
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/*
 * A document in an encoding whose bytes are not ASCII's decoded to UTF-8
 * by iconv: what cannot be decoded becomes U+FFFD. NULL if iconv does not
 * know the encoding, or with *err if the text grows past FEED_MAX_BYTES.
 */
static char *
decode_iconv(const char *s, size_t len, const char *enc, size_t *outlen,
    char **err)
{
	struct buf	 b;
	iconv_t		 cd;
	char		*in = (char *)s, *out;
	size_t		 inleft = len, outleft, room, rc;

	if ((cd = iconv_open("UTF-8", enc)) == (iconv_t)-1)
		return NULL;
	buf_init(&b);
	buf_grow(&b, len * 2 + 16);
	while (inleft > 0) {
		out = b.data + b.len;
		room = outleft = b.cap - b.len - 1;
		rc = iconv(cd, &in, &inleft, &out, &outleft);
		b.len += room - outleft;
		if (rc == (size_t)-1) {
			if (errno == E2BIG)
				buf_grow(&b, b.cap);	/* twice the room */
			else if (errno == EINVAL)
				break;		/* cut short at the end */
			else {
				buf_adds(&b, "\xef\xbf\xbd");
				in++;
				inleft--;
				iconv(cd, NULL, NULL, NULL, NULL);
			}
		}
		if (b.len > FEED_MAX_BYTES) {
			xasprintf(err, "larger than %u MiB once decoded to "
			    "UTF-8, the limit for one document",
			    FEED_MAX_BYTES / (1024 * 1024));
			iconv_close(cd);
			buf_free(&b);
			return NULL;
		}
	}
	iconv_close(cd);
	b.data[b.len] = '\0';
	*outlen = b.len;
	return buf_detach(&b);
}

/* Decode a document to UTF-8 where libxml2 would not read it well. */
int
feed_xml_decode(const char *s, size_t len, char **text, size_t *tlen,
    const char **encoding, char **err)
{
	char	 enc[64], *shown;
	size_t	 skip;
	int	 declared, width, big;

	*text = NULL;
	if ((width = decode_wide((const unsigned char *)s, len, &big,
	    &skip)) != 0) {
		/* UTF-16 and UTF-32 we decode, whatever they declare. */
		*text = decode_from_wide((const unsigned char *)s + skip,
		    len - skip, width, big, tlen);
		*encoding = "UTF-8";
		return 1;
	}
	declared = decode_declared(s, len, enc, sizeof enc);
	/* Labelled UTF-16 or UTF-32 but not: read as libxml2 does. */
	if (declared && decode_encoding_wide(enc))
		declared = 0;
	/*
	 * Any other encoding is decoded here, a byte it cannot decode
	 * becoming U+FFFD: libxml2 would stop at the first one, and say so
	 * on stderr.
	 */
	if (declared && strcasecmp(enc, "utf-8") != 0 &&
	    strcasecmp(enc, "utf8") != 0 && (decode_encoding_unsafe(enc) ||
	    decode_encoding_known(enc))) {
		if ((*text = decode_iconv(s, len, enc, tlen, err)) != NULL) {
			*encoding = "UTF-8";
			return 1;
		}
		if (*err != NULL)
			return -1;
		if (decode_encoding_unsafe(enc)) {
			shown = utf8_clean_line(enc, strlen(enc));
			xasprintf(err, "the document's encoding is not known: "
			    "%s", shown);
			free(shown);
			return -1;
		}
		/* libxml2 knows it and iconv not: read as declared. */
	}
	if (!declared || strcasecmp(enc, "utf-8") == 0 ||
	    strcasecmp(enc, "utf8") == 0 || !decode_encoding_known(enc)) {
		if (!declared || !decode_encoding_known(enc) ||
		    !utf8_valid(s, len)) {
			*text = utf8_normalize(s, len, tlen);
			*encoding = "UTF-8";
			return 1;
		}
	}
	return 0;
}
