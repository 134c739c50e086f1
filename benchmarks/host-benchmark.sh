#!/usr/bin/env bash
# Side by side, in one run: `codemod preview env-to-isolated --no-cache -j 2` under each worker host (pythonnet, python)
# on the same tree (a copy of the standard library's top-level *.py files), with the wall time, the CPU time (user+sys)
# and the peak RSS of the whole process tree (engine and workers), and each host's worker ready time (start to the
# answer to `hello`). Usage: benchmarks/host-benchmark.sh [CODEMOD_DLL]   (default: the Release build of src/Codemod.Cli)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dll="${1:-$here/src/Codemod.Cli/bin/Release/net10.0/codemod.dll}"
[ -f "$dll" ] || { echo "build first: dotnet build -c Release src/Codemod.Cli" >&2; exit 2; }
tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
stdlib="$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')"
cp "$stdlib"/*.py "$tree"/
echo "tree: $(ls "$tree" | wc -l) files, $(du -sk "$tree" | cut -f1) KB (top-level *.py of $stdlib)"

# Peak RSS of the process tree: the sum of VmRSS over the engine and its descendants, sampled every 50 ms.
tree_rss_kb() {
  local root=$1 total=0 pids
  pids="$root $(pgrep -P "$root" || true)"
  for p in $(pgrep -P "$root" || true); do pids="$pids $(pgrep -P "$p" || true)"; done
  for p in $pids; do
    local kb; kb=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

run() {
  local host=$1 out="$tree.$1.out" times peak=0 start end
  start=$(date +%s.%N)
  # bash's `times` would miss workers killed before they are reaped; /usr/bin/time -f reports the children it waited for,
  # and every worker is a child (or grandchild through the engine) reaped before the engine exits.
  /usr/bin/time -f "%U %S" -o "$tree.$host.time" dotnet "$dll" preview env-to-isolated "$tree" --no-cache -j 2 --host "$host" --color never >"$out" 2>"$tree.$host.err" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    local now; now=$(tree_rss_kb "$pid"); [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.05
  done
  wait "$pid" || true
  end=$(date +%s.%N)
  read -r user sys < "$tree.$host.time"
  printf '%-10s wall %6.2f s   cpu %6.2f s (user %.2f + sys %.2f)   peak rss %5d MB   %s\n' "$host" "$(echo "$end - $start" | bc)" "$(echo "$user + $sys" | bc)" "$user" "$sys" $((peak / 1024)) "$(grep -m1 'files found' "$tree.$host.err" | cut -c1-110)"
}

ready() {
  local host=$1 start end
  cd "$here/src/Codemod.Cli/bin/Release/net10.0/codemods"
  local py; py="$(python3 -c 'import sys; print(sys.executable)')"
  local lib; lib="$(python3 -c 'import os,sysconfig as s; v=s.get_config_var; print(os.path.join(v("LIBDIR"), v("INSTSONAME")))')"
  start=$(date +%s.%N)
  if [ "$host" = pythonnet ]; then
    printf '{"id":1,"method":"hello","protocol":1}\n' | PYTHONPATH="$PWD" PYTHONDONTWRITEBYTECODE=1 dotnet ../Codemod.Worker.dll --libpython "$lib" --program "$py" -- >/dev/null
  else
    printf '{"id":1,"method":"hello","protocol":1}\n' | PYTHONPATH="$PWD" PYTHONDONTWRITEBYTECODE=1 python3 -m codemod_worker >/dev/null
  fi
  end=$(date +%s.%N)
  printf '%-10s worker ready (start, import LibCST and the codemods, answer hello, exit): %.2f s\n' "$host" "$(echo "$end - $start" | bc)"
  cd - >/dev/null
}

for host in pythonnet python; do run "$host"; done
cmp -s "$tree.pythonnet.out" "$tree.python.out" && echo "outputs: byte-identical ($(wc -c < "$tree.python.out") bytes)" || echo "outputs: DIFFER"
for host in pythonnet python; do ready "$host"; ready "$host"; done
rm -f "$tree".*
