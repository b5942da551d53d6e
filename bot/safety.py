"""Deterministic safety net: recognise acute danger and crisis in German messages.

The NLU classifier is good but not certain; a person in acute danger must still get the
emergency number in the bot's first reply. This module decides, with curated German
patterns and no statistics, whether a message signals

* ``acute``    – danger happening now (weapon, pursuit, fire, break-in, attack, injury), or
* ``distress`` – thoughts of self-harm / not wanting to live,

and whether a message that *shares* such words is clearly non-acute (negated, in the past,
habitual, hypothetical, a prevention or legal question, reported or quoted speech).

Scoping, in order of strength:

1. A present-time marker in the trigger's clause ("gerade", "jetzt", "hilfe", "noch da")
   makes the trigger acute, whatever else the message says.
2. Otherwise a negation right next to the trigger, a past/habitual/report marker in its
   clause, a hypothetical or prevention framing in its sentence, or a media/legal/statistics
   framing anywhere in the message suppresses it.
3. Quoted speech ("er schrieb: 'ich steh bald vor deiner Tür'") is removed before matching.

The patterns work on a normalised text: lower case, umlauts folded (ä→ae, ß→ss).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["acute", "distress", "none"]

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "’": "'", "`": "'"})
_QUOTED = re.compile(
    r"„[^“”\"]{3,}[“”\"]|“[^”]{3,}”|»[^«]{3,}«|«[^»]{3,}»|\"[^\"]{3,}\"|(?:(?<=\s)|^)'[^']{3,}'(?=[\s.,;:!?]|$)"
)
_SENTENCE_SPLIT = re.compile(r"[.!?;\n]+")
_CLAUSE_SPLIT = re.compile(r",|\s-\s|\s–\s|\baber\b|\bdoch\b")
_WORD = re.compile(r"[a-z0-9]+")


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


# Words for the person or thing causing danger (incl. dialect forms).
_WHO = r"(?:er|sie|der|die|einer|eine|jemand|irgendwer|irgendjemand|wer|oana|ana|eener|eena|typ|kerl|mann|frau|leute|maenner|die typen|angreifer|der typ|ein mann|zwei|drei|mehrere)"
_PLACE = r"(?:haus|wohnung|buero|flur|garten|keller|treppenhaus|hof|rathaus|buergerbuero|wahlkreisbuero|amtszimmer|zimmer|kueche|kuchl|schlafzimmer|garage|auto|wagen|saal|sitzungssaal|ratssaal)"
_WEAPON = r"(?:messer|messern|waffe|waffen|pistole|knarre|revolver|gewehr|schusswaffe|axt|beil|baseballschlaeger|baseballschlager|schlaeger|schlagstock|eisenstange|stange|machete|hammer|schwert|kanister|benzin|brandsatz|brandsaetze|molotow\w*)"
_FOLLOW = r"verfol(?:g|sch|ch)(?:t|en)"

ACUTE_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("weapon", _rx(rf"\b{_WEAPON}\b")),
    ("pursuit", _rx(
        rf"\b(?:werd|werde|werden|wird)\b(?:\s+\w+){{0,3}}\s+{_FOLLOW}\b",
        rf"\b{_FOLLOW}\s+(?:mich|uns|meine\w*|unser\w*)\b",
        r"\b(?:faehrt|fahren|laeuft|laufen|rennt|rennen|folgt|folgen|kommt|kommen)\s+(?:mir|uns)\s+(?:\w+\s+){0,4}(?:hinterher|nach)\b",
        r"\b(?:faehrt|fahren|laeuft|laufen|rennt|rennen)\s+(?:\w+\s+){0,5}(?:mir|uns)\s+hinterher\b",
        r"\bhinter\s+(?:mir|uns)\s+her\b",
        r"\b(?:ist|sind)\s+(?:\w+\s+){0,3}hinter\s+(?:mir|uns)\b",
        r"\bdraengt\s+mich\s+ab\b",
    )),
    ("fire", _rx(
        r"\b(?:brennt|brennen|brenne)\b",
        r"\bin\s+flammen\b",
        r"\bfeuer\b(?!\s+und\s+flamme)",
        r"\bbrandanschlag\b",
        r"\b(?:ueberall\s+)?rauch\b",
        r"\briecht\s+nach\s+(?:benzin|gas|rauch|feuer)\b",
        r"\bangezuendet\b",
    )),
    ("break_in", _rx(
        r"\b(?:bricht|brechen)\b(?:\s+\w+){0,5}\s+ein\b",
        r"\beinbrecher\b",
        r"\b(?:aufzubrechen|aufbrechen|bricht\s+\w+\s+auf)\b",
        r"\b(?:tritt|treten|hauen|haut|schlaegt|schlagen|ruettelt|ruetteln|haemmert|haemmern|trommelt|trommeln)\s+(?:\w+\s+){0,4}(?:tuer|tuere|haustuer|fenster|fensterscheibe\w*|scheibe\w*|dach)\b",
        r"\b(?:tuer|fenster|scheibe\w*|fensterscheibe\w*)\s+(?:\w+\s+){0,2}ein\b",
        r"\bversuch\w*\s+(?:\w+\s+){0,4}(?:rein|herein|reinzukommen|hereinzukommen|einzudringen)\b",
        rf"\b{_WHO}\s+(?:ist|is|sind|san)\s+(?:\w+\s+){{0,2}}(?:im|in\s+(?:der|dem|meinem|meiner|unserem|unserer|da|unsrer))\s+(?:\w+\s+)?{_PLACE}\b",
        r"\b(?:kommt|kommen)\s+(?:\w+\s+){0,2}(?:rein|herein)\b",
        r"\b(?:ist|sind|is)\s+(?:\w+\s+){0,2}(?:im|in\s+der|in\s+meiner)\s+(?:haus|wohnung|kuchl|kueche)\b",
    )),
    ("attack", _rx(
        r"\b(?:schlaegt|schlagen|pruegelt|pruegeln|tritt|treten|wuergt|wuergen|sticht|stechen|haut|hauen|boxt)\s+(?:\w+\s+){0,3}(?:mich|uns|auf\s+mich|auf\s+uns|meine\w*|meinen|unser\w*|kolleg\w*)\b",
        r"\b(?:greift|greifen)\s+(?:\w+\s+){0,3}(?:mich|uns)\b(?:\s+\w+){0,3}\s+an\b",
        r"\b(?:werde|werden|wird)\s+(?:\w+\s+){0,3}(?:angegriffen|geschlagen|verpruegelt|attackiert|zusammengeschlagen|gewuergt|abgestochen)\b",
        r"\b(?:geht|gehen)\s+(?:\w+\s+){0,2}auf\s+(?:mich|uns)\s+los\b",
        r"\bzusammengeschlagen\b",
        r"\bniedergestochen\b",
        r"\b(?:werfen|wirft|schmeissen|schmeisst)\s+(?:\w+\s+){0,3}(?:steine|flaschen|brandsaetze|brandsatz|molotow\w*|eier)\b",
        r"\b(?:umringen|umzingeln|umzingelt|umstellen|umstellt|belagern|umringt)\b",
        r"\blass\w*\s+mich\s+nicht\s+(?:weg|raus|gehen|durch|vorbei)\w*\b",
        r"\b(?:bringt|bringen|knallt|knallen|sticht|stechen|macht|machen)\s+mich\s+(?:jetzt\s+|gleich\s+|gerade\s+)?(?:um|ab|kalt)\b",
        r"\b(?:kommt|kommen)\s+(?:immer\s+)?naeher\b",
        r"\b(?:schiesst|schiessen|schuesse|geschossen)\b",
    )),
    ("injury", _rx(
        r"\b(?:blute|blutet|bluten|blutend)\b",
        r"\b(?:bin|ist|sind)\s+(?:\w+\s+){0,2}verletzt\b",
        r"\bbewusstlos\b",
        r"\batmet\s+nicht\b",
        r"\bliegt\s+(?:\w+\s+){0,2}(?:am\s+)?boden\b",
    )),
    ("device", _rx(
        r"\b(?:sprengsatz|bombe|sprengstoff|explosion|explodiert|detoniert)\b",
        r"\b(?:tickt|tickendes|tickender)\b",
        r"\bverdaechtig\w*\s+(?:paket|gegenstand|koffer|tasche|rucksack|brief)\b",
        r"\bgeknallt\b",
    )),
    ("explicit", _rx(
        r"^\s*(?:hilfe|help|notfall|sos)\b",
        r"\bhilfe\s*!",
        r"\b(?:bitte\s+)?hilfe\s*$",
        r"\bnotfall\b",
        r"\b(?:bin|sind|ist)\s+(?:\w+\s+){0,2}in\s+(?:akuter\s+)?gefahr\b",
        r"\blebensgefahr\b",
        r"\bschleicht\s+(?:\w+\s+){0,3}ums?\s+(?:haus|auto|buero)\b",
        r"\b(?:eingeschlossen|verbarrikadiert|versteckt\s+mich|verstecke\s+mich)\b",
        r"\btrau\w*\s+mich\s+nicht\s+(?:raus|heim|nach\s+hause)\b",
        r"\bwartet\s+(?:\w+\s+){0,4}auf\s+mich\b",
        r"\bvermummte?\b",
        r"\b(?:steht|stehen|wartet|warten|lauert|lauern|klingelt|klingeln)\s+(?:\w+\s+){0,3}vor\s+(?:meiner|der|unserer|meinem|dem|unserem)\s+(?:tuer|haustuer|wohnungstuer|haus|wohnung|buero|fenster)\b",
    )),
)

DISTRESS_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("self_harm", _rx(
        r"\bnicht\s+mehr\s+(?:leben|da\s+sein|da\s+zu\s+sein|aufwachen)\b",
        r"\b(?:will|moechte|moecht|wuerde|werde)\s+(?:\w+\s+){0,2}sterben\b",
        r"\bich\s+(?:will|moechte|werde|koennte)\s+mich\s+(?:\w+\s+){0,2}(?:umbringen|toeten|erhaengen|ritzen)\b",
        r"\bmir\s+(?:\w+\s+){0,2}(?:was|etwas)\s+an(?:tun|zutun)\b",
        r"\b(?:selbstmord|suizid\w*|suizidal|lebensmuede)\b",
        r"\b(?:dem|meinem)\s+leben\s+(?:ein\s+)?ende\b",
        r"\bein\s+ende\s+(?:machen|setzen)\b",
        r"\bkeinen\s+sinn\s+mehr\b",
        r"\bbesser\s+(?:\w+\s+){0,3}(?:nicht\s+mehr\s+da|tot)\b",
    )),
)

_PRESENT = _rx(
    r"\b(?:gerade|grad|grade|gerad|jetzt|jetz|etzt|im\s+moment|momentan|sofort|schnell|eben|soeben|akut)\b",
    r"\b(?:immer\s+noch|noch\s+immer|noch\s+(?:da|hier|drin|drinnen|draussen|in\s+der\s+naehe))\b",
    r"^\s*hilfe\b|\bhilfe\s*!|\bbitte\s+hilfe\b",
)
_PAST = _rx(
    r"\b(?:gestern|vorgestern|damals|neulich|frueher|einmal|ehemals|letztens)\b",
    r"\b(?:letzte[nrs]?|vorige[nrs]?|vergangene[nrs]?)\s+(?:jahr|woche|monat|sommer|winter|herbst|fruehling|nacht|mal|wochenende|wahlkampf)\b",
    r"\bvor\s+(?:einem|einer|zwei|drei|vier|fuenf|sechs|\d+|ein\s+paar|einigen|wenigen|mehreren|kurzem|langer\s+zeit)\b",
    r"\b(?:wurde|wurden|war|waren|hatte|hatten|stand|standen|kam|kamen|gab|ging|brannte|gebrannt|eingebrochen)\b",
    r"\b(?:seit\s+(?:\w+\s+)?(?:tagen|wochen|monaten|jahren|langem|laengerem))\b",
    r"\b(?:immer\s+wieder|staendig|taeglich|regelmaessig|oefter|oefters|manchmal|jeden\s+(?:tag|abend|morgen))\b",
)
_REPORT = _rx(
    r"\b(?:brief|briefe|drohbrief|mail|e-mail|email|mails|nachricht|nachrichten|kommentar\w*|geschrieben|schreibt|schrieb|gepostet|post|posting|anruf|angerufen|sms|whatsapp|telegram|facebook|instagram|twitter|tiktok|youtube|online|internet|im\s+netz|chat|gruppe|video)\b",
    r"\b(?:gesagt|erzaehlt|behauptet|angedroht|gedroht)\b",
)
_HYPOTHETICAL = _rx(
    r"\b(?:wenn|falls|sofern|angenommen|im\s+fall|im\s+falle|fuer\s+den\s+fall)\b",
    r"\bwie\s+(?:\w+\s+){0,2}(?:schuetze|schuetzen|verhalte|verhalten|reagiere|reagieren|sichere|sichern|wappne|bereite|dokumentiere|rede|erkenne|vermeide)\b",
    r"\b(?:schutz|schuetzen|schuetze|sicher\w*)\s+(?:\w+\s+){0,3}(?:vor|gegen)\b",
    r"\b(?:vorbeugen|vorbeugend|praevention|vorsorge|vorsorglich)\b",
)
_FRAMING = _rx(
    r"\b(?:fernsehen|zeitung|lokalzeitung|nachrichten|bericht|berichtet|artikel|doku|film|serie|roman|buch)\b",
    r"\b(?:statistik\w*|studie\w*|zahlen|wie\s+viele)\b",
    r"\b(?:strafbar|strafe|paragraph\w*|paragraf\w*|§|im\s+sinne\s+des|gesetz\w*)\b",
    r"\b(?:kurs|kurse|seminar\w*|schulung\w*|training|uebung|workshop)\b",
    r"\berfahrung\s+mit\b",
)
_NEGATION = re.compile(r"\b(?:nicht|nich|net|kein|keine|keinen|keiner|niemand|nie|niemals|nix|nichts)\b")
_FIGURATIVE = _rx(
    r"\bbrenn\w*\s+(?:\w+\s+){0,3}(?:unter\s+den\s+naegeln|auf\s+der\s+(?:seele|zunge))\b",
    r"\bbrennt\s+die\s+luft\b",
    r"\bbrenn\w*\s+darauf\b",
    r"\bbrennend\w*\s+(?:frage|thema|interesse)\b",
    r"\bfeuer\s+und\s+flamme\b",
    r"\b(?:online|im\s+netz|in\s+den\s+medien)\s+(?:\w+\s+){0,2}verfolgt\b",
)
_NEGATION_WINDOW_BEFORE = 4
# Negations that are part of a danger pattern itself ("lassen mich nicht weg").
_DANGER_NEGATION = re.compile(r"mich\s+nicht|atmet\s+nicht")


@dataclass(frozen=True)
class SafetyAssessment:
    """Outcome of :func:`assess` for one message.

    Attributes:
        level: ``acute`` (force the emergency reply), ``distress`` (force crisis support) or
            ``none``.
        reasons: names of the trigger groups that fired (e.g. ``weapon``, ``fire``); never
            message text, so it may be logged and stored.
        suppressed: trigger groups that matched but were judged non-acute (negated, past,
            hypothetical, reported). Used to overrule a classifier's false ``emergency``.
    """

    level: Level
    reasons: tuple[str, ...] = field(default_factory=tuple)
    suppressed: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_acute(self) -> bool:
        """True when the message signals danger happening now."""
        return self.level == "acute"


def normalise(text: str) -> str:
    """Lower-case, fold umlauts and ß, drop quoted speech, squeeze white space."""
    folded = text.lower().translate(_FOLD)
    without_quotes = _QUOTED.sub(" ", folded)
    return re.sub(r"[ \t]+", " ", without_quotes).strip()


def _negated(clause: str, match: re.Match[str]) -> bool:
    before = _WORD.findall(clause[: match.start()])[-_NEGATION_WINDOW_BEFORE:]
    after = _WORD.findall(clause[match.end():])[:1]
    inside = _DANGER_NEGATION.sub(" ", match.group(0))
    # "lassen mich nicht weg" carries its own "nicht": that is the danger, not a negation.
    return bool(_NEGATION.search(inside)) or any(_NEGATION.fullmatch(w) for w in before + after)


def _scan(
    text: str, triggers: Iterable[tuple[str, re.Pattern[str]]]
) -> tuple[list[str], list[str]]:
    """Return (fired, suppressed) trigger names for the normalised ``text``."""
    fired: list[str] = []
    suppressed: list[str] = []
    framed = bool(_FRAMING.search(text))
    for sentence in _SENTENCE_SPLIT.split(text):
        if not sentence.strip():
            continue
        hypothetical = bool(_HYPOTHETICAL.search(sentence))
        for clause in _CLAUSE_SPLIT.split(sentence):
            if not clause.strip() or _FIGURATIVE.search(clause):
                continue
            present = bool(_PRESENT.search(clause))
            backgrounded = bool(_PAST.search(clause) or _REPORT.search(clause))
            for name, pattern in triggers:
                for match in pattern.finditer(clause):
                    if _negated(clause, match):
                        suppressed.append(name)
                    elif present or not (backgrounded or hypothetical or framed):
                        fired.append(name)
                    else:
                        suppressed.append(name)
    return fired, suppressed


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def assess(text: str) -> SafetyAssessment:
    """Classify ``text`` as acute danger, crisis/self-harm, or neither.

    Acute danger wins over distress: a person who is attacked and desperate needs 110 first.
    """
    norm = normalise(text)
    if not norm:
        return SafetyAssessment("none")
    acute, acute_suppressed = _scan(norm, ACUTE_TRIGGERS)
    if acute:
        return SafetyAssessment("acute", _unique(acute), _unique(acute_suppressed))
    distress, distress_suppressed = _scan(norm, DISTRESS_TRIGGERS)
    if distress:
        return SafetyAssessment("distress", _unique(distress), _unique(acute_suppressed))
    return SafetyAssessment("none", (), _unique(acute_suppressed + distress_suppressed))
