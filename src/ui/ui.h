/*
 * The screen: the only module that draws. This header is free of curses so
 * main can open the screen and print the key table without it.
 */
#ifndef DOSSIER_UI_H
#define DOSSIER_UI_H

#include <stdio.h>

struct store;

/* Run the screen on the library until the user quits; returns exit status. */
int	 ui_main(struct store *);

/* Print every operation with its default keys and description. */
void	 ui_keys_print(FILE *);

#endif
