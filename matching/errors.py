"""Errors raised by the matching package: one class for bad input, named after the offending field or id."""


class ProblemError(ValueError):
    """The input problem (or plan) is malformed; the message names the field or id at fault."""
