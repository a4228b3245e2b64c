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


class _PilihanDimuat(forms.models.ModelChoiceIterator):
    """Iterates the field's loaded objects instead of running its queryset (see ``PilihanDimuat``)."""

    def __iter__(self):
        if self.field.objek is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.objek:
            yield self.choice(obj)

    def __len__(self):
        if self.field.objek is None:
            return super().__len__()
        return len(self.field.objek) + (self.field.empty_label is not None)

    def __bool__(self):
        if self.field.objek is None:
            return super().__bool__()
        return self.field.empty_label is not None or bool(self.field.objek)


class PilihanDimuat:
    """Mixin for a ModelChoiceField: after ``pilihan(objek)`` it renders and validates from those objects,
    already loaded by the page (which lists them anyway), with no query of its own; an id outside them is
    the field's ordinary "not a valid choice". Without ``pilihan`` it is the plain field."""

    iterator = _PilihanDimuat
    objek = None

    def pilihan(self, objek) -> None:
        self.objek = list(objek)
        self.widget.choices = self.choices

    def to_python(self, value):
        if self.objek is None or value in self.empty_values:
            return super().to_python(value)
        key = self.to_field_name or "pk"
        if isinstance(value, self.queryset.model):
            value = getattr(value, key)
        for obj in self.objek:
            if str(getattr(obj, key)) == str(value):
                return obj
        raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                    params={"value": value})


class ModelChoiceDimuat(PilihanDimuat, forms.ModelChoiceField):
    """A ModelChoiceField that can take its choices loaded already (``PilihanDimuat``)."""
