#!/bin/sh
# newsboat's bind-key, unbind-key and color lines in dossier's config file,
# newsboat's own config read with newsboat-config, and include: mapped
# lines act, the others are refused with file:line and the rest of the
# file is read; hostile words are shown escaped and cut.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 26

sample_db
cfg="$T/config/dossier/config"
esc=$(printf '\033')
bel=$(printf '\007')
c1bidi=$(printf '\302\233\342\200\256\377')
long=$(printf 'x%.0s' $(seq 1 300))

cat >"$cfg" <<EOC
set theme $top_srcdir/themes/default
bind-key ^F pagedown articlelist
bind-key X toggle-show-read-feeds
bind-key u open urlview
unbind-key A
bind-key M mark-feed-read
color listfocus black yellow bold
color listfocus_unread red default
color article white default invis
bind-key z frobnicate
bind-key "$esc[31m$bel" open
bind-key y $long
bind-key "#" toggle-article-read
bind-key "\\"" quit feedlist
bind-key ENTER open
bind-key "$c1bidi" open
EOC
start 200 40 "$DOSSIER" --db "$T/lib.db"
wait_for "$cfg:3: newsboat op 'toggle-show-read-feeds' has no dossier equivalent (and 7 more errors)"
ok $? "the first refused line is named with file:line, and the others counted"

# The mapped lines act: the rest of the file was read.
keys C-f
wait_for " 15/15"
ok $? "bind-key ^F pagedown articlelist: C-f pages the list"
wait_for "Enter:open  t:tag  a:note  /:search  M:mark read"
ok $? "unbind-key A and bind-key M mark-feed-read: the hint line shows M"
keys g '#'
wait_for "marked read"
ok $? "a quoted key (\"#\") is bound: toggle-article-read is toggle-read"
screen -e
# The selected row itself (today's date shows no year, another's does).
grep 'Velmark says gas stor' "$T/screen" | grep -E '(\[|;)30(;|m)' |
	grep -qE '(\[|;)43(;|m)'
ok $? "color listfocus black yellow: the selected row is black on yellow"

# Every refusal is listed on the help screen with its file and line.
keys '?'
wait_for "Errors in the config file"
# A capture can catch the help half drawn (under load the terminal gets it
# in pieces): wait for its first and last error lines before reading them.
wait_until 'grep -qF "$cfg:3: " "$T/screen" && grep -qF "$cfg:16: " "$T/screen"'
has "$T/screen" "$cfg:3: newsboat op 'toggle-show-read-feeds' has no dossier equivalent"
ok $? "an op with no equivalent is refused with file:line"
has "$T/screen" "$cfg:4: newsboat dialog 'urlview' has no dossier equivalent"
ok $? "a dialog with no equivalent is refused"
has "$T/screen" "$cfg:8: newsboat color element 'listfocus_unread' has no dossier equivalent"
ok $? "a colour element with no equivalent is refused"
has "$T/screen" "$cfg:9: newsboat attribute 'invis' has no dossier equivalent"
ok $? "an attribute with no equivalent is refused"
has "$T/screen" "$cfg:10: unknown operation 'frobnicate'"
ok $? "an operation newsboat does not have either is unknown"
has "$T/screen" "$cfg:11: unknown key '\\x1b[31m\\x07'"
ok $? "a hostile key is shown with its control characters escaped"
has "$T/screen" "$cfg:16: unknown key '\\u{9b}\\u{202e}\\xff'"
ok $? "C1 and bidi controls and bytes that are not UTF-8 are escaped too"
has "$T/screen" "$cfg:12: unknown operation 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'"
ok $? "a long word is cut in the message"
keys q
wait_gone "Errors in the config file"
keys h '"'
wait_dead
ok $? "bind-key \"\\\"\" quit feedlist binds in the feed list's table"

