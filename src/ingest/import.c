/*
 * Import of saved stories: walk the paths, read each file within bounds,
 * pick a parser, and store the articles in batches, one transaction a batch
 * and a savepoint a file, so a failing file leaves nothing behind.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "extract.h"
#include "hash.h"
#include "html.h"
#include "import.h"
#include "store.h"
#include "utf8.h"
#include "work.h"
#include "xmalloc.h"
#include "banned.h"

#define IMPORT_MAX_DEPTH	64		/* directory nesting */
#define IMPORT_BATCH_FILES	500		/* files per transaction */
#define IMPORT_BATCH_BYTES	(32u * 1024 * 1024)

/* A file found by the walk, or a path that failed before it was read. */
struct import_file {
	char	*path;
	char	*error;		/* set: failed during the walk */
	int	 skipped;	/* error is why it was skipped, not a failure */
	int	 checked;	/* dev, ino: the file the walk found */
	dev_t	 dev;
	ino_t	 ino;
};

/* The directories on the way down, to notice symlink loops. */
struct walk_dir {
	dev_t	dev;
	ino_t	ino;
};

struct import_list {
	struct import_file	*v;
	size_t			 n;
	size_t			 cap;
	size_t			 ignored;
	const char		*root;	/* the named tree, resolved */
	struct walk_dir		*seen;	/* directories read: a hash set */
	size_t			 nseen;
	size_t			 seen_cap;
};

/* A parsed file waiting for its batch to commit. */
struct import_item {
	struct import_file	*file;
	struct article		 a;
	struct extract		 x;		/* what the body says */
	int			 extracted;
	char			 hash[65];
	enum import_status	 status;
	char			*reason;
	int64_t			 replace;	/* UPDATED: the story */
	int			 record;	/* EXISTS: its path is new */
	char			*data;		/* the file, until parsed */
	size_t			 len;
};

static void
list_add(struct import_list *l, const char *path, char *error)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].path = xstrdup(path);
	l->v[l->n].error = error;
	l->v[l->n].skipped = 0;
	l->v[l->n].checked = 0;
	l->n++;
}

