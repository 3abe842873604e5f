"""The question bank for advice meetings: the account's own list, or Hundred's."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hundred.network.forms.questions import QuestionBankForm
from hundred.network.models import QuestionBank


@login_required
@require_http_methods(["GET", "POST"])
def question_bank(request):
    own = QuestionBank.objects.for_user(request.user).first()
    if request.method == "POST" and "reset" in request.POST:
        QuestionBank.objects.for_user(request.user).delete()
        messages.success(request, "Back to Hundred's questions.")
        return redirect("network-question-bank")
    bank = QuestionBank.objects.bank_for(request.user)
    form = QuestionBankForm.for_bank(bank, request.POST or None)
    if request.method == "POST" and form.is_valid():
        QuestionBank.objects.update_or_create(
            owner=request.user,
            defaults={"groups": form.groups(), "closing": form.cleaned_data["closing"].strip()},
        )
        messages.success(request, "Your questions are saved; every prep sheet shows them.")
        return redirect("network-question-bank")
    return render(request, "network/question_bank.html", {"form": form, "own": own})
