"""Fixtures of the report tests: files under a temporary MEDIA_ROOT, service records made directly, English
column titles and messages for whole-value asserts, and readers of the files the exports write."""

import csv
import datetime as dt
import io
import re

import openpyxl
import pytest

from records.models import ServiceRecord


@pytest.fixture
def api_language():
    return "en"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def record(world):
    """record(volunteer=None, minutes=90, status="approved", community=None, **fields) -> a manual record."""

    def make(volunteer=None, minutes=90, status="approved", community=None, **fields):
        volunteer = volunteer or world.v1
        values = {
            "title": "助老服务",
            "date": dt.date(2026, 10, 12),
            "place": "秦江社区活动室",
            "recipient": "王秀英",
            "content": "陪同就医",
            "rating": 5,
            "person_in_charge": "李主任",
            "evidence": "签到表照片",
        }
        return ServiceRecord.objects.create(
            volunteer=volunteer,
            community=community or volunteer.home_community,
            minutes=minutes,
            status=status,
            source="manual",
            **{**values, **fields},
        )

    return make


class Files:
    """Readers of the files the exports write."""

    @staticmethod
    def body(response) -> bytes:
        return b"".join(response.streaming_content)

    @staticmethod
    def csv(content: bytes) -> list[list[str]]:
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))

    @staticmethod
    def xlsx(content: bytes) -> tuple[str, list[list]]:
        """(the first sheet's title, its rows as lists)."""
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        sheet = book.worksheets[0]
        return sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]

    @staticmethod
    def pdf_pages(content: bytes) -> int:
        """Pages of a PDF, counted from its page objects (no PDF library needed)."""
        assert content.startswith(b"%PDF")
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", content))


@pytest.fixture
def files() -> Files:
    return Files()