/* Report a path not followed, with why: not a failure. */
static void
list_skip(struct import_list *l, const char *path, char *why)
{
	list_add(l, path, why);
	l->v[l->n - 1].skipped = 1;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void	walk(struct import_list *, const char *, int,
		    struct walk_dir *, int);

/*
 * Remember a directory as read; 0 if it was read already (through
 * another link), so that no directory is read twice and links to one
 * directory cannot multiply the walk. An open-addressing set of (device,
 * inode), kept at most half full.
 */
static int
walk_seen_add(struct import_list *l, const struct stat *sb)
{
	struct walk_dir	*old = l->seen;
	size_t		 i, j, oldcap = l->seen_cap, h;

	if (2 * (l->nseen + 1) > l->seen_cap) {
		l->seen_cap = oldcap > 0 ? oldcap * 2 : 256;
		l->seen = xcalloc(l->seen_cap, sizeof *l->seen);
		l->nseen = 0;
		for (i = 0; i < oldcap; i++) {
			if (old[i].ino == 0 && old[i].dev == 0)
				continue;
			h = ((size_t)old[i].ino * 31 + (size_t)old[i].dev) &
			    (l->seen_cap - 1);
			while (l->seen[h].ino != 0 || l->seen[h].dev != 0)
				h = (h + 1) & (l->seen_cap - 1);
			l->seen[h] = old[i];
			l->nseen++;
		}
		free(old);
	}
	h = ((size_t)sb->st_ino * 31 + (size_t)sb->st_dev) &
	    (l->seen_cap - 1);
	for (j = 0; j < l->seen_cap; j++, h = (h + 1) & (l->seen_cap - 1)) {
		if (l->seen[h].ino == 0 && l->seen[h].dev == 0)
			break;
		if (l->seen[h].ino == sb->st_ino &&
		    l->seen[h].dev == sb->st_dev)
			return 0;
	}
	l->seen[h].dev = sb->st_dev;
	l->seen[h].ino = sb->st_ino;
	l->nseen++;
	return 1;
}

/*
 * Does a symbolic link found in the tree lead inside it? Its target,
 * resolved, must be the named tree's root or below it.
 */
static int
walk_inside(const struct import_list *l, const char *path)
{
	char	*real;
	size_t	 n = strlen(l->root);
	int	 in;

	if ((real = realpath(path, NULL)) == NULL)
		return 1;	/* dangling or a loop: stat reports it */
	in = strcmp(l->root, "/") == 0 || (strncmp(real, l->root, n) == 0 &&
	    (real[n] == '\0' || real[n] == '/'));
	free(real);
	return in;
}

/* List a directory's entries in name order, then walk each. */
static void
walk_dir(struct import_list *l, const char *path, struct walk_dir *stack,
    int depth)
{
	DIR		 *d;
	struct dirent	 *de;
	struct stat	  sb;
	char		**names = NULL, *child, *err;
	size_t		  n = 0, cap = 0, i;
	int		  pass, link;

	if ((d = opendir(path)) == NULL) {
		xasprintf(&err, "cannot read directory: %s", strerror(errno));
		list_add(l, path, err);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* ., .., and hidden files */
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, name_cmp);
	/*
	 * The entries themselves first, then the symbolic links: a link
	 * to a directory of the tree then finds it read already.
	 */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < n; i++) {
			xasprintf(&child, "%s%s%s", path,
			    path[strlen(path) - 1] == '/' ? "" : "/",
			    names[i]);
			link = lstat(child, &sb) == 0 && S_ISLNK(sb.st_mode);
			if (link == pass)
				walk(l, child, 0, stack, depth);
			free(child);
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Add path (a file, or a directory read recursively) to the list. */
static void
walk(struct import_list *l, const char *path, int explicit,
    struct walk_dir *stack, int depth)
{
	struct stat	 sb;
	char		*err;
	int		 i;

	/*
	 * A link found in the tree is followed only inside it; one named
	 * by the user is followed wherever it leads.
	 */
	if (!explicit && lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) &&
	    !walk_inside(l, path)) {
		list_skip(l, path, xstrdup("skipped: a symbolic link to a "
		    "place outside the directory imported (name it to "
		    "import it)"));
		return;
	}
	if (stat(path, &sb) != 0) {
		if (errno == ELOOP)
			err = xstrdup("symlink loop");
		else if (errno == ENOENT && lstat(path, &sb) == 0)
			err = xstrdup("dangling symlink");
		else
			xasprintf(&err, "%s", strerror(errno));
		list_add(l, path, err);
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		for (i = 0; i < depth; i++) {
			if (stack[i].dev == sb.st_dev &&
			    stack[i].ino == sb.st_ino) {
				list_add(l, path, xstrdup("symlink loop: "
				    "directory contains itself"));
				return;
			}
		}
		if (depth >= IMPORT_MAX_DEPTH) {
			list_add(l, path, xstrdup("directories nested too "
			    "deep"));
			return;
		}
		if (!walk_seen_add(l, &sb)) {
			list_skip(l, path, xstrdup("skipped: the same "
			    "directory was read already"));
			return;
		}
		stack[depth].dev = sb.st_dev;
		stack[depth].ino = sb.st_ino;
		walk_dir(l, path, stack, depth + 1);
		return;
	}
	if (!explicit && import_sniff_name(path) == IMPORT_UNKNOWN) {
		l->ignored++;
		return;
	}
	if (!S_ISREG(sb.st_mode)) {
		list_add(l, path, xstrdup("not a regular file"));
		return;
	}
	list_add(l, path, NULL);
	/* What is read later must be this file: a link inside the tree
	   could be pointed outside it meanwhile. */
	l->v[l->n - 1].checked = 1;
	l->v[l->n - 1].dev = sb.st_dev;
	l->v[l->n - 1].ino = sb.st_ino;
}

static int	import_read(const char *, const struct import_file *, size_t,
		    char **, size_t *, char **);

int
import_read_file(const char *path, size_t max, char **out, size_t *outlen,
    char **err)
{
	return import_read(path, NULL, max, out, outlen, err);
}

/*
 * Read a whole regular file of at most max bytes; if want is given, only
 * the file the walk found there. O_NONBLOCK so a FIFO put in place after
 * the walk cannot hang us. The data ends in a NUL.
 */
static int
import_read(const char *path, const struct import_file *want, size_t max,
    char **out, size_t *outlen, char **err)
{
	struct stat	 sb;
	char		*data = NULL;
	size_t		 len = 0;
	ssize_t		 n;
	int		 fd, rv = -1;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		xasprintf(err, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0) {
		xasprintf(err, "%s", strerror(errno));
		goto out;
	}
	if (!S_ISREG(sb.st_mode)) {
		*err = xstrdup("not a regular file");
		goto out;
	}
	if (want != NULL && want->checked && (sb.st_dev != want->dev ||
	    sb.st_ino != want->ino)) {
		*err = xstrdup("changed since the directory was read (a link "
		    "pointed elsewhere?): not read");
		goto out;
	}
	if (sb.st_size > (off_t)max) {
		xasprintf(err, "file too large (%.1f MiB; the limit is %zu MiB)",
		    (double)sb.st_size / (1024 * 1024), max / (1024 * 1024));
		goto out;
	}
	data = xmalloc((size_t)sb.st_size + 1);
	/* Read to EOF but never past the limit, even if the file grows. */
	for (;;) {
		if (len == (size_t)sb.st_size + 1) {
			if (len > max) {
				xasprintf(err, "file too large (the limit is "
				    "%zu MiB)", max / (1024 * 1024));
				goto out;
			}
			data = xrealloc(data, len * 2);
			sb.st_size = (off_t)(len * 2 - 1);
		}
		n = read(fd, data + len, (size_t)sb.st_size + 1 - len);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			xasprintf(err, "read error: %s", strerror(errno));
			goto out;
		}
		len += (size_t)n;
	}
	data[len] = '\0';
	*out = data;
	*outlen = len;
	data = NULL;
	rv = 0;
out:
	free(data);
	close(fd);
	return rv;
}

