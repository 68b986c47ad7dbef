"""The long fuzz run: mutated lab folders (each refusal must name the file the mutation made wrong; each folder
that validates must play for every team count and go to a spreadsheet and back unchanged), session logs, the
progress store over mutated training logs (it must hold exactly what the readable logs hold) and imported files
(CSV, Excel, GIFT, Aiken), each checked in a watched worker process; then the hostile import files, each in a
fresh process, timed and measured.

    python benchmarks/fuzz.py --minutes 30            # or --cases 10000; --workers 2 by default

Each case is made from its seed alone (tests/fuzz_cases.py), so any finding can be made again. A
worker that dies (a segfault) or takes longer than --timeout seconds on one case (a hang) is counted,
the case's files are kept in --findings, and a fresh worker takes over. A traceback inside a check is
counted as a bug, with its input and traceback kept the same way. Each case's seconds and the worker's peak
memory are noted: an importer case over 20 s or 500 MB is a finding too. Prints the figures at the end; the
exit status is 1 if anything was found. Needs a POSIX system (select on pipes, resource).
"""

from __future__ import annotations

import argparse
import os
import queue
import random
import select
import shutil
import subprocess
import sys
import threading
import time
import traceback
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("content", "log", "store", "csv", "xlsx", "gift", "aiken")
IMPORTERS = ("csv", "xlsx", "gift", "aiken")
IMPORT_SECONDS, IMPORT_MB = 20.0, 500.0  # an import case past either is a finding


def make_case(kind: str, seed: int, folder: Path, base: list[Path], imports: dict[str, bytes],
              training: tuple[Path, ...]) -> Path:
    """The files of one case in `folder`; returns what the check reads."""
    from tests.fuzz_cases import lab_folder, mutate_log
    from tests.fuzz_imports import import_case
    from tests.fuzz_store import store_case

    rng = random.Random(f"{kind}-{seed}")
    if kind == "content":
        return lab_folder(folder, rng)
    if kind == "store":
        return store_case(folder, rng, training)
    if kind != "log":
        return import_case(folder, kind, rng, imports)
    source = rng.choice(base)
    path = folder / "session.jsonl"
    path.write_bytes(mutate_log(source.read_bytes(), rng))
    return path


