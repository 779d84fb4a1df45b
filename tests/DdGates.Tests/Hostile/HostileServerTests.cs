using System.Diagnostics;
using System.Text;
using DdGates.Cli.Exit;
using DdGates.Http;
using DdGates.Planning;
using DdGates.Tests.Cli;
using DdGates.Tests.Support;

namespace DdGates.Tests.Hostile;

[CollectionDefinition(nameof(HostileServerTests), DisableParallelization = true)]
public sealed class HostileServersRunAlone;

/// <summary>
/// A plan as a GitHub step against a server that is broken or hostile (a proxy, a mis-set api-url, an attacker). Every run
/// ends in bounded time and memory with exit 1 and a message that names the server's fault: no stack trace, and neither
/// key anywhere but in the runner's own add-mask lines (not in stderr, the summary, the outputs or an annotation).
/// Alone in its collection, so the memory it allocates is its own.
/// </summary>
[Collection(nameof(HostileServerTests))]
public class HostileServerTests
{
    private const string ApiKey = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private const string AppKey = "0123456789abcdef0123456789abcdef01234567";
    private const string Gates = "gates:\n  - service: web\n    env: prod\n    rules:\n      - { name: P0, type: monitor, options: { query: \"service:web\" } }\n";

    private static readonly RetryPolicy Quick = TestEmulator.FastRetries with { MaxRateLimitWait = TimeSpan.FromMilliseconds(200), AttemptTimeout = TimeSpan.FromSeconds(5) };

