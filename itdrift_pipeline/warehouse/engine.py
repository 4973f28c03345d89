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
    """Engine on `url` (default $WAREHOUSE_URL or the SQLite file), schema upgraded to head."""
    sa_url = sa.make_url(settings.warehouse_url(url))
    dialect.prepare_url(sa_url)
    engine = sa.create_engine(sa_url)
    dialect.install_connection_settings(engine)
    if current_revision(engine) != head_revision():
        log.info("upgrading warehouse %s to %s", sa_url.render_as_string(), head_revision())
        upgrade(engine)
    return engine
