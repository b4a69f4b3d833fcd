"""The request parsers of every API view (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]): DRF's, refusing a body whose
text holds a control character, wherever it sits (a field, a list, an object's key), before any view reads it.
Tabs and line breaks pass here; single-line fields refuse them in their serializers (core.serializers)."""

from django.http import QueryDict
from rest_framework import exceptions, parsers

from core import text


def _checked(data):
    """The parsed body, or a 400 naming each field whose text holds an unsafe character."""
    plain = {key: data.getlist(key) for key in data} if isinstance(data, QueryDict) else data
    fields = text.unsafe_fields(plain)
    if fields:
        raise exceptions.ValidationError({field: [str(text.UNSAFE_MESSAGE)] for field in fields})
    return data


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return _checked(super().parse(stream, media_type, parser_context))


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return _checked(super().parse(stream, media_type, parser_context))


class MultiPartParser(parsers.MultiPartParser):
    """The form fields are checked; an uploaded file's content is the view's to read (the sheet imports check
    theirs row by row)."""

    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        _checked(parsed.data)
        return parsed
