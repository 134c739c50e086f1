#!/usr/bin/env python3
"""kill -9 at every named phase of `codemod apply --commit` on a large repository, then one `codemod recover` each time.

For each phase (before, temp-writes, renames, git-add, git-commit, tagging) the script resets a repository of N files
(default 4,000, every one rewritten by env-to-isolated) to its start, runs the real CLI with CODEMOD_TEST_PHASE=<phase>:kill
(the process SIGKILLs itself there), runs `codemod recover` once, and checks the result:

- outcome: "pre-run tree" (HEAD and every byte as at the start) or "full run" (one commit carrying the run's trailer,
  both tags, every file at its rewritten bytes, clean status);
- files lost: files whose bytes are neither their pre-run nor their rewritten bytes, or that are missing;
- debris: temp files in the tree, journal / message / lock files in the git directory, orphan tags, a dirty status.

By default the run uses a small codemod written next to the repository (`bench-rename`: renames the name VALUE to
SETTING, no metadata), so the seven runs cost parsing, not LibCST's scope analysis; `--codemod env-to-isolated` uses
the real one (about 20 times slower per file).

Usage: benchmarks/crash-recovery-benchmark.py [--files N] [--codemod NAME] [--cli PATH/codemod.dll]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PHASES = ["before", "temp-writes", "renames", "git-add", "git-commit", "tagging"]
ROOT = Path(__file__).resolve().parent.parent
FAST_CODEMOD = """
import libcst as cst
from libcst.codemod import VisitorBasedCodemodCommand


class BenchRenameCommand(VisitorBasedCodemodCommand):
    NAME = "bench-rename"
    DESCRIPTION = "Renames the name VALUE to SETTING (for the crash-recovery benchmark)."
    VERSION = "0.1.0"
    PREFILTER = ("VALUE",)

    def leave_Name(self, original_node, updated_node):
        return updated_node.with_changes(value="SETTING") if updated_node.value == "VALUE" else updated_node
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def cli(dll: Path, repo: Path, *args: str, phase: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1")
    env.pop("CODEMOD_TEST_PHASE", None)
    if phase:
        env["CODEMOD_TEST_PHASE"] = f"{phase}:kill"
    return subprocess.run(["dotnet", str(dll), *args], cwd=repo, env=env, capture_output=True, text=True)


def hashes(repo: Path) -> dict[str, str]:
    result = {}
    for folder, folders, files in os.walk(repo):
        folders[:] = [f for f in folders if not (folder == str(repo) and f == ".git")]
        for name in files:
            path = Path(folder) / name
            result[path.relative_to(repo).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(result.items()))


def make_repo(repo: Path, files: int) -> None:
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for key, value in [("user.name", "Bench"), ("user.email", "bench@example.com"), ("commit.gpgsign", "false")]:
        git(repo, "config", key, value)
    (repo / ".gitignore").write_text("__pycache__/\n")
    for i in range(files):
        package = repo / f"pkg{i // 100:02d}"
        package.mkdir(exist_ok=True)
        (package / "__init__.py").touch()
        (package / f"m{i:04d}.py").write_text(f'import os\n\nVALUE = os.environ.get("VALUE_{i}", "{i}")\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")


def reset(repo: Path, start: str) -> None:
    git(repo, "reset", "-q", "--hard", start)
    git(repo, "clean", "-q", "-fdx")
    tags = git(repo, "tag", "--list").split()
    if tags:
        git(repo, "tag", "-d", *tags)
    subprocess.run(["git", "update-ref", "-d", "refs/notes/codemod"], cwd=repo, capture_output=True)


def debris(repo: Path, allowed_tags: set[str]) -> list[str]:
    found = [p for p in hashes(repo) if p.endswith(".tmp") and ".codemod-" in p]
    git_dir = repo / ".git"
    journal = git_dir / "codemod-journal"
    if journal.exists():
        found += [f".git/codemod-journal/{p.name}" for p in journal.iterdir()]
    found += [f".git/{p.name}" for p in git_dir.glob("codemod-commit-*")]
    if (git_dir / "codemod.lock").exists():
        found.append(".git/codemod.lock")
    found += [f"tag {t}" for t in git(repo, "tag", "--list").split() if t not in allowed_tags]
    found += [f"status: {line}" for line in git(repo, "status", "--porcelain=v1", "--untracked-files=all").splitlines()]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=4000)
    parser.add_argument("--codemod", default="bench-rename")
    parser.add_argument("--cli", type=Path, default=ROOT / "src/Codemod.Cli/bin/Debug/net10.0/codemod.dll")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="codemod-crash-"))
    try:
        repo = work / "repo"
        make_repo(repo, options.files)
        apply = ["apply", options.codemod, "--commit"]
        if options.codemod == "bench-rename":
            (work / "codemods").mkdir()
            (work / "codemods" / "bench_rename.py").write_text(FAST_CODEMOD)
            apply += ["--codemods", str(work / "codemods")]
        start = git(repo, "rev-parse", "HEAD").strip()
        before = hashes(repo)

        # The rewritten bytes of every file, from one uninterrupted run.
        clock = time.monotonic()
        done = cli(options.cli, repo, *apply)
        if "committed" not in done.stderr:
            print(done.stderr, file=sys.stderr)
            return 2
        after = hashes(repo)
        print(f"{options.files} files, codemod {options.codemod}; a full apply --commit took {time.monotonic() - clock:.1f} s; {sum(before[p] != after[p] for p in before)} files rewritten")
        print(f"{'phase':<12} {'killed':<7} {'recover':<8} {'outcome':<14} {'files lost':>10} {'debris':>7}  seconds")
        total_lost = total_debris = 0
        for phase in PHASES:
            reset(repo, start)
            clock = time.monotonic()
            killed = cli(options.cli, repo, *apply, phase=phase)
            recovered = cli(options.cli, repo, "recover")
            now = hashes(repo)
            head = git(repo, "rev-parse", "HEAD").strip()
            if head == start:
                outcome, expected, tags = "pre-run tree", before, set()
            else:
                run_id = git(repo, "log", "-1", "--format=%(trailers:key=Codemod-Run,valueonly)").strip()
                parent = git(repo, "rev-parse", "HEAD^").strip()
                outcome = "full run" if run_id and parent == start else "WRONG HEAD"
                expected, tags = after, {f"codemod/{run_id}/before", f"codemod/{run_id}/after"}
                missing = tags - set(git(repo, "tag", "--list").split())
                if missing:
                    outcome = "UNTAGGED"
            lost = [p for p in before if now.get(p) != expected[p]]
            left = debris(repo, tags)
            total_lost += len(lost)
            total_debris += len(left)
            print(f"{phase:<12} {killed.returncode:<7} {recovered.returncode:<8} {outcome:<14} {len(lost):>10} {len(left):>7}  {time.monotonic() - clock:.1f}")
            for item in (lost + left)[:5]:
                print(f"    {item}")
        print(f"total: {total_lost} files lost, {total_debris} debris left after recover")
        return 0 if total_lost == 0 and total_debris == 0 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
