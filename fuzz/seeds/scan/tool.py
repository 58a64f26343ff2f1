"""The Python side."""
TIMEOUT = 2300001
SLOW = 2_300_047  # undocumented


def describe(code):
    return {2300002: "refused", 1006: "outside every owned range"}.get(code)
