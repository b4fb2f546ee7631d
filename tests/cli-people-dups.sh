#!/bin/sh
# A story stored thrice (another outlet's copy with other spacing, and
# that copy saved again) is counted once by people, who, quotes and
# export --speaker, text and JSON: its quotes once each, with the other
# outlet, once ("also in:", an "also" array); and the counts follow when
# analyze --dups links a copy later and when the group's first story is
# deleted.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed"
plan 15

q() { sqlite3 "$1" "$2"; }
db="$T/lib.db"
mkdir -p "$T/in"
cp "$top_srcdir/samples/library/2025-02-27-kestrel-drone-sale.txt" "$T/in/a.txt"
sed -e 's/  */ /g' -e '1s/.*/Other Wire/' "$T/in/a.txt" >"$T/in/b.txt"
# The same outlet's copy saved again: that outlet is named once.
{ cat "$T/in/b.txt"; echo; } >"$T/in/c.txt"
run --db "$db" import "$T/in"
[ $rc -eq 0 ] && [ "$(q "$db" "SELECT count(*) FROM articles WHERE dup_of = 1")" = 2 ]
ok $? "copies with other spacing and outlet join the story's group" ||
	diag "$(cat "$T/out" "$T/err")"

# Nia Oduya: 4 quotes in the story, 1 story.
oduya() {	# the people line of Nia Oduya: quotes stories
	"$DOSSIER" --db "$db" people --json | python3 -c '
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    if r["name"] == "Nia Oduya":
        print(r["quotes"], r["stories"])'
}

run --db "$db" people
[ $rc -eq 0 ] && grep -Eq '^ +4 +1 .*Nia Oduya' "$T/out" &&
	[ "$(oduya)" = "4 1" ]
ok $? "people: 4 quotes in 1 story, text and JSON" || diag "$(cat "$T/out")"

run --db "$db" quotes --speaker "Nia Oduya"
[ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 4 ] &&
	[ "$(grep -c 'Port Avery Gazette (also in: Other Wire)' "$T/out")" -eq 4 ]
ok $? "quotes: each quote once, also in the other outlet" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" quotes --speaker "Nia Oduya" --json
[ $rc -eq 0 ] && python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 4, len(rows)
for r in rows:
    assert r["story"] == 1 and r["also"] == ["Other Wire"], r
assert len(set(r["text"] for r in rows)) == 4' "$T/out"
ok $? "quotes --json: 4 objects, each with also [Other Wire]" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" who "Nia Oduya"
[ $rc -eq 0 ] && has "$T/out" "4 quotes in 1 story" &&
	has "$T/out" "Foreign Secretary, Feb 2025  (1 story)" &&
	has "$T/out" "Port Avery Gazette  (4 quotes)" &&
	has "$T/out" "Other Wire  (4 quotes)" &&
	grep -Eq '^  2025-02 +4 ' "$T/out" &&
	has "$T/out" "Callum Reedy [person]  (1 story)" &&
	has "$T/out" "Quotes, newest first (4)" &&
	[ "$(grep -c 'story 1 · Port Avery Gazette (also in: Other Wire)' "$T/out")" -eq 4 ] &&
	! has "$T/out" "story 2"
ok $? "who: counts, roles, outlets, months, peers and quotes once" ||
	diag "$(cat "$T/out" "$T/err")"

who_json() {	# file: a dossier as who --json gives it, counted once
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["quotes"] == 4 and d["stories"] == 1, d
assert [r["stories"] for r in d["roles"]] == [1], d["roles"]
assert {o["outlet"]: o["quotes"] for o in d["outlets"]} == \
    {"Port Avery Gazette": 4, "Other Wire": 4}, d["outlets"]
assert [m["quotes"] for m in d["months"]] == [4], d["months"]
assert all(p["stories"] == 1 for p in d["with"]), d["with"]
ql = d["quote_list"]
assert len(ql) == 4 and all(x["also"] == ["Other Wire"] for x in ql), ql
' "$1"
}
run --db "$db" who "Nia Oduya" --json
[ $rc -eq 0 ] && who_json "$T/out"
ok $? "who --json: every count once, each quote with also" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" export --speaker "Nia Oduya" --json
[ $rc -eq 0 ] && who_json "$T/out"
ok $? "export --speaker --json: the same" || diag "$(cat "$T/out" "$T/err")"

run --db "$db" export --speaker "Nia Oduya"
[ $rc -eq 0 ] && has "$T/out" "- Quotes: 4 in 1 story" &&
	has "$T/out" "| Other Wire | 4 |" && ! has "$T/out" "Other Wire, Other Wire" &&
	[ "$(grep -c '^### .*story 1 · Port Avery Gazette (also in: Other Wire)$' "$T/out")" -eq 4 ] &&
	! grep -q '^### .*story 2' "$T/out"
