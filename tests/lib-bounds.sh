# Run the real binary under bounds on time and memory, for the tests of
# hostile documents. Source after lib.sh. Each run has at most 1 GiB of
# address space and 30 s, so an unbounded parse fails the test instead of
# eating the machine; where /usr/bin/time is found, its CPU time and peak
# memory are measured and can be checked with within.

# Sanitizers reserve terabytes of address space, so no ulimit -v fits
# them: there the sanitizer's own limit on resident memory stands in for
# it, and the figures (inflated by shadow memory and slower code) are
# shown but not held to the bounds. ASan checks memmem's whole haystack
# on every call, which makes a scan for each of a million comments
# quadratic there alone: its interceptor is turned off.
sanitized=false
if ldd "$DOSSIER" 2>/dev/null | grep -q -e libasan -e libubsan; then
	sanitized=true
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=1024"
	ASAN_OPTIONS="$ASAN_OPTIONS:intercept_memmem=0"
	export ASAN_OPTIONS
fi
vlimit() { $sanitized || ulimit -v 1048576; }

# bounded ARGS...: run dossier under the limits; sets $rc, and $cpu
# (seconds) and $kib (peak resident KiB) when they can be measured.
bounded() {
	cpu=0 kib=0
	if [ -x /usr/bin/time ]; then
		( vlimit; exec timeout 30 /usr/bin/time \
		    -f '%U %S %M' -o "$T/time" "$DOSSIER" "$@" ) \
		    >"$T/out" 2>"$T/err" </dev/null
		rc=$?
		set -- $(tail -1 "$T/time")
		cpu=$(awk "BEGIN { print $1 + $2 }" 2>/dev/null)
		kib=${3:-0}
	else
		( vlimit; exec timeout 30 "$DOSSIER" "$@" ) \
		    >"$T/out" 2>"$T/err" </dev/null
		rc=$?
	fi
}

# within SECONDS [MIB]: the last run took at most SECONDS of CPU and MIB
# of memory (64 if not given); the figures are shown in the log.
within() {
	diag "measured: cpu=${cpu}s rss=${kib}KiB"
	$sanitized && return 0
	awk "BEGIN { exit !($cpu <= $1 && $kib <= ${2:-64} * 1024) }"
}

# why: what the last run said and cost, for a failure.
why() { diag "rc=$rc cpu=${cpu}s rss=${kib}KiB" "$(head -c 600 "$T/err")"; }
