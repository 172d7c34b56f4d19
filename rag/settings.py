"""Settings for asking: the index settings plus what answering needs."""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict

from ingest.settings import Settings


class AskSettings(Settings):
    # populate_by_name: code passes llm_base_url=...; the environment may say OPENAI_BASE_URL instead
    model_config = SettingsConfigDict(**Settings.model_config, populate_by_name=True)

    top_k: int = Field(5, ge=1, le=20, description="Sections cited at most per answer.")
    answerer: str = Field(
        "extractive", description="`extractive` (offline, default), `openai:<model>` or `ollama:<model>`."
    )
    llm_base_url: str = Field(
        "", validation_alias=AliasChoices("NOTES_QA_LLM_BASE_URL", "OPENAI_BASE_URL"),
        description="OpenAI-compatible server (llama.cpp, vLLM...) or Ollama URL; falls back to OPENAI_BASE_URL.",
    )
    llm_api_key: str = Field(
        "", validation_alias=AliasChoices("NOTES_QA_LLM_API_KEY", "OPENAI_API_KEY"),
        description="API key for the openai: answerer (not needed by local servers); falls back to OPENAI_API_KEY.",
    )
    llm_timeout: float = Field(60.0, gt=0, description="Seconds before an LLM answer falls back.")
    max_question_chars: int = Field(2000, ge=50, description="Longer questions are cut, with a notice.")
