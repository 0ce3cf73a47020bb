"""Stage 4, write: the annotated edition rendered as Markdown pages for MkDocs."""
