#!/bin/sh
# Machine-checked hygiene of the sources (as git's check of banned calls):
# layer boundaries, banned functions, include order, file size.
. "$top_srcdir/tests/lib.sh"
plan 6
cd "$top_srcdir/src" || exit 1

bad=$(grep -lE '#include *<(n?curses|ncursesw/curses)\.h>' *.c *.h | grep -v '^ui' || true)
[ -z "$bad" ]
ok $? "only ui files include curses"
[ -n "$bad" ] && diag "$bad"

bad=$(grep -l '#include *<sqlite3.h>' *.c *.h | grep -v '^store' || true)
[ -z "$bad" ]
ok $? "only store files include sqlite3.h"
[ -n "$bad" ] && diag "$bad"

bad=$(grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|strtok|system|popen)[[:space:]]*\(' *.c |
	grep -v '^banned.h' || true)
[ -z "$bad" ]
ok $? "no banned calls"
[ -n "$bad" ] && diag "$bad"

bad=
for f in *.c; do
	first=$(grep -m1 '^#include' "$f")
	[ "$first" = '#include "config.h"' ] || bad="$bad $f"
	grep -q '#include "banned.h"' "$f" || bad="$bad $f(no banned.h)"
done
[ -z "$bad" ]
ok $? "every source includes config.h first and banned.h"
[ -n "$bad" ] && diag "$bad"

bad=$(grep -l 'config.h' *.h || true)
[ -z "$bad" ]
ok $? "headers do not include config.h"
[ -n "$bad" ] && diag "$bad"

# lexicon-data.c is generated from the word lists, not written
bad=$(wc -l *.c | awk '$2 != "total" && $2 != "lexicon-data.c" &&
	$1 > 1000 { print $2 " " $1 }')
[ -z "$bad" ]
ok $? "no source file over 1000 lines"
[ -n "$bad" ] && diag "$bad"
exit 0
