#!/usr/bin/env python3
"""Side-by-side benchmark: `codemod preview env-to-isolated` cold and warm, the parse-only floor, and LibCST's own runner.

Usage: python3 benchmarks/preview-benchmark.py [--corpus DIR] [--largest N] [--jobs N] [--runs N] [--libcst]

Default corpus: a fresh copy of the running Python's standard library (.py files, no site-packages). Rows:
- cold: `codemod preview` with an empty result cache (fresh processes, no warm workers);
- warm: the same command again on the unchanged corpus, answered from the cache that the cold run filled;
- floor: `libcst.parse_module` alone (same number of processes) on the files that pass the codemod's prefilter: what
  any LibCST-based run must at least spend;
- LibCST's runner (`python3 -m libcst.tool codemod`, the very same codemod class, `-u` diff mode): about 18 minutes on
  2 cores, so it runs only with --libcst; otherwise the figure last recorded in README is shown, marked as such.
Each row: wall time, CPU time (user+sys of the whole process tree) and peak memory (the largest sum of resident memory
over the process tree, sampled every 20 ms), each the median over the runs. Nothing is written to the corpus.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_stdlib(target: Path) -> Path:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    corpus = target / "stdlib"
    for source in stdlib.rglob("*.py"):
        relative = source.relative_to(stdlib)
        if "site-packages" in relative.parts or "__pycache__" in relative.parts:
            continue
        destination = corpus / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_file() and not source.is_symlink():
            shutil.copyfile(source, destination)
    return corpus


def largest_files(corpus: Path, target: Path, count: int) -> Path:
    """A corpus of the ``count`` largest .py files of ``corpus`` (each at most 1 MiB, the engine's default limit)."""
    files = sorted((p for p in corpus.rglob("*.py") if p.is_file() and p.stat().st_size <= 1024 * 1024),
                   key=lambda p: (-p.stat().st_size, str(p)))[:count]
    for source in files:
        destination = target / source.relative_to(corpus)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    return target


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> dict[str, float]:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss_kib(process.pid))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr_tail = process.stderr.read().decode(errors="replace")[-2000:] if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        print(f"command failed ({code}): {' '.join(command)}\n{stderr_tail}", file=sys.stderr)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": peak / 1024, "exit": code, "tail": stderr_tail}


# Parse-only floor: the files passing the codemod's own prefilter (whole-word tokens, as the engine matches them),
# parsed with LibCST in `jobs` processes. Prints nothing but a summary line on stderr.
FLOOR_SCRIPT = r"""
import os, re, sys, time
from multiprocessing import Pool
import libcst
sys.path.insert(0, sys.argv[3])
from env_to_isolated import EnvToIsolatedCommand

def parse(path):
    with open(path, "rb") as handle:
        try:
            libcst.parse_module(handle.read())
        except Exception:  # the standard library ships deliberately broken test files
            pass
    return 1

corpus, jobs = sys.argv[1], int(sys.argv[2])
words = re.compile(rb"(?<![A-Za-z0-9_\x80-\xff])(" + b"|".join(re.escape(t.encode()) for t in EnvToIsolatedCommand.PREFILTER) + rb")(?![A-Za-z0-9_\x80-\xff])")
files = []
for folder, _, names in os.walk(corpus):
    for name in names:
        if name.endswith(".py"):
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                data = handle.read()
            if b"\0" not in data and len(data) <= 1024 * 1024 and words.search(data):
                files.append(path)
started = time.perf_counter()
with Pool(jobs) as pool:
    done = 0
    for result in pool.imap_unordered(parse, files, chunksize=1):
        done += result
print(f"parsed {done} files ({sum(os.path.getsize(f) for f in files) / 2**20:.1f} MiB) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
"""


