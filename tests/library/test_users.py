"""Users of the librarian pages: hashed passwords, roles, names."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.store import Catalogue
from library.users import UserError, add_user, list_users, verify


@pytest.fixture()
def catalogue(tmp_path: Path) -> Catalogue:
    return Catalogue(tmp_path / "catalogue.sqlite")


def test_a_password_is_stored_only_as_a_hash(catalogue: Catalogue) -> None:
    add_user(catalogue, "ana", "librarian", "correct horse")
    stored = catalogue.conn.execute("SELECT password_hash FROM users").fetchone()[0]
    assert "correct horse" not in stored and stored.startswith("scrypt:")


def test_verify_accepts_the_right_password_only(catalogue: Catalogue) -> None:
    add_user(catalogue, "ana", "admin", "correct horse")
    user = verify(catalogue, "ana", "correct horse")
    assert user is not None and user.is_admin
    assert verify(catalogue, "ana", "wrong horse") is None
    assert verify(catalogue, "nobody", "correct horse") is None


@pytest.mark.parametrize(
    ("name", "role", "password"),
    [
        ("Ana Maria", "librarian", "long enough"),
        ("ana", "root", "long enough"),
        ("ana", "admin", "short"),
    ],
)
def test_bad_names_roles_and_passwords_are_refused(
    catalogue: Catalogue, name: str, role: str, password: str
) -> None:
    with pytest.raises(UserError):
        add_user(catalogue, name, role, password)


def test_a_name_is_taken_once(catalogue: Catalogue) -> None:
    add_user(catalogue, "ana", "librarian", "correct horse")
    with pytest.raises(UserError, match="exists"):
        add_user(catalogue, "ana", "admin", "another one")
    assert [(u.name, u.role) for u in list_users(catalogue)] == [("ana", "librarian")]
