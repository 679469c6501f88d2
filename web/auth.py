"""Signing in to the librarian pages: the session key, the throttle, the signed-in user.

The session is Flask's signed cookie (HttpOnly, SameSite=Lax; Secure when
``SESSION_COOKIE_SECURE`` is set, as it should be behind HTTPS). It holds only the
user's name; the user's role is read from the catalogue on every request, so a user
removed from the table is signed out at once. The signing key comes from
``SECRET_KEY`` or from ``secret_key`` in the data directory, created on first use.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, current_app, g, session

from library.users import User, get_user
from web.state import catalogue

SESSION_USER = "user"
SECRET_FILE = "secret_key"
THROTTLE = "migralex.login_throttle"
#: Number of (name, address) pairs above which expired failures are swept away.
SWEEP_AT = 10_000


class LoginThrottle:
    """Refuse sign-ins for a name from an address after too many recent failures.

    :param max_failures: failures allowed within ``window`` seconds.
    :param window: seconds a failure counts for.
    :param clock: seconds from any fixed point (tests pass their own).
    """

    def __init__(
        self, max_failures: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_failures = max_failures
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked(self, name: str, address: str) -> bool:
        """Whether ``name`` from ``address`` must wait before trying again."""
        with self._lock:
            key = (name.lower(), address)
            blocked = len(self._recent(key, self.clock())) >= self.max_failures
            if not self._failures[key]:
                del self._failures[key]
            return blocked

    def failed(self, name: str, address: str) -> None:
        """Count one failed sign-in (and forget expired ones when many names piled up)."""
        with self._lock:
            now = self.clock()
            if len(self._failures) >= SWEEP_AT:
                for stale in [k for k in self._failures if not self._recent(k, now)]:
                    del self._failures[stale]
            self._recent((name.lower(), address), now).append(now)

    def succeeded(self, name: str, address: str) -> None:
        """Forget the failures of ``name`` from ``address``."""
        with self._lock:
            self._failures.pop((name.lower(), address), None)


def throttle() -> LoginThrottle:
    """The throttle of the current app."""
    return current_app.extensions[THROTTLE]  # type: ignore[no-any-return]


def secret_key(data_root: Path) -> str:
    """The key in ``data_root/secret_key``, created (readable by its owner only) if missing.

    :param data_root: the data directory.
    """
    path = data_root / SECRET_FILE
    try:
        return path.read_text("ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return path.read_text("ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key + "\n")
    return key


def current_user() -> User | None:
    """The signed-in user of this request, or None."""
    if "user" not in g:
        name = session.get(SESSION_USER)
        g.user = get_user(catalogue(), name) if isinstance(name, str) else None
    return g.user  # type: ignore[no-any-return]


def sign_in(user: User) -> None:
    """Start a fresh session for ``user``: nothing of the old one is kept, not even its
    CSRF token."""
    session.clear()
    session.permanent = True  # expires after PERMANENT_SESSION_LIFETIME
    session[SESSION_USER] = user.name
    g.user = user


def sign_out() -> None:
    session.clear()
    g.user = None


def safe_next(target: str | None, default: str) -> str:
    """``target`` if it is a path on this site, else ``default``.

    >>> safe_next("/librarian/edit/ar/law?lang=en", "/librarian/")
    '/librarian/edit/ar/law?lang=en'
    >>> [safe_next(t, "/") for t in ("https://evil.example/", "//evil.example", "/\\\\evil")]
    ['/', '/', '/']
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or any(c in target for c in "\\\r\n\t"):
        return default
    return target


def init_app(app: Flask, data_root: Path) -> None:
    """Session settings, the signing key and the login throttle of ``app``."""
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key(data_root)
    app.extensions[THROTTLE] = LoginThrottle(
        app.config["LOGIN_MAX_FAILURES"], app.config["LOGIN_WINDOW_SECONDS"]
    )
