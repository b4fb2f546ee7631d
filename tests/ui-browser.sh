#!/bin/sh
# o on the screen: only a checked http(s) address reaches the browser, as
# one argument that cannot read as an option and carries no password
# (also from a library written before addresses were checked); $BROWSER's
# %s and ':' list; a clear message when there is no browser at all.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 13

db="$T/lib.db"
authed=$(echo "$URL" | sed 's|://|://alice:s3cret@|')
host=${URL#http://}
cat >"$T/srv/feed.rss" <<EOF
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Hostile</title>
<item><title>Relative story</title><guid>g1</guid><link>/story/7</link>
  <description>&lt;p&gt;Read &lt;a href="javascript:alert(2)"&gt;this&lt;/a&gt;,
  &lt;a href="/doc/1"&gt;the report&lt;/a&gt; and
  &lt;a href="https://carol:tok3n@other.example/x"&gt;that&lt;/a&gt;.&lt;/p&gt;</description></item>
<item><title>Optional story</title><guid>g2</guid>
  <link>-oProxyCommand=touch $T/pwned</link><description>Text.</description></item>
<item><title>Passworded story</title><guid>g3</guid><link>/story/3</link>
  <description>Text.</description></item>
</channel></rss>
EOF
"$DOSSIER" --db "$db" add "$authed/t/feed.rss" >/dev/null 2>&1 ||
	echo "Bail out! cannot add the feed"
# As an older dossier stored them: hostile addresses, a password, and a
# feed with no title, shown by its address.
sqlite3 "$db" "UPDATE articles SET url = '-oProxyCommand=touch $T/pwned'
    WHERE title = 'Optional story';
INSERT INTO links (article_id, seq, url, text) SELECT id, 0,
    'javascript:alert(1)', 'a script' FROM articles WHERE title = 'Optional story';
INSERT INTO links (article_id, seq, url, text) SELECT id, 1,
    ' -x --new-window', 'options' FROM articles WHERE title = 'Optional story';
UPDATE articles SET url = 'http://alice:s3cret@$host/story/3'
    WHERE title = 'Passworded story';
UPDATE feeds SET title = NULL;"

# A browser that records its argument vector, one item a line.
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/opened"\n' "$T" >"$T/browser"
chmod +x "$T/browser"
use_theme default

# find TITLE: search for a story so that it is the selected one.
find() {
	keys / && wait_for "Search:" && keys C-u "$1" Enter && wait_for "1/1"
}

start 200 40 env BROWSER="no-such-browser:$T/browser --url=%s --new-tab" \
    "$DOSSIER" --db "$db"
wait_for "3 articles"
wait_for "http://alice:****@" && ! grep -q s3cret "$T/screen"
ok $? "the feed list shows an untitled feed's address with its password masked"

find "relative"
keys o
wait_for "opened http://$host/story/7"
printf '%s\n' "--url=http://$host/story/7" --new-tab | cmp -s - "$T/opened"
ok $? "o runs the first installed browser of \$BROWSER, the address inside its %s word"
[ $? -eq 0 ] || diag "$(cat "$T/opened")"

rm -f "$T/opened"
keys 2 o
wait_for "opened https://other.example/x"
printf '%s\n' "--url=https://other.example/x" --new-tab | cmp -s - "$T/opened"
ok $? "a link's address reaches the browser without the credentials it was given with"
[ $? -eq 0 ] || diag "$(cat "$T/opened" 2>&1)"
keys 1 o
wait_for "opened http://$host/doc/1"
ok $? "a link resolved against the feed's address does not carry its password"

find "passworded"
rm -f "$T/opened"
keys o
wait_for "opened http://$host/story/3"
printf '%s\n' "--url=http://$host/story/3" --new-tab | cmp -s - "$T/opened" &&
	! grep -q s3cret "$T/screen"
ok $? "a stored address with a password is opened without it"
[ $? -eq 0 ] || diag "$(cat "$T/opened" 2>&1)"

find "optional"
rm -f "$T/opened"
keys o
wait_for "the story has no address"
ok $? "an address that could read as an option is not offered"
keys 1 o
wait_for "the story has no links"
[ ! -e "$T/opened" ] && [ ! -e "$T/pwned" ]
ok $? "nor javascript: or option links; the browser never ran"

keys Enter
wait_for "Text." && ! grep -qE 'ProxyCommand|javascript|new-window' "$T/screen"
ok $? "the open story shows none of them"

# Quotes in $BROWSER group words and go, as a shell's would; a command of
# many words keeps each.
start 200 40 env BROWSER="$T/browser -a 'two words' \"%s\" -b=\"x y\" -c -d -e -f -g -h" \
    "$DOSSIER" --db "$db"
wait_for "3 articles"
find "relative"
rm -f "$T/opened"
keys o
wait_for "opened http://$host/story/7"
printf '%s\n' -a "two words" "http://$host/story/7" "-b=x y" -c -d -e -f -g \
    -h | cmp -s - "$T/opened"
ok $? "\$BROWSER with '%s' in quotes gets the address alone, quotes taken away"
[ $? -eq 0 ] || diag "$(cat "$T/opened" 2>&1)"
start 200 40 env BROWSER="'$T/browser' --new-window" "$DOSSIER" --db "$db"
wait_for "3 articles"
find "relative"
rm -f "$T/opened"
keys o
wait_for "opened http://$host/story/7"
printf '%s\n' --new-window "http://$host/story/7" | cmp -s - "$T/opened"
ok $? "a quoted browser path is found, the address its last word"
[ $? -eq 0 ] || diag "$(cat "$T/opened" 2>&1)"

# No browser at all: say what to set.
mkdir "$T/nobin"
start 200 40 env -u BROWSER PATH="$T/nobin" "$DOSSIER" --db "$db"
wait_for "3 articles"
find "relative"
keys o
wait_for "no browser: set \$BROWSER, or install xdg-open"
ok $? "o with no \$BROWSER and no xdg-open says what to set"

start 200 40 env BROWSER="no-such-browser --new-tab" "$DOSSIER" --db "$db"
wait_for "3 articles"
find "relative"
keys o
wait_for "no browser: cannot find no-such-browser; set \$BROWSER"
ok $? "a \$BROWSER that is not installed is named"

keys q
wait_dead
[ ! -e "$T/pwned" ]
ok $? "nothing ran"
exit 0
