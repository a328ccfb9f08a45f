"""Needs analysis: the diagnostic bank is complete, mapped to modules, and recommend() orders by weakness."""

from pathlib import Path

import yaml

from stemcpd.quiz import MultipleChoiceQuestion
from stemcpd.quiz.diagnostic import MODULES, QUESTION_MODULES, load_diagnostic, mark_responses, recommend
from stemcpd.quiz.feedback import Feedback

REPO = Path(__file__).resolve().parents[2]


def wrong_option(question):
    return next(index for index, option in enumerate(question.options) if not option.correct)


def right_option(question):
    return next(index for index, option in enumerate(question.options) if option.correct)


def test_bank_has_enough_multiple_choice_questions_each_mapped_to_a_module():
    bank = load_diagnostic()
    assert len(bank) >= 12
    assert all(isinstance(question, MultipleChoiceQuestion) for question in bank)
    assert {question.id for question in bank} == set(QUESTION_MODULES)
    assert set(QUESTION_MODULES.values()) == set(MODULES)  # every module is diagnosed


def test_modules_are_workbook_stems():
    existing = {path.stem for path in (REPO / "workbooks").glob("*.ipynb")}
    for module in MODULES:
        assert module.split("-")[0] in ("physics", "chemistry", "pedagogy")
    assert {module for module in MODULES if module.startswith("physics-")} <= existing | set(MODULES)


def test_every_module_in_the_course_is_diagnosed_in_course_order():
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    workbooks = [chapter["file"].removeprefix("workbooks/") for part in toc["parts"]
                 for chapter in part["chapters"] if chapter["file"].startswith("workbooks/")]
    assert list(MODULES) == workbooks  # no module is left out of the route, and ties keep course order


# Distractors whose misconception is catalogued with another module's workbook: ideas that
# two modules share (heating and particles, "energy is used up", seeing is not learning).
SHARED_MISCONCEPTIONS = {
    ("na-rates-temperature", "heating-makes-more-particles"),
    ("na-rates-temperature", "particles-expand-when-heated"),
    ("na-energetics-bond-breaking", "energy-used-up"),
    ("na-practical-purpose", "seeing-is-enough"),
}


def test_each_distractor_is_a_misconception_its_module_tackles():
    addressed = {}
    for path in (REPO / "stemcpd/quiz/misconceptions").glob("*.yaml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["misconceptions"]:
            addressed[item["id"]] = item.get("addressed_in", "")
    for question in load_diagnostic():
        page = f"workbooks/{QUESTION_MODULES[question.id]}.ipynb"
        for option in question.options:
            if option.misconception and (question.id, option.misconception) not in SHARED_MISCONCEPTIONS:
                assert addressed[option.misconception].startswith(page), (question.id, option.misconception)


def test_every_distractor_has_a_misconception_that_is_catalogued():
    catalogued = set()
    for path in (REPO / "stemcpd/quiz/misconceptions").glob("*.yaml"):
        catalogued |= {item["id"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))["misconceptions"]}
    own = {item["id"] for item in yaml.safe_load(
        (REPO / "stemcpd/quiz/misconceptions/needs-analysis.yaml").read_text(encoding="utf-8"))["misconceptions"]}
    used = set()
    for question in load_diagnostic():
        for option in question.options:
            if not option.correct:
                assert option.misconception and option.feedback, question.id
                used.add(option.misconception)
    assert own <= used  # the catalogue defines nothing the bank does not use
    # ids shared with topic banks are catalogued there; all must be catalogued once those files exist
    shared = used - own
    topic_ids = set()
    for path in (REPO / "stemcpd/quiz/banks").glob("*.yaml"):
        if path.stem != "needs-analysis":
            for question in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
                topic_ids |= {option.get("misconception") for option in question.get("options", []) or []}
    assert shared <= topic_ids


