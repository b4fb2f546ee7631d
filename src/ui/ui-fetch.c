/*
 * Fetching feeds from the screen (R: every feed, or in the feed list the
 * feed under the cursor): a worker thread with its own store
 * connection runs feed_refresh while the screen stays live. The thread
 * publishes its progress under a mutex; the main loop polls it, draws the
 * progress on the status line and, when the thread is done, joins it,
 * reloads the lists and says what came in. Quitting sets the cancel flag
 * (libcurl's transfers are aborted within a tenth of a second) and joins.
 * The thread never touches curses.
 */
#include "config.h"

#include <curses.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "feed-refresh.h"
#include "fetch.h"
#include "plural.h"
#include "store.h"
#include "ui-int.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

#define UI_FETCH_BAR	8	/* cells of the progress bar */

struct ui_fetch {
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	char			*path;		/* the store to open */
	int64_t			 feed;		/* the one feed, or 0: all */
	volatile int		 cancel;

	/* Under lock. */
	size_t			 done;
	size_t			 total;
	int			 started;	/* total is known */
	int			 finished;
	struct feed_sync_totals	 t;
	char			*error;		/* the whole fetch failed */
	char			*failure;	/* the first feed that failed */

	size_t			 shown;		/* done when last drawn */
};

static void
ui_fetch_started(size_t total, void *arg)
{
	struct ui_fetch	*f = arg;

	pthread_mutex_lock(&f->lock);
	f->total = total;
	f->started = 1;
	pthread_mutex_unlock(&f->lock);
}

static void
ui_fetch_report(const struct feed_sync_event *ev, void *arg)
{
	struct ui_fetch	*f = arg;
	char		*url;

	pthread_mutex_lock(&f->lock);
	f->done = ev->done;
	f->total = ev->total;
	if (ev->status == FEED_SYNC_FAILED && f->failure == NULL) {
		url = url_redact(ev->url);
		xasprintf(&f->failure, "%s: %s", ev->title != NULL ?
		    ev->title : url, ev->reason != NULL ? ev->reason :
		    "failed");
		free(url);
	}
	pthread_mutex_unlock(&f->lock);
}

/* The worker: its own connection, the feeds, then say it is done. */
static void *
ui_fetch_main(void *arg)
{
	struct ui_fetch		*f = arg;
	struct feed_sync_options	 opts;
	struct feed_sync_totals	 t;
	struct store		*s;
	char			*err = NULL;

	memset(&t, 0, sizeof t);
	if ((s = store_open(f->path, &err)) != NULL) {
		memset(&opts, 0, sizeof opts);
		opts.cancel = &f->cancel;
		opts.start = ui_fetch_started;
		opts.report = ui_fetch_report;
		opts.arg = f;
		feed_refresh(s, f->feed > 0 ? &f->feed : NULL,
		    f->feed > 0 ? 1 : 0, &opts, &t, &err);
		store_close(s);
	}
	pthread_mutex_lock(&f->lock);
	f->t = t;
	f->error = err;
	f->finished = 1;
	pthread_mutex_unlock(&f->lock);
	return NULL;
}

static void
ui_fetch_free(struct ui_fetch *f)
{
	pthread_mutex_destroy(&f->lock);
	free(f->path);
	free(f->error);
	free(f->failure);
	free(f);
}

