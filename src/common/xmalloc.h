/* Allocation that never fails: on exhaustion the program dies. */
#ifndef DOSSIER_XMALLOC_H
#define DOSSIER_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 xvasprintf(char **, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

/*
 * The one fatal path. A front end that changed the terminal registers a hook
 * that restores it before the message is printed.
 */
void	 fatal_set_hook(void (*)(void));
void	 fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
