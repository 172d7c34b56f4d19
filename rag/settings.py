"""Settings for asking: the index settings plus what answering needs."""

from __future__ import annotations

from pydantic import Field

from ingest.settings import Settings


class AskSettings(Settings):
    top_k: int = Field(5, ge=1, le=20, description="Sections cited at most per answer.")
    answerer: str = Field(
        "extractive", description="`extractive` (offline, default), `openai:<model>` or `ollama:<model>`."
    )
    llm_base_url: str = Field("", description="OpenAI-compatible server (llama.cpp, vLLM...) or Ollama URL.")
    llm_api_key: str = Field("", description="API key for the openai: answerer (not needed by local servers).")
    llm_timeout: float = Field(60.0, gt=0, description="Seconds before an LLM answer falls back.")
    max_question_chars: int = Field(2000, ge=50, description="Longer questions are cut, with a notice.")
