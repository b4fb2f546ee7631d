#!/bin/sh
# Story and link addresses from outside: only absolute http and https are
# kept (the rest dropped with the reason in the report), never with the
# feed's password, and never offered by show, --json, list or export,
# also from a library written before they were checked.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 21

db="$T/db"
authed=$(echo "$URL" | sed 's|://|://alice:s3cret@|')
host=${URL#http://}
secrets='s3cret|hunter2|tok3n|alice|javascript:|file:|data:|ProxyCommand|new-window'

# Every address in a file of output: JSON "url" values, show's URL line
# and link list, export's URL lines.
urls_in() {
	grep -oE '"url": ?"[^"]*"' "$1" | sed -E 's/^"url": ?"//; s/"$//'
	sed -n -e 's/^URL: *//p' -e 's/^- URL: <\(.*\)>$/\1/p' "$1"
	awk '/^  \[[0-9]+\] /{ print $NF }' "$1"
}
# no_secrets FILE: no credential or hostile scheme anywhere in it.
no_secrets() { ! grep -qE "$secrets" "$1"; }

cat >"$T/srv/hostile.rss" <<EOF
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Hostile</title>
<link>http://bob:hunter2@$host/</link>
<item><title>Option</title><guid>g1</guid>
  <link>-oProxyCommand=touch $T/pwned</link></item>
<item><title>Two options</title><guid>g2</guid>
  <link> -x --new-window</link></item>
<item><title>Script</title><guid>g3</guid><link>javascript:alert(1)</link></item>
<item><title>Passwords</title><guid>g4</guid><link>file:///etc/passwd</link></item>
<item><title>Data</title><guid>g5</guid>
  <link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
<item><title>Enclosure</title><guid>g6</guid>
  <enclosure url="file:///etc/shadow" type="audio/mpeg" length="1"/></item>
<item><title>Relative</title><guid>g7</guid><link>/story/7</link>
  <description>&lt;p&gt;Read &lt;a href="javascript:alert(2)"&gt;this&lt;/a&gt;,
  &lt;a href="/doc/1"&gt;the report&lt;/a&gt; and
  &lt;a href="https://carol:tok3n@other.example/x"&gt;that&lt;/a&gt;.&lt;/p&gt;</description></item>
<item><title>Other credentials</title><guid>g8</guid>
  <link>https://carol:tok3n@other.example/story/8</link></item>
</channel></rss>
EOF
run --db "$db" add --tag t "$authed/t/hostile.rss"
cp "$T/out" "$T/add.out"
[ $rc -eq 0 ] && has "$T/out" "8 stories" &&
	has "$T/out" '7 addresses dropped, the first "-oProxyCommand=touch ' &&
	has "$T/out" '": relative, with no address to resolve it against' &&
	! grep -qE 's3cret|hunter2|tok3n' "$T/out" && [ ! -s "$T/err" ]
ok $? "add keeps the stories, and says which addresses it dropped and why"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"

: >"$T/all"
for id in $("$DOSSIER" --db "$db" list --json | sed -n 's/.*"id": *\([0-9]*\).*/\1/p'); do
	"$DOSSIER" --db "$db" show "$id" >>"$T/all" 2>&1
	"$DOSSIER" --db "$db" show --json "$id" >>"$T/all" 2>&1
done
"$DOSSIER" --db "$db" list --json >>"$T/all" 2>&1
"$DOSSIER" --db "$db" export >>"$T/all" 2>&1
"$DOSSIER" --db "$db" export --json >>"$T/all" 2>&1
urls_in "$T/all" >"$T/urls"
no_secrets "$T/all" && [ -s "$T/urls" ] && ! grep -qvE '^https?://[^ ]+$' "$T/urls"
ok $? "show, show --json, list --json and export offer only http(s) addresses, no credentials"
[ $? -eq 0 ] || diag "$(grep -E "$secrets" "$T/all" | head -20)" "$(cat "$T/urls")"

grep -qx "http://$host/story/7" "$T/urls" &&
	grep -qx "http://$host/doc/1" "$T/urls" &&
	grep -qx "https://other.example/x" "$T/urls" &&
	grep -qx "https://other.example/story/8" "$T/urls" &&
	! grep -q ProxyCommand "$T/urls"
ok $? "addresses resolved against the feed lose its user and password, as do other credentials"
[ $? -eq 0 ] || diag "$(cat "$T/urls")"

"$DOSSIER" --db "$db" show --json "$("$DOSSIER" --db "$db" list --json |
    grep '"Script"' | sed -n 's/.*"id": *\([0-9]*\).*/\1/p')" >"$T/out"
