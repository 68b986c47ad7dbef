"""The screens' names: a scene starts another by its name (`app.push(Screen.SETUP, ...)`), never by importing it."""

from __future__ import annotations

from enum import StrEnum


class Screen(StrEnum):
    HOME = "home"
    SETUP = "setup"
    PLAY = "play"
    END = "end"
    LEARNED = "learned"  # a training session's end, for the learner
    MENU = "menu"
    CONFIRM = "confirm"
    ERROR = "error"
    ACCESSIBILITY = "accessibility"
    PREVIEW = "preview"
    TRAIN = "train"
    PROGRESS = "progress"
    CARDS = "cards"  # the cards chosen for a workshop
    PLANS = "plans"  # the saved session plans
    DEBRIEFING = "debriefing"  # the debriefing projected to the room
    PASSWORD = "password"  # the lab's LRS password, asked before sending
