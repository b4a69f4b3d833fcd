from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0006_report_confirmation_data'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='volunteer',
            constraint=models.CheckConstraint(condition=models.Q(('report_confirmed_at__isnull', True), ('reported_community__isnull', False), _connector='OR'), name='volunteer_report_confirmed_is_reported'),
        ),
    ]
