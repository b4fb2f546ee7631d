/*
 * Keys: the table of operations a key can run (name, handler, what it
 * does), which the help, the bindings and the config read and 'dossier
 * help --keys' prints, and running the operation bound to a key (ui_key).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "plural.h"
#include "store.h"
#include "ui.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

static int	op_down(struct ui *);
static int	op_up(struct ui *);
static int	op_page_down(struct ui *);
static int	op_page_up(struct ui *);
static int	op_half_page_down(struct ui *);
static int	op_half_page_up(struct ui *);
static int	op_top(struct ui *);
static int	op_bottom(struct ui *);
static int	op_focus_next(struct ui *);
static int	op_focus_prev(struct ui *);
static int	op_open(struct ui *);
static int	op_quit(struct ui *);
static int	op_back(struct ui *);
static int	op_hard_quit(struct ui *);
static int	op_help(struct ui *);
static int	op_next_unread(struct ui *);
static int	op_prev_unread(struct ui *);
static int	op_toggle_read(struct ui *);
static int	op_toggle_star(struct ui *);
static int	op_toggle_sidebar(struct ui *);
static int	op_open_link(struct ui *);
static int	op_command(struct ui *);
static int	op_redraw(struct ui *);

/* Every operation a key can run. */
static const struct ui_op {
	const char	*name;
	int		(*fn)(struct ui *);
	const char	*desc;
} ui_ops[] = {
	{ "down", op_down, "move down, or scroll the story down" },
	{ "up", op_up, "move up, or scroll the story up" },
	{ "page-down", op_page_down, "move or scroll one page down" },
	{ "page-up", op_page_up, "move or scroll one page up" },
	{ "half-page-down", op_half_page_down,
	  "move or scroll half a page down" },
	{ "half-page-up", op_half_page_up, "move or scroll half a page up" },
	{ "top", op_top, "go to the first item, or the story's top" },
	{ "bottom", op_bottom, "go to the last item, or the story's end" },
	{ "focus-next", op_focus_next, "move the focus to the next pane" },
	{ "focus-prev", op_focus_prev, "move the focus to the previous pane" },
	{ "open", op_open, "open the selected feed, story, name or quote" },
	{ "quit", op_quit, "go back; from the lists, quit" },
	{ "back", op_back, "go back as quit does, but never quit" },
	{ "hard-quit", op_hard_quit, "quit from any pane or view at once" },
	{ "help", op_help, "show the keys and commands" },
	{ "search", ui_search_op, "search the library (see dossier(1))" },
	{ "next-unread", op_next_unread, "open the next unread story" },
	{ "prev-unread", op_prev_unread, "open the previous unread story" },
	{ "toggle-read", op_toggle_read, "mark the story read or unread" },
	{ "toggle-star", op_toggle_star, "star or unstar the story" },
	{ "mark-list-read", ui_op_mark_listing_read,
	  "mark every story of the listing shown read (asks when many)" },
	{ "mark-all-read", ui_op_mark_all_read,
	  "mark every story of the library read (asks when many)" },
	{ "toggle-sidebar", op_toggle_sidebar,
	  "show or hide the people & quotes sidebar" },
	{ "open-link", op_open_link,
	  "open the story's address with $BROWSER or xdg-open; after "
	  "a number N, link [N] of the story" },
	{ "command", op_command,
	  "type a command, as in the config file" },
	{ "redraw", op_redraw, "redraw the screen" },
	{ "fetch", ui_fetch_start,
	  "fetch every feed in the background" },
	{ "fetch-feed", ui_fetch_feed,
	  "in the feed list, fetch the feed under the cursor; elsewhere "
	  "every feed" },
	{ "tag", ui_op_tag, "edit the story's tags (a line, space between)" },
	{ "annotate", ui_op_annotate,
	  "note on the selection, marked quote or story; edit one" },
	{ "select", ui_op_select,
	  "select lines of the story from the top one in view" },
	{ "zoom", ui_op_zoom,
	  "make the focused pane fill the screen, or give the others back" },
	{ "toggle-feeds", ui_op_toggle_feeds,
	  "fold the feed list away, or bring it back" },
};
#define UI_NOPS (sizeof ui_ops / sizeof ui_ops[0])

