"""Debrief layer: the sheet (PDF) and the exports (CSV, log), made from a session log alone."""
