/*
 * Marking many stories read at once: the listing shown (A, as newsboat's
 * mark-feed-read) or the whole library (mark-all-read). The store does it
 * in one UPDATE of one transaction over the listing's condition, never a
 * row at a time from the screen. It cannot be undone, so past a number of
 * stories (set confirm-mark-read, 50 by default) it asks first.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "plural.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Mark the unread stories of a listing read, asking first when many. */
static int
ui_mark_read(struct ui *ui, const struct store_filter *f, const char *label)
{
	struct store_filter	 g = *f;
	char			*err = NULL, *q;
	int64_t			 n;
	int			 flags = UI_REDRAW, yes;

	g.unread = 1;
	if ((n = store_page_count(ui->store, &g, NULL, &err)) < 0)
		goto fail;
	if (n == 0) {
		ui_message(ui, 0, "no unread stories in %s", label);
		return flags;
	}
	if (ui->confirm_mark_read >= 0 && n > ui->confirm_mark_read) {
		xasprintf(&q, "Mark %lld unread %s in %s read? (y/n)",
		    (long long)n, plural(n, "story", "stories"), label);
		yes = ui_confirm(ui, q);
		free(q);
		if (!yes) {
			ui_message(ui, 0, "nothing marked read");
			return flags | UI_RELAYOUT;
		}
		flags |= UI_RELAYOUT;
	}
	if ((n = store_mark_read(ui->store, f, &err)) < 0)
		goto fail;
	if (ui->art_id != 0)
		flags |= ui_article_reload(ui);
	ui_message(ui, 0, "marked %lld %s read", (long long)n,
	    plural(n, "story", "stories"));
	return flags | UI_FEEDS | UI_LIST;
fail:
	ui_message(ui, 1, "%s", err != NULL ? err : "cannot mark stories read");
	free(err);
	return flags;
}

/* Mark every story of the listing shown read. */
int
ui_op_mark_listing_read(struct ui *ui)
{
	if (ui->filter_label == NULL) {
		ui_message(ui, 1, "no listing to mark read");
		return UI_REDRAW;
	}
	return ui_mark_read(ui, &ui->filter, ui->filter_label);
}

/* Mark every story of the library read. */
int
ui_op_mark_all_read(struct ui *ui)
{
	struct store_filter	f;

	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_ALL;
	return ui_mark_read(ui, &f, "the library");
}
