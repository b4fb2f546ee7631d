/*
 * The quirks of libcurl versions, in one place (as git's git-curl-compat.h).
 * configure asks for libcurl >= 7.68; anything newer than that is checked
 * here and nowhere else.
 */
#ifndef DOSSIER_CURL_COMPAT_H
#define DOSSIER_CURL_COMPAT_H

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

/* What a write callback returns to abort the transfer. */
#ifdef CURL_WRITEFUNC_ERROR
#define CURL_COMPAT_WRITE_ABORT	CURL_WRITEFUNC_ERROR
#else
#define CURL_COMPAT_WRITE_ABORT	0
#endif

#endif
