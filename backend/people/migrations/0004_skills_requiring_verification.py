"""Existing catalogues: medical care, legal advice and electrical work require a coordinator's verification.

Only the catalogue changes. Volunteers' consents are left exactly as stored (nothing is granted), and no
verification is invented: a claimed level of these skills stops counting for matching until verified.
"""
from django.db import migrations

# The demo catalogue's codes (demo/data.py SKILLS) and the categories another catalogue might use for them.
CODES = ("medical", "legal_advice", "plumbing_electrical")
CATEGORIES = ("medical", "electrical")


def mark(apps, schema_editor):
    Skill = apps.get_model("people", "Skill")
    Skill.objects.filter(code__in=CODES).update(requires_verification=True)
    Skill.objects.filter(category__in=CATEGORIES).update(requires_verification=True)


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0003_consent_and_skill_verification"),
    ]

    operations = [
        migrations.RunPython(mark, migrations.RunPython.noop),
    ]
