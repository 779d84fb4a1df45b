using System.Diagnostics;

namespace DdGates.Tests.Azure;

public sealed record TaskRun(int ExitCode, string Stdout, string Stderr)
{
    public List<AgentCommand> Commands => AgentLoggingCommands.Parse(Stdout);

    public Dictionary<string, string> OutputVariables => Commands
        .Where(c => c.Event == "setvariable" && c.Properties.GetValueOrDefault("isoutput") == "true")
        .ToDictionary(c => c.Properties["variable"], c => c.Data);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Plays the Azure agent's Node handler: the task folder as the VSIX installs it (with the
/// framework-dependent build in bin/), sources and temp directories, and a crafted environment.
/// </summary>
internal sealed class TaskSandbox : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dd-gates-agent-").FullName;

    public TaskSandbox()
    {
        var taskSource = Path.Combine(Manifests.RepoFiles.Root, "task", "DdGatesV1");
        TaskDir = Path.Combine(_root, "tasks", "DdGatesV1");
        Directory.CreateDirectory(Path.Combine(TaskDir, "bin"));
        foreach (var file in Directory.GetFiles(taskSource)) File.Copy(file, Path.Combine(TaskDir, Path.GetFileName(file)));
        // The framework-dependent build as the task ships it: the program's files and every assembly its deps.json names.
        foreach (var file in new[] { "dd-gates.runtimeconfig.json", "dd-gates.deps.json" }.Concat(RuntimeAssemblies()))
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, file), Path.Combine(TaskDir, "bin", file));
        }

        foreach (var dir in new[] { Sources, Temp, FakeBin }) Directory.CreateDirectory(dir);
    }

    public string TaskDir { get; }

    private static IEnumerable<string> RuntimeAssemblies()
    {
        using var deps = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dd-gates.deps.json")));
        foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                if (!library.Value.TryGetProperty("runtime", out var runtime)) continue;
                foreach (var asset in runtime.EnumerateObject()) yield return Path.GetFileName(asset.Name);
            }
        }
    }
    public string Sources => Path.Combine(_root, "s");
    public string Temp => Path.Combine(_root, "_temp");
    public string FakeBin => Path.Combine(_root, "fakebin");

    /// <summary>A docker on PATH that records its arguments and environment names, and answers like Docker.</summary>
    public string InstallFakeDocker(int runExitCode)
    {
        var record = Path.Combine(_root, "docker-calls.txt");
        File.WriteAllText(Path.Combine(FakeBin, "docker"), $$"""
            #!/bin/sh
            echo "ARGS $*" >> "{{record}}"
            if [ "$1" = "version" ]; then echo 27.3.1; exit 0; fi
            # The environment as received (sh itself drops names with hyphens, such as an endpoint id's).
            tr '\0' '\n' < /proc/$$/environ | cut -d= -f1 | sed 's/^/ENV /' >> "{{record}}"
            tr '\0' '\n' < /proc/$$/environ | cut -d= -f2- | sed 's/^/VAL /' >> "{{record}}"
            echo "##vso[task.setvariable variable=result;isoutput=true]created"
            exit {{runExitCode}}
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(FakeBin, "docker"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return record;
    }

    public async Task<TaskRun> RunAsync(IReadOnlyDictionary<string, string> env, string path)
    {
        var start = new ProcessStartInfo(NodePath(), Path.Combine(TaskDir, "index.js"))
        {
            WorkingDirectory = Sources,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = path;
        start.Environment["HOME"] = _root;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root) start.Environment["DOTNET_ROOT"] = root;
        start.Environment["TF_BUILD"] = "True";
        start.Environment["BUILD_SOURCESDIRECTORY"] = Sources;
        start.Environment["AGENT_TEMPDIRECTORY"] = Temp;
        foreach (var (name, value) in env) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new TaskRun(process.ExitCode, await stdout, await stderr);
    }

    public static string NodePath() =>
        new[] { "/usr/bin/node", "/usr/local/bin/node" }.FirstOrDefault(File.Exists) ?? "node";

    public static string DotnetDir() => Path.GetDirectoryName(Environment.ProcessPath is { } p && Path.GetFileName(p) == "dotnet" ? p : "/usr/bin/dotnet")!;

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
