"""`python -m multivector` runs the CLI."""

from .cli import main

main()
