"""`manage.py create_staff_user`."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.models import AuditEntry, User

pytestmark = pytest.mark.django_db

GOOD = {
    "email": "Rita@Agence.be",
    "password": "Revue-Dossiers-2026",
    "role": "reviewer",
}


def test_it_creates_a_reviewer_with_a_verified_address(capsys):
    call_command("create_staff_user", **GOOD)

    user = User.objects.get(email="rita@agence.be")
    assert user.roles == ["reviewer"]
    assert user.check_password(GOOD["password"])
    assert user.emailaddress_set.get().verified
    assert "Created rita@agence.be" in capsys.readouterr().out


def test_it_writes_an_audit_row_for_the_role():
    call_command("create_staff_user", **GOOD)

    assert AuditEntry.objects.filter(
        action="core.user.role_granted", data__role="reviewer"
    ).exists()


def test_it_gives_the_admin_role_access_to_the_admin_site():
    call_command("create_staff_user", **{**GOOD, "role": "admin"})

    assert User.objects.get(email="rita@agence.be").is_staff


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"role": "boss"}, "Unknown role 'boss'"),
        ({"email": "not-an-address"}, "Invalid e-mail address"),
        ({"password": "short"}, "Password refused"),
    ],
)
def test_it_refuses_bad_input_with_a_clear_message(override, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_staff_user", **{**GOOD, **override})

    assert not User.objects.exists()


def test_it_gives_the_role_to_an_existing_user_and_keeps_the_password(consultant):
    call_command(
        "create_staff_user",
        email=consultant.email,
        password="Ignored-Pass-2026",
        role="trainer",
    )

    consultant.refresh_from_db()
    assert sorted(consultant.roles) == ["consultant", "trainer"]
    assert not consultant.check_password("Ignored-Pass-2026")


def test_it_exits_non_zero_from_the_shell(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "manage.py",
            "create_staff_user",
            "--email",
            "a@b.be",
            "--password",
            "x",
            "--role",
            "boss",
        ],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        },
        check=False,
    )

    assert result.returncode != 0
    assert "Unknown role 'boss'" in result.stderr
