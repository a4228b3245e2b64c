"""Contract tests: Schemathesis generates requests for every operation of the OpenAPI schema and checks
that the app never answers 5xx and that every documented response matches the schema. Two roles: an
instansi token (HR's view) and a pegawai's personal token with every write scope. Bounded and
derandomised, so the run takes the same few seconds every time."""
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from .conftest import ALL, issue



def _load_schema():
    """The schema the app serves at /api/schema/, built in-process (no request, so no database at import);
    requests go to the WSGI app in-process as well. (The lazy ``from_fixture`` loader of Schemathesis
    4.32 does not run under pytest 9.2.)"""
    from drf_spectacular.generators import SchemaGenerator

    from kinerja.wsgi import application

    loaded = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
    loaded.app = application
    return loaded


schema = _load_schema()
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def hr_token(org, data):
    return {"Authorization": f"Bearer {issue(org)[1]}"}


@pytest.fixture
def pegawai_token(org, data):
    return {"Authorization": f"Bearer {issue(org, user=org.pegawai.user, scopes=ALL)[1]}"}


BOUNDED = settings(max_examples=5, derandomize=True, deadline=None, phases=[Phase.explicit, Phase.generate],
                   suppress_health_check=list(HealthCheck))


@schema.parametrize()
@BOUNDED
def test_api_matches_schema_as_hr_token(case, hr_token):
    case.call_and_validate(headers=hr_token, checks=CHECKS)


@schema.parametrize()
@BOUNDED
def test_api_matches_schema_as_pegawai(case, pegawai_token):
    case.call_and_validate(headers=pegawai_token, checks=CHECKS)


def test_served_schema_is_the_tested_one(client):
    import yaml

    served = yaml.safe_load(client.get("/api/schema/").content)
    assert served["paths"].keys() == schema.raw_schema["paths"].keys()


def test_schema_is_valid_and_complete():
    """The schema generates without warnings (a view the generator cannot describe fails here)."""
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
