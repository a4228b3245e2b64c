"""Contract tests: Schemathesis generates requests for every operation of the OpenAPI schema and checks
that the app never answers 5xx and that every documented response matches the schema. Two roles: an
instansi token (HR's view) and a pegawai's personal token with every write scope. Bounded and
derandomised, so the run takes the same few seconds every time."""
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
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
    # The coverage phase adds dozens of boundary cases per parameter; the fuzzing phase (bounded below)
    # keeps the run within about a minute on a busy 2-core machine.
    loaded.config.phases.coverage.enabled = False
    return loaded


schema = _load_schema()
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """The WSGI app closes the database connection after each request; Django's test client switches that
    off, and so do we here: on PostgreSQL it would close the test's transaction under it."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def hr_token(org, data):
    return {"Authorization": f"Bearer {issue(org)[1]}"}


@pytest.fixture
def pegawai_token(org, data):
    return {"Authorization": f"Bearer {issue(org, user=org.pegawai.user, scopes=ALL)[1]}"}


BOUNDED = settings(max_examples=10, derandomize=True, deadline=None, phases=[Phase.explicit, Phase.generate],
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


def test_contract_fails_when_schema_and_code_disagree(org, data, hr_token):
    """The check bites: with the schema claiming ``nip`` is a number, a real pegawai response fails it."""
    import copy

    from drf_spectacular.generators import SchemaGenerator

    from kinerja.wsgi import application

    raw = copy.deepcopy(SchemaGenerator().get_schema(request=None, public=True))
    raw["components"]["schemas"]["Pegawai"]["properties"]["nip"] = {"type": "integer"}
    salah = schemathesis.openapi.from_dict(raw)
    salah.app = application
    case = salah["/api/v1/pegawai/{id}/"]["GET"].Case(path_parameters={"id": org.pegawai.pk})
    response = case.call(headers=hr_token)
    assert response.status_code == 200
    with pytest.raises(FailureGroup) as exc:
        case.validate_response(response, checks=[response_schema_conformance])
    assert [type(e).__name__ for e in exc.value.exceptions] == ["JsonSchemaError"]
    assert "/properties/nip" in str(exc.value.exceptions[0])
    # and the true schema accepts the same response
    benar = schema["/api/v1/pegawai/{id}/"]["GET"].Case(path_parameters={"id": org.pegawai.pk})
    benar.validate_response(benar.call(headers=hr_token), checks=CHECKS)
