"""The index side of notes-qa: notes -> sections -> chunks -> Chroma + keyword index.

Pure core (``parse``, ``chunk``, ``manifest.plan``) and thin adapters (``files``, ``embedders``,
``store``, ``keyword``); ``pipeline.ingest`` runs one incremental ingest under a lock.
"""
