"""Questions about the catalogue's products: options, availability and prices."""
