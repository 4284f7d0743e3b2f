#!/usr/bin/env python3
"""Reference occurrences for the RRULE tests, from python-dateutil.

Reads JSON lines {"rule": "...", "dtstart": "YYYY-MM-DDTHH:MM:SS", "count": N,
"horizon": "YYYY-MM-DDTHH:MM:SS"} on stdin and prints, for each, one JSON line: the
first N occurrences (naive, floating) as ISO 8601 strings, stopping early at the
first occurrence after the horizon (which keeps sparse rules from running to year
9999), or {"error": "..."} when dateutil rejects the rule or takes more than a few
seconds (dateutil walks to year 9999 through a rule that never occurs, and only
checks the horizon on an occurrence).
"""
import itertools
import json
import signal
import sys
from datetime import datetime

from dateutil.rrule import rrulestr


def occurrences(request):
    start = datetime.fromisoformat(request["dtstart"])
    horizon = datetime.fromisoformat(request["horizon"])
    rule = rrulestr(request["rule"], dtstart=start)
    within = itertools.takewhile(lambda moment: moment <= horizon, rule)
    return [moment.isoformat() for moment in itertools.islice(within, request["count"])]


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    for line in sys.stdin:
        if not line.strip():
            continue
        signal.alarm(3)
        try:
            answer = occurrences(json.loads(line))
        except ValueError as error:
            answer = {"error": str(error)}
        except Timeout:
            answer = {"error": "dateutil took too long"}
        finally:
            signal.alarm(0)
        print(json.dumps(answer))


if __name__ == "__main__":
    main()