grep -q '"url": *null' "$T/out" && has "$T/out" '"title":"Script"'
ok $? "a story whose address was dropped is kept, with no address"

"$DOSSIER" --db "$db" opml export | grep -q "alice:s3cret@$host/t/hostile.rss"
ok $? "the feed keeps its own password"

# The same feed as Atom and as JSON Feed.
cat >"$T/srv/hostile.atom" <<EOF
<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile Atom</title>
<id>urn:h</id><updated>2024-01-01T00:00:00Z</updated>
<entry><title>A1</title><id>a1</id><updated>2024-01-01T00:00:00Z</updated>
  <link href="javascript:alert(1)"/></entry>
<entry><title>A2</title><id>a2</id><updated>2024-01-01T00:00:00Z</updated>
  <link rel="alternate" href="story/a2"/>
  <content type="html">&lt;p&gt;See &lt;a href="data:text/html,x"&gt;x&lt;/a&gt;&lt;/p&gt;</content></entry>
</feed>
EOF
cat >"$T/srv/hostile.json" <<EOF
{"version": "https://jsonfeed.org/version/1.1", "title": "Hostile JSON",
 "items": [
  {"id": "j1", "title": "J1", "url": "file:///etc/passwd"},
  {"id": "j2", "title": "J2", "url": "/story/j2",
   "content_html": "<p>See <a href=\"-x --new-window\">x</a></p>"},
  {"id": "j3", "title": "J3", "external_url": "javascript:alert(3)"}
 ]}
EOF
run --db "$T/db2" add "$authed/t/hostile.atom"
cat "$T/out" "$T/err" >"$T/all"
run --db "$T/db2" add "$authed/t/hostile.json"
cat "$T/out" "$T/err" >>"$T/all"
"$DOSSIER" --db "$T/db2" list --json >>"$T/all"
for id in 1 2 3 4 5; do "$DOSSIER" --db "$T/db2" show --json $id >>"$T/all"; done
urls_in "$T/all" >"$T/urls"
has "$T/all" '2 addresses dropped, the first "javascript:alert(1)"' &&
	has "$T/all" '3 addresses dropped, the first "file:///etc/passwd"' &&
	grep -qx "http://$host/t/story/a2" "$T/urls" &&
	grep -qx "http://$host/story/j2" "$T/urls" &&
	! grep -qvE '^https?://[^ ]+$' "$T/urls" && no_secrets "$T/urls" &&
	! grep -q s3cret "$T/all"
ok $? "Atom and JSON Feed items are checked the same way"
[ $? -eq 0 ] || diag "$(cat "$T/all")"

# fetch reports what it dropped from new stories, as text and JSON.
cat >>"$T/srv/hostile.json.new" <<EOF
{"version": "https://jsonfeed.org/version/1.1", "title": "Hostile JSON",
 "items": [{"id": "j4", "title": "J4", "url": "javascript:alert(4)"}]}
EOF
mv "$T/srv/hostile.json.new" "$T/srv/hostile.json"
"$DOSSIER" --db "$T/db2" fetch --json >"$T/out" 2>&1
grep '"title": *"Hostile JSON"' "$T/out" | grep '"dropped": *1' |
	grep -q '"dropped_first": *"\\"javascript:alert(4)\\": not an absolute'
ok $? "fetch --json counts the dropped addresses of new stories"
[ $? -eq 0 ] || diag "$(cat "$T/out")"

