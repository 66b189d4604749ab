"""Digests: schedule, dedupe, render, build the message, deliver (SMTP or folder)."""
