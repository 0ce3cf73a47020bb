"""Stage 1, load: YAML and texts read into the typed model, with source positions; the text helpers
later stages share (length-preserving normalisation, finding a quotation, a link's scheme)."""
