#!/bin/sh
# dossier export carries who said what: each story's speakers with their
# roles and quotes, a note on a quote with its speaker, role, date and
# outlet; --search, --since and --until select stories as search does;
# --speaker writes a speaker's dossier; an export that finds nothing says
# so. Every Markdown output is checked by structure (tables, escapes) and
# every JSON output parsed.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
plan 16

db="$T/lib.db"
mkdir -p "$T/in"
story() {	# file outlet date title body
	printf '%s\n%s\n\nA standfirst.\n\nBy Staff\nPublished: %s 10:00\n\n%s\n' \
	    "$2" "$4" "$3" "$5" >"$T/in/$1"
}
story 1.txt "Northwire" "MARCH 03, 2024" "Talks resume" \
    'Valdorian Foreign Minister Ilse Varkonen said on Monday that talks would resume. "We will not accept any delay," Varkonen told reporters.'
story 2.txt "Brenmark Daily" "AUGUST 10, 2024" "Ports reopen" \
    '"The ports reopen today and the red line holds," Valdorian Foreign Minister Ilse Varkonen said. A senior Velmark official said the deal was close.'
story 3.txt "Northwire" "JANUARY 05, 2025" "Holm warns" \
    '"Nobody gains from pressure," Defence Minister Petr Holm said.'
"$DOSSIER" --db "$db" import -q "$T/in" >/dev/null 2>&1
"$DOSSIER" --db "$db" tag 1 +energy >/dev/null 2>&1
"$DOSSIER" --db "$db" note 2 --passage "the red line holds" "Check | this *claim*" \
    >/dev/null 2>&1
run --db "$db" who Varkonen
[ $rc -eq 0 ]
ok $? "the library is made" || diag "$(cat "$T/err")"

# md_ok FILE: Markdown whose tables have a header, a rule and rows of as
# many cells (escaped bars are text), no control characters, and no
# bar, star or underscore of outside text left unescaped in a table.
cat >"$T/md.py" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
assert text.strip(), "empty"
assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", text), "control"
lines = text.split("\n")
cells = lambda l: len(re.split(r"(?<!\\)\|", l)) - 2
i = 0
while i < len(lines):
    if lines[i].startswith("|"):
        n = cells(lines[i])
        assert re.fullmatch(r"\|(---\|)+", lines[i + 1]), lines[i + 1]
        assert cells(lines[i + 1]) == n
        j = i + 2
        while j < len(lines) and lines[j].startswith("|"):
            assert cells(lines[j]) == n, lines[j]
            j += 1
        i = j
    else:
        i += 1
PY
md_ok() { python3 "$T/md.py" "$1"; }
json_ok() {
	python3 -c '
import json, sys
n = 0
for l in open(sys.argv[1]):
    json.loads(l); n += 1
sys.exit(0 if n > 0 else 1)' "$1"
}

run --db "$db" export
[ $rc -eq 0 ] && md_ok "$T/out" && has "$T/out" "### Who said what" &&
    has "$T/out" "- **Ilse Varkonen**, Foreign Minister (Valdorian)" &&
    has "$T/out" "  - “The ports reopen today and the red line holds” (direct)" &&
    has "$T/out" "  - “talks would resume” (reported)" &&
    has "$T/out" "- **A senior Velmark official**" &&
    has "$T/out" "  - “the deal was close” (reported)"
ok $? "export lists each story's speakers with roles and quotes" ||
	diag "$(cat "$T/out" "$T/err")"

grep -A3 '^### Note' "$T/out" >"$T/note"
has "$T/note" "On a quote by Ilse Varkonen, Foreign Minister (Valdorian) · 10 Aug 2024 · Brenmark Daily (direct)" &&
    has "$T/out" 'Check \| this \*claim\*'
ok $? "a note on a quote carries its speaker, role, date and outlet" ||
	diag "$(cat "$T/out")"

run --db "$db" export --json
[ $rc -eq 0 ] && json_ok "$T/out" && python3 -c '
import json, sys
rows = {r["id"]: r for r in map(json.loads, open(sys.argv[1]))}
assert set(rows) == {1, 2}, rows.keys()
sp = rows[2]["speakers"]
assert sp[0]["name"] == "Ilse Varkonen" and sp[0]["role"] == "Foreign Minister (Valdorian)"
assert sp[0]["quotes"][0]["kind"] == "direct"
q = rows[2]["notes"][0]["quote"]
assert q["speaker"] == "Ilse Varkonen" and q["outlet"] == "Brenmark Daily"
assert q["published"].startswith("2024-08-10") and q["role"]
assert rows[1]["notes"] == []' "$T/out"
ok $? "export --json: speakers, and each note with its quote" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" export --json --search 'title:ports OR title:holm'
[ $rc -eq 0 ] && json_ok "$T/out" && python3 -c '
import json, sys
assert [json.loads(l)["id"] for l in open(sys.argv[1])] == [3, 2]' "$T/out"
ok $? "export --search selects the stories the search finds" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" export --since 2024-08 --until 2024
r1=$rc
grep '^## ' "$T/out" >"$T/h1"
run --db "$db" export --until 2024-03
[ $r1 -eq 0 ] && [ "$(cat "$T/h1")" = "## Ports reopen" ] && [ $rc -eq 0 ] &&
    [ "$(grep '^## ' "$T/out")" = "## Talks resume" ] &&
    has "$T/out" "# dossier: stories matching before:2024-04-01"
