"""Stage 1: find, read and check the content files into one validated project."""
