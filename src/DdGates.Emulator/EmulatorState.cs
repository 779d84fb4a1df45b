namespace DdGates.Emulator;

/// <summary>Everything the emulator holds: the organization, the request log, and the fault settings with their seeded draw.</summary>
public sealed class EmulatorState(EmulatorOptions options)
{
    private readonly object _lock = new();
    private Random _random = new(options.Seed);
    private EmulatorOptions _options = options;

    public GateStore Store { get; } = new();
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

    /// <summary>Whether this request gets a fault, which one, and whether it comes after the real handler ran.</summary>
    public (string? Kind, bool AfterHandler) DrawFault()
    {
        lock (_lock)
        {
            if (_options.FaultRate <= 0 || _options.FaultKinds.Count == 0 || _random.NextDouble() >= _options.FaultRate) return (null, false);
            return (_options.FaultKinds[_random.Next(_options.FaultKinds.Count)], _random.Next(2) == 1);
        }
    }

    public void Reset()
    {
        Store.Clear();
        Log.Clear();
    }
}
