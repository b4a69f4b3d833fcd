# Export jobs on the run kernel (runs.models.Run). The rows there are kept: requested_by becomes created_by,
# error becomes message and heartbeat_at becomes heartbeat (renamed, so their values stay); the statuses (queued,
# running, done, failed) are the kernel's own values; the kernel's new columns are filled in from what each row holds
# (its requester's scope, its version among the requester's exports of its kind, an attempt for every job a worker
# started, its last change).

import django.core.validators
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

TIME_LIMIT = 600.0  # reports.services.EXPORT_TIME_LIMIT when this was written


def kernel_columns_fill(apps, schema_editor):
    ExportJob = apps.get_model("reports", "ExportJob")
    jobs = list(ExportJob.objects.order_by("created_by_id", "kind", "created_at", "id"))
    versions: dict[tuple[int, str], int] = {}
    for job in jobs:
        key = (job.created_by_id, job.kind)
        versions[key] = versions.get(key, 0) + 1
        job.scope_key = f"user:{job.created_by_id}"
        job.version = versions[key]
        job.attempts = 1 if job.started_at is not None else 0
        job.updated_at = job.finished_at or job.heartbeat or job.started_at or job.created_at
    # bulk_update: save() would stamp updated_at (auto_now) with the migration's time.
    ExportJob.objects.bulk_update(jobs, ["scope_key", "version", "attempts", "updated_at"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0002_export_heartbeat'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='exportjob',
            name='reports_exp_request_da40c6_idx',
        ),
        migrations.RenameField(
            model_name='exportjob',
            old_name='requested_by',
            new_name='created_by',
        ),
        migrations.RenameField(
            model_name='exportjob',
            old_name='error',
            new_name='message',
        ),
        migrations.RenameField(
            model_name='exportjob',
            old_name='heartbeat_at',
            new_name='heartbeat',
        ),
        migrations.AlterField(
            model_name='exportjob',
            name='message',
            field=models.TextField(blank=True, verbose_name='message'),
        ),
        migrations.AlterField(
            model_name='exportjob',
            name='heartbeat',
            field=models.DateTimeField(blank=True, null=True, verbose_name='last heartbeat'),
        ),
        migrations.AlterField(
            model_name='exportjob',
            name='status',
            field=models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed'), ('cancelled', 'Cancelled')], default='queued', max_length=16, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='exportjob',
            name='progress',
            field=models.PositiveSmallIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(100)], verbose_name='progress (%)'),
        ),
        migrations.AddField(
            model_name='exportjob',
            name='scope_key',
            field=models.CharField(default='', editable=False, max_length=40, verbose_name='scope key'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='exportjob',
            name='version',
            field=models.PositiveIntegerField(default=1, verbose_name='version'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='exportjob',
            name='stage',
            field=models.CharField(blank=True, max_length=64, verbose_name='stage'),
        ),
        migrations.AddField(
            model_name='exportjob',
            name='attempts',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='attempts'),
        ),
        migrations.AddField(
            model_name='exportjob',
            name='time_limit',
            field=models.FloatField(default=TIME_LIMIT, verbose_name='time limit (s)'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='exportjob',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name='updated at'),
            preserve_default=False,
        ),
        migrations.RunPython(kernel_columns_fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='exportjob',
            index=models.Index(fields=['created_by', 'created_at'], name='reports_exp_created_fcaeef_idx'),
        ),
        migrations.AddConstraint(
            model_name='exportjob',
            constraint=models.UniqueConstraint(fields=('scope_key', 'kind', 'version'), name='export_version_unique'),
        ),
        migrations.AddConstraint(
            model_name='exportjob',
            constraint=models.CheckConstraint(condition=models.Q(('status', 'cancelled'), _negated=True), name='export_never_cancelled'),
        ),
    ]
