/*
 * The settings: one table of the options 'set' takes, each with the values
 * it takes, a line saying what it does, the kind of value it reads and
 * where the value goes (an int of struct ui, or a setter). One path (ui_options_set) looks an option up, reads its value
 * and calls its setter; the help screen's Settings section and the test
 * of dossier.conf(5) read the same table, so they cannot disagree.
 */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* What a value may be, and the number it is read as. */
enum opt_kind {
	OPT_WORD,	/* any word (a theme's name or path): 0 */
	OPT_BOOL,	/* on or off (yes, no): 1 or 0 */
	OPT_AUTO,	/* on, off or auto: 1, 0 or -1 */
	OPT_STORIES,	/* 0-1000000000, on (0: always ask) or off (-1) */
	OPT_COLUMNS,	/* 0-1000 */
	OPT_WIDTH	/* 4-500 columns, 5%-90% (-percent) or auto (0) */
};

static int	read_word(const char *, int *);
static int	read_bool(const char *, int *);
static int	read_auto(const char *, int *);
static int	read_stories(const char *, int *);
static int	read_columns(const char *, int *);
static int	read_width(const char *, int *);

/* Each kind's reader (0, or -1 for a bad value) and what it takes. */
static const struct {
	int		(*read)(const char *, int *);
	const char	*taken;
} opt_kinds[] = {
	[OPT_WORD] = { read_word, "a word" },
	[OPT_BOOL] = { read_bool, "on or off" },
	[OPT_AUTO] = { read_auto, "on, off or auto" },
	[OPT_STORIES] = { read_stories,
	  "a number of stories (0-1000000000), on or off" },
	[OPT_COLUMNS] = { read_columns, "columns 0-1000 (0: the pane's)" },
	[OPT_WIDTH] = { read_width, "columns 4-500, 5%-90% or auto" },
};

/*
 * A setter takes the value as read (n) and as typed (word); it returns
 * the UI_* flags of what to redo, or -1 with *err.
 */
typedef int	opt_setter(struct ui *, int, const char *, char **);

static opt_setter	set_theme, set_feed_list;

/* An int of struct ui that an option's value is stored in. */
#define OPT_INT(member)	offsetof(struct ui, member)
#define OPT_LAYOUT	(UI_RELAYOUT | UI_REDRAW)

/*
 * Every option of 'set', in the order of dossier.conf(5). Most store the
 * number their value is read as in an int of struct ui and ask for what
 * to redo; the others have a setter.
 */
static const struct ui_option {
	const char	*name;
	const char	*values;	/* as the help screen writes them */
	const char	*desc;
	enum opt_kind	 kind;
	opt_setter	*set;		/* NULL: store in field, return redo */
	size_t		 field;
	int		 redo;
} ui_options[] = {
	{ "theme", "NAME|PATH", "use a theme (default, light, mono)",
	  OPT_WORD, set_theme, 0, 0 },
	{ "sidebar", "on|off|auto", "show the sidebar always, never, or "
	  "when the terminal is wide", OPT_AUTO, NULL, OPT_INT(sidebar),
	  OPT_LAYOUT },
	{ "mark-read", "on|off", "opening a story marks it read", OPT_BOOL,
	  NULL, OPT_INT(mark_read), 0 },
	{ "hints", "on|off", "show the key-hint line above the status line",
	  OPT_BOOL, NULL, OPT_INT(hints), OPT_LAYOUT },
	{ "confirm-mark-read", "N|on|off", "ask before marking more than N "
	  "stories read (50)", OPT_STORIES, NULL,
	  OPT_INT(confirm_mark_read), 0 },
	{ "width", "N", "widest line of a story (0: the pane)", OPT_COLUMNS,
	  NULL, OPT_INT(max_width), OPT_LAYOUT },
	{ "feed-width", "W", "the feed list's width while browsing (W: "
	  "columns, N%, auto)", OPT_WIDTH, NULL, OPT_INT(width_opt[0]),
	  OPT_LAYOUT },
	{ "list-width", "W", "the lists' width beside a story", OPT_WIDTH,
	  NULL, OPT_INT(width_opt[1]), OPT_LAYOUT },
	{ "sidebar-width", "W", "the sidebar's width", OPT_WIDTH, NULL,
	  OPT_INT(width_opt[2]), OPT_LAYOUT },
	{ "feed-list", "on|off", "show the feed list, or fold it away",
	  OPT_BOOL, set_feed_list, 0, 0 },
};
#define UI_NOPTIONS (sizeof ui_options / sizeof ui_options[0])

