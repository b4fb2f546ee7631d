#!/bin/sh
# Feeds over HTTP from the command line, against a server on 127.0.0.1 that
# the test starts (tests/http-server.py): add with autodiscovery and pages,
# conditional fetches, every network limit, failures that leave nothing
# behind, hostile titles, changed items with notes re-anchored, removal
# that keeps a user's work, and JSON output.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 43

db="$T/db"
stories() { "$DOSSIER" --db "$db" list --json | wc -l; }
# sql QUERY: run SQL on the library (several statements: no output).
sql() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
if sqlite3.complete_statement(sys.argv[2].rstrip("; \n") + ";") and ";" in sys.argv[2].strip().rstrip(";"):
    c.executescript(sys.argv[2])
else:
    for r in c.execute(sys.argv[2]):
        print("|".join("" if v is None else str(v) for v in r))
c.commit()' "$db" "$1"; }

run --db "$db" add "$URL/f/world.xml"
[ $rc -eq 0 ] && has "$T/out" "Kestrel Times World (rss, 3 stories)"
ok $? "add fetches the feed once and stores its stories"
[ $rc -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
"$DOSSIER" --db "$db" list --json >"$T/list"
python3 - "$T/list" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["title"] for r in rows] == ["Marovia recalls its envoy",
    "Velmark signs gas deal", "Ministers meet over the river dispute"], rows
assert rows[0]["outlet"] == "Kestrel Times World", rows
assert rows[0]["published"].startswith("2025-06-10T08:00"), rows
PY
ok $? "the stories have the feed's titles, outlet and dates, newest first"
sql "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
    WHERE a.title = 'Marovia recalls its envoy'" | grep -qv '^0$'
ok $? "fetched stories are analysed: their quotes are stored"
grep -q "ua=dossier/" "$HTTP_LOG"
ok $? "requests carry the User-Agent dossier/VERSION"

run --db "$db" add "$URL/f/world.xml"
[ $rc -eq 0 ] && has "$T/out" "already in the library" && [ "$(stories)" -eq 3 ]
ok $? "adding the same feed twice says it exists and adds nothing"

: >"$HTTP_LOG"
run --db "$db" fetch
[ $rc -eq 0 ] && has "$T/out" "not modified" && [ "$(stories)" -eq 3 ]
ok $? "a second fetch adds nothing"
grep -q 'inm="' "$HTTP_LOG" && grep -q 'ims=Mon, 01 Jan 2024' "$HTTP_LOG"
ok $? "the second fetch is conditional (If-None-Match, If-Modified-Since)"
[ $? -eq 0 ] || diag "$(cat "$HTTP_LOG")"

run --db "$db" add "$URL/nov/world.xml"
n=$(stories)
run --db "$db" fetch "$URL/nov/world.xml"
[ $rc -eq 0 ] && has "$T/out" "not read again" && [ "$(stories)" -eq "$n" ]
ok $? "without validators a fetch is still idempotent (the same body)"

run --db "$db" add "$URL/redirect/atom.xml"
[ $rc -eq 0 ] && has "$T/out" "Ulmgrad Observer (atom, 2 stories)"
ok $? "a redirect is followed and an Atom feed is added"

: >"$HTTP_LOG"
run --db "$db" add "$URL/gz/gz.xml"
[ $rc -eq 0 ] && has "$T/out" "Compressed Courier (rss, 2 stories)" &&
	grep -q "ae=.*gzip" "$HTTP_LOG"
ok $? "gzip is asked for and decoded"

run --db "$db" add "$URL/f/page-with-feed.html"
[ $rc -eq 0 ] && has "$T/out" "$URL/f/linked.xml: Brenmark Daily Energy"
ok $? "a page that advertises a feed adds that feed (autodiscovery)"

run --db "$db" add "$URL/f/page.html"
[ $rc -eq 0 ] && has "$T/out" "Sarvenia opens its border (page, 1 story)" &&
	"$DOSSIER" --db "$db" feeds --json | grep -q '"kind":"page"'
