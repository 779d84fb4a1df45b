namespace DdGates.Config;

/// <summary>"did you mean" for misspelt field names and envs: a near spelling, or a short form ("prod" for "production").</summary>
internal static class Suggest
{
    public static string? Closest(string typed, IEnumerable<string> known) =>
        known.Select(k => (k, d: typed.Length >= 3 && k.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 1 : Distance(typed.ToLowerInvariant(), k)))
             .Where(x => x.d <= Math.Max(2, x.k.Length / 3))
             .OrderBy(x => x.d)
             .Select(x => x.k)
             .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
