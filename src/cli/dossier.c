/*
 * dossier: the entry point. Global options, then a subcommand (cmd.c
 * holds the table of them); with no subcommand the library is shown.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "ui.h"
#include "banned.h"

/*
 * Fail if standard output could not be written whole (a full disk, a
 * closed pipe). The error of a write that failed earlier is gone by now,
 * so an error seen only in the stream's flag is a plain write error.
 */
static int
stdout_check(int rv)
{
	errno = 0;
	if (fflush(stdout) != 0) {
		fprintf(stderr, "dossier: stdout: %s\n", strerror(errno));
		return CMD_FAILED;
	}
	if (ferror(stdout)) {
		fputs("dossier: stdout: write error\n", stderr);
		return CMD_FAILED;
	}
	return rv;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db",		required_argument,	NULL, 'd' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_ctx	ctx = { NULL, NULL };
	int		ch, rv;

	setlocale(LC_ALL, "");
	/* Stop at the first non-option: it is the subcommand. */
	while ((ch = cmd_getopt(argc, argv, "+hV", longopts)) != -1) {
		switch (ch) {
		case 'd':
			if (*optarg == '\0') {
				fputs("dossier: --db needs a path\n", stderr);
				return CMD_USAGE;
			}
			ctx.db_path = optarg;
			break;
		case 'h':
			cmd_usage_print(stdout);
			return stdout_check(CMD_OK);
		case 'V':
			printf("dossier %s\n", PACKAGE_VERSION);
			return stdout_check(CMD_OK);
		default:
			cmd_usage_print(stderr);
			return CMD_USAGE;
		}
	}
	argc -= optind;
	argv += optind;

	if (argc == 0) {
		if (cmd_store_create(&ctx) == NULL)
			return CMD_FAILED;
		rv = ui_main(ctx.store);
		store_close(ctx.store);
		return rv;
	}
	rv = cmd_run(&ctx, argc, argv);
	store_close(ctx.store);
	return stdout_check(rv);
}
