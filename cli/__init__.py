"""The ``migralex`` command line: one entry point, one click group.

Each command lives in its own module; library errors become
:class:`click.ClickException` with the message the library wrote.
"""

from __future__ import annotations

import click

from cli.catalogue_cmds import show
from cli.demo_cmd import demo
from cli.index_cmds import check, reindex, search
from cli.ingest_cmd import ingest
from cli.serve_cmd import serve
from cli.users_cmd import users


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="migralex")
def main() -> None:
    """Migralex: a searchable library of migration and gender law.

    \b
    Example:
      migralex ingest ../shared/corpus/docs --data instance
      migralex search "trata de personas" --country mx
      migralex show ar/law/2004/25871 --json
      migralex serve --data instance
    """


main.add_command(ingest)
main.add_command(show)
main.add_command(demo)
main.add_command(search)
main.add_command(reindex)
main.add_command(check)
main.add_command(serve)
main.add_command(users)
