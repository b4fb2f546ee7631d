/*
 * Opening a story in a browser: the open-link operation (the story's own
 * address, or after a number N link [N] of its text), and the browser
 * started from $BROWSER or xdg-open with an argv, never a shell, the
 * terminal suspended while it runs.
 */
#include "config.h"

#include <sys/wait.h>

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "plural.h"
#include "store.h"
#include "ui-int.h"
#include "url.h"
#include "xmalloc.h"
#include "banned.h"

/* Is there a program of this name to run (a path, or one on $PATH)? */
static int
browser_have(const char *name)
{
	const char	*path, *p, *end;
	char		*full;
	int		 found = 0;

	if (strchr(name, '/') != NULL)
		return access(name, X_OK) == 0;
	if ((path = getenv("PATH")) == NULL || *path == '\0')
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; !found; p = end + 1) {
		end = p + strcspn(p, ":");
		xasprintf(&full, "%.*s/%s", end > p ? (int)(end - p) : 1,
		    end > p ? p : ".", name);
		found = access(full, X_OK) == 0;
		free(full);
		if (*end == '\0')
			break;
	}
	return found;
}

static void
browser_argv_free(char **argv)
{
	size_t	i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/*
 * One command of $BROWSER (len bytes at cmd) as argv: words parted by
 * blanks, never run by a shell. Single or double quotes keep blanks in a
 * word and are taken away, as a shell would (firefox '%s' is common), but
 * nothing else is special. A word holding %s becomes that word with the
 * address in its place (%% is a '%'), so the address is never split; with
 * no %s the address is the last word. NULL if there are no words.
 */
static char **
browser_words(const char *cmd, size_t len, const char *url)
{
	struct buf	  w;
	char		**argv;
	size_t		  argc = 0, i = 0;
	int		  placed = 0;
	char		  quote;

	argv = xcalloc(len / 2 + 3, sizeof *argv);
	for (;;) {
		while (i < len && (cmd[i] == ' ' || cmd[i] == '\t'))
			i++;
		if (i == len)
			break;
		buf_init(&w);
		quote = 0;
		for (; i < len && (quote != 0 || (cmd[i] != ' ' &&
		    cmd[i] != '\t')); i++) {
			if (quote == 0 && (cmd[i] == '\'' || cmd[i] == '"'))
				quote = cmd[i];
			else if (quote != 0 && cmd[i] == quote)
				quote = 0;
			else if (cmd[i] == '%' && i + 1 < len &&
			    cmd[i + 1] == 's') {
				buf_adds(&w, url);
				placed = 1;
				i++;
			} else if (cmd[i] == '%' && i + 1 < len &&
			    cmd[i + 1] == '%') {
				buf_addc(&w, '%');
				i++;
			} else
				buf_addc(&w, cmd[i]);
		}
		argv[argc++] = buf_detach(&w);
	}
	if (argc == 0) {
		free(argv);
		return NULL;
	}
	if (!placed)
		argv[argc++] = xstrdup(url);
	argv[argc] = NULL;
	return argv;
}

/*
 * The browser's argv for url: $BROWSER, a list of commands parted by ':'
 * of which the first installed one wins, else xdg-open. NULL with a
 * message on the status line if there is none.
 */
static char **
browser_argv(struct ui *ui, const char *url)
{
	const char	*env, *p, *end;
	char		**argv, *first = NULL;

	env = getenv("BROWSER");
	if (env == NULL || env[strspn(env, " \t:")] == '\0') {
		if (!browser_have("xdg-open")) {
			ui_error(ui, "no browser: set $BROWSER, or "
			    "install xdg-open");
			return NULL;
		}
		env = "xdg-open";
	}
	for (p = env; ; p = end + 1) {
		end = p + strcspn(p, ":");
		argv = browser_words(p, (size_t)(end - p), url);
		if (argv != NULL && browser_have(argv[0])) {
			free(first);
			return argv;
		}
		if (argv != NULL && first == NULL)
			first = xstrdup(argv[0]);
		browser_argv_free(argv);
		if (*end == '\0')
			break;
	}
	ui_error(ui, "no browser: cannot find %s; set $BROWSER",
	    first != NULL ? first : "?");
	free(first);
	return NULL;
}

/*
 * Open a link with $BROWSER or xdg-open, the terminal suspended. Only an
 * address url_openable allows is passed, checked here again right before
 * the browser starts: it begins "http://" or "https://", so it can never
 * be read as an option, and holds no blank or control character.
 */
static int
browser_open(struct ui *ui, const char *url)
{
	char		**argv;
	int		  status;
	pid_t		  pid;

	if (url == NULL || *url == '\0') {
		ui_error(ui, "this story has no link");
		return UI_REDRAW;
	}
	if (!url_openable(url)) {
		ui_error(ui, "not opened: only http and https addresses "
		    "are");
		return UI_REDRAW;
	}
	if ((argv = browser_argv(ui, url)) == NULL)
		return UI_REDRAW;

	def_prog_mode();
	endwin();
	fflush(stdout);
	if ((pid = fork()) == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "dossier: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid < 0)
		ui_error(ui, "cannot start %s: %s", argv[0],
		    strerror(errno));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		ui_error(ui, "%s failed", argv[0]);
	else
		ui_info(ui, "opened %s", url);
	browser_argv_free(argv);
	return UI_REDRAW | UI_RELAYOUT;
}

/*
 * Open a link in a browser: with a number N typed first, link [N] of the
 * list under the story, else the story's own address. The story is the
 * open one, or in the lists the selected one, as for r, s and t.
 */
int
ui_op_open_link(struct ui *ui)
{
	struct article	 other;
	const struct article *a = &ui->story.art;
	char		*err = NULL;
	size_t		 n = (size_t)ui->count;
	int64_t		 id;
	int		 read, starred, flags = UI_REDRAW;

	if ((id = ui_pane_target(ui, &read, &starred)) == 0) {
		ui_error(ui, "choose a story first");
		return UI_REDRAW;
	}
	article_init(&other);
	if (id != ui->story.id) {
		if (store_article_get(ui->store, id, &other, &err) != 0) {
			ui_error(ui, "%s", err != NULL ? err :
			    "the story is gone");
			goto out;
		}
		a = &other;
	}
	if (n == 0) {
		if (a->url != NULL)
			flags = browser_open(ui, a->url);
		else
			ui_error(ui, "the story has no address%s",
			    a->nlinks > 0 ? "; type a link's number first" :
			    "");
	} else if (n > a->nlinks) {
		if (a->nlinks == 0)
			ui_error(ui, "the story has no links");
		else
			ui_error(ui, "no link %zu: the story has %zu %s",
			    n, a->nlinks, plural(a->nlinks, "link", "links"));
	} else
		flags = browser_open(ui, a->links[n - 1].url);
out:
	article_free(&other);
	free(err);
	return flags;
}