ok $? "a page without a feed is kept as one story of kind page"

n=$(stories)
nf=$("$DOSSIER" --db "$db" feeds --json | wc -l)
check_fail() {	# PATH MESSAGE DESCRIPTION
	run --db "$db" add "$URL/$1"
	[ $rc -eq 1 ] && has "$T/err" "$2"
	ok $? "$3"
	[ $rc -eq 1 ] && has "$T/err" "$2" || diag "rc=$rc" "$(cat "$T/err")"
}
check_fail loop "too many redirects (more than 5, the limit)" "a redirect loop stops after 5"
check_fail to-file "redirected to an address that is not http or https" \
	"a redirect to file:// is refused"
check_fail to-ftp "redirected to an address that is not http or https" \
	"a redirect to ftp:// is refused"
check_fail big "larger than 16 MiB" \
	"a body past the limit without Content-Length is cut off"
check_fail stall "not done within 2 s, the limit for a whole fetch" \
	"a stalled server times out, naming the limit"
check_fail status/404 "HTTP 404 Not Found" "HTTP 404 is an error with its status"
[ "$(stories)" -eq "$n" ] &&
	[ "$("$DOSSIER" --db "$db" feeds --json | wc -l)" -eq "$nf" ]
ok $? "failed adds store nothing"

run --db "$db" add "file:///etc/passwd"
[ $rc -eq 2 ] && has "$T/err" "only http:// and https://"
ok $? "add refuses other schemes before any request"
run --db "$db" add "$(printf '%s/f/\033[31mx.xml' "$URL")"
r1=$rc
has "$T/err" "spaces or control characters" && ! grep -q "$(printf '\033')" "$T/err"
r2=$?
run --db "$db" add "$URL/f/$(printf '%03000d' 0)"
[ $r1 -eq 2 ] && [ $r2 -eq 0 ] && [ $rc -eq 2 ] &&
	has "$T/err" "longer than 2048 bytes"
ok $? "add refuses control characters and addresses over 2048 bytes"

# Fetch with failures: subscribe without fetching, then fetch them all.
cat >"$T/mixed.opml" <<EOF
<?xml version="1.0"?>
<opml version="2.0"><body>
<outline text="gone" xmlUrl="$URL/status/500"/>
<outline text="loop" xmlUrl="$URL/loop"/>
<outline text="new" xmlUrl="$URL/lm/linked.xml"/>
<outline text="stall" xmlUrl="$URL/stall"/>
</body></opml>
EOF
"$DOSSIER" --db "$db" opml import "$T/mixed.opml" >/dev/null
n=$(stories)
start=$(date +%s)
run --db "$db" fetch
took=$(( $(date +%s) - start ))
[ $rc -eq 1 ] && has "$T/err" "$URL/status/500: HTTP 500" &&
	has "$T/err" "$URL/loop: too many redirects" &&
	has "$T/err" "$URL/stall: not done within 2 s" &&
	has "$T/out" "Brenmark Daily Energy: 1 new" &&
	has "$T/out" "3 failed"
ok $? "fetch reports each failure, fetches the others, and exits 1"
[ $? -eq 0 ] || diag "rc=$rc" "$(cat "$T/out" "$T/err")"
[ "$(stories)" -eq $((n + 1)) ] && [ $took -lt 6 ]
ok $? "only the good feed stored stories; the stall did not hold up the rest"
"$DOSSIER" --db "$db" feeds >"$T/feeds"
has "$T/feeds" "failed: HTTP 500 Internal Server Error"
ok $? "feeds shows the last error of a failed feed"

run --db "$db" fetch --json "$URL/f/world.xml" "$URL/status/500"
python3 - "$T/out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
st = sorted((r["status"], r["new"], r["error"] is None) for r in rows)
assert st == [("failed", 0, False), ("not-modified", 0, True)], st
assert all({"id", "url", "title", "kind", "updated"} <= set(r) for r in rows)
PY
[ $? -eq 0 ] && [ $rc -eq 1 ]
ok $? "fetch --json prints one object per feed with its status"

