"""Building the book: notebooks executed, cache key, interrupts, no-op check."""
