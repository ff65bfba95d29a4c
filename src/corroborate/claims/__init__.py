"""Claims: what each article asserts (entities, roles, quotes, numbers, dates), ready to align across outlets."""
