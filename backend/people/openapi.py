"""The schema of a volunteer profile as every role may read it: a unit representative's view of its members
leaves out where they live and what only matching needs (people.serializers.UNIT_HIDDEN_FIELDS), so those
fields are documented as present only for the coordinators and the volunteer. Loaded by people.apps."""

from drf_spectacular.extensions import OpenApiSerializerExtension


class VolunteerSchema(OpenApiSerializerExtension):
    target_class = "people.serializers.VolunteerSerializer"

    def map_serializer(self, auto_schema, direction):
        from people.serializers import UNIT_HIDDEN_FIELDS

        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        if direction == "response":
            schema["required"] = [name for name in schema.get("required", []) if name not in UNIT_HIDDEN_FIELDS]
            for name in UNIT_HIDDEN_FIELDS:
                if name in schema.get("properties", {}):
                    note = "Not shown to unit representatives."
                    described = schema["properties"][name]
                    if "$ref" not in described:
                        described["description"] = " ".join(filter(None, [described.get("description"), note]))
        return schema
