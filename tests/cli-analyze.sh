#!/bin/sh
# dossier analyze: stories analysed by an older extractor (simulated by
# writing an older version into the library with sqlite3) are analysed
# again by --outdated, with what a fresh import finds, their tags and
# notes kept; kill -9 in the middle leaves every story old or new, never
# half; SIGINT stops between stories and --outdated finishes the rest.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
plan 16

db="$T/lib.db"
"$DOSSIER" --db "$db" import --quiet "$top_srcdir/samples/library" \
    >/dev/null 2>&1
q() { sqlite3 "$1" "$2"; }

run --db "$db" show --json 1
V=$(sed -n 's/.*"analysed_by":\([0-9]*\).*/\1/p' "$T/out")
[ -n "$V" ] && [ "$V" -ge 2 ] &&
	[ "$(q "$db" "SELECT count(*) FROM articles WHERE extract_version != $V")" = 0 ]
ok $? "an import records the extractor's version with each story (show --json: analysed_by)"

run --db "$db" analyze --outdated
[ $rc -eq 0 ] && has "$T/out" "nothing to do: every story was analysed by extractor version $V"
ok $? "--outdated has nothing to do on a library this version imported"

run --db "$db" tag 2 +keepme
run --db "$db" note 2 "a note of the user's"
# What a fresh import found, story by story.
for i in $(q "$db" "SELECT id FROM articles ORDER BY id"); do
	"$DOSSIER" --db "$db" show --json "$i" |
	    sed 's/"analysed_by":[0-9]*//; s/"notes":.*//'
done >"$T/fresh"
# An older extractor's analysis: the even stories' rows lost, version 1.
q "$db" "DELETE FROM mentions WHERE article_id % 2 = 0;
    DELETE FROM quotes WHERE article_id % 2 = 0;
    UPDATE articles SET extract_version = 1 WHERE id % 2 = 0"
n=$(q "$db" "SELECT count(*) FROM articles WHERE id % 2 = 0")

run --db "$db" analyze --outdated
[ $rc -eq 0 ] && [ "$(grep -c '^analysed ' "$T/out")" = "$n" ] &&
	has "$T/out" "$n stories analysed by extractor version $V"
ok $? "--outdated analyses the stories an older version did, each named" ||
	diag "$(cat "$T/out" "$T/err")"
for i in $(q "$db" "SELECT id FROM articles ORDER BY id"); do
	"$DOSSIER" --db "$db" show --json "$i" |
	    sed 's/"analysed_by":[0-9]*//; s/"notes":.*//'
done >"$T/again"
cmp -s "$T/fresh" "$T/again" &&
	[ "$(q "$db" "SELECT count(*) FROM articles WHERE extract_version != $V")" = 0 ]
ok $? "what it finds is what a fresh import found; every story is current"
run --db "$db" show 2
has "$T/out" "keepme" && run --db "$db" note --list &&
	has "$T/out" "a note of the user's"
ok $? "the story's tags and notes are kept"

run --db "$db" analyze --all --quiet
[ $rc -eq 0 ] && [ "$(cat "$T/out")" = "15 stories analysed by extractor version $V" ]
ok $? "--all analyses every story; --quiet prints only the summary"

run --db "$db" analyze 3 999
[ $rc -eq 1 ] && has "$T/out" "analysed 3" &&
	has "$T/err" "story 999: no such story" &&
	has "$T/out" "1 story analysed by extractor version $V, 1 not in the library"
ok $? "ids: each is analysed, one not in the library is said and fails"

run --db "$db" analyze
r1=$rc
run --db "$db" analyze --all 3
r2=$rc
run --db "$db" analyze --all --outdated
r3=$rc
run --db "$db" analyze 3x
[ $r1 -eq 2 ] && [ $r2 -eq 2 ] && [ $r3 -eq 2 ] && [ $rc -eq 2 ] &&
	has "$T/err" "'3x' is not a story id"
ok $? "nothing to analyse, ids with --all, --all with --outdated, a bad id: usage errors"

# A library big enough to be killed in the middle: 200 copies of each
# sample, each marked as an old analysis (one quote "OLD", no mentions);
# expect holds what a story's original has once analysed.
big="$T/big.db"
cp "$db" "$big"
q "$big" "CREATE TABLE expect (id INTEGER PRIMARY KEY, nm INTEGER, nq INTEGER);
    INSERT INTO expect SELECT a.id,
      (SELECT count(*) FROM mentions WHERE article_id = a.id),
      (SELECT count(*) FROM quotes WHERE article_id = a.id) FROM articles a;
    CREATE TABLE origin (id INTEGER PRIMARY KEY, orig INTEGER);
    INSERT INTO origin SELECT id, id FROM articles;
    WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c
      WHERE x < 200) INSERT INTO articles (feed_id, guid, title, sort_ts,
      fetched, lead, body) SELECT feed_id, guid || '-' || x, title,
      sort_ts - x, fetched, lead, body FROM articles, c WHERE articles.id <= 15;
    INSERT INTO origin SELECT a.id, o.id FROM articles a JOIN articles o
      ON o.guid = substr(a.guid, 1, length(o.guid)) AND o.id <= 15
      WHERE a.id > 15;
    DELETE FROM mentions; DELETE FROM quotes;
    INSERT INTO quotes (article_id, start, end, kind, source_text)
      SELECT id, 0, 1, 'direct', 'OLD' FROM articles;
    UPDATE articles SET extract_version = 1"
