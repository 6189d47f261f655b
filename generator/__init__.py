"""Build plain-language health reference sites from structured YAML content."""
