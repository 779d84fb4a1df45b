using DdGates.Cli.Exit;
using DdGates.Tests.Support;

namespace DdGates.Tests.Scale;

/// <summary>
/// Every bad input, through the real CLI: a clear message naming the place, exit 3, and not one
/// request to the API. The file corpus is Corpus/bad (each file states its expected problems).
/// </summary>
public class BadInputCorpusTests
{
    public static TheoryData<string> CorpusFiles => Config.BadFileCorpusTests.Files;

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Every_bad_file_exits_3_names_the_file_and_sends_nothing(string name)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "bad", name);

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", path);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"{path}:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was sent to Datadog", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    public static TheoryData<string, string[], Dictionary<string, string>, string> Cases => new()
    {
        { "invalid site", ["plan", "--config", "GOOD", "--site", "datadoghq.org"], Keys(), "--site: Unknown Datadog site \"datadoghq.org\"" },
        { "gov site", ["plan", "--config", "GOOD", "--site", "ddog-gov.com"], Keys(), "--site: Deployment Gates are not available on ddog-gov.com" },
        { "api url", ["plan", "--config", "GOOD", "--api-url", "ftp://x"], Keys(), "--api-url: \"ftp://x\" is not an http(s) URL" },
        { "missing keys", ["apply", "--config", "GOOD"], [], "DD_API_KEY / DATADOG_API_KEY: no Datadog credentials given: set DD_API_KEY and DD_APP_KEY (or DATADOG_API_KEY and DATADOG_APP_KEY), or DD_ACCESS_TOKEN" },
        { "one key missing", ["apply", "--config", "GOOD"], new() { ["DD_API_KEY"] = "good-api-key" }, "DD_APP_KEY / DATADOG_APP_KEY: not set" },
        { "token and keys", ["apply", "--config", "GOOD"], new(Keys()) { ["DD_ACCESS_TOKEN"] = "good-token" }, "DD_APP_KEY: set together with an access token; give either the token or the API and application keys, not both" },
        { "blank token", ["apply", "--config", "GOOD"], new() { ["DD_ACCESS_TOKEN"] = "  " }, "DD_ACCESS_TOKEN: must not be blank" },
        { "blank key", ["apply", "--config", "GOOD"], Keys(api: "   "), "DD_API_KEY: must not be blank" },
        { "key with a newline", ["apply", "--config", "GOOD"], Keys(app: "abc\n"), "DD_APP_KEY: has leading or trailing whitespace" },
        { "key with inner space", ["apply", "--config", "GOOD"], Keys(app: "ab cd"), "DD_APP_KEY: contains whitespace or control characters" },
        { "timeout 0", ["evaluate", "--service", "web", "--env", "prod", "--timeout", "0"], Keys(), "--timeout: must be a whole number of seconds from 1 to 86400, found \"0\"" },
        { "negative timeout", ["evaluate", "--service", "web", "--env", "prod", "--timeout", "-5"], Keys(), "--timeout: must be a whole number of seconds from 1 to 86400, found \"-5\"" },
        { "concurrency 0", ["apply", "--config", "GOOD", "--concurrency", "0"], Keys(), "--concurrency: must be between 1 and 64, found 0" },
        { "missing file", ["apply", "--config", "/nonexistent/gates.yaml"], Keys(), "/nonexistent/gates.yaml: cannot read the gates file" },
        { "file and rules", ["apply", "--config", "GOOD", "--rules", "[]"], Keys(), "--rules: give either a gates file or the rules of one gate, not both" },
        { "service with a space", ["apply", "--service", "web app", "--env", "prod", "--rules", "[]"], Keys(), "--service: must not contain spaces or control characters, found a space in \"web app\"" },
        { "env with a newline", ["apply", "--service", "web", "--env", "prod\nx", "--rules", "[]"], Keys(), "--env: must not contain spaces or control characters, found U+000A" },
        { "unknown option", ["apply", "--confg", "x"], Keys(), "Unrecognized command or argument '--confg'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_flags_keys_and_sites_exit_3_and_send_nothing(string name, string[] args, Dictionary<string, string> env, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var good = CliRunner.TempFile("gates:\n  - { service: web, env: prod }\n");
        var withUrl = args.Contains("--api-url") || args.Contains("--site") ? args : [.. args, "--api-url", emulator.BaseUrl.AbsoluteUri];

        var run = await CliRunner.RunAsync(env, [.. withUrl.Select(a => a == "GOOD" ? good : a)]);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, $"{name}: {run}");
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
        foreach (var key in env.Values.Where(v => v.Trim().Length > 2)) Assert.DoesNotContain(key.Trim(), run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate", "--timeout", "0", "gate_status")]
    [InlineData("plan", "--concurrency", "0", "changed")]
    public async Task Refused_input_with_json_output_still_prints_one_document(string command, string flag, string value, string field)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile("gates:\n  - { service: web, env: prod }\n");

        var run = await CliRunner.RunAsync(emulator, command, "--config", file, flag, value, "-o", "json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal("invalid", doc.RootElement.GetProperty("result").GetString());
        Assert.True(doc.RootElement.TryGetProperty(field, out _));
        Assert.Equal(3, doc.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Equal(flag, Assert.Single(doc.RootElement.GetProperty("problems").EnumerateArray()).GetProperty("input").GetString());
        Assert.Empty(emulator.State.Log.Entries);
    }

    [Fact]
    public async Task A_very_large_file_is_refused_before_parsing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var big = CliRunner.TempFile("gates:\n" + string.Concat(Enumerable.Repeat("# padding padding padding padding padding padding padding padding\n", 140_000)));

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", big);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("the file is larger than 4 MiB", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.State.Log.Entries);
    }

    [Fact]
    public async Task Unicode_letters_are_valid_names_and_reach_the_api_intact()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile("gates:\n  - service: café-paiement\n    env: prod\n    rules:\n      - { name: \"Moniteurs P0 ✓ «prod»\", type: monitor, options: { query: \"service:café-paiement\" } }\n");

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", file);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var gate = Assert.Single(emulator.State.Store.Snapshot());
        Assert.Equal("café-paiement", gate.Service);
        Assert.Equal("Moniteurs P0 ✓ «prod»", Assert.Single(gate.Rules).Name);
    }

    private static Dictionary<string, string> Keys(string api = "good-api-key", string app = "good-app-key") => new() { ["DD_API_KEY"] = api, ["DD_APP_KEY"] = app };
}
