/*
 * The noun that agrees with a count: "1 story", "2 stories", "0 stories".
 * Every count printed in a sentence, on the screen or the command line,
 * takes its noun from here.
 */
#ifndef DOSSIER_PLURAL_H
#define DOSSIER_PLURAL_H

/* one when n is exactly 1, else many. */
static inline const char *
plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

#endif
