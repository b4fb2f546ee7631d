#!/bin/sh
# The help screen (?), 'dossier help --keys' and dossier.conf(5) come from
# one table each: the operations with their keys, and the settings with
# every 'set' option the program takes. Compared here both ways, so one
# cannot gain or lose an entry the others lack.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 13

sample_db
use_theme default
cfg="$T/config/dossier/config"
man5="$top_srcdir/man/dossier.conf.5"

# "name keys" of each operation, from 'dossier help --keys' (name in 16
# columns, keys in 20) and from the help screen (keys at column 2 in 18,
# the name at column 21 in 16).
"$DOSSIER" help --keys | awk '{ k = substr($0, 18, 20);
	sub(/ +$/, "", k); if (k == "(unbound)") k = ""; print $1 "|" k }' |
	sort >"$T/cli"
help_ops() {
	sed -n '/^ Keys (/,/^ Commands/p' "$T/screen" |
		awk '/^  / && length($0) > 21 && substr($0, 22, 1) != " " {
		    k = substr($0, 3, 18); sub(/ +$/, "", k);
		    n = substr($0, 22, 16); sub(/ +$/, "", n);
		    print n "|" k }' | sort
}

start 250 120 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys '?'
wait_for "run an operation by name"
# Polled: a capture taken while the screen is still being drawn misses
# rows; the screen must come to agree (or the wait times out).
ops_agree() {
	help_ops >"$T/screen-ops"
	cmp -s "$T/cli" "$T/screen-ops"
}
wait_until ops_agree && [ "$(wc -l <"$T/cli")" -ge 30 ]
ok $? "the help screen lists the operations and keys of dossier help --keys"
[ $? = 0 ] || diff "$T/cli" "$T/screen-ops" | while IFS= read -r l; do
	diag "$l"; done

# The 'set' options: the help screen's Settings section (drawn from the
# options table) and the man page's are the same.
sed -n 's/^\.It Ic set \([a-z-]*\).*/set \1/p' "$man5" | sort -u >"$T/man-set"
sets_agree() {
	sed -n "/^ Settings (config file and ':')/,/^ Search/p" "$T/screen" |
		grep -o '^  set [a-z-]*' | sed 's/^  //' | sort -u >"$T/screen-set"
	cmp -s "$T/screen-set" "$T/man-set"
}
wait_until sets_agree && [ "$(wc -l <"$T/man-set")" -ge 10 ] &&
	! sed -n '/^ Commands/,/^ Settings/p' "$T/screen" | grep -q '^  set '
ok $? "the help's Settings section lists every set option of dossier.conf(5), no other"
[ $? = 0 ] || diff "$T/screen-set" "$T/man-set" | while IFS= read -r l; do
	diag "$l"; done

# And the program takes each of them: a bad value is refused as such,
# saying what is taken (a theme by its name), never as an unknown option.
keys q
wait_gone "run an operation by name"
bad=
while read -r _ opt; do
	keys : && wait_for ":" && keys "set $opt b@d" Enter
	case $opt in
	theme) want="unknown theme 'b@d'" ;;
	*) want="bad value 'b@d' for option '$opt': " ;;
	esac
	wait_for "$want" >/dev/null || bad="$bad $opt"
done <"$T/man-set"
[ -z "$bad" ]
ok $? "every documented set option is taken, a bad value refused saying what is"
[ -z "$bad" ] || diag "not taken:$bad"
keys : && wait_for ":" && keys 'set browser "w3m %u"' Enter
wait_for "unknown option 'browser'"
ok $? "an option that is not dossier's is named, however many words follow"
keys : && wait_for ":" && keys 'set hints' Enter
wait_for "usage: set hints VALUE"
ok $? "an option without its value is shown its usage"

# A rebind shows on the help screen; help --keys keeps the defaults.
printf 'set theme %s/themes/default\nbind x help\nunbind ?\nbind -T list J down\n' \
	"$top_srcdir" >"$cfg"
printf 'bind C-n up\nbind C-p up\nbind -T article K up\n' >>"$cfg"
start 250 120 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys x
wait_for "run an operation by name"
grep -q "^  x  *help  *show the keys" "$T/screen"
ok $? "the help screen shows a rebound key"
grep -q "^  j, Down, list:J  *down  " "$T/screen"
ok $? "and a key bound in one pane's table with the table's name"
grep -q "^  k, Up, C-n, C-p,…  *up  " "$T/screen"
ok $? "keys too many for their column end in an ellipsis"
# What the screen says of keys is the key table's word too.
grep -q "^ Keys (J/k, PageDown, g/G scroll; q or any other key closes)" \
	"$T/screen"
ok $? "the help's title names its keys as bound"
keys q && wait_gone "Keys ("
keys '?'
wait_for "? does nothing here (x lists the keys)"
ok $? "an unbound key's message names the help key as bound"
printf 'bind -T article V select\nunbind -T article v\n' >>"$cfg"
printf 'bind -T article N annotate\n' >>"$cfg"
start 250 120 "$DOSSIER" --db "$T/lib.db"
wait_for "15 articles"
keys Enter && wait_for "Velmark’s gas storage" && keys V
wait_for "select: j/K extend, N annotates, q drops"
ok $? "starting a selection names its keys as bound in the story"
keys q && wait_gone "select:" && keys q
tm resize-window -x 30 -y 8
wait_for "q quits."
printf 'unbind q\n' >>"$cfg"
start 30 8 "$DOSSIER" --db "$T/lib.db"
wait_for "Q quits."
ok $? "too small, the message names the quit key as bound"
keys Q
wait_dead
"$DOSSIER" help --keys | grep -q "^help  *?  "
ok $? "help --keys lists the default keys, whatever the config says"
exit 0
