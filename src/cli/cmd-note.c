/*
 * dossier note: add a note to a story (the whole story or a passage of
 * it), change or delete one, and list them, one story's or the library's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "article.h"
#include "buf.h"
#include "cmd.h"
#include "library.h"
#include "store.h"
#include "xmalloc.h"
#include "banned.h"

/* Most bytes read from stdin before giving up on a note. */
#define NOTE_MAX_INPUT	(16 * STORE_MAX_NOTE)

/* The note's text from the arguments, or stdin for "-"; NULL on error. */
static char *
note_text(int argc, char **argv, char **err)
{
	struct buf	 b;
	char		 chunk[8192];
	size_t		 n;
	char		*clean;
	int		 i;

	buf_init(&b);
	if (argc == 1 && strcmp(argv[0], "-") == 0) {
		while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
			buf_add(&b, chunk, n);
			if (b.len > NOTE_MAX_INPUT)
				break;
		}
		if (ferror(stdin)) {
			buf_free(&b);
			xasprintf(err, "cannot read the note from stdin");
			return NULL;
		}
	} else {
		for (i = 0; i < argc; i++) {
			if (i > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, argv[i]);
		}
	}
	if (b.len > NOTE_MAX_INPUT) {
		buf_free(&b);
		xasprintf(err, "the note is too long; a note holds at most "
		    "%d KiB", STORE_MAX_NOTE / 1024);
		return NULL;
	}
	clean = library_note_clean(b.data != NULL ? b.data : "", b.len, err);
	buf_free(&b);
	return clean;
}

/* Print a note's text, each line indented. */
static void
note_print_text(const char *indent, const char *s)
{
	char	*line;
	size_t	 n;

	for (;;) {
		n = strcspn(s, "\n");
		line = xstrndup(s, n);
		fputs(indent, stdout);
		cmd_print_line(stdout, line);
		putchar('\n');
		free(line);
		if (s[n] == '\0')
			break;
		s += n + 1;
	}
}

struct note_list {
	int		 json;
	size_t		 n;
	struct store_key last;
};

/* Print one note of a listing. */
static int
note_print(const struct store_note_row *r, void *arg)
{
	struct note_list	*nl = arg;
	struct json_object	*o;
	char			 date[16];

	nl->n++;
	nl->last.sort_ts = r->n.updated;
	nl->last.id = r->n.id;
	if (nl->json) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int64(r->n.id));
		json_object_object_add(o, "story",
		    json_object_new_int64(r->article));
		cmd_json_string(o, "title", r->title);
		cmd_json_note(o, &r->n, r->n.anchor, r->n.note);
		return cmd_json_print(o);
	}
	library_time(r->n.updated, date, sizeof date);
	printf("%snote %lld  story %lld  %s  ", nl->n > 1 ? "\n" : "",
	    (long long)r->n.id, (long long)r->article, date + (*date == ' '));
	cmd_print_line(stdout, r->title != NULL ? r->title : "(untitled)");
	putchar('\n');
	if (r->n.has_span && r->n.anchor != NULL)
		note_print_text("  > ", r->n.anchor);
	else
		puts("  (the whole story)");
	note_print_text("  ", r->n.note);
	return ferror(stdout) ? 1 : 0;
}

/* One story's notes, in story order, through the listing's printer. */
struct note_story {
	struct note_list	*nl;
	struct article		*a;
};

static int
note_story_row(const struct store_note *n, void *arg)
{
	struct note_story	*ns = arg;
	struct store_note_row	 r;

	memset(&r, 0, sizeof r);
	r.n = *n;
	if (r.n.note == NULL)
		r.n.note = "";
	r.article = ns->a->id;
	r.title = ns->a->title;
	r.outlet = ns->a->outlet;
	r.published = ns->a->published;
	return note_print(&r, ns->nl);
}

