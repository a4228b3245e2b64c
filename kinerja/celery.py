"""Celery application, wired as in Celery's "First steps with Django" guide."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")

app = Celery("kinerja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
