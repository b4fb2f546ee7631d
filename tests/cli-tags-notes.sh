#!/bin/sh
# Tags and notes from the command line: tag, note and export on the sample
# library; bad tags refused; hostile note text never reaching a terminal
# raw; --output written whole or not at all; notes that survive kill -9,
# re-import and two dossiers writing at once.
. "$top_srcdir/tests/lib.sh"
plan 34

db="$T/lib.db"
"$DOSSIER" --db "$db" import --quiet "$top_srcdir/samples/library" >/dev/null 2>&1
D() { "$DOSSIER" --db "$db" "$@"; }
id=$(D list --json | grep 'Velmark says gas storage' |
	sed 's/.*"id":\([0-9]*\).*/\1/')
[ -n "$id" ]
ok $? "the sample story is there (id $id)"

# Tags.
run --db "$db" tag "$id" +Drones "#Iran Russia" -energy
[ $rc -eq 0 ] && has "$T/out" "added #drones #iran-russia; removed #energy"
ok $? "tag adds (normalized) and removes, and says what changed"
run --db "$db" tag "$id"
printf 'drones\niran-russia\nmarovia\nsanctions\nvelmark\n' | cmp -s - "$T/out"
ok $? "tag ID prints the story's tags, one a line"
run --db "$db" tag "$id" drones -nosuchtag
[ $rc -eq 0 ] && has "$T/out" "tags unchanged"
ok $? "a change that changes nothing says so"
run --db "$db" tag --list
grep -qE '^ +1 drones$' "$T/out" && grep -qE '^ +1 iran-russia$' "$T/out"
ok $? "tag --list counts every tag"
run --db "$db" tag --list --json
grep -qx '{"tag":"drones","count":1}' "$T/out"
ok $? "tag --list --json prints one object a line"
run --db "$db" tag 99999 x
[ $rc -eq 1 ] && has "$T/err" "no story 99999"
ok $? "an unknown story is an error"
run --db "$db" tag "$id" '###'
[ $rc -eq 2 ] && has "$T/err" "is not a tag"
ok $? "an empty tag is refused"
run --db "$db" tag "$id" "$(printf 'x%.0s' $(seq 1 65))"
[ $rc -eq 2 ] && has "$T/err" "longer than 64 bytes"
ok $? "a tag over 64 bytes is refused"
run --db "$db" tag "$id" $(seq -f 't%g' 1 100)
[ $rc -eq 1 ] && has "$T/err" "at most 100 tags" &&
	[ "$(D tag "$id" | wc -l)" -eq 5 ]
ok $? "more than 100 tags on a story is refused and nothing is changed"

# Notes.
run --db "$db" note "$id" Looks optimistic
[ $rc -eq 0 ] && has "$T/out" "added note 1 to story $id"
ok $? "note ID TEXT adds a note on the whole story"
run --db "$db" note "$id" --passage "gas storage sites" check the figure
[ $rc -eq 0 ] && has "$T/out" "added note 2"
ok $? "note --passage anchors on the words"
run --db "$db" note --list --json "$id"
grep -q '"id":2,.*"span":{"start":12,"end":29},"anchor":"gas storage sites","note":"check the figure"' "$T/out"
ok $? "the passage note keeps its span and anchor"
run --db "$db" note "$id" --passage "words that are nowhere" x
[ $rc -eq 1 ] && has "$T/err" "are not in story $id"
ok $? "a passage that is not in the story is an error"
run --db "$db" note 99999 text
[ $rc -eq 1 ] && has "$T/err" "no story 99999"
ok $? "a note on an unknown story is an error"
printf 'first line\nsecond line\n' | D note "$id" - >/dev/null
D note --list "$id" >"$T/out"
has "$T/out" "  first line" && has "$T/out" "  second line" &&
	has "$T/out" "  > gas storage sites"
