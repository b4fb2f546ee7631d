#!/bin/sh
# What ingest asks of the file system: a batch of stories, each written in
# a savepoint of its own, keeps those savepoints' journals in memory (no
# temporary file of sqlite's is written, seen through strace), for saved
# stories and feeds alike; and a connection that ingests several feeds
# in a row, its stories analysed on worker threads, stores them all in
# order and can search them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed"
strace -f -o /dev/null true 2>/dev/null || skip_all "strace cannot trace here"
plan 5

db="$T/db"
mkdir "$T/in" "$T/tmp"
i=0
while [ $i -lt 120 ]; do
	printf 'Story %d about the harbour\n\nThe council met on Monday in the harbour town %d. "We will build the railway before winter," said Anja Brekk, the mayor. Lena Moss of the Trade Council said the budget was late.\n' \
	    "$i" "$i" >"$T/in/s$i.txt"
	i=$((i + 1))
done
# The library is made first: making its schema is not ingest.
printf 'First story\n\nThe council met on Sunday.\n' >"$T/first.txt"
"$DOSSIER" --db "$db" import "$T/first.txt" >/dev/null 2>&1
# sqlite makes its temporary files in SQLITE_TMPDIR, unlinked at once.
# LeakSanitizer (--enable-asan) cannot run under ptrace: no leak check here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
SQLITE_TMPDIR="$T/tmp" strace -f -e trace=openat -o "$T/trace" \
    "$DOSSIER" --db "$db" import "$T/in" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && has "$T/out" "120"
ok $? "120 stories are imported in one batch under strace"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
! grep -q "$T/tmp/" "$T/trace"
ok $? "no temporary file of sqlite's is opened: the savepoints' journals stay in memory"
[ $? -eq 0 ] || diag "$(grep "$T/tmp/" "$T/trace" | head -3)"

# Two feeds of 150 items each, added by one command (one connection).
for f in a b; do
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed %s</title>\n' "$f"
		i=0
		while [ $i -lt 150 ]; do
			printf '<item><title>%s story %d</title><guid>%s%d</guid><description>The council of %s met on Monday %d. &quot;We will build the railway before winter,&quot; said Anja Brekk, the mayor.</description></item>\n' \
			    "$f" $i "$f" $i "$f" $i
			i=$((i + 1))
		done
		printf '</channel></rss>\n'
	} >"$T/srv/$f.xml"
done
SQLITE_TMPDIR="$T/tmp" strace -f -e trace=openat -o "$T/trace2" \
    "$DOSSIER" --db "$db" add "$URL/t/a.xml" "$URL/t/b.xml" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && has "$T/out" "Feed a (rss, 150 stories)" &&
	has "$T/out" "Feed b (rss, 150 stories)"
ok $? "two feeds added by one command store all their stories"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
! grep -q "$T/tmp/" "$T/trace2"
ok $? "and open no temporary file of sqlite's"
# Every story in feed order, with its quote, and found by a search.
run --db "$db" list --json
n=$(grep -c '"title":"b story' "$T/out")
q=$(python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.title LIKE \x27b story%\x27").fetchone()[0])' "$db")
run --db "$db" search railway
[ "$n" -eq 150 ] && [ "$q" -eq 150 ] && has "$T/out" "a story 149" &&
	has "$T/out" "b story 0"
ok $? "each story has its quote, and search finds them ($n stories, $q quotes)"
[ $? -eq 0 ] || diag "$(head -5 "$T/out" "$T/err")"