/* dossier note --list [--json] [ID] */
static int
note_list(struct store *s, int64_t id, int json)
{
	struct note_list	 nl;
	struct note_story	 ns;
	struct article		 a;
	char			*err = NULL;
	int			 rc;

	memset(&nl, 0, sizeof nl);
	nl.json = json;
	if (id > 0) {
		if ((rc = store_article_get(s, id, &a, &err)) == 1) {
			fprintf(stderr, "dossier: no story %lld\n",
			    (long long)id);
			return CMD_FAILED;
		}
		if (rc == 0) {
			ns.nl = &nl;
			ns.a = &a;
			rc = store_article_notes(s, id, note_story_row, &ns,
			    &err);
			article_free(&a);
		}
	} else {
		/* A page at a time: the library may hold many notes. */
		do {
			size_t before = nl.n;

			rc = store_notes_page(s, nl.n > 0 ? &nl.last : NULL,
			    200, note_print, &nl, &err);
			if (rc != 0 || nl.n - before < 200 || ferror(stdout))
				break;
		} while (1);
	}
	if (rc != 0) {
		cmd_error("%s", err);
		free(err);
		return CMD_FAILED;
	}
	return CMD_OK;
}

/* dossier note ID [--passage WORDS] TEXT */
static int
note_add(struct store *s, int64_t id, const char *passage, const char *text)
{
	struct article	 a;
	char		*err = NULL;
	size_t		 start = 0, end = 0;
	int64_t		 note = 0;
	int		 rc;

	if ((rc = store_article_get(s, id, &a, &err)) == 1) {
		fprintf(stderr, "dossier: no story %lld\n", (long long)id);
		return CMD_FAILED;
	}
	if (rc != 0)
		goto fail;
	if (passage != NULL && library_passage_find(a.body, a.body_len,
	    passage, &start, &end) != 0) {
		fputs("dossier: the words '", stderr);
		cmd_print_line(stderr, passage);
		fprintf(stderr, "' are not in story %lld\n", (long long)id);
		article_free(&a);
		return CMD_FAILED;
	}
	article_free(&a);
	rc = store_note_add(s, id, passage != NULL, start, end, text, &note,
	    &err);
	if (rc == 1) {
		fprintf(stderr, "dossier: no story %lld\n", (long long)id);
		return CMD_FAILED;
	}
	if (rc == 2) {
		fprintf(stderr, "dossier: story %lld changed; try again\n",
		    (long long)id);
		return CMD_FAILED;
	}
	if (rc != 0)
		goto fail;
	printf("added note %lld to story %lld\n", (long long)note,
	    (long long)id);
	return CMD_OK;
fail:
	cmd_error("%s", err);
	free(err);
	return CMD_FAILED;
}

/* dossier note --list [--json] [ID]: check the words, then list. */
static int
note_list_cmd(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store	*s;
	int64_t		 id = 0;

	if (cmd_args_last(args, "ed") != 0 || cmd_args_has(args, 'p') ||
	    args->argc > 1)
		return cmd_usage_error(args->entry,
		    "--list takes at most a story id");
	if (args->argc == 1 && (id = cmd_parse_id(args->argv[0])) == 0)
		return cmd_usage_error(args->entry, "'%s' is not a story id",
		    args->argv[0]);
	if ((s = cmd_store(ctx)) == NULL)
		return CMD_FAILED;
	return note_list(s, id, cmd_args_has(args, 'j'));
}

/* dossier note --edit NOTE TEXT | --delete NOTE */
static int
note_change(struct store *s, int mode, int64_t note, const char *text)
{
	char	*err = NULL;
	int	 rc;

	rc = mode == 'e' ? store_note_update(s, note, text, &err) :
	    store_note_delete(s, note, &err);
	if (rc == 1)
		fprintf(stderr, "dossier: no note %lld\n", (long long)note);
	else if (rc != 0)
		cmd_error("%s", err);
	else
		printf("%s note %lld\n", mode == 'e' ? "changed" : "deleted",
		    (long long)note);
	free(err);
	return rc == 0 ? CMD_OK : CMD_FAILED;
}

/*
 * Check the words of an edit, a delete or a new note: *id the story,
 * *text the note's text. CMD_OK, or the exit code of what was said.
 */
