#!/bin/sh
# Corrections on the screen, driven in tmux on a library of the samples:
# the quote cursor (] and [) through every quote of a story, attributed or
# not, the c menus on a quote (in the story and in the quotes view) and on
# a name (in the sidebar); after each the screen is read, and the store
# with dossier show --json.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
plan 7

sample_db
use_theme default
DB="$T/lib.db"

# json ID EXPR: evaluate a python expression over story ID's show --json
# (as d); prints its value.
json() {
	"$DOSSIER" --db "$DB" show --json "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
q = d["quotes"]
def who(x):
	s = x.get("speaker") or {}
	return s.get("name") or s.get("text")
print(eval(sys.argv[1]))' "$2"
}

# marked TEXT: the pane (with colours) shows TEXT's first words, and only
# the words of one quote, in the quote mark's colours (theme default:
# background colour150).
marked() {
	screen -e
	python3 - "$T/screen" "$1" <<'PY'
import re, sys
scr = open(sys.argv[1]).read()
on, got = False, []
for part in re.split(r"(\x1b\[[0-9;:]*m)", scr):
	if part.startswith("\x1b["):
		on = "48;5;150" in part
	elif on:
		got.append(part)
got = " ".join(" ".join(got).split())
want = " ".join(sys.argv[2].split())[:15]
sys.exit(0 if want and want in got and len(got) < 400 else 1)
PY
}

# The newest story, the one Enter opens first: its quotes in body order.
nq=$(json 15 'len(q)')
w1=$(json 15 'who(q[0])')
w4=$(json 15 'who(q[3])')
w3=$(json 15 'who(q[2])')
t4=$(json 15 'q[3]["text"][:20]')

start 120 40 "$DOSSIER" --db "$DB"
wait_for "15 articles"
keys Enter
wait_for "Velmark’s gas storage sites are 88 per cent full"
keys ']'
wait_for "quote 1 of $nq: $w1"
ok $? "] marks the story's first quote and names its speaker"
keys 3 ']'
wait_for "quote 4 of $nq: $w4" && marked "$t4"
ok $? "a count before ] moves that many quotes, the quote in view"
keys '['
wait_for "quote 3 of $nq: $w3"
ok $? "[ marks the previous quote"
keys 5 '['
wait_for "quote 1 of $nq: $w1"
keys '['
wait_for "no quote before this one"
keys ']'
wait_for "quote 2 of $nq"
ok $? "a count goes as far as the first quote, [ there says so; ] goes on"
keys G
wait_for "Bot"
keys ']'
wait_for "quote 3 of $nq: $w3" && marked "$(json 15 'q[2]["text"]')"
ok $? "with the view scrolled away, ] goes on from the marked quote, in view"

# Unattributed quotes are on the cursor too: every quote is counted.
keys 9 9 ']'
wait_for "quote $nq of $nq: $(json 15 'who(q[-1])')" && keys ']' &&
	wait_for "no quote after this one" && marked "$(json 15 'q[-1]["text"]')"
ok $? "] stops at the last quote; every quote is on the cursor"

# The quotes view opened while lines of the story are selected: q leaves
# it at once, and the selection is the story's still (it was dropped by
# the first q, unseen, and the view stayed).
keys q
wait_for "Enter:open"
keys Enter
wait_for "Velmark’s gas storage sites are 88 per cent full"
keys v j j
wait_for '48;5;231mVelmark’s gas storage sites' -e
keys Tab Enter
wait_for "Quotes: $w1"
keys q
wait_gone "Quotes: " && wait_for '48;5;231mVelmark’s gas storage sites' -e
ok $? "q leaves a quotes view opened from a selection; the selection stays"
exit 0
