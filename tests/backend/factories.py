"""factory_boy factories for every domain model; sequences keep names and codes unique."""

import datetime as dt

import factory
from django.utils import timezone

from accounts.models import User
from geo.models import Community, District, Facility, Grid, SubDistrict
from needs.models import Need
from offers.models import ServiceOffer
from orgs.models import Agreement, AgreementItem, Unit
from people.models import Blackout, Skill, Volunteer, WeeklyAvailability
from planning.models import MatchingRun, Publication
from posts.models import Post, PostHolding, Team
from projects.models import Project
from reports.models import ExportJob, export_scope_key
from resources.models import Resource, ResourceSlot
from shifts.models import ResourceRequest, Shift

NEXT_MONDAY = dt.date(2026, 11, 30)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ["code"]

    name = "中原区"
    city = "郑州市"
    code = "410102"


class SubDistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubDistrict

    district = factory.SubFactory(DistrictFactory)
    name = factory.Sequence(lambda n: f"街道{n}")
    code = factory.Sequence(lambda n: f"SD{n:03d}")


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community

    sub_district = factory.SubFactory(SubDistrictFactory)
    name = factory.Sequence(lambda n: f"社区{n}")
    code = factory.Sequence(lambda n: f"C{n:04d}")
    lat = 34.75
    lng = 113.62


class GridFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grid

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"第{n}网格")
    code = factory.Sequence(lambda n: f"G{n:05d}")


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    community = factory.SubFactory(CommunityFactory)
    kind = Facility.Kind.ROOM
    name = factory.Sequence(lambda n: f"活动室{n}")
    capacity = 30


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"驻区单位{n}")
    kind = Unit.Kind.COMPANY
    party_organisation = factory.LazyAttribute(lambda o: f"{o.name}党支部")
    community = factory.SubFactory(CommunityFactory)
    lat = 34.75
    lng = 113.62
    contact_phone = "13800001111"


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    unit = factory.SubFactory(UnitFactory)
    community = factory.SubFactory(CommunityFactory)
    year = 2026
    title = "共建协议"


class AgreementItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementItem

    agreement = factory.SubFactory(AgreementFactory)
    description = "每季度两次共建活动"


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"skill_{n}")
    name = factory.Sequence(lambda n: f"技能{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    role = User.Role.VOLUNTEER
    phone = factory.Sequence(lambda n: f"+86137{n:08d}")  # E.164, one per account (user_phone_unique_active)
    password = factory.PostGenerationMethodCall("set_password", "pw-12345678")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer

    user = factory.SubFactory(UserFactory)
    number = factory.Sequence(lambda n: f"ZY{n:07d}")
    name = factory.Sequence(lambda n: f"志愿者{n}")
    kind = Volunteer.Kind.RETIRED
    home_community = factory.SubFactory(CommunityFactory)
    lat = 34.75
    lng = 113.62
    skills = factory.LazyFunction(dict)


class WeeklyAvailabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WeeklyAvailability

    volunteer = factory.SubFactory(VolunteerFactory)
    weekday = 6
    start_time = dt.time(9)
    end_time = dt.time(12)


class BlackoutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Blackout

    volunteer = factory.SubFactory(VolunteerFactory)
    start = factory.LazyFunction(lambda: at(NEXT_MONDAY, 8))
    end = factory.LazyFunction(lambda: at(NEXT_MONDAY, 18))
    reason = "出差"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    community = factory.SubFactory(CommunityFactory)
    kind = Team.Kind.PARTY_GROUP
    name = factory.Sequence(lambda n: f"第{n}党小组")


class ServiceOfferFactory(factory.django.DjangoModelFactory):
    """A unit's offer unless a team is given; listed under the provider's community."""

    class Meta:
        model = ServiceOffer

    unit = factory.SubFactory(UnitFactory)
    team = None
    community = factory.LazyAttribute(lambda o: o.team.community if o.team else o.unit.community)
    title = factory.Sequence(lambda n: f"上门理发{n}")
    category = Need.Category.ELDERLY
    type = Need.Type.SERVICE


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"治安巡逻岗{n}")
    category = Post.Category.PATROL
    duties = "巡查楼院安全隐患"
    seats = 2
    weekdays = factory.LazyFunction(lambda: [6])
    start_time = dt.time(9)
    end_time = dt.time(11)
    lat = 34.75
    lng = 113.62


class PostHoldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostHolding

    post = factory.SubFactory(PostFactory)
    volunteer = factory.SubFactory(VolunteerFactory)
    year = 2026


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    title = factory.Sequence(lambda n: f"需求{n}")
    source = Need.Source.RESIDENT
    requester_name = "王小明"
    requester_phone = "13700001234"
    community = factory.SubFactory(CommunityFactory)
    category = Need.Category.ELDERLY
    type = Need.Type.SERVICE
    headcount = 2


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    unit = factory.SubFactory(UnitFactory)
    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"会议室{n}")
    category = Resource.Category.VENUE
    capacity = 40
    features = factory.LazyFunction(lambda: ["projector"])
    lat = 34.75
    lng = 113.62


class ResourceSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceSlot

    resource = factory.SubFactory(ResourceFactory)
    weekday = 6
    start_time = dt.time(8)
    end_time = dt.time(18)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"项目{n}")
    start_date = dt.date(2026, 1, 1)
    end_date = dt.date(2026, 12, 31)


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    community = factory.SubFactory(CommunityFactory)
    title = factory.Sequence(lambda n: f"班次{n}")
    week = NEXT_MONDAY
    start = factory.LazyFunction(lambda: at(NEXT_MONDAY + dt.timedelta(days=5), 9))
    end = factory.LazyFunction(lambda: at(NEXT_MONDAY + dt.timedelta(days=5), 11))
    seats = 2
    lat = 34.75
    lng = 113.62


class ResourceRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceRequest

    shift = factory.SubFactory(ShiftFactory)
    kind = Resource.Category.VENUE
    min_capacity = 30


class ExportJobFactory(factory.django.DjangoModelFactory):
    """A queued export of service records as CSV, in its requester's scope (reports.services.export_job_create)."""

    class Meta:
        model = ExportJob

    kind = ExportJob.Kind.SERVICE_RECORDS
    format = ExportJob.Format.CSV
    created_by = factory.SubFactory(UserFactory)
    scope_key = factory.LazyAttribute(lambda job: export_scope_key(job.created_by.pk))
    version = factory.Sequence(lambda n: n + 1)
    time_limit = 600.0


def community_run(
    community,
    *,
    week: dt.date,
    published: bool = False,
    published_by: User | None = None,
    **extra,
) -> MatchingRun:
    """A finished matching run of one community's week, written directly (no solve), published now if asked.
    `extra` sets or overrides the run's other fields (scope_key, version, status, time_limit, created_by...)."""
    fields = {
        "scope_key": f"community:{community.pk}",
        "version": 1,
        "status": MatchingRun.Status.DONE,
        "stage": "Done",
        "progress": 100,
        "time_limit": 10.0,
        "solver": "highs",
    }
    run = MatchingRun.objects.create(
        level=MatchingRun.Level.COMMUNITY,
        district_id=community.sub_district.district_id,
        sub_district=community.sub_district,
        community=community,
        week=week,
        **{**fields, **extra},
    )
    if published:
        Publication.objects.create(
            scope_key=run.scope_key,
            week=run.week,
            run=run,
            published_by=published_by,
            published_at=timezone.now(),
        )
    return run
