"""Scripts run from the project's root: `python -m scripts.pdf`, `python -m scripts.screenshots`."""