static int
note_words(struct cmd_args *args, int mode, int64_t *id, char **text)
{
	const struct cmd_entry	*self = args->entry;
	const char		*passage = cmd_args_value(args, 'p');
	char			*err = NULL;
	int			 argc = args->argc;
	char			**argv = args->argv;

	if (mode == 'd') {
		if (argc != 0 || passage != NULL)
			return cmd_usage_error(self,
			    "--delete takes only the note's id");
		return CMD_OK;
	}
	if (mode == 'e' && (argc < 1 || passage != NULL))
		return cmd_usage_error(self, argc < 1 ?
		    "--edit needs the note's new text" :
		    "a note's passage cannot change");
	if (mode == 'a' && argc < 2)
		return cmd_usage_error(self, argc == 0 ?
		    "which story? give its id" :
		    "what is the note? give its text, or - for stdin");
	if (mode == 'a' && (*id = cmd_parse_id(argv[0])) == 0)
		return cmd_usage_error(self, "'%s' is not a story id", argv[0]);
	if (mode == 'a') {
		argc--;
		argv++;
	}
	if ((*text = note_text(argc, argv, &err)) == NULL) {
		cmd_error("%s", err);
		free(err);
		return CMD_FAILED;
	}
	return CMD_OK;
}

static int
cmd_note(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct store	*s;
	char		*text = NULL;
	int64_t		 id = 0, note = 0;
	int		 mode, rv;

	if (cmd_args_has(args, 'l'))
		return note_list_cmd(ctx, args);
	if (cmd_args_has(args, 'j'))
		return cmd_usage_error(args->entry, "--json goes with --list");
	if ((mode = cmd_args_last(args, "ed")) != 0)
		note = cmd_parse_id(cmd_args_value(args, mode));
	else
		mode = 'a';
	if ((rv = note_words(args, mode, &id, &text)) != CMD_OK)
		return rv;
	if ((s = cmd_store(ctx)) == NULL)
		rv = CMD_FAILED;
	else if (mode == 'a')
		rv = note_add(s, id, cmd_args_value(args, 'p'), text);
	else
		rv = note_change(s, mode, note, text);
	free(text);
	return rv;
}

/* --edit and --delete: a note's id, and only one of them. */
static char *
note_check_id(struct cmd_args *args, const char *v, char **err)
{
	if (cmd_args_last(args, "ed") != 0) {
		*err = xstrdup("--edit and --delete go alone");
		return NULL;
	}
	if (cmd_parse_id(v) == 0) {
		xasprintf(err, "'%s' is not a note id", v);
		return NULL;
	}
	return xstrdup(v);
}

static const struct cmd_option cmd_note_options[] = {
	{ 'p', "passage", CMD_VALUE, NULL, NULL },
	{ 'l', "list", 0, NULL, NULL },
	CMD_OPTION_JSON,
	{ 'e', "edit", CMD_VALUE, note_check_id, NULL },
	{ 'd', "delete", CMD_VALUE, note_check_id, NULL },
	CMD_OPTION_END
};

const struct cmd_entry cmd_note_entry = {
	"note", "ID [--passage WORDS] TEXT | --edit NOTE TEXT | "
	"--delete NOTE | --list [--json] [ID]",
	"annotate a story or a passage; change, delete or list notes",
	"Add a note to story ID, on the whole story or, with --passage, on\n"
	"the first place its body has those exact words. TEXT is the words\n"
	"after the id (joined by spaces), or - to read it from stdin; it is\n"
	"cleaned of control characters and holds at most 64 KiB. The new\n"
	"note's id is printed.\n"
	"\n"
	"  -p, --passage WORDS  anchor the note on these words of the body\n"
	"  -e, --edit NOTE      give note NOTE the new TEXT\n"
	"  -d, --delete NOTE    delete note NOTE\n"
	"  -l, --list           list story ID's notes in story order, or\n"
	"                       every note, most recently changed first\n"
	"      --json           with --list: one JSON object per line: id,\n"
	"                       story, title, span, anchor, note, created,\n"
	"                       updated (seconds since 1970)\n",
	cmd_note_options, 0, cmd_note
};
