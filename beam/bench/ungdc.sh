#!/usr/bin/env bash
# ungdc.sh: the whole UN General Debate corpus (../shared/corpus/ungdc, one
# speech per file) through the Beam pipeline on Prism (in-process) and
# through the single-process command, with wall time, CPU time and peak
# memory of each, and a byte-for-byte check that both give the same
# profiles. Run from anywhere: bash beam/bench/ungdc.sh [CORPUS_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${1:-$root/../shared/corpus/ungdc}
[ -d "$corpus" ] || { echo "ungdc.sh: no corpus at $corpus" >&2; exit 1; }
corpus=$(cd "$corpus" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$root" && go build -o "$tmp/rhetorica" ./cmd/rhetorica)
(cd "$root/beam" && go build -o "$tmp/rhetorica-beam" ./cmd/rhetorica-beam)

files=$(ls "$corpus"/*/*.txt | wc -l)
bytes=$(cat "$corpus"/*/*.txt | wc -c)
echo "corpus: $files speeches, $bytes bytes; $(nproc) CPUs; $(go version)"

# measure NAME CMD...: one run, its wall and CPU seconds and peak RSS.
measure() {
	local name=$1
	shift
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || {
		echo "$name failed:" >&2
		tail -5 "$tmp/$name.err" >&2
		exit 1
	}
	read -r wall user sys rss <"$tmp/time"
	printf '%-34s wall %7.1f s  cpu %7.1f s  peak RSS %5d MB\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024))
}

cd "$corpus/.." # so that both tools name the files alike: ungdc/2014/AFG_69_2014.txt
measure "cli analyze --format jsonl" "$tmp/rhetorica" analyze --format jsonl ungdc/20*/
measure "cli analyze --by file (profiles)" "$tmp/rhetorica" analyze --by file --format jsonl ungdc/20*/
measure "beam prism --by file (profiles)" "$tmp/rhetorica-beam" --input 'ungdc/*/*.txt' --by file --output "$tmp/beam"
measure "beam prism --reports" "$tmp/rhetorica-beam" --input 'ungdc/*/*.txt' --reports --output "$tmp/beam-reports"

if cmp -s "$tmp/cli analyze --by file (profiles).out" "$tmp/beam/profiles.jsonl"; then
	echo "profiles by file: beam = cli, byte for byte ($(wc -l <"$tmp/beam/profiles.jsonl") profiles)"
else
	echo "profiles by file: beam and cli DIFFER" >&2
	exit 1
fi
if cmp -s <(LC_ALL=C sort "$tmp/cli analyze --format jsonl.out") "$tmp/beam-reports/reports.jsonl"; then
	echo "reports: beam = cli (sorted), byte for byte"
else
	echo "reports: beam and cli DIFFER" >&2
	exit 1
fi
