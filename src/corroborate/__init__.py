"""corroborate."""

import os

# Before torch loads (spaCy imports it): waiting OpenMP threads sleep instead of spinning on cores that other
# work needs (see ModelSettings.embedding_threads). A value the user set wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
