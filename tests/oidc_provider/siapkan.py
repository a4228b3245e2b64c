"""The provider's database, users and Kinerja's client: ``python -m tests.oidc_provider.siapkan <kinerja-url>``."""
import sys

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402

from tests.oidc_provider.models import Nip  # noqa: E402
from tests.oidc_provider.pengguna import CLIENT_ID, CLIENT_SECRET, PENGGUNA_OP  # noqa: E402

kinerja = sys.argv[1].rstrip("/")
call_command("migrate", run_syncdb=True, verbosity=0)
for username, (password, nip) in PENGGUNA_OP.items():
    user = User.objects.create_user(username, password=password, first_name=username.title())
    if nip is not None:
        Nip.objects.create(user=user, nip=nip)
Application.objects.create(
    name="Kinerja", client_id=CLIENT_ID, client_secret=CLIENT_SECRET,
    client_type=Application.CLIENT_CONFIDENTIAL, authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
    redirect_uris=f"{kinerja}/oidc/callback/", post_logout_redirect_uris=f"{kinerja}/masuk/",
    algorithm=Application.RS256_ALGORITHM, skip_authorization=False,
)
