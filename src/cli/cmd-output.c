/*
 * A file named by the user for a command's output (export --output),
 * written whole or not at all: into a temporary file beside it (O_EXCL),
 * synced, then put in its place. Only a regular file of the user's with
 * no other hard link is ever replaced, keeping its mode; a symbolic link
 * (dangling or not), a device, a FIFO, a directory, another user's file
 * or one with other names is refused with the reason, never replaced or
 * truncated. "-" is standard output.
 *
 * What holds against a race: the file is never opened, only its name is
 * replaced by rename(2) (which does not follow a link put there
 * meanwhile), and only if it is still the file checked; a new name is
 * made by link(2), which never replaces. Directories on the way
 * (symbolic links among them) are the user's to choose.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "xmalloc.h"
#include "banned.h"

/* Why a file that is there cannot be replaced; NULL if it can. */
static const char *
cmd_output_refused(const struct stat *sb)
{
	if (S_ISLNK(sb->st_mode))
		return "is a symbolic link: not replaced (give the path of "
		    "the file itself)";
	if (S_ISDIR(sb->st_mode))
		return "is a directory";
	if (S_ISCHR(sb->st_mode) || S_ISBLK(sb->st_mode))
		return "is a device, not a regular file: not written (give "
		    "- or no --output to write to standard output)";
	if (S_ISFIFO(sb->st_mode))
		return "is a named pipe (FIFO), not a regular file: not "
		    "written (give - or no --output to write to standard "
		    "output)";
	if (!S_ISREG(sb->st_mode))
		return "is not a regular file: not replaced";
	if (sb->st_uid != geteuid())
		return "belongs to another user: not replaced";
	/* A new file in its place would part it from its other names. */
	if (sb->st_nlink > 1)
		return "has other hard links, which would keep the old text: "
		    "not replaced (give a new file, or remove the other "
		    "names)";
	return NULL;
}

/* Sync the directory holding path, so a rename in it lasts. */
static void
cmd_output_sync_dir(const char *path)
{
	char	*dir, *slash;
	int	 fd;

	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) == NULL) {
		free(dir);
		dir = xstrdup(".");
	} else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int
cmd_output_open(struct cmd_output *o, const char *path, char **err)
{
	struct stat	 sb;
	const char	*why;
	mode_t		 mask, mode;

	memset(o, 0, sizeof *o);
	o->fd = -1;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	o->path = path;
	if (lstat(path, &sb) == 0) {
		if ((why = cmd_output_refused(&sb)) != NULL) {
			xasprintf(err, "%s %s", path, why);
			return -1;
		}
		o->exists = 1;
		o->dev = sb.st_dev;
		o->ino = sb.st_ino;
		mode = sb.st_mode & 07777;
	} else if (errno == ENOENT) {
		/* As a new file would be made: 0666 less the umask. */
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	} else {
		xasprintf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	xasprintf(&o->tmp, "%s.XXXXXX", path);
	if ((o->fd = mkstemp(o->tmp)) == -1) {
		xasprintf(err, "%s: cannot make a temporary file beside it: %s",
		    path, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	/* The group first: a change of group may clear the set-id bits. */
	if (o->exists)
		(void)fchown(o->fd, (uid_t)-1, sb.st_gid);
	if (fchmod(o->fd, mode) != 0 || (o->f = fdopen(o->fd, "w")) == NULL) {
		xasprintf(err, "%s: %s", o->tmp, strerror(errno));
		cmd_output_abort(o);
		return -1;
	}
	return 0;
}

/*
 * Put the temporary file in place: over the file that was there if it is
 * still the same regular file, else only where nothing is (link(2) does
 * not replace).
 */
static int
cmd_output_place(struct cmd_output *o, char **err)
{
	struct stat	 sb;
	const char	*why;

	if (lstat(o->path, &sb) == 0) {
		if ((why = cmd_output_refused(&sb)) != NULL ||
		    !o->exists || sb.st_dev != o->dev || sb.st_ino != o->ino) {
			xasprintf(err, "%s %s", o->path, why != NULL ? why :
			    "changed while it was written: not replaced");
			return -1;
		}
		if (rename(o->tmp, o->path) != 0) {
			xasprintf(err, "%s: %s", o->path, strerror(errno));
			return -1;
		}
		return 0;
	}
	if (errno != ENOENT || o->exists) {
		xasprintf(err, "%s: %s", o->path, errno == ENOENT ?
		    "removed while it was written: not made again" :
		    strerror(errno));
		return -1;
	}
	if (link(o->tmp, o->path) == 0) {
		unlink(o->tmp);
		return 0;
	}
	if (errno == EEXIST) {
		xasprintf(err, "%s appeared while it was written: not "
		    "replaced", o->path);
		return -1;
	}
	/* A file system without hard links: the nearest to it. */
	if (lstat(o->path, &sb) == 0) {
		xasprintf(err, "%s appeared while it was written: not "
		    "replaced", o->path);
		return -1;
	}
	if (rename(o->tmp, o->path) != 0) {
		xasprintf(err, "%s: %s", o->path, strerror(errno));
		return -1;
	}
	return 0;
}

int
cmd_output_commit(struct cmd_output *o, char **err)
{
	FILE	*f = o->f;
	int	 rv = -1;

	if (o->path == NULL)
		return 0;	/* stdout: checked once, as the program ends */
	o->f = NULL;
	errno = 0;
	if (ferror(f) || fflush(f) != 0 || fsync(o->fd) != 0) {
		xasprintf(err, "%s: cannot write: %s", o->path,
		    errno != 0 ? strerror(errno) : "write error");
		fclose(f);
		goto out;
	}
	if (fclose(f) != 0) {
		xasprintf(err, "%s: cannot write: %s", o->path,
		    strerror(errno));
		goto out;
	}
	o->fd = -1;
	if (cmd_output_place(o, err) != 0)
		goto out;
	cmd_output_sync_dir(o->path);
	free(o->tmp);
	o->tmp = NULL;
	rv = 0;
out:
	o->fd = -1;
	cmd_output_abort(o);
	return rv;
}

void
cmd_output_abort(struct cmd_output *o)
{
	if (o->f != NULL && o->f != stdout)
		fclose(o->f);
	else if (o->f == NULL && o->fd != -1)
		close(o->fd);
	o->f = NULL;
	o->fd = -1;
	if (o->tmp != NULL) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
}
