#!/bin/sh
# Standard output that cannot be written: a full disk fails the command
# with the reason, never a stray errno; a reader that stops early (head)
# gets no error message.
. "$top_srcdir/tests/lib.sh"
[ -w /dev/full ] || skip_all "no /dev/full"
plan 4

"$DOSSIER" --db "$T/lib.db" import -q "$top_srcdir/samples/library" \
    >/dev/null 2>&1

# Each command whose output fills /dev/full: exit 1 and say why.
bad=
for c in "list" "list --json" "show 1" "show --json 1" "search drone" \
    "search --json drone" "tag --list --json" "export --json" "help" \
    "people" "people --json" "who brekk" "who --json brekk" "quotes" \
    "quotes --json" "export --speaker brekk" \
    "help --keys" "--help" "--version"; do
	# shellcheck disable=SC2086
	"$DOSSIER" --db "$T/lib.db" $c >/dev/full 2>"$T/err"
	r=$?
	if [ $r -ne 1 ] || ! grep -Eq "^dossier: stdout: (No space left on device|write error)$" "$T/err"; then
		bad="$bad [$c: rc=$r $(head -1 "$T/err")]"
	fi
done
[ -z "$bad" ]
ok $? "output to a full disk fails with its reason"
[ -n "$bad" ] && diag "$bad"

# The reader stops after one line: nothing on stderr, the library intact.
bad=
for c in "list" "list --json" "show 1" "search --json said" "export" \
    "people" "who brekk" "quotes --json"; do
	# shellcheck disable=SC2086
	"$DOSSIER" --db "$T/lib.db" $c 2>"$T/err" | head -1 >/dev/null
	[ -s "$T/err" ] && bad="$bad [$c: $(head -1 "$T/err")]"
done
[ -z "$bad" ]
ok $? "a closed pipe prints no error"
[ -n "$bad" ] && diag "$bad"
run --db "$T/lib.db" list
[ "$(grep -c . "$T/out")" -eq 15 ]
ok $? "the library is whole afterwards"

# An import piped to head keeps what it reported.
"$DOSSIER" --db "$T/lib2.db" import "$top_srcdir/samples/library" 2>"$T/err" |
	head -1 >/dev/null
run --db "$T/lib2.db" list
n=$(grep -c . "$T/out")
[ "$n" -ge 1 ] && [ ! -s "$T/err" ]
ok $? "an import piped to head leaves whole stories ($n) and no error"
