#!/bin/sh
# dossier correct: a quote credited to a speaker or an unnamed source or
# struck out, names merged, roles set, each undone; bad input refused and
# never echoed raw; every correction kept over re-import, a feed's new
# text (found again by its words), analyze --all, kill -9 in the middle
# of it, and a library of schema 8 migrated; show and export carry them.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
. "$top_srcdir/tests/lib-http.sh"
plan 32

db="$T/lib.db"
q() { sqlite3 "$1" "$2"; }
cp -R "$top_srcdir/samples/library" "$T/samples"
"$DOSSIER" --db "$db" import --quiet "$T/samples" >/dev/null 2>&1
drone=$(q "$db" "SELECT id FROM articles WHERE title LIKE 'Valdoria protests%'")
# jpy FILE EXPR: evaluate a Python expression over the JSON in FILE (d).
jpy() { python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval("(" + sys.argv[2] + ")") else 1)' "$1" "$2"; }
# quote_of ID WORDS: the quote of show --json whose text starts with WORDS.
quote_of() {
	"$DOSSIER" --db "$db" show --json "$1" >"$T/show.json"
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
q = [q for q in d["quotes"] if q["text"].startswith(sys.argv[2])]
print(json.dumps(q[0]) if q else "null")' "$T/show.json" "$2"
}

# Credit a quote to an unnamed source, then to a named organisation.
run --db "$db" correct quote "$drone" "We have the flight data" --unnamed \
    "a senior Valdorian defence official"
[ $rc -eq 0 ] && has "$T/out" "quote credited to a senior Valdorian defence official"
ok $? "correct quote --unnamed DESCRIPTION credits the quote to an unnamed source" ||
	diag "$(cat "$T/out" "$T/err")"
quote_of "$drone" "We have the flight data" >"$T/q"
jpy "$T/q" 'd["corrected"] and d["speaker"]["kind"] == "unnamed" and
    d["speaker"]["text"] == "a senior Valdorian defence official"'
ok $? "show --json gives the quote its source, corrected: true"

run --db "$db" correct quote "$drone" "technical experts" --speaker \
    "Marovian Defence Ministry" --org
quote_of "$drone" "Marovia is prepared" >"$T/q"
[ $rc -eq 0 ] && jpy "$T/q" 'd["corrected"] and
    d["speaker"]["name"] == "Marovian Defence Ministry" and d["speaker"]["kind"] == "org"'
ok $? "--speaker NAME --org credits it to an organisation"
run --db "$db" show "$drone"
# Its words follow Dusan's "...," Dusan told MARNA: one statement, joined.
has "$T/out" 'no weapons were on board … Marovia is prepared to send technical experts to recover the aircraft." [corrected]' &&
	has "$T/out" "Marovian Defence Ministry [org]"
ok $? "show marks a corrected quote under its new speaker"

# Struck out, listed, undone by its words: the machine's reading is back.
start=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["start"])' \
    "$(quote_of "$drone" "No one was hurt")")
run --db "$db" correct quote "$drone" "@$start" --not-quote
[ $rc -eq 0 ] && has "$T/out" "marked not a quote" &&
	[ "$(quote_of "$drone" "No one was hurt")" = null ]
ok $? "--not-quote (the quote named by @START) strikes it out of the story"
run --db "$db" show "$drone"
has "$T/out" "Corrections" && has "$T/out" '"No one was hurt in the crash, which happened shortly after 6 a.m. on Monday": not a quote'
ok $? "show lists the struck-out words under Corrections"
run --db "$db" correct quote "$drone" "No one was hurt" --undo
[ $rc -eq 0 ] && has "$T/out" "1 story analysed again" &&
	[ "$(quote_of "$drone" "No one was hurt")" != null ]
ok $? "--undo drops the correction and analyses the story again"
run --db "$db" correct quote "$drone" "No one was hurt" --undo
[ $rc -eq 1 ] && has "$T/out" "that quote has no correction"
ok $? "--undo with nothing to undo says so and fails"

