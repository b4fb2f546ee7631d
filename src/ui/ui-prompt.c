/*
 * Reading from the bottom line: the one line editor every prompt uses
 * (the ':' command line, tags, notes, searches, names), a yes-or-no
 * question and a choice of keys.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ui-int.h"
#include "utf8.h"
#include "xmalloc.h"
#include "banned.h"

/* Remove the last character, or with word the last word, of an input. */
static void
ui_prompt_erase(struct buf *line, int word)
{
	size_t	n = line->len;

	if (word) {
		while (n > 0 && line->data[n - 1] == ' ')
			n--;
		while (n > 0 && line->data[n - 1] != ' ')
			n--;
	} else if (n > 0) {
		n--;
		while (n > 0 && (line->data[n] & 0xc0) == 0x80)
			n--;
	}
	line->len = n;
	line->data[n] = '\0';
}

/*
 * Draw the prompt and the line typed so far on the bottom row (the end of
 * a line longer than the row), the hint above it, and put the cursor
 * after it.
 */
static void
prompt_draw(struct ui *ui, const char *prompt, const struct buf *line)
{
	int	w, pw;

	if (ui->prompt_hint != NULL && LINES > 2) {
		ui_fill(LINES - 2, 0, COLS, ui->attr[E_STATUS]);
		ui_put(LINES - 2, 1, COLS - 2, ui->prompt_hint,
		    strlen(ui->prompt_hint), ui->attr[E_STATUS], NULL,
		    NULL);
	}
	ui_fill(LINES - 1, 0, COLS, ui->attr[E_NORMAL]);
	pw = ui_put(LINES - 1, 0, COLS / 2, prompt, strlen(prompt),
	    ui->attr[E_PROMPT], NULL, NULL);
	/* Show the end of a line longer than the row. */
	w = ui_width(line->data, line->len);
	if (w > COLS - pw - 2) {
		size_t	off = 0, n;

		/*
		 * One pass, a character at a time: measuring the
		 * rest from each byte made a pasted line of 2 KiB
		 * take seconds a key.
		 */
		while (off < line->len && w > COLS - pw - 2) {
			for (n = 1; off + n < line->len &&
			    (line->data[off + n] & 0xc0) == 0x80; n++)
				;
			w -= ui_width(line->data + off, n);
			off += n;
		}
		w = ui_put(LINES - 1, pw, COLS - pw - 1,
		    line->data + off, line->len - off,
		    ui->attr[E_PROMPT], NULL, NULL);
	} else
		w = ui_put(LINES - 1, pw, COLS - pw - 1, line->data,
		    line->len, ui->attr[E_PROMPT], NULL, NULL);
	move(LINES - 1, pw + w);
}

/*
 * Read a line on the bottom row after a prompt, starting from initial (may
 * be NULL). Enter gives 1 and *out (caller frees); Escape, C-g or erasing
 * past the start gives 0. Backspace, C-w (word) and C-u (line) edit; at
 * most max bytes are taken and unsafe characters never enter.
 */
int
ui_prompt(struct ui *ui, const char *prompt, const char *initial,
    size_t max, char **out)
{
	struct buf	 line;
	wint_t		 ch;
	int		 rc, done = -1;

	*out = NULL;
	buf_init(&line);
	buf_addc(&line, '\0');
	line.len = 0;
	if (initial != NULL && strlen(initial) < max) {
		buf_add(&line, initial, strlen(initial));
		buf_addc(&line, '\0');
		line.len--;
	}
	/* Wake now and then: a signal must be seen while the user types. */
	timeout(250);
	curs_set(1);
	while (done == -1) {
		prompt_draw(ui, prompt, &line);
		refresh();
		rc = get_wch(&ch);
		if (ui_interrupted()) {
			done = 0;
			break;
		}
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			/* Lay the screen out again behind the prompt. */
			ui->flags |= UI_RELAYOUT | UI_LIST | UI_REDRAW;
			ui_frame(ui);
			continue;
		}
		if (rc == OK && (ch == 27 || ch == 7))
			done = 0;
		else if (rc == OK && (ch == '\r' || ch == '\n'))
			done = 1;
		else if ((rc == KEY_CODE_YES && ch == KEY_BACKSPACE) ||
		    (rc == OK && (ch == 127 || ch == 8))) {
			if (line.len == 0)
				done = 0;
			else
				ui_prompt_erase(&line, 0);
		} else if (rc == OK && ch == 23)
			ui_prompt_erase(&line, 1);
		else if (rc == OK && ch == 21) {
			line.len = 0;
			line.data[0] = '\0';
		} else if (rc == OK && ch >= 0x20 &&
		    !utf8_is_unsafe((uint32_t)ch) && line.len + 4 <= max)
			utf8_encode(&line, (uint32_t)ch);
	}
	curs_set(0);
	if (done == 1)
		*out = xstrdup(line.data);
	buf_free(&line);
	ui->flags |= UI_RELAYOUT | UI_REDRAW;
	return done;
}

