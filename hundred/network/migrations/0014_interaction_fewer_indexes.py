# Three indexes fewer for every interaction written (a LinkedIn import writes 200,000): the
# owner's own index and (owner, occurred_at) are the start of the indexes that stay, and the
# meeting is indexed only where there is one (docs/performance.md, "Import: LinkedIn messages").

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0013_interaction_asks_for_job"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="interaction",
            name="network_int_owner_i_47a053_idx",
        ),
        migrations.AlterField(
            model_name="interaction",
            name="meeting",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="interactions",
                to="network.meeting",
            ),
        ),
        migrations.AlterField(
            model_name="interaction",
            name="owner",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddIndex(
            model_name="interaction",
            index=models.Index(
                condition=models.Q(("meeting__isnull", False)),
                fields=["meeting"],
                name="interaction_meeting_set",
            ),
        ),
    ]
