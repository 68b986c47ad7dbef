"""The screens, registered by name: a scene starts another with `app.push("name", ...)`, never by import.

Each entry is "module:class", imported when the scene is first shown.
"""

SCENES: dict[str, str] = {
    "home": "game.ui.scenes.home:HomeScene",
    "setup": "game.ui.scenes.setup:SetupScene",
    "play": "game.ui.scenes.play:PlayScene",
    "end": "game.ui.scenes.end:EndScene",
    "menu": "game.ui.scenes.overlays:MenuScene",
    "confirm": "game.ui.scenes.overlays:ConfirmScene",
    "error": "game.ui.scenes.overlays:ErrorScene",
    "accessibility": "game.ui.scenes.accessibility:AccessibilityScene",
    "preview": "game.ui.scenes.preview:PreviewScene",
    "train": "game.ui.scenes.train:TrainScene",
    "progress": "game.ui.scenes.progress:ProgressScene",
}
