"""drf-spectacular: describe the token authentication in the schema."""
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "api.auth.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "Token integrasi: `Authorization: Bearer knj_…` (atau `Token knj_…`)."}


GALAT = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
# Field name → messages (the services' Indonesian messages), non_field_errors, or "detail" (unreadable body).
GALAT_VALIDASI = {"type": "object", "additionalProperties": {
    "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]}}


def add_error_responses(result, generator, request, public):
    """Postprocessing hook: document the error answers every operation may give, so the contract tests
    check their bodies too (401 no/invalid token, 403 scope, 404 outside scope, 429 throttled)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Galat"], schemas["GalatValidasi"] = GALAT, GALAT_VALIDASI

    def ref(name, description):
        return {"description": description,
                "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}}

    for operations in result.get("paths", {}).values():
        for op in operations.values():
            responses = op.setdefault("responses", {})
            responses.setdefault("400", ref("GalatValidasi", "Masukan tidak valid"))
            responses.setdefault("401", ref("Galat", "Tanpa token/sesi, atau token dicabut/kedaluwarsa"))
            responses.setdefault("403", ref("Galat", "Token tanpa cakupan untuk tindakan ini"))
            responses.setdefault("404", ref("Galat", "Tidak ada, atau di luar lingkup pemanggil"))
            responses.setdefault("429", ref("Galat", "Terlalu banyak permintaan"))
    return result
