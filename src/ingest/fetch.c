/*
 * Fetching over HTTP(S) with libcurl's multi interface: a few transfers at
 * once, each with every limit set, the body counted in the write callback,
 * the validators (ETag, Last-Modified) read from the last response's
 * headers. Also the check of addresses. Finding the feed a page advertises
 * is feed-discover.c's.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "buf.h"
#include "curl-compat.h"
#include "fetch.h"
#include "fetch-int.h"
#include "url.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Longest ETag or Last-Modified kept; longer ones are not sent back. */
#define FETCH_MAX_VALIDATOR	512

int
fetch_init(char **err)
{
	CURLcode	rc;

	if ((rc = curl_global_init(CURL_GLOBAL_DEFAULT)) != CURLE_OK) {
		xasprintf(err, "cannot set up libcurl: %s",
		    curl_easy_strerror(rc));
		return -1;
	}
	return 0;
}

/*
 * The one spelling of an address kept in the library, so that
 * "HTTP://Example.org:80/a/./b#top" and "http://example.org/a/b" are one
 * feed: scheme and host in lower case, dot segments resolved, the default
 * port, the fragment and an empty query left out. The path keeps its
 * case and a trailing slash (those can be other resources). NULL if the
 * address does not parse or would come out other than plain ASCII.
 */
char *
fetch_url_normalize(const char *url)
{
	CURLU	*u;
	char	*host = NULL, *query = NULL, *out = NULL, *p, *copy = NULL;

	if ((u = curl_url()) == NULL)
		fatal("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		goto out;
	for (p = host; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (curl_url_set(u, CURLUPART_HOST, host, 0) != CURLUE_OK ||
	    curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0) != CURLUE_OK)
		goto out;
	if (curl_url_get(u, CURLUPART_QUERY, &query, 0) == CURLUE_OK &&
	    *query == '\0' &&
	    curl_url_set(u, CURLUPART_QUERY, NULL, 0) != CURLUE_OK)
		goto out;
	if (curl_url_get(u, CURLUPART_URL, &out, CURLU_NO_DEFAULT_PORT) !=
	    CURLUE_OK)
		goto out;
	/*
	 * curl decodes a percent-encoded host ("%FF"): a spelling that is
	 * not plain ASCII any more is not a better one, so keep the given.
	 */
	for (p = out; *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
			goto out;
	/* An empty query curl still spells with its '?'. */
	copy = xstrdup(out);
	if ((p = strchr(copy, '?')) != NULL && p[1] == '\0')
		*p = '\0';
out:
	curl_free(host);
	curl_free(query);
	curl_free(out);
	curl_url_cleanup(u);
	return copy;
}

int
fetch_url_check(const char *url, char **err)
{
	CURLU		*u;
	char		*scheme = NULL, *host = NULL;
	const char	*p;
	int		 rv = -1;

	if (strlen(url) > FETCH_MAX_URL) {
		xasprintf(err, "address longer than %d bytes", FETCH_MAX_URL);
		return -1;
	}
	for (p = url; *p != '\0'; p++) {
		if ((unsigned char)*p <= 0x20 || *p == 0x7f) {
			*err = xstrdup("address holds spaces or control "
			    "characters");
			return -1;
		}
	}
	if (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0) {
		*err = xstrdup("only http:// and https:// addresses can be "
		    "fetched");
		return -1;
	}
	if ((u = curl_url()) == NULL)
		fatal("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    *host == '\0') {
		*err = xstrdup("not a valid address");
		goto out;
	}
	rv = 0;
out:
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return rv;
}

/*
 * Keep the body, up to the limit, and its digest as it arrives (no second
 * pass over it); past the limit, abort the transfer.
 */
static size_t
fetch_write(char *data, size_t size, size_t n, void *arg)
{
	struct fetch_xfer	*x = arg;

	n *= size;
	if (n > x->max || x->body.len > x->max - n) {
		x->too_big = 1;
		return CURL_COMPAT_WRITE_ABORT;
	}
	buf_add(&x->body, data, n);
	hash_update(&x->digest, data, n);
	return n;
}

/* A validator worth sending back: short, printable ASCII. */
static char *
fetch_validator(const char *v, size_t n)
{
	size_t	i;

	while (n > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		n--;
	}
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (n == 0 || n > FETCH_MAX_VALIDATOR)
		return NULL;
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || (unsigned char)v[i] > 0x7e)
			return NULL;
	return xstrndup(v, n);
}

/*
 * Seconds a Retry-After header asks to wait ("120", or an HTTP date), at
 * most a week; -1 if it says nothing usable.
 */
static long
fetch_retry_after(const char *v, size_t n)
{
	char	*s, *end;
	long	 secs = -1;
	time_t	 when, now = time(NULL);

	if ((s = fetch_validator(v, n)) == NULL)
		return -1;
	if (*s >= '0' && *s <= '9') {
		secs = strtol(s, &end, 10);
		if (*end != '\0')
			secs = -1;
	} else if ((when = curl_getdate(s, NULL)) != -1)
		secs = when > now ? (long)(when - now) : 0;
	free(s);
	return secs > 7 * 24 * 3600 ? 7 * 24 * 3600 : secs;
}

/* Read the validators and the reason phrase of each response. */
static size_t
fetch_header(char *data, size_t size, size_t n, void *arg)
{
	struct fetch_xfer	*x = arg;
	size_t			 len = size * n, i;
	int			 code = 0;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0)
		x->header_bytes = 0;	/* a new response's header */
	x->header_bytes += len;
	if (x->header_bytes > FETCH_MAX_HEADER) {
		x->header_too_big = 1;
		return 0;		/* abort the transfer */
	}
	while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
		len--;
	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* A new response (after a redirect): forget the last one's. */
		free(x->etag);
		free(x->last_modified);
		free(x->reason);
		x->etag = x->last_modified = x->reason = NULL;
		x->retry_after = -1;
		for (i = 0; i < len && data[i] != ' '; i++)
			;				/* "HTTP/1.1" */
		for (i++; i < len && isdigit((unsigned char)data[i]); i++)
			code = code * 10 + (data[i] - '0');	/* "404" */
		if (code >= 300 && code < 400 && code != 301 && code != 308)
			x->temporary = 1;
		if (i + 1 < len)
			x->reason = utf8_clean_line(data + i + 1,
			    len - i - 1 > 64 ? 64 : len - i - 1);
	} else if (len > 5 && strncasecmp(data, "etag:", 5) == 0) {
		free(x->etag);
		x->etag = fetch_validator(data + 5, len - 5);
	} else if (len > 14 && strncasecmp(data, "last-modified:", 14) == 0) {
		free(x->last_modified);
		x->last_modified = fetch_validator(data + 14, len - 14);
	} else if (len > 12 && strncasecmp(data, "retry-after:", 12) == 0)
		x->retry_after = fetch_retry_after(data + 12, len - 12);
	return size * n;
}

