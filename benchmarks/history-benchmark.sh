#!/usr/bin/env bash
# Times `codemod history --format json` on a repository holding --runs recorded runs (default 200), reading the history
# through the git CLI (CODEMOD_GIT_READS=cli, one git process per read) and in-process through LibGit2Sharp (the
# default), whole-process wall time, alternating the two --reps times (default 5), then prints the medians and the ratio.
# Both outputs must be byte-identical, or the script fails.
#
# The runs are real: each is `codemod apply --from-patch P --commit` on a tiny repository (the same RunCommitter as
# `apply --commit`: rollback tag, commit with trailers, after tag, note), which records a run without starting Python.
#
# Usage: benchmarks/history-benchmark.sh [--runs N] [--reps N] [--keep]
# Needs: dotnet (the SDK in global.json), git, python3 (for the timing only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=200
REPS=5
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "history-benchmark: unknown option $1" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/codemod-history-bench.XXXXXX")"
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

echo "building the engine (Release)..." >&2
dotnet build "$ROOT/src/Codemod.Cli/Codemod.Cli.csproj" -c Release --nologo -v q -o "$WORK/engine" >/dev/null
CODEMOD=("$WORK/engine/codemod")
[ -x "${CODEMOD[0]}" ] || CODEMOD=(dotnet "$WORK/engine/codemod.dll")

REPO="$WORK/repo"
mkdir -p "$REPO/pkg"
git -C "$REPO" init -q -b main
git -C "$REPO" config user.name "Benchmark"
git -C "$REPO" config user.email "bench@example.com"
git -C "$REPO" config commit.gpgsign false
printf 'VALUE = 0\n' > "$REPO/pkg/settings.py"
git -C "$REPO" add -A && git -C "$REPO" commit -q -m "initial"

echo "recording $RUNS runs..." >&2
for i in $(seq 1 "$RUNS"); do
  printf 'VALUE = %d\n' "$i" > "$REPO/pkg/settings.py"
  git -C "$REPO" diff --full-index > "$WORK/run.patch"
  git -C "$REPO" checkout -q -- pkg/settings.py
  (cd "$REPO" && "${CODEMOD[@]}" apply --from-patch "$WORK/run.patch" --commit >/dev/null 2>"$WORK/apply.err") \
    || { echo "run $i failed:" >&2; cat "$WORK/apply.err" >&2; exit 1; }
done
recorded="$(git -C "$REPO" tag --list 'codemod/*/after' | wc -l)"
echo "recorded $recorded runs ($(git -C "$REPO" rev-list --count HEAD) commits)" >&2

python3 - "$REPO" "$REPS" "$recorded" "${CODEMOD[@]}" <<'PY'
import os, statistics, subprocess, sys, time

repo, reps, recorded, command = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
modes = {"cli": "cli", "libgit2": None}
times = {name: [] for name in modes}
outputs = {}

def run(mode):
    env = dict(os.environ)
    env.pop("CODEMOD_GIT_READS", None)
    if mode:
        env["CODEMOD_GIT_READS"] = mode
    start = time.perf_counter()
    done = subprocess.run([*command, "history", "--format", "json"], cwd=repo, env=env, capture_output=True, check=True)
    return time.perf_counter() - start, done.stdout

for name, mode in modes.items():  # warm-up: file cache, JIT of the runtime itself
    run(mode)
for _ in range(reps):
    for name, mode in modes.items():
        elapsed, out = run(mode)
        times[name].append(elapsed)
        outputs.setdefault(name, out)
        if out != outputs[name]:
            sys.exit(f"history output of {name} changed between repetitions")

if outputs["cli"] != outputs["libgit2"]:
    sys.exit("history output differs between the git CLI and LibGit2Sharp reads")
cli, lib = statistics.median(times["cli"]), statistics.median(times["libgit2"])
print(f"history --format json, {recorded} runs, {reps} repetitions each (whole process, wall):")
print(f"  git CLI reads     median {cli:.3f} s  (min {min(times['cli']):.3f}, max {max(times['cli']):.3f})")
print(f"  LibGit2Sharp      median {lib:.3f} s  (min {min(times['libgit2']):.3f}, max {max(times['libgit2']):.3f})")
print(f"  ratio CLI/LibGit2Sharp: {cli / lib:.2f}x; outputs byte-identical ({len(outputs['cli'])} bytes)")
PY
