/*
 * Refreshing feeds: fetch the library's feeds (fetch.c) a few at once,
 * parse each (feed-parse.c) as its kind, and store its stories with its
 * new fetch state in one transaction (feed-sync.c), so a feed that fails
 * leaves nothing behind and an interrupted refresh loses no more than the
 * feed in hand. A feed that moved for good is remembered at its new
 * address. A body the same as the one whose stories were stored last
 * (its SHA-256, taken as it downloaded) is not parsed again: a feed
 * served without validators costs its transfer and nothing more. With
 * several feeds the transfers and the parsing run on a reader thread
 * (its own connection looks the items up) while this thread writes.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed-kind.h"
#include "feed-parse.h"
#include "feed-refresh.h"
#include "feed-sync-int.h"
#include "fetch.h"
#include "store.h"
#include "work.h"
#include "xmalloc.h"
#include "banned.h"

/* A feed as read from the store, owned. */
struct refresh_row {
	int64_t		 id;
	char		*url;
	char		*title;
	enum feed_kind	 kind;
	char		*etag;
	char		*last_modified;
	char		*body_hash;	/* of the body last stored, or NULL */
	char		**tags;		/* given to each new story */
	size_t		 ntags;
};

struct refresh_list {
	struct refresh_row	*v;
	size_t			 n;
};

/* The run of feed_refresh: the rows, the options, the totals. */
struct refresh_run {
	struct store			*s;
	struct refresh_list		 l;
	const struct feed_sync_options	*opts;
	struct feed_sync_totals		*t;
	size_t				 done;
};

/* Free a row's fields. */
static void
refresh_row_free(struct refresh_row *r)
{
	free(r->url);
	free(r->title);
	free(r->etag);
	free(r->last_modified);
	free(r->body_hash);
	while (r->ntags > 0)
		free(r->tags[--r->ntags]);
	free(r->tags);
}

/* A copy of s, or NULL. */
static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Keep a feed row read from the store. */
static int
refresh_list_row(const struct store_feed *f, void *arg)
{
	struct refresh_list	*l = arg;
	struct refresh_row	*r;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	r = &l->v[l->n++];
	r->id = f->id;
	r->url = xstrdup(f->url);
	r->title = dup_or_null(f->title);
	r->kind = f->kind;
	r->etag = dup_or_null(f->etag);
	r->last_modified = dup_or_null(f->last_modified);
	r->body_hash = dup_or_null(f->body_hash);
	r->tags = xcalloc(f->ntags + 1, sizeof *r->tags);
	for (r->ntags = 0; r->ntags < f->ntags; r->ntags++)
		r->tags[r->ntags] = xstrdup(f->tags[r->ntags]);
	return 0;
}

/*
 * Store a feed's items in one transaction with its fetch state. Returns 0
 * with the counts, 1 if the feed is gone, or -1 with *err; nothing is
 * stored unless 0.
 */
static int
refresh_store(struct store *s, const struct store_feed *state,
    struct feed *f, const struct refresh_row *r,
    struct feed_sync_event *ev, char **err)
{
	struct feed_sync_items	*it;
	int			 rc, rv = -1;

	ev->added = ev->updated = ev->dropped = 0;
	if ((it = feed_sync_prepare(s, state->id, f, r->tags, r->ntags,
	    err)) == NULL)
		return -1;
	if (store_begin(s, err) != 0)
		goto out;
	if ((rc = feed_sync_write(s, state, it, ev, err)) != 0 ||
	    store_commit(s, err) != 0) {
		store_rollback(s);
		ev->added = ev->updated = ev->dropped = 0;
		ev->dropped_first = NULL;
		rv = rc == 1 ? 1 : -1;
		goto out;
	}
	rv = 0;
out:
	feed_sync_items_free(it);
	return rv;
}

/* Record a failed or unchanged fetch: the state only. 1 if the feed is gone. */
static int
refresh_state_only(struct store *s, const struct store_feed *state)
{
	char	*err = NULL;
	int	 rc = -1;

	if (store_begin(s, &err) == 0) {
		if ((rc = store_feed_update(s, state, &err)) == 0 &&
		    store_commit(s, &err) == 0)
			goto out;
		store_rollback(s);
	}
out:
	free(err);
	return rc == 1;
}

/* The store and the feed, for refresh_known. */
struct refresh_known {
	struct store		*s;
	int64_t			 feed;
	size_t			 asked;
	struct store_known	*map;	/* the feed's items, once many asked */
};

