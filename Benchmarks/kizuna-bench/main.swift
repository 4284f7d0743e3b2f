import KizunaCore

print("no benchmarks yet")
