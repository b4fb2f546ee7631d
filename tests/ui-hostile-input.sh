#!/bin/sh
# Hostile outside strings through every door of the screen other than
# stored story text (tests/ui-hostile.sh): feed titles and tags, item
# categories, OPML folders, a fetch error's reason phrase, notes and tags
# given on the command line or typed, searches typed and pasted, the ':'
# command line, the config file's bind and set lines, and a theme file.
# Each holds escape sequences (OSC, CSI, DCS), raw C1 bytes, U+009B, BEL,
# BS, CR, a bidirectional override and broken UTF-8. The raw stream to the
# terminal is recorded with script(1) and must hold none of them, the
# screen must still answer keys, and the panes show the cleaned text.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
. "$top_srcdir/tests/lib-http.sh"
command -v script >/dev/null 2>&1 || skip_all "script is not installed"
plan 17

E=$(printf '\033]52;c;SGVsbG8=\007\033[6n\033P1$r\033\\\233%s \302\233%s bel\007 bs\010 cr\rlf \342\200\256rtl \377\376' 9mRAWC1 8mENCC1)
# Shorter and without spaces: for tags (64 bytes) and config words.
W=$(printf '\033]52;c;SGVsbG8=\007\033[6n\033P1$r\033\\\233%s\302\233rtl\342\200\256bel\007bs\010\377\376' 9mRAWC1)
db="$T/lib.db"
dz() { "$DOSSIER" --db "$db" "$@" >>"$T/setup" 2>&1; }

# raw FILE PATTERN: the recorded stream holds PATTERN (printf escapes).
raw() { LC_ALL=C grep -qF -- "$(printf "$2")" "$1"; }
# leaked FILE: a byte of the payloads reached the terminal.
leaked() {
	raw "$1" '\033]52;' || raw "$1" '\033[6n' || raw "$1" '\033P1$r' ||
	    raw "$1" '\2339mRAWC1' || raw "$1" '\302\233' ||
	    raw "$1" '\342\200\256' || raw "$1" '\377\376' ||
	    raw "$1" 'bel\007' || raw "$1" 'bs\010' || raw "$1" 'cr\rlf'
}
# no_leak FILE DESCRIPTION
no_leak() {
	[ -s "$1" ] && ! leaked "$1"
	ok $? "$2" || diag "$(LC_ALL=C grep -aoE '.{0,20}(\]52;|\[6n|P1\$r|bel|bs|cr).{0,4}' "$1" | cat -v | head -5)"
}

# The library: a feed with hostile titles, category and tag; a feed whose
# last fetch failed with a hostile reason; an OPML folder; a note and a tag.
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
	printf '<title>FEEDT%s feed</title><link>https://evil.example/</link>\n' "$E"
	printf '<item><title>ITEMT%s item</title><link>https://evil.example/1</link>\n' "$E"
	printf '<category>CATT%s</category>\n' "$E"
	printf '<description>BODYT%s said.</description></item>\n' "$E"
	printf '</channel></rss>\n'
} >"$T/srv/hostile.rss"
sample_db
dz add --tag "FTAG$W" "$URL/t/hostile.rss"
: >"$T/srv/up"
dz add "$URL/hostile-reason"
rm "$T/srv/up"
dz fetch "$URL/hostile-reason"
cat >"$T/h.opml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>t</title></head><body>
<outline text="OPMLF$(printf '\302\233')9m$(printf '\342\200\256')x">
  <outline type="rss" text="OPMLT" xmlUrl="$URL/f/atom.xml"/>
</outline></body></opml>
EOF
dz opml import --fetch "$T/h.opml"
id=$("$DOSSIER" --db "$db" list | grep ITEMT | awk '{print $1}')
dz note "$id" "NOTET$E note"
dz tag "$id" "STAG$W"
[ -n "$id" ] && has "$T/setup" "HTTP 503 Busy"
ok $? "a library holding hostile feeds, tags, folders and a note" ||
    diag "$(cat -v "$T/setup")"

printf 'color \033]52;c;eA==\007\233THEMEEL colour1 default\n' >"$T/evil.theme"
use_theme default
start 120 50 script -qfc "\"$DOSSIER\" --db \"$db\"" "$T/raw"
wait_for "21 articles" && wait_for "#opmlfx " && wait_for "#catt" &&
    wait_for "#ftag"
