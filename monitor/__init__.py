"""monitor — media-monitoring alerts for analysts of state media."""

__version__ = "0.1.0"
