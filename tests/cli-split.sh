#!/bin/sh
# A quote split by its cue, "Q1," X said, "Q2.", is one statement: extract
# --json keeps both spans and links the second to the first; extract and
# show list it once with its parts joined; show --json keeps both parts
# (their spans, for the story's marks) with the link and the statement
# joined; a correction of either part applies to the statement.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
plan 7

mkdir -p "$T/in"
cat >"$T/in/split.txt" <<'STORY'
Brekk will not be hurried

"We will not be hurried," Foreign Minister Anja Brekk said, "and we will not be quiet." Brekk said: "The line holds."
STORY

run extract --json --raw "$T/in/split.txt"
python3 - "$T/out" <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))["quotes"]
assert [x["text"] for x in q] == ["We will not be hurried",
    "and we will not be quiet.", "The line holds."], q
assert "continues" not in q[0] and q[1]["continues"] == 0, q
assert "continues" not in q[2], q
PY
ok $? "extract --json: both parts' spans, the second continuing the first" ||
	diag "$(cat "$T/out" "$T/err")"

run extract --raw "$T/in/split.txt"
[ $rc -eq 0 ] && [ "$(grep -c '\[direct\]' "$T/out")" = 2 ] &&
	has "$T/out" ': We will not be hurried … and we will not be quiet.'
ok $? "extract lists the statement once, its parts joined" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$T/lib.db" import "$T/in"
[ $rc -eq 0 ]
ok $? "the story is imported" || diag "$(cat "$T/err")"

run --db "$T/lib.db" show 1
[ $rc -eq 0 ] &&
	has "$T/out" '    "We will not be hurried … and we will not be quiet."' &&
	has "$T/out" '    "The line holds."' &&
	[ "$(grep -c '^    "' "$T/out")" = 2 ]
ok $? "show lists the statement once, its parts joined" ||
	diag "$(cat "$T/out" "$T/err")"

# statements FILE: check show --json's quotes as the argument says.
statements() {
	python3 - "$T/out" "$1" <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))["quotes"]
assert len(q) == 3, q
assert q[0]["continues"] is None and q[1]["continues"] == 0, q
assert q[2]["continues"] is None and "statement" not in q[1], q
assert q[0]["statement"] == "We will not be hurried \u2026 and we will not be quiet.", q
assert [x["start"] for x in q] == [1, 61, 101], q
heads = [x for x in q if x["continues"] is None]
assert len(heads) == 2
who = sys.argv[2]
if who:
    assert q[0]["speaker"]["text"] == who and q[1]["speaker"]["text"] == who, q
    assert q[0]["corrected"] and q[1]["corrected"] and not q[2]["corrected"], q
PY
}
run --db "$T/lib.db" show --json 1
[ $rc -eq 0 ] && statements ""
ok $? "show --json: the parts, linked, and the statement joined" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$T/lib.db" correct quote 1 "and we will not be quiet" --unnamed "a party official"
run --db "$T/lib.db" show --json 1
[ $rc -eq 0 ] && statements "a party official"
ok $? "a correction of the second part applies to the statement" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$T/lib.db" analyze --all
run --db "$T/lib.db" show --json 1
[ $rc -eq 0 ] && statements "a party official"
ok $? "and holds when the story is analysed again" ||
	diag "$(cat "$T/out" "$T/err")"