int
import_parse_bytes(const char *path, const char *data, size_t len,
    struct article *a, char **err)
{
	char	*text = NULL;
	size_t	 tlen;
	int	 rc;

	switch (import_sniff(path, data, len)) {
	case IMPORT_HTML:
		rc = import_html_parse(data, len, a, err);
		break;
	case IMPORT_MARKDOWN:
		text = utf8_normalize(data, len, &tlen);
		rc = import_markdown_parse(text, tlen, a, err);
		break;
	default:
		text = utf8_normalize(data, len, &tlen);
		rc = import_text_parse(text, tlen, a, err);
		break;
	}
	free(text);
	if (rc == 0 && a->title == NULL && a->body == NULL) {
		*err = xstrdup("no story found: neither a headline nor text");
		rc = -1;
	}
	return rc;
}

/*
 * Is item's text in the library already (1; it->record set when the
 * story does not know this file yet), or is its file a story's whose text
 * changed (0, it->replace set), or neither (0)? -1 with *err.
 */
static int
import_known(struct store *s, int64_t feed, struct import_item *it,
    char **err)
{
	int64_t	id = 0;
	int	rc;

	it->a.path = realpath(it->file->path, NULL);
	rc = store_article_lookup(s, feed, it->a.guid, NULL, &id, err);
	if (rc < 0)
		return -1;
	if (rc > 0) {
		it->a.id = id;
		if (it->a.path != NULL && (rc = store_article_has_path(s, id,
		    it->a.path, err)) < 0)
			return -1;
		it->record = it->a.path != NULL && rc == 0;
		return 1;
	}
	if (it->a.path != NULL && store_article_by_path(s, feed, it->a.path,
	    &id, err) < 0)
		return -1;
	it->replace = it->a.path != NULL ? id : 0;
	return 0;
}

/*
 * Read one file into item and look it up: it->data is left to parse
 * (import_parse) when the story is new or its text changed; otherwise
 * sets status and reason.
 */
