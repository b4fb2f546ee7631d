/*
 * Private to the ui files: the screen's state (struct ui, holding one
 * struct a pane), theme elements, redraw flags, the table of a pane's
 * functions, and the functions the ui files share. Only ui files include
 * this.
 */
#ifndef DOSSIER_UI_INT_H
#define DOSSIER_UI_INT_H

#include <curses.h>
#include <stdint.h>

#include "article.h"
#include "library.h"

/* Theme elements, in the order of ui_elem_names. */
enum ui_elem {
	E_NORMAL, E_BORDER, E_PANE_TITLE, E_PANE_TITLE_FOCUS, E_FEED,
	E_FEED_COUNT, E_FEED_SELECTED, E_ARTICLE, E_ARTICLE_UNREAD,
	E_ARTICLE_DATE, E_ARTICLE_SELECTED, E_HEADER_TITLE, E_HEADER_META,
	E_HEADER_TAGS, E_BODY, E_SUBHEADING, E_CAPTION, E_LINK, E_SPEAKER,
	E_QUOTE, E_QUOTE_MARK, E_ENTITY_PERSON, E_ENTITY_ORG, E_ENTITY_PLACE,
	E_ENTITY_MISC, E_ANNOTATION, E_SIDEBAR_HEADING, E_SIDEBAR_ITEM,
	E_SIDEBAR_ROLE, E_SIDEBAR_COUNT, E_STATUS, E_STATUS_PROGRESS,
	E_MESSAGE, E_ERROR, E_PROMPT, E_HELP_KEY, E_HELP_TEXT,
	E_SELECTION,
	E_SEARCH_MATCH,
	E_FEED_SELECTED_UNFOCUSED, E_ARTICLE_SELECTED_UNFOCUSED,
	E_COUNT
};
extern const char *const ui_elem_names[E_COUNT];

/* What an action asks to be done before the next frame (htop style). */
#define UI_REDRAW	0x01	/* repaint the screen */
#define UI_FEEDS	0x02	/* reread the feed-list counts */
#define UI_LIST		0x04	/* reread the article-list window */
#define UI_ARTICLE	0x08	/* reread the open article */
#define UI_RELAYOUT	0x10	/* recompute the panes' geometry */
#define UI_QUIT		0x20

enum ui_pane { PANE_FEEDS, PANE_LIST, PANE_ARTICLE, PANE_SIDEBAR, NPANES };

/*
 * Key tables: a key is looked up first in the table of the focused pane
 * (the quotes view has its own), then in the global one, where the
 * defaults live.
 */
enum ui_table {
	T_GLOBAL, T_FEEDS, T_LIST, T_ARTICLE, T_SIDEBAR, T_QUOTES, T_PEOPLE,
	T_DOSSIER, T_NTABLES
};

#define UI_MIN_W	40	/* the smallest terminal the screen uses */
#define UI_MIN_H	10

/*
 * A byte's class in the laid-out story is its element, with this bit when
 * it lies in a subheading: a name coloured there keeps the subheading's
 * attributes.
 */
#define CLS_IN_SUB	0x80

struct ui_rect {
	int	y, x, h, w;
};

/* Text put into the document before body byte at (a note's number). */
struct ui_insert {
	size_t	at;
	size_t	len;
	int	num;
};

/* A listing to go back to (a filter with owned strings, its window). */
struct ui_listing {
	int		 valid;
	struct store_filter filter;
	char		*value, *kind, *label;
	int64_t		 count;
	int		 has_top;
	struct store_key top_key;
	size_t		 cur;
};

/* One wrapped line of the article: a byte range of the document. */
struct ui_line {
	size_t	start, end;
};

/* The feed list (ui-feeds.c). */
struct ui_feeds {
	struct lib_feeds list;
	int		 stale;		/* slow counts not yet redone */
	size_t		 cur;
	size_t		 top;
};

/*
 * The article list (ui-list.c): the listing shown and a window of its
 * rows read from top_key (inclusive).
 */
struct ui_list {
	struct store_filter filter;	/* what the list shows */
	char		*label;		/* its title; NULL: none yet */
	int64_t		 count;
	char		*value;		/* owned strings of filter */
	char		*kind;
	struct lib_rows	 rows;
	int		 has_top;
	struct store_key top_key;
	size_t		 cur;		/* cursor within rows */
	int		 pos_ok;	/* pos is the rows above top_key */
	struct store_key pos_key;
	int64_t		 pos;
	int		 from_feeds;	/* the listing was chosen in the */
					/* feed list: quit goes back there */
	struct ui_listing back;		/* the listing q goes back to */
};

