"""The German patterns of the safety layers: what people edit (see engine.py for the scoping).

Every pattern is written in plain German and compiled with :func:`bot.text.compile_folded`, so
it matches the folded message text: "Tür", "Tuer" and "flüchten" in a pattern all work. Word
lists and trigger groups are grouped by what they recognise; each trigger is
``(group, strength, patterns)``: "strong" for present-tense danger verbs ("brennt", "verfolgt
mich"), "weak" for nouns and participles that say nothing about time ("Messer", "angezündet").
"""

from __future__ import annotations

import re

from bot.text import compile_folded

QUOTED = compile_folded(
    r"„[^“”\"]{3,}[“”\"]|“[^”]{3,}”|»[^«]{3,}«|«[^»]{3,}»|\"[^\"]{3,}\"|(?:(?<=\s)|^)'[^']{3,}'(?=[\s.,;:!?]|$)"
)
QUOTED_PLEA = compile_folded(r"\b(?:ruf\w*\s+(?:wen|jemanden|die\s+polizei|110|hilfe)|hilf\s+mir|hilfe)\b")
SENTENCE = compile_folded(r"[^.!?;\n]+[.!?;\n]*")
# A real question ("Darf ich eine Waffe tragen?") asks about danger, it does not report it.
# Also after "und"/"aber"/"also" and in dialect ("muass de mi do unterstützn?", "zahlt dat de
# Versicherung?", "schall ik …", "dörv ik …", "kümmt de Polizei …").
QUESTION_START = compile_folded(
    r"^\s*(?:(?:und|un|aber|also|oder|ok|okay|gut|achso|ach\s+so)\s+)?"
    r"(?:darf|duerfen|kann|koennen|koennte|soll|sollte|sollen|muss|muessen|wie|was|welche\w*|ab\s+wann|"
    r"wer|wo|wann|warum|gibt|gibts|ist|sind|hat|haben|lohnt|bringt|braucht|zahlt|kostet|hilft|gilt|"
    r"muass|mutt|mot|moss|kaa|koa|schall|schull|dörv|derf|kimmt|kuemmt|kommt|is|isch|"
    r"wia|wos|wat|wieso|weshalb)\b"
)
# Verbs of saying: the clause after "er schreibt," is what he wrote.
SAYING_END = compile_folded(
    r"\b(?:schreibt|schrieb|sagt|sagte|meint|meinte|droht|drohte|gedroht|angedroht|behauptet|geschrieben|gesagt|angekuendigt|gschrieba|gschriebn|gschrieben|jeschrieben)\s*$"
)
CLAUSE_SPLIT = compile_folded(
    r",|\s-\s|\s–\s|\baber\b|\bdoch\b|\bund\s+(?=(?:vorhin|gestern|vorgestern|damals|letzte\w*|seitdem|jetzt|gerade|grad)\b)"
)
SUBORDINATE_START = compile_folded(r"^\s*(?:dass|das|ob)\b")

WORD = compile_folded(r"[a-z0-9]+")


def any_of(*alternatives: str) -> re.Pattern[str]:
    return compile_folded("|".join(f"(?:{a})" for a in alternatives))


def each(*alternatives: str) -> tuple[re.Pattern[str], ...]:
    """Compile alternatives separately, so an early match cannot hide a later one."""
    return tuple(compile_folded(a) for a in alternatives)


WHO = r"(?:er|sie|der|die|einer|eine|oaner|oiner|oana|ener|ene|een|dä|welche|kääls|kerle|typen|jemand|irgendwer|irgendjemand|wer|oana|ana|eener|eena|typ|kerl|mann|frau|leute|maenner|die typen|angreifer|der typ|ein mann|zwei|drei|mehrere)"
PLACE = r"(?:haus|huus|wohnung|gartn|gaarte|gaarten|gartl|einfahrt|auffahrt|dachboden|speicher|buero|flur|garten|keller|treppenhaus|hof|rathaus|buergerbuero|wahlkreisbuero|amtszimmer|zimmer|kueche|kuchl|schlafzimmer|garage|\w*auto|\w*wagen|saal|sitzungssaal|ratssaal)"
WEAPON = r"(?:wagenheber|messer|messern|messa|mest|prügl|molli|mollis|fackel|waffe|waffen|pistole|knarre|revolver|gewehr|gwehr|schusswaffe|axt|beil|baseballschlaeger|baseballschlager|schlaeger|schlagstock|eisenstange|stange|machete|hammer|schwert|knueppel|schlagring|schraubenzieher|kanister|benzin|brandsatz|brandsaetze|molotow\w*)"
FOLLOW = r"v(?:er|a)fol(?:g|sch|ch)(?:t|en)"

# Each trigger is (group, strength, pattern). "strong" patterns are present-tense danger
# verbs ("brennt", "verfolgt mich", "schlägt auf mich ein"): only negation, hypothetical,
# reported or habitual context suppresses them. "weak" patterns are nouns and participles
# ("Messer", "Brandanschlag", "angezündet") that say nothing about time: they also need a
# clause without past markers, or a present-time marker.
Trigger = tuple[str, str, tuple[re.Pattern[str], ...]]

