"""The stored plan's web side: its pages, downloads, kit and JSON API. Views import the shared modules
(`lookup`, `http_cache`, `json_body`, `kit_context`), never one another (tests/test_layering.py)."""
