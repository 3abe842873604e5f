"""Forms for a person, a logged interaction and the people filters."""

from __future__ import annotations

import re

from django import forms
from django.core.validators import validate_email
from django.db.models import CharField, Q, Value
from django.db.models.functions import Concat
from django.utils import timezone

from hundred.lib.phones import is_phone_number, normalise_phone
from hundred.network.forms.pestguard import OverrideMixin, override_field
from hundred.network.models import Channel, Company, Direction, Interaction, Person, Stage, Tag

_SPLIT = re.compile(r"[\n,;]+")


_NUMBERED = re.compile(r"\(#(\d+)\)$")


def introducer_label(person: Person) -> str:
    """How a suggestion fills the "Introduced by" field: 'Ann Lee (#12)'. The number tells
    apart two people of the same name."""
    return f"{person.full_name} (#{person.pk})"


def without_number(text: str) -> str:
    """'Ann  Lee (#12)' -> 'Ann Lee': what was typed, spaces tidied, a suggestion's number off."""
    return _NUMBERED.sub("", " ".join(text.split())).strip()


def split_values(text: str) -> list[str]:
    """'a@x.org, b@y.org\\n' -> ['a@x.org', 'b@y.org'], order kept, repeats dropped."""
    seen: dict[str, str] = {}
    for value in _SPLIT.split(text or ""):
        value = value.strip()
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return list(seen.values())


class PersonForm(forms.ModelForm):
    emails_text = forms.CharField(
        label="E-mail addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line.",
    )
    phones_text = forms.CharField(
        label="Phone numbers",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line.",
    )
    company_name = forms.CharField(
        label="Company",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"list": "company-names", "autocomplete": "off"}),
        help_text="A new name adds the company.",
    )
    tags_text = forms.CharField(
        label="Tags", required=False, help_text="Separated by commas.", max_length=500
    )
    # A name typed, with suggestions as you type, not a <select> of everyone: at 30,000
    # people that list made the page 1.6 MB and took over 3 s.
    introduced_by_name = forms.CharField(
        label="Introduced by",
        required=False,
        max_length=400,
        widget=forms.TextInput(attrs={"list": "introducer-options", "autocomplete": "off"}),
        help_text="Start typing a name and pick them from the suggestions.",
    )

    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "title",
            "location",
            "linkedin_url",
            "how_known",
            "closeness",
            "stage",
            "connected_on",
            "notes",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 4}),
            "connected_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        if self.instance.pk:
            self.fields["emails_text"].initial = "\n".join(self.instance.emails)
            self.fields["phones_text"].initial = "\n".join(self.instance.phones)
            self.fields["company_name"].initial = (
                self.instance.company.name if self.instance.company else ""
            )
            self.fields["tags_text"].initial = ", ".join(t.name for t in self.instance.tags.all())
            if self.instance.introduced_by_id:
                self.fields["introduced_by_name"].initial = introducer_label(
                    self.instance.introduced_by
                )

    def clean_emails_text(self) -> list[str]:
        emails = split_values(self.cleaned_data["emails_text"])
        for email in emails:
            try:
                validate_email(email)
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"“{email}” does not look like an e-mail address; correct or remove it."
                ) from None
        return emails

    def clean_phones_text(self) -> list[str]:
        from django.conf import settings

        region = settings.DEFAULT_PHONE_REGION
        phones = split_values(self.cleaned_data["phones_text"])
        for phone in phones:
            if not is_phone_number(phone, region):
                raise forms.ValidationError(
                    f"“{phone}” is not a phone number: give its digits (+44 20 7946 0000), "
                    "or remove it and keep the words in the notes."
                )
        return [normalise_phone(p, region) for p in phones]

    def clean_tags_text(self) -> list[str]:
        return [t[:60] for t in split_values(self.cleaned_data["tags_text"].replace(";", ","))]

    def clean_introduced_by_name(self) -> Person | None:
        """The person named: 'Ann Lee (#12)' as the suggestions give it, or a name typed in
        full that only one person on the list has."""
        text = " ".join(self.cleaned_data["introduced_by_name"].split())
        if not text:
            return None
        people = Person.objects.for_user(self.owner)
        numbered = _NUMBERED.search(text)
        if numbered:
            pk = int(numbered.group(1))
            if pk == self.instance.pk:
                raise forms.ValidationError("Nobody introduces themselves: pick someone else.")
            found = people.filter(pk=pk).first()
            if found is not None:
                return found
            text = text[: numbered.start()].strip()  # not theirs: go by the name
        full = Concat("first_name", Value(" "), "last_name", output_field=CharField())
        same = [
            p
            for p in people.exclude(pk=self.instance.pk)
            .annotate(full=full)
            .filter(
                Q(full__iexact=text)
                | Q(first_name__iexact=text, last_name="")
                | Q(first_name="", last_name__iexact=text)
            )[:50]
            if p.full_name.casefold() == text.casefold()
        ]
        if len(same) == 1:
            return same[0]
        if same:
            raise forms.ValidationError(
                f"{len(same)} people are called “{text}”: pick one from the suggestions "
                "(each ends with its number)."
            )
        raise forms.ValidationError(
            f"No one called “{text}” is on your list: pick a name from the suggestions, "
            "or add them first."
        )

    def clean(self):
        cleaned = super().clean()
        # A name or address refused (too long, not an address) was given: its own error says
        # what is wrong, and this one would not be true.
        if any(name in self.errors for name in ("first_name", "last_name", "emails_text")):
            return cleaned
        if not (
            cleaned.get("first_name") or cleaned.get("last_name") or cleaned.get("emails_text")
        ):
            raise forms.ValidationError("Give at least a name or an e-mail address.")
        return cleaned

    def save(self, commit: bool = True) -> Person:
        person: Person = super().save(commit=False)
        person.owner = self.owner
        person.emails = self.cleaned_data["emails_text"]
        person.phones = self.cleaned_data["phones_text"]
        person.introduced_by = self.cleaned_data["introduced_by_name"]
        if "stage" in self.changed_data:
            person.stage_changed_at = timezone.now()
        name = self.cleaned_data["company_name"].strip()
        person.company = Company.objects.get_or_create_named(self.owner, name) if name else None
        person.save()
        person.tags.set(Tag.objects.get_or_create_named(self.owner, self.cleaned_data["tags_text"]))
        return person


