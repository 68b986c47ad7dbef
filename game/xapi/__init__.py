"""Learning records for a lab: a session's xAPI statements, from its log alone, and their way to a Learning Record
Store (a file of statements, or a push over HTTP). Nothing leaves the computer unless asked."""
