"""`manage.py seed_demo`: deterministic, scalable, safe to run twice."""

import pytest
from django.core.management import call_command

from core.models import User

pytestmark = pytest.mark.django_db


def seed(**options):
    call_command("seed_demo", no_progress=True, **options)
    return list(User.objects.order_by("email").values_list("email", "last_name"))


def test_it_creates_staff_experts_and_companies_and_prints_logins(capsys):
    seed(experts=3, companies=4, seed=7)

    assert User.objects.filter(groups__name="consultant").count() == 3
    assert User.objects.filter(groups__name="pme").count() == 4
    assert User.objects.filter(groups__name="decider").exists()
    out = capsys.readouterr().out
    assert "reviewer@nwow.demo" in out and "Demo-NWOW-2026" in out


def test_it_is_safe_to_run_twice():
    first = seed(experts=3, companies=4, seed=7)

    assert seed(experts=3, companies=4, seed=7) == first


class _Rollback(Exception):
    pass


def world_of(**options):
    """The world one seed makes, measured and then rolled back."""
    from django.db import transaction

    from accreditation.models import Application

    try:
        with transaction.atomic():
            people = seed(**options)
            files = list(
                Application.objects.order_by("consultant__email").values_list(
                    "consultant__email", "status", "years_experience"
                )
            )
            raise _Rollback
    except _Rollback:
        return people, files


def test_it_gives_the_same_world_for_the_same_seed():
    first = world_of(experts=12, companies=5, seed=11)

    assert world_of(experts=12, companies=5, seed=11) == first
    assert world_of(experts=12, companies=5, seed=12) != first


def test_it_lets_the_demo_users_log_in(client):
    seed(experts=1, companies=1)

    assert client.login(email="consultant001@nwow.demo", password="Demo-NWOW-2026")


def test_it_announces_as_many_steps_as_it_takes():
    # The progress bar's total is counted before any row exists: a seeder that
    # counts what earlier ones made would announce 0 and overflow the bar.
    from core import demo, mail

    ctx = demo.DemoContext(seed=3, experts=5, companies=6)
    announced = {seeder.name: seeder.steps(ctx) for seeder in demo.seeders()}
    taken = dict.fromkeys(announced, 0)
    for seeder in demo.seeders():
        ctx.progress = lambda steps=1, name=seeder.name: taken.update(
            {name: taken[name] + steps}
        )
        with mail.suppressed():
            seeder.run(ctx)

    assert taken == announced


def test_it_keeps_the_progress_bar_clear_of_log_lines(caplog):
    with caplog.at_level("INFO"):
        seed(experts=2, companies=2)

    assert not [r for r in caplog.records if r.levelname == "INFO"]
