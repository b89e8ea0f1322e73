"""Reference values for StableMathTest, with mpmath at 50 significant digits.

Prints sigmoid(z) = 1 / (1 + e^-z) and softplus(z) = log(1 + e^z) for each z, and the log-sum-exp of the
row used in the test, each rounded to the nearest double.
"""

import mpmath

mpmath.mp.dps = 50

for z in ["-800", "-745", "-40", "-1", "0", "0.5", "40", "800"]:
    x = mpmath.mpf(z)
    print(z, "sigmoid", repr(float(1 / (1 + mpmath.exp(-x)))), "softplus", repr(float(mpmath.log1p(mpmath.exp(x)))))

row = [mpmath.mpf(v) for v in ["1000", "999", "998"]]
print("sum exp(x - 1000) over [1000, 999, 998]", repr(float(sum(mpmath.exp(v - 1000) for v in row))))
