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
_QUOTED_PLEA = re.compile(r"\b(?:ruf\w*\s+(?:wen|jemanden|die\s+polizei|110|hilfe)|hilf\s+mir|hilfe)\b")
_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;\n]*")
# A real question ("Darf ich eine Waffe tragen?") asks about danger, it does not report it.
_QUESTION_START = re.compile(
    r"^\s*(?:darf|duerfen|kann|koennen|koennte|soll|sollte|sollen|muss|muessen|wie|was|welche\w*|ab\s+wann|"
    r"wer|wo|wann|warum|gibt|gibts|ist|sind|hat|haben|lohnt|bringt|braucht)\b"
)
# Verbs of saying: the clause after "er schreibt," is what he wrote.
_SAYING_END = re.compile(
    r"\b(?:schreibt|schrieb|sagt|sagte|meint|meinte|droht|drohte|gedroht|angedroht|behauptet|geschrieben|gesagt|angekuendigt)\s*$"
)
_CLAUSE_SPLIT = re.compile(
    r",|\s-\s|\s–\s|\baber\b|\bdoch\b|\bund\s+(?=(?:vorhin|gestern|vorgestern|damals|letzte\w*|seitdem|jetzt|gerade|grad)\b)"
)
_SUBORDINATE_START = re.compile(r"^\s*(?:dass|das|ob)\b")


def _clauses(sentence: str) -> list[str]:
    """Split a sentence into clauses; after a comma, a "dass"/"ob" clause and what follows a
    verb of saying stay with the clause before ("keine Angst, dass jemand einbricht")."""
    parts: list[str] = []
    pieces = _CLAUSE_SPLIT.split(sentence)
    separators = [m.group(0) for m in _CLAUSE_SPLIT.finditer(sentence)]
    for index, part in enumerate(pieces):
        after_comma = index > 0 and separators[index - 1] == ","
        if after_comma and (_SUBORDINATE_START.search(part) or _SAYING_END.search(parts[-1])):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return parts


_WORD = re.compile(r"[a-z0-9]+")


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def _each(*alternatives: str) -> tuple[re.Pattern[str], ...]:
    """Compile alternatives separately, so an early match cannot hide a later one."""
    return tuple(re.compile(a) for a in alternatives)


# Words for the person or thing causing danger (incl. dialect forms).
_WHO = r"(?:er|sie|der|die|einer|eine|jemand|irgendwer|irgendjemand|wer|oana|ana|eener|eena|typ|kerl|mann|frau|leute|maenner|die typen|angreifer|der typ|ein mann|zwei|drei|mehrere)"
_PLACE = r"(?:haus|wohnung|dachboden|speicher|buero|flur|garten|keller|treppenhaus|hof|rathaus|buergerbuero|wahlkreisbuero|amtszimmer|zimmer|kueche|kuchl|schlafzimmer|garage|\w*auto|\w*wagen|saal|sitzungssaal|ratssaal)"
_WEAPON = r"(?:messer|messern|waffe|waffen|pistole|knarre|revolver|gewehr|gwehr|schusswaffe|axt|beil|baseballschlaeger|baseballschlager|schlaeger|schlagstock|eisenstange|stange|machete|hammer|schwert|knueppel|schlagring|schraubenzieher|kanister|benzin|brandsatz|brandsaetze|molotow\w*)"
_FOLLOW = r"v(?:er|a)fol(?:g|sch|ch)(?:t|en)"

# Each trigger is (group, strength, pattern). "strong" patterns are present-tense danger
# verbs ("brennt", "verfolgt mich", "schlägt auf mich ein"): only negation, hypothetical,
# reported or habitual context suppresses them. "weak" patterns are nouns and participles
# ("Messer", "Brandanschlag", "angezündet") that say nothing about time: they also need a
# clause without past markers, or a present-time marker.
Trigger = tuple[str, str, tuple[re.Pattern[str], ...]]

