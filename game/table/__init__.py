"""Table layer: one view of the game for every front end, and the one door to a session (log and sheet)."""
