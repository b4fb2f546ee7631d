/*
 * Subscribing: adding a feed by its address. The address is checked and
 * given one spelling, so a feed is never added twice; the document is
 * fetched once (fetch.c); an HTML page leads to the feed it advertises
 * (feed-discover.c) or, advertising none, is kept as one story; the feed
 * row, its tags, its stories and its fetch state go into the store in one
 * transaction (feed-sync.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "feed-discover.h"
#include "feed-kind.h"
#include "feed-parse.h"
#include "feed-subscribe.h"
#include "feed-sync-int.h"
#include "fetch.h"
#include "import.h"
#include "store.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

/* One subscription on its way: what was fetched and read so far. */
struct subscribe {
	struct store			*s;
	const struct feed_sync_options	*opts;
	struct feed_sync_totals		*t;
	struct fetch_options		 fo;
	struct fetch_result		 res;	/* the document */
	char				*feed_url; /* the feed's address */
	struct feed			 f;
	int				 page;	/* f is the page */
	char				*err;
};

/* Is a fetched document an HTML page? */
static int
subscribe_is_html(const struct fetch_result *res)
{
	if (res->content_type != NULL)
		return strncasecmp(res->content_type, "text/html", 9) == 0 ||
		    strncasecmp(res->content_type, "application/xhtml",
		    17) == 0;
	return import_sniff(NULL, res->data, res->len) == IMPORT_HTML;
}

/* Why a fetch brought no document. */
static const char *
subscribe_why(const struct fetch_result *res)
{
	if (res->error != NULL)
		return res->error;
	if (res->status == FETCH_NOT_MODIFIED)
		return "the server answered 304 Not Modified: there is no "
		    "document to read";
	return "the transfer failed (no reason given)";
}

/* Report a failed subscription. */
static void
subscribe_failed(struct subscribe *j, const char *url)
{
	struct feed_sync_event	ev;

	memset(&ev, 0, sizeof ev);
	ev.url = url;
	ev.status = FEED_SYNC_FAILED;
	ev.reason = j->err != NULL ? j->err : "cannot add";
	ev.done = ev.total = 1;
	feed_sync_report(j->opts, j->t, &ev);
}

/* Report a feed that is there already. */
static int
subscribe_exists(const struct store_feed *f, void *arg)
{
	struct feed_sync_event	*ev = arg;

	ev->id = f->id;
	ev->title = f->title;
	ev->kind = feed_kind_name(f->kind);
	ev->status = FEED_SYNC_EXISTS;
	ev->done = ev->total = 1;
	return 1;
}

/*
 * Is the feed at url in the store? 1 and reported, 0 no, -1 error (in
 * j->err). A feed that is there gets the tags asked for (its stories do
 * not).
 */
