"""Commands for the web API and dashboard: serve, and API tokens."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from ..errors import ConfigError, NotFoundError
from .common import db_option, err, open_store, out, show_table


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--upload-limit",
    type=click.IntRange(1, 10_000),
    default=200,
    show_default=True,
    help="Largest accepted upload, in MB.",
)
@click.option(
    "--public-reads",
    is_flag=True,
    help="On a non-loopback address, let reads through without a token (writes still need one).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Do not replay API answers between writes (for measuring the uncached path).",
)
def serve(
    db: Path | None, host: str, port: int, upload_limit: int, public_reads: bool, no_cache: bool
) -> None:
    """Serve the REST API and the offline dashboard (http://HOST:PORT/).

    Reads are open on loopback; writes need a token (`signalfire token create`). A
    non-loopback address is refused until a token exists, and then every API request needs
    a token unless --public-reads.
    """
    import uvicorn

    from ..settings import db_path
    from ..web import create_app
    from ..web.auth import active_token_count
    from ..web.db import SharedStore, store_view

    # The app opens the file per burst of requests, so other processes can write it meanwhile.
    shared = SharedStore(db_path(db))
    try:
        view = store_view(shared)
        try:
            tokens = active_token_count(view)
        finally:
            view.con.close()
        loopback = is_loopback(host)
        if not loopback and tokens == 0:
            raise ConfigError(
                "host",
                host,
                "a loopback address (127.0.0.1, ::1 or localhost) until an API token exists: "
                "create one with `signalfire token create --name NAME`",
            )
        app = create_app(
            shared,
            tokens_for_reads=not loopback and not public_reads,
            upload_limit=upload_limit * 1024 * 1024,
            cache_responses=not no_cache,
        )
        err.print(f"signalfire: serving {shared.path} at http://{host}:{port}/ (Ctrl-C stops)")
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        shared.close()


@click.group()
def token() -> None:
    """API tokens for the web API's write endpoints (kept hashed in the store)."""


@token.command("create")
@db_option
@click.option("--name", required=True, help="Who or what uses the token (shown with its actions).")
def token_create(db: Path | None, name: str) -> None:
    """Create a token and print it once: it cannot be shown again."""
    from ..web.auth import create_token

    with open_store(db) as store:
        try:
            value = create_token(store, name)
        except ValueError as exc:
            raise ConfigError("name", name, str(exc)) from None
    err.print(f"token for {name!r} (shown once; the store keeps only its hash):")
    out.print(value, highlight=False)


@token.command("list")
@db_option
def token_list(db: Path | None) -> None:
    """Tokens by id and name (never their values)."""
    from ..web.auth import list_tokens

    with open_store(db, read_only=True) as store:
        show_table(list_tokens(store), title="API tokens")


@token.command("revoke")
@db_option
@click.argument("token_id", type=int)
def token_revoke(db: Path | None, token_id: int) -> None:
    """Revoke a token by its id (see `signalfire token list`)."""
    from ..web.auth import revoke_token

    with open_store(db) as store:
        if not revoke_token(store, token_id):
            raise NotFoundError(f"no live token with id {token_id}")
    out.print(f"token {token_id} revoked")
