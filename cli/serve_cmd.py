"""``migralex serve``: the web front end over a data directory, with waitress."""

from __future__ import annotations

from typing import Any

import click

from cli.common import data_option
from library.datadir import DataDir
from library.errors import LibraryError

#: Waitress worker threads (searches are serialised; the rest is I/O and templates).
DEFAULT_THREADS = 4


def site_url(host: str, port: int) -> str:
    """The address to open in a browser.

    >>> site_url("127.0.0.1", 8000), site_url("::1", 8080), site_url("0.0.0.0", 80)
    ('http://127.0.0.1:8000/', 'http://[::1]:8080/', 'http://127.0.0.1:80/')
    """
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def host_option(func: Any) -> Any:
    return click.option(
        "--host",
        default="127.0.0.1",
        show_default=True,
        help="Address to listen on (0.0.0.0 for every interface).",
    )(func)


def port_option(func: Any) -> Any:
    return click.option(
        "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port."
    )(func)


def run_server(
    data_dir: str | None,
    host: str,
    port: int,
    threads: int = DEFAULT_THREADS,
    https: bool = False,
) -> None:
    """Build the app over ``data_dir`` and serve it until interrupted.

    :param https: a TLS proxy is in front: the librarians' session cookie is sent over
        HTTPS only, and the app takes the proxy's scheme for the links it builds.
    :raises click.ClickException: when the data directory holds no catalogue.
    """
    import waitress

    from web import create_app

    data = DataDir.resolve(data_dir)
    try:
        app = create_app(
            {"DATA_DIR": str(data.root), "SESSION_COOKIE_SECURE": https,
             "PREFERRED_URL_SCHEME": "https" if https else "http"}
        )  # fmt: skip
    except LibraryError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Serving {data.root} at {site_url(host, port)} (Ctrl+C to stop)")
    waitress.serve(app, host=host, port=port, threads=threads, ident="Migralex",
                   url_scheme="https" if https else "http")  # fmt: skip


@click.command()
@data_option
@host_option
@port_option
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    default=DEFAULT_THREADS,
    show_default=True,
    help="Worker threads.",
)
@click.option(
    "--https",
    is_flag=True,
    help="A TLS proxy is in front: session cookies over HTTPS only, https links.",
)
def serve(data_dir: str | None, host: str, port: int, threads: int, https: bool) -> None:
    """Serve the library on the web: search, document pages and original files.

    The site is read-only. It speaks Spanish, English, Portuguese and French
    (?lang=es|en|pt|fr, else the browser's language).

    \b
    Example:
      migralex serve --data instance --port 8000
    """
    run_server(data_dir, host, port, threads, https)
