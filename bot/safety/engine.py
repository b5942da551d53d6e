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

from bot.safety.patterns import (
    ACUTE_TRIGGERS,
    ASKS_WHAT_TO_DO,
    ATTACKED,
    CLAUSE_SPLIT,
    CRISIS_FRAMING,
    DANGER_NEGATION,
    DISTRESS_TRIGGERS,
    FIGURATIVE,
    FRAMING,
    HABIT,
    HYPOTHETICAL,
    LONG_AGO,
    MEDICAL_TRIGGERS,
    NEGATION,
    NEGATION_WINDOW_BEFORE,
    NO_OWN_NEGATION,
    NO_SELF_HARM,
    NO_WORD,
    OWN_NEGATION,
    PAIN_TRIGGERS,
    PAST_TIME,
    PAST_VERB,
    PLAIN_NO,
    POSITIVE,
    PRESENT,
    QUESTION_START,
    QUOTED,
    QUOTED_PLEA,
    REPORT,
    SAFE,
    SAFE_STATEMENT,
    SAYING_END,
    SELF_HARM_NOW,
    SELF_HARM_PAIRS,
    SENTENCE,
    SUBORDINATE_START,
    UNSURE,
    VIOLENCE_TRIGGERS,
    WORD,
    Trigger,
)
from bot.text import fold

Level = Literal["acute", "distress", "violence", "pain", "none"]
# What the reply is for: danger from others or a medical emergency (acute), thoughts of
# self-harm (now: with a plan or means at hand), other distress, disclosed violence, pain.
Kind = Literal[
    "danger", "medical", "self_harm_now", "self_harm", "distress", "reassured", "violence", "pain", "safe", ""
]


def _clauses(sentence: str) -> list[str]:
    """Split a sentence into clauses; after a comma, a "dass"/"ob" clause and what follows a
    verb of saying stay with the clause before ("keine Angst, dass jemand einbricht")."""
    parts: list[str] = []
    pieces = CLAUSE_SPLIT.split(sentence)
    separators = [m.group(0) for m in CLAUSE_SPLIT.finditer(sentence)]
    for index, part in enumerate(pieces):
        after_comma = index > 0 and separators[index - 1] == ","
        if after_comma and (SUBORDINATE_START.search(part) or SAYING_END.search(parts[-1])):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return parts


@dataclass(frozen=True)
class SafetyAssessment:
    """Outcome of :func:`assess` for one message.

    Attributes:
        level: ``acute`` (force the emergency reply), ``distress`` (force crisis support),
            ``violence`` (disclosed sexual or domestic violence: support and help lines),
            ``pain`` (a health complaint without danger) or ``none``.
        kind: what the reply is for (see ``Kind``); ``danger`` vs ``medical`` decides 110 or
            112 first, ``self_harm_now`` puts 112 before the TelefonSeelsorge.
        topics: further signals the reply should serve, e.g. ``sexual_violence`` beside an
            acute danger ("mein Mann schlägt mich gerade") for the help line.
        reasons: names of the trigger groups that fired (e.g. ``weapon``, ``fire``); never
            message text, so it may be logged and stored.
        suppressed: trigger groups that matched but were judged non-acute (negated, past,
            hypothetical, reported). Used to overrule a classifier's false ``emergency``.
        calm: no present-time marker, and the message is a question, looks back, is
            hypothetical, is framed as news/law/training, or says the writer is safe. Also
            used to overrule a classifier's ``emergency`` when no danger word fired.
        learned: where the learned reading (bot/safety/learned.py) raised the level, its
            confidence; 0 where the patterns decided.
    """

    level: Level
    reasons: tuple[str, ...] = field(default_factory=tuple)
    suppressed: tuple[str, ...] = field(default_factory=tuple)
    calm: bool = False
    kind: Kind = ""
    topics: tuple[str, ...] = field(default_factory=tuple)
    learned: float = 0.0

    @property
    def is_acute(self) -> bool:
        """True when the message signals danger happening now."""
        return self.level == "acute"


def normalise(text: str) -> str:
    """Lower-case, fold umlauts and ß, drop quoted speech, squeeze white space."""
    folded = fold(text)
    without_quotes = QUOTED.sub(" ", folded)
    return re.sub(r"[ \t]+", " ", without_quotes).strip()


