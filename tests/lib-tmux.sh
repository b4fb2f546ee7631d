# Helpers for the screen's end-to-end tests, in the way tmux tests itself:
# the real binary in a detached tmux of fixed size on a private socket with
# no config, keys sent, and the pane polled for a marker (never a fixed
# sleep). Source after lib.sh.

command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
infocmp tmux-256color >/dev/null 2>&1 || skip_all "no tmux-256color terminfo"

SOCK="$T/sock0"
nsock=0
mkdir -p "$T/config/dossier"
export XDG_CONFIG_HOME="$T/config"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT INT TERM

tm() { tmux -S "$SOCK" "$@"; }

# start W H CMD...: run CMD (argv, no shell) in a new detached session; the
# pane stays after the command exits so its last screen can be read.
start() {
	w=$1 h=$2; shift 2
	tm kill-server 2>/dev/null
	nsock=$((nsock + 1))
	SOCK="$T/sock$nsock"
	tm -f /dev/null new-session -d -x "$w" -y "$h" \
	    env TERM=tmux-256color LC_ALL=C.UTF-8 \
	    XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
	    DOSSIER_TEST_NOW="$DOSSIER_TEST_NOW" "$@" \; \
	    set-option -g remain-on-exit on
}

# screen [-e]: the pane's text (with -e its colours) into $T/screen.
screen() { tm capture-pane -p "$@" >"$T/screen" 2>/dev/null; }

# wait_for TEXT [-e]: poll until the pane shows TEXT; 1 after 10 seconds.
wait_for() {
	n=0
	while [ $n -lt 200 ]; do
		screen $2
		grep -qF -- "$1" "$T/screen" && return 0
		n=$((n + 1))
		sleep 0.05
	done
	diag "timed out waiting for: $1"
	sed 's/^/|/' "$T/screen" | head -50 | while IFS= read -r l; do
		diag "$l"
	done
	return 1
}

# wait_until CMD...: poll the pane into $T/screen until CMD (run by the
# shell, reading $T/screen) succeeds; 1 after 10 seconds. For screens that
# settle over several frames, such as after a resize.
wait_until() {
	n=0
	while [ $n -lt 200 ]; do
		screen
		eval "$*" && return 0
		n=$((n + 1))
		sleep 0.05
	done
	diag "timed out waiting until: $*"
	return 1
}

# wait_colour PATTERN: poll the pane with its colours (screen -e) into
# $T/screen until grep finds PATTERN; 1 after 10 seconds. One capture can
# catch the screen half drawn.
wait_colour() {
	n=0
	while [ $n -lt 200 ]; do
		screen -e
		grep -q -- "$1" "$T/screen" && return 0
		n=$((n + 1))
		sleep 0.05
	done
	diag "timed out waiting for the coloured: $1"
	return 1
}

# wait_gone TEXT: poll until the pane no longer shows TEXT.
wait_gone() {
	n=0
	while [ $n -lt 200 ]; do
		screen
		grep -qF -- "$1" "$T/screen" || return 0
		n=$((n + 1))
		sleep 0.05
	done
	diag "timed out waiting for '$1' to go"
	return 1
}

# wait_dead: poll until the pane's command has exited.
wait_dead() {
	n=0
	while [ $n -lt 200 ]; do
		[ "$(tm display-message -p '#{pane_dead}' 2>/dev/null)" = 1 ] &&
			return 0
		n=$((n + 1))
		sleep 0.05
	done
	return 1
}

keys() { tm send-keys "$@"; }

# A library of the bundled samples, imported once per test file.
sample_db() {
	"$DOSSIER" --db "$T/lib.db" import --quiet "$top_srcdir/samples/library" \
	    >/dev/null 2>&1
}

# Use a theme from the source tree (themes are not installed under test).
use_theme() {
	printf 'set theme %s/themes/%s\n' "$top_srcdir" "$1" \
	    >"$T/config/dossier/config"
}
