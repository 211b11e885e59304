print("readiness")