# Bad input.
run --db "$db" correct quote 999 "We have" --speaker X
r1=$rc; has "$T/err" "no story with id 999"; h1=$?
run --db "$db" correct quote x1 "We have" --speaker X
[ $r1 -eq 1 ] && [ $h1 -eq 0 ] && [ $rc -eq 2 ] && has "$T/err" "'x1' is not a story id"
ok $? "an unknown story fails, a bad id is a usage error"
run --db "$db" correct quote "$drone" "words nobody said" --speaker X
[ $rc -eq 1 ] && has "$T/err" "no quote of story $drone has the words 'words nobody said'"
ok $? "words of no quote fail with the words said"
run --db "$db" correct quote "$drone" "we" --speaker X
[ $rc -eq 1 ] && has "$T/err" "are in several quotes" && [ "$(grep -c '^  @' "$T/err")" -ge 2 ]
ok $? "words of several quotes fail, listing each with its @START"
big=$(python3 -c 'print("N" * 10000)')
run --db "$db" correct quote "$drone" "We have the flight" --speaker "$big"
[ $rc -eq 1 ] && has "$T/err" "too long" && [ "$(wc -c <"$T/err")" -lt 300 ]
ok $? "a 10,000-byte name is refused, not echoed"
esc=$(printf 'Anja\033[31m Brekk\033]0;owned\007')
c1=$(printf 'Anja \302\2332J Brekk')
run --db "$db" correct quote "$drone" "We have the flight" --speaker "$esc"
r1=$rc; has "$T/err" "control characters"; h1=$?
run --db "$db" correct person "$c1" --role "$esc"
r2=$rc
run --db "$db" correct quote "$drone" "$esc" --speaker X
r3=$rc
cat "$T/err" >>"$T/all-err"
run --db "$db" correct merge "$esc" --into "$c1" --kind person
cat "$T/out" "$T/err" >>"$T/all-err"
[ $r1 -eq 1 ] && [ $h1 -eq 0 ] && [ $r2 -eq 1 ] && [ $r3 -eq 1 ] && [ $rc -eq 1 ] &&
	! grep -q "$(printf '\033')" "$T/all-err" && ! grep -q "$(printf '\302\233')" "$T/all-err" &&
	[ "$(q "$db" "SELECT count(*) FROM entity_aliases") $(q "$db" "SELECT count(*) FROM entity_fixes")" = "0 0" ]
ok $? "control characters and escape sequences in names are refused, never printed raw"
run --db "$db" correct merge "Velmark" --into "Velmark Federation"
r1=$rc; has "$T/err" "kinds of entity; give the kind"; h1=$?
run --db "$db" correct quote "$drone" "We have" --speaker X --role Y
[ $r1 -eq 1 ] && [ $h1 -eq 0 ] && [ $rc -eq 2 ] && has "$T/err" "--role does not go with quote"
ok $? "a name of two kinds needs --kind; an option of another verb is a usage error"

# Merge: now and in stories imported later; a loop refused.
run --db "$db" correct merge "Velmark" --into "Velmark Federation" --kind org
[ $rc -eq 0 ] && has "$T/out" "merged Velmark into Velmark Federation" &&
	[ "$(q "$db" "SELECT count(*) FROM entities WHERE kind = 'org' AND name = 'Velmark'")" = 0 ] &&
	[ "$(q "$db" "SELECT count(*) FROM entities WHERE kind = 'place' AND name = 'Velmark'")" = 1 ]
ok $? "merge --kind org moves the org's mentions, not the place's" ||
	diag "$(cat "$T/out" "$T/err")"
run --db "$db" correct merge "Velmark Federation" --into Velmark --kind org
[ $rc -eq 1 ] && has "$T/err" "would make a loop"
ok $? "merging back is refused as a loop"
mkdir "$T/zz"
printf 'Kyiv Daily\nZelensky asks for more air defence\n\nPresident Zelensky said on Monday that the front was stable. "We will hold the line," Zelensky told reporters in Kyiv.\n' >"$T/zz/a.txt"
printf 'Kyiv Daily\nZelensky meets council\n\nZelensky met the Council of Northern States on Friday. "The line holds," Zelensky said after the meeting.\n' >"$T/zz/b.txt"
"$DOSSIER" --db "$db" import --quiet "$T/zz/a.txt" >/dev/null 2>&1
run --db "$db" correct merge Zelensky --into "Volodymyr Zelenskyy"
"$DOSSIER" --db "$db" import --quiet "$T/zz/b.txt" >/dev/null 2>&1
zb=$(q "$db" "SELECT id FROM articles WHERE title = 'Zelensky meets council'")
"$DOSSIER" --db "$db" show --json "$zb" >"$T/zb.json"
[ $rc -eq 0 ] && jpy "$T/zb.json" '[e["name"] for e in d["entities"] if e["type"] == "person"] ==
    ["Volodymyr Zelenskyy"] * 2 and d["quotes"][0]["speaker"]["name"] == "Volodymyr Zelenskyy"'