static void
import_look(struct import_item *it, int64_t feed, struct store *s)
{
	char		*data = NULL, *err = NULL;
	const char	*why;
	size_t		 len;
	int		 rc;

	it->status = IMPORT_FAILED;
	if (import_read(it->file->path, it->file, IMPORT_MAX_FILE, &data,
	    &len, &err) != 0)
		goto fail;
	if ((why = import_sniff_refuse(data, len)) != NULL) {
		err = xstrdup(why);
		goto fail;
	}
	hash_buf_hex(data, len, it->hash);
	xasprintf(&it->a.guid, "sha256:%s", it->hash);
	if ((rc = import_known(s, feed, it, &err)) < 0)
		goto fail;
	if (rc == 1) {
		it->status = IMPORT_EXISTS;
		goto out;
	}
	it->status = it->replace > 0 ? IMPORT_UPDATED : IMPORT_ADDED;
	it->data = data;
	it->len = len;
	data = NULL;
	goto out;
fail:
	it->reason = err != NULL ? err : xstrdup("cannot import");
	err = NULL;
out:
	free(err);
	free(data);
}

/*
 * Parse an item's file and extract its people and quotes, on a worker
 * thread: nothing but the item is touched. A file that does not parse
 * is failed, with its reason.
 */
static void
import_parse(struct import_item *it, const struct import_options *opts)
{
	char	*err = NULL;
	size_t	 i;

	if (it->data == NULL)
		return;
	if (import_parse_bytes(it->file->path, it->data, it->len, &it->a,
	    &err) != 0) {
		it->status = IMPORT_FAILED;
		it->reason = err != NULL ? err : xstrdup("cannot import");
	} else {
		for (i = 0; i < opts->ntags; i++)
			article_add_tag(&it->a, opts->tags[i],
			    strlen(opts->tags[i]));
		if (it->a.body != NULL) {
			extract_run(&it->x, it->a.body, it->a.body_len);
			extract_compact(&it->x);
			it->extracted = 1;
		}
	}
	free(it->data);
	it->data = NULL;
}

static void
report(const struct import_options *opts, struct import_item *it,
    struct import_totals *t, size_t done, size_t total)
{
	struct import_event	ev;

	switch (it->status) {
	case IMPORT_ADDED:
		t->added++;
		break;
	case IMPORT_UPDATED:
		t->updated++;
		break;
	case IMPORT_EXISTS:
		t->exists++;
		break;
	case IMPORT_FAILED:
		t->failed++;
		break;
	case IMPORT_SKIPPED:
		t->skipped++;
		break;
	}
	if (opts->report == NULL)
		return;
	memset(&ev, 0, sizeof ev);
	ev.path = it->file->path;
	ev.status = it->status;
	ev.reason = it->reason;
	ev.id = it->a.id;
	ev.title = it->a.title;
	if (it->status == IMPORT_ADDED || it->status == IMPORT_UPDATED) {
		ev.dropped = it->a.ndropped;
		ev.dropped_first = it->a.dropped;
	}
	ev.done = done;
	ev.total = total;
	opts->report(&ev, opts->arg);
}

/* A batch on its way to the store: what work_run's functions share. */
struct import_batch {
	struct store			*s;
	int64_t				 feed;
	struct import_item		*items;
	const struct import_options	*opts;
	char				*err;
};

/* Parse item i of the batch, on a worker thread. */
static void
import_batch_parse(size_t i, void *arg)
{
	struct import_batch	*b = arg;

	import_parse(&b->items[i], b->opts);
}

/*
 * Write item i in the open batch, in order: 0, or -1 if sqlite rolled the
 * whole batch back. A file whose rows fail is rolled back to its
 * savepoint and failed.
 */
static int
import_batch_write(size_t i, void *arg)
{
	struct import_batch	*b = arg;
	struct import_item	*it = &b->items[i];
	char			 hash[65];
	int			 rc = 0;

	memcpy(hash, it->hash, sizeof hash);
	if (it->status == IMPORT_EXISTS && it->record)
		rc = store_article_path_set(b->s, it->a.id, it->a.path,
		    &b->err);
	else if (it->status == IMPORT_UPDATED) {
		rc = store_article_update(b->s, it->replace, &it->a, hash,
		    it->extracted ? &it->x : NULL, &b->err);
		it->a.id = it->replace;
	} else if (it->status == IMPORT_ADDED)
		rc = store_article_add(b->s, b->feed, &it->a, hash,
		    it->extracted ? &it->x : NULL, &b->err);
	if (it->extracted) {		/* stored: not needed here */
		extract_free(&it->x);
		it->extracted = 0;
	}
	if (rc == 1)
		it->status = IMPORT_EXISTS;
	else if (rc != 0 && !store_in_batch(b->s))
		return -1;
	else if (rc != 0) {
		it->status = IMPORT_FAILED;
		it->reason = b->err;
		b->err = NULL;
	}
	return 0;
}

