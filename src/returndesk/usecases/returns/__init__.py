"""Returns and exchanges: one use case (see `usecase.py`)."""
