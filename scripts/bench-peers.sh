#!/usr/bin/env bash
# bench-peers.sh: whole-process throughput of "rhetorica analyze --format
# jsonl" over the UN General Debate corpus as JSONL, against the naive Go
# baseline of ../shared/bench/peers (gobench -mode naive-bufio: bufio
# ReadRune + unicode.IsLetter + ToLower + map lookup) on the same file.
#
# Every process runs on one core (taskset -c 0, GOMAXPROCS=1) and is timed
# by its CPU time (user + system), which a busy machine disturbs far less
# than the wall clock. The tools run alternately, RUNS rounds, and the
# median of each is reported.
#
# Output: per tool its median CPU seconds, MB/s of JSONL per CPU second,
# its CPU time as a multiple of the naive baseline's, its throughput as
# a share of the naive baseline's (1/multiple), and its median maximum
# resident set size. With PAR=1, each rhetorica build also runs with
# GOMAXPROCS=2 on CPUs 0 and 1, and the wall-clock speed-up of two cores
# over one is printed (meaningful only on an otherwise idle machine).
#
# Each round also times a one-statement run of each rhetorica build
# ("rhetorica analyze" on a file of one sentence, as a user checks a
# quote): 20 runs in a row on CPU 0, and the CPU time per run, which is
# mostly start-up (loading the lexicon, the grammar and the model).
#
# Usage: scripts/bench-peers.sh            (from anywhere in the repository)
# Environment:
#   SHARED=dir     the shared data (default: ../shared beside the repository)
#   RUNS=n         rounds (default 3)
#   BEFORE=rev     also build and time rhetorica at git revision rev, in the
#                  same rounds, for a before/after comparison
#   YEARS="..."    corpus years (default: every year in SHARED/corpus/ungdc)
#   ARGS="..."     extra flags for rhetorica analyze (e.g. --lexicon big.dic)
#   PAR=1          also time the rhetorica builds on two cores (wall clock)
set -euo pipefail

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
shared=${SHARED:-$root/../shared}
runs=${RUNS:-3}
peers=$shared/bench/peers
[ -d "$shared/corpus/ungdc" ] || { echo "bench-peers: no corpus in $shared/corpus/ungdc" >&2; exit 2; }
[ -d "$peers/go" ] || { echo "bench-peers: no naive baseline in $peers/go" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building rhetorica ($(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ', uncommitted changes'))" >&2
(cd "$root" && go build -o "$tmp/rhetorica" ./cmd/rhetorica)
tools=(naive rhetorica)
if [ -n "${BEFORE:-}" ]; then
	echo "building rhetorica at $BEFORE" >&2
	mkdir "$tmp/before"
	git -C "$root" archive "$BEFORE" | tar -x -C "$tmp/before"
	(cd "$tmp/before" && go build -o "$tmp/rhetorica-before" ./cmd/rhetorica)
	tools=(naive rhetorica-before rhetorica)
fi
echo "building the naive baseline" >&2
(cd "$peers/go" && go build -o "$tmp/gobench" ./cmd/gobench)
# The timer: user and system CPU, wall time and maximum RSS in microseconds
# and KiB (GNU time prints CPU in 10 ms steps).
(cd "$root" && go build -o "$tmp/cputime" ./internal/cputime)

# The corpus: one JSON object per speech, {"id", "country", "year", "text"},
# in sorted file order.
years=${YEARS:-$(cd "$shared/corpus/ungdc" && ls -d [0-9][0-9][0-9][0-9])}
corpus=$tmp/ungdc.jsonl
files=()
for y in $years; do
	files+=("$shared"/corpus/ungdc/"$y"/*.txt)
done
python3 "$root/scripts/ungdc-jsonl.py" "$corpus" "${files[@]}"
bytes=$(wc -c <"$corpus")
echo "corpus: ${#files[@]} speeches, $bytes bytes of JSONL; $runs rounds on CPU 0" >&2

# cpu runs a command on CPU 0 with GOMAXPROCS=1 and prints its CPU
# seconds, wall seconds and maximum RSS in KiB; with CPUS=0,1 and
# GOMAXPROCS=2 in the environment, on those CPUs.
cpu() {
	local t=$tmp/time
	GOMAXPROCS=${GOMAXPROCS:-1} "$tmp/cputime" -o "$t" taskset -c "${CPUS:-0}" "$@" >/dev/null
	awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }' "$t"
}

# one runs rhetorica build $1 20 times on a one-sentence file and prints
# the CPU milliseconds per run (user + system of the whole loop).
one=$tmp/one.txt
echo "Russia bears full responsibility for this brutal war of aggression against Ukraine." >"$one"
onecpu() {
	local t=$tmp/time1
	GOMAXPROCS=1 "$tmp/cputime" -o "$t" taskset -c 0 sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do "$0" analyze "$1" >/dev/null; done' "$tmp/$1" "$one"
	awk '{ printf "%.2f\n", ($1 + $2) * 1000 / 20 }' "$t"
}

run() {
	case $1 in
	naive) cpu "$tmp/gobench" -mode naive-bufio -corpus "$corpus" -lexicon "$peers/lexicon.json" ;;
	rhetorica | rhetorica-before)
		# shellcheck disable=SC2086
		cpu "$tmp/$1" analyze --input-format jsonl --format jsonl ${ARGS:-} "$corpus"
		;;
	esac
}

declare -A times walls rss walls2 ones
for ((r = 1; r <= runs; r++)); do
	for t in "${tools[@]}"; do
		read -r s w m < <(run "$t")
		times[$t]="${times[$t]:-} $s"
		walls[$t]="${walls[$t]:-} $w"
		rss[$t]="${rss[$t]:-} $m"
		echo "round $r: $t ${s}s CPU, ${w}s wall, $((m / 1024)) MiB" >&2
		if [ "$t" != naive ]; then
			o=$(onecpu "$t")
			ones[$t]="${ones[$t]:-} $o"
			echo "round $r: $t one statement ${o} ms CPU a run" >&2
		fi
		if [ -n "${PAR:-}" ] && [ "$t" != naive ]; then
			read -r s w m < <(GOMAXPROCS=2 CPUS=0,1 run "$t")
			walls2[$t]="${walls2[$t]:-} $w"
			echo "round $r: $t on 2 cores ${s}s CPU, ${w}s wall" >&2
		fi
	done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
naive=$(echo "${times[naive]}" | median)
printf '%-18s %8s %8s %12s %14s %9s\n' tool "CPU s" "MB/s" "CPU x naive" "naive share" "RSS MiB"
for t in "${tools[@]}"; do
	s=$(echo "${times[$t]}" | median)
	m=$(echo "${rss[$t]}" | median)
	awk -v t="$t" -v s="$s" -v b="$bytes" -v n="$naive" -v m="$m" \
		'BEGIN { printf "%-18s %8.3f %8.2f %12.2f %14.2f %9.1f\n", t, s, b / s / 1e6, s / n, n / s, m / 1024 }'
done
printf '\n%-18s %22s\n' tool "one statement, CPU ms"
for t in "${tools[@]}"; do
	[ "$t" = naive ] && continue
	printf '%-18s %22s\n' "$t" "$(echo "${ones[$t]}" | median)"
done
if [ -n "${PAR:-}" ]; then
	printf '\n%-18s %12s %12s %9s\n' tool "wall 1 core" "wall 2 cores" speed-up
	for t in "${tools[@]}"; do
		[ "$t" = naive ] && continue
		w1=$(echo "${walls[$t]}" | median)
		w2=$(echo "${walls2[$t]}" | median)
		awk -v t="$t" -v a="$w1" -v b="$w2" 'BEGIN { printf "%-18s %12.3f %12.3f %9.2f\n", t, a, b, a / b }'
	done
fi
