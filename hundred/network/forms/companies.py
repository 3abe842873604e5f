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
        clash = Company.objects.for_user(self.owner).filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"You already have a company called “{name}”.")
        return name

    def save(self, commit: bool = True) -> Company:
        company: Company = super().save(commit=False)
        company.owner = self.owner
        company.save()
        return company
