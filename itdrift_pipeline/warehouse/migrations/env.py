"""Alembic environment: migrates the connection itdrift_pipeline.warehouse.engine hands over.

Run through `make_engine()` (or `upgrade_to_head()`), never with an alembic.ini: the URL comes from
itdrift_pipeline.settings and the connection carries the SQLite settings of warehouse.dialect.
"""

from __future__ import annotations

from alembic import context

from itdrift_pipeline.warehouse.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "the warehouse migrations run through itdrift_pipeline.warehouse.make_engine(url), which passes "
        "a connection; there is no alembic.ini"
    )

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds the table in later revisions.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
