"""Data for scripts/bench-store.sh, the same on every run.

  bench-store-data.py customers N        N customers as JSON lines on stdout (200 CSMs)
  bench-store-data.py history N STORE    adds done tasks of the past until STORE holds N task rows
  bench-store-data.py counts 0 STORE     prints the store's rows by table and task state
  bench-store-data.py signals DAYS STORE adds DAYS days of signals up to 2026-11-23 for every customer:
                                         daily logins, weekly open tickets and feature adoption, an NPS
                                         answer each quarter (scripts/bench-health.sh)
"""
import json
import sqlite3
import sys

STAGES = ["onboarding", "adoption", "mature", "adoption", "mature"]
ZONES = ["America/New_York", "America/Chicago", "Europe/Berlin", "Asia/Tokyo", None]


def customers(count):
    out = sys.stdout
    for index in range(count):
        record = {
            "id": f"customer-{index}",
            "name": f"Customer {index}",
            "csm": f"csm-{index % 200}",
            "team_lead": f"lead-{index % 20}",
            "stage": STAGES[(index // 7) % len(STAGES)],
            "stage_entered": f"2026-{1 + index % 10:02d}-{1 + index % 28:02d}",
            "customer_since": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}",
            "renewal_date": f"2027-{1 + index % 12:02d}-{1 + index % 28:02d}",
            "tier": ["smb", "mid", "enterprise"][index % 3],
            "arr": 1000 + (index % 500) * 1000,
            "seats": 10 + index % 300,
            "health": index % 101,
        }
        zone = ZONES[index % len(ZONES)]
        if zone:
            record["timezone"] = zone
        out.write(json.dumps(record) + "\n")


def history(total, path):
    """Done weekly tasks over the past two years, spread over the customers, until `total` rows."""
    db = sqlite3.connect(path)
    have = db.execute("SELECT count(*) FROM tasks").fetchone()[0]
    owners = dict(db.execute("SELECT id, csm FROM customers"))
    ids = sorted(owners)
    now = 1795530600  # 2026-11-24T09:30:00-05:00
    rows = []
    for number in range(max(0, total - have)):
        customer = ids[number % len(ids)]
        week = 1 + number // len(ids)
        start = now - week * 7 * 86400
        task_id = f"{(number * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF:016x}"
        rows.append((task_id, "history", "task", customer, f"week-{week}", f"Follow-up {week}: {customer}",
                     owners[customer], "medium", start, start + 86400, "UTC", "done", start + 3600, start, start + 3600))
    db.executemany(
        "INSERT OR IGNORE INTO tasks (id, playbook, step, customer, occurrence, title, owner, priority, start, due, zone,"
        " state, closed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows)
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def signals(days, path):
    """Signal rows straight into the store, in key order; the metric index is rebuilt after."""
    db = sqlite3.connect(path, isolation_level=None)
    ids = [row[0] for row in db.execute("SELECT id FROM customers ORDER BY id")]
    last = 1795410000  # 2026-11-23T00:00:00-05:00
    # Tens of millions of rows: no journal and a cache large enough to keep the pages being
    # filled, so that no page is written twice; the store goes back to WAL afterwards.
    for pragma in ["journal_mode = DELETE", "journal_mode = OFF", "synchronous = OFF", "cache_size = -2000000"]:
        db.execute("PRAGMA " + pragma)
    db.execute("DROP INDEX IF EXISTS signals_by_metric")
    db.execute("BEGIN")

    def rows():
        for number, customer in enumerate(ids):
            level = (number * 37) % 101 / 100
            for day in range(days):
                at = last - (days - 1 - day) * 86400
                yield customer, "logins", round((1 + 50 * level) * (1 + (day * 7 + number) % 5 / 10), 1), at
                if day % 7 == number % 7:
                    yield customer, "open_tickets", round(10 - 10 * level + day % 3), at
                    yield customer, "feature_adoption", round(10 + 70 * level), at
                if day % 91 == number % 91:
                    yield customer, "nps", round(10 * level), at

    db.executemany("INSERT OR IGNORE INTO signals (customer, metric, value, at) VALUES (?, ?, ?, ?)", rows())
    db.execute("CREATE INDEX signals_by_metric ON signals(metric, at, customer, value)")
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode = WAL")
    print("store:", db.execute("SELECT count(*) FROM signals").fetchone()[0], "signals", file=sys.stderr)
    db.close()


def counts(path):
    db = sqlite3.connect(path)
    print("store:", db.execute("SELECT count(*) FROM customers").fetchone()[0], "customers;",
          ", ".join(f"{state} {n}" for state, n in db.execute("SELECT state, count(*) FROM tasks GROUP BY state")),
          "; task rows", db.execute("SELECT count(*) FROM tasks").fetchone()[0])


if __name__ == "__main__":
    kind, number = sys.argv[1], int(sys.argv[2])
    if kind == "customers":
        customers(number)
    elif kind == "history":
        history(number, sys.argv[3])
    elif kind == "signals":
        signals(number, sys.argv[3])
    else:
        counts(sys.argv[3])
