/*
 * The help screen: every operation with its keys and description, the
 * commands of the config file, the settings and the search forms,
 * generated from the key, options and search tables and wrapped to the
 * terminal's width. It scrolls with the movement keys
 * (ui_key); help_top is kept in range here.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "search.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

#define HELP_KEYS_X	2	/* "j, Down" */
#define HELP_KEYS_W	18
#define HELP_NAME_X	21	/* "down" */
#define HELP_NAME_W	16
#define HELP_DESC_X	38	/* what it does, when there is room */
#define HELP_DESC_MIN	24	/* narrower than this: below, indented */
#define HELP_CMD_X	27	/* a command's description */

static const struct {
	const char	*syntax;
	const char	*desc;
} help_commands[] = {
	{ "bind [-T TABLE] KEY OPERATION", "bind a key (TABLE: global, "
	  "feeds, list, article, sidebar, quotes)" },
	{ "unbind [-T TABLE] KEY", "remove a key's binding" },
	{ "color ELEMENT FG BG [ATTR...]", "colour a theme element (or a "
	  "newsboat one)" },
	{ "include PATH", "read another file of commands" },
	{ "newsboat-config [PATH]", "read newsboat's bind-key, unbind-key "
	  "and color lines" },
	{ "bind-key KEY OP [DIALOG]", "newsboat's bind, with its names "
	  "(see dossier.conf(5))" },
	{ "unbind-key KEY|-a [DIALOG]", "newsboat's unbind" },
	{ "OPERATION", "run an operation by name" },
};
#define HELP_NCOMMANDS (sizeof help_commands / sizeof help_commands[0])

/* Where the help is drawn: rows counted from its top, some shown. */
struct help {
	struct ui	*ui;
	int		 row;	/* the row being laid out */
	int		 top;	/* the first row shown */
};

/* The screen line of the current row, or -1 when it is scrolled away. */
static int
help_y(struct help *h)
{
	int	y = 2 + h->row - h->top;

	return y >= 2 && y < LINES - 1 ? y : -1;
}

/* Put text on the current row, if it is shown; cut, it shows an ellipsis. */
static void
help_put(struct help *h, int x, int w, const char *s, enum ui_elem e)
{
	int	y;

	if ((y = help_y(h)) != -1 && w > 0)
		ui_put_cut(y, x, w, s, strlen(s), h->ui->attr[e]);
}

/*
 * Lay out text wrapped at spaces in w columns from x, the first line on
 * the current row; the row after the last line is left current.
 */
static void
help_wrap(struct help *h, int x, int w, const char *s)
{
	size_t	len = strlen(s), n;
	int	y;

	if (w < 1)
		w = 1;
	do {
		n = ui_wrap_cut(s, len, w);
		if ((y = help_y(h)) != -1)
			ui_put(y, x, w, s, n, h->ui->attr[E_HELP_TEXT], NULL,
			    NULL);
		h->row++;
		s += n;
		len -= n;
		while (len > 0 && *s == ' ') {
			s++;
			len--;
		}
	} while (len > 0);
}

/* A section's title, after a blank row; a blank row follows it. */
static void
help_section(struct help *h, const char *title)
{
	h->row++;
	help_put(h, 1, COLS - 2, title, E_PANE_TITLE);
	h->row += 2;
}

/*
 * A command, setting or search form and what it does: beside it when
 * both fit, else below it (indented, if the screen is narrow).
 */
static void
help_row(struct help *h, const char *form, const char *desc)
{
	int	wide = COLS - HELP_CMD_X - 1 >= HELP_DESC_MIN;

	help_put(h, HELP_KEYS_X, COLS - 3, form, E_HELP_KEY);
	if (!wide || (int)strlen(form) + 2 > HELP_CMD_X - HELP_KEYS_X)
		h->row++;
	help_wrap(h, wide ? HELP_CMD_X : 6, COLS - (wide ? HELP_CMD_X : 6) -
	    1, desc);
}