/* Seconds from the environment (tests set them to fail fast); 0 if unset. */
static long
fetch_env_seconds(const char *name)
{
	const char	*env;
	char		*end;
	long		 v;

	if ((env = getenv(name)) != NULL && *env != '\0') {
		v = strtol(env, &end, 10);
		if (*end == '\0' && v > 0 && v <= 3600)
			return v;
	}
	return 0;
}

/* The total timeout: $DOSSIER_FETCH_TIMEOUT (for tests), else the option. */
static long
fetch_timeout(const struct fetch_options *o)
{
	long	v;

	if ((v = fetch_env_seconds("DOSSIER_FETCH_TIMEOUT")) > 0)
		return v;
	if (o != NULL && o->timeout > 0)
		return o->timeout;
	return FETCH_TIMEOUT;
}

/*
 * The limits of a transfer: connecting and the low-speed limit are cut to
 * the total when it is shorter; $DOSSIER_FETCH_LOW_SPEED_TIME (for tests)
 * sets the low-speed time.
 */
static void
fetch_limits(struct fetch_xfer *x, const struct fetch_options *o)
{
	long	t = fetch_timeout(o), v;

	x->timeout = t;
	x->connect_timeout = t < FETCH_CONNECT_TIMEOUT ? t :
	    FETCH_CONNECT_TIMEOUT;
	v = fetch_env_seconds("DOSSIER_FETCH_LOW_SPEED_TIME");
	if (v <= 0)
		v = FETCH_LOW_SPEED_TIME;
	x->low_speed_time = t < v ? t : v;
}

