"""Where an order or a return stands: one use case (see `usecase.py`)."""
