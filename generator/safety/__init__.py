"""Stage 3: what text may hold and what a built page may carry, checked before publishing."""