/* Find an operation by name; -1 if there is none. */
int
ui_op_find(const char *name, size_t *op)
{
	size_t	i;

	for (i = 0; i < UI_NOPS; i++) {
		if (strcmp(ui_ops[i].name, name) == 0) {
			*op = i;
			return 0;
		}
	}
	return -1;
}

/* The operations, for the help screen: name and description of op i. */
size_t
ui_op_count(void)
{
	return UI_NOPS;
}

const char *
ui_op_name(size_t i)
{
	return ui_ops[i].name;
}

const char *
ui_op_desc(size_t i)
{
	return ui_ops[i].desc;
}

/* Run operation op on the screen; its UI_* flags. */
int
ui_op_run(struct ui *ui, size_t op)
{
	return ui_ops[op].fn(ui);
}

/* Print the operation table with the default keys (dossier help --keys). */
void
ui_keys_print(FILE *f)
{
	char	 keys[128];
	size_t	 i;

	ui_bindings_init(NULL);
	for (i = 0; i < ui_op_count(); i++) {
		ui_bindings_keys(i, keys, sizeof keys);
		fprintf(f, "%-16s %-20s %s\n", ui_op_name(i),
		    *keys != '\0' ? keys : "(unbound)", ui_op_desc(i));
	}
	ui_bindings_free();
}

/* The first key bound to an operation, for hints on the screen. */
void
ui_op_key(const char *name, char *out, size_t len)
{
	size_t	op, o, i;
	int	table, key;

	*out = '\0';
	if (ui_op_find(name, &op) != 0)
		return;
	for (i = 0; ui_bindings_get(i, &table, &key, &o) == 0; i++) {
		if (o == op) {
			ui_key_name(key, out, len);
			return;
		}
	}
}

/* Which pane's rows a move acts on. */
static int
ui_move(struct ui *ui, int d)
{
	switch (ui->focus) {
	case PANE_FEEDS:
		return ui_feeds_move(ui, d);
	case PANE_LIST:
		return ui_list_move(ui, d);
	case PANE_ARTICLE:
		if (ui->quotes_view)
			return ui_quotes_move(ui, d);
		if (ui->selecting)
			return ui_select_move(ui, d);
		return ui_article_scroll(ui, d);
	case PANE_SIDEBAR:
		return ui_sidebar_move(ui, d);
	default:
		return 0;
	}
}

/* A page of the focused pane. */
static int
ui_page(struct ui *ui)
{
	int	h = ui->r[ui->focus].h - 2;

	if (ui->focus == PANE_ARTICLE && ui->quotes_view)
		h /= 4;
	return h > 1 ? h : 1;
}

/* The number typed before the key, or 1: "5j" moves five rows. */
static int
ui_times(struct ui *ui)
{
	return ui->count > 0 ? ui->count : 1;
}

/* Move down in the focused pane. */
static int
op_down(struct ui *ui)
{
	return ui_move(ui, ui_times(ui));
}

/* Move up in the focused pane. */
static int
op_up(struct ui *ui)
{
	return ui_move(ui, -ui_times(ui));
}

/* Move a page down in the focused pane. */
static int
op_page_down(struct ui *ui)
{
	return ui_move(ui, ui_page(ui) * ui_times(ui));
}

/* Move a page up in the focused pane. */
static int
op_page_up(struct ui *ui)
{
	return ui_move(ui, -ui_page(ui) * ui_times(ui));
}

/* Half a page of the focused pane, at least one row. */
static int
ui_half_page(struct ui *ui)
{
	int	h = ui_page(ui) / 2;

	return h > 1 ? h : 1;
}

/* Move half a page down, as C-d in vi. */
static int
op_half_page_down(struct ui *ui)
{
	return ui_move(ui, ui_half_page(ui) * ui_times(ui));
}

/* Move half a page up, as C-u in vi. */
static int
op_half_page_up(struct ui *ui)
{
	return ui_move(ui, -ui_half_page(ui) * ui_times(ui));
}

