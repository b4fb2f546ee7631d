#!/bin/sh
# dossier search on the sample library: words, phrases, exclusion, OR,
# field filters, speaker:, exit status as grep (0 match, 1 none, 2 error),
# hostile queries, safe output and --json.
. "$top_srcdir/tests/lib.sh"
plan 36

db="$T/lib.db"
"$DOSSIER" --db "$db" import --quiet "$top_srcdir/samples/library" \
    >/dev/null 2>&1 || exit 1

# ids: the ids of the results (the lines that start with id and date).
ids() { awk '/^ *[0-9]+ [0-9][0-9][0-9][0-9]-/ { printf "%s%s", sep, $1; sep = " " }' "$T/out"; }
# titles_have TEXT: every title line contains TEXT (any case).
titles_have() { awk -v t="$1" '/^ *[0-9]+ [0-9][0-9][0-9][0-9]-/ && index(tolower($0), tolower(t)) == 0 { bad = 1 } END { exit bad }' "$T/out"; }
count() { grep -c '^ *[0-9][0-9]* [0-9][0-9][0-9][0-9]-' "$T/out"; }

run --db "$db" search drone
[ $rc -eq 0 ] && [ "$(count)" -eq 9 ] && has "$T/out" "[drone]"
ok $? "a word finds its stories, newest first, the match in brackets"
[ "$(ids)" = "13 11 10 9 8 5 3 2 1" ]
ok $? "results are newest first"
diag "$(ids)"

run --db "$db" search drone refugees
[ $rc -eq 0 ] && [ "$(ids)" = "5" ]
ok $? "words are ANDed"

run --db "$db" search '"drone crash"'
[ $rc -eq 0 ] && [ "$(ids)" = "13" ] && has "$T/out" "[drone crash]"
ok $? "a quoted phrase matches the words in order"

run --db "$db" search drone '-"drone crash"'
[ $rc -eq 0 ] && [ "$(count)" -eq 8 ] && ! has "$T/out" "    13 "
ok $? "-\"phrase\" leaves its stories out"

run --db "$db" search 'dron*'
[ $rc -eq 0 ] && [ "$(count)" -eq 9 ] && has "$T/out" "[drones]"
ok $? "a prefix matches drone and drones"

run --db "$db" search drone OR refugees
n1=$(count)
run --db "$db" search -- -drone
[ $rc -eq 0 ] && [ "$(count)" -eq 6 ] && [ "$n1" -eq 11 ]
ok $? "OR widens, -word (also first, after --) leaves out"

run --db "$db" search -drone
[ $rc -eq 0 ] && [ "$(count)" -eq 6 ]
ok $? "-word first needs no --"

run --db "$db" search title:drone
[ $rc -eq 0 ] && [ "$(ids)" = "3 2 1" ] && titles_have drone
ok $? "title: searches the headline only (drone finds Drones)"
run --db "$db" search 'title:"drone"'
[ $rc -eq 0 ] && [ "$(ids)" = "2 1" ]
ok $? "title:\"word\" is the exact word in the headline"

# Stemming: drone finds drones; in quotes, the exact word only.
run --db "$db" search drones
a=$(ids)
run --db "$db" search drone
[ "$a" = "$(ids)" ] && has "$T/out" "[drones]"
ok $? "drone and drones find the same stories, each form marked"
run --db "$db" search '"drones"'
[ $rc -eq 0 ] && [ "$(count)" -eq 3 ] && has "$T/out" "[drones]" &&
	! has "$T/out" "[drone]"
ok $? "\"drones\" in quotes finds the exact word only, and marks only it"
run --db "$db" search '"drone"'
[ $rc -eq 0 ] && [ "$(count)" -eq 8 ] && ! has "$T/out" "[drones]"
ok $? "\"drone\" in quotes leaves out the stories with drones only"
[ "$(grep -c '\[drone\]' "$T/out")" -eq 8 ]
ok $? "each result's line shows its exact match, marked"
run --db "$db" search '-"drones"'
[ $rc -eq 0 ] && [ "$(count)" -eq 12 ]
ok $? "-\"drones\" leaves out only the stories with that exact word"
run --db "$db" search -c 'gas*'
b=$(cat "$T/out")
run --db "$db" search 'gas*'
[ "$b" -ge 1 ] && ! grep -qi '\[ga[^s]' "$T/out"
ok $? "a prefix is the start of the word as written (gas* is not ga*)"

# Captions are searched: a photo credit is in no story's text.
run --db "$db" search karin
[ $rc -eq 0 ] && [ "$(ids)" = "1" ] && has "$T/out" "[KARIN]"
ok $? "photo captions are searched"

run --db "$db" search outlet:herald
[ $rc -eq 0 ] && [ "$(count)" -eq 2 ] && titles_have "The Valdorian Herald"
ok $? "outlet: matches part of the outlet, any case"

run --db "$db" search 'outlet:"brenmark daily"' tanks
[ $rc -eq 0 ] && [ "$(ids)" = "11" ]
ok $? "a quoted field value and a word together"

if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$db" "INSERT INTO tags VALUES (3, 'drone-war', 0)"
	run --db "$db" search 'tag:"Drone War"'
	[ $rc -eq 0 ] && [ "$(ids)" = "3" ]
	ok $? "tag: finds tagged stories, the tag normalized"
	sqlite3 "$db" "UPDATE articles SET read = 1 WHERE id IN (1, 2);
	    UPDATE articles SET starred = 1 WHERE id = 13"
	run --db "$db" search is:unread drone
	a=$(ids)
	run --db "$db" search is:starred
	[ "$a" = "13 11 10 9 8 5 3" ] && [ "$(ids)" = "13" ]
	ok $? "is:unread and is:starred"
