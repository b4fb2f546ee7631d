#!/bin/sh
# A quote split by its cue, "Q1," X said, "Q2.", is one statement: extract
# --json keeps both spans and links the second to the first; extract and
# show list it once with its parts joined; show --json keeps both parts
# (their spans, for the story's marks) with the link and the statement
# joined; a correction of either part applies to the statement. A quote
# that runs on into the next paragraph, which opens with a quote mark (no
# closing mark before it, the English way), is one statement as well.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
plan 11

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

mkdir -p "$T/para"
cat >"$T/para/para.txt" <<'STORY'
Brekk speaks to the council

In a speech to the leaders, Foreign Minister Anja Brekk said:

"We have been told to be patient. We have been told to wait.

"Patience is not a policy."

The council did not agree.
STORY

run extract --json --raw "$T/para/para.txt"
python3 - "$T/out" <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))["quotes"]
assert [x["text"] for x in q] == ["We have been told to be patient. We have been told to wait.",
    "Patience is not a policy."], q
assert "continues" not in q[0] and q[1]["continues"] == 0, q
assert q[0]["speaker"]["name"] == q[1]["speaker"]["name"] == "Anja Brekk", q
PY
ok $? "extract --json: a quote run on into the next paragraph continues its first" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$T/para.db" import "$T/para"
run --db "$T/para.db" show 1
[ $rc -eq 0 ] &&
	has "$T/out" '    "We have been told to be patient. We have been told to wait. … Patience is not a policy."' &&
	[ "$(grep -c '^    "' "$T/out")" = 1 ]
ok $? "show lists the two paragraphs as one statement" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$T/para.db" correct quote 1 "Patience is not a policy" --unnamed "a council diplomat"
run --db "$T/para.db" show --json 1
python3 - "$T/out" <<'PY'
import json, sys
q = json.load(open(sys.argv[1]))["quotes"]
assert len(q) == 2 and q[1]["continues"] == 0, q
assert [x["speaker"]["text"] for x in q] == ["a council diplomat"] * 2, q
assert q[0]["corrected"] and q[1]["corrected"], q
PY
ok $? "a correction of the second paragraph applies to the statement" ||
	diag "$(cat "$T/out" "$T/err")"

run --db "$T/para.db" show 1
[ "$(grep -c '^    "' "$T/out")" = 1 ] &&
	has "$T/out" 'a council diplomat'
ok $? "and it is still counted once" || diag "$(cat "$T/out" "$T/err")"
