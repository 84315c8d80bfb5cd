"""What the reliability scripts share: running a command and failing the test with a message."""
import subprocess
import sys


def run(command, **kwargs):
    """Runs a command (any values, turned into text) and captures what it prints."""
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, **kwargs)


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)
