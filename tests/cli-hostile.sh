#!/bin/sh
# Hostile outside strings through every door of the command line: feed
# titles, categories and addresses, HTTP reason phrases and curl errors,
# feed tags and OPML folders, notes, tags, searches, file names given to
# import, and arguments echoed in errors. Each holds escape sequences (OSC,
# CSI, DCS), raw C1 bytes, U+009B, BEL, BS, CR, NUL where it can, a
# bidirectional override and broken UTF-8; nothing of them may reach
# stdout or stderr but newline and tab.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 33

db="$T/lib.db"
d() { run --db "$db" "$@"; }

# dirty FILE: FILE holds a control byte other than newline and tab, NUL, a
# C1 control (raw or as UTF-8), a bidirectional control or invalid UTF-8.
dirty() {
	LC_ALL=C grep -aq "$(printf '[\001-\010\013-\037\177]')" "$1" ||
	    LC_ALL=C grep -aq "$(printf '\302[\200-\237]')" "$1" ||
	    LC_ALL=C grep -aqE "$(printf '\342\200[\216\217\252-\256]|\342\201[\246-\251]')" "$1" ||
	    LC_ALL=C.UTF-8 grep -aqxv '.*' "$1" ||
	    [ "$(tr -d '\000' <"$1" | wc -c)" -ne "$(wc -c <"$1")" ]
}

# clean DESCRIPTION: neither output of the last run is dirty.
clean() {
	! dirty "$T/out" && ! dirty "$T/err"
	ok $? "$1" || {
		diag "rc=$rc" "stdout:" "$(head -c 2000 "$T/out" | cat -v)" \
		    "stderr:" "$(head -c 2000 "$T/err" | cat -v)"
	}
}

# The payload of one line (no NUL: it goes in arguments too).
P=$(printf 'PWNED\033]52;c;SGVsbG8=\007OSC \033[31mRED\033[6n \033Pq#0;2\033\\DCS \233%s \302\233%s bel\007 bs\010 cr\rend \342\200\256RTL\342\200\254 bad\377\376 ok' 31mRAWC1 32mENCC1)

# A tag of at most 64 bytes once cleaned.
PT=$(printf 'Tag\033]52;c;eA==\007\033[31mR\2333m\302\233C1\342\200\256\377\007\010\rx')

d import --quiet "$top_srcdir/samples/library"
[ $rc -eq 0 ]
ok $? "a library of the samples" || diag "$(cat "$T/err")"

# Feeds: raw bytes in RSS (titles, author, categories), escapes in JSON.
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
	printf '<title>Feed %s</title><link>https://evil.example/</link>\n' "$P"
	printf '<item><title>Item %s</title><link>https://evil.example/1</link>\n' "$P"
	printf '<author>x@evil.example (By %s)</author><category>Cat %s</category>\n' "$P" "$P"
	printf '<description>Body %s said.</description></item>\n' "$P"
	printf '</channel></rss>\n'
} >"$T/srv/hostile.rss"
J='J\u001b]52;c;SGVsbG8=\u0007OSC \u001b[31mRED \u009b33mU9B \u0008\u000d\u0000nul \u202eRTL \u0090qDCS\u009c end'
cat >"$T/srv/hostile.json" <<EOF
{"version": "https://jsonfeed.org/version/1.1", "title": "Json $J",
 "home_page_url": "https://evil.example/json",
 "items": [{"id": "1", "url": "https://evil.example/j1", "title": "Jitem $J",
   "content_text": "Text $J said.", "tags": ["Jtag $J"],
   "authors": [{"name": "Jauthor $J"}]}]}
EOF
d add --tag "$PT" "$URL/t/hostile.rss" "$URL/t/hostile.json"
clean "add of feeds with hostile titles and a hostile --tag prints no control"
has "$T/out" "Feed PWNED" && has "$T/out" "Json J" && has "$T/out" "RAWC1" &&
    has "$T/out" "ENCC1"
ok $? "add shows the feeds' titles cleaned" || diag "$(cat -v "$T/out")"

d add "$URL/hostile-reason" "$URL/hostile-redirect"
clean "fetch errors (a reason phrase, a redirect) print no control"
has "$T/err" "HTTP 503 Busy" && has "$T/err" "RED"
ok $? "the reason phrase is shown cleaned" || diag "$(cat -v "$T/err")"
# The same failure on a later fetch is kept as the feed's last error.
: >"$T/srv/up"
d add "$URL/hostile-reason"
rm "$T/srv/up"
d fetch "$URL/hostile-reason"
clean "a failed fetch prints no control"

# OPML: folders, titles and an address with C1 and bidi characters (XML
# forbids C0 controls; the preparation drops them before the parser).
cat >"$T/hostile.opml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>t</title></head><body>
<outline text="Folder$(printf '\302\233')31m$(printf '\342\200\256')RTL$(printf '\033]52;c;x\007')">
  <outline type="rss" text="Opml $P" xmlUrl="$URL/t/hostile.rss"/>
  <outline type="rss" text="Opml2" xmlUrl="$URL/f/world.xml$(printf '\302\233')31m"/>
  <outline type="rss" text="Opml3" xmlUrl="$URL/t/$(printf '\033[31m')x.rss"/>
</outline></body></opml>
EOF
d opml import "$T/hostile.opml"
clean "opml import of hostile folders, titles and addresses prints no control"
d opml export
clean "opml export prints no control"

d feeds
clean "feeds prints no control"
has "$T/out" "Feed PWNED" && has "$T/out" "HTTP 503 Busy"
ok $? "feeds shows titles and last errors cleaned" || diag "$(cat -v "$T/out")"
d feeds --json
clean "feeds --json prints no control"
fid=$(grep -F "hostile.json" "$T/out" | sed 's/^{"id": *\([0-9]*\).*/\1/' | head -1)
d tag-feed "${fid:-1}" "$PT"
clean "tag-feed with a hostile tag prints no control"

