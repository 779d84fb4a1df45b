namespace DdGates.Emulator;

/// <summary>Everything the emulator holds: the organization, the request log, and the fault settings with their seeded draw.</summary>
public sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        EvaluationRecords = new EvaluationStore(Store, () => Evaluations, TimeProvider.System);
    }

    private readonly object _lock = new();
    private Random _random;
    private EmulatorOptions _options;

    public GateStore Store { get; } = new();

    /// <summary>The monitors monitor search finds (seeded by tests or POST /_emulator/monitors).</summary>
    public MonitorStore Monitors { get; } = new();

    /// <summary>The fake GitHub and Azure DevOps pull-request comments (PlatformEndpoints).</summary>
    public PullRequestStore PullRequests { get; } = new();

    /// <summary>Every evaluation run or seeded, for the result and the history lists.</summary>
    internal EvaluationStore EvaluationRecords { get; }

    /// <summary>How evaluations turn out; tests replace it, or POST /_emulator/evaluations.</summary>
    public EvaluationScript Evaluations { get; set; } = new();
    public RequestLog Log { get; } = new();

    public EmulatorOptions Options
    {
        get { lock (_lock) return _options; }
        set
        {
            lock (_lock)
            {
                _options = value;
                _random = new Random(value.Seed);
            }
        }
    }

    private readonly List<FaultScript> _scripts = [];

    /// <summary>
    /// Faults for the next requests to <paramref name="route"/> (see <see cref="FaultScript"/>), in order: "429",
    /// "500", "503", "drop", "gate-without-id", "none" (no fault), or "500-after" / "drop-after" (the handler
    /// runs, then its answer is lost). No faults clears what was scripted for the route: it answers normally again.
    /// </summary>
    public void ScriptFaults(string route, params string[] faults)
    {
        lock (_lock)
        {
            if (faults.Length == 0) _scripts.RemoveAll(s => s.Route == route);
            else _scripts.Add(new FaultScript(route, faults));
        }
    }

    /// <summary>Whether this request gets a fault, which one, and whether it comes after the real handler ran.</summary>
    public (string? Kind, bool AfterHandler) DrawFault(string method, string path)
    {
        lock (_lock)
        {
            if (_scripts.FirstOrDefault(s => s.Matches(method, path) && !s.IsEmpty) is { } script)
            {
                var next = script.Next();
                if (script.IsEmpty) _scripts.Remove(script);
                if (next == "none") return (null, false);
                return (next.Replace("-after", "", StringComparison.Ordinal), next.EndsWith("-after", StringComparison.Ordinal));
            }

            if (_options.FaultRate <= 0 || _options.FaultKinds.Count == 0 || _random.NextDouble() >= _options.FaultRate) return (null, false);
            return (_options.FaultKinds[_random.Next(_options.FaultKinds.Count)], _random.Next(2) == 1);
        }
    }

    /// <summary>Puts finished evaluations in the history, as if they had run at their start times.</summary>
    public void SeedHistory(IEnumerable<SeededEvaluation> evaluations)
    {
        foreach (var evaluation in evaluations) EvaluationRecords.Record(evaluation.ToRecord());
    }

    public void Reset()
    {
        lock (_lock) _scripts.Clear();
        Store.Clear();
        Monitors.Clear();
        PullRequests.Reset();
        EvaluationRecords.Clear();
        Log.Clear();
    }
}
