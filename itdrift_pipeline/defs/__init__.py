"""The Dagster shell around the core: assets, checks, partitions, resources, sensor, schedule, runner.

Nothing here parses, checks or stores a number; it calls itdrift_pipeline.extract/validate/warehouse/reports.
"""