ACUTE_TRIGGERS: tuple[Trigger, ...] = (
    ("weapon", "weak", _each(rf"\b{_WEAPON}\b")),
    (
        "weapon",
        "strong",
        _each(
            r"\b(?:zielt|fuchtelt|sticht|schiesst|schiessen)\b",
            r"\b(?:zuzustechen|zuzuschlagen|abzustechen|zu\s+erstechen|zu\s+erschiessen|anzuzuenden|abzufackeln)\b",
        ),
    ),
    (
        "pursuit",
        "strong",
        _each(
            rf"\b(?:werd|werde|werden|wird)\b(?:\s+\w+){{0,10}}\s+{_FOLLOW}\b",
            rf"\b{_FOLLOW}\s+(?:mich|uns|meine\w*|unser\w*)\b",
            rf"\b(?:mich|uns)\s+{_FOLLOW}\b",
            r"\b(?:faehrt|fahren|laeuft|laufen|rennt|rennen|folgt|folgen|kommt|kommen|geht|gehen)\s+(?:\w+\s+){0,2}(?:mir|ma|uns)\s+(?:\w+\s+){0,4}(?:hinterher|nach)\b",
            r"\b(?:faehrt|fahren|laeuft|laufen|rennt|rennen)\s+(?:\w+\s+){0,5}(?:mir|uns)\s+hinterher\b",
            r"\b(?:folgt|folgen)\s+(?:mir|uns)\b",
            r"\b(?:mir|uns)\s+(?:laeuft|faehrt|rennt|folgt|laufen|fahren|rennen)\s+(?:\w+\s+){0,6}(?:hinterher|nach)\b",
            r"\b(?:wird|werden)\s+(?:\w+\s+)?schneller\b",
            r"\b(?:faehrt|fahren|rast|rasen)\s+(?:\w+\s+){0,7}(?:in\s+(?:die|eine)\s+(?:leute|menge|menschen|gruppe)|auf\s+(?:unser\w*|die\s+leute|die\s+menge)\s+(?:\w+\s+)?zu)\b",
            r"\bbremst\s+nicht\b",
            r"\b(?:kommt|kommen)\s+(?:\w+\s+)?(?:her|rueber|herueber)\b",
            r"\bhinter\s+(?:mir|uns)\s+her\b",
            r"\b(?:ist|sind|klebt|kleben|sitzt|sitzen|steht|stehen|faehrt|laeuft)\s+(?:\w+\s+){0,3}hinter\s+(?:mir|uns)\b",
            r"\b(?:draengt|draengen)\s+(?:\w+\s+){0,3}(?:mich|uns)\s+(?:ab|in)\b",
            r"\b(?:faehrt|fahren)\s+(?:\w+\s+){0,3}(?:auf\s+(?:mich|uns)\s+zu|dicht\s+auf)\b",
        ),
    ),
    (
        "pursuit",
        "weak",
        _each(
            rf"\b(?:wurde|wurden)\b(?:\s+\w+){{0,3}}\s+{_FOLLOW}\b",
            r"\b(?:angefahren|zugefahren|zugerast)\b",
            r"\b(?:kommt|kommen)\s+(?:\w+\s+)?(?:wieder|zurueck)\b",
        ),
    ),
    (
        "fire",
        "strong",
        _each(
            r"\b(?:brennt|brennen|brenne)\b",
            r"\b(?:steht|stehen)\s+in\s+flammen\b",
            r"\briecht\s+(?:\w+\s+){0,4}nach\s+(?:benzin|gas|rauch|feuer|verbranntem|chemie)\b",
            r"\b(?:qualmt|raucht|brennts)\b",
            r"\b(?:zuendet|zuenden)\s+(?:\w+\s+){0,4}an\b",
        ),
    ),
    (
        "fire",
        "weak",
        _each(
            r"\bin\s+flammen\b",
            r"\bflammen\b",
            r"\bfeuer\b(?!\s+und\s+flamme)",
            r"\bbrandanschlag\b",
            r"\b(?:ueberall\s+)?rauch\b",
            r"\bangezuendet\b",
            r"\b(?:fackeln|boeller|pyro\w*)\b",
            r"\b(?:benzin|gas|brand|rauch)geruch\b",
        ),
    ),
    (
        "break_in",
        "strong",
        _each(
            r"\bda\s+ist\s+(?:jemand|einer|wer)\s+(?:\w+\s+){0,2}(?:auf\s+dem\s+dachboden|im\s+keller|im\s+haus|in\s+der\s+wohnung|im\s+garten|im\s+flur|unten|oben)\b",
            r"\b(?:steht|stehen|ist|sind|laeuft|laufen|schleicht)\s+(?:\w+\s+){0,6}(?:in|auf)\s+(?:meinem|unserem)\s+(?:garten|grundstueck|hof|haus|flur|treppenhaus)\b(?!\s+(?:\w+\s+)?gewesen)",
            r"\b(?:bricht|brechen)\b(?:\s+\w+){0,5}\s+ein\b",
            r"\b(?:aufzubrechen|aufbrechen|aufzuhebeln|aufhebeln|hebelt|hebeln)\b",
            r"\b(?:tritt|treten|hauen|haut|schlaegt|schlagen|ruettelt|ruetteln|haemmert|haemmern|trommelt|trommeln|wirft|werfen|drueckt|druecken|stemmt|stemmen)\s+(?:\w+\s+){0,4}(?:\w*tuer\w*|\w*fenster\w*|\w*scheibe\w*|dach)\b",
            r"\bversuch\w*\s+(?:\w+\s+){0,4}(?:rein|herein|reinzukommen|hereinzukommen|einzudringen|einzutreten|aufzubrechen|einzuschlagen|aufzuhebeln|aufzumachen)\b",
            rf"\b{_WHO}\s+(?:ist|is|sind|san|sitzt|sitzen|steht|stehen|hockt)\s+(?:\w+\s+){{0,2}}(?:im|aufm|auf\s+dem|in\s+(?:der|dem|meinem|meiner|unserem|unserer|da|unsrer))\s+(?:\w+\s+)?{_PLACE}\b",
            rf"\b{_WHO}\s+(?:ist|is|sind|san)\s+(?:\w+\s+)?(?:hier|da\s+drin|drin|drinnen|oben|unten)\b",
            r"\b(?:kommt|kommen|stuermen|stuermt|rennen|rennt|laufen)\s+(?!(?:\w+\s+){0,2}(?:erinnerung\w*|gefuehl\w*|angst|wut|traenen|bilder|panik)\b)(?:\w+\s+){0,3}(?:rein|herein|hoch|rauf|herauf)\b",
            r"\b(?:stuermen|stuermt)\s+(?:\w+\s+){0,3}(?:ins|in\s+das|in\s+den|in\s+die)\b",
            r"\b(?:sitzen|sitze|sitzt|stecken|stecke|steckt)\s+(?:\w+\s+){0,4}fest\b",
            r"\b(?:ist|sind)\s+(?:\w+\s+){0,4}(?:rein|herein|reingekommen|eingestiegen|reingeklettert)\b",
            r"\bhoer\w*\s+(?:\w+\s+){0,3}schritte\b",
            r"\b(?:laeuft|schleicht|rennt|geht|klettert)\s+(?:\w+\s+){0,2}(?:jemand|einer|wer|ein\s+fremder|ein\s+mann)\b",
            r"\b(?:laeuft|lafft|rennt|schleicht|geht)\s+(?:\w+\s+){0,5}ums?\s+(?:haus|auto|buero|rathaus)\b",
            rf"\b(?:da|hier)\s+(?:ist|sind|is|sitzt|steht|stehen)\s+(?:\w+\s+){{0,2}}(?:im|in\s+(?:der|dem|meinem|meiner|unserem|unserer))\s+(?:\w+\s+)?{_PLACE}\b",
            rf"\b(?:ist|sind)\s+(?:gerade|grad|jetzt)\s+(?:im|in\s+(?:meinem|meiner|unserem|unserer|der|dem))\s+(?:\w+\s+)?{_PLACE}\b",
            r"\b(?:einschlaegt|einschlagen|eintritt|eintreten|einbricht|aufbricht|eindringt|eindringen)\b",
            r"\b(?:ruettelt|ruetteln|wackeln|wackelt)\s+(?:\w+\s+){0,4}(?:an|am)\b",
            rf"\b{_WHO}\s+(?:ist|sind|steht|stehen)\s+(?:immer\s+)?noch\s+(?:da|hier|in\s+der\s+naehe)\b",
            r"\b(?:ist|sind|is|steht|stehen)\s+(?:\w+\s+){0,2}(?:im|in\s+der|in\s+meiner)\s+(?:haus|wohnung|kuchl|kueche|treppenhaus|flur|buero|garten)\b",
            r"\bklettern?t?\s+(?:\w+\s+){0,3}uebers?\b",
            r"\b(?:haut|hauen|haun|schlaegt|schlagen)\s+(?:\w+\s+){0,3}kaputt\b",
            r"\b(?:laeuft|geht|schleicht|rennt|laufen)\s+(?:\w+\s+){0,2}durch\s+(?:die|das|meine|unsere|unser)\s+(?:wohnung|haus|buero|zimmer|flur|garten)\b",
        ),
    ),
    (
        "break_in",
        "weak",
        _each(
            r"\b(?:einbrecher|aufgebrochen|aufgehebelt|durchbrochen|inbroken)\b",
            r"\b(?:tuer|fenster|scheibe\w*|fensterscheibe\w*)\s+(?:\w+\s+){0,2}ein\b",
            r"\bueber\s+den\s+zaun\b",
            r"\b(?:eingedrungen|eingebrochen|einbruch)\b",
        ),
    ),
    (
        "attack",
        "strong",
        _each(
            r"\bzerr(?:t|en)\s+(?:\w+\s+){0,5}in\s+(?:ein|sein|das|den|einen)\s+(?:auto|wagen|transporter|van|bus)\b",
            r"\b(?:randaliert|randalieren|wuetet|wueten)\b",
            r"\b(?:wuergt|wuergen|erwuergt|drosselt)\b",
            r"\b(?:rennen|stuermen|stuermt|draengen)\s+(?:\w+\s+){0,3}(?:nach\s+vorne|auf\s+(?:mich|uns|die\s+buehne|das\s+podium)|zum\s+podium|in\s+den\s+saal)\b",
            r"\b(?:schlaegt|schlagen|pruegelt|pruegeln|tritt|treten|wuergt|wuergen|sticht|stechen|haut|hauen|boxt)\s+(?:\w+\s+){0,3}(?:mich|uns|auf\s+mich|auf\s+uns|meine\w*|meinen|unser\w*|kolleg\w*)\b",
            r"\b(?:wuergt|wuergen|sticht|pruegelt|pruegeln)\s+(?:ihn|ihm|sie|den\s+\w+|die\s+\w+)\b",
            r"\bdroh\w*\s+(?:\w+\s+){0,3}zu\s+(?:erwuergen|erstechen|erschiessen|toeten|erschlagen)\b",
            r"\bkrieg\w*\s+keine\s+luft\b",
            r"\bdrueckt\s+zu\b",
            r"\b(?:macht|maeaet|maacht)\s+mich\s+kap+[ou]t+\b",
            r"\b(?:kippt|schuettet|giesst)\s+(?:\w+\s+){0,3}(?:benzin|brandbeschleuniger|saeure|fluessigkeit)\b",
            r"\b(?:reisst|reissen|zerrt|zerren|ruettelt|ruetteln)\s+(?:\w+\s+){0,3}(?:an\s+der|am)\s+\w*(?:tuer|fenster|tor)\w*\b",
            r"\b(?:pruegelt|pruegeln|schlaegt|schlagen|tritt|treten|sticht)\s+(?:\w+\s+){0,4}auf\s+(?:\w+\s+)?\w+\s+ein\b",
            r"\bkeine\s+luft\s+mehr\b",
            r"\b(?:haelt|halten|packt|packen|zerrt|zerren|schleift|schleifen|schubst|schubsen|reisst|reissen)\s+(?:\w+\s+){0,4}(?:mich|uns|meine\w*|meinen|unser\w*)\b",
            r"\b(?:greift|greifen)\s+(?:\w+\s+){0,3}(?:mich|uns)\b(?:\s+\w+){0,3}\s+an\b",
            r"\b(?:werde|werden|wird)\s+(?:\w+\s+){0,8}(?:angegriffen|geschlagen|verpruegelt|attackiert|zusammengeschlagen|gewuergt|abgestochen|festgehalten|eingekreist|umzingelt|umringt)\b",
            r"\b(?:werde|werden|wird)\s+(?:gerade|grad|jetzt|gleich)\s+(?:\w+\s+){0,2}bedroht\b",
            r"\b(?:geht|gehen)\s+(?:\w+\s+){0,2}auf\s+(?:mich|uns)\s+los\b",
            r"\b(?:werfen|wirft|schmeissen|schmeisst)\s+(?:\w+\s+){0,3}(?:steine|flaschen|brandsaetze|brandsatz|molotow\w*|eier|boeller|fackeln|pyro\w*)\b",
            r"\b(?:umringen|umzingeln|umstellen|belagern|einkreisen|kreisen\s+(?:\w+\s+){0,4}ein)\b",
            r"\blass\w*\s+mich\s+nicht\s+(?:weg|raus|gehen|durch|vorbei|zum|zur|ins|nach|hinaus|aus|weiter)\w*\b",
            r"\b(?:bringt|bringen|knallt|knallen|sticht|stechen|macht|machen)\s+(?:\w+\s+){0,2}(?:mich|uns)\s+(?:alle\s+)?(?:jetzt\s+|gleich\s+|gerade\s+)?(?:um|ab|kalt)\b",
            r"\b(?:will|wollen)\s+mich\s+(?:\w+\s+){0,2}(?:rausziehen|rauszerren|umbringen|toeten|schlagen|abstechen|verpruegeln|holen)\b",
            r"\b(?:sucht|suchen)\s+mich\b",
            r"\b(?:steht|stehen|lauert|lauern|wartet|warten)\s+(?:\w+\s+){0,3}(?:an|am)\s+(?:meinem|meiner|unserem|unserer|dem|der)\s+(?:\w+\s+)?(?:zaun|gartenzaun|tuer|haustuer|auto|wagen|fenster|gartentor|tor|briefkasten)\b",
            r"\bhat\s+(?:\w+\s+){0,3}in\s+der\s+hand\b",
            r"\b(?:fliegen|fliegt)\s+(?:\w+\s+){0,2}(?:steine?|flaschen?|boeller|brandsaetze|brandsatz|eier|molotow\w*)\b",
            r"\b(?:steine|flaschen|brandsaetze)\s+fliegen\b",
            r"\b(?:ihr|ihm|ihnen|uns|dir|meiner|meinem|meinen)\s+(?:\w+\s+)?(?:was|etwas)\s+anzutun\b",
            r"\b(?:blockier\w*)\s+(?:\w+\s+){0,4}(?:strasse|weg|auto|wagen|tuer|ausfahrt)\b",
            r"\b(?:kommt|kommen)\s+(?:immer\s+)?(?:naeher|auf\s+(?:mich|uns)\s+zu)\b",
            r"\bhetzt\s+(?:\w+\s+){0,3}\w*hund\b",
            r"\bhund\b(?:\s+\w+){0,3}\s+auf\s+(?:mich|uns)\b",
            r"\bbedroh(?:t|en)\s+(?:\w+\s+){0,2}(?:mich|uns)\b",
            r"\b(?:laesst|lassen)\s+(?:\w+\s+){0,2}nicht\s+(?:los|gehen|weg|raus|heraus|hinaus|rein)\b",
            r"\b(?:werde|werden|wird)\s+(?:\w+\s+){0,3}beworfen\b",
        ),
    ),
    (
        "attack",
        "weak",
        _each(
            r"\b(?:zusammengeschlagen|niedergestochen|niedergeschlagen|gepackt|getreten|geschlagen|ueberfallen|angegriffen|getroffen)\b",
            r"\bin\s+die\s+ecke\s+gedraengt\b",
            r"\b(?:umzingelt|umstellt|umringt|eingekreist|geschubst|bedraengt|bewaffnet)\b",
            r"\b(?:mob|meute)\s+(?:\w+\s+){0,2}(?:vor|vorm|am|um)\b",
            r"\b(?:schuss|schuesse|geschossen|abgedraengt|gerast|gezerrt|entfuehrt|verschleppt)\b",
            r"\bfeuerzeug\b",
        ),
    ),
    (
        "injury",
        "strong",
        _each(
            r"\b(?:blute|blutet|bluten)\b",
            r"\b(?:bin|ist|sind)\s+(?:\w+\s+){0,2}(?:verletzt|bewusstlos|zusammengebrochen)\b",
            r"\batmet\s+(?:\w+\s+){0,2}(?:nicht|kaum|schwer|komisch)\b",
            r"\breagiert\s+nicht\b",
            r"\blieg(?:t|en)\s+(?:\w+\s+){0,2}(?:am\s+)?boden\b",
        ),
    ),
    (
        "injury",
        "weak",
        _each(
            r"\b(?:bewusstlos|blutend|blutig|bluadig|blutueberstroemt|zusammengebrochen)\b",
            r"\b(?:wird|ist)\s+(?:\w+\s+){0,2}(?:schwindelig|schwindlig|schlecht|uebel)\b",
        ),
    ),
    (
        "device",
        "strong",
        _each(
            r"\b(?:tickt|piept|piepst|zischt|explodiert|detoniert)\b",
            # "liegt ein Paket mit Drähten dran": a suspicious device lying there now
            r"\b(?:liegt|steht|haengt|klebt)\s+(?:\w+\s+){0,6}(?:paket|paeckchen|koffer|tasche|rucksack|gegenstand|kiste)\s+(?:\w+\s+){0,2}mit\s+(?:kabeln|draehten|drahten)\b",
        ),
    ),
    (
        "device",
        "weak",
        _each(
            r"\b(?:sprengsatz|bombe|sprengstoff|explosion|tickendes|tickender)\b",
            r"\bverdaechtig\w*\s+(?:paket|paeckchen|gegenstand|koffer|tasche|rucksack|brief)\b",
            r"\bgeknallt\b",
            r"\bmit\s+(?:kabeln|draehten|drahten)\b",
            r"\b(?:versprueht|reizgas)\b",
            r"\bweiss\w*\s+pulver\b",
        ),
    ),
    (
        "explicit",
        "strong",
        _each(
            r"\b(?:komm|komme|kommen)\s+(?:\w+\s+)?nicht\s+(?:mehr\s+)?(?:runter|raus|weg|hier\s+raus)\b",
            # "jetzt gerade steht (genau) der Mann ...": someone is there right now
            r"\b(?:jetzt|gerade|grad)\s+(?:gerade\s+)?(?:steht|stehen|sitzt|wartet|warten|lauert|lauern)\s+(?:\w+\s+){0,2}(?:der|ein|eine|die|zwei|drei)\s+(?:mann|typ|kerl|frau|maenner|leute|typen)\b",
            r"^\s*(?:bitte\s+)?hilfe\W+(?:\w+\W+){0,2}(?:feuer|brand|brennt|messer|waffe|einbrecher|angriff)\b",
            r"\b(?:im|in\s+(?:einen|den|einem|dem))\s+kofferraum\b",
            r"\bweiss\s+nicht\s*,?\s+wo\s+(?:wir|ich|die)\s+(?:\w+\s+)?(?:hin)?fahren\b",
            r"^\s*notfall\b(?!-)",
            r"\bbitte\s+hilfe\b",
            r"\bhelft\s+mir\b",
            r"\bakute\s+(?:bedrohung|gefahr)\b",
            r"\bkann\s+nicht\s+(?:weg|raus|fliehen|flüchten)\b",
            r"\b(?:bin|sind)\s+(?:\w+\s+){0,2}eingesperrt\b",
            r"\b(?:bin|sind|ist)\s+(?:\w+\s+){0,2}in\s+(?:akuter\s+)?(?:gefahr|lebensgefahr)\b",
            r"\bschleicht\s+(?:\w+\s+){0,5}ums?\s+(?:haus|auto|buero)\b",
            r"\b(?:versteck\w*|verbarrikadier\w*)\s+mich\b",
            r"\b(?:sitze|sitzen|bin|sind|hocke)\s+(?:\w+\s+){0,3}(?:versteckt|eingesperrt|eingeschlossen)\b",
            r"\bhab\w*\s+mich\s+(?:\w+\s+){0,3}(?:eingeschlossen|eingesperrt|versteckt|verbarrikadiert)\b",
            r"\b(?:kann|darf)\s+nicht\s+(?:reden|sprechen|laut\s+sein|telefonieren)\b",
            r"\btrau\w*\s+mich\s+nicht\s+(?:raus|heim|nach\s+hause)\b",
            r"\bwartet\s+(?:\w+\s+){0,4}auf\s+mich\b",
            r"\b(?:steht|stehen|wartet|warten|lauert|lauern|klingelt|klingeln)\s+(?:\w+\s+){0,4}(?:vor\s+(?:meiner|der|unserer|meinem|dem|unserem|mir|uns)|vorm)\b(?:\s+(?:tuer|haustuer|wohnungstuer|haus|wohnung|buero|fenster))?",
        ),
    ),
    (
        "explicit",
        "weak",
        _each(
            r"\b(?:sturmhaube|sturmmaske|maskiert|maskierte[rn]?)\b",
            # "Hilfe!" opening a clause, but not "Hilfe in Bayern" / "Hilfe bei der Anzeige".
            r"^\s*(?:bitte\s+)?(?:h+i*l+f+e+|huelfe|hilf|help|sos)\b(?!\s*,?\s*(?:in|bei|beim|mit|fuer|zu|zur|zum|von|gegen|nach|im|ist|gibt|suchen|finden|wie|wo|was|ich\s+weiss\s+nicht)\b)",
            r"\bnotfall\b(?!-)",
            r"\blebensgefahr\b",
            r"\b(?:eingeschlossen|eingesperrt|verbarrikadiert)\b",
            r"\bvermummte?\b",
        ),
    ),
)

