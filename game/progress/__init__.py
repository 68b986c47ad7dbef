"""A solo learner's progress: their answers kept on their machine, the cards to review, their mastery."""
