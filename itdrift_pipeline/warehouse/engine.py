"""Opening the warehouse: an Engine on WAREHOUSE_URL whose schema is upgraded to the latest migration.

make_engine is the one entry point the CLI, the Dagster resources and the tests use.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from itdrift_pipeline import settings
from itdrift_pipeline.warehouse import dialect

log = logging.getLogger(__name__)

MIGRATIONS = "itdrift_pipeline.warehouse:migrations"


def alembic_config(connection: sa.Connection) -> Config:
    """An Alembic Config built in code: migrations from the package, the given connection."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Migrate the warehouse to `revision` in one transaction (a failed migration changes nothing)."""
    with engine.execution_options(**{dialect.WRITER_OPTION: True}).begin() as connection:
        dialect.lock_for_migration(connection)
        command.upgrade(alembic_config(connection), revision)


def make_engine(url: str | None = None) -> sa.Engine:
    """Engine on `url` (default $WAREHOUSE_URL or the SQLite file), schema upgraded to head.

    A warehouse that cannot be opened (not a URL, unsupported, unreachable, no such database or role, a
    read-only or full disk) raises settings.ConfigurationError with one line saying what to do.
    """
    text = settings.warehouse_url(url)
    try:
        sa_url = sa.make_url(text)
    except sa.exc.ArgumentError as error:
        raise settings.ConfigurationError(
            f"warehouse URL {_mask(text)!r} is not a database URL; use sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST:5432/DB (WAREHOUSE_URL or --warehouse)"
        ) from error
    dialect.prepare_url(sa_url)
    shown = sa_url.render_as_string(hide_password=True)
    try:
        engine = sa.create_engine(sa_url)
    except (sa.exc.ArgumentError, ImportError) as error:
        raise settings.ConfigurationError(
            f"warehouse URL {shown!r} cannot be used ({error_summary(error)}); for PostgreSQL install the "
            "driver with pip install -e '.[postgres]'"
        ) from error
    dialect.install_connection_settings(engine)
    try:
        if current_revision(engine) != head_revision():
            log.info("upgrading warehouse %s to %s", shown, head_revision())
            upgrade(engine)
    except (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.ProgrammingError, OSError) as error:
        engine.dispose()
        advice = (
            "check that the path is a file in a writable directory and the disk has space"
            if dialect.is_sqlite(sa_url)
            else "check that the server runs, the database and role exist and the role may create tables"
        )
        raise settings.ConfigurationError(
            f"warehouse {shown} cannot be opened ({error_summary(error)}); {advice}"
        ) from error
    return engine


def error_summary(error: BaseException) -> str:
    """An exception as one line: a database driver's own message, without SQLAlchemy's statement and
    background link."""
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return lines[0][:300] if lines else type(cause).__name__


def _mask(text: str) -> str:
    """`text` with anything between '://user:' and '@' hidden, for a URL that did not parse."""
    scheme, sep, rest = text.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in credentials:
        return text
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"
