"""`python -m itdrift_pipeline` is the `itdrift` command."""

from itdrift_pipeline.cli import main

raise SystemExit(main())