ok $? "feed, item and OPML folder tags are listed cleaned"
keys BTab G
wait_for "FEEDT"
ok $? "the feed list shows the hostile feed's title"
keys k k Enter
wait_for "last fetch of Kestrel Times World failed: HTTP 503 Busy"
ok $? "a failed fetch's hostile reason phrase is shown"
grep -qF "RED" "$T/screen" && grep -qF "32mC1" "$T/screen"
ok $? "the reason phrase's text is kept, its controls gone"

# The hostile story, alone in its feed: its title, feed, tags and note.
keys BTab k Enter
wait_for "(1) 1/1"
keys Enter
wait_for "NOTET" && wait_for "ITEMT" && wait_for "BODYT" &&
    wait_for "#stag"
ok $? "the story shows its title, body, tags and note" || diag "$(cat -v "$T/setup")"
grep -qF "RAWC1" "$T/screen" && grep -qF "ENCC1" "$T/screen"
ok $? "with the text around the escapes kept"

# Typed: a note and tags with U+009B, U+202E and BEL (C-g cancels, so
# it goes last in the tags line, after Enter would have ended it).
keys a
wait_for "Note"
tm send-keys -l "$(printf 'TYPED\302\233N1\342\200\256N2')"
keys Enter
wait_for "TYPEDN1N2"
ok $? "a typed note keeps its text and drops the controls"
keys t
wait_for "Tags:"
tm send-keys -l "$(printf ' ttag\302\233x\342\200\256y')"
keys Enter
wait_for "#ttagxy"
ok $? "typed tags drop the controls"
keys q
wait_for "21 articles"

# Search typed, then pasted with an escape sequence in it: the Escape
# ends the prompt, the rest arrives as keys; the screen stays usable.
keys /
wait_for "Search:"
tm send-keys -l "$(printf 'BODYT\302\233\342\200\256')"
wait_for "Search: BODYT"
keys Enter
wait_for "Search: BODYT (1)"
ok $? "a typed search drops the controls and finds the story"
tm set-buffer "$(printf 'PASTE\302\233x\342\200\256y\033]52;c;SGVsbG8=\007')"
keys /
wait_for "Search:"
tm paste-buffer
keys Escape Escape C-l
keys ?
wait_for "type a command"
ok $? "after a paste holding an escape sequence the keys still work"
keys q
wait_gone "type a command"

# The ':' command line: typed controls are dropped; a theme file's hostile
# element name is echoed in the error.
keys :
wait_for ":"
tm send-keys -l "$(printf 'set \302\233OPT\342\200\256X v')"
keys Enter
wait_for "unknown option 'OPTX'"
ok $? "a typed command with controls gets an error naming it cleaned"
keys :
tm send-keys -l "set theme $T/evil.theme"
keys Enter
wait_for "unknown element ']52;c;eA=="
ok $? "a theme's hostile element name is shown without its controls"
keys q q q q
wait_dead
ok $? "dossier quits normally"
no_leak "$T/raw" "nothing of the hostile library, typing or paste reaches the terminal"

# The config file: a hostile key name, option name and option value, one
# run each, as only the first error is shown.
run=0
for line in "bind KEYN$W quit" "set OPTN$W on" "set sidebar VALN$W"; do
	run=$((run + 1))
	printf '%s\n' "$line" >"$T/config/dossier/config"
	start 120 20 script -qfc "\"$DOSSIER\" --db \"$db\"" "$T/raw$run"
	wait_for "config:1:" && cat "$T/screen" >>"$T/cfgscreens" &&
	    keys q && wait_dead || echo "run $run failed" >>"$T/cfgfail"
done
[ ! -e "$T/cfgfail" ] && has "$T/cfgscreens" "unknown key 'KEYN]52;c;SGVsbG8=" &&
    has "$T/cfgscreens" "unknown option 'OPTN]52;" &&
    has "$T/cfgscreens" "bad value 'VALN]52;"
ok $? "config errors name the hostile key, option and value cleaned" ||
    diag "$(cat "$T/cfgfail" "$T/cfgscreens" 2>/dev/null)"
[ -s "$T/raw1" ] && [ -s "$T/raw2" ] && [ -s "$T/raw3" ] &&
    ! leaked "$T/raw1" && ! leaked "$T/raw2" && ! leaked "$T/raw3"
ok $? "nothing of a hostile config file reaches the terminal"
exit 0
