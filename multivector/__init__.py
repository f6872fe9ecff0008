"""multivector: measure the struggle for influence over countries from the news."""

__version__ = "0.1.0"
