using System.Globalization;

namespace DdGates.Emulator;

/// <summary>How the emulator behaves. All of it can also be changed at run time through <c>POST /_emulator/faults</c>.</summary>
public sealed record EmulatorOptions
{
    public int Port { get; init; }
    /// <summary>Address to listen on; 127.0.0.1 unless a container on another network must reach it.</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>Added to every API answer.</summary>
    public int LatencyMs { get; init; }
    /// <summary>Share of API requests (0..1) that get a fault instead of (or after) their real answer.</summary>
    public double FaultRate { get; init; }
    public int Seed { get; init; } = 1;
    /// <summary>Fault kinds drawn from, among 429, 500, 503, drop and slow (answered 1 s late).</summary>
    public IReadOnlyList<string> FaultKinds { get; init; } = ["429", "500", "503", "drop", "slow"];
    /// <summary>Seconds a 429 tells the client to wait (X-RateLimit-Reset).</summary>
    public int RateLimitResetSeconds { get; init; } = 1;
    /// <summary>When set, requests must carry exactly these keys; otherwise any non-empty keys pass.</summary>
    public string? ApiKey { get; init; }
    public string? AppKey { get; init; }
    /// <summary>When set, a bearer token must be exactly this; otherwise any non-empty token passes.</summary>
    public string? AccessToken { get; init; }
    /// <summary>Plays a server older than the list filters: GET /deployment_gates answers every gate whatever filter[...] says.</summary>
    public bool IgnoreListFilters { get; init; }
    /// <summary>Plays a server older than the evaluation lists: both answer 400 (their paths read as a gate id that is no UUID).</summary>
    public bool WithoutHistory { get; init; }

    public static EmulatorOptions Parse(string[] args)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--port" => options with { Port = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--host" => options with { Host = Next() },
                "--latency-ms" => options with { LatencyMs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--fault-rate" => options with { FaultRate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--fault-kinds" => options with { FaultKinds = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rate-limit-reset" => options with { RateLimitResetSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--api-key" => options with { ApiKey = Next() },
                "--app-key" => options with { AppKey = Next() },
                "--access-token" => options with { AccessToken = Next() },
                "--ignore-filters" => options with { IgnoreListFilters = true },
                "--without-history" => options with { WithoutHistory = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (options.FaultRate is < 0 or > 1) throw new ArgumentException("--fault-rate must be between 0 and 1");
        return options;
    }

    public const string Usage = """
        dd-gates-emulator: an in-memory Datadog Deployment Gates API for tests and trying dd-gates without an account.

        Options:
          --port N              port (0 = pick a free one; default 0)
          --host ADDR           address to listen on (default 127.0.0.1; 0.0.0.0 for containers on another network)
          --latency-ms N        delay added to every API answer
          --fault-rate R        share of API requests (0..1) answered with a fault
          --fault-kinds LIST    comma list of 429,500,503,drop,slow (default: all)
          --seed N              seed of the fault sequence (default 1)
          --rate-limit-reset N  seconds in X-RateLimit-Reset of injected 429s (default 1)
          --api-key K --app-key K   require exactly these keys (default: any non-empty keys)
          --access-token T      require exactly this bearer token (default: any non-empty token)
          --ignore-filters      list every gate whatever filter[...] says, as a server older than the filters would
          --without-history     answer the two evaluation lists with 400, as a server older than them would

        The first line on stdout is the base URL, e.g. http://127.0.0.1:5123
        """;
}
