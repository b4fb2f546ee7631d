#!/bin/sh
# dossier add with several feeds, against a server on 127.0.0.1 that the
# test starts (tests/http-server.py): the next feed is fetched and parsed
# while one is written (seen through strace: its connection is made
# before the feed before it commits), yet the outcomes come in the order
# given, a slow feed holding the others back, a broken one and a missing
# one reported while the others land with every story and its quote; a
# feed given twice and a feed already there are "exists", not fetched.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 8

db="$T/db"
# feed NAME N: an RSS feed of N items, each with a quote.
feed() {
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed %s</title>\n' "$1"
		i=0
		while [ $i -lt "$2" ]; do
			printf '<item><title>%s story %d</title><guid>%s%d</guid><description>The council of %s met on Monday %d. &quot;We will build the railway before winter,&quot; said Anja Brekk, the mayor.</description></item>\n' \
			    "$1" $i "$1" $i "$1" $i
			i=$((i + 1))
		done
		printf '</channel></rss>\n'
	} >"$T/srv/$1.xml"
}
feed a 200
feed b 30
feed d 40
printf 'this is not a feed at all\n' >"$T/srv/c.txt"
# sql QUERY: one query's value.
sql() { python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$db" "$1"; }

"$DOSSIER" --db "$db" add "$URL/t/a.xml" "$URL/tslow/b.xml" \
    "$URL/t/c.txt" "$URL/t/d.xml" "$URL/t/missing.xml" "$URL/t/a.xml" \
    >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ]
ok $? "a failed feed among several: add exits 1 (rc $rc)"
sed 's/ [0-9]*  .*(\(rss\), \([0-9]*\) .*/ \1 \2/' "$T/out" >"$T/lines"
printf 'added rss 200\nadded rss 30\nadded rss 40\nexists   1  %s\n' \
    "$URL/t/a.xml: already in the library" >"$T/want"
cmp -s "$T/lines" "$T/want"
ok $? "the outcomes in the order given, the slow feed's in its place"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
[ "$(wc -l <"$T/err")" -eq 2 ] && sed -n 1p "$T/err" | grep -q "c.txt: " &&
	sed -n 2p "$T/err" | grep -q "missing.xml: .*404"
ok $? "the broken feed and the missing one reported, in order"
[ $? -eq 0 ] || diag "$(cat "$T/err")"
n=$(sql "SELECT count(*) FROM articles")
q=$(sql "SELECT count(*) FROM quotes")
f=$(sql "SELECT count(*) FROM feeds WHERE kind = 'rss'")
[ "$n" -eq 270 ] && [ "$q" -eq 270 ] && [ "$f" -eq 3 ]
ok $? "every story of the three good feeds stored with its quote ($n, $q, $f feeds)"
[ "$(requests 'GET /t/a.xml')" -eq 1 ]
ok $? "a feed given twice is fetched once"

# Given again with one more: the known ones are not fetched again.
feed e 10
: >"$HTTP_LOG"
"$DOSSIER" --db "$db" add "$URL/t/e.xml" "$URL/t/a.xml" "$URL/t/d.xml" \
    >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && sed -n 1p "$T/out" | grep -q "^added .*Feed e (rss, 10 stories)" &&
	sed -n 2p "$T/out" | grep -q "^exists .*a.xml" &&
	sed -n 3p "$T/out" | grep -q "^exists .*d.xml" &&
	[ "$(requests 'GET /t/[ad].xml')" -eq 0 ]
ok $? "feeds already there are reported in order and not fetched"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err" "$HTTP_LOG")"

# The overlap: feed g's connection is made before feed f commits.
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	feed f 300
	feed g 10
	port=${URL##*:}
	# LeakSanitizer (--enable-asan) cannot run under ptrace.
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	    strace -f -e trace=connect,fsync,fdatasync -o "$T/trace" \
	    "$DOSSIER" --db "$db" add "$URL/t/f.xml" "$URL/t/g.xml" \
	    >"$T/out" 2>"$T/err"
	rc=$?
	# Lines of the trace: c for a connection to the server, s for a sync.
	marks=$(awk -v p="htons($port)" 'index($0, p) && /connect\(/ { printf "c" }
	    /fsync\(|fdatasync\(/ && !/resumed/ && !/unfinished/ { printf "s" }
	    /(fsync|fdatasync) resumed/ { printf "s" }' "$T/trace" | tr -s s)
	[ $rc -eq 0 ] && case $marks in *cc*) true ;; *) false ;; esac
	ok $? "the second feed is fetched while the first is written ($marks)"
	[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
	[ "$(sql "SELECT count(*) FROM articles WHERE title LIKE 'f story%' OR title LIKE 'g story%'")" -eq 310 ]
	ok $? "and both are stored"
else
	skip "strace cannot trace here"
	skip "strace cannot trace here"
fi
