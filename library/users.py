"""Librarians and admins: the ``users`` table of the catalogue.

Passwords are stored only as werkzeug hashes (scrypt); :func:`verify` answers the
same way, and takes about the same time, for an unknown name as for a wrong password.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from werkzeug.security import check_password_hash, generate_password_hash

from library.errors import LibraryError
from library.store import Catalogue, utc_now

ROLES: tuple[str, ...] = ("librarian", "admin")
MIN_PASSWORD = 8
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
#: Checked against when the name is unknown, so both failures cost one hash.
_DUMMY_HASH = generate_password_hash("not a password", method="scrypt")


class UserError(LibraryError, ValueError):
    """A user cannot be added as asked (bad name, role or password, name taken)."""


@dataclass(frozen=True)
class User:
    """A person who may sign in to the librarian pages."""

    name: str
    role: str
    created_at: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def add_user(catalogue: Catalogue, name: str, role: str, password: str) -> User:
    """Add a user with a hashed password.

    :param name: lower-case letters, digits, ``.``, ``_`` or ``-`` (at most 64).
    :param role: one of :data:`ROLES`.
    :param password: at least :data:`MIN_PASSWORD` characters; never stored as given.
    :raises UserError: on a bad name, role or password, or a name already taken.
    """
    if not _NAME.match(name):
        raise UserError(
            f"user name {name!r} is not allowed: use lower-case letters, digits, '.', '_' or '-'"
        )
    if role not in ROLES:
        raise UserError(f"role {role!r} is unknown: use one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"the password is too short: use at least {MIN_PASSWORD} characters")
    if get_user(catalogue, name) is not None:
        raise UserError(f"user {name!r} exists already")
    user = User(name, role, utc_now())
    with catalogue.conn:
        catalogue.conn.execute(
            "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
            (name, role, generate_password_hash(password, method="scrypt"), user.created_at),
        )
    return user


def get_user(catalogue: Catalogue, name: str) -> User | None:
    """The user called ``name``, or None."""
    row = catalogue.conn.execute(
        "SELECT name, role, created_at FROM users WHERE name = ?", (name,)
    ).fetchone()
    return User(row["name"], row["role"], row["created_at"]) if row else None


def list_users(catalogue: Catalogue) -> list[User]:
    """Every user, by name."""
    rows = catalogue.conn.execute("SELECT name, role, created_at FROM users ORDER BY name")
    return [User(r["name"], r["role"], r["created_at"]) for r in rows]


def verify(catalogue: Catalogue, name: str, password: str) -> User | None:
    """The user if ``password`` is theirs, else None (unknown name or wrong password)."""
    row = catalogue.conn.execute(
        "SELECT name, role, created_at, password_hash FROM users WHERE name = ?", (name,)
    ).fetchone()
    stored = row["password_hash"] if row and row["password_hash"] else _DUMMY_HASH
    ok = check_password_hash(stored, password)
    if row is None or not row["password_hash"] or not ok:
        return None
    return User(row["name"], row["role"], row["created_at"])
