"""ReturnDesk: a self-hosted returns and exchanges assistant speaking the ChatKit protocol."""

__version__ = "0.1.0"
