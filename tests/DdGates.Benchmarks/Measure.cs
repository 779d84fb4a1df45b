using System.Diagnostics;
using System.Globalization;

namespace DdGates.Benchmarks;

/// <summary>One run of the published dd-gates binary: wall time and peak RSS (GNU time), exit code.</summary>
internal sealed record ProcessRun(int ExitCode, TimeSpan Wall, long PeakKb, DateTimeOffset StartedAt, string Stderr);

internal static class Measure
{
    /// <param name="apiUrl">Where the API is (added as --api-url); null for a command that sends nothing (--version).</param>
    public static async Task<ProcessRun> RunAsync(string binary, Uri? apiUrl, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        var api = apiUrl is null ? [] : new[] { "--api-url", apiUrl.AbsoluteUri };
        foreach (var a in new[] { "-f", "__time %e %M", binary }.Concat(args).Concat(api)) start.ArgumentList.Add(a);
        start.Environment["DD_API_KEY"] = "bench-api-key";
        start.Environment["DD_APP_KEY"] = "bench-app-key";
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        await stdout;
        var time = stderr.Split('\n').Last(l => l.StartsWith("__time ", StringComparison.Ordinal)).Split(' ');
        return new ProcessRun(process.ExitCode, clock.Elapsed, long.Parse(time[2], CultureInfo.InvariantCulture), startedAt, stderr);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memKb = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return $"{Environment.ProcessorCount} cores ({cpu}), {memKb / 1024 / 1024} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
