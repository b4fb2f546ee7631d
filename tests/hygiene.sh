#!/bin/sh
# Machine-checked hygiene of the sources (as git's check of banned calls):
# layer boundaries, banned functions, include order, file size.
. "$top_srcdir/tests/lib.sh"
plan 12
cd "$top_srcdir/src" || exit 1

# Each layer is a folder; a file may include the headers of its own layer
# and of the layers below it, as the README's table says.
allowed() {
	case $1 in
	common)		echo "common" ;;
	extract)	echo "extract common" ;;
	store)		echo "store extract common" ;;
	ingest)		echo "ingest store extract common" ;;
	library)	echo "library store common" ;;
	ui)		echo "ui library store ingest common" ;;
	cli)		echo "cli ui library store ingest extract common" ;;
	esac
}
layers="common extract store ingest library ui cli"

bad=
for layer in $layers; do
	for f in $layer/*.[ch]; do
		for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
			case $h in config.h) continue ;; esac
			# lexicon-data.c is generated into the build tree
			home=
			for l in $layers; do
				[ -f "$l/$h" ] && home=$l
			done
			[ -n "$home" ] || { bad="$bad $f:$h(no such header)"; continue; }
			case " $(allowed "$layer") " in
			*" $home "*) ;;
			*) bad="$bad $f:$h($home)" ;;
			esac
		done
	done
done
[ -z "$bad" ]
ok $? "every file includes only its own layer and those below it"
[ -n "$bad" ] && diag "$bad"

# A header ending in -int.h is private to the files of its folder.
bad=
for h in */*-int.h; do
	layer=${h%%/*}
	b=${h#*/}
	bad="$bad$(grep -l "#include \"$b\"" */*.[ch] | grep -v "^$layer/" |
	    sed "s|\$|:$b |" | tr -d '\n')"
done
[ -z "$bad" ]
ok $? "private headers (-int.h) are included only in their own layer"
[ -n "$bad" ] && diag "$bad"

bad=$(ls -d */ | tr -d / | grep -vxE "$(echo $layers | tr ' ' '|')|" || true)
[ -z "$bad" ]
ok $? "every folder of src is a layer"
[ -n "$bad" ] && diag "$bad"

bad=$(grep -lE '#include *<(n?curses|ncursesw/curses)\.h>' */*.[ch] |
	grep -v '^ui/' || true)
[ -z "$bad" ]
ok $? "only ui files include curses"
[ -n "$bad" ] && diag "$bad"

bad=$(grep -l '#include *<sqlite3.h>' */*.[ch] | grep -v '^store/' || true)
[ -z "$bad" ]
ok $? "only store files include sqlite3.h"
[ -n "$bad" ] && diag "$bad"

# Extraction is pure: no files, no terminal, no network.
bad=$(grep -lE '#include *<(stdio|fcntl|unistd|dirent|sys/stat|sys/socket|curl/curl)\.h>' \
	extract/*.[ch] || true)
[ -z "$bad" ]
ok $? "extract does no I/O (no stdio, files or sockets)"
[ -n "$bad" ] && diag "$bad"

bad=$(grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|strtok|system|popen)[[:space:]]*\(' */*.c |
	grep -v '^common/banned.h' || true)
[ -z "$bad" ]
ok $? "no banned calls"
[ -n "$bad" ] && diag "$bad"

bad=
for f in */*.c; do
	first=$(grep -m1 '^#include' "$f")
	[ "$first" = '#include "config.h"' ] || bad="$bad $f"
	grep -q '#include "banned.h"' "$f" || bad="$bad $f(no banned.h)"
done
[ -z "$bad" ]
ok $? "every source includes config.h first and banned.h"
[ -n "$bad" ] && diag "$bad"

bad=$(grep -l 'config.h' */*.h || true)
[ -z "$bad" ]
ok $? "headers do not include config.h"
[ -n "$bad" ] && diag "$bad"

# Size: a function a screen or two, a file one job (lexicon-data.c is
# generated from the word lists, not written).
bad=$(awk '
	FNR == 1 { start = 0 }
	/^[a-z_][a-z_0-9]*\(/ { name = $0; sub(/\(.*/, "", name) }
	/^\{/ { start = FNR }
	/^\}/ && start { if (FNR - start + 1 > 100) print FILENAME ":" start " " name " " FNR - start + 1; start = 0 }
' */*.c)
[ -z "$bad" ]
ok $? "no function over 100 lines"
[ -n "$bad" ] && diag "$bad"

bad=$(wc -l */*.c | awk '$2 != "total" && $2 != "extract/lexicon-data.c" && $1 > 800 { print $2 " " $1 }')
[ -z "$bad" ]
ok $? "no source file over 800 lines"
[ -n "$bad" ] && diag "$bad"

# The README's list of files is the map: every source is on it, nothing
# else is, and each file's functions that are not static carry one of the
# prefixes it gives for the file.
map=$(sed -n 's/^| `\([a-z]*\/[a-z0-9-]*\.c\)` | \([^|]*\) |.*/\1 \2/p' "$top_srcdir/README.md" | tr -d '`,')
bad=
for f in */*.c; do
	[ "$f" = extract/lexicon-data.c ] && continue
	prefixes=$(echo "$map" | awk -v f="$f" '$1 == f { $1 = ""; print; exit }')
	if [ -z "$prefixes" ]; then
		bad="$bad $f(not in the README)"
		continue
	fi
	for name in $(awk 'prev !~ /^static/ && prev !~ /^(#|\/\*| \*)/ &&
	    /^[a-z_][a-z_0-9]*\(/ { n = $0; sub(/\(.*/, "", n); print n }
	    { prev = $0 }' "$f"); do
		found=
		for p in $prefixes; do
			case $name in "$p"*) found=1; break ;; esac
		done
		[ -n "$found" ] || bad="$bad $f:$name"
	done
done
for f in $(echo "$map" | awk '{ print $1 }'); do
	[ -f "$f" ] || bad="$bad $f(in the README, not in src)"
done
[ -z "$bad" ]
ok $? "the README's file list names every source and its prefixes"
[ -n "$bad" ] && diag "$bad"
exit 0