/* The first or last item of the focused pane. */
static int
ui_edge(struct ui *ui, int bottom)
{
	switch (ui->focus) {
	case PANE_FEEDS:
		return ui_feeds_move(ui, bottom ? 0x7fff : -0x7fff);
	case PANE_LIST:
		return ui_list_edge(ui, bottom);
	case PANE_ARTICLE:
		if (ui->quotes_view)
			return ui_quotes_move(ui, bottom ?
			    (int)ui->quotes.n : -(int)ui->quotes.n);
		return ui_article_edge(ui, bottom);
	default:
		return ui_sidebar_move(ui, bottom ?
		    (int)ui->ents.n : -(int)ui->ents.n);
	}
}

/* Go to the focused pane's first item. */
static int
op_top(struct ui *ui)
{
	return ui_edge(ui, 0);
}

/* Go to the focused pane's last item. */
static int
op_bottom(struct ui *ui)
{
	return ui_edge(ui, 1);
}

/* Move the focus to the next shown pane in a direction. */
static int
ui_focus_step(struct ui *ui, int d)
{
	int	p = (int)ui->focus, i;

	for (i = 0; i < NPANES; i++) {
		p = (p + d + NPANES) % NPANES;
		if (ui->shown[p])
			break;
	}
	ui->focus = (enum ui_pane)p;
	return UI_REDRAW;
}

/* Focus the next pane. */
static int
op_focus_next(struct ui *ui)
{
	return ui_focus_step(ui, 1);
}

/* Focus the previous pane. */
static int
op_focus_prev(struct ui *ui)
{
	return ui_focus_step(ui, -1);
}

/* Open what the focused pane has selected. */
static int
op_open(struct ui *ui)
{
	int64_t	id;
	int	flags;

	switch (ui->focus) {
	case PANE_FEEDS:
		ui->focus = PANE_LIST;
		ui->reading = 0;	/* a listing to browse, wide */
		ui->from_feeds = 1;	/* quit goes back to the feed list */
		return ui_feed_select(ui) | UI_RELAYOUT | UI_REDRAW;
	case PANE_LIST:
		if ((id = ui_list_current(ui)) == 0)
			return 0;
		flags = ui_article_open(ui, id);
		ui->focus = PANE_ARTICLE;
		return flags;
	case PANE_ARTICLE:
		return ui->quotes_view ? ui_quotes_enter(ui) : 0;
	case PANE_SIDEBAR:
		return ui_sidebar_enter(ui);
	default:
		return 0;
	}
}

/* Go back one step; from the lists, quit. */
static int
op_quit(struct ui *ui)
{
	if (ui->help) {
		ui->help = 0;
		return UI_REDRAW;
	}
	if (ui->selecting && ui->focus == PANE_ARTICLE)
		return ui_select_drop(ui);
	if (ui->quotes_view && ui->focus == PANE_ARTICLE)
		return ui_quotes_close(ui);
	if (ui->focus == PANE_ARTICLE && ui->quotes_back) {
		ui->quotes_back = 0;
		ui->quotes_view = 1;
		return UI_REDRAW;
	}
	/* Close the story: the article list takes the width again. */
	if (ui->focus == PANE_ARTICLE || ui->focus == PANE_SIDEBAR ||
	    ui->reading) {
		ui->focus = PANE_LIST;
		ui->reading = ui->quotes_view = ui->quotes_back = 0;
		return UI_RELAYOUT | UI_REDRAW;
	}
	/* A listing chosen in the feed list: back to the feed list. */
	if (!ui->back.valid && ui->focus == PANE_LIST && ui->from_feeds &&
	    ui->shown[PANE_FEEDS]) {
		ui->focus = PANE_FEEDS;
		return UI_REDRAW;
	}
	return ui_search_back(ui);	/* UI_QUIT if nothing to go back to */
}

/*
 * Go back as quit does, but never quit: where quit would end the program
 * (the lists, nothing to go back to), the article list hands the focus
 * to the feed list and the feed list stays.
 */
