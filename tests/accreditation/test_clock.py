"""The daily clock: renewals, reminders, expiry, stale applications; twice is once."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from accreditation.models import Accreditation, Application
from accreditation.services import accreditations as services
from core.errors import TransitionNotAllowed
from core.models import AuditEntry
from tests.accreditation.factories import AccreditationFactory, ApplicationFactory

pytestmark = pytest.mark.django_db

S = Accreditation.Status
TODAY = datetime.date(2027, 3, 1)


def days(n):
    return TODAY + datetime.timedelta(days=n)


def ending_in(n, status=S.ACTIVE, **kwargs):
    return AccreditationFactory(
        status=status,
        valid_from=days(n - 1095),
        valid_until=days(n),
        **kwargs,
    )


def run(day=TODAY):
    out = io.StringIO()
    call_command("run_accreditation_clock", "--date", day.isoformat(), stdout=out)
    return out.getvalue()


def audits(event):
    return AuditEntry.objects.filter(action=f"accreditation.accreditation.{event}")


def test_it_opens_the_renewal_window_on_its_first_day(settings):
    window = settings.NWOW["RENEWAL_WINDOW_DAYS"]
    due = ending_in(window)
    not_yet = ending_in(window + 1)

    output = run()

    due.refresh_from_db()
    not_yet.refresh_from_db()
    assert due.status == S.RENEWAL_OPEN
    assert not_yet.status == S.ACTIVE
    assert f"renewals opened: 1 [{due.pk}]" in output
    entry = audits("renewal_opened").get()
    assert entry.actor is None
    assert (entry.from_state, entry.to_state) == ("active", "renewal_open")


def test_it_counts_the_opening_notice_as_the_first_reminder(
    mailoutbox, django_capture_on_commit_callbacks
):
    accreditation = ending_in(120)

    with django_capture_on_commit_callbacks(execute=True):
        run()

    accreditation.refresh_from_db()
    assert accreditation.reminders_sent == [120]
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [accreditation.consultant.email]


def test_it_sends_each_reminder_once_per_cycle(
    mailoutbox, django_capture_on_commit_callbacks
):
    accreditation = ending_in(60, S.RENEWAL_OPEN, reminders_sent=[120])

    with django_capture_on_commit_callbacks(execute=True):
        first = run()
        second = run()

    accreditation.refresh_from_db()
    assert accreditation.reminders_sent == [120, 60]
    assert f"reminders sent: 1 [{accreditation.pk} (60 d)]" in first
    assert "reminders sent: 0 [-]" in second
    assert audits("reminder_sent").count() == 1
    assert len(mailoutbox) == 1


def test_it_sends_one_reminder_for_thresholds_missed_while_not_running():
    accreditation = ending_in(25, S.RENEWAL_OPEN, reminders_sent=[120])

    run()

    accreditation.refresh_from_db()
    assert accreditation.reminders_sent == [120, 60, 30]
    assert audits("reminder_sent").get().data["days_before_expiry"] == 30


def test_it_sends_no_reminder_for_a_renewal_under_review():
    accreditation = ending_in(30, S.RENEWAL_REVIEW)

    run()

    accreditation.refresh_from_db()
    assert accreditation.reminders_sent == []
    assert not audits("reminder_sent").exists()


@pytest.mark.parametrize("status", [S.RENEWAL_OPEN, S.RENEWAL_REVIEW])
def test_it_expires_an_undecided_renewal_the_day_after_validity(status):
    last_day = ending_in(0, status)
    past = ending_in(-1, status)

    output = run()

    last_day.refresh_from_db()
    past.refresh_from_db()
    assert last_day.status == status
    assert past.status == S.EXPIRED
    assert f"accreditations expired: 1 [{past.pk}]" in output
    assert audits("expired").get().actor is None


@pytest.mark.parametrize("status", [S.SUSPENDED, S.REVOKED, S.RELINQUISHED])
def test_it_leaves_other_states_alone(status):
    accreditation = ending_in(-10, status)

    run()

    accreditation.refresh_from_db()
    assert accreditation.status == status
    assert not AuditEntry.objects.filter(object_id=str(accreditation.pk)).exists()


def test_it_catches_up_an_active_accreditation_past_its_date():
    accreditation = ending_in(-5)

    run()

    accreditation.refresh_from_db()
    assert accreditation.status == S.EXPIRED
    assert [e.action.rsplit(".", 1)[1] for e in AuditEntry.objects.order_by("id")] == [
        "renewal_opened",
        "expired",
    ]


def test_it_abandons_incomplete_applications_past_their_due_date():
    stale = ApplicationFactory(status=Application.Status.INCOMPLETE, due_date=days(-1))
    fresh = ApplicationFactory(status=Application.Status.INCOMPLETE, due_date=TODAY)

    output = run()

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == Application.Status.ABANDONED
    assert fresh.status == Application.Status.INCOMPLETE
    assert f"applications abandoned: 1 [{stale.pk}]" in output


def test_it_changes_nothing_when_run_twice_the_same_day():
    ending_in(120)
    ending_in(60, S.RENEWAL_OPEN, reminders_sent=[120])
    ending_in(-1, S.RENEWAL_REVIEW)
    ending_in(-3)
    ApplicationFactory(status=Application.Status.INCOMPLETE, due_date=days(-1))
    run()
    snapshot = [
        (a.status, a.reminders_sent, a.valid_until)
        for a in Accreditation.objects.order_by("pk")
    ]
    audit_count = AuditEntry.objects.count()

    second = run()

    assert [
        (a.status, a.reminders_sent, a.valid_until)
        for a in Accreditation.objects.order_by("pk")
    ] == snapshot
    assert AuditEntry.objects.count() == audit_count
    for label in ("renewals opened", "reminders sent", "accreditations expired"):
        assert f"{label}: 0 [-]" in second


def test_it_uses_today_without_a_date_option():
    out = io.StringIO()
    call_command("run_accreditation_clock", stdout=out)
    assert "Accreditation clock for" in out.getvalue()


def test_it_refuses_a_malformed_date():
    with pytest.raises(CommandError):
        call_command("run_accreditation_clock", "--date", "03/01/2027")


def test_it_refuses_to_open_a_renewal_before_the_window():
    accreditation = ending_in(200)

    with pytest.raises(TransitionNotAllowed):
        services.accreditation_open_renewal(accreditation=accreditation, today=TODAY)


def test_it_refuses_to_expire_a_renewal_still_valid():
    accreditation = ending_in(3, S.RENEWAL_OPEN)

    with pytest.raises(TransitionNotAllowed):
        services.accreditation_expire(accreditation=accreditation, today=TODAY)
