/*
 * Subscribing: adding a feed by its address. The address is checked and
 * given one spelling, so a feed is never added twice; the document is
 * fetched once (fetch.c); an HTML page leads to the feed it advertises
 * (feed-discover.c) or, advertising none, is kept as one story; the feed
 * row, its tags, its stories and its fetch state go into the store in one
 * transaction (feed-sync.c).
 */
#include "config.h"

#include <pthread.h>
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
#include "work.h"
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
	/* Read ahead on another thread (feed_subscribe_many): */
	const char			*url;	/* as given, or normalized */
	char				*norm;
	int				 defer;	/* look nothing up in the store */
	int				 bad;	/* the address is refused (err) */
	int				 skip;	/* in the library: not fetched */
	int				 rc;	/* subscribe_read's */
	char				*found;	/* the page's feed, deferred */
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

/* Stop at the first feed listed. */
static int
subscribe_stop(const struct store_feed *f, void *arg)
{
	return 1;
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
	/*
	 * Known already: reported; an error looking it up is the add's.
	 * Read ahead, the store is not ours: looked up in turn.
	 */
	if (j->defer)
		j->found = xstrdup(j->feed_url);
	else if ((rc = subscribe_known(j, j->feed_url)) != 0)
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

/*
 * Several feeds at once: a reader thread fetches and parses feed i+1
 * (parsing on every core, feed-parse.c) while this thread writes feed i
 * (extracting on every core, feed-sync.c), so the store's writer never
 * waits for the network or the XML. The store is this thread's alone:
 * the reader looks nothing up; whether a feed (or the feed a page
 * advertises) is in the library is asked in turn, as feed_subscribe asks
 * it, and the outcomes are reported in the order given. At most two
 * feeds are held: the one written and the one read ahead.
 */
struct subscribe_many {
	pthread_mutex_t	  mu;
	pthread_cond_t	  cv;	/* a feed read, or one taken */
	struct subscribe *v;
	size_t		  n;
	size_t		  read;		/* feeds read */
	size_t		  taken;	/* feeds taken to be written */
};

/* Fetch and read a feed, looking nothing up (on the reader thread). */
static void
subscribe_ahead(struct subscribe *j)
{
	if (j->bad || j->skip)
		return;
	j->rc = subscribe_read(j, j->url);
	/* What is stored of the document is read: its bytes can go. */
	free(j->res.data);
	j->res.data = NULL;
	j->res.len = 0;
	work_trim();
}

/* The reader thread: each feed in order, one ahead of the writer. */
static void *
subscribe_reader(void *p)
{
	struct subscribe_many	*m = p;
	size_t			 i;

	for (i = 0; i < m->n; i++) {
		pthread_mutex_lock(&m->mu);
		while (i > m->taken)
			pthread_cond_wait(&m->cv, &m->mu);
		pthread_mutex_unlock(&m->mu);
		subscribe_ahead(&m->v[i]);
		pthread_mutex_lock(&m->mu);
		m->read = i + 1;
		pthread_cond_broadcast(&m->cv);
		pthread_mutex_unlock(&m->mu);
	}
	return NULL;
}

/*
 * A feed read ahead, in its turn: reported as there already if it is
 * (or the feed its page advertises is), else stored; or reported failed.
 */
static void
subscribe_turn(struct subscribe *j)
{
	char	*why = j->err;
	int	 rc;

	if (j->bad) {
		subscribe_failed(j, j->url);
		return;
	}
	j->err = NULL;
	if ((rc = subscribe_known(j, j->url)) == 0 && j->found != NULL)
		rc = subscribe_known(j, j->found);
	if (rc == 0) {
		free(j->err);
		j->err = why;
		why = NULL;
		/* Not fetched, as it was there, and now it is not: fetch. */
		if (j->skip) {
			j->defer = 0;
			j->skip = 0;
			subscribe_ahead(j);
		}
		if ((rc = j->rc) == 0)
			rc = subscribe_store(j);
	}
	free(why);
	if (rc < 0)
		subscribe_failed(j, j->url);
}

/* Set up feed j of a run before the reader starts (this thread). */
static void
subscribe_slot(struct subscribe *j, struct store *s, const char *given,
    const struct feed_sync_options *opts, struct feed_sync_totals *t,
    int ready)
{
	memset(j, 0, sizeof *j);
	j->s = s;
	j->opts = opts;
	j->t = t;
	j->fo.cancel = opts != NULL ? opts->cancel : NULL;
	j->defer = 1;
	j->url = given;
	feed_parse_init(&j->f);
	if (fetch_url_check(given, &j->err) != 0 ||
	    (!ready && store_ingest_memory(s, &j->err) != 0)) {
		j->bad = 1;
		return;
	}
	if ((j->norm = fetch_url_normalize(given)) != NULL)
		j->url = j->norm;
	/* In the library already: reported in turn, not fetched. */
	j->skip = store_feed_list(s, 0, j->url, subscribe_stop, NULL,
	    NULL) == 0;
}

/*
 * Given before in the run: not fetched ahead, as it will be there once
 * the first is added (if that fails, it is fetched in its turn).
 */
static void
subscribe_slot_dup(struct subscribe *v, size_t i)
{
	size_t	k;

	for (k = 0; k < i && !v[i].bad && !v[i].skip; k++)
		if (!v[k].bad && strcmp(v[k].url, v[i].url) == 0)
			v[i].skip = 1;
}

/* Free what feed j of a run holds. */
static void
subscribe_slot_free(struct subscribe *j)
{
	free(j->err);
	free(j->feed_url);
	free(j->found);
	free(j->norm);
	feed_parse_free(&j->f);
	fetch_result_free(&j->res);
	memset(j, 0, sizeof *j);
}

void
feed_subscribe_many(struct store *s, char *const *urls, size_t n,
    const struct feed_sync_options *opts, struct feed_sync_totals *t)
{
	struct subscribe_many	 m;
	pthread_t		 tid;
	size_t			 i;
	char			*err = NULL;
	int			 ready, threaded;

	if (n < 2) {
		for (i = 0; i < n; i++)
			feed_subscribe(s, urls[i], opts, t);
		return;
	}
	ready = store_ingest_memory(s, &err) == 0;
	free(err);
	memset(&m, 0, sizeof m);
	m.v = xcalloc(n, sizeof *m.v);
	m.n = n;
	for (i = 0; i < n; i++) {
		subscribe_slot(&m.v[i], s, urls[i], opts, t, ready);
		subscribe_slot_dup(m.v, i);
	}
	pthread_mutex_init(&m.mu, NULL);
	pthread_cond_init(&m.cv, NULL);
	threaded = pthread_create(&tid, NULL, subscribe_reader, &m) == 0;
	for (i = 0; i < n; i++) {
		if (!threaded)
			subscribe_ahead(&m.v[i]);
		pthread_mutex_lock(&m.mu);
		while (threaded && m.read <= i)
			pthread_cond_wait(&m.cv, &m.mu);
		m.taken = i + 1;
		pthread_cond_broadcast(&m.cv);
		pthread_mutex_unlock(&m.mu);
		subscribe_turn(&m.v[i]);
		subscribe_slot_free(&m.v[i]);
		work_trim();
	}
	if (threaded)
		pthread_join(tid, NULL);
	pthread_cond_destroy(&m.cv);
	pthread_mutex_destroy(&m.mu);
	free(m.v);
}
