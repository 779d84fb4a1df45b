namespace DdGates.Emulator;

/// <summary>
/// Faults for the next requests to one route, in order, before any random draw. A route is a method and a
/// path where <c>*</c> stands for one segment: <c>POST /api/v2/deployment_gates/*/rules</c>. A test names the
/// call it breaks, so it does not depend on how many requests come before it.
/// </summary>
internal sealed class FaultScript(string route, IEnumerable<string> faults)
{
    private readonly string[] _route = route.Split(' ', 2, StringSplitOptions.TrimEntries);
    private readonly Queue<string> _faults = new(faults);

    public string Route { get; } = route;

    public bool IsEmpty => _faults.Count == 0;

    public bool Matches(string method, string path)
    {
        if (!string.Equals(_route[0], method, StringComparison.OrdinalIgnoreCase)) return false;
        var want = _route[1].Split('/');
        var got = path.Split('/');
        return want.Length == got.Length && want.Zip(got).All(p => p.First == "*" || p.First == p.Second);
    }

    public string Next() => _faults.Dequeue();
}
