"""Widgets: a small typed builder of ChatKit widget JSON and the screens of each step."""
