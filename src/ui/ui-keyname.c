/*
 * Key names: dossier's own ("j", "C-d", "PageDown", "F5"), as the config
 * file and the help screen write them, and newsboat's ("^D", "ENTER",
 * "NPAGE"), read from newsboat's bind-key lines.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ui-int.h"
#include "utf8.h"
#include "banned.h"

/* Names of keys that are not one printable character. */
static const struct {
	const char	*name;
	int		 key;
} ui_key_names[] = {
	{ "Up", KEY_SPECIAL | KEY_UP },
	{ "Down", KEY_SPECIAL | KEY_DOWN },
	{ "Left", KEY_SPECIAL | KEY_LEFT },
	{ "Right", KEY_SPECIAL | KEY_RIGHT },
	{ "PageUp", KEY_SPECIAL | KEY_PPAGE },
	{ "PageDown", KEY_SPECIAL | KEY_NPAGE },
	{ "Home", KEY_SPECIAL | KEY_HOME },
	{ "End", KEY_SPECIAL | KEY_END },
	{ "BTab", KEY_SPECIAL | KEY_BTAB },
	{ "Backspace", KEY_SPECIAL | KEY_BACKSPACE },
	{ "Delete", KEY_SPECIAL | KEY_DC },
	{ "Insert", KEY_SPECIAL | KEY_IC },
	{ "Enter", '\r' },
	{ "Tab", '\t' },
	{ "Space", ' ' },
	{ "Escape", 27 },
};
#define UI_NKEYNAMES (sizeof ui_key_names / sizeof ui_key_names[0])

/* A key's name: "j", "C-l", "PageDown", "F5". */
void
ui_key_name(int key, char *out, size_t len)
{
	struct buf	b;
	size_t		i;

	for (i = 0; i < UI_NKEYNAMES; i++) {
		if (ui_key_names[i].key == key) {
			snprintf(out, len, "%s", ui_key_names[i].name);
			return;
		}
	}
	if (key & KEY_SPECIAL) {
		key &= ~KEY_SPECIAL;
		if (key >= KEY_F(1) && key <= KEY_F(12))
			snprintf(out, len, "F%d", key - KEY_F0);
		else
			snprintf(out, len, "key%d", key);
		return;
	}
	if (key >= 1 && key <= 26) {
		snprintf(out, len, "C-%c", 'a' + key - 1);
		return;
	}
	buf_init(&b);
	utf8_encode(&b, (uint32_t)key);
	snprintf(out, len, "%s", b.data != NULL ? b.data : "?");
	buf_free(&b);
}

/* The name of key i of those not one character ("Up"); NULL past the last. */
const char *
ui_key_name_nth(size_t i)
{
	return i < UI_NKEYNAMES ? ui_key_names[i].name : NULL;
}

/* Parse a key name; -1 if it names no key. */
int
ui_key_parse(const char *s)
{
	uint32_t	cp;
	size_t		i, n;

	for (i = 0; i < UI_NKEYNAMES; i++)
		if (strcmp(ui_key_names[i].name, s) == 0)
			return ui_key_names[i].key;
	if (s[0] == 'C' && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z' &&
	    s[3] == '\0')
		return s[2] - 'a' + 1;
	/* At most two digits: atoi of a longer number could wrap to 1-12. */
	if (s[0] == 'F' && s[1] >= '1' && s[1] <= '9' && strlen(s + 1) <= 2) {
		n = (size_t)atoi(s + 1);
		if (n >= 1 && n <= 12 && strspn(s + 1, "0123456789") ==
		    strlen(s + 1))
			return KEY_SPECIAL | KEY_F((int)n);
	}
	n = strlen(s);
	if (n == 0)
		return -1;
	if (utf8_decode(s, n, &cp) != n || utf8_is_unsafe(cp) || cp == ' ')
		return -1;
	return (int)cp;
}

/* newsboat's names of keys that are not one printable character. */
static const struct {
	const char	*name;
	int		 key;
} ui_newsboat_keys[] = {
	{ "ENTER", '\r' },
	{ "ESC", 27 },
	{ "TAB", '\t' },
	{ "SPACE", ' ' },
	{ "BACKSPACE", KEY_SPECIAL | KEY_BACKSPACE },
	{ "UP", KEY_SPECIAL | KEY_UP },
	{ "DOWN", KEY_SPECIAL | KEY_DOWN },
	{ "LEFT", KEY_SPECIAL | KEY_LEFT },
	{ "RIGHT", KEY_SPECIAL | KEY_RIGHT },
	{ "PPAGE", KEY_SPECIAL | KEY_PPAGE },
	{ "NPAGE", KEY_SPECIAL | KEY_NPAGE },
	{ "PAGEUP", KEY_SPECIAL | KEY_PPAGE },
	{ "PAGEDOWN", KEY_SPECIAL | KEY_NPAGE },
	{ "HOME", KEY_SPECIAL | KEY_HOME },
	{ "END", KEY_SPECIAL | KEY_END },
	{ "BTAB", KEY_SPECIAL | KEY_BTAB },
	{ "DEL", KEY_SPECIAL | KEY_DC },
	{ "DC", KEY_SPECIAL | KEY_DC },
	{ "INS", KEY_SPECIAL | KEY_IC },
	{ "IC", KEY_SPECIAL | KEY_IC },
};

/*
 * Parse a key as newsboat names it: one character, ^X for a control key,
 * ENTER, SPACE, NPAGE, F1...; dossier's names are taken too. -1 if it
 * names no key dossier can bind.
 */
int
ui_key_parse_newsboat(const char *s)
{
	size_t	i;

	for (i = 0; i < sizeof ui_newsboat_keys / sizeof ui_newsboat_keys[0];
	    i++)
		if (strcmp(ui_newsboat_keys[i].name, s) == 0)
			return ui_newsboat_keys[i].key;
	if (s[0] == '^' && s[1] != '\0' && s[2] == '\0') {
		if (s[1] >= 'A' && s[1] <= 'Z')
			return s[1] - 'A' + 1;
		if (s[1] >= 'a' && s[1] <= 'z')
			return s[1] - 'a' + 1;
		if (s[1] == '[')
			return 27;
		return -1;
	}
	return ui_key_parse(s);
}
