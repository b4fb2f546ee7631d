#!/bin/sh
# The bounds of a dossier and of the lists that name a story's group: a
# person with more roles than the header keeps (the 12 of the most
# stories, "and 3 more", text, JSON and the brief); a story carried by
# outlets whose names are hostile (escape sequences, a bidi override,
# 10,000 bytes) listed by list, list --json and export --json, the JSON
# parsed and nothing raw on the terminal; and a speaker with thousands of
# quotes, every JSON output parsed whole. And the words of the unnamed
# sources kept once (migration 16 -> 17, quote_sources) for speaker:
# searches, filled by the migration and kept up by import and correct.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
plan 11

db="$T/lib.db"
mkdir -p "$T/roles"
# 20 stories, Ilse Varkonen in 15 roles: 5 titles, 3 affiliations or none.
python3 - "$T/roles" <<'PY'
import os, sys
titles = ["Foreign Minister", "Defence Minister", "Interior Minister",
          "Energy Minister", "Finance Minister"]
nat = ["Valdorian", "Marovian", "Velmark", "Brenmark"]
i = 0
for t in titles:
    for n in nat:
        i += 1
        with open(os.path.join(sys.argv[1], "r%02d.txt" % i), "w") as f:
            f.write(f"""Northwire
Talks resume, round {i}

By Staff
Published: March {i:02d}, 2024 10:00

{n} {t} Ilse Varkonen said on Monday that talks on pipeline {i} would resume. "We will not accept delay number {i}," Varkonen told reporters in Drossen.
""")
PY
run --db "$db" import "$T/roles"
run --db "$db" who "Ilse Varkonen"
[ $rc -eq 0 ] &&
	[ "$(sed -n '/^Roles$/,/^$/p' "$T/out" | grep -c ', Mar 2024  (')" -eq 12 ] &&
	sed -n '/^Roles$/,/^$/p' "$T/out" | grep -qx '  and 3 more' &&
	has "$T/out" "Foreign Minister, Mar 2024  (2 stories)"
ok $? "who: the 12 roles of the most stories, and how many more" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" who --json "Ilse Varkonen"
[ $rc -eq 0 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["roles"]) == 12 and d["more"]["roles"] == 3, d["more"]
assert d["more"]["names"] == 0 and d["more"]["outlets"] == 0, d["more"]
# The roles of two stories are all kept, the rest first seen first.
two = [r["role"] for r in d["roles"] if r["stories"] == 2]
assert len(two) == 5, two
' "$T/out" && run --db "$db" export --speaker "Ilse Varkonen" &&
	has "$T/out" "And 3 more." &&
	[ "$(sed -n '/^## Roles$/,/^## Timeline/p' "$T/out" | grep -c '^| .* | Mar 2024 | Mar 2024 | [0-9]* |$')" -eq 12 ]
ok $? "who --json: more.roles 3; export --speaker: And 3 more." ||
	diag "$(cat "$T/out" "$T/err")"

# The same story carried by outlets with hostile names.
mkdir -p "$T/dup"
story=r01.txt
long=$(python3 -c 'print("Wire" + "w" * 10000)')
cp "$T/roles/$story" "$T/dup/a.txt"
{ printf 'Evil\033[31m Wire\342\200\256 \033]0;pwned\007\n'; sed 1d "$T/roles/$story"; } >"$T/dup/b.txt"
{ printf '%s\n' "$long"; sed 1d "$T/roles/$story" | sed 's/  */ /g'; echo; } >"$T/dup/c.txt"
"$DOSSIER" --db "$T/d2.db" import -q "$T/dup" >/dev/null 2>&1
for i in 1 2 3; do "$DOSSIER" --db "$T/d2.db" tag $i +wire >/dev/null 2>&1; done
run --db "$T/d2.db" list
[ $rc -eq 0 ] && [ "$(grep -c 'also in: ' "$T/out")" -eq 3 ] &&
	! grep -q "$(printf '\033')" "$T/out" &&
	! grep -q "$(printf '\342\200\256')" "$T/out" &&
	[ "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$T/out")" -lt 1000 ]
