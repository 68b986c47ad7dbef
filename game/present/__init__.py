"""The presentation layer: the game in displayable terms, for each audience (the room, the facilitator, the
sheet). The screen, the terminal, the PDF, the CSV and the bots render these; none reads a card's model."""
