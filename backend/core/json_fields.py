"""JSON-held values with the shape the API schema gives them: DRF's JSONField reads and writes them unchanged, and
drf-spectacular's `extend_schema_field` describes them, so that the web app's generated types are real.

A model serializer picks these for its model's JSONFields through `Meta.json_fields` (core.serializers); an input
or output serializer declares them like any field. `described` makes one for a shape of a single app.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def described(schema, *, component_name: str | None = None) -> type[serializers.JSONField]:
    """A JSONField that the schema shows as `schema` (JSON Schema as a dict, or a serializer describing it)."""
    return extend_schema_field(schema, component_name=component_name)(type("JSONField", (serializers.JSONField,), {}))


# {"skill code": level 1-5}; people.validators checks the codes against the catalogue.
SkillLevelsField = described(
    {
        "type": "object",
        "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 5},
        "description": "Skill code → level 1-5.",
    },
    component_name="SkillLevels",
)
# ISO weekdays, 1 (Monday) to 7 (Sunday).
WeekdaysField = described(
    {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 7}},
    component_name="Weekdays",
)
# Short words: languages, a room's features.
StringListField = described({"type": "array", "items": {"type": "string"}})
# An object whose keys depend on its kind (a notification's payload, an export's filters).
ObjectField = described({"type": "object", "additionalProperties": {}})