ok $? "list: a group's hostile outlets cleaned and cut" ||
	diag "$(cat -v "$T/out" | head -c 2000)"

run --db "$T/d2.db" list --json
cp "$T/out" "$T/list.json"
run --db "$T/d2.db" export --json
python3 -c '
import json, sys
for f in sys.argv[1:3]:
    rows = [json.loads(l) for l in open(f)]
    assert len(rows) == 3, (f, len(rows))
    for r in rows:
        assert len(r["duplicates"]) == 2, r["duplicates"]
        for d in r["duplicates"]:
            assert "\x1b" not in d["outlet"] and "\x07" not in d["outlet"], d
    # A 10,000-byte first line is no outlet: the feed stands for it.
    outlets = {d["outlet"] for r in rows for d in r["duplicates"]}
    assert outlets == {"Northwire", "Evil Wire", "Saved stories"}, outlets
' "$T/list.json" "$T/out"
ok $? "list --json and export --json: valid, the outlets without controls" ||
	diag "$(head -c 2000 "$T/out")"

# Seven other stories in a group: five named, the rest counted.
mkdir -p "$T/dup7"
for i in 4 5 6 7 8; do
	{ printf 'Wire %s\n' "$i"; sed 1d "$T/roles/$story"; } >"$T/dup7/$i.txt"
done
"$DOSSIER" --db "$T/d2.db" import -q "$T/dup7" >/dev/null 2>&1
run --db "$T/d2.db" list
[ $rc -eq 0 ] && grep -q '^ *1 N .*(also in: #2 Evil Wire, #3 Saved stories, #4 Wire, #5 Wire, #6 Wire and 2 more)$' "$T/out" &&
	run --db "$T/d2.db" list --json &&
	[ "$(grep -c '"duplicates":\[{' "$T/out")" -eq 8 ]
ok $? "list: at most five of a group named, the rest counted; JSON all" ||
	diag "$(cat "$T/out")"

# A speaker with 3,000 quotes (500 stories of 6), and a hostile outlet.
mkdir -p "$T/many"
python3 - "$T/many" <<'PY'
import os, sys
for i in range(500):
    with open(os.path.join(sys.argv[1], "m%03d.txt" % i), "w") as f:
        f.write(f"""Brenmark\u202e Daily\x1b[2J
Pipeline talks, round {i}

By Staff
Published: {["January", "May", "October"][i % 3]} {1 + i % 28:02d}, {2016 + i % 9} 10:00

Valdorian Foreign Minister Ilse Varkonen said on Monday that talks on pipeline {i} would resume. "We will not accept delay number {i}," Varkonen told reporters in Drossen.

"The region needs calm after round {i}," Varkonen said. Varkonen added that the cabinet would meet again.

"Nobody gains from pressure on case {i}," Varkonen said. She said officials were ready for round {i}.
""")
PY
"$DOSSIER" --db "$T/many.db" import -q "$T/many" >/dev/null 2>&1
"$DOSSIER" --db "$T/many.db" who --json "Ilse Varkonen" >"$T/who.json" 2>"$T/err"
"$DOSSIER" --db "$T/many.db" quotes --json --speaker "Ilse Varkonen" >"$T/q.json" 2>>"$T/err"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
n = d["quotes"]
assert n >= 2500, n
assert len(d["quote_list"]) == n, (len(d["quote_list"]), n)
rows = [json.loads(l) for l in open(sys.argv[2])]
assert len(rows) == n, (len(rows), n)
assert all("\x1b" not in r["outlet"] for r in rows)
' "$T/who.json" "$T/q.json"
ok $? "who --json and quotes --json of thousands of quotes parse whole" ||
	diag "$(cat "$T/err"; head -c 600 "$T/who.json")"

# who --json and quotes --json write their quotes as they go; export
# --speaker --json builds them as objects: the same quotes either way.
"$DOSSIER" --db "$T/many.db" export --speaker "Ilse Varkonen" --json >"$T/x.json" 2>>"$T/err"
python3 -c '
import json, sys
w = json.load(open(sys.argv[1]))["quote_list"]
x = json.load(open(sys.argv[2]))["quote_list"]
q = [json.loads(l) for l in open(sys.argv[3])]
for e in x:
    assert e.pop("notes") == [], e
