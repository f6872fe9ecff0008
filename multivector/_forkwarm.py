"""Imported by the fork server of multivector.parallel: workers fork from it with spaCy and the lexicons loaded."""

from .parallel import warm

warm()
