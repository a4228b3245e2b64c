"""Both languages complete: every string marked for translation in the code and templates has an English
translation, so an English reader never meets an Indonesian label the catalogue forgot.

``makemessages`` runs over a copy of the source (never over the repository) and the resulting catalogue must
have no untranslated and no fuzzy entry.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
SKIP_DIRS = {".venv", "staticfiles", "media", "node_modules", ".git", "static"}


def _copy_source(dest: Path) -> None:
    for path in BASE.rglob("*"):
        rel = path.relative_to(BASE)
        if rel.parts and rel.parts[0] in SKIP_DIRS or not path.is_file():
            continue
        if path.suffix in (".py", ".html", ".txt") or rel.parts[0] == "locale":
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _entries(po: Path, flag: str) -> list[str]:
    out = subprocess.run(["msgattrib", flag, "--no-wrap", str(po)], capture_output=True, text=True, check=True).stdout
    return [line[len('msgid "'):-1] for line in out.splitlines() if line.startswith('msgid "') and line != 'msgid ""']


@pytest.mark.skipif(not shutil.which("xgettext") or not shutil.which("msgattrib"),
                    reason="needs GNU gettext (Debian package gettext; make sysdeps-test installs it)")
def test_every_marked_string_has_an_english_translation(tmp_path):
    _copy_source(tmp_path)
    subprocess.run([sys.executable, "manage.py",
                    "makemessages", "-l", "en", "--ignore=.venv", "--ignore=staticfiles", "--no-obsolete"],
                   cwd=tmp_path, check=True, capture_output=True, env=_env())
    po = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    missing = _entries(po, "--untranslated") + _entries(po, "--only-fuzzy")
    assert missing == [], f"{len(missing)} strings without an English translation: {missing[:20]}"


def _env() -> dict:
    import os
    import sys

    env = dict(os.environ, DJANGO_SETTINGS_MODULE="kinerja.settings_test")
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env
