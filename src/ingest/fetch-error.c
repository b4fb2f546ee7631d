/*
 * Why a fetch failed, in words: what happened, and which limit fired
 * (connecting, the low-speed limit, the whole fetch, the header, the
 * body, redirects), or what a failed HTTP status asks of the user.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "curl-compat.h"
#include "fetch.h"
#include "fetch-int.h"
#include "plural.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* The host of an address, for a message; a new string ("?" if none). */
static char *
fetch_host(const char *url)
{
	CURLU	*u;
	char	*host = NULL, *out;

	if (url == NULL || (u = curl_url()) == NULL)
		return xstrdup("?");
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK)
		curl_url_get(u, CURLUPART_HOST, &host, 0);
	out = host != NULL ? utf8_clean_line(host, strlen(host)) :
	    xstrdup("?");
	curl_free(host);
	curl_url_cleanup(u);
	return out;
}

/* A time-out: which of the limits fired. */
static char *
fetch_error_timeout(struct fetch_xfer *x, const char *url)
{
	curl_off_t	 connect = 0, tls = 0, got = 0, header = 0;
	long		 hsize = 0;
	char		*msg;

	curl_easy_getinfo(x->h, CURLINFO_CONNECT_TIME_T, &connect);
	curl_easy_getinfo(x->h, CURLINFO_APPCONNECT_TIME_T, &tls);
	curl_easy_getinfo(x->h, CURLINFO_SIZE_DOWNLOAD_T, &got);
	curl_easy_getinfo(x->h, CURLINFO_HEADER_SIZE, &hsize);
	header = (curl_off_t)hsize + (curl_off_t)x->header_bytes;
	if (connect == 0)
		xasprintf(&msg, "could not connect within %ld s, the limit "
		    "for connecting", x->connect_timeout);
	else if (tls == 0 && url != NULL && strncasecmp(url, "https:", 6) == 0)
		xasprintf(&msg, "no TLS handshake within %ld s, the limit "
		    "for connecting", x->connect_timeout);
	else if (curl_compat_too_slow(x->errbuf) && got + header == 0)
		xasprintf(&msg, "no answer: connected, but nothing came for "
		    "%ld s (the low-speed limit)", x->low_speed_time);
	else if (curl_compat_too_slow(x->errbuf))
		xasprintf(&msg, "too slow: under %d %s for %ld s",
		    FETCH_LOW_SPEED_LIMIT, plural(FETCH_LOW_SPEED_LIMIT,
		    "byte/s", "bytes/s"),
		    x->low_speed_time);
	else
		xasprintf(&msg, "not done within %ld s, the limit for a whole "
		    "fetch%s", x->timeout, got + header == 0 ? " (no answer "
		    "came)" : "");
	return msg;
}

/* What a message about a failed transfer may name. */
struct fetch_why {
	struct fetch_xfer	*x;
	long			 redirects;
	const char		*clean;	/* libcurl's words, cleaned */
	const char		*host;	/* the host asked, cleaned */
	const char		*os;	/* the system's words, or clean */
};

/* A failure of the address, the connection or HTTP; NULL if not one. */
static char *
fetch_error_transfer(const struct fetch_why *w, CURLcode code)
{
	char	*msg = NULL;

	switch (code) {
	case CURLE_TOO_MANY_REDIRECTS:
		xasprintf(&msg, "too many redirects (more than %d, the limit)",
		    FETCH_MAX_REDIRS);
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		if (curl_compat_not_http(w->x->errbuf))
			xasprintf(&msg, "the answer is not HTTP: %s", w->clean);
		else
			xasprintf(&msg, w->redirects > 0 ? "redirected to an "
			    "address that is not http or https: %s" :
			    "not an http or https address: %s", w->clean);
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		xasprintf(&msg, "no such host: %s (the name did not resolve)",
		    w->host);
		break;
	case CURLE_COULDNT_RESOLVE_PROXY:
		xasprintf(&msg, "the proxy's host name did not resolve: %s",
		    w->clean);
		break;
	case CURLE_COULDNT_CONNECT:
		xasprintf(&msg, "could not connect to %s: %s", w->host, w->os);
		break;
	case CURLE_GOT_NOTHING:
		xasprintf(&msg, "the server closed the connection without an "
		    "answer");
		break;
	case CURLE_PARTIAL_FILE:
		xasprintf(&msg, "the connection closed before the whole "
		    "document came: %s", w->clean);
		break;
	case CURLE_SEND_ERROR:
		xasprintf(&msg, "the connection failed while sending the "
		    "request: %s", w->os);
		break;
	case CURLE_RECV_ERROR:
		xasprintf(&msg, "the connection failed while receiving: %s",
		    w->os);
		break;
	case CURLE_WEIRD_SERVER_REPLY:
		xasprintf(&msg, "the answer is not HTTP: %s", w->clean);
		break;
	case CURLE_BAD_CONTENT_ENCODING:
		xasprintf(&msg, "the document's compression is broken "
		    "(Content-Encoding): %s", w->clean);
		break;
	case CURLE_URL_MALFORMAT:
		xasprintf(&msg, "not a valid address: %s", w->clean);
		break;
	default:
		break;
	}
	return msg;
}