    public static TheoryData<string, int, string> Echoes => new()
    {
        { "JSON error strings", 403, $$"""{"errors":["Forbidden: DD-API-KEY {{ApiKey}} with DD-APPLICATION-KEY {{AppKey}} may not"]}""" },
        { "JSON error objects", 400, $$"""{"errors":[{"status":"400","title":"Bad key {{AppKey}}","detail":"DD-API-KEY: {{ApiKey}}"}]}""" },
        { "JSON escapes", 403, $$"""{"errors":["key {{string.Concat(ApiKey.Select(c => $"\\u{(int)c:x4}"))}}"]}""" },
        { "plain text", 401, $"unauthorized: {ApiKey}" },
        { "an HTML page", 502, $"<html><body><h1>Bad Gateway</h1><pre>DD-API-KEY: {ApiKey}\nDD-APPLICATION-KEY: {AppKey}</pre></body></html>" },
        { "a long body cut around the key", 400, new string('x', 190) + ApiKey + new string('y', 800) + AppKey + new string('z', 5000) },
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task Keys_a_server_echoes_reach_no_output(string shape, int status, string body)
    {
        await using var server = HostileServer.Always(status, body, ("Content-Type", shape.StartsWith("JSON", StringComparison.Ordinal) ? "application/json" : "text/plain"));

        var step = await Plan(server);

        AssertContained(step, $"Datadog answered {status}");
        Assert.Contains(SecretSet.Mask, step.Summary.Replace("\\", "", StringComparison.Ordinal), StringComparison.Ordinal); // the echo got through, redacted
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_to_another_origin_is_not_followed_and_the_other_origin_gets_no_request(int status)
    {
        await using var elsewhere = HostileServer.Always(200, """{"data":[]}""");
        var location = new Uri(elsewhere.Url, "api/v2/deployment_gates?stolen=1");
        await using var server = HostileServer.Always(status, "", ("Location", location.AbsoluteUri));

        var step = await Plan(server);

        AssertContained(step, $"redirected to {location.AbsoluteUri}; dd-gates follows no redirect");
        Assert.Empty(elsewhere.Requests);
    }

    public static TheoryData<string, string, string> OddAnswers => new()
    {
        { "data null", "application/json", """{"data": null}""" },
        { "a null item", "application/json", """{"data": [null]}""" },
        { "attributes null", "application/json", """{"data": [{"id": "0b7e1a52-2f1c-4a59-9a0e-5d1f6f0a9c11", "type": "deployment_gate", "attributes": null}]}""" },
        { "truncated JSON", "application/json", """{"data": [{"id": "0b7e1a52-2f1c""" },
        { "an HTML page", "text/html", "<!doctype html><html><body>Sign in</body></html>" },
        { "a deeply nested body", "application/json", new string('[', 100_000) + new string(']', 100_000) },
        { "a number", "application/json", "42" },
    };

    [Theory]
    [MemberData(nameof(OddAnswers))]
    public async Task An_answer_that_is_not_what_the_api_sends_is_the_servers_fault_never_a_crash(string shape, string type, string body)
    {
        Assert.NotEmpty(shape);
        await using var server = HostileServer.Always(200, body, ("Content-Type", type));

        var step = await Plan(server);

        AssertContained(step, "unreadable answer");
    }

    public static TheoryData<string, string> OddWaits => new()
    {
        { "X-RateLimit-Reset", "1e308" },
        { "X-RateLimit-Reset", "NaN" },
        { "X-RateLimit-Reset", "Infinity" },
        { "X-RateLimit-Reset", "-5" },
        { "Retry-After", "99999999999" },
        { "Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT" },
    };

    [Theory]
    [MemberData(nameof(OddWaits))]
    public async Task A_rate_limit_that_asks_for_forever_is_waited_out_within_the_budget(string header, string value)
    {
        await using var server = HostileServer.Always(429, """{"errors":["Too many requests"]}""", (header, value));

        var step = await Plan(server);

        AssertContained(step, "Datadog answered 429");
        Assert.Equal(Quick.MaxRetries + 1, server.Requests.Count);
    }

    [Fact]
    public async Task A_body_without_end_is_cut_at_the_limit_in_bounded_memory()
    {
        await using var server = new HostileServer(async (_, _, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"), ct);
            var chunk = Encoding.ASCII.GetBytes($"10000\r\n{new string(' ', 0x10000)}\r\n");
            for (var sent = 0L; sent < 1L << 32; sent += 0x10000) await stream.WriteAsync(chunk, ct); // 4 GiB at most; the client hangs up long before
        });

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var step = await Plan(server);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        AssertContained(step, "larger than 16 MiB");
        Assert.True(allocated < 250L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MiB");
        Assert.Single(server.Requests); // refused, not retried
    }

    [Fact]
    public async Task A_body_that_says_it_is_1_5_GiB_is_refused_before_it_is_read()
    {
        await using var server = new HostileServer(async (_, _, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1610612736\r\n\r\n[ "), ct);
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        });

        var watch = Stopwatch.StartNew();
        var step = await Plan(server);

        AssertContained(step, "larger than 16 MiB");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_cursor_that_never_changes_ends_the_listing()
    {
        await using var server = HostileServer.Always(200,
            """{"data":[{"id":"0b7e1a52-2f1c-4a59-9a0e-5d1f6f0a9c11","type":"deployment_gate","attributes":{"service":"other","env":"prod","identifier":"default"}}],"meta":{"page":{"next_cursor":"again"}}}""");

        var step = await Plan(server);

        AssertContained(step, "sent a page cursor it had sent before");
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_gate_id_that_would_climb_out_of_the_api_path_is_refused_and_nothing_is_sent_with_it()
    {
        await using var server = HostileServer.Always(200,
            """{"data":[{"id":"../../../v1/evil","type":"deployment_gate","attributes":{"service":"web","env":"prod","identifier":"default"}}]}""");

        var step = await Plan(server);

        AssertContained(step, "is not an id");
        Assert.All(server.Requests, r => Assert.StartsWith("/api/v2/deployment_gates?", r.Target, StringComparison.Ordinal));
    }

    private static Task<HostedStep> Plan(HostileServer server) =>
        HostedStep.RunAsync("github", server.Url, new() { ["command"] = "plan", ["config"] = CliRunner.TempFile(Gates) }, ApiKey, AppKey, Quick);

    private static void AssertContained(HostedStep step, string expected)
    {
        Assert.True(step.ExitCode == ExitCodes.Failed, step.ToString());
        Assert.Contains(expected, step.Summary.Replace("\\", "", StringComparison.Ordinal), StringComparison.Ordinal); // the summary escapes markdown
        Assert.Contains(step.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        var everything = step.Stdout + step.Stderr + step.Summary + string.Join("\n", step.Outputs.Values);
        Assert.DoesNotContain("   at ", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", everything, StringComparison.Ordinal);
        foreach (var key in new[] { ApiKey, AppKey })
        {
            // The one place a key may stand: the runner's add-mask command, which is what hides it in the log.
            var outsideMasks = string.Join("\n", step.Stdout.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)));
            Assert.DoesNotContain(key, outsideMasks + step.Stderr + step.Summary + string.Join("\n", step.Outputs.Values), StringComparison.Ordinal);
        }
    }
}
