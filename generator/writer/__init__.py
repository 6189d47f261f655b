"""Tools for writers: starter files, the guide, editors' schemas and writing warnings."""
