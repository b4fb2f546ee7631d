/*
 * The key-hint line (as in mc, nano and htop): one line above the status
 * line with the most useful keys of the focused pane, "Enter:open
 * t:tag ...", each key read from the key table as it is bound now, so a
 * rebound key shows as bound and an unbound operation drops out. 'set
 * hints no' gives the line back to the panes. The status line ends with
 * the help and quit keys this line does not show (ui_hints_status).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "ui-int.h"
#include "banned.h"

/* What the hint line offers, pane by pane: operation and its word. */
struct hint {
	const char	*op;
	const char	*label;
};

static const struct hint hints_feeds[] = {
	{ "open", "open" }, { "fetch-feed", "fetch" },
	{ "mark-list-read", "mark read" }, { "search", "search" },
	{ "command", "command" }, { "help", "help" }, { "quit", "quit" },
	{ NULL, NULL }
};
static const struct hint hints_list[] = {
	{ "open", "open" }, { "tag", "tag" }, { "annotate", "note" },
	{ "search", "search" }, { "mark-list-read", "mark read" },
	{ "toggle-star", "star" }, { "help", "help" }, { "quit", "quit" },
	{ NULL, NULL }
};
static const struct hint hints_article[] = {
	{ "back", "back" }, { "next-unread", "next unread" },
	{ "tag", "tag" }, { "annotate", "note" }, { "select", "select" },
	{ "open-link", "browser" }, { "next-quote", "next quote" },
	{ "correct", "correct" }, { "open", "dossier" }, { "help", "help" },
	{ NULL, NULL }
};
static const struct hint hints_selecting[] = {
	{ "down", "extend" }, { "annotate", "note" }, { "quit", "drop" },
	{ "help", "help" }, { NULL, NULL }
};
static const struct hint hints_quotes[] = {
	{ "open", "open story" }, { "annotate", "note" }, { "tag", "tag" },
	{ "correct", "correct" }, { "dossier", "dossier" }, { "back", "back" },
	{ "help", "help" }, { NULL, NULL }
};
static const struct hint hints_people[] = {
	{ "open", "index-open" }, { "sort", "sort" }, { "limit", "limit" },
	{ "back", "back" }, { "help", "help" }, { NULL, NULL }
};
static const struct hint hints_dossier[] = {
	{ "open", "open story" }, { "prev-month", "month" },
	{ "annotate", "note" }, { "tag", "tag" },
	{ "back", "back" }, { "help", "help" }, { NULL, NULL }
};
static const struct hint hints_sidebar[] = {
	{ "open", "stories" }, { "back", "back" },
	{ "toggle-sidebar", "hide" }, { "correct", "correct" },
	{ "quotes", "quotes" }, { "help", "help" }, { NULL, NULL }
};

/*
 * The key that runs an operation in the focused pane: one bound in the
 * pane's table, or a global one the pane does not rebind; the first bound
 * wins. 0, or -1 if no key runs it there.
 */
int
ui_hint_key(struct ui *ui, const char *name, char *out, size_t len)
{
	size_t	op, o, i;
	int	pane = ui_bindings_table(ui), pass, table, key;

	*out = '\0';
	if (ui_op_find(name, &op) != 0)
		return -1;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; ui_bindings_get(i, &table, &key, &o) == 0; i++) {
			if (o != op || table != (pass == 0 ? pane : 0))
				continue;
			/* A global key the pane binds to something else. */
			if (pass == 1 && (ui_bindings_lookup(ui, key, &o) != 0 ||
			    o != op))
				continue;
			ui_key_name(key, out, len);
			return 0;
		}
	}
	return -1;
}

/* Is the hint line shown? 1 if so: the panes are a line shorter. */
int
ui_hints_shown(struct ui *ui)
{
	return ui->hints && !ui->too_small;
}

/* The hints of each key table, that is of each pane and view. */
static const struct hint *const hints_of_table[T_NTABLES] = {
	[T_FEEDS] = hints_feeds,
	[T_LIST] = hints_list,
	[T_ARTICLE] = hints_article,
	[T_SIDEBAR] = hints_sidebar,
	[T_QUOTES] = hints_quotes,
	[T_PEOPLE] = hints_people,
	[T_DOSSIER] = hints_dossier,
};

