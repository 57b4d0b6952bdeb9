"""The built site and PDFs: Sphinx extensions, light pages, explorer, printing."""
