"""rasd (رصد): Arabic news to a dataset of events."""

__version__ = "0.1.0"
