"""The annual evaluation of units: the worked example (ledgers + inputs + appraisal -> exact score, grade and rank),
grade edges, scoped lists and details, schemes checked up front, and coordinators' inputs."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as f
from accounts.models import User
from evaluation import scoring
from evaluation.models import EvaluationInput, EvaluationScheme, UnitEvaluation

YEAR = 2025  # as in conftest


@pytest.fixture
def three_units(world, u3, ledger, inputs, rated):
    """U1: 9 of 10 meetings, 7 activities, study 8, guidance 9, 2 suggestions, appraisal 3 of 4 satisfied.
    U2: every one of 6 meetings, 9 activities, full study and guidance, 6 suggestions (capped), no appraisal.
    U3: nothing recorded."""
    ledger(world.u1, 3, meetings=5, activities=3, projects=2)
    ledger(world.u1, 9, meetings=4, activities=2)
    ledger(world.u1, 1, meetings=3, activities=4, year=YEAR - 1)  # another year: not counted
    inputs(world.u1, meetings_held=10, study=8, guidance=9, suggestions_adopted=2)
    rated([world.u1], "satisfied", "satisfied", "basically_satisfied", "dissatisfied")
    ledger(world.u2, 6, meetings=6, activities=9)
    inputs(world.u2, meetings_held=6, study=12, guidance=10, suggestions_adopted=6)


def _compute(client, year=YEAR):
    return client.post("/api/evaluations/compute/", {"year": year})


def _figure(measure, value, source, entered_by=None):
    return {"measure": measure, "value": value, "source": source, "entered_by": entered_by}


def test_the_worked_example_scores_grades_and_ranks_three_units(world, client_as, three_units):
    # when the administrator computes the year
    admin = client_as("admin")
    response = _compute(admin)
    # then three units were computed and ranked
    assert (response.status_code, response.json()) == (200, {"year": YEAR, "computed": 3})
    listed = admin.get(f"/api/evaluations/?year={YEAR}").json()
    assert [
        (row["unit_name"], row["rank"], row["scheme_score"], row["appraisal_rate"], row["score"], row["grade_label"])
        for row in listed
    ] == [
        ("郑州第九中学", 1, 115.0, None, 115.0, "优秀"),  # 100 + full attendance 5 + suggestions capped at 10
        ("中原区人民医院", 2, 92.0, 0.75, 88.6, "一般"),  # 92 × 0.8 + 75 × 0.2
        ("中原区税务局", 3, 0.0, None, 0.0, "不合格"),
    ]


def test_the_detail_shows_each_items_points_and_sources(world, client_as, three_units):
    # given the year computed
    _compute(client_as("admin"))
    row = UnitEvaluation.objects.get(unit=world.u1, year=YEAR)
    # when the coordinator of A1 opens U1's result
    response = client_as("community").get(f"/api/evaluations/{row.pk}/")
    # then
    assert response.status_code == 200
    body = response.json()
    assert {
        key: body[key]
        for key in (
            "item_score",
            "bonus_score",
            "scheme_score",
            "appraisal_count",
            "score",
            "grade",
            "rank",
            "scheme_name",
            "computed_by",
        )
    } == {
        "item_score": 88.0,
        "bonus_score": 4.0,
        "scheme_score": 92.0,
        "appraisal_count": 4,
        "score": 88.6,
        "grade": "fair",
        "rank": 2,
        "scheme_name": "Default scheme",
        "computed_by": "admin",
    }
    held = _figure("meetings_held", 10.0, "input", "shequ")
    assert body["breakdown"] == {
        "items": [
            {
                "code": "attendance",
                "label": "出勤",
                "rule": "ratio",
                "bonus": False,
                "max": 40.0,
                "points": 36.0,
                "figures": [_figure("meetings_attended", 9.0, "ledger"), held],
            },
            {
                "code": "activities",
                "label": "共建活动",
                "rule": "target",
                "bonus": False,
                "max": 40.0,
                "points": 35.0,
                "figures": [_figure("activities", 7.0, "ledger")],
            },  # 5 entries + 2 projects joined
            {
                "code": "study",
                "label": "学习",
                "rule": "entered",
                "bonus": False,
                "max": 10.0,
                "points": 8.0,
                "figures": [_figure("study", 8.0, "input", "shequ")],
            },
            {
                "code": "guidance",
                "label": "队伍指导",
                "rule": "entered",
                "bonus": False,
                "max": 10.0,
                "points": 9.0,
                "figures": [_figure("guidance", 9.0, "input", "shequ")],
            },
            {
                "code": "suggestions",
                "label": "建议被采纳",
                "rule": "per_count",
                "bonus": True,
                "max": 10.0,
                "points": 4.0,
                "figures": [_figure("suggestions_adopted", 2.0, "input", "shequ")],
            },
            {
                "code": "full_attendance",
                "label": "全勤",
                "rule": "full_attendance",
                "bonus": True,
                "max": 5.0,
                "points": 0.0,
                "figures": [_figure("meetings_attended", 9.0, "ledger"), held],
            },
        ],
        "appraisal": {"count": 4, "satisfaction_rate": 0.75, "weight": 0.2},
    }


def test_a_recompute_replaces_the_result(world, client_as, three_units):
    admin = client_as("admin")
    _compute(admin)
    # given U1's adopted suggestions corrected from 2 to 5 (capped at +10)
    EvaluationInput.objects.filter(unit=world.u1, year=YEAR, measure="suggestions_adopted").update(value=5)
    # when the year is computed again
    _compute(admin)
    # then still one row per unit and year, U1's with the new numbers: 98 × 0.8 + 75 × 0.2
    assert UnitEvaluation.objects.filter(year=YEAR).count() == 3
    row = UnitEvaluation.objects.get(unit=world.u1, year=YEAR)
    assert (row.scheme_score, row.score, row.grade_label, row.rank) == (Decimal("98.00"), Decimal("93.40"), "较好", 2)


@pytest.mark.parametrize(
    "score, grade",
    [
        ("100.00", "excellent"),
        ("95.00", "excellent"),
        ("94.99", "good"),
        ("90.00", "good"),
        ("89.99", "fair"),
        ("60.00", "fair"),
        ("59.99", "failing"),
        ("0.00", "failing"),
    ],
)
def test_grades_change_exactly_at_their_minimums(score, grade):
    assert scoring.grade_of(scoring.default_grades(), Decimal(score)).code == grade


def test_units_at_exactly_95_and_90_are_excellent_and_good(world, client_as, u3, ledger, inputs):
    # given U1: every one of 4 meetings (40 + 5), 8 activities (40), study 10 -> 95;
    # U3: the same with study 5 -> 90; neither appraised
    for unit, study in ((world.u1, 10), (u3, 5)):
        ledger(unit, 4, meetings=4, activities=8)
        inputs(unit, meetings_held=4, study=study)
    # when computed
    _compute(client_as("subdistrict"))
    # then
    rows = client_as("subdistrict").get(f"/api/evaluations/?year={YEAR}").json()
    assert [(row["unit_name"], row["score"], row["grade"], row["grade_label"]) for row in rows] == [
        ("中原区人民医院", 95.0, "excellent", "优秀"),
        ("中原区税务局", 90.0, "good", "较好"),
    ]


def test_the_years_own_scheme_and_its_weight_are_used(world, client_as, three_units):
    # given a scheme for the year that gives the appraisal half the weight and only two grades
    EvaluationScheme.objects.create(
        name="2025年方案",
        year=YEAR,
        appraisal_weight=Decimal("0.5"),
        grades=[
            {"code": "pass", "label": "合格", "min": 60},
            {"code": "fail", "label": "不合格", "min": 0},
        ],
    )
    # when computed
    _compute(client_as("admin"))
    # then U1: 92 × 0.5 + 75 × 0.5
    row = UnitEvaluation.objects.get(unit=world.u1, year=YEAR)
    assert (row.score, row.grade_label, row.scheme.name) == (Decimal("83.50"), "合格", "2025年方案")


# ---------------------------------------------------------------- scope


def test_a_community_coordinator_computes_and_sees_only_their_units(world, client_as, three_units):
    # given the administrator computed every unit
    _compute(client_as("admin"))
    community = client_as("community")
    # when the coordinator of A1 lists the year / opens U2's result
    listed = community.get(f"/api/evaluations/?year={YEAR}")
    other = community.get(f"/api/evaluations/{UnitEvaluation.objects.get(unit=world.u2).pk}/")
    # then only U1, with its district-wide rank; U2 is not found
    assert [(row["unit_name"], row["rank"]) for row in listed.json()] == [("中原区人民医院", 2)]
    assert (other.status_code, other.json()) == (
        404,
        {
            "message": "Not found.",
            "extra": {"code": "not_found", "fields": {}},
        },
    )
    # and their own compute covers their one unit
    assert _compute(community).json() == {"year": YEAR, "computed": 1}


def test_a_coordinator_of_another_community_does_not_see_the_unit(world, client_as, three_units):
    _compute(client_as("admin"))
    other = f.UserFactory(username="xizhan", role=User.Role.COMMUNITY, community=world.b1)
    client = client_as("anonymous")
    client.force_authenticate(other)
    row = UnitEvaluation.objects.get(unit=world.u1)
    assert client.get(f"/api/evaluations/{row.pk}/").status_code == 404
    assert [item["unit_name"] for item in client.get(f"/api/evaluations/?year={YEAR}").json()] == ["郑州第九中学"]


def test_a_unit_representative_sees_only_their_units_row(world, client_as, three_units):
    _compute(client_as("admin"))
    unit = client_as("unit")
    assert [row["unit_name"] for row in unit.get(f"/api/evaluations/?year={YEAR}").json()] == ["中原区人民医院"]
    assert unit.get(f"/api/evaluations/{UnitEvaluation.objects.get(unit=world.u2).pk}/").status_code == 404
    assert unit.get(f"/api/evaluations/{UnitEvaluation.objects.get(unit=world.u1).pk}/").status_code == 200


def test_volunteers_read_no_evaluation_and_only_coordinators_compute(world, client_as):
    response = client_as("volunteer").get(f"/api/evaluations/?year={YEAR}")
    assert (response.status_code, response.json()) == (
        403,
        {
            "message": "Only coordinators and unit representatives read evaluations.",
            "extra": {"code": "permission_denied", "fields": {}},
        },
    )
    response = _compute(client_as("unit"))
    assert (response.status_code, response.json()) == (
        403,
        {
            "message": "Only coordinators run the evaluation and the appraisal.",
            "extra": {"code": "permission_denied", "fields": {}},
        },
    )


def test_the_list_needs_a_year(world, client_as):
    response = client_as("admin").get("/api/evaluations/")
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "year: This field is required.",
            "extra": {"code": "invalid", "fields": {"year": ["This field is required."]}},
        },
    )


# ---------------------------------------------------------------- schemes


def test_a_bad_scheme_is_refused_naming_the_field(world, client_as):
    # when the administrator sends an item whose denominator is no known measure
    response = client_as("admin").post(
        "/api/evaluations/schemes/",
        {
            "name": "新方案",
            "items": [
                {
                    "code": "attendance",
                    "label": "出勤",
                    "rule": "ratio",
                    "measure": "meetings_attended",
                    "of": "meals",
                    "points": 40,
                },
            ],
        },
        format="json",
    )
    # then nothing is saved and the field is named
    message = (
        'item 1: "of" must be one of meetings_attended, activities, meetings_held, study, guidance, '
        "suggestions_adopted."
    )
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": f"items: {message}",
            "extra": {"code": "invalid", "fields": {"items": [message]}},
        },
    )
    assert not EvaluationScheme.objects.exists()


@pytest.mark.parametrize(
    "grades, error",
    [
        (
            [{"code": "a", "label": "优秀", "min": 95}],
            'The last grade\'s "min" must be 0, so that every score has a grade.',
        ),
        (
            [
                {"code": "a", "label": "优秀", "min": 60},
                {"code": "b", "label": "较好", "min": 90},
                {"code": "c", "label": "不合格", "min": 0},
            ],
            'grade 2: "min" must be a number of 0 or more, below the grade above.',
        ),
        ("优秀", "Give the grades as a non-empty list."),
    ],
)
def test_bad_grades_are_refused(world, client_as, grades, error):
    response = client_as("admin").post("/api/evaluations/schemes/", {"name": "新方案", "grades": grades}, format="json")
    assert (response.status_code, response.json()["extra"]["fields"]) == (400, {"grades": [error]})


def test_a_scheme_defaults_to_the_community_rule_and_only_administrators_write(world, client_as):
    response = client_as("admin").post("/api/evaluations/schemes/", {"name": "默认", "year": YEAR}, format="json")
    assert response.status_code == 201
    assert (response.json()["items"], response.json()["grades"], response.json()["appraisal_weight"]) == (
        scoring.DEFAULT_ITEMS,
        scoring.DEFAULT_GRADES,
        "0.20",
    )
    scheme_id = response.json()["id"]
    # a second scheme for the same year is refused
    again = client_as("admin").post("/api/evaluations/schemes/", {"name": "重复", "year": YEAR}, format="json")
    assert (again.status_code, again.json()["extra"]["fields"]) == (
        400,
        {
            "year": ["evaluation scheme with this year already exists."],
        },
    )
    # coordinators read but do not write
    assert client_as("community").get("/api/evaluations/schemes/").status_code == 200
    refused = client_as("community").patch(f"/api/evaluations/schemes/{scheme_id}/", {"name": "改"}, format="json")
    assert (refused.status_code, refused.json()["message"]) == (
        403,
        "Only district administrators change evaluation schemes.",
    )
    changed = client_as("admin").patch(
        f"/api/evaluations/schemes/{scheme_id}/", {"appraisal_weight": "0.3"}, format="json"
    )
    assert (changed.status_code, changed.json()["appraisal_weight"]) == (200, "0.30")


# ---------------------------------------------------------------- inputs


def test_a_coordinator_enters_a_figure_for_a_unit_of_their_scope(world, client_as):
    community = client_as("community")
    payload = {"unit": world.u1.pk, "year": YEAR, "measure": "meetings_held", "value": "12", "note": "全年联席会议"}
    first = community.post("/api/evaluations/inputs/", payload, format="json")
    corrected = community.post("/api/evaluations/inputs/", {**payload, "value": "11"}, format="json")
    assert (first.status_code, corrected.status_code) == (200, 200)
    assert {key: corrected.json()[key] for key in ("unit", "year", "measure", "value", "entered_by")} == {
        "unit": world.u1.pk,
        "year": YEAR,
        "measure": "meetings_held",
        "value": 11.0,
        "entered_by": "shequ",
    }
    assert [row["value"] for row in client_as("unit").get(f"/api/evaluations/inputs/?year={YEAR}").json()] == [11.0]
    # a unit outside the coordinator's scope is refused, naming the field
    outside = community.post("/api/evaluations/inputs/", {**payload, "unit": world.u2.pk}, format="json")
    assert (outside.status_code, list(outside.json()["extra"]["fields"])) == (400, ["unit"])


def test_the_list_costs_the_same_queries_for_few_and_many_units(world, client_as):
    admin = client_as("admin")

    def listed_queries() -> int:
        _compute(admin)
        with CaptureQueriesContext(connection) as queries:
            assert admin.get(f"/api/evaluations/?year={YEAR}").status_code == 200
        return len(queries)

    few = listed_queries()
    for _n in range(10):
        f.UnitFactory(community=world.a2)
    assert listed_queries() == few