ok $? "TEXT - reads the note from stdin; --list shows passage and text"
run --db "$db" note --edit 1 "Too optimistic"
[ $rc -eq 0 ] && D note --list --json | grep -q '"id":1,.*"note":"Too optimistic"'
ok $? "note --edit changes a note"
run --db "$db" note --delete 3
[ $rc -eq 0 ] && ! D note --list --json | grep -q '"id":3,'
ok $? "note --delete deletes a note"
run --db "$db" note --delete 3
[ $rc -eq 1 ] && has "$T/err" "no note 3"
ok $? "deleting a note that is not there is an error"
D note --list >"$T/out"
D note --list --json | sed 's/^{"id":\([0-9]*\),.*"updated":\([0-9]*\)}$/\2 \1/' >"$T/order"
grep -q "^note 1 " "$T/out" && grep -q "^note 2 " "$T/out" &&
	[ "$(wc -l <"$T/order")" -eq 2 ] &&
	sort -k1,1nr -k2,2nr "$T/order" | cmp -s - "$T/order"
ok $? "note --list lists every note, the last changed first"
run --db "$db" note "$id" ""
[ $rc -eq 1 ] && has "$T/err" "the note is empty"
ok $? "an empty note is refused"

# Hostile text: escapes, bidi overrides, a megabyte.
D note "$id" "$(printf 'evil\033]0;pwned\007 \033[2J\033[31mred\342\200\256gnp.exe\302\233m end')" >/dev/null
D note --list >"$T/out"
D show "$id" >>"$T/out"
D note --list --json >>"$T/out"
D export >>"$T/out"
! grep -q "$(printf '\033')" "$T/out" &&
	! grep -q "$(printf '\342\200\256')" "$T/out" &&
	! grep -q "$(printf '\302\233')" "$T/out" && ! grep -q pwned "$T/out" &&
	grep -q "evil redgnp.exe" "$T/out"
ok $? "escape sequences and direction overrides in a note never come out"
head -c 1048576 /dev/zero | tr '\0' 'x' >"$T/big"
"$DOSSIER" --db "$db" note "$id" - <"$T/big" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && has "$T/err" "too long" && [ "$(wc -c <"$T/err")" -lt 200 ]
ok $? "a 1 MB note is refused with a short message"

# Export.
run --db "$db" export
has "$T/out" "## Velmark says gas storage will last the winter" &&
	has "$T/out" "> gas storage sites" && has "$T/out" "check the figure" &&
	has "$T/out" "- Tags: drones, iran-russia, marovia" &&
	has "$T/out" "- Outlet: Brenmark Daily" &&
	has "$T/out" "on the whole story"
ok $? "export writes Markdown with tags, passages and notes"
D tag "$id" 'a*b_c' >/dev/null
D note "$id" '# not a heading [link](http://x) <b>1.</b> `code`' >/dev/null
D export >"$T/out"
has "$T/out" 'a\*b-c' &&
	has "$T/out" '\# not a heading \[link\](http://x) \<b\>1.\</b\> \`code\`'
ok $? "Markdown special characters in outside text are escaped"
run --db "$db" export --format json
if command -v python3 >/dev/null 2>&1; then
	n=0 bad=0
	while IFS= read -r line; do
		n=$((n + 1))
		printf '%s' "$line" | python3 -m json.tool >/dev/null 2>&1 ||
			bad=$((bad + 1))
	done <"$T/out"
	[ $n -ge 2 ] && [ $bad -eq 0 ]
	ok $? "export --format json is one valid JSON object a line ($n)"
else
	skip "python3 is not installed"
fi
grep "\"id\":$id," "$T/out" | grep -q '"anchor":"gas storage sites"' &&
	grep -q '"tags":\["civic-dawn","elections","sarvenia"\],"notes":\[\]' "$T/out"
ok $? "export json has each story's tags, notes and passages"
run --db "$db" export --tag drones --format json
[ "$(wc -l <"$T/out")" -eq 1 ] && grep -q "\"id\":$id," "$T/out"
ok $? "export --tag keeps only the stories with that tag"

mkdir "$T/outdir"
echo "old content" >"$T/outdir/notes.md"
run --db "$db" export --output "$T/outdir/notes.md"
[ $rc -eq 0 ] && has "$T/outdir/notes.md" "## Velmark says gas storage" &&
	[ "$(ls "$T/outdir" | wc -l)" -eq 1 ]