/* Make the easy handle of a transfer; NULL with *err. */
static struct fetch_xfer *
fetch_xfer_new(const struct fetch_req *r, size_t index,
    const struct fetch_options *o, char **err)
{
	struct fetch_xfer	*x;
	struct curl_slist	*l;
	char			*hdr;
	CURLcode		 rc = CURLE_OK;

	x = xcalloc(1, sizeof *x);
	x->index = index;
	x->userinfo = url_has_userinfo(r->url);
	x->max = r->max;
	x->conditional = r->etag != NULL || r->last_modified != NULL;
	x->retry_after = -1;
	fetch_limits(x, o);
	buf_init(&x->body);
	hash_init(&x->digest);
	if ((x->h = curl_easy_init()) == NULL) {
		*err = xstrdup("cannot start a transfer");
		free(x);
		return NULL;
	}
	if (r->etag != NULL) {
		xasprintf(&hdr, "If-None-Match: %s", r->etag);
		if ((l = curl_slist_append(x->headers, hdr)) != NULL)
			x->headers = l;
		free(hdr);
	}
	if (r->last_modified != NULL) {
		xasprintf(&hdr, "If-Modified-Since: %s", r->last_modified);
		if ((l = curl_slist_append(x->headers, hdr)) != NULL)
			x->headers = l;
		free(hdr);
	}
#define SET(opt, val) do {						\
	if (rc == CURLE_OK)						\
		rc = curl_easy_setopt(x->h, opt, val);			\
} while (0)
	SET(CURLOPT_URL, r->url);
	SET(CURLOPT_PRIVATE, (void *)x);
	SET(CURLOPT_ERRORBUFFER, x->errbuf);
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_FOLLOWLOCATION, 1L);
	SET(CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRS);
	SET(CURLOPT_CONNECTTIMEOUT, x->connect_timeout);
	SET(CURLOPT_TIMEOUT, x->timeout);
	SET(CURLOPT_LOW_SPEED_LIMIT, (long)FETCH_LOW_SPEED_LIMIT);
	SET(CURLOPT_LOW_SPEED_TIME, x->low_speed_time);
	SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)r->max);
	SET(CURLOPT_ACCEPT_ENCODING, "");	/* every one libcurl decodes */
	SET(CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	SET(CURLOPT_SSL_VERIFYPEER, 1L);
	SET(CURLOPT_SSL_VERIFYHOST, 2L);
	SET(CURLOPT_WRITEFUNCTION, fetch_write);
	SET(CURLOPT_WRITEDATA, (void *)x);
	SET(CURLOPT_HEADERFUNCTION, fetch_header);
	SET(CURLOPT_HEADERDATA, (void *)x);
	SET(CURLOPT_HTTPHEADER, x->headers);
#undef SET
	if (rc == CURLE_OK)
		rc = curl_compat_protocols(x->h);
	if (rc != CURLE_OK) {
		xasprintf(err, "cannot set up the transfer: %s",
		    curl_easy_strerror(rc));
		curl_easy_cleanup(x->h);
		curl_slist_free_all(x->headers);
		free(x);
		return NULL;
	}
	return x;
}

static void
fetch_xfer_free(struct fetch_xfer *x)
{
	if (x == NULL)
		return;
	curl_easy_cleanup(x->h);
	curl_slist_free_all(x->headers);
	buf_free(&x->body);
	free(x->etag);
	free(x->last_modified);
	free(x->reason);
	free(x);
}

/* Turn a finished transfer into a result. */
static void
fetch_xfer_result(struct fetch_xfer *x, CURLcode code,
    struct fetch_result *res)
{
	const char	*s;
	char		 hint[128];
	long		 http = 0, redirects = 0;

