/*
 * Keys: one table of operations and one list of default bindings, read by
 * the same command parser as the config file and the ':' command line, so
 * the defaults, the config, the help screen and 'dossier help --keys'
 * cannot disagree.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	{ "mark-list-read", ui_op_mark_listing_read,
	  "mark every story of the listing shown read (asks when many)" },
	{ "mark-all-read", ui_op_mark_all_read,
	  "mark every story of the library read (asks when many)" },
	{ "toggle-sidebar", ui_op_toggle_sidebar,
	  "show or hide the people & quotes sidebar" },
	{ "open-link", ui_op_open_link,
	  "open the story's address with $BROWSER or xdg-open; after "
	  "a number N, link [N] of the story" },
	{ "command", ui_cmdline,
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

/* The default bindings, parsed like lines of the config file. */
static const char *const ui_default_bindings[] = {
	"bind j down", "bind Down down",
	"bind k up", "bind Up up",
	"bind PageDown page-down", "bind Space page-down",
	"bind PageUp page-up", "bind b page-up",
	"bind C-d half-page-down", "bind C-u half-page-up",
	"bind g top", "bind Home top",
	"bind G bottom", "bind End bottom",
	"bind Tab focus-next", "bind BTab focus-prev",
	"bind Enter open", "bind l open", "bind Right open",
	"bind q quit", "bind h back", "bind Left back", "bind Q hard-quit",
	"bind ? help", "bind / search",
	"bind n next-unread", "bind N prev-unread",
	"bind r toggle-read",
	"bind s toggle-star",
	"bind A mark-list-read",
	"bind e toggle-sidebar",
	"bind o open-link",
	"bind : command",
	"bind C-l redraw",
	"bind R fetch", "bind -T feeds R fetch-feed",
	"bind t tag", "bind a annotate",
	"bind -T article v select", "bind Escape back",
	"bind z zoom", "bind F toggle-feeds",
};

/* The key tables' names, in the order of enum ui_table. */
static const char *const ui_table_names[T_NTABLES] = {
	"global", "feeds", "list", "article", "sidebar", "quotes"
};

struct ui_binding {
	int	 table;
	int	 key;
	size_t	 op;
};

static struct ui_binding	*ui_bindings;
static size_t			 ui_nbindings;

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

/* Find a key's binding in a table; ui_nbindings if none. */
static size_t
ui_binding_find(int table, int key)
{
	size_t	i;

	for (i = 0; i < ui_nbindings; i++)
		if (ui_bindings[i].table == table && ui_bindings[i].key == key)
			break;
	return i;
}

/* Bind a key in a table, replacing what it did there. */
static void
ui_bind(int table, int key, size_t op)
{
	size_t	i;

	if ((i = ui_binding_find(table, key)) < ui_nbindings) {
		ui_bindings[i].op = op;
		return;
	}
	ui_bindings = xreallocarray(ui_bindings, ui_nbindings + 1,
	    sizeof *ui_bindings);
	ui_bindings[ui_nbindings].table = table;
	ui_bindings[ui_nbindings].key = key;
	ui_bindings[ui_nbindings++].op = op;
}

/* Remove a key's binding from a table; -1 if it had none there. */
static int
ui_unbind(int table, int key)
{
	size_t	i;

	for (i = 0; i < ui_nbindings; i++) {
		if (ui_bindings[i].table == table &&
		    ui_bindings[i].key == key) {
			ui_bindings[i] = ui_bindings[--ui_nbindings];
			return 0;
		}
	}
	return -1;
}

/*
 * Bind a key to an operation in a table by their names, or with op NULL
 * unbind it (key -1: every key of the table); for newsboat's bind-key.
 */
int
ui_keys_set(const char *table, int key, const char *op, char **err)
{
	size_t	o, i;
	int	t = T_GLOBAL;

	if (table != NULL) {
		for (t = 0; t < T_NTABLES; t++)
			if (strcmp(ui_table_names[t], table) == 0)
				break;
		if (t == T_NTABLES) {
			xasprintf(err, "unknown key table '%s'", table);
			return -1;
		}
	}
	if (op == NULL && key == -1) {
		for (i = 0; i < ui_nbindings; )
			if (ui_bindings[i].table == t)
				ui_bindings[i] = ui_bindings[--ui_nbindings];
			else
				i++;
		return UI_REDRAW;
	}
	if (op == NULL) {
		/* Unbinding a key that is not bound is no error here. */
		ui_unbind(t, key);
		return UI_REDRAW;
	}
	if (ui_op_find(op, &o) != 0) {
		xasprintf(err, "unknown operation '%s'", op);
		return -1;
	}
	ui_bind(t, key, o);
	return UI_REDRAW;
}

/* The key table of the focused pane. */
int
ui_pane_table(struct ui *ui)
{
	return ui_pane_focused(ui)->table;
}

