/*
 * The names under "Quoted with" in a dossier (ui-dossier.c): the cursor
 * moves over them between the header and the quotes, and Enter opens
 * the dossier of the one under it. They are shown only above the newest
 * quotes (the header is), so only from there does the cursor reach them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

#define PEERS_JUMP	0x10000000	/* a move this far is g or G */

/*
 * Move the cursor by *d over the names, from the header, from the
 * newest quote upwards, or from a name: UI_REDRAW when it stays on a
 * name or goes to the header; -1 when the quotes take the move, *d then
 * being what is left of it from the header.
 */
int
ui_dossier_peer_move(struct ui *ui, int *d)
{
	struct ui_dossier	*x = &ui->dossier;
	long			 n = (long)x->d.peers.n, t;

	if (n == 0 || !x->head || *d >= PEERS_JUMP || *d <= -PEERS_JUMP) {
		x->peer = -1;
		return -1;
	}
	if (x->peer >= 0)
		t = x->peer + *d;
	else if (x->cur == -1 && *d > 0)
		t = *d - 1;
	else if (x->cur >= 0 && x->cur + *d < 0)
		t = n + x->cur + *d;
	else
		return -1;
	if (t >= n) {
		/* Past the last name: into the quotes. */
		x->peer = -1;
		x->cur = -1;
		*d = (int)(t - n + 1);
		return -1;
	}
	x->cur = -1;
	x->peer = t >= 0 ? t : -1;
	x->follow = 1;
	if (t < 0)
		x->top = 0;
	return UI_REDRAW;
}

/* Scroll the rows lines shown from x->top to show the name's lines. */
void
ui_dossier_peer_follow(struct ui_dossier *x, int rows)
{
	size_t	l, end;

	for (l = 0; l < x->nlines && x->lines[l].peer != x->peer; l++)
		;
	for (end = l; end < x->nlines && x->lines[end].peer == x->peer; end++)
		;
	if (l == x->nlines)
		return;
	if (l < x->top)
		x->top = l;
	if (end > x->top + (size_t)rows)
		x->top = end - (size_t)rows > l ? l : end - (size_t)rows;
}

/* Enter on a name: its dossier, in place of this one. */
int
ui_dossier_peer_open(struct ui *ui)
{
	struct ui_dossier	*x = &ui->dossier;
	char			*name;
	int			 flags;

	if (x->peer < 0 || x->peer >= (long)x->d.peers.n ||
	    x->d.peers.v[x->peer].text == NULL)
		return 0;
	name = xstrdup(x->d.peers.v[x->peer].text);
	flags = ui_dossier_find(ui, name);
	free(name);
	return flags;
}
