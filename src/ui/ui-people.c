/*
 * The people index, shown in the list pane when People or Speakers is
 * chosen in the feed list: a row a person (name, role with country,
 * quotes, stories, last quoted), sorted by quotes, last quoted or name,
 * limited to the names holding some words (as mutt's limit). It is read
 * a window at a time after a key of the store's index, never whole: the
 * keys of the windows above are kept to page back. Enter opens the
 * dossier (ui-dossier.c); on an organisation or a place (Organisations,
 * Places: the latter by last seen, the newest story naming it), the
 * stories naming it.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

#define PEOPLE_LIMIT_MAX	200	/* bytes of a limit typed */

static const char *const people_sort_names[] = {
	[STORE_PEOPLE_QUOTES] = "quotes",
	[STORE_PEOPLE_RECENT] = "last quoted",
	[STORE_PEOPLE_NAME] = "name",
};

/* The name of the order by time: places are last seen, not quoted. */
static const char *
people_sort_name(const struct ui_people *p)
{
	if (p->sort == STORE_PEOPLE_RECENT && p->kind != NULL &&
	    strcmp(p->kind, "place") == 0)
		return "last seen";
	return people_sort_names[p->sort];
}

/* Rows of a window: the pane's rows under the column heads. */
static size_t
people_height(struct ui *ui)
{
	int	n = ui_layout_rows(ui, PANE_LIST) - 1;

	return n > 0 ? (size_t)n : 1;
}

/* Forget the keys of the windows above. */
static void
people_tops_free(struct ui_people *p)
{
	size_t	i;

	for (i = 0; i < p->ntops; i++)
		free(p->tops[i].name);
	free(p->tops);
	p->tops = NULL;
	p->ntops = 0;
}