/* Binding i: its table (0: global), key and operation; -1 past the end. */
int
ui_binding_get(size_t i, int *table, int *key, size_t *op)
{
	if (i >= ui_nbindings)
		return -1;
	*table = ui_bindings[i].table;
	*key = ui_bindings[i].key;
	*op = ui_bindings[i].op;
	return 0;
}

/* The name of a key table. */
const char *
ui_table_name(int table)
{
	return ui_table_names[table];
}

/* Parse "on"/"off". */
static int
ui_bool(const char *s, int *v)
{
	if (strcmp(s, "on") == 0 || strcmp(s, "yes") == 0)
		*v = 1;
	else if (strcmp(s, "off") == 0 || strcmp(s, "no") == 0)
		*v = 0;
	else
		return -1;
	return 0;
}

/* set OPTION VALUE. */
static int
ui_set(struct ui *ui, char **w, int n, char **err)
{
	static const char *const options[] = { "theme", "sidebar",
	    "feed-width", "list-width", "sidebar-width", "feed-list",
	    "mark-read", "hints", "confirm-mark-read", "width" };
	const char *taken = "on or off";
	char	*end;
	long	 v;
	int	 b;
	size_t	 i;

	/* An option that is not ours is named first, whatever follows. */
	for (i = 0; n >= 2 && i < sizeof options / sizeof options[0]; i++)
		if (strcmp(options[i], w[1]) == 0)
			break;
	if (n >= 2 && i == sizeof options / sizeof options[0]) {
		xasprintf(err, "unknown option '%s'", w[1]);
		return -1;
	}
	if (n != 3) {
		xasprintf(err, "usage: set %s VALUE", n >= 2 ? w[1] : "OPTION");
		return -1;
	}
	if (strcmp(w[1], "theme") == 0) {
		if (ui_theme_load(ui, w[2], err) != 0)
			return -1;
		return UI_REDRAW;
	}
	if (strcmp(w[1], "sidebar") == 0) {
		taken = "on, off or auto";
		if (strcmp(w[2], "auto") == 0)
			ui->sidebar = -1;
		else if (ui_bool(w[2], &b) == 0)
			ui->sidebar = b;
		else
			goto bad;
		return UI_RELAYOUT | UI_REDRAW;
	}
	if (strcmp(w[1], "feed-width") == 0 ||
	    strcmp(w[1], "list-width") == 0 ||
	    strcmp(w[1], "sidebar-width") == 0)
		return ui_layout_set(ui, w[1], w[2], err);
	if (strcmp(w[1], "feed-list") == 0) {
		if (ui_bool(w[2], &b) != 0)
			goto bad;
		if (b == ui->feeds_folded)
			ui_op_toggle_feeds(ui);
		return UI_RELAYOUT | UI_REDRAW;
	}
	if (strcmp(w[1], "mark-read") == 0) {
		if (ui_bool(w[2], &ui->mark_read) != 0)
			goto bad;
		return 0;
	}
	if (strcmp(w[1], "hints") == 0) {
		if (ui_bool(w[2], &ui->hints) != 0)
			goto bad;
		return UI_RELAYOUT | UI_REDRAW;
	}
	if (strcmp(w[1], "confirm-mark-read") == 0) {
		taken = "a number of stories (0-1000000000), on or off";
		if (ui_bool(w[2], &b) == 0)
			ui->confirm_mark_read = b ? 0 : -1;
		else {
			errno = 0;
			v = strtol(w[2], &end, 10);
			if (*end != '\0' || errno != 0 || v < 0 ||
			    v > 1000000000)
				goto bad;
			ui->confirm_mark_read = (int)v;
		}
		return 0;
	}
	if (strcmp(w[1], "width") == 0) {
		taken = "columns 0-1000 (0: the pane's)";
		errno = 0;
		v = strtol(w[2], &end, 10);
		if (*end != '\0' || errno != 0 || v < 0 || v > 1000)
			goto bad;
		ui->max_width = (int)v;
		return UI_RELAYOUT | UI_REDRAW;
	}
	xasprintf(err, "unknown option '%s'", w[1]);
	return -1;
bad:
	xasprintf(err, "bad value '%s' for option '%s': %s", w[2], w[1],
	    taken);
	return -1;
}

