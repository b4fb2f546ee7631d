#!/bin/sh
# dossier people, who and quotes: the index, a dossier, quotes one a
# line; bad options, unknown and ambiguous names, hostile names (escape
# sequences, bidi controls, 10,000 bytes) that never reach the terminal
# raw, and every JSON output parsed.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
plan 28

db="$T/lib.db"
mkdir -p "$T/in"
story() {	# file outlet date title body
	printf '%s\n%s\n\nA standfirst.\n\nBy Staff\nPublished: %s 10:00\n\n%s\n' \
	    "$2" "$4" "$3" "$5" >"$T/in/$1"
}
story 1.txt "Northwire" "MARCH 03, 2024" "Talks resume" \
    'Valdorian Foreign Minister Ilse Varkonen said on Monday that talks would resume. "We will not accept any delay," Varkonen told reporters. Marovian Defence Minister Petr Holm said the army was ready.'
story 2.txt "Brenmark Daily" "AUGUST 10, 2024" "Ports reopen" \
    '"The ports reopen today and the red line holds," Varkonen said. A senior Velmark official said the deal was close.'
story 3.txt "Northwire" "JANUARY 05, 2025" "Holm warns" \
    '"Nobody gains from pressure," Defence Minister Petr Holm said. Holm added that the talks were over. Analysts call it a red line.'
run --db "$db" import "$T/in"
[ $rc -eq 0 ]
ok $? "the stories are imported" || diag "$(cat "$T/err")"

json_lines() {	# every line of a file is valid JSON
	python3 -c '
import json, sys
n = 0
for l in open(sys.argv[1]):
    json.loads(l); n += 1
sys.exit(0 if n > 0 else 1)' "$1"
}

run --db "$db" people
[ $rc -eq 0 ] && has "$T/out" "Ilse Varkonen, Foreign Minister (Valdorian)" &&
    has "$T/out" "A senior Velmark official, unnamed source" &&
    [ "$(head -1 "$T/out" | awk '{ print $1 }')" = 3 ]
ok $? "people lists speakers with roles, most quoted first" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" people --json --sort name
[ $rc -eq 0 ] && json_lines "$T/out" &&
    python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
names = [r["name"] for r in rows]
assert names == sorted(names, key=str.lower), names
v = [r for r in rows if r["name"] == "Ilse Varkonen"][0]
assert v["quotes"] == 3 and v["stories"] == 2, v
assert v["last_quoted"] == "2024-08-10", v' "$T/out"
ok $? "people --json --sort name: valid JSON, by name, with counts" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" people --kind unnamed --json
[ $rc -eq 0 ] && json_lines "$T/out" && ! has "$T/out" '"kind":"person"' &&
    has "$T/out" '"name":"A senior Velmark official"'
ok $? "people --kind unnamed lists only unnamed sources" ||
	diag "$(cat "$T/out")"

run --db "$db" people --sort recent --limit 1
[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 1 ] && has "$T/out" "Petr Holm"
ok $? "people --sort recent --limit 1: the last quoted" ||
	diag "$(cat "$T/out")"

run --db "$db" people --kind bogus
[ $rc -eq 2 ] && has "$T/err" "unknown kind 'bogus'"
ok $? "people refuses an unknown kind" || diag "$(cat "$T/err")"
run --db "$db" people --sort size
[ $rc -eq 2 ] && has "$T/err" "unknown sort 'size'"
ok $? "people refuses an unknown sort" || diag "$(cat "$T/err")"

run --db "$db" who "ilse varkonen"
[ $rc -eq 0 ] && has "$T/out" "Ilse Varkonen [person]" &&
    has "$T/out" "Foreign Minister (Valdorian), Mar 2024  (1 story)" &&
    has "$T/out" "Northwire  (2 quotes)" &&
    has "$T/out" "The ports reopen today and the red line holds" &&
    has "$T/out" "We will not accept any delay" &&
    [ "$(grep -n 'ports reopen' "$T/out" | cut -d: -f1)" -lt \
      "$(grep -n 'accept any delay' "$T/out" | cut -d: -f1)" ]
