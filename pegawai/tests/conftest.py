import pytest

from tests.oidc_provider.fixtures import oidc_provider  # noqa: F401  (session fixture: a real OpenID provider)


@pytest.fixture
def sso_on(settings, oidc_provider):  # noqa: F811
    """Kinerja configured for the test provider, as the OIDC_* environment variables would do."""
    from pegawai.sso import BACKEND

    settings.OIDC_ISSUER = oidc_provider.issuer
    settings.OIDC_RP_CLIENT_ID = oidc_provider.client_id
    settings.OIDC_RP_CLIENT_SECRET = oidc_provider.client_secret
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    csp = getattr(settings, "CONTENT_SECURITY_POLICY", None)
    if csp:  # as settings does for OIDC_PROVIDER_ORIGIN: logout's redirect to the provider is a form action
        directives = {**csp["DIRECTIVES"], "form-action": [*csp["DIRECTIVES"]["form-action"], oidc_provider.url]}
        settings.CONTENT_SECURITY_POLICY = {**csp, "DIRECTIVES": directives}
    return oidc_provider