DISTRESS_TRIGGERS: tuple[Trigger, ...] = (
    (
        "self_harm",
        "strong",
        _each(
            r"\bnicht\s+mehr\s+(?:leben|da\s+sein|da\s+zu\s+sein|aufwachen)\b",
            r"\b(?:will|moechte|moecht|wuerde|werde)\s+(?:\w+\s+){0,2}sterben\b",
            r"\bich\s+(?:will|moechte|werde|koennte)\s+mich\s+(?:\w+\s+){0,2}(?:umbringen|toeten|erhaengen|ritzen)\b",
            r"\bmir\s+(?:\w+\s+){0,2}(?:was|etwas)\s+an(?:tun|zutun)\b",
            r"\b(?:selbstmord|suizid\w*|suizidal|lebensmuede)\b",
            r"\b(?:dem|meinem)\s+leben\s+(?:ein\s+)?ende\b",
            r"\bein\s+ende\s+(?:machen|setzen)\b",
            r"\bkeinen\s+sinn\s+mehr\b",
            r"\bbesser\s+(?:\w+\s+){0,3}(?:nicht\s+mehr\s+da|tot)\b",
        ),
    ),
)

_PRESENT = _rx(
    r"\b(?<!erst\s)(?<!bis\s)(?<!lese\s)(?<!hoere\s)(?<!sehe\s)(?:gerade|grad|grade|gerad|jetzt|jetz|etzt|gleich|im\s+moment|momentan|eben|soeben|akut|hier)\b(?!\s+(?:erst|schon|verurteilt|vorbei|gelesen|gehoert|erfahren|mitbekommen|lese|lesen|lies|sehe|hoere)\b)",
    r"\b(?:immer\s+noch|noch\s+immer|noch\s+(?:da|hier|drin|drinnen|draussen|in\s+der\s+naehe))\b",
    r"\bhilfe\s*!|\bbitte\s+hilfe\b|\bbitte\s+schnell\b|\bschnell\s*!",
)
# Time expressions that place an event in the past, or make it habitual (clause scope).
_PAST_TIME = _rx(
    r"\b(?:gestern|vorgestern|damals|neulich|frueher|einmal|ehemals|letztens|vorhin|seitdem|mal)\b",
    r"\b(?:letzte[nrs]?|vorige[nrs]?|vergangene[nrs]?)\s+(?:jahr|woche|monat|sommer|winter|herbst|fruehling|nacht|mal|wochenende|wahlkampf)\b",
    r"\bvor\s+(?:einem|einer|zwei|drei|vier|fuenf|sechs|\d+|ein\s+paar|einigen|wenigen|mehreren|kurzem|langer\s+zeit)\b",
    r"\b(?:19|20)\d\d\b",
    r"\bnach\s+(?:dem|einem|diesem|meinem|unserem)\s+(?:einbruch|anschlag|brandanschlag|angriff|ueberfall|vorfall|feuer|brand)\b",
    r"\bim\s+(?:fruehjahr|fruehling|sommer|herbst|winter|januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)\b",
    r"\b(?:an|zu|kurz\s+vor|vor|nach)\s+(?:silvester|weihnachten|ostern|neujahr|pfingsten|fasching|karneval)\b",
    r"\bseit\s+(?:dem|der|einem|einer)\s+(?:einbruch|anschlag|brandanschlag|angriff|ueberfall|vorfall|brand|feuer|attacke)\b",
)
# Habitual or long-running (sentence scope): "seit Wochen", "immer wieder", "abends".
_HABIT = _rx(
    r"\bseit\s+(?:\w+\s+)?(?:tag|woche|monat|jahr|tagen|wochen|monaten|jahren|langem|laengerem|laengerer\s+zeit|einiger\s+zeit)\b",
    r"\b(?:ueberall|regelrecht|morgens|abends|nachts|mittags|staendig)\b",
    r"\b(?:immer\s+wieder(?!\s+(?:gezielt|in\s+die|auf\s+(?:mich|uns)))|taeglich|regelmaessig|oefter|oefters|manchmal|jeden\s+(?:tag|abend|morgen)|(?:zu|bei)\s+(?:fast\s+)?jedem|jedes\s*mal|auf\s+schritt\s+und\s+tritt)\b",
)
# Past-tense verbs (clause scope): they background nouns and participles, not present verbs.
_PARTICIPLE = r"(?:geloescht|geschlagen|getreten|gepackt|angegriffen|ueberfallen|angezuendet|eingeschlagen|zusammengeschlagen|niedergeschlagen|niedergestochen|angefahren|getroffen|beschaedigt|zerstoert|eingebrochen|eingedrungen|gebrannt|geworfen|bedroht|verfolgt|geschubst|bedraengt|geknallt|gesprengt|gezerrt|entfuehrt|verschleppt)"
_PAST_VERB = _rx(
    # "stand" as a verb, not "unser Stand" (market stall)
    r"\b(?:wurde|wurden|war|waren|hatte|hatten|standen|kam|kamen|gab|ging|brannte|gebrannt|eingebrochen)\b",
    r"(?<!unseren\s)(?<!unserem\s)(?<!meinem\s)(?<!meinen\s)(?<!einen\s)(?<!den\s)(?<!dem\s)(?<!am\s)\bstand\b",
    rf"\b(?:hat|haben|ist|sind)\b(?:\s+\w+){{0,9}}\s+{_PARTICIPLE}\b",
    rf"\b{_PARTICIPLE}\s+(?:hat|haben|ist|sind|worden)\b",
)
# Reported speech and written channels (sentence scope): "im Drohbrief steht, dass ...".
_REPORT = _rx(
    r"\b(?:brief|briefe|drohbrief|mail|e-mail|email|mails|nachricht|nachrichten|kommentar\w*|geschrieben|schreibt|schrieb|gepostet|post|posting|sms|whatsapp|telegram|facebook|instagram|twitter|tiktok|youtube|online|internet|im\s+netz|chat|gruppe|video)\b",
    r"\b(?:fragt|fragen|gefragt|gelesen|gehoert|gesagt|erzaehlt|behauptet|angedroht|gedroht|drohte|drohten|bekommen|erhalten|angekuendigt|droht\s+(?:\w+\s+){0,2}an|droh(?:anruf|brief|mail|ung)\w*)\b",
)
# Hypothetical, future, prevention or conditional framing (sentence scope).
_HYPOTHETICAL = _rx(
    r"\b(?:wenn|falls|sofern|angenommen|im\s+fall|im\s+falle|fuer\s+den\s+fall|ernstfall)\b",
    r"\b(?:haette|haetten|waere|waeren|wuerde|wuerden|koennte|koennten|sollte|sollten)\b",
    r"\b(?:bald|demnaechst|irgendwann|morgen|naechste[nrs]?\s+(?:woche|jahr|mal|monat))\b",
    r"\bwas\s+ist\s+(?:\w+\s+){0,2}(?:ein|eine|einem|einer)\b",
    # "Hilfe, ich weiß nicht, wie ich Screenshots sichere": a plea for help with a task.
    r"^\s*hilfe\s*,?\s*(?:ich\s+(?:weiss|verstehe|versteh|komme|finde|kapiere|blicke|krieg|kriege|schaffe|bekomme)\b|wie|wo|was|wer)\b",
    r"\bgefuehl\s*,?\s+(?:dass|das|als\s+ob|als\s+wuerde|jemand|einer)\b",
    r"\b(?:angst|sorge|sorgen|befuercht\w*|fuercht\w*)\s*,?\s+(?:dass|das)\b",
    r"\b(?:gegen|vor)\s+(?:\w+\s+){0,2}(?:sichern|schuetzen|absichern|wappnen)\b",
    r"\bwie\s+(?:\w+\s+){0,6}(?:schuetze|schuetzen|verhalte|verhalten|reagiere|reagieren|sichere|sichern|wappne|bereite|dokumentiere|rede|erkenne|vermeide|gehen|geht|formuliere)\b",
    r"\b(?:schutz|schuetzen|schuetze|sicher\w*)\s+(?:\w+\s+){0,3}(?:vor|gegen)\b",
    r"\b(?:vorbeugen|vorbeugend|praevention|vorsorge|vorsorglich)\b",
)
# Media, legal, statistics, training or press framing (message scope).
_FRAMING = _rx(
    r"\b(?:fernsehen|zeitung|lokalzeitung|nachrichten|bericht|berichtet|artikel|doku|film|serie|roman|buch)\b",
    r"\b(?:statistik\w*|studie\w*|zahlen|wie\s+viele)\b",
    r"\b(?:strafbar|strafe|paragraph\w*|paragraf\w*|§|im\s+sinne|gesetz\w*|versicherung\w*|verurteilt|schmerzensgeld|kontaktverbot)\b",
    r"\b(?:kurs|kurse|seminar\w*|schulung\w*|training|uebung|workshop)\b",
    r"\b(?:pressemitteilung|pressemeldung|stellungnahme|presse)\b",
    r"\b(?:fotomontage|montage|foto|bild|meme|karikatur|video|clip)\b",
    r"\b(?:verboten|erlaubt|zulaessig)\b",
    r"\ban\s+der\s+rede\b|\bmeine\w*\s+rede\b|\brede\s+(?:ueber|zum|zur)\b",
    r"\b(?:passwort\w*|konto|account|login|formular|zugang\w*)\b",
    r"\berfahrung\s+mit\b",
)
# "... ist jetzt drei Monate her": long ago, even with "jetzt" in the clause.
_LONG_AGO = re.compile(r"\b(?:tage|wochen|monate|jahre|jahr|monat)\s+(?:\w+\s+)?(?:her|zurueck)\b")
_NEGATION = re.compile(r"\b(?:nicht|nich|net|kein|keine|keinen|keiner|niemand|nie|niemals|nix|nichts)\b")
_FIGURATIVE = _rx(
    r"\bbrenn\w*\s+(?:\w+\s+){0,3}(?:unter\s+den\s+naegeln|auf\s+der\s+(?:seele|zunge))\b",
    r"\bbrennt\s+(?:gerade\s+|grad\s+|mal\s+wieder\s+|echt\s+)?die\s+(?:luft|huette|bude)\b",
    r"\bnur\s+(?:ein\s+)?(?:boeller|feuerwerk\w*|silvesterkracher|knallkoerper)\b",
    r"\b(?:rauchmelder|wecker|handy|telefon|mikrowelle|waschmaschine)\s+(?:\w+\s+){0,3}piep\w*\b",
    r"\bschiess\w*\s+sich\s+(?:\w+\s+){0,3}auf\s+\w+\s+ein\b",
    r"\bbrenn\w*\s+darauf\b",
    r"\bbrennend\w*\s+(?:frage|thema|interesse)\b",
    r"\bfeuer\s+und\s+flamme\b",
    r"\b(?:sprengstoff|zuendstoff)\s+(?:fuer|im|in)\b",
    r"\bfeuer\s+unter\w*\s+dach\b",
    r"\bbrennt\s+(?:es\s+)?an\s+allen\s+ecken\b",
    r"\boel\s+ins\s+feuer\b",
    r"\bbombe\s+(?:\w+\s+)?(?:platzen|geplatzt)\b",
    r"\b(?:zeitbombe|flaechenbrand|pulverfass)\b",
    r"\bunter\s+beschuss\b",
    r"\b(?:messer|pistole)\s+auf\s+die\s+brust\b",
    r"\bfeuer\s+(?:des|der)\s+\w+",
    r"\bbrenn\w*\s+fuer\b",
    r"\bmit\s+dem\s+feuer\b",
    r"\bexplosion\s+(?:der|des)\s+\w+",
    r"\b(?:kleiner|technischer|it)\s*-?\s*notfall\b",
    r"\bmesser\s+in\s+den\s+ruecken\b",
    r"\ban\s+(?:der|meiner|einer)\s+rede\b",
    r"\b(?:angegriffen|verfolgt|bedroht|bedraengt)\s+(?:zu\s+)?fuehl\w*\b",
    r"\bfuehl\w*\s+mich\s+(?:\w+\s+){0,2}(?:angegriffen|verfolgt|bedroht|bedraengt)\b",
    r"\bfeuer\s+frei\b",
    r"\b(?:wie\s+ein\s+lauffeuer|pulverfass|bombenstimmung)\b",
    r"\b(?:netz|internet|kommentarspalte|postfach|handy|telefon)\s+(?:\w+\s+){0,2}explodiert\b",
    r"\b(?:online|im\s+netz|in\s+den\s+medien)\s+(?:\w+\s+){0,2}verfolgt\b",
)
_NEGATION_WINDOW_BEFORE = 4
# Negations that are part of a danger pattern itself ("lassen mich nicht weg").
_DANGER_NEGATION = re.compile(
    r"komm\w*\s+(?:\w+\s+)?nicht|mich\s+nicht|atmet\s+nicht|kann\s+nicht|darf\s+nicht|laesst\s+nicht|lassen\s+nicht|keine\s+luft|bremst\s+nicht"
)
_CRISIS_NEGATION = re.compile(r"nicht\s+mehr")


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
        calm: no present-time marker, and the message is a question, looks back, is
            hypothetical, is framed as news/law/training, or says the writer is safe. Also
            used to overrule a classifier's ``emergency`` when no danger word fired.
    """

    level: Level
    reasons: tuple[str, ...] = field(default_factory=tuple)
    suppressed: tuple[str, ...] = field(default_factory=tuple)
    calm: bool = False

    @property
    def is_acute(self) -> bool:
        """True when the message signals danger happening now."""
        return self.level == "acute"


def normalise(text: str) -> str:
    """Lower-case, fold umlauts and ß, drop quoted speech, squeeze white space."""
    folded = text.lower().translate(_FOLD)
    without_quotes = _QUOTED.sub(" ", folded)
    return re.sub(r"[ \t]+", " ", without_quotes).strip()


def _negated(clause: str, match: re.Match[str], inherent: re.Pattern[str]) -> bool:
    before = _WORD.findall(clause[: match.start()])[-_NEGATION_WINDOW_BEFORE:]
    after = _WORD.findall(clause[match.end() :])[:1]
    inside = inherent.sub(" ", match.group(0))
    # "lassen mich nicht weg" carries its own "nicht": that is the danger, not a negation.
    return bool(_NEGATION.search(inside)) or any(_NEGATION.fullmatch(w) for w in before + after)


def _scan(text: str, triggers: Iterable[Trigger], *, tense_matters: bool = True) -> tuple[list[str], list[str]]:
    """Return (fired, suppressed) trigger group names for the normalised ``text``.

    With ``tense_matters=False`` (crisis talk: "es wäre besser, nicht mehr da zu sein") only
    negation, figurative speech and media/legal framing suppress a trigger.
    """
    fired: list[str] = []
    suppressed: list[str] = []
    framed = bool(_FRAMING.search(text))
    inherent = _DANGER_NEGATION if tense_matters else _CRISIS_NEGATION
    for raw in _SENTENCE.findall(text):
        sentence = raw.rstrip(".!?;\n ")
        if not sentence.strip():
            continue
        question = tense_matters and raw.rstrip().endswith("?") and bool(_QUESTION_START.search(sentence))
        # Hypothetical framing covers what follows it: "was mache ich, wenn einer ..." but
        # not "er sticht mich ab, wenn ich aussteige".
        hypothetical_from = (
            min((m.start() for m in _HYPOTHETICAL.finditer(sentence)), default=len(sentence) + 1)
            if tense_matters
            else len(sentence) + 1
        )
        offset = 0
        for clause in _clauses(sentence):
            clause_start = sentence.find(clause.strip(), offset)
            offset = max(offset, clause_start)
            if not clause.strip():
                continue
            if _FIGURATIVE.search(clause):
                suppressed.append("figurative")
                continue
            long_ago = tense_matters and bool(_LONG_AGO.search(clause))
            present = bool(_PRESENT.search(clause)) and not long_ago
            past_time = tense_matters and bool(_PAST_TIME.search(clause))
            past_verb = tense_matters and bool(_PAST_VERB.search(clause))
            habitual = tense_matters and bool(_HABIT.search(clause))
            reported = tense_matters and bool(_REPORT.search(clause))
            for name, strength, patterns in triggers:
                for match in (m for p in patterns for m in p.finditer(clause)):
                    hypothetical = clause_start + match.start() >= hypothetical_from
                    if _negated(clause, match, inherent) or (strength == "weak" and past_time):
                        suppressed.append(name)
                    elif present:
                        fired.append(name)
                    elif (
                        framed
                        or question
                        or hypothetical
                        or reported
                        or past_time
                        or habitual
                        or long_ago
                        or (strength == "weak" and past_verb)
                    ):
                        suppressed.append(name)
                    else:
                        fired.append(name)
    return fired, suppressed


_SAFE = _rx(
    r"\b(?:keine|kein)\s+(?:akute\s+)?(?:gefahr|notfall|bedrohung)\b",
    r"\bnicht\s+(?:mehr\s+)?in\s+gefahr\b",
    r"\b(?:bin|sind)\s+(?:\w+\s+){0,2}(?:sicher|in\s+sicherheit)\b",
)
_ASKS_WHAT_TO_DO = re.compile(r"\bwas\s+(?:soll|kann|muss)\s+ich\s+(?:jetzt\s+)?(?:tun|machen)\b")


def _calm(text: str) -> bool:
    """Non-acute context without any sign of "now" (see SafetyAssessment.calm)."""
    safe = bool(_SAFE.search(text))
    if _PRESENT.search(text) and not safe:
        return False
    for raw in _SENTENCE.findall(text):
        sentence = raw.rstrip(".!?;\n ")
        if raw.rstrip().endswith("?") and _QUESTION_START.search(sentence) and not _ASKS_WHAT_TO_DO.search(sentence):
            return True
    return safe or any(p.search(text) for p in (_PAST_TIME, _HABIT, _HYPOTHETICAL, _FRAMING, _LONG_AGO))


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
    # Danger words inside quoted speech are reported, not happening: suppressed. A quoted plea
    # for help passed on just now ("hat mir eben geschrieben 'ruf wen'") is an emergency.
    for quote in _QUOTED.findall(text.lower().translate(_FOLD)):
        if _QUOTED_PLEA.search(quote) and _PRESENT.search(norm):
            acute.append("explicit")
            continue
        acute_suppressed.extend(name for name, _, patterns in ACUTE_TRIGGERS if any(p.search(quote) for p in patterns))
    if acute:
        return SafetyAssessment("acute", _unique(acute), _unique(acute_suppressed))
    distress, distress_suppressed = _scan(norm, DISTRESS_TRIGGERS, tense_matters=False)
    if distress:
        return SafetyAssessment("distress", _unique(distress), _unique(acute_suppressed))
    return SafetyAssessment("none", (), _unique(acute_suppressed + distress_suppressed), _calm(norm))
