#!/usr/bin/env bash
# How the cost of the hostile shapes of issue 16 grows: each at 1x, 2x and 4x, one process per
# run, with wall time, peak resident memory and exit status (0 done, 1 refused with an error).
# Linear work doubles with the input; a limit shows as a flat line once it refuses. Figures
# only: nothing here passes or fails.
#
#   bench/growth.sh [FISCGEN]        (default: build/test/fiscgen)
set -euo pipefail
cd "$(dirname "$0")/.."
fiscgen=$(realpath "${1:-build/test/fiscgen}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One run: the label, then the command; time(1) writes the figures, the command's own output is
# dropped (its first error line is kept, shortened, to show what refused it).
measure() {
  local label=$1
  shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || status=$?
  read -r seconds kib < <(tail -n 1 "$work/time")  # after "Command exited with …"
  local said
  said=$(grep -m1 '^error:' "$work/err" | cut -c1-90 || true)
  printf '  %-34s %7.2f s %8.1f MB  exit %d  %s\n' "$label" "$seconds" \
    "$(echo "$kib / 1024" | bc -l)" "$status" "$said"
}

repeat() {  # repeat TEXT TIMES
  python3 -c 'import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))' "$1" "$2"
}

letter_with_body() {  # the sample letter with its <body> replaced by $1 (a file's contents)
  python3 - "$1" <<'EOF'
import re, sys
body = open(sys.argv[1]).read()
letter = open("examples/letter.xml").read()
sys.stdout.write(re.sub(r"<body>.*</body>", lambda _: "<body>" + body + "</body>", letter,
                        flags=re.S))
EOF
}

echo "Attributes on one element (the limit is 1,000: refused before any per-attribute work)"
attributes() {  # attributes ELEMENTS PER_ELEMENT
  python3 -c 'import sys
e, n = int(sys.argv[1]), int(sys.argv[2])
p = "<p" + "".join(f" a{i}=\"\"" for i in range(n)) + "/>"
sys.stdout.write("<letter>" + p * e + "</letter>\n")' "$1" "$2"
}
for n in 25000 50000 100000; do
  attributes 1 "$n" >"$work/attributes.xml"
  measure "$n attributes" "$fiscgen" check "$work/attributes.xml"
done
echo "Elements of 1,000 attributes each (read, then refused as no template)"
for n in 100 200 400; do
  attributes "$n" 1000 >"$work/elements.xml"
  measure "$n elements x 1,000 attributes" "$fiscgen" check "$work/elements.xml"
done

echo "cite on 'Id. ' repeated"
for n in 50000 100000 200000; do
  repeat 'Id. ' "$n" >"$work/id.txt"
  measure "$n x 'Id. ' ($((n * 4 / 1024)) KB)" "$fiscgen" cite - <"$work/id.txt"
done

echo "render --detect-citations, one paragraph of 'Id. '"
for kb in 64 128 256; do
  { echo -n '<p>'; repeat 'Id. ' $((kb * 256)); echo '</p>'; } >"$work/paragraph.txt"
  letter_with_body "$work/paragraph.txt" >"$work/detect.xml"
  measure "one paragraph of $kb KB" "$fiscgen" render "$work/detect.xml" --detect-citations \
    -q -o "$work/detect.pdf"
done

# Templates of the bench's own, in a --templates folder.
mkdir -p "$work/templates/forms/bench"
template() {  # template NAME CONTENT
  cat >"$work/templates/forms/bench/$1.xml" <<EOF
<t:template xmlns:t="urn:fiscgen:template" kind="motion" rules="fisc-2010"><document>$2</document></t:template>
EOF
}
items() {  # items FORM N: an input of N <i/> for form bench/FORM
  { echo -n "<motion form=\"bench/$1\">"; repeat '<i/>' "$2"; echo '</motion>'; } >"$work/$1.xml"
}
template nested '<t:for-each select="i"><t:for-each select="/motion/i"><t:for-each select="/motion/i"><paragraph>x</paragraph></t:for-each></t:for-each></t:for-each>'
template square '<t:for-each select="i"><paragraph><t:value select="count(//i)"/></paragraph></t:for-each>'
template cubic '<paragraph><t:value select="count(//i[count(//i[count(//i) &gt; 0]) &gt; 0])"/></paragraph>'

echo "Three nested for-each over N items (N^3 repetitions; at most 1,000,000 per merge)"
for n in 25 50 100 300; do
  items nested "$n"
  measure "N = $n" "$fiscgen" --templates "$work/templates" render "$work/nested.xml" \
    --emit tree -o "$work/nested.tree"
done

echo "for-each over N items, each evaluating count(//i) (N^2 nodes; at most 100 million)"
for n in 2500 5000 10000 20000; do
  items square "$n"
  measure "N = $n" "$fiscgen" --templates "$work/templates" render "$work/square.xml" \
    --emit tree -o "$work/square.tree"
done

echo "count(//i[count(//i[count(//i) > 0]) > 0]): cubic in one evaluation, refused when read"
for n in 1000 2000 4000; do
  items cubic "$n"
  measure "N = $n" "$fiscgen" --templates "$work/templates" render "$work/cubic.xml" \
    --emit tree -o "$work/cubic.tree"
done
