#!/bin/sh
# The people index and the dossier on the screen: People and Speakers in
# the feed list, each row's name, role with country, quotes, stories and
# last quoted as 'dossier people' has them; sorting (o), the limit (/),
# paging a window at a time in a short terminal; Enter on a person opens
# the dossier (header, roles, bars of quotes per month, every quote whole),
# Enter on a quote opens its story at the quote and q comes back; the
# quotes view's name opens the dossier and its quotes are never cut; bars
# in ASCII without UTF-8; a hostile name breaks nothing. Organisations
# and Places list their stories on Enter; a dossier's "Quoted with"
# names open their dossier.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
plan 53

sample_db
use_theme default
db="$T/lib.db"

# Is the text of the screen, with box lines and blanks squeezed, holding
# the words given (a quote wrapped over lines reads whole)?
holds() {
	python3 - "$T/screen" "$1" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"[\u2502\s]+", " ", s)
sys.exit(0 if " ".join(sys.argv[2].split()) in s else 1)
PY
}

# The feed list: People is the entry after Starred.
start 140 40 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g
wait_for "Enter:open  R:fetch"
grep -q "^ People  *│" "$T/screen" && grep -q "^ Speakers  *│" "$T/screen"
ok $? "the feed list has People and Speakers"
keys j j j
wait_for "People by quotes"
keys Enter
wait_for "Enter:dossier  o:sort  /:limit"
ok $? "People shows the people index with its keys"
grep -Eq "│ Ilse Varga +Deputy Foreign Minister \(Marovian\) +13 +5 +5 Dec 2025" \
    "$T/screen"
ok $? "a row has the name, role with country, quotes, stories, last quoted"
first=$(grep -A1 "name, role" "$T/screen" | tail -1 | sed 's/.*│ //' |
    awk -F'   +' '{ print $1 }')
[ "$first" = "$("$DOSSIER" --db "$db" people --json --kind person |
    head -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["name"])')" ]
ok $? "the most quoted comes first, as dossier people has it ($first)"

keys o
wait_for "Sort by: q quotes  r last quoted  n name"
keys n
wait_for "People by name"
grep -A1 "name, role" "$T/screen" | tail -1 | grep -q "│ Andrej Kostal "
ok $? "o n sorts by name"
keys o r
wait_for "People by last quoted"
grep -A1 "name, role" "$T/screen" | tail -1 | grep -q "5 Dec 2025"
ok $? "o r sorts by last quoted"
keys o q
wait_for "People by quotes"

keys /
wait_for "Limit to names holding:"
keys "oll" Enter
wait_for "names with 'oll'"
grep -q "Kasimir Oll" "$T/screen" && ! grep -q "Ilse Varga" "$T/screen"
ok $? "the limit shows only the names holding the words"
keys / C-u Enter
wait_gone "names with"
# the title changes before the rows are drawn: wait for a row
wait_for "Ilse Varga"
ok $? "an empty limit shows everyone again"

# The dossier of Kasimir Oll, zoomed so its lines are the screen's.
keys / C-u "Kasimir" Enter
wait_for "names with 'Kasimir'"
keys Enter
wait_for "Dossier: Kasimir Oll"
wait_for "Quotes, newest first (7)"
ok $? "Enter on a person opens the dossier"
keys z
wait_for "Enter:open story"
# Zoomed: the dossier's lines start at the screen's left edge.
wait_until 'grep -Eq "^ *Quoted most by" "$T/screen"'
grep -q "Kasimir Oll \[person\]" "$T/screen" &&
    grep -q "7 quotes in 4 stories, last 3 Sep 2025" "$T/screen"
ok $? "the header: name, kind, quotes, stories, last quoted"
grep -Eq "^ *Roles" "$T/screen" && grep -Eq "^ *Quoted most by" "$T/screen" &&
    grep -Eq "^ *Quoted with" "$T/screen"
