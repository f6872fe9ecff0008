"""Acts named by the noun of their verb: "Russia announced the suspension of flights to Georgia" is Russia
suspending flights to Georgia. The noun borrows its verb's trigger patterns (data/<lang>/deverbal.tsv), its
of-phrase standing for the verb's object and its own phrases for the verb's. Only a noun whose doer is named
is coded: its possessor or national adjective ("Japan's tightening of exports"), a by-phrase, or the subject of
a verb that announces or orders it (modality.yaml ``deverbal_governors``); an act only planned is an intention.
Nouns with event patterns of their own (triggers/*.yaml ``nouns``) are read by those first."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality, patterns
from .modality import Modality
from .noun_frames import answered_with, carried_out_by, nominal_currency
from .nouns import IMPACT_ROOTS, Found
from .targets import Targets
from .tree import prep_objects


class Deverbals(Targets):
    """Coding a deverbal noun through its verb's patterns; the article coder subclasses this."""

    pats: patterns.Patterns
    consumed: set[int]

    def _candidates(self, v: Token, cands: tuple[patterns.VerbPattern, ...],
                    theme: Token | None) -> list[tuple[patterns.VerbPattern, str | None, str | None]]:
        raise NotImplementedError  # the article coder's: a lemma's patterns that fit, best first

    def code_deverbal(self, n: Token) -> list[Found]:
        """The act a noun of a trigger verb names, when its doer is named (see the module docstring)."""
        verb = patterns.deverbals().get(n.lemma_.lower())
        if verb is None or n.i in self.consumed:
            return []
        theme = next(iter(prep_objects(n, ("of",))), None)
        if theme is None:
            return []  # "the suspension" alone names no act on anything
        srcs = self.possessor(n) or self.modifier_sources(n) or self.prep_targets(n, ("by",), possessor=False)
        # "announced the suspension of ...", "began the evacuation of ...", "responded with the suspension of ..."
        answering = answered_with(n)
        governor = carried_out_by(n) or answering
        if not srcs and governor is not None:
            srcs = self.subjects(governor)
        if not srcs or self._nominal_unreal(n):
            return []
        mod = modality.analyse(governor, question=self.in_question, year=self.year) \
            if governor is not None else Modality()
        if mod.drop:
            return []
        own = frozenset(a.code for a in srcs)
        for pat, matched, lemma in self._candidates(n, self.pats.verbs[verb], theme):
            if pat.inverted or pat.objectless or pat.needs_ccomp or pat.needs_xcomp or pat.xcomp_only or pat.ccomp_only:
                continue
            code = matched if matched is not None else pat.code
            currency = nominal_currency(n, code, self.year)
            if currency == "background" and answering is not None:
                currency = "current"  # the answer a response is made with is made now, not a standing measure
            if currency in ("background", "alleged"):
                return []
            transform = mod.transform or ("intent" if currency == "planned" else None)
            sources = [a for a in srcs if not pat.source_roles or a.role in pat.source_roles]
            targets: list[Actor] = [a for a in self._targets(n, pat, theme, own) if a.codable and a.code not in own]
            if not targets and governor is not None and n.dep_ == "dobj":
                # the parser may hang the noun's phrase on the governing verb: "began the deployment ... to Libya"
                targets = [a for a in self._targets(governor, pat, theme, own) if a.codable and a.code not in own]
            if not targets and code[:2] in IMPACT_ROOTS:  # "in response to Azerbaijani shelling of ..."
                targets = self.answerers(n, own)
            if not sources or not targets:
                continue
            if transform is not None:
                code = self.pats.family(code, transform)
            self.consumed.update((n.i, theme.i))
            pid = f"{pat.id}+{lemma}.n" if lemma else f"{pat.id}.n"
            return [Found(s, t, code, pid, n, mod) for s in sources for t in targets]
        return []
