"""`python -m multivector` runs the CLI."""

from .cli import main

if __name__ == "__main__":  # worker processes (parallel ingest) import this module again: only the CLI runs main
    main()