/* A failure of TLS; NULL if not one. */
static char *
fetch_error_tls(const struct fetch_why *w, CURLcode code)
{
	char	*msg = NULL;

	switch (code) {
	case CURLE_PEER_FAILED_VERIFICATION:
		xasprintf(&msg, "the server's TLS certificate is not trusted "
		    "for %s: %s", w->host, w->clean);
		break;
	case CURLE_SSL_CONNECT_ERROR:
		if (curl_compat_tls_plain(w->x->errbuf))
			xasprintf(&msg, "the TLS handshake with %s failed: the "
			    "server answers in plain HTTP on this port (try "
			    "http://)", w->host);
		else
			xasprintf(&msg, "the TLS handshake with %s failed: %s",
			    w->host, w->clean);
		break;
	case CURLE_SSL_CACERT_BADFILE:
		xasprintf(&msg, "cannot read the trusted TLS certificates: %s",
		    w->clean);
		break;
	default:
		break;
	}
	return msg;
}

/*
 * Why a transfer failed, in words that name what happened and the limit
 * that fired; a new string.
 */
char *
fetch_error(struct fetch_xfer *x, CURLcode code, long redirects,
    const char *url)
{
	struct fetch_why	 w;
	const char		*detail;
	char			*msg, *clean, *host;
	long			 oserr = 0;

	detail = x->errbuf[0] != '\0' ? x->errbuf : curl_easy_strerror(code);
	clean = utf8_clean_line(detail, strlen(detail));
	if (x->too_big || code == CURLE_FILESIZE_EXCEEDED) {
		xasprintf(&msg, "larger than %zu MiB, the limit for one "
		    "document", x->max / (1024 * 1024));
		goto out;
	}
	if (x->header_too_big || curl_compat_header_too_big(code, x->errbuf)) {
		xasprintf(&msg, "response header too large (limit %d KiB)",
		    FETCH_MAX_HEADER / 1024);
		goto out;
	}
	if (code == CURLE_OPERATION_TIMEDOUT) {
		msg = fetch_error_timeout(x, url);
		goto out;
	}
	if (code == CURLE_ABORTED_BY_CALLBACK) {
		msg = xstrdup("cancelled");
		goto out;
	}
	curl_easy_getinfo(x->h, CURLINFO_OS_ERRNO, &oserr);
	host = fetch_host(url);
	w.x = x;
	w.redirects = redirects;
	w.clean = clean;
	w.host = host;
	w.os = oserr != 0 ? strerror((int)oserr) : clean;
	if ((msg = fetch_error_transfer(&w, code)) == NULL &&
	    (msg = fetch_error_tls(&w, code)) == NULL)
		msg = xstrdup(clean);
	free(host);
out:
	free(clean);
	return msg;
}

/* What a failed status means for the user, after its reason phrase. */
const char *
fetch_http_hint(const struct fetch_xfer *x, long http, char *out,
    size_t len)
{
	if (http >= 300 && http < 400)
		return " (a redirect with no usable address)";
	if (http == 401 && x->userinfo)
		return " (the user name or password in the address was "
		    "refused)";
	if (http == 401)
		return " (the feed asks for a user name and password: give "
		    "them in the address, https://user:password@host/...)";
	if (http == 410)
		return " (gone for good)";
	if ((http == 429 || http == 503) && x->retry_after >= 0) {
		snprintf(out, len, " (the server asks to wait %ld s)",
		    x->retry_after);
		return out;
	}
	return "";
}