# Hostile titles: escapes, C1 controls and bidi overrides never reach the
# terminal raw.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Evil \033]0;pwned\007 feed \302\233 31m</title>\n<item><title>Owned \033[2J\033[31mred \342\200\256 story</title><guid>h1</guid>\n<description>Body \033[5m text.</description></item></channel></rss>\n' \
	>"$T/srv/hostile.xml"
run --db "$db" add "$URL/t/hostile.xml"
"$DOSSIER" --db "$db" feeds >>"$T/out"
"$DOSSIER" --db "$db" list >>"$T/out"
"$DOSSIER" --db "$db" fetch "$URL/t/hostile.xml" >>"$T/out" 2>&1
has "$T/out" "Owned" && ! LC_ALL=C grep -q "$(printf '[\033\007\233]')" "$T/out" &&
	! grep -q "$(printf '\342\200\256')" "$T/out"
ok $? "hostile feed and story titles are printed without control characters"

# A changed item is updated; its notes follow their text.
cat >"$T/srv/changing.xml" <<'EOF'
<?xml version="1.0"?><rss version="2.0"><channel><title>Changing</title>
<item><title>First version</title><guid>c1</guid>
<description>Alpha paragraph here. The envoy was recalled on Tuesday. Gone sentence soon.</description></item>
</channel></rss>
EOF
run --db "$db" add "$URL/t/changing.xml"
id=$(sql "SELECT id FROM articles WHERE guid = 'c1'")
sql "UPDATE articles SET read = 1, starred = 1 WHERE id = $id" >/dev/null
sql "INSERT INTO tags SELECT id, 'mine', fetched + 60 FROM articles WHERE id = $id" >/dev/null
sql "INSERT INTO annotations (article_id, start, end, anchor, note, created,
    updated) SELECT id, instr(body, 'The envoy') - 1,
    instr(body, 'The envoy') - 1 + length('The envoy was recalled'),
    'The envoy was recalled', 'check this', 0, 0 FROM articles WHERE id = $id;
    INSERT INTO annotations (article_id, start, end, anchor, note, created,
    updated) SELECT id, instr(body, 'Gone') - 1, instr(body, 'Gone') + 3,
    'Gone sentence', 'vanishes', 0, 0 FROM articles WHERE id = $id" >/dev/null
cat >"$T/srv/changing.xml" <<'EOF'
<?xml version="1.0"?><rss version="2.0"><channel><title>Changing</title>
<item><title>Second version</title><guid>c1</guid>
<description>A new first paragraph was added in front. Alpha paragraph here. The envoy was recalled on Tuesday, officials said.</description></item>
</channel></rss>
EOF
run --db "$db" fetch "$URL/t/changing.xml"
[ $rc -eq 0 ] && has "$T/out" "1 updated" &&
	[ "$(sql "SELECT title, read, starred FROM articles WHERE id = $id")" = "Second version|1|1" ] &&
	[ "$(sql "SELECT tag FROM tags WHERE article_id = $id")" = mine ]
ok $? "a changed item is updated in place; read, starred and tags are kept"
[ "$(sql "SELECT substr(a.body, n.start + 1, n.end - n.start) FROM annotations n
    JOIN articles a ON a.id = n.article_id WHERE n.note = 'check this'")" = "The envoy was recalled" ] &&
	[ "$(sql "SELECT coalesce(start, 'null'), anchor FROM annotations
	    WHERE note = 'vanishes'")" = "null|Gone sentence" ]
ok $? "notes are re-anchored on their text, or kept on the whole story"
sql "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'officials'" | grep -qx 1
ok $? "the full-text index has the new text"

# Removing a feed keeps the stories the user worked on.
wid=$(sql "SELECT id FROM feeds WHERE url = '$URL/f/world.xml'")
sql "INSERT INTO tags SELECT id, 'keep', fetched + 60 FROM articles WHERE feed_id = $wid
    AND title = 'Velmark signs gas deal'" >/dev/null
