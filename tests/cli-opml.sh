#!/bin/sh
# OPML import and export: nested outlines, refused addresses, idempotence,
# folders as feed tags, a round trip through export, escaping, and hostile
# documents (malformed, entity expansion, external entities, another root,
# folder names).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 19

db="$T/db"
sed "s|@URL@|$URL|g" "$top_srcdir/tests/fixtures/http/nested.opml" >"$T/feeds.opml"
feeds() { "$DOSSIER" --db "$1" feeds --json; }
# feed_tags DB: "url tag,tag" a line, sorted by url.
feed_tags() { feeds "$1" | python3 -c 'import json, sys
for r in sorted(map(json.loads, sys.stdin), key=lambda r: r["url"]):
    print(r["url"], ",".join(r["tags"]))'; }

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

[ "$(feed_tags "$db")" = "$URL/f/atom.xml news
$URL/f/linked.xml 
$URL/f/world.xml news,europe" ] && has "$T/out" "Kestrel World  #news #europe"
ok $? "each enclosing folder, at every level, becomes a tag of its feeds"
[ $? -eq 0 ] || diag "$(feed_tags "$db")"

feed_tags "$db" >"$T/tags.before"
run --db "$db" opml import "$T/feeds.opml"
[ $rc -eq 1 ] && has "$T/out" "0 added, 3 already in the library" &&
	[ "$(feeds "$db" | wc -l)" -eq 3 ] && ! grep -q "tags\? added" "$T/out" &&
	[ "$(feed_tags "$db")" = "$(cat "$T/tags.before")" ]
ok $? "importing again adds nothing, no feed and no tag"

run --db "$db" opml export
cp "$T/out" "$T/export.opml"
python3 - "$T/export.opml" "$URL" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "opml" and root.get("version") == "2.0"
outs = root.findall(".//outline[@xmlUrl]")
urls = sorted(o.get("xmlUrl") for o in outs)
u = sys.argv[2]
assert urls == [u + "/f/atom.xml", u + "/f/linked.xml", u + "/f/world.xml"], urls
t = [o.get("text") for o in outs if o.get("xmlUrl").endswith("linked.xml")]
assert t == ['Energy & <Power> "Daily"'], t
PY
[ $? -eq 0 ] && [ $rc -eq 0 ] && has "$T/export.opml" '&amp; &lt;Power&gt; &quot;Daily&quot;'
ok $? "export writes well-formed OPML 2.0 with escaped titles"

python3 - "$T/export.opml" "$URL" <<'PY'
import sys, xml.etree.ElementTree as ET
body = ET.parse(sys.argv[1]).getroot().find("body")
u = sys.argv[2]
top = [(o.get("text"), o.get("xmlUrl"), o.get("category")) for o in body]
assert top == [('Energy & <Power> "Daily"', u + "/f/linked.xml", None),
    ("news", None, None)], top
inner = [(o.get("xmlUrl"), o.get("category")) for o in body[1]]
assert inner == [(u + "/f/world.xml", "/news,/europe"),
    (u + "/f/atom.xml", "/news")], inner
PY
ok $? "export puts untagged feeds first, then a folder per first tag, with every tag in category"

run --db "$T/db2" opml import "$T/export.opml"
[ $rc -eq 0 ] && [ "$(feeds "$T/db2" | python3 -c 'import json,sys
print(sorted((r["url"], r["title"], r["tags"]) for r in map(json.loads, sys.stdin)))')" = \
	"$(feeds "$db" | python3 -c 'import json,sys
print(sorted((r["url"], r["title"], r["tags"]) for r in map(json.loads, sys.stdin)))')" ]
ok $? "an export imports into another library as the same feeds with the same tags"
"$DOSSIER" --db "$T/db2" opml export | grep -v dateCreated >"$T/export2.opml"
run --db "$db" opml import "$T/export.opml"
[ $rc -eq 0 ] && has "$T/out" "0 added, 3 already in the library" &&
	! grep -q "tags\? added" "$T/out" && [ "$(feed_tags "$db")" = "$(cat "$T/tags.before")" ] &&
	grep -v dateCreated "$T/export.opml" | cmp -s - "$T/export2.opml"
ok $? "the round trip is stable: the export re-imports as nothing new and exports the same"

"$DOSSIER" --db "$T/db3" opml import -f "$T/export.opml" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && has "$T/out" "3 feeds fetched: 6 new stories, 0 failed" &&
	[ "$("$DOSSIER" --db "$T/db3" list --json | wc -l)" -eq 6 ]
ok $? "import -f (--fetch) fetches the feeds it added"
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

printf '<?xml version="1.0"?><opml version="2.0"><body><outline text="Energy"><outline text="x" xmlUrl="%s/f/linked.xml"/></outline></body></opml>' \
	"$URL" >"$T/energy.opml"
run --db "$db" opml import "$T/energy.opml"
[ $rc -eq 0 ] && has "$T/out" "already in the library; 1 tag added" &&
	feed_tags "$db" | grep -qx "$URL/f/linked.xml energy"
ok $? "a feed already in the library gets the tags of its folder"

# Hostile folder names: controls and direction overrides, empty, 10 KB,
# no letter at all, a leading dash; and a category attribute as bad.
big=$(printf '%010000d' 0 | tr 0 A)
cat >"$T/folders.opml" <<EOF
<?xml version="1.0"?>
<opml version="2.0"><body>
<outline text="&#x9b;31m Red&#xa;Team &#x202e;"><outline text="" title="">
<outline text="$big"><outline text="###"><outline text="-Minus">
<outline type="rss" text="deep" xmlUrl="$URL/f/gz.xml" category="/Ops/Field, ,/,###,&#x9b;"/>
</outline></outline></outline></outline></outline>
</body></opml>
EOF
run --db "$T/db5" opml import "$T/folders.opml"
a64=$(printf '%064d' 0 | tr 0 a)
[ $rc -eq 0 ] && has "$T/out" "1 added" &&
	[ "$(feed_tags "$T/db5")" = "$URL/f/gz.xml red-team,$a64,minus,ops/field" ] &&
	has "$T/err" 'folder "" has no name' &&
	has "$T/err" 'is cut to a tag of 64 bytes' &&
	has "$T/err" 'folder "###" makes no tag' &&
	has "$T/err" 'category "###" makes no tag' &&
	[ "$(wc -c <"$T/err")" -lt 2000 ] &&
	! grep -q "$(printf '\302\233')" "$T/out" "$T/err" &&
	! grep -q "$(printf '\342\200\256')" "$T/out" "$T/err"
ok $? "hostile folder names are normalized, cut or dropped, each with a message"
[ $? -eq 0 ] || diag "rc=$rc" "$(cat "$T/out" "$T/err")" "$(feed_tags "$T/db5")"
run --db "$T/db5" opml import "$T/folders.opml"
[ $rc -eq 0 ] && has "$T/out" "0 added, 1 already" &&
	[ "$(feed_tags "$T/db5")" = "$URL/f/gz.xml red-team,$a64,minus,ops/field" ]
ok $? "importing hostile folders again changes nothing"

run --db "$T/db4" opml frobnicate
[ $rc -eq 2 ] && has "$T/err" "usage: dossier opml"
ok $? "opml without import FILE or export is a usage error"
# A folder "/News/" and a category "/news" are one tag, and the export
# reads back as the same tags (found by fuzzing the reader and writer).
cat >"$T/slash.opml" <<EOF
<?xml version="1.0"?>
<opml version="2.0"><body><outline text="/News/">
<outline text="W" xmlUrl="https://example.org/w.xml" category="/news,/a/b"/>
</outline></body></opml>
EOF
"$DOSSIER" --db "$T/slash1.db" opml import "$T/slash.opml" >/dev/null 2>&1
"$DOSSIER" --db "$T/slash1.db" opml export >"$T/slash-out.opml"
"$DOSSIER" --db "$T/slash2.db" opml import "$T/slash-out.opml" >/dev/null 2>&1
[ "$(feed_tags "$T/slash1.db")" = "https://example.org/w.xml news,a/b" ] &&
	[ "$(feed_tags "$T/slash2.db")" = "$(feed_tags "$T/slash1.db")" ]
ok $? "slashes at a folder's ends make no tag of their own" ||
	diag "$(feed_tags "$T/slash1.db")" "$(feed_tags "$T/slash2.db")"
exit 0
