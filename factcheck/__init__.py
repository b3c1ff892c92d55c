"""factcheck: a fact-checking assistant for tech journalism."""

__version__ = "0.1.0"
