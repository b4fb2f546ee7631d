/*
 * The screen's lifecycle: the terminal is set up on /dev/tty and always
 * given back (on quit, on fatal(), on SIGINT, SIGTERM and SIGHUP, whose
 * handlers only set a flag the loop reads); the status-line message; the
 * main loop that turns keys into actions and actions' flags into redraws.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plural.h"
#include "store.h"
#include "ui.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

static volatile sig_atomic_t	ui_signal;
static SCREEN			*ui_screen;
static FILE			*ui_tty;

/* Note a terminating signal; the loop restores the terminal and exits. */
static void
ui_on_signal(int sig)
{
	ui_signal = sig;
}

/* Give the terminal back: leave the alternate screen, cooked mode. */
static void
ui_restore(void)
{
	if (ui_screen == NULL)
		return;
	endwin();
	delscreen(ui_screen);
	ui_screen = NULL;
	if (ui_tty != NULL)
		fclose(ui_tty);
	ui_tty = NULL;
}

/* Has a signal asked the screen to end? Prompts give up when it has. */
int
ui_interrupted(void)
{
	return ui_signal != 0;
}

static void	ui_vmessage(struct ui *, int, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));

/* Set the status-line message, an error or not. */
static void
ui_vmessage(struct ui *ui, int error, const char *fmt, va_list ap)
{
	free(ui->message);
	ui->message = NULL;
	ui->message_error = error;
	if (fmt != NULL)
		xvasprintf(&ui->message, fmt, ap);
}

/* Say what went wrong on the status line, in the error colour. */
void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ui_vmessage(ui, 1, fmt, ap);
	va_end(ap);
}

/* Say something on the status line; NULL clears it. */
void
ui_info(struct ui *ui, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ui_vmessage(ui, 0, fmt, ap);
	va_end(ap);
}

/* Set up signals: terminating ones set a flag; no restart of reads. */
static void
ui_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Do what the pending flags ask, then paint. */
void
ui_frame(struct ui *ui)
{
	int	f = ui->flags;
	size_t	n = ui->feeds.list.n;

	ui->flags = 0;
	/* The feed list's length sets the panes' heights: read it first. */
	if (f & UI_FEEDS) {
		ui_feeds_load(ui, STORE_COUNT_CHEAP);
		if (ui->feeds.list.n != n)
			f |= UI_RELAYOUT;
	}
	/* A story opened or closed, a pane zoomed or folded: lay out anew. */
	if (ui_layout_sig(ui) != ui->layout_sig)
		f |= UI_RELAYOUT;
	if (f & UI_RELAYOUT) {
		ui_layout(ui);
		ui_article_wrap(ui);
	}
	/* The window's height may have changed. */
	if (f & (UI_LIST | UI_RELAYOUT))
		ui_list_load(ui);
	if (f & UI_LIST)
		ui_people_load(ui);
	else if (f & UI_RELAYOUT)
		ui_people_fit(ui);
	ui_draw(ui);
}

/* Free what the screen held. */
static void
ui_free(struct ui *ui)
{
	ui_article_close(ui);
	library_feeds_free(&ui->feeds.list);
	library_rows_free(&ui->list.rows);
	ui_quotes_free(ui);
	ui_people_free(ui);
	ui_dossier_free(ui);
	ui_list_free(ui);
	free(ui->theme);
	free(ui->message);
	while (ui->ncolours > 0)
		free(ui->colours[--ui->ncolours]);
	free(ui->colours);
	while (ui->ncfg_errs > 0)
		free(ui->cfg_errs[--ui->ncfg_errs]);
	free(ui->cfg_errs);
	ui_search_free(ui);
	ui_bindings_free();
}

/*
 * Take the terminal (/dev/tty, so output can be piped) and set it up;
 * -1 with a message on stderr if it cannot be used.
 */
