#!/bin/sh
# Markup that libxml2 reads in more than linear time or memory, through
# the real binary: a tag of 100,000 attributes (or namespace declarations)
# in a feed, in an item's HTML, in a page added or imported and in OPML;
# attribute defaults declared in a DOCTYPE; a feed in an encoding whose
# bytes are not ASCII's (once handed to libxml2 unprepared, DOCTYPE and
# all); 16 MiB of empty elements or of attributes. Each run has at most
# 1 GiB of address space and 30 s; where /usr/bin/time is found, its CPU
# time and peak memory are checked. And bytes a declared encoding cannot
# decode: libxml2 stopped there and printed on stderr (over the screen).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
. "$top_srcdir/tests/lib-bounds.sh"
plan 22

python3 - "$T" <<'EOF'
import sys
t = sys.argv[1]
srv = t + "/srv/"
def w(name, s):
    open(name, "w", encoding="latin-1" if "2022" in name else "utf-8").write(s)
attrs = " ".join('a%d=""' % i for i in range(100000))
bare = " ".join('a%d' % i for i in range(100000))
story = "The minister said the talks would go on. " * 20
w(srv + "attrs.rss", '<?xml version="1.0"?><rss version="2.0"><channel>'
  '<title>Attrs</title><item><title>Tag of many</title><link ' + attrs +
  '>http://x.example/1</link><description>' + story + '</description>'
  '</item></channel></rss>')
w(srv + "ns.atom", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/'
  'Atom"><title>NS</title><entry ' + " ".join('xmlns:p%d="u%d"' % (i, i)
  for i in range(100000)) + '><id>1</id><title>Many prefixes</title>'
  '<link href="http://x.example/2"/></entry></feed>')
w(srv + "frag.rss", '<?xml version="1.0"?><rss version="2.0"><channel>'
  '<title>Frag</title><item><title>Escaped</title><link>http://x.example/3'
  '</link><description>&lt;p ' + bare + '&gt;' + story + '</description>'
  '</item></channel></rss>')
page = ('<html><head><title>Page of many</title></head><body><article>'
        '<h1>Page of many</h1><p ' + bare + '>' + story + '</p></article>'
        '</body></html>')
w(srv + "attrs.html", page)
w(t + "/attrs.html", page)
w(t + "/attrs.opml", '<?xml version="1.0"?><opml version="2.0"><head>'
  '<title>O</title></head><body><outline text="Feed" ' + attrs +
  ' xmlUrl="http://x.example/feed"/></body></opml>')
deflist = " ".join('a%d CDATA "x"' % i for i in range(100000))
w(t + "/attlist.opml", '<?xml version="1.0"?><!DOCTYPE opml [<!ATTLIST '
  'outline ' + deflist + '>]><opml version="2.0"><body>' +
  '<outline text="x" xmlUrl="http://x.example/f"/>' * 50 + '</body></opml>')
# Labelled ISO-2022-JP: its DOCTYPE's attribute defaults once reached
# libxml2, 100,000 of them on each of 50 items.
w(srv + "iso2022.rss", '<?xml version="1.0" encoding="ISO-2022-JP"?>'
  '<!DOCTYPE rss [<!ATTLIST item ' + deflist + '>]><rss version="2.0">'
  '<channel><title>Jp</title>' + "".join('<item><title>T%d</title>'
  '<link>http://x.example/j%d</link></item>' % (i, i) for i in range(50)) +
  '</channel></rss>')
