"""Moving a pending order's payment to another of the shopper's methods."""
