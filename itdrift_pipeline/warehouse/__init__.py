"""The star-schema warehouse: schema (the data dictionary), BI views, migrations and the loader.

Public API: make_engine(url) -> Engine at the latest schema; load_document(engine, extraction,
validation) -> LoadSummary; stored_documents(engine) -> {sha256: status};
load_price_index(engine, csv_path, name, source).
"""

from itdrift_pipeline.warehouse.engine import make_engine
from itdrift_pipeline.warehouse.load import LoadSummary, load_document, stored_documents
from itdrift_pipeline.warehouse.price_index import load_price_index

__all__ = ["LoadSummary", "load_document", "load_price_index", "make_engine", "stored_documents"]
