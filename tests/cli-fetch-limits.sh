#!/bin/sh
# Each limit of a fetch names itself when it fires: connecting, the
# low-speed limit (a server that sends nothing, or drips), the whole
# transfer, the size of a response's header and of its body, redirects;
# a 304 to a plain request is said to be one. Small limits through
# DOSSIER_FETCH_TIMEOUT and DOSSIER_FETCH_LOW_SPEED_TIME keep each case
# to a second or two.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-http.sh"
plan 21

db="$T/lib.db"
# fails TOTAL LOW-SPEED URL MESSAGE DESCRIPTION [MAX-SECONDS]: with those
# limits (seconds), add fails with MESSAGE, never with the old words, and
# within MAX-SECONDS.
fails() {
	s=$(date +%s)
	DOSSIER_FETCH_TIMEOUT=$1 DOSSIER_FETCH_LOW_SPEED_TIME=$2 \
	    "$DOSSIER" --db "$db" add "$3" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	took=$(( $(date +%s) - s ))
	[ $rc -eq 1 ] && has "$T/err" "$4" && [ $took -le "${6:-3}" ] &&
		! grep -qiE 'timed out \(|out of memory|cannot fetch' "$T/err"
	ok $? "$5" || diag "rc=$rc took=${took}s" "$(cat "$T/err")"
}

fails 2 30 "$NOACCEPT_URL/feed.xml" \
	"could not connect within 2 s, the limit for connecting" \
	"a server that never accepts: the connect limit is named"

fails 4 1 "$URL/silent" \
	"no answer: connected, but nothing came for 1 s (the low-speed limit)" \
	"a server that never answers: the low-speed limit is named"

fails 4 1 "$URL/drip-slow" \
	"too slow: under 1 byte/s for 1 s" \
	"a server that drips under 1 byte/s: the low-speed limit is named"

fails 2 30 "$URL/drip" \
	"not done within 2 s, the limit for a whole fetch" \
	"a steady transfer that never ends: the total limit is named"

fails 2 30 "$URL/huge-header" "response header too large (limit 100 KiB)" \
	"a 1 MiB header line is too large, not out of memory"

fails 2 30 "$URL/many-headers" "response header too large (limit 100 KiB)" \
	"200 KiB of header lines are too large"

fails 2 30 "$URL/big" "larger than 16 MiB, the limit for one document" \
	"a body over the cap names the cap" 6

fails 2 30 "$URL/loop" "too many redirects (more than 5, the limit)" \
	"a redirect loop names the count"

fails 2 30 "$URL/not-modified" \
	"the server answered 304 Not Modified to a plain request" \
	"a 304 to add's plain request says so, not cannot fetch"

fails 2 30 "http://127.0.0.1:1/feed.xml" "could not connect to 127.0.0.1:" \
	"a refused connection says so"

fails 2 30 "$URL/not-http" "the answer is not HTTP" \
	"an answer without a status line is not HTTP, not a bad address"

fails 2 30 "$URL/status/204" "HTTP 204 No Content: the server sent no document" \
	"204 says there is no document"

fails 2 30 "$URL/empty" "the server sent an empty document (HTTP 200)" \
	"an empty body says so"

fails 2 30 "$URL/busy" "HTTP 429 Too Many Requests (the server asks to wait 120 s)" \
	"429 with Retry-After says how long to wait"

fails 2 30 "$URL/status/401" "HTTP 401 Unauthorized (the feed asks for a user name and password" \
	"401 says what the feed asks for"

fails 2 30 "https://${URL#http://}/f/world.xml" \
	"failed: the server answers in plain HTTP on this port (try http://)" \
	"TLS to a plain-HTTP port says what it met"

fails 2 30 "$URL/gzbomb" "larger than 16 MiB, the limit for one document" \
	"a gzip bomb (20 KiB to 20 MiB) names the cap, counted decompressed"

for s in 403 500; do
	fails 2 30 "$URL/status/$s" "HTTP $s " "$s is named with its status"
done

# fetch stores and prints the same words as add.
cat >"$T/feeds.opml" <<EOF
<?xml version="1.0"?>
<opml version="2.0"><body>
<outline text="never" xmlUrl="$NOACCEPT_URL/feed.xml"/>
<outline text="304" xmlUrl="$URL/not-modified"/>
</body></opml>
EOF
"$DOSSIER" --db "$db" opml import "$T/feeds.opml" >/dev/null
"$DOSSIER" --db "$db" fetch >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] && has "$T/err" "feed.xml: could not connect within 2 s" &&
	has "$T/err" "not-modified: the server answered 304 Not Modified"
ok $? "fetch names the limits too"
run --db "$db" feeds
has "$T/out" "failed: could not connect within 2 s, the limit for connecting"
ok $? "feeds shows the stored reason"
exit 0
