#!/bin/sh
# Import from the command line as a user meets it: the three formats,
# per-file outcomes, idempotence, tags, JSON listings, progress on a
# terminal, concurrent importers and a kill -9 in the middle.
. "$top_srcdir/tests/lib.sh"
plan 22

mkdir -p "$T/lib/sub"
cat >"$T/lib/older.txt" <<'STORY'
The Valdorian Herald
Ministers meet over the river dispute

Talks resume after a month of silence.

By ANNA KOVAL
Published: MARCH 3, 2025 09:15

"We are ready to talk," Foreign Minister Anja Brekk said on Monday.

The talks will continue next week, a ministry spokesperson said.
STORY
cat >"$T/lib/sub/newer.html" <<'STORY'
<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta property="og:title" content="Marovia recalls its envoy">
<meta property="og:site_name" content="Kestrel Times">
<meta property="article:published_time" content="2025-06-10T08:00:00Z">
<meta name="author" content="Lena Moss">
<title>Marovia recalls its envoy | Kestrel Times</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Marovia recalls its envoy</h1>
<p>Marovia recalled its ambassador on Tuesday after the border incident,
the foreign ministry said in a statement.</p>
<p>"This is a grave matter," Deputy Foreign Minister Ilse Varga told reporters.</p>
</article><footer>Copyright Kestrel Times</footer>
<script>var tracking = "do not keep me";</script></body></html>
STORY
cat >"$T/lib/middle.md" <<'STORY'
---
title: Velmark signs gas deal
source: Velmark Daily
url: https://example.invalid/velmark-gas
date: 2025-04-20
tags: [energy, velmark]
---

Velmark signed a ten-year gas supply deal on Sunday.

## What it means

"Our winters are secure," Energy Minister Tomas Reyn said.
STORY
printf 'not a story' >"$T/lib/photo.jpg"

run --db "$T/db" import "$T/lib"
[ $rc -eq 0 ] && has "$T/out" "3 added, 0 already in the library, 0 failed" &&
	has "$T/out" "(1 other file in directories ignored)"
ok $? "a directory of text, HTML and Markdown imports recursively"
[ $rc -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
grep -c '^added ' "$T/out" | grep -qx 3 && has "$T/out" "sub/newer.html: Marovia recalls its envoy"
ok $? "each file's outcome is printed with its headline"

run --db "$T/db" list --json
[ "$(wc -l <"$T/out")" -eq 3 ]
ok $? "list --json prints one line per story"
python3 - "$T/out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
keys = {"id", "title", "outlet", "published", "tags", "read"}
assert all(keys <= set(r) for r in rows), rows
assert [r["title"] for r in rows] == ["Marovia recalls its envoy",
    "Velmark signs gas deal", "Ministers meet over the river dispute"], rows
assert rows[0]["outlet"] == "Kestrel Times" and rows[0]["published"].startswith("2025-06-10T08:00")
assert rows[1]["tags"] == ["energy", "velmark"] and rows[1]["published"] == "2025-04-20"
assert rows[2]["published"] == "2025-03-03T09:15" and rows[2]["read"] is False
PY
ok $? "list --json has the fields, newest first"

run --db "$T/db" import "$T/lib"
[ $rc -eq 0 ] && has "$T/out" "0 added, 3 already in the library, 0 failed" &&
	has "$T/out" "nothing new" && [ "$(grep -c '^exists ' "$T/out")" -eq 3 ]
ok $? "importing again adds nothing and says so"
[ "$("$DOSSIER" --db "$T/db" list | wc -l)" -eq 3 ]
ok $? "the library still holds three stories"

cp "$T/lib/older.txt" "$T/renamed.txt"
run --db "$T/db" import "$T/renamed.txt"
has "$T/out" "renamed.txt: already in the library"
ok $? "the same story under another name is already in the library"

id=$("$DOSSIER" --db "$T/db" list --json | grep -F Velmark | sed 's/.*"id":\([0-9]*\).*/\1/')
run --db "$T/db" show --json "$id"
python3 - "$T/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("id", "title", "outlet", "byline", "published", "url", "lead",
          "body", "captions", "subheadings", "tags", "entities", "quotes", "notes",
          "links"):
    assert k in d, k
assert d["url"] == "https://example.invalid/velmark-gas"
assert d["subheadings"] == ["What it means"], d["subheadings"]
assert d["body"].endswith('"Our winters are secure," Energy Minister Tomas Reyn said.'), d["body"]
assert "## " not in d["body"]
PY
ok $? "show --json has every field"

id=$("$DOSSIER" --db "$T/db" list --json | grep -F Marovia | sed 's/.*"id":\([0-9]*\).*/\1/')
run --db "$T/db" show "$id"
has "$T/out" "Title:     Marovia recalls its envoy" && has "$T/out" "Byline:    Lena Moss" &&
	has "$T/out" "a grave matter" && ! has "$T/out" "tracking" && ! has "$T/out" "Copyright"
ok $? "show prints the story without the page's scripts and footer"

cat >"$T/tagged.txt" <<'STORY'
Kestrel Times
Sanctions widen on arms brokers

By Lena Moss

The Kestrel Isles widened sanctions on Thursday, officials said.
STORY
run --db "$T/db" import --tag "Iran Russia" -t '#Sanctions' "$T/tagged.txt"
[ $rc -eq 0 ] && "$DOSSIER" --db "$T/db" list --json --tag iran-russia | grep -q '"tags":\["iran-russia","sanctions"\]'
ok $? "--tag tags every imported story, normalized"
[ "$("$DOSSIER" --db "$T/db" list --tag sanctions | wc -l)" -eq 1 ] &&
	[ "$("$DOSSIER" --db "$T/db" list --limit 2 | wc -l)" -eq 2 ]
