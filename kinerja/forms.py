"""Form fields shared by the apps."""
from django import forms

from .web import parse_int


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses ids which are not bounded ASCII integers before querying.

    Django sends ``pk__in=[…]`` straight to the database: a 25-digit id overflows SQLite's INTEGER (a 500)
    where it should be the field's ordinary "not a valid choice" message.
    """

    def _check_values(self, value):
        for pk in value:
            if parse_int(str(pk), min_value=1) is None:
                raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                            params={"pk": pk})
        return super()._check_values(value)
