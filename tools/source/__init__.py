"""Stage 1, load: YAML and texts read into the typed model, with source positions."""