ok $? "a merge applies to a story imported after it" ||
	diag "$(cat "$T/zb.json")"

# A role set everywhere, now and later.
run --db "$db" correct person "Hanne Lutz" --role "Minister of Economy and Energy"
lutz=$(q "$db" "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id
    WHERE e.name = 'Hanne Lutz'")
[ $rc -eq 0 ] && [ "$lutz" -gt 0 ] &&
	[ "$(q "$db" "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id
	    WHERE e.name = 'Hanne Lutz' AND m.title = 'Minister of Economy and Energy'")" = "$lutz" ]
ok $? "person --role sets the role on every mention"

# What every later check expects: the corrections, and what they made.
state() {	# DB: corrections and their effect, one line each
	"$DOSSIER" --db "$1" correct list --json
	q "$1" "SELECT 'corrected', count(*) FROM quotes WHERE corrected = 1
	    AND continues IS NULL;
	    SELECT 'alias', count(*) FROM entities WHERE kind = 'org' AND name = 'Velmark';
	    SELECT 'zel', count(*) FROM entities WHERE name = 'Zelensky';
	    SELECT 'role', count(*) FROM mentions WHERE title = 'Minister of Economy and Energy'"
}
state "$db" >"$T/state"
run --db "$db" correct list
[ "$(grep -c '^quote ' "$T/out")" = 2 ] && has "$T/out" "merge   Velmark (org) into Velmark Federation" &&
	has "$T/out" "person  Hanne Lutz (person): role Minister of Economy and Energy" &&
	has "$T/state" "corrected|2" && has "$T/state" "zel|0"
ok $? "correct list lists every correction" || diag "$(cat "$T/out" "$T/state")"
"$DOSSIER" --db "$db" correct list --json >"$T/list.json"
python3 - "$T/list.json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["type"] for r in rows] == ["quote", "quote", "merge", "merge", "person"], rows
assert rows[0]["fix"] == "speaker" and rows[0]["speaker"]["kind"] == "org"
assert rows[1]["fix"] == "unnamed" and rows[1]["placed"] is True
assert rows[1]["words"].startswith("We have the flight data")
assert rows[4]["role"] == "Minister of Economy and Energy"
PY
ok $? "correct list --json: one object a line, each with its type and fields"

# Kept: re-import of the same files, analyze --all.
run --db "$db" import "$T/samples"
[ $rc -eq 0 ] && has "$T/out" "0 added, 15 already in the library" &&
	state "$db" | cmp -s - "$T/state"
ok $? "re-importing the same files keeps every correction"
run --db "$db" analyze --all --quiet
[ $rc -eq 0 ] && state "$db" | cmp -s - "$T/state"
ok $? "analyze --all keeps every correction, applied to the new analysis" ||
	diag "$(state "$db" | diff - "$T/state")"

# A changed file replaces its story in place (import knows a file by its
# path as well as its text): the story keeps its corrections and gets the
# merges and roles again.
grep '"type":"quote"' "$T/state" >"$T/quotes.before"
f=$(grep -l "Hanne Lutz" "$T/samples"/*.txt | head -1)
new=$(q "$db" "SELECT article_id FROM article_paths WHERE path = '$(realpath "$f")'")
nstories=$(q "$db" "SELECT count(*) FROM articles")
printf '\nAn editor added this paragraph on Friday.\n' >>"$f"
run --db "$db" import "$T/samples"
[ $rc -eq 0 ] && has "$T/out" "0 added, 1 updated, 14 already" &&
	[ "$(q "$db" "SELECT count(*) FROM articles")" = "$nstories" ] &&
	[ "$(q "$db" "SELECT count(*) FROM articles WHERE id = $new
	    AND body LIKE '%An editor added this paragraph%'")" = 1 ] &&
	[ "$(q "$db" "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id
	    WHERE m.article_id = $new AND e.name = 'Hanne Lutz'
	    AND m.title IS NOT 'Minister of Economy and Energy'")" = 0 ] &&
	[ "$(q "$db" "SELECT count(*) FROM mentions WHERE article_id = $new
	    AND title = 'Minister of Economy and Energy'")" -gt 0 ] &&
	"$DOSSIER" --db "$db" correct list --json | grep '"type":"quote"' |
	cmp -s - "$T/quotes.before"
ok $? "a changed file imported again replaces its story, its corrections and roles kept" ||
	diag "$(cat "$T/out" "$T/err")"

# A feed item whose text changes is updated in place: its corrections
# are found again by their words where they moved.
feed() {	# BODY
	printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Talks</title><guid>w1</guid><description>%s</description></item></channel></rss>\n' "$1" >"$T/srv/wire.xml"
}
feed '"Nobody called us first," an official said. Kasimir Oll said the talks would go on.'
run --db "$db" add "$URL/t/wire.xml"
w=$(q "$db" "SELECT id FROM articles WHERE guid = 'w1'")
run --db "$db" correct quote "$w" "Nobody called" --unnamed "a senior official"
feed 'The envoy arrived late. "Nobody called us first," an official said. Kasimir Oll said the talks would go on.'
run --db "$db" fetch
quote_of "$w" "Nobody called" >"$T/q"
[ $rc -eq 0 ] && has "$T/out" "1 updated" && jpy "$T/q" 'd["corrected"] and
    d["start"] > 20 and d["speaker"]["text"] == "a senior official"' &&
	[ "$(q "$db" "SELECT start FROM quote_fixes WHERE article_id = $w")" -gt 20 ]
ok $? "a feed's changed item keeps its correction, found again by its words" ||
	diag "$(cat "$T/out" "$T/err" "$T/q")"

# Words gone: the correction waits, listed, and is undone by its @START.
feed 'Kasimir Oll said the talks would go on.'
run --db "$db" fetch
ws=$(q "$db" "SELECT start FROM quote_fixes WHERE article_id = $w")
run --db "$db" correct list
has "$T/out" "credited to a senior official [unnamed] (its words are not in the story now)" &&
	run --db "$db" correct quote "$w" "@$ws" --undo && [ $rc -eq 0 ] &&
	[ "$(q "$db" "SELECT count(*) FROM quote_fixes WHERE article_id = $w")" = 0 ]
ok $? "a correction whose words are gone waits, and --undo takes it by its @START" ||
	diag "$(cat "$T/out" "$T/err")"
feed '"Nobody called us first," an official said. Kasimir Oll said the talks would go on.'
"$DOSSIER" --db "$db" fetch >/dev/null 2>&1
"$DOSSIER" --db "$db" correct quote "$w" "Nobody called" --unnamed "a senior official" >/dev/null

# export --format json carries a story's corrections.
run --db "$db" export --format json
printf '%s\n' "$(grep "\"id\":$drone," "$T/out")" >"$T/exp.json"
[ $rc -eq 0 ] && jpy "$T/exp.json" 'len(d["corrections"]) == 2 and
    {c["fix"] for c in d["corrections"]} == {"speaker", "unnamed"}' &&
	if command -v jq >/dev/null 2>&1; then
		[ "$(jq -r 'select(.id == '"$drone"') | .corrections[1].speaker.text' "$T/out")" = \
		    "a senior Valdorian defence official" ]
	fi
ok $? "export --format json has each story's corrections (parsed by python3 and jq)" ||
	diag "$(head -c 2000 "$T/out")"
run --db "$db" export
has "$T/out" "Corrected:" && has "$T/out" "a senior Valdorian defence official"
ok $? "the Markdown export lists them too"

# Undo of a merge and a role: the stories they touched analysed again (the
# alias goes; the machine may still join a unique surname on its own).
run --db "$db" correct merge Zelensky --undo
r1=$rc
run --db "$db" correct person "Hanne Lutz" --undo
[ $r1 -eq 0 ] && [ $rc -eq 0 ] && has "$T/out" "analysed again" &&
	[ "$(q "$db" "SELECT count(*) FROM entity_aliases WHERE alias = 'Zelensky'")" = 0 ] &&
	[ "$(q "$db" "SELECT count(*) FROM mentions WHERE title = 'Minister of Economy and Energy'")" = 0 ]
ok $? "merge --undo and person --undo bring the machine's reading back" ||
	diag "r1=$r1 rc=$rc" "$(cat "$T/out" "$T/err")" \
	    "$(q "$db" "SELECT count(*) FROM mentions WHERE title = 'Minister of Economy and Energy'")"

# A library of schema 8 (before corrections) is migrated when opened, and
# corrections made then are there when it is opened again.
old="$T/v8.db"
"$DOSSIER" --db "$old" import --quiet "$top_srcdir/samples/library" >/dev/null 2>&1
q "$old" "$UNDO_12_SQL DROP INDEX entities_key; DROP INDEX entities_surname;
    ALTER TABLE entities DROP COLUMN name_key; ALTER TABLE entities DROP COLUMN surname;
    DROP TABLE quote_fixes; DROP TABLE entity_aliases; DROP TABLE entity_fixes;
    ALTER TABLE quotes DROP COLUMN corrected; ALTER TABLE quotes DROP COLUMN continues;
    PRAGMA user_version = 8;"
[ "$(q "$old" "SELECT count(*) FROM sqlite_master WHERE name LIKE '%fix%'")" = 0 ]
v8=$?
run --db "$old" correct list
r1=$rc
run --db "$old" correct quote "$drone" "We have the flight data" --unnamed
run --db "$old" show "$drone"
[ $v8 -eq 0 ] && [ $r1 -eq 0 ] && [ "$(q "$old" 'PRAGMA user_version')" = "$(q "$db" 'PRAGMA user_version')" ] &&
	[ "$(q "$old" "SELECT count(*) FROM sqlite_master WHERE name IN
	    ('quote_fixes', 'entity_aliases', 'entity_fixes')")" = 3 ] &&
	has "$T/out" "[corrected]" && has "$T/out" "an unnamed source [unnamed]"
ok $? "a schema-8 library is migrated; a correction made then survives a re-open"

# kill -9 in the middle of analyze --all: every correction there after.
bigdb="$T/big.db"
cp "$db" "$bigdb"
q "$bigdb" "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c
      WHERE x < 60) INSERT INTO articles (feed_id, guid, title, sort_ts,
      fetched, lead, body) SELECT feed_id, guid || '-' || x, title,
      sort_ts - x, fetched, lead, body FROM articles, c WHERE articles.id <= 15"
"$DOSSIER" --db "$bigdb" analyze --all --quiet >/dev/null 2>&1
for i in $(q "$bigdb" "SELECT id FROM articles WHERE title LIKE 'Valdoria protests%'
    AND id > 15 ORDER BY id LIMIT 12"); do
	"$DOSSIER" --db "$bigdb" correct quote "$i" "Our air defence units" \
	    --speaker "Valdorian Air Force" --org >/dev/null 2>&1
done
total=$(q "$bigdb" "SELECT count(*) FROM articles")
state "$bigdb" >"$T/bigstate"
[ "$total" -ge 900 ] &&
	[ "$(grep -c '"type":"quote"' "$T/bigstate")" = $(($(grep -c '"type":"quote"' "$T/state") + 1 + 12)) ] &&
	has "$T/bigstate" "corrected|$(($(sed -n 's/^corrected|//p' "$T/state") + 1 + 12))"
ok $? "the big library: $total stories, corrections on a dozen of them" ||
	diag "$(cat "$T/bigstate")"
# Marked as analysed by an older extractor, to see a run stopped midway.
q "$bigdb" "UPDATE articles SET extract_version = 1"
cp "$bigdb" "$T/big.orig"
bad= mixed=0
# Each kill lands a while after the first batch is committed (polled, so
# a slow build, such as --enable-asan, or a loaded machine still stops
# it midway), the first of them at once.
for d in 0 0.1 0.3 0.6; do
	rm -f "$bigdb" "$bigdb-wal" "$bigdb-shm"
	cp "$T/big.orig" "$bigdb"
	"$DOSSIER" --db "$bigdb" analyze --all --quiet >/dev/null 2>&1 &
	pid=$!
	i=0
	while [ $i -lt 600 ] && kill -0 "$pid" 2>/dev/null &&
	    [ "$(q "$bigdb" "SELECT count(*) FROM articles
	    WHERE extract_version > 1" 2>/dev/null)" = 0 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ "$(q "$bigdb" 'PRAGMA integrity_check')" = ok ] ||
		bad="$bad [$d: integrity]"
	state "$bigdb" | cmp -s - "$T/bigstate" || bad="$bad [$d: corrections]"
	n=$(q "$bigdb" "SELECT count(*) FROM articles WHERE extract_version > 1")
	[ "$n" -gt 0 ] && [ "$n" -lt "$total" ] && mixed=$((mixed + 1))
done
[ -z "$bad" ] && [ $mixed -gt 0 ]
ok $? "analyze killed (kill -9) at any moment: integrity_check ok, every correction there" ||
	diag "$bad (stopped midway: $mixed of 4)"

run help correct
[ $rc -eq 0 ] && has "$T/out" "usage: dossier [--db PATH] correct quote ID QUOTE"
ok $? "dossier help correct gives its usage"
exit 0
