"""The backup reads an account's rows in chunks, each with its own prefetch (table.py): one
query naming every interaction of a large account made SQLite scan the people once for each.
Across chunk boundaries every row keeps its own links, in file order."""

from __future__ import annotations

from unittest.mock import patch

from hundred.network.models import Tag
from hundred.test import BaseTestCase
from hundred.transfer.backup.export import export_backup


class ExportInChunksTestCase(BaseTestCase):
    def test_links_and_order_survive_chunks_smaller_than_the_account(self):
        tags = [Tag.objects.create(owner=self.alice, name=f"t{i}") for i in range(3)]
        people = [self.make_person(f"P{i}", "Lee") for i in range(7)]
        for i, person in enumerate(people):
            person.tags.add(tags[i % 3])
        for i in range(9):
            interaction = self.make_interaction(people[i % 7], summary=f"m{i}")
            interaction.people.add(people[(i + 1) % 7])
        whole = export_backup(self.alice, exported_at=None)
        with patch("hundred.transfer.backup.table.EXPORT_CHUNK", 2):
            chunked = export_backup(self.alice, exported_at=None)
        whole.pop("exported_at"), chunked.pop("exported_at")
        self.assertEqual(chunked, whole)
        self.assertEqual(len(chunked["interactions"]), 9)
        self.assertTrue(all(len(i["people"]) == 2 for i in chunked["interactions"]))
        self.assertEqual([p["first_name"] for p in chunked["people"]], [f"P{i}" for i in range(7)])
        tags_of = [p["tags"] for p in chunked["people"]]
        self.assertEqual(tags_of[:4], [["t0"], ["t1"], ["t2"], ["t0"]])