class InteractionForm(OverrideMixin, forms.ModelForm):
    occurred_at = forms.DateTimeField(
        label="When",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    # An outbound outreach is an attempt: shown once the pest guard has refused one.
    override = override_field("Log it anyway, against the pest guard")

    class Meta:
        model = Interaction
        fields = ["channel", "direction", "occurred_at", "summary", "is_outreach"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}
        labels = {"is_outreach": "This was an outreach asking for a conversation"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(
                "occurred_at", timezone.localtime().replace(second=0, microsecond=0)
            )
        self.fields["channel"].choices = Channel.choices
        self.fields["direction"].choices = Direction.choices


class PeopleFilterForm(forms.Form):
    """The People page's search and filters. Company and tag are typed, with suggestions
    (views/people.filter_suggestions), not chosen from a list: at 8,000 employers the list
    was most of the page and half its time."""

    q = forms.CharField(label="Search", required=False)
    stage = forms.ChoiceField(label="Stage", required=False, choices=[("", "Any stage")])
    how_known = forms.ChoiceField(label="How known", required=False)
    company = forms.CharField(
        label="Company",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"list": "company-options", "autocomplete": "off", "placeholder": "Any company"}
        ),
    )
    tag = forms.CharField(
        label="Tag",
        required=False,
        max_length=60,
        widget=forms.TextInput(
            attrs={"list": "tag-options", "autocomplete": "off", "placeholder": "Any tag"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from hundred.network.models import HowKnown

        self.fields["stage"].choices = [("", "Any stage"), *Stage.choices]
        self.fields["how_known"].choices = [("", "Any"), *HowKnown.choices]

    def clean_company(self) -> str:
        return " ".join(self.cleaned_data["company"].split())

    def clean_tag(self) -> str:
        return " ".join(self.cleaned_data["tag"].split())
