"""Tests of extraction (factcheck/extract/)."""
