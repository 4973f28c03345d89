"""`python -m itdrift_pipeline` is the `itdrift` command."""

from itdrift_pipeline.cli import command

# Guarded: worker processes (forkserver) import the main module again, and must not run the command.
if __name__ == "__main__":
    command()
