"""Alembic migrations of the warehouse; run by itdrift_pipeline.warehouse.engine.upgrade_to_head."""