/* Read the window after the last key kept (none: the first). */
int
ui_people_load(struct ui *ui)
{
	struct ui_people	*p = &ui->people;
	struct store_people_key	 key;
	char			*err = NULL;

	library_person_rows_free(&p->rows);
	p->height = 0;
	if (!p->shown || ui->too_small)
		return UI_REDRAW;
	if (p->ntops > 0) {
		key.value = p->tops[p->ntops - 1].value;
		key.name = p->tops[p->ntops - 1].name;
		key.row = p->tops[p->ntops - 1].row;
	}
	if (library_people_match(ui->store, p->sort, p->kind, p->match,
	    p->ntops > 0 ? &key : NULL, people_height(ui), &p->rows,
	    &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
	}
	if (p->rows.n > 0 && p->cur >= p->rows.n)
		p->cur = p->rows.n - 1;
	p->height = people_height(ui);
	return UI_REDRAW;
}

/*
 * The panes were laid out anew: a window read for as many rows or more
 * is kept (cut to the pane), since reading it again costs a query (a
 * limit's name match takes tens of milliseconds on a big library); a
 * taller pane, or a cursor the cut would hide, reads it again.
 */
int
ui_people_fit(struct ui *ui)
{
	struct ui_people	*p = &ui->people;
	size_t			 h = people_height(ui);

	if (!p->shown || ui->too_small)
		return ui_people_load(ui);
	if (p->height == h)
		return 0;
	if (p->height > h && p->cur < h) {
		library_person_rows_cut(&p->rows, h, p->sort);
		p->height = h;
		return UI_REDRAW;
	}
	return ui_people_load(ui);
}

/* Keep the key after the window as the next window's top. */
static void
people_push(struct ui_people *p)
{
	p->tops = xreallocarray(p->tops, p->ntops + 1, sizeof *p->tops);
	p->tops[p->ntops].value = p->rows.next.value;
	p->tops[p->ntops].name = xstrdup(p->rows.next.name != NULL ?
	    p->rows.next.name : "");
	p->tops[p->ntops].row = p->rows.next.row;
	p->ntops++;
}

/* Go back to the window above. */
static void
people_pop(struct ui *ui)
{
	struct ui_people	*p = &ui->people;

	free(p->tops[--p->ntops].name);
	ui_people_load(ui);
}

/* Show the index of a kind ("person", "quoted") in the list pane. */
int
ui_people_show(struct ui *ui, const char *kind, const char *label)
{
	struct ui_people	*p = &ui->people;

	if (!p->shown || p->kind == NULL || strcmp(p->kind, kind) != 0) {
		free(p->kind);
		free(p->label);
		p->kind = xstrdup(kind);
		p->label = xstrdup(label);
		free(p->match);		/* a limit is the index's shown */
		p->match = NULL;
		people_tops_free(p);
		p->cur = 0;
	}
	p->shown = 1;
	p->back = 0;
	return UI_LIST | UI_REDRAW;	/* the window read before the frame */
}

/* Draw one row: name, role, quotes, stories, last quoted. */
static void
people_row(struct ui *ui, int y, int cols, const struct lib_person_row *r,
    attr_t a, attr_t ra)
{
	struct ui_rect	*rc = &ui->r[PANE_LIST];
	char		 nums[64];
	int		 numw, namew, x = rc->x + 1;

	snprintf(nums, sizeof nums, "%6lld %7lld  %-11s", (long long)r->quotes,
	    (long long)r->stories, r->last);
	numw = (int)strlen(nums);
	if (numw + 20 > cols - 1) {
		/* Narrow: the quotes only. */
		snprintf(nums, sizeof nums, "%6lld", (long long)r->quotes);
		numw = (int)strlen(nums);
	}
	namew = cols - 2 - numw;
	if (r->role != NULL && namew >= 30)
		namew = namew * 2 / 5;
	ui_put_cut(y, x, namew, r->name, strlen(r->name), a);
	if (r->role != NULL && cols - 2 - numw - namew > 6)
		ui_put_cut(y, x + namew + 1, cols - 3 - numw - namew, r->role,
		    strlen(r->role), ra);
	ui_put(y, rc->x + cols - numw - 1, numw, nums, strlen(nums), ra,
	    NULL, NULL);
}

/* Draw the people index. */
static void
people_draw(struct ui *ui)
{
	struct ui_people	*p = &ui->people;
	struct ui_rect		*r = &ui->r[PANE_LIST];
	char			*title, heads[64];
	int			 cols = ui_layout_cols(ui, PANE_LIST), y, hw;
	size_t			 i, h = people_height(ui);
	attr_t			 a, ra;

	xasprintf(&title, "%s by %s%s%s%s", p->label,
	    people_sort_name(p), p->match != NULL ? ", names with '" :
	    "", p->match != NULL ? p->match : "", p->match != NULL ? "'" : "");
	ui_box(ui, PANE_LIST, title);
	free(title);
	snprintf(heads, sizeof heads, "%6s %7s  %-11s", "quotes", "stories",
	    ui_people_orgs(ui) == 2 ? "last seen" : "last quoted");
	hw = (int)strlen(heads);
	if (hw + 20 > cols - 1) {
		snprintf(heads, sizeof heads, "%6s", "quotes");
		hw = (int)strlen(heads);
	}
	ui_put_cut(r->y + 1, r->x + 1, cols - 2 - hw, "name, role", 10,
	    ui->attr[E_SIDEBAR_HEADING]);
	ui_put(r->y + 1, r->x + cols - hw - 1, hw, heads, strlen(heads),
	    ui->attr[E_SIDEBAR_HEADING], NULL, NULL);
	if (p->rows.n == 0) {
		ui_put_cut(r->y + 2, r->x + 1, cols - 2, p->match != NULL ?
		    "No names hold these words." : "Nobody yet.", p->match !=
		    NULL ? 26 : 11, ui->attr[E_SIDEBAR_ROLE]);
		return;
	}
	for (y = 0, i = 0; i < p->rows.n && i < h; y++, i++) {
		a = ui->attr[E_ARTICLE];
		ra = ui->attr[E_ARTICLE_DATE];
		if (i == p->cur) {
			a = ra = ui->attr[ui->focus == PANE_LIST ?
			    E_ARTICLE_SELECTED : E_ARTICLE_SELECTED_UNFOCUSED];
			ui_fill(r->y + 2 + y, r->x, cols, a);
		}
		people_row(ui, r->y + 2 + y, cols, &p->rows.v[i], a, ra);
	}
}

/* Move the cursor by d, reading the windows below or above. */
static int
people_move(struct ui *ui, int d)
{
	struct ui_people	*p = &ui->people;
	long			 t = (long)p->cur + d, n;

	if (p->rows.n == 0)
		return 0;
	/* A full window may have more after it. */
	while (t >= (long)p->rows.n && p->rows.n == people_height(ui)) {
		n = (long)p->rows.n;
		people_push(p);
		ui_people_load(ui);
		if (p->rows.n == 0) {
			people_pop(ui);
			t = n - 1;
			break;
		}
		t -= n;
	}
	while (t < 0 && p->ntops > 0) {
		people_pop(ui);
		t += (long)p->rows.n;
	}
	if (t < 0)
		t = 0;
	if (t >= (long)p->rows.n)
		t = (long)p->rows.n - 1;
	p->cur = (size_t)t;
	return UI_REDRAW;
}

/* Go to the first or the last row, window by window. */
static int
people_edge(struct ui *ui, int bottom)
{
	struct ui_people	*p = &ui->people;

	if (!bottom) {
		people_tops_free(p);
		p->cur = 0;
		return ui_people_load(ui);
	}
	return people_move(ui, 0x7fffffff);
}

/*
 * Does the index list organisations (1) or places (2), Enter listing a
 * row's stories? 0 if neither.
 */
int
ui_people_orgs(struct ui *ui)
{
	if (!ui->people.shown || ui->people.kind == NULL)
		return 0;
	if (strcmp(ui->people.kind, "org") == 0)
		return 1;
	return strcmp(ui->people.kind, "place") == 0 ? 2 : 0;
}

/* The dossier of the row under the cursor (w; Enter but on an org). */
int
ui_people_dossier(struct ui *ui)
{
	struct ui_people	*p = &ui->people;

	if (p->cur >= p->rows.n)
		return 0;
	return ui_dossier_show(ui, &p->rows.v[p->cur]);
}

/*
 * The stories naming the organisation or place under the cursor, in
 * the list pane; q there comes back to the index.
 */
static int
people_stories(struct ui *ui)
{
	struct ui_people	*p = &ui->people;
	struct store_filter	 f;
	int			 flags;

	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_ENTITY;
	f.value = p->rows.v[p->cur].name;
	f.entity_kind = ui_people_orgs(ui) == 2 ? "place" : "org";
	p->shown = 0;
	ui->focus = PANE_LIST;
	flags = ui_list_set(ui, &f, p->rows.v[p->cur].name, -1);
	p->back = 1;
	return flags | UI_LIST | UI_REDRAW;
}

/* Enter: the dossier of the row under the cursor, an org's or place's
 * stories. */
static int
people_open(struct ui *ui)
{
	struct ui_people	*p = &ui->people;

	if (p->cur >= p->rows.n)
		return 0;
	if (ui_people_orgs(ui))
		return people_stories(ui);
	return ui_dossier_show(ui, &p->rows.v[p->cur]);
}

/* q: close the dossier or story beside; else back to the feed list. */
static int
people_quit(struct ui *ui)
{
	if (ui->reading || ui->dossier.shown || ui->quotes.shown)
		return ui_article_leave(ui);
	if (ui->shown[PANE_FEEDS]) {
		ui->focus = PANE_FEEDS;
		return UI_REDRAW;
	}
	return UI_QUIT;
}

/* h: as q, never quitting. */
static int
people_back(struct ui *ui)
{
	return people_quit(ui) & ~UI_QUIT;
}

/* No story is under the cursor here: t, a, r, s act on none. */
static int64_t
people_story(struct ui *ui)
{
	(void)ui;
	return 0;
}

/* Sort the index by quotes, last quoted or name, as the key asked says. */
int
ui_op_sort(struct ui *ui)
{
	struct ui_people	*p = &ui->people;
	int			 key;

	if (!p->shown || ui->focus != PANE_LIST) {
		ui_info(ui, "sorting is for the people index");
		return UI_REDRAW;
	}
	key = ui_prompt_key(ui, ui_people_orgs(ui) == 2 ?
	    "Sort by: q quotes  r last seen  n name" :
	    "Sort by: q quotes  r last quoted  n name", "Sort: q r n");
	if (key == 'q')
		p->sort = STORE_PEOPLE_QUOTES;
	else if (key == 'r')
		p->sort = STORE_PEOPLE_RECENT;
	else if (key == 'n')
		p->sort = STORE_PEOPLE_NAME;
	else
		return UI_REDRAW;
	people_tops_free(p);
	p->cur = 0;
	return UI_LIST | UI_REDRAW;
}

/* Limit the index to the names holding the words typed ("" for all). */
int
ui_op_limit(struct ui *ui)
{
	struct ui_people	*p = &ui->people;
	char			*line = NULL;

	if (!p->shown || ui->focus != PANE_LIST) {
		ui_info(ui, "a limit is for the people index");
		return UI_REDRAW;
	}
	if (ui_prompt(ui, "Limit to names holding: ", p->match,
	    PEOPLE_LIMIT_MAX, &line) != 1)
		return UI_REDRAW;
	free(p->match);
	p->match = *line != '\0' ? line : NULL;
	if (p->match == NULL)
		free(line);
	people_tops_free(p);
	p->cur = 0;
	return UI_LIST | UI_REDRAW;
}

/* Free the index. */
void
ui_people_free(struct ui *ui)
{
	struct ui_people	*p = &ui->people;

	library_person_rows_free(&p->rows);
	people_tops_free(p);
	free(p->kind);
	free(p->label);
	free(p->match);
	p->kind = p->label = p->match = NULL;
	p->shown = 0;
}

const struct ui_pane_ops ui_people_pane = {
	.table = T_PEOPLE,
	.item_rows = 1,
	.draw = people_draw,
	.move = people_move,
	.edge = people_edge,
	.open = people_open,
	.quit = people_quit,
	.back = people_back,
	.story = people_story,
};