ok $? "list filters by tag and limits"
# import --tag follows the rules of 'dossier tag', which could not undo
# a '-x' or shorten a tag cut at 64 bytes.
long=$(printf 'x%.0s' $(seq 70))
run --db "$T/db" import --tag -x "$T/tagged.txt"
[ $rc -eq 2 ] && has "$T/err" "may not start with '-'" &&
	run --db "$T/db" import -t "$long" "$T/tagged.txt" &&
	[ $rc -eq 2 ] && has "$T/err" "longer than 64 bytes" &&
	run --db "$T/db" list --tag +y && [ $rc -eq 2 ]
ok $? "import and list refuse a tag that 'dossier tag' would refuse"

# A file named on the command line imports whatever its name.
printf 'Velmark Daily\nA headline without extension\n\nSome text of the story.\n' >"$T/noext"
run --db "$T/db" import "$T/noext"
[ $rc -eq 0 ] && has "$T/out" "1 added"
ok $? "an explicitly named file without extension is imported"

# Windows-1252 text comes out as UTF-8.
printf 'Velmark Daily\nCaf\351 talks end\n\n\223We agree,\224 the envoy said.\n' >"$T/cp1252.txt"
run --db "$T/db" import "$T/cp1252.txt"
id=$("$DOSSIER" --db "$T/db" list --json | grep -F 'talks end' | sed 's/.*"id":\([0-9]*\).*/\1/')
"$DOSSIER" --db "$T/db" show "$id" | grep -q "“We agree,” the envoy said." &&
	"$DOSSIER" --db "$T/db" list | grep -q "Café talks end"
ok $? "Windows-1252 text is stored as UTF-8"

run --db "$T/db" import "$T/missing.txt" "$T/tagged.txt"
[ $rc -eq 1 ] && has "$T/err" "missing.txt: No such file or directory" &&
	has "$T/out" "0 added, 1 already in the library, 1 failed"
ok $? "a missing path fails with its reason, the rest go on"

# Many files: a progress line on a terminal, none when piped.
mkdir "$T/many"
i=0
while [ $i -lt 120 ]; do
	printf 'Velmark Daily\nStory number %d\n\nParagraph %d of the story.\n' $i $i >"$T/many/s$i.txt"
	i=$((i + 1))
done
script -qec "'$DOSSIER' --db '$T/db4' import -q '$T/many'" /dev/null >"$T/tty" 2>&1
has "$T/tty" "importing 120/120 (100%)" && has "$T/tty" "120 added"
ok $? "a terminal gets a progress line"
"$DOSSIER" --db "$T/db5" import -q "$T/many" >"$T/out" 2>"$T/err"
! has "$T/err" "importing" && [ "$(cat "$T/out")" = "120 added, 0 already in the library, 0 failed" ]
ok $? "a pipe gets no progress line and --quiet only the summary"

# Two importers at once on one library: both finish, nothing doubled.
"$DOSSIER" --db "$T/db6" import -q "$T/many" >"$T/c1" 2>&1 &
p1=$!
"$DOSSIER" --db "$T/db6" import -q "$T/many" >"$T/c2" 2>&1 &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
n=$("$DOSSIER" --db "$T/db6" list | wc -l)
[ $r1 -eq 0 ] && [ $r2 -eq 0 ] && [ "$n" -eq 120 ]
ok $? "concurrent imports into one library agree ($n stories)"
[ $r1 -eq 0 ] && [ $r2 -eq 0 ] || diag "$(cat "$T/c1" "$T/c2")"

# kill -9 in the middle of a big import leaves a sound library and the
# next import completes it.
mkdir "$T/big"
i=0
while [ $i -lt 3000 ]; do
	printf 'Velmark Daily\nBig story %d\n\n%s\n' $i "$(seq -s ' ' 1 200)" >"$T/big/b$i.txt"
	i=$((i + 1))
done
"$DOSSIER" --db "$T/db7" import -q "$T/many" >/dev/null 2>&1
"$DOSSIER" --db "$T/db7" import -q "$T/big" >/dev/null 2>&1 &
pk=$!
sleep 0.3
kill -9 $pk 2>/dev/null
wait $pk 2>/dev/null
n1=$("$DOSSIER" --db "$T/db7" list | wc -l)
[ "$n1" -ge 120 ] && [ "$(sqlite3 "$T/db7" 'PRAGMA integrity_check')" = ok ]
ok $? "after kill -9 the library is intact ($n1 stories)"
run --db "$T/db7" import -q "$T/big"
[ $rc -eq 0 ] && [ "$("$DOSSIER" --db "$T/db7" list | wc -l)" -eq 3120 ]
ok $? "the next import completes the interrupted one"

# The help of import documents what it does.
run import --help
has "$T/out" "--tag TAG" && has "$T/out" "--quiet"
ok $? "import --help lists its options"
# A date far in the future keeps its text but does not hold the top of
# the list for years: the story sorts by when it came.
mkdir -p "$T/future"
printf -- '---\ntitle: "Embargoed report"\ndate: 2100-01-01\n---\n\nThe report was dated a century ahead.\n' \
    >"$T/future/f.md"
"$DOSSIER" --db "$T/future.db" import -q "$T/future" >/dev/null 2>&1
[ "$(sqlite3 "$T/future.db" "SELECT published, sort_ts <= fetched FROM articles")" = "2100-01-01|1" ]
ok $? "a story dated in the future sorts by when it was imported" ||
	diag "$(sqlite3 "$T/future.db" "SELECT published, sort_ts, fetched FROM articles")"
exit 0