def test_recommend_orders_modules_by_weakness():
    bank = load_diagnostic()
    responses = {question.id: right_option(question) for question in bank}
    responses["na-waves-cork"] = wrong_option(bank["na-waves-cork"])
    responses["na-electrolysis-molten-conducts"] = wrong_option(bank["na-electrolysis-molten-conducts"])
    responses["na-pendulum-heavier-bob"] = wrong_option(bank["na-pendulum-heavier-bob"])
    del responses["na-practical-purpose"]
    feedbacks = mark_responses(responses)
    ranked = recommend(feedbacks, confidences={"na-pendulum-heavier-bob": "sure"})
    modules = [module for module, _ in ranked]

    assert sorted(modules) == sorted(MODULES)
    assert modules[:3] == ["physics-pendulum", "physics-waves-and-light", "chemistry-electrolysis-and-energetics"]
    assert modules[3] == "pedagogy-practical-work"  # not answered: after the weak, before the strong
    assert "Heavier swings faster" in dict(ranked)["physics-pendulum"]  # named for teachers, not by id
    assert "heavier-swings-faster" not in dict(ranked)["physics-pendulum"]
    assert "1 of 2" in dict(ranked)["chemistry-electrolysis-and-energetics"]
    assert "correctly" in dict(ranked)["physics-energy"]


def test_recommend_accepts_any_feedback_and_ignores_unknown_questions():
    ranked = recommend({"na-energy-ball-stops": Feedback(False, 0.0, "x", "energy-used-up"),
                        "not-a-diagnostic-question": Feedback(False, 0.0, "x")})
    assert ranked[0][0] == "physics-energy"
    assert len(ranked) == len(MODULES)


def test_module_titles_are_the_workbooks_own():
    import json
    import re
    from pathlib import Path

    from stemcpd.quiz.diagnostic import MODULE_TITLES

    workbooks = Path(__file__).resolve().parents[2] / "workbooks"
    assert set(MODULE_TITLES) == set(MODULES)
    for module, title in MODULE_TITLES.items():
        source = "".join("".join(cell["source"]) for cell in json.loads((workbooks / f"{module}.ipynb").read_text())["cells"])
        full = re.search(rf'Module\("{module}", "([^"]+)"', source).group(1)
        assert full.startswith(title.split(":")[0]) or full.split(":")[0].startswith(title), (module, title, full)


def test_route_has_titles_links_and_reasons():
    from stemcpd.quiz.diagnostic import ROUTE_LENGTH, route

    bank = load_diagnostic()
    feedbacks = mark_responses({"na-waves-cork": wrong_option(bank["na-waves-cork"])})
    steps = route(feedbacks)
    assert len(steps) == ROUTE_LENGTH
    assert steps[0] == {"module": "physics-waves-and-light", "title": "Waves and light",
                        "href": "workbooks/physics-waves-and-light.html", "reason": recommend(feedbacks)[0][1]}
    assert "not right" in steps[0]["reason"]


def test_browser_data_is_the_mapping_route_uses():
    from stemcpd.quiz.diagnostic import CONFIDENT_ERROR_WEIGHT, MODULE_TITLES, ROUTE_LENGTH, browser_data

    data = browser_data()
    assert data["bank"] == "needs-analysis" and data["count"] == ROUTE_LENGTH
    assert data["questionModules"] == QUESTION_MODULES and data["confidentErrorWeight"] == CONFIDENT_ERROR_WEIGHT
    assert [entry["module"] for entry in data["modules"]] == list(MODULES)
    assert all(entry["title"] == MODULE_TITLES[entry["module"]] and entry["href"] == f"workbooks/{entry['module']}.html"
               for entry in data["modules"])
    misconceptions = {option.misconception for question in load_diagnostic() for option in question.options
                      if option.misconception}
    assert set(data["misconceptionNames"]) == misconceptions
    assert all(name[0].isupper() or name[0].isdigit() or name.startswith(("p.d.", "e.m.f.", "cm³", "pH"))
               for name in data["misconceptionNames"].values())
