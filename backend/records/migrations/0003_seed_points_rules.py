"""Seeds the points rules (党员积分) with what the settings gave until the table replaced them: the environment's
RECORDS_POINTS_* values where an installation set them, else the defaults, in force since long before any record."""
import datetime as dt
import os

from django.db import migrations

# kind -> (the environment variable the settings read, its default)
FROM_SETTINGS = {
    "shift_hour": ("RECORDS_POINTS_SHIFT_HOUR", 1),
    "post_held": ("RECORDS_POINTS_POST_HELD", 10),
    "micro_wish": ("RECORDS_POINTS_MICRO_WISH", 5),
    "need_closed_in_time": ("RECORDS_POINTS_NEED_CLOSED_IN_TIME", 5),
}
SINCE = dt.date(2000, 1, 1)


def seed(apps, schema_editor):
    rule = apps.get_model("records", "PointsRule")
    for kind, (variable, default) in FROM_SETTINGS.items():
        rule.objects.get_or_create(
            kind=kind, effective_from=SINCE, defaults={"points": int(os.environ.get(variable, default))}
        )


def unseed(apps, schema_editor):
    apps.get_model("records", "PointsRule").objects.filter(effective_from=SINCE).delete()


class Migration(migrations.Migration):
    dependencies = [("records", "0002_points_rules")]

    operations = [migrations.RunPython(seed, unseed)]
