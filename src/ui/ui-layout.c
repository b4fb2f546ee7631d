/*
 * The panes' geometry. While no story is open the article list takes the
 * width (browsing); an open story puts the story and the sidebar beside
 * the lists (reading); narrow terminals stack the lists. A pane can be
 * zoomed to the screen, the feed list folded away, the sidebar hidden,
 * and the widths set (set feed-width, list-width, sidebar-width).
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

#define UI_WIDE		100	/* from here the sidebar fits by default */
#define UI_NARROW	80	/* below this the lists stack */
#define UI_LIST_MIN	30	/* the article list keeps this many columns */
#define UI_TEXT_MIN	20	/* and a story this many */

/* The width options, in the order of ui->width_opt. */
enum { W_FEED, W_LIST, W_SIDEBAR, W_COUNT };

/* v kept within lo and hi (lo wins when they cross). */
int
ui_layout_clamp(int v, int lo, int hi)
{
	if (v > hi)
		v = hi;
	return v < lo ? lo : v;
}

/* A width option in columns on a screen W wide; def when it is unset. */
static int
layout_width(struct ui *ui, int which, int W, int def)
{
	int	v = ui->width_opt[which];

	if (v > 0)
		return v;
	if (v < 0)
		return W * -v / 100;
	return def;
}

/* Is the sidebar shown at this width? */
static int
layout_sidebar_fits(struct ui *ui, int w)
{
	if (ui->sidebar < 0)
		return w >= UI_WIDE;
	return ui->sidebar;
}

/*
 * Is a story shown beside the lists? While none is, the article list
 * takes the width, as mutt's index and newsboat's list do.
 */
static int
layout_reading(struct ui *ui)
{
	return ui->reading || ui->quotes.shown || ui->dossier.shown ||
	    ui_feeds_count(ui, STORE_FILTER_ALL) == 0;
}

/* What the layout depends on besides the terminal's size. */
int
ui_layout_sig(struct ui *ui)
{
	return layout_reading(ui) | (ui->feeds_folded << 1) |
	    (ui->zoom ? ((int)ui->focus + 1) << 2 : 0);
}

/* Is a pane drawn (shown, and not hidden by another's zoom)? */
int
ui_layout_visible(struct ui *ui, enum ui_pane p)
{
	return ui->shown[p] && (!ui->zoom || ui->focus == p);
}