ok $? "export --speaker: each quote once, also in the other outlet" ||
	diag "$(cat "$T/out" "$T/err")"

# A quote of the copy's story itself still lists (show, the reader).
run --db "$db" quotes --speaker "Nia Oduya" --tag none
[ $rc -eq 0 ] && [ ! -s "$T/out" ] &&
	"$DOSSIER" --db "$db" tag 2 wire >/dev/null 2>&1 &&
	run --db "$db" quotes --speaker "Nia Oduya" --tag wire &&
	[ "$(grep -c '^1	.*(also in: Other Wire)' "$T/out")" -eq 4 ]
ok $? "quotes --tag: a tag on a copy finds its group's quotes, once" ||
	diag "$(cat "$T/out" "$T/err")"

# list marks a story of a group with its other stories, text and JSON.
run --db "$db" list
[ $rc -eq 0 ] &&
	grep -q '^ *2 N .*Other Wire: .*  (also in: #1 Port Avery Gazette\*, #3 Other Wire)$' "$T/out" &&
	grep -q '^ *1 N .*Port Avery Gazette: .*  (also in: #2 Other Wire, #3 Other Wire)$' "$T/out"
ok $? "list: a story of a group names the outlets of the others" ||
	diag "$(cat "$T/out" "$T/err")"
run --db "$db" list --json
[ $rc -eq 0 ] && python3 -c '
import json, sys
rows = {r["id"]: r for r in map(json.loads, open(sys.argv[1]))}
assert rows[2]["duplicates"] == [
    {"id": 1, "outlet": "Port Avery Gazette", "first": True},
    {"id": 3, "outlet": "Other Wire", "first": False}], rows[2]
assert [d["id"] for d in rows[1]["duplicates"]] == [2, 3], rows[1]
' "$T/out" && run --db "$db" export --json &&
	python3 -c '
import json, sys
rows = {r["id"]: r for r in map(json.loads, open(sys.argv[1]))}
assert [d["id"] for d in rows[2]["duplicates"]] == [1, 3], rows[2]
assert rows[2]["duplicates"][0]["first"] is True, rows[2]
' "$T/out" && run --db "$db" export && has "$T/out" "- Also in: #1 Port Avery Gazette (its quotes counted), #3 Other Wire"
ok $? "list --json and export: duplicates, the counted one first" ||
	diag "$(cat "$T/out" "$T/err")"

# A search on the quotes of a group: any of its stories may match it.
run --db "$db" quotes --speaker "Nia Oduya" 'outlet:"other wire"'
[ $rc -eq 0 ] && [ "$(grep -c '^1	.*(also in: Other Wire)' "$T/out")" -eq 4 ] &&
	run --db "$db" quotes --json 'outlet:wire' &&
	[ "$(wc -l <"$T/out")" -gt 4 ] &&
	run --db "$db" quotes 'outlet:nothing-like-it' && [ ! -s "$T/out" ]
ok $? "quotes outlet:X finds a story's quotes by the copy X carried" ||
	diag "$(cat "$T/out" "$T/err")"

# Linked later: unlinked by hand (as before analyze --dups compared them),
# the copy counts; analyze --dups links it and the counts follow.
q "$db" "UPDATE articles SET dup_of = NULL, dup_sig = NULL WHERE id = 2"
n1=$(oduya)
run --db "$db" analyze --dups
[ "$n1" = "8 2" ] && [ $rc -eq 0 ] && [ "$(oduya)" = "4 1" ]
ok $? "analyze --dups links a copy later: the index counts it once" ||
	diag "$n1 / $(oduya) $(cat "$T/out" "$T/err")"

# The group's first story deleted: the copy counts in its place.
run --db "$db" delete --force 1
[ $rc -eq 0 ] && [ "$(q "$db" "SELECT count(*) FROM articles WHERE dup_of IS NULL")" = 1 ] &&
	[ "$(oduya)" = "4 1" ] &&
	run --db "$db" quotes --speaker "Nia Oduya" --json &&
	python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 4 and all(r["story"] == 2 and r["also"] == [] for r in rows), rows' "$T/out"
ok $? "the first story deleted: its copy's quotes count, once" ||
	diag "$(oduya) $(cat "$T/out" "$T/err")"

# The index so kept is the one built whole.
"$DOSSIER" --db "$db" people --json >"$T/p1" 2>&1
q "$db" "UPDATE people_state SET stale = 1"
"$DOSSIER" --db "$db" people --json >"$T/p2" 2>&1
cmp -s "$T/p1" "$T/p2"
ok $? "the index kept through both is the one built whole" ||
	diag "$(diff "$T/p1" "$T/p2")"