ok $? "export --output replaces the file and leaves no temporary file"
chmod 0555 "$T/outdir"
cp "$T/outdir/notes.md" "$T/before.md"
as_user "$DOSSIER" --db "$T/lib.db" export --output "$T/outdir/notes.md" \
	>"$T/out" 2>"$T/err"
rc=$?
chmod 0755 "$T/outdir"
[ $rc -eq 1 ] && cmp -s "$T/before.md" "$T/outdir/notes.md" &&
	[ "$(ls "$T/outdir" | wc -l)" -eq 1 ]
ok $? "an export that cannot be written leaves the old file whole"

# Re-import leaves the user's rows alone.
D tag "$id" >"$T/tags-before"
D note --list --json >"$T/notes-before"
"$DOSSIER" --db "$db" import --quiet --tag extra "$top_srcdir/samples/library" >/dev/null 2>&1
D tag "$id" >"$T/tags-after"
D note --list --json >"$T/notes-after"
cmp -s "$T/tags-before" "$T/tags-after" && cmp -s "$T/notes-before" "$T/notes-after"
ok $? "importing the library again keeps every tag and note"

# kill -9 in the middle of a run of writes: every finished note is there.
kdb="$T/kill.db"
"$DOSSIER" --db "$kdb" import --quiet "$top_srcdir/samples/library" >/dev/null 2>&1
(
	i=0
	while [ $i -lt 2000 ]; do
		i=$((i + 1))
		"$DOSSIER" --db "$kdb" note 1 "note number $i" >>"$T/done" 2>/dev/null ||
			exit 0
	done
) &
loop=$!
n=0
while [ "$(cat "$T/done" 2>/dev/null | wc -l)" -lt 30 ] && [ $n -lt 400 ]; do
	sleep 0.05
	n=$((n + 1))
done
# kill -9 the dossier the loop is running; the loop then stops by itself.
while kill -0 $loop 2>/dev/null; do
	pkill -9 -P $loop dossier 2>/dev/null
	sleep 0.01
done
wait $loop 2>/dev/null
done_n=$(wc -l <"$T/done")
missing=0
for nid in $(sed -n 's/^added note \([0-9]*\) .*/\1/p' "$T/done"); do
	"$DOSSIER" --db "$kdb" note --list --json 1 | grep -q "\"id\":$nid," ||
		missing=$((missing + 1))
done
if command -v sqlite3 >/dev/null 2>&1; then
	integrity=$(sqlite3 "$kdb" 'PRAGMA integrity_check')
else
	integrity=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$kdb")
fi
[ "$done_n" -ge 30 ] && [ $missing -eq 0 ] && [ "$integrity" = ok ]
ok $? "after kill -9 the library is intact and all $done_n finished notes are there"
[ $missing -ne 0 ] && diag "$missing notes missing"

# Two dossiers writing at once: the busy timeout makes them take turns.
cdb="$T/conc.db"
"$DOSSIER" --db "$cdb" import --quiet "$top_srcdir/samples/library" >/dev/null 2>&1
writer() {
	i=0 fails=0
	while [ $i -lt 40 ]; do
		i=$((i + 1))
		"$DOSSIER" --db "$cdb" note 2 "writer $1 note $i" >/dev/null 2>>"$T/conc-err" ||
			fails=$((fails + 1))
		"$DOSSIER" --db "$cdb" tag 2 "w$1-$i" >/dev/null 2>>"$T/conc-err" ||
			fails=$((fails + 1))
	done
	echo $fails >"$T/fails$1"
}
writer a & pa=$!
writer b & pb=$!
wait $pa
wait $pb
[ "$(cat "$T/fails"a)" -eq 0 ] && [ "$(cat "$T/fails"b)" -eq 0 ] &&
	[ "$("$DOSSIER" --db "$cdb" note --list --json 2 | wc -l)" -eq 80 ] &&
	[ "$("$DOSSIER" --db "$cdb" tag 2 | grep -c '^w[ab]-')" -eq 80 ]
ok $? "two dossiers writing notes and tags at once lose nothing"
[ -s "$T/conc-err" ] && diag "$(head -3 "$T/conc-err")"

run --db "$db" help note
has "$T/out" "--passage WORDS" && has "$T/out" "--edit NOTE"
ok $? "dossier help note documents the command"
exit 0
