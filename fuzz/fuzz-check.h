/*
 * What the harnesses of feeds and OPML check alike: a one-line field
 * holds no control character (what reaches the terminal).
 */
#ifndef DOSSIER_FUZZ_CHECK_H
#define DOSSIER_FUZZ_CHECK_H

/* Trap on a control character in a one-line field. */
static inline void
check_line(const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			__builtin_trap();
}

#endif
