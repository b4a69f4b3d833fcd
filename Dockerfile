# The backend image: used by the backend (gunicorn), worker and beat services of docker-compose.yml.
# Production packages only (requirements.txt; the test tools are in requirements-dev.txt), run as an unprivileged
# user. Reproduce with `docker build .` from a clean checkout: every Python package is pinned.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VAR_DIR=/var/app
WORKDIR /app
# pg_dump and pg_restore for `manage.py backup` and `restore` (Debian's, at least the db service's version 15); procps for the beat health check (pgrep)
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client procps && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY backend/ backend/
COPY matching/ matching/
# The optimizer as an installed package (pyproject.toml; its dependencies are requirements.txt's pins). The build
# reads the version from backend/config/version.py; the Django project runs from backend/.
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir --no-deps . && rm -rf build *.egg-info
WORKDIR /app/backend
RUN DJANGO_SECRET_KEY=build-only-$(python -c "print('x' * 50)") DJANGO_SETTINGS_MODULE=config.settings.production \
    python manage.py collectstatic --noinput -v 0
# The user the processes run as owns VAR_DIR and the folders of the named volumes (a new volume copies this owner).
RUN useradd --system --uid 10001 --home-dir /var/app app \
    && mkdir -p /var/app/media /var/app/metrics /var/app/backups \
    && chown -R app:app /var/app
USER app
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2", "--timeout", "300"]
