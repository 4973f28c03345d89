"""HTML reports per municipality and fiscal year, read only from the warehouse views.

Public API: build_reports(engine, out_dir) -> BuiltReports.
"""

from itdrift_pipeline.reports.build import BuiltReports, build_reports

__all__ = ["BuiltReports", "build_reports"]
