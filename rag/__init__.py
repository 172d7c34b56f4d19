"""The query side of notes-qa: hybrid retrieval, cited answers, evaluation and the ``notes-qa`` CLI."""
