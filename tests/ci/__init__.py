"""Tests of the project's CI state and the check run (factcheck/ci/)."""
