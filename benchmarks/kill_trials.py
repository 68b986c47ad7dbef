"""Kill -9 trials: a session on screen or in the terminal is killed at a random moment, then resumed.

    python benchmarks/kill_trials.py --trials 100     # per kind of trial

The terminal is fed answers line by line; every answer it has confirmed on its output (each team's answer
line at the reveal, matched as the catalogue prints it) must be in the log afterwards. The screen plays itself
(--autoplay, an action every 1.5 s); every whole answer its log held at the kill must survive the resume. The
ending trials end a session at once and kill the program while it writes the sheet and its CSV: the home
screen's look at the folder (`pending`) must then offer the session, and writing it must give both files.
Each resumed session is played to its end, and must get its sheet and its CSV. Prints the trials, the answers
confirmed and lost (lost must be 0). Needs a POSIX system.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from game.debrief.ending import sheet_at_end

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# one line per team's answer at the reveal, printed once it is logged: « Équipe 1 : 1+3 — Juste », the catalogue
# putting a no-break space before ":" (the end's « Équipe 1 : 5 pt » lines are not answers: no « — » after them)
CONFIRMED = re.compile(r"^  Équipe \d[ \u00a0]: [\d+]+ — ", re.M)


def answers_in(path: Path) -> int:
    """Whole answer lines in a log, read raw (a cut last line does not count)."""
    lines = path.read_bytes().split(b"\n")[:-1]
    count = 0
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("type") == "answer":  # every team's answers at once (logs before format 4)
            count += len(event.get("teams") or [[0]])
        elif event.get("type") == "enter":  # one team's answer, a move of its own
            count += 1
    return count


def terminal_trial(folder: Path, rng: random.Random, seed: int) -> tuple[int, int]:
    """(answers confirmed on screen, answers lost)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--console", "--sessions-dir", str(folder), "--seed", str(seed),
         "--teams", "2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    assert process.stdin is not None and process.stdout is not None
    os.set_blocking(process.stdout.fileno(), False)
    out = b""
    deadline = time.monotonic() + rng.uniform(0.4, 5.0)
    while time.monotonic() < deadline and process.poll() is None:
        try:
            process.stdin.write(rng.choice([b"1 2\n", b"2 1\n", b"1+2 1\n", b"\n", b"\n"]))
            process.stdin.flush()
        except BrokenPipeError:
            break
        time.sleep(rng.uniform(0.02, 0.15))  # a whole session takes about 5 s
        out += process.stdout.read() or b""
    process.send_signal(signal.SIGKILL)
    process.wait()
    out += process.stdout.read() or b""
    confirmed = len(CONFIRMED.findall(out.decode("utf-8", "replace")))
    logs = list(folder.glob("*.jsonl"))
    logged = answers_in(logs[0]) if logs else 0
    if logs:
        finish(logs[0], "terminal")
    return confirmed, max(0, confirmed - logged)


def screen_trial(folder: Path, rng: random.Random, seed: int) -> tuple[int, int]:
    """(whole answers in the log at the kill, answers lost by the resume)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--autoplay", "--sessions-dir", str(folder),
         "--seed", str(seed), "--teams", str(rng.randint(2, 6))],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    time.sleep(rng.uniform(0.6, 8.0))  # the autopilot plays an action every 1.5 s
    process.send_signal(signal.SIGKILL)
    process.wait()
    logs = list(folder.glob("*.jsonl"))
    if not logs:
        return 0, 0
    at_kill = answers_in(logs[0])
    kept = finish(logs[0], "screen")
    return at_kill, max(0, at_kill - kept)


ENDED_BEFORE_THE_KILL: list[str] = []  # front ends whose session had already ended when it was killed


def finish(path: Path, front_end: str) -> int:
    """Resume the log (which must work), count its answers, play it to its end and check its sheet."""
    from game.present.bots import choose
    from game.session.logs import is_finished
    from game.table.table import Table

    if is_finished(path):
        ENDED_BEFORE_THE_KILL.append(front_end)
    table = Table.resume(path, now=time.time(), at_end=sheet_at_end)
    assert table.damaged == "", table.damaged
    kept = answers_in(path)
    rng = random.Random(0)
    t = time.time()
    while not table.over:
        t += 20
        table.act(choose(table, "random", rng), t)
    table.close()
    # written at the end, or at the resume: the sheet and its CSV, both
    assert path.with_suffix(".pdf").exists() and path.with_suffix(".csv").exists(), table.sheet_error
    return kept


DURING_THE_WRITES: list[int] = []  # ending trials killed after the end, before both files were in place


def ending_trial(folder: Path, rng: random.Random, seed: int) -> tuple[int, int]:
    """A session ended at once in the terminal, killed while its sheet may be being written; then the home
    screen's offer completes it. (sessions completed by the offer, sessions left without both files)."""
    from game.debrief.ending import sheet_of
    from game.session.logs import is_finished, pending
    from game.table.table import Table

    process = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--console", "--sessions-dir", str(folder), "--seed", str(seed),
         "--teams", "2"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    assert process.stdin is not None
    process.stdin.write(b"f\no\n")
    process.stdin.flush()
    time.sleep(rng.uniform(0.15, 0.5))  # here: the end is logged at about 0.21 s, both files in place at 0.36 s
    process.send_signal(signal.SIGKILL)
    process.wait()
    logs = list(folder.glob("*.jsonl"))
    if not logs or not is_finished(logs[0]):
        return 0, 0
    log = logs[0]
    if not (log.with_suffix(".pdf").exists() and log.with_suffix(".csv").exists()):
        DURING_THE_WRITES.append(seed)
        assert pending(folder)[1] == [log], "the home screen does not offer the session missing its files"
        try:
            sheet_of(Table.read(log))
        except Exception as exc:  # noqa: BLE001 - the session stays without its files: what this counts
            print(f"  ending trial {seed}: {type(exc).__name__}: {exc}")
    left = not (log.with_suffix(".pdf").exists() and log.with_suffix(".csv").exists())
    assert not list(folder.glob(".*.tmp")), "scraps left after the next start"
    return 1, int(left)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100, help="trials per front end")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    for name, trial in (("terminal", terminal_trial), ("screen", screen_trial), ("ending", ending_trial)):
        counted = lost = cut = 0
        for k in range(args.trials):
            with tempfile.TemporaryDirectory() as folder:
                try:
                    seen, missing = trial(Path(folder), rng, k)
                except Exception as exc:  # noqa: BLE001 - a resume that fails is what this counts
                    failures += 1
                    print(f"  {name} trial {k}: {type(exc).__name__}: {exc}")
                    continue
                counted += seen
                lost += missing
                cut += missing > 0
        if name == "ending":
            print(f"ending: {args.trials} kills, {counted} after the session's end, {len(DURING_THE_WRITES)} while "
                  f"the sheet and its CSV were being written; {lost} sessions left without both files")
        else:
            print(f"{name}: {args.trials} kills ({ENDED_BEFORE_THE_KILL.count(name)} after the session's end), "
                  f"{counted} answers {'confirmed' if name == 'terminal' else 'logged'} before the kill, {lost} lost "
                  f"({cut} trials lost some)")
        failures += lost
    print(f"resumes that failed or lost answers: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
