#!/usr/bin/env python3
"""Side-by-side benchmark: `codemod preview env-to-isolated` vs LibCST's own runner with the very same codemod class.

Usage: python3 benchmarks/preview-benchmark.py [--corpus DIR] [--jobs N] [--runs N]

Default corpus: a fresh copy of the running Python's standard library (.py files, no site-packages). Each tool runs as a
cold process (no warm workers) on the same corpus; both only compute diffs and write nothing (`preview`, and LibCST's
`-u` unified-diff mode). Reported per tool: wall time, CPU time (user+sys of the whole process tree) and peak memory
(the largest sum of resident memory over the process tree, sampled every 20 ms), each the median over the runs.
"""

from __future__ import annotations

import argparse
import os
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
    if code not in (0, 1) or wall < 5:
        print(f"command failed ({code}): {' '.join(command)}\n{stderr_tail}", file=sys.stderr)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": peak / 1024, "exit": code, "tail": stderr_tail}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="folder of Python files (default: a copy of the standard library)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "--nologo", str(ROOT / "src/Codemod.Cli")], check=True, stdout=subprocess.DEVNULL)
    engine = ROOT / "src/Codemod.Cli/bin/Release/net10.0/codemod.dll"

    with tempfile.TemporaryDirectory(prefix="codemod-bench-") as scratch:
        workdir = Path(scratch)
        corpus = args.corpus.resolve() if args.corpus else copy_stdlib(workdir)
        files = [p for p in corpus.rglob("*.py") if p.is_file()]
        size_mib = sum(p.stat().st_size for p in files) / 2**20
        print(f"corpus: {corpus} ({len(files)} files, {size_mib:.1f} MiB), jobs: {args.jobs}, runs: {args.runs}")

        env = dict(os.environ, PYTHONPATH=str(ROOT / "codemods"), PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1")
        commands = {
            "codemod preview": ["dotnet", str(engine), "preview", "env-to-isolated", str(corpus), "-j", str(args.jobs), "--format", "json"],
            # LibCST reads its own options after the command name; -u 3 prints diffs instead of writing files.
            "libcst.tool codemod": [sys.executable, "-m", "libcst.tool", "codemod", "-x", "env_to_isolated.EnvToIsolatedCommand",
                                    "--no-format", "--hide-progress", "-u", "3", "-j", str(args.jobs), str(corpus)],
        }
        results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                results[name].append(measure(command, workdir, env))

        def median(name: str, key: str) -> float:
            return statistics.median(r[key] for r in results[name])

        print(f"{'tool':<22}{'wall s':>10}{'cpu s':>10}{'peak MiB':>10}")
        for name in commands:
            print(f"{name:<22}{median(name, 'wall'):>10.2f}{median(name, 'cpu'):>10.2f}{median(name, 'peak_mib'):>10.0f}")
        ours, theirs = "codemod preview", "libcst.tool codemod"
        print(f"ratio (libcst / codemod): wall {median(theirs, 'wall') / median(ours, 'wall'):.1f}x, "
              f"cpu {median(theirs, 'cpu') / median(ours, 'cpu'):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
