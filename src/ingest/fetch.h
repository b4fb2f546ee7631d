/*
 * Fetching documents over HTTP(S) with libcurl, every limit set: http and
 * https only (redirects too), at most FETCH_MAX_REDIRS redirects, the size
 * counted as it arrives, timeouts, TLS verified. Knows nothing of feeds'
 * contents, the store or the screen.
 */
#ifndef DOSSIER_FETCH_H
#define DOSSIER_FETCH_H

#include <stddef.h>

#define FETCH_MAX_REDIRS	5
#define FETCH_MAX_URL		2048		/* bytes */
#define FETCH_PARALLEL		4		/* transfers at once */
#define FETCH_CONNECT_TIMEOUT	15		/* seconds */
#define FETCH_TIMEOUT		120		/* seconds, the whole transfer */
#define FETCH_LOW_SPEED_LIMIT	1		/* bytes a second, */
#define FETCH_LOW_SPEED_TIME	30		/* for this many seconds */
#define FETCH_MAX_HEADER	(100 * 1024)	/* bytes of a response's header */

/* One document to fetch; etag and last_modified make the GET conditional. */
struct fetch_req {
	const char	*url;
	const char	*etag;		/* may be NULL */
	const char	*last_modified;	/* may be NULL */
	size_t		 max;		/* largest body accepted */
};

enum fetch_status {
	FETCH_OK,
	FETCH_NOT_MODIFIED,		/* 304: the document did not change */
	FETCH_ERROR			/* error says why */
};

struct fetch_result {
	enum fetch_status status;
	long		 http;		/* the last response's status, or 0 */
	char		*data;		/* the body, NUL-terminated */
	size_t		 len;
	char		 digest[65];	/* FETCH_OK: the body's SHA-256 (hex),
					   taken as it arrived; else "" */
	char		*content_type;	/* may be NULL */
	char		*etag;		/* validators of the response; may */
	char		*last_modified;	/* be NULL */
	char		*url;		/* where the body came from */
	char		*moved;		/* every redirect was permanent (301,
					   308): the new address; else NULL */
	char		*error;		/* FETCH_ERROR: a lower-case reason */
};

/*
 * Timeouts in seconds (0: the defaults, or $DOSSIER_FETCH_TIMEOUT and
 * $DOSSIER_FETCH_LOW_SPEED_TIME, which tests set to fail fast).
 */
struct fetch_options {
	long		 timeout;
	int		 parallel;	/* 0: FETCH_PARALLEL */
	volatile int	*cancel;	/* set non-zero to stop; may be NULL */
};

/* Set libcurl up once, before any thread starts; -1 with *err. */
int	 fetch_init(char **err);

/*
 * Is this an address dossier may fetch: absolute http or https with a host,
 * no spaces or control characters, at most FETCH_MAX_URL bytes? 0, or -1
 * with *err set.
 */
int	 fetch_url_check(const char *, char **err);

/* The address as the library keeps it (see fetch.c); NULL if bad. */
char	*fetch_url_normalize(const char *);

/* Fetch one document (blocking). Always fills res. */
void	 fetch_one(const struct fetch_req *, const struct fetch_options *,
	     struct fetch_result *res);

/*
 * Fetch n documents, opts->parallel at a time, calling done(i, res, arg) for
 * each as it completes, in the calling thread; res is freed after done
 * returns. If opts->cancel becomes non-zero, transfers in flight are
 * aborted and the rest are not started; returns -1 then, else 0.
 */
int	 fetch_many(const struct fetch_req *, size_t n,
	     const struct fetch_options *,
	     void (*done)(size_t, struct fetch_result *, void *), void *arg);

void	 fetch_result_free(struct fetch_result *);

#endif
