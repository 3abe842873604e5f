"""The company form."""

from __future__ import annotations

from django import forms

from hundred.network.models import Company


class CompanyForm(forms.ModelForm):
    class Meta:
        model = Company
        fields = [
            "name",
            "website",
            "industry",
            "kind",
            "location",
            "is_target",
            "priority",
            "research_status",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = [c for c in Company.objects.named(self.owner, name) if c.pk != self.instance.pk]
        if clash and clash[0].name.casefold() == name.casefold():
            raise forms.ValidationError(f"You already have a company called “{name}”.")
        if clash:  # the same name but for a legal suffix: the one company, as imports see it
            raise forms.ValidationError(
                f"You already have “{clash[0].name}”, the same company as “{name}”: "
                "open it and add to it, or give this one a name of its own."
            )
        return name

    def save(self, commit: bool = True) -> Company:
        company: Company = super().save(commit=False)
        company.owner = self.owner
        company.save()
        return company