/*
 * Write a batch in one transaction, each file parsed and analysed on a
 * worker thread while those before it are written (work.c). If the
 * batch is lost (sqlite rolled it back, or the commit failed: disk full,
 * a read-only file) every file of the batch to store is reported with
 * that reason.
 */
static void
import_flush(struct store *s, int64_t feed, struct import_item *items,
    size_t n, const struct import_options *opts, struct import_totals *t,
    size_t done, size_t total)
{
	struct import_batch	 b;
	char			*reason;
	size_t			 i, todo = 0;

	memset(&b, 0, sizeof b);
	b.s = s;
	b.feed = feed;
	b.items = items;
	b.opts = opts;
	for (i = 0; i < n; i++)
		todo += items[i].status == IMPORT_ADDED ||
		    items[i].status == IMPORT_UPDATED || items[i].record;
	if (todo == 0)
		goto out;
	if (store_begin(s, &b.err) != 0)
		goto failed;
	extract_init();		/* what the threads share, built once */
	html_read_init();
	if (work_run(n, WORK_CORES, import_batch_parse, import_batch_write,
	    &b) != 0 || store_commit(s, &b.err) != 0)
		goto failed;
	goto out;
failed:
	store_rollback(s);	/* end the batch and forget its caches */
	for (i = 0; i < n; i++) {
		if (items[i].status != IMPORT_ADDED &&
		    items[i].status != IMPORT_UPDATED)
			continue;
		items[i].status = IMPORT_FAILED;
		xasprintf(&reason, "not stored: %s", b.err != NULL ? b.err :
		    "the batch failed");
		free(items[i].reason);
		items[i].reason = reason;
		items[i].a.id = 0;
	}
out:
	free(b.err);
	for (i = 0; i < n; i++) {
		report(opts, &items[i], t, done - n + i + 1, total);
		free(items[i].reason);
		free(items[i].data);
		if (items[i].extracted)
			extract_free(&items[i].x);
		article_free(&items[i].a);
	}
}

int
import_paths(struct store *s, char **paths, size_t npaths,
    const struct import_options *opts, struct import_totals *t, char **errp)
{
	struct import_list	 l;
	struct import_item	*items;
	struct walk_dir		 stack[IMPORT_MAX_DEPTH + 1];
	char			*root;
	size_t			 i, n = 0, bytes = 0;
	int64_t			 feed;

	memset(t, 0, sizeof *t);
	memset(&l, 0, sizeof l);
	/* Without the feed nothing can be stored: say so once, up front. */
	if ((feed = store_local_feed(s, errp)) < 0 ||
	    store_ingest_memory(s, errp) != 0)
		return -1;
	for (i = 0; i < npaths; i++) {
		/* Links in a named directory stay inside where it leads. */
		root = realpath(paths[i], NULL);
		l.root = root != NULL ? root : paths[i];
		walk(&l, paths[i], 1, stack, 0);
		free(root);
	}
	free(l.seen);
	t->ignored = l.ignored;

	items = xcalloc(IMPORT_BATCH_FILES, sizeof *items);
	for (i = 0; i < l.n; i++) {
		struct import_item *it = &items[n];

		memset(it, 0, sizeof *it);
		article_init(&it->a);
		it->file = &l.v[i];
		if (l.v[i].error != NULL) {
			it->status = l.v[i].skipped ? IMPORT_SKIPPED :
			    IMPORT_FAILED;
			it->reason = xstrdup(l.v[i].error);
		} else
			import_look(it, feed, s);
		bytes += it->len;
		n++;
		if (n == IMPORT_BATCH_FILES || bytes >= IMPORT_BATCH_BYTES ||
		    i + 1 == l.n) {
			import_flush(s, feed, items, n, opts, t, i + 1, l.n);
			n = 0;
			bytes = 0;
		}
	}
	free(items);
	for (i = 0; i < l.n; i++) {
		free(l.v[i].path);
		free(l.v[i].error);
	}
	free(l.v);
	return 0;
}
