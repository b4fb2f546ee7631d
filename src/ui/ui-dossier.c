/*
 * The dossier of a speaker, shown in the article pane (opened from the
 * people index, the quotes view's title, or by w on a name in the
 * sidebar or the quotes view): the name, the names seen,
 * every role with the months first and last seen in it, the outlets that
 * quote them most, the quotes per month as bars, the people quoted with
 * them, the tags of their stories, then every quote, newest first, whole
 * and wrapped, with its date, outlet, role at the time and kind. The
 * quotes are read a window of about DOSSIER_WINDOW at a time (whole
 * stories), older or newer as the cursor moves past either end, G and g
 * reading the oldest or the newest, so a speaker with 100,000 quotes
 * costs no more than one with 100; only the window is laid out, as lines
 * for the pane's width; the cursor moves over the quotes, and Enter opens
 * a quote's story at the quote, marked (q comes back here).
 */
#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

#define DOSSIER_BAR_MAX	40	/* cells of the longest month's bar */
#define DOSSIER_FACT_MAX 400	/* bytes of a fact shown */
#define DOSSIER_WINDOW	100	/* quotes read at a time */
#define DOSSIER_NAME_MAX 120	/* cells of the name in the header */
#define DOSSIER_ROLES	20	/* roles shown; the rest counted */

/* Keep a string made for the layout; it lives as long as the lines. */
static const char *
dossier_keep(struct ui_dossier *x, char *s)
{
	x->strs = xreallocarray(x->strs, x->nstrs + 1, sizeof *x->strs);
	x->strs[x->nstrs++] = s;
	return s;
}

/* Add a line of s[0, len). */
static void
dossier_line(struct ui_dossier *x, const char *s, size_t len, int indent,
    enum ui_elem elem, long quote)
{
	struct ui_dline	*l;

	x->lines = xreallocarray(x->lines, x->nlines + 1, sizeof *x->lines);
	l = &x->lines[x->nlines++];
	l->s = s;
	l->len = len;
	l->indent = indent;
	l->elem = elem;
	l->quote = quote;
	l->peer = x->laying;
}

/* Add s wrapped at spaces to cols - indent cells, never cut. */
static void
dossier_wrap(struct ui_dossier *x, const char *s, int indent,
    enum ui_elem elem, long quote)
{
	size_t	len = strlen(s), n;
	int	cols = x->width - indent;

	if (cols < 1)
		cols = 1;
	if (len == 0)
		dossier_line(x, s, 0, indent, elem, quote);
	while (len > 0) {
		n = ui_wrap_cut(s, len, cols);
		dossier_line(x, s, n, indent, elem, quote);
		s += n;
		len -= n;
		while (len > 0 && *s == ' ') {
			s++;
			len--;
		}
	}
}