run --db "$db" remove "$wid"
[ $rc -eq 0 ] && has "$T/out" "2 stories removed, 1 kept in Saved stories" &&
	"$DOSSIER" --db "$db" list --tag keep | grep -q "Velmark signs gas deal" &&
	! "$DOSSIER" --db "$db" feeds | grep -q "$URL/f/world.xml"
ok $? "remove deletes a feed and its stories but keeps those tagged since"
lid=$(sql "SELECT id FROM feeds WHERE kind = 'local'")
run --db "$db" remove "$lid"
[ $rc -eq 1 ] && has "$T/err" "cannot be removed"
ok $? "Saved stories cannot be removed"

# Feed tags: add --tag tags the feed, and every story of a later fetch.
item() {	# GUID TITLE
	printf '<item><title>%s</title><guid>%s</guid><description>%s said the talks went on.</description></item>\n' \
		"$2" "$1" "$2"
}
tagged_feed() {	# GUID...
	{ echo '<?xml version="1.0"?><rss version="2.0"><channel><title>Tagged Wire</title>'
	  for g; do item "$g" "Story $g"; done
	  echo '</channel></rss>'; } >"$T/srv/tagged.xml"
}
story_tags() {	# GUID: the story's tags, "a b"
	sql "SELECT group_concat(tag, ' ') FROM (SELECT t.tag FROM tags t JOIN
	    articles a ON a.id = t.article_id WHERE a.guid = '$1' ORDER BY t.tag)"
}
tagged_feed t1
run --db "$db" add --tag Drones --tag '#Iran Russia' "$URL/t/tagged.xml"
tid=$(sql "SELECT id FROM feeds WHERE url = '$URL/t/tagged.xml'")
[ $rc -eq 0 ] && has "$T/out" "Tagged Wire (rss, 1 story)  #drones #iran-russia" &&
	[ "$(story_tags t1)" = "drones iran-russia" ] &&
	[ "$(sql "SELECT group_concat(tag, ' ') FROM (SELECT tag FROM feed_tags
	    WHERE feed_id = $tid ORDER BY seq)")" = "drones iran-russia" ]
ok $? "add --tag stores the tags on the feed and on its first stories"
[ $? -eq 0 ] || diag "rc=$rc" "$(cat "$T/out" "$T/err")"

tagged_feed t1 t2
run --db "$db" fetch "$tid"
[ $rc -eq 0 ] && has "$T/out" "Tagged Wire: 1 new" &&
	[ "$(story_tags t2)" = "drones iran-russia" ] &&
	"$DOSSIER" --db "$db" list --tag drones | grep -q "Story t2"
ok $? "a story that appears on a later fetch gets the feed's tags"

run --db "$db" tag-feed "$URL/t/tagged.xml" +Energy -drones
r1=$rc
has "$T/out" "feed $tid: added #energy; removed #drones"
r2=$?
run --db "$db" tag-feed "$tid"
[ $r1 -eq 0 ] && [ $r2 -eq 0 ] && [ $rc -eq 0 ] &&
	[ "$(cat "$T/out")" = "$(printf 'iran-russia\nenergy')" ]
ok $? "tag-feed adds and removes a feed's tags, and lists them in order"
[ $? -eq 0 ] || diag "$(cat "$T/out" "$T/err")"
tagged_feed t1 t2 t3
run --db "$db" fetch "$tid"
[ $rc -eq 0 ] && [ "$(story_tags t3)" = "energy iran-russia" ] &&
	[ "$(story_tags t1)" = "drones iran-russia" ]
ok $? "retagging a feed tags its new stories, and leaves stored ones as they were"

run --db "$db" tag-feed "$tid" +-bad
r1=$rc
run --db "$db" tag-feed 9999 +x
r2=$rc
run --db "$db" tag-feed "$lid" +x
[ $r1 -eq 2 ] && [ $r2 -eq 1 ] && [ $rc -eq 1 ] && has "$T/err" "Saved stories takes no tags"
ok $? "tag-feed refuses a bad tag, an unknown feed and Saved stories"