# Markdown front matter, HTML metadata and body links, saved text.
mkdir "$T/files"
cat >"$T/files/front.md" <<'EOF'
---
title: Front matter
url: javascript:alert(document.cookie)
link: -oProxyCommand=touch /tmp/pwned
---
A paragraph with [a link](file:///etc/passwd) and [another](data:text/html,x)
and [a good one](https://user:pw@example.org/good).
EOF
cat >"$T/files/link.md" <<'EOF'
---
title: Link only
link: https://alice:s3cret@example.org/md-story
---
Text.
EOF
cat >"$T/files/page.html" <<'EOF'
<html><head><title>Page</title>
<link rel="canonical" href="javascript:alert(1)">
<meta property="og:url" content="https://alice:s3cret@example.org/page">
</head><body><article><h1>Page</h1>
<p>The first paragraph of the page is long enough to be the story's text.
It links <a href="file:///etc/passwd">a file</a> and
<a href="https://example.org/fine">a page</a>.</p>
</article></body></html>
EOF
run --db "$T/db3" import "$T/files"
cp "$T/out" "$T/import.out"
"$DOSSIER" --db "$T/db3" list --json >"$T/all"
for id in 1 2 3; do
	"$DOSSIER" --db "$T/db3" show $id >>"$T/all"
	"$DOSSIER" --db "$T/db3" show --json $id >>"$T/all"
done
urls_in "$T/all" >"$T/urls"
[ $rc -eq 0 ] &&
	grep 'front.md' "$T/import.out" | grep -q '; 4 addresses dropped, the first "javascript:alert(document.cookie)": not an absolute http or https address' &&
	grep 'page.html' "$T/import.out" | grep -q '; 2 addresses dropped' &&
	! grep 'link.md' "$T/import.out" | grep -q dropped &&
	grep -qx "https://example.org/md-story" "$T/urls" &&
	grep -qx "https://example.org/good" "$T/urls" &&
	grep -qx "https://example.org/page" "$T/urls" &&
	grep -qx "https://example.org/fine" "$T/urls" &&
	! grep -qvE '^https?://[^ ]+$' "$T/urls" && no_secrets "$T/all"
ok $? "import checks Markdown front matter and links, and HTML canonical, og:url and links"
[ $? -eq 0 ] || diag "$(cat "$T/import.out")" "$(cat "$T/urls")"

# A page added by its address (no feed): the story's address has no password.
cat >"$T/srv/story.html" <<'EOF'
<html><head><title>A story page</title></head><body><article>
<h1>A story page</h1><p>A story page with a paragraph long enough to be kept
as the body of a story, and <a href="../doc/2">a report</a> on it.</p>
</article></body></html>
EOF
run --db "$T/db4" add "$authed/t/story.html"
"$DOSSIER" --db "$T/db4" show --json 1 >"$T/all"
[ $rc -eq 0 ] && grep -q "\"url\": *\"$URL/t/story.html\"" "$T/all" &&
	! grep -q s3cret "$T/all" "$T/out" "$T/err"
ok $? "a page added by its address keeps the address without the password"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err" "$T/all")"
grep -q "\"url\": *\"$URL/doc/2\"" "$T/all" && ! has "$T/out" "dropped"
ok $? "its relative links resolve against that address, without the password"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err" "$T/all")"

# Autodiscovery: the advertised feed's credentials are never printed.
cat >"$T/srv/adv.html" <<EOF
<html><head><title>Advertises</title>
<link rel="alternate" type="application/rss+xml" href="http://dave:pa55word@$host/t/hostile.rss">
</head><body><p>x</p></body></html>
EOF
cat >"$T/srv/adv-gone.html" <<EOF
<html><head><title>Advertises a missing feed</title>
<link rel="alternate" type="application/rss+xml" href="http://dave:pa55word@$host/status/404">
</head><body><p>x</p></body></html>
EOF
cat >"$T/srv/adv-token.html" <<EOF
<html><head><title>Advertises with a token</title>
<link rel="alternate" type="application/rss+xml" href="http://ghp_t0ken@$host/t/hostile.atom">
</head><body><p>x</p></body></html>
EOF
"$DOSSIER" --db "$T/db5" add "$URL/t/adv.html" >"$T/all" 2>&1
r1=$?
"$DOSSIER" --db "$T/db5" add "$URL/t/adv-gone.html" >>"$T/all" 2>&1
r2=$?
"$DOSSIER" --db "$T/db5" add "$URL/t/adv-token.html" >>"$T/all" 2>&1
r3=$?
"$DOSSIER" --db "$T/db5" feeds >>"$T/all" 2>&1
"$DOSSIER" --db "$T/db5" feeds --json >>"$T/all" 2>&1
"$DOSSIER" --db "$T/db5" fetch >>"$T/all" 2>&1
"$DOSSIER" --db "$T/db5" fetch --json >>"$T/all" 2>&1
[ $r1 -eq 0 ] && [ $r2 -ne 0 ] && [ $r3 -eq 0 ] &&
	! grep -qE 'pa55word|t0ken' "$T/all" &&
	has "$T/all" "added    1  http://dave:****@$host/t/hostile.rss" &&
	has "$T/all" "the page's feed http://dave:****@$host/status/404" &&
	has "$T/all" "http://****@$host/t/hostile.atom"
ok $? "add, feeds and fetch never print an advertised feed's password or token"
[ $? -eq 0 ] || diag "$(cat "$T/all")"

# A library written before addresses were checked.
"$DOSSIER" --db "$T/db6" import "$top_srcdir/tests/fixtures/markdown/full.md" >/dev/null
"$DOSSIER" --db "$T/db6" tag 1 +old >/dev/null
sqlite3 "$T/db6" "UPDATE articles SET url = '-oProxyCommand=touch /tmp/pwned' WHERE id = 1;
DELETE FROM links;
INSERT INTO links (article_id, seq, url, text) VALUES
 (1, 0, 'javascript:alert(1)', 'a'), (1, 1, 'http://alice:s3cret@example.org/l', 'b'),
 (1, 2, 'file:///etc/passwd', 'c'), (1, 3, 'data:text/html,x', 'd');"
: >"$T/all"
"$DOSSIER" --db "$T/db6" show 1 >>"$T/all" 2>&1
"$DOSSIER" --db "$T/db6" show --json 1 >>"$T/all" 2>&1
"$DOSSIER" --db "$T/db6" list --json >>"$T/all" 2>&1
"$DOSSIER" --db "$T/db6" export >>"$T/all" 2>&1
"$DOSSIER" --db "$T/db6" export --json >>"$T/all" 2>&1
urls_in "$T/all" >"$T/urls"
no_secrets "$T/all" && [ "$(sort -u "$T/urls")" = "http://example.org/l" ] &&
	"$DOSSIER" --db "$T/db6" show --json 1 | grep -q '"url": *null'
ok $? "addresses stored by an older dossier are never offered, credentials never shown"
[ $? -eq 0 ] || diag "$(cat "$T/all")"
[ "$(sqlite3 "$T/db6" "SELECT url FROM articles WHERE id = 1")" = "-oProxyCommand=touch /tmp/pwned" ]
ok $? "and the stored row is left as it was"

# A re-fetch replaces a story's stored address by the checked one (the
# row as an older dossier left it: no digest of the body or the item).
sqlite3 "$db" "UPDATE articles SET url = 'http://alice:s3cret@$host/story/7',
    content_hash = 'older', raw_hash = NULL WHERE title = 'Relative';
    UPDATE feeds SET etag = NULL, last_modified = NULL, body_hash = NULL;"
"$DOSSIER" --db "$db" fetch >/dev/null 2>&1
[ "$(sqlite3 "$db" "SELECT url FROM articles WHERE title = 'Relative'")" = "http://$host/story/7" ]
ok $? "a re-fetch replaces an address stored with credentials"

# The screen's feed list shows an untitled feed's address masked.
sqlite3 "$db" "UPDATE feeds SET title = NULL"
"$DOSSIER" --db "$db" feeds >"$T/out" 2>&1
! grep -q s3cret "$T/out" && has "$T/out" "alice:****@"
ok $? "feeds masks the password of an untitled feed"
[ $? -eq 0 ] || diag "$(cat "$T/out")"

# A user name alone is often a token: it is masked too.
tok=$(echo "$URL" | sed 's|://|://tok3nabc@|')
run --db "$T/db7" add "$tok/t/hostile.atom"
"$DOSSIER" --db "$T/db7" feeds >>"$T/out" 2>&1
! grep -q tok3nabc "$T/out" && has "$T/out" "http://****@$host/t/hostile.atom"
ok $? "a token given as the user name is never printed"
[ $? -eq 0 ] || diag "$(cat "$T/out")"

# A feed's token in its query: "#x" and "" are the feed document itself,
# and resolving them against its address would carry the token along.
cat >"$T/srv/tok.rss" <<'EOF'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Tok</title>
<item><title>Fragment</title><guid>g1</guid><link>#story-1</link>
<description>&lt;p&gt;See &lt;a href="#n"&gt;the note&lt;/a&gt;, &lt;a href=""&gt;this&lt;/a&gt;, &lt;a href=" "&gt;that&lt;/a&gt; and &lt;a href="?page=2"&gt;the next page&lt;/a&gt;.&lt;/p&gt;</description></item>
</channel></rss>
EOF
cat >"$T/srv/tok.atom" <<'EOF'
<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>TokA</title>
<entry><id>a1</id><title>Entry</title><link href="#e1"/>
<content type="html">&lt;a href=""&gt;self&lt;/a&gt; text</content></entry></feed>
EOF
run --db "$T/db8" add "$URL/t/tok.rss?token=SEKRIT" "$URL/t/tok.atom?key=SEKRIT"
[ $rc -eq 0 ] && has "$T/out" '"#story-1": a reference within the document'
ok $? "a story link that is only a fragment is dropped, saying why" ||
	diag "rc=$rc" "$(cat "$T/out" "$T/err")"
"$DOSSIER" --db "$T/db8" show --json 1 >"$T/out" 2>&1
"$DOSSIER" --db "$T/db8" show --json 2 >>"$T/out" 2>&1
! grep -q SEKRIT "$T/out" && has "$T/out" "/t/tok.rss?page=2"
ok $? "no story or link carries the feed's query token" ||
	diag "$(cat "$T/out")"
"$DOSSIER" --db "$T/db8" show --json 1 >"$T/out" 2>&1
"$DOSSIER" --db "$T/db8" show --json 2 >>"$T/out" 2>&1
[ "$(grep -o '"url":null' "$T/out" | wc -l)" -eq 2 ]
ok $? "the stories are kept, with no address" || diag "$(cat "$T/out")"

# A server's permanent redirect to an address with credentials: they are
# the server's, not the user's; the feed keeps the address it was given.
run --db "$T/db9" add "$URL/go301?http%3A%2F%2Fsrvuser%3Asrvpass%40$host%2Ff%2Fworld.xml"
"$DOSSIER" --db "$T/db9" fetch >>"$T/out" 2>>"$T/err"
"$DOSSIER" --db "$T/db9" feeds >>"$T/out" 2>>"$T/err"
"$DOSSIER" --db "$T/db9" opml export >>"$T/out" 2>>"$T/err"
[ $rc -eq 0 ] && ! grep -qE "srvuser:|//\*\*\*\*" "$T/out" "$T/err" &&
	has "$T/out" "$URL/go301?http%3A"
ok $? "a redirect to an address with credentials does not move the feed there" ||
	diag "rc=$rc" "$(cat "$T/out" "$T/err")"

[ ! -e "$T/pwned" ] && [ ! -e /tmp/pwned ]
ok $? "nothing ran"
exit 0
