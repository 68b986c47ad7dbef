"""UI layer: pygame scenes that read the engine's state and send it actions; no rule lives here."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no greeting printed over the facilitator's terminal
# SDL would turn SIGTERM into a window-close event, which asks for confirmation; a system shutdown or
# `timeout` must end the program at once instead (every answer is already on disk).
os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
