"""Serious-game engine for training public agents: YAML decks, turn engine, session logs."""

__version__ = "0.1.0"
