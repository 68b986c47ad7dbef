"""Finding content files, without loading the YAML parser."""

from __future__ import annotations

from pathlib import Path


def yaml_files(folder: Path) -> list[Path]:
    """Every YAML file under a folder, in a stable order; hidden ones (an import's draft) left out."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
                  and not p.name.startswith("."))
