"""Reports stored before confirmation existed count as confirmed. A migration of its own: on PostgreSQL, rows
updated in a transaction leave deferred foreign-key checks pending, and the same transaction could not then alter
the table (0007 adds the constraint)."""
from django.db import migrations


def reports_confirm(apps, schema_editor):
    """Reports stored so far were entered by coordinators (only they could set them): confirmed on their day."""
    import datetime as dt

    from django.utils import timezone

    Volunteer = apps.get_model("people", "Volunteer")
    rows = []
    for volunteer in Volunteer.objects.filter(reported_community__isnull=False).only("pk", "reported_at").iterator(chunk_size=2000):
        volunteer.report_confirmed_at = timezone.make_aware(dt.datetime.combine(volunteer.reported_at, dt.time(12)))
        rows.append(volunteer)
    Volunteer.objects.bulk_update(rows, ["report_confirmed_at"], batch_size=2000)


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0005_report_confirmation'),
    ]

    operations = [
        migrations.RunPython(reports_confirm, migrations.RunPython.noop),
    ]
