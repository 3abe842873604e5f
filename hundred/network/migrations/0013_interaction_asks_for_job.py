# The ask-checker's verdict kept on the outreach recorded anyway: a coach's dashboard counts it.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0012_person_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="interaction",
            name="asks_for_job",
            field=models.BooleanField(
                default=False,
                help_text="The ask-checker flagged it as asking for a job; it was recorded anyway.",
                verbose_name="flagged as asking for a job",
            ),
        ),
    ]
