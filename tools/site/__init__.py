"""Stage 5, render: MkDocs builds, atomic publishing, the offline zip, the live preview and the PDF
(with the Chromium it finds and a local server, which the browser tests use too)."""
