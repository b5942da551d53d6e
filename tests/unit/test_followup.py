"""Replies in the danger, medical and crisis modes (bot.safety.followup), without Rasa."""

from __future__ import annotations

import pytest

from bot.domain import load_domain
from bot.safety import assess
from bot.safety.followup import CRISIS, DANGER, END, MEDICAL, crisis_reply, emergency_reply, followup


def test_every_reply_name_is_a_domain_response() -> None:
    responses = load_domain()["responses"]
    replies = [
        emergency_reply(assess("er steht mit einem Messer vor der Tür")),
        emergency_reply(assess("Ich habe einen Herzinfarkt")),
        crisis_reply(assess("Ich will mich umbringen")),
        crisis_reply(assess("ich hab alle tabletten geschluckt und will sterben")),
        crisis_reply(assess("Ich wurde vergewaltigt")),
        crisis_reply(assess("Ich bin depressiv")),
    ]
    texts = [
        "soll ich die polizei rufen?",
        "hab 110 angerufen",
        "ich bin allein",
        "soll ich rausgehen?",
        "die polizei ist da",
        "danke",
        "hä",
        "nein ich will mir nichts antun",
        "es geht wieder",
        "ich will nicht mehr leben",
        "der rettungswagen ist da",
    ]
    for mode in (DANGER, MEDICAL, CRISIS):
        replies += [followup(mode, t, "") for t in texts]
    for reply in replies:
        for name in reply.responses:
            assert name in responses, name


def test_entry_replies_put_the_right_number_first() -> None:
    assert emergency_reply(assess("einer tritt gerade meine tür ein")).responses[0] == "utter_emergency"
    assert emergency_reply(assess("Ich habe einen Herzinfarkt")).responses[0] == "utter_medical_emergency"
    assert crisis_reply(assess("Ich will mich umbringen")).responses[0] == "utter_self_harm"
    assert crisis_reply(assess("ich hab alle tabletten geschluckt")).responses[0] == "utter_self_harm_now"
    assert crisis_reply(assess("Ich wurde vergewaltigt")).responses[0] == "utter_violence_support"


def test_self_harm_reply_never_sends_police_advice() -> None:
    responses = load_domain()["responses"]
    for text in ("Ich will mich umbringen", "ich hab alle tabletten geschluckt", "Ich bin allen nur eine Last"):
        for name in crisis_reply(assess(text)).responses:
            body = str(responses[name][-1]["text"])
            assert "Polizei" not in body and "110" not in body and "schließen Sie sich ein" not in body, name


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("soll ich die polizei rufen oder übertreibe ich?", "utter_danger_call_police"),
        ("Ich habe die 110 angerufen. Was soll ich machen, bis die da sind?", "utter_danger_wait"),
        ("soll ich rausgehen und mit ihm reden?", "utter_danger_stay_inside"),
        ("ich bin allein und hab solche angst", "utter_danger_calm"),
        ("er ist weg", "utter_danger_gone"),
        ("Entwarnung, es war nur der Nachbar", "utter_danger_over"),
        ("ok hab anjerufen, die kommen", "utter_danger_wait"),
        ("soll ich selber löschen? hab nen gartenschlauch", "utter_danger_fire"),
        ("sollen wir den stand einpacken oder bleiben?", "utter_danger_leave"),
        ("ich kann nicht telefonieren, der hört mich", "utter_danger_silent"),
        ("er redet ganz lieb durch die tür, ich soll aufmachen", "utter_danger_stay_inside"),
        ("Die Polizei ist jetzt da", "utter_danger_over"),
        ("jetzt tritt er gegen die tür", "utter_danger_still"),
    ],
)
def test_danger_mode_answers_the_follow_up(text: str, response: str) -> None:
    assert followup(DANGER, text, "").responses[0] == response


def test_the_end_of_danger_ends_the_mode_and_waiting_keeps_it() -> None:
    assert followup(DANGER, "die polizei ist da", "").mode == END
    assert followup(DANGER, "hab 110 angerufen", "").mode == DANGER
    # He has gone, but the police are not there yet: stay where it is safe.
    assert followup(DANGER, "er ist abgehauen, die polizei is aber noch nich da", "").mode == DANGER


def test_violence_mode_keeps_to_the_help_line_without_alarm() -> None:
    from bot.safety.followup import VIOLENCE

    entry = crisis_reply(assess("Ich wurde vergewaltigt"))
    assert entry.mode == VIOLENCE
    reply = followup(VIOLENCE, "spricht das telefon auch türkisch?", "")
    assert reply.responses == ("utter_violence_listen",)
    assert reply.mode == VIOLENCE


