/*
 * Feeds into the library: fetch (fetch.c) a few at once, parse (feed.c),
 * extract each new story's people and quotes, and store each feed's
 * stories in one transaction with its new fetch state, so a feed that
 * fails leaves nothing behind and an interrupted fetch loses no more than
 * the feed in hand. Items already stored are skipped by guid; an item whose
 * text changed is updated in place (store_article_update keeps the user's
 * tags and notes).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "article.h"
#include "extract.h"
#include "feed.h"
#include "feed-discover.h"
#include "feeds.h"
#include "fetch.h"
#include "hash.h"
#include "import.h"
#include "store.h"
#include "url.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* A feed as read from the store, owned. */
struct feeds_row {
	int64_t		 id;
	char		*url;
	char		*title;
	enum feed_kind	 kind;
	char		*etag;
	char		*last_modified;
	char		**tags;		/* given to each new story */
	size_t		 ntags;
};

struct feeds_list {
	struct feeds_row	*v;
	size_t			 n;
};

/* One item on its way to the store. */
struct feeds_item {
	struct article	*a;
	char		 hash[65];
	int		 state;		/* 0 new, 1 same, 2 changed */
	int64_t		 id;		/* stored id when state != 0 */
	struct extract	 x;
	int		 extracted;
};

/* The run of feeds_fetch: the rows, the options, the totals. */
struct feeds_run {
	struct store			*s;
	struct feeds_list		 l;
	const struct feeds_options	*opts;
	struct feeds_totals		*t;
	size_t				 done;
};