static int
op_back(struct ui *ui)
{
	if (!ui->help && !ui->back.valid &&
	    (ui->focus == PANE_LIST || ui->focus == PANE_FEEDS)) {
		if (ui->focus == PANE_LIST && ui->shown[PANE_FEEDS]) {
			ui->focus = PANE_FEEDS;
			return UI_REDRAW;
		}
		return 0;
	}
	return op_quit(ui) & ~UI_QUIT;
}

/* Quit from wherever the screen is, with no step back. */
static int
op_hard_quit(struct ui *ui)
{
	(void)ui;
	return UI_QUIT;
}

/* Show or hide the help screen. */
static int
op_help(struct ui *ui)
{
	ui->help = !ui->help;
	ui->help_top = 0;
	return UI_REDRAW;
}

/* Open the next unread story. */
static int
op_next_unread(struct ui *ui)
{
	return ui_list_find_unread(ui, 1);
}

/* Open the previous unread story. */
static int
op_prev_unread(struct ui *ui)
{
	return ui_list_find_unread(ui, -1);
}

/* The story a flag key acts on: the open one, else the selected one. */
static int64_t
ui_target(struct ui *ui, int *read, int *starred)
{
	if (ui->art_id != 0 && ui->focus != PANE_LIST &&
	    ui->focus != PANE_FEEDS) {
		*read = ui->art.read;
		*starred = ui->art.starred;
		return ui->art_id;
	}
	if (ui->cur < ui->rows.n) {
		*read = ui->rows.v[ui->cur].read;
		*starred = ui->rows.v[ui->cur].starred;
		return ui->rows.v[ui->cur].key.id;
	}
	return 0;
}