static int
ui_term_open(void)
{
	if ((ui_tty = fopen("/dev/tty", "r+")) == NULL) {
		fprintf(stderr, "dossier: /dev/tty: %s\n", strerror(errno));
		return -1;
	}
	if ((ui_screen = newterm(NULL, ui_tty, ui_tty)) == NULL) {
		fprintf(stderr, "dossier: cannot use this terminal "
		    "(TERM=%s)\n", getenv("TERM") != NULL ?
		    getenv("TERM") : "");
		fclose(ui_tty);
		ui_tty = NULL;
		return -1;
	}
	fatal_set_hook(ui_restore);
	ui_signals();
	set_term(ui_screen);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	timeout(500);
	return 0;
}

/* Turn keys into actions until quit or a terminating signal. */
static void
ui_loop(struct ui *ui)
{
	wint_t	ch;
	int	rc;
	size_t	n;

	ui->flags = UI_RELAYOUT | UI_FEEDS | UI_LIST | UI_REDRAW;
	while (!ui_signal) {
		if (ui->flags & UI_QUIT)
			break;
		if (ui->flags != 0)
			ui_frame(ui);
		/*
		 * Counts that scan the table (starred, outlets) wait until the
		 * screen is up and no key is pending.
		 */
		timeout(ui->feeds.stale || ui->search.count_text != NULL ||
		    (ui->dossier.pending && ui->dossier.shown) ? 0 :
		    ui_fetch_busy(ui) ? 100 : 500);
		rc = get_wch(&ch);
		ui->flags |= ui_fetch_poll(ui);
		if (rc == ERR) {
			/* A dossier's facts, then a search's count. */
			if (ui->dossier.pending && ui->dossier.shown) {
				ui->flags |= ui_dossier_idle(ui);
				continue;
			}
			/* A search's count goes on between keys. */
			if (ui->search.count_text != NULL)
				ui->flags |= ui_search_count(ui, 50);
			if (ui->feeds.stale) {
				n = ui->feeds.list.n;
				ui_feeds_load(ui, STORE_COUNT_EVERY);
				ui->flags |= UI_REDRAW |
				    (ui->feeds.list.n != n ? UI_RELAYOUT : 0);
			}
			continue;
		}
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui->flags |= UI_RELAYOUT | UI_LIST | UI_REDRAW;
			continue;
		}
		ui->flags |= ui_key(ui, rc, ch);
	}
}

/*
 * Say on opening when an older extractor analysed some of the library's
 * stories (unless something else is said already); the index counts them.
 */
static void
ui_outdated(struct ui *ui)
{
	char	*err = NULL;
	int64_t	 n;

	if (ui->message == NULL &&
	    (n = store_extract_count(ui->store, 1, &err)) > 0)
		ui_info(ui, "%lld %s analysed by an older extractor: run "
		    "dossier analyze --outdated", (long long)n,
		    plural(n, "story", "stories"));
	free(err);
}

/* Run the screen until quit or a terminating signal. */
int
ui_main(struct store *store)
{
	struct ui	 ui;
	char		*err = NULL;
	int		 status = 0;

	memset(&ui, 0, sizeof ui);
	ui.store = store;
	ui.sidebar = -1;
	ui.mark_read = 1;
	ui.hints = 1;
	ui.confirm_mark_read = 50;
	ui.focus = PANE_LIST;
	ui.theme = xstrdup("default");
	ui_bindings_init(&ui);
	if (ui_term_open() != 0) {
		ui_free(&ui);
		return 1;
	}
	/* The config file may choose a theme; otherwise the default one. */
	ui_theme_builtin(&ui);
	ui_config_load(&ui);
	if (!ui.theme_loaded && ui_theme_load(&ui, ui.theme, &err) != 0)
		ui_theme_builtin(&ui);	/* not installed: plain attributes */
	free(err);
	ui_outdated(&ui);
	ui_loop(&ui);
	if (ui_signal)
		status = 128 + ui_signal;
	ui_restore();
	ui_fetch_stop(&ui);	/* after the terminal is back: no wait shown */
	fatal_set_hook(NULL);
	ui_free(&ui);
	return status;
}