ok $? "export --since and --until select by date, the until period whole" ||
	diag "$(cat "$T/h1" "$T/out" "$T/err")"

run --db "$db" export --search zzzzqqq --output "$T/none.md"
[ $rc -eq 1 ] && has "$T/err" "nothing to export: no story matches" &&
    [ ! -e "$T/none.md" ] && [ ! -s "$T/out" ]
ok $? "an export that matches nothing says so, exits 1, writes nothing" ||
	diag "$(cat "$T/err")"

run --db "$db" export --since 2024-02-30x
[ $rc -eq 2 ] && has "$T/err" "bad date"
ok $? "export refuses a bad date" || diag "$(cat "$T/err")"

run --db "$db" export --speaker varkonen
[ $rc -eq 0 ] && md_ok "$T/out" && has "$T/out" "# dossier: Ilse Varkonen" &&
    has "$T/out" "| Foreign Minister (Valdorian) | Mar 2024 | Aug 2024 | 2 |" &&
    has "$T/out" "## Timeline" && has "$T/out" "| 2024-03 | 2 |" &&
    has "$T/out" "| 2024-08 | 1 |" &&
    grep -A3 "^#### Your note" "$T/out" | grep -qF 'Check \| this \*claim\*'
ok $? "export --speaker: roles and timeline as tables, notes on quotes" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" export --speaker varkonen --json
[ $rc -eq 0 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["name"] == "Ilse Varkonen"
q = d["quote_list"]
assert len(q) == 3
noted = [x for x in q if x["notes"]]
assert len(noted) == 1 and noted[0]["notes"][0]["note"] == "Check | this *claim*"' "$T/out"
ok $? "export --speaker --json: the dossier, each quote with its notes" ||
	diag "$(cat "$T/out" "$T/err")"

# --since, --until, --tag and --search pick the dossier's quotes.
run --db "$db" export --speaker varkonen --since 2024-08
[ $rc -eq 0 ] && has "$T/out" "## Quotes since 2024-08, newest first (1)" &&
    has "$T/out" "The ports reopen today" && ! has "$T/out" "any delay" &&
    has "$T/out" "| 2024-03 | 2 |" &&
    run --db "$db" export --speaker varkonen --until 2024-03 --tag energy --json &&
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["selection"] == "until 2024-03, tagged energy", d["selection"]
assert [q["story"] for q in d["quote_list"]] == [1, 1], d["quote_list"]
assert all(q["notes"] == [] for q in d["quote_list"])' "$T/out" &&
    run --db "$db" export --speaker varkonen --search '"red line"' &&
    has "$T/out" "## Quotes matching \"red line\", newest first (1)"
ok $? "export --speaker --since/--until/--tag/--search: only those quotes" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" export --speaker varkonen --since 2025 --output "$T/n.md"
[ $rc -eq 1 ] && has "$T/err" "nothing to export: no quote of Ilse Varkonen since 2025" &&
    [ ! -e "$T/n.md" ]
ok $? "export --speaker that picks no quote says so and writes nothing" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$db" export --speaker "Nobody Here" --output "$T/n.md"
[ $rc -eq 1 ] && has "$T/err" "no one named 'Nobody Here'" && [ ! -e "$T/n.md" ]
ok $? "export --speaker of a name that does not exist says so" ||
	diag "$(cat "$T/err")"

run --db "$db" export --speaker o
[ $rc -eq 1 ] && has "$T/err" "may be any of"
ok $? "export --speaker of an ambiguous name lists the candidates" ||
	diag "$(cat "$T/err")"

# A hostile speaker: markup, a table bar, an escape sequence.
printf 'Hostile\n\nForeign Minister Zed*Bar_x said the plan was ready. "It is \033[31mready | now\033[0m," Zed*Bar_x said.\n' \
    >"$T/in/4.txt"
"$DOSSIER" --db "$db" import -q "$T/in/4.txt" >/dev/null 2>&1
"$DOSSIER" --db "$db" tag 4 +hostile >/dev/null 2>&1
run --db "$db" export --tag hostile
r1=$rc
cp "$T/out" "$T/h.md"
run --db "$db" export --speaker Zed
[ $r1 -eq 0 ] && md_ok "$T/h.md" && [ $rc -eq 0 ] && md_ok "$T/out" &&
    ! grep -q "$(printf '\033')" "$T/h.md" "$T/out"
ok $? "hostile names and quotes stay text in Markdown" ||
	diag "$(cat "$T/h.md" "$T/out" "$T/err")"

run --db "$db" export --json --tag hostile
r1=$rc
cp "$T/out" "$T/h.json"
run --db "$db" export --speaker Zed --json
[ $r1 -eq 0 ] && json_ok "$T/h.json" && [ $rc -eq 0 ] && json_ok "$T/out"
ok $? "and valid JSON" || diag "$(cat "$T/h.json" "$T/out" "$T/err")"
