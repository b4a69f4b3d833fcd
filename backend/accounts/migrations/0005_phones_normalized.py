"""Every stored phone in its E.164 form, and who has activated. A migration of its own: on PostgreSQL, rows
updated in a transaction leave deferred foreign-key checks pending, and the same transaction could not then alter
the table (0006 adds the uniqueness rule)."""
from django.db import migrations, models

import core.phones


def phones_normalize(apps, schema_editor):
    """Every stored phone in its E.164 form. Nothing is lost: a value that is no mainland mobile number is kept as
    it was and marked "invalid"; when several active accounts hold one number, the oldest account keeps it and
    the others keep it too, marked "duplicate", out of the uniqueness rule until somebody corrects them. The
    counts are printed, so whoever runs `migrate` sees what is left to correct."""
    User = apps.get_model("accounts", "User")
    holders, changed, invalid, duplicate = {}, [], 0, 0
    for user in User.objects.exclude(phone="").order_by("pk").only("pk", "phone", "is_active").iterator(chunk_size=2000):
        normal = core.phones.phone_parse(user.phone)
        if normal is None:
            user.phone_problem = "invalid"
            invalid += 1
        else:
            user.phone = normal
            if user.is_active and normal in holders:
                user.phone_problem = "duplicate"
                duplicate += 1
            elif user.is_active:
                holders[normal] = user.pk
        changed.append(user)
    User.objects.bulk_update(changed, ["phone", "phone_problem"], batch_size=2000)
    if invalid or duplicate:
        print(f"\n  accounts.0004: {invalid} phone(s) kept as typed and marked invalid, {duplicate} marked duplicate "
              "(filter users by phone_problem to correct them)")


def activated_mark(apps, schema_editor):
    """Accounts that already have a password of their own (made in the admin, or the demo's) count as activated
    since they joined; the others (made by the API or an import, with an unusable password) wait for an
    invitation."""
    User = apps.get_model("accounts", "User")
    User.objects.exclude(password__startswith="!").exclude(password="").update(activated_at=models.F("date_joined"))


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_phones_invitations_codes'),
    ]

    operations = [
        migrations.RunPython(phones_normalize, migrations.RunPython.noop),
        migrations.RunPython(activated_mark, migrations.RunPython.noop),
    ]
