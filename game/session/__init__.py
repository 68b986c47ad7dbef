"""Session layer: the append-only log on disk, its typed start record, and logs read back."""
