"""Session layer: the append-only log on disk, and sessions that are written before they move."""
