"""Language understanding: turning what a shopper types into flow events."""