def _negated(clause: str, match: re.Match[str], inherent: re.Pattern[str]) -> bool:
    before = WORD.findall(clause[: match.start()])[-NEGATION_WINDOW_BEFORE:]
    after = WORD.findall(clause[match.end() :])[:1]
    inside = inherent.sub(" ", match.group(0))
    # "lassen mich nicht weg" carries its own "nicht": that is the danger, not a negation.
    return bool(NEGATION.search(inside)) or any(NEGATION.fullmatch(w) for w in before + after)


def _scan(text: str, triggers: Iterable[Trigger]) -> tuple[list[str], list[str]]:
    """Return (fired, suppressed) trigger group names for the normalised ``text``.

    Danger scope: negation, tense, habit, reported speech, hypotheticals, questions and
    media/legal framing all count (crisis talk is scoped by :func:`_scan_talk`).
    """
    fired: list[str] = []
    suppressed: list[str] = []
    framed = bool(FRAMING.search(text))
    for raw in SENTENCE.findall(text):
        sentence = raw.rstrip(".!?;\n ")
        if not sentence.strip():
            continue
        question = raw.rstrip().endswith("?") and bool(QUESTION_START.search(sentence))
        # Hypothetical framing covers what follows it: "was mache ich, wenn einer ..." but
        # not "er sticht mich ab, wenn ich aussteige".
        hypothetical_from = min((m.start() for m in HYPOTHETICAL.finditer(sentence)), default=len(sentence) + 1)
        offset = 0
        for clause in _clauses(sentence):
            clause_start = sentence.find(clause.strip(), offset)
            offset = max(offset, clause_start)
            if not clause.strip():
                continue
            if FIGURATIVE.search(clause):
                suppressed.append("figurative")
                continue
            long_ago = bool(LONG_AGO.search(clause))
            present = bool(PRESENT.search(clause)) and not long_ago
            past_time = bool(PAST_TIME.search(clause))
            past_verb = bool(PAST_VERB.search(clause))
            habitual = bool(HABIT.search(clause))
            reported = bool(REPORT.search(clause))
            for name, strength, patterns in triggers:
                for pattern, match in ((p, m) for p in patterns for m in p.finditer(clause)):
                    # A pattern written with its own negation ("kann ... nicht mehr sprechen")
                    # keeps it; other negations next to a trigger negate it.
                    inherent = OWN_NEGATION if _own_negation(pattern) else DANGER_NEGATION
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
                        if reported and not (framed or question or hypothetical):
                            suppressed.append(REPORTED)
                    else:
                        fired.append(name)
    return fired, suppressed


def _calm(text: str) -> bool:
    """Non-acute context without any sign of "now" (see SafetyAssessment.calm)."""
    if PRESENT.search(text) and not SAFE.search(text):
        return False
    return _calm_context(text)


def looks_back(text: str) -> bool:
    """A question, a look back, a report, a hypothetical or a statement of safety – even with a
    "jetzt" in it ("Vor zwei Jahren hatte ich einen Stalker. Jetzt kandidiere ich wieder ...").

    The safety net demotes a classifier emergency in such a message when no danger word fired;
    the answer still begins with the 110 hint.
    """
    return _calm_context(normalise(text))


def _calm_context(text: str) -> bool:
    safe = bool(SAFE.search(text))
    for raw in SENTENCE.findall(text):
        sentence = raw.rstrip(".!?;\n ")
        if raw.rstrip().endswith("?") and QUESTION_START.search(sentence) and not ASKS_WHAT_TO_DO.search(sentence):
            return True
    return safe or any(p.search(text) for p in (PAST_TIME, HABIT, HYPOTHETICAL, FRAMING, LONG_AGO, REPORT))


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


