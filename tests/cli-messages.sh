#!/bin/sh
# Messages read right: a count agrees with its noun ("1 file", never
# "1 files"), and every search error names its field once ("after: bad
# date ...", where it said "bad date 'x' after after:").
. "$top_srcdir/tests/lib.sh"
plan 7

db="$T/lib.db"
mkdir -p "$T/one" "$T/two"
cp "$top_srcdir/samples/library/2025-01-14-valdoria-drone-crash.txt" "$T/one/"
: >"$T/one/notes.pdf"
run --db "$db" import "$T/one"
[ $rc -eq 0 ] &&
	[ "$(cat "$T/out" | tail -n 1)" = "1 added, 0 already in the library, 0 failed (1 other file in directories ignored)" ]
ok $? "one ignored file is '1 other file'" || diag "$(cat "$T/out")"
: >"$T/two/a.pdf"
: >"$T/two/b.pdf"
run --db "$db" import "$T/two"
has "$T/out" "(2 other files in directories ignored)"
ok $? "two ignored files are '2 other files'" || diag "$(cat "$T/out")"

run --db "$db" search --count drone
[ $rc -eq 0 ] && [ "$(cat "$T/out")" = 1 ]
ok $? "search --count prints the bare number"

run --db "$db" search -- after:yesterday
[ $rc -eq 2 ] && [ "$(cat "$T/err")" = "dossier: after: bad date 'yesterday' (use YYYY-MM-DD, YYYY-MM or YYYY)" ]
ok $? "a bad after: date names the field once" || diag "$(cat "$T/err")"

run --db "$db" search -- before:2025-13
[ $rc -eq 2 ] && [ "$(cat "$T/err")" = "dossier: before: bad date '2025-13' (use YYYY-MM-DD, YYYY-MM or YYYY)" ]
ok $? "a bad before: date names the field once" || diag "$(cat "$T/err")"

run --db "$db" search -- after:
[ $rc -eq 2 ] && [ "$(cat "$T/err")" = "dossier: after: needs a value" ]
ok $? "an empty after: says it needs a value" || diag "$(cat "$T/err")"

# The class: no search error repeats a word ("after after:", "tag tag:").
bad=
for q in after:x before:x after:2025-02-30 before:1 after: before: title: \
    outlet: by: tag: 'tag:""' speaker: speaker:- is: is:maybe '"' '- *' \
    "$(awk 'BEGIN { for (i = 0; i < 70; i++) printf "w%d ", i }')"; do
	run --db "$db" search -- "$q"
	[ $rc -eq 2 ] || bad="$bad [$q]=$rc"
	grep -q '\([a-z][a-z]*\):\{0,1\} \1\b' "$T/err" &&
		bad="$bad [$q]: $(cat "$T/err")"
	grep -q '^dossier: [a-z]' "$T/err" || bad="$bad [$q] no message"
done
[ -z "$bad" ]
ok $? "no search error message repeats its keyword" || diag "$bad"

exit 0