/* A search being shown (ui-search.c). */
struct ui_search {
	char		*last;		/* offered again at the prompt */
	char		*count_text;	/* a search still being counted */
	int64_t		 count_next;	/* the next id to count from */
	int64_t		 count_max;	/* the last id to count */
};

/*
 * The open story (ui-article.c, laid out in ui-doc.c), its notes and the
 * passage selection (ui-notes.c).
 */
struct ui_story {
	struct article	 art;
	int64_t		 id;		/* 0: none */
	char		*doc;		/* header, body, captions, links */
	size_t		 doc_len;
	uint8_t		*cls;		/* theme element of each byte */
	size_t		 body_off;	/* where the body starts in doc */
	struct ui_line	*lines;
	size_t		 nlines;
	int		 wrap_width;
	size_t		 scroll;
	int		 has_mark;	/* a quote opened from quotes view */
	size_t		 mark_start, mark_end;
	uint8_t		*mark_saved;	/* the classes the mark covers */
	size_t		 mark_saved_len;
	struct lib_notes notes;
	struct ui_insert *ins;		/* note numbers put in the body */
	size_t		 nins;
	struct lib_story_quotes squotes; /* every quote, in body order */
	int		 selecting;
	size_t		 sel_anchor;	/* doc offsets of the first and */
	size_t		 sel_cur;	/* the moving line's starts */
};

/* The sidebar (ui-sidebar.c): the open story's people and quotes. */
struct ui_sidebar {
	struct lib_entities ents;
	size_t		 cur;
	size_t		 top;
};

/* The quotes view of a speaker, shown in the article pane (ui-quotes.c). */
struct ui_quotes {
	int		 shown;
	int		 back;		/* q returns to the quotes view */
	char		*kind;
	char		*name;
	char		*role;		/* as the sidebar had it, or NULL */
	struct lib_quotes list;
	size_t		 cur;
	int		 on_title;	/* the cursor is on the name */
	size_t		 top;
};

/*
 * The people index (ui-people.c), shown in the list pane: a window of
 * rows read after the last of the keys kept (one a window above).
 */
struct ui_people_top {
	int64_t		 value;
	char		*name;
	int64_t		 row;
};
struct ui_people {
	int		 shown;
	char		*kind;		/* "person", "quoted" */
	char		*label;
	enum store_people_sort sort;
	char		*match;		/* the limit typed, or NULL */
	struct lib_person_rows rows;	/* the window */
	size_t		 height;	/* the rows it was read for */
	int		 back;		/* the list shows a row's stories: */
					/* q comes back to the index */
	struct ui_people_top *tops;
	size_t		 ntops;
	size_t		 cur;
};

/* A line of the dossier laid out: s[0, len) drawn at indent. */
struct ui_dline {
	const char	*s;
	size_t		 len;
	int		 indent;
	enum ui_elem	 elem;
	long		 quote;		/* the quote it shows; -1: none */
	long		 peer;		/* the name it shows (Quoted with) */
};

/* A speaker's dossier, shown in the article pane (ui-dossier.c). */
struct ui_dossier {
	int		 shown;
	int		 loaded;	/* d holds a dossier */
	int		 pending;	/* its facts are read between keys */
	int		 back;		/* q returns to the dossier */
	int		 from_quotes;	/* q returns to the quotes view */
	int		 from_story;	/* q returns to the open story */
	enum ui_pane	 from_pane;	/* the pane it was opened from */
	struct lib_dossier d;		/* d.quotes: the window read */
	int		 head;		/* the window starts at the newest */
	int		 tail;		/* the window ends at the oldest */
	struct ui_dline	*lines;
	size_t		 nlines;
	char		**strs;		/* the strings the lines made */
	size_t		 nstrs;
	int		 width;		/* laid out for; 0: not yet */
	long		 month;		/* the month chosen ([ ]); -1: none */
	size_t		 month_line;	/* its bar's line, when laid out */
	int		 to_month;	/* scroll to show its bar */
	long		 cur;		/* quote under the cursor; -1: none */
	long		 peer;		/* name under it (cur -1); -1: none */
	long		 laying;	/* the name being laid out; -1 */
	int		 follow;	/* scroll to the cursor */
	size_t		 top;		/* first line shown */
};

struct ui {
	struct store	*store;
	int		 flags;		/* pending UI_* */

