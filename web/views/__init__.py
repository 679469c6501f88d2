"""Blueprints: thin views that parse the request, call a package, and render."""
