from oauth2_provider.oauth2_validators import OAuth2Validator


class Validator(OAuth2Validator):
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "nip": "profile"}

    def get_additional_claims(self, request):
        claims = {"preferred_username": request.user.username, "name": request.user.get_full_name()}
        nip = getattr(request.user, "nip", None)
        if nip is not None:
            claims["nip"] = nip.nip
        return claims
