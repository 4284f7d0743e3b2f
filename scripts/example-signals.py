#!/usr/bin/env python3
"""Writes the example customers' health signals as CSV (customer,metric,value,date).

Every active customer of examples/customers.jsonl gets six weeks of daily logins, a
feature-adoption reading each week and its open tickets each week, shaped so that the
health model of examples/health.yaml scores it near its `health` field. A few customers
carry a story the shipped plays react to:

  vandelay-industries  logins fell by three quarters three weeks ago (churn-signal)
  black-mesa           open tickets rose from 2 to 9 in two weeks       (churn-signal)
  oscorp, nakatomi-trading  answered NPS 2 and 4                        (nps-detractor)
  virtucon, pied-piper      use over 90 % of their seats, healthy      (expansion-conversation)
  soylent              adopted 80 % of the features                    (lifecycle: onboarding → adoption)

Usage: scripts/example-signals.py [--until YYYY-MM-DD] > signals.csv   (default: yesterday)
"""
import argparse
import datetime
import json
import pathlib

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"
DAYS = 42

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--until", type=datetime.date.fromisoformat,
                        default=datetime.date.today() - datetime.timedelta(days=1))
    until = parser.parse_args().until
    print("customer,metric,value,date")
    for line in (EXAMPLES / "customers.jsonl").read_text().splitlines():
        customer = json.loads(line)
        if customer["stage"] == "churned":
            continue
        for row in signals(customer["id"], customer["health"] / 100, until):
            print(",".join(str(field) for field in row))

def signals(name, level, until):
    days = [until - datetime.timedelta(days=DAYS - 1 - i) for i in range(DAYS)]
    for index, day in enumerate(days):
        base = (5 + 45 * level) / 7
        if name == "vandelay-industries":
            base = 9.0 if index < DAYS - 21 else 2.0
        weekday = day.weekday() < 5
        yield name, "logins", round(base * (1.2 if weekday else 0.5), 2), day
        if (DAYS - 1 - index) % 7 == 0:
            adoption = 80 if name == "soylent" else round(10 + 70 * level)
            yield name, "feature_adoption", adoption, day
            tickets = round(10 - 10 * level)
            if name == "black-mesa":
                tickets = 9 if index >= DAYS - 14 else 2
            yield name, "open_tickets", tickets, day
    answers = {"oscorp": 2, "nakatomi-trading": 4, "virtucon": 9, "gringotts": 10}
    if name in answers:
        yield name, "nps", answers[name], until - datetime.timedelta(days=3)
    seats = {"virtucon": 95, "pied-piper": 92, "rekall": 85}
    if name in seats:
        yield name, "seat_utilization", seats[name], until

if __name__ == "__main__":
    main()
