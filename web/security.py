"""Security headers on every response.

The pages load only their own stylesheet and script: no inline script or style, no
framing, no plugins, forms submit only to this site. Downloads of original files get
a sandboxing policy of their own (set by the view) so that an HTML or SVG original can
never run in this site's origin.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
#: The policy of file downloads: nothing may run or load.
DOWNLOAD_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'"

HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    """Add :data:`HEADERS` to every response (a view may set a stricter CSP first)."""
    app.after_request(_add_headers)
