#!/bin/sh
# OPML import and export: nested outlines, refused addresses, idempotence,
# a round trip through export, escaping, and hostile documents (malformed,
# entity expansion, external entities, another root).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 12

db="$T/db"
sed "s|@URL@|$URL|g" "$top_srcdir/tests/fixtures/http/nested.opml" >"$T/feeds.opml"
feeds() { "$DOSSIER" --db "$1" feeds --json; }

: >"$HTTP_LOG"
run --db "$db" opml import "$T/feeds.opml"
[ $rc -eq 1 ] && has "$T/out" "3 added, 0 already in the library, 2 refused" &&
	has "$T/err" "javascript:alert(1): only http:// and https://" &&
	has "$T/err" "file:///etc/passwd: only http:// and https://"
ok $? "import adds the nested outlines' feeds and refuses other schemes"
[ $? -eq 0 ] || diag "rc=$rc" "$(cat "$T/out" "$T/err")"
[ "$(feeds "$db" | wc -l)" -eq 3 ] && [ ! -s "$HTTP_LOG" ] &&
	feeds "$db" | grep -q '"title":"Energy & <Power> \\"Daily\\""'
ok $? "import keeps the outlines' titles and fetches nothing"

run --db "$db" opml import "$T/feeds.opml"
[ $rc -eq 1 ] && has "$T/out" "0 added, 3 already in the library" &&
	[ "$(feeds "$db" | wc -l)" -eq 3 ]
ok $? "importing again adds nothing"

run --db "$db" opml export
cp "$T/out" "$T/export.opml"
python3 - "$T/export.opml" "$URL" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "opml" and root.get("version") == "2.0"
outs = root.findall("./body/outline")
urls = sorted(o.get("xmlUrl") for o in outs)
u = sys.argv[2]
assert urls == [u + "/f/atom.xml", u + "/f/linked.xml", u + "/f/world.xml"], urls
t = [o.get("text") for o in outs if o.get("xmlUrl").endswith("linked.xml")]
assert t == ['Energy & <Power> "Daily"'], t
PY
[ $? -eq 0 ] && [ $rc -eq 0 ] && has "$T/export.opml" '&amp; &lt;Power&gt; &quot;Daily&quot;'
ok $? "export writes well-formed OPML 2.0 with escaped titles"

run --db "$T/db2" opml import "$T/export.opml"
[ $rc -eq 0 ] && [ "$(feeds "$T/db2" | python3 -c 'import json,sys
print(sorted((r["url"], r["title"]) for r in map(json.loads, sys.stdin)))')" = \
	"$(feeds "$db" | python3 -c 'import json,sys
print(sorted((r["url"], r["title"]) for r in map(json.loads, sys.stdin)))')" ]
ok $? "an export imports into another library as the same feeds"

"$DOSSIER" --db "$T/db3" opml import --fetch "$T/export.opml" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && has "$T/out" "3 feeds fetched: 6 new stories, 0 failed" &&
	[ "$("$DOSSIER" --db "$T/db3" list --json | wc -l)" -eq 6 ]
ok $? "import --fetch fetches the feeds it added"
[ $rc -eq 0 ] || diag "$(cat "$T/out" "$T/err")"

printf '<?xml version="1.0"?>\n<opml version="2.0"><body><outline xmlUrl="%s/f/world.xml">\n</body>' \
	"$URL" >"$T/bad.opml"
run --db "$T/db4" opml import "$T/bad.opml"
[ $rc -eq 1 ] && has "$T/err" "not well-formed XML" && [ -z "$(feeds "$T/db4")" ]
ok $? "a malformed file is refused and adds nothing"

cat >"$T/laughs.opml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE opml [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<opml version="2.0"><body>
<outline text="&g;" xmlUrl="http://127.0.0.1/&g;"/>
</body></opml>
EOF
start=$(date +%s)
run --db "$T/db4" opml import "$T/laughs.opml"
[ $rc -eq 1 ] && has "$T/err" "declares entities" &&
	[ $(( $(date +%s) - start )) -lt 3 ] && [ -z "$(feeds "$T/db4")" ]
ok $? "entity expansion (billion laughs) is refused at once"

cat >"$T/xxe.opml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE opml [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<opml version="2.0"><body><outline text="&x;" xmlUrl="http://127.0.0.1/x"/></body></opml>
EOF
run --db "$T/db4" opml import "$T/xxe.opml"
[ $rc -eq 1 ] && has "$T/err" "declares entities" && ! has "$T/out" "root:"
ok $? "external entities are refused"

printf '<?xml version="1.0"?><rss version="2.0"><channel/></rss>' >"$T/rss.opml"
run --db "$T/db4" opml import "$T/rss.opml"
[ $rc -eq 1 ] && has "$T/err" "not OPML"
ok $? "a document that is not OPML is refused"

printf '<?xml version="1.0"?><opml version="2.0"><body><outline text="Evil &#x9b;31m &#x202e;title" xmlUrl="%s/f/gz.xml"/></body></opml>' \
	"$URL" >"$T/hostile.opml"
run --db "$T/db4" opml import "$T/hostile.opml"
"$DOSSIER" --db "$T/db4" opml export >>"$T/out"
"$DOSSIER" --db "$T/db4" feeds >>"$T/out"
[ $rc -eq 0 ] && has "$T/out" "Evil" &&
	! grep -q "$(printf '\302\233')" "$T/out" && ! grep -q "$(printf '\342\200\256')" "$T/out"
ok $? "control characters in titles never reach the output or the export"

run --db "$T/db4" opml frobnicate
[ $rc -eq 2 ] && has "$T/err" "usage: dossier opml"
ok $? "opml without import FILE or export is a usage error"
exit 0
