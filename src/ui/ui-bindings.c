/*
 * Bindings: which key runs which operation, in which key table. A key is
 * looked up first in the table of the focused pane, then in the global
 * one, where the defaults live. The defaults are lines of the config file
 * read by the same parser (ui_config_run) as the user's, so the defaults,
 * the config, the help screen and 'dossier help --keys' cannot disagree.
 * Here too: bind and unbind, newsboat's forms of them (ui-config.c), and
 * the keys that run an operation, for the help.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* The default bindings, parsed like lines of the config file. */
static const char *const bindings_default[] = {
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
	"bind D delete",
	"bind A mark-list-read",
	"bind e toggle-sidebar",
	"bind o open-link",
	"bind : command",
	"bind C-l redraw",
	"bind R fetch", "bind -T feeds R fetch-feed",
	"bind t tag", "bind a annotate",
	"bind -T article v select", "bind Escape back",
	"bind z zoom", "bind F toggle-feeds",
	"bind ] next-quote", "bind [ prev-quote", "bind c correct",
	"bind -T people o sort", "bind -T people / limit", "bind w dossier",
	"bind W quotes",
	"bind -T dossier ] next-month", "bind -T dossier [ prev-month",
};

/* The key tables' names, in the order of enum ui_table (ui-int.h). */
static const char *const bindings_table_names[T_NTABLES] = {
	"global", "feeds", "list", "article", "sidebar", "quotes", "people",
	"dossier"
};

struct binding {
	int	 table;
	int	 key;
	size_t	 op;
};

static struct binding	*bindings;
static size_t		 nbindings;

/* A key table by its name; -1 and *err if there is none. */
static int
bindings_table_find(const char *name, char **err)
{
	int	t;

	for (t = 0; t < T_NTABLES; t++)
		if (strcmp(bindings_table_names[t], name) == 0)
			return t;
	xasprintf(err, "unknown key table '%s'", name);
	return -1;
}

/* Find a key's binding in a table; nbindings if none. */
static size_t
bindings_find(int table, int key)
{
	size_t	i;

	for (i = 0; i < nbindings; i++)
		if (bindings[i].table == table && bindings[i].key == key)
			break;
	return i;
}

/* Bind a key in a table, replacing what it did there. */
static void
bindings_add(int table, int key, size_t op)
{
	size_t	i;

	if ((i = bindings_find(table, key)) < nbindings) {
		bindings[i].op = op;
		return;
	}
	bindings = xreallocarray(bindings, nbindings + 1, sizeof *bindings);
	bindings[nbindings].table = table;
	bindings[nbindings].key = key;
	bindings[nbindings++].op = op;
}

/* Remove a key's binding from a table (key -1: all); -1 if it had none. */
static int
bindings_remove(int table, int key)
{
	size_t	i;
	int	rv = -1;

	for (i = 0; i < nbindings; ) {
		if (bindings[i].table == table &&
		    (key == -1 || bindings[i].key == key)) {
			bindings[i] = bindings[--nbindings];
			rv = 0;
		} else
			i++;
	}
	return rv;
}

/*
 * bind [-T TABLE] KEY OPERATION, unbind [-T TABLE] KEY, as the words w[0]
 * ("bind" or "unbind") to w[n - 1].
 */
int
ui_bindings_command(char **w, int n, char **err)
{
	char	**a = w + 1;
	int	  na = n - 1, table = T_GLOBAL, bind = w[0][0] == 'b', key;
	size_t	  op;

	if (na >= 2 && strcmp(a[0], "-T") == 0) {
		if ((table = bindings_table_find(a[1], err)) == -1)
			return -1;
		a += 2;
		na -= 2;
	}
	if (na != (bind ? 2 : 1)) {
		xasprintf(err, "usage: %s", bind ?
		    "bind [-T TABLE] KEY OPERATION" : "unbind [-T TABLE] KEY");
		return -1;
	}
	if ((key = ui_key_parse(a[0])) == -1) {
		xasprintf(err, "unknown key '%s'", a[0]);
		return -1;
	}
	if (!bind) {
		if (bindings_remove(table, key) != 0) {
			xasprintf(err, "key '%s' is not bound", a[0]);
			return -1;
		}
	} else if (ui_op_find(a[1], &op) != 0) {
		xasprintf(err, "unknown operation '%s'", a[1]);
		return -1;
	} else
		bindings_add(table, key, op);
	return UI_REDRAW;
}

/*
 * Bind a key to an operation in a table by their names, or with op NULL
 * unbind it (key -1: every key of the table); for newsboat's bind-key.
 */
int
ui_bindings_set(const char *table, int key, const char *op, char **err)
{
	size_t	o;
	int	t = T_GLOBAL;

	if (table != NULL && (t = bindings_table_find(table, err)) == -1)
		return -1;
	if (op == NULL) {
		/* Unbinding a key that is not bound is no error here. */
		bindings_remove(t, key);
		return UI_REDRAW;
	}
	if (ui_op_find(op, &o) != 0) {
		xasprintf(err, "unknown operation '%s'", op);
		return -1;
	}
	bindings_add(t, key, o);
	return UI_REDRAW;
}

/* The key table of the focused pane. */
int
ui_bindings_table(struct ui *ui)
{
	return ui_pane_focused(ui)->table;
}

/* The operation a key runs in the focused pane; -1 if none. */
int
ui_bindings_lookup(struct ui *ui, int key, size_t *op)
{
	size_t	i;

	if ((i = bindings_find(ui_bindings_table(ui), key)) == nbindings &&
	    (i = bindings_find(T_GLOBAL, key)) == nbindings)
		return -1;
	*op = bindings[i].op;
	return 0;
}

/* Binding i: its table (0: global), key and operation; -1 past the end. */
int
ui_bindings_get(size_t i, int *table, int *key, size_t *op)
{
	if (i >= nbindings)
		return -1;
	*table = bindings[i].table;
	*key = bindings[i].key;
	*op = bindings[i].op;
	return 0;
}

/* The keys bound to an operation, as "j, Down, article:Escape". */
void
ui_bindings_keys(size_t op, char *out, size_t len)
{
	char	name[32];
	size_t	i, used = 0;

	*out = '\0';
	for (i = 0; i < nbindings && used < len; i++) {
		if (bindings[i].op != op)
			continue;
		ui_key_name(bindings[i].key, name, sizeof name);
		used += (size_t)snprintf(out + used, len - used, "%s%s%s%s",
		    used > 0 ? ", " : "", bindings[i].table == T_GLOBAL ? "" :
		    bindings_table_names[bindings[i].table],
		    bindings[i].table == T_GLOBAL ? "" : ":", name);
	}
}

/* Bind the default keys, parsed as config lines. */
void
ui_bindings_init(struct ui *ui)
{
	char	*err = NULL;
	size_t	 i;

	ui_bindings_free();
	for (i = 0; i < sizeof bindings_default / sizeof bindings_default[0];
	    i++) {
		if (ui_config_run(ui, bindings_default[i], &err) < 0)
			fatal("default binding '%s': %s", bindings_default[i],
			    err);
	}
}

/* Drop every binding. */
void
ui_bindings_free(void)
{
	free(bindings);
	bindings = NULL;
	nbindings = 0;
}