def test_danger_mode_never_repeats_the_same_checkin_twice_in_a_row() -> None:
    first = followup(DANGER, "hmm", "").responses
    second = followup(DANGER, "hmm", "", last_bot=first).responses
    assert first != second


def test_self_harm_in_danger_mode_switches_to_crisis() -> None:
    reply = followup(DANGER, "ich will einfach nicht mehr leben", "")
    assert reply.mode == CRISIS
    assert reply.responses[0] == "utter_self_harm"


@pytest.mark.parametrize(
    ("text", "last_bot", "response", "mode"),
    [
        (
            "Nein, ich will mir nichts antun. Ich bin nur so müde.",
            ("utter_self_harm_not_alone",),
            "utter_crisis_relief",
            CRISIS,
        ),
        ("nein", ("utter_self_harm_not_alone",), "utter_self_harm_now", CRISIS),
        ("ja, mein mann ist bei mir", ("utter_self_harm_not_alone",), "utter_crisis_safe", CRISIS),
        ("es geht wieder, danke", (), "utter_crisis_over", END),
        ("ich will nicht mehr leben", ("utter_crisis_listen",), "utter_self_harm_again", CRISIS),
        ("da steht einer mit messer vor der tür", (), "utter_emergency", DANGER),
    ],
)
def test_crisis_mode_reads_the_follow_up_in_context(
    text: str, last_bot: tuple[str, ...], response: str, mode: str
) -> None:
    reply = followup(CRISIS, text, "", last_bot=last_bot)
    assert reply.responses[0] == response
    assert reply.mode == mode


def test_crisis_mode_small_talk_is_warm_and_varied() -> None:
    first = followup(CRISIS, "heute war ratssitzung", "out_of_scope")
    second = followup(CRISIS, "heute war ratssitzung", "out_of_scope", last_bot=first.responses)
    assert first.responses != second.responses
    assert first.mode == second.mode == CRISIS


@pytest.mark.parametrize(
    ("text", "response", "mode"),
    [
        ("hab 112 angerufen, was soll ich tun bis der krankenwagen kommt", "utter_medical_wait", MEDICAL),
        ("der rettungswagen ist da", "utter_medical_over", END),
    ],
)
def test_medical_mode(text: str, response: str, mode: str) -> None:
    reply = followup(MEDICAL, text, "")
    assert reply.responses[0] == response
    assert reply.mode == mode


def test_no_after_the_emergency_reply_is_no_danger_but_no_to_are_you_safe_is_danger() -> None:
    reply = followup(DANGER, "Nee.", "deny", last_bot=("utter_emergency", "utter_emergency_stay"))
    assert reply.responses == ("utter_danger_false_alarm",)
    assert reply.mode == END
    reply = followup(DANGER, "nein", "deny", last_bot=("utter_danger_checkin_again",))
    assert reply.responses == ("utter_danger_still",)
    assert reply.mode == DANGER


def test_once_the_police_were_called_fear_gets_the_waiting_steps() -> None:
    reply = followup(DANGER, "ich hab solche angst", "", history=("utter_emergency", "utter_danger_wait"))
    assert reply.responses == ("utter_danger_calm_waiting",)
    assert followup(DANGER, "ich hab solche angst", "").responses == ("utter_danger_calm",)


@pytest.mark.parametrize(
    "text",
    ["de polizei is do, de ham eam mitgnomma", "Die Feuerwehr ist da und löscht", "Sie haben ihn an der Ecke erwischt"],
)
def test_dialect_and_other_ends_of_danger(text: str) -> None:
    assert followup(DANGER, text, "").mode == END


