#!/bin/sh
# A saved file imported again after it changed (same path, new text)
# replaces its story in place: the same id, its tags and notes kept, each
# quote correction carried to its quote when the words are still there and
# listed as no longer in the story when they are not; a file named another
# way (relative, absolute, through ..) is the same file; a library of
# schema 11 learns its files' paths when they are imported again; kill -9
# in the middle of such an import loses nothing.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
plan 12

db="$T/lib.db"
q() { sqlite3 "$1" "$2"; }
story=2025-06-30-varga-kamp-brenmark-talks.txt
mkdir -p "$T/in"
cp "$top_srcdir/samples/library/$story" "$T/in/"

run --db "$db" import "$T/in"
run --db "$db" tag 1 +talks
run --db "$db" note 1 --passage "Nobody called us first" "not Oll's words"
run --db "$db" correct quote 1 "Nobody called us first" --unnamed "a foreign ministry official"
run --db "$db" correct quote 1 "study any serious proposal" --not-quote
[ "$(q "$db" "SELECT count(*) FROM quote_fixes")" = 2 ] &&
	[ "$(q "$db" "SELECT count(*) FROM article_paths WHERE article_id = 1")" = 1 ]
ok $? "a story with a tag, a note and two corrections, its file's path kept" ||
	diag "$(cat "$T/out" "$T/err")"

# The file is saved again: one quote's words change, text is added before
# the other, so it moves.
sed -i 's/"study any serious proposal"/"study any proposal at all"/;
    s/An official in the Valdorian/Late on Monday, an official in the Valdorian/' \
    "$T/in/$story"
run --db "$db" import "$T/in"
[ $rc -eq 0 ] && has "$T/out" "updated  1  $T/in/$story: Deputy Foreign Minister Varga" &&
	has "$T/out" "0 added, 1 updated, 0 already in the library, 0 failed"
ok $? "import says the story was updated, by its id" ||
	diag "$(cat "$T/out" "$T/err")"

[ "$(q "$db" "SELECT count(*) FROM articles")" = 1 ] &&
	[ "$(q "$db" "SELECT count(*) FROM articles WHERE id = 1 AND body LIKE '%Late on Monday%'")" = 1 ] &&
	[ "$(q "$db" "SELECT tag FROM tags WHERE article_id = 1")" = talks ]
ok $? "the new text replaced the story in place: one story, id 1, its tag kept" ||
	diag "$(q "$db" "SELECT id, title FROM articles")"

run --db "$db" show --json 1
python3 - "$T/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
q = [x for x in d["quotes"] if x["text"] == "Nobody called us first"]
assert len(q) == 1 and q[0]["corrected"], q
assert q[0]["speaker"]["text"] == "a foreign ministry official", q
body = d["body"]
n = [x for x in d["notes"] if x["note"] == "not Oll's words"]
b = body.encode()
s, e = n[0]["span"]["start"], n[0]["span"]["end"]
assert len(n) == 1 and b[s:e] == b"Nobody called us first", n
PY
ok $? "the correction and the note followed their words to where they are now" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" correct list
[ $rc -eq 0 ] &&
	has "$T/out" 'study any serious proposal' &&
	grep 'study any serious proposal' "$T/out" | grep -qF '(its words are not in the story now)' &&
	grep 'Nobody called us first' "$T/out" | grep -qvF 'not in the story now'
ok $? "a correction whose words are gone is kept and listed as such" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" import "$T/in"
run2="$(cat "$T/out")"
run --db "$db" import "$T/in/../in/$story"
[ $rc -eq 0 ] && printf '%s\n' "$run2" | grep -qF "nothing new" &&
	has "$T/out" "1 already in the library" &&
	[ "$(q "$db" "SELECT count(*) FROM article_paths")" = 1 ]
ok $? "imported again unchanged, by any name of the file: nothing new" ||
	diag "$run2" "$(cat "$T/out" "$T/err")"

# Saved again with the old words back: the correction finds them again.
sed -i 's/"study any proposal at all"/"study any serious proposal"/' "$T/in/$story"
run --db "$db" import "$T/in"
run --db "$db" correct list
[ "$(q "$db" "SELECT count(*) FROM articles")" = 1 ] &&
	! grep -qF 'not in the story now' "$T/out" &&
	[ "$(q "$db" "SELECT count(*) FROM quote_fixes WHERE placed = 1")" = 2 ]
ok $? "when the words come back, so does their correction" ||
	diag "$(cat "$T/out" "$T/err")"

# Two files with the same text are one story; when one changes, the story
# follows it, and the other file, imported again, is a story of its own.
mkdir -p "$T/two"
printf 'Harbour talks\n\n"We will keep the quays open," Anja Brekk said.\n' >"$T/two/a.txt"
cp "$T/two/a.txt" "$T/two/b.txt"
run --db "$T/two.db" import "$T/two"
printf 'Harbour talks\n\n"We will keep the quays open all winter," Anja Brekk said.\n' >"$T/two/a.txt"
run --db "$T/two.db" import "$T/two/a.txt"
run --db "$T/two.db" import "$T/two/b.txt"
[ "$(q "$T/two.db" "SELECT count(*) FROM articles")" = 2 ] &&
	[ "$(q "$T/two.db" "SELECT body LIKE '%all winter%' FROM articles WHERE id = 1")" = 1 ] &&
	[ "$(q "$T/two.db" "SELECT count(*) FROM article_paths")" = 2 ]
