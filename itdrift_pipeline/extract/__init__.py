"""The extraction stage: accounts-book PDF -> model.ExtractionResult (facts, notes, narrative amounts).

`extract_document` is the one entry point the CLI, the pipeline and the Dagster assets call.
"""

from itdrift_pipeline.extract.document import extract_document

__all__ = ["extract_document"]
