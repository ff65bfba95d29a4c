"""Errors a user can meet, each named, with the input it concerns and what to do.

Library code raises these; only the command-line interface turns them into messages and exit codes.
"""

from __future__ import annotations


class CorroborateError(Exception):
    """Base of every error corroborate raises on purpose."""


class InputError(CorroborateError):
    """An input could not be read as an article: ``origin`` names it, ``reason`` says why."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class StoreError(CorroborateError):
    """The store could not be opened or written."""


class NothingReadError(CorroborateError):
    """None of the inputs gave an article."""


class UnknownStoryError(CorroborateError):
    """A story id that the store does not hold."""
