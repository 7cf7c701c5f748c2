"""The main journeys of NWOW Wallonie, for locust (see load.py, which runs it).

The fixtures (API tokens of demo users and the ids they may read) come from
the JSON file named by ``NWOW_LOAD_FIXTURES``, written by the harness.
"""

import datetime
import json
import os
import random
import uuid
from pathlib import Path

from locust import HttpUser, between, task

FIXTURES = json.loads(Path(os.environ["NWOW_LOAD_FIXTURES"]).read_text())
HTTPS = {"X-Forwarded-Proto": "https"}


class _User(HttpUser):
    abstract = True
    wait_time = between(0.5, 2)

    def get(self, path: str, name: str | None = None):
        return self.client.get(path, headers=self.headers, name=name or path)

    def on_start(self) -> None:
        self.headers = dict(HTTPS)


class Visitor(_User):
    """Someone reading the public site: home, knowledge, experts, verification."""

    weight = 4

    @task(3)
    def home(self):
        self.get("/")

    @task(2)
    def knowledge(self):
        self.get("/knowledge/")

    @task(2)
    def search_case_studies(self):
        self.get(
            "/api/v1/knowledge/case-studies/?q=teletravail",
            name="/api/v1/knowledge/case-studies/?q=",
        )

    @task(3)
    def expert_directory(self):
        domain = random.choice(["TEL", "COL", "MGT", "HRP"])  # noqa: S311
        self.get(f"/api/v1/experts/?domain={domain}", name="/api/v1/experts/?domain=")

    @task(1)
    def verify(self):
        if not FIXTURES["codes"]:
            return
        code = random.choice(FIXTURES["codes"])  # noqa: S311
        with self.client.get(
            f"/api/v1/public/verify/{code}/",
            headers=self.headers,
            name="/api/v1/public/verify/{code}/",
            catch_response=True,
        ) as response:
            # Verification is throttled per address against code guessing, and
            # every simulated visitor shares 127.0.0.1: a 429 is the throttle
            # doing its job, not an error.
            if response.status_code == 429:
                response.success()


class CompanyMember(_User):
    """A PME member following its requests, proposals and mission reports."""

    weight = 3

    def on_start(self) -> None:
        super().on_start()
        self.me = random.choice(FIXTURES["members"])  # noqa: S311
        self.headers["Authorization"] = f"Token {self.me['token']}"

    @task(2)
    def companies(self):
        self.get("/api/v1/pme/companies/")

    @task(2)
    def requests(self):
        self.get("/api/v1/matching/requests/")

    @task(3)
    def proposals(self):
        if self.me["requests"]:
            pk = random.choice(self.me["requests"])  # noqa: S311
            self.get(
                f"/api/v1/matching/requests/{pk}/proposals/?limit=10",
                name="/api/v1/matching/requests/{id}/proposals/",
            )

    @task(1)
    def report(self):
        if self.me["engagements"]:
            pk = random.choice(self.me["engagements"])  # noqa: S311
            self.get(
                f"/api/v1/matching/engagements/{pk}/report.pdf",
                name="PDF /api/v1/matching/engagements/{id}/report.pdf",
            )


class Consultant(_User):
    """An approved expert: accreditations, certificate, training, CPD log."""

    weight = 2

    def on_start(self) -> None:
        super().on_start()
        self.me = random.choice(FIXTURES["consultants"])  # noqa: S311
        self.headers["Authorization"] = f"Token {self.me['token']}"

    @task(2)
    def accreditations(self):
        self.get("/api/v1/accreditation/accreditations/")

    @task(1)
    def certificate(self):
        if self.me["accreditations"]:
            pk = random.choice(self.me["accreditations"])  # noqa: S311
            self.get(
                f"/api/v1/accreditation/accreditations/{pk}/certificate.pdf",
                name="PDF /api/v1/accreditation/accreditations/{id}/certificate.pdf",
            )

    @task(2)
    def enrolments(self):
        self.get("/api/v1/training/enrolments/")

    @task(1)
    def declare_cpd(self):
        self.client.post(
            "/api/v1/training/cpd-activities/",
            json={
                "category": "conference",
                "date": datetime.date.today().isoformat(),
                "hours": "2.0",
                "description": f"Load test {uuid.uuid4().hex[:8]}",
            },
            headers=self.headers,
            name="POST /api/v1/training/cpd-activities/",
        )


class Reviewer(_User):
    """Agency staff working through the queue."""

    weight = 1

    def on_start(self) -> None:
        super().on_start()
        self.headers["Authorization"] = f"Token {FIXTURES['reviewer']}"

    @task
    def queue(self):
        self.get(
            "/api/v1/accreditation/applications/?status=submitted",
            name="/api/v1/accreditation/applications/?status=",
        )