ACUTE_TRIGGERS: tuple[Trigger, ...] = (
    ("weapon", "weak", each(rf"\b{WEAPON}\b")),
    (
        "weapon",
        "strong",
        each(
            r"\b(?:zielt|fuchtelt|sticht|schiesst|schiessen)\b",
            r"\b(?:zuzustechen|zuzuschlagen|abzustechen|zu\s+erstechen|zu\s+erschiessen|anzuzuenden|abzufackeln)\b",
        ),
    ),
    (
        "pursuit",
        "strong",
        each(
            rf"\b(?:werd|werde|werden|wird)\b(?:\s+\w+){{0,10}}\s+{FOLLOW}\b",
            rf"\b{FOLLOW}\s+(?:mich|uns|meine\w*|unser\w*)\b",
            rf"\b(?:mich|uns)\s+{FOLLOW}\b",
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
        each(
            rf"\b(?:wurde|wurden)\b(?:\s+\w+){{0,3}}\s+{FOLLOW}\b",
            r"\b(?:angefahren|zugefahren|zugerast)\b",
            r"\b(?:kommt|kommen)\s+(?:\w+\s+)?(?:wieder|zurueck)\b",
        ),
    ),
    (
        "fire",
        "strong",
        each(
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
        each(
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
        each(
            r"\bda\s+ist\s+(?:jemand|einer|wer)\s+(?:\w+\s+){0,2}(?:auf\s+dem\s+dachboden|im\s+keller|im\s+haus|in\s+der\s+wohnung|im\s+garten|im\s+flur|unten|oben)\b",
            r"\b(?:steht|stehen|ist|sind|laeuft|laufen|schleicht)\s+(?:\w+\s+){0,6}(?:in|auf)\s+(?:meinem|unserem)\s+(?:garten|grundstueck|hof|haus|flur|treppenhaus)\b(?!\s+(?:\w+\s+)?gewesen)",
            r"\b(?:bricht|brechen)\b(?:\s+\w+){0,5}\s+ein\b",
            r"\b(?:aufzubrechen|aufbrechen|aufzuhebeln|aufhebeln|hebelt|hebeln)\b",
            r"\b(?:tritt|treten|hauen|haut|schlaegt|schlagen|ruettelt|ruetteln|haemmert|haemmern|trommelt|trommeln|wirft|werfen|drueckt|druecken|stemmt|stemmen)\s+(?:\w+\s+){0,4}(?:\w*tuer\w*|\w*fenster\w*|\w*scheibe\w*|dach)\b",
            r"\bversuch\w*\s+(?:\w+\s+){0,4}(?:rein|herein|reinzukommen|hereinzukommen|einzudringen|einzutreten|aufzubrechen|einzuschlagen|aufzuhebeln|aufzumachen)\b",
            rf"\b{WHO}\s+(?:ist|is|sind|san|sitzt|sitzen|steht|stehen|hockt)\s+(?:\w+\s+){{0,2}}(?:im|aufm|auf\s+dem|in\s+(?:der|dem|meinem|meiner|unserem|unserer|da|unsrer))\s+(?:\w+\s+)?{PLACE}\b",
            rf"\b{WHO}\s+(?:ist|is|sind|san)\s+(?:\w+\s+)?(?:hier|da\s+drin|drin|drinnen|oben|unten)\b",
            r"\b(?:kommt|kommen|stuermen|stuermt|rennen|rennt|laufen)\s+(?!(?:\w+\s+){0,2}(?:erinnerung\w*|gefuehl\w*|angst|wut|traenen|bilder|panik)\b)(?:\w+\s+){0,3}(?:rein|herein|hoch|rauf|herauf)\b",
            r"\b(?:stuermen|stuermt)\s+(?:\w+\s+){0,3}(?:ins|in\s+das|in\s+den|in\s+die)\b",
            r"\b(?:sitzen|sitze|sitzt|stecken|stecke|steckt)\s+(?:\w+\s+){0,4}fest\b",
            r"\b(?:ist|sind)\s+(?:\w+\s+){0,4}(?:rein|herein|reingekommen|eingestiegen|reingeklettert)\b",
            r"\bhoer\w*\s+(?:\w+\s+){0,3}schritte\b",
            r"\b(?:laeuft|schleicht|rennt|geht|klettert)\s+(?:\w+\s+){0,2}(?:jemand|einer|wer|ein\s+fremder|ein\s+mann)\b",
            r"\b(?:laeuft|lafft|rennt|schleicht|geht)\s+(?:\w+\s+){0,5}ums?\s+(?:haus|auto|buero|rathaus)\b",
            rf"\b(?:da|hier)\s+(?:ist|sind|is|sitzt|steht|stehen)\s+(?:\w+\s+){{0,2}}(?:im|in\s+(?:der|dem|meinem|meiner|unserem|unserer))\s+(?:\w+\s+)?{PLACE}\b",
            rf"\b(?:ist|sind)\s+(?:gerade|grad|jetzt)\s+(?:im|in\s+(?:meinem|meiner|unserem|unserer|der|dem))\s+(?:\w+\s+)?{PLACE}\b",
            r"\b(?:einschlaegt|einschlagen|eintritt|eintreten|einbricht|aufbricht|eindringt|eindringen)\b",
            r"\b(?:ruettelt|ruetteln|wackeln|wackelt)\s+(?:\w+\s+){0,4}(?:an|am)\b",
            rf"\b{WHO}\s+(?:ist|sind|steht|stehen)\s+(?:immer\s+)?noch\s+(?:da|hier|in\s+der\s+naehe)\b",
            r"\b(?:ist|sind|is|steht|stehen)\s+(?:\w+\s+){0,2}(?:im|in\s+der|in\s+meiner)\s+(?:haus|wohnung|kuchl|kueche|treppenhaus|flur|buero|garten)\b",
            r"\bklettern?t?\s+(?:\w+\s+){0,3}uebers?\b",
            r"\b(?:haut|hauen|haun|schlaegt|schlagen)\s+(?:\w+\s+){0,3}kaputt\b",
            r"\b(?:laeuft|geht|schleicht|rennt|laufen)\s+(?:\w+\s+){0,2}durch\s+(?:die|das|meine|unsere|unser)\s+(?:wohnung|haus|buero|zimmer|flur|garten)\b",
        ),
    ),
    (
        "break_in",
        "weak",
        each(
            r"\b(?:einbrecher|aufgebrochen|aufgehebelt|durchbrochen|inbroken)\b",
            r"\b(?:tuer|fenster|scheibe\w*|fensterscheibe\w*)\s+(?:\w+\s+){0,2}ein\b",
            r"\blieg(?:t|en)\s+(?:\w+\s+){0,4}am\s+boden\b",
            r"\bueber\s+den\s+zaun\b",
            r"\b(?:eingedrungen|eingebrochen|einbruch)\b",
            r"\bin\s+die\s+(?:menge|menschenmenge|leute)\s+gefahren\b|\beskaliert\b|\beingeschmissen\b",
        ),
    ),
    (
        "attack",
        "strong",
        each(
            r"\bzerr(?:t|en)\s+(?:\w+\s+){0,5}in\s+(?:ein|sein|das|den|einen)\s+(?:auto|wagen|transporter|van|bus)\b",
            r"\b(?:randaliert|randalieren|wuetet|wueten)\b",
            r"\b(?:wuergt|wuergen|erwuergt|drosselt)\b",
            r"\b(?:rennen|stuermen|stuermt|draengen)\s+(?:\w+\s+){0,3}(?:nach\s+vorne|auf\s+(?:mich|uns|die\s+buehne|das\s+podium)|zum\s+podium|in\s+den\s+saal)\b",
            r"\b(?:schlaegt|schlagen|pruegelt|pruegeln|tritt|treten|wuergt|wuergen|sticht|stechen|haut|hauen|boxt)\s+(?:\w+\s+){0,3}(?:mich|uns|auf\s+mich|auf\s+uns|meine\w*|meinen|unser\w*|kolleg\w*)\b",
            r"\b(?:wuergt|wuergen|sticht|pruegelt|pruegeln)\s+(?:ihn|ihm|sie|den\s+\w+|die\s+\w+)\b",
            r"\bdroh\w*\s+(?:\w+\s+){0,3}zu\s+(?:erwuergen|erstechen|erschiessen|toeten|erschlagen)\b",
            r"\bdrueckt\s+zu\b",
            r"\b(?:macht|maeaet|maacht)\s+mich\s+kap+[ou]t+\b",
            r"\b(?:kippt|schuettet|giesst)\s+(?:\w+\s+){0,3}(?:benzin|brandbeschleuniger|saeure|fluessigkeit)\b",
            r"\b(?:reisst|reissen|zerrt|zerren|ruettelt|ruetteln)\s+(?:\w+\s+){0,3}(?:an\s+der|am)\s+\w*(?:tuer|fenster|tor)\w*\b",
            r"\b(?:pruegelt|pruegeln|schlaegt|schlagen|tritt|treten|sticht)\s+(?:\w+\s+){0,4}auf\s+(?:\w+\s+)?\w+\s+ein\b",
            r"\b(?:haelt|halten|packt|packen|zerrt|zerren|schleift|schleifen|schubst|schubsen|reisst|reissen)\s+(?:\w+\s+){0,4}(?:mich|uns|meine\w*|meinen|unser\w*)\b",
            r"\b(?:greift|greifen)\s+(?:\w+\s+){0,3}(?:mich|uns)\b(?:\s+\w+){0,3}\s+an\b",
            r"\b(?:werde|werden|wird)\s+(?:\w+\s+){0,8}(?:angegriffen|geschlagen|verpruegelt|attackiert|zusammengeschlagen|gewuergt|abgestochen|festgehalten|eingekreist|umzingelt|umringt)\b",
            r"\b(?:werde|werden|wird)\s+(?:gerade|grad|jetzt|gleich)\s+(?:\w+\s+){0,2}bedroht\b",
            r"\b(?:geht|gehen)\s+(?:\w+\s+){0,2}auf\s+(?:mich|uns)\s+los\b",
            r"\b(?:werfen|wirft|schmeissen|schmeisst)\s+(?:\w+\s+){0,3}(?:steine|flaschen|brandsaetze|brandsatz|molotow\w*|eier|boeller|fackeln|pyro\w*)\b",
            r"\b(?:umringen|umzingeln|umstellen|belagern|einkreisen|kreisen\s+(?:\w+\s+){0,4}ein)\b",
            r"\blass\w*\s+mich\s+nicht\s+(?:weg|raus|gehen|durch|vorbei|zum|zur|ins|nach|hinaus|aus|weiter)\w*\b",
            r"\b(?:bringt|bringen|knallt|knallen|sticht|stechen|macht|machen)\s+(?:\w+\s+){0,2}(?:mich|uns)\s+(?:alle\s+)?(?:jetzt\s+|gleich\s+|gerade\s+)?(?:um|ab|kalt)\b",
            r"\b(?:er|sie|der|die|einer|jemand|man|typ|kerl|mann|leute|typen|männer)\s+(?:\w+\s+)?(?:will|wollen|wolle)\s+mich\s+(?:\w+\s+){0,4}(?:ziehen|zerren|rausholen|rausziehen|rauszerren|umbringen|toeten|schlagen|abstechen|verpruegeln|holen)\b",
            r"\b(?:sucht|suchen)\s+mich\b",
            r"\b(?:steht|stehen|lauert|lauern|wartet|warten)\s+(?:\w+\s+){0,3}(?:an|am)\s+(?:meinem|meiner|unserem|unserer|dem|der)\s+(?:\w+\s+)?(?:zaun|gartenzaun|tuer|haustuer|auto|wagen|fenster|gartentor|tor|briefkasten)\b",
            r"\bhat\s+(?:\w+\s+){0,3}in\s+der\s+hand\b",
            r"\b(?:fliegen|fliegt)\s+(?:\w+\s+){0,2}(?:steine?|flaschen?|boeller|brandsaetze|brandsatz|eier|molotow\w*)\b",
            r"\b(?:steine|flaschen|brandsaetze)\s+fliegen\b",
            r"\b(?:ihr|ihm|ihnen|uns|dir|meiner|meinem|meinen)\s+(?:\w+\s+)?(?:was|etwas)\s+anzutun\b",
            r"\b(?:blockier\w*)\s+(?:\w+\s+){0,4}(?:strasse|weg|auto|wagen|tuer|ausfahrt)\b",
            r"\b(?:kommt|kommen)\s+(?:immer\s+)?(?:naeher|auf\s+(?:mich|uns)\s+zu)\b",
            r"\bhetzt\s+(?:\w+\s+){0,3}\w*hund\b",
            # hostage taking and abduction: "er hat meine Mutter in seiner Gewalt", "als Geisel"
            r"\b(?:in\s+(?:seiner|ihrer|deren)\s+gewalt|als\s+geisel|geiselnahme|geiselnehmer)\b",
            r"\b(?:entfuehrt|verschleppt)\b",
            r"\bhund\b(?:\s+\w+){0,3}\s+auf\s+(?:mich|uns)\b",
            r"\bbedroh(?:t|en)\s+(?:\w+\s+){0,2}(?:mich|uns)\b",
            r"\b(?:laesst|lassen)\s+(?:\w+\s+){0,2}nicht\s+(?:los|gehen|weg|raus|heraus|hinaus|rein)\b",
            r"\b(?:werde|werden|wird)\s+(?:\w+\s+){0,3}beworfen\b",
        ),
    ),
    (
        "attack",
        "weak",
        each(
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
        each(
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
        each(
            r"\b(?:bewusstlos|blutend|blutig|bluadig|blutueberstroemt|zusammengebrochen)\b",
            r"\b(?:wird|ist)\s+(?:\w+\s+){0,2}(?:schwindelig|schwindlig|schlecht|uebel)\b",
        ),
    ),
    (
        "device",
        "strong",
        each(
            r"\b(?:tickt|piept|piepst|zischt|explodiert|detoniert)\b",
            # "liegt ein Paket mit Drähten dran": a suspicious device lying there now
            r"\b(?:liegt|steht|haengt|klebt)\s+(?:\w+\s+){0,6}(?:paket|paeckchen|koffer|tasche|rucksack|gegenstand|kiste)\s+(?:\w+\s+){0,2}mit\s+(?:kabeln|draehten|drahten)\b",
        ),
    ),
    (
        "device",
        "weak",
        each(
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
        each(
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
            # someone at the window, gate or drive, looking in, knocking (dialect too)
            r"\b(?:steht|stehen|steiht|stoht|ist|sind|is|isch|san|sin|klopft|klopfen)\s+(?:\w+\s+){0,3}(?:am|ans|an\s+(?:meinem|unserem|dem|der|mien|dr)|unterm|unter\s+dem|vorm|vür\s+d'r|vür|vör|in\s+der|auf\s+der)\s+(?:\w+\s+)?(?:fenster|fensta|fenschter|\w*fenster|gartentor|tor|zaun|einfahrt|auffahrt|\w*tür|\w*dier|\w*dür|döör)\b",
            r"\bklopf\w*\s+(?:\w+\s+){0,5}(?:ans|an\s+das|an\s+die|am)\s+(?:\w+\s+)?(?:fenster|fensta|fenschter|tür|scheibe\w*)\b",
            r"\b(?:schaut|guckt|glotzt|starrt|kiekt|leuchtet|linst)\s+(?:\w+\s+){0,5}(?:ins|in\s+(?:mein|unser|das|die|den))\s+(?:\w+\s+)?(?:fenster|fensta|fenschter|haus|auto|wohnzimmer|schlafzimmer|küche)\b",
            r"\b(?:will|well|wui|wollen|wolle|woin)\s+(?:\w+\s+)?(?:rin|erin|rein|rei|nei|eini|ins\s+haus)\b",
            r"\b(?:abstecha|umbringa|kaltmacha|abmurksa)\b",
            r"\btrau\w*\s+mi(?:ch)?\s+(?:nicht|ned|net|nich)\s+(?:raus|naus|aussi|nach\s+draußen|vor\s+die\s+tür)\b",
            r"\bwart\w*\s+(?:\w+\s+){0,4}auf\s+(?:mi|mich|uns)\b",
            r"\bklingelt\s+(?:\w+\s+)?sturm\b|\b(?:brüllt|schreit|schreien|brüllen|rufen|ruft)\s+(?:\w+\s+){0,3}(?:meinen|seinen|ihren|unseren)\s+namen\b",
            r"\b(?:draußen|drausse|drauße|drauss)\s+(?:\w+\s+){0,3}(?:rennen|laufen|stehen|stehn|sind|schleichen|lachen)\b|\b(?:stehn|stehen|steht|san|sin|sind)\s+(?:\w+\s+)?noch\s+(?:drauße|draußen|da|vorm|vor\s+der)\b",
            r"\b(?:direkt|gleich|genau|dicht)\s+hinter\s+(?:mir|uns|mi)\b|\b(?:mir|uns)\s+folgt\b",
            r"\b(?:kommt|kommen|kummt|kimmt|kütt)\s+(?:\w+\s+){0,3}(?:näher|naeher|auf\s+(?:mich|uns|mi)\s+zu|na't\s+huus|zum\s+haus|zur\s+tür|zu\s+mir)\b",
            r"\b(?:wollen|wolle|gehen|geht|gehn|gonn)\s+(?:\w+\s+){0,3}(?:auf|op)\s+(?:\w+\s+){0,2}(?:los|loss)\b",
            r"\b(?:herum|rum)(?:hebeln|hebelt|fummelt|fummeln|schleichen|schleicht)\b",
            r"\b(?:ausgang|ausgänge|tür|türen|ausfahrt|einfahrt)\s+(?:\w+\s+){0,2}(?:blockiert|versperrt|zugestellt)\b",
            r"\b(?:wird|werden)\s+immer\s+(?:lauter|aggressiver|wütender|bedrohlicher)\b",
            r"\b(?:hat|hod|hot|het)\s+(?:\w+\s+){0,3}(?:messer|messa|pistole|waffe|knarre)\s+(?:\w+\s+)?(?:gezogen|aussazogn|rausgezogen|rausgeholt|ausgepackt)\b",
            r"\b(?:ist|is|sind)\s+(?:gerade|grad|jetzt)\s+(?:bei\s+(?:uns|mir)\s+)?(?:im|in\s+der|in\s+unserem|vorm|vor\s+dem)\s+(?:\w+\s+)?(?:hof|garten|haus|flur|treppenhaus|büro|wohnung|küche)\b",
            r"\b(?:er|sie|der|die)\s+(?:is|ist|sind)\s+(?:drausen|draußen|draussen|drauße)\b|\bkann?\s+nich\w*\s+schreib\w*\b",
            r"\b(?:ist|is|sind)\s+(?:\w+\s+){0,2}(?:hier|da)\s+(?:vorm|vor\s+dem|vor\s+meinem|im)\b|\b(?:die|sie|er)\s+(?:sind|san|ist|is)\s+wieder\s+da\b",
            r"\blass\w*\s+(?:mich|uns)\s+(?:nicht|nich|ned)\s+(?:weg|raus|gehen|durch)\b",
            r"\bringen\s+miteinander\b|\bprügeln\s+sich\b|\bkniet\s+auf\b|\b(?:wirft|werfen|schmeißt)\s+(?:\w+\s+)?(?:stühle|gläser|tische)\b",
            r"\b(?:tritt|dridd|tridd)\s+(?:\w+\s+)?(?:dagegen|dagegn)\b|\b(?:sleit|schlägt)\s+(?:mi|mich)\s+(?:doot|tot)\b|\bmacht\s+(?:mich|mi)\s+hie\b",
            r"\bhinter\s+(?:mir|uns)\s+(?:ist|is|sind|fährt|läuft)\b|\bumzufahren\b|\bwendet\s+jetzt\b",
            r"\b(?:unten|draußen|drauße)\s+(?:\w+\s+)?(?:rumlaufen|herumlaufen|rumrennen)\b|\bist\s+(?:jetzt\s+)?in\s+(?:der\s+)?(?:küche|wohnung|stube|wohnzimmer)\b",
            r"\bes\s+(?:klopft|klingelt|hämmert|poltert|klirrt)\b|\bklirrt\b|\bklinke\b",
            r"\bkommt\s+(?:\w+\s+){0,2}auf\s+(?:meine|unsere|die)\s+(?:\w+\s+)?(?:haustür|tür|wohnung|haus)\s+zu\b|\b(?:kommt|kommen)\s+(?:\w+\s+){0,5}auf\s+(?:mich|uns)\s+zu\b",
            r"\büber\s+(?:unseren|meinen|den)\s+(?:garten)?zaun\b|\bsteht\s+(?:\w+\s+)?noch\s+(?:daneben|davor)\b",
            r"\bsteigt\s+(?:\w+\s+){0,4}aus\b|\bwarten\s+(?:\w+\s+)?(?:an\s+der\s+ecke|draußen|vor\s+der\s+tür)\b|\bwartet\s+(?:\w+\s+)?draußen\b",
            r"\bschreib\w*\s+(?:\w+\s+)?aus\s+dem\s+(?:kleiderschrank|schrank|versteck|bad|keller)\b|\b(?:ist|is)\s+noch\s+im\s+(?:gebäude|haus|saal|raum)\b",
            r"\b(?:er|der|einer|jemand)\s+sitzt\s+(?:\w+\s+)?drin\b|\b(?:auto|wagen)\s+(?:\w+\s+){0,3}(?:gegenüber|vorm\s+haus|vor\s+dem\s+haus)\b",
        ),
    ),
    (
        "explicit",
        "weak",
        each(
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

# Crisis talk: scoped only by negation, figurative speech and media/legal framing (the engine
# does not let tense or a question suppress it: "ich frag mich, ob es ohne mich besser wäre").
_ME = r"(?:mich|mi|mir|ma)"
DISTRESS_TRIGGERS: tuple[Trigger, ...] = (
    (
        "self_harm",
        "strong",
        each(
            # not wanting to live, wanting to die
            r"\bnicht\s+mehr\s+(?:leben|da\s+sein|da\s+zu\s+sein|aufwachen|aufzuwachen|weiterleben)\b",
            r"\b(?:nimmer|nimma)\s+(?:leben|da\s+sein|aufwachen)\b",
            r"\b(?:will|möchte|möcht|mag|würde|werde|wär|wäre)\s+(?:\w+\s+){0,3}(?:sterben|tot\s+sein)\b",
            r"\bwünschte?\s+(?:\w+\s+){0,3}(?:ich\s+wäre\s+tot|tot\s+zu\s+sein|ich\s+wär\s+tot|nicht\s+mehr\s+aufzuwachen)\b",
            r"\b(?:lieber|besser)\s+tot\b",
            r"\beinschlafen\s+und\s+(?:\w+\s+)?nicht\s+mehr\b",
            r"\bkeine\s+lust\s+mehr\s+(?:zu\s+leben|auf\s+(?:das|mein|dieses)\s+leben)\b",
            r"\b(?:hab|habe)\s+(?:\w+\s+){0,2}keine\s+kraft\s+mehr\s+zu\s+leben\b",
            # hurting or killing oneself
            # the writer is the subject ("ich will mich umbringen"), never "er will mich umbringen"
            rf"\b(?:ich|i)\s+(?:(?!(?:er|sie|der|die|man|jemand|einer|mann|typ)\b)\w+\s+){{0,8}}(?:will|möchte|werde|könnte|würde|tät|möcht|muss|wollte|wui|mog)\s+{_ME}\s+(?:\w+\s+){{0,3}}(?:umbringen|umbringa|umzubringen|töten|erhängen|aufhängen|ritzen|verletzen|schneiden|erschießen|vergiften|weh\s*tun|wehtun|was\s+antun|etwas\s+antun)\b",
            rf"^\s*{_ME}\s+(?:\w+\s+){{0,2}}(?:umbringen|töten|aufhängen)\b|\b(?:will|möchte|werde|könnte|würde)\s+ich\s+{_ME}\s+(?:\w+\s+){{0,3}}(?:umbringen|töten|aufhängen|erhängen|ritzen|verletzen)\b",
            rf"\b(?:gedanken|daran|überleg\w*|plane|vorhabe|versuch\w*|lust|drang)\s*,?\s+{_ME}\s+(?:\w+\s+){{0,2}}(?:umzubringen|aufzuhängen|zu\s+töten|zu\s+ritzen|zu\s+verletzen|selbst\s+zu\s+verletzen|das\s+leben\s+zu\s+nehmen)\b",
            rf"\b(?:ritze|schneide|verletze)\s+{_ME}\b",
            r"\bmir\s+(?:\w+\s+){0,2}(?:was|etwas|ebbes|wos)\s+an(?:tun|zutun|tue)\b",
            r"\b(?:selbstmord|suizid\w*|suizidal|lebensmüde|freitod|selbstverletzung|selbst\s+verletzen)\b",
            r"\b(?:dem|meinem)\s+leben\s+(?:ein\s+)?ende\b",
            r"\b(?:ein|dem\s+(?:ganzen|allem)|allem)\s+(?:\w+\s+)?ende\s+(?:machen|setzen|bereiten)\b",
            r"\bmach\w*\s+(?:\w+\s+){0,2}(?:dem|dem\s+ganzen|allem)\s+(?:\w+\s+)?ende\b",
            r"\bschluss\s+machen\s+(?:mit\s+allem|für\s+immer|mit\s+mir)\b",
            r"\b(?:irgendwann|bald)\s+(?:muss|ist)\s+(?:\w+\s+)?schluss\b",
            r"\b(?:alles|es|das\s+leben|das\s+alles|mein\s+leben)\s+(?:\w+\s+){0,2}(?:keinen|koan|kein)\s+sinn\s+mehr\b",
            r"\bkeinen\s+sinn\s+mehr\b",
            # staged accidents, methods
            r"\b(?:gegen\s+(?:einen|den|nen|an)\s+(?:baum|brückenpfeiler|pfeiler|wand|mauer|lkw|laster)|in\s+den\s+gegenverkehr)\b",
            r"\bunfall\s+(?:\w+\s+){0,3}(?:bauen|inszenieren|aussehen\s+lassen|vortäuschen|wie\s+ein\s+unfall)\b",
            r"\bwie\s+ein\s+unfall\s+aussieht\b",
            r"\b(?:will|werde|möchte|würde)\s+(?:\w+\s+){0,3}(?:springen|runterspringen|hinunterspringen)\b",
            r"\bvon\s+(?:der|einer)\s+brücke\b|\bvor\s+(?:den|einen)\s+zug\b|\baus\s+dem\s+fenster\s+springen\b|\bvom\s+dach\s+springen\b",
            r"\b(?:tabletten|pillen|schlaftabletten)\s+(?:\w+\s+){0,3}(?:sammeln|gesammelt|schlucken|geschluckt|nehmen|genommen|alle)\b",
            r"\balle\s+(?:meine\s+)?(?:tabletten|pillen)\b",
            r"\b(?:strick|seil)\s+(?:\w+\s+){0,3}(?:besorgt|gekauft|bereit|liegt)\b",
            # others would be better off, saying goodbye
            r"\b(?:ohne\s+mich|wenn\s+ich\s+(?:nicht\s+mehr\s+)?(?:weg|tot|nicht\s+mehr\s+da)\s+(?:wäre|wär|bin))\b(?:\s+\w+){0,5}\s+(?:besser|leichter|einfacher)\b",
            r"\b(?:besser|leichter|einfacher)\s+(?:\w+\s+){0,4}ohne\s+mich\b",
            r"\bbesser\s+(?:\w+\s+){0,3}(?:nicht\s+mehr\s+da|tot|weg\s+wäre)\b",
            r"\b(?:allen|allen\s+nur|meiner\s+familie|den\s+anderen|meinen\s+kindern)\s+(?:\w+\s+){0,2}(?:zur\s+last|eine\s+last)\b",
            r"\bnur\s+(?:noch\s+)?(?:eine\s+)?last\b",
            r"\babschiedsbrief\w*\b|\bmich\s+(?:\w+\s+){0,2}verabschiedet\b|\bmeine\s+sachen\s+(?:\w+\s+){0,2}verschenkt\b",
            r"\bfür\s+immer\s+(?:verschwinden|weg\s+sein|einschlafen)\b",
            r"\bnicht\s+mehr\s+(?:weiter|weitermachen)\s+(?:will|möchte)\b",
            r"\b(?:nimmer|nimma|nemme|nicht\s+mehr|nich\s+mehr|nich\s+wedder|nicht\s+wieder)\s+(?:\w+\s+)?(?:lebn|läbe|lebe|opwaken|aufwach\w*|aufzuwachen)\b",
            r"\b(?:keine|keene|koa|kein|keen)\s+(?:kraft|bock|lust|energie|grund)\s+(?:mehr\s+)?(?:zum|auf|uff|aufs|zu)\s+(?:\w+\s+)?(?:leben|lebn|weiterleben)\b",
            r"\bmich\s+(?:\w+\s+){0,2}(?:umbringe|umbring|töte|aufhänge|erhänge|erschieße|vergifte)\b|\b(?:ich|i)\s+bring\w*\s+mich\s+(?:\w+\s+){0,3}um\b",
            r"\b(?:mir|mi)\s+(?:\w+\s+){0,4}(?:in\s+den|in\s+die|den|die)\s+(?:arm|arme|unterarm|handgelenk\w*|bein\w*|oberschenkel|haut)\s+(?:\w+\s+)?(?:geschnitten|geritzt|gschnitten)\b|\bgeritzt\b|\britz\w*\s+mich\b",
            r"\bschlag\w*\s+mir\s+selb\w*\b|\bmir\s+selbst\s+weh\b|\bmich\s+selbst\s+(?:verletzen|verletzt|bestrafen)\b",
            r"\b(?:tabletten|pillen|schlaftabletten)\s+(?:\w+\s+){0,3}(?:hier\s+liegen|liegen\s+hier|vor\s+mir|neben\s+mir|bereit|zusammen|gehortet)\b",
            r"\b(?:wodka|schnaps|alkohol|flasche)\s+(?:\w+\s+){0,6}(?:tabletten|schlaftabletten|pillen)\b",
            r"\b(?:heute|heut|morgen|bald|jetzt)\s+(?:\w+\s+){0,2}(?:mach|mache)\s+ich\s+schluss\b|\bich\s+mach\w*\s+(?:jetzt\s+|heute\s+)?schluss\s*$",
            r"\bob\s+ich\s+(?:\w+\s+){0,2}spring\w*\b|\b(?:auf|an)\s+(?:der|einer)\s+brücke\b(?:\s+\w+){0,8}\s+(?:spring\w*|runter)\b",
            r"\b(?:wache|wach)\s+(?:\w+\s+){0,3}(?:nicht|nimmer|nemme)\s+(?:mehr\s+)?auf\b",
            r"\bbrauch\w*\s+(?:ich\s+)?(?:\w+\s+){0,2}bald\s+(?:nicht|nimmer|nemme)\s+mehr\b|\bbald\s+mehr\s+als\s+ich\b",
            r"\brichtige[rn]?\s+abschied\b|\babschied\w*\s+(?:\w+\s+){0,3}für\s+immer\b",
            r"\b(?:besser|leichter|einfacher)\b(?:\s+\w+){0,4}\s*,?\s+wenn\s+ich\s+(?:\w+\s+){0,2}(?:nicht\s+mehr\s+da|weg|tot)\b",
            r"\bwenn\s+ich\s+(?:\w+\s+)?(?:nicht\s+mehr\s+da|tot)\s+(?:wäre|wär|bin)\b",
            r"\bweiß\s+(?:schon|genau|jetzt|inzwischen)?\s*,?\s*wie\s+ich\s+(?:es|das)\s+(?:mache|mach|tue|tu|anstelle)\b",
            r"\b(?:nimmer|nemme|nimma|nie\s+mehr|nie\s+wieder)\s+(?:heim|hoim|hoam|nach\s+hause|zurück)\b",
            r"\blang\s+genug\s+(?:da\s+gewesen|gelebt|hier\s+gewesen)\b",
            r"\b(?:mir|mich)\s+(?:\w+\s+){0,2}das\s+leben\s+(?:zu\s+)?nehmen\b",
            r"\bam\s+besten\b(?:\s+\w+){0,4}\s+(?:nicht\s+mehr\s+da|tot|weg)\b|\bich\s+wär\w*\s+(?:\w+\s+)?(?:gar\s+)?nicht\s+mehr\s+da\b",
            r"\b(?:keine|keene|koa|kein|keen)\s+(?:lust|bock|kraft)\s+(?:mehr\s+)?(?:op|up|auf|uff)\s+(?:dat|das|mein|min)\s+(?:leven|leben|lebn)\b",
            r"\b(?:was|wat|wos)\s+(?:soll|schall|söll)\s+(?:das|dat|des)\s+(?:alles\s+)?noch\b|\bwozu\s+(?:das\s+)?(?:alles\s+)?noch\b",
            r"\bein\s+schritt\s+und\b|\bendlich\s+ruhe\b|\bob\s+ich\s+(?:\w+\s+)?(?:wieder\s+)?runter\s*geh\w*\b",
            r"\b(?:auf(?:m|\s+dem)|auf\s+der)\s+(?:dach|brücke|hochhaus|turm|gleis\w*)\b(?:\s+\w+){0,8}\s+(?:spring\w*|runter\w*|weiß\s+nicht)\b",
            r"\b(?:seil|strick|gewehr|jagdgewehr|pistole|waffe)\s+(?:\w+\s+){0,6}(?:gelegt|geholt|bereit|liegt|hingelegt|besorgt|sitz\w*\s+(?:\w+\s+)?damit)\b|\bsitz\w*\s+(?:jetzt\s+)?damit\s+im\b",
            r"\b(?:dann\s+ist\s+(?:eben|halt)\s+schluss|dann\s+war'?s\s+das(?:\s+halt)?|schluss\s+mit\s+allem|auch\s+mit\s+mir)\b",
            r"\b(?:briefe|brief|abschiedsbrief\w*)\s+(?:\w+\s+){0,4}(?:für\s+danach|geschrieben\s+für)\b|\bfür\s+danach\b",
            r"\b(?:mir|mi|mich)\s+würde\s+(?:\w+\s+)?(?:keiner|niemand)\s+(?:fehlen|vermissen)\b|\b(?:keiner|niemand)\s+würde\s+mich\s+vermissen\b",
            r"\b(?:räume|räum)\s+(?:\w+\s+)?das\s+feld\b(?:\s+\w+){0,4}\s+(?:für\s+immer|ganz)\b|\bganz\.\s+für\s+immer\b",
            r"\b(?:danach|dann)\s+brauch\w*\s+(?:ich\s+)?nichts\s+mehr\b|\bmeine\s+letzte\s+nachricht\b",
            r"\b(?:pillen|tabletten)\b(?:\s+\w+){0,8}\s+(?:würde|würden|müsste|müssten)\s+(?:\w+\s+)?reichen\b",
            r"\b(?:tabletten|pillen|medikamente|schlaftabletten)\s+(?:\w+\s+){0,3}(?:im\s+schrank|zu\s+hause|daheim|gesammelt|gehortet)\b|\b(?:tabletten|pillen)\s*,?\s+viele\b",
            r"^\s*(?:will|möchte|mag)\s+(?:nich|nicht|nimmer|nimma)\s+mehr\s+(?:leben|lebn)\b",
            r"^\s*(?:will|möchte|werde)\s+(?:mich|mi)\s+(?:\w+\s+){0,2}(?:umbringen|töten|aufhängen|erhängen)\b",
            r"\b(?:stehe|steh|sitze|sitz|bin)\s+(?:\w+\s+){0,3}(?:auf\s+dem|aufm|auf\s+der)\s+(?:parkhaus|dach|hochhaus|turm|brücke)\b(?:\s+\w+){0,6}\s+(?:runter|spring\w*|überleg\w*)\b",
            r"\bwie\s+viele\b(?:\s+\w+){0,6}\s+(?:braucht|muss)\s+man\b(?:\s+\w+){0,4}\s+(?:nicht\s+mehr\s+aufwacht|stirbt|tot)\b",
            r"\bbeschlossen\b(?:\s+\w+){0,4}\s+(?:bald\s+weg|nicht\s+mehr\s+da|schluss)\b|\beh\s+bald\s+weg\b",
            r"\b(?:gedanken|daran|dran)\s*,?\s+(?:\w+\s+){0,3}(?:mich|mi|mir|ma)\s+(?:\w+\s+){0,2}(?:umzubringen|aufzuhängen|zu\s+töten|das\s+leben\s+zu\s+nehmen)\b",
            r"\b(?:weg\s+sein|weg\s+sei)\s*,?\s+für\s+immer\b|\bfür\s+immer\b(?:\s+\w+){0,4}\s+(?:ernst|weg)\b",
            r"\bbriefe\s+geschrieben\s*,?\s+für\s+(?:später|danach)\b|\bkeiner\s+mehr\s+sorgen\s+um\s+mich\b",
            r"\bkeinen\s+ausweg\s+mehr\b|\bbald\s+ist\s+ruhe\b|\bzu\s+müde\s+zum\s+weiter\w*\b",
            r"\bstrick\b(?:\s+\w+){0,6}\s+(?:aufgehängt|hält|befestigt)\b|\b(?:garage|auto)\b(?:\s+\w+){0,6}\s+motor\s+läuft\b",
            r"\bwie\s+hoch\s+muss\b(?:\s+\w+){0,6}\s+(?:nicht\s+überlebt|sterben)\b|\bdamit\s+man\s+nicht\s+überlebt\b",
            r"\bdass\s+es\s+aufhört\s*\.?\s*für\s+immer\b|\bnur\s+noch\s+(?:ene|eine)\s+last\b|\bwenn\s+ik\s+nich\s+mehr\s+dor\b",
            r"\b(?:nit|nicht|nich)\s+(?:mieh|mehr)\s+(?:do|da)\s+(?:wör|wär|wäre)\b|\bwann\s+isch\s+nit\b",
            r"\bes\s+(?:ihm|ihr)\s+leid\s+tut\b(?:\s+\w+){0,6}\s+(?:geht|nimmt)\s+(?:\w+\s+)?nicht\s+mehr\s+ran\b|\bdass\s+er\s+uns\s+liebt\b",
            r"\bnicht\s+mehr\s+(?:nach\s+hause|heim)\b(?:\s+\w+){0,4}\s+(?:ruhe|alle)\b|\bdann\s+(?:ham|haben)\s+alle\s+(?:ihre\s+)?ruhe\b",
        ),
    ),
    (
        "distress",
        "strong",
        each(
            # panic, fear
            r"\bpanik\w*\b|\bpanisch\b|\bangstattacke\w*\b|\bangstzustände\b",
            r"\b(?:ständig|dauernd|nur\s+noch|immer)\s+(?:\w+\s+){0,2}angst\b",
            r"\bangst\s+(?:\w+\s+){0,3}(?:lähmt|frisst|erdrückt|auffrisst|beherrscht)\b",
            r"\b(?:herzrasen|zittere\s+(?:ständig|nur\s+noch|am\s+ganzen\s+körper))\b",
            r"\btraue?\s+mich\s+(?:\w+\s+){0,2}nicht\s+mehr\s+(?:aus\s+dem\s+haus|raus|unter\s+leute|ins\s+rathaus)\b",
            # sleep
            r"\b(?:kann|könnte)\s+(?:\w+\s+){0,3}(?:nicht|kaum|nimmer|nimma|net)\s+(?:mehr\s+)?(?:schlafen|einschlafen|durchschlafen|pennen)\b",
            r"\b(?:schlafe|schlaf|penne)\s+(?:\w+\s+){0,4}(?:kaum|nicht\s+mehr|schlecht|nur\s+noch\s+\w+\s+stunden)\b",
            r"\bschlaflos\w*\b|\bschlafstörung\w*\b|\bnächte\s+(?:\w+\s+){0,2}wach\b|\bliege\s+(?:\w+\s+){0,3}wach\b",
            # exhaustion, burnout, at the end of one's strength
            r"\bburn\s*-?\s*out\b|\bausgebrannt\b|\berschöpfungs\w*\b",
            r"\bam\s+ende\s+(?:meiner|mit\s+meinen|mit\s+den)\s+(?:kräfte|kraft|nerven|kräften)\b",
            r"\b(?:bin|ich)\s+(?:\w+\s+){0,2}(?:völlig\s+|total\s+|komplett\s+)?am\s+ende\b",
            r"\b(?:keine|koa|kaum\s+noch|null)\s+kraft\s+mehr\b",
            r"\b(?:kann|konn)\s+(?:einfach\s+|echt\s+|wirklich\s+|bald\s+)?(?:nicht|nimmer|nimma|net|ned)\s+mehr\b(?!\s+(?:\w+\s+){0,2}(?:hingehen|teilnehmen|erreichen|öffnen|finden|sagen|erinnern|zahlen|warten))",
            r"\b(?:kann|konn)\s+(?:einfach\s+)?nimmer\b|\bi\s+(?:mog|mag|pack)\s+(?:\w+\s+)?(?:nimmer|nimma|nicht\s+mehr)\b",
            r"\bhalte?\s+(?:\w+\s+){0,3}(?:nicht|nimmer|net)\s+(?:mehr\s+)?aus\b",
            r"\b(?:schaffe?|pack|packe)\s+(?:\w+\s+){0,3}(?:nicht|nimmer|net)\s+mehr\b",
            r"\b(?:geht|gehts|geht's)\s+(?:\w+\s+)?(?:so\s+)?nicht\s+mehr\s+weiter\b|\bso\s+kann\s+(?:\w+\s+)?(?:es|das)\s+nicht\s+weitergehen\b",
            r"\b(?:nervlich|psychisch|seelisch|emotional)\s+(?:\w+\s+){0,2}(?:am\s+ende|fertig|kaputt|durch|erledigt)\b",
            r"\bnervenzusammenbruch\b|\bfertig\s+mit\s+den\s+nerven\b|\bmit\s+den\s+nerven\s+(?:\w+\s+)?(?:am\s+ende|fertig|runter)\b",
            r"\b(?:völlig|total|komplett|so)\s+(?:erschöpft|überfordert|leer|ausgelaugt)\b",
            r"\b(?:erschöpft|überfordert|ausgelaugt)\s+(?:\w+\s+){0,2}(?:bin|fühle)\b|\bfühle\s+mich\s+(?:\w+\s+){0,2}(?:leer|erschöpft|überfordert|ausgelaugt|wertlos|hoffnungslos|taub|wie\s+gelähmt)\b",
            r"\bhoffnungslos\b|\bverzweifelt\b|\bverzweiflung\b",
            r"\b(?:depressiv|depression\w*|depri)\b",
            # crying, numbness
            r"\b(?:heule|weine|flenne|heul|wein)\s+(?:\w+\s+){0,3}(?:ständig|nur\s+noch|jeden\s+tag|jede\s+nacht|dauernd|die\s+ganze\s+zeit|nur)\b",
            r"\b(?:ständig|nur\s+noch|dauernd)\s+(?:am\s+)?(?:heulen|weinen)\b",
            # giving everything up
            r"\b(?:alles|allet|alls)\s+(?:\w+\s+){0,2}(?:hinschmeißen|hinschmeissen|hinwerfen|aufgeben|hinzuschmeißen)\b",
            r"\b(?:will|möchte|würde)\s+(?:am\s+liebsten\s+)?(?:\w+\s+){0,2}(?:aufgeben|hinschmeißen|hinwerfen)\b",
            r"\bmir\s+geht\s+(?:es|s)?\s*(?:\w+\s+)?(?:so\s+|sehr\s+|total\s+|richtig\s+|echt\s+)?(?:schlecht|mies|dreckig|beschissen)\b",
            r"\bmir\s+gehts\s+(?:\w+\s+)?(?:so\s+|sehr\s+|total\s+|richtig\s+|echt\s+)?(?:schlecht|mies|dreckig|beschissen)\b",
            r"\b(?:nicht|kaum|nich|nemme|nimmer)\s+(?:mehr\s+)?(?:richtig\s+|gut\s+)?(?:geschlafen|schlafen|schlof|schlaf|gepennt)\b",
            r"\bfühl\w*\s+(?:gar\s+)?nichts\s+mehr\b|\bwie\s+(?:taub|betäubt|gelähmt|erstarrt|ferngesteuert)\b",
            r"\bzuck\w*\s+(?:\w+\s+){0,4}zusammen\b|\balbträum\w*\b|\balpträum\w*\b|\bkloß\s+im\s+hals\b",
            r"\bwächst\s+(?:mir\s+)?(?:\w+\s+)?über\s+den\s+kopf\b|\b(?:alles|es|das)\s+(?:ist\s+|wird\s+)?(?:mir\s+)?(?:einfach\s+|gerade\s+|grad\s+)?zu\s+viel\b",
            r"\btrau\w*\s+mich\s+(?:\w+\s+){0,2}nicht\s+mehr\b",
            r"\b(?:müde|erschöpft)\s+und\s+(?:leer|kaputt|ausgelaugt)\b|\bnur\s+noch\s+(?:müde|erschöpft|leer|traurig|kaputt)\b|\b(?:einfach|nur|total|so)\s+(?:nur\s+)?leer\b",
            r"\bnicht\s+mehr\s+ich\s+selbst\b|\berkenne\s+mich\s+(?:\w+\s+)?nicht\s+(?:mehr\s+)?wieder\b",
            r"\b(?:völlig|total|komplett)\s+durch\b|\b(?:ess|esse|iss)\s+(?:\w+\s+)?(?:nicht|nich|kaum|nemme|nimmer)\s+mehr\b",
            r"\b(?:die\s+ganze\s+zeit|jeden\s+tag|jede\s+nacht|permanent)\s+(?:\w+\s+){0,2}angst\b|\bangst\b(?:\s+\w+){0,3}\s+(?:geht\s+(?:\w+\s+)?nicht\s+weg|ist\s+immer\s+da|immer\s+da)\b|\bangst\s+vor\s+(?:meinem|meiner)\s+(?:eigenen\s+)?\w+\b",
            r"\bverlier\w*\s+(?:\w+\s+)?(?:den\s+verstand|die\s+nerven|den\s+boden)\b|\bwerde\s+(?:noch\s+)?verrückt\b",
            r"\bherz\s+(?:\w+\s+){0,2}(?:klopft|rast|hämmert)\b",
            r"\b(?:kann|konn)\s+mich\s+(?:\w+\s+){0,2}nicht\w*\s+(?:mehr\s+)?konzentrieren\b|\bauf\s+nichts\s+mehr\s+konzentrieren\b",
            r"\bkeine\s+freude\s+mehr\b|\bfreut\s+mich\s+nichts\s+mehr\b|\bhasse\s+mich\b|\bdünnhäutig\b",
            r"\b(?:bin|ben|bün|ich|i|isch)\s+(?:\w+\s+){0,2}am\s+end(?:e)?\b",
            r"\bwache?\s+(?:\w+\s+){0,4}(?:nachts|jede\s+nacht|mitten\s+in\s+der\s+nacht)\s+(?:\w+\s+){0,3}auf\b|\bjede\s+nacht\s+(?:\w+\s+){0,4}(?:wach|auf)\b",
            r"\bfühl\w*\s+mich\s+(?:\w+\s+){0,2}(?:allein|alleine|einsam|im\s+stich\s+gelassen)\b|\bzieh\w*\s+mich\s+(?:\w+\s+){0,3}zurück\b",
            r"\bstarre?\s+(?:\w+\s+){0,2}(?:die\s+wand|an\s+die\s+decke|ins\s+leere)\b",
            r"\bzitter\w*\s+(?:\w+\s+){0,3}(?:am\s+ganzen\s+körper|ständig|dauernd|nur\s+noch|immer\s+noch)\b|\b(?:hände|beine|knie)\s+zittern\b",
            r"\b(?:kann|konn|ko)\s+(?:einfach\s+|echt\s+)?(?:nich|nit|ned)\s+(?:mehr|mieh|meh|mih)\b|\besu\s+möd\b",
            r"\bhöchstens\s+(?:\w+\s+)?stunden\b(?:\s+\w+){0,3}\s+(?:nacht|schlaf\w*)\b|\bfunktioniere\s+nur\s+noch\b",
            r"\btrau\w*\s+mich\s+kaum\s+(?:noch\s+)?(?:aus\s+dem\s+haus|raus)\b|\bmacht\s+mir\s+angst\b",
            r"\b(?:frisst|frißt)\s+(?:mich|mi)\s+auf\b|\bwo\s+mir\s+(?:dr|der)\s+kopf\s+st(?:e|o)ht\b|\bwächst\s+mir\s+über\b",
            r"\b(?:kriege|krieg)\s+nix\s+(?:mih|mehr)\s+(?:jebacke|gebacken)\b|\b(?:arch|arg)\s+fertich\b|\bmooch\s+nimmer\b",
            r"\büberford\w*\b|\balles\s+zuviel\b|\bweiß?\s+nich\w*\s+wo\s+ich\s+anfangen\b",
            r"\bzitter\w*\s+jedes\s+mal\b|\bso\s+oft\s+weint\b|\bkann\s+nicht\s+aufhören\s+zu\s+(?:weinen|heulen|lesen|zittern)\b|\bnich\s+aufhören\s+zu\s+lesen\b",
            r"\bdurchdrehe\b|\bdas\s+bin\s+nicht\s+ich\b|\bnur\s+noch\s+gereizt\b|\bschäme\s+mich\b|\btraue\s+niemandem\s+mehr\b",
            r"\bfreude\s+an\s+allem\s+verloren\b|\bfühle\s+mich\s+schuldig\b|\bmüde\s+in\s+(?:mein|meinem)\s+kopf\b|\bnur\s+noch\s+mit\s+licht\b",
            r"\bstarrt\s+vor\s+sich\s+hin\b|\bredet\s+kaum\s+noch\b|\bam\s+struggeln\b|\btrifft\s+mich\b",
            r"\bbauchkrämpfe\b|\b(?:trinke|trink)\s+(?:abends\s+)?immer\s+mehr\b|\bmandat\s+niederzulegen\b(?:\s+\w+){0,4}\s+frisst\b",
            r"\bwird\s+(?:\w+\s+)?schwindelig\s+vor\s+stress\b",
            r"\bfühl\w*\s+mich\s+(?:\w+\s+){0,2}(?:schuldig|hilflos|verraten|machtlos|ohnmächtig|ausgeliefert|gedemütigt)\b|\bdemütigend\b",
            r"\b(?:macht|machen)\s+mich\s+(?:\w+\s+)?(?:fertig|kaputt|krank|mürbe|wahnsinnig)\b|\bvor\s+angst\b|\bohne\s+angst\b",
            r"\bangst\s*,?\s+dass\s+ich\s+(?:\w+\s+){0,3}(?:werde|verliere|durchdrehe|zusammenbreche)\b|\bparanoid\s+werde\b",
            r"\b(?:einfach|nur|so)\s+(?:nur\s+)?traurig\b|\btrau\w*\s+niemandem\b|\b(?:durcheinander|dorschenanner)\b",
            r"\bkeine\s+ruhige\s+minute\b|\bzieht\s+sich\s+(?:\w+\s+){0,2}zusammen\b|\bleben\s+gehört\s+nicht\s+mehr\s+mir\b",
            r"\btrink\w*\s+(?:\w+\s+){0,3}mehr\s+als\s+früher\b|\bdamit\s+ich\s+(?:\w+\s+)?runterkomme\b",
            r"\bersticke\s+(?:\w+\s+)?(?:unter|an|in)\b",
            r"\b(?:nimma|nimmer|nicht\s+mehr)\s+(?:i|ich)\s+(?:selba|selbst|selber)\b",
            r"\b(?:heul|heule|wein|weine|flenn)\w*\s+(?:\w+\s+){0,2}seit\s+(?:stunden|tagen)\b|\bangefangen\s+zu\s+(?:heulen|weinen)\b|\bweinend\b",
            r"\b(?:krieg|kriege|krich)\s+(?:\w+\s+)?nichts\s+(?:mehr\s+)?(?:runter|gebacken|hin)\b|\bnix\s+mehr\s+gebacken\b",
            r"\bständig\s+schlecht\b|\b(?:bauchkrämpfe|herzklopfen|übergeben)\b(?:\s+\w+){0,6}\s+(?:sitzung|mail|amt|sprechstunde)\b|\bbei\s+jeder\s+mail\b",
            r"\bangst\s*,?\s+(?:\w+\s+){0,2}(?:einkaufen|rauszugehen|aus\s+dem\s+haus|vor\s+die\s+tür|allein)\b",
            r"\bfix\s+und\s+(?:foxi|fertig)\b(?:\s+\w+){0,4}\s+(?:richtig|total|völlig)\b|\bz'?vui\b|\bzu\s+vui\b",
            r"\b(?:völlsch|völlig|total)\s+(?:fertsch|fertig)\b|\b(?:gann|kann|konn)\s+nich\s+mehr\b|\bnimmieh\b|\bnimmi\b",
            r"\bmüde\s+von\s+allem\b|\binnen\s+drin\b|\balles\s+egal\s+geworden\b|\bist\s+mir\s+alles\s+egal\b",
            r"\b(?:depression|depri)\b|\bnix\s+macht\s+mehr\s+freude\b|\bnichts\s+macht\s+(?:mir\s+)?(?:mehr\s+)?freude\b",
            r"\bhören\s+nicht\s+auf\s+zu\s+zittern\b|\bherz\s+(?:\w+\s+)?bis\s+zum\s+hals\b",
            r"\bhalt\w*\s+(?:ich'?s|ich\s+es|es)\s+nicht\s+mehr\s+aus\b|\bweiß\s+nicht\s+mehr\s*,?\s+wer\s+ich\b",
            r"\b(?:kann|konn)\s+nicht\s+mehr\s+allein\s+sein\b|\bschlafe\s+(?:nur\s+noch\s+)?bei\s+licht\b",
            r"\bgefühl\s*,?\s+gleich\s+passiert\s+was\b|\bnichts\s+mehr\s+esse\b|\babgenommen\b(?:\s+\w+){0,6}\s+(?:nichts|nix)\s+mehr\b",
            r"\bweiß\s+nicht\s+wohin\s+mit\s+mir\b|\b(?:wütend|traurig)\s+und\s+(?:so\s+)?(?:traurig|wütend)\b",
            r"\bderrisch\s+vor\b|\bschlof\s+(?:ka|koa|keine)\s+nacht\b|\b(?:keine|ka|koa)\s+nacht\s+mehr\s+durch\b",
            r"\b(?:sehr|so|total)\s+traurig\s+und\s+müde\b|\bzitter\w*\s+(?:\w+\s+)?beim\s+gedanken\b",
            r"\bgedanken\s+(?:\w+\s+)?nicht\s+mehr\s+sortiert\b|\balles\s+dreht\s+sich\b",
            r"\b(?:schläft|schlaeft|isst)\s+(?:\w+\s+)?(?:nicht\s+mehr|kaum)\b|\bwie\s+ausgewechselt\b",
            r"\b(?:das|dat|des|der\s+job|das\s+amt|die\s+arbeit|das\s+alles|es|rothus|rathaus)\s+(?:\w+\s+)?(?:macht|mäht|maakt)\s+mi(?:ch)?\s+(?:\w+\s+)?(?:kaputt|kapott|fertig|krank)\b",
        ),
    ),
)

# Implicit self-harm spread over a message: both parts of a pair must occur (any sentences).
SELF_HARM_PAIRS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (compile_folded(a), compile_folded(b))
    for a, b in (
        (
            r"\b(?:aufhängen|umbringen|sterben|verrecken|tot|umbring)\w*",
            r"\b(?:recht\s+haben|haben\s+(?:\w+\s+){0,2}recht|hat\s+(?:\w+\s+){0,2}recht)\b",
        ),
        (r"\b(?:verschenkt|geschenkt|vermacht|weggegeben)\b", r"\b(?:bald|nicht\s+mehr\s+brauch|nimmer\s+brauch)\w*"),
        (r"\bverabschiedet\b", r"\b(?:richtig\w*|für\s+immer|endgültig|letzte[ns]?\s+mal)\b"),
        (r"\b(?:testament|alles\s+geregelt)\b", r"\b(?:passwörter|passwort|hund|katze|abschied|kinder)\b"),
        (
            r"\b(?:von\s+der\s+straße\s+abkomm\w*|unfall|gegen\s+(?:einen|den)\s+baum)\b",
            r"\b(?:halt\s+so|isses\s+halt|wär\s+mir\s+egal|nicht\s+mal\s+wehren|egal)\b",
        ),
        (r"\b(?:bald|bin|wär)\s+(?:\w+\s+)?weg\b", r"\b(?:besser\s+so|für\s+alle\s+besser|so\s+richtig)\b"),
        (
            r"\b(?:geschenkt|verschenkt|sortiert|aufgeschrieben|eingearbeitet|geregelt)\b",
            r"\b(?:ist\s+besser\s+so|danach|für\s+danach|brauch\w*\s+nichts\s+mehr)\b",
        ),
        (
            r"\bkann\s+(?:\w+\s+){0,3}nicht\s+mehr\s+in\s+die\s+augen\b",
            r"\b(?:schluss|ende|weg|nicht\s+mehr\s+da|aufhören)\b",
        ),
        (
            r"\b(?:ordnet|geordnet|sortiert|aufgeräumt|hingelegt|hinleggt|abgegeben|zurückgegeben)\b",
            r"\b(?:besser\s+so|beter\s+so|is\s+nu\s+beter|ist\s+jetzt\s+besser)\b",
        ),
        (r"\b(?:pistole|gewehr|waffe|strick|seil)\b", r"\b(?:sitze?|hocke?)\s+(?:\w+\s+){0,2}damit\b"),
        (
            r"\b(?:gregelt|geregelt|teschtament|testament)\b",
            r"\b(?:wurscht|egal)\b(?:\s+\w+){0,3}\s+(?:kommt|passiert)\b",
        ),
    )
)

# A plan, means at hand or "now" turn thoughts of self-harm into acute danger (112 first).
SELF_HARM_NOW = any_of(
    r"\b(?:tabletten|pillen|medikamente)\s+(?:\w+\s+){0,3}(?:im\s+schrank|zu\s+hause|daheim)\b|\b(?:tabletten|pillen)\s*,?\s+viele\b",
    r"\b(?:jetzt|gleich|heute\s+(?:nacht|abend|noch)|sofort|grad|gerade)\b",
    r"\b(?:hab|habe)\s+(?:\w+\s+){0,3}(?:tabletten|pillen)\s+(?:\w+\s+){0,2}(?:genommen|geschluckt)\b",
    r"\b(?:stehe|steh|sitze|sitz)\s+(?:\w+\s+){0,3}(?:auf\s+der\s+brücke|auf\s+dem\s+dach|am\s+gleis|an\s+den\s+gleisen)\b",
    r"\b(?:strick|seil|messer|klinge|tabletten)\s+(?:\w+\s+){0,3}(?:liegt|liegen|bereit|neben\s+mir|in\s+der\s+hand)\b",
)

# An injury after an attack stays danger from others (110 and 112), not only a medical case.
ATTACKED = any_of(
    r"\b(?:angreifer\w*|täter\w*|angriff|angegriffen|attacke|überfall\w*|gestochen|angestochen|niedergestochen|erstochen|abgestochen|stichwunde\w*|stichverletzung\w*|geschlagen|getreten|zusammengeschlagen|verprügelt|schuss|geschossen|messer\w*)\b"
)

# Medical emergencies (acute, 112 first): scoped like danger from others (tense matters).
MEDICAL_TRIGGERS: tuple[Trigger, ...] = (
    (
        "medical",
        "strong",
        each(
            r"\b(?:hab|habe|hat|hatte\s+grad|kriege|krieg|kriegt|bekomme|bekommt)\s+(?:\w+\s+){0,2}(?:herzinfarkt|schlaganfall|herzanfall|krampfanfall|anfall|asthmaanfall|allergischen\s+schock)\b",
            r"\b(?:brustschmerz\w*|schmerzen\s+in\s+der\s+brust|stechen\s+in\s+der\s+brust|engegefühl\s+in\s+der\s+brust)\b",
            r"\b(?:kriege|krieg|krieg\s+ich|bekomme)\s+(?:\w+\s+){0,2}(?:keine|kaum|schlecht)\s+luft\b|\batemnot\b",
            r"\b(?:ist|wird|bin)\s+(?:\w+\s+){0,2}(?:bewusstlos|ohnmächtig|umgekippt|zusammengebrochen|zusammengeklappt)\b",
            r"\b(?:kippt|klappt)\s+(?:\w+\s+){0,2}(?:um|zusammen)\b",
            r"\b(?:blutet|blute|bluten)\s+(?:\w+\s+){0,2}(?:stark|sehr|heftig|wie\s+verrückt|ohne\s+aufzuhören|extrem)\b|\bhört\s+nicht\s+auf\s+zu\s+bluten\b",
            r"\b(?:ich|er|sie|es|mein\w*|kind|baby|hund|jemand)\s+(?:\w+\s+){0,2}(?:ist|bin|wurde|hat\s+sich|habe\s+mich)\s+(?:\w+\s+)?vergiftet\b|\bvergiftung\b|\b(?:hat|habe)\s+(?:\w+\s+){0,5}(?:reiniger|gift|putzmittel|rattengift)\s+(?:\w+\s+){0,4}(?:getrunken|geschluckt|gegessen)\b",
            r"\b(?:hängt|hängender)\s+(?:\w+\s+){0,2}mundwinkel\b|\bgesicht\s+(?:\w+\s+){0,2}(?:hängt|gelähmt)\b|\barm\s+(?:\w+\s+){0,2}(?:taub|gelähmt)\b|\bkann\s+(?:\w+\s+){0,2}nicht\s+mehr\s+(?:richtig\s+)?sprechen\b|\blallt\b",
            r"\b(?:atmet|atme)\s+(?:\w+\s+){0,2}(?:nicht|kaum|schwer|komisch|nimmer)\b",
            r"\b(?:wacht|reagiert)\s+(?:\w+\s+){0,2}nicht\s+(?:mehr\s+)?(?:auf)?\b",
            r"\b(?:liegt|lieg)\s+(?:\w+\s+){0,3}(?:reglos|leblos|am\s+boden\s+und\s+(?:bewegt|rührt)\s+sich\s+nicht)\b",
            r"\bkrampft\b|\bzuckt\s+am\s+ganzen\s+körper\b",
            r"\bmundwinkel\s+(?:\w+\s+){0,2}(?:hängt|hängen)\b|\b(?:redet|spricht|lallt)\s+(?:\w+\s+){0,3}(?:verwaschen|undeutlich|wirr)\b|\bwirres\s+zeug\b",
            r"\b(?:schnauft|schnauf\w*)\s+(?:\w+\s+){0,2}(?:nimma|nimmer|nicht\s+mehr|kaum|schwer)\b",
            r"\b(?:umgefallen|umgefalln|umgekippt|zusammengesackt|zusammengeklappt)\b",
            r"\b(?:kriege|krieg|kricht|kriegt|bekommt|bekomme)\s+(?:\w+\s+){0,2}(?:keine|keene|koa|kaum|schlecht)\s+luft\b",
            r"\ballergische[rn]?\s+schock\b|\b(?:zunge|hals|gesicht|lippen)\s+(?:\w+\s+)?(?:schwillt|schwellen|zuschwillt|angeschwollen)\b|\banaphyla\w*\b",
            r"\b(?:was|etwas)\s+(?:\w+\s+)?ins\s+(?:getränk|glas|bier|trinken)\b|\bk\.?\s*o\.?\s*-?\s*tropfen\b|\bkann\s+kaum\s+(?:noch\s+)?stehen\b",
            r"\bschlimmsten\s+kopfschmerzen\b|\bseh\w*\s+(?:\w+\s+)?doppelt\b|\bdoppelbilder\b",
            r"\bkann\s+(?:\w+\s+){0,3}(?:arm|bein|hand|seite)\s+(?:\w+\s+)?nicht\s+(?:mehr\s+)?(?:bewegen|heben|halten)\b|\bspricht\s+(?:\w+\s+){0,2}(?:komisch|seltsam|verwaschen|undeutlich|wirr)\b|\bgesicht\s+(?:\w+\s+){0,3}taub\b",
            r"\bschwarz\s+vor\s+(?:den\s+)?augen\b|\b(?:rauch|qualm)\s+(?:\w+\s+)?eingeatmet\b",
            r"\bdruckgefühl\s+in\s+der\s+brust\b|\b(?:zieht|strahlt)\s+(?:\w+\s+){0,2}in\s+den\s+(?:linken\s+)?arm\b|\ban\s+die\s+brust\s+gefasst\b",
            r"\bvom\s+stuhl\s+gerutscht\b|\b(?:umgfoin|umgefoin|zesammgesackt|zusammgsackt)\b|\bschnauft\s+(?:\w+\s+)?(?:komisch|nich|nicht)\b",
            r"\b(?:vom|von\s+dem)\s+(?:reiniger|putzmittel|spülmittel|rohrreiniger)\s+getrunken\b|\b(?:tabletten|pillen)\s+(?:\w+\s+){0,3}gegessen\b",
            r"\bgestürzt\b(?:\s+\w+){0,6}\s+blutet\b|\bes\s+hört\s+nicht\s+auf\b|\bliegt\s+(?:einer|jemand)\s+bewusstlos\b",
            r"\b(?:arm|bein)\s+(?:\w+\s+){0,4}taub\b|\bkrieg\w*\s+die\s+wörter\s+nicht\s+raus\b|\bspricht\s+(?:auf\s+einmal\s+)?ganz\s+verwaschen\b",
            r"\b(?:tief\s+in\s+die\s+hand\s+geschnitten|spritzt\s+(?:richtig|das\s+blut))\b|\bdas\s+spritzt\b",
            r"\b(?:schwillt|schwellen)\s+(?:\w+\s+){0,2}(?:zu|an)\b|\bwespenstich\b|\bzunge\s+(?:ganz\s+)?dick\b|\bjapst\b",
            r"\bblau\s+im\s+gesicht\b|\bverschluckt\b|\bnicht\s+wach\s+zu\s+kriegen\b|\b(?:hat|hot)\s+zucker\b",
            r"\b(?:spülmaschinentab\w*|waschmittel\w*|knopfzelle\w*|batterie)\b(?:\s+\w+){0,5}\s+(?:mund|verschluckt|gegessen|geschluckt)\b",
            r"\b(?:zu\s+viele|viel\s+zu\s+viele)\s+(?:\w+\s+)?(?:genommen|geschluckt)\b|\bganz\s+schläfrig\b|\bhingefallen\b|\bantwortet\s+nicht\b",
            r"\bdiabetiker\w*\b(?:\s+\w+){0,6}\s+(?:zittere|schwitze|zittert|schwitzt)\b|\bnicht\s+mehr\s+wach\s+zu\s+kriegen\b",
            r"\bpfefferspray\b(?:\s+\w+){0,6}\s+(?:luft|atmen)\b|\bkrieg\w*\s+kaum\s+luft\b",
            r"\b(?:unterzucker\w*|überzucker\w*)\b|\bdiabetiker\w*\b(?:\s+\w+){0,8}\s+(?:zittert|verwirrt|schwitzt)\b",
            r"\b(?:von\s+der|vonne|von\s+einer|vom)\s+(?:leiter|gerüst|dach)\s+gefallen\b|\bliegt\s+(?:\w+\s+){0,3}und\s+(?:sagt|sacht|rührt\s+sich|bewegt\s+sich)\s+(?:nix|nichts|nicht)\b",
        ),
    ),
    (
        "medical",
        "weak",
        each(r"\b(?:herzinfarkt|schlaganfall|herzstillstand|kreislaufstillstand)\b"),
    ),
)

# Disclosure of sexual or domestic violence: support and the help lines, never a deadline.
# Scoped by negation, framing, questions and hypotheticals, not by tense ("vor zwei Jahren").
VIOLENCE_TRIGGERS: tuple[Trigger, ...] = (
    (
        "sexual_violence",
        "strong",
        each(
            r"\bvergewaltigt\b|\bvergewaltigung\b|\bvergewaltigen\b",
            r"\b(?:werde|wurde|bin|wurd|worden)\s+(?:\w+\s+){0,3}(?:missbraucht|sexuell\s+(?:genötigt|missbraucht|angegriffen))\b",
            r"\bmissbraucht\s+(?:mich|uns)\b|\b(?:zum\s+sex|zu\s+sex\w*)\s+(?:\w+\s+){0,2}gezwungen\b",
            r"\bsexuelle?[rn]?\s+(?:übergriff|gewalt|nötigung|missbrauch)\b",
        ),
    ),
    (
        "domestic_violence",
        "strong",
        each(
            r"\b(?:mein|meine|mei)\s+(?:mann|ehemann|partner|partnerin|freund|freundin|frau|ehefrau|ex|exmann|ex-mann|vater|sohn)\s+(?:\w+\s+){0,3}(?:schlägt|schlug|hat\s+mich\s+(?:\w+\s+){0,2}(?:geschlagen|verprügelt|gewürgt|getreten|zusammengeschlagen|misshandelt|vergewaltigt)|verprügelt|würgt|tritt\s+mich|misshandelt|prügelt)\b",
            r"\b(?:von|vom)\s+(?:meinem|meiner)\s+(?:mann|ehemann|partner|partnerin|freund|freundin|frau|ex)\s+(?:\w+\s+){0,2}(?:geschlagen|verprügelt|gewürgt|misshandelt|vergewaltigt|bedroht)\b",
            r"\bhäusliche\w*\s+gewalt\b|\bgewalt\s+(?:in\s+der\s+(?:ehe|beziehung|familie)|zu\s+hause|daheim)\b",
            r"\b(?:werde|wurde)\s+(?:\w+\s+){0,2}(?:misshandelt|missbraucht)\b",
        ),
    ),
)

# A calm message with a good ending ("ich bin kaputt, aber die Vorlage ist durch 😄") is no crisis.
POSITIVE = any_of(
    r"[😄😀😃😁😂🤣😊🙂👍🎉]|:\)|:-\)|\bhaha\w*\b|\blol\b",
    r"\baber\s+(?:es\s+)?(?:war|ist|hat\s+sich\s+gelohnt)\s+(?:\w+\s+)?(?:schön|gut|toll|super|gelungen|ein\s+erfolg)\b|\b(?:ist|sind)\s+durch\b|\bgeschafft\b",
)

# Health complaints without danger ("Mein Kopf tut weh"): no alarm, a note where medical help is.
PAIN_TRIGGERS: tuple[Trigger, ...] = (
    (
        "pain",
        "strong",
        each(
            r"\b(?:kopf|bauch|zahn|zähne|rücken|fuß|füße|fuss|knie|hals|ohr|ohren|magen|hand|arm|bein|schulter|nacken)\s*(?:schmerzen|weh|tut\s+(?:\w+\s+)?weh)\b",
            r"\b(?:kopf|bauch|zahn|rücken|fuß|knie|hals|ohr|magen|nacken|migräne)\w*\b(?=(?:\s+\w+){0,3}\s+(?:tut|tun)\s+(?:\w+\s+)?weh)",
            r"\b(?:tut|tun|duad|tuat|dud|deet|tued)\s+(?:\w+\s+){0,2}weh\b|\bweh\s+tun\b",
            r"\bschmerzen\s+(?:im|in\s+der|in\s+den|am|an\s+der)\s+(?:\w+\s+)?(?:kopf|bauch|zahn|rücken|fuß|fuss|knie|hals|ohr|magen|hand|arm|bein|schulter|nacken|hüfte|knöchel)\w*\b",
            r"\b(?:kopfweh|bauchweh|zahnweh|migräne|erkältet|erkältung|fieber|grippe|husten|schnupfen|übel|schwindelig|schwindlig)\b",
            r"\b(?:verknackst|verstaucht|umgeknickt|geprellt|gezerrt)\b",
        ),
    ),
)

# A reply that is only a form of "no" ("nee grad nich", "nicht mehr", "zum Glück nicht").
PLAIN_NO = compile_folded(
    r"^\s*(?:(?:nein|nee+|ne|nö+|noe|nope|naa*|nä+|na|nein\s+danke|no)\b[\s,.!]*)?"
    r"(?:(?:zum\s+glück|gott\s+sei\s+dank|gottseidank|grad|grade|gerade|gerad|jetzt|jetz|im\s+moment|momentan|aktuell|eigentlich|also|bisher|noch)\s+)*"
    r"(?:nicht|nich|net|ned|nit|nimmer|nimma|nicht\s+mehr|nich\s+mehr|net\s+mehr|nix|keine\s+gefahr|alles\s+(?:gut|ok|okay|in\s+ordnung)|passt\s+scho|passt\s+schon|bin\s+sicher|bin\s+in\s+sicherheit)?"
    r"[\s,.!]*(?:danke|alles\s+gut|alles\s+ok)?[\s.!🙂😊🙏]*$"
)

PRESENT = any_of(
    r"\b(?<!erst\s)(?<!bis\s)(?<!lese\s)(?<!hoere\s)(?<!sehe\s)(?:gerade|grad|grade|gerad|jetzt|jetz|etzt|gleich|im\s+moment|momentan|eben|soeben|akut|hier)\b(?!\s+(?:erst|schon|verurteilt|vorbei|gelesen|gehoert|erfahren|mitbekommen|lese|lesen|lies|sehe|hoere)\b)",
    r"\b(?:immer\s+noch|noch\s+immer|noch\s+(?:da|hier|drin|drinnen|draussen|in\s+der\s+naehe))\b",
    r"\bhilfe\s*!|\bbitte\s+hilfe\b|\bbitte\s+schnell\b|\bschnell\s*!",
)
# Time expressions that place an event in the past, or make it habitual (clause scope).
PAST_TIME = any_of(
    r"\b(?:gestern|vorgestern|damals|neulich|frueher|einmal|ehemals|letztens|vorhin|seitdem|mal)\b",
    r"\b(?:geschdern|gestan|gistern|güstern|gester|gesdern|vorgestan|vorgeschdern)\b",
    r"\b(?:letzte[nrs]?|letscht\w*|vorige[nrs]?|vergangene[nrs]?|verleden)\s+(?:jahr|johr|joahr|woche|woch|week|monat|sommer|winter|herbst|fruehling|nacht|mal|wochenende|wahlkampf)\b",
    r"\bvor\s+(?:einem|einer|zwei|drei|vier|fuenf|sechs|\d+|ein\s+paar|einigen|wenigen|mehreren|kurzem|langer\s+zeit)\b",
    r"\b(?:19|20)\d\d\b",
    r"\bnach\s+(?:dem|einem|diesem|meinem|unserem)\s+(?:einbruch|anschlag|brandanschlag|angriff|ueberfall|vorfall|feuer|brand)\b",
    r"\bim\s+(?:fruehjahr|fruehling|sommer|herbst|winter|januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)\b",
    r"\b(?:an|zu|kurz\s+vor|vor|nach)\s+(?:silvester|weihnachten|ostern|neujahr|pfingsten|fasching|karneval)\b",
    r"\bseit\s+(?:dem|der|einem|einer)\s+(?:einbruch|anschlag|brandanschlag|angriff|ueberfall|vorfall|brand|feuer|attacke)\b",
)
# Habitual or long-running (sentence scope): "seit Wochen", "immer wieder", "abends".
HABIT = any_of(
    r"\bseit\s+(?:\w+\s+)?(?:tag|woche|monat|jahr|tagen|wochen|monaten|jahren|langem|laengerem|laengerer\s+zeit|einiger\s+zeit)\b",
    r"\b(?:ueberall|regelrecht|morgens|abends|nachts|mittags|staendig)\b",
    r"\bschon\s+(?:so\s+)?(?:lange|ewig|jahrelang|seit\s+jahren)\b",
    r"\b(?:immer\s+wieder(?!\s+(?:gezielt|in\s+die|auf\s+(?:mich|uns)))|taeglich|regelmaessig|oefter|oefters|manchmal|jeden\s+(?:tag|abend|morgen)|(?:zu|bei)\s+(?:fast\s+)?jedem|jedes\s*mal|auf\s+schritt\s+und\s+tritt)\b",
)
# Past-tense verbs (clause scope): they background nouns and participles, not present verbs.
PARTICIPLE = r"(?:geloescht|geschlagen|getreten|gepackt|angegriffen|ueberfallen|angezuendet|eingeschlagen|zusammengeschlagen|niedergeschlagen|niedergestochen|angefahren|getroffen|beschaedigt|zerstoert|eingebrochen|eingedrungen|gebrannt|geworfen|bedroht|verfolgt|geschubst|bedraengt|geknallt|gesprengt|gezerrt|entfuehrt|verschleppt)"
PAST_VERB = any_of(
    # "stand" as a verb, not "unser Stand" (market stall)
    r"\b(?:wurde|wurden|war|waren|hatte|hatten|standen|kam|kamen|gab|ging|brannte|gebrannt|eingebrochen)\b",
    r"(?<!unseren\s)(?<!unserem\s)(?<!meinem\s)(?<!meinen\s)(?<!einen\s)(?<!den\s)(?<!dem\s)(?<!am\s)\bstand\b",
    rf"\b(?:hat|haben|ist|sind)\b(?:\s+\w+){{0,9}}\s+{PARTICIPLE}\b",
    rf"\b{PARTICIPLE}\s+(?:hat|haben|ist|sind|worden)\b",
)
# Reported speech and written channels (sentence scope): "im Drohbrief steht, dass ...".
REPORT = any_of(
    r"\b(?:steht\s+drin|stoht\s+drin|stand\s+drin|drin\s+steht|gschrieba|gschriebn|gschrieben|geschriem|jeschrieben|schriev|schreevt|briefe?n?|breven|e-mail|email|mails|nachricht|nachrichten|kommentar\w*|geschrieben|schreibt|schrieb|gepostet|post|posting|sms|whatsapp|telegram|facebook|instagram|twitter|tiktok|youtube|online|internet|im\s+netz|chat|gruppe|video)\b",
    r"\b(?:fragt|fragen|gefragt|gelesen|gehoert|gesagt|erzaehlt|behauptet|angedroht|gedroht|drohte|drohten|bekommen|erhalten|angekuendigt|droht\s+(?:\w+\s+){0,2}an|droh(?:anruf|brief|mail|ung)\w*)\b",
)
# Hypothetical, future, prevention or conditional framing (sentence scope).
HYPOTHETICAL = any_of(
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
FRAMING = any_of(
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
LONG_AGO = compile_folded(r"\b(?:tage|wochen|monate|jahre|jahr|monat)\s+(?:\w+\s+)?(?:her|zurueck)\b")
NEGATION = compile_folded(r"\b(?:nicht|nich|net|kein|keine|keinen|keiner|niemand|nie|niemals|nix|nichts)\b")
FIGURATIVE = any_of(
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
    r"\b(?:wirkt|wirke|wirkte|fühl\w*|sehr|total|ganz|so|ziemlich|etwas)\s+(?:\w+\s+)?niedergeschlagen\b(?!\s+worden)",
    r"\bblut\w*\s+(?:nur\s+)?(?:ein\s+bisschen|ein\s+wenig|leicht|etwas|kaum)\b",
    r"\bschwindelig\s+vor\s+(?:stress|aufregung|angst)\b",
    r"\bsterbe\s+vor\s+lachen\b|\bkopf\s+platzt\b|\blach\w*\s+mich\s+tot\b",
    r"\braucht\s+(?:mir\s+)?(?:der|mein)\s+kopf\b|\bkopf\s+raucht\b",
    # Not figurative, but no danger either: the end of a fire.
    r"\bfeuer\s+(?:\w+\s+)?(?:is|ist|isch)\s+(?:jetzt\s+)?(?:aus|gelöscht)\b",
    r"\b(?:haushalt|kasse|gemeinde|etat)\s+(?:\w+\s+)?blutet\s+aus\b|\bganze\s+dorf\s+in\s+flammen\b",
    r"\b(?:stimmung|lage|situation|atmosphäre)\s+(?:\w+\s+){0,3}(?:explosiv|aufgeheizt|vergiftet|angespannt)\b",
)
NEGATION_WINDOW_BEFORE = 4
# Negations that are part of a danger pattern itself ("lassen mich nicht weg").
DANGER_NEGATION = compile_folded(
    r"komm\w*\s+(?:\w+\s+)?nicht|mich\s+nicht|atmet\s+nicht|kann\s+nicht|darf\s+nicht|laesst\s+nicht|lassen\s+nicht|keine\s+luft|bremst\s+nicht"
    r"|(?:sagt|sacht|rührt\s+sich|bewegt\s+sich|reagiert|atmet|schnauft)\s+(?:\w+\s+)?(?:nix|nichts|nicht|nimma|nimmer)|keene\s+luft"
)
# Crisis scope: a pattern written with its own negation ("keine Kraft mehr") keeps it; in any
# other pattern a negation inside the match negates it ("will nicht sterben").
OWN_NEGATION = compile_folded(r"\b(?:nicht|nich|net|ned|kein\w*|koa|nie|nix|nichts|nimmer|nimma|kaum)\b")
NO_OWN_NEGATION = compile_folded(r"(?!)")
# Crisis talk is framed (not a crisis) only by statistics, studies, training and fiction.
CRISIS_FRAMING = any_of(
    r"\b(?:\w*prävention|materialien|informationsveranstaltung|infoabend)\b",
    r"\b(?:statistik\w*|studie\w*|umfrage\w*|prozent|facharbeit|hausarbeit|referat|quellen|recherche\w*)\b",
    r"\b(?:kurs|kurse|seminar\w*|schulung\w*|workshop|fortbildung\w*|vortrag)\b",
    r"\b(?:film|serie|roman|buch|doku|theaterstück|krimi)\b",
    r"\b(?:paragraph\w*|paragraf\w*|§|offizialdelikt|antragsdelikt|strafbar)\b",
)
NO_WORD = compile_folded(
    r"\b(?:nein|nee+|ne|nö+|noe|nope|naa*|nä+|na|no|nicht|nich|net|ned|nit|nimmer|nimma|nix|keine|passt|sicher|sicherheit|gut|ok|okay|ordnung)\b"
)

SAFE = any_of(
    r"\b(?:keine|kein|koa|keene)\s+(?:akute\s+)?(?:g?e?fahr|notfall|bedrohung)\b",
    r"\b(?:nicht|nich|net|ned|nit)\s+(?:mehr\s+)?(?:in\s+g?e?fahr|akut)\b",
    r"\b(?:mir|mia)\s+(?:geht|jeht|gehts|gohts|gaat)\s+(?:es|et|s)?\s*(?:jut|gut|guat)\b",
    r"\bnichts\s+(?:akutes|akut|schlimmes|passiert)\b",
    r"\b(?:bin|sind)\s+(?:\w+\s+){0,2}(?:sicher|in\s+sicherheit)\b",
)
# "Keine Gefahr gerade, ist schon vorbei", "nee, is ni akut, der is weg": a statement that the
# writer is not in danger (without a danger or crisis word of its own).
SAFE_STATEMENT = any_of(
    r"\b(?:kein|keine|koa|keene|kä|kää)\s+(?:akute\s+)?(?:g?e?fahr|gefohr|notfall|sorge)\b",
    r"\b(?:nicht|nich|net|ned|nit|ni)\s+(?:mehr\s+)?(?:in\s+g?e?fahr|in\s+gefohr|in\s+gefar|akut|notfall)\b",
    r"\b(?:ist|is|isch|es)\s+(?:\w+\s+)?(?:schon\s+)?(?:vorbei|rum|erledigt)\b",
    r"\b(?:bin|sind)\s+(?:\w+\s+){0,2}(?:sicher|in\s+sicherheit)\b",
)
# "Nee, grad nich. Bin allein aufm Hof.": an answer that begins with no (never raised by the
# learned reading; in the danger mode with a look back it is a false alarm).
ANSWERS_NO = compile_folded(r"\s*(?:nein|nee+|nö+|noe|nä+|ne|nope|na(?=\s*,))\b")
UNSURE = compile_folded(r"\b(?:nicht|nich|net|ned)\s+(?:\w+\s+)?sicher\b|\bunsicher\b")
ASKS_WHAT_TO_DO = compile_folded(r"\bwas\s+(?:soll|kann|muss)\s+ich\s+(?:jetzt\s+)?(?:tun|machen)\b")


# --------------------------------------------------------------------------------------------
# Follow-ups while the conversation is in a danger, medical or crisis mode (bot/safety/followup.py)
# --------------------------------------------------------------------------------------------

# "die Polizei ist da", "er ist weg", "ich bin in Sicherheit": the acute phase is over.
# "er ist weg", "er ist abgebogen": good, but the police may not be there yet.
OFFENDER_GONE = any_of(
    r"\b(?:he|dä|de|der\s+\w+|das\s+auto|der\s+wagen|die\s+drei|die\s+zwei|die\s+beiden)\s+(?:ist|is|sind|san|isch)\s+(?:\w+\s+)?(?:weg|fort|abgehauen|weitergefahren|weggefahren|verschwunden)\b",
    r"\b(?:die|sie)\s+(?:fahren|gehen|laufen|rennen|hauen)\s+(?:jetzt\s+)?(?:weg|ab)\b|\bweitergefahren\b",
    r"^\W*(?:\w+\s+)?(?:mann|typ|kerl|auto|wagen|er|sie|die)\s+weg\b",
    r"\b(?:is|ist|isch)\s+(?:\w+\s+)?still\b|\b(?:is|isch)\s+weg\b|\babbogn\b",
    r"\b(?:er|sie|der|die|der\s+typ|der\s+mann|die\s+typen|die\s+leute|die\s+gruppe|alle)\s+(?:ist|sind|is|san)\s+(?:jetzt\s+|wieder\s+|endlich\s+|grad\s+|gerade\s+)?(?:weg|fort|abgehauen|verschwunden|weggefahren|gegangen|weggerannt|abgebogen)\b",
    r"\b(?:er|sie|der)\s+(?:geht|fährt|läuft|rennt)\s+(?:jetzt\s+)?weg\b|\b(?:abgebogen|weggerannt|abgehauen|weggefahren)\b",
    r"\b(?:es\s+ist|is)\s+(?:jetzt\s+)?ruhig\b|\bruhig\s+draußen\b",
)
DANGER_OVER = any_of(
    r"\b(?:polizei|bullen|beamten|beamte|feuerwehr|streife)\s+(?:\w+\s+){0,3}(?:is|ist|isch|sind|san|sin)\s+(?:\w+\s+)?(?:da|do|doa|hier|unten|drin|drinnen|im\s+haus|vor\s+der\s+tür)\b",
    r"^\W*(?:d'|die\s+|de\s+)?(?:polizei|feuerwehr)\s+(?:jetzt\s+|nu\s+|endlich\s+)?(?:da|do|hier)\b",
    r"\bfeuer\s+(?:\w+\s+)?(?:is|ist|isch)\s+(?:jetzt\s+)?(?:aus|gelöscht)\b",
    r"\b(?:polizei|bullen|beamten|beamte|feuerwehr)\s+(?:\w+\s+){0,2}(?:is|ist|sind|san)\s+(?:jetz\s+|jetzt\s+|scho\s+)?(?:do|doa|da)\b",
    r"\b(?:ham|hom|haben|hat)\s+(?:eam|ihn|ihm|sie|den)\s+(?:\w+\s+){0,3}(?:mitgnomma|mitgenommen|erwischt|geschnappt|gschnappt|dawischt|rausgeholt|festgenommen)\b|\b(?:erwischt|geschnappt|gschnappt|dawischt|rausgeholt)\b",
    r"\b(?:spuren\s+gesichert|alles\s+aufgenommen|anzeige\s+aufgenommen)\b|\b(?:beamten|polizei)\s+(?:\w+\s+){0,3}(?:gredt|geredet|gesprochen)\b",
    r"\b(?:bin|ich\s+bin)\s+(?:jetzt\s+)?(?:im|in)\s+(?:krankenhaus|klinik)\b|\bgenäht\b|\bwurde\s+versorgt\b",
    r"\bbin\s+ich\s+(?:\w+\s+)?(?:sicher|in\s+sicherheit)\b|\b(?:is|ist|isch)\s+(?:koiner|keiner|niemand|koaner)\b|\b(?:alles|älles|allet)\s+ruhig\b|\bis\s+nix\s+los\b",
    r"\bentwarnung\b|\bfehlalarm\b|\b(?:es\s+)?war\s+(?:nur|bloß|doch\s+nur)\b|\bnur\s+(?:mein|der|die|ein)\s+(?:nachbar\w*|paketbote|postbote|katze|wind)\b",
    r"\b(?:keine|koa|keene)\s+gefahr\b|\bgefahr\s+ist\s+(?:\w+\s+)?(?:nicht|keine|vorbei)\b|\bnicht\s+(?:mehr\s+)?in\s+gefahr\b",
    r"\bpolizei\s+(?:\w+\s+){0,3}(?:geredet|gesprochen|mitgenommen|festgenommen|war\s+da)\b",
    r"\b(?:rettungswagen|krankenwagen|notarzt|sanitäter|rettungsdienst)\s+(?:\w+\s+){0,2}(?:ist|is|sind|san)\s+(?:jetzt\s+|schon\s+|endlich\s+)?(?:da|hier|vor\s+ort|bei\s+(?:ihm|ihr|mir|uns))\b",
    r"\b(?:polizei|polizisten|beamte|streife|die\s+beamten|die\s+bullen|kollegen\s+von\s+der\s+polizei)\s+(?:\w+\s+){0,2}(?:ist|sind|war|waren|is|san)\s+(?:jetzt\s+|grad\s+|gerade\s+|endlich\s+|schon\s+)?(?:da|hier|eingetroffen|gekommen|angekommen|vor\s+ort|bei\s+mir|drin)\b",
    r"\b(?:er|sie|der|die|der\s+typ|der\s+mann|die\s+typen|die\s+leute)\s+(?:ist|sind|is|san|wurde|wurden)\s+(?:jetzt\s+)?(?:festgenommen|verhaftet|abgeführt|mitgenommen)\b",
    r"\b(?:haben|hat)\s+(?:ihn|sie|den\s+\w+)\s+(?:\w+\s+){0,2}(?:festgenommen|mitgenommen|verhaftet|abgeführt)\b",
    r"\b(?:bin|sind|wir\s+sind)\s+(?:jetzt\s+|wieder\s+|endlich\s+)?(?:in\s+sicherheit|sicher|raus|draußen\s+und\s+sicher)\b",
    r"\b(?:es\s+ist|ist)\s+(?:jetzt\s+|wieder\s+)?(?:vorbei|alles\s+ruhig)\b|\bgefahr\s+ist\s+(?:\w+\s+)?vorbei\b",
    r"\b(?:es\s+geht|gehts|geht's)\s+(?:wieder|schon\s+wieder)\b|\b(?:alles|allet)\s+(?:wieder\s+)?(?:gut|ok|okay|in\s+ordnung)\b",
)
# "ich habe die 110 angerufen", "die Polizei ist unterwegs": waiting for the police.
CALLED_POLICE = any_of(
    r"\b(?:polizei|110|notruf|feuerwehr)\s+(?:ist|is|isch|wurde|wird)\s+(?:\w+\s+)?(?:informiert|verständigt|alarmiert|benachrichtigt|angerufen|gerufen)\b",
    r"\b(?:hab|habe|hob|hat|haben|ham)\s+(?:\w+\s+){0,3}(?:110|\w*polizei|notruf)\s+(?:\w+\s+)?(?:gwählt|grufa|gruafa|informiert|verständigt|alarmiert)\b",
    r"\b\w*polizei\s+(?:\w+\s+){0,2}(?:is|san)\s+unterwegs\b|\bpolizei\s+(?:\w+\s+)?(?:steigt|kommt)\s+zu\b|\b(?:schon\s+)?dran\s+gewesen\b",
    r"\b(?:die|sie|de)\s+(?:kommen|kemman|kumma|san\s+unterwegs|sind\s+unterwegs|schicken\s+(?:wen|jemanden|eine\s+streife))\b",
    r"\b(?:hab|habe|hob|hab's|ham|haben)\s+(?:\w+\s+){0,2}(?:angerufen|anjerufen|ogruafa|ogruafn|angrufa|angerufe|angrufen)\b|\bnotruf\s+(?:\w+\s+)?abgesetzt\b",
    r"^\s*(?:ok\w*|gut|ja|jo)?[\s,.]*(?:die|sie)\s+(?:kommen|sind\s+unterwegs|san\s+unterwegs)\b",
    r"\b(?:polizei|streife)\s+(?:\w+\s+){0,2}(?:ist|is|sind)\s+(?:\w+\s+)?(?:im\s+gebäude|unten|im\s+haus|im\s+treppenhaus|auf\s+dem\s+weg|gleich\s+da|fast\s+da)\b",
    r"\b(?:die|nachbar\w*|jemand|mein\s+mann|meine\s+frau)\s+(?:\w+\s+)?ruft\s+(?:\w+\s+)?(?:110|die\s+polizei)\b",
    r"\b(?:hab|habe|hat|haben|hob)\s+(?:\w+\s+){0,3}(?:110|polizei|notruf|die\s+bullen)\s+(?:\w+\s+)?(?:angerufen|gerufen|gewählt|verständigt|alarmiert|informiert|erreicht)\b",
    r"\b(?:110|polizei|notruf)\s+(?:\w+\s+){0,2}(?:angerufen|gerufen|gewählt|verständigt|alarmiert)\b",
    r"\b(?:polizei|streife|die\s+beamten)\s+(?:\w+\s+){0,2}(?:ist\s+unterwegs|kommt|ist\s+auf\s+dem\s+weg|kommen|sind\s+unterwegs)\b",
    r"\bbis\s+(?:die|sie|die\s+polizei|die\s+beamten|jemand)\s+(?:\w+\s+){0,2}(?:da\s+(?:ist|sind)|kommt|kommen|eintrifft|ankommt|hier\s+(?:ist|sind))\b",
    r"\b(?:bin|ich\s+bin)\s+(?:\w+\s+){0,2}(?:am\s+telefon\s+mit|in\s+der\s+leitung\s+mit)\s+(?:der\s+)?(?:polizei|110)\b",
)
# "Soll ich die Polizei rufen oder übertreibe ich?"
ASK_CALL_POLICE = any_of(
    r"^\W*(?:(?:ok\w*|ja|jo|gut|na\s+gut)[\s,.!]*)*(?:ich|i|ick)\s+(?:ruf|rufe|ruaf)\s+(?:ja\s+|jetzt\s+|jetz\s+|gleich\s+|dann\s+)*(?:an|110|die\s+polizei\s+an)\b",
    r"\bzu\s+empfindlich\b|\blächerlich\b|\bblamier\w*\b|\btheater\s+mach\w*\b|\bkeen\s+theater\b",
    r"\bpolizei\s+(?:\w+\s+){0,4}(?:hetzen|holen\s+wegen)\b|\bwegen\s+so\s+(?:was|nem|einem|etwas)\b",
    r"\b(?:nur|bloß|vllt\s+nur|vielleicht\s+nur)\s+(?:\w+\s+)?(?:angst\s+machen|quatschen|reden|erschrecken)\b",
    r"\bist\s+das\s+(?:schon\s+)?(?:ein\s+)?notfall\b|\bübertrieb\w*\b|\bübertriebn\b",
    r"\b(?:polizei|110)\s+(?:\w+\s+){0,2}(?:nerven|belästigen|stören)\b|\bpolizei\s+(?:\w+\s+){0,2}kennt\s+(?:ihn|den|sie)\b|\bparano\w*\b",
    r"\b(?:soll|sollt|muss)\s+(?:i|ich)\s+(?:\w+\s+){0,2}(?:d'polizei|polizei|110)\s+(?:\w+\s+)?(?:ruafa|rufe|rufa|anrufa)\b",
    r"\b(?:soll|sollte|muss|darf|kann)\s+(?:ich|i|man)\s+(?:\w+\s+){0,3}(?:polizei|110|notruf|die\s+bullen)\s+(?:\w+\s+)?(?:rufen|anrufen|holen|wählen|verständigen|alarmieren|informieren)\b",
    r"\b(?:polizei|110|notruf)\s+(?:\w+\s+){0,2}(?:rufen|anrufen|holen|wählen)\s*\?",
    r"\bübertreib\w*\b|\büberreagier\w*\b|\bzu\s+viel\s+(?:wirbel|aufhebens)\b|\bnicht\s+so\s+schlimm\b",
    r"\b(?:ist\s+das|wäre\s+das|is\s+des)\s+(?:\w+\s+){0,2}(?:ein\s+)?(?:fall|grund)\s+(?:für\s+(?:die\s+)?(?:polizei|110|den\s+notruf))\b",
    r"\blohnt\s+(?:es\s+)?sich\s+(?:\w+\s+){0,3}(?:110|polizei|notruf)\b",
)
# "Er hält gerade sein Handy hoch", "er ist jetzt am Briefkasten": the person is still at it.
OFFENDER_ACTIVE = any_of(
    r"\b(?:er|sie|der|die|einer|eener|oana|typ|mann|kerl|die\s+typen)\s+(?:\w+\s+){0,4}(?:gerade|grad|jetzt|jetz|immer\s+noch|noch\s+immer|wieder)\b",
    r"\b(?:gerade|grad|jetzt)\s+(?:\w+\s+){0,2}(?:er|sie|der|die|einer)\s+(?:\w+\s+)?(?:an|am|vor|bei|durch|gegen|auf)\b",
    r"\b(?:hör|höre|seh|sehe)\s+(?:\w+\s+){0,3}(?:ihn|sie|sei|sein|seine|schritte|stimmen|auto)\b",
)
# "Soll ich rausgehen / ihn ansprechen / aufmachen?"
CONFRONT = any_of(
    r"\b(?:soll|sollte|soi|sollen|solln)\s+(?:ich|i|ick|wir|mer)\s+(?:\w+\s+){0,5}(?:rausschauen|rausgucken|nachschauen|nachsehen|aufmacha|aufmachen|runter|zur\s+rede\s+stellen|licht\s+anmachen)\b",
    r"\bich\s+soll\s+(?:\w+\s+)?(?:aufmachen|öffnen|rauskommen|runterkommen)\b|\b(?:hin|rüber)\s+und\s+helfen\b",
    r"\b(?:soll|sollte)\s+(?:ich|i)\s+(?:\w+\s+){0,4}(?:sagen|rufen|schreien|brüllen)\b[\s,]+(?:\w+[\s,]+){0,4}(?:abhauen|verschwinden|gehen|weg)\b",
    r"\b(?:soll|sollte)\s+(?:ich|i)\s+(?:\w+\s+){0,4}(?:aufschließen|aufsperren)\b",
    r"\b(?:soll|sollte|kann|darf)\s+(?:ich|i)\s+(?:\w+\s+){0,3}(?:rausgehen|raus|hinausgehen|aufmachen|öffnen|nachschauen|nachsehen|ansprechen|zur\s+rede\s+stellen|konfrontieren|runtergehen|rübergehen|hingehen)\b",
    r"\b(?:soll|sollte)\s+(?:ich|i)\s+(?:\w+\s+){0,3}(?:tür|fenster)\s+(?:\w+\s+)?(?:aufmachen|öffnen)\b",
)
# "Sollen wir einpacken oder bleiben?", "soll ich heimfahren?": whether to leave, and how.
LEAVE = any_of(
    r"\b(?:solln|sollen|soll|sollte)\s+(?:mer|wir|ich|i)\s+(?:\w+\s+){0,3}(?:gehen|abbrechen|einpacken|abbaun|abbauen|weg|raus|bleiben|bleibm|abhauen|wegfahren|weiterfahren)\b",
    r"\b(?:soll|sollte)\s+(?:i|ich)\s+(?:\w+\s+)?(?:hoamfahrn|heimfahren|heimfahrn|nach\s+hause\s+fahren|heimgehen|nach\s+hause\s+gehen)\b",
)
# "soll ich selbst löschen?" – fire: out, 112, no risk.
FIRE_SELF = any_of(
    r"\b(?:selber|selbst)\s+(?:\w+\s+)?löschen\b|\blöschen\s+(?:\w+\s+)?(?:selber|selbst)\b|\bgartenschlauch\b|\bfeuerlöscher\b"
)
# "ich kann nicht telefonieren, er hört mich"
CANNOT_TALK = any_of(
    r"\b(?:kann|konn)\s+(?:\w+\s+)?(?:nicht|nich|ned)\s+(?:telefonieren|sprechen|reden|anrufen)\b|\bhört\s+mich\b"
)
# "ich bin allein", "ich habe solche Angst", "was soll ich jetzt machen?"
ALONE_AFRAID = any_of(
    r"\b(?:bin|ich\s+bin|san|sind)\s+(?:\w+\s+){0,2}(?:allein|alleine|alloa|allää)\b",
    r"\b(?:angst|schiss|panik|zittere|zitter|heule|weine)\b",
    r"\bwas\s+(?:soll|kann|muss)\s+(?:ich|i|wir)\s+(?:\w+\s+){0,2}(?:tun|machen)\b",
)
# Medical mode: the ambulance is there, or the writer has called 112 and waits.
MEDICAL_OVER = any_of(
    r"\b(?:rettungswagen|krankenwagen|notarzt|notärztin|sanitäter|rettungsdienst|die\s+retter)\s+(?:\w+\s+){0,2}(?:ist|sind|war|waren)\s+(?:jetzt\s+|schon\s+|endlich\s+)?(?:da|hier|eingetroffen|gekommen|vor\s+ort)\b",
    r"\b(?:ist|sind)\s+(?:\w+\s+){0,2}(?:im\s+krankenhaus|in\s+der\s+klinik|versorgt)\b",
    r"\b(?:es\s+geht|gehts|geht's)\s+(?:ihm|ihr|mir)\s+(?:\w+\s+)?(?:wieder\s+)?(?:besser|gut)\b",
)
CALLED_AMBULANCE = any_of(
    r"\bruft\s+(?:\w+\s+){0,2}(?:112|krankenwagen|rettungswagen|notarzt|rettungsdienst|sanka)\b",
    r"\b(?:hab|habe|hat|haben)\s+(?:\w+\s+){0,3}(?:112|rettungsdienst|krankenwagen|rettungswagen|notarzt|feuerwehr)\s+(?:\w+\s+)?(?:angerufen|gerufen|gewählt|verständigt|alarmiert)\b",
    r"\b(?:112|krankenwagen|rettungswagen|notarzt|feuerwehr)\s+(?:\w+\s+){0,2}(?:ist\s+unterwegs|kommt|ist\s+auf\s+dem\s+weg|angerufen|gerufen)\b",
    r"\bbis\s+(?:der|die|das|sie|er|jemand)\s+(?:\w+\s+){0,2}(?:da\s+(?:ist|sind)|kommt|kommen|eintrifft)\b",
)
# Crisis mode: the person feels better, or says they are safe.
CRISIS_BETTER = any_of(
    r"\b(?:sie|er|die|de|mei\w*|notarzt|notärztin|hausarzt|rettung\w*|feuerwehr|freundin|freund|nachbar\w*|tochter|sohn|frau|mann)\s+(?:\w+\s+){0,2}(?:kommt|kummt|kimmt|kommen)\s+(?:\w+\s+)?(?:rüber|vorbei|her|mich\s+holen|gleich)\b",
    r"\b(?:notarzt|notärztin|hausarzt|rettung\w*|feuerwehr|sie|er)\s+(?:is|ist|isch|san|sind|sin)\s+(?:jetzt\s+|jetz\s+|nu\s+)?(?:da|do|hier)\b",
    r"\b(?:morgen|morn|morgn)\s+(?:\w+\s+){0,2}(?:ruf|rufe|lüt|telefonier\w*)\s+(?:\w+\s+){0,3}(?:hausärztin|hausarzt|ärztin|arzt|therapeut\w*|telefonseelsorge|hilfetelefon|beratung\w*)\b",
    r"\b(?:krieg|kriege|krie|bekomme|hab)\s+(?:\w+\s+){0,2}besser\s+luft\b|\bgeh\s+(?:jetzt\s+)?schlafen\b",
    r"\bg(?:e|o)h?t'?s?\s+(?:\w+\s+){0,3}besser\b",
    r"\b(?:es\s+)?(?:ist|is|isch|wird)\s+(?:\w+\s+){0,2}besser\b",
    r"\bdanke\w*\s*,?\s+(?:\w+\s+){0,2}(?:dass\s+du\s+da\s+warst|dass\s+sie\s+da\s+waren|fürs\s+zuhör\w*|für\s+das\s+gespräch|fürs\s+da\s+sein)\b",
    r"\bgeht'?s\s+(?:\w+\s+){0,4}besser\b|\bfühl\w*\s+mich\s+(?:\w+\s+){0,2}besser\b|\bgeiht\s+beter\b",
    r"\bgeht\s+(?:\w+\s+)?(?:etwas|ein\s+bisschen|ein\s+bissl|schon|wieder)\s+besser\b|\bwird\s+(?:\w+\s+)?(?:langsam\s+|schon\s+)?besser\b|\b(?:goot|gut)\s+(?:daan|getan)\b",
    r"\b(?:es\s+geht|gehts|geht's|geht\s+es)\s+(?:mir\s+)?(?:\w+\s+)?(?:wieder|schon\s+besser|besser|etwas\s+besser|ein\s+bisschen\s+besser)\b",
    r"\bmir\s+geht\s+(?:es|s)?\s*(?:\w+\s+)?(?:wieder\s+)?(?:besser|gut|okay|ok)\b",
    r"\b(?:das\s+hat|hat)\s+(?:\w+\s+)?(?:geholfen|gut\s+getan|gutgetan)\b|\b(?:hilft|tut)\s+(?:mir\s+)?(?:\w+\s+)?(?:gut|schon)\b",
    r"\b(?:ich\s+)?(?:komm|komme)\s+(?:\w+\s+)?(?:klar|zurecht)\b|\bbin\s+(?:wieder\s+)?(?:okay|ok|stabil)\b",
    r"\b(?:ruf|rufe)\s+(?:\w+\s+){0,2}(?:telefonseelsorge|meine\s+\w+|meinen\s+\w+|jemanden|eine\s+freundin|einen\s+freund)\s+(?:\w+\s+)?an\b",
)
# "kann man da auch chatten?" – the TelefonSeelsorge's chat and mail.
CHAT_QUESTION = any_of(r"\b(?:chatten|chat|schreiben\s+statt|mail|e-mail|whatsapp)\b")
# "Wie meinst du das, ob ich sicher bin?"
SAFE_QUESTION = any_of(
    r"\bwie\s+(?:\w+\s+){0,2}(?:meinst|meinen)\s+(?:\w+\s+){0,3}(?:sicher|sicherheit)\b|\bwas\s+heißt\s+(?:\w+\s+)?sicher\b"
)
SAFE_YES = any_of(
    r"^\s*(?:ja|jo|jap|jawohl|ja\s+ja|ja,?\s+bin\s+ich|ja\s+ich\s+bin|genau)\b",
    r"\b(?:bin|ich\s+bin)\s+(?:\w+\s+){0,2}(?:sicher|in\s+sicherheit|nicht\s+allein|bei\s+\w+|zu\s+hause\s+bei)\b",
    r"\b(?:ich\s+)?(?:tu|tue|werde)\s+mir\s+(?:\w+\s+)?nichts\b",
)
# "nein, ich will mir nichts antun", "keine Sorge, ich tu mir nichts": no thoughts of self-harm.
NO_SELF_HARM = any_of(
    r"\bkeine\s+(?:dunklen|schlimmen|solchen|komischen)\s+gedanken\b|\b(?:will|möchte)\s+(?:\w+\s+){0,2}nicht\s+tot\s+sein\b",
    r"\b(?:nicht|net|ned|nich)\s+(?:in\s+gefahr|gefährlich|gefährdet)\b(?=.*\b(?:müde|gestresst|erschöpft|durch|fertig|kaputt|platt|ausgelaugt|stress\w*)\b)",
    r"\bkeine\s+gefahr\b(?=.*\b(?:müde|gestresst|erschöpft|durch|fertig|kaputt|platt|ausgelaugt)\b)",
    r"\b(?:will|werde|möchte|tu|tue|würde)\s+(?:\w+\s+){0,2}mir\s+(?:\w+\s+)?(?:nichts|nix|nicht[s]?\s+(?:an)?tun)\b",
    r"\bmir\s+(?:\w+\s+)?(?:nichts|nix)\s+an(?:tun|zutun)\b",
    r"\b(?:nicht|kein)\s+(?:\w+\s+)?(?:suizidal|lebensmüde|selbstmordgefährdet)\b",
    r"\b(?:will|möchte)\s+(?:\w+\s+){0,2}(?:nicht|net)\s+sterben\b",
    r"\bkeine\s+(?:sorge|angst)\s*,?\s+(?:ich\s+)?(?:tu|tue|mach|mache)\b",
    r"\b(?:hab|habe|heff|hob)\s+(?:\w+\s+)?(?:nix|nichts|nischt)\s+(?:vor|vör|vür)\b",
    r"\bnicht\s+so\s+schlecht\s*,?\s+dass\s+ich\b|\b(?:selbstmord|suizid\w*)\s+ist\s+kein\s+thema\b|\bkeine\s+(?:selbstmord|suizid)\w*gedanken\b",
    r"\b(?:tu|tue|tua|mach|mache)\s+(?:mir|ma)\s+(?:nix|nichts|nischt|nüscht)\b|\bspring\w*\s+nirgendwo\b|\bkoin\s+scheiß\b|\bnicht\s+suizidal\b",
)