# newsboat-config reads newsboat's own file: its keys and colours only.
mkdir -p "$T/home/.newsboat"
cat >"$T/home/.newsboat/config" <<'EOC'
# a newsboat user's file
auto-reload yes
browser "firefox %u"
urls-source "local"
articlelist-format "%4i %f %D %6L  %?T?|%-17T|  ?%t"
bind-key J next articlelist
bind-key K prev articlelist
bind-key ^D halfpagedown
bind-key W show-urls
include extra
EOC
printf 'bind-key ^E end\n' >"$T/home/.newsboat/extra"
printf 'set theme %s/themes/default\nnewsboat-config\n' "$top_srcdir" >"$cfg"
start 200 40 env HOME="$T/home" "$DOSSIER" --db "$T/lib.db"
wait_for "$T/home/.newsboat/config:9: newsboat op 'show-urls' has no dossier equivalent"
ok $? "newsboat-config reports its refusals with newsboat's file and line"
! grep -q "more error" "$T/screen"
ok $? "newsboat's other settings (browser, formats) are passed over"
keys J J
wait_for " 3/15"
ok $? "bind-key J next articlelist moves down the list"
keys C-e
wait_for " 15/15"
ok $? "newsboat's include is read too (bind-key ^E end)"

# include: relative to the including file; loops and odd files refused.
mkdir -p "$T/config/dossier/more"
printf 'bind-key ^E end\ninclude self\n' >"$T/config/dossier/more/self"
{ printf 'set theme %s/themes/default\ninclude more/self\n' "$top_srcdir"
  printf 'include %s\n' "$T/config/dossier/more"
  printf 'bind %s down\n' "$(printf 'y%.0s' $(seq 1 1100))"; } >"$cfg"
start 200 40 "$DOSSIER" --db "$T/lib.db"
wait_for "files included more than 4 deep"
ok $? "a file that includes itself stops four files deep"
keys C-e
wait_for " 15/15"
keys '?'
wait_for "Errors in the config file"
# A capture can catch the help half drawn (under load the terminal gets it
# in pieces): wait for its first and last error lines before reading them.
wait_until 'grep -qF "$cfg:3: " "$T/screen" && grep -qF "$cfg:16: " "$T/screen"'
has "$T/screen" "$T/config/dossier/more: not a regular file" &&
	has "$T/screen" "$cfg:4: line longer than 1023 bytes"
ok $? "a directory and a line too long are refused; the rest is read"

# newsboat's macros (several commands behind ",KEY") are refused by name,
# in dossier's file, in newsboat's, and on the command line.
cat >"$T/home/.newsboat/config" <<'EOC'
macro v set browser "mpv %u" ; open-in-browser ; set browser "elinks %u"
bind-key J next articlelist
EOC
{ printf 'set theme %s/themes/default
' "$top_srcdir"
  printf 'macro p open-in-browser
'
  printf 'newsboat-config
'; } >"$cfg"
start 200 40 env HOME="$T/home" "$DOSSIER" --db "$T/lib.db"
wait_for "$cfg:2: newsboat macros are not supported: bind the key to one operation (bind-key KEY OPERATION) (and 1 more error)"
ok $? "a macro line in the config file is refused as a macro, with file:line"
keys '?'
wait_for "$T/home/.newsboat/config:1: newsboat macros are not supported"
ok $? "a macro in newsboat's config is refused too, not passed over"
keys q J
wait_for " 2/15"
ok $? "the lines after a macro are read"
keys : && wait_for ":" && keys "macro x open" Enter
wait_for "newsboat macros are not supported"
ok $? "a macro typed on the command line says so"

# unbind-key -a with no quit key bound again: the screen says how to leave.
printf 'unbind-key -a\nbind-key j down\n' >"$cfg"
start 120 40 "$DOSSIER" --db "$T/lib.db"
wait_for "no key quits: the config file unbinds them (C-c quits)"
ok $? "a config that unbinds every quit key is told how to leave"
keys C-c
wait_dead
ok $? "and C-c leaves"
exit 0