static int
subscribe_known(struct subscribe *j, const char *url)
{
	struct feed_sync_event	ev;
	int			rc;

	memset(&ev, 0, sizeof ev);
	ev.url = url;
	rc = store_feed_list(j->s, 0, url, subscribe_exists, &ev, &j->err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (j->opts != NULL && j->opts->ntags > 0) {
		if (store_begin(j->s, &j->err) != 0)
			return -1;
		if ((rc = store_feed_tag(j->s, ev.id, j->opts->tags,
		    j->opts->ntags, &j->err)) < 0 ||
		    store_commit(j->s, &j->err) != 0) {
			store_rollback(j->s);
			return -1;
		}
		ev.tagged = (size_t)rc;
	}
	feed_sync_report(j->opts, j->t, &ev);
	return 1;
}

/* Fetch the document at url into j->res: 0, or -1 if none came. */
static int
subscribe_fetch(struct subscribe *j, const char *url)
{
	struct fetch_req	req;

	fetch_result_free(&j->res);
	memset(&req, 0, sizeof req);
	req.url = url;
	req.max = FEED_MAX_BYTES;
	fetch_one(&req, &j->fo, &j->res);
	return j->res.status == FETCH_OK ? 0 : -1;
}

/*
 * The document fetched from url is not a feed. If it is an HTML page,
 * fetch the feed it advertises, or read the page as one story. Returns 0
 * with j->res the feed's document (or j->f the page, j->page set), 1 if
 * the feed is there already (reported), or -1 with j->err (a store error
 * looking it up too).
 */
static int
subscribe_discover(struct subscribe *j, const char *url)
{
	char	*found, *shown;
	int	 rc;

	if (!subscribe_is_html(&j->res)) {
		xasprintf(&j->err, "neither a feed nor an HTML page (%s)",
		    j->res.content_type != NULL ? j->res.content_type :
		    "no content type");
		return -1;
	}
	free(j->feed_url);
	j->feed_url = feed_discover(j->res.data, j->res.len,
	    j->res.url != NULL ? j->res.url : url);
	if (j->feed_url != NULL &&
	    (found = fetch_url_normalize(j->feed_url)) != NULL) {
		free(j->feed_url);
		j->feed_url = found;
	}
	if (j->feed_url == NULL) {
		/* A page without a feed: keep it as one story. */
		j->feed_url = xstrdup(url);
		j->page = 1;
		return feed_parse_page(j->res.data, j->res.len, url, &j->f,
		    &j->err) != 0 ? -1 : 0;
	}
	/* Known already: reported; an error looking it up is the add's. */
	if ((rc = subscribe_known(j, j->feed_url)) != 0)
		return rc;
	if (subscribe_fetch(j, j->feed_url) != 0) {
		shown = url_redact(j->feed_url);
		xasprintf(&j->err, "the page's feed %s: %s", shown,
		    subscribe_why(&j->res));
		free(shown);
		return -1;
	}
	if (j->res.moved != NULL) {
		free(j->feed_url);
		j->feed_url = xstrdup(j->res.moved);
	}
	return 0;
}

/*
 * Fetch the document at url and read it into j->f, following a page to
 * the feed it advertises. Returns 0 with j->f and j->feed_url, 1 if there
 * is nothing more to do (as subscribe_discover), or -1 with j->err.
 */
static int
subscribe_read(struct subscribe *j, const char *url)
{
	int	rc;

	if (subscribe_fetch(j, url) != 0) {
		j->err = xstrdup(subscribe_why(&j->res));
		return -1;
	}
	j->feed_url = xstrdup(j->res.moved != NULL ? j->res.moved : url);
	if (j->res.len == 0) {
		xasprintf(&j->err, "the server sent an empty document "
		    "(HTTP %ld)", j->res.http);
		return -1;
	}
	if (feed_parse_sniff(j->res.data, j->res.len,
	    j->res.content_type) == FEED_KIND_UNKNOWN) {
		if ((rc = subscribe_discover(j, url)) != 0 || j->page)
			return rc;
	}
	if (feed_parse(j->res.data, j->res.len, j->res.url != NULL ?
	    j->res.url : j->feed_url, &j->f, &j->err) != 0)
		return -1;
	return 0;
}

/*
 * Store the feed row, its tags, its stories and its state in one
 * transaction, and report it. Returns 0 (reported), 1 if the feed was
 * added meanwhile (reported as there already), or -1 with j->err.
 */
static int
subscribe_store(struct subscribe *j)
{
	struct feed_sync_items	*it;
	struct feed_sync_event	 ev;
	struct store_feed	 st;
	char			*title;
	int64_t			 id;
	int			 rc, rv = -1;

	title = feed_sync_title(&j->f);
	if ((it = feed_sync_prepare(j->s, 0, &j->f, j->opts != NULL ?
	    j->opts->tags : NULL, j->opts != NULL ? j->opts->ntags : 0,
	    &j->err)) == NULL || store_begin(j->s, &j->err) != 0)
		goto out;
	if ((rc = store_feed_add(j->s, j->feed_url, title, j->f.kind, &id,
	    &j->err)) != 0) {
		store_rollback(j->s);
		if (rc == 1 && subscribe_known(j, j->feed_url) == 1)
			rv = 1;
		goto out;
	}
	memset(&st, 0, sizeof st);
	st.id = id;
	st.title = title;
	st.kind = j->f.kind;
	st.etag = j->res.etag;
	st.last_modified = j->res.last_modified;
	st.body_hash = j->res.digest[0] != '\0' ? j->res.digest : NULL;
	st.fetched = (int64_t)time(NULL);
	st.status = (int)j->res.http;
	memset(&ev, 0, sizeof ev);
	if ((j->opts != NULL && store_feed_tag(j->s, id, j->opts->tags,
	    j->opts->ntags, &j->err) < 0) ||
	    feed_sync_write(j->s, &st, it, &ev, &j->err) != 0 ||
	    store_commit(j->s, &j->err) != 0) {
		store_rollback(j->s);
		goto out;
	}
	ev.id = id;
	ev.url = j->feed_url;
	ev.title = title;
	ev.kind = feed_kind_name(j->f.kind);
	ev.status = FEED_SYNC_FETCHED;
	ev.done = ev.total = 1;
	feed_sync_report(j->opts, j->t, &ev);
	rv = 0;
out:
	feed_sync_items_free(it);
	free(title);
	return rv;
}

/* Add the feed at url. */
void
feed_subscribe(struct store *s, const char *given,
    const struct feed_sync_options *opts, struct feed_sync_totals *t)
{
	struct subscribe	 j;
	const char		*url = given;
	char			*norm = NULL;
	int			 rc;

	memset(&j, 0, sizeof j);
	j.s = s;
	j.opts = opts;
	j.t = t;
	j.fo.cancel = opts != NULL ? opts->cancel : NULL;
	feed_parse_init(&j.f);
	if (fetch_url_check(url, &j.err) != 0 ||
	    store_ingest_memory(s, &j.err) != 0) {
		subscribe_failed(&j, url);
		goto out;
	}
	/* One spelling of an address, so a feed is never added twice. */
	if ((norm = fetch_url_normalize(given)) != NULL)
		url = norm;
	if ((rc = subscribe_known(&j, url)) == 0 &&
	    (rc = subscribe_read(&j, url)) == 0)
		rc = subscribe_store(&j);
	if (rc < 0)
		subscribe_failed(&j, url);
out:
	free(j.err);
	free(j.feed_url);
	free(norm);
	feed_parse_free(&j.f);
	fetch_result_free(&j.res);
}
