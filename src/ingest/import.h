/*
 * Import of saved stories: files and directories in, articles to the store.
 * The parsers fill a struct article from bytes and never touch the store.
 */
#ifndef DOSSIER_IMPORT_H
#define DOSSIER_IMPORT_H

#include <stddef.h>
#include <stdint.h>

struct article;
struct store;

/* Largest file import reads; anything bigger is refused. */
#define IMPORT_MAX_FILE (16u * 1024 * 1024)

enum import_format {
	IMPORT_UNKNOWN,
	IMPORT_TEXT,		/* saved plain text */
	IMPORT_HTML,		/* page saved from a browser */
	IMPORT_MARKDOWN		/* Markdown with YAML front matter */
};

/*
 * Each parser returns 0 and fills the article, or -1 with *err set to a
 * lower-case reason (caller frees). Text and Markdown parsers take UTF-8
 * (see utf8_normalize); the HTML parser takes the raw bytes and finds the
 * charset itself.
 */
int	import_text_parse(const char *, size_t, struct article *, char **err);
int	import_html_parse(const char *, size_t, struct article *, char **err);
int	import_markdown_parse(const char *, size_t, struct article *,
	    char **err);

/* Read a regular file of at most max bytes; -1 with *err. */
int	import_read_file(const char *path, size_t max, char **data,
	    size_t *len, char **err);

/*
 * Parse a file's bytes as the format its name and content say into a; -1
 * with *err (a lower-case reason) if it holds no story.
 */
int	import_parse_bytes(const char *path, const char *, size_t,
	    struct article *, char **err);

/*
 * Guess a file's format (import-sniff.c): by its name's suffix if path is
 * given and import_sniff_name knows it; else Markdown if the bytes (after
 * a UTF-8 byte order mark) open with a "---" line; HTML if the first
 * thing after whitespace, within 1 KiB, is a doctype, <html>, <head>, a
 * comment or <?xml; text otherwise. Never IMPORT_UNKNOWN.
 */
enum import_format import_sniff(const char *path, const char *, size_t);

/*
 * A format by the name's suffix alone (.html .htm .xhtml .shtml, .md
 * .markdown .mdown .mkd, .txt .text, case aside), else IMPORT_UNKNOWN:
 * the files import takes from a directory.
 */
enum import_format import_sniff_name(const char *path);

/*
 * Why the bytes are no story to parse, lower case ("empty file", "binary
 * file, not a saved story", UTF-16 named), or NULL if they may be one.
 * The string is static.
 */
const char *import_sniff_refuse(const char *, size_t);

enum import_status {
	IMPORT_ADDED,		/* a new story in the library */
	IMPORT_UPDATED,		/* a file imported before, saved again with
				   new text: its story replaced in place */
	IMPORT_EXISTS,		/* the same file was imported before */
	IMPORT_FAILED,		/* not imported; reason says why */
	IMPORT_SKIPPED		/* not followed (a link out of the tree) */
};

/* One file's outcome, handed to the report callback. */
struct import_event {
	const char		*path;
	enum import_status	 status;
	const char		*reason;	/* FAILED, SKIPPED only */
	int64_t			 id;		/* the story's id, if known */
	const char		*title;		/* ADDED, UPDATED; may be NULL */
	size_t			 dropped;	/* ADDED, UPDATED: addresses not
						   kept (see url.h) */
	const char		*dropped_first;	/* '"address": reason' */
	size_t			 done;		/* files finished so far */
	size_t			 total;		/* files found */
};

struct import_totals {
	size_t	added;
	size_t	updated;
	size_t	exists;
	size_t	failed;
	size_t	ignored;	/* files in directories that are not stories */
	size_t	skipped;	/* links not followed (IMPORT_SKIPPED) */
};

struct import_options {
	char		**tags;		/* normalized tags for every story */
	size_t		  ntags;
	void		(*report)(const struct import_event *, void *);
	void		 *arg;
};

/*
 * Import files and directories (recursively) into the store. Every file's
 * outcome goes to opts->report and is counted in the totals; returns -1
 * with *err set, before reading any file, if the store cannot take stories.
 */
int	import_paths(struct store *, char **paths, size_t npaths,
	    const struct import_options *, struct import_totals *, char **err);

#endif
