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

static int	op_hard_quit(struct ui *);
static int	op_help(struct ui *);
static int	op_redraw(struct ui *);

/* Every operation a key can run. */
static const struct ui_op {
	const char	*name;
	int		(*fn)(struct ui *);
	const char	*desc;
} ui_ops[] = {
	{ "down", ui_op_down, "move down, or scroll the story down" },
	{ "up", ui_op_up, "move up, or scroll the story up" },
	{ "page-down", ui_op_page_down, "move or scroll one page down" },
	{ "page-up", ui_op_page_up, "move or scroll one page up" },
	{ "half-page-down", ui_op_half_page_down,
	  "move or scroll half a page down" },
	{ "half-page-up", ui_op_half_page_up, "move or scroll half a page up" },
	{ "top", ui_op_top, "go to the first item, or the story's top" },
	{ "bottom", ui_op_bottom, "go to the last item, or the story's end" },
	{ "focus-next", ui_op_focus_next, "move the focus to the next pane" },
	{ "focus-prev", ui_op_focus_prev,
	  "move the focus to the previous pane" },
	{ "open", ui_op_open, "open the selected feed, story, name or quote" },
	{ "quit", ui_op_quit, "go back; from the lists, quit" },
	{ "back", ui_op_back, "go back as quit does, but never quit" },
	{ "hard-quit", op_hard_quit, "quit from any pane or view at once" },
	{ "help", op_help, "show the keys and commands" },
	{ "search", ui_search_op, "search the library (see dossier(1))" },
	{ "next-unread", ui_op_next_unread, "open the next unread story" },
	{ "prev-unread", ui_op_prev_unread, "open the previous unread story" },
	{ "toggle-read", ui_op_toggle_read, "mark the story read or unread" },
	{ "toggle-star", ui_op_toggle_star, "star or unstar the story" },
	{ "delete", ui_op_delete,
	  "delete the story, after a yes; the question says which of your "
	  "notes and tags go with it" },
	{ "mark-list-read", ui_op_mark_listing_read,
	  "mark every story of the listing shown read (asks when many)" },
	{ "mark-all-read", ui_op_mark_all_read,
	  "mark every story of the library read (asks when many)" },
	{ "toggle-sidebar", ui_op_toggle_sidebar,
	  "show or hide the people & quotes sidebar" },
	{ "open-link", ui_op_open_link,
	  "open the story's address with $BROWSER or xdg-open; after "
	  "a number N, link [N] of the story" },
	{ "command", ui_prompt_command,
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
	{ "next-quote", ui_op_next_quote,
	  "mark the story's next quote, attributed or not" },
	{ "prev-quote", ui_op_prev_quote,
	  "mark the story's previous quote" },
	{ "correct", ui_op_correct,
	  "correct the marked quote, the quotes view's quote or the "
	  "sidebar's name (a menu)" },
	{ "zoom", ui_op_zoom,
	  "make the focused pane fill the screen, or give the others back" },
	{ "toggle-feeds", ui_op_toggle_feeds,
	  "fold the feed list away, or bring it back" },
	{ "sort", ui_op_sort,
	  "sort the people index by quotes, last quoted (or seen, for places) "
	  "or name (asks)" },
	{ "dossier", ui_op_dossier,
	  "open the dossier of the name in the sidebar, the quotes view, "
	  "the people index or of the marked quote's speaker in a story" },
	{ "next-month", ui_op_next_month,
	  "in a dossier, list the quotes of the month after the one chosen "
	  "(the newest first)" },
	{ "prev-month", ui_op_prev_month,
	  "in a dossier, list the quotes of the month before the one chosen "
	  "(the newest first)" },
	{ "quotes", ui_op_quotes,
	  "list every quote of the speaker under the sidebar's cursor" },
	{ "limit", ui_op_limit,
	  "show only the people whose names hold the words typed" },
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

/* Redraw the whole screen. */
static int
op_redraw(struct ui *ui)
{
	clearok(curscr, TRUE);
	return UI_RELAYOUT | UI_REDRAW;
}

/*
 * A key while the help is up: the movement keys scroll it, hard-quit
 * quits, any other key closes it.
 */
static int
key_help(struct ui *ui, int (*fn)(struct ui *))
{
	int	page = LINES - 4 > 1 ? LINES - 4 : 1;

	if (fn == op_hard_quit)
		return UI_QUIT;
	if (fn == ui_op_down || fn == ui_op_up)
		ui->help_top += fn == ui_op_down ? 1 : -1;
	else if (fn == ui_op_page_down || fn == ui_op_page_up)
		ui->help_top += fn == ui_op_page_down ? page : -page;
	else if (fn == ui_op_half_page_down || fn == ui_op_half_page_up)
		ui->help_top += (fn == ui_op_half_page_down ? page : -page) / 2;
	else if (fn == ui_op_top || fn == ui_op_bottom)
		ui->help_top = fn == ui_op_top ? 0 : 0x7fff;
	else
		ui->help = 0;
	/* At the end it stays at the end, when a resize reflows it. */
	ui->help_end = fn == ui_op_bottom;
	return UI_REDRAW;	/* ui_help_draw keeps help_top in range */
}

/* Run the operation bound to a key; returns redraw flags. */
int
ui_key(struct ui *ui, int rc, wint_t ch)
{
	char	name[32], help[32];
	int	key, flags;
	size_t	op;
	int	(*fn)(struct ui *);

	key = rc == KEY_CODE_YES ? KEY_SPECIAL | (int)ch : (int)ch;
	if (key == '\n' || key == (KEY_SPECIAL | KEY_ENTER))
		key = '\r';
	if (ui->message != NULL) {
		ui_info(ui, NULL);
		ui->flags |= UI_REDRAW;
	}
	/* The focused pane's table first, then the global one. */
	fn = ui_bindings_lookup(ui, key, &op) == 0 ? ui_ops[op].fn : NULL;
	if (ui->help)
		return key_help(ui, fn);
	if (ui->too_small && fn != ui_op_quit && fn != op_hard_quit)
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
		ui_info(ui, "%d", ui->count);
		return UI_REDRAW;
	}
	if (fn == NULL) {
		/* Escape only drops a count; other keys say they do nothing. */
		ui->count = 0;
		if (key == 27)
			return UI_REDRAW;
		ui_key_name(key, name, sizeof name);
		if (ui_hint_key(ui, "help", help, sizeof help) == 0)
			ui_error(ui, "%s does nothing here (%s lists the "
			    "keys)", name, help);
		else
			ui_error(ui, "%s does nothing here", name);
		return UI_REDRAW;
	}
	flags = fn(ui);
	ui->count = 0;
	if (ui->focus == PANE_FEEDS)
		ui->list.from_feeds = 0;	/* back where quit would go */
	return flags;
}
