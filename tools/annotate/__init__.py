"""Stage 3, annotate: glossary occurrences, placed notes and cross-links over the texts."""