static void
feeds_row_free(struct feeds_row *r)
{
	free(r->url);
	free(r->title);
	free(r->etag);
	free(r->last_modified);
	while (r->ntags > 0)
		free(r->tags[--r->ntags]);
	free(r->tags);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Keep a feed row read from the store. */
static int
feeds_list_row(const struct store_feed *f, void *arg)
{
	struct feeds_list	*l = arg;
	struct feeds_row	*r;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	r = &l->v[l->n++];
	r->id = f->id;
	r->url = xstrdup(f->url);
	r->title = dup_or_null(f->title);
	r->kind = f->kind;
	r->etag = dup_or_null(f->etag);
	r->last_modified = dup_or_null(f->last_modified);
	r->tags = xcalloc(f->ntags + 1, sizeof *r->tags);
	for (r->ntags = 0; r->ntags < f->ntags; r->ntags++)
		r->tags[r->ntags] = xstrdup(f->tags[r->ntags]);
	return 0;
}

/* The content hash of an item: what a reader sees of it. */
static void
feeds_hash(const struct article *a, char hex[65])
{
	struct hash	h;
	const char	*parts[5];
	size_t		i;

	parts[0] = a->url;
	parts[1] = a->title;
	parts[2] = a->byline;
	parts[3] = a->lead;
	parts[4] = a->body;
	hash_init(&h);
	for (i = 0; i < 5; i++) {
		if (parts[i] != NULL)
			hash_update(&h, parts[i], strlen(parts[i]));
		hash_update(&h, "\x1f", 1);
	}
	hash_hex(&h, hex);
}

static void
feeds_items_free(struct feeds_item *it, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (it[i].extracted)
			extract_free(&it[i].x);
	free(it);
}

/*
 * Look each item up (feed 0: a new feed, every item is new), give the new
 * ones the feed's tags, and extract the people and quotes of those to be
 * written, before the write lock is taken. Returns the items, or NULL
 * with *err.
 */
static struct feeds_item *
feeds_prepare(struct store *s, int64_t feed, struct article *items,
    size_t n, char *const *tags, size_t ntags, char **err)
{
	struct feeds_item	*it;
	size_t			 i, j;
	int			 rc;

	it = xcalloc(n > 0 ? n : 1, sizeof *it);
	for (i = 0; i < n; i++) {
		it[i].a = &items[i];
		if (items[i].guid == NULL) {
			it[i].state = 1;	/* no identity: cannot keep it */
			continue;
		}
		feeds_hash(&items[i], it[i].hash);
		rc = feed == 0 ? 0 : store_article_lookup(s, feed,
		    items[i].guid, it[i].hash, &it[i].id, err);
		if (rc < 0) {
			feeds_items_free(it, i);
			return NULL;
		}
		it[i].state = rc;
		if (rc == 1)
			continue;
		for (j = 0; j < ntags && rc == 0; j++)
			article_add_tag(&items[i], tags[j], strlen(tags[j]));
		if (items[i].body != NULL) {
			extract_run(&it[i].x, items[i].body,
			    items[i].body_len);
			extract_compact(&it[i].x);
			it[i].extracted = 1;
		}
	}
	return it;
}

/* Count the addresses dropped from a story that is written. */
static void
feeds_count_dropped(struct feeds_event *ev, const struct article *a)
{
	ev->dropped += a->ndropped;
	if (ev->dropped_first == NULL)
		ev->dropped_first = a->dropped;
}

/*
 * Write the feed's fetch state and the prepared items inside the open
 * batch. Returns 0 with the counts in ev (added, updated, dropped), 1 if
 * the feed is gone (removed since the fetch began), or -1 with *err; the
 * caller rolls back.
 */
static int
feeds_write(struct store *s, const struct store_feed *state,
    struct feeds_item *it, size_t n, struct feeds_event *ev, char **err)
{
	size_t	i;
	int	rc;

	ev->added = ev->updated = ev->dropped = 0;
	ev->dropped_first = NULL;
	if ((rc = store_feed_update(s, state, err)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (it[i].state == 1)
			continue;
		if (it[i].state == 2) {
			if (store_article_update(s, it[i].id, it[i].a,
			    it[i].hash, it[i].extracted ? &it[i].x : NULL,
			    err) != 0)
				return -1;
			ev->updated++;
			feeds_count_dropped(ev, it[i].a);
			continue;
		}
		rc = store_article_add(s, state->id, it[i].a, it[i].hash,
		    it[i].extracted ? &it[i].x : NULL, err);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			ev->added++;
			feeds_count_dropped(ev, it[i].a);
		}
	}
	return 0;
}

/*
 * Store a feed's items in one transaction with its fetch state. Returns 0
 * with the counts, 1 if the feed is gone, or -1 with *err; nothing is
 * stored unless 0.
 */
static int
feeds_store(struct store *s, const struct store_feed *state,
    struct article *items, size_t n, const struct feeds_row *r,
    struct feeds_event *ev, char **err)
{
	struct feeds_item	*it;
	int			 rc, rv = -1;

	ev->added = ev->updated = ev->dropped = 0;
	if ((it = feeds_prepare(s, state->id, items, n, r->tags, r->ntags,
	    err)) == NULL)
		return -1;
	if (store_begin(s, err) != 0)
		goto out;
	if ((rc = feeds_write(s, state, it, n, ev, err)) != 0 ||
	    store_commit(s, err) != 0) {
		store_rollback(s);
		ev->added = ev->updated = ev->dropped = 0;
		ev->dropped_first = NULL;
		rv = rc == 1 ? 1 : -1;
		goto out;
	}
	rv = 0;
out:
	feeds_items_free(it, n);
	return rv;
}

/*
 * A page as one story: its guid is its address. The address, less any
 * user and password, is the story's until the page names its canonical
 * one, so that the page's relative links resolve against it.
 */
static int
feeds_page(const char *data, size_t len, const char *url, struct feed *f,
    char **err)
{
	struct article	*a;

	f->items = xcalloc(1, sizeof *f->items);
	a = &f->items[0];
	article_init(a);
	f->nitems = 1;
	article_set_url(a, url, strlen(url));
	if (import_html_parse(data, len, a, err) != 0)
		return -1;
	if (a->title == NULL && a->body == NULL) {
		*err = xstrdup("no story found on the page");
		return -1;
	}
	free(a->guid);
	a->guid = xstrdup(url);
	if (a->url == NULL)
		article_set_url(a, url, strlen(url));
	f->title = dup_or_null(a->title);
	return 0;
}

/* Record a failed or unchanged fetch: the state only. 1 if the feed is gone. */
static int
feeds_state_only(struct store *s, const struct store_feed *state)
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

static void
feeds_report(const struct feeds_options *opts, struct feeds_totals *t,
    struct feeds_event *ev)
{
	t->feeds++;
	switch (ev->status) {
	case FEEDS_FETCHED:
		t->added += ev->added;
		t->updated += ev->updated;
		break;
	case FEEDS_NOT_MODIFIED:
		t->not_modified++;
		break;
	case FEEDS_EXISTS:
		break;
	case FEEDS_FAILED:
		t->failed++;
		break;
	case FEEDS_REMOVED:
		break;
	}
	if (opts != NULL && opts->report != NULL)
		opts->report(ev, opts->arg);
}

/* Parse a fetched document as its feed's kind; 0 or -1 with *err. */
static int
feeds_parse(const struct feeds_row *r, const struct fetch_result *res,
    struct feed *f, char **err)
{
	if (r->kind == FEED_KIND_PAGE)
		return feeds_page(res->data, res->len, r->url, f, err);
	return feed_parse(res->data, res->len, res->url != NULL ? res->url :
	    r->url, f, err);
}

/* Stop at the first feed listed. */
static int
feeds_stop(const struct store_feed *f, void *arg)
{
	return 1;
}

/* One feed's transfer is over: store what it brought. */
static void
feeds_done(size_t i, struct fetch_result *res, void *arg)
{
	struct feeds_run	*run = arg;
	struct feeds_row	*r = &run->l.v[i];
	struct feeds_event	 ev;
	struct store_feed	 st;
	struct feed		 f;
	char			*err = NULL, *title = NULL;
	int			 rc;

	memset(&ev, 0, sizeof ev);
	memset(&st, 0, sizeof st);
	feed_init(&f);
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
	/*
	 * Moved for good (301, 308): remember the new address, unless a
	 * feed of the library has it already.
	 */
	if (res->moved != NULL && r->kind != FEED_KIND_PAGE &&
	    strcmp(res->moved, r->url) != 0 && store_feed_list(run->s, 0,
	    res->moved, feeds_stop, NULL, NULL) == 1)
		ev.moved = st.url = res->moved;
	if (res->status == FETCH_ERROR) {
		err = xstrdup(res->error != NULL ? res->error :
		    "the transfer failed (no reason given)");
		goto failed;
	}
	if (res->status == FETCH_NOT_MODIFIED) {
		ev.status = feeds_state_only(run->s, &st) ? FEEDS_REMOVED :
		    FEEDS_NOT_MODIFIED;
		feeds_report(run->opts, run->t, &ev);
		return;
	}
	if (run->opts != NULL && run->opts->cancel != NULL &&
	    *run->opts->cancel) {
		err = xstrdup("cancelled");
		goto failed;
	}
	if (feeds_parse(r, res, &f, &err) != 0)
		goto failed;
	if (f.title != NULL)
		title = utf8_clean_line(f.title, strlen(f.title));
	if (title != NULL && *title != '\0')
		ev.title = st.title = title;
	if (f.kind != FEED_KIND_UNKNOWN) {
		st.kind = f.kind;
		ev.kind = feed_kind_name(f.kind);
	}
	st.etag = res->etag;
	st.last_modified = res->last_modified;
	if ((rc = feeds_store(run->s, &st, f.items, f.nitems, r, &ev,
	    &err)) < 0)
		goto failed;
	ev.status = rc == 1 ? FEEDS_REMOVED : FEEDS_FETCHED;
	feeds_report(run->opts, run->t, &ev);
	goto out;
failed:
	st.title = NULL;
	st.kind = FEED_KIND_UNKNOWN;
	st.url = NULL;
	ev.moved = NULL;
	st.etag = r->etag;
	st.last_modified = r->last_modified;
	st.error = err;
	ev.status = feeds_state_only(run->s, &st) ? FEEDS_REMOVED :
	    FEEDS_FAILED;
	ev.reason = err;
	feeds_report(run->opts, run->t, &ev);
out:
	free(title);
	free(err);
	feed_free(&f);
}

int
feeds_fetch(struct store *s, const int64_t *ids, size_t n,
    const struct feeds_options *opts, struct feeds_totals *t, char **err)
{
	struct feeds_run	 run;
	struct fetch_req	*reqs;
	struct fetch_options	 fo;
	size_t			 i, j;
	int			 rv = -1;

	memset(t, 0, sizeof *t);
	memset(&run, 0, sizeof run);
	run.s = s;
	run.opts = opts;
	run.t = t;
	if (n == 0) {
		if (store_feed_list(s, 0, NULL, feeds_list_row, &run.l,
		    err) != 0)
			goto out;
		/* Pages are fetched when named; Saved stories never. */
		for (i = j = 0; i < run.l.n; i++) {
			if (run.l.v[i].kind == FEED_KIND_PAGE ||
			    run.l.v[i].kind == FEED_KIND_LOCAL)
				feeds_row_free(&run.l.v[i]);
			else
				run.l.v[j++] = run.l.v[i];
		}
		run.l.n = j;
	} else {
		for (i = 0; i < n; i++)
			if (store_feed_list(s, ids[i], NULL, feeds_list_row,
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
	rv = fetch_many(reqs, run.l.n, &fo, feeds_done, &run);
	if (rv != 0)
		*err = xstrdup("cancelled");
	free(reqs);
out:
	for (i = 0; i < run.l.n; i++)
		feeds_row_free(&run.l.v[i]);
	free(run.l.v);
	return rv;
}

/* Is a fetched document an HTML page? */
static int
feeds_is_html(const struct fetch_result *res)
{
	if (res->content_type != NULL)
		return strncasecmp(res->content_type, "text/html", 9) == 0 ||
		    strncasecmp(res->content_type, "application/xhtml", 17) == 0;
	return import_sniff(NULL, res->data, res->len) == IMPORT_HTML;
}

/* Why a fetch for add brought no document. */
static const char *
feeds_add_why(const struct fetch_result *res)
{
	if (res->error != NULL)
		return res->error;
	if (res->status == FETCH_NOT_MODIFIED)
		return "the server answered 304 Not Modified: there is no "
		    "document to read";
	return "the transfer failed (no reason given)";
}

/* Report a failed add. */
static void
feeds_add_failed(const struct feeds_options *opts, struct feeds_totals *t,
    const char *url, const char *reason)
{
	struct feeds_event	ev;

	memset(&ev, 0, sizeof ev);
	ev.url = url;
	ev.status = FEEDS_FAILED;
	ev.reason = reason;
	ev.done = ev.total = 1;
	feeds_report(opts, t, &ev);
}

/* Report a feed that is there already. */
static int
feeds_add_exists(const struct store_feed *f, void *arg)
{
	struct feeds_event	*ev = arg;

	ev->id = f->id;
	ev->title = f->title;
	ev->kind = feed_kind_name(f->kind);
	ev->status = FEEDS_EXISTS;
	ev->done = ev->total = 1;
	return 1;
}

/*
 * Is the feed at url in the store? 1 and reported, 0 no, -1 error. A
 * feed that is there gets the tags asked for (its stories do not).
 */
static int
feeds_known(struct store *s, const char *url,
    const struct feeds_options *opts, struct feeds_totals *t, char **err)
{
	struct feeds_event	ev;
	int			rc;

	memset(&ev, 0, sizeof ev);
	ev.url = url;
	rc = store_feed_list(s, 0, url, feeds_add_exists, &ev, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (opts != NULL && opts->ntags > 0) {
		if (store_begin(s, err) != 0)
			return -1;
		if ((rc = store_feed_tag(s, ev.id, opts->tags, opts->ntags,
		    err)) < 0 || store_commit(s, err) != 0) {
			store_rollback(s);
			return -1;
		}
		ev.tagged = (size_t)rc;
	}
	feeds_report(opts, t, &ev);
	return 1;
}

void
feeds_add(struct store *s, const char *given,
    const struct feeds_options *opts, struct feeds_totals *t)
{
	struct fetch_req	 req;
	struct fetch_result	 res;
	struct fetch_options	 fo;
	struct feeds_event	 ev;
	struct store_feed	 st;
	struct feed		 f;
	struct feeds_item	*it = NULL;
	char			*err = NULL, *feed_url = NULL, *title = NULL;
	char			*norm = NULL, *found, *shown;
	const char		*url = given;
	enum feed_kind		 kind;
	int64_t			 id;
	int			 rc;

	memset(&res, 0, sizeof res);
	memset(&fo, 0, sizeof fo);
	fo.cancel = opts != NULL ? opts->cancel : NULL;
	feed_init(&f);
	if (fetch_url_check(url, &err) != 0)
		goto failed;
	/* One spelling of an address, so a feed is never added twice. */
	if ((norm = fetch_url_normalize(given)) != NULL)
		url = norm;
	if ((rc = feeds_known(s, url, opts, t, &err)) != 0)
		goto done;
	memset(&req, 0, sizeof req);
	req.url = url;
	req.max = FEED_MAX_BYTES;
	fetch_one(&req, &fo, &res);
	if (res.status != FETCH_OK) {
		err = xstrdup(feeds_add_why(&res));
		goto failed;
	}
	feed_url = xstrdup(res.moved != NULL ? res.moved : url);
	if (res.len == 0) {
		xasprintf(&err, "the server sent an empty document (HTTP %ld)",
		    res.http);
		goto failed;
	}
	if (feed_sniff(res.data, res.len, res.content_type) == FEED_KIND_UNKNOWN) {
		if (!feeds_is_html(&res)) {
			xasprintf(&err, "neither a feed nor an HTML page (%s)",
			    res.content_type != NULL ? res.content_type :
			    "no content type");
			goto failed;
		}
		free(feed_url);
		feed_url = feed_discover(res.data, res.len, res.url != NULL ?
		    res.url : url);
		if (feed_url != NULL &&
		    (found = fetch_url_normalize(feed_url)) != NULL) {
			free(feed_url);
			feed_url = found;
		}
		if (feed_url == NULL) {
			/* A page without a feed: keep it as one story. */
			feed_url = xstrdup(url);
			if (feeds_page(res.data, res.len, url, &f, &err) != 0)
				goto failed;
			kind = FEED_KIND_PAGE;
			goto store;
		}
		if ((rc = feeds_known(s, feed_url, opts, t, &err)) != 0)
			goto done;
		fetch_result_free(&res);
		req.url = feed_url;
		fetch_one(&req, &fo, &res);
		if (res.status != FETCH_OK) {
			shown = url_redact(feed_url);
			xasprintf(&err, "the page's feed %s: %s", shown,
			    feeds_add_why(&res));
			free(shown);
			goto failed;
		}
		if (res.moved != NULL) {
			free(feed_url);
			feed_url = xstrdup(res.moved);
		}
	}
	if (feed_parse(res.data, res.len, res.url != NULL ? res.url :
	    feed_url, &f, &err) != 0)
		goto failed;
	kind = f.kind;
store:
	if (f.title != NULL)
		title = utf8_clean_line(f.title, strlen(f.title));
	if (title != NULL && *title == '\0') {
		free(title);
		title = NULL;
	}
	/* The feed row, its tags, stories and state in one transaction. */
	if ((it = feeds_prepare(s, 0, f.items, f.nitems, opts != NULL ?
	    opts->tags : NULL, opts != NULL ? opts->ntags : 0, &err)) == NULL)
		goto failed;
	if (store_begin(s, &err) != 0)
		goto failed;
	if ((rc = store_feed_add(s, feed_url, title, kind, &id, &err)) != 0) {
		store_rollback(s);
		if (rc == 1 && (rc = feeds_known(s, feed_url, opts, t,
		    &err)) == 1)
			goto done;
		goto failed;
	}
	if (opts != NULL && store_feed_tag(s, id, opts->tags, opts->ntags,
	    &err) < 0) {
		store_rollback(s);
		goto failed;
	}
	memset(&st, 0, sizeof st);
	st.id = id;
	st.title = title;
	st.kind = kind;
	st.etag = res.etag;
	st.last_modified = res.last_modified;
	st.fetched = (int64_t)time(NULL);
	st.status = (int)res.http;
	memset(&ev, 0, sizeof ev);
	if (feeds_write(s, &st, it, f.nitems, &ev, &err) != 0 ||
	    store_commit(s, &err) != 0) {
		store_rollback(s);
		goto failed;
	}
	ev.id = id;
	ev.url = feed_url;
	ev.title = title;
	ev.kind = feed_kind_name(kind);
	ev.status = FEEDS_FETCHED;
	ev.done = ev.total = 1;
	feeds_report(opts, t, &ev);
	goto done;
failed:
	feeds_add_failed(opts, t, url, err != NULL ? err : "cannot add");
done:
	if (it != NULL)
		feeds_items_free(it, f.nitems);
	free(err);
	free(title);
	free(feed_url);
	free(norm);
	feed_free(&f);
	fetch_result_free(&res);
}
