"""Stage 4: build the site source into the website and the offline bundle."""