/* Run one command of the config file or the command line. */
int
ui_command(struct ui *ui, const char *line, char **err)
{
	char	*copy, *w[8], *p, **a;
	int	 n = 0, key, rv = -1, table = T_GLOBAL, na;
	size_t	 op;

	/* newsboat's bind-key, unbind-key, color; include (ui-config.c). */
	if ((rv = ui_newsboat_command(ui, line, err)) != -2)
		return rv;
	rv = -1;
	copy = xstrdup(line);
	for (p = copy; n < 8; ) {
		p += strspn(p, " \t\r\n");
		if (*p == '\0' || *p == '#')
			break;
		w[n++] = p;
		p += strcspn(p, " \t\r\n");
		if (*p != '\0')
			*p++ = '\0';
	}
	p += strspn(p, " \t\r\n");
	if (n == 8 || (*p != '\0' && *p != '#')) {
		xasprintf(err, "too many words");
		goto out;
	}
	if (n == 0) {
		rv = 0;
		goto out;
	}
	if (strcmp(w[0], "bind") == 0 || strcmp(w[0], "unbind") == 0) {
		a = w + 1;
		na = n - 1;
		if (na >= 2 && strcmp(a[0], "-T") == 0) {
			for (table = 0; table < T_NTABLES; table++)
				if (strcmp(ui_table_names[table], a[1]) == 0)
					break;
			if (table == T_NTABLES) {
				xasprintf(err, "unknown key table '%s'", a[1]);
				goto out;
			}
			a += 2;
			na -= 2;
		}
		if (na != (w[0][0] == 'b' ? 2 : 1)) {
			xasprintf(err, "usage: %s", w[0][0] == 'b' ?
			    "bind [-T TABLE] KEY OPERATION" :
			    "unbind [-T TABLE] KEY");
			goto out;
		}
		if ((key = ui_key_parse(a[0])) == -1) {
			xasprintf(err, "unknown key '%s'", a[0]);
			goto out;
		}
		if (na == 1) {
			if (ui_unbind(table, key) != 0) {
				xasprintf(err, "key '%s' is not bound", a[0]);
				goto out;
			}
		} else if (ui_op_find(a[1], &op) != 0) {
			xasprintf(err, "unknown operation '%s'", a[1]);
			goto out;
		} else
			ui_bind(table, key, op);
		rv = UI_REDRAW;
	} else if (strcmp(w[0], "set") == 0)
		rv = ui_set(ui, w, n, err);
	else if (ui_op_find(w[0], &op) == 0 && n == 1 && ui != NULL)
		rv = ui_ops[op].fn(ui);
	else if (ui_op_find(w[0], &op) == 0 && n > 1)
		xasprintf(err, "operation '%s' takes no arguments", w[0]);
	else
		xasprintf(err, "unknown command '%s'", w[0]);
out:
	free(copy);
	return rv;
}

/* Bind the default keys, parsed as config lines. */
int
ui_keys_init(struct ui *ui)
{
	char	*err = NULL;
	size_t	 i;

	ui_keys_free();
	for (i = 0; i < sizeof ui_default_bindings /
	    sizeof ui_default_bindings[0]; i++) {
		if (ui_command(ui, ui_default_bindings[i], &err) < 0)
			fatal("default binding '%s': %s",
			    ui_default_bindings[i], err);
	}
	return 0;
}

/* Drop every binding. */
void
ui_keys_free(void)
{
	free(ui_bindings);
	ui_bindings = NULL;
	ui_nbindings = 0;
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
	int	key, table, flags;
	size_t	i;

	key = rc == KEY_CODE_YES ? KEY_SPECIAL | (int)ch : (int)ch;
	if (key == '\n' || key == (KEY_SPECIAL | KEY_ENTER))
		key = '\r';
	if (ui->message != NULL) {
		ui_info(ui, NULL);
		ui->flags |= UI_REDRAW;
	}
	/* The focused pane's table first, then the global one. */
	table = ui_pane_table(ui);
	if ((i = ui_binding_find(table, key)) == ui_nbindings)
		i = ui_binding_find(T_GLOBAL, key);
	if (ui->help)
		return key_help(ui, i < ui_nbindings ?
		    ui_ops[ui_bindings[i].op].fn : NULL);
	if (ui->too_small && (i == ui_nbindings ||
	    (ui_ops[ui_bindings[i].op].fn != ui_op_quit &&
	    ui_ops[ui_bindings[i].op].fn != op_hard_quit)))
		return 0;
	/* Escape after a count drops the count, as in vi, and no more. */
	if (key == 27 && ui->count > 0) {
		ui->count = 0;
		return UI_REDRAW;
	}
	/* Unbound digits make a count for the next key, as in vi. */
	if (i == ui_nbindings && key >= '0' && key <= '9' &&
	    (key != '0' || ui->count > 0)) {
		if (ui->count < 10000)
			ui->count = ui->count * 10 + (key - '0');
		ui_info(ui, "%d", ui->count);
		return UI_REDRAW;
	}
	if (i == ui_nbindings) {
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
	flags = ui_ops[ui_bindings[i].op].fn(ui);
	ui->count = 0;
	if (ui->focus == PANE_FEEDS)
		ui->list.from_feeds = 0;	/* back where quit would go */
	return flags;
}