/* Start fetching one feed, or every feed (feed 0). */
static int
ui_fetch_begin(struct ui *ui, int64_t feed)
{
	struct ui_fetch	*f;
	sigset_t	 all, old;
	char		*err = NULL;
	int		 rc;

	if (ui->fetch != NULL) {
		pthread_mutex_lock(&ui->fetch->lock);
		ui_info(ui, "already fetching (%zu/%zu)",
		    ui->fetch->done, ui->fetch->total);
		pthread_mutex_unlock(&ui->fetch->lock);
		return UI_REDRAW;
	}
	if (fetch_init(&err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	f = xcalloc(1, sizeof *f);
	f->path = xstrdup(store_path(ui->store));
	f->feed = feed;
	pthread_mutex_init(&f->lock, NULL);
	/* Signals are the main loop's: the thread starts with them blocked. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	rc = pthread_create(&f->thread, NULL, ui_fetch_main, f);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		ui_error(ui, "cannot start fetching: %s", strerror(rc));
		ui_fetch_free(f);
		return UI_REDRAW;
	}
	ui->fetch = f;
	ui_info(ui, NULL);
	return UI_REDRAW;
}

/* Fetch every feed (the operation "fetch"). */
int
ui_fetch_start(struct ui *ui)
{
	return ui_fetch_begin(ui, 0);
}

/* Is this feed Saved stories? */
static int
ui_fetch_local_row(const struct store_feed *f, void *arg)
{
	*(int *)arg = f->kind == FEED_KIND_LOCAL;
	return 1;
}

/*
 * Fetch the feed under the cursor of the feed list, or every feed when
 * the feed list has no focus or its cursor is not on a feed (the
 * operation "fetch-feed").
 */
int
ui_fetch_feed(struct ui *ui)
{
	const struct lib_feed	*e;
	int			 local = 0;

	if (ui->focus != PANE_FEEDS || ui->feeds.cur >= ui->feeds.list.n)
		return ui_fetch_begin(ui, 0);
	e = &ui->feeds.list.v[ui->feeds.cur];
	if (e->heading || e->filter.kind != STORE_FILTER_FEED)
		return ui_fetch_begin(ui, 0);
	if (store_feed_list(ui->store, e->filter.feed, NULL,
	    ui_fetch_local_row, &local, NULL) != 0 || local) {
		ui_info(ui, "Saved stories holds imported stories; "
		    "there is nothing to fetch");
		return UI_REDRAW;
	}
	return ui_fetch_begin(ui, e->filter.feed);
}

/* Wait for the worker and free it. */
static void
ui_fetch_join(struct ui *ui)
{
	pthread_join(ui->fetch->thread, NULL);
	ui_fetch_free(ui->fetch);
	ui->fetch = NULL;
}

/* Look at the worker: redraw on progress, reload when it is done. */
int
ui_fetch_poll(struct ui *ui)
{
	struct ui_fetch		*f = ui->fetch;
	struct feed_sync_totals	 t;
	char			*failure, *msg;
	int			 finished, flags = 0;

	if (f == NULL)
		return 0;
	pthread_mutex_lock(&f->lock);
	finished = f->finished;
	if (f->done != f->shown) {
		f->shown = f->done;
		flags = UI_REDRAW;
	}
	pthread_mutex_unlock(&f->lock);
	if (!finished)
		return flags;
	t = f->t;
	if (f->error != NULL) {
		ui_error(ui, "fetch failed: %s", f->error);
		ui_fetch_join(ui);
		return UI_REDRAW;
	}
	failure = f->failure != NULL ? xstrdup(f->failure) : NULL;
	ui_fetch_join(ui);
	if (t.feeds == 0)
		ui_info(ui, "no feeds to fetch; add one with "
		    "'dossier add URL'");
	else {
		xasprintf(&msg, "fetched %zu %s: %zu new %s%s", t.feeds,
		    plural(t.feeds, "feed", "feeds"), t.added,
		    plural(t.added, "story", "stories"),
		    t.updated > 0 ? ", some updated" : "");
		if (t.failed > 0)
			ui_error(ui, "%s, %zu failed (%s)", msg, t.failed,
			    failure);
		else
			ui_info(ui, "%s", msg);
		free(msg);
	}
	free(failure);
	/* At the top of the list, show the new stories there. */
	if (ui->list.cur == 0)
		ui->list.has_top = 0;
	return UI_FEEDS | UI_LIST | UI_REDRAW;
}

/* Is a fetch running? The main loop then wakes more often. */
int
ui_fetch_busy(struct ui *ui)
{
	return ui->fetch != NULL;
}

/*
 * Draw "fetching 3/12 ▓▓▓░░░" on the status line, ending before column
 * end; returns the columns used (0 when not fetching).
 */
int
ui_fetch_draw(struct ui *ui, int y, int end)
{
	struct ui_fetch	*f = ui->fetch;
	char		*s;
	size_t		 done, total, i, fill;
	int		 started, w, x;

	if (f == NULL)
		return 0;
	pthread_mutex_lock(&f->lock);
	done = f->done;
	total = f->total;
	started = f->started;
	pthread_mutex_unlock(&f->lock);
	fill = total > 0 ? done * UI_FETCH_BAR / total : 0;
	if (started)
		xasprintf(&s, "fetching %zu/%zu ", done, total);
	else
		s = xstrdup("fetching ");
	for (i = 0; i < UI_FETCH_BAR; i++) {
		char *t;

		xasprintf(&t, "%s%s", s, i < fill ? "\xe2\x96\x93" :
		    "\xe2\x96\x91");
		free(s);
		s = t;
	}
	w = ui_width(s, strlen(s));
	x = end - w;
	if (x < 1) {
		free(s);
		return 0;
	}
	ui_put(y, x, w, s, strlen(s), ui->attr[E_STATUS_PROGRESS], NULL,
	    NULL);
	free(s);
	return w + 2;
}

/* Stop a running fetch: abort the transfers, wait for the thread. */
void
ui_fetch_stop(struct ui *ui)
{
	if (ui->fetch == NULL)
		return;
	ui->fetch->cancel = 1;
	ui_fetch_join(ui);
}