d list
clean "list prints no control"
has "$T/out" "Item PWNED" && has "$T/out" "Jitem J"
ok $? "list shows the stories' titles cleaned" || diag "$(cat -v "$T/out")"
id=$(grep -F "Item PWNED" "$T/out" | awk '{print $1}')
jid=$(grep -F "Jitem J" "$T/out" | awk '{print $1}')
d show "$id"
clean "show of a story from a hostile feed prints no control"
d show "$jid"
clean "show of a story from a hostile JSON feed prints no control"
d show --json "$jid"
clean "show --json prints no control"

# Tags and notes given on the command line and on stdin.
d tag "$id" "$PT" "+x$PT"
clean "tag with hostile tags prints no control"
d tag --list
clean "tag --list prints no control"
d note "$id" "Note $P"
clean "note with hostile text prints no control"
printf 'Stdin \000nul \033]52;c;eA==\007 \302\233 \342\200\256 \377 end\n' |
    "$DOSSIER" --db "$db" note "$jid" - >"$T/out" 2>"$T/err"
clean "note from stdin holding NUL and escapes prints no control"
d note --passage "$P" "$id" x
clean "note on a hostile passage that is not there prints no control"
d note --list
clean "note --list prints no control"
has "$T/out" "Note PWNED" && has "$T/out" "RAWC1"
ok $? "note --list shows the notes cleaned" || diag "$(cat -v "$T/out")"

d search PWNED
clean "search for a hostile story prints no control"
d search --json "title:$P"
clean "search --json with a hostile query prints no control"
d export
clean "export (Markdown) prints no control"

# Arguments echoed in errors: commands, options, ids, limits, paths.
: >"$T/errs"
bad() { d "$@"; cat "$T/out" "$T/err" >>"$T/errs"; }
bad "$P"
bad help "$P"
bad list "--$P"
bad list "-$P"
bad list -n "$P"
bad list --tag "$P"
bad show "$P"
bad show 99999 "$P"
bad note --list "$P"
bad note --edit "$P" x
bad note 1 --passage "$P" x
bad search -n "$P" x
bad search "$P"
rc_search=$rc
bad search "title:$P OR"
bad export -o "$T/none/$P"
bad export --format "$P"
bad import --tag "$P" "$T/none"
bad import "$T/none/$P"
bad opml import "$T/none/$P"
bad opml "$P"
bad tag 1 "$P"
bad tag "$P"
bad tag-feed "$P"
bad tag-feed 1 "$P"
bad remove "$P"
bad fetch "$P"
bad add "http://127.0.0.1:1/$P"
bad extract "$T/none/$P"
! dirty "$T/errs"
ok $? "arguments echoed in errors hold no control" ||
    diag "$(grep -a . "$T/errs" | cat -v | head -40)"
[ "$rc_search" -le 2 ]
ok $? "a hostile search ends normally"

# File names: an escape sequence and a newline in names given to import
# (one imported, one empty and refused), and one passed as an option.
mkdir "$T/in"
n1=$(printf 'evil\033]52;c;SGVsbG8=\007OSC\302\233%s\nline.txt' 31m)
n2=$(printf 'empty\033[31m\233red.txt')
printf 'A story\n\nThe minister said "words," on Monday.\n' >"$T/in/$n1"
: >"$T/in/$n2"
d import "$T/in"
clean "import of files named with escapes and newlines prints no control"
has "$T/out" "OSC" && has "$T/out" "line.txt"
ok $? "import names the file cleaned" || diag "$(cat -v "$T/out")"
(cd "$T/in" && "$DOSSIER" --db "$db" import -- * "$(printf -- '--x\033]52;c;eA==\007')" \
    >"$T/out" 2>"$T/err")
(cd "$T/in" && "$DOSSIER" --db "$db" import "$(printf -- '--x\033]52;c;eA==\007')" \
    >>"$T/out" 2>>"$T/err")
clean "a hostile file name taken as an option prints no control"
# Escape sequences written as character references: the reference goes
# and so does the rest of the sequence, not only the ESC.
cat >"$T/srv/refs.rss" <<'EOF'
<?xml version="1.0"?><rss version="2.0"><channel><title>Refs &#27;[31mfeed</title>
<item><title>&#x1B;]0;pwned&#7;Ref story</title><link>http://x.example/r</link>
<description>&amp;#27;[2JCleared &lt;b&gt;&amp;#x1b;[31mred&lt;/b&gt; text.</description></item>
</channel></rss>
EOF
cat >"$T/srv/refs.html" <<'EOF'
<html><head><title>&#27;]52;c;SGVsbG8=&#7;Ref page</title></head><body><article>
<h1>&#27;[1mRef page</h1><p>Text &#x1b;[2J that the minister read out on Monday, word for word.</p>
</article></body></html>
EOF
run --db "$T/refs.db" add "$URL/t/refs.rss" "$URL/t/refs.html"
"$DOSSIER" --db "$T/refs.db" show 1 >>"$T/out" 2>&1
"$DOSSIER" --db "$T/refs.db" show 2 >>"$T/out" 2>&1
[ $rc -eq 0 ] && has "$T/out" "Ref story" && has "$T/out" "Refs feed" &&
	has "$T/out" "Cleared red text." && has "$T/out" "Text that the minister" &&
	! grep -qE '\[(31|2J|1)m?|\]0;|\]52;|pwned' "$T/out"
ok $? "escape sequences written as character references go whole" ||
	diag "$(cat "$T/out" "$T/err")"
exit 0
