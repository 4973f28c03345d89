"""Everything that differs between SQLite and PostgreSQL, in one place.

Owns the SQLite connection settings (WAL, busy_timeout, foreign keys, explicit BEGIN [IMMEDIATE]), the
upsert statements, the PostgreSQL advisory locks that serialise migrations and same-file loads, and the
exact NUMERIC type and precision guard that keep Decimal money exact on SQLite. The rest is portable.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Engine

from itdrift_pipeline.settings import ConfigurationError

log = logging.getLogger(__name__)

# How long a SQLite writer waits for another writer's lock before failing ("database is locked").
SQLITE_BUSY_TIMEOUT_MS = 30_000

# Execution option that makes a SQLite transaction take the write lock at BEGIN (BEGIN IMMEDIATE), so a
# load never fails half-way when it upgrades a read lock; ignored on PostgreSQL.
WRITER_OPTION = "itdrift_writer"

# SQLite has no exact decimal type: integral values are stored as 64-bit INTEGER (exact), the others as
# an IEEE double, exact to 15 significant digits. Values beyond that would come back different.
SQLITE_EXACT_DIGITS = 15


class ExactNumeric(sa.Numeric):
    """NUMERIC that never passes money through a float.

    PostgreSQL has exact NUMERIC and psycopg returns Decimal. SQLite has none, and SQLAlchemy's SQLite
    Numeric binds and reads through float, which changes 9999999999999999 to 1e16. Here whole values are
    bound as Python int (stored as exact 64-bit INTEGER) and the others as text (stored as REAL, exact to
    15 significant digits, which check_exact enforces); results are read back without a float detour.
    """

    cache_ok = True

    def __init__(self, precision: int, scale: int) -> None:
        super().__init__(precision=precision, scale=scale, asdecimal=True)

    def bind_processor(self, dialect: sa.Dialect):  # type: ignore[override]
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)

        def bind(value: Decimal | None) -> int | str | None:
            if value is None:
                return None
            return int(value) if value == value.to_integral_value() else str(value)

        return bind

    def result_processor(self, dialect: sa.Dialect, coltype: object):  # type: ignore[override]
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        quantum = Decimal(1).scaleb(-(self.scale or 0))

        def result(value: int | float | str | None) -> Decimal | None:
            if value is None:
                return None
            # repr(float) is the shortest text that reads back as the same double: the stored decimal.
            text = repr(value) if isinstance(value, float) else str(value)
            return Decimal(text).quantize(quantum)

        return result


class WarehouseUrlError(ConfigurationError, ValueError):
    """The warehouse URL names a database the warehouse does not support, or no database at all."""


class InexactAmountError(ValueError):
    """A Decimal that the warehouse cannot store without changing it."""


def is_sqlite(url_or_engine: URL | Engine | sa.Connection) -> bool:
    dialect_name = (
        url_or_engine.get_backend_name() if isinstance(url_or_engine, URL) else url_or_engine.dialect.name
    )
    return dialect_name == "sqlite"


def is_in_memory(url: URL) -> bool:
    """sqlite:// and sqlite:///:memory: (and file::memory: URIs): a database that lives in the connection."""
    database = url.database or ""
    return database in ("", ":memory:") or url.query.get("mode") == "memory" or ":memory:" in database


def prepare_url(url: URL) -> None:
    """Refuse a URL the warehouse cannot use; create the directory of a SQLite file so a fresh checkout
    can load without setup."""
    backend = url.get_backend_name()
    shown = url.render_as_string(hide_password=True)
    if backend not in ("sqlite", "postgresql"):
        raise WarehouseUrlError(
            f"warehouse URL {shown!r} is {backend}; use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
        )
    # libpq would fall back to a database named after the user: data would land somewhere unnamed.
    if backend == "postgresql" and not url.database:
        raise WarehouseUrlError(
            f"warehouse URL {shown!r} names no database; add it, e.g. postgresql+psycopg://USER@HOST:5432/DB"
        )
    if backend == "sqlite" and not is_in_memory(url):
        directory = Path(url.database).expanduser().parent
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigurationError(
                f"cannot create the warehouse directory {directory} for {shown!r} ({error.strerror}); "
                "create it or set WAREHOUSE_URL to a writable place"
            ) from error


