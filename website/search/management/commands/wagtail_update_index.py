from .update_index import Command  # noqa: F401  same locale-routed rebuild