ok $? "who: roles with dates, outlets, every quote newest first" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" who Varkonen
[ $rc -eq 0 ] && has "$T/out" "Quotes per month" &&
    grep -q '^  2024-08 .* [#█]' "$T/out" &&
    has "$T/out" "Quoted with" && has "$T/out" "Petr Holm"
ok $? "who by a part of the name: months with bars, who they appear with" ||
	diag "$(cat "$T/out")"

LC_ALL=C "$DOSSIER" --db "$db" who Varkonen >"$T/out" 2>&1
grep -q '^  2024-08 .* #' "$T/out" && ! grep -q "$(printf '\342\226')" "$T/out"
ok $? "who draws ASCII bars outside a UTF-8 locale" || diag "$(cat "$T/out")"

run --db "$db" who --json Varkonen
[ $rc -eq 0 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["name"] == "Ilse Varkonen" and d["kind"] == "person"
assert d["roles"][0]["role"] == "Foreign Minister (Valdorian)"
assert [m["month"] for m in d["months"]] == ["2024-03", "2024-08"]
q = d["quote_list"]
assert len(q) == 3 and q[0]["outlet"] == "Brenmark Daily"
assert {x["kind"] for x in q} == {"direct", "reported"}
assert any(w["name"] == "Petr Holm" for w in d["with"])' "$T/out"
ok $? "who --json: one valid object with the whole dossier" ||
	diag "$(cat "$T/out" "$T/err")"

printf 'Drone crossed the border\n\nOfficials met in Valdoria on Monday. Valdoria said the drone had crossed the border without warning. Valdorian farmers were angry.\n' >"$T/in/5.txt"
"$DOSSIER" --db "$T/state.db" import -q "$T/in/5.txt" >/dev/null 2>&1
rm "$T/in/5.txt"
run --db "$T/state.db" who "Valdoria (government)"
[ $rc -eq 0 ] && has "$T/out" "Valdoria (government) [state]" &&
    has "$T/out" "the drone had crossed the border without warning"
ok $? "who of a state by the name it is shown by" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" who "Nobody Here"
[ $rc -eq 1 ] && has "$T/err" "no one named 'Nobody Here'" &&
    [ ! -s "$T/out" ]
ok $? "who of a name that does not exist says so, exit 1" ||
	diag "$(cat "$T/err")"

run --db "$db" who Minister
run --db "$db" who o
[ $rc -eq 1 ] && has "$T/err" "'o' may be any of" &&
    has "$T/err" "  Ilse Varkonen [person]" && has "$T/err" "  Petr Holm [person]"
ok $? "who of an ambiguous name lists the candidates, exit 1" ||
	diag "$(cat "$T/err")"

run --db "$db" who
[ $rc -eq 2 ]
ok $? "who with no name is a usage error" || diag "$(cat "$T/err")"

run --db "$db" quotes --speaker Varkonen
[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 3 ] &&
    [ "$(head -1 "$T/out" | cut -f1-4)" = "$(printf '2\t10 Aug 2024\tBrenmark Daily\tIlse Varkonen')" ] &&
    [ "$(sed -n 3p "$T/out" | cut -f5-7)" = "$(printf 'Foreign Minister\tValdorian\tdirect')" ]
ok $? "quotes --speaker: a line each, tab-separated fields" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" quotes --since 2024-08 --until 2024 --kind direct --json
[ $rc -eq 0 ] && json_lines "$T/out" && [ "$(wc -l <"$T/out")" -eq 1 ] &&
    has "$T/out" '"text":"The ports reopen today and the red line holds"'
ok $? "quotes --since --until --kind: the period and kind asked" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" tag 3 +defence
run --db "$db" quotes --tag defence --kind reported
[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 1 ] &&
    has "$T/out" "the talks were over"
ok $? "quotes --tag: only the tagged stories' quotes" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" quotes --json 'title:ports'
[ $rc -eq 0 ] && json_lines "$T/out" && [ "$(wc -l <"$T/out")" -eq 2 ] &&
    has "$T/out" '"speaker":"A senior Velmark official"'
ok $? "quotes QUERY: the quotes of the stories a search finds" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" search 'quote:"RED line"'
[ $rc -eq 0 ] && has "$T/out" "Ports reopen" && ! has "$T/out" "Holm warns"
ok $? "search quote:WORDS finds words inside a quote, not outside one" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" quotes 'quote:"red line"'
[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 1 ] && has "$T/out" "Varkonen"
ok $? "quotes quote:WORDS lists only the quotes holding the words" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" search 'speaker:"velmark official"'
[ $rc -eq 0 ] && has "$T/out" "Ports reopen" && ! has "$T/out" "Talks resume"
ok $? "search speaker: matches an unnamed source's words" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" quotes --since 2024-13
r1=$rc
run --db "$db" quotes --kind shouted
[ $r1 -eq 2 ] && [ $rc -eq 2 ] && has "$T/err" "unknown kind 'shouted'"
ok $? "quotes refuses a bad date and an unknown kind" || diag "$(cat "$T/err")"

run --db "$db" quotes --speaker "Nobody Here"
[ $rc -eq 1 ] && has "$T/err" "no one named"
ok $? "quotes --speaker of a name that does not exist says so" ||
	diag "$(cat "$T/err")"

# Hostile names: an escape sequence, a bidi override, 10,000 bytes.
long=$(python3 -c 'print("Zed" + "a" * 10000)')
printf 'Hostile\n\nForeign Minister %s said the plan was ready. "It is \033[31mready\033[0m," %s said. Minister Ann\342\200\256Bek said it was late.\n' \
    "$long" "$long" >"$T/in/4.txt"
run --db "$db" import "$T/in/4.txt"
run --db "$db" people
out1=$(cat "$T/out")
run --db "$db" quotes
out2=$(cat "$T/out")
run --db "$db" who Zed
out3=$(cat "$T/out")
printf '%s\n%s\n%s\n' "$out1" "$out2" "$out3" >"$T/all"
! grep -q "$(printf '\033')" "$T/all" &&
    ! grep -q "$(printf '\342\200\256')" "$T/all" && grep -q Zed "$T/all" &&
    [ "$(printf '%s\n' "$out1" | awk '{ if (length($0) > m) m = length($0) } END { print m }')" -lt 400 ]
ok $? "hostile names never reach the terminal raw; the index cuts them" ||
	diag "$(head -c 600 "$T/all")"

for c in "people --json" "quotes --json" "who --json Zed"; do
	# shellcheck disable=SC2086
	"$DOSSIER" --db "$db" $c >"$T/j" 2>/dev/null || echo fail >>"$T/j"
	json_lines "$T/j" || echo "$c" >>"$T/bad"
done
[ ! -s "$T/bad" ]
ok $? "every JSON output stays valid with hostile names" ||
	diag "$(cat "$T/bad" 2>/dev/null)"

# The index follows every change by counting again only what it touched:
# after new stories, a merge, a role set, a quote credited and analysis,
# it reads as an index built whole.
if command -v sqlite3 >/dev/null 2>&1; then
	# The whole table too (every place, each row's last seen), as
	# the screen's Places lists places never quoted.
	people_rows() {
		sqlite3 "$db" "SELECT entity_id, source_key, kind, name,
		    quotes, stories, last_ts, said, as_media, seen_ts FROM people
		    ORDER BY entity_id, source_key"
	}
	same_whole() {
		"$DOSSIER" --db "$db" people --json >"$T/p1" 2>&1
		people_rows >>"$T/p1"
		sqlite3 "$db" "UPDATE people_state SET stale = 1"
		"$DOSSIER" --db "$db" people --json >"$T/p2" 2>&1
		people_rows >>"$T/p2"
		cmp -s "$T/p1" "$T/p2" || { echo "$1" >>"$T/diffs";
		    diff "$T/p1" "$T/p2" >>"$T/diffs"; }
	}
	rm -f "$T/diffs"
	"$DOSSIER" --db "$db" people >/dev/null 2>&1
	"$DOSSIER" --db "$db" import -q "$top_srcdir/samples/library" \
	    >/dev/null 2>&1
	same_whole import
	"$DOSSIER" --db "$db" correct merge "Ilse Varga" --into "Anja Brekk" \
	    >/dev/null 2>&1
	same_whole merge
	"$DOSSIER" --db "$db" correct person "Petr Holm" --role Chancellor \
	    >/dev/null 2>&1
	same_whole role
	"$DOSSIER" --db "$db" correct quote 3 "Nobody gains from pressure" \
	    --speaker "Ilse Varkonen" >/dev/null 2>&1
	same_whole credit
	"$DOSSIER" --db "$db" analyze --all -q >/dev/null 2>&1
	same_whole analyze
	"$DOSSIER" --db "$db" correct merge "Ilse Varga" --undo >/dev/null 2>&1
	same_whole unmerge
	# A story stored twice: a copy imported, linked later by analyze
	# --dups, and the group's first story deleted.
	mkdir -p "$T/copy"
	sed -e 's/  */ /g' -e '1s/.*/Other Wire/' "$top_srcdir/samples/library/2025-02-27-kestrel-drone-sale.txt" \
	    >"$T/copy/kestrel.txt"
	"$DOSSIER" --db "$db" import -q "$T/copy" >/dev/null 2>&1
	same_whole copy
	copy=$(sqlite3 "$db" "SELECT max(id) FROM articles WHERE dup_of IS NOT NULL")
	first=$(sqlite3 "$db" "SELECT dup_of FROM articles WHERE id = $copy")
	sqlite3 "$db" "UPDATE articles SET dup_of = NULL, dup_sig = NULL WHERE id = $copy"
	same_whole unlinked
	"$DOSSIER" --db "$db" analyze --dups >/dev/null 2>&1
	[ "$(sqlite3 "$db" "SELECT dup_of FROM articles WHERE id = $copy")" = "$first" ] ||
		echo "analyze --dups did not link $copy" >>"$T/diffs"
	same_whole linked
	"$DOSSIER" --db "$db" delete --force "$first" >/dev/null 2>&1
	same_whole "first deleted"
	# A later story naming places already in the index: each row's
	# stories and last seen grow as a build whole counts them.
	mkdir -p "$T/later"
	printf '%s\n' "Harbour Wire" \
	    "Port Avery opens a ferry line to Valdoria" "" \
	    "Updated: 2 March 2026" \
	    "The ferry from Port Avery to Valdoria will run twice a week from May." \
	    >"$T/later/2026-03-02-ferry.txt"
	"$DOSSIER" --db "$db" import -q "$T/later" >/dev/null 2>&1
	same_whole later
	[ "$(sqlite3 "$db" "SELECT count(*) FROM people WHERE name = 'Valdoria'
	    AND seen_ts >= 1772409600")" = 1 ] ||
		echo "Valdoria not seen on 2 March 2026" >>"$T/diffs"
	[ ! -s "$T/diffs" ] && grep -q '"name":"Anja Brekk"' "$T/p1"
	ok $? "the index follows each change as if built whole" ||
		diag "$(head -20 "$T/diffs")"

	# Migration 18 -> 19: a library whose index held only the places
	# quoted gets every place, each with its last seen.
	sqlite3 "$db" "$UNDO_19_SQL PRAGMA user_version = 18;
	    DELETE FROM people WHERE kind = 'state' AND said = 0;"
	"$DOSSIER" --db "$db" people >/dev/null 2>&1
	[ "$(sqlite3 "$db" "PRAGMA user_version")" = 19 ] &&
	    [ "$(sqlite3 "$db" "SELECT quotes || ' ' || (seen_ts >= 1772409600)
	    FROM people WHERE name = 'Valdoria'")" = "0 1" ] &&
	    people_rows >"$T/p1" && sqlite3 "$db" \
	    "UPDATE people_state SET stale = 1" &&
	    "$DOSSIER" --db "$db" people >/dev/null 2>&1 &&
	    people_rows | cmp -s - "$T/p1"
	ok $? "migration 19 adds every place with its last seen, as built whole"
else
	skip "sqlite3 is not installed"
	skip "sqlite3 is not installed"
fi