/* Add a formatted line, wrapped. */
static void
dossier_addf(struct ui_dossier *x, int indent, enum ui_elem elem,
    long quote, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
dossier_addf(struct ui_dossier *x, int indent, enum ui_elem elem,
    long quote, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	xvasprintf(&s, fmt, ap);
	va_end(ap);
	dossier_wrap(x, dossier_keep(x, s), indent, elem, quote);
}

/* A fact as shown: its text, cut to DOSSIER_FACT_MAX bytes. */
static const char *
dossier_fact(const struct lib_fact *f)
{
	return f->text != NULL ? f->text : "";
}

/*
 * Add a heading and a line a fact: "text [kind], first - last  (n ...)";
 * past max facts (0: none), a line counting the rest.
 */
static void
dossier_facts(struct ui_dossier *x, const char *heading,
    const struct lib_facts *f, const char *one, const char *many, int dates,
    size_t max)
{
	const struct lib_fact	*e;
	char			 when[64];
	size_t			 i;

	if (f->n == 0)
		return;
	dossier_line(x, "", 0, 0, E_BODY, -1);
	dossier_wrap(x, heading, 0, E_SUBHEADING, -1);
	for (i = 0; i < f->n && (max == 0 || i < max); i++) {
		e = &f->v[i];
		x->laying = f == &x->d.peers ? (long)i : -1;
		*when = '\0';
		if (dates && strcmp(e->first, e->last) != 0)
			snprintf(when, sizeof when, ", %s \xe2\x80\x93 %s",
			    e->first, e->last);
		else if (dates)
			snprintf(when, sizeof when, ", %s", e->first);
		dossier_addf(x, 2, E_BODY, -1, "%.*s%s%s%s%s  (%lld %s)",
		    DOSSIER_FACT_MAX, dossier_fact(e), e->kind != NULL ?
		    " [" : "", e->kind != NULL ? e->kind : "", e->kind !=
		    NULL ? "]" : "", when, (long long)e->n, e->n == 1 ? one :
		    many);
	}
	x->laying = -1;
	/* Those past max, and those the library left unread. */
	if (f->n - i + f->more > 0)
		dossier_addf(x, 2, E_HEADER_META, -1, "\xe2\x80\xa6 and"
		    " %zu more", f->n - i + f->more);
}

/* A month "2023-08" as "Aug 2023"; as given if it is not one. */
static void
dossier_month(const char *ym, char *out, size_t len)
{
	static const char *const names[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int	m;

	if (strlen(ym) == 7 && ym[4] == '-' && ym[5] >= '0' && ym[5] <= '1' &&
	    ym[6] >= '0' && ym[6] <= '9') {
		m = (ym[5] - '0') * 10 + (ym[6] - '0');
		if (m >= 1 && m <= 12) {
			snprintf(out, len, "%s %.4s", names[m - 1], ym);
			return;
		}
	}
	snprintf(out, len, "%.15s", ym);
}

/*
 * Add the quotes per month as bars, the month chosen marked (its quotes
 * are listed below the bars).
 */
static void
dossier_months(struct ui_dossier *x)
{
	const struct lib_dossier *d = &x->d;
	char			 month[16], *bar;
	size_t			 i;
	int			 w = x->width - 2 - 9 - 7, sel;

	if (d->months.n == 0)
		return;
	if (w > DOSSIER_BAR_MAX)
		w = DOSSIER_BAR_MAX;
	dossier_line(x, "", 0, 0, E_BODY, -1);
	dossier_wrap(x, "Quotes per month ([ and ]: a month's quotes)", 0,
	    E_SUBHEADING, -1);
	for (i = 0; i < d->months.n; i++) {
		/* "2023-08" as "Aug 2023". */
		dossier_month(dossier_fact(&d->months.v[i]), month,
		    sizeof month);
		bar = library_bar(d->months.v[i].n, d->month_max, w > 1 ? w :
		    1, ui_utf8());
		sel = x->month == (long)i;
		if (sel)
			x->month_line = x->nlines;
		dossier_addf(x, sel ? 0 : 2, sel ? E_SELECTION : E_BODY, -1,
		    "%s%-8s %6lld %s", sel ? "> " : "", month,
		    (long long)d->months.v[i].n, bar);
		free(bar);
	}
}

/*
 * The time a month "2023-08" ends (the next one's first second, UTC);
 * 0 if it is not one.
 */
static int64_t
dossier_month_end(const char *ym)
{
	int64_t	y, m, era, yoe, doy, doe;

	if (strlen(ym) != 7 || ym[4] != '-')
		return 0;
	y = strtol(ym, NULL, 10);
	m = strtol(ym + 5, NULL, 10) + 1;
	if (y < 1 || m < 2 || m > 13)
		return 0;
	if (m == 13) {
		y++;
		m = 1;
	}
	/* Days from 1970-01-01 to y-m-01 (Howard Hinnant's formula). */
	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468) * 86400;
}

/* Add a quote: its date, outlet, role and kind, then its words whole. */
static void
dossier_quote(struct ui_dossier *x, long i)
{
	const struct lib_quote_line *q = &x->d.quotes.v[i];
	const char	*date = q->date[0] == ' ' ? q->date + 1 : q->date;

	dossier_line(x, "", 0, 0, E_BODY, i);
	dossier_addf(x, 1, E_HEADER_META, i, "%s \xc2\xb7 %.*s%s%.*s \xc2\xb7"
	    " %s%s", *date != '\0' ? date : "(no date)", DOSSIER_FACT_MAX,
	    q->outlet != NULL ? q->outlet : "(no outlet)", q->role != NULL ?
	    " \xc2\xb7 " : "", DOSSIER_FACT_MAX, q->role != NULL ? q->role :
	    "", q->kind, q->corrected ? " [corrected]" : "");
	/* Only a direct quote is the speaker's words in quote marks. */
	if (strcmp(q->kind, "direct") == 0)
		dossier_addf(x, 3, E_QUOTE, i, "\xe2\x80\x9c%s\xe2\x80\x9d",
		    q->text);
	else
		dossier_wrap(x, q->text, 3, E_QUOTE, i);
}

/* The header of the dossier: name, roles, outlets, months, peers, tags. */
static void
dossier_header(struct ui_dossier *x)
{
	const struct lib_dossier *d = &x->d;
	char			 month[16];
	size_t			 n = strlen(d->who.name);
	size_t			 cut = ui_fit(d->who.name, n, DOSSIER_NAME_MAX,
				    NULL);

	/* A name or role of thousands of characters takes a few lines. */
	dossier_addf(x, 0, E_HEADER_TITLE, -1, "%.*s%s [%s]", (int)cut,
	    d->who.name, cut < n ? ui_ellipsis() : "", d->who.kind);
	if (d->who.role != NULL)
		dossier_addf(x, 2, E_HEADER_META, -1, "%.*s",
		    (int)ui_fit(d->who.role, strlen(d->who.role),
		    DOSSIER_FACT_MAX, NULL), d->who.role);
	dossier_addf(x, 2, E_HEADER_META, -1, "%lld %s in %lld %s%s%s",
	    (long long)d->who.quotes, d->who.quotes == 1 ? "quote" : "quotes",
	    (long long)d->who.stories, d->who.stories == 1 ? "story" :
	    "stories", d->who.last[0] != '\0' ? ", last " : "",
	    d->who.last[0] == ' ' ? d->who.last + 1 : d->who.last);
	if (x->pending) {
		dossier_line(x, "", 0, 0, E_BODY, -1);
		dossier_wrap(x, "Reading the names, roles, outlets, people and "
		    "months\xe2\x80\xa6", 0, E_HEADER_META, -1);
	}
	dossier_facts(x, "Names seen", &d->names, "time", "times", 0, 0);
	dossier_facts(x, "Roles", &d->roles, "story", "stories", 1,
	    DOSSIER_ROLES);
	dossier_facts(x, "Quoted most by", &d->outlets, "quote", "quotes", 0,
	    0);
	dossier_facts(x, "Quoted with", &d->peers, "story", "stories", 0, 0);
	dossier_facts(x, "Tags of their stories", &d->tags, "story",
	    "stories", 0, 0);
	/* The bars last: a month's quotes come right below them. */
	dossier_months(x);
	dossier_line(x, "", 0, 0, E_BODY, -1);
	if (x->month >= 0 && (size_t)x->month < d->months.n) {
		dossier_month(dossier_fact(&d->months.v[x->month]), month,
		    sizeof month);
		dossier_addf(x, 0, E_SUBHEADING, -1, "Quotes of %s (%lld),"
		    " then older", month, (long long)d->months.v[x->month].n);
	} else
		dossier_addf(x, 0, E_SUBHEADING, -1, "Quotes, newest first"
		    " (%lld)", (long long)d->who.quotes);
}

/*
 * Lay out the window of quotes read: the header above it only when it
 * starts at the newest quote, so the lines are as many as the window's.
 */
static void
dossier_layout(struct ui_dossier *x, int width)
{
	long	i;

	x->nlines = 0;
	x->width = width;
	if (x->head || x->month >= 0)
		dossier_header(x);
	else
		dossier_wrap(x, "\xe2\x80\xa6 newer quotes above (g: the "
		    "newest)", 0, E_HEADER_META, -1);
	for (i = 0; i < (long)x->d.quotes.n; i++)
		dossier_quote(x, i);
	if (!x->tail) {
		dossier_line(x, "", 0, 0, E_BODY, -1);
		dossier_wrap(x, "\xe2\x80\xa6 older quotes below (G: the "
		    "oldest)", 0, E_HEADER_META, -1);
	}
}

/* Drop the layout (the strings made for it). */
static void
dossier_unlay(struct ui_dossier *x)
{
	size_t	i;

	for (i = 0; i < x->nstrs; i++)
		free(x->strs[i]);
	free(x->strs);
	free(x->lines);
	x->strs = NULL;
	x->lines = NULL;
	x->nstrs = x->nlines = 0;
	x->width = 0;
}

/* Show the dossier of a row of the people index in the article pane. */
int
ui_dossier_show(struct ui *ui, const struct lib_person_row *row)
{
	struct ui_dossier	*x = &ui->dossier;
	struct lib_dossier	 d;
	char			*err = NULL;
	struct lib_quote_lines	 w;
	int			 more;

	/*
	 * The name and the newest quotes first; the facts over all their
	 * stories (seconds for a speaker of 50,000 quotes) between keys.
	 */
	library_dossier_init(&d, row);
	if (library_dossier_window(ui->store, &d.who, NULL, 1,
	    DOSSIER_WINDOW, &w, &more, &err) != 0) {
		library_dossier_free(&d);
		ui_error(ui, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	ui_dossier_free(ui);
	x->d = d;
	x->d.quotes = w;
	x->head = 1;
	x->tail = !more;
	x->loaded = x->shown = 1;
	x->pending = 1;
	x->from_quotes = ui->quotes.shown;
	x->from_story = !x->from_quotes && ui->story.id != 0 && ui->reading;
	x->from_pane = ui->focus;
	x->cur = x->peer = x->laying = -1;
	x->month = -1;
	x->top = 0;
	ui->quotes.shown = 0;
	ui->focus = PANE_ARTICLE;
	return UI_RELAYOUT | UI_REDRAW;
}

/*
 * Show the dossier of the speaker a name means (library_speaker_find):
 * of several, the one so named, else the most quoted.
 */
int
ui_dossier_find(struct ui *ui, const char *name)
{
	struct lib_person_rows	 found;
	char			*err = NULL;
	size_t			 i, pick = 0;
	int			 rv, flags;

	rv = library_speaker_find(ui->store, name, &found, &err);
	if (rv < 0) {
		ui_error(ui, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	if (rv == 1 || found.n == 0) {
		library_person_rows_free(&found);
		ui_error(ui, "no dossier holds '%.80s'", name);
		return UI_REDRAW;
	}
	for (i = 0; i < found.n; i++)
		if (strcmp(found.v[i].name, name) == 0) {
			pick = i;
			break;
		}
	flags = ui_dossier_show(ui, &found.v[pick]);
	library_person_rows_free(&found);
	return flags;
}

/*
 * The dossier of the name under the cursor: a row of the people index, a
 * name in the sidebar, the speaker of the quotes view.
 */
int
ui_op_dossier(struct ui *ui)
{
	const struct ui_pane_ops	*ops = ui_pane_focused(ui);
	const struct lib_entity		*e;

	if (ops == &ui_people_pane)
		return ui_people_dossier(ui);
	if (ops == &ui_quotes_pane && ui->quotes.name != NULL)
		return ui_dossier_find(ui, ui->quotes.name);
	if (ops == &ui_sidebar_pane && ui->side.cur < ui->side.ents.n) {
		e = &ui->side.ents.v[ui->side.cur];
		return ui_dossier_find(ui, e->name);
	}
	if (ops == &ui_article_pane)
		return ui_dossier_marked(ui);
	ui_info(ui, "no name under the cursor: choose one in the sidebar, "
	    "the quotes view or People");
	return UI_REDRAW;
}

/*
 * Enter in a story: the dossier of the speaker of the quote marked (by
 * ] and [, or the quote a story was opened at), lit in the text.
 */
int
ui_dossier_marked(struct ui *ui)
{
	const struct lib_story_quote	*q = ui_correct_marked(ui);

	if (q == NULL || q->not_quote) {
		ui_info(ui, "mark a quote with ] or [ to open its speaker's "
		    "dossier");
		return UI_REDRAW;
	}
	if (q->speaker == NULL) {
		ui_info(ui, "no speaker was found for this quote");
		return UI_REDRAW;
	}
	return ui_dossier_find(ui, q->speaker);
}

/* The first and the end line of quote i. */
static void
dossier_span(struct ui_dossier *x, long i, size_t *first, size_t *end)
{
	size_t	l;

	for (l = 0; l < x->nlines && x->lines[l].quote != i; l++)
		;
	*first = l;
	while (l < x->nlines && x->lines[l].quote == i)
		l++;
	*end = l;
}

/* Draw the dossier, scrolled to keep the quote under the cursor shown. */
static void
dossier_draw(struct ui *ui)
{
	struct ui_dossier	*x = &ui->dossier;
	struct ui_rect		*r = &ui->r[PANE_ARTICLE];
	struct ui_dline		*l;
	char			*title;
	int			 rows = r->h - 1, cols = r->w - 3, y;
	size_t			 i, first, end;
	attr_t			 a, sel;

	xasprintf(&title, "Dossier: %s", x->d.who.name);
	ui_box(ui, PANE_ARTICLE, title);
	free(title);
	if (rows < 1 || cols < 1)
		return;
	if (x->width != cols) {
		dossier_unlay(x);
		dossier_layout(x, cols);
	}
	if (x->to_month && x->month >= 0) {
		/* The bars' heading, or at least the month's bar, on top. */
		x->top = x->month_line > 2 + (size_t)x->month ?
		    x->month_line - 2 - (size_t)x->month : 0;
		if (x->month_line >= x->top + (size_t)rows / 2)
			x->top = x->month_line - 1;
		x->to_month = 0;
	}
	if (x->cur >= 0 && x->follow) {
		dossier_span(x, x->cur, &first, &end);
		if (first < x->top)
			x->top = first;
		if (end > x->top + (size_t)rows)
			x->top = end - (size_t)rows > first ? first :
			    end - (size_t)rows;
		x->follow = 0;
	} else if (x->peer >= 0 && x->follow) {
		ui_dossier_peer_follow(x, rows);
		x->follow = 0;
	}
	if (x->top >= x->nlines)
		x->top = x->nlines > 0 ? x->nlines - 1 : 0;
	sel = ui->attr[ui->focus == PANE_ARTICLE ? E_FEED_SELECTED :
	    E_FEED_SELECTED_UNFOCUSED];
	for (y = 0, i = x->top; y < rows && i < x->nlines; y++, i++) {
		l = &x->lines[i];
		a = ui->attr[l->elem];
		if ((l->quote >= 0 && l->quote == x->cur) ||
		    (l->peer >= 0 && l->peer == x->peer)) {
			a = sel;
			ui_fill(r->y + 1 + y, r->x, cols + 2, a);
		}
		ui_put(r->y + 1 + y, r->x + 1 + l->indent, cols - l->indent,
		    l->s, l->len, a, NULL, NULL);
	}
}

/*
 * Read the next window: older than the last quote shown (older), or
 * newer than the first; from = 1, from the newest (older) or the oldest.
 * 1 read, 0 nothing there (the window kept), -1 an error shown.
 */
static int
dossier_read(struct ui *ui, int older, int from)
{
	struct ui_dossier		*x = &ui->dossier;
	const struct lib_quote_line	*after = NULL;
	struct lib_quote_lines		 w;
	char				*err = NULL;
	int				 more;

	if (!from && x->d.quotes.n > 0)
		after = &x->d.quotes.v[older ? x->d.quotes.n - 1 : 0];
	if (library_dossier_window(ui->store, &x->d.who, after, older,
	    DOSSIER_WINDOW, &w, &more, &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
		return -1;
	}
	if (w.n == 0) {
		library_quote_lines_free(&w);
		if (older)
			x->tail = 1;
		else
			x->head = 1;
		dossier_unlay(x);
		return 0;
	}
	library_quote_lines_free(&x->d.quotes);
	x->d.quotes = w;
	x->head = older ? from : !more;
	x->tail = older ? !more : from;
	x->month = -1;
	dossier_unlay(x);
	x->top = 0;
	return 1;
}

/*
 * Choose month m of the bars: the window read from its newest quote, the
 * cursor on it, the bars kept in view above.
 */
static int
dossier_month_go(struct ui *ui, long m)
{
	struct ui_dossier	*x = &ui->dossier;
	struct lib_quote_line	 after;
	struct lib_quote_lines	 w;
	char			*err = NULL;
	int			 more;

	memset(&after, 0, sizeof after);
	after.sort_ts = dossier_month_end(dossier_fact(&x->d.months.v[m]));
	if (after.sort_ts == 0) {
		ui_error(ui, "this month has no date to read from");
		return UI_REDRAW;
	}
	if (library_dossier_window(ui->store, &x->d.who, &after, 1,
	    DOSSIER_WINDOW, &w, &more, &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	library_quote_lines_free(&x->d.quotes);
	x->d.quotes = w;
	x->head = m == (long)x->d.months.n - 1;
	x->tail = !more;
	x->month = m;
	x->cur = w.n > 0 ? 0 : -1;
	x->peer = -1;
	x->follow = x->to_month = 1;
	dossier_unlay(x);
	return UI_REDRAW;
}

/*
 * Between keys: read the facts of the dossier shown, if not yet; a
 * redraw if it did.
 */
int
ui_dossier_idle(struct ui *ui)
{
	struct ui_dossier	*x = &ui->dossier;
	char			*err = NULL;

	if (!x->loaded || !x->pending || !x->shown)
		return 0;
	x->pending = 0;
	if (library_dossier_facts(ui->store, &x->d, &err) != 0) {
		ui_error(ui, "%s", err);
		free(err);
	}
	dossier_unlay(x);
	x->follow = x->cur >= 0;
	return UI_REDRAW;
}

/* [ and ] in the dossier: the month before or after the one chosen. */
static int
dossier_month_step(struct ui *ui, int d)
{
	struct ui_dossier	*x = &ui->dossier;
	long			 n, m;

	if (ui_pane_focused(ui) != &ui_dossier_pane) {
		ui_info(ui, "months are chosen in a dossier");
		return UI_REDRAW;
	}
	ui_dossier_idle(ui);	/* the months, if not read yet */
	n = (long)x->d.months.n;
	if (n == 0) {
		ui_info(ui, "no quote has a date");
		return UI_REDRAW;
	}
	/* None chosen yet: the newest month. */
	m = x->month < 0 ? n - 1 : x->month + d;
	if (m < 0 || m >= n) {
		ui_info(ui, "no month %s", d < 0 ? "before this one" :
		    "after this one");
		return UI_REDRAW;
	}
	return dossier_month_go(ui, m);
}

/* ]: the next month's quotes. */
int
ui_op_next_month(struct ui *ui)
{
	return dossier_month_step(ui, 1);
}

/* [: the month before's quotes. */
int
ui_op_prev_month(struct ui *ui)
{
	return dossier_month_step(ui, -1);
}

/*
 * Move the cursor over the quotes, reading the next window past either
 * end of the one read; above the newest, the header shows.
 */
static int
dossier_move(struct ui *ui, int d)
{
	struct ui_dossier	*x = &ui->dossier;
	long			 n = (long)x->d.quotes.n, t;

	if (ui_dossier_peer_move(ui, &d) >= 0)
		return UI_REDRAW;
	if ((t = x->cur + d) >= n && !x->tail) {
		if (dossier_read(ui, d >= 0x10000000 ? 0 : 1,
		    d >= 0x10000000) == 1)
			t = d >= 0x10000000 ? 0x7fffffff : t - n;
		n = (long)x->d.quotes.n;
	} else if (t < 0 && !x->head) {
		if (dossier_read(ui, d <= -0x10000000 ? 1 : 0,
		    d <= -0x10000000) == 1)
			t = d <= -0x10000000 ? -1 : (long)x->d.quotes.n + t;
		n = (long)x->d.quotes.n;
		if (t < 0 && !x->head)
			t = 0;
	}
	if (t < -1)
		t = -1;
	if (t >= n)
		t = n - 1;
	x->cur = t;
	x->follow = 1;
	if (t == -1)
		x->top = 0;
	return UI_REDRAW;
}

/* Go to the header or the last quote. */
static int
dossier_edge(struct ui *ui, int bottom)
{
	return dossier_move(ui, bottom ? 0x7fffffff : -0x7fffffff);
}

/* Enter: open the story of the quote under the cursor, at the quote. */
static int
dossier_open(struct ui *ui)
{
	struct ui_dossier		*x = &ui->dossier;
	const struct lib_quote_line	*q;
	size_t				 start, end;
	int				 flags;

	if (x->peer >= 0)
		return ui_dossier_peer_open(ui);
	if (x->cur < 0 || x->cur >= (long)x->d.quotes.n) {
		ui_info(ui, "move to a quote or a name to open it");
		return UI_REDRAW;
	}
	q = &x->d.quotes.v[x->cur];
	start = q->start;
	end = q->until > q->end ? q->until : q->end;
	flags = ui_article_open(ui, q->article);
	ui_article_mark(ui, start, end);
	ui->focus = PANE_ARTICLE;
	x->back = 1;
	return flags | UI_REDRAW;
}

/* q: back to the quotes view it was opened from, else leave it. */
static int
dossier_quit(struct ui *ui)
{
	if (ui->dossier.from_quotes) {
		ui->dossier.shown = ui->dossier.from_quotes = 0;
		ui->quotes.shown = 1;
		return UI_REDRAW;
	}
	if (ui->dossier.from_story) {
		ui->dossier.shown = ui->dossier.from_story = 0;
		ui->focus = ui->dossier.from_pane == PANE_SIDEBAR &&
		    ui->shown[PANE_SIDEBAR] ? PANE_SIDEBAR : PANE_ARTICLE;
		return UI_REDRAW;
	}
	return ui_article_leave(ui);
}

/* The story of the quote under the cursor, for t and a; 0 if none. */
static int64_t
dossier_story(struct ui *ui)
{
	struct ui_dossier	*x = &ui->dossier;

	if (x->cur < 0 || x->cur >= (long)x->d.quotes.n)
		return 0;
	return x->d.quotes.v[x->cur].article;
}

/* Free the dossier shown. */
void
ui_dossier_free(struct ui *ui)
{
	struct ui_dossier	*x = &ui->dossier;

	if (x->loaded)
		library_dossier_free(&x->d);
	dossier_unlay(x);
	memset(x, 0, sizeof *x);
}

const struct ui_pane_ops ui_dossier_pane = {
	.table = T_DOSSIER,
	.item_rows = 4,
	.on_story = 1,
	.draw = dossier_draw,
	.move = dossier_move,
	.edge = dossier_edge,
	.open = dossier_open,
	.quit = dossier_quit,
	.story = dossier_story,
};
