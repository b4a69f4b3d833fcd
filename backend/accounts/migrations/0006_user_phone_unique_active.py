from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_phones_normalized'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='user',
            constraint=models.UniqueConstraint(condition=models.Q(('is_active', True), ('phone_problem', ''), models.Q(('phone', ''), _negated=True)), fields=('phone',), name='user_phone_unique_active'),
        ),
    ]
