/*
 * The quirks of libcurl versions, in one place (as git's git-curl-compat.h).
 * configure asks for libcurl >= 7.68; anything newer than that is checked
 * here and nowhere else.
 */
#ifndef DOSSIER_CURL_COMPAT_H
#define DOSSIER_CURL_COMPAT_H

#include <string.h>

#include <curl/curl.h>

/*
 * Allow http and https only, for the first request and every redirect.
 * 7.85 deprecated the bit masks for strings.
 */
static inline CURLcode
curl_compat_protocols(CURL *h)
{
#if LIBCURL_VERSION_NUM >= 0x075500
	CURLcode	rc;

	if ((rc = curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR,
	    "http,https")) != CURLE_OK)
		return rc;
	return curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	CURLcode	rc;

	if ((rc = curl_easy_setopt(h, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS))) != CURLE_OK)
		return rc;
	return curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

/*
 * Did the low-speed limit end the transfer (CURLE_OPERATION_TIMEDOUT is
 * returned for it as for the timeouts)? libcurl says so only in its error
 * buffer: "Operation too slow. Less than N bytes/sec transferred ...",
 * the same words since 7.10.
 */
static inline int
curl_compat_too_slow(const char *errbuf)
{
	return strstr(errbuf, "too slow") != NULL;
}

/*
 * Did libcurl refuse a response header for its size? A header line over
 * CURL_MAX_HTTP_HEADER (100 KiB) is CURLE_OUT_OF_MEMORY in libcurl before
 * 8.x and CURLE_RECV_ERROR ("Too large response headers") after it, as is
 * a whole header over its own total limit.
 */
static inline int
curl_compat_header_too_big(CURLcode code, const char *errbuf)
{
	return code == CURLE_OUT_OF_MEMORY ||
	    (code == CURLE_RECV_ERROR && (strstr(errbuf, "header") != NULL ||
	    strstr(errbuf, "Header") != NULL));
}

/*
 * Was the answer not HTTP at all? libcurl (7.66 on) refuses HTTP/0.9, a
 * response without a status line, with CURLE_UNSUPPORTED_PROTOCOL, the
 * code of a redirect to another scheme; its error buffer tells them apart.
 */
static inline int
curl_compat_not_http(const char *errbuf)
{
	return strstr(errbuf, "HTTP/0.9") != NULL;
}

/*
 * Did a TLS handshake meet a server speaking plain HTTP? OpenSSL says
 * "wrong version number" (the bytes of "HTTP/1.x" read as a record),
 * GnuTLS "unexpected TLS packet"; libcurl passes either on in its buffer.
 */
static inline int
curl_compat_tls_plain(const char *errbuf)
{
	return strstr(errbuf, "wrong version number") != NULL ||
	    strstr(errbuf, "unexpected TLS packet") != NULL ||
	    strstr(errbuf, "packet length too long") != NULL;
}

/* What a write callback returns to abort the transfer. */
#ifdef CURL_WRITEFUNC_ERROR
#define CURL_COMPAT_WRITE_ABORT	CURL_WRITEFUNC_ERROR
#else
#define CURL_COMPAT_WRITE_ABORT	0
#endif

#endif
