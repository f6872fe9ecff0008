"""What a predicate's reading codes and whether it holds: the act a verb or noun names, what an appeal asks
for, the readings a clause rules out, and the code a clause settles on. Methods of the coder (a mixin over the
record builders), kept apart from the argument search in coder.py."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality, patterns
from .clauses import to_come
from .modality import code_under
from .nouns import EXPULSION_CODES, IMPACT_ROOTS
from .places import LEAVING_VERBS
from .records_of import Records
from .references import through_quantity
from .tree import child, inherited_subject, noun_keys, pobj_of, prep_objects
from .words import WITHDRAWALS, improvised_bomb, is_mass, weapon_code, withdrawal_code

# Prepositions that aim a projectile at what it hits ("fired rockets at"; "into waters near" is a show of force)
AIMED_PREPS = frozenset({"at", "on", "toward", "towards"})


# Verbs that promise a response to come besides threats ("promised to respond to any attack").
PROMISING = frozenset({"promise", "pledge"})


class Readings(Records):
    """The readings of a predicate: its act code, what it asks, what rules it out, its final code."""

    def act_code(self, t: Token) -> str | None:
        """The code the lexicon gives a predicate word, arguments aside ("release" -> 0841): for refining
        what is asked, promised or refused."""
        if t.pos_ in ("VERB", "AUX") or t.tag_ == "VBG":
            cands = self.pats.verbs.get(t.lemma_.lower())
            if cands:
                theme = child(t, "dobj")
                for pat, matched, _lm in self._candidates(t, cands, theme):
                    # not a reading that holds only with someone deterred, or only negated ("will not allow")
                    # (nor one that needs a that-clause the word has not: "to guarantee free elections")
                    if pat.target != ("deterred",) and not pat.only_negated and not (
                            pat.needs_ccomp and child(t, "ccomp") is None):
                        return matched if matched is not None else pat.code
        for np in self.pats.nouns_for(noun_keys(t)):
            if np.needs and t.pos_ == "VERB" and child(t, "dobj") is not None and self.noun_pattern(t) is not np:
                continue  # a verb whose object names the act: "show restraint" is no "show of force"
            if np.background and np.needs and t.pos_ != "VERB" and self.noun_pattern(t) is not np:
                continue  # a word an option is named by only with its modifier: "a multinational force" is none
            return np.code
        return None

    def requested_act(self, v: Token) -> str | None:
        """What an appeal or demand asks for: "urged Iran to release", "demanded that Russia withdraw",
        "called for the release of", "pressed for talks"."""
        for c in v.children:
            if c.dep_ == "advcl" and c.i < v.i:
                continue  # "Speaking in Rome, Zelensky urged the G7 to ...": a fronted adjunct asks for nothing
            if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX"):
                if any(x.dep_ == "neg" for x in c.children):
                    return None  # "urged Washington not to send troops": a plain appeal
                code = self.act_code(c)
                if code is None:  # "urged Israel to show restraint": the object names the act
                    obj = child(c, "dobj")
                    code = self.act_code(obj) if obj is not None else None
                if code is not None:
                    return code
        for c in v.children:
            if c.dep_ in ("prep", "dobj") :
                for x in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ in ("pobj", "pcomp")]):
                    code = self.act_code(x)
                    if code is not None:
                        return code
        return None

    def _attack_subject(self, v: Token) -> bool:
        """The verb's subject is an attack noun that codes itself ("a drone strike killed ...")."""
        subj = child(v, "nsubj")
        np = self.noun_pattern(subj) if subj is not None else None
        return np is not None and np.code[:2] in IMPACT_ROOTS

    def _tells_own_plan(self, v: Token, sources: list[Actor]) -> bool:
        """The told clause is its teller's own act to come ("will set up", "stood ready to send"), coded by no
        trigger of its own: an intention told to the addressee (030), not a plain statement (010)."""
        own = {a.code for a in sources}
        for c in (c for c in v.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
            mod = modality.analyse(c, question=self.in_question, year=self.year)
            subj = child(c, "nsubj")
            if mod.transform == "intent" and subj is not None and {a.code for a in self.actors_for(subj)} & own:
                return True
        return False

    def _official_victim(self, theme: Token | None) -> bool:
        """The one killed holds a civilian office ("Andrei Karlov, Russia's ambassador to Turkey"): assassinated."""
        if theme is None:
            return False
        heads = [theme, *(c for c in theme.children if c.dep_ == "appos")]
        return any(h.lemma_.lower() in modality.words().official_victims for h in heads)

    def _done_to_people(self, v: Token, theme: Token | None) -> bool:
        """Whether an act done to people has people for its object: a person, a role ("traders") or a people's
        actor, not a thing, a craft or weapon (weapon_codes other than small arms) or "it" ("shot it down")."""
        if any(c.dep_ == "prt" and c.lower_ == "down" for c in v.children):
            return False
        if theme is None:
            return True
        if theme.lower_ == "it" or modality.weapon_codes().get(theme.lemma_.lower(), "193") != "193":
            return False
        return theme.ent_type_ == "PERSON" or self.actors.role_of(theme) is not None or bool(self.actors_for(theme))

    def _misread(self, v: Token, pat: patterns.VerbPattern, code: str, theme: Token | None) -> bool:
        """A reading the clause rules out, though its words are present: the next pattern is tried."""
        if pat.to_come and (not (to_come(v) or (v.dep_ == "xcomp" and (
                v.head.lemma_.lower() in modality.words().threat_heads or v.head.lemma_.lower() in PROMISING)))
                or not any(c.dep_ == "prep" and c.lower_ in pat.target for c in v.children)):
            # "Russia responded to the sanctions by expelling diplomats": the means is the act; and a response
            # names what it answers ("India will respond if Pakistan asks for talks" threatens no one)
            return True
        if code[:2] == "15" and theme is not None and theme.lemma_.lower() in modality.words().civilian_envoys and \
                not any(c.lemma_.lower() in ("military", "armed") for c in theme.lefts):
            return True  # "deployed a civilian mission to Armenia's border": monitors are no show of force
        if pat.leaving == "excluded" and any(x.lemma_.lower() in LEAVING_VERBS and x.pos_ == "VERB" for h in (
                v, theme) if h is not None for x in h.children):
            return True  # "giving him 72 hours to leave the country": the term of an expulsion (161), no threat
        if pat.leaving == "needed" and not any(c.lemma_.lower() in LEAVING_VERBS or (
                c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "home")) for c in v.children):
            return True  # "ordered French troops out", "to leave"; not "ordered his troops onto a war footing"
        if v.lemma_.lower() in pat.object_moves and theme is not None and theme.dep_ == "dobj":
            return True  # "returned the statues to Turkey": a thing given back is no journey made
        if pat.fired_near and any(
                c.dep_ == "prep" and c.lower_ in AIMED_PREPS and (o := pobj_of(c)) is not None and o.lower_ not in
                modality.words().weekdays for h in (v, theme, *(prep_objects(theme, ("of",)) if theme is not None else ()))
                if h is not None for c in h.children):
            return True  # "launched a wave of drones at the region around Kyiv": fired at, not near, is an attack
        if code[:3] in EXPULSION_CODES and theme is not None and \
                theme.lemma_.lower() in modality.words().remains_nouns:
            return True  # "returned the bodies of two Afghan migrants to Kabul": the dead are handed back, not expelled
        if pat.means_decides and any(
                (np := self.noun_pattern(o)) is not None and np.code[:2] != code[:2] for o in prep_objects(v, ("with",))):
            return True  # "retaliated with sanctions on nine lawmakers": the means is the act, coded by its noun
        return False

    def _final_code(self, v: Token, pat: patterns.VerbPattern, code: str, theme: Token | None,
                    pairs: list[tuple[Actor, Actor]], sources: list[Actor], mod: modality.Modality) -> str:
        """The code the clause settles on: a denied claim, a killing in battle, a weapon, a mass expulsion, and
        the modality (promise, threat, refusal) last."""
        if code[:2] == "12" and theme is not None and self.claim_against(theme, sources):
            code = "016"  # "rejected Moscow's claims that it was helping Ukraine": an accusation denied (gold rule 7)
        if code == "013" and theme is not None and any(c.lower_ in modality.words().negative_determiners
                                                       for c in theme.lefts):
            code = "012"  # "saw little hope of a settlement": hope denied is pessimism
        if code == "190" and pat.means_decides and any(
                o.lemma_.lower() in modality.words().measure_nouns for o in prep_objects(v, ("against", "for"))):
            code = "160"  # "retaliates against U.S. tariffs": an answer to a measure is no force (CAMEO 16)
        if code == "190":
            code = weapon_code(v) or code
        elif code == "180":
            # "a suicide bomber killed": 183; killing in battle is fighting ("killed 20 soldiers in an attack")
            code = weapon_code(v, modality.bombing_codes()) or ("186" if self._official_victim(theme) else None) \
                or self._battle_code(v, theme, pairs) or code
        if code in ("190", "193") and pairs and all(s.role == "OPP" for s, _t in pairs) and theme is not None \
                and self._civilian(theme):
            code = "180"  # "gunmen attacked a Chinese-run mine": an armed group's violence on civilians (18)
        if code[:2] in ("18", "19") and improvised_bomb(v):
            code = "183"  # "attacked a convoy with a roadside bomb": a bomb no army drops
        if code == "087" and pat.id in WITHDRAWALS:  # (the force left is the object, or the subject that leaves)
            force = theme if theme is not None and pat.id != "leave" else inherited_subject(v)
            code = withdrawal_code(code, v, through_quantity(force) if force else None, [t for _s, t in pairs])
        if code.startswith("063") and any(c.dep_ == "advmod" and c.lower_ in modality.words().force_adverbs
                                          for c in v.children):
            code = "174"  # "forcibly sent about 100 Uighur men back to China": a deportation, not a handover
        if code in modality.mass_codes() and theme is not None and is_mass(theme, bare_people=code == "174"):
            code = modality.mass_codes()[code]  # "deported more than 10,000 Haitians": a mass expulsion
        return code_under(code, mod)
