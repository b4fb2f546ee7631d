#!/bin/sh
# Hostile feed documents cost bounded time and memory through the real
# binary: entities an XML feed declares (RSS, RDF and Atom alike, in text
# and in attributes) have one budget for the whole document, external
# entities are never loaded; a JSON Feed of 16 MiB (millions of empty
# items, deep nesting, a huge string, a million keys, items that are huge
# objects) costs at most 2 s and 64 MiB. Pages and OPML expand no
# entities at all. Each run has at most 1 GiB of address space,
# so an unbounded parse fails the test instead of eating the machine, and
# where /usr/bin/time is found, its CPU time and peak memory are checked
# against the issue's bounds. And documents once refused as "not a feed":
# RSS 1.1 and an Atom entry document.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
. "$top_srcdir/tests/lib-bounds.sh"
plan 19

db="$T/lib.db"

python3 - "$T/srv" <<'EOF'
import sys
srv = sys.argv[1]
big = "x" * 100000
# 5,000 items, each a reference to one entity of 100 KB: 500 MB expanded.
items = "".join("<item><title>T%d</title><description>&big;</description>"
                "</item>\n" % i for i in range(5000))
open(srv + "/wide.rss", "w").write(
    '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY big "%s">]>\n'
    '<rss version="2.0"><channel><title>F</title>%s</channel></rss>\n'
    % (big, items))
items = "".join('<entry><id>i%d</id><title>T%d</title><content>&big;'
                '</content></entry>\n' % (i, i) for i in range(5000))
open(srv + "/wide.atom", "w").write(
    '<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY big "%s">]>\n'
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>%s</feed>\n'
    % (big, items))
items = "".join('<item rdf:about="http://x/%d"><title>T%d</title>'
                '<description>&big;</description></item>\n' % (i, i)
                for i in range(5000))
open(srv + "/wide-rdf.rss", "w").write(
    '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY big "%s">]>\n'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns="http://purl.org/rss/1.0/"><channel><title>F</title></channel>'
    '%s</rdf:RDF>\n' % (big, items))
