"""The NWOW adoption barometer: yearly survey waves and their anonymised results."""