/* Items asked of one at a time before the feed's are read at once. */
#define REFRESH_KNOWN_ONE	32
/* Stored items of a feed read at once, at most. */
#define REFRESH_KNOWN_MAX	100000

/*
 * Is the item stored from the same raw digest (no need to make it
 * again)? An error of the store says no: the item is made and looked up
 * as any other.
 */
static int
refresh_known(const char *guid, const char *raw, void *arg)
{
	struct refresh_known	*k = arg;
	char			*err = NULL;
	int			 rc;

	/* A big feed's items: one read of the feed's, not one per item. */
	if (++k->asked == REFRESH_KNOWN_ONE)
		k->map = store_known_load(k->s, k->feed, REFRESH_KNOWN_MAX,
		    &err);
	if (k->map != NULL)
		return store_known_has(k->map, guid, raw);
	free(err);
	err = NULL;
	rc = store_article_known(k->s, k->feed, guid, raw, &err);
	free(err);
	return rc == 1;
}

/*
 * Parse a fetched document as its feed's kind, the items stored as they
 * are left out; 0 or -1 with *err.
 */
static int
refresh_parse(struct store *s, const struct refresh_row *r,
    const struct fetch_result *res, struct feed *f, char **err)
{
	struct refresh_known	k = { s, r->id, 0, NULL };
	int			rc;

	f->known = refresh_known;
	f->known_arg = &k;
	if (r->kind == FEED_KIND_PAGE)
		rc = feed_parse_page(res->data, res->len, r->url, f, err);
	else
		rc = feed_parse(res->data, res->len, res->url != NULL ?
		    res->url : r->url, f, err);
	f->known = NULL;
	f->known_arg = NULL;
	store_known_free(k.map);
	return rc;
}

/* Stop at the first feed listed. */
static int
refresh_stop(const struct store_feed *f, void *arg)
{
	return 1;
}

/*
 * Record a failed fetch (the reason, the old validators, nothing else
 * changed) and report it.
 */
static void
refresh_failed(struct refresh_run *run, const struct refresh_row *r,
    struct store_feed *st, struct feed_sync_event *ev, const char *reason)
{
	st->title = NULL;
	st->kind = FEED_KIND_UNKNOWN;
	st->url = NULL;
	ev->moved = NULL;
	st->etag = r->etag;
	st->last_modified = r->last_modified;
	st->body_hash = r->body_hash;
	st->error = reason;
	ev->status = refresh_state_only(run->s, st) ? FEED_SYNC_REMOVED :
	    FEED_SYNC_FAILED;
	ev->reason = reason;
	feed_sync_report(run->opts, run->t, ev);
}

/* A feed's transfer, and its document read (parsed) before it is written. */
struct refresh_got {
	size_t			 i;
	struct fetch_result	 res;
	struct feed		 f;
	int			 rc;	/* refresh_parse's, or 1: not parsed */
	char			*err;
};

/*
 * Take the result of transfer i from fetch_many (which frees what is
 * left of it) into a new refresh_got.
 */
static struct refresh_got *
refresh_got_new(size_t i, struct fetch_result *res)
{
	struct refresh_got	*g;

	g = xcalloc(1, sizeof *g);
	g->i = i;
	g->res = *res;
	memset(res, 0, sizeof *res);
	feed_parse_init(&g->f);
	g->rc = 1;
	return g;
}

static void
refresh_got_free(struct refresh_got *g)
{
	fetch_result_free(&g->res);
	feed_parse_free(&g->f);
	free(g->err);
	free(g);
}

/*
 * Parse what a transfer brought, unless it failed, is the body stored
 * last, or the run is cancelled; the store s is only looked up (the
 * stored digests of the feed's items). Any thread with its own s.
 */
static void
refresh_read(struct store *s, const struct refresh_row *r,
    struct refresh_got *g, volatile int *cancel)
{
	if (g->res.status != FETCH_OK || (r->body_hash != NULL &&
	    strcmp(g->res.digest, r->body_hash) == 0) ||
	    (cancel != NULL && *cancel))
		return;
	g->rc = refresh_parse(s, r, &g->res, &g->f, &g->err);
	/* What is stored of the document is read: its bytes can go. */
	free(g->res.data);
	g->res.data = NULL;
	g->res.len = 0;
}

