"""scripts/find-python: the README's commands find a Python 3.12+ themselves."""

import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "find-python"


def find_python(tmp_path, **env):
    return subprocess.run(  # noqa: S603 - our own script, fixed arguments
        ["/bin/sh", str(SCRIPT)],
        env={"PATH": f"{tmp_path}/bin:/usr/bin:/bin", "HOME": str(tmp_path), **env},
        capture_output=True,
        text=True,
        check=False,
    )


def fake_python(path: Path, *, suitable: bool) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\nexit {0 if suitable else 1}\n")
    path.chmod(0o755)
    return path


def test_it_finds_an_interpreter_in_the_pyenv_versions_folder(tmp_path):
    # Unsuitable interpreters shadow every name the script looks up on PATH,
    # as python3 3.11 does on our machines.
    for name in ["python3.14", "python3.13", "python3.12", "python3", "python"]:
        fake_python(tmp_path / "bin" / name, suitable=False)
    found = fake_python(
        tmp_path / "pyenv" / "versions" / "3.12.9" / "bin" / "python3", suitable=True
    )

    result = find_python(tmp_path, PYENV_ROOT=str(tmp_path / "pyenv"))

    assert result.returncode == 0
    assert result.stdout.strip() == str(found)


def test_it_refuses_an_unsuitable_python_given_explicitly(tmp_path):
    result = find_python(tmp_path, PYTHON="/bin/false")

    assert result.returncode == 1
    assert "is not a Python 3.12 or newer interpreter" in result.stderr