ok $? "two files of one text: the story follows the file that changed" ||
	diag "$(q "$T/two.db" "SELECT * FROM article_paths")"

# A library of schema 11 (no paths) learns them when its files are
# imported again, and then takes their new text in place.
old="$T/old.db"
mkdir -p "$T/oldin"
cp "$top_srcdir/samples/library/$story" "$T/oldin/"
"$DOSSIER" --db "$old" import --quiet "$T/oldin" >/dev/null 2>&1
q "$old" "$UNDO_12_SQL PRAGMA user_version = 11;"
run --db "$old" import "$T/oldin"
[ $rc -eq 0 ] && has "$T/out" "1 already in the library" &&
	[ "$(q "$old" "PRAGMA user_version")" = "$(sed -n 's/^#define STORE_VERSION \([0-9]*\)$/\1/p' "$top_srcdir/src/store/store.h")" ] &&
	[ "$(q "$old" "SELECT count(*) FROM article_paths")" = 1 ]
ok $? "a schema-11 library is migrated and learns the path of a file imported again" ||
	diag "$(cat "$T/out" "$T/err")"
sed -i 's/since January/since the crash in January/' "$T/oldin/$story"
run --db "$old" import "$T/oldin"
[ $rc -eq 0 ] && has "$T/out" "1 updated" &&
	[ "$(q "$old" "SELECT count(*) FROM articles")" = 1 ]
ok $? "... and then takes the file's new text in place" ||
	diag "$(cat "$T/out" "$T/err")"

# kill -9 while many changed files replace their stories: integrity_check
# ok, every correction there, no story doubled; the next import finishes.
big="$T/big"
mkdir -p "$big"
# More files than a batch (500), so a kill can come between two.
python3 - "$top_srcdir/samples/library/$story" "$big" <<'PY'
import sys
text = open(sys.argv[1]).read()
for i in range(1100):
    with open("%s/s%04d.txt" % (sys.argv[2], i), "w") as f:
        f.write(text.replace("Nobody called us first",
            "Nobody called us first (%d)" % i))
PY
bigdb="$T/big.db"
"$DOSSIER" --db "$bigdb" import --quiet "$big" >/dev/null 2>&1
for i in 3 50 620 900 1099; do
	"$DOSSIER" --db "$bigdb" correct quote "$(q "$bigdb" "SELECT id FROM articles
	    WHERE body LIKE '%first ($i)%'")" "Nobody called us first ($i)" \
	    --unnamed "official $i" >/dev/null 2>&1
done
fixes() { q "$1" "SELECT article_id, fix, who FROM quote_fixes ORDER BY 1"; }
fixes "$bigdb" >"$T/fixes"
sed -i 's/since January/since the crash in January/' "$big"/*.txt
cp "$bigdb" "$T/big.orig"
bad= mixed=0
# Killed after a moment, and as soon as a first batch is seen committed
# (polled, so the kill comes midway however busy the machine is).
updated() {
	q "$1" "SELECT count(*) FROM articles WHERE body LIKE '%the crash in%'" 2>/dev/null
}
for d in 0.3 batch 1.0; do
	rm -f "$bigdb" "$bigdb-wal" "$bigdb-shm"
	cp "$T/big.orig" "$bigdb"
	"$DOSSIER" --db "$bigdb" import --quiet "$big" >/dev/null 2>&1 &
	pid=$!
	if [ $d = batch ]; then
		i=0
		while [ $i -lt 600 ] && kill -0 "$pid" 2>/dev/null &&
		    [ "$(updated "$bigdb")" = 0 ]; do
			sleep 0.05
			i=$((i + 1))
		done
	else
		sleep "$d"
	fi
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ "$(q "$bigdb" 'PRAGMA integrity_check')" = ok ] ||
		bad="$bad [$d: integrity]"
	fixes "$bigdb" | cmp -s - "$T/fixes" || bad="$bad [$d: corrections]"
	[ "$(q "$bigdb" "SELECT count(*) FROM articles")" = 1100 ] ||
		bad="$bad [$d: stories]"
	n=$(updated "$bigdb")
	[ "$n" -gt 0 ] && [ "$n" -lt 1100 ] && mixed=$((mixed + 1))
	"$DOSSIER" --db "$bigdb" import --quiet "$big" >/dev/null 2>&1
	[ "$(q "$bigdb" "SELECT count(*) FROM articles WHERE body LIKE '%the crash in%'")" = 1100 ] &&
		[ "$(q "$bigdb" "SELECT count(*) FROM articles")" = 1100 ] ||
		bad="$bad [$d: the next import]"
	fixes "$bigdb" | cmp -s - "$T/fixes" || bad="$bad [$d: corrections after]"
done
[ -z "$bad" ]
ok $? "import killed (kill -9) midway: integrity_check ok, every correction there, no story doubled" ||
	diag "$bad"
[ $mixed -gt 0 ]
ok $? "... and the kill did come midway (in $mixed of 3 runs)" ||
	diag "stopped midway: $mixed of 3"
