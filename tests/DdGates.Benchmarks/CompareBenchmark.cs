using System.Globalization;
using DdGates.Emulator;

namespace DdGates.Benchmarks;

/// <summary>The binary that ships against the build it replaced: size, start (--version), a one-gate plan, peak RSS, and both images.</summary>
internal static class CompareBenchmark
{
    public static async Task<string> RunAsync(string shipped, string before, int runs)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        var file = Path.Combine(Path.GetTempPath(), "bench-compare.yaml");
        await File.WriteAllTextAsync(file, "gates:\n  - { service: one, env: prod, rules: [{ name: P0, type: monitor, options: { query: q } }] }\n");
        var rows = new List<(string Figure, string Before, string Now)>
        {
            ("binary", Size(before), Size(shipped)),
        };
        var version = (await Figures(before, null, runs, "--version"), await Figures(shipped, null, runs, "--version"));
        rows.Add(("`dd-gates --version`", version.Item1, version.Item2));
        var plan = (await Figures(before, emulator.BaseUrl, runs, "plan", "--config", file), await Figures(shipped, emulator.BaseUrl, runs, "plan", "--config", file));
        rows.Add(("one-gate plan against the emulator", plan.Item1, plan.Item2));
        var images = (ImageSize.Figures("localhost/dd-gates:r2r"), ImageSize.Figures("localhost/dd-gates:ci"));
        if (images.Item1 is { } r2r && images.Item2 is { } aot)
        {
            rows.Add(("image, uncompressed", Mb(r2r.Size), Mb(aot.Size)));
            rows.Add(("image, gzip-compressed", Mb(r2r.Compressed), Mb(aot.Compressed)));
        }

        return string.Create(CultureInfo.InvariantCulture, $"""
            {runs} runs of each; medians of the times (start to exit), the highest peak RSS (GNU time, whose own start is in both columns).
            Images: `localhost/dd-gates:ci` (the Dockerfile's defaults) and `localhost/dd-gates:r2r` (`--build-arg AOT=false --build-arg
            SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0-noble`), both on the local base stand-ins.

            | figure | trimmed single-file ReadyToRun (before) | Native AOT (ships) |
            |---|---|---|
            {string.Join("\n", rows.Select(r => $"| {r.Figure} | {r.Before} | {r.Now} |"))}

            """);
    }

    private static async Task<string> Figures(string binary, Uri? apiUrl, int runs, params string[] args)
    {
        var times = new List<double>();
        long peak = 0;
        await Measure.RunAsync(binary, apiUrl, args);
        for (var i = 0; i < runs; i++)
        {
            var run = await Measure.RunAsync(binary, apiUrl, args);
            if (run.ExitCode != 0) throw new InvalidOperationException($"{binary} {string.Join(' ', args)} exited {run.ExitCode}: {run.Stderr}");
            times.Add(run.Wall.TotalMilliseconds);
            peak = Math.Max(peak, run.PeakKb);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Measure.Median(times):0} ms, peak {peak / 1024.0:0} MB");
    }

    private static string Size(string binary) => string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(binary).Length / 1024.0 / 1024.0:0.0} MiB");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB");
}
