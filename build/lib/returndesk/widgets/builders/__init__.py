"""One builder per widget the conversation shows."""