/* Read a command on the bottom line and run it. */
int
ui_prompt_command(struct ui *ui)
{
	char	*line, *err = NULL;
	int	 rc, flags = UI_REDRAW | UI_RELAYOUT;

	if (ui_prompt(ui, ":", NULL, 512, &line) != 1)
		return flags;
	if ((rc = ui_config_run(ui, line, &err)) < 0) {
		ui_error(ui, "%s", err);
		free(err);
	} else
		flags |= rc;
	free(line);
	return flags;
}

/*
 * Show a question on the bottom line and read one key: the key, or 0 if
 * the screen was interrupted. A question too long for the line is cut
 * before its last word ("(y/n)"), so what to answer always shows.
 */
static int
prompt_key(struct ui *ui, const char *question)
{
	const char *last = strrchr(question, ' ');
	wint_t	ch;
	int	rc, pw, lw;

	if (last == NULL)
		last = question + strlen(question);
	timeout(250);
	curs_set(1);
	for (;;) {
		ui_fill(LINES - 1, 0, COLS, ui->attr[E_NORMAL]);
		lw = ui_width(last, strlen(last));
		if (ui_width(question, strlen(question)) <= COLS - 1 ||
		    lw + 2 > COLS - 1)
			pw = ui_put(LINES - 1, 0, COLS - 1, question,
			    strlen(question), ui->attr[E_PROMPT], NULL, NULL);
		else {
			pw = ui_put_cut(LINES - 1, 0, COLS - 1 - lw, question,
			    (size_t)(last - question), ui->attr[E_PROMPT]);
			pw += ui_put(LINES - 1, pw, lw, last, strlen(last),
			    ui->attr[E_PROMPT], NULL, NULL);
		}
		move(LINES - 1, pw < COLS - 1 ? pw + 1 : pw);
		refresh();
		while ((rc = get_wch(&ch)) == ERR && !ui_interrupted())
			;
		if (ui_interrupted() || rc != KEY_CODE_YES ||
		    ch != KEY_RESIZE)
			break;
		/* Lay the screen out again behind the question. */
		ui->flags |= UI_RELAYOUT | UI_LIST | UI_REDRAW;
		ui_frame(ui);
	}
	curs_set(0);
	ui->flags |= UI_RELAYOUT | UI_REDRAW;
	return rc == OK && !ui_interrupted() ? (int)ch : 0;
}

/* Ask a yes-or-no question on the bottom line; 1 only for y or Y. */
int
ui_prompt_confirm(struct ui *ui, const char *question)
{
	int	key = prompt_key(ui, question);

	return key == 'y' || key == 'Y';
}

/*
 * Offer a choice of keys on the bottom line, in a shorter wording when
 * the long one does not fit (NULL: none): the key pressed, 0 for Escape,
 * C-g or an interruption.
 */
int
ui_prompt_key(struct ui *ui, const char *choice, const char *shorter)
{
	int	key;

	if (shorter != NULL && ui_width(choice, strlen(choice)) > COLS - 1)
		choice = shorter;
	key = prompt_key(ui, choice);
	return key == 27 || key == 7 ? 0 : key;
}