/* Lay out the whole help; returns its number of rows. */
static int
help_layout(struct help *h)
{
	const char	*name, *values, *desc;
	char		 keys[128], set[128];
	size_t		 i;
	int		 wide = COLS - HELP_DESC_X - 1 >= HELP_DESC_MIN;

	/* The config file's errors first, every one, when there are some. */
	if (h->ui->ncfg_errs > 0) {
		help_put(h, 1, COLS - 2, "Errors in the config file",
		    E_ERROR);
		h->row += 2;
		for (i = 0; i < h->ui->ncfg_errs; i++)
			help_wrap(h, HELP_KEYS_X, COLS - HELP_KEYS_X - 1,
			    h->ui->cfg_errs[i]);
		h->row++;
	}
	for (i = 0; i < ui_op_count(); i++) {
		ui_bindings_keys(i, keys, sizeof keys);
		help_put(h, HELP_KEYS_X, HELP_KEYS_W, keys, E_HELP_KEY);
		help_put(h, HELP_NAME_X, HELP_NAME_W, ui_op_name(i),
		    E_HELP_TEXT);
		if (wide)
			help_wrap(h, HELP_DESC_X, COLS - HELP_DESC_X - 1,
			    ui_op_desc(i));
		else {
			h->row++;
			help_wrap(h, 6, COLS - 7, ui_op_desc(i));
		}
	}
	help_section(h, "Commands (config file and ':')");
	for (i = 0; i < HELP_NCOMMANDS; i++)
		help_row(h, help_commands[i].syntax, help_commands[i].desc);
	help_section(h, "Settings (config file and ':')");
	for (i = 0; ui_options_get(i, &name, &values, &desc) == 0; i++) {
		snprintf(set, sizeof set, "set %s %s", name, values);
		help_row(h, set, desc);
	}
	help_section(h, "Search (/)");
	for (i = 0; i < search_nsyntax; i++)
		help_row(h, search_syntax[i].form, search_syntax[i].desc);
	return h->row;
}

/* Add "a/b" (either alone if the other is unbound) to a list of keys. */
static void
help_pair(struct buf *b, const char *x, const char *y)
{
	if (*x == '\0' && *y == '\0')
		return;
	if (b->len > 0)
		buf_adds(b, ", ");
	buf_adds(b, x);
	if (*x != '\0' && *y != '\0')
		buf_adds(b, "/");
	buf_adds(b, y);
}

/*
 * The help's title with the keys that scroll and close it, as bound:
 * "Keys (j/k, Space, g/G scroll; q or any other key closes)".
 */
static char *
help_title(struct ui *ui)
{
	static const char *const ops[] = { "down", "up", "page-down", "top",
	    "bottom", "quit" };
	struct buf	 keys;
	char		 k[6][32], *title;
	int		 i;

	for (i = 0; i < 6; i++)
		ui_hint_key(ui, ops[i], k[i], sizeof k[i]);
	buf_init(&keys);
	help_pair(&keys, k[0], k[1]);
	help_pair(&keys, k[2], "");
	help_pair(&keys, k[3], k[4]);
	xasprintf(&title, "Keys (%.*s%s%s%s)", (int)keys.len,
	    keys.len > 0 ? keys.data : "", keys.len > 0 ? " scroll; " : "",
	    k[5], *k[5] != '\0' ? " or any other key closes" :
	    "any key closes");
	buf_free(&keys);
	return title;
}

/* Draw the help screen from the key and command tables. */
void
ui_help_draw(struct ui *ui)
{
	struct help	 h;
	char		 where[48], *title;
	int		 y, rows, shown = LINES - 3, w;

	/* Count the rows first, to keep the top in range. */
	memset(&h, 0, sizeof h);
	h.ui = ui;
	h.top = 1 << 30;
	rows = help_layout(&h);
	if (ui->help_end || ui->help_top > rows - shown)
		ui->help_top = rows - shown;
	if (ui->help_top < 0)
		ui->help_top = 0;

	for (y = 0; y < LINES - 1; y++)
		ui_fill(y, 0, COLS, ui->attr[E_NORMAL]);
	/* The title, and which rows are shown when not all fit. */
	*where = '\0';
	if (rows > shown)
		snprintf(where, sizeof where, " %d-%d/%d", ui->help_top + 1,
		    ui->help_top + shown, rows);
	w = (int)strlen(where);
	if (w + 20 >= COLS)
		w = 0;
	ui_fill(0, 0, COLS, ui->attr[E_PANE_TITLE_FOCUS]);
	title = help_title(ui);
	ui_put_cut(0, 1, COLS - 2 - w, title, strlen(title),
	    ui->attr[E_PANE_TITLE_FOCUS]);
	free(title);
	if (w > 0)
		ui_put(0, COLS - w - 1, w, where, (size_t)w,
		    ui->attr[E_PANE_TITLE_FOCUS], NULL, NULL);
	h.row = 0;
	h.top = ui->help_top;
	help_layout(&h);
}
