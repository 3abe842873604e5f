"""The question bank form: one box a group, one question a line, and the closing question."""

from __future__ import annotations

from django import forms

from hundred.network import questions


class QuestionBankForm(forms.Form):
    closing = forms.CharField(
        label="The closing question",
        max_length=300,
        help_text="End every meeting with it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, title, hint in questions.GROUPS:
            self.fields[key] = forms.CharField(
                label=title,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=f"{hint} One question a line.",
            )

    @classmethod
    def for_bank(cls, bank: questions.Bank, data=None) -> QuestionBankForm:
        initial = {g.key: "\n".join(g.questions) for g in bank.groups}
        return cls(data, initial={**initial, "closing": bank.closing})

    def clean(self):
        data = super().clean()
        for key, title, _ in questions.GROUPS:
            found = questions.lines(data.get(key) or "")
            if len(found) > questions.MAX_PER_GROUP:
                self.add_error(
                    key, f"Keep {title.lower()} to {questions.MAX_PER_GROUP} questions or fewer."
                )
            elif any(len(q) > questions.MAX_QUESTION for q in found):
                self.add_error(
                    key, f"Keep each question under {questions.MAX_QUESTION} characters."
                )
            data[key] = found
        if not any(data.get(key) for key in questions.KEYS):
            self.add_error(None, "Keep at least one question, or reset to Hundred's questions.")
        return data

    def groups(self) -> dict[str, list[str]]:
        return {key: self.cleaned_data[key] for key in questions.KEYS}