# Acute groups that a message of self-harm explains by itself (no attacker in them); a weapon
# only when nobody else is named ("ich sitz hier mit dem Messer" vs. "er steht mit einem Messer").
SELF_HARM_CAN_EXPLAIN = frozenset({"explicit", "injury"})
OTHER_PERSON = re.compile(r"\b(?:er|der|einer|jemand|typ|kerl|mann|männer|leute|die|sie|oana|oiner)\b")
# Marks a danger word that was suppressed because it was reported ("im Brief steht ...").
REPORTED = "reported"
_FIRST_PERSON = re.compile(r"\b(?:ich|i|mir|mich|mi|ma|mein\w*|uns|wir)\b")


def _scan_talk(text: str, triggers: Iterable[Trigger], *, disclosure: bool) -> tuple[list[str], list[str]]:
    """Scope crisis talk and disclosures (tense does not matter: "seit Wochen", "vor zwei Jahren").

    Patterns match a whole sentence (crisis talk runs over commas: "es wäre für alle einfacher,
    wenn ich nicht mehr da wär"). A negation suppresses a trigger unless the pattern was written
    with it ("keine Kraft mehr"); figurative speech and statistics/training/fiction framing
    suppress it too. Other distress (not self-harm) in a general question ("Was hilft gegen
    Panikattacken?") is a question, not a crisis. Disclosures (violence, pain) are also
    suppressed by questions and hypotheticals ("Ist Vergewaltigung ein Offizialdelikt?").
    """
    fired: list[str] = []
    suppressed: list[str] = []
    framed = bool(CRISIS_FRAMING.search(text))
    for raw in SENTENCE.findall(text):
        sentence = raw.rstrip(".!?;\n ")
        if not sentence.strip():
            continue
        if FIGURATIVE.search(sentence):
            suppressed.append("figurative")
            continue
        question = raw.rstrip().endswith("?") and bool(QUESTION_START.search(sentence))
        hypothetical = bool(HYPOTHETICAL.search(sentence))
        general_question = question and not _FIRST_PERSON.search(sentence)
        for name, _strength, patterns in triggers:
            for pattern in patterns:
                own = OWN_NEGATION if _own_negation(pattern) else NO_OWN_NEGATION
                for match in pattern.finditer(sentence):
                    if (
                        _negated(sentence, match, own)
                        or framed
                        or (name == "distress" and general_question)
                        or (disclosure and (question or hypothetical))
                    ):
                        suppressed.append(name)
                    else:
                        fired.append(name)
    return fired, suppressed


def _own_negation(pattern: re.Pattern[str]) -> bool:
    """Whether the pattern itself was written with a negation word ("nicht mehr leben")."""
    return bool(NEGATION.search(re.sub(r"\\.", " ", pattern.pattern)))


def _implicit_self_harm(text: str) -> bool:
    """Implicit self-harm spread over a message ("verschenkt ... brauch ich bald nicht mehr")."""
    return not CRISIS_FRAMING.search(text) and any(a.search(text) and b.search(text) for a, b in SELF_HARM_PAIRS)


def says_safe(text: str) -> bool:
    """Whether the writer says they are not in danger ("keine Gefahr", "bin in Sicherheit") –
    not hedging ("ich bin mir nicht sicher, ob er noch draußen ist")."""
    norm = normalise(text)
    return bool(SAFE.search(norm)) and not UNSURE.search(norm)


def is_positive(text: str) -> bool:
    """Whether a message ends on a good note ("... aber die Vorlage ist durch 😄")."""
    return bool(POSITIVE.search(normalise(text)))


def is_plain_no(text: str) -> bool:
    """Whether ``text`` is only a form of "no" ("nee grad nich", "nicht mehr", "zum Glück nicht")."""
    norm = normalise(text)
    return bool(norm) and bool(PLAIN_NO.fullmatch(norm)) and bool(NO_WORD.search(norm))