M = 16 * 1024 * 1024 - 4096
w(srv + "flat.rss", '<?xml version="1.0"?><rss version="2.0"><channel>'
  '<title>Flat</title><item><title>Kept</title><link>http://x.example/k'
  '</link></item><item><title>Cut</title>' + "<a/>" * (M // 4 - 100) +
  '</item></channel></rss>')
w(t + "/flat.opml", '<?xml version="1.0"?><opml version="2.0"><body>'
  '<outline text="Kept" xmlUrl="http://x.example/kept"/>' +
  "<a/>" * (M // 4 - 100) + '</body></opml>')
w(t + "/notes.opml", '<?xml version="1.0"?><opml version="2.0"><body>'
  '<outline text="Kept" xmlUrl="http://x.example/kept"/>' +
  "<!---->" * (M // 7 - 100) + '</body></opml>')
w(srv + "notes.rss", '<?xml version="1.0"?><rss version="2.0"><channel>'
  '<title>Notes</title><item><title>Kept</title><link>http://x.example/n'
  '</link></item>' + "<!---->" * (M // 7 - 100) + '</channel></rss>')
w(srv + "notes.html", '<html><head><title>Notes</title></head><body>'
  '<article><h1>Notes page</h1><p>' + story + '</p>' + "<!---->" *
  (M // 7 - 100) + '</article></body></html>')
w(srv + "spaced.html", '<html><head><title>Spaced</title></head><body>'
  '<article><h1>Spaced page</h1><p>' + story + '</p><p>' + "<b></b> " *
  (M // 8 - 100) + '</p></article></body></html>')
tag = "<p " + " ".join('a%d' % i for i in range(100)) + ">"
w(srv + "wide.html", '<html><head><title>Wide</title></head><body><article>'
  '<h1>Wide</h1><p>' + story + '</p>' + tag * (M // len(tag) - 10) +
  '</article></body></html>')
EOF

bounded --db "$T/a.db" add "$URL/t/attrs.rss"
[ $rc -eq 0 ] && has "$T/out" "Attrs (rss, 1 story)" && within 1 64
ok $? "a feed's tag of 100,000 attributes is cut, bounded" || why
bounded --db "$T/a.db" show --json 1
has "$T/out" '"url":"http://x.example/1"'
ok $? "the element keeps its text when its attributes are cut" ||
    diag "$(head -c 400 "$T/out")"
bounded --db "$T/b.db" add "$URL/t/ns.atom"
[ $rc -eq 0 ] && has "$T/out" "NS (atom, 1 story)" && within 1 64
ok $? "an entry of 100,000 namespace declarations is cut, bounded" || why
bounded --db "$T/c.db" add "$URL/t/frag.rss"
[ $rc -eq 0 ] && has "$T/out" "Frag (rss, 1 story)" && within 1 64
ok $? "an item's HTML with a tag of 100,000 attributes is cut, bounded" ||
    why
bounded --db "$T/d.db" add "$URL/t/attrs.html"
[ $rc -eq 0 ] && has "$T/out" "(page, 1 story)" && within 1 64
ok $? "a page added with a tag of 100,000 attributes is read, bounded" || why
bounded --db "$T/d.db" import "$T/attrs.html"
[ $rc -eq 0 ] && within 1 64
ok $? "a page imported with a tag of 100,000 attributes is read, bounded" ||
    why
bounded --db "$T/e.db" opml import "$T/attrs.opml"
[ $rc -eq 0 ] && within 1 64
ok $? "an OPML outline of 100,000 attributes is cut, bounded" || why
bounded --db "$T/e.db" opml import "$T/attlist.opml"
[ $rc -eq 1 ] && has "$T/err" "declares attributes" && within 1 64
ok $? "OPML declaring attribute defaults is refused at once" || why
bounded --db "$T/f.db" add "$URL/t/iso2022.rss"
[ $rc -eq 0 ] && has "$T/out" "Jp (rss, 50 stories)" && within 1 64
ok $? "a feed labelled ISO-2022-JP is decoded and prepared like any other" ||
    why
"$DOSSIER" --db "$T/f.db" show --json 1 >"$T/out" 2>&1
! grep -q '"a1"' "$T/out" && has "$T/out" '"title":"T0"'
ok $? "its DOCTYPE's attribute defaults are never applied" ||
    diag "$(head -c 400 "$T/out")"

# 16 MiB of markup: the tree libxml2 builds is held to a node budget.
bounded --db "$T/g.db" add "$URL/t/flat.rss"
[ $rc -eq 0 ] && has "$T/out" "Flat (rss, 1 story)" && within 2 192
ok $? "16 MiB of empty elements: the parse stops at the node budget" || why
"$DOSSIER" --db "$T/g.db" list >"$T/out" 2>&1
has "$T/out" "Kept" && ! has "$T/out" "Cut"
ok $? "the items before the budget are kept, the one cut short is not" ||
    diag "$(cat "$T/out")"
bounded --db "$T/h.db" add "$URL/t/wide.html"
[ $rc -eq 0 ] && has "$T/out" "(page, 1 story)" && within 2 192
ok $? "a 16 MiB page of 100-attribute tags is read within the budget" || why
bounded --db "$T/h.db" import "$T/srv/wide.html"
[ $rc -eq 0 ] && within 2 192
ok $? "and imported within it" || why

bounded --db "$T/h.db" add "$URL/t/spaced.html"
[ $rc -eq 0 ] && has "$T/out" "(page, 1 story)" && within 2 160
ok $? "a 16 MiB page of empty elements apart: the text between counts too" ||
	why

# Comments are never read: none is built.
bounded --db "$T/k.db" add "$URL/t/notes.rss"
[ $rc -eq 0 ] && has "$T/out" "Notes (rss, 1 story)" && within 1 96
ok $? "a feed of 16 MiB of comments builds none of them" || why
bounded --db "$T/k.db" add "$URL/t/notes.html"
[ $rc -eq 0 ] && has "$T/out" "(page, 1 story)" && within 1 128
ok $? "nor does a page" || why

# OPML is read to its end (it must be well formed) but builds no more
# than its bounds of nodes.
bounded --db "$T/j.db" opml import "$T/flat.opml"
[ $rc -eq 0 ] && has "$T/out" "1 added" && within 1 96
ok $? "OPML of 16 MiB of empty elements builds a bounded tree" || why
bounded --db "$T/j.db" opml import "$T/notes.opml"
[ $rc -eq 0 ] && has "$T/out" "1 already in the library" && within 1 96
ok $? "and of 16 MiB of comments" || why

# A byte the declared encoding cannot decode is U+FFFD, not the end of
# the feed, and libxml2 prints nothing.
printf '<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><title>Sjis\201\377\240</title><item><title>After</title><link>http://x.example/s</link></item></channel></rss>' >"$T/srv/sjis.rss"
printf '<html><head><meta charset="ISO-2022-JP"><title>T</title></head><body><article><h1>Jis page</h1><p>Text \033$B\377\376\033(B that the minister read out on Monday, word for word.</p></article></body></html>' >"$T/srv/jis.html"
printf '<?xml version="1.0" encoding="ISO-2022-JP"?><opml version="2.0"><body><outline text="\033$B\377\377" xmlUrl="http://x.example/"/></body></opml>' >"$T/jis.opml"
bounded --db "$T/i.db" add "$URL/t/sjis.rss"
[ $rc -eq 0 ] && has "$T/out" "(rss, 1 story)" && [ ! -s "$T/err" ]
ok $? "a feed's undecodable byte neither ends it nor prints" || why
bounded --db "$T/i.db" add "$URL/t/jis.html"
[ $rc -eq 0 ] && has "$T/out" "Jis page (page, 1 story)" && [ ! -s "$T/err" ]
ok $? "nor a page's" || why
bounded --db "$T/i.db" opml import "$T/jis.opml"
! grep -q "encoding error" "$T/err" && ! grep -q "I/O error" "$T/err"
ok $? "nor OPML's: only dossier's own message" || why