def recorded_libcst_figure() -> dict[str, float] | None:
    """The LibCST runner row last written to README's benchmark table (wall, CPU, peak memory)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"\| `python3 -m libcst\.tool codemod` \(same class\) \| ([\d,.]+) s \| ([\d,.]+) s \| ([\d,.]+) MiB", readme)
    if not match:
        return None
    wall, cpu, peak = (float(g.replace(",", "")) for g in match.groups())
    return {"wall": wall, "cpu": cpu, "peak_mib": peak, "exit": 0, "tail": ""}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="folder of Python files (default: a copy of the standard library)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--largest", type=int, metavar="N",
                        help="only the N largest files of the corpus (up to 1 MiB each): per-file cost on big files")
    parser.add_argument("--libcst", action="store_true", help="also run LibCST's own runner (about 18 minutes on 2 cores)")
    args = parser.parse_args()

    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "--nologo", str(ROOT / "src/Codemod.Cli")], check=True, stdout=subprocess.DEVNULL)
    engine = ROOT / "src/Codemod.Cli/bin/Release/net10.0/codemod.dll"

    with tempfile.TemporaryDirectory(prefix="codemod-bench-") as scratch:
        workdir = Path(scratch)
        corpus = args.corpus.resolve() if args.corpus else copy_stdlib(workdir)
        if args.largest:
            corpus = largest_files(corpus, workdir / "largest", args.largest)
        files = [p for p in corpus.rglob("*.py") if p.is_file()]
        size_mib = sum(p.stat().st_size for p in files) / 2**20
        print(f"corpus: {corpus} ({len(files)} files, {size_mib:.1f} MiB), jobs: {args.jobs}, runs: {args.runs}")

        env = dict(os.environ, PYTHONPATH=str(ROOT / "codemods"), PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1")
        cache = workdir / "cache"
        # A generous --timeout: on a loaded machine a slow file should show up as time, not as a failure (failures are
        # not cached, so they would also be redone by the warm run).
        preview = ["dotnet", str(engine), "preview", "env-to-isolated", str(corpus), "-j", str(args.jobs), "--format", "json",
                   "--cache-dir", str(cache), "--timeout", "600"]
        commands = {
            "codemod preview, cold": preview,
            "codemod preview, warm": preview,
            "parse-only floor": [sys.executable, "-c", FLOOR_SCRIPT, str(corpus), str(args.jobs), str(ROOT / "codemods")],
        }
        if args.libcst:
            # LibCST reads its own options after the command name; -u 3 prints diffs instead of writing files.
            commands["libcst.tool codemod"] = [sys.executable, "-m", "libcst.tool", "codemod", "-x", "env_to_isolated.EnvToIsolatedCommand",
                                               "--no-format", "--hide-progress", "-u", "3", "-j", str(args.jobs), str(corpus)]
        results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            shutil.rmtree(cache, ignore_errors=True)
            for name, command in commands.items():
                results[name].append(measure(command, workdir, env))
        recorded = ""
        # The recorded figure is for the whole standard library: not comparable with another corpus.
        if not args.libcst and not args.corpus and not args.largest and (figure := recorded_libcst_figure()) is not None:
            results["libcst.tool codemod"] = [figure]
            recorded = " (recorded in README, not run: pass --libcst)"

        def median(name: str, key: str) -> float:
            return statistics.median(r[key] for r in results[name])

        print(f"{'row':<24}{'wall s':>10}{'cpu s':>10}{'peak MiB':>10}")
        for name in results:
            print(f"{name:<24}{median(name, 'wall'):>10.2f}{median(name, 'cpu'):>10.2f}{median(name, 'peak_mib'):>10.0f}"
                  + (recorded if name == "libcst.tool codemod" else ""))
        cold, warm, floor = "codemod preview, cold", "codemod preview, warm", "parse-only floor"
        print(f"floor: {results[floor][-1]['tail'].strip().splitlines()[-1] if results[floor][-1]['tail'].strip() else '?'}")
        print(f"cold / floor: wall {median(cold, 'wall') / median(floor, 'wall'):.1f}x, cpu {median(cold, 'cpu') / median(floor, 'cpu'):.1f}x; "
              f"warm / cold: wall {median(warm, 'wall') / median(cold, 'wall'):.3f}, cpu {median(warm, 'cpu') / median(cold, 'cpu'):.3f}")
        if "libcst.tool codemod" in results:
            theirs = "libcst.tool codemod"
            print(f"libcst / codemod cold: wall {median(theirs, 'wall') / median(cold, 'wall'):.1f}x, "
                  f"cpu {median(theirs, 'cpu') / median(cold, 'cpu'):.1f}x{recorded}")
        load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"]
        print(f"load average after the runs: {' '.join(load)}; CPU is user+sys of the whole process tree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
