"""Every entry of the default beat schedule names a task a worker knows, with a schedule beat can read."""

from celery.schedules import crontab
from django.conf import settings

from config.celery import app


def test_every_beat_entry_names_a_registered_task():
    # given the worker's task registry, filled the way a worker fills it
    app.loader.import_default_modules()
    registered = set(app.tasks)
    # when the default schedule's task names are collected
    named = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    # then none is unknown (beat would send it and the worker would drop it)
    assert named - registered == set()


def test_the_quarterly_feedback_runs_on_the_first_day_of_each_quarter():
    # given the feedback-to-employers entry
    schedule = settings.CELERY_BEAT_SCHEDULE["reports-quarterly-feedback"]["schedule"]
    # then it is a crontab firing on the 1st of January, April, July and October only
    assert isinstance(schedule, crontab)
    assert schedule.month_of_year == {1, 4, 7, 10}
    assert schedule.day_of_month == {1}
