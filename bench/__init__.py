"""`make bench`: ReturnDesk's measured figures."""
