"""UI layer: pygame scenes that read the engine's state and send it actions; no rule lives here."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no greeting printed over the facilitator's terminal