/* Toggle one flag of the target story. */
static int
ui_toggle(struct ui *ui, int star)
{
	char	*err = NULL;
	int64_t	 id;
	int	 read, starred, rv;

	if ((id = ui_target(ui, &read, &starred)) == 0) {
		ui_message(ui, 1, "choose a story first");
		return UI_REDRAW;
	}
	if (star)
		rv = store_set_starred(ui->store, id, !starred, &err);
	else
		rv = store_set_read(ui->store, id, !read, &err);
	if (rv != 0) {
		ui_message(ui, 1, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	if (id == ui->art_id) {
		if (star)
			ui->art.starred = !starred;
		else
			ui->art.read = !read;
	}
	ui_message(ui, 0, "%s", star ? (starred ? "unstarred" : "starred") :
	    (read ? "marked unread" : "marked read"));
	return UI_FEEDS | UI_LIST | UI_REDRAW;
}

/* Toggle the story's read flag. */
static int
op_toggle_read(struct ui *ui)
{
	return ui_toggle(ui, 0);
}

/* Toggle the story's star. */
static int
op_toggle_star(struct ui *ui)
{
	return ui_toggle(ui, 1);
}

/* Show or hide the sidebar. */
static int
op_toggle_sidebar(struct ui *ui)
{
	ui->sidebar = !ui_sidebar_on(ui);
	if (!ui->sidebar && ui->focus == PANE_SIDEBAR)
		ui->focus = PANE_ARTICLE;
	if (!ui->shown[PANE_ARTICLE])
		ui_message(ui, 0, "the sidebar %s beside a story",
		    ui->sidebar ? "shows" : "is hidden");
	return UI_RELAYOUT | UI_REDRAW;
}

/*
 * Open a link in a browser: with a number N typed first, link [N] of the
 * list under the story, else the story's own address. The story is the
 * open one, or in the lists the selected one, as for r, s and t.
 */
static int
op_open_link(struct ui *ui)
{
	struct article	 other;
	const struct article *a = &ui->art;
	char		*err = NULL;
	size_t		 n = (size_t)ui->count;
	int64_t		 id;
	int		 read, starred, flags = UI_REDRAW;

	if ((id = ui_target(ui, &read, &starred)) == 0) {
		ui_message(ui, 1, "choose a story first");
		return UI_REDRAW;
	}
	article_init(&other);
	if (id != ui->art_id) {
		if (store_article_get(ui->store, id, &other, &err) != 0) {
			ui_message(ui, 1, "%s", err != NULL ? err :
			    "the story is gone");
			goto out;
		}
		a = &other;
	}
	if (n == 0) {
		if (a->url != NULL)
			flags = ui_open_url(ui, a->url);
		else
			ui_message(ui, 1, "the story has no address%s",
			    a->nlinks > 0 ? "; type a link's number first" :
			    "");
	} else if (n > a->nlinks) {
		if (a->nlinks == 0)
			ui_message(ui, 1, "the story has no links");
		else
			ui_message(ui, 1, "no link %zu: the story has %zu %s",
			    n, a->nlinks, plural(a->nlinks, "link", "links"));
	} else
		flags = ui_open_url(ui, a->links[n - 1].url);
out:
	article_free(&other);
	free(err);
	return flags;
}

/* Read and run a command line. */
static int
op_command(struct ui *ui)
{
	return ui_cmdline(ui);
}

/* Redraw the whole screen. */
static int
op_redraw(struct ui *ui)
{
	clearok(curscr, TRUE);
	return UI_RELAYOUT | UI_REDRAW;
}

/* Run the operation bound to a key; returns redraw flags. */
int
ui_key(struct ui *ui, int rc, wint_t ch)
{
	char	name[32], help[32];
	int	key, flags, page;
	size_t	op;
	int	(*fn)(struct ui *);

	key = rc == KEY_CODE_YES ? KEY_SPECIAL | (int)ch : (int)ch;
	if (key == '\n' || key == (KEY_SPECIAL | KEY_ENTER))
		key = '\r';
	if (ui->message != NULL) {
		ui_message(ui, 0, NULL);
		ui->flags |= UI_REDRAW;
	}
	/* The focused pane's table first, then the global one. */
	fn = ui_bindings_lookup(ui, key, &op) == 0 ? ui_ops[op].fn : NULL;
	if (ui->help) {
		/* The movement keys scroll the help; any other key closes it. */
		page = LINES - 4 > 1 ? LINES - 4 : 1;
		if (fn == op_hard_quit)
			return UI_QUIT;
		if (fn == op_down || fn == op_up)
			ui->help_top += fn == op_down ? 1 : -1;
		else if (fn == op_page_down || fn == op_page_up)
			ui->help_top += fn == op_page_down ? page : -page;
		else if (fn == op_half_page_down || fn == op_half_page_up)
			ui->help_top += (fn == op_half_page_down ? page :
			    -page) / 2;
		else if (fn == op_top || fn == op_bottom)
			ui->help_top = fn == op_top ? 0 : 0x7fff;
		else
			ui->help = 0;
		/* At the end it stays at the end, when a resize reflows it. */
		ui->help_end = fn == op_bottom;
		return UI_REDRAW;	/* ui_help_draw keeps help_top in range */
	}
	if (ui->too_small && fn != op_quit && fn != op_hard_quit)
		return 0;
	/* Escape after a count drops the count, as in vi, and no more. */
	if (key == 27 && ui->count > 0) {
		ui->count = 0;
		return UI_REDRAW;
	}
	/* Unbound digits make a count for the next key, as in vi. */
	if (fn == NULL && key >= '0' && key <= '9' &&
	    (key != '0' || ui->count > 0)) {
		if (ui->count < 10000)
			ui->count = ui->count * 10 + (key - '0');
		ui_message(ui, 0, "%d", ui->count);
		return UI_REDRAW;
	}
	if (fn == NULL) {
		/* Escape only drops a count; other keys say they do nothing. */
		ui->count = 0;
		if (key == 27)
			return UI_REDRAW;
		ui_key_name(key, name, sizeof name);
		if (ui_hint_key(ui, "help", help, sizeof help) == 0)
			ui_message(ui, 1, "%s does nothing here (%s lists the "
			    "keys)", name, help);
		else
			ui_message(ui, 1, "%s does nothing here", name);
		return UI_REDRAW;
	}
	flags = fn(ui);
	ui->count = 0;
	if (ui->focus == PANE_FEEDS)
		ui->from_feeds = 0;	/* back where quit would go */
	return flags;
}
