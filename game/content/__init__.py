"""Content layer: the YAML authoring format, its models, and the loader that locates every error."""
