"""Stage 2, validate: cross-file rules over the loaded edition, as positioned problems."""