# Nested entities, 10^7 times 3 bytes, in attributes only (Atom links and
# categories), and 100^4 empty ones in a title.
laughs = '<!ENTITY l0 "lol">' + "".join(
    '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 8))
open(srv + "/attr.atom", "w").write(
    '<?xml version="1.0"?>\n<!DOCTYPE feed [%s]>\n'
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry>'
    '<id>1</id><title>A</title><link href="http://x/&l7;"/>'
    '<category term="&l7;"/></entry></feed>\n' % laughs)
empty = '<!ENTITY e0 "">' + "".join(
    '<!ENTITY e%d "%s">' % (i, ("&e%d;" % (i - 1)) * 100) for i in range(1, 5))
open(srv + "/empty.rss", "w").write(
    '<?xml version="1.0"?>\n<!DOCTYPE rss [%s]>\n<rss><channel><title>F'
    '</title><item><title>A&e4;</title></item></channel></rss>\n' % empty)
EOF

# Entities a feed declares for its own use are still read, in text and in
# attributes; external ones are never loaded, parameter entities ignored.
cat >"$T/srv/own.rss" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE rss [
<!-- <!ENTITY co "commented out"> -->
<!ENTITY co 'ACME &amp; Co'>
<!ENTITY who "&co; people">
<!ENTITY xxe SYSTEM "file:///etc/passwd">
<!ENTITY % pe "<!ENTITY hidden 'HIDDEN'>">
%pe;
]>
<rss version="2.0"><channel><title>Own &co;</title>
<link>https://own.example/</link>
<item><title>By &who;&xxe; &hidden;</title>
<link>https://own.example/&co;</link><guid isPermaLink="false">g1</guid>
<description>Text &who;.</description></item></channel></rss>
EOF

for f in wide.rss wide.atom wide-rdf.rss; do
	bounded --db "$db" add "$URL/t/$f"
	[ $rc -eq 1 ] &&
	    has "$T/err" "entities expand past 1 MiB, the limit for one document" &&
	    within 1
	ok $? "$f: 5,000 references to a 100 KB entity are refused, bounded" ||
	    why
done
bounded --db "$db" add "$URL/t/attr.atom"
[ $rc -eq 1 ] && has "$T/err" "entities expand past 1 MiB" && within 1
ok $? "nested entities in attributes are held to the same budget" || why
bounded --db "$db" add "$URL/t/empty.rss"
[ $rc -eq 1 ] && has "$T/err" "entities expand past 1 MiB" && within 1
ok $? "entities that expand to nothing still count their references" || why
bounded --db "$db" list
[ $rc -eq 0 ] && [ ! -s "$T/out" ]
ok $? "the refused feeds stored nothing" || why

bounded --db "$db" add "$URL/t/own.rss"
[ $rc -eq 0 ] && has "$T/out" "Own ACME & Co"
ok $? "a feed's own small entities are expanded" || why
bounded --db "$db" list --json
has "$T/out" '"title":"By ACME & Co people &hidden;"' ||
    has "$T/out" '"title": "By ACME & Co people &hidden;"'
ok $? "nested entities expand, undeclared ones stay text" ||
    diag "$(head -c 600 "$T/out")"
bounded --db "$db" show --json 1
! grep -q 'root:' "$T/out" && has "$T/out" '"url":"https://own.example/ACME'
ok $? "an external entity is never loaded; one in a link is expanded" ||
    diag "$(head -c 600 "$T/out")"

# Pages and OPML: the HTML parser reads no DOCTYPE entities, and OPML
# refuses any declaration, so neither expands a thing.
python3 - "$T" <<'EOF'
import sys
t = sys.argv[1]
laughs = '<!ENTITY l0 "lol">' + "".join(
    '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
open(t + "/srv/laughs.html", "w").write(
    '<!DOCTYPE html [%s]>\n<html><head><title>Laughs &l9;</title></head>'
    '<body><article><h1>Laughs</h1><p title="&l9;">A story about &l9;. %s'
    '</p></article></body></html>\n' % (laughs, "Words go on. " * 60))
open(t + "/laughs.opml", "w").write(
    '<?xml version="1.0"?>\n<!DOCTYPE opml [%s]>\n<opml version="2.0">'
    '<head><title>&l9;</title></head><body><outline text="&l9;" '
    'xmlUrl="http://127.0.0.1:9/&l9;"/></body></opml>\n' % laughs)
EOF
bounded --db "$T/page.db" add "$URL/t/laughs.html"
[ $rc -eq 0 ] && has "$T/out" "(page, 1 story)" && within 1
ok $? "a page declaring nested entities is read without expanding them" ||
    why
bounded --db "$T/page.db" opml import "$T/laughs.opml"
[ $rc -eq 1 ] && has "$T/err" "declares entities" && within 1
ok $? "OPML declaring entities (used in attributes) is refused" || why

cp "$top_srcdir/tests/fixtures/feeds/rss11.xml" \
    "$top_srcdir/tests/fixtures/feeds/atom-entry.xml" "$T/srv/"
bounded --db "$T/formats.db" add "$URL/t/rss11.xml" "$URL/t/atom-entry.xml"
[ $rc -eq 0 ] && has "$T/out" "Example Diplomatic Wire (rss, 2 stories)" &&
    has "$T/out" "Border Watch (atom, 1 story)"
ok $? "RSS 1.1 and an Atom entry document are added as feeds" || why

# JSON Feeds of 16 MiB, made one at a time (each is removed after use).
# json NAME KIND: write $T/srv/NAME, a document of KIND.
json() {
	python3 - "$T/srv/$1" "$2" <<'EOF'
import sys
path, kind = sys.argv[1:3]
M = 16 * 1024 * 1024 - 4096
head = '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":['
def fill(unit, tail="]}"):
    n = (M - len(head) - len(tail)) // (len(unit) + 1)
    return head + ",".join([unit] * n) + tail
if kind == "empty":
    s = fill("{}")
elif kind == "capped":
    unit = '{"id":"%07d","title":"Item %07d"}'
    n = (M - len(head)) // (len(unit % (0, 0)) + 1)
    s = head + ",".join(unit % (i, i) for i in range(n)) + "]}"
elif kind == "deep":
    s = head + '{"title":"a","x":' + "[" * (M - len(head) - 20) + "]}"
elif kind == "string":
    s = head + '{"id":"1","title":"Long","content_text":"' + \
        "word " * ((M - len(head) - 60) // 5) + '"}]}'
elif kind == "keys":
    s = head + '{"id":"1","title":"Keys",' + ",".join(
        '"k%d":%d' % (i, i) for i in range(900000)) + "}]}"
elif kind == "objects":
    tags = ",".join('"tag%d"' % i for i in range(300))
    people = ",".join('{"name":"n%d","x":[1,{"y":2}]}' % i
                      for i in range(100))
    s = fill('{"id":"1","title":"Big","tags":[%s],"authors":[%s]}'
             % (tags, people))
assert len(s) <= 16 * 1024 * 1024
open(path, "w").write(s)
EOF
}

# jsonrun NAME KIND: fetch a JSON document of KIND into a new library.
jsonrun() {
	json "$1" "$2"
	bounded --db "$T/$1.db" add "$URL/t/$1"
	rm -f "$T/srv/$1"
}

jsonrun empty.json empty
[ $rc -eq 0 ] && has "$T/out" "(json, 0 stories)" && within 2
ok $? "5.5 million empty items: the item cap holds while parsing" || why
jsonrun capped.json capped
[ $rc -eq 0 ] && has "$T/out" "(json, 5000 stories)" && within 2
ok $? "half a million items: the first 5,000 are kept" || why
bounded --db "$T/capped.json.db" list --json
has "$T/out" "Item 0004999" && ! has "$T/out" "Item 0005000"
ok $? "the items kept are the document's first" || why
jsonrun deep.json deep
[ $rc -eq 1 ] && has "$T/err" "malformed json feed: nesting too deep" &&
    within 2
ok $? "16 million nested arrays are refused at the nesting limit" || why
jsonrun string.json string
[ $rc -eq 0 ] && has "$T/out" "(json, 1 story)" && within 2
ok $? "a 16 MiB string is read, and cut to 1 MiB" || why
jsonrun keys.json keys
[ $rc -eq 0 ] && has "$T/out" "(json, 1 story)" && within 2
ok $? "an item with 900,000 keys costs what its known keys cost" || why
jsonrun objects.json objects
[ $rc -eq 0 ] && has "$T/out" "(json, 1 story)" && within 2
ok $? "items that are huge objects keep only what a feed uses" || why
