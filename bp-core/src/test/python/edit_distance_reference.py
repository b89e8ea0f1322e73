"""Edit distances behind RegistryTest's suggestions: the textbook dynamic programme (Wagner-Fischer) for
Levenshtein distance, and the suggestion limit max(1, len(name) // 3)."""


def levenshtein(a, b):
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
    return d[len(a)][len(b)]


names = sorted(["relu", "selu", "sigmoid", "softmax", "tanh"])
for query in ["sofmax", "tanhxx", "tanhxxx", "rel", "xelu"]:
    print(query, "limit", max(1, len(query) // 3), {n: levenshtein(query, n) for n in names})
