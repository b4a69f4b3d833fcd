"""Seeds the default deadlines (限时办结) by category and urgency, and gives each need filed before the owner history
its first row (its owner since it was filed)."""
from django.db import migrations

# Days to finish by urgency (5 = most urgent); safety, health and hardship needs get half as long (at least a day).
DAYS_BY_URGENCY = {5: 1, 4: 3, 3: 7, 2: 10, 1: 15}
PRESSING = {"safety", "health", "hardship"}
CATEGORIES = ["elderly", "children", "health", "legal", "environment", "culture", "safety", "hardship", "other"]


def seed(apps, schema_editor):
    rule = apps.get_model("needs", "NeedDeadlineRule")
    for category in CATEGORIES:
        for urgency, days in DAYS_BY_URGENCY.items():
            rule.objects.get_or_create(
                category=category, urgency=urgency,
                defaults={"days": max(1, days // 2) if category in PRESSING else days},
            )
    need, ownership = apps.get_model("needs", "Need"), apps.get_model("needs", "NeedOwnership")
    ownership.objects.bulk_create(
        ownership(need_id=pk, owner_id=owner_id, since=created_at, assigned_by_id=owner_id)
        for pk, owner_id, created_at in need.objects.filter(owner__isnull=False, ownerships__isnull=True)
        .values_list("pk", "owner_id", "created_at").iterator()
    )


def unseed(apps, schema_editor):
    apps.get_model("needs", "NeedDeadlineRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("needs", "0003_owner_history_and_deadline_rules")]

    operations = [migrations.RunPython(seed, unseed)]
