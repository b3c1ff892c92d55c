"""Tests of the reference library (factcheck/reference/)."""
