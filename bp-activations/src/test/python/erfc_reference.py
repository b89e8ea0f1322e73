"""Reference values of erfc for ActivationEdgeCasesTest, with mpmath at 40 significant digits.

Prints each argument with erfc(x) rounded to the nearest double (repr gives the shortest string that
round-trips). The arguments sit at the boundaries between the rational approximations of ErrorFunction
(|x| = 0.46875 and 4) and inside the middle range.
"""

import mpmath

mpmath.mp.dps = 40

for x in ["0.46875", "-0.46875", "3.9", "4.0", "-4.0", "4.5"]:
    print(x, repr(float(mpmath.erfc(mpmath.mpf(x)))))
