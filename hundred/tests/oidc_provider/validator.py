"""The claims the test provider gives: the e-mail, whether it is verified, and the name."""

from oauth2_provider.oauth2_validators import OAuth2Validator

# A provider user in this group has a verified address; anyone else has not.
VERIFIED_GROUP = "email-verified"


class Validator(OAuth2Validator):
    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "email_verified": user.groups.filter(name=VERIFIED_GROUP).exists(),
            "name": user.get_full_name(),
        }
