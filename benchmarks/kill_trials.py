"""Kill -9 trials: a session on screen or in the terminal is killed at a random moment, then resumed.

    python benchmarks/kill_trials.py --trials 100     # per front end

The terminal is fed answers line by line; every answer it has confirmed on its output must be in
the log afterwards. The screen plays itself (--autoplay, an action every 1.5 s); every whole answer
its log held at the kill must survive the resume. Each resumed session is then played to its end, and must get its
sheet. Prints the trials and the answers lost (it must print 0). Needs a POSIX system.
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

# one line per team's answer at the reveal, printed once it is logged; the catalogue puts a no-break space before ":"
CONFIRMED = re.compile(r"^  Équipe \d[ \u00a0]: \d", re.M)


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
    assert path.with_suffix(".pdf").exists(), table.sheet_error  # written at the end, or at the resume
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100, help="trials per front end")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    for name, trial in (("terminal", terminal_trial), ("screen", screen_trial)):
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
        print(f"{name}: {args.trials} kills ({ENDED_BEFORE_THE_KILL.count(name)} after the session's end), {counted} "
              f"answers {'confirmed' if name == 'terminal' else 'logged'} before the kill, {lost} lost "
              f"({cut} trials lost some)")
        failures += lost
    print(f"resumes that failed or lost answers: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