def assess(text: str) -> SafetyAssessment:
    """Classify ``text``: acute danger, medical emergency, self-harm, distress, violence, pain.

    Order of precedence: danger from others (110 first), a medical emergency (112 first),
    thoughts of self-harm (TelefonSeelsorge first, 112 when acute), disclosed violence (help
    lines), other distress (TelefonSeelsorge), a health complaint (a note on 116 117).
    """
    norm = normalise(text)
    if not norm:
        return SafetyAssessment("none")
    acute, acute_suppressed = _scan(norm, ACUTE_TRIGGERS)
    # Danger words inside quoted speech are reported, not happening: suppressed. A quoted plea
    # for help passed on just now ("hat mir eben geschrieben 'ruf wen'") is an emergency.
    for quote in QUOTED.findall(fold(text)):
        if QUOTED_PLEA.search(quote) and PRESENT.search(norm):
            acute.append("explicit")
            continue
        quoted = [name for name, _, patterns in ACUTE_TRIGGERS if any(p.search(quote) for p in patterns)]
        acute_suppressed.extend([*quoted, REPORTED] if quoted else [])
    violence, violence_suppressed = _scan_talk(norm, VIOLENCE_TRIGGERS, disclosure=True)
    topics = _unique(violence)
    if acute and topics and set(acute) <= {"attack", "injury"} and not PRESENT.search(norm):
        # "Mein Mann schlägt mich. Schon lange.": a disclosure of violence; the reply names 110
        # for danger now, and the help lines.
        return SafetyAssessment("violence", topics, _unique(acute_suppressed), kind="violence", topics=topics)
    alone = not OTHER_PERSON.search(norm)
    if acute and (set(acute) <= SELF_HARM_CAN_EXPLAIN or (alone and set(acute) <= {*SELF_HARM_CAN_EXPLAIN, "weapon"})):
        talk, _ = _scan_talk(norm, DISTRESS_TRIGGERS, disclosure=False)
        if "self_harm" in talk or _implicit_self_harm(norm):
            # "Ich steh auf der Brücke", "sitz hier mit dem Messer und will mich ritzen": the danger
            # is to oneself. 112 first, the TelefonSeelsorge, never "lock yourself in".
            return SafetyAssessment(
                "distress", ("self_harm",), _unique(acute_suppressed), kind="self_harm_now", topics=topics
            )
    medical, medical_suppressed = _scan(norm, MEDICAL_TRIGGERS)
    # An injury without an attacker ("er ist bewusstlos") is a medical emergency: 112 first;
    # after an attack ("gestochen, blute stark") it stays danger: 110 and 112.
    attacked = bool({"attack", "weapon"} & set(acute_suppressed)) or bool(ATTACKED.search(norm))
    if acute and not (medical and set(acute) <= {"injury"} and not attacked):
        return SafetyAssessment("acute", _unique(acute), _unique(acute_suppressed), kind="danger", topics=topics)
    if medical:
        return SafetyAssessment(
            "acute",
            _unique(medical),
            _unique(acute_suppressed),
            kind="danger" if attacked else "medical",
            topics=topics,
        )
    distress, distress_suppressed = _scan_talk(norm, DISTRESS_TRIGGERS, disclosure=False)
    if _implicit_self_harm(norm):
        distress.append("self_harm")
    suppressed = _unique(acute_suppressed + medical_suppressed + distress_suppressed + violence_suppressed)
    if NO_SELF_HARM.search(norm):
        # "Nein, ich will mir nichts antun, ich bin nur müde": warm words, no alarm.
        return SafetyAssessment("distress", ("reassured",), _unique((*suppressed, "self_harm")), kind="reassured")
    if "self_harm" in distress:
        now = bool(SELF_HARM_NOW.search(norm))
        return SafetyAssessment(
            "distress", _unique(distress), suppressed, kind="self_harm_now" if now else "self_harm", topics=topics
        )
    if violence:
        return SafetyAssessment("violence", topics, suppressed, kind="violence", topics=topics)
    if distress:
        return SafetyAssessment("distress", _unique(distress), suppressed, kind="distress")
    pain, pain_suppressed = _scan_talk(norm, PAIN_TRIGGERS, disclosure=True)
    if pain:
        return SafetyAssessment("pain", _unique(pain), suppressed, calm=True, kind="pain")
    suppressed = _unique(suppressed + tuple(pain_suppressed))
    if SAFE_STATEMENT.search(norm) and not UNSURE.search(norm):
        # "Keine Gefahr gerade, ist schon vorbei": the writer says they are safe.
        return SafetyAssessment("none", (), suppressed, calm=True, kind="safe")
    return SafetyAssessment("none", (), suppressed, _calm(norm))
