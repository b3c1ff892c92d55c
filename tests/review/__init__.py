"""Tests of the review app (factcheck/review/)."""
