"""Repository-wide test set-up: the repo root and backend/ are importable (pytest.ini's pythonpath)."""
