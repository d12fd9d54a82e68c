"""API tokens: created once and shown once; the store keeps only their SHA-256.

Tokens are 256-bit random strings, so a plain SHA-256 is enough (no password stretching: a
token cannot be guessed from a dictionary).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import duckdb
import pandas as pd

from ..store import Store

TOKEN_PREFIX = "sf_"


@dataclass(frozen=True)
class TokenInfo:
    token_id: int
    name: str

    def __post_init__(self) -> None:
        if not self.name:
            raise ValueError("a token needs a non-empty name")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """Store a new token for `name` (who or what uses it) and return it: it is not kept."""
    name = name.strip()
    if not name or len(name) > 100:
        raise ValueError(f"token name must be 1-100 characters, got {name!r}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO api_tokens (name, token_sha256, created_at) VALUES (?, ?, ?)",
            [name, token_hash(token), dt.datetime.now()],
        )
    return token


def list_tokens(store: Store) -> pd.DataFrame:
    return store.query(
        "SELECT token_id, name, created_at, last_used_at, revoked_at FROM api_tokens "
        "ORDER BY token_id"
    )


def revoke_token(store: Store, token_id: int) -> bool:
    with store.transaction() as con:
        row = con.execute(
            "UPDATE api_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL "
            "RETURNING token_id",
            [dt.datetime.now(), token_id],
        ).fetchone()
    return row is not None


def active_token_count(store: Store) -> int:
    row = store.con.execute("SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL").fetchone()
    return int(row[0]) if row else 0


def verify_token(store: Store, token: str | None) -> TokenInfo | None:
    """The token's owner when `token` is a live token, else None."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    con = store.con.cursor()
    try:
        row = con.execute(
            "SELECT token_id, name FROM api_tokens WHERE token_sha256 = ? AND revoked_at IS NULL",
            [token_hash(token)],
        ).fetchone()
    finally:
        con.close()
    if row is None:
        return None
    return TokenInfo(int(row[0]), str(row[1]))


def mark_used(store: Store, token_id: int) -> None:
    """Record when a token was last used for a write (best effort: never fails the write)."""
    con = store.con.cursor()
    try:
        con.execute(
            "UPDATE api_tokens SET last_used_at = ? WHERE token_id = ?",
            [dt.datetime.now(), token_id],
        )
    except duckdb.Error:
        pass  # a concurrent update of the same row; the other one recorded the use
    finally:
        con.close()
