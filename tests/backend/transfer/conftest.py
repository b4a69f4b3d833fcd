"""Small ORM set-up for the import/export tests: two sub-districts, three communities, units, users of each role."""

import csv
import io
import itertools

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from accounts.models import User
from core.phones import phone_normalize
from geo.models import Community, District, Grid, SubDistrict
from orgs.models import Unit
from people.models import Skill
from people.services import volunteer_create
from resources.models import Resource


class World:
    """The places, units and people every test starts from."""

    def __init__(self):
        self.phones = itertools.count(12345678)
        district = District.objects.create(name="朝阳区", city="北京", code="D1")
        self.s1 = SubDistrict.objects.create(district=district, name="和平街街道", code="S1")
        self.s2 = SubDistrict.objects.create(district=district, name="安贞街道", code="S2")
        self.c1 = Community.objects.create(sub_district=self.s1, name="和平里社区", code="C1", lat=39.96, lng=116.41)
        self.c2 = Community.objects.create(sub_district=self.s1, name="小黄庄社区", code="C2", lat=39.97, lng=116.42)
        self.c3 = Community.objects.create(sub_district=self.s2, name="安华里社区", code="C3", lat=39.98, lng=116.40)
        self.g1 = Grid.objects.create(community=self.c1, name="第一网格", code="C1-G1")
        self.g3 = Grid.objects.create(community=self.c3, name="第一网格", code="C3-G1")
        self.school = Unit.objects.create(
            name="第一中学", kind=Unit.Kind.SCHOOL, community=self.c1, lat=39.96, lng=116.41
        )
        self.hospital = Unit.objects.create(
            name="和平医院", kind=Unit.Kind.HOSPITAL, community=self.c3, lat=39.98, lng=116.4
        )
        Skill.objects.create(code="first_aid", name="急救")
        Skill.objects.create(code="legal", name="法律咨询")
        self.admin = User.objects.create_user(username="admin", role=User.Role.ADMIN)
        self.coordinator = User.objects.create_user(username="c1", role=User.Role.COMMUNITY, community=self.c1)
        self.sub_coordinator = User.objects.create_user(username="s1", role=User.Role.SUBDISTRICT, sub_district=self.s1)
        self.representative = User.objects.create_user(username="rep", role=User.Role.UNIT, unit=self.school)

    def volunteer(self, name="张伟", community=None, **fields):
        values = {
            "kind": "resident",
            "home_community": community or self.c1,
            "lat": 39.96,
            "lng": 116.41,
            "phone": f"138{next(self.phones):08d}",  # one per active account
        }
        values.update(fields)
        values["phone"] = phone_normalize(values["phone"])  # the service takes the stored form
        return volunteer_create(name=name, **values)

    def resource(self, name="多功能厅", community=None, unit=None, **fields):
        values = {"category": "venue", "capacity": 40, "lat": 39.96, "lng": 116.41}
        values.update(fields)
        return Resource.objects.create(name=name, community=community or self.c1, unit=unit, **values)


@pytest.fixture
def world(db):
    return World()


def _client_for(user, language="en") -> APIClient:
    # Messages are asserted in English here; test_i18n checks the Chinese ones.
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    if user is not None:
        client.force_authenticate(user)
    return client


def _csv_upload(*rows: list, name="sheet.csv", encoding="utf-8"):
    """A CSV upload from rows of cells (the first row is the header)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), content_type="text/csv")


def _xlsx_upload(*rows: list, name="sheet.xlsx"):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def client_for():
    return _client_for


@pytest.fixture
def csv_upload():
    return _csv_upload


@pytest.fixture
def xlsx_upload():
    return _xlsx_upload