@pytest.mark.parametrize(
    ("mode", "text", "history", "response"),
    [
        (DANGER, "Mann weg. Auto weg.", (), "utter_danger_gone"),
        (DANGER, "Die fahren weg. Polizei kommt trotzdem.", (), "utter_danger_gone"),
        (DANGER, "Polizei is unten, die drei sind weg.", (), "utter_danger_over"),
        (DANGER, "De Polizei is nu da, twee Beamte.", (), "utter_danger_over"),
        (DANGER, "Feuerwehr un Polizei sin do, des Feuer is aus", (), "utter_danger_over"),
        (DANGER, "Na, passt scho, i bin ned in Gfahr.", (), "utter_danger_false_alarm"),
        (DANGER, "Nä nä, dat es nit jetz, dat wor letzte Woch. Wat kann ich maache?", (), "utter_danger_false_alarm"),
        (DANGER, "Polizei ist informiert. Sollen wir alle rausschicken?", (), "utter_danger_wait"),
        (DANGER, "is wahrscheinlich nur paranoia oder", (), "utter_danger_call_police"),
        (DANGER, "Okay okay, ich ruf ja an", (), "utter_danger_call_police"),
        (MEDICAL, "feuerwehr ist angerufen", (), "utter_medical_wait"),
        (CRISIS, "Sie kummt rüber, hat's gsacht", (), "utter_crisis_over"),
        (CRISIS, "Der Notarzt ist da", (), "utter_crisis_over"),
        (CRISIS, "ich geh jetzt schlafen. morgen ruf ich meine hausärztin an", (), "utter_crisis_over"),
        (CRISIS, "Ich krieg widder besser Luft", (), "utter_crisis_over"),
        (DANGER, "bin ich zu empfindlich? die wollen mir vllt nur angst machen", (), "utter_danger_call_police"),
        (DANGER, "Ich will mich nich lächerlich machen, wenn die quatschen wollen", (), "utter_danger_call_police"),
        (DANGER, "Er hält gerade sein Handy hoch, ich glaub er filmt mein Fenster", (), "utter_danger_still"),
        (DANGER, "Er ist jetzt an meinem Briefkasten.", ("utter_danger_wait",), "utter_danger_calm_waiting"),
        (DANGER, "Soll ich über die Sprechanlage sagen, er soll abhauen?", (), "utter_danger_stay_inside"),
        (DANGER, "hm", ("utter_danger_wait",), "utter_danger_calm_waiting"),
        (MEDICAL, "Kioskmann ruft jetzt den Krankenwagen", (), "utter_medical_wait"),
        (MEDICAL, "Soll ich unten die Tür aufschließen jehn?", (), "utter_medical_wait"),
        (CRISIS, "geht grad echt besser", (), "utter_crisis_over"),
        (CRISIS, "Jetzt gohts mr a bissle besser.", (), "utter_crisis_over"),
        (CRISIS, "Danke, dass du da warst.", (), "utter_crisis_over"),
    ],
)
def test_followups_found_in_blind_conversations(mode: str, text: str, history: tuple[str, ...], response: str) -> None:
    assert followup(mode, text, "", history=history).responses[0] == response


def test_a_negated_better_is_no_end_of_the_crisis() -> None:
    assert followup(CRISIS, "es geht mir nicht besser", "").mode == CRISIS


def test_danger_from_a_partner_keeps_the_help_line_in_the_calm_replies() -> None:
    entry = emergency_reply(assess("mein Mann schlägt mich gerade, er ist in der Küche"))
    assert "utter_violence_helpline" in entry.responses
    history = entry.responses
    assert followup(DANGER, "ich weiß nicht", "", history, history).responses == ("utter_violence_plan",)
    over = followup(DANGER, "die Polizei ist da und nimmt ihn mit", "", (), history)
    assert over.responses == ("utter_danger_over", "utter_violence_helpline") and over.mode == END
    assert followup(DANGER, "ich weiß nicht", "", ("utter_danger_checkin",)).responses == (
        "utter_danger_checkin_again",
    )


@pytest.mark.parametrize(
    ("mode", "text"),
    [(DANGER, "er steht draußen und glotzt rein"), (DANGER, "soll ich aufmachen?"), (MEDICAL, "hab 112 angerufen")],
)
def test_never_the_same_reply_twice_in_a_row(mode: str, text: str) -> None:
    first = followup(mode, text, "")
    again = followup(mode, text, "", last_bot=first.responses)
    assert again.responses != first.responses
    assert again.mode == first.mode


def test_every_other_wording_is_a_domain_response() -> None:
    from bot.safety.followup import AGAIN

    responses = load_domain()["responses"]
    assert {n for pair in AGAIN.items() for n in pair} - set(responses) == set()


def test_hedging_in_the_danger_mode_is_no_end_of_the_danger() -> None:
    reply = followup(DANGER, "Ich bin mir nicht sicher, ob er noch draußen ist", "")
    assert reply.mode == DANGER and "utter_danger_over" not in reply.responses
    assert followup(DANGER, "Ich bin jetzt in Sicherheit", "").mode == END
