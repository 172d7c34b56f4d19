"""Domain errors raised inside notes-qa; the CLI and the page turn them into messages."""


class NotesQAError(Exception):
    """Base class: the message is meant for a person."""


class NotesDirError(NotesQAError):
    """The notes folder is missing, not a folder, or holds no notes."""


class EmbedderError(NotesQAError):
    """The embedder setting names a model that cannot be loaded offline."""


class StoreUnavailable(NotesQAError):
    """The Chroma server (or local store) cannot be reached."""


class IngestBusy(NotesQAError):
    """Another ingest holds the lock."""


class NotIndexed(NotesQAError):
    """Nothing has been ingested yet."""