	/* The panes' places (ui-layout.c) and the focus. */
	int		 too_small;
	int		 narrow;	/* lists stacked above the article */
	int		 sidebar;	/* the user wants the sidebar */
	int		 reading;	/* a story is open beside the lists */
	int		 zoom;		/* the focused pane fills the screen */
	int		 feeds_folded;	/* the feed list is folded away */
	int		 width_opt[3];	/* feed-, list-, sidebar-width: */
					/* columns, -percent, 0: default */
	int		 layout_sig;	/* what the last layout was made for */
	enum ui_pane	 focus;
	int		 shown[NPANES];
	struct ui_rect	 r[NPANES];

	int		 help;		/* the help screen is up */
	int		 help_top;
	int		 help_end;	/* the help is shown to its end */

	/* The panes' state. */
	struct ui_feeds	 feeds;
	struct ui_list	 list;
	struct ui_story	 story;
	struct ui_sidebar side;
	struct ui_quotes quotes;
	struct ui_people people;
	struct ui_dossier dossier;
	struct ui_search search;
	const char	*prompt_hint;	/* a line above the prompt, or NULL */

	/* Settings. */
	char		*theme;
	int		 theme_loaded;
	int		 mark_read;	/* opening an article marks it read */
	int		 max_width;	/* widest text column, 0: the pane */
	attr_t		 attr[E_COUNT];

	char		*message;
	int		 message_error;
	int		 count;		/* a number typed before a key */

	/* Keys and the config (ui-hints.c, ui-mark.c, ui-config.c). */
	int		 hints;		/* the key-hint line is shown */
	int		 confirm_mark_read; /* ask past this many; -1 never */
	char		**colours;	/* the config's color lines, */
	size_t		 ncolours;	/* applied over every theme */
	char		**cfg_errs;	/* the config's errors, for help */
	size_t		 ncfg_errs;

	struct ui_fetch	*fetch;		/* ui-fetch.c: a fetch running */
};

/*
 * What a pane does, as sfeed's struct pane and tmux's window_mode: the
 * draw loop and every key that acts on the focused pane call these
 * (ui-pane.c), so no code asks which pane has the focus. A pane's
 * functions return redraw flags.
 */
struct ui_pane_ops {
	enum ui_table	 table;		/* its key table */
	int		 item_rows;	/* rows an item takes: a page is */
					/* the pane's rows / item_rows */
	int		 on_story;	/* r, s and o act on the open story */
	void		 (*draw)(struct ui *);
	int		 (*move)(struct ui *, int);	/* by d items */
	int		 (*edge)(struct ui *, int);	/* to first (0), last */
	int		 (*open)(struct ui *);		/* Enter; NULL: none */
	int		 (*quit)(struct ui *);		/* q: a step back */
	int		 (*back)(struct ui *);		/* h; NULL: as q, */
							/* never quitting */
	int64_t		 (*story)(struct ui *);		/* the story t, a */
							/* act on; 0: none */
};
extern const struct ui_pane_ops ui_feeds_pane, ui_list_pane;
extern const struct ui_pane_ops ui_article_pane, ui_sidebar_pane;
extern const struct ui_pane_ops ui_quotes_pane;
extern const struct ui_pane_ops ui_people_pane, ui_dossier_pane;

