#!/usr/bin/env bash
# Times `codemod scan` over a large corpus: copies of the running Python's standard library (.py files only) until
# --files files (default 6000, about 100 MB with CPython 3.11's library), in a temp folder outside git (so discovery
# walks the folder). Each run is a cold scan (fresh processes, empty result cache: the engine and its workers start
# inside the timing) followed by a warm one (the same command on the unchanged corpus, answered from the cache).
#
# Usage: benchmarks/scan-benchmark.sh [--jobs N] [--files N] [--runs N] [--keep]
# Needs: dotnet (the SDK in global.json), python3 with libcst; /usr/bin/time -v for peak RSS (else python's resource).
# Peak RSS is the largest single process of the run (the engine or one worker), as getrusage reports it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${CODEMOD_PYTHON:-python3}"
JOBS="$(nproc 2>/dev/null || echo 2)"
FILES=6000
RUNS=1
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs|-j) JOBS="$2"; shift 2 ;;
    --files) FILES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "scan-benchmark: unknown option $1" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/codemod-scan-bench.XXXXXX")"
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

echo "building the engine (Release)..." >&2
dotnet build "$ROOT/src/Codemod.Cli/Codemod.Cli.csproj" -c Release --nologo -v q -o "$WORK/engine" >/dev/null

echo "building the corpus ($FILES files)..." >&2
"$PYTHON" - "$WORK/corpus" "$FILES" <<'PY'
import shutil, sys, sysconfig
from pathlib import Path

target, wanted = Path(sys.argv[1]), int(sys.argv[2])
stdlib = Path(sysconfig.get_paths()["stdlib"])
sources = sorted(p for p in stdlib.rglob("*.py")
                 if "site-packages" not in p.parts and "__pycache__" not in p.parts and p.is_file() and not p.is_symlink())
copied = 0
copy = 0
while copied < wanted:
    copy += 1
    for source in sources:
        if copied >= wanted:
            break
        destination = target / f"copy{copy}" / source.relative_to(stdlib)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        copied += 1
PY
CORPUS_FILES="$(find "$WORK/corpus" -name '*.py' -type f | wc -l)"
CORPUS_MB="$("$PYTHON" -c "import sys,os; print(round(sum(os.path.getsize(os.path.join(d,f)) for d,_,fs in os.walk(sys.argv[1]) for f in fs)/1e6,1))" "$WORK/corpus")"

LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# Drop the page cache when allowed (root outside a container), so "cold" includes reading the files from disk.
sync
if (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then CACHE="dropped"; else CACHE="warm (cannot drop)"; fi

# One cold run: the engine under /usr/bin/time -v (wall, CPU of the whole process tree, peak RSS of its largest
# process) while a sampler reads the engine's own CPU from /proc, so the table says where the time goes: the engine
# (discovery, reading, JSON, aggregation) or the Python workers (parsing and walking the files).
run_once() {
  "$PYTHON" - "$WORK" "$JOBS" <<'PY'
import json, os, re, resource, subprocess, sys, threading, time

work, jobs = sys.argv[1], sys.argv[2]
command = ["dotnet", f"{work}/engine/codemod.dll", "scan", f"{work}/corpus", "-j", jobs, "--format", "json",
           "--output", f"{work}/report.json", "--today", "2026-01-01", "--cache-dir", f"{work}/cache"]
use_time = subprocess.run(["/usr/bin/time", "-v", "true"], capture_output=True).returncode == 0 if os.path.exists("/usr/bin/time") else False
if use_time:
    command = ["/usr/bin/time", "-v", "-o", f"{work}/time.txt"] + command
tick = os.sysconf("SC_CLK_TCK")
engine_cpu = 0.0

def own_cpu(pid):
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick

def engine_pid(root):
    if not use_time:
        return root
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    if int(handle.read().rsplit(")", 1)[1].split()[1]) == root:
                        return int(entry)
            except (OSError, ValueError, IndexError):
                pass
    return None

started = time.perf_counter()
process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(f"{work}/stderr.txt", "w"))
stop = threading.Event()

def sample():
    global engine_cpu
    pid = None
    while not stop.is_set():
        pid = pid or engine_pid(process.pid)
        try:
            if pid:
                engine_cpu = own_cpu(pid)
        except OSError:
            pass
        stop.wait(0.05)

sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
process.wait()
wall = time.perf_counter() - started
stop.set()
if use_time:
    text = open(f"{work}/time.txt").read()
    field = lambda name: re.search(re.escape(name) + r":\s*(.+)", text).group(1).strip()
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
else:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu, rss = usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
report = json.load(open(f"{work}/report.json"))
print(f"{wall:.1f} {cpu:.1f} {engine_cpu:.1f} {cpu - engine_cpu:.1f} {rss:.0f} {sum(report['totals'].values())} "
      f"{report['files']['failed']} {report['files']['skipped']}")
PY
}

FORMAT='%-6s %-7s %-7s %-5s %-8s %-7s %-11s %-11s %-10s %-8s %-9s %-7s %-7s\n'
printf "\n$FORMAT" "run" "files" "MB" "jobs" "wall s" "CPU s" "engine CPU" "worker CPU" "peak RSS" "files/s" "findings" "failed" "skipped"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/cache"
  for kind in cold warm; do
    read -r WALL CPU ENGINE WORKERS RSS FINDINGS FAILED SKIPPED < <(run_once)
    RATE="$("$PYTHON" -c "print(round($CORPUS_FILES / max($WALL, 0.01)))")"
    printf "$FORMAT" "$kind" "$CORPUS_FILES" "$CORPUS_MB" "$JOBS" "$WALL" "$CPU" "$ENGINE" "$WORKERS" "${RSS} MB" "$RATE" "$FINDINGS" "$FAILED" "$SKIPPED"
  done
done
echo "CPU is user+sys of the whole process tree; engine CPU is the .NET process alone; worker CPU the rest."
echo "page cache: $CACHE; load average before the runs: $LOAD; engine summary: $(tail -n 1 "$WORK/stderr.txt")"
