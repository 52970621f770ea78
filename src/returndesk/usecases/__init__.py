"""Request types as packages: each folder here is one use case on the shared engine.

Kept empty on purpose: importing one use case's module must not import the others.
"""