/* One feed's transfer is over and read: store what it brought. */
static void
refresh_write(struct refresh_run *run, struct refresh_got *g)
{
	struct refresh_row	*r = &run->l.v[g->i];
	struct fetch_result	*res = &g->res;
	struct feed_sync_event	 ev;
	struct store_feed	 st;
	char			*err = NULL, *title = NULL;
	int			 rc;

	memset(&ev, 0, sizeof ev);
	memset(&st, 0, sizeof st);
	ev.id = st.id = r->id;
	ev.url = r->url;
	ev.title = r->title;
	ev.kind = feed_kind_name(r->kind);
	ev.done = ++run->done;
	ev.total = run->l.n;
	st.fetched = (int64_t)time(NULL);
	st.status = (int)res->http;
	st.etag = r->etag;
	st.last_modified = r->last_modified;
	st.body_hash = r->body_hash;
	/*
	 * Moved for good (301, 308): remember the new address, unless a
	 * feed of the library has it already.
	 */
	if (res->moved != NULL && r->kind != FEED_KIND_PAGE &&
	    strcmp(res->moved, r->url) != 0 && store_feed_list(run->s, 0,
	    res->moved, refresh_stop, NULL, NULL) == 1)
		ev.moved = st.url = res->moved;
	if (res->status == FETCH_ERROR) {
		err = xstrdup(res->error != NULL ? res->error :
		    "the transfer failed (no reason given)");
		goto failed;
	}
	/*
	 * The body whose stories are stored, again (a server without
	 * validators): nothing to parse. Its new validators are kept.
	 */
	if (res->status == FETCH_OK && r->body_hash != NULL &&
	    strcmp(res->digest, r->body_hash) == 0) {
		st.etag = res->etag;
		st.last_modified = res->last_modified;
		ev.same_body = 1;
	}
	if (res->status == FETCH_NOT_MODIFIED || ev.same_body) {
		ev.status = refresh_state_only(run->s, &st) ?
		    FEED_SYNC_REMOVED : FEED_SYNC_NOT_MODIFIED;
		feed_sync_report(run->opts, run->t, &ev);
		return;
	}
	if (g->rc == 1) {
		/* Not read: the run was cancelled. */
		err = xstrdup("cancelled");
		goto failed;
	}
	if (g->rc != 0) {
		err = g->err;
		g->err = NULL;
		goto failed;
	}
	if ((title = feed_sync_title(&g->f)) != NULL)
		ev.title = st.title = title;
	if (g->f.kind != FEED_KIND_UNKNOWN) {
		st.kind = g->f.kind;
		ev.kind = feed_kind_name(g->f.kind);
	}
	st.etag = res->etag;
	st.last_modified = res->last_modified;
	st.body_hash = res->digest;
	if ((rc = refresh_store(run->s, &st, &g->f, r, &ev, &err)) < 0)
		goto failed;
	ev.status = rc == 1 ? FEED_SYNC_REMOVED : FEED_SYNC_FETCHED;
	feed_sync_report(run->opts, run->t, &ev);
	goto out;
failed:
	refresh_failed(run, r, &st, &ev, err);
out:
	free(title);
	free(err);
}

/* One feed's transfer is over: read and store it, on this thread. */
static void
refresh_done(size_t i, struct fetch_result *res, void *arg)
{
	struct refresh_run	*run = arg;
	struct refresh_got	*g;

	g = refresh_got_new(i, res);
	refresh_read(run->s, &run->l.v[i], g, run->opts != NULL ?
	    run->opts->cancel : NULL);
	refresh_write(run, g);
	refresh_got_free(g);
}

/*
 * Several feeds: the transfers and the parsing on a reader thread, which
 * looks the feeds' items up through a second connection of its own (a
 * reader of the WAL: it sees each feed as last committed), while this
 * thread writes the feed read before; one feed waits between them, so at
 * most three are held (one parsed, one handed over, one written) besides
 * the transfers in flight. Feeds are written as they arrive, as before.
 */
struct refresh_pipe {
	pthread_mutex_t		  mu;
	pthread_cond_t		  cv;	/* a feed handed over or taken, or over */
	struct refresh_run	 *run;
	struct store		 *rs;	/* the reader's connection */
	const struct fetch_req	 *reqs;
	struct fetch_options	 *fo;
	struct refresh_got	 *slot;	/* handed over, not yet taken */
	int			  over;
	int			  rv;	/* fetch_many's */
};

