#!/bin/sh
# The terminal is given back on SIGTERM, SIGHUP and SIGINT: the alternate
# screen is left and the tty is back in canonical mode with echo.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lib-tmux.sh"
plan 11

sample_db
use_theme default
# The pane runs dossier, then records how it ended and the tty's state.
cat >"$T/run.sh" <<EOS
sh -c 'echo \$\$ >"$T/pid"; exec "$DOSSIER" --db "$T/lib.db"'
echo "status=\$?" >"$T/status"
stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo |
	tr '\n' ' ' >"$T/stty"
echo DONE
EOS

for sig in TERM HUP INT; do
	rm -f "$T/pid" "$T/status" "$T/stty"
	start 100 30 sh "$T/run.sh"
	wait_for "15 articles"
	kill -$sig "$(cat "$T/pid")"
	wait_dead
	case $sig in TERM) n=143;; HUP) n=129;; INT) n=130;; esac
	has "$T/status" "status=$n"
	ok $? "SIG$sig ends dossier with status $n"
	[ "$(cat "$T/stty")" = "icanon echo " ]
	ok $? "after SIG$sig the tty is canonical with echo again"
	[ "$(tm display-message -p '#{alternate_on}')" = 0 ]
	ok $? "after SIG$sig the alternate screen is left"
done

# A signal while a question is on the bottom line ends dossier all the same.
rm -f "$T/pid" "$T/status" "$T/stty"
start 100 30 sh "$T/run.sh"
wait_for "15 articles"
keys : s e t
wait_for ":set"
kill -TERM "$(cat "$T/pid")"
wait_dead
has "$T/status" "status=143"
ok $? "SIGTERM at the command line ends dossier with status 143"
[ "$(cat "$T/stty")" = "icanon echo " ] &&
	[ "$(tm display-message -p '#{alternate_on}')" = 0 ]
ok $? "and gives the terminal back"
exit 0
