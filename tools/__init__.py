"""Annotated reading edition generator: seeds/ (texts, glossary, notes) -> Markdown for MkDocs."""