assert w == x == q, "differ"
assert set(w[0]) == {"story", "published", "outlet", "story_title",
    "speaker", "speaker_kind", "role", "title", "affiliation", "kind",
    "text", "start", "end", "corrected", "also"}, sorted(w[0])
' "$T/who.json" "$T/x.json" "$T/q.json"
ok $? "the quotes written as they go are the objects export builds" ||
	diag "$(cat "$T/err")"

run --db "$T/many.db" who "Ilse Varkonen"
[ $rc -eq 0 ] && ! grep -q "$(printf '\033')" "$T/out" &&
	! grep -q "$(printf '\342\200\256')" "$T/out" &&
	grep -q 'Brenmark Daily' "$T/out"
ok $? "who: a hostile outlet's name cleaned in every quote" ||
	diag "$(cat -v "$T/out" | head -40)"

# speaker: on unnamed sources reads their words kept once.
if command -v sqlite3 >/dev/null 2>&1; then
	sdb="$T/src.db"
	"$DOSSIER" --db "$sdb" import -q "$top_srcdir/samples/library" >/dev/null 2>&1
	keys() { sqlite3 "$sdb" "SELECT count(*) FROM quote_sources"; }
	want() { sqlite3 "$sdb" "SELECT count(DISTINCT lower(source_text)) FROM quotes WHERE speaker_id IS NULL AND source_text IS NOT NULL"; }
	# Words of speaker-less quotes not kept (0); kept words whose
	# quotes found a speaker later may stay.
	lost() { sqlite3 "$sdb" "SELECT count(*) FROM quotes WHERE speaker_id IS NULL AND source_text IS NOT NULL AND lower(source_text) NOT IN (SELECT key FROM quote_sources)"; }
	n_import=$(keys)
	sqlite3 "$sdb" "$UNDO_18_SQL DROP TRIGGER quote_sources_set;
	    DROP TABLE quote_sources; PRAGMA user_version = 16;"
	"$DOSSIER" --db "$sdb" search 'speaker:"government official"' >"$T/s1" 2>&1
	[ "$n_import" -gt 5 ] && [ "$(lost)" = 0 ] &&
		[ "$(sqlite3 "$sdb" 'PRAGMA user_version')" = "$(sed -n 's/^#define STORE_VERSION \([0-9]*\)$/\1/p' "$top_srcdir/src/store/store.h")" ] &&
		[ "$(keys)" = "$(want)" ] && grep -q 'Kestrel Isles agrees' "$T/s1"
	ok $? "migration 17 keeps every unnamed source's words once; speaker: finds them" ||
		diag "$n_import $(keys) $(want) $(cat "$T/s1")"

	"$DOSSIER" --db "$sdb" correct quote 3 "The first six will be delivered" \
	    --unnamed "a shipyard manager" >/dev/null 2>&1
	"$DOSSIER" --db "$sdb" search 'speaker:shipyard' >"$T/s2" 2>&1
	[ "$(lost)" = 0 ] && grep -q 'Kestrel Isles agrees' "$T/s2" &&
		[ "$(sqlite3 "$sdb" "SELECT count(*) FROM quote_sources WHERE key = 'a shipyard manager'")" = 1 ]
	ok $? "a quote credited to new words: speaker: finds it by them" ||
		diag "$(keys) $(lost) $(cat "$T/s2")"

	# Analysis again adds each story's words in one statement.
	sqlite3 "$sdb" "DELETE FROM quote_sources"
	"$DOSSIER" --db "$sdb" analyze --all -q >/dev/null 2>&1
	[ "$(lost)" = 0 ] && [ "$(keys)" -gt 5 ]
	ok $? "analysis again keeps every unnamed source's words" ||
		diag "$(keys) $(lost)"
else
	skip "sqlite3 is not installed"
	skip "sqlite3 is not installed"
	skip "sqlite3 is not installed"
fi
