"""The screens of a session: home, teams, play, menus, end and debriefing."""
