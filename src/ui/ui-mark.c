/*
 * Marking stories: one read or unread, starred or not (r, s: the open
 * story, or in the lists the one under the cursor); many read at once:
 * the listing shown (A, as newsboat's mark-feed-read) or the whole
 * library (mark-all-read). The store marks many in one UPDATE of one
 * transaction over the listing's condition, never a row at a time from
 * the screen. That cannot be undone, so past a number of stories (set
 * confirm-mark-read, 50 by default) it asks first. And deleting the
 * story (D), after a yes to a question that says what of the user's goes
 * with it.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "plural.h"
#include "store.h"
#include "ui-int.h"
#include "xmalloc.h"
#include "banned.h"

/* Toggle one flag of the target story. */
static int
mark_toggle(struct ui *ui, int star)
{
	char	*err = NULL;
	int64_t	 id;
	int	 read, starred, rv;

	if ((id = ui_pane_target(ui, &read, &starred)) == 0) {
		ui_error(ui, "choose a story first");
		return UI_REDRAW;
	}
	if (star)
		rv = store_set_starred(ui->store, id, !starred, &err);
	else
		rv = store_set_read(ui->store, id, !read, &err);
	if (rv != 0) {
		ui_error(ui, "%s", err);
		free(err);
		return UI_REDRAW;
	}
	if (id == ui->story.id) {
		if (star)
			ui->story.art.starred = !starred;
		else
			ui->story.art.read = !read;
	}
	ui_info(ui, "%s", star ? (starred ? "unstarred" : "starred") :
	    (read ? "marked unread" : "marked read"));
	return UI_FEEDS | UI_LIST | UI_REDRAW;
}

/* Toggle the story's read flag. */
int
ui_op_toggle_read(struct ui *ui)
{
	return mark_toggle(ui, 0);
}

/* Toggle the story's star. */
int
ui_op_toggle_star(struct ui *ui)
{
	return mark_toggle(ui, 1);
}

/* Mark the unread stories of a listing read, asking first when many. */
static int
ui_mark_read(struct ui *ui, const struct store_filter *f, const char *label)
{
	struct store_filter	 g = *f;
	char			*err = NULL, *q;
	int64_t			 n;
	int			 flags = UI_REDRAW, yes;

	g.unread = 1;
	if ((n = store_page_count(ui->store, &g, NULL, &err)) < 0)
		goto fail;
	if (n == 0) {
		ui_info(ui, "no unread stories in %s", label);
		return flags;
	}
	if (ui->confirm_mark_read >= 0 && n > ui->confirm_mark_read) {
		xasprintf(&q, "Mark %lld unread %s in %s read? (y/n)",
		    (long long)n, plural(n, "story", "stories"), label);
		yes = ui_prompt_confirm(ui, q);
		free(q);
		if (!yes) {
			ui_info(ui, "nothing marked read");
			return flags | UI_RELAYOUT;
		}
		flags |= UI_RELAYOUT;
	}
	if ((n = store_mark_read(ui->store, f, &err)) < 0)
		goto fail;
	if (ui->story.id != 0)
		flags |= ui_article_reload(ui);
	ui_info(ui, "marked %lld %s read", (long long)n,
	    plural(n, "story", "stories"));
	return flags | UI_FEEDS | UI_LIST;
fail:
	ui_error(ui, "%s", err != NULL ? err : "cannot mark stories read");
	free(err);
	return flags;
}

/* Mark every story of the listing shown read. */
int
ui_op_mark_listing_read(struct ui *ui)
{
	if (ui->list.label == NULL || ui->people.shown) {
		ui_error(ui, "no listing to mark read");
		return UI_REDRAW;
	}
	return ui_mark_read(ui, &ui->list.filter, ui->list.label);
}

/* Mark every story of the library read. */
int
ui_op_mark_all_read(struct ui *ui)
{
	struct store_filter	f;

	memset(&f, 0, sizeof f);
	f.kind = STORE_FILTER_ALL;
	return ui_mark_read(ui, &f, "the library");
}

/* The question before deleting story id: what of the user's goes too. */
static char *
delete_question(int64_t id, const char *title,
    const struct store_user_data *u)
{
	struct buf	 b;
	const char	*sep = " with its ";
	char		 t[48];
	size_t		 n;

	/* The title cut short: the question must fit on one line. */
	n = title != NULL ? strlen(title) : 0;
	if (n > 40) {
		for (n = 40; n > 0 && ((unsigned char)title[n] & 0xc0) == 0x80;
		    n--)
			;
	}
	memcpy(t, title != NULL ? title : "", n);
	t[n] = '\0';
	buf_init(&b);
	buf_printf(&b, "Delete story %lld%s%s%s%s", (long long)id,
	    n > 0 ? " \"" : "", t, n > 0 && title[n] != '\0' ? "\xe2\x80\xa6" :
	    "", n > 0 ? "\"" : "");
	if (u->notes > 0) {
		buf_printf(&b, "%s%lld %s", sep, (long long)u->notes,
		    plural(u->notes, "note", "notes"));
		sep = ", ";
	}
	if (u->tags > 0) {
		buf_printf(&b, "%s%lld %s", sep, (long long)u->tags,
		    plural(u->tags, "tag", "tags"));
		sep = ", ";
	}
	if (u->corrections > 0)
		buf_printf(&b, "%s%lld %s", sep, (long long)u->corrections,
		    plural(u->corrections, "correction", "corrections"));
	if (u->notes == 0 && u->tags == 0 && u->corrections == 0)
		buf_adds(&b, " (it has no notes or tags)");
	buf_adds(&b, "? (y/n)");
	return buf_detach(&b);
}

/* Delete the story (the open one, else the list's) after a yes. */
int
ui_op_delete(struct ui *ui)
{
	struct store_user_data	 u;
	struct article		 a;
	char			*err = NULL, *q;
	int64_t			 id;
	int			 read, starred, rv, flags = UI_REDRAW;

	if ((id = ui_pane_target(ui, &read, &starred)) == 0) {
		ui_error(ui, "choose a story first");
		return flags;
	}
	if ((rv = store_article_user(ui->store, id, &u, &err)) != 0 ||
	    (rv = store_article_get(ui->store, id, &a, &err)) != 0)
		goto fail;
	q = delete_question(id, a.title, &u);
	article_free(&a);
	rv = ui_prompt_confirm(ui, q);
	free(q);
	flags |= UI_RELAYOUT;
	if (!rv) {
		ui_info(ui, "nothing deleted");
		return flags;
	}
	if ((rv = store_article_delete(ui->store, &id, 1, &err)) != 0)
		goto fail;
	if (id == ui->story.id) {
		ui_article_close(ui);
		flags |= ui_article_leave(ui);
	}
	ui_info(ui, "deleted story %lld", (long long)id);
	return flags | UI_FEEDS | UI_LIST;
fail:
	ui_error(ui, "%s", rv > 0 ? "the story is gone" : err);
	free(err);
	return flags | UI_FEEDS | UI_LIST;
}
