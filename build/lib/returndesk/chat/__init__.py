"""The ChatKit server: where requests meet the conversation engine."""
