using DdGates.Tests.Support;
using System.Diagnostics;

namespace DdGates.Tests.GitHub;

public sealed record StepResult(int ExitCode, string Stdout, string Stderr, Dictionary<string, string> Outputs, string Summary)
{
    public List<ParsedCommand> Commands => RunnerWorkflowCommands.Parse(Stdout);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}\n--- summary\n{Summary}";
}

/// <summary>
/// Plays the GitHub runner for a Docker action step: a workspace, file_commands files named as the
/// runner names them, the INPUT_* variables (hyphens kept) and GITHUB_* environment, then the real
/// dd-gates program as a separate process with the step's arguments.
/// </summary>
internal sealed class RunnerSandbox : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dd-gates-runner-" + Guid.NewGuid().ToString("N"));

    public RunnerSandbox()
    {
        foreach (var dir in new[] { "workspace", "file_commands", "home", "workflow" }) Directory.CreateDirectory(Path.Combine(_root, dir));
        OutputFile = Path.Combine(_root, "file_commands", "set_output_" + Guid.NewGuid());
        SummaryFile = Path.Combine(_root, "file_commands", "step_summary_" + Guid.NewGuid());
        File.WriteAllText(OutputFile, "");
        File.WriteAllText(SummaryFile, "");
        File.WriteAllText(Path.Combine(_root, "workflow", "event.json"), "{}");
    }

    public string Workspace => Path.Combine(_root, "workspace");
    public string OutputFile { get; }
    public string SummaryFile { get; }

    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return relativePath;
    }

    public async Task<StepResult> RunAsync(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string>? extraEnv = null)
    {
        var start = ShippedBinary.Start("run");
        start.WorkingDirectory = Workspace;
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "DOTNET_ROOT", "DOTNET_CLI_HOME", "TMPDIR" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value) start.Environment[name] = value;
        }

        var env = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["HOME"] = Path.Combine(_root, "home"),
            ["GITHUB_WORKSPACE"] = Workspace,
            ["GITHUB_EVENT_PATH"] = Path.Combine(_root, "workflow", "event.json"),
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
            ["GITHUB_REPOSITORY"] = "org/repo",
            ["GITHUB_RUN_ID"] = "1234",
            ["RUNNER_TEMP"] = Path.Combine(_root, "home"),
        };
        foreach (var (name, value) in inputs) env["INPUT_" + name.Replace(' ', '_').ToUpperInvariant()] = value;
        foreach (var (name, value) in extraEnv ?? new Dictionary<string, string>()) env[name] = value;
        foreach (var (name, value) in env) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var outputs = RunnerFileCommands.Parse(await File.ReadAllTextAsync(OutputFile));
        return new StepResult(process.ExitCode, await stdout, await stderr, outputs, await File.ReadAllTextAsync(SummaryFile));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
