"""The program's sentences, one catalogue per audience: lab authors (`authors`), players and facilitators (`players`)."""