def _ensure_wal(cursor: Any) -> None:
    """Switch the file to WAL (a property of the file, so only its first connection really does it).

    The switch needs an exclusive lock, and SQLite may answer "database is locked" at once instead of
    calling the busy handler when a parallel first connection holds a lock; retry within the busy timeout.
    A database that cannot be WAL (in memory, some file systems) answers with its own mode: keep that one,
    since WAL only lets readers run beside the writer.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
            return
        try:
            mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
            continue
        if mode != "wal":
            log.info("SQLite journal mode stays %s (WAL is not available for this database)", mode)
            return


def install_connection_settings(engine: Engine) -> None:
    """SQLite: WAL so readers never block the nightly load, busy_timeout, FKs, real transactions."""
    if not is_sqlite(engine):
        return

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy (the sqlite3 driver's legacy mode would skip BEGIN
        # before SELECT and DDL, so migrations and reads would not be transactional).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # busy_timeout first: switching a fresh file to WAL needs a lock another process may hold.
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        _ensure_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        immediate = connection.get_execution_options().get(WRITER_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def insert_ignoring_duplicates(
    connection: sa.Connection, table: sa.Table, rows: Iterable[dict[str, Any]], key: list[str]
) -> None:
    """INSERT rows, skipping those whose natural key exists (safe against a concurrent loader)."""
    rows = list(rows)
    if not rows:
        return
    dialect_insert = sqlite.insert if is_sqlite(connection) else postgresql.insert
    connection.execute(dialect_insert(table).on_conflict_do_nothing(index_elements=key), rows)


def upsert(
    connection: sa.Connection,
    table: sa.Table,
    rows: Iterable[dict[str, Any]],
    key: list[str],
    update: list[str],
) -> None:
    """INSERT rows; where the natural key exists, overwrite the `update` columns with the new values."""
    rows = list(rows)
    if not rows:
        return
    dialect_insert = sqlite.insert if is_sqlite(connection) else postgresql.insert
    statement = dialect_insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=key, set_={name: statement.excluded[name] for name in update}
    )
    connection.execute(statement, rows)


def check_exact(value: Decimal, *, scale: int, precision: int, sqlite_backend: bool, what: str) -> None:
    """Refuse a value the column would round or (on SQLite) store inexactly; never change a number."""
    if not value.is_finite():
        raise InexactAmountError(f"{what}: {value} is not a finite number")
    _, n_digits, n_exponent = value.normalize().as_tuple()
    decimals = max(0, -n_exponent)  # type: ignore[operator]
    if decimals > scale:
        raise InexactAmountError(
            f"{what}: {value} has {decimals} decimals; the warehouse stores {scale}. Check the extraction."
        )
    integer_digits = len(n_digits) + n_exponent  # type: ignore[operator]
    if integer_digits > precision - scale:
        raise InexactAmountError(f"{what}: {value} exceeds NUMERIC({precision},{scale})")
    if sqlite_backend and decimals > 0 and len(n_digits) > SQLITE_EXACT_DIGITS:
        raise InexactAmountError(
            f"{what}: {value} has {len(n_digits)} significant digits with decimals, which SQLite cannot "
            "store exactly; use PostgreSQL for this document"
        )


# Arbitrary constant naming the migration lock among PostgreSQL advisory locks.
_MIGRATION_LOCK_KEY = 0x17D21F7


def lock_for_migration(connection: sa.Connection) -> None:
    """Serialise concurrent `make_engine` calls (parallel Dagster runs) on a fresh database.

    SQLite gets this from BEGIN IMMEDIATE; PostgreSQL needs a transaction-scoped advisory lock.
    """
    if not is_sqlite(connection):
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK_KEY)))


def lock_document(connection: sa.Connection, sha256: str) -> None:
    """Serialise two loads of the same file (PostgreSQL; SQLite's BEGIN IMMEDIATE already does)."""
    if not is_sqlite(connection):
        key = int(sha256[:15], 16)  # 60 bits of the hash fit a signed bigint
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))
