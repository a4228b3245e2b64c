# Kinerja web/worker/beat image (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint needs Pango and HarfBuzz-subset; DejaVu covers Indonesian text in PDFs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# collectstatic needs settings to load; the key is only used for this build step.
RUN SECRET_KEY=collectstatic-only DEBUG=0 python manage.py collectstatic --noinput \
 && useradd --create-home --uid 1000 kinerja \
 && mkdir -p /data/media /data/beat \
 && chown -R kinerja:kinerja /data

USER kinerja
EXPOSE 8000
CMD ["gunicorn", "kinerja.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
