/*
 * What fetch.c and fetch-error.c share: one transfer in flight, and the
 * words for why it failed. Private to the fetch module.
 */
#ifndef DOSSIER_FETCH_INT_H
#define DOSSIER_FETCH_INT_H

#include <curl/curl.h>

#include "buf.h"
#include "hash.h"

/* One transfer in flight. */
struct fetch_xfer {
	CURL			*h;
	struct curl_slist	*headers;
	size_t			 index;
	size_t			 max;
	struct buf		 body;
	struct hash		 digest;	/* of the body, as it arrives */
	int			 too_big;
	char			*etag;
	char			*last_modified;
	char			*reason;	/* of the last status line */
	int			 temporary;	/* a redirect was not 301/308 */
	int			 userinfo;	/* the address has user@ */
	int			 conditional;	/* If-None-Match or -Modified */
	long			 retry_after;	/* seconds, or -1 if not said */
	size_t			 header_bytes;	/* of the response in hand */
	int			 header_too_big;
	long			 connect_timeout;	/* the limits set, */
	long			 timeout;		/* in seconds */
	long			 low_speed_time;
	char			 errbuf[CURL_ERROR_SIZE];
};
/*
 * Why a transfer failed, in words that name what happened and the limit
 * that fired; a new string.
 */
char		*fetch_error(struct fetch_xfer *, CURLcode, long redirects,
		    const char *url);
/* What a failed status means for the user, after its reason phrase. */
const char	*fetch_http_hint(const struct fetch_xfer *, long http,
		    char *out, size_t len);

#endif