/* The hints of the focused pane; selecting lines has hints of its own. */
static const struct hint *
ui_hints_of(struct ui *ui)
{
	const struct ui_pane_ops *ops = ui_pane_focused(ui);

	if (ops == &ui_article_pane && ui->story.selecting)
		return hints_selecting;
	return hints_of_table[ops->table];
}

/*
 * What quit does here, in a word: "quit" where it ends the program (the
 * lists, with no story open, no listing to go back to, and not a listing
 * chosen in the feed list), else "back".
 */
static const char *
ui_quit_word(struct ui *ui)
{
	if (ui->help || ui->reading || ui->list.back.valid)
		return "back";
	if (ui->focus == PANE_LIST && ui->list.from_feeds &&
	    ui->shown[PANE_FEEDS])
		return "back";
	return ui->focus == PANE_FEEDS || ui->focus == PANE_LIST ? "quit" :
	    "back";
}

/*
 * What open does on the sidebar's name under the cursor: a speaker's
 * dossier, an unnamed source's next quote in the story, or the stories
 * naming the entity.
 */
static const char *
ui_sidebar_word(struct ui *ui)
{
	const struct lib_entity	*e;

	if (ui->side.cur >= ui->side.ents.n)
		return "stories";
	e = &ui->side.ents.v[ui->side.cur];
	if (e->unnamed)
		return "next quote";
	return e->group == LIB_SPEAKER ? "dossier" : "stories";
}

/*
 * Lay out the hint line, the items that fit whole, in order, drawing
 * them on row y when draw is set; returns whether an item of the
 * operation named (NULL: none) is on it.
 */
static int
ui_hints_layout(struct ui *ui, int y, int draw, const char *want)
{
	const struct hint	*h;
	const char		*label;
	char			 key[32];
	int			 x = 1, kw, lw, found = 0;

	for (h = ui_hints_of(ui); h->op != NULL; h++) {
		if (ui_hint_key(ui, h->op, key, sizeof key) != 0)
			continue;
		label = strcmp(h->label, "quit") == 0 ? ui_quit_word(ui) :
		    strcmp(h->label, "stories") == 0 ? ui_sidebar_word(ui) :
		    strcmp(h->label, "index-open") != 0 ? h->label :
		    ui_people_orgs(ui) ? "stories" : "dossier";
		kw = ui_width(key, strlen(key));
		lw = (int)strlen(label) + 1;
		if (x + kw + lw > COLS - 1)
			break;
		if (want != NULL && strcmp(want, h->op) == 0)
			found = 1;
		if (draw) {
			ui_put(y, x, kw, key, strlen(key),
			    ui->attr[E_HELP_KEY], NULL, NULL);
			ui_put(y, x + kw, 1, ":", 1, ui->attr[E_HELP_TEXT],
			    NULL, NULL);
			ui_put(y, x + kw + 1, lw - 1, label, strlen(label),
			    ui->attr[E_HELP_TEXT], NULL, NULL);
		}
		x += kw + lw + 2;
	}
	return found;
}

/*
 * The keys the status line ends with: the help and quit keys as bound
 * now in the focused pane, "?:help  q:quit", but only those the hint
 * line does not show (quit none where it shows back); empty if neither,
 * and under the help screen.
 */
void
ui_hints_status(struct ui *ui, char *out, size_t len)
{
	char	help[32], quit[32];
	int	h, q, hints = ui_hints_shown(ui);

	*out = '\0';
	if (ui->help)
		return;		/* its title says how to leave it */
	h = ui_hint_key(ui, "help", help, sizeof help) == 0 &&
	    !(hints && ui_hints_layout(ui, 0, 0, "help"));
	q = ui_hint_key(ui, "quit", quit, sizeof quit) == 0 &&
	    !(hints && (ui_hints_layout(ui, 0, 0, "quit") ||
	    ui_hints_layout(ui, 0, 0, "back")));
	snprintf(out, len, "%s%s%s%s%s%s", h ? help : "", h ? ":help" : "",
	    h && q ? "  " : "", q ? quit : "", q ? ":" : "",
	    q ? ui_quit_word(ui) : "");
}

/* Draw the hint line on row y. */
void
ui_hints_draw(struct ui *ui, int y)
{
	ui_fill(y, 0, COLS, ui->attr[E_NORMAL]);
	ui_hints_layout(ui, y, 1, NULL);
}
