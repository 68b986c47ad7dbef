"""Tools for lab authors: scaffolds, spreadsheet import, and warnings that do not block."""
