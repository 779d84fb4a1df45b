using System.Diagnostics;
using DdGates.Tests.Manifests;

namespace DdGates.Tests.Support;

/// <summary>
/// The program as a process. With DDGATES_BINARY naming a binary (CI sets it to the Native AOT build it ships), that
/// binary runs; else this build's <c>dotnet dd-gates.dll</c>, so a plain <c>dotnet test</c> needs nothing published.
/// </summary>
internal static class ShippedBinary
{
    public const string Variable = "DDGATES_BINARY";

    /// <summary>The binary under test, when one is named; a name that is not a file is an error, not a silent fallback.</summary>
    public static string? Named
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return null;
            var full = Path.GetFullPath(path, RepoFiles.Root);
            Assert.True(File.Exists(full), $"{Variable} names {full}, which does not exist");
            return full;
        }
    }

    /// <summary>A start for the program with <paramref name="args"/>, output redirected.</summary>
    public static ProcessStartInfo Start(params string[] args)
    {
        var start = Named is { } binary ? new ProcessStartInfo(binary) : new ProcessStartInfo("dotnet");
        if (start.FileName == "dotnet") start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dd-gates.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }
}