ok $? "roles, outlets and the people quoted with them are shown"
grep -Eq "^ +Jan 2025 +[0-9]+ █" "$T/screen"
ok $? "quotes per month are bars of blocks"
keys G
wait_for "Valdoria protests after" || true
last=$("$DOSSIER" --db "$db" who --json "Kasimir Oll" | python3 -c '
import json, sys
print(json.load(sys.stdin)["quote_list"][-1]["text"])')
wait_until 'holds "$last"'
ok $? "G shows the oldest quote whole"
grep -q "14 Jan 2025 · The Valdorian Herald · foreign ministry spokesperson · direct" \
    "$T/screen"
ok $? "a quote has its date, outlet, role at the time and kind"
long=$("$DOSSIER" --db "$db" who --json "Kasimir Oll" | python3 -c '
import json, sys
q = json.load(sys.stdin)["quote_list"]
print(max(q, key=lambda x: len(x["text"]))["text"])')
keys g
n=0
while ! holds "$long" && [ $n -lt 8 ]; do keys j; sleep 0.2; screen; n=$((n + 1)); done
holds "$long"
ok $? "the longest quote is shown whole, wrapped, never cut"

# Enter on a quote opens its story at it; q comes back to the dossier.
keys G Enter
wait_for "h:back  n:next unread"
grep -q "Article .*lines" "$T/screen"
ok $? "Enter on a quote opens its story"
grep -q "If the answers are unsatisfactory" "$T/screen"
ok $? "the story is shown at the quote"
keys q
wait_for "Dossier: Kasimir Oll"
ok $? "q from the story goes back to the dossier"
keys z q
wait_for "People by quotes"
wait_gone "Dossier:"
ok $? "q from the dossier goes back to the index"
keys / C-u Enter
wait_gone "names with"

# Speakers: everyone quoted, states and unnamed sources too.
keys h j
wait_for "Speakers by quotes"
keys Enter G
wait_until 'grep -q "unnamed source" "$T/screen"'
ok $? "Speakers lists unnamed sources, paged to the end"

# The quotes view: its name opens the dossier; no quote is cut.
keys h g Enter
wait_for "All (15)"
keys Enter
wait_for "Velmark’s gas storage sites"
keys Tab W
wait_for "Quotes: Hanne Lutz"
wait_for "Hanne Lutz, Economy and Energy Minister (Velmark) · dossier"
keys z
wait_for "Enter:open story  a:note"
wait_gone "People & quotes"
holds "“We prepared for this moment for ten months. Nobody in Velmark will be cold this winter because of a decision taken in Tessalin … Nobody will be cold because of a decision taken anywhere.”"
ok $? "the quotes view shows a quote of three lines whole"
keys z k Enter
wait_for "Dossier: Hanne Lutz"
ok $? "Enter on the quotes view's name opens the dossier"
keys q
wait_for "Quotes: Hanne Lutz"
ok $? "q from that dossier goes back to the quotes view"
keys q
wait_gone "Quotes: Hanne Lutz"
keys j Enter
wait_for "Dossier: Ilse Varga"
ok $? "Enter on a speaker in the sidebar opens its dossier"
keys q
wait_for "h:back  e:hide  c:correct  W:quotes"
grep -q "Article .*lines" "$T/screen"
ok $? "q from it goes back to the story, the sidebar focused"
keys Q

# Two foreign ministers in one story, told apart by their countries: the
# story names Kamp's ("Velmark Foreign Minister") without the extractor
# taking it as his affiliation, another story gives it.
start 160 45 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys j j j Enter
wait_for "Valdoria sanctions Marovian officials"
wait_for "QUOTED"
grep -q "Foreign Minister (Velmark)" "$T/screen" &&
	grep -q "Foreign Minister (Valdoria)" "$T/screen"
ok $? "the sidebar gives each foreign minister's role with its country"
# Enter on the speaker of the quote marked in the text: the dossier.
keys ']'
wait_for "quote 1 of"
who=$(sed -n 's/.*quote 1 of [0-9]*: \([^(]*[^ (]\).*/\1/p' "$T/screen" | head -1)
keys Enter
wait_for "Dossier: $who"
ok $? "Enter on a quote marked in the text opens its speaker's dossier ($who)"
keys q
wait_gone "Dossier: $who" && wait_for "next quote"
ok $? "q goes back to the story, the article focused"
keys Q

# Organisations: the same index, Enter listing the stories naming one.
start 140 40 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g j j j j j Enter
wait_for "Organisations by quotes"
wait_for "Enter:stories  o:sort  /:limit"
# The same counts as the command line's index gives.
n=$("$DOSSIER" --db "$db" people --json --kind org | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
print(*[(r["quotes"], r["stories"]) for r in rows
    if r["name"] == "Council of Northern States"][0])')
grep -q "Council of Northern States  *${n% *}  *${n#* } " "$T/screen"
ok $? "Organisations lists every organisation with its quotes and stories"
keys Enter
wait_for "Council of Northern States (10)"
wait_for "Northern council backs Valdoria"
ok $? "Enter on an organisation lists the stories naming it"
keys q
wait_for "Organisations by quotes"
ok $? "q from those stories goes back to the index"
keys Q

# Places: every place, quoted or not, with its stories and last seen;
# sorted and limited as the others, Enter listing the stories naming one.
start 140 40 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g j j j j j j Enter
wait_for "Places by quotes"
wait_for "Enter:stories  o:sort  /:limit"
grep -q "quotes stories  last seen" "$T/screen" &&
    grep -q "│ Valdoria  *0  *12  *5 Dec 2025" "$T/screen" &&
    ! grep -q "(government)" "$T/screen"
ok $? "Places lists the places never quoted, with stories and last seen"
keys o r
wait_for "Places by last seen"
keys / Port Enter
wait_for "Places by last seen, names with 'Port'"
grep -q "│ Port Avery  *0  *2  *22 Jul 2025" "$T/screen"
ok $? "Places sorts by last seen and limits to the names typed"
keys Enter
wait_for "Port Avery (2)"
ok $? "Enter on a place lists the stories naming it"
keys q
wait_for "Places by last seen, names with 'Port'"
ok $? "q from those stories goes back to the places"
keys Q

# Quoted with: j and k move over the names above the newest quote, and
# Enter on one opens their dossier.
start 140 40 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g j j j Enter
wait_for "People by quotes"
keys / "Kamp" Enter
wait_for "names with 'Kamp'"
keys Enter z
wait_for "Dossier: Dieter Kamp"
wait_for "Tags of their stories"
keys j j Enter
wait_for "Dossier: Brenmark Daily"
ok $? "j from the header goes over the names quoted with; Enter opens one"
keys Q
start 140 40 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g j j j Enter
wait_for "People by quotes"
keys / "Kamp" Enter
wait_for "names with 'Kamp'"
keys Enter z
wait_for "Dossier: Dieter Kamp"
wait_for "Tags of their stories"
# Ten names, then the newest quote and the one after; k back to the
# newest, and k again to the last name.
keys j j j j j j j j j j j j k k Enter
wait_for "Dossier: Lise Tamber"
ok $? "past the names the quotes; k above the newest goes to the last name"
keys Q

# The timeline: [ and ] choose a month, its quotes listed below the bars.
start 140 40 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g j j j Enter
wait_for "People by quotes"
keys / "Kamp" Enter
wait_for "names with 'Kamp'"
keys Enter z
wait_for "Dossier: Dieter Kamp"
keys '['
wait_for "Quotes of Dec 2025 (1), then older"
grep -q "> Dec 2025 " "$T/screen"
ok $? "[ in a dossier chooses the newest month, marked among the bars"
keys '['
wait_for "Quotes of Sep 2025 (1), then older"
python3 - "$T/screen" <<'PY'
import sys
rows = [r.strip() for r in open(sys.argv[1], encoding="utf-8")]
i = next(i for i, r in enumerate(rows) if r.startswith("Quotes of Sep 2025"))
bars = [r for r in rows[:i] if r.startswith(("> ", "Feb 2025", "Jun 2025", "Dec 2025"))]
first = next(r for r in rows[i + 1:] if r)
assert rows.index("> Sep 2025      1 " + rows[rows.index(next(r for r in rows if r.startswith("> Sep")))][18:]) < i
assert first.startswith("3 Sep 2025 · Northwire"), first
assert len(bars) == 4, bars
PY
ok $? "[ again: the month before, its quotes right below the bars"
keys ']'
wait_for "Quotes of Dec 2025 (1), then older"
ok $? "] goes to the month after"
keys Q

# A short terminal: the index is read a window at a time, down and back.
start 120 14 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g j j j Enter
wait_for "Enter:dossier"
"$DOSSIER" --db "$db" people --json --kind person | python3 -c '
import json, sys
for l in sys.stdin: print(json.loads(l)["name"])' >"$T/names"
keys j j j j j j j j j j j j
n13=$(sed -n 13p "$T/names")
wait_for "$n13"
! grep -q "$(sed -n 1p "$T/names")" "$T/screen"
ok $? "moving past the window reads the next ($n13)"
keys G
wait_for "$(tail -1 "$T/names")"
ok $? "G reads on to the last row"
keys g
wait_for "$(sed -n 1p "$T/names")"
ok $? "g goes back to the first"
keys Q

# Without UTF-8 the bars are ASCII.
start 120 40 env LC_ALL=C "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g j j j Enter
wait_for "People by quotes"
keys Enter
wait_for "Dossier: "
keys '['
wait_for "Quotes per month"
grep -Eq " (Jan|Apr|Jun) 2025 +[0-9]+ ##+ " "$T/screen" &&
    ! grep -q "█" "$T/screen"
ok $? "without UTF-8 the bars are #"
keys Q

# A dossier of 3,000 quotes: 500 stories a day apart, each quoting one
# minister six times. The screen reads its quotes a window at a time:
# the first screen, G to the oldest (whole), moving across windows.
python3 - "$T/big" <<'PY'
import datetime, os, sys
out = sys.argv[1]
os.makedirs(out)
for i in range(500):
    d = datetime.date(2024, 1, 1) + datetime.timedelta(days=i)
    with open(os.path.join(out, "v%03d.txt" % i), "w") as f:
        f.write(f"""Northwire
Valdoria weighs pipeline talks, round {i}

Talks on the pipeline resume in Drossen.

By Staff
Published: {d.strftime("%B %d, %Y").upper()} 10:00

Valdorian Foreign Minister Ilse Varkonen said on Monday that talks on pipeline {i} would resume. "We will not accept delay number {i}," Varkonen told reporters in Drossen.

"The region needs calm after round {i}," Varkonen said. Varkonen added that the cabinet would meet again.

"Nobody gains from pressure on case {i}," Varkonen said. She said officials were ready for round {i}.
""")
PY
"$DOSSIER" --db "$T/big.db" import --quiet "$T/big" >/dev/null 2>&1
nq=$("$DOSSIER" --db "$T/big.db" quotes --speaker "Ilse Varkonen" | wc -l)
start 140 40 "$DOSSIER" --db "$T/big.db"
wait_for "500 articles"
keys h g j j j Enter
wait_for "People by quotes"
keys Enter
wait_for "Dossier: Ilse Varkonen"
keys z
wait_for "Enter:open story"
grep -q "Ilse Varkonen \[person\]" "$T/screen" && [ "$nq" -gt 2500 ]
ok $? "a dossier of $nq quotes shows its first screen"
keys G
wait_until 'holds "officials were ready for round 0" && holds "Nobody gains from pressure on case 0”"'
ok $? "G shows the oldest quote whole"
keys g
wait_for "Ilse Varkonen [person]"
tm send-keys -N 120 j
wait_until 'holds "delay number 480”" || holds "round 480" || holds "case 480”"'
ok $? "moving down past the first window reads the next"
tm send-keys -N 130 k
wait_for "Ilse Varkonen [person]"
ok $? "moving back up reads the newer window, up to the header"
keys Q

# A hostile name: escapes, bidi controls and 10,000 characters.
command -v sqlite3 >/dev/null 2>&1 || { skip "sqlite3 is not installed"; skip; skip; skip; exit 0; }
{
	printf 'Evil \033]0;PWNED\007 \033[31mRED \342\200\256RTL '
	i=0
	while [ $i -lt 1000 ]; do printf 'Aaaaaaaaa '; i=$((i + 1)); done
} >"$T/name"
sqlite3 "$db" "UPDATE entities SET name = CAST(readfile('$T/name') AS TEXT)
    WHERE name = 'Ilse Varga';" || exit 1
start 120 40 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g j j j Enter
wait_for "People by quotes"
keys Enter
wait_for "Dossier: Evil"
wait_for "Names seen"
ok $? "a name of 10,000 characters takes a few lines of the dossier's header"
python3 - "$T/screen" <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
# Every row of the panes keeps its borders where the first row has them.
cols = [i for i, c in enumerate(rows[1]) if c == "\u2502"]
bad = [r for r in rows[1:-3] if [i for i, c in enumerate(r) if c == "\u2502"] != cols]
assert cols and not bad, (cols, bad[:2])
PY
ok $? "a hostile name in the index and dossier keeps every border in place"
[ "$(tm display-message -p '#{pane_title}')" != PWNED ] &&
    grep -q "Evil .*PWNED" "$T/screen"
ok $? "its escape sequence is shown as text, never run"

# A person with hundreds of roles: the header shows the first ones and
# counts the rest.
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
    FROM n WHERE i < 300) INSERT INTO mentions (article_id, entity_id,
    start, \"end\", title, affiliation) SELECT m.article_id, m.entity_id,
    m.start, m.\"end\", 'Envoy number ' || i, NULL FROM n, (SELECT * FROM
    mentions WHERE entity_id = (SELECT id FROM entities WHERE name =
    'Kasimir Oll') LIMIT 1) m;" || exit 1
start 120 40 "$DOSSIER" --db "$db"
wait_for "15 articles"
keys h g j j j Enter
wait_for "People by quotes"
keys / "Kasimir" Enter
wait_for "names with 'Kasimir'"
keys Enter z
wait_for "Dossier: Kasimir Oll"
wait_until 'grep -Eq "and (28[89]|29[0-9]|30[0-9]) more" "$T/screen"'
ok $? "a person's hundreds of roles are bounded in the header, the rest counted"

# A speaker of thousands of quotes: the quotes view reads the newest
# 2,000 and says so; the dossier has them all.
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
    FROM n WHERE i < 3000) INSERT INTO quotes (article_id, start, \"end\",
    kind, speaker_id, source_kind) SELECT q.article_id, q.start, q.\"end\",
    q.kind, q.speaker_id, q.source_kind FROM n, (SELECT * FROM quotes
    WHERE speaker_id = (SELECT id FROM entities WHERE name = 'Dieter Kamp')
    AND continues IS NULL LIMIT 1) q;" || exit 1
# The story holding them: its place in the list, newest first.
pos=$(sqlite3 "$db" "SELECT count(*) FROM articles a, (SELECT article_id
    FROM quotes WHERE speaker_id = (SELECT id FROM entities WHERE name =
    'Dieter Kamp') GROUP BY article_id ORDER BY count(*) DESC LIMIT 1) k,
    articles b WHERE b.id = k.article_id AND (a.sort_ts > b.sort_ts OR
    (a.sort_ts = b.sort_ts AND a.id > b.id))")
start 120 40 "$DOSSIER" --db "$db"
wait_for "15 articles"
i=0
while [ $i -lt "$pos" ]; do keys j; i=$((i + 1)); done
wait_until 'grep -q "$((pos + 1))/15" "$T/screen"'
keys Enter
wait_for "QUOTED"
keys Tab W
wait_for "Quotes: Dieter Kamp"
keys z
wait_for "(the newest 2000; w: the dossier has all)"
ok $? "the quotes view of a speaker of 3,000 quotes reads the newest 2,000 and says so"
keys Q
