"""Engine layer: the rules as a pure, deterministic state machine (no pygame, no I/O, no clock)."""