/* A transfer is over, on the reader thread: read it and hand it over. */
static void
refresh_ahead(size_t i, struct fetch_result *res, void *arg)
{
	struct refresh_pipe	*p = arg;
	struct refresh_got	*g;

	g = refresh_got_new(i, res);
	refresh_read(p->rs, &p->run->l.v[i], g, p->fo->cancel);
	work_trim();
	pthread_mutex_lock(&p->mu);
	while (p->slot != NULL)
		pthread_cond_wait(&p->cv, &p->mu);
	p->slot = g;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

static void *
refresh_reader(void *arg)
{
	struct refresh_pipe	*p = arg;
	int			 rv;

	rv = fetch_many(p->reqs, p->run->l.n, p->fo, refresh_ahead, p);
	pthread_mutex_lock(&p->mu);
	p->rv = rv;
	p->over = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/*
 * Fetch, read and write the feeds with a reader thread; -1 if it cannot
 * start (nothing done then), else fetch_many's value.
 */
static int
refresh_piped(struct refresh_run *run, const struct fetch_req *reqs,
    struct fetch_options *fo)
{
	struct refresh_pipe	 p;
	struct refresh_got	*g;
	pthread_t		 tid;
	char			*err = NULL;

	memset(&p, 0, sizeof p);
	p.run = run;
	p.reqs = reqs;
	p.fo = fo;
	if ((p.rs = store_open_existing(store_path(run->s), &err)) == NULL) {
		free(err);
		return -1;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	if (pthread_create(&tid, NULL, refresh_reader, &p) != 0) {
		p.rv = -1;
		goto out;
	}
	for (;;) {
		pthread_mutex_lock(&p.mu);
		while (p.slot == NULL && !p.over)
			pthread_cond_wait(&p.cv, &p.mu);
		g = p.slot;
		p.slot = NULL;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		if (g == NULL)
			break;
		refresh_write(run, g);
		refresh_got_free(g);
		work_trim();
	}
	pthread_join(tid, NULL);
	p.rv = p.rv != 0 ? 1 : 0;
out:
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
	store_close(p.rs);
	return p.rv;
}

/* Fetch the feeds asked for into the store. */
int
feed_refresh(struct store *s, const int64_t *ids, size_t n,
    const struct feed_sync_options *opts, struct feed_sync_totals *t,
    char **err)
{
	struct refresh_run	 run;
	struct fetch_req	*reqs;
	struct fetch_options	 fo;
	size_t			 i, j;
	int			 rv = -1;

	memset(t, 0, sizeof *t);
	memset(&run, 0, sizeof run);
	run.s = s;
	run.opts = opts;
	run.t = t;
	if (store_ingest_memory(s, err) != 0)
		goto out;
	if (n == 0) {
		if (store_feed_list(s, 0, NULL, refresh_list_row, &run.l,
		    err) != 0)
			goto out;
		/* Pages are fetched when named; Saved stories never. */
		for (i = j = 0; i < run.l.n; i++) {
			if (run.l.v[i].kind == FEED_KIND_PAGE ||
			    run.l.v[i].kind == FEED_KIND_LOCAL)
				refresh_row_free(&run.l.v[i]);
			else
				run.l.v[j++] = run.l.v[i];
		}
		run.l.n = j;
	} else {
		for (i = 0; i < n; i++)
			if (store_feed_list(s, ids[i], NULL, refresh_list_row,
			    &run.l, err) < 0)
				goto out;
	}
	reqs = xcalloc(run.l.n > 0 ? run.l.n : 1, sizeof *reqs);
	for (i = 0; i < run.l.n; i++) {
		reqs[i].url = run.l.v[i].url;
		reqs[i].etag = run.l.v[i].etag;
		reqs[i].last_modified = run.l.v[i].last_modified;
		reqs[i].max = FEED_MAX_BYTES;
	}
	memset(&fo, 0, sizeof fo);
	fo.cancel = opts != NULL ? opts->cancel : NULL;
	if (opts != NULL && opts->start != NULL)
		opts->start(run.l.n, opts->arg);
	if (run.l.n < 2 || (rv = refresh_piped(&run, reqs, &fo)) < 0)
		rv = fetch_many(reqs, run.l.n, &fo, refresh_done, &run);
	if (rv != 0)
		*err = xstrdup("cancelled");
	free(reqs);
out:
	for (i = 0; i < run.l.n; i++)
		refresh_row_free(&run.l.v[i]);
	free(run.l.v);
	return rv;
}
