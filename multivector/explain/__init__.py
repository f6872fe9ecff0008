"""Explanations over the store: cited briefings with offline charts, questions, FAQ checks.

* ``brief(store, country, poles, *, fmt="md"|"html"|"json"|"text", since=None, until=None) -> str``
* ``ask(store, question, *, k=3) -> Answer``
* ``faq_check(article, sentences) -> list[ClaimVerdict]``; ``faq_check_file(path)``
"""

from __future__ import annotations

from .ask import Answer, Cited, ask
from .brief import Briefing, Citation, Finding, brief, build_briefing, render
from .faqcheck import ClaimVerdict, faq_check, faq_check_file, split_claims

__all__ = [
    "Answer", "Briefing", "Citation", "Cited", "ClaimVerdict", "Finding", "ask", "brief", "build_briefing",
    "faq_check", "faq_check_file", "render", "split_claims",
]