	memset(res, 0, sizeof *res);
	res->status = FETCH_ERROR;
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &http);
	curl_easy_getinfo(x->h, CURLINFO_REDIRECT_COUNT, &redirects);
	res->http = http;
	if (curl_easy_getinfo(x->h, CURLINFO_EFFECTIVE_URL, &s) == CURLE_OK &&
	    s != NULL)
		res->url = xstrdup(s);
	if (code != CURLE_OK) {
		res->error = fetch_error(x, code, redirects, res->url);
		return;
	}
	/*
	 * Moved for good: every redirect permanent, and no password to lose
	 * (libcurl does not carry user information to the new address), nor
	 * one to gain: credentials a server names are not the user's, and a
	 * feed's address keeps only those the user gave.
	 */
	if (redirects > 0 && !x->temporary && !x->userinfo &&
	    res->url != NULL && !url_has_userinfo(res->url) &&
	    res->url != NULL && (http == 304 || (http >= 200 && http < 300)))
		res->moved = xstrdup(res->url);
	if (http == 304 && !x->conditional) {
		/* Nothing was asked to be compared: there is nothing to read. */
		res->error = xstrdup("the server answered 304 Not Modified to "
		    "a plain request: there is no document to read");
		return;
	}
	if (http == 304) {
		res->status = FETCH_NOT_MODIFIED;
		return;
	}
	if (http == 204 || http == 205) {
		xasprintf(&res->error, "HTTP %ld%s%s: the server sent no "
		    "document", http, x->reason != NULL &&
		    *x->reason != '\0' ? " " : "", x->reason != NULL ?
		    x->reason : "");
		return;
	}
	if (http >= 300 || http < 200) {
		xasprintf(&res->error, "HTTP %ld%s%s%s", http,
		    x->reason != NULL && *x->reason != '\0' ? " " : "",
		    x->reason != NULL ? x->reason : "",
		    fetch_http_hint(x, http, hint, sizeof hint));
		return;
	}
	res->status = FETCH_OK;
	hash_hex(&x->digest, res->digest);
	buf_addc(&x->body, '\0');
	res->len = x->body.len - 1;
	res->data = buf_detach(&x->body);
	if (curl_easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK &&
	    s != NULL)
		res->content_type = utf8_clean_line(s, strlen(s));
	res->etag = x->etag;
	res->last_modified = x->last_modified;
	x->etag = x->last_modified = NULL;
}

int
fetch_many(const struct fetch_req *reqs, size_t n,
    const struct fetch_options *o,
    void (*done)(size_t, struct fetch_result *, void *), void *arg)
{
	struct fetch_xfer	**xs;
	struct fetch_result	  res;
	CURLM			 *m;
	CURLMsg			 *msg;
	struct fetch_xfer	 *x;
	char			 *err = NULL, *priv;
	size_t			  next = 0, active = 0, i;
	int			  par, still, left, rv = 0;

	par = o != NULL && o->parallel > 0 ? o->parallel : FETCH_PARALLEL;
	if ((m = curl_multi_init()) == NULL)
		fatal("out of memory");
	xs = xcalloc(n > 0 ? n : 1, sizeof *xs);
	while (next < n || active > 0) {
		if (o != NULL && o->cancel != NULL && *o->cancel) {
			rv = -1;
			break;
		}
		while (active < (size_t)par && next < n) {
			i = next++;
			xs[i] = fetch_xfer_new(&reqs[i], i, o, &err);
			if (xs[i] == NULL ||
			    curl_multi_add_handle(m, xs[i]->h) != CURLM_OK) {
				memset(&res, 0, sizeof res);
				res.status = FETCH_ERROR;
				res.error = err != NULL ? err :
				    xstrdup("cannot start a transfer");
				err = NULL;
				fetch_xfer_free(xs[i]);
				xs[i] = NULL;
				done(i, &res, arg);
				fetch_result_free(&res);
				continue;
			}
			active++;
		}
		curl_multi_perform(m, &still);
		while ((msg = curl_multi_info_read(m, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			priv = NULL;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    &priv);
			if ((x = (struct fetch_xfer *)priv) == NULL)
				continue;
			fetch_xfer_result(x, msg->data.result, &res);
			curl_multi_remove_handle(m, x->h);
			xs[x->index] = NULL;
			active--;
			i = x->index;
			fetch_xfer_free(x);
			done(i, &res, arg);
			fetch_result_free(&res);
		}
		if (active > 0)
			curl_multi_poll(m, NULL, 0, 100, NULL);
	}
	for (i = 0; i < n; i++) {
		if (xs[i] == NULL)
			continue;
		curl_multi_remove_handle(m, xs[i]->h);
		fetch_xfer_free(xs[i]);
	}
	free(xs);
	curl_multi_cleanup(m);
	return rv;
}

/* Keep the one result of fetch_one. */
static void
fetch_one_done(size_t i, struct fetch_result *res, void *arg)
{
	struct fetch_result	*out = arg;

	*out = *res;
	memset(res, 0, sizeof *res);
}

void
fetch_one(const struct fetch_req *r, const struct fetch_options *o,
    struct fetch_result *res)
{
	memset(res, 0, sizeof *res);
	res->status = FETCH_ERROR;
	if (fetch_many(r, 1, o, fetch_one_done, res) != 0 &&
	    res->error == NULL && res->data == NULL)
		res->error = xstrdup("cancelled");
}

void
fetch_result_free(struct fetch_result *res)
{
	free(res->data);
	free(res->content_type);
	free(res->etag);
	free(res->last_modified);
	free(res->url);
	free(res->moved);
	free(res->error);
	memset(res, 0, sizeof *res);
}
