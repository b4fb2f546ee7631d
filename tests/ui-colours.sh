#!/bin/sh
# Without 256 colours the default theme still shows what matters, in
# attributes that work on eight colours and on none: under TERM=screen and
# TERM=xterm (eight colours), NO_COLOR, and TERM=vt100 (no colours, no
# italic), capture-pane -e must show the selected row reversed, the focused
# pane's title reversed and the others' not, the cursor of a pane without
# the focus underlined, speakers bold and quotes italic (underlined where
# the terminal has no italic); colours beyond the terminal's are mapped
# down, never sent. Also: a name coloured inside a subheading keeps the
# subheading's bold.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 53

sample_db
use_theme default

# start_term TERM CMD...: start as 'start' does, with TERM (and tmux's
# default-terminal) set to TERM.
start_term() {
	term=$1; shift
	tm kill-server 2>/dev/null
	nsock=$((nsock + 1))
	SOCK="$T/sock$nsock"
	tm -f /dev/null new-session -d -x 120 -y 40 \
	    env TERM="$term" LC_ALL=C.UTF-8 \
	    XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "$@" \; \
	    set-option -g remain-on-exit on \; \
	    set-option -g default-terminal "$term"
}

# sgr TEXT: the SGR sequences written just before TEXT, one a line with
# their parameters only ("1;7", "34", "4").
sgr() {
	grep -o "\(.\[[0-9;]*m\)*$1" "$T/screen" | head -1 |
		grep -o '\[[0-9;]*m' | tr -d '[m'
}
# has_attr N TEXT: an SGR just before TEXT turns on attribute N.
has_attr() { sgr "$2" | tr ';' '\n' | grep -qx "$1"; }

for mode in screen xterm NO_COLOR vt100; do
	# Each mode on a fresh copy: opening the story makes "14 unread".
	cp "$T/lib.db" "$T/$mode.db"
	case $mode in
	NO_COLOR) start_term tmux-256color env NO_COLOR=1 \
		    "$DOSSIER" --db "$T/$mode.db" ;;
	*) start_term $mode "$DOSSIER" --db "$T/$mode.db" ;;
	esac
	wait_for "15 articles" -e
	has_attr 7 "  5 Dec 2025 Velmark says"
	ok $? "$mode: the selected row of the focused list is reversed"
	has_attr 7 " All (15)" && has_attr 1 " Feeds" && ! has_attr 7 " Feeds"
	ok $? "$mode: the focused pane's title is reversed, the other's is not"
	has_attr 4 " All  " && ! has_attr 7 " All  "
	ok $? "$mode: the feed list's cursor, without the focus, is underlined"

	# A frame is written top to bottom: the status line comes last.
	keys Enter
	wait_for "We prepared for this moment" && wait_for "14 unread" -e
	has_attr 7 " Article " && ! has_attr 7 " All (15)"
	ok $? "$mode: opened, the story's pane title is reversed, the list's not"
	has_attr 4 " Dec 2025 Velmark says" && ! has_attr 7 " Dec 2025 Velmark says"
	ok $? "$mode: the list's cursor, the focus gone, is underlined"
	if [ $mode = screen ] || [ $mode = vt100 ]; then
		has_attr 4 "We prepared for this moment"
		ok $? "$mode: a quote is underlined (the terminal has no italic)"
	else
		has_attr 3 "We prepared for this moment"
		ok $? "$mode: a quote is in italic"
	fi
	has_attr 1 "Energy Minister Hanne Lutz"
	ok $? "$mode: the speaker's name is bold"

	keys Tab
	wait_until 'tm capture-pane -pe >"$T/screen" 2>/dev/null;
		has_attr 7 " People & quotes" && has_attr 7 " Hanne Lutz "'
	! has_attr 7 " Article "
	ok $? "$mode: the focus moves: the sidebar's title and cursor reversed"

	case $mode in
	screen|xterm)
		! grep -q '[34]8;5;' "$T/screen" && has_attr 34 " People & quotes"
		ok $? "$mode: colours beyond eight are mapped down (colour24 to blue)"
		has_attr 32 "We prepared for this moment" &&
			has_attr 33 "Energy Minister Hanne Lutz"
		ok $? "$mode: quotes are green, speakers yellow"
		;;
	*)
		! grep -qE '\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]' \
		    "$T/screen"
		ok $? "$mode: no colour is sent"
		;;
	esac
done

# Without colours, what a theme sets apart by its background alone (a
# search match, the quote opened from the quotes view) is reversed, in
# every theme.
for theme in default light mono; do
	use_theme $theme
	for mode in NO_COLOR vt100; do
		case $mode in
		NO_COLOR) start_term tmux-256color env NO_COLOR=1 \
			    "$DOSSIER" --db "$T/lib.db" ;;
		*) start_term vt100 "$DOSSIER" --db "$T/lib.db" ;;
		esac
		wait_for "15 articles" -e
		keys / && wait_for "Search:" && keys drone Enter
		wait_for "Search: drone (9)"
		keys Enter
		wait_for "drone crash"
		wait_until 'tm capture-pane -pe >"$T/screen" 2>/dev/null;
			grep -q "\[[0-9;]*7[0-9;]*mdrone" "$T/screen"'
		ok $? "$theme, $mode: a search match is reversed"
		keys q && wait_gone "People & quotes"
		keys q && wait_for "All (15)"
		keys g Enter && wait_for "We prepared for this moment"
		keys Tab W && wait_for "Quotes: Hanne Lutz"
		keys j Enter
		wait_gone "Quotes: Hanne Lutz"
		wait_until 'tm capture-pane -pe >"$T/screen" 2>/dev/null;
			has_attr 7 "We prepared for this moment"'
		ok $? "$theme, $mode: the quote opened from the quotes view is reversed"
	done
done
use_theme default

# A name coloured inside a subheading keeps the subheading's bold: the
# place Tessalin opens "Tessalin's message".
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys Enter
wait_for "Velmark’s gas storage sites"
keys Space
wait_for "Tessalin’s message"
screen -e
grep -q "\[1m.\[38;5;116mTessalin" "$T/screen"
ok $? "a place in a subheading is in the place colour and bold"
grep -q "Tessalin.\[38;5;230m’s message" "$T/screen"
ok $? "the subheading goes on in its colour, bold still"

# A theme without the optional unfocused elements still loads; the cursor
# of a pane without the focus is then its row underlined.
grep -v 'unfocused' "$top_srcdir/themes/default" >"$T/old-theme"
printf 'set theme %s\n' "$T/old-theme" >"$T/config/dossier/config"
start_term xterm "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles" -e
! has "$T/screen" "not set" && has_attr 4 " All  " && ! has_attr 7 " All  "
ok $? "a theme from before the unfocused elements loads, cursor underlined"
exit 0