def worker(findings: Path) -> None:
    """Read "kind seed" lines, answer "seed outcome" lines; a traceback becomes the outcome "bug"."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    sys.path.insert(0, str(ROOT))
    from game.content.library import load_library
    from game.paths import shipped_decks, shipped_scenarios
    from tests.fuzz_cases import base_logs, check_content, check_log
    from tests.fuzz_imports import bases, check_import
    from tests.fuzz_store import check_store, training_logs

    library = load_library([(shipped_decks(), True), (shipped_scenarios(), True)])
    work = findings / f".work-{os.getpid()}"  # where a case's files are while it runs: kept if it hangs or crashes
    base = base_logs(work / "base", library)
    (work / "imports").mkdir()
    imports = bases(work / "imports")
    training = training_logs(work / "training", library)
    for line in sys.stdin:
        kind, seed_text = line.split()
        seed = int(seed_text)
        case = work / f"{kind}-{seed}"
        case.mkdir()
        started = time.perf_counter()
        if kind in IMPORTERS:  # an importer's own peak, in Python's allocations (the process's peak only grows)
            tracemalloc.start()
        try:
            target = make_case(kind, seed, case, base, imports, training)
            if kind == "content":
                outcome = check_content(case, target, seed, layout=seed % 5 == 0)
            elif kind == "log":
                outcome = check_log(target, seed)
            elif kind == "store":
                outcome = check_store(target)
            else:
                outcome = check_import(target, kind)
        except BaseException:  # noqa: BLE001 - every escape is a finding
            outcome = "bug"
            kept = findings / f"{kind}-{seed}"
            shutil.copytree(case, kept, dirs_exist_ok=True)
            (kept / "traceback.txt").write_text(traceback.format_exc(), encoding="utf-8")
        shutil.rmtree(case, ignore_errors=True)
        seconds, peak = time.perf_counter() - started, 0.0
        if tracemalloc.is_tracing():
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        print(seed, outcome, f"{seconds:.3f}", f"{peak:.0f}", flush=True)


class Driver:
    """One worker process fed one case at a time, replaced when it dies or hangs."""

    def __init__(self, findings: Path, timeout: float):
        self.findings = findings
        self.timeout = timeout
        self.process = self._spawn()

    def _spawn(self) -> subprocess.Popen[str]:
        self.start_up = 60.0  # the first case also waits for the worker to load the content and write its logs
        return subprocess.Popen([sys.executable, __file__, "--worker", "--findings", str(self.findings)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)

    def run(self, kind: str, seed: int) -> tuple[str, float, float]:
        """The case's outcome, its seconds and, for an importer, its peak memory in MB (0 otherwise, or when it
        hung or died)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{kind} {seed}\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], self.timeout + self.start_up)
        self.start_up = 0
        line = self.process.stdout.readline() if ready else ""
        if line:
            _, outcome, seconds, peak = line.split()
            return outcome, float(seconds), float(peak)
        if ready:  # the pipe closed: the worker died
            outcome = f"crash (exit {self.process.wait()})"
        else:
            outcome = "hang"
            self.process.kill()
            self.process.wait()
        self._keep(kind, seed, outcome)
        self.process = self._spawn()
        return outcome.split()[0], 0.0, 0.0

    def _keep(self, kind: str, seed: int, outcome: str) -> None:
        """The case's files, left by the worker, kept with what became of it."""
        work = self._work()
        kept = self.findings / f"{kind}-{seed}"
        if (work / kept.name).exists():
            shutil.copytree(work / kept.name, kept, dirs_exist_ok=True)
        kept.mkdir(parents=True, exist_ok=True)
        (kept / "outcome.txt").write_text(f"{outcome}\n", encoding="utf-8")
        shutil.rmtree(work, ignore_errors=True)

    def _work(self) -> Path:
        return self.findings / f".work-{self.process.pid}"

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        shutil.rmtree(self._work(), ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=0)
    parser.add_argument("--cases", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30, help="seconds one case may take before it is a hang")
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--findings", type=Path, default=ROOT / "fuzz-findings")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.findings.mkdir(parents=True, exist_ok=True)
    if args.worker:
        worker(args.findings)
        return 0
    if not args.minutes and not args.cases:
        args.cases = 1000
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else float("inf")
    cases: queue.Queue[tuple[str, int]] = queue.Queue()
    for seed in range(args.first_seed, args.first_seed + (args.cases or 10**7)):
        cases.put((KINDS[seed % len(KINDS)], seed))
    tally: Counter[tuple[str, str]] = Counter()
    slowest: dict[str, float] = {}
    peaks: list[float] = []
    lock = threading.Lock()

    def drive() -> None:
        driver = Driver(args.findings, args.timeout)
        try:
            while time.monotonic() < deadline:
                try:
                    kind, seed = cases.get_nowait()
                except queue.Empty:
                    break
                outcome, seconds, peak = driver.run(kind, seed)
                if kind in IMPORTERS and (seconds > IMPORT_SECONDS or peak > IMPORT_MB):
                    outcome = "hang" if seconds > IMPORT_SECONDS else "memory"
                with lock:
                    tally[kind, outcome] += 1
                    slowest[kind] = max(slowest.get(kind, 0.0), seconds)
                    peaks.append(peak)
        finally:
            driver.close()

    started = time.monotonic()
    threads = [threading.Thread(target=drive) for _ in range(args.workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    total = sum(tally.values())
    print(f"{total} cases in {elapsed / 60:.1f} min ({total / elapsed:.1f}/s, {args.workers} workers)")
    for kind in KINDS:
        outcomes = {outcome: n for (k, outcome), n in sorted(tally.items()) if k == kind}
        print(f"  {kind}: {sum(outcomes.values())} — " + ", ".join(f"{o} {n}" for o, n in outcomes.items()))
    print("slowest case per kind: " + ", ".join(f"{k} {s:.2f} s" for k, s in sorted(slowest.items()))
          + f"; an importer's highest peak: {max(peaks, default=0):.0f} MB")
    found = {name: sum(n for (_, outcome), n in tally.items() if outcome == name)
             for name in ("bug", "hang", "crash", "memory")}
    found["hostile"] = hostile_files()
    print(f"tracebacks {found['bug']}, hangs {found['hang']}, crashes {found['crash']}, over {IMPORT_MB:.0f} MB "
          f"{found['memory']}, hostile files past the limits {found['hostile']}"
          + (f" — kept in {args.findings}" if any(found.values()) else ""))
    return 1 if any(found.values()) else 0


# `python -m game …` in a process that says its own peak memory at the end (a child's, not the fuzz workers')
_MEASURED = ("import resource, sys\nfrom game.cli import main\ncode = main(sys.argv[1:])\n"
             "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(code)")


def hostile_files() -> int:
    """Each hostile import file of the tests (a zip bomb, a million rows…), imported in a fresh process: its
    seconds and peak memory printed; how many went past the limits or gave no sentence."""
    import tempfile

    from tests.test_hostile_imports import HOSTILE

    bad = 0
    for make in HOSTILE:
        with tempfile.TemporaryDirectory() as folder:
            hostile = make(Path(folder) / "hostile.xlsx")
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", _MEASURED, "import", str(hostile), "--deck", "x", "--out",
                                   str(Path(folder) / "x.yaml")], capture_output=True, text=True, cwd=ROOT)
            seconds = time.perf_counter() - started
            said = [line for line in done.stderr.splitlines() if line.startswith("PEAK ")]
            scale = 2**20 if sys.platform == "darwin" else 2**10  # ru_maxrss: bytes on macOS, kilobytes elsewhere
            peak = int(said[-1].split()[1]) / scale if said else float("inf")
        fine = done.returncode == 1 and "Traceback" not in done.stderr and seconds <= IMPORT_SECONDS and \
            peak <= IMPORT_MB
        bad += not fine
        print(f"  hostile {make.__name__}: exit {done.returncode}, {seconds:.2f} s, peak {peak:.0f} MB"
              + ("" if fine else "  <- finding"))
    return bad


if __name__ == "__main__":
    sys.exit(main())
