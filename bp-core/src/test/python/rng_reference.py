"""Reference values of RngTest (and the first normal deviate InitializersTest uses).

An independent transcription, in Python integers, of the published algorithms that bp's Rng implements:
SplitMix64 (Steele, Lea and Flood; Vigna's splitmix64.c) for the 64-bit outputs and for derive(), Lemire's
multiply-and-reject method for bounded integers, the top 53 bits for doubles in [0, 1), the Marsaglia polar
method for normal deviates (the second of each pair kept as the spare), and Fisher-Yates for shuffles.
"""
import math

MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def mix(z):
    """SplitMix64's finaliser."""
    z &= MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def signed(v):
    """A 64-bit value as Java's long."""
    return v - (1 << 64) if v >> 63 else v


def derive(seed, *parts):
    s = mix(seed)
    for p in parts:
        s = mix(s ^ mix(p + GOLDEN_GAMMA))
    return s


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK
        self.spare = None

    def next_long(self):
        self.state = (self.state + GOLDEN_GAMMA) & MASK
        return mix(self.state)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53

    def next_int(self, bound):
        """Lemire: the high word of (32 random bits) * bound, drawn again while the low word is biased."""
        m = (self.next_long() >> 32) * bound
        low = m & 0xFFFFFFFF
        if low < bound:
            threshold = ((1 << 32) - bound) % bound
            while low < threshold:
                m = (self.next_long() >> 32) * bound
                low = m & 0xFFFFFFFF
        return m >> 32

    def next_gaussian(self):
        if self.spare is not None:
            v, self.spare = self.spare, None
            return v
        while True:
            u = 2 * self.next_double() - 1
            v = 2 * self.next_double() - 1
            q = u * u + v * v
            if 0 < q < 1:
                break
        scale = math.sqrt(-2 * math.log(q) / q)
        self.spare = v * scale
        return u * scale

    def shuffle(self, values):
        for i in range(len(values) - 1, 0, -1):
            j = self.next_int(i + 1)
            values[i], values[j] = values[j], values[i]
        return values


print("first output from state 0:", hex(SplitMix64(0).next_long()))
print("first output from state 42:", hex(SplitMix64(42).next_long()))
print("first double from seed 42:", repr(SplitMix64(42).next_double()))
print("derive(7):", signed(derive(7)))
print("derive(9, 5):", signed(derive(9, 5)))
print("derive(1, 2, 3):", signed(derive(1, 2, 3)))
print("nextDouble(-2, 6) from seed 42:", repr(-2 + (6 - -2) * SplitMix64(42).next_double()))
r = SplitMix64(4)
print("five nextInt(10) from seed 4:", [r.next_int(10) for _ in range(5)])
bound = 3 << 29
first = SplitMix64(8)
print("nextInt(3 << 29) from seed 8: threshold", ((1 << 32) - bound) % bound,
      "; first draw without rejection", ((first.next_long() >> 32) * bound) >> 32,
      "; with rejection", SplitMix64(8).next_int(bound))
r = SplitMix64(3)
print("three normal deviates from seed 3:", [repr(r.next_gaussian()) for _ in range(3)])
r = SplitMix64(5)
print("shuffle of 0..5 from seed 5:", r.shuffle(list(range(6))), "; next output:", signed(r.next_long()))
