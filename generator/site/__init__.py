"""Stage 2: turn the project into pages, menus and the site source a builder reads."""
