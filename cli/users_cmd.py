"""``migralex users``: the people who may sign in to the librarian pages."""

from __future__ import annotations

import sys

import click

from cli.common import data_option, emit_json, json_option, opened
from library.users import ROLES, UserError, add_user, list_users


@click.group()
def users() -> None:
    """Add and list librarians and admins of the web front end.

    \b
    Example:
      migralex users add ana --role librarian --data instance
      migralex users list --data instance
    """


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="librarian or admin.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input instead of a prompt.",
)
@data_option
def add(name: str, role: str, password_stdin: bool, data_dir: str | None) -> None:
    """Add a user; the password is asked twice and never shown.

    \b
    Example:
      migralex users add ana --role librarian
      printf '%s\\n' "$PW" | migralex users add admin --role admin --password-stdin
    """
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with opened(data_dir) as (_data, catalogue):
        try:
            user = add_user(catalogue, name, role, password)
        except UserError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"Added {user.role} {user.name}")


@users.command("list")
@data_option
@json_option
def list_(data_dir: str | None, as_json: bool) -> None:
    """List the users with their roles (never their passwords).

    \b
    Example:
      migralex users list --json
    """
    with opened(data_dir) as (_data, catalogue):
        found = list_users(catalogue)
    for user in found:
        if as_json:
            emit_json({"name": user.name, "role": user.role, "created_at": user.created_at})
        else:
            click.echo(f"{user.name}\t{user.role}\t{user.created_at}")