else
	skip "sqlite3 is not installed"
	skip "sqlite3 is not installed"
fi

run --db "$db" search after:2025-06-01 before:2025-07-01
[ $rc -eq 0 ] && [ "$(ids)" = "9 8" ]
ok $? "after: and before: bound the date"

run --db "$db" search speaker:brekk
n=$(count)
run --db "$db" search 'speaker:"Anja Brekk"' drone
[ "$n" -ge 1 ] && [ $rc -eq 0 ] && has "$T/out" "     1 2025-01-14"
ok $? "speaker: finds stories quoting the speaker"

run --db "$db" search by:'"staff reporter"' drone
[ $rc -eq 0 ] && [ "$(ids)" = "1" ]
ok $? "by: matches the byline"

run --db "$db" search zanzibar
[ $rc -eq 1 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ]
ok $? "no match: exit 1 and nothing printed, as grep"

run --db "$db" search '"'
[ $rc -eq 2 ] && has "$T/err" "dossier: empty search"
ok $? "an empty search is an error (exit 2)"

run --db "$db" search is:maybe
[ $rc -eq 2 ] && has "$T/err" "unknown is:maybe"
ok $? "a bad filter is an error with a message"

run --db "$db" search
[ $rc -eq 2 ] && has "$T/err" "usage: dossier search"
ok $? "no query is a usage error"

# Hostile queries: a result or a message, never a crash or an sqlite error.
bad=
for q in 'NEAR(' '*' '-' '"a' 'a"b"' '{title}:x' 'title:"' '^' 'a:b' \
    '(drone' 'drone)' "'" '\' '%' '_' 'AND' 'NOT drone' 'drone NOT' \
    "$(printf 'drone\001\033[31m')" "$(head -c 10240 /dev/zero | tr '\0' 'a')" \
    "$(awk 'BEGIN { for (i = 0; i < 2000; i++) printf "w%d ", i }')"; do
	run --db "$db" search -- "$q"
	case $rc in
	0|1) ;;
	2) grep -q '^dossier: [a-z]' "$T/err" || bad="$bad [$q]" ;;
	*) bad="$bad [$q]=$rc" ;;
	esac
	grep -qi 'fts5\|syntax error\|sqlite' "$T/err" && bad="$bad [$q]:fts"
done
[ -z "$bad" ]
ok $? "hostile queries give results or a clear message"
[ -n "$bad" ] && diag "$bad"

# No escape codes in output that is not a terminal.
run --db "$db" search drone
! grep -q "$(printf '\033')" "$T/out"
ok $? "no escape codes when stdout is not a terminal"

run --db "$db" search --json --limit 3 drone
[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 3 ] &&
    python3 -c '
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    assert set(o) == {"id", "title", "outlet", "published", "snippet"}, o
    assert "drone" in o["snippet"].lower() and "[" not in o["snippet"], o
' "$T/out"
ok $? "--json: one valid object a line, with a snippet"

run --db "$db" search --json drone
python3 -m json.tool --json-lines "$T/out" >/dev/null
ok $? "--json output passes python3 -m json.tool"

run --db "$db" search --count drone OR refugees
a="$rc $(cat "$T/out")"
run --db "$db" search -c zanzibar
[ "$a" = "0 11" ] && [ $rc -eq 1 ] && [ "$(cat "$T/out")" = 0 ]
ok $? "--count prints the number of matches"

run --db "$db" search --limit x drone
[ $rc -eq 2 ] && has "$T/err" "bad limit 'x'"
ok $? "a bad limit is a usage error"
# A library whose results are more than a pipe holds: 600 stories.
mkdir "$T/many"
i=0
while [ $i -lt 600 ]; do
	printf 'Story %d of the drone inquiry\n\nThe minister said the drone flights over the valley would stop, and the officials said the inquiry into story %d had found the reports of the border patrol to be true in every part that was checked.\n' \
	    $i $i >"$T/many/story-$i.txt"
	i=$((i + 1))
done
"$DOSSIER" --db "$T/many.db" import --quiet "$T/many" >/dev/null 2>&1
run --db "$T/many.db" search said
n=$(grep -c '^ *[0-9]* *Story [0-9]* of the drone inquiry$' "$T/out")
[ $rc -eq 0 ] && [ "$n" -eq 600 ] && [ "$(wc -c <"$T/out")" -gt 80000 ] &&
    has "$T/out" "[said]"
ok $? "every match of a common word is printed, each with its snippet"
diag "$n results, $(wc -c <"$T/out") bytes"

# Read one line and close the pipe: search stops there, quietly (killed
# by SIGPIPE, 141; where SIGPIPE is ignored, stdout's error and 1).
( "$DOSSIER" --db "$T/many.db" search said 2>"$T/err" </dev/null
  echo $? >"$T/rc" ) | head -n 1 >"$T/head"
rc=$(cat "$T/rc")
[ "$(wc -l <"$T/head")" -eq 1 ] && has "$T/head" "Story" &&
    { { [ "$rc" -eq 141 ] && [ ! -s "$T/err" ]; } ||
    { [ "$rc" -eq 1 ] && [ "$(cat "$T/err")" = "dossier: stdout: Broken pipe" ]; }; }
ok $? "a closed pipe stops the search early, without an error of its own"
diag "rc $rc, err: $(cat "$T/err")"
exit 0