/* ui.c */
int	 ui_interrupted(void);
/* The status-line message: an error, or information (NULL clears it). */
void	 ui_error(struct ui *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 ui_info(struct ui *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 ui_frame(struct ui *);

/* ui-theme.c */
void	 ui_theme_builtin(struct ui *);
int	 ui_theme_load(struct ui *, const char *, char **);
int	 ui_theme_color(struct ui *, const char *, char **);

/* ui-browser.c */
int	 ui_op_open_link(struct ui *);

/* ui-draw.c: the one writer of text cells, and the paint of the screen. */
int	 ui_utf8(void);
int	 ui_put(int, int, int, const char *, size_t, attr_t,
	     const uint8_t *, const attr_t *);
void	 ui_fill(int, int, int, attr_t);
int	 ui_put_cut(int, int, int, const char *, size_t, attr_t);
const char *ui_ellipsis(void);
int	 ui_width(const char *, size_t);
size_t	 ui_fit(const char *, size_t, int, int *);
size_t	 ui_wrap_cut(const char *, size_t, int);
int	 ui_wrap(int, int, int, int, const char *, attr_t);
void	 ui_box(struct ui *, enum ui_pane, const char *);
void	 ui_draw(struct ui *);

/* ui-layout.c: the panes' geometry. */
void	 ui_layout(struct ui *);
int	 ui_layout_sig(struct ui *);
int	 ui_layout_clamp(int, int, int);
/* Rows under a pane's title line; columns left of its border. */
int	 ui_layout_rows(struct ui *, enum ui_pane);
int	 ui_layout_cols(struct ui *, enum ui_pane);
int	 ui_layout_visible(struct ui *, enum ui_pane);
int	 ui_op_zoom(struct ui *);
int	 ui_op_toggle_feeds(struct ui *);
int	 ui_op_toggle_sidebar(struct ui *);

/* ui-pane.c: the focused pane's functions, and the keys that call them. */
const struct ui_pane_ops *ui_pane(struct ui *, enum ui_pane);
const struct ui_pane_ops *ui_pane_focused(struct ui *);
/* The story r, s, o act on, with its flags; 0 if none. */
int64_t	 ui_pane_target(struct ui *, int *, int *);
int	 ui_pane_cursor(size_t *, size_t, int);
int	 ui_op_down(struct ui *);
int	 ui_op_up(struct ui *);
int	 ui_op_page_down(struct ui *);
int	 ui_op_page_up(struct ui *);
int	 ui_op_half_page_down(struct ui *);
int	 ui_op_half_page_up(struct ui *);
int	 ui_op_top(struct ui *);
int	 ui_op_bottom(struct ui *);
int	 ui_op_focus_next(struct ui *);
int	 ui_op_focus_prev(struct ui *);
int	 ui_op_open(struct ui *);
int	 ui_op_quit(struct ui *);
int	 ui_op_back(struct ui *);

/* ui-feeds.c */
int	 ui_feeds_load(struct ui *, unsigned);
int64_t	 ui_feeds_count(struct ui *, enum store_filter_kind);

/* ui-list.c */
int	 ui_list_set(struct ui *, const struct store_filter *,
	     const char *, int64_t);
int	 ui_list_load(struct ui *);
int64_t	 ui_list_current(struct ui *);
void	 ui_list_save(struct ui *);
void	 ui_list_forget(struct ui *);
int	 ui_list_restore(struct ui *);
void	 ui_list_free(struct ui *);
int	 ui_op_next_unread(struct ui *);
int	 ui_op_prev_unread(struct ui *);

/* ui-article.c */
int	 ui_article_open(struct ui *, int64_t);
void	 ui_article_close(struct ui *);
int	 ui_article_leave(struct ui *);
int64_t	 ui_article_story(struct ui *);
void	 ui_article_wrap(struct ui *);
void	 ui_article_mark(struct ui *, size_t, size_t);
int	 ui_article_reload(struct ui *);

/* ui-doc.c: the open story laid out as a document. */
void	 ui_doc_build(struct ui *);
void	 ui_doc_free(struct ui *);
void	 ui_doc_mark(struct ui *);
size_t	 ui_doc_pos(struct ui *, size_t);
size_t	 ui_doc_body_pos(struct ui *, size_t);

/* ui-notes.c: tags, notes and the passage selection. */
int	 ui_op_tag(struct ui *);
int	 ui_op_annotate(struct ui *);
int	 ui_op_select(struct ui *);
int	 ui_select_move(struct ui *, int);
int	 ui_select_drop(struct ui *);
int	 ui_select_covers(struct ui *, size_t);

/* ui-quotes.c */
int	 ui_quotes_show(struct ui *, const char *, const char *);
/* ui-sidebar.c */
int	 ui_op_quotes(struct ui *);
void	 ui_quotes_free(struct ui *);

/* ui-people.c */
int	 ui_people_show(struct ui *, const char *, const char *);
int	 ui_people_load(struct ui *);
int	 ui_people_fit(struct ui *);
/* 1: Organisations, 2: Places (Enter lists stories), 0: neither. */
int	 ui_people_orgs(struct ui *);
int	 ui_people_dossier(struct ui *);
void	 ui_people_free(struct ui *);
int	 ui_op_sort(struct ui *);
int	 ui_op_limit(struct ui *);

/* ui-dossier.c */
int	 ui_dossier_show(struct ui *, const struct lib_person_row *);
int	 ui_dossier_find(struct ui *, const char *);
/* ui-dossier-peers.c: the cursor on the names under "Quoted with". */
int	 ui_dossier_peer_move(struct ui *, int *);
void	 ui_dossier_peer_follow(struct ui_dossier *, int);
int	 ui_dossier_peer_open(struct ui *);
int	 ui_op_dossier(struct ui *);
int	 ui_dossier_marked(struct ui *);
int	 ui_dossier_idle(struct ui *);
int	 ui_op_next_month(struct ui *);
int	 ui_op_prev_month(struct ui *);
void	 ui_dossier_free(struct ui *);

/*
 * ui-correct.c: the quote cursor of the story and the user's corrections
 * of quotes and names.
 */
void	 ui_correct_load(struct ui *);
void	 ui_correct_free(struct ui *);
const struct lib_story_quote *ui_correct_marked(struct ui *);
int	 ui_op_next_quote(struct ui *);
int	 ui_op_prev_quote(struct ui *);
int	 ui_op_correct(struct ui *);

/* ui-search.c */
int	 ui_search_op(struct ui *);
void	 ui_search_article(struct ui *);
void	 ui_search_free(struct ui *);
/* "37 matches for 'drone'" while a search is listed, else NULL. */
char	*ui_search_status(struct ui *);
/* Count more of the search shown, for about ms; UI_REDRAW if it did. */
int	 ui_search_count(struct ui *, int);

/* ui-fetch.c */
int	 ui_fetch_start(struct ui *);
int	 ui_fetch_feed(struct ui *);
int	 ui_fetch_poll(struct ui *);
int	 ui_fetch_busy(struct ui *);
int	 ui_fetch_draw(struct ui *, int, int);
void	 ui_fetch_stop(struct ui *);

/*
 * ui-keys.c: the operations a key can run. ui_key runs the one bound to
 * a key, ui_op_run operation op: their UI_* flags. ui_op_key puts the
 * first key bound to an operation in out ("" if none).
 */
int	 ui_key(struct ui *, int, wint_t);
int	 ui_op_run(struct ui *, size_t);
int	 ui_op_find(const char *, size_t *);
size_t	 ui_op_count(void);
const char *ui_op_name(size_t);
const char *ui_op_desc(size_t);
void	 ui_op_key(const char *, char *, size_t);

/*
 * ui-bindings.c: which key runs which operation, in which key table (0:
 * global). ui_bindings_command runs bind or unbind given as n words, and
 * ui_bindings_set binds by names (op NULL unbinds; key -1: every key):
 * UI_REDRAW, or -1 and *err. ui_bindings_table is the focused pane's
 * table; ui_bindings_lookup gives the operation a key runs there (or in
 * the global table), ui_bindings_get binding i (-1 for either when there
 * is none), ui_bindings_keys the keys of an operation ("j, Down,
 * article:Escape").
 */
void	 ui_bindings_init(struct ui *);
void	 ui_bindings_free(void);
int	 ui_bindings_command(char **, int, char **);
int	 ui_bindings_set(const char *, int, const char *, char **);
int	 ui_bindings_table(struct ui *);
int	 ui_bindings_lookup(struct ui *, int, size_t *);
int	 ui_bindings_get(size_t, int *, int *, size_t *);
void	 ui_bindings_keys(size_t, char *, size_t);

/*
 * ui-config.c: the config file, included files, newsboat's lines.
 * ui_config_load reads the config file (its UI_* flags; errors go to the
 * status line and the help). ui_config_run runs one line of the config
 * file or the command line: its UI_* flags, or -1 and *err, which the
 * caller frees.
 */
int	 ui_config_load(struct ui *);
int	 ui_config_run(struct ui *, const char *, char **);

/*
 * ui-options.c: the options of 'set', one table. ui_options_set runs
 * "set OPTION VALUE" given as n words (w[0] is "set"): the UI_* flags of
 * what to redo, or -1 and *err (the caller frees it). ui_options_get
 * gives option i's name, values ("on|off") and description; -1 past the
 * last.
 */
int	 ui_options_set(struct ui *, char **, int, char **);
int	 ui_options_get(size_t, const char **, const char **, const char **);

/* ui-keyname.c: key names, dossier's ("C-d") and newsboat's ("^D"). */
#define KEY_SPECIAL	0x1000000	/* a curses KEY_* code, not a char */
int	 ui_key_parse(const char *);
void	 ui_key_name(int, char *, size_t);
const char *ui_key_name_nth(size_t);
int	 ui_key_parse_newsboat(const char *);

/* ui-hints.c: the key-hint line of the focused pane. */
int	 ui_hint_key(struct ui *, const char *, char *, size_t);
int	 ui_hints_shown(struct ui *);
void	 ui_hints_draw(struct ui *, int);
void	 ui_hints_status(struct ui *, char *, size_t);

/* ui-mark.c */
int	 ui_op_toggle_read(struct ui *);
int	 ui_op_toggle_star(struct ui *);
int	 ui_op_delete(struct ui *);
int	 ui_op_mark_listing_read(struct ui *);
int	 ui_op_mark_all_read(struct ui *);

/* ui-help.c */
void	 ui_help_draw(struct ui *);

/* ui-prompt.c */
int	 ui_prompt_command(struct ui *);
int	 ui_prompt(struct ui *, const char *, const char *, size_t,
	     char **);
int	 ui_prompt_confirm(struct ui *, const char *);
int	 ui_prompt_key(struct ui *, const char *, const char *);

#endif