cp "$big" "$T/big.orig"
total=$(q "$big" "SELECT count(*) FROM articles")

# half: stories neither the old analysis alone nor the new one whole.
half() {
	q "$1" "SELECT count(*) FROM articles a JOIN origin o ON o.id = a.id
	    JOIN expect e ON e.id = o.orig WHERE CASE
	    WHEN a.extract_version = 1 THEN
	      (SELECT count(*) FROM mentions WHERE article_id = a.id) != 0 OR
	      (SELECT count(*) FROM quotes WHERE article_id = a.id
	        AND source_text IS 'OLD') != 1 OR
	      (SELECT count(*) FROM quotes WHERE article_id = a.id) != 1
	    ELSE
	      (SELECT count(*) FROM mentions WHERE article_id = a.id) != e.nm OR
	      (SELECT count(*) FROM quotes WHERE article_id = a.id) != e.nq OR
	      (SELECT count(*) FROM quotes WHERE article_id = a.id
	        AND source_text IS 'OLD') != 0 END"
}
[ "$(half "$big")" = 0 ] && [ "$total" = 3015 ]
ok $? "the big library: $total stories, every one an old analysis"

bad= mixed=0
for d in 0.2 0.5 1 2; do
	rm -f "$big" "$big-wal" "$big-shm"
	cp "$T/big.orig" "$big"
	"$DOSSIER" --db "$big" analyze --all --quiet >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ "$(q "$big" 'PRAGMA integrity_check')" = ok ] ||
		bad="$bad [$d: integrity]"
	h=$(half "$big")
	[ "$h" = 0 ] || bad="$bad [$d: $h half-analysed]"
	new=$(q "$big" "SELECT count(*) FROM articles WHERE extract_version = $V")
	[ "$new" -gt 0 ] && [ "$new" -lt "$total" ] && mixed=$((mixed + 1))
	run --db "$big" show 2
	has "$T/out" "keepme" || bad="$bad [$d: tags]"
	run --db "$big" note --list
	has "$T/out" "a note of the user's" || bad="$bad [$d: notes]"
done
[ -z "$bad" ]
ok $? "analyze killed (kill -9) at any moment leaves each story old or new, tags and notes kept" ||
	diag "$bad"
[ "$mixed" -gt 0 ] || diag "no kill landed in the middle of the run"

run --db "$big" analyze --outdated --quiet
[ $rc -eq 0 ] && [ "$(half "$big")" = 0 ] &&
	[ "$(q "$big" "SELECT count(*) FROM articles WHERE extract_version != $V")" = 0 ]
ok $? "after a kill, --outdated finishes: every story analysed whole" ||
	diag "$(cat "$T/out" "$T/err")"

# SIGINT: stops between two stories, keeps what was done, says so.
rm -f "$big" "$big-wal" "$big-shm"
cp "$T/big.orig" "$big"
"$DOSSIER" --db "$big" analyze --all --quiet >"$T/int.out" 2>"$T/int.err" &
pid=$!
n=0
while [ $n -lt 200 ]; do
	v=$(q "$big" "SELECT count(*) FROM articles WHERE extract_version = $V" 2>/dev/null)
	[ "${v:-0}" -gt 0 ] && break
	n=$((n + 1))
	sleep 0.05
done
kill -INT "$pid"
wait "$pid"
rc=$?
done1=$(q "$big" "SELECT count(*) FROM articles WHERE extract_version = $V")
[ $rc -eq 1 ] && has "$T/int.out" "stopped: " &&
	has "$T/int.out" "run dossier analyze --outdated to finish" &&
	[ "$done1" -gt 0 ] && [ "$done1" -lt "$total" ]
ok $? "SIGINT stops the run between stories and says how to finish" ||
	diag "rc $rc, $done1 done" "$(cat "$T/int.out" "$T/int.err")"
[ "$(half "$big")" = 0 ] &&
	grep -q "^stopped: $done1 of $total stories" "$T/int.out"
ok $? "what was done before it is kept, each story whole, and counted" ||
	diag "$(cat "$T/int.out")"

run --db "$big" analyze --outdated --quiet
left=$((total - done1))
[ $rc -eq 0 ] && has "$T/out" "$left stories analysed by extractor version $V" &&
	[ "$(half "$big")" = 0 ] &&
	[ "$(q "$big" "SELECT count(*) FROM articles WHERE extract_version != $V")" = 0 ]
ok $? "--outdated then analyses only the $left stories left" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$big" show 2
has "$T/out" "keepme" && run --db "$big" note --list &&
	has "$T/out" "a note of the user's"
ok $? "tags and notes are kept through it all"

# On a terminal a progress line counts the stories on stderr.
if command -v script >/dev/null 2>&1; then
	script -qfc "\"$DOSSIER\" --db \"$big\" analyze --all --quiet" \
	    /dev/null >"$T/tty" 2>&1 </dev/null
	tr '\r' '\n' <"$T/tty" | grep -q "^.*analysing $total/$total (100%)"
	ok $? "a terminal shows a progress line" || diag "$(tail -c 300 "$T/tty")"
else
	skip "script is not installed"
fi
exit 0
