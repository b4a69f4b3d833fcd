"""The schema documents every refusal in the one error shape (core.openapi's postprocessing hook)."""

from drf_spectacular.generators import SchemaGenerator

ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_every_operation_documents_its_refusals_in_the_error_shape():
    # given the generated schema
    schema = SchemaGenerator().get_schema(request=None, public=True)
    # then the error shape is a component
    assert schema["components"]["schemas"]["Error"]["required"] == ["message", "extra"]
    assert schema["components"]["schemas"]["Error"]["properties"]["extra"]["required"] == ["code", "fields"]
    for path, method, operation in _operations(schema):
        responses = operation["responses"]
        expected = {"403", "429"}
        if operation.get("security") != [{}]:
            expected.add("401")
        if "{" in path:
            expected.add("404")
        if "requestBody" in operation:
            expected |= {"400", "415"}
        if method in ("post", "put", "patch", "delete"):
            expected.add("409")
        # each one is documented, and every 4xx carries the error shape
        assert expected <= set(responses), (method, path)
        assert all(response["content"] == ERROR for status, response in responses.items() if status.startswith("4")), (
            method,
            path,
        )


def test_a_views_own_description_of_a_refusal_is_kept():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    responses = schema["paths"]["/api/records/{record_id}/approve/"]["post"]["responses"]
    assert responses["403"]["description"] == "Coordinators only."
    assert responses["404"]["description"] == "Not in your scope."
    assert responses["401"]["description"] == "Not signed in, or the token is not valid."
