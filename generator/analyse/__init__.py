"""Analyse: one spaCy pass per article: its sentences and the model's entity mentions."""

from generator.analyse.nlp import (
    ModelMissingError,
    analyse,
    analysis_version,
    load_pipeline,
    model_version,
)

__all__ = ["ModelMissingError", "analyse", "analysis_version", "load_pipeline", "model_version"]
