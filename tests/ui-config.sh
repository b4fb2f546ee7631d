#!/bin/sh
# The config file and the key table: a rebound key, an unbound one, errors
# reported with file:line, the ':' command line, each theme, NO_COLOR, and
# the man page listing every operation of the table with its keys, every
# theme element and every 'set' option.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 22

sample_db
cfg="$T/config/dossier/config"

cat >"$cfg" <<EOC
# vi keys are the default; these are a user's own
set theme $top_srcdir/themes/default
bind x quit
unbind q
bind C-n down   # a comment after a command
EOC
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys C-n Enter
wait_for "Ulmgrad Observer"
ok $? "a key bound in the config file runs its operation"
keys q '?'
wait_for "toggle-sidebar"
ok $? "an unbound key does nothing"
keys Escape x x
wait_dead
ok $? "the rebound key quits"

cat >"$cfg" <<EOC
set theme $top_srcdir/themes/default
bind j frobnicate
bind
set sidebar maybe
EOC
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "$cfg:2: unknown operation 'frobnicate' (and 2 more errors)"
ok $? "config errors are reported with file:line, the screen still opens"
keys j
wait_for "15 articles ·"
ok $? "the message goes at the next key"

keys : 's' 'e' 't' Space 's' 'i' 'd' 'e' 'b' 'a' 'r' Space 'o' 'f' 'f' Enter
wait_gone "People & quotes"
ok $? "the command line runs config commands (set sidebar off)"
keys : 'b' 'o' 'g' 'u' 's' Enter
wait_for "unknown command 'bogus'"
ok $? "a bad command gets a message"

# Key tables: a binding in the article's table wins there, not elsewhere.
cat >"$cfg" <<EOC
set theme $top_srcdir/themes/default
bind -T article s quit
bind -T nowhere x quit
EOC
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "unknown key table 'nowhere'"
ok $? "an unknown key table is an error"
keys s
wait_for "starred"
keys Enter
wait_for "Brenmark Daily"
keys s s
wait_for "unstarred"
ok $? "a key bound in the article table acts there; the global one elsewhere"

# Themes: each loads without complaint and gives the speaker its colour.
for theme in default light mono; do
	use_theme $theme
	printf 'bind Escape quit\n' >>"$cfg"
	start 120 40 "$DOSSIER" --db "$T/lib.db"
	wait_for "15 articles" -e
	cp "$T/screen" "$T/screen-$theme"
	! grep -q "themes/$theme" "$T/screen" && grep -q '\[' "$T/screen"
	ok $? "theme $theme loads and colours the screen"
done
! cmp -s "$T/screen-default" "$T/screen-light"
ok $? "the themes differ"

use_theme default
start 120 40 env NO_COLOR=1 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles" -e
! grep -oE '\[[0-9;]*m' "$T/screen" |
	grep -qE '[[;](3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]'

ok $? "NO_COLOR: attributes only, no colours"

# colorN is colourN: every element's foreground colour 196, both ways.
sed -e 's/^\(color [^ ]*  *\)[^ ]*/\1color196/' \
    -e '/^color n/s/color196/colour196/' "$top_srcdir/themes/default" >"$T/num"
printf 'set theme %s\nbind Escape quit\n' "$T/num" >"$cfg"
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles" -e
grep -q '38;5;196' "$T/screen" && ! grep -qE '38;5;(96|240)m' "$T/screen"
ok $? "a colour number is read after color as after colour"

# A theme that fails halfway changes no colour: the light theme's first
# lines and then a mistake leave the default theme's screen as it was.
use_theme default
start 120 40 "$DOSSIER" --db "$T/lib.db"
# The outlet counts come after the first screen: wait for them to settle.
wait_until 'grep -q "Brenmark Daily  *3" "$T/screen"'
screen -e
sed '$d' "$T/screen" >"$T/before"
{ grep '^color' "$top_srcdir/themes/light" | head -20
  echo 'color nosuch red black'; } >"$T/half"
keys : "set theme $T/half" Enter
wait_for "unknown element 'nosuch'" -e
sed '$d' "$T/screen" >"$T/after"
cmp -s "$T/before" "$T/after"
ok $? "a theme with an error leaves every colour as it was"

# The man page's list of operations (under KEYS) is the key table: the same operations,
# each with the same default keys, in both directions.
man5="$top_srcdir/man/dossier.conf.5"
"$DOSSIER" help --keys |
	awk '{ k = ""; for (i = 2; i <= NF; i++) { k = k " " $i;
	    if ($i !~ /,$/) break } print $1 k }' |
	sed 's/ (unbound)$//' | sort >"$T/table-keys"
