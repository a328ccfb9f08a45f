"""What the site's "My CPD record" page is given at build time (stemcpd.site.record):
readable misconception names with the catalogue's descriptions, the Toolkit forms as
data, and the very schema Python validates with."""

import json

from stemcpd.cpd.prompts import GUSKEY_LEVELS, IMPACT_CIRCLES, PROMPTS_BY_KIND
from stemcpd.cpd.record_file import schema, schema_path
from stemcpd.quiz.catalogue import catalogue
from stemcpd.site.record import readable_name, record_data


def test_misconception_ids_are_made_readable():
    assert readable_name("heavier-swings-faster") == "Heavier swings faster"
    assert readable_name("ph-scale-is-linear") == "Ph scale is linear"
    assert readable_name("current_used-up") == "Current used up"


def test_record_data_names_every_misconception_and_carries_the_forms_and_schema():
    modules = [{"id": "physics-pendulum", "title": "Pendulums", "href": "workbooks/physics-pendulum.html"}]
    data = json.loads(json.dumps(record_data(modules)))  # what the page receives
    assert data["modules"] == modules
    everything = catalogue()
    assert set(data["misconceptions"]) == set(everything)
    assert data["misconceptions"]["heavier-swings-faster"] == {
        "name": "Heavier swings faster", "description": everything["heavier-swings-faster"].description}
    assert set(data["forms"]) == set(PROMPTS_BY_KIND)
    assert [circle["title"] for circle in data["circles"]] == list(IMPACT_CIRCLES)
    assert [level["number"] for level in data["guskey_levels"]] == [level.number for level in GUSKEY_LEVELS]
    assert data["schema"] == schema() == json.loads(schema_path().read_text(encoding="utf-8"))
