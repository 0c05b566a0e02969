"""`python -m coach`: the same as the `coach` command."""

from coach.cli import main

main()
