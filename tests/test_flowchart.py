"""The shipped flowchart, walked like a conversation, and the graph checks."""

from __future__ import annotations

import pytest

from generator.content.flowchart import GraphProblem, outcome, paths, problems, to_mermaid
from generator.content.project import load_project

from conftest import CONTENT, GOLDEN, check_golden

FLOW = load_project(CONTENT).flowcharts[0]


def test_serious_symptoms_always_mean_emergency_help() -> None:
    assert outcome(FLOW, serious_symptoms="yes") == "emergency"


def test_a_painless_flicker_for_a_few_days_is_a_twitch_to_watch() -> None:
    assert outcome(FLOW, serious_symptoms="no", painful="no", what_you_notice="flicker",
                   twitch_how_long="few-days", twitch_often="no") == "twitch-self-care"


def test_twitching_that_lasts_longer_than_a_few_days_needs_a_doctor() -> None:
    assert outcome(FLOW, serious_symptoms="no", painful="no", what_you_notice="flicker",
                   twitch_how_long="longer") == "twitch-see-doctor"


def test_twitching_that_happens_often_needs_a_doctor() -> None:
    assert outcome(FLOW, serious_symptoms="no", painful="no", what_you_notice="flicker",
                   twitch_how_long="few-days", twitch_often="yes") == "twitch-see-doctor"


def test_a_spasm_as_painful_as_spasms_usually_are_can_be_treated_at_home() -> None:
    # The article: spasms are usually very painful, and most need no doctor.
    assert outcome(FLOW, serious_symptoms="no", painful="yes", spasm_pain="usual",
                   spasm_how_long="minutes", spasm_often="no") == "spasm-self-care"


def test_an_especially_painful_spasm_needs_a_doctor() -> None:
    assert outcome(FLOW, serious_symptoms="no", painful="yes",
                   spasm_pain="especially") == "spasm-see-doctor"


def test_soreness_that_does_not_go_away_needs_a_doctor() -> None:
    assert outcome(FLOW, serious_symptoms="no", painful="yes",
                   spasm_pain="soreness") == "spasm-see-doctor"


def test_a_spasm_that_lasts_longer_than_usual_needs_a_doctor() -> None:
    assert outcome(FLOW, serious_symptoms="no", painful="yes", spasm_pain="usual",
                   spasm_how_long="longer") == "spasm-see-doctor"


def test_spasms_that_happen_often_need_a_doctor() -> None:
    assert outcome(FLOW, serious_symptoms="no", painful="yes", spasm_pain="usual",
                   spasm_how_long="minutes", spasm_often="yes") == "spasm-see-doctor"


def test_a_painless_tight_muscle_is_treated_as_a_spasm_without_asking_about_pain() -> None:
    assert outcome(FLOW, serious_symptoms="no", painful="no", what_you_notice="tight",
                   spasm_how_long="minutes", spasm_often="no") == "spasm-self-care"
    assert outcome(FLOW, serious_symptoms="no", painful="no", what_you_notice="tight",
                   spasm_how_long="minutes", spasm_often="yes") == "spasm-see-doctor"
    assert outcome(FLOW, serious_symptoms="no", painful="no", what_you_notice="tight",
                   spasm_how_long="longer") == "spasm-see-doctor"


NO, YES = "no", "yes"
NOT_SERIOUS, HURTS, PAINLESS = {"serious-symptoms": NO}, {"painful": YES}, {"painful": NO}
USUAL_PAIN = {"spasm-pain": "usual"}
EVERY_CONVERSATION = [
    ({"serious-symptoms": YES}, "emergency"),
    # A spasm that hurts as spasms usually do: a doctor only if it is frequent or long.
    (NOT_SERIOUS | HURTS | USUAL_PAIN | {"spasm-how-long": "minutes", "spasm-often": YES},
     "spasm-see-doctor"),
    (NOT_SERIOUS | HURTS | USUAL_PAIN | {"spasm-how-long": "minutes", "spasm-often": NO},
     "spasm-self-care"),
    (NOT_SERIOUS | HURTS | USUAL_PAIN | {"spasm-how-long": "longer"}, "spasm-see-doctor"),
    # Especially painful, or soreness that stays: a doctor.
    (NOT_SERIOUS | HURTS | {"spasm-pain": "especially"}, "spasm-see-doctor"),
    (NOT_SERIOUS | HURTS | {"spasm-pain": "soreness"}, "spasm-see-doctor"),
    # A painless flicker is a twitch: a doctor only if it is frequent or long.
    (NOT_SERIOUS | PAINLESS | {"what-you-notice": "flicker", "twitch-how-long": "few-days",
                               "twitch-often": YES}, "twitch-see-doctor"),
    (NOT_SERIOUS | PAINLESS | {"what-you-notice": "flicker", "twitch-how-long": "few-days",
                               "twitch-often": NO}, "twitch-self-care"),
    (NOT_SERIOUS | PAINLESS | {"what-you-notice": "flicker", "twitch-how-long": "longer"},
     "twitch-see-doctor"),
    # A painless tight muscle is a spasm, with no question about pain.
    (NOT_SERIOUS | PAINLESS | {"what-you-notice": "tight", "spasm-how-long": "minutes",
                               "spasm-often": YES}, "spasm-see-doctor"),
    (NOT_SERIOUS | PAINLESS | {"what-you-notice": "tight", "spasm-how-long": "minutes",
                               "spasm-often": NO}, "spasm-self-care"),
    (NOT_SERIOUS | PAINLESS | {"what-you-notice": "tight", "spasm-how-long": "longer"},
     "spasm-see-doctor"),
]


def test_every_path_from_the_start_is_listed_here() -> None:
    # A change to the flowchart that adds, drops or redirects a path fails here until the
    # table above, which clinicians can read, is updated to match.
    assert list(paths(FLOW)) == EVERY_CONVERSATION


def test_every_outcome_can_be_reached() -> None:
    assert {result for _, result in EVERY_CONVERSATION} == {o.id for o in FLOW.outcomes}


def test_answering_a_question_that_is_never_asked_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="never asked"):
        outcome(FLOW, serious_symptoms="yes", painful="no")


def test_the_shipped_flowchart_has_no_problems() -> None:
    conditions = {c.id for c in load_project(CONTENT).conditions}

    assert problems(FLOW, conditions) == []


def test_a_question_needs_two_answers() -> None:
    first = FLOW.questions[0]
    lonely = first.model_copy(update={"answers": first.answers[:1]})
    flow = FLOW.model_copy(update={"questions": [lonely, *FLOW.questions[1:]]})

    assert problems(flow, {"muscle-twitch", "muscle-spasm"}) == [GraphProblem(
        ("questions", 0, "answers"),
        "question `serious-symptoms` has 1 answer. Give it two or more.")]


def test_the_mermaid_diagram_matches_the_golden_file(update_goldens: bool) -> None:
    check_golden(to_mermaid(FLOW), GOLDEN / "mermaid" / "twitch-or-spasm.mmd", update_goldens)


def test_mermaid_labels_cannot_break_the_diagram() -> None:
    first = FLOW.questions[0].model_copy(update={"text": 'Is it "bad" <b>?'})
    flow = FLOW.model_copy(update={"questions": [first, *FLOW.questions[1:]]})

    assert 'n_serious_symptoms{"Is it #quot;bad#quot; #lt;b#gt;?"}' in to_mermaid(flow)