sed -n '/^\.Ss Operations/,/^\.Sh /p' "$man5" |
	sed -n 's/^\.It Ic \([^ ]*\)\( Pq Cm \(.*\)\)\{0,1\}$/\1 \3/p' |
	sed -e 's/\\&//g' -e 's/ ,/,/g' -e 's/ *$//' | sort >"$T/man-keys"
cmp -s "$T/table-keys" "$T/man-keys" && [ "$(wc -l <"$T/man-keys")" -ge 30 ]
ok $? "dossier.conf(5) lists every operation of the key table with its keys"
[ $? = 0 ] || diff "$T/table-keys" "$T/man-keys" | while IFS= read -r l; do
	diag "$l"; done

# The KEYS section renders at 80 columns as a list: every key name the
# program reads is there, quotes are balanced, no line overflows.
if command -v man >/dev/null 2>&1 && command -v col >/dev/null 2>&1; then
	MANWIDTH=80 MAN_KEEP_FORMATTING= man -l "$man5" 2>/dev/null | col -bx |
		sed -n '/^KEYS/,/^[A-Z]/{/^KEYS/p;/^[A-Z]/!p;}' >"$T/keys-section"
	sed -n '/^} ui_key_names\[\] = {/,/^};/p' \
	    "$top_srcdir/src/ui/ui-keyname.c" | grep -o '"[^"]*"' | tr -d '"' \
	    >"$T/keynames"
	bad=
	while read -r k; do
		grep -qw -- "$k" "$T/keys-section" || bad="$bad $k"
	done <"$T/keynames"
	for k in C-a C-z F1 F12; do
		grep -qw -- "$k" "$T/keys-section" || bad="$bad $k"
	done
	# Each operation of the table renders as "op (keys)" on its own line.
	while read -r op k; do
		line="     $op${k:+ ($k)}"
		grep -qxF -- "$line" "$T/keys-section" || bad="$bad [$line]"
	done <"$T/table-keys"
	# Quotes neither nest nor stay open: "(‘j, ‘G, ‘?’’’)" was garbled.
	python3 -c 'import sys
d = 0
for l in open(sys.argv[1], encoding="utf-8"):
    l = l.rstrip("\n")
    for ch in l:
        d += {"\u2018": 1, "\u2019": -1}.get(ch, 0)
        if d not in (0, 1):
            print("quotes:", l); d = 0
    if len(l) > 80: print("long:", l)
if d: print("a quote left open")' "$T/keys-section" >"$T/unbal"
	[ -z "$bad" ] && [ ! -s "$T/unbal" ] &&
		[ "$(wc -l <"$T/keynames")" -ge 16 ] &&
		grep -q "^     Up, Down, Left, Right  the arrow keys" \
		    "$T/keys-section"
	ok $? "dossier.conf(5)'s KEYS section is a well-formed list of every key"
	[ -n "$bad" ] && diag "missing:$bad"
	[ -s "$T/unbal" ] && diag "$(cat "$T/unbal")"
else
	skip "man or col is not installed"
fi

# Every theme element of ui_elem_names is described in dossier.conf(5).
sed -n 's/^\.It Sy //p' "$man5" | tr -d ',' | tr ' ' '\n' >"$T/man-elems"
sed -n '/ui_elem_names\[E_COUNT\] = {/,/};/p' "$top_srcdir/src/ui/ui-theme.c" |
	grep -o '"[^"]*"' | tr -d '"' >"$T/elems"
bad=
while read -r e; do
	grep -qxF "$e" "$T/man-elems" || bad="$bad $e"
done <"$T/elems"
[ -z "$bad" ] && [ "$(wc -l <"$T/elems")" -ge 30 ]
ok $? "dossier.conf(5) describes every theme element"
[ -n "$bad" ] && diag "missing:$bad"

# Every option ui_set knows is documented as 'set OPTION'.
sed -n '/^ui_set(/,/^}/p' "$top_srcdir/src/ui/ui-keys.c" |
	sed -n 's/.*strcmp(w\[1\], "\([^"]*\)").*/\1/p' >"$T/opts"
bad=
while read -r o; do
	grep -q "^\.It Ic set $o " "$man5" || bad="$bad $o"
done <"$T/opts"
[ -z "$bad" ] && [ "$(wc -l <"$T/opts")" -ge 4 ]
ok $? "dossier.conf(5) documents every 'set' option"
[ -n "$bad" ] && diag "missing:$bad"
# A theme that is no small regular file is refused at once: /dev/zero
# would be read for ever.
truncate -s 2M "$T/big-theme"
start 100 30 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys : && wait_for ":" && keys "set theme /dev/zero" Enter
wait_for "/dev/zero: not a regular file"
ok $? "set theme /dev/zero is refused as not a regular file"
keys : && wait_for ":" && keys "set theme $T/big-theme" Enter
wait_for "big-theme: bigger than 1 MiB"
ok $? "a theme file over 1 MiB is refused"
exit 0
