"""Stage 5, render: MkDocs builds, atomic publishing, the offline zip, the live preview and the PDF."""
