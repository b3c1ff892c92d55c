"""Tests of reporting (factcheck/report/)."""