"$DOSSIER" --db "$db" feeds >"$T/feeds"
"$DOSSIER" --db "$db" feeds --json >"$T/feeds.json"
has "$T/feeds" "     #iran-russia #energy" &&
python3 - "$T/feeds.json" "$URL" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert all(isinstance(r["tags"], list) for r in rows), rows
t = [r["tags"] for r in rows if r["url"] == sys.argv[2] + "/t/tagged.xml"]
assert t == [["iran-russia", "energy"]], t
PY
ok $? "feeds shows each feed's tags, as text and as a JSON list"

# fetch --tag fetches those feeds only: the server sees one request.
: >"$HTTP_LOG"
run --db "$db" fetch --tag ENERGY
[ $rc -eq 0 ] && has "$T/out" "1 feed: 0 new stories" &&
	[ "$(requests '^GET ')" -eq 1 ] && [ "$(requests '^GET /t/tagged.xml ')" -eq 1 ]
ok $? "fetch --tag fetches only the feeds with the tag"
[ $? -eq 0 ] || diag "rc=$rc" "$(cat "$T/out" "$T/err" "$HTTP_LOG")"
: >"$HTTP_LOG"
run --db "$db" fetch --tag nosuch
r1=$rc
has "$T/err" "no feed is tagged nosuch"
r2=$?
run --db "$db" fetch --tag '###'
[ $r1 -eq 1 ] && [ $r2 -eq 0 ] && [ $rc -eq 2 ] && [ ! -s "$HTTP_LOG" ]
ok $? "fetch --tag with a tag no feed has, or no tag at all, fetches nothing"

run --db "$db" add --tag extra "$URL/t/tagged.xml"
[ $rc -eq 0 ] && has "$T/out" "already in the library; 1 tag added" &&
	[ "$(story_tags t1)" = "drones iran-russia" ]
ok $? "add --tag on a feed already there tags the feed, not its stories"

# Removal: feed tags do not keep a story; a tag the user added does.
[ "$(sql "SELECT count(*) FROM tags t JOIN articles a ON a.id = t.article_id
    WHERE a.feed_id = $tid AND t.added > a.fetched")" -eq 0 ]
ok $? "tags given by ingest are dated at the story's fetch, not after"
t2=$(sql "SELECT id FROM articles WHERE guid = 't2'")
t3=$(sql "SELECT id FROM articles WHERE guid = 't3'")
"$DOSSIER" --db "$db" tag "$t2" +mine >/dev/null
# Giving a tag the story has from its feed makes it the user's tag too.
"$DOSSIER" --db "$db" tag "$t3" +energy >/dev/null
run --db "$db" remove "$tid"
[ $rc -eq 0 ] && has "$T/out" "1 story removed, 2 kept in Saved stories" &&
	[ "$(sql "SELECT group_concat(tag, ' ') FROM (SELECT tag FROM tags
	    WHERE article_id = $t2 ORDER BY tag)")" = "drones iran-russia mine" ] &&
	[ "$(sql "SELECT count(*) FROM articles WHERE guid = 't1'")" -eq 0 ] &&
	[ "$(sql "SELECT count(*) FROM articles WHERE id = $t3")" -eq 1 ] &&
	[ "$(sql "SELECT count(*) FROM feed_tags WHERE feed_id = $tid")" -eq 0 ]
ok $? "remove keeps the stories the user tagged (also with a feed's tag) and drops those only feed-tagged"
[ $? -eq 0 ] || diag "rc=$rc" "$(cat "$T/out" "$T/err")"

# A store that fails while looking the feed up is an error said, not a
# silent success (the lookup reads the feed tags: a library without them).
cp "$db" "$T/broken.db"
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("DROP TABLE feed_tags"); c.commit()' "$T/broken.db"
run --db "$T/broken.db" add "$URL/f/world.xml"
[ $rc -eq 1 ] && has "$T/err" "cannot read feeds"
ok $? "a store error looking up the feed to add is reported"
[ $? -eq 0 ] || diag "rc=$rc" "$(cat "$T/out" "$T/err")"
exit 0
