"""Run by `benchmarks/run.py` in a fresh process: one measurement of the screen, printed as a number.

    python benchmarks/ui_probe.py first-frame   # exits after the home screen's first frame
    python benchmarks/ui_probe.py bare          # a bare pygame-ce window, one frame (the baseline)
    python benchmarks/ui_probe.py idle SECONDS  # CPU share of a core while a card waits on screen
    python benchmarks/ui_probe.py animate       # CPU milliseconds per frame while gauges animate at 1920×1080
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from game.debrief.ending import sheet_at_end

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def bare() -> None:
    import pygame

    pygame.display.init()
    screen = pygame.display.set_mode((1280, 720))
    screen.fill((246, 244, 239))
    pygame.display.flip()


def home() -> None:
    """`python -m game` up to the home screen's first frame (sessions and settings in a scratch folder)."""
    from game.cli import main
    from game.ui.app import App

    scratch = Path(os.environ.get("TMPDIR", "/tmp")) / "atelier-benchmark"
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")  # warm after the first launch, as on a user's machine
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")
    run = App.run
    App.run = lambda app, max_frames=None: run(app, 1)
    main([])


def app_with(size: tuple[int, int]):
    import tempfile

    from game.content.library import load_library
    from game.paths import shipped_decks, shipped_scenarios
    from game.ui.app import App
    from game.ui.scenes import SCENES

    library = load_library([(shipped_decks(), True), (shipped_scenarios(), True)])
    app = App(library, Path(tempfile.mkdtemp()), size=size, settings_path=None, scenes=SCENES)
    from game.table.table import Table

    info = library.scenarios["accueil-france-services"].info
    table = Table.start_new(app.sessions_dir, info, library.pool(info), ["Solo"], 2, library.aspect_labels(info),
                            app.clock(), at_end=sheet_at_end)
    return app, app.push("play", table=table)


def idle(seconds: float) -> None:
    import pygame

    app, _ = app_with((1920, 1080))
    app.draw()

    def stop() -> None:
        time.sleep(seconds)
        app.running = False
        pygame.event.post(pygame.event.Event(pygame.USEREVENT))

    threading.Thread(target=stop, daemon=True).start()
    start_cpu, start_frames = time.process_time(), app.frames
    app.run()
    cpu = time.process_time() - start_cpu
    print(f"{cpu / seconds:.4f} {app.frames - start_frames}")


def animate() -> None:
    from game.engine.vocabulary import Action

    app, play = app_with((1920, 1080))
    while not play.view.choices:
        play.table.act(Action("next"), app.clock())
    for team in play.view.answering:
        play.send("enter", (0,), team=team)
    play.send("reveal")
    frames = 240
    start = time.process_time()
    for _ in range(frames):
        play.anim_from = tuple(v - 3 for v in play.gauge_targets())  # keep the gauges moving
        play.anim_start = app.clock()
        app.draw()
    print(f"{(time.process_time() - start) / frames * 1000:.3f}")


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "first-frame":
        home()
    elif mode == "idle":
        idle(float(sys.argv[2]))
    elif mode == "animate":
        animate()
