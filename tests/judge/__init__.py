"""Tests of judging (factcheck/judge/)."""