/* Place the panes for the terminal's size. */
void
ui_layout(struct ui *ui)
{
	struct ui_rect	*r = ui->r;
	int		 H, W, h, left, side, fh, lh, reading, feeds;

	getmaxyx(stdscr, H, W);
	memset(ui->shown, 0, sizeof ui->shown);
	memset(ui->r, 0, sizeof ui->r);
	ui->too_small = W < UI_MIN_W || H < UI_MIN_H;
	if (ui->too_small)
		return;
	h = H - 1 - ui_hints_shown(ui);	/* the status and hint lines */
	reading = layout_reading(ui);
	feeds = !ui->feeds_folded;
	ui->narrow = W < UI_NARROW;
	side = 0;
	if (reading && layout_sidebar_fits(ui, W)) {
		side = layout_width(ui, W_SIDEBAR, W, W >= UI_WIDE ?
		    (W / 5 > 34 ? 34 : W / 5) : W / 3);
		side = ui_layout_clamp(side, 12, W / 2);
	}
	if (!ui->narrow && !reading) {
		/* Browsing: the feed list beside a wide article list. */
		left = !feeds ? 0 : ui_layout_clamp(layout_width(ui, W_FEED, W,
		    ui_layout_clamp(W / 7, 16, 28)), 8, W - UI_LIST_MIN);
		r[PANE_FEEDS] = (struct ui_rect){ 0, 0, h, left };
		r[PANE_LIST] = (struct ui_rect){ 0, left, h, W - left };
	} else if (!ui->narrow) {
		/* Reading: the lists on the left, the story, the sidebar. */
		left = ui_layout_clamp(layout_width(ui, W_LIST, W,
		    ui_layout_clamp(W / 4, 24, 40)), 12,
		    W - side - UI_TEXT_MIN);
		fh = 0;
		if (feeds) {
			fh = ui_layout_clamp((int)ui->feeds.list.n + 1, 3,
			    h / 3);
			r[PANE_FEEDS] = (struct ui_rect){ 0, 0, fh, left };
		}
		r[PANE_LIST] = (struct ui_rect){ fh, 0, h - fh, left };
		r[PANE_ARTICLE] = (struct ui_rect){ 0, left, h,
		    W - left - side };
		r[PANE_SIDEBAR] = (struct ui_rect){ 0, W - side, h, side };
	} else {
		/* Narrow: the panes stacked, the sidebar beside the story. */
		fh = feeds ? (h / 4 < 3 ? 3 : h / 4) : 0;
		lh = reading ? h / 3 : h - fh;
		r[PANE_FEEDS] = (struct ui_rect){ 0, 0, fh, W };
		r[PANE_LIST] = (struct ui_rect){ fh, 0, lh, W };
		r[PANE_ARTICLE] = (struct ui_rect){ fh + lh, 0,
		    h - fh - lh, W - side };
		r[PANE_SIDEBAR] = (struct ui_rect){ fh + lh, W - side,
		    h - fh - lh, side };
	}
	ui->shown[PANE_FEEDS] = feeds;
	ui->shown[PANE_LIST] = 1;
	ui->shown[PANE_ARTICLE] = reading;
	ui->shown[PANE_SIDEBAR] = side > 0;
	if (!ui->shown[ui->focus])
		ui->focus = reading ? PANE_ARTICLE : PANE_LIST;
	/*
	 * Zoomed: the focused pane takes the screen; the others keep their
	 * geometry (the list its page size) but are not drawn.
	 */
	if (ui->zoom)
		r[ui->focus] = (struct ui_rect){ 0, 0, h, W };
	ui->layout_sig = ui_layout_sig(ui);
}

/* Zoom the focused pane to the whole screen, or back. */
int
ui_op_zoom(struct ui *ui)
{
	char	key[32];

	ui->zoom = !ui->zoom;
	ui_op_key("zoom", key, sizeof key);
	if (ui->zoom && *key != '\0')
		ui_info(ui, "zoomed; %s gives the other panes back", key);
	else
		ui_info(ui, NULL);
	return UI_RELAYOUT | UI_REDRAW;
}

/* Fold the feed list away, or bring it back. */
int
ui_op_toggle_feeds(struct ui *ui)
{
	ui->feeds_folded = !ui->feeds_folded;
	if (ui->feeds_folded && ui->focus == PANE_FEEDS)
		ui->focus = PANE_LIST;
	return UI_RELAYOUT | UI_REDRAW;
}

/* Show or hide the sidebar. */
int
ui_op_toggle_sidebar(struct ui *ui)
{
	ui->sidebar = !layout_sidebar_fits(ui, COLS);
	if (!ui->sidebar && ui->focus == PANE_SIDEBAR)
		ui->focus = PANE_ARTICLE;
	if (!ui->shown[PANE_ARTICLE])
		ui_info(ui, "the sidebar %s beside a story",
		    ui->sidebar ? "shows" : "is hidden");
	return UI_RELAYOUT | UI_REDRAW;
}

/* Rows of content a pane has (under its title line). */
int
ui_layout_rows(struct ui *ui, enum ui_pane p)
{
	return ui->r[p].h - 1 > 0 ? ui->r[p].h - 1 : 0;
}

/* Columns of content (a separator on the right unless at the edge). */
int
ui_layout_cols(struct ui *ui, enum ui_pane p)
{
	return ui->r[p].x + ui->r[p].w < COLS ? ui->r[p].w - 1 : ui->r[p].w;
}
