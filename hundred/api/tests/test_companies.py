"""Companies over the API, through the web's CompanyForm."""

from __future__ import annotations

from hundred.api.tests.base import ApiTestCase
from hundred.network.models import Company


class CompanyTestCase(ApiTestCase):
    def test_create_read_update_delete(self):
        r = self.call("post", "/companies/", {"name": "Acme", "is_target": True, "priority": 1})
        self.assertEqual(r.status_code, 201, r.content)
        pk = r.json()["id"]
        self.assertEqual(r.json()["people_count"], 0)
        self.make_person(company=Company.objects.get(pk=pk))
        r = self.call("patch", f"/companies/{pk}/", {"industry": "health"})
        self.assertEqual(r.status_code, 200, r.content)
        body = r.json()
        self.assertEqual(
            (body["industry"], body["is_target"], body["priority"]), ("health", True, 1)
        )
        self.assertEqual(self.call("get", f"/companies/{pk}/").json()["people_count"], 1)
        r = self.call("patch", f"/companies/{pk}/", {"is_target": False})
        self.assertFalse(r.json()["is_target"])
        self.assertEqual(self.call("delete", f"/companies/{pk}/").status_code, 204)
        self.assertFalse(Company.objects.exists())

    def test_a_second_company_of_the_same_name_is_refused(self):
        self.make_company("Acme")
        self.assertProblem(self.call("post", "/companies/", {"name": "acme"}), 422, "name")
        self.assertProblem(self.call("post", "/companies/", {}), 422, "name")
        self.assertEqual(Company.objects.count(), 1)

    def test_list_search_and_pages(self):
        for name in ("Acme", "Globex", "Initech"):
            self.make_company(name, is_target=name != "Globex")
        names = [c["name"] for c in self.call("get", "/companies/?q=glob").json()["items"]]
        self.assertEqual(names, ["Globex"])
        names = [c["name"] for c in self.call("get", "/companies/?target=true").json()["items"]]
        self.assertEqual(names, ["Acme", "Initech"])
        first = self.call("get", "/companies/?limit=2").json()
        rest = self.call("get", f"/companies/?limit=2&cursor={first['next_cursor']}").json()
        self.assertEqual([c["name"] for c in rest["items"]], ["Initech"])
        self.assertIsNone(rest["next_cursor"])
        # A person cursor is not a company cursor.
        self.assertProblem(self.call("get", "/companies/?cursor=cDox"), 422, "cursor")

    def test_another_accounts_company_is_404(self):
        theirs = self.make_company("Theirs", owner=self.bob)
        for method, body in (("get", None), ("patch", {"name": "X"}), ("delete", None)):
            with self.subTest(method=method):
                self.assertProblem(self.call(method, f"/companies/{theirs.pk}/", body), 404)
        theirs.refresh_from_db()
        self.assertEqual(theirs.name, "Theirs")
