"""A real OpenID Connect provider (django-oauth-toolkit) for the SSO tests: a separate Django project,
started by ``tests/oidc_fixtures.py`` as a subprocess on 127.0.0.1 with its own SQLite database."""