/* set OPTION VALUE, as the words w[0] ("set") to w[n - 1]. */
int
ui_options_set(struct ui *ui, char **w, int n, char **err)
{
	const struct ui_option	*o = NULL;
	size_t			 i;
	int			 v;

	/* An option that is not ours is named first, whatever follows. */
	for (i = 0; n >= 2 && o == NULL && i < UI_NOPTIONS; i++)
		if (strcmp(ui_options[i].name, w[1]) == 0)
			o = &ui_options[i];
	if (n >= 2 && o == NULL) {
		xasprintf(err, "unknown option '%s'", w[1]);
		return -1;
	}
	if (n != 3) {
		xasprintf(err, "usage: set %s VALUE", n >= 2 ? w[1] : "OPTION");
		return -1;
	}
	if (opt_kinds[o->kind].read(w[2], &v) != 0) {
		xasprintf(err, "bad value '%s' for option '%s': %s", w[2],
		    w[1], opt_kinds[o->kind].taken);
		return -1;
	}
	if (o->set != NULL)
		return o->set(ui, v, w[2], err);
	*(int *)(void *)((char *)ui + o->field) = v;
	return o->redo;
}

/* Option i: its name, values and description; -1 past the last. */
int
ui_options_get(size_t i, const char **name, const char **values,
    const char **desc)
{
	if (i >= UI_NOPTIONS)
		return -1;
	*name = ui_options[i].name;
	*values = ui_options[i].values;
	*desc = ui_options[i].desc;
	return 0;
}

/* Any word. */
static int
read_word(const char *s, int *v)
{
	*v = 0;
	return 0;
}

/* "on" or "off", "yes" or "no". */
static int
read_bool(const char *s, int *v)
{
	if (strcmp(s, "on") == 0 || strcmp(s, "yes") == 0)
		*v = 1;
	else if (strcmp(s, "off") == 0 || strcmp(s, "no") == 0)
		*v = 0;
	else
		return -1;
	return 0;
}

/* on, off or auto (-1). */
static int
read_auto(const char *s, int *v)
{
	if (strcmp(s, "auto") == 0) {
		*v = -1;
		return 0;
	}
	return read_bool(s, v);
}

/* A whole number from lo to hi. */
static int
read_number(const char *s, long lo, long hi, int *v)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || n < lo || n > hi)
		return -1;
	*v = (int)n;
	return 0;
}

/* A number of stories; on is 0 (ask always), off -1 (never). */
static int
read_stories(const char *s, int *v)
{
	int	b;

	if (read_bool(s, &b) == 0) {
		*v = b ? 0 : -1;
		return 0;
	}
	return read_number(s, 0, 1000000000, v);
}

/* Columns, 0 for the pane's width. */
static int
read_columns(const char *s, int *v)
{
	return read_number(s, 0, 1000, v);
}

/*
 * A pane's width: "auto" (0), columns (4-500) or a percentage of the
 * terminal's width (5%-90%, read as -percent).
 */
static int
read_width(const char *s, int *v)
{
	char	*end;
	long	 n;

	if (strcmp(s, "auto") == 0) {
		*v = 0;
		return 0;
	}
	errno = 0;
	n = strtol(s, &end, 10);
	if (end == s || errno != 0 || (*end != '\0' && strcmp(end, "%") != 0))
		return -1;
	if (*end == '%') {
		if (n < 5 || n > 90)
			return -1;
		*v = -(int)n;
	} else {
		if (n < 4 || n > 500)
			return -1;
		*v = (int)n;
	}
	return 0;
}

/* set theme: load it, or keep the colours as they are. */
static int
set_theme(struct ui *ui, int v, const char *word, char **err)
{
	if (ui_theme_load(ui, word, err) != 0)
		return -1;
	return UI_REDRAW;
}

/* set feed-list: fold the feed list away (off) or bring it back (on). */
static int
set_feed_list(struct ui *ui, int v, const char *word, char **err)
{
	if (v == ui->feeds_folded)
		ui_op_toggle_feeds(ui);
	return UI_RELAYOUT | UI_REDRAW;
}
