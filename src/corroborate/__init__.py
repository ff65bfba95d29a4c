"""corroborate."""
