#!/bin/sh
# dossier fetch with several feeds, against a server on 127.0.0.1 that
# the test starts (tests/http-server.py): feeds are fetched and parsed on
# a reader thread with its own connection to the library (seen through
# strace) while the feed before is written; a feed answering 304, one
# sending the same body again (no validators), a slow one with new
# stories, one with a changed story (its unchanged ones known from their
# stored digests) and a broken one each get their own outcome, and every
# story lands.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 7

db="$T/db"
# feed NAME N [CHANGED]: an RSS feed of N items with quotes; item CHANGED
# says something else.
feed() {
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed %s</title>\n' "$1"
		i=0
		while [ $i -lt "$2" ]; do
			w=winter
			[ "$i" = "${3:-}" ] && w=spring
			printf '<item><title>%s story %d</title><guid>%s%d</guid><description>The council of %s met on Monday %d. &quot;We will build the railway before %s,&quot; said Anja Brekk, the mayor.</description></item>\n' \
			    "$1" $i "$1" $i "$1" $i $w
			i=$((i + 1))
		done
		printf '</channel></rss>\n'
	} >"$T/srv/$1.xml"
}
sql() { python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$db" "$1"; }

feed a 20
feed b 30
feed c 10
feed d 25
feed x 5
"$DOSSIER" --db "$db" add -q "$URL/t/a.xml" "$URL/tnov/b.xml" \
    "$URL/tslow/c.xml" "$URL/t/d.xml" "$URL/t/x.xml" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] && [ "$(sql "SELECT count(*) FROM articles")" -eq 90 ]
ok $? "five feeds added"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"

feed c 12
feed d 25 7
printf 'not a feed any more\n' >"$T/srv/x.xml"
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	# LeakSanitizer (--enable-asan) cannot run under ptrace.
	tracer="env ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -e trace=openat -o $T/trace"
else
	tracer=
fi
$tracer "$DOSSIER" --db "$db" fetch >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] && [ "$(grep -c "^[a-z]* *[0-9]*  Feed" "$T/out")" -eq 4 ] &&
	grep -q "^same .*Feed a: not modified$" "$T/out" &&
	grep -q "^same .*Feed b: not modified (the same document" "$T/out" &&
	grep -q "^fetched .*Feed c: 2 new$" "$T/out" &&
	grep -q "^fetched .*Feed d: 0 new, 1 updated$" "$T/out"
ok $? "each feed its outcome: 304, the same body, new stories, one changed"
[ $? -eq 0 ] || diag "rc $rc" "$(cat "$T/out" "$T/err")"
[ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "x.xml: " "$T/err"
ok $? "the broken feed is reported"
[ $? -eq 0 ] || diag "$(cat "$T/err")"
[ "$(sql "SELECT count(*) FROM articles")" -eq 92 ] &&
	[ "$(sql "SELECT count(*) FROM quotes")" -eq 92 ] &&
	[ "$(sql "SELECT count(*) FROM articles WHERE body LIKE '%spring%'")" -eq 1 ]
ok $? "every story stored with its quote, the changed one rewritten"
[ "$(sql "SELECT count(*) FROM feeds WHERE error IS NOT NULL")" -eq 1 ]
ok $? "the broken feed's failure is kept with it"
if [ -n "$tracer" ]; then
	# Connections to the library itself (not its -wal or -shm).
	n=$(grep -cF "\"$db\"" "$T/trace")
	[ "$n" -eq 2 ]
	ok $? "the feeds are read with a second connection of their own ($n)"
else
	skip "strace cannot trace here"
fi
"$DOSSIER" --db "$db" fetch >"$T/out" 2>"$T/err"
[ "$(grep -c "^same " "$T/out")" -eq 4 ] && grep -q "Feed d: not modified" "$T/out" &&
	[ "$(sql "SELECT count(*) FROM articles")" -eq 92 ]
ok $? "fetched again: nothing new"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
