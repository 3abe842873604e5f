"""Writes to the target and pitch, keeping a dated history."""

from __future__ import annotations

from django.db import transaction

from hundred.network.models import (
    Target,
    TargetChange,
)


@transaction.atomic
def do_save_target(owner, lists: dict[str, list[str]]) -> Target:
    """Save the target's lists, keeping a dated copy whenever they change."""
    target, _ = Target.objects.get_or_create(owner=owner)
    if target.as_lists() != lists:
        for name, values in lists.items():
            setattr(target, name, values)
        target.save()
        TargetChange.objects.create(owner=owner, target=target, snapshot=lists)
    return target


@transaction.atomic
def do_save_pitch(owner, pitch: str) -> Target:
    target, _ = Target.objects.get_or_create(owner=owner)
    pitch = " ".join(pitch.split())
    if pitch != target.pitch:
        target.pitch = pitch
        target.save(update_fields=["pitch", "updated_at"])
        TargetChange.objects.create(
            owner=owner, target=target, snapshot={**target.as_lists(), "pitch": pitch}
        )
    return target
