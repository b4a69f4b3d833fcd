"""The documented JSON Schemas accept what the package reads and writes."""

import json
import os

import jsonschema

from matching import parse_problem, solve
from matching.generate import generate

SCHEMA_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "matching", "schema")


def schema(name):
    with open(os.path.join(SCHEMA_DIR, name), encoding="utf-8") as handle:
        return json.load(handle)


def test_generated_problem_and_its_solution_match_the_schemas():
    # given
    data = generate("small", 3)
    # when
    solution = solve(parse_problem(data), time_limit=20)
    # then
    jsonschema.validate(data, schema("problem.schema.json"))
    jsonschema.validate(json.loads(solution.to_json()), schema("solution.schema.json"))


def test_post_problem_and_result_match_their_schemas():
    # given
    from matching.generate import generate_posts
    from matching.posts import allocate_posts, parse_post_problem

    data = generate_posts("small", 2)
    # when
    result = allocate_posts(parse_post_problem(data), time_limit=30)
    # then
    jsonschema.validate(data, schema("posts-problem.schema.json"))
    jsonschema.validate(
        json.loads(json.dumps(result.to_dict(), ensure_ascii=False)), schema("posts-solution.schema.json")
    )


def test_post_locks_forbidden_and_their_reason_match_the_schemas():
    # given a generated post problem with a lock and a forbidden pair
    from matching.generate import generate_posts
    from matching.posts import allocate_posts, parse_post_problem

    data = generate_posts("small", 2)
    first = allocate_posts(parse_post_problem(data), time_limit=30)
    (m1, p1), (m2, p2) = first.assignments[:2]
    data = dict(data, locks=[{"member": m1, "post": p1}], forbidden=[{"member": m2, "post": p2}])
    # when
    result = allocate_posts(parse_post_problem(data), time_limit=30)
    # then
    jsonschema.validate(data, schema("posts-problem.schema.json"))
    jsonschema.validate(
        json.loads(json.dumps(result.to_dict(), ensure_ascii=False)), schema("posts-solution.schema.json")
    )
    assert (m1, p1) in result.assignments and (m2, p2) not in result.assignments
