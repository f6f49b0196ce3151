#!/usr/bin/python3
"""Print reference values of the Beta upper tail and chi-square/Beta thresholds from SciPy.

Run with Debian's python3-scipy (/usr/bin/python3). The printed Java rows are pasted into
IncompleteBetaTest and NullDistributionTest, so the Java implementation is checked against an
independent one.
"""
from scipy import stats

# (x, a, b): upper tail 1 - I_x(a, b), including far tails and the (z/2, z(n-1)/2) shapes the SVR uses.
CASES = [
    (0.3, 2.0, 3.0),
    (0.9, 0.5, 0.5),
    (0.01, 0.5, 7.5),
    (0.5, 0.5, 7.5),
    (0.9, 0.5, 7.5),
    (0.002, 0.5, 2047.5),
    (0.01, 0.5, 2047.5),
    (0.02, 0.5, 2047.5),
    (0.05, 4.5, 2299.5),
    (0.004, 24.5, 12519.5),
    (0.6, 10.0, 20.0),
    (1e-6, 0.5, 0.5),
]

for x, a, b in CASES:
    print(f"{{{x!r}, {a!r}, {b!r}, {stats.beta.sf(x, a, b)!r}}},")

print()
# (n, z, sigma): chi-square and exact thresholds on the coefficient.
for n, z, s in [(16, 1, 3.0), (64, 9, 3.0), (512, 49, 3.0), (4096, 1, 4.0)]:
    p = stats.norm.sf(s)
    chi = stats.chi2.isf(p, z) / (n * z)
    exact = stats.beta.isf(p, z / 2, z * (n - 1) / 2)
    print(f"{{{n}, {z}, {s!r}, {chi!r}, {exact!r}}},")
