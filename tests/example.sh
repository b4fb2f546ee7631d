#!/bin/sh
# The reference saved story from ../shared imports through the real binary
# with every field where it belongs. Needs python3 to read the JSON.

example="${DOSSIER_SHARED:-}/examples/saved-story-jpost-2023-08-26.txt"
if [ -z "${DOSSIER_SHARED:-}" ] || [ ! -f "$example" ]; then
	echo "1..0 # SKIP shared examples absent"
	exit 0
fi
DOSSIER="${DOSSIER:-./src/dossier}"

echo "1..15"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

if "$DOSSIER" --db "$tmp/db" import "$example" >"$tmp/import.out" 2>&1; then
	echo "ok 1 - import exits 0"
else
	echo "not ok 1 - import exits 0"
	sed 's/^/# /' "$tmp/import.out"
fi
if "$DOSSIER" --db "$tmp/db" show --json 1 >"$tmp/show.json" 2>"$tmp/show.err"
then
	echo "ok 2 - show --json 1 exits 0"
else
	echo "not ok 2 - show --json 1 exits 0"
	sed 's/^/# /' "$tmp/show.err"
fi
if ! command -v python3 >/dev/null 2>&1; then
	n=3
	while [ $n -le 15 ]; do
		echo "not ok $n - python3 is needed to check the JSON"
		n=$((n + 1))
	done
	exit 0
fi

"$DOSSIER" --db "$tmp/db" import "$example" >/dev/null 2>&1
"$DOSSIER" --db "$tmp/db" show --json 1 >"$tmp/again.json" 2>/dev/null

python3 - "$tmp/show.json" "$tmp/again.json" <<'PY'
import json
import sys

n = 3
def check(ok, what, got=None):
    global n
    print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
    if not ok and got is not None:
        print("# got: %r" % (got,))
    n += 1

try:
    with open(sys.argv[1], encoding="utf-8") as f:
        a = json.load(f)
except Exception as e:
    a = {}
    print("# cannot read the JSON: %s" % e)

body = a.get("body") or ""
paras = body.split("\n\n") if body else []
caps = a.get("captions") or []
subs = a.get("subheadings") or []

check(a.get("title") ==
      "Russia: Drone axis with Iran will withstand pressure from US",
      "title", a.get("title"))
check(a.get("outlet") == "The Jerusalem Post", "outlet", a.get("outlet"))
check(a.get("byline") == "Reuters", "byline", a.get("byline"))
check(a.get("published") == "2023-08-26T16:26", "published",
      a.get("published"))
check(a.get("lead") == "The US is pressing Iran to stop selling the armed "
      "drones that Russia is using in the war in Ukraine.", "lead",
      a.get("lead"))
check(len(caps) == 2 and
      caps[0].startswith("Iranians who live in Ukraine") and
      caps[0].endswith("(photo credit: REUTERS/GLEB GARANICH)") and
      caps[0].count("Iranians who live") == 1,
      "first caption once, with its credit", caps)
check(len(caps) == 2 and caps[1].startswith("A new drone called") and
      caps[1].endswith("/HANDOUT VIA REUTERS)") and
      caps[1].count("Mohajer 10") == 1,
      "second caption once, with its credit", caps)
check(subs == ["Iran reassures Russia that 'no military transaction' "
              "is canceled"], "one subheading", subs)
check(len(paras) > 0 and paras[0].startswith(
      "Russia's military cooperation with Iran will not succumb"),
      "first body paragraph", paras[:1])
check(len(paras) > 0 and paras[-1] == "A White House official said in "
      "June that Iran had transferred several hundred drones to Russia "
      "since August 2022.", "last body paragraph", paras[-1:])
check("photo credit" not in body and "(credit:" not in body and
      "Mohajer 10" not in body, "no caption in the body")
order = ["Russia's military cooperation", "\"There are no changes",
         "The US is pressing Iran", "Iran has acknowledged",
         "Iran reassures Russia", "Meanwhile, Iranian defense",
         "Talaei-Nik also said", "Russia began using",
         "A White House official"]
check(len(paras) == len(order) and
      all(p.startswith(o) for p, o in zip(paras, order)),
      "body paragraphs in order", [p[:30] for p in paras])
try:
    with open(sys.argv[2], encoding="utf-8") as f:
        again = json.load(f)
except Exception:
    again = None
check(again == a, "a second import changes nothing")
PY
exit 0
