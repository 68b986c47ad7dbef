"""Pushing a lab's worth of sessions to a local Ralph: 1,000 finished workshops (about 30,000 statements) played by
bots, then `push` as `xapi push` runs it, against Ralph 5.1.0 on 127.0.0.1 (tests/lrs, its filesystem backend).

    python benchmarks/xapi_push.py [--sessions 1000] [--teams 3]     # needs the lrs extra: pip install -e '.[lrs]'

Prints the statements sent, the wall time, and the client's share of it: the CPU time of this process (reading
and replaying the logs, building and encoding the statements, sending them) over the wall time of the push, the
rest being Ralph's work and the wait for it. The target: the client is not the bottleneck (at most 20 %).

Measured on 2 cores (2026-12-04): 1,000 sessions, 29,000 statements, all stored, in 184 s (157 statements/s);
the client's CPU 6.0 s, 3.2 %. At 100 sessions: 2,900 statements in 3.1 s, the client 17.9 %. Ralph's filesystem
backend reads its whole file at each POST to drop the statements it has, so its share grows with the store.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT  # noqa: E402,F401 - the game's package on the path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--teams", type=int, default=3)
    args = parser.parse_args()

    from game.content.library import load_library
    from game.paths import shipped_decks, shipped_scenarios
    from game.xapi.identity import Identity
    from game.xapi.push import http_post, push
    from tests.lrs.server import PASSWORD, Ralph
    from tests.xapi_support import workshop

    library = load_library([(shipped_decks(), True), (shipped_scenarios(), True)])
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "sessions"
        made = time.perf_counter()
        for n in range(args.sessions):
            workshop(library, folder, "atelier-teletravail", args.teams, seed=n, strategy="random",
                     t=1_800_000_000.0 + n * 3600)
        made = time.perf_counter() - made
        ralph = Ralph(Path(scratch) / "ralph").start()
        try:
            identity = Identity(key=b"benchmark key...")
            cpu, wall = time.process_time(), time.perf_counter()
            pushed = push(folder, http_post(ralph.endpoint, "formateur-a", PASSWORD), ralph.endpoint, identity)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            stored = ralph.stored()
        finally:
            ralph.stop()
    print(f"sessions played and logged: {args.sessions} ({args.teams} teams each) in {made:.1f} s")
    print(f"pushed: {len(pushed.sent)} sessions, {pushed.statements} statements "
          f"({pushed.statements / max(1, len(pushed.sent)):.1f} a session); stored by Ralph: {stored}")
    print(f"push wall time: {wall:.1f} s ({pushed.statements / wall:.0f} statements/s)")
    print(f"client CPU time: {cpu:.1f} s, {100 * cpu / wall:.1f} % of the wall time (target: at most 20 %)")
    return 0 if not pushed.waiting and stored == pushed.statements else 1


if __name__ == "__main__":
    raise SystemExit(main())
