"""The Insights page: the 100 list, the funnel, activity, the referral tree, targets, the review."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from hundred.insight.kept import page_for


@login_required
def insights(request):
    """Where networking is working: every figure is defined in docs/insights.md; the page is
    kept between writes (kept.py)."""
    return render(request, "insight/insights.html", {"body": page_for(request.user)})
