"""``manage.py bench``: seed a large instansi fast, time every page of every role, load-test the writes.

``tulis`` writes rows (COPY on PostgreSQL, ``bulk_create`` elsewhere); ``seed_*`` modules build a year of
data; ``halaman`` times the pages; ``beban`` runs locust against gunicorn; ``tabel`` prints the targets.
"""
