# A local HTTP server for the fetch tests (tests/http-server.py): started
# on a free port of 127.0.0.1, stopped on exit. Source after lib.sh (and
# after lib-tmux.sh, whose tmux server is stopped too).
#
# Sets $URL (http://127.0.0.1:PORT), $NOACCEPT_URL (a port that never
# accepts), $HTTP_LOG (one line a request) and $T/srv, a folder the server
# serves under $URL/t/.

command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"

HTTP_LOG="$T/requests.log"
mkdir -p "$T/srv"
: >"$HTTP_LOG"
python3 "$top_srcdir/tests/http-server.py" "$top_srcdir/tests/fixtures/http" \
    "$T" "$T/port" "$HTTP_LOG" 2>"$T/server.err" &
http_pid=$!
http_stop() {
	kill "$http_pid" 2>/dev/null
	wait "$http_pid" 2>/dev/null
}
trap 'http_stop; [ -n "${SOCK:-}" ] && tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT INT TERM
n=0
while [ ! -s "$T/port" ] && [ $n -lt 200 ]; do
	n=$((n + 1))
	sleep 0.05
done
[ -s "$T/port" ] || { cat "$T/server.err" >&2; echo "Bail out! no HTTP server"; exit 1; }
URL="http://127.0.0.1:$(cat "$T/port")"
# A port that never accepts a connection (for the connect timeout).
NOACCEPT_URL="http://127.0.0.1:$(cat "$T/port-noaccept")"

# Timeouts short enough for a stalled server to fail fast.
DOSSIER_FETCH_TIMEOUT=2
export DOSSIER_FETCH_TIMEOUT

# requests PATTERN: how many logged requests match (grep -E).
requests() { grep -cE -- "$1" "$HTTP_LOG"; }
